"""Tests for read(): every format, sections, normalisation, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_pdf, text_lines
from skillmatch import (
    CorruptDocumentError,
    DecodingError,
    DocumentAccessError,
    DocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ScannedDocumentError,
    SkillmatchError,
    UnsupportedFormatError,
)
from skillmatch import Document, Limits, read

RESUME_LINES = [
    "JANE DOE", "Data Scientist", "SKILLS", "Python, SQL, TensorFlow, AWS",
    "EXPERIENCE", "Acme Corp, Data Scientist, Jan 2019 - Present",
    "Built churn models with scikit-learn.", "EDUCATION", "M.S. Statistics, 2018",
]


class TestFormats:
    def test_text_str(self) -> None:
        """A str with line breaks is text; sections are found with offsets into it."""
        doc = read("\n".join(RESUME_LINES))
        assert doc.format == "text"
        kinds = [s.kind for s in doc.sections]
        assert kinds[:1] == ["preamble"] and {"skills", "experience", "education"} <= set(kinds)
        skills = next(s for s in doc.sections if s.kind == "skills")
        assert "TensorFlow" in doc.text[skills.start:skills.end]

    def test_path_bytes_and_stream_agree(self, tmp_path: Path) -> None:
        """A path, its bytes and a stream of them give the same text."""
        path = tmp_path / "r.txt"
        path.write_text("\n".join(RESUME_LINES), encoding="utf-8")
        by_path = read(path)
        assert by_path.source == str(path)
        assert read(str(path)).text == by_path.text == read(path.read_bytes()).text
        assert read(io.BytesIO(path.read_bytes())).text == by_path.text

    def test_document_passes_through(self) -> None:
        """A Document given to read() comes back as is."""
        doc = read("Skills\nPython")
        assert read(doc) is doc

    def test_pdf_one_column(self) -> None:
        """A PDF's lines come out in order, with a page span each."""
        data = make_pdf([text_lines(RESUME_LINES)])
        doc = read(data)
        assert doc.format == "pdf" and len(doc.pages) == 1
        assert doc.text.index("SKILLS") < doc.text.index("Python") < doc.text.index("EDUCATION")

    def test_pdf_two_columns_do_not_interleave(self) -> None:
        """A two-column resume is read left column first, then right, never line by line across."""
        left = ["SKILLS", "Python", "SQL", "Docker", "Kubernetes", "LANGUAGES", "English", "Spanish"]
        right = ["EXPERIENCE", "Acme Corp 2019-2024", "Built data pipelines in Spark",
                 "Led a team of four", "Shipped models to production", "EDUCATION",
                 "B.S. Computer Science", "State University"]
        items = [(72, 700, "JANE DOE - Senior Data Engineer - jane@example.com - 555 0100")]
        items += text_lines(left, x=40, top=660) + text_lines(right, x=330, top=660)
        doc = read(make_pdf([items]))
        text = doc.text
        assert text.index("JANE DOE") < text.index("SKILLS")
        assert text.index("Spanish") < text.index("EXPERIENCE")  # left column finished first
        assert "Python\nSQL" in text and "Built data pipelines in Spark\nLed a team" in text

    def test_pdf_pages(self) -> None:
        """Each page gets a span of the text."""
        doc = read(make_pdf([text_lines(["Page one text"]), text_lines(["Page two text"])]))
        assert len(doc.pages) == 2
        (a0, a1), (b0, b1) = doc.pages
        assert doc.text[a0:a1] == "Page one text" and doc.text[b0:b1] == "Page two text"

    def test_docx_paragraphs_and_tables_in_order(self, tmp_path: Path) -> None:
        """DOCX paragraphs and table cells come out in document order; heading styles count."""
        import docx

        document = docx.Document()
        document.add_heading("Technical Skills", level=1)
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Python"
        table.cell(0, 1).text = "PyTorch"
        document.add_heading("Work History", level=1)
        document.add_paragraph("Acme Corp: built recommender systems")
        path = tmp_path / "cv.docx"
        document.save(str(path))
        doc = read(path)
        assert doc.format == "docx"
        assert doc.text.index("Python") < doc.text.index("PyTorch") < doc.text.index("Acme")
        assert [s.kind for s in doc.sections] == ["skills", "experience"]

    def test_html_visible_text_only(self) -> None:
        """Scripts, styles and attributes never reach the text."""
        html = ("<html><head><style>.x{color:red}</style><script>var python=1</script></head>"
                "<body><h2 class='Java'>Requirements</h2><ul><li>3+ years of Python</li>"
                "<li>SQL &amp; Spark</li></ul><p>Nice to have</p><ul><li>Go</li></ul></body></html>")
        doc = read(html.encode())
        assert doc.format == "html"
        assert "var python" not in doc.text and "color" not in doc.text and "Java" not in doc.text
        assert "SQL & Spark" in doc.text
        assert [s.kind for s in doc.sections] == ["requirements", "preferred"]

    def test_markdown_headings(self) -> None:
        """Markdown headings and bold lines start sections."""
        doc = read("# Jane\n\n## Skills\n- Python\n\n**Education**\nBSc")
        assert [s.kind for s in doc.sections] == ["preamble", "skills", "education"]

    def test_shared_pdf_fixture(self, fixtures: Path) -> None:
        """A real resume from the shared set reads with its sections."""
        doc = read(fixtures / "resume-it.pdf")
        kinds = {s.kind for s in doc.sections}
        assert {"experience", "education"} <= kinds
        assert len(doc.text) > 1000


class TestNormalisation:
    @pytest.mark.parametrize(
        ("raw", "clean"),
        [("scientiﬁc", "scientific"), ("data\u00a0science", "data science"),
         ("experi-\nence", "experience"), ("co\u00adoperate", "cooperate"),
         ("\uf0b7 Python", "• Python"), ("● SQL", "• SQL"), ("a\fb", "a\n\nb"),
         ("Â· Python", "• Python"), ("a Â· b", "a · b"), ("It\u2019s", "It\u2019s")],
    )
    def test_cleaning(self, raw: str, clean: str) -> None:
        """Ligatures, NBSP, hyphenation, soft hyphens, bullets, form feeds and mojibake."""
        assert read(raw + "\n").text == clean

    def test_offsets_match_text(self) -> None:
        """Section spans cover the text exactly, in order."""
        doc = read("\n".join(RESUME_LINES))
        assert doc.sections[0].start == 0 and doc.sections[-1].end == len(doc.text)
        for a, b in zip(doc.sections, doc.sections[1:]):
            assert a.end == b.start

    def test_encodings(self) -> None:
        """UTF-16 with a BOM, BOM-less UTF-16 and cp1252 decode, and say which was used."""
        text = "Skills\nPython, café, naïve Bayes"
        assert read(text.encode("utf-16")).encoding == "utf-16"
        assert read(text.encode("utf-16-le")).encoding == "utf-16-le"
        doc = read(text.encode("cp1252"))
        assert doc.encoding == "cp1252" and "café" in doc.text

    def test_one_megabyte_single_line(self) -> None:
        """A 1 MB line reads (and fast), it does not hang."""
        line = ("Python SQL Spark " * 60_000)[:1_000_000]
        doc = read(line.encode())
        assert len(doc.text) > 900_000


class TestBadInput:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist: DocumentNotFoundError, also a FileNotFoundError."""
        with pytest.raises(DocumentNotFoundError, match="no such file") as info:
            read(tmp_path / "nope.pdf")
        assert isinstance(info.value, FileNotFoundError)
        with pytest.raises(DocumentNotFoundError):
            read("resume_final.pdf")  # a str that names a document, but no file

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is not a document."""
        with pytest.raises(DocumentAccessError, match="directory") as info:
            read(tmp_path)
        assert isinstance(info.value, OSError)

    @pytest.mark.parametrize("data", [b"", "   \n\n  "])
    def test_empty(self, tmp_path: Path, data: bytes | str) -> None:
        """Empty bytes, an empty file and white space: EmptyDocumentError."""
        with pytest.raises(EmptyDocumentError):
            read(data)
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(EmptyDocumentError, match="empty"):
            read(path)

    def test_blank_pdf(self) -> None:
        """A PDF with a blank page: no text, and no claim that it is a scan."""
        with pytest.raises(EmptyDocumentError, match="blank") as info:
            read(make_pdf([[]]))
        assert not isinstance(info.value, ScannedDocumentError)

    def test_scanned_pdf(self) -> None:
        """A PDF of images says OCR is needed."""
        with pytest.raises(ScannedDocumentError, match="OCR"):
            read(make_pdf([[]], image=True))

    @staticmethod
    def _encrypted(user_password: str) -> bytes:
        pypdf = pytest.importorskip("pypdf")
        writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf([text_lines(RESUME_LINES)])))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def test_encrypted_pdf(self) -> None:
        """A user password: EncryptedDocumentError; the right password opens it."""
        data = self._encrypted("s3cret")
        with pytest.raises(EncryptedDocumentError, match="password"):
            read(data)
        assert "Python" in read(data, password="s3cret").text

    def test_encrypted_pdf_empty_user_password_opens(self) -> None:
        """Owner-only protection (empty user password) still reads."""
        assert "TensorFlow" in read(self._encrypted("")).text

    @pytest.mark.parametrize("cut", [0.3, 0.6])
    def test_truncated_pdf(self, cut: float) -> None:
        """A truncated PDF gives CorruptDocumentError (or, if nothing is left, Empty)."""
        data = make_pdf([text_lines(RESUME_LINES)])
        with pytest.raises((CorruptDocumentError, EmptyDocumentError)):
            read(data[: int(len(data) * cut)])

    def test_garbage_after_pdf_magic(self) -> None:
        """Junk that starts like a PDF is reported as a damaged PDF."""
        with pytest.raises(CorruptDocumentError, match="damaged"):
            read(b"%PDF-1.7\n" + bytes(range(256)) * 40)

    def test_page_bomb(self) -> None:
        """A page tree claiming a million pages stops at the page limit."""
        data = make_pdf([text_lines(["x"])]).replace(b"/Count 1", b"/Count 1000000")
        with pytest.raises(DocumentTooLargeError, match="pages"):
            read(data)

    def test_too_many_real_pages(self) -> None:
        """Real pages over a lowered limit are refused with the way to raise it."""
        data = make_pdf([text_lines([f"page {i}"]) for i in range(5)])
        with pytest.raises(DocumentTooLargeError, match="max_pages"):
            read(data, limits=Limits(max_pages=3))

    def test_deeply_nested_pdf(self) -> None:
        """Deeply nested arrays do not crash the interpreter."""
        nested = b"[" * 100_000 + b"]" * 100_000
        data = make_pdf([text_lines(["hello world"])]).replace(b"/Type /Catalog",
                                                               b"/Junk " + nested + b" /Type /Catalog")
        try:
            read(data)
        except DocumentError:
            pass

    def test_fifty_megabytes(self) -> None:
        """A 50 MB upload is refused by size before anything is parsed."""
        with pytest.raises(DocumentTooLargeError, match="max_bytes"):
            read(b"%PDF-1.4\n" + b"0" * 50_000_000)

    def test_docx_not_a_zip(self) -> None:
        """Bytes that start like a DOCX but are not a zip: CorruptDocumentError."""
        with pytest.raises(CorruptDocumentError, match="DOCX"):
            read(b"PK\x03\x04" + b"\x00garbage" * 100)

    def test_zip_without_document(self) -> None:
        """A zip with no word/document.xml (an xlsx, say) is not a DOCX."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        with pytest.raises(UnsupportedFormatError, match="word/document.xml"):
            read(buffer.getvalue())

    def test_docx_extension_but_text(self, tmp_path: Path) -> None:
        """A .docx that holds something else says so."""
        path = tmp_path / "cv.docx"
        path.write_bytes(b"this is not a docx at all")
        with pytest.raises(UnsupportedFormatError, match="extension"):
            read(path)

    def test_undecodable(self) -> None:
        """Bytes in no encoding we read: DecodingError that says to save as UTF-8."""
        with pytest.raises(DecodingError, match="UTF-8"):
            read(b"Skills: Python \x81\x8d\x8f\x90\x9d \xc3\x28")

    def test_nul_bytes(self) -> None:
        """NUL bytes mean binary, not text."""
        with pytest.raises(UnsupportedFormatError, match="NUL"):
            read(b"Python\x00\x01\x02\x03SQL\x00\xff\xfe\x00\x10" * 50)

    def test_image(self) -> None:
        """An image says OCR is needed."""
        with pytest.raises(UnsupportedFormatError, match="OCR"):
            read(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)

    def test_wrong_type(self) -> None:
        """A non-document type gets a ParameterError naming the accepted inputs."""
        with pytest.raises(SkillmatchError, match="Pass a path"):
            read(12345)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes_only_raise_our_errors(data: bytes) -> None:
    """Any bytes give a Document or one of our errors, nothing else."""
    try:
        assert isinstance(read(data), Document)
    except SkillmatchError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_random_text_only_raises_our_errors(text: str) -> None:
    """Any text gives a Document or one of our errors; sections always cover the text."""
    try:
        doc = read(text + "\n")
    except SkillmatchError:
        return
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(doc.text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_behind_pdf_magic(data: bytes) -> None:
    """Junk behind a PDF header never escapes as a pdfminer exception."""
    try:
        read(b"%PDF-1.4\n" + data)
    except SkillmatchError:
        pass


def test_docx_text_boxes_and_fallbacks(tmp_path: Path) -> None:
    """Text boxes (a common two-column template) are read, and their Fallback copy only once."""
    import copy

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Jane Doe")
    anchor = document.add_paragraph("Profile")
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    box = ('<w:txbxContent><w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>Python, Kubernetes</w:t></w:r></w:p></w:txbxContent>')
    run = parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}'
        f'</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}'
        f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    anchor._p.append(copy.deepcopy(run))
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    doc = read(path)
    assert doc.text.count("Python, Kubernetes") == 1
    assert doc.text.index("Jane Doe") < doc.text.index("Profile") < doc.text.index("SKILLS")
    assert "skills" in [s.kind for s in doc.sections]


@pytest.mark.parametrize("space", ["\u2028", "\u2029", "\u0085", "\u1680", "\u00a0", "\u3000"])
def test_unicode_separators_are_plain_breaks(space: str) -> None:
    """Unicode line separators and odd spaces become plain breaks and spaces, so a run of
    100,000 of them is blank lines or one space, not one endless line for every rule (it took
    minutes to extract before)."""
    from skillmatch import extract
    from skillmatch._text import normalize_text

    text = "Skills: Python 5" + space * 100_000 + "years"
    assert len(normalize_text(text)) < 40
    assert "python" in extract(text, kind="posting").skills


def test_format_characters_are_removed() -> None:
    """Every Unicode format character (category Cf) this Python knows is dropped, so direction
    marks a scraper left inside words do not hide the words ("\u202dGCP\u202c")."""
    import sys
    import unicodedata

    from skillmatch import extract
    from skillmatch._text import normalize_text

    every = "".join(chr(c) for c in range(sys.maxunicode + 1)
                    if unicodedata.category(chr(c)) == "Cf")
    assert normalize_text(f"a{every}b") == "ab"
    text = "Requirements: \u202dGCP\u202c, \u202dembedded systems\u202c and \u200eversion control"
    assert {"gcp", "embedded-systems", "version-control"} <= set(
        extract(text, kind="posting").skills)


HOSTILE_HTML = [
    # (markup, text that must be read, text that must not)
    ("<html><head><title>t</title><p>Unclosed head: Python</p>", "Python", None),
    ("<html><head></head><head><title>x</title></head><body><p>Second head: Python</p>", "Python",
     None),
    ("<p>A</p><svg><text>Java</text><p>After an unclosed svg: Python</p>", "Python", "Java"),
    ("<p>Python</p><div hidden>Java Java Java</div>", "Python", "Java"),
    ("<p>Python</p><span style='display: none'>Java</span>", "Python", "Java"),
    ("<p>Python</p><div aria-hidden='true'>Java</div>", "Python", "Java"),
    ("<nav><a>Java jobs</a></nav><p>Python</p><footer>Ruby jobs</footer>", "Python", "Java"),
]


@pytest.mark.parametrize(("markup", "shown", "hidden"), HOSTILE_HTML)
def test_html_structure_cases(markup: str, shown: str, hidden: str | None) -> None:
    """Unclosed or repeated heads and unclosed svg lose nothing; hidden text and page
    furniture are not read."""
    text = read(markup.encode("utf-8"), format="html").text
    assert shown in text and (hidden is None or hidden not in text)


def test_html_malformed_markup_is_linear() -> None:
    """1 MB of "<a b='" (quadratic in the standard library's parser) reads at once."""
    from skillmatch._html import read_html

    assert read_html("<a b='" * 170_000)[0] == ""
