"""Bytes to text, and text to the clean form the rest of skillmatch reads.

>>> normalize_text("Scientiﬁc com-\\nputing\\u00a0•  Python")
'Scientific computing • Python'
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ._errors import DecodingError, Messages, UnsupportedFormatError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, *, source: str) -> tuple[str, str]:
    """Decode ``data``: a BOM's encoding, UTF-8, or what charset-normalizer detects.

    Returns the text and the encoding used. Text with NUL bytes is tried as BOM-less UTF-16/32
    only. Other bytes that are not UTF-8 are read as cp1252 (by far the most common legacy
    encoding of Western resumes) when that reads no worse than the detector's pick, a stray
    undefined byte or two becoming U+FFFD; else as the detector's pick when it recognises a
    language; else DecodingError.

    >>> decode_text("naïve".encode("cp1252"), source="x")
    ('naïve', 'cp1252')
    >>> decode_text("Данные: Python, SQL".encode("utf-16-le"), source="x")
    ('Данные: Python, SQL', 'utf_16_le')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodingError(Messages.R013.format(source=source, detail=exc),
                                    source=source) from None
    if b"\x00" in data:
        wide = _wide(data)
        if wide is not None:
            return wide
        raise UnsupportedFormatError(Messages.R014.format(source=source), source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    return _legacy(data, source, first_error)


_WIDE = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")


def _wide(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16 or UTF-32, any script; None when the NULs mean binary."""
    from charset_normalizer import from_bytes

    sample = data[:4096]
    if sample.count(0) < 0.1 * len(sample) and sum(
            32 <= b < 127 or b in (9, 10, 13) for b in sample) > 0.9 * len(sample):
        return None  # ASCII text with stray NULs: wide text of ASCII is half NULs, of other
        # scripts mostly bytes above 127 (read as UTF-16, "<html>" would be CJK)
    guesses = [_bomless_utf16(data) or ""]  # ASCII text saved as UTF-16: no detector needed
    if not guesses[0]:
        best = from_bytes(data, cp_isolation=list(_WIDE)).best()
        guesses.append(best.encoding if best is not None else "")
    for encoding in filter(None, guesses):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _legacy(data: bytes, source: str, error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    western = data.decode("cp1252", errors="replace")
    stray = western.count("\ufffd")
    best = from_bytes(data).best()
    if stray <= max(1, len(data) // 1000) and (
            best is None or mess_ratio(western.replace("\ufffd", ""), 1.0) <= best.chaos + 0.01):
        return western, "cp1252"
    if best is not None and best.coherence > 0:  # the detector recognised a language
        return str(best), best.encoding
    raise DecodingError(Messages.R013.format(source=source, detail=error), source=source)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte is NUL, as in ASCII text saved as UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """True when over 10% of the first 8,000 characters are control or unassigned characters."""
    sample = text[:8000]
    if not sample:
        return False
    bad = sum(
        1 for ch in sample
        if (ch < " " and ch not in "\t\n\r\f\v") or unicodedata.category(ch) in ("Cc", "Co", "Cn")
        and ch not in "\t\n\r\f\v\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
    )
    return bad > 0.1 * len(sample)


# Bullets people and PDF fonts use, as one form.
_BULLETS = "•●▪◦■□➢➤►▶✓✔❖⦿○‣⁃∙·\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0e8"
_BULLET_RE = re.compile(rf"^([ \t]*)[{re.escape(_BULLETS)}][ \t]*", re.MULTILINE)
_LINE_BREAKS = {0x85: "\n", 0x2028: "\n", 0x2029: "\n\n", 0x1C: "\n", 0x1D: "\n", 0x1E: "\n"}
# Unicode's format characters (category Cf; Unicode 15's set, written out so that every Python
# removes the same): zero-width spaces and joiners, the soft hyphen, the byte-order mark, and
# the direction marks, embeddings and isolates scraped text carries into the middle of words
# ("\u202dGCP\u202c" must read as GCP). Invisible, so removing them changes no word a reader sees.
_FORMAT_RANGES = ((0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
                  (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F),
                  (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF),
                  (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
                  (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
_ZERO_WIDTH = dict.fromkeys((c for a, b in _FORMAT_RANGES for c in range(a, b + 1)), None)
_HYPHENATED = re.compile(r"(?<=[a-z])-\n[ \t]*(?=[a-z])")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[^\S\n]{2,}|[^\S\n ]")  # any run of spaces, and any odd space, as one space
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


# Text that was UTF-8, decoded as cp1252 on its way to us (common in scraped resumes): ftfy
# repairs it (on the shared resume PDFs it leaves 7 of 224 with mojibake where a hand table left
# 25). What it cannot repair is a lone "Â" whose second byte was lost: a mangled no-break space.
_MOJIBAKE_MARKS = ("Â", "â€", "Ã")
_LONE_A_CIRCUMFLEX = re.compile(r"[ \t]?Â(?=\s|$)", re.MULTILINE)


def normalize_text(text: str) -> str:
    """Clean text: NFKC, no ligatures or soft hyphens, joined line-end hyphenation, one bullet.

    Line breaks are kept (sections and lists depend on them); form feeds become blank lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\v", "\n")
    if not text.isascii():  # a lone surrogate (from JSON's "\\ud83d") is no character
        text = _SURROGATES.sub("\ufffd", text)
    # Unicode's own line and paragraph separators are line breaks like any other: kept as they
    # are, a run of them is one endless "line" for every rule that reads lines
    text = text.translate(_LINE_BREAKS)
    if any(mark in text for mark in _MOJIBAKE_MARKS):
        import ftfy

        text = ftfy.fix_text(text, unescape_html=False, normalization=None, uncurl_quotes=False)
        text = _LONE_A_CIRCUMFLEX.sub("", text.translate(_ZERO_WIDTH))
    text = text.translate(_ZERO_WIDTH)
    text = _BULLET_RE.sub(r"\1• ", text)  # before NFKC, which maps private-use bullets oddly
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\t", " ")
    text = _HYPHENATED.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("", text)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n ")
