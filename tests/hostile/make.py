"""Hostile inputs, generated: compression bombs, a reference cycle, odd encodings.

Used by tests/hostile/test_files.py and benchmarks/hostile.py. Each builder returns bytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib


def _blocks(chunk: bytes) -> bytes:
    """Raw deflate blocks for ``chunk``, not final, ending byte-aligned with a reset window."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)


_FINAL = b"\x03\x00"  # an empty final block


def deflate_repeat(chunk: bytes, times: int) -> bytes:
    """A valid zlib stream of ``chunk * times`` without building it: the chunk is compressed
    once with a full flush (which resets the window), so every copy compresses to the same
    bytes and the stream is those bytes repeated."""
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + _blocks(chunk) * times + _FINAL + adler.to_bytes(4, "big")


def pdf(objects: list[bytes], root: int = 1, header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF file of these object bodies (object i+1 is objects[i]), with a correct xref."""
    out = io.BytesIO()
    out.write(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, xref))
    return out.getvalue()


def _page_with_content(stream: bytes, filters: bytes) -> bytes:
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


_TEXT = b"BT /F1 10 Tf 72 700 Td (Python SQL) Tj ET\n"


def big_flate_pdf(gigabytes: float = 9.6) -> bytes:
    """One content stream that inflates to ``gigabytes`` of spaces (9.6 GB from ~9.7 MB)."""
    chunk = b" " * (1 << 20)
    stream = deflate_repeat(chunk, int(gigabytes * 1024))
    return _page_with_content(stream, b"/FlateDecode")


def chained_flate_pdf(gigabytes: float = 3.5, layers: int = 3) -> bytes:
    """A content stream under ``layers`` FlateDecode filters, ~10 KB, inflating to gigabytes."""
    stream = deflate_repeat(b" " * (1 << 20), int(gigabytes * 1024))
    for _ in range(layers - 1):
        stream = zlib.compress(stream, 9)
    return _page_with_content(stream, b"[" + b" /FlateDecode" * layers + b" ]")


def cycle_pdf() -> bytes:
    """A page tree whose /Count is a reference cycle (4 0 R -> 5 0 R -> 4 0 R): resolving it
    loops forever in a reader without a deadline inside the loop."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 4 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"5 0 R",
        b"4 0 R",
    ])


_DOCX_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              b"<w:body><w:p><w:r><w:t>Python SQL</w:t></w:r></w:p>")


def docx_bomb(gigabytes: float = 5.0) -> bytes:
    """A DOCX whose word/document.xml inflates to ``gigabytes`` (XML comments after a paragraph);
    the zip's header states the true size, but a reader must not trust it either way."""
    filler = b"<!--" + b" " * ((1 << 20) - 7) + b"-->"
    times = int(gigabytes * 1024)
    closing = b"</w:body></w:document>"
    deflated = _blocks(_DOCX_HEAD) + _blocks(filler) * times + _blocks(closing) + _FINAL
    size = len(_DOCX_HEAD) + len(filler) * times + len(closing)
    crc = zlib.crc32(_DOCX_HEAD)
    for _ in range(times):
        crc = zlib.crc32(filler, crc)
    crc = zlib.crc32(closing, crc)
    return _zip_with_member("word/document.xml", deflated, size, crc)


def _zip_with_member(name: str, deflated: bytes, size: int, crc: int) -> bytes:
    """A zip of one deflated member, written by hand (zipfile would inflate it to check)."""
    import struct

    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF,
                        0xFFFFFFFF, len(encoded), 20)
    extra = struct.pack("<HHQQ", 1, 16, size, len(deflated))
    central_extra = struct.pack("<HHQQQ", 1, 24, size, len(deflated), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc,
                          0xFFFFFFFF, 0xFFFFFFFF, len(encoded), len(central_extra), 0, 0, 0, 0,
                          0xFFFFFFFF)
    body = local + encoded + extra + deflated
    directory = central + encoded + central_extra
    offset = len(body)
    zip64_end = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(directory),
                            offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, offset + len(directory), 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return body + directory + zip64_end + locator + end


def utf16_no_bom() -> bytes:
    return ("Résumé — Данные\nSKILLS\nPython, SQL, машинное обучение, café\n" * 20).encode(
        "utf-16-le")


def cp1252_stray_byte() -> bytes:
    text = "Jane Müller\nSKILLS\nPython, SQL, naïve Bayes, café – résumé\n" * 10
    return text.encode("cp1252") + b"Stray \x81 byte.\n"


CASES = {
    "big-flate PDF": big_flate_pdf,
    "chained-Flate PDF": chained_flate_pdf,
    "reference-cycle PDF": cycle_pdf,
    "DOCX zip bomb": docx_bomb,
    "UTF-16 without BOM": utf16_no_bom,
    "cp1252 + stray byte": cp1252_stray_byte,
}


_HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _one_page(content: bytes, *, content_dict: bytes = b"", resources: bytes = b"",
              extra: list[bytes] | None = None, font: bytes = _HELVETICA,
              contents: bytes = b"4 0 R") -> bytes:
    """Catalog, pages, one page drawing object 4 (``content`` with ``content_dict``; or
    ``contents``, an array of streams), ``font`` as object 5, then ``extra`` objects from 6 on."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %s "
        b"/Resources << /Font << /F1 5 0 R >> %s >> >>" % (contents, resources),
        b"<< /Length %d %s>>\nstream\n" % (len(content), content_dict) + content + b"\nendstream",
        font,
        *(extra or []),
    ])


def disguised_flate_bombs(megabytes: int = 200) -> dict[str, bytes]:
    """Flate bombs whose dictionary a byte scan misreads: its /Filter far before "stream", an
    indirect /Filter, a name escape ("/Flat#65Decode"), a string that reads "/Subtype /Image"."""
    bomb = deflate_repeat(b" " * (1 << 20), megabytes)
    return {
        "far": _one_page(bomb, content_dict=b"/Filter /FlateDecode /Pad (" + b"x" * 700 + b") "),
        "indirect": _one_page(bomb, content_dict=b"/Filter 6 0 R ", extra=[b"/FlateDecode"]),
        "escaped": _one_page(bomb, content_dict=b"/Filter /Flat#65Decode "),
        "fake-image": _one_page(bomb, content_dict=b"/Filter /FlateDecode /Note (/Subtype /Image) "),
    }


def xobject_fanout(levels: int = 4, fan: int = 100, *, between: bytes = b" ",
                   split_page: bool = False) -> bytes:
    """Form XObjects ``levels`` deep, each drawing the next ``fan`` times, the last one line
    of text: ``fan ** levels`` lines from a file of a few kilobytes. ``between`` stands between
    each "/X" and its "Do" (a comment hides it from a plain scan: b" %c\\n"); ``split_page``
    splits the page's "/X Do" across two content streams."""
    forms = []
    for level in range(levels):
        body = b"".join(b"q 1 0 0 1 0 %d cm /X%sDo Q " % (i % 700, between) for i in range(fan))
        forms.append(b"<< /Length %d /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                     b"/Resources << /XObject << /X %d 0 R >> >> >>\nstream\n"
                     % (len(body), 7 + level) + body + b"\nendstream")
    leaf = b"BT /F1 1 Tf 0 0 Td (Python SQL Docker) Tj ET"
    forms.append(b"<< /Length %d /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>\nstream\n" % len(leaf) + leaf
                 + b"\nendstream")
    if split_page:  # "/X" ends the first content stream, "Do" begins the second
        forms.append(b"<< /Length 2 >>\nstream\nDo\nendstream")
        return _one_page(b"/X", resources=b"/XObject << /X 6 0 R >>", extra=forms,
                         contents=b"[4 0 R %d 0 R]" % (6 + len(forms) - 1))
    return _one_page(b"/X Do", resources=b"/XObject << /X 6 0 R >>", extra=forms)


def tounicode_range_pdf() -> bytes:
    """A font whose ToUnicode map holds the range <00000000> <FFFFFFFF>: four billion codes
    in a few hundred bytes."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H "
            b"/DescendantFonts [7 0 R] /ToUnicode 6 0 R >>")
    return _one_page(b"BT /F1 12 Tf 72 700 Td <0041004200430044> Tj ET", font=font, extra=[
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>"])


def text_in_form_xobject() -> bytes:
    """A page whose text is drawn by a Form XObject, as stamping tools write it."""
    text = b"BT /F1 11 Tf 72 720 Td (Jane Doe) Tj 0 -16 Td (Skills: Python, SQL, Docker) Tj ET"
    form = (b"<< /Length %d /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> >>\nstream\n" % len(text) + text
            + b"\nendstream")
    return _one_page(b"q /X Do Q", resources=b"/XObject << /X 6 0 R >>", extra=[form])


def docx_deep_runs(depth: int = 200, runs: int = 300_000) -> bytes:
    """One paragraph whose runs sit ``depth`` wrappers deep: reading each run's owner by its
    ancestors took a minute."""
    inner = "<w:r><w:t>a</w:t></w:r>" * runs
    wrapped = "<w:smartTag>" * depth + inner + "</w:smartTag>" * depth
    return _docx(f"<w:p>{wrapped}</w:p><w:p><w:r><w:t>Skills: Python</w:t></w:r></w:p>")


def dense_page_pdf(chars: int = 1_900_000) -> bytes:
    """One page drawing ``chars`` characters of text (under the default max_chars): legal, and
    slow for any reader."""
    line = b"(Python SQL Docker Kubernetes PyTorch TensorFlow Spark Kafka Airflow dbt) Tj T*\n"
    count = chars // 70
    content = b"BT /F1 2 Tf 2 TL 10 780 Td\n" + line * count + b"ET"
    stream = zlib.compress(content, 6)
    return _one_page(stream, content_dict=b"/Filter /FlateDecode ")


def docx_empty_elements(count: int = 3_000_000) -> bytes:
    """A DOCX whose document holds ``count`` empty elements and one line of text."""
    return _docx("<w:p><w:r><w:t>Skills: Python</w:t></w:r></w:p>" + "<a/>" * count)


def _docx(body: str) -> bytes:
    """A DOCX whose word/document.xml has ``body`` (WordprocessingML) inside its w:body."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
           f"{body}</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()
