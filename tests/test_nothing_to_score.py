"""A posting that asks for nothing skillmatch recognises (no skill, years, degree or job
title) gives no score, not 0: unknown is not zero. The single score is NaN and says why, its
JSON holds null (schema 1.2), a batch's column is NaN with a NothingToScoreError entry, and a
ranking against it raises that error."""

from __future__ import annotations

import json
import math

import jsonschema
import pytest

import skillmatch
from skillmatch import Matcher, NothingToScoreError, ScoreResult

NOT_A_POSTING = "We are a friendly company in Ohio, proud of our people.\n"
RESUME = "Jane Roe\nSkills\nPython, SQL, Tableau\n"


def test_single_score_is_nan_and_says_why(default_matcher: Matcher) -> None:
    result = default_matcher.score(RESUME, NOT_A_POSTING)
    assert math.isnan(result.score) and not result.components
    assert "nothing to compare" in result.explain() and "no score" in repr(result)
    assert "no score" in result._repr_html_()


def test_json_holds_null_and_round_trips(default_matcher: Matcher) -> None:
    data = default_matcher.score(RESUME, NOT_A_POSTING).to_dict()
    assert data["score"] is None and data["schema_version"] == "1.3"
    jsonschema.validate(data, ScoreResult.json_schema())
    assert math.isnan(ScoreResult.from_dict(json.loads(json.dumps(data))).score)


def test_batch_column_is_nan_with_an_error(default_matcher: Matcher) -> None:
    matrix = default_matcher.score_many([RESUME], [NOT_A_POSTING, "Requirements\n- Python\n"])
    assert math.isnan(matrix.scores[0, 0]) and matrix.scores[0, 1] == 100.0
    (error,) = matrix.errors
    assert (error.index, error.kind, error.error) == (0, "posting", "NothingToScoreError")


def test_ranking_against_it_raises(default_matcher: Matcher) -> None:
    with pytest.raises(NothingToScoreError, match="asks for nothing"):
        default_matcher.rank(NOT_A_POSTING, [RESUME])
    assert issubclass(NothingToScoreError, skillmatch.DocumentError)


def test_a_posting_that_asks_only_years_still_scores(default_matcher: Matcher) -> None:
    """Years alone are something to compare: a resume that states its years gets a score."""
    result = default_matcher.score("Summary\n6 years of experience in retail.\n",
                                   "We need someone with 5+ years of experience.\n")
    assert 0 <= result.score <= 100
