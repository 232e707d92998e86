"""Reading order for the text lines of a PDF page, whichever engine found them.

An engine gives each page's lines with their boxes (PDF points, origin bottom left); we order
them: a page whose lines leave a clear vertical gutter is read left column first, then right,
between the full-width lines (a name banner, a heading across the page) that separate its
bands. Lines side by side on one row (table cells, a date on the right) stay separate lines,
so that the extractor never reads two cells as one phrase.

>>> page_text([Line(72, 700, 120, 710, "Python"), Line(300, 700, 340, 710, "Java")], 612)
'Python\\nJava'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line", "Page", "page_text"]


@dataclass(frozen=True, slots=True)
class Line:
    """One run of text on one row, with no wide gap inside it."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    lines: list[Line]
    width: float
    images: bool


def page_text(lines: list[Line], width: float) -> str:
    """Lines in reading order: bands split by full-width lines, each band column by column."""
    if not lines:
        return ""
    lines = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    gutter = _find_gutter(lines, width)
    if gutter is None:
        return _join(lines)
    out: list[str] = []
    band: list[Line] = []
    for line in lines:
        if line.x0 < gutter < line.x1:  # crosses the gutter: ends the band
            out.append(_columns(band, gutter))
            band = []
            out.append(line.text)
        else:
            band.append(line)
    out.append(_columns(band, gutter))
    return "\n".join(part for part in out if part)


def _columns(band: list[Line], gutter: float) -> str:
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    return "\n\n".join(part for part in (_join(left), _join(right)) if part)


def _join(lines: list[Line]) -> str:
    """Join lines top to bottom; a vertical gap over 1.2 line heights makes a blank line.
    Lines at the same height (table cells, a date on the right) follow each other left to right,
    each on its own line: a line break ends a phrase, where spaces would join two cells."""
    out: list[str] = []
    prev: Line | None = None
    for line in sorted(lines, key=lambda ln: (-round(ln.y1), ln.x0)):
        if prev is not None:
            height = max(prev.y1 - prev.y0, 1.0)
            same_row = abs(prev.y1 - line.y1) < 0.3 * height and line.x0 > prev.x1
            if not same_row and prev.y0 - line.y1 > 1.2 * height:
                out.append("")
        out.append(line.text)
        prev = line
    return "\n".join(out)


def _find_gutter(lines: list[Line], width: float) -> float | None:
    """An x position that no line crosses, with at least a quarter of the lines on each side,
    inside the middle 20%-80% of the page; None when the page is one column."""
    if len(lines) < 8 or width <= 0:
        return None
    best: tuple[int, float] | None = None
    step = width / 100
    x = width * 0.2
    while x <= width * 0.8:
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        left = sum(1 for ln in lines if ln.x1 <= x)
        right = len(lines) - crossing - left
        if crossing <= max(1, len(lines) // 20) and min(left, right) >= len(lines) // 4:
            balance = min(left, right)
            if best is None or balance > best[0]:
                best = (balance, x)
        x += step
    return best[1] if best else None
