"""Misused arguments raise ParameterError (or UnknownSkillError) that says what is expected,
at the call, never an AttributeError, TypeError, IndexError or OverflowError from inside, and
never a silent default (hostile and user audits, stop 27)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import skillmatch
from skillmatch import Limits, Matcher, ParameterError, UnknownSkillError
from skillmatch.__main__ import main

POSTING = "Requirements\n- Python\n"


@pytest.mark.parametrize("call", [
    lambda: Matcher(limits="x"),
    lambda: Matcher(taxonomy=5),
    lambda: Matcher(as_of="2020-01-01"),
    lambda: Matcher(weights={"required": 1}),
    lambda: Matcher(fuzzy="yes"),
    lambda: skillmatch.read("Skills\nPython", limits={}),
    lambda: Limits(max_bytes=2**63),
    lambda: skillmatch.files(None),
    lambda: skillmatch.files(""),
], ids=["limits-str", "taxonomy-int", "as_of-str", "weights-dict", "fuzzy-str", "read-limits-dict",
        "max_bytes-huge", "files-none", "files-empty"])
def test_bad_arguments_are_parameter_errors(call: Callable[[], Any]) -> None:
    with pytest.raises(ParameterError, match="must be"):
        call()


def test_a_matcher_with_good_arguments_is_still_lazy() -> None:
    matcher = Matcher(as_of=datetime.date(2024, 6, 1), fuzzy=False, limits=Limits())
    assert "taxonomy_" not in vars(matcher)  # nothing loaded yet


@pytest.mark.parametrize("top", [0, -1, "3", 2.5, True])
def test_rank_top_must_be_a_positive_whole_number(default_matcher: Matcher, top: Any) -> None:
    with pytest.raises(ParameterError, match="top"):
        default_matcher.rank(POSTING, ["Skills: Python\n"], top=top)


def test_batch_inputs_and_indexes(default_matcher: Matcher) -> None:
    with pytest.raises(ParameterError, match="resumes/postings"):
        default_matcher.score_many(None, [POSTING])
    matrix = default_matcher.score_many(["Skills: Python\n"], [POSTING])
    with pytest.raises(ParameterError, match="index"):
        matrix.result(5, 5)
    with pytest.raises(ParameterError, match="index"):
        matrix.top(9)
    assert [i for i, _, _ in matrix.top(0, None)] == [0]


def test_a_non_str_key_is_an_unknown_skill(default_matcher: Matcher) -> None:
    with pytest.raises(UnknownSkillError):
        default_matcher.taxonomy_[None]  # type: ignore[index]
    assert default_matcher.taxonomy_.get(None) is None  # type: ignore[arg-type]


def test_cli_unknown_taxonomy_and_top_zero_are_usage_errors(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    resume, posting = tmp_path / "cv.txt", tmp_path / "posting.txt"
    resume.write_text("Skills\nPython\n", encoding="utf-8")
    posting.write_text(POSTING, encoding="utf-8")
    assert main(["--taxonomy", "nope", "score", str(resume), str(posting)]) == 2
    assert "no such taxonomy" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["rank", "posting.txt", "cv.txt", "--top", "0"])
    assert exited.value.code == 2


def test_a_taxonomy_name_that_names_nothing_is_refused_at_once() -> None:
    """A typo in the taxonomy's name is found when the Matcher is made (a service learns it
    at startup, not on its first request); nothing is loaded for a good name."""
    from skillmatch import TaxonomyError

    with pytest.raises(TaxonomyError, match="No taxonomy named 'nope'"):
        Matcher(taxonomy="nope")
    assert "taxonomy_" not in vars(Matcher(taxonomy="ml-engineer"))
