"""Results pickle (a notebook caching a batch, a process pool returning answers): their
read-only mappings travel as dicts and come back read-only (skillmatch/_pickling.py)."""

from __future__ import annotations

import math
import pickle
from types import MappingProxyType

from skillmatch import Matcher

RESUMES = ["Jane Roe\nSkills\nPython, SQL, Tableau\n", "John Doe\nSkills\nExcel, accounting\n"]
POSTINGS = ["Requirements\n- Python and SQL\n- 3+ years of experience\nPreferred\n- Tableau\n"]


def test_score_result_round_trips(default_matcher: Matcher) -> None:
    result = default_matcher.score(RESUMES[0], POSTINGS[0])
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.explain() == result.explain()
    assert isinstance(again.components, MappingProxyType)


def test_score_matrix_round_trips_and_explains(default_matcher: Matcher) -> None:
    matrix = default_matcher.score_many(RESUMES, POSTINGS)
    again = pickle.loads(pickle.dumps(matrix))
    assert again.scores.tolist() == matrix.scores.tolist()
    assert again.result(1, 0) == matrix.result(1, 0)


def test_extraction_round_trips(default_matcher: Matcher) -> None:
    extraction = default_matcher.extract(POSTINGS[0], kind="posting")
    again = pickle.loads(pickle.dumps(extraction))
    assert again.mentions == extraction.mentions and set(again.skills) == set(extraction.skills)


def test_no_score_round_trips(default_matcher: Matcher) -> None:
    result = default_matcher.score(RESUMES[0], "We are a friendly company in Ohio.\n")
    assert math.isnan(pickle.loads(pickle.dumps(result)).score)
