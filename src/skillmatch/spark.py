"""Scoring on Spark: resumes x postings as Spark DataFrames, scored where the data lives.

Needs the spark extra: ``pip install 'skillmatch[spark]'`` (pyspark with its pandas and
pyarrow). The postings are read and extracted once on the driver and broadcast with the
taxonomy and weights; each executor's Python worker builds one :class:`skillmatch.Matcher`
from them (once, however many batches it serves) and scores its resumes with ``mapInPandas``.
Nothing is downloaded at run time: ship skillmatch to the executors as a wheel
(``spark-submit --py-files skillmatch-*.whl`` or a cluster library; the taxonomy travels
inside it and inside the broadcast).

Inputs are DataFrames with an ``id`` column (any type; the output keeps it) and the document
in one or more of: ``text`` (string: the text itself), ``content`` (binary: the file's bytes,
as ``spark.read.format("binaryFile")`` gives them) or ``path`` (string: a file every
executor, and for postings the driver, can read). Each row uses the first of these that is
not null, so one DataFrame can mix pasted texts and uploaded PDFs.

Example (a local session; on a cluster, the same calls)::

    from pyspark.sql import SparkSession
    import skillmatch.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    resumes = spark.createDataFrame([(1, "Skills: Python, SQL")], "id long, text string")
    postings = spark.createDataFrame([("p1", "Requirements\\n- Python")], "id string, text string")
    skillmatch.spark.score(resumes, postings).select("resume_id", "posting_id", "score").show()
    skillmatch.spark.extract(resumes).show()   # skill id arrays per document, for Spark SQL
"""

from __future__ import annotations

import hashlib
import json
import pickle
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ._api import Matcher, _default_matcher
from ._errors import DependencyError, Messages, ParameterError, SkillmatchError
from ._extract import Extraction
from .scoring import COMPONENTS

if TYPE_CHECKING:
    import pandas
    from pyspark.sql import DataFrame

__all__ = ["DOCUMENT_COLUMNS", "extract", "score"]

DOCUMENT_COLUMNS = ("text", "content", "path")  # where a document may be, in this order
_PAIRS = 4096  # pairs per output batch: each carries its JSON result (a few KB)


def score(resumes: DataFrame, postings: DataFrame, *, matcher: Matcher | None = None,
          min_score: float | None = None) -> DataFrame:
    """Every resume against every posting, on Spark; one row a pair.

    Parameters
    ----------
    resumes, postings
        Spark DataFrames with ``id`` and ``text``, ``content`` or ``path`` (see the module).
        Postings are collected to the driver (thousands are fine; they are broadcast).
    matcher
        The configuration (taxonomy, weights, fuzzy, limits, as_of); the default Matcher's
        when None. ``as_of`` is fixed on the driver (today, unless given), so every executor
        counts "Present" to the same day.
    min_score
        Keep only pairs scoring at least this (and failed pairs), before the full results
        are built: at millions x thousands, most pairs are not worth a JSON document.

    Returns
    -------
    DataFrame
        ``resume_id``, ``posting_id`` (the inputs' ids, same types), ``score`` (0..100), the
        components ``required``, ``preferred``, ``experience``, ``education``, ``role``
        (null where one drops out), ``matched``, ``partial``, ``missing`` (arrays of skill
        ids, heaviest first), ``result`` (``ScoreResult.to_dict()`` as JSON, valid against
        ``ScoreResult.json_schema()``; its ``resume`` and ``posting`` are the ids as text)
        and ``error`` (null, or why a document of the pair could not be read: its score and
        components are then null). The same numbers as :func:`skillmatch.score_many`.
    """
    spark_types = _spark()
    base = _configured(matcher)
    resume_columns = _document_columns(resumes, "resumes")
    posting_columns = _document_columns(postings, "postings")
    posted: list[tuple[Any, Extraction | None, str | None]] = []
    for row in postings.select("id", *posting_columns).collect():
        try:
            document = _read(base, row, posting_columns, row["id"])
            posted.append((row["id"], base.extract(document, kind="posting"), None))
        except SkillmatchError as exc:
            posted.append((row["id"], None, f"{type(exc).__name__}: {exc}"))
    payload = _payload(base, tuple(posted))
    shared = resumes.sparkSession.sparkContext.broadcast(payload)
    schema = spark_types.StructType([
        spark_types.StructField("resume_id", resumes.schema["id"].dataType),
        spark_types.StructField("posting_id", postings.schema["id"].dataType),
        spark_types.StructField("score", spark_types.DoubleType()),
        *[spark_types.StructField(c, spark_types.DoubleType()) for c in COMPONENTS],
        *[spark_types.StructField(name, spark_types.ArrayType(spark_types.StringType()))
          for name in ("matched", "partial", "missing")],
        spark_types.StructField("result", spark_types.StringType()),
        spark_types.StructField("error", spark_types.StringType()),
    ])
    step = max(1, _PAIRS // max(1, len(posted)))  # resumes per output batch
    run = _scoring(shared, resume_columns, min_score, step)
    return resumes.select("id", *resume_columns).mapInPandas(run, schema)


def extract(documents: DataFrame, *, kind: str = "resume",
            matcher: Matcher | None = None) -> DataFrame:
    """The skills of each document, as arrays of skill ids, for joins and aggregates in SQL.

    Returns a DataFrame of ``id``, ``skills`` (every skill shown or asked, sorted),
    ``required`` and ``preferred`` (for postings: the skills asked at each level; null for
    resumes), ``families`` (broad families named: context, not skills),
    ``experience_years`` (resumes: total years from dated jobs or stated; postings: the
    minimum asked) and ``error`` (null, or why the document could not be read).
    """
    if kind not in ("resume", "posting"):
        raise ParameterError(Messages.P001.format(
            name="kind", caller="skillmatch.spark.extract", expected="'resume' or 'posting'",
            value=kind))
    t = _spark()
    base = _configured(matcher)
    columns = _document_columns(documents, "documents")
    payload = _payload(base, ())
    shared = documents.sparkSession.sparkContext.broadcast(payload)
    strings = t.ArrayType(t.StringType())
    schema = t.StructType([
        t.StructField("id", documents.schema["id"].dataType),
        t.StructField("skills", strings), t.StructField("required", strings),
        t.StructField("preferred", strings), t.StructField("families", strings),
        t.StructField("experience_years", t.DoubleType()),
        t.StructField("error", t.StringType())])
    return documents.select("id", *columns).mapInPandas(_extracting(shared, columns, kind),
                                                         schema)


# --------------------------------------------------------------------------- the driver


def _spark() -> Any:
    """pyspark's types module, or a DependencyError naming the extra."""
    try:
        from pyspark.sql import types
    except ImportError:
        raise DependencyError(Messages.D001.format(
            feature="skillmatch.spark", package="pyspark", install="skillmatch[spark]")) from None
    return types


def _configured(matcher: Matcher | None) -> Matcher:
    """The caller's configuration with ``as_of`` fixed to a day, so executors agree."""
    m = matcher or _default_matcher()
    return Matcher(m.taxonomy_, weights=m.weights_, fuzzy=m.fuzzy,
                   as_of=m.as_of or date.today(), limits=m.limits)


def _document_columns(frame: DataFrame, name: str) -> list[str]:
    columns = set(frame.columns)
    found = [c for c in DOCUMENT_COLUMNS if c in columns]
    if "id" not in columns or not found:
        raise ParameterError(Messages.P001.format(
            name=name, caller="skillmatch.spark.score",
            expected="a DataFrame with an 'id' column and a 'text', 'content' or 'path' "
                     "column (rename yours with withColumnRenamed)",
            value=f"columns {sorted(columns)}"))
    return found


def _source(row: Any, columns: list[str]) -> Any:
    """A row's document as what :func:`skillmatch.read` takes: bytes, a path, or text (as a
    stream, which is always text, as :func:`skillmatch.score_many` reads a str that names no
    file). The first column that is not null is used."""
    import io
    from pathlib import Path

    column = next((c for c in columns if not _null(row[c])), columns[0])
    value = None if _null(row[column]) else row[column]
    if column == "content":
        return bytes(value or b"")  # empty: read() says so
    if column == "path":
        return Path(str(value or "").removeprefix("file:"))
    return io.StringIO(value or "")


# --------------------------------------------------------------------------- the executors


@dataclass(frozen=True)
class _Payload:
    """What every Python worker needs, broadcast once: the configuration (pickled, with its
    digest as the key workers cache their Matcher by) and the postings' extractions."""

    token: str  # this call
    config_key: str
    config: bytes  # pickled (taxonomy, weights, fuzzy, as_of, limits)
    postings: tuple[tuple[Any, Extraction | None, str | None], ...]


def _payload(base: Matcher, postings: tuple[tuple[Any, Extraction | None, str | None], ...],
             ) -> _Payload:
    config = pickle.dumps((base.taxonomy_, base.weights_, base.fuzzy, base.as_of, base.limits),
                          protocol=pickle.HIGHEST_PROTOCOL)
    return _Payload(uuid.uuid4().hex, hashlib.sha256(config).hexdigest(), config, postings)


@dataclass
class _Worker:
    """One Python worker's postings, prepared once per call."""

    matcher: Matcher
    posting_ids: list[Any]
    ok: dict[int, int]  # posting index -> its column among those that could be read
    posts: list[Any]
    prepared: Any
    errors: list[str | None]


# Per Python worker process (Spark reuses them across tasks): the Matcher of the last
# configuration seen, built once however many calls and batches use it, and the last call's
# postings. Each holds one entry: a new configuration or call replaces the old one.
_MATCHERS: dict[str, Matcher] = {}
_WORKERS: dict[str, _Worker] = {}
_LOCK = threading.Lock()  # Spark runs one task at a time in a worker; this holds if not


def _matcher(payload: _Payload) -> Matcher:
    with _LOCK:
        return _matcher_locked(payload)


def _matcher_locked(payload: _Payload) -> Matcher:
    matcher = _MATCHERS.get(payload.config_key)
    if matcher is None:
        taxonomy, weights, fuzzy, as_of, limits = pickle.loads(payload.config)  # noqa: S301 - our own broadcast
        matcher = Matcher(taxonomy, weights=weights, fuzzy=fuzzy, as_of=as_of, limits=limits)
        _MATCHERS.clear()
        _MATCHERS[payload.config_key] = matcher
    return matcher


def _worker(payload: _Payload) -> _Worker:
    """This process's worker for ``payload``, built on its first batch only."""
    with _LOCK:
        return _worker_locked(payload)


def _worker_locked(payload: _Payload) -> _Worker:
    worker = _WORKERS.get(payload.token)
    if worker is None:
        matcher = _matcher_locked(payload)
        scorer = matcher._scorer
        ok = [j for j, (_, ex, _) in enumerate(payload.postings) if ex is not None]
        posts = [scorer.posting(payload.postings[j][1]) for j in ok]  # type: ignore[arg-type]
        columns = {j: col for col, j in enumerate(ok)}
        worker = _Worker(matcher, [pid for pid, _, _ in payload.postings], columns, posts,
                         scorer.prepare(posts) if posts else None,
                         [err for _, _, err in payload.postings])
        _WORKERS.clear()
        _WORKERS[payload.token] = worker
    return worker


def _scoring(shared: Any, columns: list[str], min_score: float | None, step: int,
             ) -> Callable[[Iterator[pandas.DataFrame]], Iterator[pandas.DataFrame]]:
    def run(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        worker = _worker(shared.value)
        for batch in batches:  # Arrow batches hold up to 10,000 resumes: bound the output
            for start in range(0, len(batch), step):
                yield _score_batch(worker, batch.iloc[start:start + step], columns, min_score)
    return run


def _score_batch(worker: _Worker, batch: pandas.DataFrame, sources: list[str],
                 min_score: float | None) -> pandas.DataFrame:
    """One Arrow batch of resumes against every posting."""
    import numpy as np
    import pandas as pd

    from .scoring import explain_pair

    matcher, scorer = worker.matcher, worker.matcher._scorer
    ids = list(batch["id"])
    profiles: list[Any] = []
    failed: dict[int, str] = {}
    for i, (_, cells) in enumerate(batch.iterrows()):
        try:
            ex = matcher.extract(_read(matcher, cells, sources, ids[i]), kind="resume")
            profiles.append(scorer.profile(ex))
        except SkillmatchError as exc:
            failed[i] = f"{type(exc).__name__}: {exc}"
            profiles.append(None)
    good = [i for i, p in enumerate(profiles) if p is not None]
    numbers = (scorer.matrix([profiles[i] for i in good], worker.prepared)
               if good and worker.posts else None)
    where = {i: k for k, i in enumerate(good)}
    columns = ["resume_id", "posting_id", "score", *COMPONENTS, "matched", "partial", "missing",
               "result", "error"]
    rows: list[dict[str, Any]] = []
    for i, rid in enumerate(ids):
        for j, pid in enumerate(worker.posting_ids):
            error = failed.get(i) or worker.errors[j]
            row: dict[str, Any] = dict.fromkeys(columns)  # None, not NaN: null in Spark
            row.update(resume_id=rid, posting_id=pid, error=error)
            if error is None:
                k, col = where[i], worker.ok[j]
                value = float(numbers["score"][k, col])  # type: ignore[index]
                if min_score is not None and value < min_score:
                    continue
                result = explain_pair(scorer, profiles[i], worker.posts[col], numbers,  # type: ignore[arg-type]
                                      k, col)
                row.update(score=result.score, result=json.dumps(result.to_dict()),
                           matched=[m.requirement.skill for m in result.matched],
                           partial=[m.requirement.skill for m in result.partial],
                           missing=[m.requirement.skill for m in result.missing])
                for c in COMPONENTS:
                    comp = result.components.get(c)
                    row[c] = None if comp is None else comp.score
            rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("score", *COMPONENTS):
        frame[c] = frame[c].astype(np.float64)
    return frame


def _null(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def _read(matcher: Matcher, row: Any, columns: list[str], label: Any) -> Any:
    return matcher.read(_source(row, columns), name=str(label))


def _extracting(shared: Any, sources: list[str], kind: str,
                ) -> Callable[[Iterator[pandas.DataFrame]], Iterator[pandas.DataFrame]]:
    def run(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        matcher = _matcher(shared.value)
        for batch in batches:
            yield _extract_batch(matcher, batch, sources, kind)
    return run


def _extract_batch(matcher: Matcher, batch: pandas.DataFrame, sources: list[str],
                   kind: str) -> pandas.DataFrame:
    import pandas as pd

    columns = ["id", "skills", "required", "preferred", "families", "experience_years", "error"]
    rows = []
    for rid, (_, cells) in zip(list(batch["id"]), batch.iterrows(), strict=True):
        row: dict[str, Any] = dict.fromkeys(columns)
        row["id"] = rid
        try:
            ex = matcher.extract(_read(matcher, cells, sources, rid), kind=kind)
        except SkillmatchError as exc:
            row["error"] = f"{type(exc).__name__}: {exc}"
            rows.append(row)
            continue
        row.update(skills=sorted(ex.skills), families=sorted(ex.family_skills), error=None)
        if kind == "posting":
            levels = {sid: {m.level for m in ev.mentions if m.level is not None}
                      for sid, ev in ex.skills.items()}
            row["required"] = sorted(s for s, lv in levels.items() if "required" in lv)
            row["preferred"] = sorted(s for s, lv in levels.items() if lv == {"preferred"})
            row["experience_years"] = ex.min_years
        else:
            row["experience_years"] = ex.experience_years
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    frame["experience_years"] = frame["experience_years"].astype("float64")
    return frame
