"""Tests for score_many() and rank(): equal to score() pair by pair, lazy inputs, bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

import skillmatch
from conftest import make_pdf, text_lines
from skillmatch import Matcher

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
POSTINGS = [
    EXAMPLES / "posting-ml-engineer.txt",
    "Requirements\n- 5+ years of Java and SQL\n- Spring or Kafka\nNice to have\n- AWS\n",
    "Data Analyst\nQualifications\n- Advanced Excel and SQL\n- Tableau or Power BI\n- Bachelor's degree\n",
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(as_of=date(2024, 6, 1))


@pytest.fixture(scope="module")
def resumes(tmp_path_factory: pytest.TempPathFactory, fixtures: Path) -> list[object]:
    folder = tmp_path_factory.mktemp("cvs")
    (folder / "java.txt").write_text("SKILLS\nJava (6 years), SQL, Spring, AWS\n", encoding="utf-8")
    (folder / "analyst.pdf").write_bytes(make_pdf([text_lines(
        ["SKILLS", "Excel, Tableau, SQL", "EDUCATION", "B.A. Economics"])]))
    return [EXAMPLES / "resumes" / "data-scientist.md", fixtures / "resume-it.pdf",
            folder / "java.txt", folder / "analyst.pdf",
            "SUMMARY\nPython developer, 3 years of PyTorch and scikit-learn\n"]


def test_equals_score_pair_by_pair(matcher: Matcher, resumes: list[object]) -> None:
    """Every cell of the matrix equals the single-pair score() exactly."""
    matrix = matcher.score_many(resumes, POSTINGS)
    assert matrix.scores.shape == (len(resumes), len(POSTINGS)) and not matrix.errors
    for i, resume in enumerate(resumes):
        for j, posting in enumerate(POSTINGS):
            single = matcher.score(resume, posting)
            assert matrix.scores[i, j] == single.score
            batch, alone = matrix.result(i, j).to_dict(), single.to_dict()
            for label in ("resume", "posting"):  # texts are labelled by their batch position
                batch.pop(label), alone.pop(label)
            assert batch == alone


def test_best_resume_per_posting(matcher: Matcher, resumes: list[object]) -> None:
    """Each posting ranks the resume written for it first."""
    matrix = matcher.score_many(resumes, POSTINGS)
    assert matrix.top(0, 1)[0][0] == 0  # ML engineer
    assert matrix.top(1, 1)[0][0] == 2  # Java
    assert matrix.top(2, 1)[0][0] == 3  # analyst


def test_bad_file_is_reported_not_fatal(matcher: Matcher, resumes: list[object], tmp_path: Path) -> None:
    """A corrupt, an empty and a missing file are reported; the others are scored."""
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    batch = [resumes[0], bad, empty, tmp_path / "missing.pdf", resumes[2]]
    matrix = matcher.score_many(batch, POSTINGS)
    assert [e.index for e in matrix.errors] == [1, 2, 3]
    assert {e.error for e in matrix.errors} == {"CorruptDocumentError", "EmptyDocumentError",
                                                "DocumentNotFoundError"}
    assert np.isnan(matrix.scores[1:4]).all() and not np.isnan(matrix.scores[[0, 4]]).any()
    with pytest.raises(skillmatch.SkillmatchError):
        matcher.score_many(batch, POSTINGS, on_error="raise")


def test_inputs_folders_globs_and_generators(matcher: Matcher, resumes: list[object]) -> None:
    """A folder, a glob and a generator all expand to their documents, lazily and in order."""
    folder = Path(resumes[2]).parent  # type: ignore[arg-type]
    by_folder = matcher.score_many(folder, POSTINGS[:1])
    by_glob = matcher.score_many(str(folder / "*.*"), POSTINGS[:1])
    assert by_folder.resumes == by_glob.resumes == (str(folder / "analyst.pdf"),
                                                   str(folder / "java.txt"))
    lazy = matcher.score_many((r for r in resumes[:2]), iter(POSTINGS[:1]))
    assert lazy.scores.shape == (2, 1)


def test_extractions_pass_through(matcher: Matcher, resumes: list[object]) -> None:
    """Extractions and Documents are accepted as they are."""
    ex = matcher.extract(resumes[0], kind="resume")
    doc = skillmatch.read(resumes[2])
    matrix = matcher.score_many([ex, doc], POSTINGS[:1])
    assert matrix.scores[0, 0] == matcher.score(ex, POSTINGS[0]).score


def test_workers_same_results(matcher: Matcher, resumes: list[object]) -> None:
    """Two worker processes give the same matrix, in the same order."""
    one = matcher.score_many(resumes, POSTINGS)
    two = matcher.score_many(resumes, POSTINGS, workers=2)
    assert np.array_equal(one.scores, two.scores) and one.resumes == two.resumes


def test_rank(matcher: Matcher, resumes: list[object]) -> None:
    """rank() returns results best first, ties in input order, top-k cut."""
    ranked = matcher.rank(POSTINGS[1], resumes + [resumes[2]], top=3)
    assert len(ranked) == 3 and ranked[0].score >= ranked[1].score >= ranked[2].score
    assert ranked[0].score == ranked[1].score  # the duplicate: a tie, kept in input order


def test_to_frame(matcher: Matcher, resumes: list[object]) -> None:
    """A DataFrame of resumes x postings, and a long form of one row a pair."""
    matrix = matcher.score_many(resumes[:2], POSTINGS[:2])
    wide = matrix.to_frame()
    assert wide.shape == (2, 2) and wide.iloc[0, 0] == matrix.scores[0, 0]
    long = matrix.to_frame(long=True)
    assert list(long.columns) == ["resume", "posting", "score"] and len(long) == 4


def test_bad_arguments(matcher: Matcher) -> None:
    """Bad workers / on_error values say what is allowed."""
    with pytest.raises(skillmatch.ParameterError, match="workers"):
        matcher.score_many([], [], workers=0)
    with pytest.raises(skillmatch.ParameterError, match="'collect' or 'raise'"):
        matcher.score_many([], [], on_error="ignore")
