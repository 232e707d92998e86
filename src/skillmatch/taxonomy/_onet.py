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

The importer merges a product into a skill of the ``base`` taxonomy (the curated core) when
their names meet (normalised name or alias); the report lists every merge and every alias it
dropped because two products claimed it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import Messages, TaxonomyError
from ._aliases import AliasRules, find_vendors
from ._merge import _EXACT, LayerBuilder
from ._model import Taxonomy
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


def _word_like(alias: str) -> bool:
    """What is left without the vendor reads as English: common words ("Internet Explorer"),
    or one word that is in use at all (Zipf >= ``cased_min_zipf``: "Workstation" 3.0,
    "Firefox" 3.4; not "Sqoop" 0, "Hadoop" 2.6). Such a form is matched only as written.

    >>> _word_like("Internet Explorer"), _word_like("Workstation"), _word_like("Sqoop")
    (True, True, False)
    """
    if is_common(alias.lower()):
        return True
    limit = float(import_rules()["onet"]["cased_min_zipf"])
    return " " not in alias and alias.isalpha() and zipf(alias) >= limit


def _proper_name(alias: str) -> bool:
    """Rule vendor-prefix-cased: what is left of a product name without its vendor, made of
    common words, still names the product when written as its name - every word capitalised
    ("Google Chrome" -> "Chrome", "Microsoft Windows XP" -> "Windows XP", "SAP Business
    Objects" -> "Business Objects") - unless its last word names an activity (the suffixes
    of rule category-activity: "Oracle Supply Chain Management" does not give "Supply Chain
    Management") - and, for one word, when the word is not too common ("Edge", "Paint" are
    everyday words). Such a form is matched only in the case written and, being ordinary
    words, only in a list of skills.

    >>> _proper_name("Chrome"), _proper_name("Windows XP"), _proper_name("Edge")
    (True, True, False)
    >>> _proper_name("data pipeline"), _proper_name("Supply Chain Management")
    (False, False)
    """
    words = alias.split()
    if not all(any(ch.isupper() or ch.isdigit() for ch in w) for w in words):
        return False
    if len(words) > 1 and _names_activity(words[-1]):
        return False  # names work, not a product: "Supply Chain Management", "Production Planning"
    limit = float(import_rules()["onet"]["cased_max_zipf"])
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
    rules = AliasRules(vendors=vendors)
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
        if row.name in vendors:
            skipped.append(f"vendor-only: {row.name!r} names a company, not a product")
            continue
        demand, source = onet_demand(row)
        parent = parents.get(row.commodity)
        known = row.hot or row.in_demand or row.share > 0 or _descriptive(row.name)
        aliases, cased = [], []
        first = row.name.split()[0]
        for alias, rule in sorted(rules.derive(row.name).items()):
            if not known and _EXACT.match(alias):
                continue
            # the vendor was dropped on the way, by this rule or an earlier one ("IBM
            # Information Management System IMS" -> ... -> "Information Management")
            stripped = rule == "vendor-prefix" or (first in vendors and not alias.startswith(first))
            if (not stripped or not _word_like(alias)
                    or (row.hot or row.in_demand) and is_common(alias.lower())):
                aliases.append(alias)  # people write "Teams", "windows" for products this known
            elif _proper_name(alias):
                cased.append(alias)  # rule vendor-prefix-cased: "Chrome", "Windows XP", "Teams"
        builder.add(
            key=row.name, name=row.name, aliases=aliases, cased=cased,
            category=category_of(row.commodity_title), demand=demand, demand_source=source,
            refs=[f"onet:{row.commodity}"],
            parents=[parent] if parent and parent in base.skills else [],
            common_aliases=row.hot or row.in_demand,
        )
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


ATTRIBUTION = ("This product includes information from the O*NET 29.2 Database by the U.S. "
               "Department of Labor, Employment and Training Administration (USDOL/ETA), used "
               "under the CC BY 4.0 license. USDOL/ETA has not approved, endorsed, or tested "
               "these modifications.")
