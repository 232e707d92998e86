"""PDFs whose danger only their object structure shows: bombs a byte scan misreads, Form
XObjects that draw one another a hundred times, a character map of four billion codes. Each
is refused quickly, with the limit named, by both engines (PDFium's C code cannot be stopped
inside a page, so for it the structure is read first: skillmatch._pdfcheck)."""

from __future__ import annotations

import time

import pytest

from skillmatch import DocumentTooLargeError, Limits, read

from . import make

ENGINES = ["pdfium", "pdfminer"]


@pytest.fixture(scope="module")
def disguised() -> dict[str, bytes]:
    return make.disguised_flate_bombs(200)  # 200 MB each, over a 30 MB limit


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["far", "indirect", "escaped", "fake-image"])
def test_disguised_flate_bomb_stops_at_decoded_limit(disguised: dict[str, bytes], name: str,
                                                     engine: str) -> None:
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError, match="max_decoded_bytes"):
        read(disguised[name], limits=Limits(pdf_engine=engine))
    assert time.monotonic() - start < 8


@pytest.mark.parametrize("engine", ENGINES)
def test_form_xobject_fan_out_is_refused(engine: str) -> None:
    """10^8 lines drawn from a 10 KB file: PDFium once took 6 GB and aborted the process."""
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError):
        read(make.xobject_fanout(4, 100), limits=Limits(pdf_engine=engine))
    assert time.monotonic() - start < 10


def test_form_xobject_fan_out_is_refused_before_pdfium_draws_it() -> None:
    """Under the byte limit but over max_chars (60^3 = 216,000 lines of 18 characters): the
    strings the forms would show are counted before any page is parsed."""
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        read(make.xobject_fanout(3, 60), limits=Limits(pdf_engine="pdfium"))
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("shape", ["comment", "split"])
def test_form_xobject_fan_out_hidden_from_a_plain_scan_is_refused(shape: str) -> None:
    """A comment between "/X" and "Do", or "/X" and "Do" in two content streams of the page,
    hid the draws from the check: PDFium then grew to 23 GB (hostile audit, stop 27)."""
    data = (make.xobject_fanout(4, 100, between=b" %c\n") if shape == "comment"
            else make.xobject_fanout(4, 100, split_page=True))
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError):
        read(data, limits=Limits(pdf_engine="pdfium"))
    assert time.monotonic() - start < 10


def test_a_page_of_hundreds_of_thousands_of_shapes_is_refused_before_pdfium() -> None:
    """2.2 million rectangles and no text took PDFium 12 s (its deadline is checked between
    pages only) and 800 MB: path segments past max_chars / 4 are refused first (hostile
    audit). The shared resumes draw at most a few hundred a page."""
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError, match="lines and shapes"):
        read(make._one_page(b"0 0 1 1 re f\n" * 600_000), limits=Limits(pdf_engine="pdfium"))
    assert time.monotonic() - start < 5
    page = make._one_page(b"0 0 1 1 re f\n" * 2_000 + b"BT /F1 12 Tf 72 700 Td (Python) Tj ET")
    assert "Python" in read(page, limits=Limits(pdf_engine="pdfium")).text


def test_one_text_operator_of_hundreds_of_thousands_of_strings_keeps_the_deadline() -> None:
    """A 10 KB TJ array of 900,000 one-letter strings took pdfminer 16 s, twice its deadline,
    inside one operator (hostile audit): its character count now checks the clock. PDFium reads
    such a page whole, as it may: it is text, under max_chars."""
    content = b"BT /F1 12 Tf 72 700 Td [" + b"(a)" * 600_000 + b"] TJ ET"
    start = time.monotonic()
    with pytest.raises(DocumentTooLargeError, match="max_seconds"):
        read(make._one_page(content), limits=Limits(pdf_engine="pdfminer", max_seconds=1.5))
    assert time.monotonic() - start < 4
    letters = b"BT /F1 12 Tf 72 700 Td [" + b"".join(b"(%s)" % bytes([c]) for c in b"Python") + b"] TJ ET"
    for engine in ENGINES:
        assert "Python" in read(make._one_page(letters), limits=Limits(pdf_engine=engine)).text


def test_a_form_drawn_a_few_times_still_reads() -> None:
    """A real document's forms (a logo, a header) are drawn a few times: read as usual."""
    document = read(make.xobject_fanout(2, 3), limits=Limits(pdf_engine="pdfium"))
    assert "Python SQL Docker" in document.text  # 9 lines, overprinted


@pytest.mark.parametrize("engine", ENGINES)
def test_a_four_billion_code_character_map_is_refused(engine: str) -> None:
    """pdfminer added a ToUnicode range's codes one by one for minutes; each now counts
    against max_decoded_bytes. PDFium reads the map at once."""
    start = time.monotonic()
    try:
        read(make.tounicode_range_pdf(), limits=Limits(pdf_engine=engine))
    except DocumentTooLargeError as error:
        assert "max_decoded_bytes" in str(error)
    assert time.monotonic() - start < 8


def test_max_seconds_past_a_day_is_refused() -> None:
    """1e300 seconds overflowed the clocks and lock timeouts below (an OverflowError)."""
    from skillmatch import ParameterError

    with pytest.raises(ParameterError, match="max_seconds"):
        Limits(max_seconds=1e300)
    assert Limits(max_seconds=3600).max_seconds == 3600


@pytest.mark.parametrize("engine", ENGINES)
def test_text_drawn_by_a_form_xobject_is_read(engine: str) -> None:
    """pdfminer leaves a figure's characters loose: they are grouped into lines too (it once
    said "no text, run OCR")."""
    document = read(make.text_in_form_xobject(), limits=Limits(pdf_engine=engine))
    assert "Skills: Python, SQL, Docker" in document.text


def test_a_good_pdf_does_not_time_out_waiting_behind_a_slow_one() -> None:
    """PDFium takes one call at a time: a one-page PDF read with a 2 s limit while another
    thread reads a page of 1.9 M characters (seconds of PDFium) waits, and its time waiting
    is not its own (it once failed as "a malformed or hostile PDF?")."""
    import threading

    slow, good = make.dense_page_pdf(), make.text_in_form_xobject()
    outcome: dict[str, object] = {}

    def run(name: str, data: bytes, limits: Limits) -> None:
        try:
            outcome[name] = read(data, limits=limits).text
        except Exception as error:  # recorded, asserted below
            outcome[name] = error

    slow_thread = threading.Thread(target=run, args=("slow", slow, Limits()))
    slow_thread.start()
    time.sleep(0.3)
    run("good", good, Limits(max_seconds=2))
    slow_thread.join()
    assert isinstance(outcome["good"], str) and "Python" in outcome["good"], outcome["good"]
