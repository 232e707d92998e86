"""The faster forms of extraction's patterns find exactly what the plain forms find (issue 14:
extraction speed, output unchanged)."""

from __future__ import annotations

import random
import re

from skillmatch._context import required_strings
from skillmatch._extract import _VENDOR_LIST
from skillmatch._phrases import _GLUED_VERSION, glue_candidates
from skillmatch.extraction._rules import (
    ambiguity_rules,
    rule_may_match,
    rule_may_search,
    rule_pattern,
)

# the plain forms, as they were written before the engine was given a character to skip to
_PLAIN_GLUE = re.compile(r"[A-Za-z0-9+#][A-Z][a-z]")
_PLAIN_GLUED_VERSION = re.compile(r"(?<=[A-Za-z])\d+(?:\.(?:\d+|x))*\+?(?![\w.]*[A-Za-z0-9])")
_PLAIN_VENDOR_LIST = re.compile(r"\b(?P<vendor>[A-Z][A-Za-z]+)(?:\s+[A-Z][A-Za-z0-9]+)?\s*"
                                r"\((?P<items>[^()\n]{2,200})\)")

_TEXTS = [
    "with PythonStrong knowledge; JavaScript; Java, CKnowledge of AbCdEf aBcDeF iOS McDonald",
    "python3.10+, Python3, PostgreSQL14, EC2, Neo4j, AutoCAD-R14, é3 α3.5 x2.x y3.1a 4.5",
    "Google Apps (Drive, Docs, Sheets); Microsoft Office\n(Word, Excel) éGoogle (Drive, Docs)",
    "xGoogle Apps (Drive) _Vendor (ab) Ünited (a, b) A1b2 (x, y) Acme ( ) Acme (a(b)c) Z (zz)",
    "Applied Aerodynamics Inc. grew. At Applied Aerodynamics, I; Acme LLC, Foo GmbH; AGILE AG",
]


def _random_texts(count: int = 3000) -> list[str]:
    """Strings of the characters the patterns turn on, in every mix."""
    rng = random.Random(14)
    alphabet = "aAbBcCxXzZ019+#.-_/()[], \t\nIncLLCAGéÜα"
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)
    ] + [
        " ".join(rng.choice(("Google", "Apps", "(Drive, Docs)", "Py3", "x2.x", "AbCd", "Inc",
                             "Acme", "LLC", "\n", "(", ")", "ab", "AG", "3.5"))
                 for _ in range(rng.randint(1, 12))) for _ in range(count)
    ]


def test_fast_patterns_find_what_the_plain_ones_find() -> None:
    """Glue points, glued versions and vendor lists: the same matches, same groups."""
    for text in _TEXTS + _random_texts():
        _same_matches(text)


def _same_matches(text: str) -> None:
    assert list(glue_candidates(text)) == [m.start() + 1 for m in _PLAIN_GLUE.finditer(text)]
    assert [m.span() for m in _GLUED_VERSION.finditer(text)] == [
        m.span() for m in _PLAIN_GLUED_VERSION.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _VENDOR_LIST.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _PLAIN_VENDOR_LIST.finditer(text)]


def test_rule_may_match_never_skips_a_match() -> None:
    """Where rule_may_match says a rule cannot match, its pattern finds nothing."""
    for text in _TEXTS + _random_texts(1000):
        for name, rule in ambiguity_rules().items():
            if rule.pattern and not rule_may_match(name, text):
                assert rule_pattern(name).search(text) is None, (name, text)


def test_required_strings_of_case_folded_patterns() -> None:
    """Under IGNORECASE only the case-sensitive parts give strings, as written."""
    assert required_strings(r"plus", re.IGNORECASE) is None
    assert required_strings(r"a, (?-i:Inc)", re.IGNORECASE) == frozenset({"Inc"})
    assert required_strings(r"(?-i:Corp|Ltd)", re.IGNORECASE) == frozenset({"Corp", "Ltd"})
    assert required_strings(r"(?i:Corp)") is None
    assert rule_may_match("organisation-name", "Acme Inc. hires") is True
    assert rule_may_match("organisation-name", "acme inc. hires") is False


def test_rule_may_search_never_skips_a_match() -> None:
    """Where rule_may_search says a rule's search over a stretch finds nothing, it finds
    nothing: the lowercase test of a case-folded pattern, ASCII or not."""
    rng = random.Random(7)
    words = ("Head", "of", "the", "partner", "with", "closely", "LEAD", "Vice", "President",
             "collaborating", "our", "data", "Kelvin", "\u212a", "\u017f", "and", "&", ",", "\n")
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 10))) for _ in range(4000)]
    for text in _TEXTS + texts:
        for name, rule in ambiguity_rules().items():
            if not rule.pattern:
                continue
            for start in range(0, len(text) + 1, 7):
                a = max(0, start - 30)
                if not rule_may_search(name, text, a, start):
                    assert rule_pattern(name).search(text, a, start) is None, (name, text)

