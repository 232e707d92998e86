"""Shared fixtures: documents made in the tests themselves, and the shared session objects."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from hypothesis import settings

from hostile.make import pdf

# The same examples on every run and machine: a red CI is reproducible, never a new random draw.
settings.register_profile("skillmatch", derandomize=True, database=None)
settings.load_profile("skillmatch")

FIXTURES = Path(__file__).parent / "fixtures"


def make_pdf(pages: list[list[tuple[float, float, str]]], *, image: bool = False,
             width: int = 612, height: int = 792) -> bytes:
    """A minimal valid PDF: each page a list of (x, y, text) in Helvetica 10pt.

    With ``image=True`` every page also paints a small inline image (a 'scan')."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page_ids: list[int] = []
    pages_id_placeholder = len(objects) + 1
    add(b"")  # Pages, filled below
    for items in pages:
        ops = []
        for x, y, text in items:
            safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 10 Tf {x} {y} Td ({safe}) Tj ET")
        if image:
            ops.append("q 200 0 0 200 100 400 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q")
        stream = zlib.compress("\n".join(ops).encode("latin-1"))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
                      + b"\nendstream")
        page_ids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>"
            % (pages_id_placeholder, width, height, content, font)))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[pages_id_placeholder - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id_placeholder)
    return pdf(objects, catalog, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


def text_lines(lines: list[str], x: float = 72, top: float = 740, step: float = 14) -> list[tuple[float, float, str]]:
    return [(x, top - i * step, line) for i, line in enumerate(lines)]


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def default_matcher() -> "Matcher":
    """One matcher over the bundled default taxonomy (core + O*NET + ESCO) for the session."""
    from skillmatch import Matcher

    return Matcher()
