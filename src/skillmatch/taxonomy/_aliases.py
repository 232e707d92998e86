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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ._rules import import_rules
from ._words import is_common

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
    for vendor in sorted(rules.vendors, key=len, reverse=True):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return (name[len(vendor) + 1:],)
    return ()


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
)


@dataclass(frozen=True)
class AliasRules:
    """The rules with their data: vendors, generic tail words and generic nouns."""

    vendors: frozenset[str] = frozenset()
    generic_tail: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["generic_tail"]))
    generic_nouns: frozenset[str] = field(default_factory=lambda: frozenset(
        import_rules()["onet"]["generic_nouns"]))

    @property
    def vendor_keys(self) -> frozenset[str]:
        return frozenset(v.lower() for v in self.vendors)

    def derive(self, name: str, *, depth: int = 3) -> dict[str, str]:
        """Every alias the rules derive from ``name`` (not ``name`` itself), applied again to
        what they derive, up to ``depth`` steps, with the rule that first made it; aliases that
        say nothing are dropped."""
        found: dict[str, str] = {}
        frontier = [name]
        for _ in range(depth):
            nxt = []
            for form in frontier:
                for rule in RULES:
                    for alias in rule.apply(form, self):
                        alias = " ".join(alias.split())
                        if alias and alias != name and alias not in found and self.useful(alias):
                            found[alias] = rule.name
                            nxt.append(alias)
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
            seen[1] += not words[1][0].islower()
    def needed(word: str) -> int:
        return max(min_products, min_common if is_common(word) else 0,
                   min_named if word in names else 0)

    return frozenset([w for w, (n, upper) in counts.items() if n >= needed(w) and upper >= 0.8 * n]
                     + list(extra))


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
