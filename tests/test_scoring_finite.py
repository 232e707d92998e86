"""A score is a finite number in [0, 100] whatever the extractions hold, or NaN exactly when
there is nothing to compare (no component: the posting asks for no skill, years, degree or
title). Unknown is not zero."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import skillmatch
from skillmatch import Matcher
from skillmatch._extract import Degree, Extraction, Mention
from skillmatch.scoring import score_pair

SKILLS = ["python", "sql", "pytorch", "tensorflow", "docker", "aws", "communication",
          "databases", "spark", "java"]
_MATCHER = Matcher(taxonomy="ml-engineer")
_DOC = skillmatch.read("placeholder text for generated extractions\n")

mentions = st.lists(
    st.builds(
        lambda skill, level, years, negated, group, section: Mention(
            skill, skill, 0, 1, section, negated, level, years, "phrase", group),
        st.sampled_from(SKILLS),
        st.sampled_from(["required", "preferred", None]),
        st.one_of(st.none(), st.floats(min_value=0, max_value=40)),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, 2)),
        st.sampled_from(["requirements", "preferred", "preamble", "skills"]),
    ),
    max_size=8,
)
degrees = st.lists(st.builds(
    lambda rank, req, eq: Degree(["associate", "bachelor", "master", "phd"][rank - 1], rank, (),
                                 "degree", 0, 1, req, eq),
    st.integers(1, 4), st.sampled_from(["required", "preferred", None]), st.booleans()),
    max_size=2)
years = st.one_of(st.none(), st.floats(min_value=0, max_value=40), st.just(0.0))


@settings(max_examples=200, deadline=None)
@given(mentions, mentions, degrees, degrees, years, years)
def test_score_is_always_finite(asked: list[Mention], shown: list[Mention], wanted: list[Degree],
                                held: list[Degree], min_years: float | None,
                                experience: float | None) -> None:
    """0 minimum years, no requirements, only preferred, an empty resume: still 0..100, or NaN
    where no component is present."""
    posting = Extraction(_DOC, "posting", tuple(asked), tuple(wanted), min_years, None,
                         taxonomy="ml-engineer")
    resume = Extraction(_DOC, "resume", tuple(m for m in shown), tuple(held), None, experience,
                        taxonomy="ml-engineer")
    result = score_pair(resume, posting, _MATCHER.taxonomy_, _MATCHER.weights_, _MATCHER._scorer)
    if not result.components:  # nothing to compare
        assert math.isnan(result.score) and "nothing to compare" in result.explain()
        assert math.isnan(_MATCHER.score_many([resume], [posting]).scores[0, 0])
        return
    assert math.isfinite(result.score) and 0 <= result.score <= 100
    for component in result.components.values():
        assert math.isfinite(component.score) and math.isfinite(component.weight)
    matrix = _MATCHER.score_many([resume], [posting])
    assert matrix.scores[0, 0] == result.score
