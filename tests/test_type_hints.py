"""The public functions' annotations resolve at run time (typing.get_type_hints), as FastAPI,
pydantic, beartype and Sphinx read them; only the pandas and numpy types, imported lazily so
that ``import skillmatch`` stays light, do not."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import pytest

import skillmatch

CALLABLES: list[Callable[..., Any]] = [
    skillmatch.score, skillmatch.score_many, skillmatch.rank, skillmatch.extract,
    skillmatch.read, skillmatch.market_fit, skillmatch.files, skillmatch.load_taxonomy,
    skillmatch.Matcher.__init__, skillmatch.Matcher.score, skillmatch.Matcher.score_many,
    skillmatch.Matcher.rank, skillmatch.Matcher.extract, skillmatch.Matcher.read,
    skillmatch.ScoreMatrix.result, skillmatch.Ranking.__init__, skillmatch.ScoreResult,
]


@pytest.mark.parametrize("function", CALLABLES, ids=lambda f: f.__qualname__)
def test_annotations_resolve(function: Callable[..., Any]) -> None:
    assert typing.get_type_hints(function) is not None
