"""`skillmatch demand`'s inputs: the csv module's field limit is the process's and stays as
it was; a row over it is skipped with a warning and the rest is read; PDF and DOCX postings
are read, not skipped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from skillmatch._demand import iter_postings


def test_an_oversized_row_is_skipped_and_the_limit_untouched(tmp_path: Path) -> None:
    path = tmp_path / "postings.csv"
    path.write_text('title,description\nA,"Python and SQL"\nB,"' + "x" * 200_000
                    + '"\nC,"Docker"\n', encoding="utf-8")
    before = csv.field_size_limit()
    with pytest.warns(UserWarning, match="skipped"):
        texts = list(iter_postings([path]))
    assert texts == ["Python and SQL", "Docker"]
    assert csv.field_size_limit() == before


def test_pdf_and_docx_postings_are_given_as_paths(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "a.pdf").write_bytes((fixtures / "resume-it.pdf").read_bytes())
    (tmp_path / "b.txt").write_text("Requirements: Python", encoding="utf-8")
    found = list(iter_postings([tmp_path]))
    assert found[0] == tmp_path / "a.pdf" and found[1] == "Requirements: Python"
