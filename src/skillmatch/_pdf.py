"""PDF to text, page by page, with either engine, under the read's limits.

Two engines give each page's text lines with their boxes; :mod:`._pdflayout` puts them in
reading order (two-column layouts included). ``"pdfium"`` (pypdfium2, PDFium's C code) is the
default: about seven times less CPU on real resumes, with the same words and degrees
(benchmarks/pdf_engines.py). ``"pdfminer"`` (pdfminer.six, pure Python) is
the reference, and the one a deadline can interrupt anywhere: pdfium's C code can only be
stopped between pages (a page's parse itself has no hook), so its ``max_seconds`` is checked
before each page. Both refuse too many pages before rendering any, bound decoded bytes and
characters, and raise the same errors.

>>> read_pdf(b"%PDF-1.4 not really", source="x.pdf", password="", limits=_limits())
Traceback (most recent call last):
...
skillmatch._errors.CorruptDocumentError: x.pdf: the PDF is damaged or truncated (...). Re-export or re-download it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import _guard, _pdfcheck
from ._errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    Messages,
    ScannedDocumentError,
)
from ._pdflayout import page_text

if TYPE_CHECKING:
    from ._documents import Limits

ENGINES = ("pdfium", "pdfminer")
# a PDF's longest line: binary streams break about every 256 bytes by chance, text lines are
# short; only a hostile or broken file holds megabytes without a line break
_MAX_LINE = 4 << 20
# tried only where a line starts (the lookbehind fails at once elsewhere): one pass, linear
_LONG_LINE = re.compile(rb"(?<![^\r\n])[^\r\n]{%d}" % _MAX_LINE)


def _limits() -> Limits:
    from ._documents import Limits

    return Limits()


def read_pdf(data: bytes, *, source: str, password: str, limits: Limits) -> list[str]:
    """The text of each page of a PDF. Raises our DocumentError subclasses, never an engine's."""
    long_line = _LONG_LINE.search(data)
    if long_line is not None:  # pdfminer re-reads a damaged file line by line, quadratic in
        # a line's length (a 19 MB comment took 35 s, past any deadline): no real PDF has one
        raise CorruptDocumentError(Messages.R010.format(
            source=source, detail=f"a line of over {_MAX_LINE:,} bytes at byte "
                                  f"{long_line.start():,}"), source=source)
    engine = limits.pdf_engine
    if engine == "pdfium":
        from ._pdfium import Encrypted, TooManyChars, TooManyPages, read_pages
    else:
        from ._pdfminer import Encrypted, TooManyChars, TooManyPages, read_pages  # type: ignore[assignment]
    pages: list[str] = []
    has_images = False
    try:
        with _guard.guarded(max_seconds=limits.max_seconds,
                            max_decoded_bytes=limits.max_decoded_bytes):
            for page in read_pages(data, password=password, max_pages=limits.max_pages,
                                   max_chars=limits.max_chars):
                has_images = has_images or page.images
                pages.append(page_text(page.lines, page.width))
                _guard.tick()
    except _guard.Stop as stop:
        raise _guard.as_error(stop, source=source, kind="PDF", max_seconds=limits.max_seconds,
                              max_decoded_bytes=limits.max_decoded_bytes) from None
    except _pdfcheck.TooManyShapes as exc:
        raise DocumentTooLargeError(Messages.R033.format(
            source=source, limit=exc.args[0], max_chars=limits.max_chars), source=source) from None
    except TooManyChars:
        raise DocumentTooLargeError(Messages.R018.format(
            source=source, size=f"over {limits.max_chars:,}", limit=limits.max_chars),
            source=source) from None
    except TooManyPages as exc:
        raise DocumentTooLargeError(Messages.R007.format(
            source=source, pages=exc.pages, limit=limits.max_pages), source=source) from None
    except Encrypted as exc:
        detail = f" ({exc})" if str(exc) else ""
        raise EncryptedDocumentError(Messages.R011.format(source=source) + detail,
                                     source=source) from None
    except DocumentError:
        raise
    except RecursionError:
        raise CorruptDocumentError(
            Messages.R010.format(source=source, detail="objects nested too deeply"), source=source
        ) from None
    except MemoryError:
        raise DocumentTooLargeError(Messages.R019.format(source=source, kind="PDF"),
                                    source=source) from None
    except Exception as exc:  # the engines raise many unrelated types on damaged files
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
