"""Tests for the notebook side: labels from keyed inputs, DataFrames, progress, HTML views."""

from __future__ import annotations

import math
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import skillmatch
from skillmatch import Matcher

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
POSTING_ML = (EXAMPLES / "posting-ml-engineer.txt").read_text(encoding="utf-8")
POSTINGS = {
    "ml": POSTING_ML,
    "java": "Requirements\n- 5+ years of Java and SQL\n- Spring or Kafka\nNice to have\n- AWS\n",
    "dl": "Requirements\n- Deep learning with TensorFlow\n- Python\n- Kubernetes\n",
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(as_of=date(2024, 6, 1))


@pytest.fixture(scope="module")
def resumes(fixtures: Path) -> dict[str, Any]:
    return {
        "ds": EXAMPLES / "resumes" / "data-scientist.md",
        "it": fixtures / "resume-it.pdf",
        "java": "SKILLS\nJava (6 years), SQL, Spring, AWS\n",
        "torch": "SUMMARY\nPython developer, 3 years of PyTorch and scikit-learn\n",
    }


@pytest.fixture(scope="module")
def matrix(matcher: Matcher, resumes: dict[str, Any]) -> skillmatch.ScoreMatrix:
    return matcher.score_many(resumes, POSTINGS)


# --------------------------------------------------------------------------- labels


def test_dict_keys_label_values(matcher: Matcher, resumes: dict[str, Any],
                                matrix: skillmatch.ScoreMatrix) -> None:
    """A dict's keys label its rows and its values are the documents (not the keys)."""
    plain = matcher.score_many(list(resumes.values()), list(POSTINGS.values()))
    assert matrix.resumes == tuple(resumes) and matrix.postings == tuple(POSTINGS)
    assert np.array_equal(matrix.scores, plain.scores) and not matrix.errors
    assert matrix.result(2, 1).resume == "java" and matrix.result(2, 1).posting == "java"


def test_series_and_dataframe_labels(matcher: Matcher, resumes: dict[str, Any]) -> None:
    """A Series' index and a DataFrame's id column label rows; ints stay ints in frames."""
    texts = [resumes["java"], resumes["torch"]]
    series = pd.Series(texts, index=[101, 102])
    frame = pd.DataFrame({"id": [101, 102], "text": texts, "other": ["x", "y"]})
    by_series = matcher.score_many(series, pd.Series([POSTINGS["java"]], index=["J-7"]))
    by_frame = matcher.score_many(frame, pd.DataFrame({"id": ["J-7"], "text": [POSTINGS["java"]]}))
    for m in (by_series, by_frame):
        assert m.resumes == ("101", "102") and m.postings == ("J-7",)
        assert list(m.to_frame().index) == [101, 102]
        assert list(m.to_frame(long=True)["posting"]) == ["J-7", "J-7"]
    assert np.array_equal(by_series.scores, by_frame.scores)


def test_dataframe_without_columns_says_what_to_do(matcher: Matcher) -> None:
    """A DataFrame with no id/text column is refused with the columns it has and the fix."""
    frame = pd.DataFrame({"candidate": [1], "resume_text": ["Skills: Python"]})
    with pytest.raises(skillmatch.ParameterError, match=r"'id'.*set_index.*resume_text"):
        matcher.score_many(frame, ["Requirements\n- Python"])


def test_keyed_failure_is_reported_by_key(matcher: Matcher, tmp_path: Path) -> None:
    """A keyed document that fails is named by its key; its pair has NaN and <NA> counts."""
    m = matcher.score_many({"ok": "Skills: Python\n", "gone": tmp_path / "missing.pdf"},
                           ["Requirements\n- Python\n"])
    assert [(e.index, e.source, e.error) for e in m.errors] == [
        (1, "gone", "DocumentNotFoundError")]
    long = m.to_frame(long=True)
    assert math.isnan(long.loc[1, "score"]) and long.loc[1, "matched"] is pd.NA
    assert long.loc[0, "matched"] == 1 and long.loc[1, "top_missing"] is None
    # the frame says why: the error column holds the failed document's error and message
    assert long.loc[0, "error"] is None
    assert long.loc[1, "error"].startswith("DocumentNotFoundError: gone")


# --------------------------------------------------------------------------- frames


def test_to_frame_equals_results(matrix: skillmatch.ScoreMatrix) -> None:
    """Every cell of the wide and long frames says what result(i, j) says."""
    wide, long = matrix.to_frame(), matrix.to_frame(long=True)
    n, m = matrix.scores.shape
    assert len(long) == n * m and wide.shape == (n, 11 * m)  # 11 measures, error the last
    partial_seen = 0
    for i, resume in enumerate(matrix.resumes):
        for j, posting in enumerate(matrix.postings):
            r = matrix.result(i, j)
            row = long.iloc[i * m + j]
            assert (row["resume"], row["posting"]) == (resume, posting)
            assert row["score"] == r.score == wide.loc[resume, ("score", posting)]
            for c in skillmatch.scoring.COMPONENTS:
                expected = r.components[c].score if c in r.components else math.nan
                assert row[c] == pytest.approx(expected, nan_ok=True)
                assert wide.loc[resume, (c, posting)] == pytest.approx(expected, nan_ok=True)
            counts = (len(r.matched), len(r.partial), len(r.missing))
            assert (row["matched"], row["partial"], row["missing"]) == counts
            assert row["top_missing"] == [mm.requirement.name for mm in r.missing[:3]]
            assert wide.loc[resume, ("top_missing", posting)] == row["top_missing"]
            partial_seen += len(r.partial)
    assert partial_seen > 0  # the data exercise partial credit


def test_rank_to_frame_and_coverage(matcher: Matcher, resumes: dict[str, Any]) -> None:
    """rank() gives a list with to_frame() and a coverage grid of the credits, best first."""
    ranked = matcher.rank(POSTINGS["dl"], resumes, top=3)
    assert isinstance(ranked, list) and len(ranked) == 3
    frame = ranked.to_frame()
    assert list(frame.index) == [1, 2, 3] and list(frame["score"]) == [r.score for r in ranked]
    assert list(frame["resume"]) == [r.resume for r in ranked]
    grid = ranked.coverage().frame
    assert list(grid.columns) == [r.resume for r in ranked]
    for k, r in enumerate(ranked):
        for mm in r.matched + r.partial + r.missing:
            assert grid.loc[(mm.requirement.level, mm.requirement.name), r.resume] == mm.credit
    weights = [w for _, _, level, w in ranked.coverage().requirements if level == "required"]
    assert weights == sorted(weights, reverse=True)


def test_rank_labels_a_keyed_posting(matcher: Matcher) -> None:
    """rank() takes one posting as a one-entry mapping, labelled by its key; more is refused."""
    ranked = matcher.rank({"java": POSTINGS["java"]}, ["Skills: Java, SQL\n"])
    assert ranked[0].posting == "java" and ranked.coverage().posting == "java"
    with pytest.raises(skillmatch.ParameterError, match="one posting"):
        matcher.rank(POSTINGS, ["Skills: Java\n"])


def test_matrix_coverage_and_one_posting_only(matrix: skillmatch.ScoreMatrix) -> None:
    """A matrix column's grid has its top candidates; results of two postings are refused."""
    grid = matrix.coverage(1, top=2)
    assert grid.candidates == tuple(label for _, label, _ in matrix.top(1, 2))
    with pytest.raises(skillmatch.ParameterError, match="one posting"):
        skillmatch.Coverage.of([matrix.result(0, 0), matrix.result(0, 1)])


def test_pandas_missing_names_the_extra(matrix: skillmatch.ScoreMatrix,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame() says which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(skillmatch.DependencyError, match=r"pip install 'skillmatch\[pandas\]'"):
        matrix.to_frame()


def test_progress_counts_resumes_with_a_total(matcher: Matcher,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress bar has the number of resumes as its total and counts resumes only."""
    import tqdm.auto

    bars: list[dict[str, Any]] = []

    class Recorder:
        def __init__(self, **kwargs: Any) -> None:
            self.state = {**kwargs, "n": 0, "closed": False}
            bars.append(self.state)

        def update(self, k: int) -> None:
            self.state["n"] += k

        def close(self) -> None:
            self.state["closed"] = True

    monkeypatch.setattr(tqdm.auto, "tqdm", Recorder)
    matcher.score_many({"a": "Skills: Python\n", "b": "Skills: SQL\n", "c": "Skills: Go\n"},
                       ["Requirements\n- Python\n", "Requirements\n- SQL\n"], progress=True)
    matcher.score_many((t for t in ["Skills: Python\n"]), ["Requirements\n- SQL\n"], progress=True)
    assert [(b["total"], b["n"], b["unit"], b["closed"]) for b in bars] == [
        (3, 3, "resume", True), (None, 1, "resume", True)]


# --------------------------------------------------------------------------- HTML


class _Marks(HTMLParser):
    """Collects each <mark>'s class and text, the component bars, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.bars: list[str] = []
        self.cells: list[float] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "mark":
            self._open.append([a.get("class") or "", ""])
        if a.get("class") == "sm-bar":
            self.bars.append(a.get("style") or "")
        if a.get("class") == "sm-cell":
            self.cells.append(float(a["data-credit"] or "nan"))

    def handle_data(self, data: str) -> None:
        for item in self._open:
            item[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            cls, text = self._open.pop()
            self.marks.append((cls, text))


def _parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    parser.close()
    return parser


def test_result_html_marks_evidence_by_status(matrix: skillmatch.ScoreMatrix) -> None:
    """The HTML marks each requirement's posting words and the resume's proof by status."""
    r = matrix.result(3, 2)  # PyTorch resume vs the TensorFlow posting: all three statuses
    assert r.matched and r.partial and r.missing
    parsed = _parse(r._repr_html_())
    expected = []
    items = sorted(r.matched + r.partial + r.missing,
                   key=lambda m: (-m.requirement.weight, m.requirement.skill))
    for mm in items:  # the posting side first, in the same order
        status = "matched" if mm in r.matched else "partial" if mm in r.partial else "missing"
        expected += [(f"sm-{status}", ev.text) for ev in mm.requirement.evidence[:1]]
    for mm in items:
        status = "matched" if mm in r.matched else "partial" if mm in r.partial else "missing"
        expected += [(f"sm-{status}", ev.text) for ev in mm.resume_evidence[:1]]
    assert parsed.marks == expected
    assert len(parsed.bars) == len(r.components)


def test_html_escapes_hostile_documents(matcher: Matcher) -> None:
    """Markup in documents, labels and evidence is shown as text, never as markup."""
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    r = matcher.score(f"{evil}\nSkills: Python {evil} and SQL\n",
                      f"Requirements\n- Python {evil}\n- Kubernetes\n")
    named = matcher.score_many({evil: f"Skills: Python {evil}\n"}, ["Requirements\n- Python\n"])
    for html in (r._repr_html_(), named.result(0, 0)._repr_html_(),
                 matcher.rank("Requirements\n- Python\n", {evil: "Skills: Python\n"}).coverage()
                 ._repr_html_()):
        parsed = _parse(html)
        assert "script" not in parsed.tags and "img" not in parsed.tags
        assert "<script" not in html and "onerror=\"" not in html
    marks = _parse(r._repr_html_()).marks
    assert any("<script>alert(1)</script>" in text for _, text in marks)  # shown, as text


def test_short_repr(matcher: Matcher) -> None:
    """repr() is one short line for a long document; the matrix's too."""
    r = matcher.score(EXAMPLES / "resumes" / "data-scientist.md", POSTING_ML)
    assert len(repr(r)) < 160 and "\n" not in repr(r) and f"{r.score:.1f}/100" in repr(r)
    assert repr(matcher.score_many(["Skills: Python\n"] * 3, [POSTING_ML])) == (
        "<ScoreMatrix 3 resumes x 1 postings, 0 errors>")


def test_coverage_html_cells(matcher: Matcher, resumes: dict[str, Any]) -> None:
    """The grid's HTML has one coloured cell per requirement and candidate, with its credit."""
    grid = matcher.rank(POSTINGS["dl"], resumes, top=3).coverage()
    cells = _parse(grid._repr_html_()).cells
    assert cells == pytest.approx(grid.frame.to_numpy().reshape(-1).tolist())
    assert len(cells) == len(grid.requirements) * 3


def test_coverage_styler_colours_and_escapes(matcher: Matcher) -> None:
    """Coverage.style() colours each cell by its credit and escapes the labels."""
    evil = "<img src=x onerror=alert(1)>"
    grid = matcher.rank({"p": "Requirements\n- Python\n- SQL\n"},
                        {evil: "Skills: Python\n", "ok": "Skills: Python, SQL\n"}).coverage()
    html = grid.style().to_html()
    assert "<img" not in html and "&lt;img" in html
    for credit in (0.0, 1.0):
        assert f"background-color: {skillmatch._views._cell_colour(credit)}" in html


def test_a_ranking_shows_as_a_table_in_notebooks(matcher: Matcher) -> None:
    """A Ranking renders as a table of candidates (not a list of reprs), escaped, with the
    resumes that could not be scored."""
    ranked = matcher.rank("Requirements\n- Python\n- SQL\n",
                          {"<b>ana</b>": "Skills: Python\n", "bo": "Skills: Python, SQL\n",
                           "empty": b""})
    page = ranked._repr_html_()
    assert page.index(">bo<") < page.index("&lt;b&gt;ana&lt;/b&gt;")  # best first, escaped
    assert "<b>ana" not in page and "Not scored" in page and "empty" in page
