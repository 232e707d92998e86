"""A process pool that loses no job: a dead worker is replaced, a stuck one is stopped.

Each worker runs ``init(*initargs)`` once and then ``work(state, payload)`` for each job it
is sent. The parent knows which job each worker holds, so when a worker dies (a segfault, the
out-of-memory killer) or overruns the per-job ``deadline`` (stuck in C code, where no timer
inside the worker can stop it), that one job becomes a :class:`Failure`, the worker is
replaced, and the other jobs go on. Results come back in input order.

>>> import operator
>>> list(imap([1, 2, 3], workers=2, init=int, initargs=(), work=operator.add, deadline=60))
[1, 2, 3]
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import Messages, SkillmatchError

__all__ = ["Failure", "imap"]

_TARGET_CHUNK_SECONDS = 0.05  # a chunk holds about this much work: less IPC, little tail
_MAX_CHUNK = 16
_START_SECONDS = 300.0  # a worker that is not ready by then (importing, building) is broken


@dataclass(frozen=True, slots=True)
class Failure:
    """A job that gave no result: its worker ``"died"``, overran the ``"deadline"``, or the
    job raised (``"error"``); ``detail`` says how."""

    reason: str
    detail: str


class _Worker:
    """One process, the pipe to it, and the jobs sent to it that have no answer yet."""

    def __init__(self, ctx: Any, init: Callable[..., Any], initargs: tuple[Any, ...],
                 work: Callable[[Any, Any], Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, init, initargs, work),
                                   daemon=True, name="skillmatch-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.held: deque[int] = deque()  # job indexes in the order the worker takes them
        self.since = time.monotonic()  # when the job at the head of `held` started

    def send(self, chunk: list[tuple[int, bytes]]) -> None:
        self.held.extend(index for index, _ in chunk)
        self.since = time.monotonic()
        self.conn.send(chunk)

    def stop(self, *, kill: bool) -> None:
        try:
            if not kill and self.process.is_alive():
                self.conn.send(None)
                self.process.join(timeout=2)
        except (OSError, ValueError):
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn: Any, init: Callable[..., Any], initargs: tuple[Any, ...],
           work: Callable[[Any, Any], Any]) -> None:
    """The worker's loop. Payloads are unpickled one by one, so a payload that crashes the
    process on arrival is charged to itself, not to the rest of its chunk."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # our own process: Ctrl-C is the parent's
    try:
        state = init(*initargs)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        for index, blob in chunk:
            try:
                answer: tuple[str, int, Any] = ("ok", index, work(state, pickle.loads(blob)))
            except BaseException as exc:  # noqa: BLE001 - one job's failure is that job's
                answer = ("error", index, f"{type(exc).__name__}: {exc}")
            try:
                conn.send(answer)
            except (EOFError, OSError):
                return
            except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled
                conn.send(("error", index, f"the result could not be sent back ({exc})"))


def _context() -> Any:
    """fork when this process runs a single thread (fast: nothing is re-imported); spawn
    otherwise, since forking a process with threads can deadlock the child."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        why = " (the out-of-memory killer?)" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{why}"
    return f"exit code {exitcode}"


def imap(
    payloads: Iterable[Any],
    *,
    workers: int,
    init: Callable[..., Any],
    initargs: tuple[Any, ...],
    work: Callable[[Any, Any], Any],
    deadline: float,
) -> Iterator[Any]:
    """``work(state, payload)`` for each payload in ``workers`` processes, results in order.

    A job whose worker dies or runs over ``deadline`` seconds yields a :class:`Failure`, as
    does a payload that cannot be pickled or a ``work`` that raises. ``payloads`` is consumed
    lazily. Stopping the iteration early (or an exception, or Ctrl-C) stops every worker.
    """
    source = iter(enumerate(payloads))
    retry: deque[tuple[int, bytes]] = deque()  # jobs a dead worker held but had not started
    done: dict[int, Any] = {}
    exhausted = False
    next_out = 0
    seconds_per_job = 0.0  # a running mean, to size the chunks
    answered = 0
    pool: list[_Worker] = []

    def start() -> _Worker:
        return _Worker(_context(), init, initargs, work)

    def take(n: int) -> list[tuple[int, bytes]]:
        nonlocal exhausted
        chunk: list[tuple[int, bytes]] = []
        while retry and len(chunk) < n:
            chunk.append(retry.popleft())
        while not exhausted and len(chunk) < n:
            try:
                index, payload = next(source)
            except StopIteration:
                exhausted = True
                break
            try:
                chunk.append((index, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)))
            except Exception as exc:  # noqa: BLE001 - e.g. an open file handle
                done[index] = Failure("error", f"it cannot be sent to a worker ({exc})")
        return chunk

    def bury(worker: _Worker, failure: Failure) -> None:
        """The job the worker held fails; the jobs queued behind it go to the next worker."""
        worker.stop(kill=True)
        if worker.held:
            head = worker.held.popleft()
            sent.pop(head, None)
            done[head] = failure
        for index in reversed(worker.held):
            retry.appendleft((index, sent[index]))
        pool[pool.index(worker)] = start()

    sent: dict[int, bytes] = {}  # blobs of unanswered jobs, for re-sending after a death
    try:
        pool.extend(start() for _ in range(workers))
        while True:
            for worker in pool:
                if worker.ready and not worker.held:
                    size = 1 if seconds_per_job == 0 else int(
                        min(_MAX_CHUNK, max(1, _TARGET_CHUNK_SECONDS / seconds_per_job)))
                    chunk = take(size)
                    if chunk:
                        sent.update(chunk)
                        worker.send(chunk)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and not retry and not any(w.held for w in pool) and not done:
                return
            now = time.monotonic()
            busy = [w.since + deadline - now for w in pool if w.held]
            busy += [w.started + _START_SECONDS - now for w in pool if not w.ready]
            timeout = max(0.0, min(busy)) if busy else None
            waitables = [w.conn for w in pool] + [w.process.sentinel for w in pool]
            multiprocessing.connection.wait(waitables, timeout)
            for worker in list(pool):
                alive = True
                try:
                    while worker.conn.poll():
                        message = worker.conn.recv()
                        if message[0] == "ready":
                            worker.ready = True
                            continue
                        if message[0] == "init-error":
                            raise SkillmatchError(Messages.B003.format(detail=message[1]))
                        status, index, value = message
                        now = time.monotonic()
                        answered += 1
                        seconds_per_job += (now - worker.since - seconds_per_job) / min(answered, 20)
                        worker.since = now
                        if worker.held and worker.held[0] == index:
                            worker.held.popleft()
                        sent.pop(index, None)
                        done[index] = value if status == "ok" else Failure("error", value)
                except (EOFError, OSError):
                    alive = False
                if not alive or not worker.process.is_alive():
                    worker.process.join(timeout=1)
                    if not worker.ready:
                        raise SkillmatchError(Messages.B003.format(
                            detail=f"a worker {_died(worker.process.exitcode)} while starting"))
                    bury(worker, Failure("died", _died(worker.process.exitcode)))
                elif not worker.ready and time.monotonic() - worker.started > _START_SECONDS:
                    raise SkillmatchError(Messages.B003.format(
                        detail=f"a worker was not ready after {_START_SECONDS:g} s"))
                elif worker.held and time.monotonic() - worker.since > deadline:
                    bury(worker, Failure("deadline", f"over {deadline:g} s"))
    finally:
        stopping = exhausted and not retry and not any(w.held for w in pool)
        for worker in pool:
            worker.stop(kill=not stopping)
