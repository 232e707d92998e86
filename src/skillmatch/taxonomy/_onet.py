"""Import O*NET Technology Skills as a taxonomy layer (``skillmatch taxonomy import onet``).

Each distinct ``Example`` (a product or technology name) becomes a skill; its UNSPSC commodity
gives its category (rules in ``import_rules.toml``) and its ref (``onet:<commodity code>``);
aliases come from the rules in :mod:`._aliases` (an acronym alias only for a product O*NET shows
some breadth for: hot, in demand, listed by a computer occupation, or named descriptively like
"Local area network LAN" - "PDA" alone is not the Pile Driving Analyzer - and what is left of
a name without its vendor only when it is not plain English or the product is hot: "Microsoft
Teams" gives "Teams", "Amazon Data Pipeline" does not give "Data Pipeline"); a name that is a category rather than a product ("Spreadsheet software",
"Programming languages") or only a vendor's name ("Google") is left out.

Demand, rule O1: O*NET marks a technology *Hot* when employers' job postings name it often and
*In Demand* when postings for an occupation name it often (O*NET 29.2 Technology Skills, columns
"Hot Technology" and "In Demand"). A skill's demand is::

    min(cap, hot * demand_hot + in_demand * demand_in_demand
             + share * demand_occupation_share), at least demand_floor

where ``share`` is the fraction of the computer and mathematical occupations (SOC 15-xxxx) that
list it; the weights are in ``import_rules.toml``. It is a prior for skills no corpus measured,
not a measured share.

A vendor's name goes on with words that name a company ("Dassault Systemes CATIA": rule
vendor-company), and products that share a vendor and a product word form a line, a skill of
its own that they have as parent ("IBM Cognos", short name "Cognos": rule product-line). A
company's full name is also written short ("BMC Software Control-M" -> "BMC Control-M": rule
vendor-short), and words after the product's own name that only say what kind of package it
is are dropped ("Microsoft Hyper-V Server" -> "Hyper-V": rule descriptive-tail; such a short
name merges the product into no other skill).

The importer merges a product into a skill of the ``base`` taxonomy (the curated core) when
their names meet (normalised name or alias); the report lists every merge and every alias it
dropped because two products claimed it.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import Messages, TaxonomyError
from ._aliases import (
    _VERSION,
    AliasRules,
    company_vendors,
    find_vendors,
    named_company_vendors,
    respelled_vendors,
    sole_product_vendors,
    without_generic_tail,
)
from ._merge import _EXACT, LayerBuilder
from ._model import Taxonomy, normalize_alias
from ._rules import import_rules
from ._words import is_common, zipf

_TECH_FILE = "Technology Skills.txt"


@dataclass(frozen=True)
class OnetRow:
    """One product as O*NET lists it, with its signals summed over occupations."""

    name: str
    commodity: str
    commodity_title: str
    hot: bool
    in_demand: bool
    share: float  # of the computer and mathematical occupations that list it


def read_onet(folder: str | Path) -> list[OnetRow]:
    """The distinct products of ``Technology Skills.txt`` in ``folder``, in name order."""
    rules = import_rules()["onet"]
    path = Path(folder) / _TECH_FILE
    if not path.is_file():
        raise TaxonomyError(Messages.T015.format(folder=folder, file=repr(_TECH_FILE),
                                                 source="O*NET 29.2", example="onet-29.2"))
    occupations: dict[str, set[str]] = defaultdict(set)
    first: dict[str, dict[str, str]] = {}
    hot: dict[str, bool] = defaultdict(bool)
    demand: dict[str, bool] = defaultdict(bool)
    group_occupations: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = " ".join(row["Example"].split())
            first.setdefault(name, row)
            hot[name] |= row["Hot Technology"] == "Y"
            demand[name] |= row["In Demand"] == "Y"
            code = row["O*NET-SOC Code"]
            if code.startswith(rules["occupation_group"]):
                occupations[name].add(code)
                group_occupations.add(code)
    total = max(len(group_occupations), 1)
    return [OnetRow(name, first[name]["Commodity Code"], first[name]["Commodity Title"],
                    hot[name], demand[name], len(occupations[name]) / total)
            for name in sorted(first)]


def is_generic_category(name: str, rules: AliasRules,
                        lowercase_words: frozenset[str] = frozenset(), *,
                        demanded: bool = False) -> bool:
    """A category, not a product (rule generic-category): two or more words, no capital after
    the first, and every word ordinary - a common English word, or one O*NET itself writes in
    lowercase inside other names ("scripting" in "... scripting ...").

    >>> rules = AliasRules()
    >>> is_generic_category("Spreadsheet software", rules), is_generic_category("Alteryx software", rules)
    (True, False)
    >>> is_generic_category("Programming languages", rules), is_generic_category("Chef", rules)
    (True, False)
    >>> is_generic_category("Computer aided design CAD software", rules)
    False

    One English word naming an activity by its form before a generic last word is a category
    too, though rarer words than the threshold's ("Traceability software", "Diagramming
    software"), unless employers ask for it by that name (``demanded``: "Ansible software" is
    hot in O*NET). Rule category-activity may still import its activity as a technique:

    >>> is_generic_category("Traceability software", rules)
    True
    """
    words = name.split()
    if len(words) < 2 or words[0] in rules.vendors or any(ch.isdigit() for ch in name):
        return False
    if words[0][1:] != words[0][1:].lower() or any(w != w.lower() for w in words[1:]):
        return False  # a capital inside: a name or an acronym ("ArcGIS", "CAD")
    config = import_rules()
    threshold = float(config["common_words"]["category_zipf_threshold"])
    if (not demanded and len(words) == 2 and words[1] in rules.generic_tail
            and _names_activity(words[0])
            and zipf(words[0]) >= float(config["onet"]["activity_word_min_zipf"])):
        return True
    return all(w.lower() in lowercase_words or is_common(w, threshold=threshold) for w in words)


def _descriptive(name: str) -> bool:
    """A sentence-case name of a technology ("Local area network LAN software"), not a brand:
    its acronym is the usual name of the thing ("LAN")."""
    words = [w for w in name.split()[1:] if not w.isupper()]
    return bool(words) and all(w == w.lower() for w in words)


# "Hyper-V", "Control-M"; not a title-case hyphenated word ("Self-Service"), nor CamelCase,
# which can spell a word ("DeCipher", "PrimeTime": vendor-prefix-cased keeps them as written)
_CAPITAL_INSIDE = re.compile(r"[A-Za-z]-[A-Z](?![a-z])")


def _word_like(alias: str) -> bool:
    """What is left without the vendor reads as English: common words ("Internet Explorer"),
    or one word that is in use at all (Zipf >= ``cased_min_zipf``: "Workstation" 3.0,
    "Firefox" 3.4; not "Sqoop" 0, "Hadoop" 2.6). Such a form is matched only as written.

    >>> _word_like("Internet Explorer"), _word_like("Workstation"), _word_like("Sqoop")
    (True, True, False)

    A capital letter alone after a hyphen marks a name whatever its letters spell ("Hyper-V"
    is not "hyper v"; rule vendor-evidence), but a title-case hyphenated word does not
    ("Self-Service"):

    >>> _word_like("Hyper-V"), _word_like("Employee Self-Service"), _word_like("DeCipher")
    (False, True, True)
    """
    if _CAPITAL_INSIDE.search(alias):
        return False
    if is_common(alias.lower()):
        return True
    limit = float(import_rules()["onet"]["cased_min_zipf"])
    return " " not in alias and alias.isalpha() and zipf(alias) >= limit


_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")  # as the matcher splits names


def _line_word_is_english(word: str) -> bool:
    """Rule line-word: the short name of a product line is a word in English use (Zipf at
    least ``line_word_min_zipf``: "Incisive" 2.8, "Veritas" 2.8, "Hyperion" 2.8; not "Cognos"
    1.7, "Siebel" 2.0, "Mathematica" 2.5) or reads as words (rule camel-words).

    >>> _line_word_is_english("Veritas"), _line_word_is_english("Cognos")
    (True, False)
    """
    limit = float(import_rules()["onet"]["line_word_min_zipf"])
    return _reads_as_words(word) or zipf(word) >= limit


def _reads_as_words(alias: str) -> bool:
    """Rule camel-words: a name of two capitalised common words run together ("LifeCycle",
    "BusinessObjects") is matched as those words too ("life cycle"): it reads as English.

    >>> _reads_as_words("LifeCycle"), _reads_as_words("BusinessObjects"), _reads_as_words("Creo")
    (True, True, False)
    """
    camel = _CAMEL.match(alias)
    return camel is not None and is_common(f"{camel[1]} {camel[2]}".lower())


def _proper_name(alias: str, *, broad: bool = False) -> bool:
    """Rule vendor-prefix-cased: what is left of a product name without its vendor, made of
    common words, still names the product when written as its name - every word capitalised
    ("Google Chrome" -> "Chrome", "Microsoft Windows XP" -> "Windows XP", "SAP Business
    Objects" -> "Business Objects") - unless its last word names an activity (the suffixes
    of rule category-activity: "Oracle Supply Chain Management" does not give "Supply Chain
    Management") - and, for one word, when the word is not too common ("Edge", "Paint" are
    everyday words). Such a form is matched only in the case written and, being ordinary
    words, only in a list of skills. A product O*NET shows broad (``broad``: listed by many
    computer occupations) keeps a more common word ("Microsoft Publisher" -> "Publisher" 4.1,
    "Apache Pig" -> "Pig" 4.1).

    >>> _proper_name("Chrome"), _proper_name("Windows XP"), _proper_name("Edge")
    (True, True, False)
    >>> _proper_name("data pipeline"), _proper_name("Supply Chain Management")
    (False, False)
    >>> _proper_name("Publisher"), _proper_name("Publisher", broad=True)
    (False, True)
    """
    words = alias.split()
    if not all(any(ch.isupper() or ch.isdigit() for ch in w) for w in words):
        return False
    if len(words) > 1 and _names_activity(words[-1]):
        return False  # names work, not a product: "Supply Chain Management", "Production Planning"
    config = import_rules()["onet"]
    limit = float(config["broad_cased_max_zipf" if broad else "cased_max_zipf"])
    return len(words) > 1 or zipf(alias) < limit


def _names_activity(word: str) -> bool:
    """The word names an activity by its form: one of the suffixes of rule category-activity
    ("-ing", "-ment", "-tion"...; import_rules.toml).

    >>> _names_activity("Bookkeeping"), _names_activity("browser")
    (True, False)
    """
    return word.lower().endswith(tuple(import_rules()["onet"]["activity_suffixes"]))


def _activity(name: str, rules: AliasRules,
              lowercase_words: frozenset[str] = frozenset()) -> str | None:
    """The work a category of software serves (rule category-activity): one to three words
    before a generic last word, the last of them naming an activity by its form - "-ing",
    "-ment", "-tion", "-sis", "-able"... (suffixes in import_rules.toml): "Accounts payable
    software" -> "Accounts payable", "Bookkeeping software" -> "Bookkeeping". A product noun
    is no activity ("Web browser software", "Email software"), and one everyday word is too
    plain to list as a skill ("Accounting", "Testing": as common as the threshold of rule
    generic-category; "debugging", which O*NET writes in lowercase inside other names).

    >>> rules = AliasRules()
    >>> _activity("Accounts payable software", rules), _activity("Web browser software", rules)
    ('Accounts payable', None)
    >>> _activity("Email software", rules), _activity("Bookkeeping software", rules)
    (None, 'Bookkeeping')
    """
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in rules.generic_tail:
        return None
    head = words[:-1]
    if len(head) > 3 or not _names_activity(head[-1]):
        return None
    threshold = float(import_rules()["common_words"]["category_zipf_threshold"])
    if len(head) == 1 and (zipf(head[0]) >= threshold or head[0].lower() in lowercase_words):
        return None
    return " ".join(head)


def lowercase_vocabulary(rows: list[OnetRow]) -> frozenset[str]:
    """Words O*NET writes in lowercase after the first word of a name or commodity title."""
    words: set[str] = set()
    for text in {r.name for r in rows} | {r.commodity_title for r in rows}:
        words.update(w for w in text.split()[1:] if w.isalpha() and w == w.lower())
    return frozenset(words)


def category_of(commodity_title: str) -> str:
    """The skillmatch category of a UNSPSC commodity (rules in import_rules.toml)."""
    for category, keys in import_rules()["onet"]["category"].items():
        if any(k.lower() in commodity_title.lower() for k in keys):
            return str(category)
    return "tool"


def onet_demand(row: OnetRow) -> tuple[float, str]:
    """Demand rule O1 (module docstring), with the citation."""
    r = import_rules()["onet"]
    value = (r["demand_hot"] * row.hot + r["demand_in_demand"] * row.in_demand
             + r["demand_occupation_share"] * row.share)
    value = round(max(r["demand_floor"], min(r["demand_cap"], value)), 4)
    signals = [s for s, on in (("Hot Technology", row.hot), ("In Demand", row.in_demand)) if on]
    return value, (f"onet: O*NET 29.2 rule O1 ({', '.join(signals) or 'no hot/in-demand flag'}; "
                   f"listed by {row.share:.1%} of computer and mathematical occupations)")


@dataclass(frozen=True)
class ProductLines:
    """Rule product-line's result (see :func:`find_lines`)."""

    words: Mapping[str, str]  # line -> its short name: "IBM Cognos" -> "Cognos"
    prefixes: Mapping[str, str]  # the start of its products' names -> line
    products: Mapping[str, str]  # the name O*NET lists the line under -> line

    def line_of(self, name: str) -> str | None:
        """The line a product belongs to (``None`` for the line's own name)."""
        found = [p for p in self.prefixes if name.startswith(p + " ")]
        return self.prefixes[max(found, key=len)] if found and name not in self.products else None


def find_lines(names: list[str], rules: AliasRules, *, min_products: int) -> ProductLines:
    """Rule product-line: a vendor and the product word after it, when they begin at least
    ``min_products`` names, name a line of products ("IBM Cognos Impromptu", "IBM Cognos
    Planning"), whose short name is the product word. The word must be a name, not a common
    English word ("Microsoft Visual ...", "Apple Final ..."), and not another vendor's name
    ("Cadre Technologies Cadence ..."), unless O*NET lists the line itself (its name, or its
    name and a generic last word: "Microsoft Windows", "Oracle Hyperion", "ESRI ArcGIS
    software"); a generic noun ("Oracle Database ...") or a version is no product word, and
    a vendor ("Dassault Systemes") no line unless listed. A company named for its line joins
    another line of that name ("Hyperion Solutions Hyperion ..." products join "Oracle
    Hyperion").

    >>> rules = AliasRules(vendors=frozenset({"IBM", "Microsoft", "Oracle"}))
    >>> lines = find_lines(["IBM Cognos", "IBM Cognos Planning", "IBM Cognos ReportNet",
    ...                     "Microsoft Visual Basic", "Microsoft Visual Studio",
    ...                     "Oracle Database 12c", "Oracle Database Server"], rules,
    ...                    min_products=2)
    >>> dict(lines.words), lines.line_of("IBM Cognos Planning"), lines.line_of("IBM Cognos")
    ({'IBM Cognos': 'Cognos'}, 'IBM Cognos', None)
    """
    present = set(names)
    listed: dict[str, str] = {}  # line-like name -> the O*NET name that lists it
    for name in sorted(present):
        listed.setdefault(" ".join(without_generic_tail(name.split(), rules.generic_tail)), name)
    by_first: dict[str, list[str]] = defaultdict(list)
    for vendor in rules.vendors:
        by_first[vendor.split()[0]].append(vendor)
    other_vendors = {v.split()[0] for v in rules.vendors}
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in present:
        words = name.split()
        for vendor in by_first.get(words[0], ()):
            if not name.startswith(vendor + " "):
                continue
            word = name[len(vendor) + 1:].split()[0]
            if (word[0].isupper() and word.lower() not in rules.generic_nouns
                    and word.lower() not in rules.generic_tail and not _VERSION.match(word)):
                members[(vendor, word)].add(name)
    accepted = []
    for (vendor, word), names_ in members.items():
        line = f"{vendor} {word}"
        named = line in listed
        foreign = word in other_vendors and word != vendor.split()[0]
        if len(names_) >= min_products and (named or not (
                is_common(word) or foreign or line in rules.vendors)):
            accepted.append(line)
    # the listed line first, then the one with most products
    accepted.sort(key=lambda x: (x not in listed, -len(members[_vendor_and_word(x)]), x))
    short: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    products: dict[str, str] = {}
    for line in accepted:
        vendor, word = _vendor_and_word(line)
        same = [x for x in short if x.split()[-1].lower() == word.lower()]
        if same and word == vendor.split()[0]:  # a company named for its line joins the line
            prefixes[line] = same[0]  # ("Hyperion Solutions Hyperion ..." -> Oracle Hyperion)
            continue
        short[line] = word
        prefixes[line] = line
        if line in listed:
            products[listed[line]] = line
    return ProductLines(dict(sorted(short.items())), prefixes, products)


def _vendor_and_word(line: str) -> tuple[str, str]:
    vendor, _, word = line.rpartition(" ")
    return vendor, word


def _product_aliases(name: str, rules: AliasRules, *, known: bool, demanded: bool,
                     extra: Mapping[str, str] | None = None, short: str | None = None,
                     broad: bool = False) -> tuple[list[str], list[str], list[str]]:
    """The aliases of a product, its forms matched only as written (rule vendor-prefix-cased)
    and those of them that read as English whatever their rarity (rule camel-words): from the
    rules' aliases and ``extra`` ones (alias -> rule). ``short``, the short name of a product
    line, when it reads as English is matched only as written and where skills are listed
    (rule line-word), unless the product is demanded."""
    vendors = rules.vendors
    aliases: list[str] = []
    cased: list[str] = []
    plain: list[str] = []
    first = name.split()[0]
    derived = {**(extra or {}), **rules.derive(name)}  # a rule that derives it too wins
    for alias, rule in sorted(derived.items()):
        if not known and _EXACT.match(alias):
            continue
        # the vendor was dropped on the way, by this rule or an earlier one ("IBM
        # Information Management System IMS" -> ... -> "Information Management")
        stripped = (rule in ("vendor-prefix", "product-line")
                    or (first in vendors and not alias.startswith(first)))
        if alias == short and _line_word_is_english(alias) and not demanded:
            cased.append(alias)  # rule line-word: "Veritas", "Incisive", "LifeCycle" ("life
            plain.append(alias)  # cycle") are words too: as written, where skills are listed
        elif (not stripped or not _word_like(alias)
                or demanded and is_common(alias.lower())):
            aliases.append(alias)  # people write "Teams", "windows" for products this known
        elif _proper_name(alias, broad=broad):
            cased.append(alias)  # rule vendor-prefix-cased: "Chrome", "Windows XP", "Teams"
    return aliases, cased, plain


def import_onet(folder: str | Path, *, base: Taxonomy | None = None) -> tuple[str, str]:
    """Build the ``onet-tech`` layer from an O*NET 29.2 folder.

    Returns the layer (JSON text) and the import report (text). ``base`` is the taxonomy
    the layer goes under (default: the curated core), whose skills absorb the products that
    name the same thing.
    """
    from ._load import load_taxonomy

    base = base if base is not None else load_taxonomy("ml-engineer")
    config = import_rules()["onet"]
    rows = read_onet(folder)
    vendors = find_vendors((r.name for r in rows), int(config["vendor_min_products"]),
                           config["vendors"], min_named=int(config["vendor_min_named"]),
                           min_common=int(config["vendor_min_common"])
                           ) - frozenset(config["not_vendors"])
    vendors |= respelled_vendors((r.name for r in rows),
                                 int(config["respelled_vendor_min_products"]))
    vendors |= company_vendors((r.name for r in rows), vendors, config["vendor_company_words"])
    vendors |= named_company_vendors((r.name for r in rows), vendors, config["named_company_words"],
                                     config["vendor_company_words"], config["generic_tail"],
                                     config["not_vendors"])
    vendors |= sole_product_vendors((r.name for r in rows), vendors,
                                    max_vendor_zipf=float(config["sole_vendor_max_zipf"]),
                                    max_product_zipf=float(config["sole_product_max_zipf"]),
                                    min_product_length=int(config["sole_product_min_length"]))
    rules = AliasRules(vendors=vendors)
    lines = find_lines([r.name for r in rows], rules,
                       min_products=int(config["line_min_products"]))
    line_rows: dict[str, list[OnetRow]] = defaultdict(list)  # line -> its other products
    for r in rows:
        member_of = lines.line_of(r.name)
        if member_of is not None:
            line_rows[member_of].append(r)
    # a product of a line does not take the line's names: they are the line's ("IBM Cognos
    # Planning" is not "IBM Cognos")
    line_forms = {line: {normalize_alias(f) for f in (line, word, *rules.derive(line))}
                  for line, word in lines.words.items()}
    line_ids: dict[str, str] = {}
    line_members: dict[str, list[str]] = defaultdict(list)
    parents: Mapping[str, str] = config["parent"]
    builder = LayerBuilder(base, source="O*NET 29.2")
    skipped = []
    lowercase = lowercase_vocabulary(rows)
    for row in rows:
        if is_generic_category(row.name, rules, lowercase, demanded=row.hot or row.in_demand):
            activity = _activity(row.name, rules, lowercase)
            if activity is None:
                skipped.append(f"generic-category: {row.name!r} ({row.commodity_title})")
                continue
            # "Accounts payable software" is a category of products, but "accounts payable" is
            # work people list: the activity is a technique (rule category-activity)
            demand, source = onet_demand(row)
            builder.add(key=row.name, name=activity, aliases=[row.name], category="technique",
                        demand=demand, demand_source=source, refs=[f"onet:{row.commodity}"],
                        # one word ("Bookkeeping", "Traceability") is a skill in a list,
                        # ordinary prose elsewhere ("traceability matrices")
                        plain=[activity] if " " not in activity else [])
            skipped.append(f"category-activity: {row.name!r} -> technique {activity!r}")
            continue
        if row.name in vendors and row.name not in lines.products:
            skipped.append(f"vendor-only: {row.name!r} names a company, not a product")
            continue
        demand, source = onet_demand(row)
        parent = parents.get(row.commodity)
        own = lines.products.get(row.name)  # O*NET lists the line under this name
        line = lines.line_of(row.name)
        known = _known(row)
        short = lines.words[own] if own is not None else None
        if own is not None:  # the short name may be a vendor's ("Hyperion"): kept here
            known = known or any(_known(r) for r in line_rows[own])
        extra = {short: "product-line"} if short else {}
        own_software = " ".join(without_generic_tail(row.name.split(), rules.generic_tail))
        if own_software != row.name and own_software in vendors:
            extra[own_software] = "trailing-generic"  # rule vendor-software: "ADP software"
        aliases, cased, plain = _product_aliases(
            row.name, rules, known=known, demanded=row.hot or row.in_demand,
            extra=extra, short=short,
            broad=row.share >= float(config["broad_share"]))
        if line is not None:
            aliases = [a for a in aliases if normalize_alias(a) not in line_forms[line]]
            cased = [c for c in cased if normalize_alias(c) not in line_forms[line]]
        sid = builder.add(
            key=row.name, name=row.name, aliases=aliases, cased=cased, plain=plain,
            category=category_of(row.commodity_title), demand=demand, demand_source=source,
            refs=[f"onet:{row.commodity}"],
            parents=[parent] if parent and parent in base.skills else [],
            common_aliases=row.hot or row.in_demand,
            loose=rules.loose(row.name) | extra.keys() - {short},  # rule vendor-software's too
        )
        if own is not None:
            line_ids.setdefault(own, sid)
        elif line is not None:
            line_members[line].append(sid)
    for line, word in lines.words.items():
        members = line_rows[line]
        if line not in line_ids:  # O*NET does not list the line itself: a skill of its own
            line_ids[line] = _add_line(builder, line, word, members, rules, parents, base)
        for member in line_members[line]:
            builder.link(member, line_ids[line])
        builder.report.append(f"product-line: {line!r} -> {line_ids[line]} "
                              f"({len(members)} products: {', '.join(r.name for r in members)})")
    header: dict[str, Any] = {
        "id": "onet-tech", "name": "O*NET 29.2 Technology Skills", "version": "29.2",
        "default_demand": float(config["demand_floor"]),
        "default_demand_source": "onet: O*NET 29.2 rule O1 floor",
        "generated": "by `skillmatch taxonomy import onet <O*NET 29.2 folder>`; do not edit by "
                     "hand: change taxonomy/import_rules.toml or the importer and regenerate",
        "attribution": ATTRIBUTION,
    }
    layer, report = builder.finish(header)
    report = [report[0], f"vendors (rule vendor-prefix, >= {config['vendor_min_products']} "
              f"products): {', '.join(sorted(vendors))}", *report[1:], "",
              f"skipped ({len(skipped)}):", *skipped]
    return layer, "\n".join(report) + "\n"


def _known(row: OnetRow) -> bool:
    """O*NET shows breadth for the product (module docstring): an acronym alias is allowed."""
    return row.hot or row.in_demand or row.share > 0 or _descriptive(row.name)


def _add_line(builder: LayerBuilder, line: str, word: str, members: list[OnetRow],
              rules: AliasRules, parents: Mapping[str, str], base: Taxonomy) -> str:
    """Rule product-line for a line O*NET does not list alone ("Oracle Siebel"): a skill of
    its own, with the most frequent category of its products, the highest demand and every
    commodity; returns its id."""
    demands = [onet_demand(r) for r in members]
    demand, source = max(demands)
    categories = [category_of(r.commodity_title) for r in members]
    commodity_parents = {parents.get(r.commodity) for r in members}
    parent = commodity_parents.pop() if len(commodity_parents) == 1 else None
    demanded = any(r.hot or r.in_demand for r in members)
    aliases, cased, plain = _product_aliases(line, rules,
                                             known=any(_known(r) for r in members),
                                             demanded=demanded, extra={word: "product-line"},
                                             short=word)
    return builder.add(
        key=line, name=line, aliases=aliases, cased=cased, plain=plain,
        category=max(sorted(set(categories)), key=categories.count),
        demand=demand, demand_source=f"{source}; rule product-line: its most demanded product",
        refs=sorted({f"onet:{r.commodity}" for r in members}),
        parents=[parent] if parent and parent in base.skills else [],
        common_aliases=demanded, loose=rules.loose(line))


ATTRIBUTION = ("This product includes information from the O*NET 29.2 Database by the U.S. "
               "Department of Labor, Employment and Training Administration (USDOL/ETA), used "
               "under the CC BY 4.0 license. USDOL/ETA has not approved, endorsed, or tested "
               "these modifications.")
