"""Extraction under hostile text: a cooperative deadline, in any thread, and linear time."""

from __future__ import annotations

import threading
import time

import pytest

from skillmatch import DocumentTooLargeError, Limits, Matcher

SKILL_LINE = "Python, SQL, Docker, Kubernetes, AWS, Spark, "


@pytest.fixture(scope="module")
def hasty() -> Matcher:
    """The core taxonomy (quick to build) with a half-second limit."""
    return Matcher("ml-engineer", limits=Limits(max_seconds=0.5))


def one_line(chars: int) -> str:
    return (SKILL_LINE * (chars // len(SKILL_LINE) + 1))[:chars]


def test_megabyte_of_skill_names_stops_at_the_deadline(hasty: Matcher) -> None:
    """1 MB of skill names on one line (no breaks, no sentence ends): a typed error naming
    the limit, soon after the deadline, instead of minutes of work."""
    started = time.monotonic()
    with pytest.raises(DocumentTooLargeError, match=r"max_seconds"):
        hasty.extract(one_line(1_000_000), kind="posting")
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("text", [
    "Education\n" + "B.S. Computer Science, M.S. Statistics, PhD Physics; " * 20_000,
    "Skills\r" + "Python\r" * 200_000,
    "Skills\n" + "- Python\n" * 200_000,
], ids=["degrees-on-one-line", "cr-only-breaks", "bullet-lines"])
def test_the_later_passes_keep_the_deadline(hasty: Matcher, text: str) -> None:
    """The passes after the window loop (degrees, fuzzy items, lists) check the clock too: a
    line of degree phrases ran 18 s past an 8 s limit and returned (hostile audit 5)."""
    started = time.monotonic()
    try:
        hasty.extract(text, kind="resume")
    except DocumentTooLargeError as error:
        assert "max_seconds" in str(error)
    assert time.monotonic() - started < 6


def test_degree_lines_read_in_linear_time() -> None:
    """Clause bounds and degree cues are found once a line, not searched again from each
    mention: a line twice as long costs about twice the time."""
    matcher = Matcher("ml-engineer")
    line = "B.S. Computer Science, M.S. Statistics, PhD Physics; "
    matcher.extract("Education\n" + line * 100, kind="resume")
    times = []
    for copies in (2_000, 8_000):
        started = time.perf_counter()
        matcher.extract("Education\n" + line * copies, kind="resume")
        times.append(time.perf_counter() - started)
    assert times[1] < 10 * times[0]  # 4x the text: linear is ~4x, quadratic 16x


def test_deadline_holds_in_a_thread(hasty: Matcher) -> None:
    """No signals: the same limit stops the same work in a worker thread."""
    caught: list[BaseException] = []

    def work() -> None:
        try:
            hasty.extract(one_line(1_000_000), kind="posting")
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    assert len(caught) == 1 and isinstance(caught[0], DocumentTooLargeError)


def test_small_documents_are_not_affected(hasty: Matcher) -> None:
    ex = hasty.extract("Skills\nPython, SQL and Docker\n", kind="resume")
    assert {"python", "sql", "docker"} <= set(ex.skills)


def test_ten_times_the_text_costs_at_most_fifteen_times_the_time() -> None:
    """Extraction time grows linearly on adversarial one-line input (best of three each, in CPU
    time: another process's load on a shared machine does not count; a quadratic pass would
    cost ~100x)."""
    m = Matcher("ml-engineer")
    m.extract("warm up: Python", kind="posting")

    def best(chars: int) -> float:
        text = one_line(chars)
        times = []
        for _ in range(3):
            started = time.process_time()
            m.extract(text, kind="posting")
            times.append(time.process_time() - started)
        return min(times)

    assert best(100_000) <= 15 * best(10_000)


@pytest.mark.parametrize("unit", [
    "data extraction, cleaning, ",  # imported names in one narrative line: each was checked
    # against every other mention and the line split per mention (quadratic: 197 s for 1 MB)
    "model development and deployment, ",  # ellipsis of an object
    "lead the data team and ",  # soft phrase leads-people
    "Series 7, 63, ",  # numbered series, and a voice read per mention on one long line
], ids=["imported-names", "object-ellipsis", "soft-phrase", "numbered-series"])
def test_one_line_of_readings_costs_linear_time(default_matcher: Matcher, unit: str) -> None:
    """4x the text costs about 4x the CPU time, not 16x, for the passes after the windows
    (outside review, stop 30)."""
    default_matcher.extract(unit * 50, kind="posting")
    times = []
    for chars in (60_000, 240_000):
        started = time.process_time()
        default_matcher.extract(unit * (chars // len(unit)), kind="posting")
        times.append(time.process_time() - started)
    assert times[1] < 8 * times[0]
