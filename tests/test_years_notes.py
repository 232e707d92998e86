"""Rule years-note: an item of a list may say its own years after the name ("Swift — 5 yrs |
Objective-C — 3 yrs", "Java (4 years), Dart (2 yrs)"). The note belongs to the item before it:
the item still ends a list item (so an imported name that is also a word, "Dart", "Flutter",
counts there), and its years are that item's alone, never the next item's."""

from __future__ import annotations

import pytest

from skillmatch import Matcher
from skillmatch._context import years_for


def _years(matcher: Matcher, text: str) -> dict[str, float | None]:
    return {m.skill: m.years for m in matcher.extract(text, kind="resume").mentions}


def test_pipe_table_of_years(default_matcher: Matcher) -> None:
    """A "|" row of names with their years: every name counts, each with its own years."""
    found = _years(default_matcher, "Swift — 5 yrs | Objective-C — 3 yrs | Core Data — 2 yrs | "
                                    "Dart/Flutter — 1 yr\n")
    assert found["swift"] == 5.0 and found["objective-c"] == 3.0 and found["flutter"] == 1.0
    assert "dart" in found and found["dart"] != 2.0  # not Core Data's years


def test_parenthesised_years_in_a_list(default_matcher: Matcher) -> None:
    found = _years(default_matcher, "Java (4 years), Dart (2 yrs), Flutter (1 yr)\n")
    assert found == {"java": 4.0, "dart": 2.0, "flutter": 1.0}


@pytest.mark.parametrize(("text", "name", "years"), [
    ("Swift — 5 yrs | Objective-C — 3 yrs", "Objective-C", 3.0),
    ("Swift — 5 yrs", "Swift", 5.0),
    ("Kotlin 4 yrs • Java", "Java", None),
    ("5+ years of experience with Python and SQL", "SQL", 5.0),
])
def test_years_stop_at_a_list_item(text: str, name: str, years: float | None) -> None:
    """A years phrase reaches no further than its own item of a "|" or bulleted list."""
    start = text.index(name)
    assert years_for(text, start, start + len(name)) == years


def test_words_with_years_in_prose_stay_words(default_matcher: Matcher) -> None:
    """A years note makes no list of prose: "a dart ... - 3 years ago" names nothing."""
    assert not _years(default_matcher, "Experience\nI threw a dart at the board - 3 years ago, "
                                       "and watched the flags flutter.\n")


def test_years_stated_for_a_skill_are_years_of_work(default_matcher: Matcher) -> None:
    """"Java (6 years)" shows at least six years of work: the experience component does not
    drop out for a resume that states its years only per skill (user audit R13)."""
    extraction = default_matcher.extract("SUMMARY\nJava (6 years), Spring, SQL\n", kind="resume")
    assert extraction.experience_years == 6.0
    result = default_matcher.score("SUMMARY\nJava (6 years), Spring, SQL\n",
                                   "Requirements\n- 5+ years of experience\n- Java\n")
    assert result.components["experience"].score == 1.0
