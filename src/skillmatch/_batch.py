"""Batch scoring: many resumes against many postings, each document read and extracted once.

>>> import skillmatch
>>> m = skillmatch.score_many(["Skills: Python, SQL", "Skills: Java"],
...                           ["Requirements\\n- Python\\n- SQL", "Requirements\\n- Java"])
>>> m.scores.shape, m.top(0, 1)[0][0]
((2, 2), 0)
"""

from __future__ import annotations

import io
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _errors
from ._config import Config
from ._documents import Document, Limits, read_stream
from ._errors import (
    DependencyError,
    Messages,
    NothingToScoreError,
    ParameterError,
    SkillmatchError,
)
from ._extract import Extraction, Extractor
from ._inputs import classify
from ._pool import Failure, imap
from ._views import Coverage
from .scoring import Posting, Profile, Scorer, ScoreResult

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas

_CHUNK = 2048  # resumes scored per numpy block: bounds memory at about 2048 x postings x 8 bytes x 6


def _check_index(value: Any, size: int, name: str, caller: str) -> None:
    """An int index into ``size`` items (negative ones count from the end), else
    ParameterError."""
    if isinstance(value, bool) or not isinstance(value, int) or not -size <= value < size:
        raise ParameterError(Messages.P001.format(
            name=name, caller=caller, value=value,
            expected=f"an index from 0 to {size - 1}" if size else "an index (there is no item)"))


def _check_top(value: Any, caller: str) -> None:
    """``top``: None (all) or a whole number >= 1."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ParameterError(Messages.P001.format(
            name="top", caller=caller, value=value, expected="None (all) or a whole number >= 1"))


@dataclass(frozen=True, slots=True)
class BatchError:
    """One input that could not be read or extracted, and why.

    ``index`` is its position among the resumes (or postings), ``error`` the name of the
    exception class (``"DocumentNotFoundError"``, ``"ReaderCrashedError"``, ...).
    """

    index: int
    kind: str
    source: str
    error: str
    message: str


@dataclass(frozen=True)
class ScoreMatrix:
    """Scores of every resume against every posting.

    ``scores[i, j]`` is resume ``i`` against posting ``j`` (NaN where either failed to read);
    ``result(i, j)`` is the full :class:`ScoreResult`, built on demand.
    """

    scores: npt.NDArray[np.float64]
    resumes: tuple[str, ...]
    postings: tuple[str, ...]
    errors: tuple[BatchError, ...]
    _scorer: Scorer = field(repr=False)
    _profiles: tuple[Profile | None, ...] = field(repr=False, default=())
    _postings: tuple[Posting | None, ...] = field(repr=False, default=())
    _resume_keys: tuple[Any, ...] = field(repr=False, default=())  # the caller's keys, or None
    _posting_keys: tuple[Any, ...] = field(repr=False, default=())

    def result(self, i: int, j: int) -> ScoreResult:
        """The explained result of resume ``i`` against posting ``j``."""
        _check_index(i, len(self.resumes), "i", "ScoreMatrix.result")
        _check_index(j, len(self.postings), "j", "ScoreMatrix.result")
        profile, posting = self._profiles[i], self._postings[j]
        if profile is None or posting is None:
            failed = [e for e in self.errors if (e.kind, e.index) in (("resume", i), ("posting", j))]
            raise ParameterError(
                f"Pair ({i}, {j}) has no score: {failed[0].source} failed: {failed[0].message}")
        from .scoring import explain_pair

        scorer = self._scorer
        numbers = scorer.matrix([profile], [posting])
        return explain_pair(scorer, profile, posting, numbers, 0, 0)

    def top(self, j: int, k: int | None = None) -> list[tuple[int, str, float]]:
        """The best ``k`` resumes (all when None) for posting ``j``: (index, source, score),
        ties in input order; resumes without a score are left out."""
        import numpy as np

        _check_index(j, len(self.postings), "j", "ScoreMatrix.top")
        _check_top(k, "ScoreMatrix.top")
        column = self.scores[:, j]
        order = sorted((i for i in range(len(column)) if not np.isnan(column[i])),
                       key=lambda i: (-column[i], i))
        return [(i, self.resumes[i], float(column[i])) for i in order[:k]]

    def to_frame(self, *, long: bool = False) -> pandas.DataFrame:
        """A pandas DataFrame of every pair: the score, the components (NaN where one drops
        out), how many requirements are matched, partly matched and missing, and the heaviest
        missing ones (``top_missing``, at most 3 names).

        Wide (default): one row a resume, columns ``(measure, posting)``, so
        ``frame["score"]`` is the resumes x postings score table. ``long=True``: one row a
        pair, with ``resume`` and ``posting`` columns. Rows and columns are labelled by the
        inputs' keys (a dict's keys, a Series' index, a DataFrame's ``id``) when given, else
        by path or ``<resume i>``. Needs pandas: ``pip install 'skillmatch[pandas]'``.
        """
        from ._frames import matrix_frame

        return matrix_frame(self, long=long)

    def coverage(self, j: int = 0, *, top: int = 10) -> Coverage:
        """Requirements x the ``top`` best candidates for posting ``j``, with the credit in
        each cell (:class:`Coverage`: ``.frame`` is the DataFrame; a notebook shows it
        colour-coded)."""
        from ._views import Coverage

        return Coverage.of([self.result(i, j) for i, _, _ in self.top(j, top)])

    def __repr__(self) -> str:
        n, m = self.scores.shape
        return f"<ScoreMatrix {n} resumes x {m} postings, {len(self.errors)} errors>"


class Ranking(list["ScoreResult"]):
    """:func:`skillmatch.rank`'s results, best first: a list, with views for notebooks.
    ``errors`` holds the resumes that could not be read or scored (BatchError each), so no
    candidate drops out without a word."""

    errors: tuple[BatchError, ...] = ()

    def __init__(self, results: Iterable[ScoreResult] = (),
                 errors: tuple[BatchError, ...] = ()) -> None:
        super().__init__(results)
        self.errors = errors

    def to_frame(self) -> pandas.DataFrame:
        """One row a result, ``rank`` 1.. as the index (see ``ScoreMatrix.to_frame``)."""
        from ._frames import results_frame

        return results_frame(self)

    def coverage(self) -> Coverage:
        """Requirements x these candidates, with the credit in each cell."""
        from ._views import Coverage

        return Coverage.of(self)

    def _repr_html_(self) -> str:
        """Notebooks: a table of the candidates, best first (the first 50), with their
        counts, heaviest gaps and the resumes that could not be scored."""
        from ._views import ranking_html

        return ranking_html(self, self.errors)


# --------------------------------------------------------------------------- inputs


_ONE = (str, bytes, bytearray, os.PathLike, Document, Extraction)


def _inputs(items: Any) -> Iterator[Any]:
    """Each input as given: one str, path, bytes, Document or Extraction is one input, any
    other iterable is consumed lazily. Nothing is expanded: see :func:`skillmatch.files`.

    Labelled inputs come as :class:`_Keyed`: a mapping's keys, a pandas Series' index, and a
    pandas DataFrame's ``id`` column label its values (its ``text`` column).
    """
    if isinstance(items, _ONE) or hasattr(items, "read"):
        yield items
    elif isinstance(items, Mapping):
        for key, value in items.items():
            yield _Keyed(key, value)
    elif _is_pandas(items, "DataFrame"):
        for name in ("id", "text"):
            if name not in items.columns:
                raise ParameterError(Messages.P001.format(
                    name="resumes/postings", caller="score_many",
                    expected=f"a DataFrame with an 'id' and a 'text' column (rename yours, or "
                             f"pass a Series: frame.set_index('my_id')['my_text']); it has "
                             f"no {name!r} column among {list(items.columns)!r}",
                    value=type(items).__name__))
        for key, value in zip(items["id"], items["text"], strict=True):
            yield _Keyed(key, value)
    elif _is_pandas(items, "Series"):
        for key, value in items.items():
            yield _Keyed(key, value)
    elif isinstance(items, Iterable):
        yield from items
    else:
        raise ParameterError(Messages.P001.format(
            name="resumes/postings", caller="score_many",
            expected="a document (path, str, bytes, file object, Document, Extraction) or an "
                     "iterable, mapping, pandas Series or DataFrame of them",
            value=type(items).__name__))


def _is_pandas(items: Any, name: str) -> bool:
    """Whether ``items`` is a pandas ``name`` (without importing pandas when nobody has)."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(items, getattr(pd, name))


def _count(items: Any) -> int | None:
    """How many inputs ``items`` holds, when that is known without consuming it."""
    if isinstance(items, _ONE) or hasattr(items, "read"):
        return 1
    return len(items) if isinstance(items, Sized) else None


@dataclass(frozen=True, slots=True)
class _Keyed:
    """An input with the caller's own key, which labels its row (or column)."""

    key: Any
    item: Any


@dataclass(frozen=True, slots=True)
class _Text:
    """A str already classified as the text itself (so no one classifies it again)."""

    text: str


@dataclass(frozen=True, slots=True)
class _Job:
    slot: int
    kind: str
    label: str
    item: Any  # Path, _Text, bytes, Document


def _label(item: Any, index: int, kind: str) -> str:
    if isinstance(item, os.PathLike):
        return str(os.fspath(item))
    if isinstance(item, Document):
        return item.source
    if isinstance(item, Extraction):
        return item.document.source
    name = getattr(item, "name", None) if hasattr(item, "read") else None
    return name if isinstance(name, str) else f"<{kind} {index}>"


def _prepare(item: Any, slot: int, index: int, kind: str, limits: Limits,
             label: str | None = None) -> _Job | Extraction | BatchError:
    """What the parent settles itself (an Extraction, a str that names no file) or a job.
    ``label`` is the caller's key for a keyed input; else the path or ``<kind index>``."""
    if isinstance(item, Extraction):
        if item.kind == kind:
            return item
        item = item.document
    if isinstance(item, str):
        try:
            if classify(item) == "path":
                return _Job(slot, kind, label or item, Path(item))
        except SkillmatchError as exc:
            return BatchError(index, kind, label or item.strip(), type(exc).__name__, str(exc))
        return _Job(slot, kind, label or f"<{kind} {index}>", _Text(item))
    label = label or _label(item, index, kind)
    if hasattr(item, "read") and not isinstance(item, Document):
        try:  # a handle cannot cross to a worker
            data = read_stream(item, limits, label)
        except SkillmatchError as exc:
            return BatchError(index, kind, label, type(exc).__name__, str(exc))
        item = _Text(data) if isinstance(data, str) else data
    return _Job(slot, kind, label, item)


# --------------------------------------------------------------------------- workers


def _extract(extractor: Extractor, config: Config, job: _Job) -> Extraction:
    """Read and extract one input: the same calls whether in this process or a worker."""
    item: Any = io.StringIO(job.item.text) if isinstance(job.item, _Text) else job.item
    return extractor.extract(config.read(item, name=job.label), job.kind,
                             max_seconds=(config.limits or Limits()).max_seconds)


class _Inherited:
    """A value a forked worker inherits from the parent's memory as it is, at no cost; one
    started by spawn gets None (pickling drops it) and builds its own."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Inherited, (None,))


def _start_worker(config: Config, built: _Inherited) -> tuple[Extractor, Config]:
    """A worker's initializer, run once: the parent's built Extractor when forked, else its
    own from the frozen config; either way no document pays for building one."""
    extractor = built.value if isinstance(built.value, Extractor) else config.extractor()
    extractor.extract(config.read("warm up"), "resume")  # build the pipeline now, not per job
    return extractor, config


def _work(state: tuple[Extractor, Config], job: _Job) -> Extraction | BatchError:
    return _guarded(state[0], state[1], job)


def _guarded(extractor: Extractor, config: Config, job: _Job) -> Extraction | BatchError:
    index = job.slot  # rewritten to the per-kind index by the caller
    try:
        return _extract(extractor, config, job)
    except SkillmatchError as exc:
        return BatchError(index, job.kind, job.label, type(exc).__name__, str(exc))
    except Exception as exc:  # a bug of ours must not lose the batch either  # noqa: BLE001
        return BatchError(index, job.kind, job.label, type(exc).__name__,
                          f"unexpected error: {exc}")


def _deadline(limits: Limits) -> float:
    """The parent's hard limit for one document: twice the reader's own, plus a second."""
    return 2 * limits.max_seconds + 1.0


def _from_failure(failure: Failure, job: _Job, limits: Limits) -> BatchError:
    if failure.reason == "died":
        return BatchError(job.slot, job.kind, job.label, "ReaderCrashedError",
                          Messages.B001.format(source=job.label, detail=failure.detail))
    if failure.reason == "deadline":
        return BatchError(job.slot, job.kind, job.label, "DocumentTooLargeError",
                          Messages.B002.format(source=job.label, limit=_deadline(limits)))
    return BatchError(job.slot, job.kind, job.label, "SkillmatchError",
                      f"{job.label}: {failure.detail}")


def _as_exception(error: BatchError) -> SkillmatchError:
    """The exception a BatchError stands for (its class when it is one of ours)."""
    found = getattr(_errors, error.error, None)
    if isinstance(found, type) and issubclass(found, _errors.DocumentError):
        return found(error.message, source=error.source)
    if isinstance(found, type) and issubclass(found, SkillmatchError):
        return found(error.message)
    return SkillmatchError(f"{error.source}: {error.message}")


def _extract_all(
    postings: Any, resumes: Any, *, config: Config, extractor: Extractor | None, workers: int,
    tick: Callable[[int], Any] | None, on_error: str,
) -> tuple[list[Extraction | BatchError], list[tuple[str, int, str]], list[Any]]:
    """Every posting, then every resume: one outcome each, in input order, one pool; and
    each slot's (kind, index, label) and key (the caller's, for keyed inputs)."""
    limits = config.limits or Limits()
    outcomes: list[Extraction | BatchError | None] = []
    where: list[tuple[str, int, str]] = []  # (kind, index within kind, label) per slot
    keys: list[Any] = []  # the caller's key per slot (None when the input had none)

    def settle(slot: int, outcome: Extraction | BatchError) -> None:
        kind, index, _ = where[slot]
        if isinstance(outcome, BatchError):
            outcome = replace(outcome, index=index)
            if on_error == "raise":
                raise _as_exception(outcome)
        outcomes[slot] = outcome
        if tick is not None and kind == "resume":  # the bar counts resumes: its total is known
            tick(1)

    def jobs() -> Iterator[_Job]:
        for kind, items in (("posting", postings), ("resume", resumes)):
            for index, item in enumerate(_inputs(items)):
                slot = len(outcomes)
                outcomes.append(None)
                key = item.key if isinstance(item, _Keyed) else None
                item = item.item if isinstance(item, _Keyed) else item
                label = None if key is None else str(key)
                ready = _prepare(item, slot, index, kind, limits, label)
                where.append((kind, index, ready.label if isinstance(ready, _Job) else (
                    ready.source if isinstance(ready, BatchError) else
                    label or _label(item, index, kind))))
                keys.append(key)
                if isinstance(ready, _Job):
                    yield ready
                else:
                    settle(slot, ready)

    if workers <= 1:
        local = extractor or config.extractor()
        for job in jobs():
            settle(job.slot, _guarded(local, config, job))
    else:
        queued: deque[_Job] = deque()  # sent to the pool, in order; the pool answers in order

        def remember() -> Iterator[_Job]:
            for job in jobs():
                queued.append(job)
                yield job

        for answer in imap(remember(), workers=workers, init=_start_worker,
                           initargs=(config, _Inherited(extractor)), work=_work,
                           deadline=_deadline(limits)):
            job = queued.popleft()
            settle(job.slot, _from_failure(answer, job, limits) if isinstance(answer, Failure)
                   else answer)
    return outcomes, where, keys  # type: ignore[return-value]


# --------------------------------------------------------------------------- the API


def score_many(
    resumes: Any,
    postings: Any,
    *,
    config: Config,
    scorer: Scorer,
    extractor: Extractor | None = None,
    workers: int = 1,
    progress: bool | None = None,
    on_error: str = "collect",
) -> ScoreMatrix:
    """Score every resume against every posting. See :func:`skillmatch.score_many`.

    ``extractor`` is the caller's own, already built (or None): used in this process when
    ``workers == 1``, and inherited by forked workers; the others build theirs from ``config``.
    """
    import numpy as np

    if on_error not in ("collect", "raise"):
        raise ParameterError(Messages.P001.format(
            name="on_error", caller="score_many", expected="'collect' or 'raise'", value=on_error))
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ParameterError(Messages.P001.format(
            name="workers", caller="score_many", expected="an int >= 1", value=workers))
    bar = _progress_bar(progress, _count(resumes))
    try:
        outcomes, where, keys = _extract_all(postings, resumes, config=config, extractor=extractor,
                                       workers=workers, tick=bar.update if bar else None,
                                       on_error=on_error)
    finally:
        if bar is not None:
            bar.close()
    post_ex = [o for o, (kind, _, _) in zip(outcomes, where) if kind == "posting"]
    res_ex = [o for o, (kind, _, _) in zip(outcomes, where) if kind == "resume"]
    errors = tuple(o for o in outcomes if isinstance(o, BatchError))
    profiles = [scorer.profile(e) if isinstance(e, Extraction) else None for e in res_ex]
    posts = [scorer.posting(e) if isinstance(e, Extraction) else None for e in post_ex]
    scores = np.full((len(profiles), len(posts)), np.nan)
    ok_rows = [i for i, p in enumerate(profiles) if p is not None]
    ok_cols = [j for j, p in enumerate(posts) if p is not None]
    if ok_rows and ok_cols:
        chosen_posts = scorer.prepare([posts[j] for j in ok_cols])  # type: ignore[misc]
        for start in range(0, len(ok_rows), _CHUNK):
            rows = ok_rows[start:start + _CHUNK]
            block = scorer.matrix([profiles[i] for i in rows], chosen_posts,  # type: ignore[misc]
                                  components=False)["score"]
            scores[np.ix_(rows, ok_cols)] = block
    labels = {kind: tuple(label for k, _, label in where if k == kind)
              for kind in ("resume", "posting")}
    ids = {kind: tuple(key for (k, _, _), key in zip(where, keys) if k == kind)
           for kind in ("resume", "posting")}
    # a posting that asks nothing to compare is no error of reading, but its column holds no
    # score: say why, as for a document that could not be read (unknown is not zero)
    errors += tuple(BatchError(j, "posting", labels["posting"][j], "NothingToScoreError",
                               Messages.B004.format(source=labels["posting"][j]))
                    for j, p in enumerate(posts) if p is not None and p.asks_nothing)
    return ScoreMatrix(scores, labels["resume"], labels["posting"], errors, scorer,
                       tuple(profiles), tuple(posts), ids["resume"], ids["posting"])


def rank(posting: Any, resumes: Any, *, config: Config, scorer: Scorer,
         extractor: Extractor | None = None, top: int | None = None, workers: int = 1,
         progress: bool | None = None) -> Ranking:
    """Resumes' results against one posting, best first; ties keep input order. A posting
    given as a one-entry mapping (``{"ml-engineer": text}``) is labelled by its key."""
    _check_top(top, "rank")
    if isinstance(posting, Mapping):
        if len(posting) != 1:
            raise ParameterError(Messages.P001.format(
                name="posting", caller="rank", expected="one posting (a mapping of one key)",
                value=f"a mapping of {len(posting)} keys"))
        postings: Any = posting
    else:
        postings = [posting]
    matrix = score_many(resumes, postings, config=config, scorer=scorer, extractor=extractor,
                        workers=workers, progress=progress)
    bad_posting = [e for e in matrix.errors if e.kind == "posting"]
    if bad_posting:
        if bad_posting[0].error == "NothingToScoreError":
            raise NothingToScoreError(bad_posting[0].message, source=bad_posting[0].source)
        raise SkillmatchError(bad_posting[0].message)
    return Ranking((matrix.result(i, 0) for i, _, _ in matrix.top(0, top)), matrix.errors)


def _progress_bar(progress: bool | None, total: int | None) -> Any:
    """A tqdm bar (tqdm.auto: a widget in notebooks) over the resumes, with a total and so an
    ETA when the number of resumes is known."""
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise DependencyError(Messages.D001.format(
            feature="progress=True", package="tqdm", install="skillmatch[progress]")) from None
    return tqdm(total=total, desc="scoring", unit="resume")
