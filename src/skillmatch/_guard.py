"""A per-call budget for reading one document: a deadline and a cap on decoded bytes.

No signals, no timers, nothing process-wide: the budget lives in a :class:`~contextvars.ContextVar`
for the duration of one ``read()``, so threads (and asyncio tasks) each see their own, and code
that reads a document checks it cooperatively inside its loops with :func:`tick` and
:func:`charge`. Tripping the budget raises :class:`Stop`, a ``BaseException`` so that a
third-party library's ``except Exception`` around its own loops cannot swallow it; the budget
also stays tripped, so the next check raises again if it was swallowed anyway.

>>> with guarded(max_seconds=5, max_decoded_bytes=10) as budget:
...     charge(8)
...     try:
...         charge(8)
...     except Stop as stop:
...         print(stop.limit)
max_decoded_bytes
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from ._errors import DocumentTooLargeError, Messages

__all__ = ["Budget", "Stop", "as_error", "charge", "current", "guarded", "room", "run_length_decode", "tick"]


class Stop(BaseException):
    """The budget ran out. ``limit`` names the Limits field: max_seconds or max_decoded_bytes."""

    def __init__(self, limit: str) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(slots=True)
class Budget:
    """What one read may still spend. Mutable, and private to one call."""

    deadline: float
    max_decoded_bytes: int
    decoded: int = 0
    tripped: Stop | None = field(default=None)

    def check(self) -> None:
        if self.tripped is not None:
            raise self.tripped
        if time.monotonic() > self.deadline:
            self.tripped = Stop("max_seconds")
            raise self.tripped

    def spend(self, nbytes: int) -> None:
        self.decoded += nbytes
        if self.decoded > self.max_decoded_bytes:
            self.tripped = Stop("max_decoded_bytes")
            raise self.tripped
        self.check()


_CURRENT: ContextVar[Budget | None] = ContextVar("skillmatch_read_budget", default=None)


@contextmanager
def guarded(*, max_seconds: float, max_decoded_bytes: int) -> Iterator[Budget]:
    """Run the block under a fresh budget (nested calls get their own)."""
    budget = Budget(time.monotonic() + max_seconds, max_decoded_bytes)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def current() -> Budget | None:
    """The budget of the read running in this context, if any."""
    return _CURRENT.get()


def tick() -> None:
    """Raise :class:`Stop` if the current read is past its deadline (no-op outside a read)."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check()


def charge(nbytes: int) -> None:
    """Count ``nbytes`` of decoded output against the current read; raise when over."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.spend(nbytes)


def room() -> int | None:
    """How many decoded bytes the current read may still produce (None outside a read)."""
    budget = _CURRENT.get()
    if budget is None:
        return None
    return max(budget.max_decoded_bytes - budget.decoded, 0)


def run_length_decode(data: bytes, *, keep: bool = True) -> bytes:
    """PDF RunLengthDecode, charging every decoded run to the current read (a run of 128 bytes
    can stand for 32 KB of output); ``keep=False`` only counts.

    >>> run_length_decode(bytes([1]) + b"ab" + bytes([254]) + b"c" + bytes([128]))
    b'abccc'
    """
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            piece = data[i + 1:i + 2 + length]
            i += 2 + length
        else:
            piece = data[i + 1:i + 2] * (257 - length)
            i += 2
        charge(len(piece))
        if keep:
            out += piece
    return bytes(out)


def as_error(stop: Stop, *, source: str, kind: str, max_seconds: float,
             max_decoded_bytes: int) -> DocumentTooLargeError:
    """The error a tripped budget stands for, naming the Limits field to raise."""
    if stop.limit == "max_seconds":
        return DocumentTooLargeError(Messages.R008.format(source=source, limit=max_seconds,
                                                          kind=kind), source=source)
    return DocumentTooLargeError(Messages.R017.format(
        source=source, kind=kind, limit=max_decoded_bytes), source=source)

