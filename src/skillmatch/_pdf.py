"""PDF to text with pdfminer.six, in reading order, two-column layouts included.

pdfminer groups characters into lines (``LAParams``); we order the lines ourselves: a page
whose lines leave a clear vertical gutter is read left column first, then right, between
the full-width lines (a name banner, a heading across the page) that separate its bands.
"""

from __future__ import annotations

import io
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ._errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    Messages,
    ScannedDocumentError,
)


@dataclass(frozen=True, slots=True)
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


class _Timeout(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Timeout inside the block after ``seconds`` (main thread, POSIX); else no-op.

    Other threads fall back on the per-page checks in :func:`read_pdf`.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_pdf(
    data: bytes, *, source: str, password: str, max_pages: int, max_seconds: float
) -> list[str]:
    """The text of each page of a PDF. Raises our DocumentError subclasses, never pdfminer's."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    started = time.monotonic()
    try:
        with _deadline(max_seconds):
            parser = PDFParser(io.BytesIO(data))
            try:
                document = PDFDocument(parser, password=password)
            except PDFPasswordIncorrect:
                raise EncryptedDocumentError(Messages.R011.format(source=source),
                                             source=source) from None
            except PDFEncryptionError as exc:
                raise EncryptedDocumentError(
                    Messages.R011.format(source=source) + f" ({exc})", source=source
                ) from None
            try:
                count = int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
            except Exception:  # a damaged page tree: count as we go
                count = 0
            if count > max_pages:
                raise DocumentTooLargeError(
                    Messages.R007.format(source=source, pages=count, limit=max_pages),
                    source=source,
                )
            manager = PDFResourceManager(caching=True)
            device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.5, char_margin=2.0,
                                                                  word_margin=0.1, boxes_flow=None))
            interpreter = PDFPageInterpreter(manager, device)
            pages: list[str] = []
            has_images = False
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > max_pages:
                    raise DocumentTooLargeError(
                        Messages.R007.format(source=source, pages=f"over {max_pages}",
                                             limit=max_pages),
                        source=source,
                    )
                if time.monotonic() - started > max_seconds:
                    raise _Timeout
                interpreter.process_page(page)
                layout = device.get_result()
                lines, images = _collect(layout)
                has_images = has_images or images
                pages.append(_page_text(lines, float(layout.width)))
    except _Timeout:
        raise DocumentTooLargeError(
            Messages.R008.format(source=source, limit=max_seconds), source=source
        ) from None
    except (EncryptedDocumentError, DocumentTooLargeError):
        raise
    except RecursionError:
        raise CorruptDocumentError(
            Messages.R010.format(source=source, detail="objects nested too deeply"), source=source
        ) from None
    except MemoryError:
        raise DocumentTooLargeError(
            Messages.R008.format(source=source, limit=max_seconds), source=source
        ) from None
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise CorruptDocumentError(Messages.R010.format(source=source, detail=detail),
                                   source=source) from None
    if not pages:
        raise CorruptDocumentError(
            Messages.R010.format(source=source, detail="no pages found"), source=source
        )
    if not any(p.strip() for p in pages):
        detail = f"{len(pages)} page(s) of images and no text layer" if has_images else \
            f"{len(pages)} blank page(s)"
        error = ScannedDocumentError if has_images else EmptyDocumentError
        raise error(Messages.R005.format(source=source, detail=detail), source=source)
    return pages


def _collect(layout: Any) -> tuple[list[_Line], bool]:
    """The text lines of a page, and whether it holds images."""
    from pdfminer.layout import LTFigure, LTImage, LTTextContainer, LTTextLine

    lines: list[_Line] = []
    images = False
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextLine):
            text = item.get_text().strip()
            if text:
                lines.append(_Line(item.x0, item.y0, item.x1, item.y1, text))
        elif isinstance(item, LTTextContainer):
            stack.extend(item)
        elif isinstance(item, LTImage):
            images = True
        elif isinstance(item, LTFigure):
            images = True
            stack.extend(item)
    return lines, images


def _page_text(lines: list[_Line], width: float) -> str:
    """Lines in reading order: bands split by full-width lines, each band column by column."""
    if not lines:
        return ""
    lines.sort(key=lambda ln: (-ln.y1, ln.x0))
    gutter = _find_gutter(lines, width)
    if gutter is None:
        return _join(lines)
    out: list[str] = []
    band: list[_Line] = []
    for line in lines:
        if line.x0 < gutter < line.x1:  # crosses the gutter: ends the band
            out.append(_columns(band, gutter))
            band = []
            out.append(line.text)
        else:
            band.append(line)
    out.append(_columns(band, gutter))
    return "\n".join(part for part in out if part)


def _columns(band: list[_Line], gutter: float) -> str:
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    return "\n\n".join(part for part in (_join(left), _join(right)) if part)


def _join(lines: list[_Line]) -> str:
    """Join lines top to bottom; a vertical gap over 1.2 line heights makes a blank line.
    Lines at the same height (a table row, a date on the right) share one output line."""
    out: list[str] = []
    prev: _Line | None = None
    for line in sorted(lines, key=lambda ln: (-round(ln.y1), ln.x0)):
        if prev is not None:
            height = max(prev.y1 - prev.y0, 1.0)
            if abs(prev.y1 - line.y1) < 0.3 * height and line.x0 > prev.x1:
                out[-1] += "  " + line.text
                prev = line
                continue
            if prev.y0 - line.y1 > 1.2 * height:
                out.append("")
        out.append(line.text)
        prev = line
    return "\n".join(out)


def _find_gutter(lines: list[_Line], width: float) -> float | None:
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
