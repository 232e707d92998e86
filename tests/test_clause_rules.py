"""The clause-end records of rules/clauses.toml, each run alone on its own examples, and the
per-call :class:`Clauses` against the pure functions it shares work for."""

from __future__ import annotations

import re

import pytest

from skillmatch._context import Clauses, clause_bounds, is_negated, level_cue, years_for
from skillmatch.extraction._rules import ClauseEnd, clause_end_pattern, clause_ends_rules

CASES = [(rule.name, text, word, clause) for rule in clause_ends_rules()
         for text, word, clause in rule.examples]


def test_every_record_has_examples() -> None:
    """A rule without an example is a rule nobody checked."""
    assert all(rule.examples for rule in clause_ends_rules())
    assert all(isinstance(rule, ClauseEnd) for rule in clause_ends_rules())


@pytest.mark.parametrize(("rule", "text", "word", "clause"), CASES,
                         ids=[f"{c[0]}:{c[1]!r}" for c in CASES])
def test_clause_end_record(rule: str, text: str, word: str, clause: str) -> None:
    """The clause around the example's word is the one the rules file states."""
    at = text.index(word)
    a, b = clause_bounds(text, at)
    assert text[a:b].strip() == clause, rule
    c = Clauses(text)
    a, b = c.bounds(at)
    assert text[a:b].strip() == clause, rule


def test_contrast_words_need_a_space_before_and_a_word_end_after() -> None:
    """'but' ends a clause only as a word: not inside 'butter' nor glued to a comma."""
    ends = [m.group() for m in clause_end_pattern().finditer("Python and butter,but Go")]
    assert ends == []


def test_records_are_checked_when_they_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record with an unknown role is refused with its name in the message."""
    from skillmatch.extraction import _rules

    real = _rules._records

    def records(file: str, table: str) -> list[dict[str, object]]:
        out = real(file, table)
        return out + [{"name": "oops", "role": "stopp", "pattern": ";"}] if file == "clauses.toml" else out

    monkeypatch.setattr(_rules, "_records", records)
    _rules.clause_ends_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="'oops'"):
            _rules.clause_ends_rules()
    finally:
        _rules.clause_ends_rules.cache_clear()


POSTING = """About us
We build search. We don't use Java, but Go is a plus.
Requirements
- 5+ years of experience with Python and SQL; Docker (a big plus), Kubernetes preferred
- Spark (3 yrs) required. Strong Scala (nice to have: Airflow, dbt) and no Perl.
- Terraform is not required, but Ansible is; R (optional)
"""


@pytest.mark.parametrize("word", ["Java", "Go", "Python", "SQL", "Docker", "Kubernetes", "Spark",
                                  "Scala", "Airflow", "dbt", "Perl", "Terraform", "Ansible", "R"])
def test_clauses_agree_with_the_pure_functions(word: str) -> None:
    """Clauses gives every mention of a real-looking posting the level, negation and years the
    pure functions give it, whichever mention of its clause is asked first."""
    start = re.search(rf"\b{word}\b", POSTING).start()  # type: ignore[union-attr]
    end = start + len(word)
    c = Clauses(POSTING)
    for other in ("Python", "Docker", "Scala"):  # another mention works its clause out first
        at = POSTING.index(other)
        c.level_cue(at, at + len(other), c.bounds(at))
    bounds = c.bounds(start)
    assert bounds == clause_bounds(POSTING, start)
    assert c.level_cue(start, end, bounds) == level_cue(POSTING, start, end, bounds)
    assert c.negated(start, bounds) == is_negated(POSTING, start, bounds[0])
    assert c.years(start, end, bounds) == years_for(POSTING, start, end, bounds[0])
