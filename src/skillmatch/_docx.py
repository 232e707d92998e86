"""DOCX to text: every paragraph in document order, table cells and text boxes included.

Resume templates put whole columns in tables and text boxes, which a paragraph-only reader
misses; we walk the document's XML instead. Text boxes stored twice for old Word versions
(``mc:Fallback``) are read once.

A DOCX is a zip: a 1 MB file can inflate to gigabytes. We read only ``word/document.xml``,
streaming it out of the archive and stopping at ``Limits.max_decoded_bytes`` (the sizes the zip
header claims are not trusted), parse it with entities and network access off, and check the
read's deadline while walking it.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from . import _guard
from ._errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    Messages,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from ._documents import Limits

_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CHUNK = 1 << 20
# the ZIP methods Word, LibreOffice and Google Docs write: read in bounded chunks
_WORD_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


def read_docx(data: bytes, *, source: str, limits: Limits) -> tuple[str, list[str]]:
    """The text of a DOCX and the lines its styles mark as headings."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptDocumentError(Messages.R012.format(source=source, detail=f"not a ZIP: {exc}"),
                                   source=source) from None
    if _PART not in names:
        raise UnsupportedFormatError(
            Messages.R009.format(source=source,
                                 detail="a ZIP archive with no word/document.xml: an .xlsx, "
                                        ".pptx, .odt or plain .zip?"),
            source=source,
        )
    if archive.getinfo(_PART).flag_bits & 0x1:  # the ZIP's own encryption: a password
        raise EncryptedDocumentError(Messages.R031.format(source=source), source=source)
    method = archive.getinfo(_PART).compress_type
    if method not in _WORD_METHODS:  # bzip2 and LZMA inflate a whole block before any chunk
        # comes back (4 GB from 3 KB): no DOCX writer uses them
        raise UnsupportedFormatError(Messages.R009.format(
            source=source, detail=f"word/document.xml is compressed with ZIP method {method}, "
                                  "which no DOCX writer uses (only stored or deflated)"),
            source=source)
    try:
        with _guard.guarded(max_seconds=limits.max_seconds,
                            max_decoded_bytes=limits.max_decoded_bytes):
            xml = _unzip(archive, _PART)
            elements = xml.count(b"<")  # each costs lxml ~130 bytes: 30 MB of "<a/>" was 1 GB
            if elements > limits.max_chars:
                raise DocumentTooLargeError(Messages.R029.format(
                    source=source, count=elements, limit=limits.max_chars), source=source)
            from lxml import etree

            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                     load_dtd=False)
            root = etree.fromstring(xml, parser)
            del xml
            body = root.find(f"{_W}body")
            if body is None:
                raise ValueError("word/document.xml has no w:body")
            return _walk(body)
    except _guard.Stop as stop:
        raise _guard.as_error(stop, source=source, kind="DOCX", max_seconds=limits.max_seconds,
                              max_decoded_bytes=limits.max_decoded_bytes) from None
    except DocumentTooLargeError:
        raise
    except MemoryError:
        raise DocumentTooLargeError(Messages.R019.format(source=source, kind="DOCX"),
                                    source=source) from None
    except Exception as exc:  # zipfile and lxml raise many types on damaged parts
        raise CorruptDocumentError(
            Messages.R012.format(source=source, detail=f"{type(exc).__name__}: {exc}"[:200]),
            source=source,
        ) from None


def _unzip(archive: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes, read in chunks, each charged to the read's decoded-byte budget."""
    out = bytearray()
    with archive.open(name) as member:
        while chunk := member.read(_CHUNK):
            _guard.charge(len(chunk))
            out += chunk
    return bytes(out)


def _walk(body: Any) -> tuple[str, list[str]]:
    lines: list[str] = []
    headings: list[str] = []
    for paragraph in body.iter(f"{_W}p"):
        _guard.tick()
        if _inside_fallback(paragraph):
            continue
        text = _paragraph_text(paragraph).strip()
        if not text:
            if lines and lines[-1]:
                lines.append("")
            continue
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = (style.get(f"{_W}val") or "").lower() if style is not None else ""
        if style_id.startswith(("heading", "title")):
            headings.append(text)
        numbered = paragraph.find(f"{_W}pPr/{_W}numPr") is not None
        lines.append(("• " + text) if numbered else text)
    return "\n".join(lines), headings


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph's own runs (not those of text boxes anchored in it: a paragraph inside it
    is not entered), in document order, in one pass however deep the runs are wrapped (an
    ancestor walk for each run was quadratic), checking the read's deadline as it goes."""
    parts: list[str] = []
    text, tab, paragraph_tag = f"{_W}t", f"{_W}tab", f"{_W}p"
    breaks = (f"{_W}br", f"{_W}cr")
    stack = list(reversed(paragraph))
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen % 4096 == 0:
            _guard.tick()
        tag = node.tag
        if tag == text:
            parts.append(node.text or "")
        elif tag == tab:
            parts.append("\t")
        elif tag in breaks:
            parts.append("\n")
        elif tag != paragraph_tag and len(node):
            stack.extend(reversed(node))
    return "".join(parts)


def _inside_fallback(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False
