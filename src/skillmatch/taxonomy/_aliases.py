"""Alias rules for imported product names: each a named record with a function, tested alone.

O*NET writes one name per product and no aliases ("Amazon Elastic Compute Cloud EC2",
"Apache Sqoop", "Alteryx software"). These rules derive the names people actually write.

>>> rules = AliasRules(vendors=frozenset({"Apache", "Amazon"}))
>>> sorted(rules.derive("Amazon Elastic Compute Cloud EC2"))
['Amazon EC2', 'Amazon Elastic Compute Cloud', 'EC2', 'Elastic Compute Cloud', 'Elastic Compute Cloud EC2']
>>> sorted(rules.derive("Apache Sqoop")), sorted(rules.derive("Alteryx software"))
(['Sqoop'], ['Alteryx'])
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ._rules import import_rules
from ._words import is_common, zipf

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/&+.-]{1,7}$")
_VERSION = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d{4}|[XVI]+|\d+(?:st|nd|rd|th)?)$")
_PAREN = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True)
class AliasRule:
    """A named way of deriving aliases from a product name."""

    name: str
    description: str
    apply: Callable[[str, AliasRules], tuple[str, ...]]


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """"EC2" abbreviates "Elastic Compute Cloud", "JSON" "JavaScript Object Notation", "XML"
    "Extensible markup language": its letters appear in order in the words (or in the words
    after a vendor's), the first in the first word and the last in the last word."""
    return any(_abbreviates(acronym, words[k:]) for k in range(len(words)))


def _abbreviates(acronym: str, words: list[str]) -> bool:
    letters = [c.lower() for c in acronym if c.isalpha()]
    if not words or not letters:
        return False
    if len(letters) == 1:  # "S3": "Simple Storage Service", a letter and a count
        return len(acronym) >= 2 and words[0][:1].lower() == letters[0]
    text = " ".join(w.lower() for w in words)
    pos = text.find(letters[0])
    if pos < 0 or pos >= len(words[0]):
        return False
    for letter in letters[1:-1]:
        pos = text.find(letter, pos + 1)
        if pos < 0:
            return False
    last = text.rfind(letters[-1])
    return last > pos and last >= len(text) - len(words[-1])


def _trailing_acronym(name: str, rules: AliasRules) -> tuple[str, ...]:
    words = name.split()
    if len(words) < 3 or not _ACRONYM.match(words[-1]):
        return ()
    acronym, rest = words[-1], words[:-1]
    if not _is_acronym_of(acronym, rest):
        return ()
    out = [acronym, " ".join(rest)]
    if rest[0] in rules.vendors or rest[0].lower() in rules.vendor_keys:
        out.append(f"{rest[0]} {acronym}")
        out.append(" ".join(rest[1:]))
    return tuple(out)


def _vendor_prefix(name: str, rules: AliasRules) -> tuple[str, ...]:
    vendor = rules.vendor_of(name)
    return (name[len(vendor) + 1:],) if vendor else ()


def without_generic_tail(words: list[str], tail: frozenset[str]) -> list[str]:
    """``words`` without the generic last words in ``tail``, keeping at least one.

    >>> without_generic_tail(["Alteryx", "software"], frozenset({"software"}))
    ['Alteryx']
    """
    while len(words) > 1 and words[-1].lower() in tail:
        words = words[:-1]
    return words


def _generic_tail(name: str, rules: AliasRules) -> tuple[str, ...]:
    words = without_generic_tail(name.split(), rules.generic_tail)
    return (" ".join(words),) if len(words) < len(name.split()) else ()


_CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")
_JOINING = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "with", "&", "-"})


def _descriptive_words(words: list[str], tail: tuple[tuple[str, ...], ...],
                       camel: frozenset[str] = frozenset()) -> int:
    """How many last words of ``words`` only describe the product: a run of phrases of
    ``tail`` (lowercase word tuples, longest first), or a CamelCase word made of them and of
    ``camel`` ("EnterpriseOne": "enterprise" + "one").

    >>> _descriptive_words("Remedy IT Service Management Suite".split(),
    ...                    (("it", "service", "management"), ("suite",)))
    4
    >>> _descriptive_words(["JD", "Edwards", "EnterpriseOne"], (("enterprise",),), frozenset({"one"}))
    1
    """
    single = {t[0] for t in tail if len(t) == 1} | camel
    end = len(words)
    while end > 0:
        lowered = [w.lower() for w in words[:end]]
        phrase = next((t for t in tail if tuple(lowered[-len(t):]) == t), None)
        if phrase is not None:
            end -= len(phrase)
            continue
        parts = _CAMEL_PARTS.findall(words[end - 1])
        if len(parts) > 1 and "".join(parts) == words[end - 1] and all(
                p.lower() in single for p in parts):
            end -= 1
            continue
        break
    return len(words) - end


def _descriptive_tail(name: str, rules: AliasRules) -> tuple[str, ...]:
    """Rule descriptive-tail: the words after a product's own name that say what kind of
    package or edition it is ("Server", "Solution Suite", "IT Service Management Suite",
    "Enterprise", "Pro") are dropped, when what is left still names it (:func:`_still_a_name`).

    >>> rules = AliasRules(vendors=frozenset({"Microsoft", "Symantec", "SAP"}))
    >>> _descriptive_tail("Microsoft Hyper-V Server", rules), _descriptive_tail("Symantec Ghost Solution Suite", rules)
    (('Microsoft Hyper-V',), ('Symantec Ghost',))
    >>> _descriptive_tail("Google Earth Pro", rules), _descriptive_tail("SAP Replication Server", rules)
    ((), ())
    """
    words = name.split()
    dropped = _descriptive_words(words, rules.descriptive_tail, rules.descriptive_camel)
    rest, tail = words[:len(words) - dropped], words[len(words) - dropped:]
    if not rest or not tail or not _still_a_name(rest, tail, rules):
        return ()
    return (" ".join(rest),)


def _still_a_name(rest: list[str], tail: list[str], rules: AliasRules) -> bool:
    """What is left of a name without its descriptive words still names the product: it begins
    with a capital, and ends on neither a joining word ("... for"), a version ("Oracle Java 2
    Platform Enterprise Edition" is not "Java 2") nor a lowercase word ("QUMAS quality
    management solution software"). When it ends on a common English word, the product is
    the edition word is not part of the name ("Google Earth Pro", "Business Forecast Systems
    Forecast Pro"); the word alone or after its vendor ("Symantec Ghost", "Remedy") is no
    activity nor adjective by its form ("SAP Replication", "SAP Adaptive"), and more words
    are no English phrase: one of them is a name or an acronym ("JD Edwards"; not "Linux
    Virtual", "NCR Advanced Checkout").

    >>> _still_a_name(["JD", "Edwards"], ["EnterpriseOne"], AliasRules())
    True
    >>> _still_a_name(["Linux", "Virtual"], ["Server"], AliasRules())
    False
    """
    last = rest[-1]
    if (not rest[0][:1].isupper() or last.lower() in _JOINING or _VERSION.match(last)
            or last == last.lower()):
        return False
    if not is_common(last.lower()):
        return True
    own = rest[len(rules.vendor_of(" ".join(rest)).split()):]
    if tail[0].lower() in rules.edition_words:
        return False
    if len(own) == 1:
        return not last.lower().endswith(rules.not_name_suffixes)
    return any(_ACRONYM.match(w) or not is_common(w.lower()) for w in own)


def _vendor_short(name: str, rules: AliasRules) -> tuple[str, ...]:
    """Rule vendor-short: a company's full name before the product (a vendor and words that
    name a company, rule vendor-company: "BMC Software Remedy ...") is also written as its
    short name ("BMC Remedy ..."); not when the product's name begins with the short name
    already ("Cisco Systems CiscoWorks", "Yardi Systems Yardi").

    >>> rules = AliasRules(vendors=frozenset({"BMC", "BMC Software", "Cisco", "Cisco Systems"}))
    >>> _vendor_short("BMC Software Control-M", rules), _vendor_short("Cisco Systems CiscoWorks", rules)
    (('BMC Control-M',), ())
    """
    vendor = rules.vendor_of(name)
    if not vendor:
        return ()
    words, rest = vendor.split(), name[len(vendor) + 1:]
    for k in range(len(words) - 1, 0, -1):
        short = " ".join(words[:k])
        if short in rules.vendors and all(w in rules.company_words for w in words[k:]):
            if rest.lower().startswith(words[k - 1].lower()):
                return ()
            return (f"{short} {rest}",)
    return ()


def _parenthesised(name: str, rules: AliasRules) -> tuple[str, ...]:
    match = _PAREN.match(name)
    return (match["head"], match["inner"]) if match else ()


def _version(name: str, rules: AliasRules) -> tuple[str, ...]:
    words = name.split()
    if len(words) >= 2 and _VERSION.match(words[-1]) and not words[-2][-1:].isdigit():
        return (" ".join(words[:-1]),)
    return ()


RULES: tuple[AliasRule, ...] = (
    AliasRule("trailing-acronym", "an acronym written after the words it abbreviates: "
              "'Amazon Elastic Compute Cloud EC2' -> 'EC2', 'Amazon EC2', 'Amazon Elastic "
              "Compute Cloud'", _trailing_acronym),
    AliasRule("vendor-prefix", "a vendor's name before the product: 'Apache Sqoop' -> 'Sqoop'",
              _vendor_prefix),
    AliasRule("trailing-generic", "generic last words: 'Alteryx software' -> 'Alteryx'",
              _generic_tail),
    AliasRule("parenthesised", "'Name (ABC)' -> 'Name', 'ABC'", _parenthesised),
    AliasRule("version", "a trailing version: 'Oracle Database 12c' -> 'Oracle Database'",
              _version),
    AliasRule("vendor-short", "a company's short name for its full one: 'BMC Software Remedy "
              "...' -> 'BMC Remedy ...'", _vendor_short),
    AliasRule("descriptive-tail", "last words that describe the package: 'Hyper-V Server' -> "
              "'Hyper-V', 'Remedy IT Service Management Suite' -> 'Remedy'", _descriptive_tail),
)

#: Rules whose aliases name the product loosely: an alias they (or a rule after them) derive
#: does not merge the product into another skill, and loses a claim to a skill that names it
#: strictly ("Windows" from "Microsoft Windows Server" is not "Microsoft Windows").
LOOSE_RULES = frozenset({"descriptive-tail"})


@dataclass(frozen=True)
class AliasRules:
    """The rules with their data: vendors, generic tail words and generic nouns."""

    vendors: frozenset[str] = frozenset()
    generic_tail: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["generic_tail"]))
    generic_nouns: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["generic_nouns"]))
    descriptive_tail: tuple[tuple[str, ...], ...] = field(
        default_factory=lambda: _tail_phrases(import_rules()["onet"]))
    descriptive_camel: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["descriptive_camel"]))
    edition_words: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["edition_words"]))
    not_name_suffixes: tuple[str, ...] = field(default_factory=lambda: tuple(
        import_rules()["onet"]["activity_suffixes"] + import_rules()["onet"]["adjective_suffixes"]))
    company_words: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["vendor_company_words"]))

    @property
    def vendor_keys(self) -> frozenset[str]:
        return frozenset(v.lower() for v in self.vendors)

    def vendor_of(self, name: str) -> str:
        """The longest vendor ``name`` begins with, a word of the name following it, else "".

        >>> AliasRules(vendors=frozenset({"BMC", "BMC Software"})).vendor_of("BMC Software Remedy")
        'BMC Software'
        """
        return next((v for v in self._vendors_longest_first
                     if name.startswith(v + " ") and len(name) > len(v) + 1), "")

    @cached_property
    def _vendors_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.vendors, key=len, reverse=True))

    def derive(self, name: str, *, depth: int = 3) -> dict[str, str]:
        """Every alias the rules derive from ``name`` (not ``name`` itself), applied again to
        what they derive, up to ``depth`` steps, with the rule that first made it; aliases that
        say nothing are dropped."""
        return {alias: rule for alias, (rule, _) in self._derived(name, depth).items()}

    def loose(self, name: str, *, depth: int = 3) -> frozenset[str]:
        """The aliases of ``name`` that a loose rule (``LOOSE_RULES``) made, or made from.

        >>> sorted(AliasRules(vendors=frozenset({"Microsoft"})).loose("Microsoft Hyper-V Server"))
        ['Hyper-V', 'Microsoft Hyper-V']
        """
        return frozenset(a for a, (_, is_loose) in self._derived(name, depth).items() if is_loose)

    def _derived(self, name: str, depth: int) -> dict[str, tuple[str, bool]]:
        """alias -> (the rule that first made it, whether a loose rule is on its way)."""
        found: dict[str, tuple[str, bool]] = {}
        frontier = [(name, False)]
        for _ in range(depth):
            nxt = []
            for form, form_loose in frontier:
                for rule in RULES:
                    for alias in rule.apply(form, self):
                        alias = " ".join(alias.split())
                        if alias and alias != name and alias not in found and self.useful(alias):
                            is_loose = form_loose or rule.name in LOOSE_RULES
                            found[alias] = (rule.name, is_loose)
                            nxt.append((alias, is_loose))
            frontier = nxt
        return found

    def useful(self, alias: str) -> bool:
        """An alias says something: not only generic nouns or numbers ("EZ 2000" does not give
        "2000"), not a bare vendor, 2+ characters."""
        lowered = alias.lower()
        words = lowered.split()
        return (len(alias) >= 2 and any(ch.isalpha() for ch in alias)
                and lowered not in self.generic_nouns
                and not all(w in self.generic_nouns or w in self.generic_tail for w in words)
                and alias not in self.vendors)


def _tail_phrases(config: Mapping[str, Any]) -> tuple[tuple[str, ...], ...]:
    """Rule descriptive-tail's phrases: ``descriptive_tail`` and ``edition_words`` as lowercase
    word tuples, longest first ("it service management" before "management")."""
    phrases = {tuple(str(p).lower().split())
               for key in ("descriptive_tail", "edition_words") for p in config.get(key, ())}
    return tuple(sorted(phrases, key=lambda t: (-len(t), t)))


def find_vendors(names: Iterable[str], min_products: int, extra: Iterable[str] = (), *,
                 min_named: int | None = None, min_common: int | None = None) -> frozenset[str]:
    """First words that begin at least ``min_products`` distinct names, four in five of them
    followed by a capitalised word (rule vendor-prefix): "Cloudera Hue", "Cloudera Impala"
    make Cloudera a vendor; "Data base ...", "Computer aided ..." do not make Data or Computer
    one. An English word needs ``min_common`` names ("Microsoft" yes, "National" no), and a
    word that is itself one of the names ``min_named`` ("MapInfo" is a product line, "Google"
    a vendor); both default to three times ``min_products``.

    >>> sorted(find_vendors(["Cloudera Hue", "Cloudera Impala", "Data base software", "Data Pig"], 2))
    ['Cloudera']
    >>> sorted(find_vendors(["MapInfo", "MapInfo Vertical Mapper", "MapInfo Professional"], 2))
    []
    """
    names = set(names)
    min_named = 3 * min_products if min_named is None else min_named
    min_common = 3 * min_products if min_common is None else min_common
    counts: dict[str, list[int]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[0][0].isupper():
            seen = counts.setdefault(words[0], [0, 0])
            seen[0] += 1
            # rule vendor-evidence: "Novell eDirectory", "Symantec pcAnywhere" are names too
            seen[1] += not words[1][0].islower() or any(ch.isupper() for ch in words[1])
    def needed(word: str) -> int:
        return max(min_products, min_common if is_common(word) else 0,
                   min_named if word in names else 0)

    return frozenset([w for w, (n, upper) in counts.items() if n >= needed(w) and upper >= 0.8 * n]
                     + list(extra))


_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")


def respelled_vendors(names: Iterable[str], min_products: int = 2) -> frozenset[str]:
    """Rule vendor-evidence: a first word that is a company written as one word ("MicroFocus
    GroupWise", its only product) is a vendor when its words, spaced, begin ``min_products``
    other names ("Micro Focus OpenView", "Micro Focus TestPartner").

    >>> sorted(respelled_vendors(["MicroFocus GroupWise", "Micro Focus OpenView",
    ...                           "Micro Focus TestPartner", "PowerPoint Viewer"]))
    ['MicroFocus']
    """
    names = list(dict.fromkeys(names))
    begins: dict[str, int] = defaultdict(int)
    for name in names:
        words = name.split()
        if len(words) > 2:
            begins[" ".join(words[:2])] += 1
    found = set()
    for name in names:
        words = name.split()
        spaced = _CAMEL_JOIN.sub(" ", words[0])
        if len(words) >= 2 and spaced != words[0] and begins[spaced] >= min_products:
            found.add(words[0])
    return frozenset(found)


def company_vendors(names: Iterable[str], vendors: Iterable[str], company_words: Iterable[str],
                    min_products: int = 2) -> frozenset[str]:
    """Rule vendor-company: a vendor's name followed by words that name a company ("Systemes",
    "Software", "Corporation") is the vendor in full, when a product's name follows it and the
    full name begins ``min_products`` names or every name the shorter one begins ("Hyland
    Software OnBase" is the only Hyland product; "IBM Interactive System Productivity Facility
    ISPF" is one of many IBM products, most without "Interactive").

    >>> sorted(company_vendors(["Dassault Systemes CATIA", "Dassault Systemes Dymola",
    ...                         "Actuarial Systems Corporation AIM", "Bentley Systems",
    ...                         "IBM Interactive System Productivity Facility ISPF", "IBM Notes"],
    ...                        {"Dassault", "Actuarial", "Bentley", "IBM"},
    ...                        ["Systemes", "Systems", "Corporation", "Interactive"]))
    ['Actuarial Systems', 'Actuarial Systems Corporation', 'Dassault Systemes']
    """
    names = list(dict.fromkeys(names))
    vendors, company = set(vendors), frozenset(company_words)
    begins: dict[str, int] = defaultdict(int)  # prefix -> how many names it begins
    candidates: set[tuple[str, str]] = set()  # (full name, the vendor's name it extends)
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            begins[" ".join(words[:k])] += 1
        for start in range(1, len(words)):
            if " ".join(words[:start]) not in vendors:
                continue
            end = start
            while end < len(words) - 1 and words[end] in company:
                end += 1
                candidates.add((" ".join(words[:end]), " ".join(words[:end - 1])))
    return frozenset(full for full, shorter in candidates
                     if begins[full] >= min_products or begins[full] == begins[shorter])


def sole_product_vendors(names: Iterable[str], vendors: Iterable[str], *,
                         max_vendor_zipf: float, max_product_zipf: float,
                         min_product_length: int) -> frozenset[str]:
    """Rule sole-product-vendor: the first word of a two-word name "<Vendor> <Product>" that
    begins no other name, is no English word (Zipf below ``max_vendor_zipf``), and comes before
    a word that looks like a product: a word of ``min_product_length`` letters or more that
    English does not use (Zipf below ``max_product_zipf``: "Invicti Acunetix", "DIgSILENT
    PowerFactory"), or one with a capital inside that is not two words run together
    ("Graphisoft ArchiCAD"; not "ANCA ToolRoom", which lowercase text reads as "toolroom").
    Not "Epic Willow" (an English word first) or "Kronos Workforce" (common after).

    >>> sorted(sole_product_vendors(["Graphisoft ArchiCAD", "Epic Willow", "Invicti Acunetix",
    ...                              "Cloudera Hue", "Cloudera Impala", "Acme Tools"], {"Cloudera"},
    ...                             max_vendor_zipf=2.5, max_product_zipf=2.0,
    ...                             min_product_length=5))
    ['Graphisoft', 'Invicti']
    """
    names = list(dict.fromkeys(names))
    known = set(vendors)
    firsts: dict[str, int] = defaultdict(int)
    for name in names:
        words = name.split()
        if len(words) >= 2:
            firsts[words[0]] += 1
    found: set[str] = set()
    for name in names:
        words = name.split()
        if len(words) != 2 or words[0] in known or firsts[words[0]] != 1:
            continue
        vendor, product = words
        if not all(w.isascii() and w.isalpha() and w[0].isupper() for w in words):
            continue
        if zipf(vendor) >= max_vendor_zipf:
            continue
        intercapped = any(ch.isupper() for ch in product[1:]) and any(ch.islower() for ch in product)
        unknown = len(product) >= min_product_length and zipf(product) < max_product_zipf
        if unknown or (intercapped and not _two_words(product)):
            found.add(vendor)
    return frozenset(found)


def _two_words(word: str) -> bool:
    """``word`` is two English words run together ("ToolRoom", "Knowledgebase"): read in
    lowercase text, it is those words, not a product.

    >>> _two_words("ToolRoom"), _two_words("ArchiCAD")
    (True, False)
    """
    lowered = word.lower()
    return any(zipf(lowered[:i]) >= 3.0 and zipf(lowered[i:]) >= 3.0
               for i in range(3, len(lowered) - 2))


def named_company_vendors(names: Iterable[str], vendors: Iterable[str],
                          opening_words: Iterable[str], company_words: Iterable[str],
                          generic_tail: Iterable[str] = (),
                          not_vendors: Iterable[str] = ()) -> frozenset[str]:
    """Rule vendor-company-named: a name that spells its company out before the product
    ("Side Effects Software Houdini", "CNC Software Mastercam", "Sparta Systems TrackWise")
    names the vendor even when it is the vendor's only product: capitalised words, then one of
    ``opening_words`` ("Software", "Systems" ...) and any ``company_words`` after it
    ("Software Solutions", "Software Group"), then a product that is not only generic words
    ("Epic Systems software" names none). A name whose first words are already a vendor
    is left to :func:`company_vendors` ("IBM Interactive System Productivity Facility ISPF" is
    no product of an "IBM Interactive").

    >>> sorted(named_company_vendors(["Side Effects Software Houdini", "Epic Systems software",
    ...                               "IBM Interactive System Productivity Facility ISPF",
    ...                               "DZS Software Solutions ClinPlus"], {"IBM"},
    ...                              ["Software", "Systems"],
    ...                              ["Software", "Systems", "Solutions", "Interactive"],
    ...                              ["software"]))
    ['DZS Software Solutions', 'Side Effects Software']
    """
    known, opening, company = set(vendors), frozenset(opening_words), frozenset(company_words)
    tail, excluded = frozenset(w.lower() for w in generic_tail), frozenset(not_vendors)
    found: set[str] = set()
    for name in dict.fromkeys(names):
        words = name.split()
        first = next((i for i, w in enumerate(words) if w in opening), 0)
        if first == 0 or not all(w[:1].isupper() for w in words[:first]):
            continue
        if any(" ".join(words[:k]) in known for k in range(1, first + 1)) or words[0] in excluded:
            continue
        end = first
        while end < len(words) and words[end] in company:
            end += 1
        product = words[end:]
        if product and not all(w.lower() in tail for w in product) and (
                product[0][:1].isupper() or product[0][:1].isdigit()
                or any(ch.isupper() for ch in product[0])):
            found.add(" ".join(words[:end]))
    return frozenset(found)
