"""What a PDF would make PDFium decode and draw, found from the file's own objects first.

PDFium is C code: once a page's parse starts nothing stops it, and a few kilobytes can make it
inflate gigabytes (a Flate bomb) or draw millions of characters (Form XObjects that draw one
another a hundred times each). So before PDFium sees a file we read its objects with pdfminer's
parser (its filters bounded by the read's budget, see :mod:`._pdfminer`):

- every stream that is not an image is decoded, counting against ``max_decoded_bytes``; the
  stream's own dictionary says which filters and whether it is an image, resolved as a PDF
  reader resolves it (indirect objects, ``#xx`` escapes in names, a dictionary of any length);
- each page's content is measured as drawn: its content streams plus, for every Form XObject
  it draws, that form's content as many times as it is drawn (forms within forms too). A page
  drawing more than ``max_decoded_bytes`` of content, or more characters' worth of strings
  than ``max_chars`` allows, is refused before PDFium parses it.

A file pdfminer cannot parse is left for PDFium to judge (it reads some that pdfminer does not).

>>> from skillmatch import _guard
>>> with _guard.guarded(max_seconds=5, max_decoded_bytes=10_000):
...     check(_one_page(b"BT /F1 12 Tf (Python) Tj ET"), password="", max_chars=100)
True
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from . import _guard

__all__ = ["FormsTooDeep", "TooManyChars", "TooManyShapes", "check", "check_pages"]


class TooManyChars(Exception):
    """The pages would draw more characters than ``max_chars``."""


class FormsTooDeep(Exception):
    """Form XObjects drawn within one another more than ``_MAX_DEPTH`` deep."""


class TooManyShapes(Exception):
    """The pages would draw more path segments than a document of ``max_chars`` needs: PDFium
    parses each before the first page's text comes back, past any deadline (2.2 million
    rectangles and no text took 12 s and 800 MB)."""


# "/Name Do": a page or form drawing an XObject by its resource name; white space or comments
# ("/X %note\nDo") may stand between the operand and the operator
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)(?:\s|%[^\r\n]*(?:\r\n?|\n))*Do\b")
# the strings a content stream shows: literal "(...)" (escapes and nested brackets aside, each
# byte about one character) and hexadecimal "<...>" (two digits a byte)
_STRINGS = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>", re.DOTALL)
_MAX_DEPTH = 32  # forms within forms: deeper than this is no real document
# the path-construction operators (move, line, curve, rectangle): one a segment drawn
_PATH_OPS = re.compile(rb"(?<![^\s\]\)>])(?:re|m|l|c|v|y)(?![^\s\[\(<%/])")
# characters of max_chars per path segment allowed: a page of text draws few shapes (a resume's
# rules and boxes, tens of thousands at most); 2,000,000 characters allow 500,000 segments.
# (Strings are bounded by their bytes: at least two each, "()", against 2 x max_chars.)
_CHARS_PER_SHAPE = 4


def check(data: bytes, *, password: str, max_chars: int) -> bool:
    """Refuse ``data`` (raising the budget's Stop, or TooManyChars) when its streams inflate
    past ``max_decoded_bytes`` or its pages would draw too much. True when the file was read
    and passed; False when pdfminer could not read it (the caller falls back to a raw scan)."""
    from ._pdfminer import _install

    _install()
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password=password)
        objids = [objid for xref in document.xrefs for objid in xref.get_objids()]
    except Exception:
        return False  # damaged, encrypted, unusual: scanned raw, then PDFium judges the file
    for objid in objids:
        try:
            obj = document.getobj(objid)
        except Exception:
            continue
        if isinstance(obj, PDFStream) and not _is(obj, "Image"):
            _decoded(obj)
    return check_pages(document, max_chars=max_chars)


def check_pages(document: Any, *, max_chars: int) -> bool:
    """:func:`check`'s count of what the pages of a parsed ``PDFDocument`` draw (the pdfminer
    engine's own document: its streams decoded once, for both); False for a damaged page tree."""
    budget = _guard.current()
    limit = budget.max_decoded_bytes if budget is not None else 1 << 62
    return _check_pages(document, limit, max_chars)


def _check_pages(document: Any, max_bytes: int, max_chars: int) -> bool:
    from pdfminer.pdfpage import PDFPage

    memo: dict[int, tuple[int, int, int]] = {}
    drawn = strings = shapes = 0
    max_string_bytes = 2 * max_chars  # a hexadecimal string shows a character in two
    max_shapes = max_chars // _CHARS_PER_SHAPE
    try:
        pages = PDFPage.create_pages(document)
        for page in pages:
            _guard.tick()
            # a page's content streams are one stream, split anywhere between two tokens ("/X"
            # ending one, "Do" beginning the next): read them joined
            content = b"\n".join(_decoded_of(part) for part in page.contents or ())
            size, shown, paths = _drawn(content, page.resources, memo, 0, max_bytes)
            drawn, strings, shapes = drawn + size, strings + shown, shapes + paths
            if drawn > max_bytes:
                raise _guard.Stop("max_decoded_bytes")
            if strings > max_string_bytes:
                raise TooManyChars
            if shapes > max_shapes:
                raise TooManyShapes(max_shapes)
    except (_guard.Stop, TooManyChars, FormsTooDeep, TooManyShapes):
        raise
    except Exception:
        return False  # a damaged page tree: scanned raw, then PDFium judges it
    return True


def _drawn(content: bytes, resources: Any, memo: dict[int, tuple[int, int, int]], depth: int,
           max_bytes: int) -> tuple[int, int, int]:
    """(bytes of content drawn, bytes of strings shown, path segments drawn) by ``content``,
    counting each Form XObject it draws as often as it draws it."""
    from pdfminer.pdftypes import PDFStream, resolve1

    size = len(content)
    shown = sum(len(s) for s in _STRINGS.findall(content)) if content else 0
    paths = len(_PATH_OPS.findall(content)) if content else 0
    if b"Do" not in content:
        return size, shown, paths
    resources = resolve1(resources)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return size, shown, paths
    for name, times in Counter(_DO.findall(content)).items():
        form = resolve1(xobjects.get(_name(name)))
        if not isinstance(form, PDFStream) or not _is(form, "Form"):
            continue
        key = id(form) if form.objid is None else form.objid
        found = memo.get(key)
        if found is None:
            if depth >= _MAX_DEPTH:
                raise FormsTooDeep(f"Form XObjects drawn within one another over {_MAX_DEPTH} deep")
            memo[key] = (0, 0, 0)  # drawing itself: a cycle, which readers draw once
            found = memo[key] = _drawn(_decoded_of(form), form.get("Resources") or resources,
                                       memo, depth + 1, max_bytes)
        size += times * found[0]
        shown += times * found[1]
        paths += times * found[2]
        if size > max_bytes:
            raise _guard.Stop("max_decoded_bytes")
    return size, shown, paths


def _name(raw: bytes) -> str:
    """A resource name as written after "/", its ``#xx`` escapes read."""
    text = raw.decode("latin-1")
    return re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), text)


def _is(stream: Any, subtype: str) -> bool:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    value = resolve1(stream.get("Subtype"))
    return isinstance(value, PSLiteral) and value.name == subtype


def _decoded(stream: Any) -> bytes:
    """The stream's decoded data (bounded by the read's budget); damaged data reads as empty."""
    try:
        data = stream.get_data()
    except _guard.Stop:
        raise
    except Exception:
        return b""
    return data if isinstance(data, bytes) else b""


def _decoded_of(obj: Any) -> bytes:
    from pdfminer.pdftypes import PDFStream, resolve1

    obj = resolve1(obj)
    return _decoded(obj) if isinstance(obj, PDFStream) else b""


def _one_page(content: bytes) -> bytes:
    """A minimal one-page PDF drawing ``content`` (for the examples and tests)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
