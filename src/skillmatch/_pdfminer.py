"""The pdfminer.six engine: text lines and their boxes, page by page, under a read budget.

pdfminer is pure Python, so the budget of :mod:`._guard` can be checked inside its loops. We
install, once and under a lock, small hooks into pdfminer that do nothing unless a read budget
is active in the calling context (a ContextVar, so each thread and task has its own):

- every object the parser reads and every indirect object it resolves checks the deadline
  (a reference cycle ``4 0 R -> 5 0 R -> 4 0 R`` otherwise loops forever in ``resolve1``);
- stream filters that expand (Flate, LZW, RunLength) decode incrementally and stop at the
  bytes the document may still decode (``Limits.max_decoded_bytes``), so a chained-Flate bomb
  stops at the cap instead of inflating to gigabytes; CCITT (fax images, never text) is not
  decoded at all under a budget;
- the layout analyser's neighbour search checks the deadline;
- each entry a font's character map adds is charged to the decoded bytes (a ToUnicode range
  of four billion codes is a few bytes of file).

pdfminer's own logging gets a NullHandler, so a library call prints nothing on stderr; records
still reach the handlers an application configures.
"""

from __future__ import annotations

import io
import logging
import threading
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from . import _guard, _pdfcheck
from ._pdflayout import Line, Page

__all__ = ["Encrypted", "TooManyPages", "read_pages"]

logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_INSTALL_LOCK = threading.Lock()
_installed = False
_CHUNK = 1 << 20


class Encrypted(Exception):
    """The PDF needs a password (``detail`` says why, if pdfminer said)."""


class TooManyPages(Exception):
    def __init__(self, pages: str | int) -> None:
        super().__init__(pages)
        self.pages = pages


class TooManyChars(BaseException):
    """More characters drawn than ``max_chars`` (a BaseException: pdfminer must not swallow it)."""


# --------------------------------------------------------------------------- bounded filters


def _inflate(data: bytes) -> bytes:
    """zlib.decompress, incrementally, stopping at the read's remaining decoded-byte budget.

    Data damaged near its end (a bad checksum) keeps what decoded, as pdfminer does."""
    if _guard.current() is None:
        return zlib.decompress(data)
    decoder = zlib.decompressobj()
    out = bytearray()
    pending = data
    try:
        while pending and not decoder.eof:
            chunk = decoder.decompress(pending, _CHUNK)
            _guard.charge(len(chunk))
            out += chunk
            pending = decoder.unconsumed_tail
        while not decoder.eof:  # input consumed, output may still be buffered
            chunk = decoder.decompress(b"", _CHUNK)
            if not chunk:
                break
            _guard.charge(len(chunk))
            out += chunk
    except zlib.error:
        if not out:
            raise
    return bytes(out)


def _inflate_damaged(data: bytes) -> bytes:
    """pdfminer's fallback for a bad checksum, bounded (and linear, where pdfminer's is not)."""
    try:
        return _inflate(data)
    except zlib.error:
        return b""


class _Zlib:
    """What pdfminer.pdftypes sees as ``zlib``: the real module with a bounded decompress."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        return _inflate(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _bounded_lzw(original: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def lzwdecode(data: bytes) -> bytes:
        if _guard.current() is None:
            return original(data)
        from pdfminer.lzw import LZWDecoder

        out = bytearray()
        for piece in LZWDecoder(io.BytesIO(data)).run():
            _guard.charge(len(piece))
            out += piece
        return bytes(out)

    return lzwdecode


def _bounded_rle(original: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def rldecode(data: bytes) -> bytes:
        if _guard.current() is None:
            return original(data)
        return _guard.run_length_decode(data)

    return rldecode


def _no_fax(original: Callable[[bytes, Any], bytes]) -> Callable[[bytes, Any], bytes]:
    def ccittfaxdecode(data: bytes, params: Any) -> bytes:
        if _guard.current() is None:
            return original(data, params)
        return b""  # fax images hold no text; decoding them can expand ~100x

    return ccittfaxdecode


# what one entry of a font's character map costs to hold, charged to the decoded-byte budget:
# a range "<00000000> <FFFFFFFF>" in a ToUnicode map is four billion entries pdfminer would add
# one by one (a real map holds at most some tens of thousands)
_MAP_ENTRY_BYTES = 64


def _before(check: Callable[[], None], method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` with ``check`` run before each call (a no-op outside a read budget)."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        check()
        return method(*args, **kwargs)

    checked.__wrapped__ = method  # type: ignore[attr-defined]
    checked.__name__ = getattr(method, "__name__", "checked")
    checked.__doc__ = method.__doc__
    return checked


def _ticking(method: Callable[..., Any]) -> Callable[..., Any]:
    return _before(_guard.tick, method)


def _charging(method: Callable[..., Any]) -> Callable[..., Any]:
    return _before(lambda: _guard.charge(_MAP_ENTRY_BYTES), method)


def _install() -> None:
    """Put the hooks in pdfminer, once per process. Each is a no-op outside a read budget."""
    global _installed
    with _INSTALL_LOCK:
        if _installed:
            return
        from pdfminer import pdftypes
        from pdfminer.cmapdb import FileCMap, FileUnicodeMap
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.psparser import PSStackParser
        from pdfminer.utils import Plane

        hooks = {"zlib": _Zlib(), "decompress_corrupted": _inflate_damaged,
                 "lzwdecode": _bounded_lzw(getattr(pdftypes, "lzwdecode")),
                 "rldecode": _bounded_rle(getattr(pdftypes, "rldecode")),
                 "ccittfaxdecode": _no_fax(getattr(pdftypes, "ccittfaxdecode"))}
        for name, hook in hooks.items():
            setattr(pdftypes, name, hook)
        PSStackParser.nextobject = _ticking(PSStackParser.nextobject)  # type: ignore[method-assign]
        PDFDocument.getobj = _ticking(PDFDocument.getobj)  # type: ignore[method-assign]
        Plane.find = _ticking(Plane.find)  # type: ignore[method-assign]
        FileUnicodeMap.add_cid2unichr = _charging(  # type: ignore[method-assign]
            FileUnicodeMap.add_cid2unichr)
        FileCMap.add_code2cid = _charging(FileCMap.add_code2cid)  # type: ignore[method-assign]
        _installed = True


# --------------------------------------------------------------------------- the engine


def read_pages(data: bytes, *, password: str, max_pages: int, max_chars: int) -> Iterator[Page]:
    """Each page's text lines. Raises Encrypted, TooManyPages, TooManyChars or pdfminer's own
    errors (the caller maps them); checks the read budget throughout."""
    _install()
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    class Counting(PDFPageAggregator):
        """Stops once the document has drawn more characters than the text may hold."""

        chars = 0  # per instance: one device per call

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.chars += 1
            if self.chars > max_chars:
                raise TooManyChars
            if not self.chars & 0xFFF:  # one text operator may show a million characters (a
                _guard.tick()  # TJ array of 900,000 strings took 16 s past an 8 s deadline)
            return float(super().render_char(*args, **kwargs))

    parser = PDFParser(io.BytesIO(data))
    try:
        document = PDFDocument(parser, password=password)
    except PDFPasswordIncorrect:
        raise Encrypted("") from None
    except PDFEncryptionError as exc:
        raise Encrypted(str(exc)) from None
    try:
        count = int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
    except Exception:  # a damaged page tree: count as we go
        count = 0
    if count > max_pages:
        raise TooManyPages(count)
    # what the pages draw, counted before any is interpreted: the same refusals as the PDFium
    # engine's (Form XObjects drawn a million times, millions of shapes)
    try:
        _pdfcheck.check_pages(document, max_chars=max_chars)
    except _pdfcheck.TooManyChars:
        raise TooManyChars from None
    manager = PDFResourceManager(caching=True)
    laparams = LAParams(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=None)
    device = Counting(manager, laparams=laparams)
    interpreter = PDFPageInterpreter(manager, device)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > max_pages:
            raise TooManyPages(f"over {max_pages}")
        _guard.tick()
        interpreter.process_page(page)
        layout = device.get_result()
        lines, images = _collect(layout, laparams)
        yield Page(lines, float(layout.width), images)


def _collect(layout: Any, laparams: Any = None) -> tuple[list[Line], bool]:
    """The text lines of a page, and whether it holds images. A figure (a Form XObject, as
    stamping tools write a page's text) holds loose characters, which pdfminer's layout leaves
    ungrouped: they are grouped into lines here, as the page's own are."""
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextContainer, LTTextLine

    lines: list[Line] = []
    images = False
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextLine):
            text = item.get_text().strip()
            if text:
                lines.append(Line(item.x0, item.y0, item.x1, item.y1, text))
        elif isinstance(item, LTTextContainer):
            stack.extend(item)
        elif isinstance(item, LTImage):
            images = True
        elif isinstance(item, LTFigure):
            chars = [c for c in item if isinstance(c, LTChar)]
            if chars:
                stack.extend(item.group_objects(laparams or LAParams(), chars))
            images = images or any(isinstance(c, LTImage | LTFigure) for c in item)
            stack.extend(c for c in item if not isinstance(c, LTChar))
    return lines, images
