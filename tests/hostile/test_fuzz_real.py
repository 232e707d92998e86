"""read() + extract() on mutated real documents: a result or one of our errors, in bounded time.

Hypothesis flips, deletes and inserts bytes in a real resume PDF, a DOCX made from real text and
a real posting's text; whatever comes out must be a Document and an Extraction, or a
SkillmatchError, each call under a generous wall-clock bound (both PDF engines).
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmatch import Limits, Matcher, SkillmatchError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
POSTING = (Path(__file__).resolve().parents[2] / "examples" / "posting-ml-engineer.txt").read_bytes()


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in POSTING.decode("utf-8").splitlines()[:40]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SOURCES = {"pdf": (FIXTURES / "resume-it.pdf").read_bytes(), "docx": _docx_bytes(),
           "text": POSTING}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(SOURCES)))
    data = bytearray(SOURCES[kind])
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        how = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if how == "flip":
            data[at] = draw(st.integers(0, 255))
        elif how == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif len(data) > 16:
            del data[max(at, 16):]
    return kind, bytes(data)


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    return {engine: Matcher("ml-engineer", limits=Limits(pdf_engine=engine, max_seconds=5))
            for engine in ("pdfminer", "pdfium")}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutated(), st.sampled_from(["pdfminer", "pdfium"]))
def test_mutated_documents_give_a_result_or_our_error(
        matchers: dict[str, Matcher], case: tuple[str, bytes], engine: str) -> None:
    _, data = case
    started = time.monotonic()
    try:
        ex = matchers[engine].extract(data, kind="resume")
        assert all(ex.document.text[m.start:m.end] == m.text for m in ex.mentions)
    except SkillmatchError:
        pass
    assert time.monotonic() - started < 20
