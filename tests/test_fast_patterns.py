"""The faster forms of extraction's patterns find exactly what the plain forms find (issue 14:
extraction speed, output unchanged)."""

from __future__ import annotations

import random
import re

from skillmatch._context import required_strings
from skillmatch._extract import _VENDOR_LIST, _vendor_groups
from skillmatch._phrases import _GLUED_VERSION, glue_candidates
from skillmatch.extraction._rules import (
    ambiguity_rules,
    rule_finditer,
    rule_may_search,
    rule_pattern,
)

# the plain forms, as they were written before the engine was given a character to skip to
_PLAIN_GLUE = re.compile(r"[A-Za-z0-9+#][A-Z][a-z]")
_PLAIN_GLUED_VERSION = re.compile(r"(?<=[A-Za-z])\d+(?:\.(?:\d+|x))*\+?(?![\w.]*[A-Za-z0-9])")
_PLAIN_VENDOR_LIST = re.compile(r"\b(?P<vendor>[A-Z][A-Za-z]+)(?P<line>(?:\s+[A-Z][A-Za-z0-9]+){0,2})\s*"
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
    plain = [(m.span(), m.groupdict()) for m in _PLAIN_VENDOR_LIST.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _VENDOR_LIST.finditer(text)] == plain
    assert [(m.span(), m.groupdict()) for m in _vendor_groups(text)] == plain


def test_rule_finditer_finds_what_finditer_finds() -> None:
    """rule_finditer, reading only the lines a rule can match in, finds every match the
    whole-text search finds, in order."""
    rng = random.Random(5)
    words = ("Applied", "Aerodynamics", "Inc.", "Inc", "LLC", "acme", "Corp", "Corporation",
             "AG", "GmbH", ",", "\n", "\t", "at", "Ltd", "-", "&", "é")
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for text in _TEXTS + texts + _random_texts(500):
        for name, rule in ambiguity_rules().items():
            if rule.pattern:
                assert [m.span() for m in rule_finditer(name, text)] == [
                    m.span() for m in rule_pattern(name).finditer(text)], (name, text)


def test_required_strings_of_case_folded_patterns() -> None:
    """Under IGNORECASE only the case-sensitive parts give strings, as written."""
    assert required_strings(r"plus", re.IGNORECASE) is None
    assert required_strings(r"a, (?-i:Inc)", re.IGNORECASE) == frozenset({"Inc"})
    assert required_strings(r"(?-i:Corp|Ltd)", re.IGNORECASE) == frozenset({"Corp", "Ltd"})
    assert required_strings(r"(?i:Corp)") is None
    assert [m.group(1) for m in rule_finditer("organisation-name", "x\nAcme Inc. hires")] == [
        "Acme"]


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



def test_cue_patterns_find_what_the_plain_alternation_finds() -> None:
    """Each direction's cues, with one word boundary per run of cues, find what the plain
    alternation of the cue patterns finds."""
    from skillmatch._context import _cue_patterns
    from skillmatch.extraction._rules import DIRECTIONS, level_cues

    plain = []
    for direction in DIRECTIONS:
        for forward in (False, True):
            parts = [cue.regex().pattern for cue in level_cues()
                     if cue.direction == direction and cue.forward is forward]
            if parts:
                plain.append(re.compile("|".join(parts)))
    rng = random.Random(11)
    words = ("python", "is", "a", "plus", "preferred", "nice-to-have", "must", "have", "strong",
             "5+", "years", "required", "not", "optional", "ideally", "at", "least", "deep",
             "expertise", "bonus", "points", "(", ")", ",", "2", "+", "yrs", "preferably", "x")
    texts = ["".join(rng.choice((" ", "", "-"))).join(rng.choice(words)
                                                     for _ in range(rng.randint(0, 12)))
             for _ in range(4000)]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    for (fast, _, _), slow in zip(_cue_patterns(), plain, strict=True):
        for text in texts + [t.lower() for t in _TEXTS]:
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)], (fast.pattern, text)


def _word_salads(rng: random.Random, words: tuple[str, ...], joiners: tuple[str, ...], *,
                 most: int, count: int = 6000) -> list[str]:
    """``count`` strings of 1 to ``most`` of ``words``, each string joined by one of
    ``joiners``."""
    return [rng.choice(joiners).join(rng.choice(words) for _ in range(rng.randint(1, most)))
            for _ in range(count)]


def _same_finds(fast: re.Pattern[str], plain: re.Pattern[str], texts: list[str]) -> int:
    """Assert that the two patterns find the same spans and groups in every text; the number
    of texts holding a match (a comparison of empty results would prove nothing)."""
    found = 0
    for text in texts:
        spans = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert spans == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
        found += bool(spans)
    return found


def test_date_range_pattern_finds_what_the_plain_one_finds() -> None:
    """Work-history ranges: the pattern that states its first character finds the same ranges,
    same groups, as the plain one, in every case and in scripts whose case folding is odd."""
    from skillmatch._context import _RANGE, _RANGE_START

    plain = re.compile(_RANGE.pattern.removeprefix(_RANGE_START), _RANGE.flags)
    rng = random.Random(12)
    words = ("Jan", "JAN", "jan.", "Sept", "ſep", "march", "2018", "1999", "'18", "’21", "03/2019",
             "2019-03", "15", "1st", ",", "-", "–", "to", "Present", "current", "Acme", "\n",
             "/", "x2018", "12/2020", "2020-12", "Dec", "dec", "through", "\u212a", "date", "nOw")
    texts = _word_salads(rng, words, (" ", "", "  "), most=10)
    assert _same_finds(_RANGE, plain, _TEXTS + texts) > 300  # the strings hold ranges


def test_vendor_groups_read_back_past_the_first_stretch(monkeypatch) -> None:
    """With a look-back of a few characters, every run of words before a "(" is longer than
    the first stretch read: the search reads the whole run and still finds what the plain
    pattern finds."""
    import skillmatch._extract as extract

    monkeypatch.setattr(extract, "_BRACKET_LOOKBACK", 3)
    for text in _TEXTS + _random_texts(1500):
        assert [(m.span(), m.groupdict()) for m in extract._vendor_groups(text)] == [
            (m.span(), m.groupdict()) for m in _PLAIN_VENDOR_LIST.finditer(text)], text


def test_long_product_name_answers_as_the_plain_reading() -> None:
    """The product-name test with its shortcuts (no capital; words scanned in C) answers as
    the plain reading of each word, on names of every case and script."""
    from skillmatch._extract import _long_product_name

    def plain(name: str) -> bool:  # as it was written before
        if name.count(" ") < 2:
            return False
        words = name.split()
        return len(words) >= 3 and any(len(w) >= 2 and w.isupper() for w in words)

    rng = random.Random(13)
    names = ["".join(rng.choice("aB \u03d2\u01c5.\u00df\u00c9\u00e91 \t") for _ in range(rng.randint(0, 14)))
             for _ in range(6000)]
    names += ["IBM Rational DOORS", "Project management", "ibm rational doors", "A B C D"]
    assert [_long_product_name(n) for n in names] == [plain(n) for n in names]


def test_of_phrase_pattern_finds_what_the_plain_one_finds() -> None:
    """Rule of-phrase's search for "of", opening with the literal, finds what the pattern
    opening with the lookbehind for the space before it finds."""
    from skillmatch._extract import _of_phrase_patterns

    fast = _of_phrase_patterns()[0]
    plain = re.compile(r"(?<=[ \t])of" + fast.pattern.removeprefix(r"of(?<=[ \t]of)"))
    rng = random.Random(15)
    words = ("of", "the", "deployment", "and", "monitoring", "models", "Of", "off", "xof", "a",
             "\t", "\n", "-", "of-", "data", "ML", "é", "of.", "roof")
    texts = _word_salads(rng, words, (" ", "", "\t", "  "), most=12)
    assert _same_finds(fast, plain, _TEXTS + texts) > 500  # the strings hold of-phrases


def test_years_patterns_find_what_the_plain_ones_find() -> None:
    """The years phrases, stating their number's first character first, find the same
    phrases, same groups, as the plain patterns: digits of any script, number words in any
    case, letters whose case folding is odd."""
    from skillmatch._context import _GENERAL_YEARS, _NUM_START, _YEARS

    rng = random.Random(17)
    words = ("5", "5+", "10", "3.5", "\u0663", "\u0665+", "one", "Two", "FIVE", "ſix", "ſeven",
             "eleven", "twelve", "fifteen", "twenty", "-", "–", "to", "plus", "(3+)", "years",
             "Years", "yrs", "yr", "year's", "of", "relevant", "professional", "experience",
             "in", "a", "data", "engineering", "role", "\u212aey", "x5", ".5", "full-time", "\n")
    texts = ["".join(rng.choice((" ", "", "  "))).join(rng.choice(words)
                                                      for _ in range(rng.randint(1, 12)))
             for _ in range(6000)]
    found = 0
    for fast in (_YEARS, _GENERAL_YEARS):
        plain = re.compile(fast.pattern.replace(_NUM_START, "", 1), fast.flags)
        assert plain.pattern != fast.pattern
        for text in _TEXTS + texts:
            spans = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert spans == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
            found += bool(spans)
    assert found > 1000  # the strings hold years phrases, so the comparison means something
