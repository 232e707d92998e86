"""The shortcut that skips scanning a clause for level cues when it holds none of a direction's
required words (issue 14): sound on every rule's examples, and active for every direction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillmatch._context import (
    Clauses,
    _cue_patterns,
    _cue_word_finder,
    _cue_words,
    required_strings,
)
from skillmatch.extraction._rules import level_cues

_SENTENCES = [example for cue in level_cues() for example, _ in cue.examples] + [
    "5+ years of experience with Python (3 yrs minimum) and SQL; Docker is a big plus.",
    "Familiarity with Spark preferred, Kubernetes nice-to-have, AWS would be great.",
    "Must have: Go. Strong C++ and at least 2 years' Rust; exposure to Kafka is beneficial.",
    "We build tools for data teams across the world.",
]


def test_every_direction_has_required_words() -> None:
    """Each direction's cue pattern yields a set of words, so the shortcut is in use."""
    words = _cue_words()
    assert len(words) == len(_cue_patterns()) and all(words)


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_a_clause_with_a_cue_holds_one_of_the_words(sentence: str) -> None:
    """Wherever a direction's pattern matches, the text holds one of that direction's words:
    skipping a clause without them never loses a cue."""
    lowered = sentence.lower()
    for (pattern, direction, _), words in zip(_cue_patterns(), _cue_words()):
        for cue in pattern.finditer(lowered):
            assert words is not None and any(w in cue.group() for w in words), (direction, cue)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"a\s+(?:big\s+)?plus|plus\b(?!\s*\d)", "a  big plus"),
    (r"(?:must(?:\s+have)?|mandatory)", "must"),
    (r"\d{1,2}\+?\s*(?:years?|yrs?)", "3 yrs"),
    (r"(?:pro|con)(?:fic|vin)ient", "convinient"),
    (r"x(?:ab)+y|z{2,3}w", "zzw"),
])
def test_required_strings_are_in_every_match(pattern: str, text: str) -> None:
    """The strings a pattern is said to require are in a match of it."""
    match = re.search(pattern, text)
    words = required_strings(pattern)
    assert match is not None and words is not None
    assert any(w in match.group() for w in words)


_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("text", [
    (_EXAMPLES / "posting-ml-engineer.txt").read_text(encoding="utf-8"),
    "Requirements\n5+ years of Python; Docker is a big plus. Must have: Go, strong SQL.\n"
    "Nice to have: Kafka (preferred), exposure to Rust. Users and partners expect yrs of it.",
])
def test_one_pass_finds_the_words_each_clause_holds(text: str) -> None:
    """The automaton over every direction's words says, for every clause of a posting, what
    searching the clause for each word says."""
    clauses, finder = Clauses(text), _cue_word_finder()
    seen = {clauses.bounds(at) for at in range(len(text))}
    assert finder is not None and len(seen) > 5
    for a, b in seen:
        lowered = text[a:b].lower()
        expected = tuple(any(w in lowered for w in words or ()) for words in _cue_words())
        assert finder.groups(lowered) == expected, text[a:b]
