"""Word spaces in PDF text: both engines keep words apart and never split one, including PDFs
that draw every glyph and every space as its own text object (wkhtmltopdf and other HTML
renderers), where PDFium's text page drops the spaces."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pdfminer.fontmetrics import FONT_METRICS

import skillmatch
from skillmatch import Limits, read

sys.path.insert(0, str(Path(__file__).parent))
from conftest import make_pdf  # noqa: E402

ENGINES = ["pdfium", "pdfminer"]
REAL = sorted((Path(__file__).parent / "fixtures").glob("resume-*.pdf"))
_HELVETICA = FONT_METRICS["Helvetica"][1]  # the advance widths make_pdf's font draws with


def _advance(char: str) -> float:
    return float(_HELVETICA[char]) * 10 / 1000  # make_pdf draws at 10 pt


def _glyph_by_glyph(words: list[str], *, y: float = 700, space: bool, gap: float,
                    kerning: float = 0.0) -> list[tuple[float, float, str]]:
    """Each character its own text object at its advance (plus ``kerning``); between words a
    drawn space object (``space``) and ``gap`` points."""
    items: list[tuple[float, float, str]] = []
    x = 72.0
    for word in words:
        for char in word:
            items.append((round(x, 3), y, char))
            x += _advance(char) + kerning
        if space:
            items.append((round(x, 3), y, " "))
        x += gap
    return items


def _text(items: list[tuple[float, float, str]], engine: str) -> str:
    return read(make_pdf([items]), limits=Limits(pdf_engine=engine)).text


@pytest.mark.parametrize("engine", ENGINES)
def test_drawn_spaces_separate_words(engine: str) -> None:
    """A space drawn as its own object, with the next word set closer than a space's width (the
    HTML renderers' layout), is a word break: 'Bachelor of Science', not 'BachelorofScience'."""
    words = ["Bachelor", "of", "Science", "in", "Staff", "finance"]
    doc = read(make_pdf([_glyph_by_glyph(words, space=True, gap=0.4)]),
               limits=Limits(pdf_engine=engine))
    assert doc.text.split() == words
    assert skillmatch.extract(doc, kind="resume").degree_rank == 2  # a bachelor's degree


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kerning", [0.0, -0.3, 0.3])
def test_glyphs_of_one_word_stay_together(engine: str, kerning: float) -> None:
    """Letters drawn one by one at their advances, kerned a little either way, are one word."""
    words = ["Science", "Python", "Staffing"]
    text = _text(_glyph_by_glyph(words, space=False, gap=4.0, kerning=kerning), engine)
    assert text.split() == words


@pytest.mark.parametrize("engine", ENGINES)
def test_position_alone_separates_words(engine: str) -> None:
    """Words placed a space's width apart with no space glyph drawn are still separate."""
    words = ["Master", "of", "Business", "Administration"]
    assert _text(_glyph_by_glyph(words, space=False, gap=_advance(" ")), engine).split() == words


@pytest.mark.parametrize("engine", ENGINES)
def test_a_blank_on_another_row_splits_nothing(engine: str) -> None:
    """A drawn space belongs to its own row: one drawn 20 pt below a word, within its width,
    does not split the word above."""
    items = _glyph_by_glyph(["Kubernetes"], space=False, gap=0)
    items += [(90.0, 680, " "), (72.0, 680, "SQL")]
    assert _text(items, engine).split() == ["Kubernetes", "SQL"]


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_engines_read_the_same_words(path: Path) -> None:
    """On real resume PDFs (HTML rendered by wkhtmltopdf) the engines' word sets agree and no
    'of' is glued to the next word (copied from the shared resume PDFs; all 225 are measured by
    benchmarks/pdf_engines.py)."""
    texts = [read(path, limits=Limits(pdf_engine=e)).text for e in ENGINES]
    words = [set(re.findall(r"\w+", t.lower())) for t in texts]
    assert len(words[0] & words[1]) / len(words[0] | words[1]) >= 0.97
    assert not re.search(r"\bof[A-Z]", texts[0])
