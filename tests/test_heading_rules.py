"""Every section-heading record of ``_headings.toml``, run alone: each phrase, written as a
heading, opens its kind of section."""

from __future__ import annotations

import collections

import pytest

from skillmatch._sections import _SYNONYMS, classify_heading, find_sections

CASES = [(kind, phrase) for kind, phrases in _SYNONYMS.items() for phrase in phrases]


def test_a_phrase_names_one_kind() -> None:
    """A phrase listed under two kinds would silently take the later one."""
    kinds = collections.defaultdict(set)
    for kind, phrase in CASES:
        kinds[phrase].add(kind)
    assert {p: k for p, k in kinds.items() if len(k) > 1} == {}


@pytest.mark.parametrize(("kind", "phrase"), CASES, ids=[f"{k}:{p}" for k, p in CASES])
def test_heading_phrase(kind: str, phrase: str) -> None:
    """Title case, capitals and a trailing colon all open the section."""
    for written in (phrase.title(), phrase.upper(), f"{phrase.capitalize()}:"):
        found = classify_heading(written)
        assert found is not None and found[0] == kind, written


def test_highlights_is_the_skills_list_of_a_resume() -> None:
    """In the common resume templates "Highlights" heads the list of skills."""
    text = "Jane Doe\nHighlights\nAutoCAD Solid Mechanics\nThermal Analysis Project management\n"
    assert [s.kind for s in find_sections(text)] == ["preamble", "skills"]
