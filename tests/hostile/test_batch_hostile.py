"""Hostile batches: a worker killed mid-document, a worker stuck in C code, 20 bad inputs in 1,000.

The killing and sticking inputs are real triggers, not test branches in the library: bytes
whose unpickling (which happens in the worker, just before it reads them) kills the process
with SIGKILL, or sleeps in C. In this process (workers=1) they are plain corrupt bytes.
"""

from __future__ import annotations

import multiprocessing
import operator
import os
import random
import signal
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import skillmatch
from skillmatch import Limits, Matcher
from skillmatch._pool import Failure, imap

CORRUPT = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog"


class KillsItsReader(bytes):
    """Corrupt PDF bytes that kill (SIGKILL) the worker process receiving them."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (signal.raise_signal, (signal.SIGKILL,))


class HangsItsReader(bytes):
    """Corrupt PDF bytes whose arrival keeps the worker sleeping in C for a minute."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (time.sleep, (60,))


SKILLS = ["Python", "SQL", "Java", "AWS", "Docker", "Kubernetes", "PyTorch", "TensorFlow",
          "Excel", "Tableau", "Spark", "Airflow", "Go", "React", "TypeScript", "Terraform"]
POSTINGS = ["Requirements\n- 3+ years of Python and SQL\n- AWS or GCP\nNice to have\n- Docker\n",
            "Qualifications\n- Java, Spring, Kafka\n- Bachelor's degree in Computer Science\n"]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """The small curated taxonomy, no fuzzy pass: cheap to build in each worker."""
    return Matcher("ml-engineer", fuzzy=False, limits=Limits(max_bytes=50_000))


def short_resume(rng: random.Random, n: int) -> str:
    picks = ", ".join(rng.sample(SKILLS, 4))
    return (f"Candidate {n}\nSKILLS\n{picks}\nEXPERIENCE\nEngineer, Acme Corp, 2019 - 2023\n"
            f"Built services in {rng.choice(SKILLS)}.\n")


def thousand_with_twenty_bad(tmp_path: Path) -> tuple[list[object], dict[int, str]]:
    """1,000 inputs; 20 of them bad, at spread positions; the error each one must give."""
    rng = random.Random(13)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    (tmp_path / "empty.docx").write_bytes(b"")
    bad: list[tuple[object, str]] = (
        [(CORRUPT + bytes([i]), "CorruptDocumentError") for i in range(5)]
        + [(tmp_path / f"missing-{i}.pdf", "DocumentNotFoundError") for i in range(3)]
        + [(str(tmp_path / f"gone-{i}.pdf"), "DocumentNotFoundError") for i in range(2)]
        + [(empty, "EmptyDocumentError"), (tmp_path / "empty.docx", "EmptyDocumentError"),
           (b"", "EmptyDocumentError"), ("   \n  ", "EmptyDocumentError")]
        + [("SKILLS\nPython\n" + "x" * 60_000, "DocumentTooLargeError") for _ in range(4)]
        + [(KillsItsReader(CORRUPT), "ReaderCrashedError") for _ in range(2)]
    )
    inputs: list[object] = [short_resume(rng, n) for n in range(1000 - len(bad))]
    positions = sorted(rng.sample(range(1000), len(bad)))
    expected: dict[int, str] = {}
    for position, (item, error) in zip(positions, bad):
        inputs.insert(position, item)
        expected[position] = error
    return inputs, expected


@pytest.mark.parametrize("workers", [1, 2])
def test_thousand_inputs_twenty_bad_nothing_lost(matcher: Matcher, tmp_path: Path,
                                                 workers: int) -> None:
    """980 scores and 20 errors with reasons, in input order, with one and two workers."""
    inputs, expected = thousand_with_twenty_bad(tmp_path)
    started = time.monotonic()
    matrix = matcher.score_many(inputs, POSTINGS, workers=workers)
    assert time.monotonic() - started < 60
    assert matrix.scores.shape == (1000, 2) and len(matrix.resumes) == 1000
    if workers == 1:  # in this process nothing is pickled: the killers are just corrupt bytes
        expected = {i: "CorruptDocumentError" if e == "ReaderCrashedError" else e
                    for i, e in expected.items()}
    assert {e.index: e.error for e in matrix.errors} == expected
    assert all(e.kind == "resume" and e.message for e in matrix.errors)
    ok = [i for i in range(1000) if i not in expected]
    assert not np.isnan(matrix.scores[ok]).any() and np.isnan(matrix.scores[list(expected)]).all()
    crashed = [e for e in matrix.errors if e.error == "ReaderCrashedError"]
    assert all("SIGKILL" in e.message for e in crashed)
    assert matrix.scores[ok[0], 0] == matcher.score(inputs[ok[0]], POSTINGS[0]).score


def test_stuck_worker_is_stopped_by_the_deadline() -> None:
    """A worker stuck in C code is killed at 2 * max_seconds + 1 s; the rest are scored."""
    matcher = Matcher("ml-engineer", fuzzy=False, limits=Limits(max_seconds=0.5))
    inputs = ["SKILLS\nPython, SQL\n", HangsItsReader(CORRUPT), "SKILLS\nJava\n",
              "SKILLS\nAWS\n"]
    started = time.monotonic()
    matrix = matcher.score_many(inputs, POSTINGS, workers=2)
    assert time.monotonic() - started < 15
    assert [(e.index, e.error) for e in matrix.errors] == [(1, "DocumentTooLargeError")]
    assert "was stopped" in matrix.errors[0].message and "2 s" in matrix.errors[0].message
    assert not np.isnan(matrix.scores[[0, 2, 3]]).any()


def test_a_crashing_posting_keeps_its_column(matcher: Matcher) -> None:
    """Postings go through the same pool: a killed worker costs one column, not the batch."""
    matrix = matcher.score_many(
        ["SKILLS\nPython, SQL\n"], [POSTINGS[0], KillsItsReader(CORRUPT), POSTINGS[1]], workers=2)
    assert [(e.kind, e.index, e.error) for e in matrix.errors] == [
        ("posting", 1, "ReaderCrashedError")]
    assert not np.isnan(matrix.scores[0, [0, 2]]).any()


def test_pool_charges_a_crash_to_its_own_job() -> None:
    """Mid-chunk, the job that killed the worker fails and only it; order is kept."""
    payloads: list[object] = list(range(300))
    payloads[217] = KillsItsReader(b"x")
    payloads[5] = KillsItsReader(b"x")
    out = list(imap(payloads, workers=2, init=int, initargs=(), work=_add_if_int, deadline=30))
    assert [i for i, r in enumerate(out) if isinstance(r, Failure)] == [5, 217]
    assert all(out[i] == i for i in range(300) if i not in (5, 217))
    assert out[5].reason == "died" and "SIGKILL" in out[5].detail  # type: ignore[union-attr]


def test_pool_reports_exceptions_and_unpicklable_payloads() -> None:
    """A job that raises, or cannot be pickled, is a Failure of its own."""
    out = list(imap([1, "a", (lambda: 0), 4], workers=2, init=int, initargs=(),
                    work=operator.add, deadline=30))
    assert out[0] == 1 and out[3] == 4
    assert isinstance(out[1], Failure) and "TypeError" in out[1].detail
    assert isinstance(out[2], Failure) and "cannot be sent" in out[2].detail


def test_pool_stops_its_workers_when_the_caller_stops() -> None:
    """Leaving the iteration early (or an exception, or Ctrl-C) leaves no worker behind."""
    it = imap(range(1000), workers=2, init=int, initargs=(), work=operator.add, deadline=30)
    assert next(it) == 0
    it.close()
    assert not [p for p in multiprocessing.active_children() if p.name == "skillmatch-worker"]


def test_raise_on_error_stops_at_once_with_the_documents_own_class(matcher: Matcher,
                                                                   tmp_path: Path) -> None:
    """on_error="raise" raises the document's own error class, also from a worker."""
    inputs = ["SKILLS\nPython\n", tmp_path / "nope.pdf", "SKILLS\nSQL\n"]
    for workers in (1, 2):
        with pytest.raises(skillmatch.DocumentNotFoundError, match="nope.pdf"):
            matcher.score_many(inputs, POSTINGS, workers=workers, on_error="raise")


def _add_if_int(state: int, payload: object) -> object:
    return state + payload if isinstance(payload, int) else payload


def test_a_threaded_caller_gets_spawned_workers_and_the_same_scores(matcher: Matcher) -> None:
    """With another thread alive, workers start by spawn (fork could deadlock): same results."""
    from skillmatch._pool import _context

    inputs = [f"SKILLS\n{skill}, SQL\n" for skill in SKILLS[:6]]
    expected = matcher.score_many(inputs, POSTINGS).scores
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert _context().get_start_method() == "spawn"
        spawned = matcher.score_many(inputs, POSTINGS, workers=2)
    finally:
        stop.set()
        thread.join()
    assert np.array_equal(spawned.scores, expected) and not spawned.errors


def test_fifo_in_a_batch_is_an_error_not_a_hang(matcher: Matcher, tmp_path: Path) -> None:
    """A FIFO among the inputs is refused at once (open() would block forever)."""
    fifo = tmp_path / "cv.pdf"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(skillmatch.DocumentAccessError, match="not a regular file"):
        skillmatch.read(fifo)
    matrix = matcher.score_many(["SKILLS\nPython\n", fifo, str(fifo)], POSTINGS)
    assert [(e.index, e.error) for e in matrix.errors] == [(1, "DocumentAccessError"),
                                                           (2, "DocumentAccessError")]
    assert time.monotonic() - started < 10
