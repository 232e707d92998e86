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


def test_folders_and_globs_only_through_files(matcher: Matcher, resumes: list[object]) -> None:
    """A folder or a pattern is one input (an error naming skillmatch.files()); files() expands."""
    folder = Path(resumes[2]).parent  # type: ignore[arg-type]
    matrix = matcher.score_many([folder, str(folder / "*.*")], POSTINGS[:1])
    assert matrix.scores.shape == (2, 1) and np.isnan(matrix.scores).all()
    assert [(e.index, e.error) for e in matrix.errors] == [(0, "DocumentAccessError"),
                                                           (1, "DocumentNotFoundError")]
    assert all("skillmatch.files(" in e.message for e in matrix.errors)
    by_folder = matcher.score_many(skillmatch.files(folder), POSTINGS[:1])
    by_glob = matcher.score_many(skillmatch.files(str(folder / "*.*")), POSTINGS[:1])
    assert by_folder.resumes == by_glob.resumes == (str(folder / "analyst.pdf"),
                                                   str(folder / "java.txt"))
    assert not by_folder.errors
    with pytest.raises(skillmatch.DocumentNotFoundError, match="matches no document"):
        skillmatch.files(str(folder / "*.docx"))
    with pytest.raises(skillmatch.DocumentNotFoundError, match="no such file"):
        skillmatch.files(folder / "nope")


def test_generators_are_consumed_lazily_in_order(matcher: Matcher, resumes: list[object]) -> None:
    """Generators work for both sides; rows follow the input order."""
    lazy = matcher.score_many((r for r in resumes[:2]), iter(POSTINGS[:1]))
    assert lazy.scores.shape == (2, 1) and lazy.resumes[0] == str(resumes[0])


def test_one_line_texts_stay_texts(matcher: Matcher, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts with ?, * or [ keep their column; a text naming a folder is not walked."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Python").mkdir()
    (tmp_path / "Python" / "cv.txt").write_text("SKILLS\nJava\n", encoding="utf-8")
    postings = ["Do you know SQL? Python [required]", "Java*", "Python"]
    matrix = matcher.score_many(["Skills: Python, SQL"], postings)
    assert matrix.scores.shape == (1, 3) and matrix.postings[:2] == ("<posting 0>", "<posting 1>")
    assert matrix.scores[0, 0] == matcher.score("Skills: Python, SQL", postings[0]).score
    assert [(e.index, e.error) for e in matrix.errors] == [(2, "DocumentAccessError")]
    assert "is a folder" in matrix.errors[0].message


def test_every_input_one_row_or_one_error(matcher: Matcher, tmp_path: Path) -> None:
    """Missing paths (with brackets too), a folder named x.pdf, a typo: errors, in place."""
    (tmp_path / "x.pdf").mkdir()
    inputs = ["SKILLS\nPython, SQL\n", str(tmp_path / "cv[1].pdf"), str(tmp_path / "x.pdf"),
              "cvs/jane", tmp_path / "missing", "Skills: Python"]
    matrix = matcher.score_many(inputs, POSTINGS[:1])
    assert matrix.scores.shape == (6, 1)
    assert [(e.index, e.error) for e in matrix.errors] == [
        (1, "DocumentNotFoundError"), (2, "DocumentAccessError"), (3, "DocumentNotFoundError"),
        (4, "DocumentNotFoundError")]
    assert not np.isnan(matrix.scores[[0, 5], 0]).any()
    assert matrix.resumes[1:5] == (str(tmp_path / "cv[1].pdf"), str(tmp_path / "x.pdf"),
                                   "cvs/jane", str(tmp_path / "missing"))
    with pytest.raises(skillmatch.DocumentNotFoundError, match="line break"):
        skillmatch.read("cvs/jane")
    assert skillmatch.read("C/C++\n").text.strip() == "C/C++"


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
    wide = matrix.to_frame()["score"]  # tests/test_notebook.py checks the other measures
    assert wide.shape == (2, 2) and wide.iloc[0, 0] == matrix.scores[0, 0]
    long = matrix.to_frame(long=True)
    assert list(long.columns)[:3] == ["resume", "posting", "score"] and len(long) == 4


def test_bad_arguments(matcher: Matcher) -> None:
    """Bad workers / on_error values say what is allowed."""
    with pytest.raises(skillmatch.ParameterError, match="workers"):
        matcher.score_many([], [], workers=0)
    with pytest.raises(skillmatch.ParameterError, match="'collect' or 'raise'"):
        matcher.score_many([], [], on_error="ignore")
