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
