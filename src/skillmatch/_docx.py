"""DOCX to text with python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile

from ._errors import CorruptDocumentError, DocumentTooLargeError, Messages, UnsupportedFormatError

_PART = "word/document.xml"


def read_docx(data: bytes, *, source: str, max_bytes: int) -> tuple[str, list[str]]:
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
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > 20 * max_bytes:  # a zip bomb
        raise DocumentTooLargeError(
            Messages.R006.format(source=source, size=unpacked, limit=20 * max_bytes), source=source
        )
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        headings: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(block, document)
                text = paragraph.text.strip()
                if not text:
                    lines.append("")
                    continue
                style = (paragraph.style.name or "") if paragraph.style is not None else ""
                if style.lower().startswith(("heading", "title")):
                    headings.append(text)
                lines.append(_bullet(paragraph, text))
            elif tag == "tbl":
                lines.extend(_table_lines(Table(block, document)))
                lines.append("")
    except Exception as exc:  # python-docx and lxml raise many types on damaged parts
        raise CorruptDocumentError(
            Messages.R012.format(source=source, detail=f"{type(exc).__name__}: {exc}"[:200]),
            source=source,
        ) from None
    return "\n".join(lines), headings


def _bullet(paragraph: object, text: str) -> str:
    """List paragraphs get a bullet, so lists look like lists to the extractor."""
    ppr = getattr(getattr(paragraph, "_p", None), "pPr", None)
    if ppr is not None and ppr.numPr is not None:
        return "• " + text
    return text


def _table_lines(table: object) -> list[str]:
    """A table cell by cell, row by row; merged cells once."""
    out: list[str] = []
    seen: set[int] = set()
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = cell.text.strip()
            if text:
                out.append(text)
    return out
