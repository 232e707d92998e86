"""The pypdfium2 engine: PDFium's characters and their boxes -> words -> lines, page by page.

PDFium is C code: the read's deadline is checked between pages only (a page's own parse cannot
be interrupted), and the decoded-byte cap cannot be enforced inside it. So before PDFium sees
the file we scan its raw streams ourselves (:func:`_check_streams`): every stream that is not
an image is inflated incrementally, counting, and the read stops at ``max_decoded_bytes``. Pages
are counted before any is loaded. PDFium is not thread-safe, even across documents, so every
call into it holds one lock; a thread waits for it no longer than its own deadline.

We do not use PDFium's whole-page text (it drops the spaces between words that a PDF places by
position): words and cells are rebuilt from the gaps between character boxes, and from the
blank glyphs a PDF draws between words. PDFium's text page drops a text object that paints no
ink (a space drawn on its own, as wkhtmltopdf and other HTML renderers draw every space), and
its advance boxes overhang for some glyphs ("f" reaches into the space after "of"), so the gap
alone reads "of all" as "ofall". :func:`_blanks` finds those ink-less text objects on the page
itself, and a blank drawn between two characters of a row is a word space, as it is for
pdfminer, which keeps the drawn space.
"""

from __future__ import annotations

import bisect
import re
import threading
import time
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from . import _guard
from ._pdflayout import Line, Page

__all__ = ["Encrypted", "TooManyChars", "TooManyPages", "read_pages"]

_LOCK = threading.Lock()  # PDFium allows one call at a time in the whole process


class Encrypted(Exception):
    """The PDF needs a password."""


class TooManyPages(Exception):
    def __init__(self, pages: str | int) -> None:
        super().__init__(pages)
        self.pages = pages


class TooManyChars(Exception):
    pass


# how long a read waits for another thread's PDFium call past its own remaining time: that
# call is bounded by its own read's limits (its structure was checked before it took the lock)
_WAIT_GRACE = 30.0


def _locked() -> Any:
    """Acquire the PDFium lock. The time spent waiting for another document's page is not
    this read's: its deadline moves on by as much (a good PDF behind a slow one once failed
    as "malformed or hostile")."""
    budget = _guard.current()
    if budget is None:
        _LOCK.acquire()
        return _LOCK
    start = time.monotonic()
    if not _LOCK.acquire(timeout=max(budget.deadline - start, 0.0) + _WAIT_GRACE):
        _guard.tick()  # past the deadline: raises
        _LOCK.acquire()  # no budget tripped (clock skew): wait after all
    budget.deadline += time.monotonic() - start
    return _LOCK


def read_pages(data: bytes, *, password: str, max_pages: int, max_chars: int) -> Iterator[Page]:
    """Each page's text lines, with the same contract as the pdfminer engine."""
    import pypdfium2 as pdfium

    from . import _pdfcheck

    try:
        if not _pdfcheck.check(data, password=password, max_chars=max_chars):
            _check_streams(data)  # pdfminer could not read it: every stream, raw
    except _pdfcheck.TooManyChars:
        raise TooManyChars from None
    chars = 0
    lock = _locked()
    try:
        try:
            document = pdfium.PdfDocument(data, password=password or None)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise Encrypted("") from None
            raise
        count = len(document)
    finally:
        lock.release()
    try:
        if count > max_pages:
            raise TooManyPages(count)
        for index in range(count):
            _guard.tick()
            lock = _locked()
            try:
                page = document[index]
                try:
                    width = float(page.get_width())
                    textpage = page.get_textpage()
                    try:
                        if chars + textpage.count_chars() > max_chars:
                            raise TooManyChars  # before a Python object is made of each
                        glyphs = _glyphs(textpage)
                    finally:
                        textpage.close()
                    blanks = _blanks(page) if glyphs else []
                    images = not glyphs and _has_images(page)  # only asked of empty pages
                finally:
                    page.close()
            finally:
                lock.release()
            chars += len(glyphs)
            if chars > max_chars:
                raise TooManyChars
            yield Page(_lines(glyphs, blanks), width, images)
    finally:
        with _LOCK:  # held by another read for one page at most
            document.close()


# (char, x0, y0, x1, y1, space before): a space in the text, or one PDFium inferred, before it
_Glyph = tuple[str, float, float, float, float, bool]


def _glyphs(textpage: Any) -> list[_Glyph]:
    """The page's drawn characters with their boxes, in drawing order."""
    import ctypes

    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    ref = ctypes.byref(box)
    out: list[_Glyph] = []
    space = False
    handle = textpage.raw
    for i in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, i)
        if code == 0x20 or (code < 0x110000 and chr(code).isspace()):
            space = True  # generated or drawn, a space is a word break; its box is not text
            continue
        if code <= 0 or code >= 0x110000 or 0xD800 <= code < 0xE000 or code == 0xFFFE:
            continue
        # the loose box spans the glyph's advance and the font's height: gaps between loose
        # boxes are the spacing the PDF chose, not the glyphs' ink ("1" is narrow)
        if not raw.FPDFText_GetLooseCharBox(handle, i, ref):
            continue
        out.append((chr(code), box.left, box.bottom, box.right, box.top, space))
        space = False
    return out


def _blanks(page: Any) -> list[tuple[float, float]]:
    """(x, y) of each text object on the page that paints no ink: a drawn space (or a run of
    them), which PDFium's text page leaves out. Forms are not entered (their text is rare and
    PDFium spaces it from positions)."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    get, kind, bounds = raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds
    text = raw.FPDF_PAGEOBJ_TEXT
    handle = page.raw
    out: list[tuple[float, float]] = []
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = get(handle, i)  # bounds first: most objects have ink, and the type is asked less
        if bounds(obj, *refs) and right.value - left.value < 0.01 and kind(obj) == text:
            out.append((left.value, bottom.value))
    return out


def _has_images(page: Any) -> bool:
    """Whether the page paints an image (a scan), at its top level or inside a form."""
    import pypdfium2.raw as raw

    for obj in page.get_objects(max_depth=2):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            return True
    return False


def _lines(glyphs: list[_Glyph], blanks: Sequence[tuple[float, float]] = ()) -> list[Line]:
    """Characters -> rows (by vertical centre) -> runs split at wide gaps, with word spaces.

    Within a row, a gap over a tenth of the row's glyph height, a space PDFium saw, or a blank
    glyph drawn between two characters (``blanks``: x, y of each) is a word space; a gap over
    two average character widths (a table's next cell, a date at the right margin) starts a new
    Line, which the layout puts on its own line, so that two cells never read as one phrase.
    Rows are found by position, not drawing order, so a comma or a bold word drawn after the
    rest of its line still lands in place.

    >>> g = [("o", 0, 0, 5, 10, False), ("f", 5, 0, 9.5, 10, False), ("a", 9.3, 0, 14, 10, False)]
    >>> [line.text for line in _lines(g)], [line.text for line in _lines(g, [(8.5, 2.0)])]
    (['ofa'], ['of a'])
    """
    rows: list[list[_Glyph]] = []
    bounds: list[tuple[float, float]] = []
    low = high = 0.0
    for glyph in sorted(glyphs, key=lambda g: -(g[2] + g[4])):
        centre = (glyph[2] + glyph[4]) / 2
        if rows and low <= centre <= high:
            rows[-1].append(glyph)
            continue
        rows.append([glyph])
        low, high = glyph[2], glyph[4]
        bounds.append((low, high))
    marks: list[list[float]] = [[] for _ in rows]
    if blanks:
        centres = [-(lo + hi) / 2 for lo, hi in bounds]  # ascending
        for x, y in blanks:
            at = bisect.bisect_left(centres, -y)
            for index in (at - 1, at):
                if 0 <= index < len(rows) and bounds[index][0] <= y <= bounds[index][1]:
                    marks[index].append(x)
                    break
    out: list[Line] = []
    for row, xs in zip(rows, marks):
        row.sort(key=lambda g: g[1])
        xs.sort()
        widths = sorted(g[3] - g[1] for g in row)
        heights = sorted(g[4] - g[2] for g in row)
        width = max(widths[len(widths) // 2], 0.5)
        height = max(heights[len(heights) // 2], 1.0)
        start = 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i][1] - row[i - 1][3] > max(2.0 * width, 0.6 * height):
                out.append(_line(row[start:i], height, xs))
                start = i
    return out


def _line(run: list[_Glyph], height: float, blanks: list[float]) -> Line:
    """One run's text: a space before a glyph that PDFium marked, that stands more than a tenth
    of the row height after the previous one, or that a blank glyph (sorted x) precedes."""
    parts: list[str] = []
    prev: _Glyph | None = None
    for glyph in run:
        if prev is not None:
            space = glyph[5] or glyph[1] - prev[3] > 0.1 * height
            if not space and blanks:
                after = bisect.bisect_right(blanks, prev[1])
                space = after < len(blanks) and blanks[after] <= glyph[1] + 0.01
            if space:
                parts.append(" ")
        parts.append(glyph[0])
        prev = glyph
    return Line(run[0][1], min(g[2] for g in run), max(g[3] for g in run),
                max(g[4] for g in run), "".join(parts).strip())


# --------------------------------------------------------------------------- decoded-size scan

_STREAM = re.compile(rb"stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAMES = re.compile(rb"/([A-Za-z0-9]+)")
_FLATE = {b"FlateDecode", b"Fl"}
_EXPANDING = _FLATE | {b"LZWDecode", b"LZW", b"RunLengthDecode", b"RL"}


def _check_streams(data: bytes) -> None:
    """Charge the read's budget with what every stream decodes to, before PDFium decodes it:
    a Flate/LZW/RunLength bomb stops here, at ``max_decoded_bytes``. The fallback for a file
    pdfminer cannot read (:mod:`._pdfcheck` reads the others properly), so nothing in the
    dictionary is trusted: a stream whose bytes inflate is inflated, image or not, whatever
    filter its dictionary names, however far before it."""
    position = 0
    while True:
        match = _STREAM.search(data, position)
        if match is None:
            return
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        position = max(end, start)
        head = data[max(0, match.start() - 600):match.start()]
        head = head[head.rfind(b"obj") + 1:] if b"obj" in head else head
        found = _FILTER.search(head)
        filters = _NAMES.findall(found.group(1)) if found else []
        if not any(f in _EXPANDING for f in filters):
            if not _inflates(data[start:start + 64]):
                continue
            filters = [b"FlateDecode"]
        _guard.tick()
        _decode_counting(data[start:end], filters)


def _inflates(head: bytes) -> bool:
    """The bytes begin a zlib stream (whatever a dictionary says of them)."""
    try:
        return bool(zlib.decompressobj().decompress(head.lstrip(b"\r\n")))
    except zlib.error:
        return False


def _decode_counting(raw: bytes, filters: list[bytes]) -> None:
    """Run the filter chain, charging each expanding filter's output; keep only what the next
    filter needs. Damaged data stops quietly (PDFium will judge the file)."""
    import io

    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.lzw import LZWDecoder

    current = raw
    for number, name in enumerate(filters):
        keep = number < len(filters) - 1
        if name in _FLATE:
            decoder = zlib.decompressobj()
            kept = bytearray()
            pending = current
            try:
                while pending and not decoder.eof:
                    chunk = decoder.decompress(pending, 1 << 20)
                    _guard.charge(len(chunk))
                    if keep:
                        kept += chunk
                    pending = decoder.unconsumed_tail
                    if not chunk and not pending:
                        break
            except zlib.error:
                pass
            current = bytes(kept)
        elif name in (b"LZWDecode", b"LZW"):
            kept = bytearray()
            for piece in LZWDecoder(io.BytesIO(current)).run():
                _guard.charge(len(piece))
                if keep:
                    kept += piece
            current = bytes(kept)
        elif name in (b"RunLengthDecode", b"RL"):
            current = _guard.run_length_decode(current, keep=keep)
        elif name in (b"ASCIIHexDecode", b"AHx"):
            current = asciihexdecode(current)
        elif name in (b"ASCII85Decode", b"A85"):
            current = ascii85decode(current)
        else:
            return  # images and unknown filters: nothing we need to bound
        if not current:
            return
