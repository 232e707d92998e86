"""``read()``: a path, bytes, a file object or text in; a clean :class:`Document` out.

>>> doc = read("Jane Doe\\n\\nSKILLS\\nPython, SQL, AWS\\n\\nEDUCATION\\nB.S. Computer Science")
>>> doc.format, [s.kind for s in doc.sections]
('text', ['preamble', 'skills', 'education'])
>>> doc.text[doc.sections[1].start:doc.sections[1].end].strip()
'SKILLS\\nPython, SQL, AWS'
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any, Union

from . import _guard
from ._errors import (
    CorruptDocumentError,
    DocumentAccessError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    Messages,
    ParameterError,
    UnsupportedFormatError,
)
from ._inputs import check_path, classify
from ._sections import Section, find_sections
from ._text import decode_text, looks_binary, normalize_text

__all__ = ["Document", "Limits", "Section", "read", "Source"]


_EXTENSIONS = {
    ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".rst": "text",
}
_UNSUPPORTED_EXT = {".doc": "Word 97-2003 (.doc)", ".rtf": "RTF", ".odt": "OpenDocument",
                    ".pages": "Apple Pages", ".png": "an image", ".jpg": "an image",
                    ".jpeg": "an image", ".tif": "an image", ".tiff": "an image"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Limits that keep a hostile or broken file from hanging a batch. Raise them if you must.

    ``max_bytes`` bounds the file, ``max_decoded_bytes`` what its compressed parts may inflate
    to (PDF streams, DOCX zip members: a compression bomb stops there), ``max_chars`` the text,
    ``max_pages`` the pages (checked before any is rendered) and ``max_seconds`` the time, which
    is checked cooperatively inside the readers' loops (no signals, so it works in any thread).
    ``pdf_engine`` picks the PDF reader: ``"pdfium"`` (the default: PDFium's C code, about 7x
    less CPU on real resumes, with the same words, degrees and ranking; its deadline is checked
    between pages) or ``"pdfminer"`` (pure Python, the reference; its deadline is checked
    everywhere). See the README.

    >>> Limits(max_bytes=50_000_000).max_pages
    50
    >>> Limits(max_chars=float("nan"))
    Traceback (most recent call last):
    ...
    skillmatch._errors.ParameterError: The 'max_chars' parameter of Limits must be a whole number > 0 and at most 2**62, e.g. 2000000. Got nan instead.
    """

    max_bytes: int = 20_000_000
    max_pages: int = 50
    max_seconds: float = 8.0
    max_chars: int = 2_000_000
    max_decoded_bytes: int = 30_000_000
    pdf_engine: str = "pdfium"

    def __post_init__(self) -> None:
        defaults = {f.name: f.default for f in fields(self)}
        for name in ("max_bytes", "max_pages", "max_chars", "max_decoded_bytes"):
            value = getattr(self, name)
            # (past 2**62 a read's buffer sizes overflow: no limit is that large)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= _MAX_COUNT:
                raise ParameterError(Messages.P001.format(
                    name=name, caller="Limits", value=value,
                    expected=f"a whole number > 0 and at most 2**62, e.g. {defaults[name]!r}"))
        seconds = self.max_seconds
        if (isinstance(seconds, bool) or not isinstance(seconds, int | float)
                or not math.isfinite(seconds) or not 0 < seconds <= _MAX_SECONDS):
            # (past a day, clocks and lock timeouts overflow: 1e300 s is no limit)
            raise ParameterError(Messages.P001.format(
                name="max_seconds", caller="Limits", value=seconds,
                expected=f"a number of seconds > 0 and at most {_MAX_SECONDS:,} (a day), e.g. 30"))
        if self.pdf_engine not in _PDF_ENGINES:
            raise ParameterError(Messages.P001.format(
                name="pdf_engine", caller="Limits", value=self.pdf_engine,
                expected=" or ".join(map(repr, _PDF_ENGINES))))


_PDF_ENGINES = ("pdfium", "pdfminer")
_MAX_SECONDS = 86_400
_MAX_COUNT = 1 << 62


@dataclass(frozen=True, slots=True)
class Document:
    """A document's clean text, its sections and pages.

    ``sections`` and ``pages`` hold character offsets into ``text``.
    """

    text: str
    sections: tuple[Section, ...]
    source: str = "<text>"
    format: str = "text"
    pages: tuple[tuple[int, int], ...] = ()
    encoding: str | None = None
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.sections))

    def section_at(self, offset: int) -> Section | None:
        """The section that holds character ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        return self.sections[i] if i >= 0 else None

    def section_text(self, section: Section) -> str:
        return self.text[section.start:section.end]


#: What :func:`read` takes: a path, the text, bytes, a binary file object or a Document (its
#: names resolvable at run time, for typing.get_type_hints)
Source = Union[str, os.PathLike[str], bytes, bytearray, memoryview, IO[bytes], Document]


def read(
    source: Source,
    *,
    format: str | None = None,
    password: str = "",
    limits: Limits | None = None,
    name: str | None = None,
) -> Document:
    """Read a resume or a posting into a :class:`Document`.

    Parameters
    ----------
    source
        A path (``os.PathLike``, or a ``str`` naming an existing file), ``bytes``, a file
        object, the text itself as a ``str``, or a Document. A one-line ``str`` that looks
        like a path (``"cvs/jane.pdf"``) but names no file raises DocumentNotFoundError; the
        rule is in ``skillmatch._inputs``.
    format
        ``"pdf"``, ``"docx"``, ``"html"``, ``"markdown"`` or ``"text"``; by default it is
        detected from the content (magic bytes), with the extension as a hint.
    password
        For encrypted PDFs. An empty user password is tried by default.
    limits
        Size, page and time limits (:class:`Limits`).
    name
        The label errors and results use for this document.

    Raises
    ------
    DocumentError
        A subclass saying what was wrong and what to do: not found, empty, scanned,
        encrypted, corrupt, too large, unsupported format, undecodable.
    """
    if isinstance(source, Document):
        return source
    if limits is not None and not isinstance(limits, Limits):  # {} is no Limits either
        raise ParameterError(Messages.P001.format(
            name="limits", caller="read", expected="a skillmatch.Limits or None",
            value=type(limits).__name__))
    limits = limits or Limits()
    if not isinstance(password, str):
        raise ParameterError(Messages.P001.format(
            name="password", caller="read", expected="a str (decode bytes first)",
            value=type(password).__name__))
    if format is not None and format not in _FORMATS:
        raise ParameterError(Messages.P001.format(
            name="format", caller="read", expected=f"one of {sorted(_FORMATS)} or None",
            value=format))
    if isinstance(source, str) and classify(source) == "text":  # the rule: see _inputs.py
        return _read_text(source, format, name or "<text>", limits)
    if isinstance(source, str | os.PathLike):
        path = Path(os.fspath(source))
        label = name or str(path)
        check_path(path, label)  # a folder, FIFO or device is refused before open() blocks
        data = _read_path(path, limits, label)
        hint = _EXTENSIONS.get(path.suffix.lower())
        if path.suffix.lower() in _UNSUPPORTED_EXT and format is None and not _sniff(data):
            raise UnsupportedFormatError(Messages.R009.format(
                source=label, detail=_UNSUPPORTED_EXT[path.suffix.lower()]), source=label)
        return _from_bytes(data, format, hint, label, password, limits)
    if isinstance(source, bytes | bytearray | memoryview):
        label = name or "<bytes>"
        data = bytes(source)
        _check_size(len(data), limits, label)
        return _from_bytes(data, format, None, label, password, limits)
    if hasattr(source, "read"):
        label = name or str(getattr(source, "name", "<stream>"))
        data = read_stream(source, limits, label)
        if isinstance(data, str):  # a text stream is text, whatever it says
            return _read_text(data, format, label, limits)
        if not isinstance(data, bytes | bytearray):
            raise ParameterError(Messages.R015.format(
                source=label, kind="a stream returning", type_name=type(data).__name__))
        _check_size(len(data), limits, label)
        return _from_bytes(bytes(data), format, None, label, password, limits)
    raise ParameterError(Messages.R015.format(
        source=name or "<input>", kind="input", type_name=type(source).__name__))


_FORMATS = frozenset({"pdf", "docx", "html", "markdown", "text"})


def _read_text(text: str, format: str | None, label: str, limits: Limits) -> Document:
    _check_size(len(text.encode("utf-8", "surrogatepass")), limits, label)
    if not text.strip():  # not "0 bytes": it may hold white space
        raise EmptyDocumentError(Messages.R032.format(source=label), source=label)
    detected = format or ("html" if _looks_html(text) else "text")
    return _from_text(text, detected, label, None, limits)


def _check_size(size: int, limits: Limits, label: str) -> None:
    if size > limits.max_bytes:
        raise DocumentTooLargeError(
            Messages.R006.format(source=label, size=size, limit=limits.max_bytes), source=label)


def read_stream(source: Any, limits: Limits, label: str) -> Any:
    """``source.read()`` up to the size limit; whatever the stream raises (a dropped upload, a
    closed file) becomes DocumentAccessError naming it."""
    try:
        return source.read(limits.max_bytes + 1)
    except Exception as exc:
        raise DocumentAccessError(Messages.R003.format(
            source=label, detail=f"{type(exc).__name__}: {exc}"), source=label) from None


def _read_path(path: Path, limits: Limits, label: str) -> bytes:
    try:
        if path.is_dir():
            raise DocumentAccessError(Messages.R002.format(source=label), source=label)
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentNotFoundError(Messages.R001.format(source=label), source=label) from None
    except OSError as exc:
        if isinstance(exc, DocumentAccessError):
            raise
        raise DocumentAccessError(Messages.R003.format(source=label, detail=exc),
                                  source=label) from None
    _check_size(size, limits, label)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise DocumentAccessError(Messages.R003.format(source=label, detail=exc),
                                  source=label) from None
    _check_size(len(data), limits, label)
    return data


# a PDF's header: first in the file, or (after a few bytes of junk, which readers allow in
# the first 1,024) first on its line, with its version; a text that mentions "%PDF-" in a
# sentence is text
_PDF_HEADER = re.compile(rb"(?:\A|[\r\n])%PDF-\d")


# the stream an Office file encrypted with a password keeps its content in (its OLE name,
# UTF-16): such a DOCX is an OLE container, not a ZIP
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _sniff(data: bytes) -> str | None:
    """The format the bytes announce, from magic numbers; None for (maybe) text."""
    head = data[:1024]
    if _PDF_HEADER.search(head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    return None


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or ("<div" in head and "</" in head) or ("<p>" in head and "</p>" in head)
    )


def _from_bytes(
    data: bytes, format: str | None, hint: str | None, label: str, password: str, limits: Limits
) -> Document:
    if not data:
        raise EmptyDocumentError(Messages.R004.format(source=label), source=label)
    sniffed = _sniff(data)
    if sniffed == "ole" and _ENCRYPTED_PACKAGE in data:  # a password-protected DOCX or XLSX
        raise EncryptedDocumentError(Messages.R031.format(source=label), source=label)
    if sniffed in ("ole", "rtf", "image"):
        detail = {"ole": "a Word 97-2003 .doc or other OLE file", "rtf": "RTF",
                  "image": "an image; run OCR on it first"}[sniffed]
        raise UnsupportedFormatError(Messages.R009.format(source=label, detail=detail),
                                     source=label)
    kind = format or sniffed
    if kind is None and hint in ("pdf", "docx"):
        raise UnsupportedFormatError(Messages.R016.format(
            source=label, ext=hint.upper(),
            detail=f"its first bytes are {data[:8]!r}; was it saved or uploaded correctly?"),
            source=label)
    if kind == "pdf":
        from ._pdf import read_pdf

        pages = read_pdf(data, source=label, password=password, limits=limits)
        return _from_pages(pages, "pdf", label, limits)
    if kind == "docx":
        from ._docx import read_docx

        text, headings = read_docx(data, source=label, limits=limits)
        return _from_text(text, "docx", label, None, limits, headings)
    text, encoding = decode_text(data, source=label)
    if looks_binary(text):
        raise UnsupportedFormatError(Messages.R009.format(
            source=label, detail="binary data, not text"), source=label)
    if kind is None:
        kind = hint if hint in ("html", "markdown", "text") else (
            "html" if _looks_html(text) else "text")
    return _from_text(text, kind, label, encoding, limits)


def _from_text(
    text: str, kind: str, label: str, encoding: str | None, limits: Limits,
    headings: list[str] | None = None,
) -> Document:
    if "\x00" in text:
        raise UnsupportedFormatError(Messages.R014.format(source=label), source=label)
    if kind == "html":
        from ._html import MAX_DEPTH, TooDeep, read_html

        tags = text.count("<")  # each element costs lxml ~130 bytes: 20 MB of "<br>" was 1.4 GB
        if tags > limits.max_chars:
            raise DocumentTooLargeError(Messages.R030.format(
                source=label, count=tags, limit=limits.max_chars), source=label)
        try:
            with _guard.guarded(max_seconds=limits.max_seconds,
                                max_decoded_bytes=limits.max_decoded_bytes):
                text, headings = read_html(text)
        except TooDeep:
            raise CorruptDocumentError(Messages.R028.format(source=label, depth=MAX_DEPTH),
                                       source=label) from None
        except _guard.Stop as stop:
            raise _guard.as_error(stop, source=label, kind="HTML",
                                  max_seconds=limits.max_seconds,
                                  max_decoded_bytes=limits.max_decoded_bytes) from None
    clean = normalize_text(text)
    if len(clean) > limits.max_chars:
        raise DocumentTooLargeError(Messages.R018.format(
            source=label, size=f"{len(clean):,}", limit=limits.max_chars), source=label)
    if not clean.strip():
        raise EmptyDocumentError(
            Messages.R005.format(source=label, detail="only white space or markup"), source=label)
    marks = _heading_offsets(clean, headings or [])
    return Document(clean, find_sections(clean, headings=marks), label, kind, (), encoding)


def _from_pages(pages: list[str], kind: str, label: str, limits: Limits) -> Document:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for page in pages:
        clean = normalize_text(page)
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(clean)
        spans.append((offset, offset + len(clean)))
        offset += len(clean)
    text = "".join(parts)
    if len(text) > limits.max_chars:
        raise DocumentTooLargeError(Messages.R018.format(
            source=label, size=f"{len(text):,}", limit=limits.max_chars), source=label)
    return Document(text, find_sections(text), label, kind, tuple(spans), None)


def _heading_offsets(text: str, headings: list[str]) -> list[int]:
    """Offsets of the lines of ``text`` whose content is one of ``headings``."""
    if not headings:
        return []
    wanted = {normalize_text(h).strip() for h in headings}
    out: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip() in wanted:
            out.append(offset)
        offset += len(line)
    return out

