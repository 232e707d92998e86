"""Inputs an ATS meets from the public, found by a hostile-input audit: a stream that fails
while read, a lone surrogate from a JSON body, HTML with stray NUL bytes, a ranking with bad
resumes in it. Each gives a typed error or the right result; none costs the others."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import skillmatch
from skillmatch import DocumentAccessError, UnsupportedFormatError

from . import make


class _Dropped(io.BytesIO):
    """An upload whose connection drops while it is read."""

    def read(self, *args: object) -> bytes:
        raise ConnectionResetError("peer reset")


def test_a_stream_that_fails_is_a_typed_error() -> None:
    with pytest.raises(DocumentAccessError, match="ConnectionResetError"):
        skillmatch.read(_Dropped())


def test_a_stream_that_fails_costs_the_batch_nothing() -> None:
    matrix = skillmatch.score_many({"ok": "Skills: Python", "dropped": _Dropped()},
                                   {"job": "Requirements\n- Python"})
    assert [(e.source, e.error) for e in matrix.errors] == [("dropped", "DocumentAccessError")]
    assert matrix.result(0, 0).score == 100.0


def test_a_lone_surrogate_is_no_character() -> None:
    """JSON allows "\\ud83d" alone; spaCy cannot encode it. It reads as U+FFFD."""
    text = json.loads('"Skills: Python \\\\ud83d SQL"')
    assert {"python", "sql"} <= set(skillmatch.extract(text, kind="resume").skills)


def test_html_with_stray_nul_bytes_is_not_utf16() -> None:
    """Two NULs in ASCII markup once made it "UTF-16" CJK; it is binary, as other text with
    NULs is."""
    with pytest.raises(UnsupportedFormatError):
        skillmatch.read(b"<html><body><p>Python\x00SQL</p>\x00</body></html>")
    wide = "Данные: Python, SQL".encode("utf-16-le")  # real UTF-16 still reads
    assert skillmatch.read(wide).text == "Данные: Python, SQL"


def test_a_ranking_names_the_resumes_it_could_not_score() -> None:
    ranking = skillmatch.rank("Requirements\n- Python",
                              ["Skills: Python", b"%PDF-1.4 junk", "", "Skills: Go"])
    assert len(ranking) == 2
    assert [(e.index, e.error) for e in ranking.errors] == [
        (1, "CorruptDocumentError"), (2, "EmptyDocumentError")]


@pytest.mark.parametrize("markup", [
    "<div>" * 300 + "Skills: Python, SQL" + "</div>" * 300,  # past libxml2's 256 levels
    '<img src="data:image/png;base64,' + "A" * 11_000_000 + '"><p>Skills: Python, SQL</p>',
    "<p>Python<!-- a comment -->, SQL</p>",
])
def test_html_text_is_not_lost_to_the_parser(markup: str) -> None:
    """libxml2 dropped the text past 256 nesting levels or after a 10 MB attribute, and the
    text after a comment was skipped: the page read as empty ("run OCR")."""
    document = skillmatch.read(f"<html><body>{markup}</body></html>".encode(), name="x.html")
    assert "Python" in document.text and "SQL" in document.text


def test_html_nested_past_any_parser_says_so() -> None:
    from skillmatch import CorruptDocumentError

    markup = "<div>" * 50_000 + "Skills: Python" + "</div>" * 50_000
    with pytest.raises(CorruptDocumentError, match="nests its elements"):
        skillmatch.read(f"<html><body>{markup}</body></html>".encode(), name="x.html")


def test_docx_runs_wrapped_deep_read_in_linear_time() -> None:
    import time

    start = time.monotonic()
    document = skillmatch.read(make.docx_deep_runs(), name="deep.docx")
    assert "Skills: Python" in document.text
    assert time.monotonic() - start < 6


def test_a_password_in_bytes_is_a_parameter_error() -> None:
    """It was reported as a damaged PDF (a TypeError inside the engine)."""
    from skillmatch import ParameterError

    with pytest.raises(ParameterError, match="password"):
        skillmatch.read(b"%PDF-1.4 x", password=b"secret")  # type: ignore[arg-type]


def test_a_docx_of_millions_of_empty_elements_is_refused_before_parsing() -> None:
    """12 MB of "<a/>" (under max_decoded_bytes) once cost about 1 GB of lxml tree."""
    from skillmatch import DocumentTooLargeError

    with pytest.raises(DocumentTooLargeError, match="XML elements"):
        skillmatch.read(make.docx_empty_elements(), name="empty.docx")
    assert "Python" in skillmatch.read(make.docx_empty_elements(1000), name="small.docx").text


def test_text_that_mentions_the_pdf_marker_is_text(tmp_path: Path) -> None:
    """A resume saying "%PDF-1.7" in a sentence is text, not a broken PDF (hostile audit 7);
    a PDF with a junk line before its header is still a PDF."""
    path = tmp_path / "resume.txt"
    path.write_bytes(b"Jane Roe\nBuilt a validator for files that begin with %PDF-1.7 headers.\n"
                     b"Skills: Python, SQL\n")
    assert skillmatch.read(path).format == "text"
    pdf = b"HTTP junk line\n" + make._one_page(b"BT /F1 12 Tf 72 700 Td (Python) Tj ET")
    assert "Python" in skillmatch.read(pdf).text


def test_password_protected_office_files_say_so() -> None:
    """An Office file encrypted with a password (an OLE container holding EncryptedPackage) or
    a DOCX whose ZIP entry is encrypted is an EncryptedDocumentError, not "damaged" or ".doc"."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(skillmatch.EncryptedDocumentError, match="password"):
        skillmatch.read(ole + b"\x00" * 512)
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    data[6] |= 0x1  # the local header's "encrypted" flag ...
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1  # ... and the central directory's
    with pytest.raises(skillmatch.EncryptedDocumentError, match="password"):
        skillmatch.read(bytes(data))


def test_white_space_only_text_says_so() -> None:
    with pytest.raises(skillmatch.EmptyDocumentError, match="only white space"):
        skillmatch.read("   \n\t \n")
