"""Batch scoring: many resumes against many postings, each document read and extracted once.

>>> import skillmatch
>>> m = skillmatch.score_many(["Skills: Python, SQL", "Skills: Java"],
...                           ["Requirements\\n- Python\\n- SQL", "Requirements\\n- Java"])
>>> m.scores.shape, m.top(0, 1)[0][0]
((2, 2), 0)
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._documents import Document
from ._errors import DependencyError, Messages, ParameterError, SkillmatchError
from ._extract import Extraction

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas

    from ._api import Matcher
    from .scoring import Posting, Profile, ScoreResult

_DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm",
                                ".text", ".rst"})
_CHUNK = 2048  # resumes scored per numpy block: bounds memory at about 2048 x postings x 8 bytes x 6


@dataclass(frozen=True, slots=True)
class BatchError:
    """One input that could not be read or extracted, and why."""

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
    _matcher: Matcher = field(repr=False)
    _profiles: tuple[Profile | None, ...] = field(repr=False, default=())
    _postings: tuple[Posting | None, ...] = field(repr=False, default=())

    def result(self, i: int, j: int) -> ScoreResult:
        """The explained result of resume ``i`` against posting ``j``."""
        profile, posting = self._profiles[i], self._postings[j]
        if profile is None or posting is None:
            failed = [e for e in self.errors if (e.kind, e.index) in (("resume", i), ("posting", j))]
            raise ParameterError(
                f"Pair ({i}, {j}) has no score: {failed[0].source} failed: {failed[0].message}")
        from .scoring import explain_pair

        scorer = self._matcher._scorer
        numbers = scorer.matrix([profile], [posting])
        return explain_pair(scorer, profile, posting, numbers, 0, 0)

    def top(self, j: int, k: int | None = None) -> list[tuple[int, str, float]]:
        """The best resumes for posting ``j``: (index, source, score), ties in input order."""
        import numpy as np

        column = self.scores[:, j]
        order = sorted((i for i in range(len(column)) if not np.isnan(column[i])),
                       key=lambda i: (-column[i], i))
        return [(i, self.resumes[i], float(column[i])) for i in order[:k]]

    def to_frame(self, *, long: bool = False) -> pandas.DataFrame:
        """A pandas DataFrame: resumes x postings (or one row a pair with ``long=True``)."""
        try:
            import pandas as pd
        except ImportError:
            raise DependencyError(Messages.D001.format(
                feature="ScoreMatrix.to_frame()", package="pandas",
                install="skillmatch[pandas]")) from None
        wide = pd.DataFrame(self.scores, index=pd.Index(self.resumes, name="resume"),
                            columns=pd.Index(self.postings, name="posting"))
        if not long:
            return wide
        frame = wide.stack(dropna=False) if _stack_takes_dropna(pd) else wide.stack()
        return frame.rename("score").reset_index()


def _stack_takes_dropna(pd: Any) -> bool:
    return tuple(int(x) for x in pd.__version__.split(".")[:1]) < (3,)


# --------------------------------------------------------------------------- inputs


def expand(items: Any) -> Iterator[Any]:
    """Flatten inputs: a directory gives its documents, a glob its matches; the rest as is.

    A single path, text or Document is one input; any other iterable is consumed lazily.
    """
    if isinstance(items, str | bytes | os.PathLike | Document | Extraction):
        items = [items]
    for item in items:
        if isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item
                                             and len(item) < 1000):
            path = Path(item)
            if path.is_dir():
                yield from sorted(p for p in path.rglob("*")
                                  if p.is_file() and p.suffix.lower() in _DOCUMENT_SUFFIXES)
                continue
            if isinstance(item, str) and any(ch in item for ch in "*?[") and not path.exists():
                yield from sorted(Path(p) for p in glob.glob(item, recursive=True))
                continue
        yield item


def _label(item: Any, index: int, kind: str) -> str:
    if isinstance(item, os.PathLike | Path):
        return str(item)
    if isinstance(item, Document):
        return item.source
    if isinstance(item, Extraction):
        return item.document.source
    if isinstance(item, str) and "\n" not in item and len(item) < 300 and (
            Path(item).suffix or item.endswith(("/", "\\"))):
        return item
    return f"<{kind} {index}>"


# --------------------------------------------------------------------------- workers

_WORKER: dict[str, Any] = {}


def _init_worker(config: dict[str, Any]) -> None:
    from ._api import Matcher

    _WORKER["matcher"] = Matcher(**config)


def _extract_one(job: tuple[int, Any, str, str]) -> tuple[int, Extraction | None, BatchError | None]:
    index, item, kind, label = job
    matcher = _WORKER["matcher"]
    try:
        if isinstance(item, str | bytes) and label.startswith("<"):
            item = matcher.read(item, name=label)
        return index, matcher.extract(item, kind=kind), None
    except SkillmatchError as exc:
        return index, None, BatchError(index, kind, label, type(exc).__name__, str(exc))
    except Exception as exc:  # a bug of ours must not lose the batch either  # noqa: BLE001
        return index, None, BatchError(index, kind, label, type(exc).__name__,
                                       f"unexpected error: {exc}")


def _extract_all(
    items: Iterable[Any], kind: str, matcher: Matcher, workers: int,
    progress: Callable[[int], None] | None, on_error: str,
) -> tuple[list[Extraction | None], list[str], list[BatchError]]:
    jobs = ((i, item, kind, _label(item, i, kind)) for i, item in enumerate(expand(items)))
    results: list[Extraction | None] = []
    labels: list[str] = []
    errors: list[BatchError] = []

    def take(index: int, ex: Extraction | None, err: BatchError | None, label: str) -> None:
        if err is not None:
            if on_error == "raise":
                raise SkillmatchError(f"{err.source}: {err.message}")
            errors.append(err)
        results.append(ex)
        labels.append(label)
        if progress:
            progress(1)

    if workers <= 1:
        _WORKER["matcher"] = matcher
        for job in jobs:
            take(*_extract_one(job), job[3])
        return results, labels, errors
    config = {"taxonomy": matcher.taxonomy_, "weights": matcher.weights_, "fuzzy": matcher.fuzzy,
              "as_of": matcher.as_of or date.today(), "limits": matcher.limits}
    job_list = list(jobs)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(config,)) as pool:
        for job, (index, ex, err) in zip(job_list, pool.map(_extract_one, job_list, chunksize=4)):
            take(index, ex, err, job[3])
    return results, labels, errors


# --------------------------------------------------------------------------- the API


def score_many(
    resumes: Any,
    postings: Any,
    *,
    matcher: Matcher,
    workers: int = 1,
    progress: bool | None = None,
    on_error: str = "collect",
) -> ScoreMatrix:
    """Score every resume against every posting. See :func:`skillmatch.score_many`."""
    import numpy as np

    if on_error not in ("collect", "raise"):
        raise ParameterError(Messages.P001.format(
            name="on_error", caller="score_many", expected="'collect' or 'raise'", value=on_error))
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ParameterError(Messages.P001.format(
            name="workers", caller="score_many", expected="an int >= 1", value=workers))
    bar = _progress_bar(progress)
    tick = bar.update if bar is not None else None
    try:
        post_ex, post_labels, post_errors = _extract_all(postings, "posting", matcher, workers,
                                                         tick, on_error)
        res_ex, res_labels, res_errors = _extract_all(resumes, "resume", matcher, workers, tick,
                                                      on_error)
    finally:
        if bar is not None:
            bar.close()
    scorer = matcher._scorer
    profiles = [scorer.profile(e) if e is not None else None for e in res_ex]
    posts = [scorer.posting(e) if e is not None else None for e in post_ex]
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
    return ScoreMatrix(scores, tuple(res_labels), tuple(post_labels),
                       tuple(post_errors + res_errors), matcher, tuple(profiles), tuple(posts))


def rank(posting: Any, resumes: Any, *, matcher: Matcher, top: int | None = None,
         workers: int = 1, progress: bool | None = None) -> list[ScoreResult]:
    """Resumes' results against one posting, best first; ties keep input order."""
    matrix = score_many(resumes, [posting], matcher=matcher, workers=workers, progress=progress)
    if matrix.errors and all(e.kind == "posting" for e in matrix.errors):
        raise SkillmatchError(matrix.errors[0].message)
    return [matrix.result(i, 0) for i, _, _ in matrix.top(0, top)]


def _progress_bar(progress: bool | None) -> Any:
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise DependencyError(Messages.D001.format(
            feature="progress=True", package="tqdm", install="skillmatch[progress]")) from None
    return tqdm(desc="reading", unit="doc")

