"""The two PDF engines agree: same skills on real resume PDFs, same errors on bad ones, and
word spaces and table cells kept apart the same way."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import skillmatch
from skillmatch import DocumentTooLargeError, EmptyDocumentError, Limits, read

sys.path.insert(0, str(Path(__file__).parent))
from conftest import make_pdf, text_lines  # noqa: E402

ENGINES = ["pdfium", "pdfminer"]
REAL = sorted((Path(__file__).parent / "fixtures").glob("resume-*.pdf"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_same_skills_on_real_resumes(path: Path) -> None:
    """Both engines' texts give the extractor the same skill set (copied from the shared
    resume PDFs; benchmarks/read_pdfs.py checks all 225)."""
    found = [set(skillmatch.extract(read(path, limits=Limits(pdf_engine=e))).skills)
             for e in ENGINES]
    assert found[0] == found[1]
    assert found[0], "a fixture with no skills would test nothing"


@pytest.mark.parametrize("engine", ENGINES)
def test_word_spaces_and_cells(engine: str) -> None:
    """Words drawn as one string keep their spaces; cells side by side on one row come out as
    separate lines, so 'Machine' and 'Learning' in two cells are not one phrase."""
    page = [(72, 700, "Senior Data Scientist"), (72, 680, "Machine"), (300, 680, "Learning"),
            (72, 660, "Python and SQL")]
    doc = read(make_pdf([page]), limits=Limits(pdf_engine=engine))
    lines = doc.text.splitlines()
    assert "Senior Data Scientist" in lines and "Python and SQL" in lines
    assert "Machine" in lines and "Learning" in lines
    assert "machine-learning" not in skillmatch.extract(doc).skills


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_column_by_column(engine: str) -> None:
    """A two-column page is read left column first with either engine."""
    left = text_lines([f"Left line {i}" for i in range(12)], x=72)
    right = text_lines([f"Right line {i}" for i in range(12)], x=340)
    text = read(make_pdf([left + right]), limits=Limits(pdf_engine=engine)).text
    assert text.index("Left line 11") < text.index("Right line 0")


@pytest.mark.parametrize("engine", ENGINES)
def test_same_errors(engine: str) -> None:
    """Page limits apply before rendering; blank pages are empty, not scans, in both."""
    limits = Limits(pdf_engine=engine, max_pages=3)
    with pytest.raises(DocumentTooLargeError, match="max_pages"):
        read(make_pdf([text_lines([f"page {i}"]) for i in range(5)]), limits=limits)
    with pytest.raises(EmptyDocumentError, match="blank"):
        read(make_pdf([[]]), limits=limits)
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        read(make_pdf([text_lines(["x" * 80] * 20)]), limits=Limits(pdf_engine=engine,
                                                                       max_chars=500))
