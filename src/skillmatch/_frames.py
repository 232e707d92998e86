"""Batch results as pandas DataFrames: one row a pair with its components, counts and gaps.

pandas is an optional extra; everything here imports it through :func:`_pandas`, which says
how to install it.

>>> import skillmatch
>>> m = skillmatch.score_many({"ana": "Skills: Python, SQL", "bo": "Skills: Java"},
...                           {"data": "Requirements\\n- Python\\n- SQL\\n- Docker"})
>>> m.to_frame(long=True)[["resume", "score", "matched", "missing", "top_missing"]]
  resume   score  matched  missing            top_missing
0    ana  65.749        2        1               [Docker]
1     bo   0.000        0        3  [SQL, Docker, Python]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._errors import DependencyError, Messages

if TYPE_CHECKING:
    import pandas

    from ._batch import ScoreMatrix
    from .scoring import ScoreResult

TOP_MISSING = 3  # the heaviest missing requirements named per pair
_CHUNK = 2048  # resumes per numpy block


def _pandas(feature: str) -> Any:
    """pandas, or a DependencyError naming the extra to install."""
    try:
        import pandas as pd
    except ImportError:
        raise DependencyError(Messages.D001.format(
            feature=feature, package="pandas", install="skillmatch[pandas]")) from None
    return pd


def pair_details(matrix: ScoreMatrix, *, top: int = TOP_MISSING) -> dict[str, Any]:
    """Per pair, as (n_resumes, n_postings) arrays: each component (NaN where it drops out
    or a document failed), the number of requirements matched, partly matched and missing
    (-1 for a failed pair), the ``top`` heaviest missing requirements' names (a nested
    list, None for a failed pair), and why a pair has no score (``error``: the failed
    document's error class and message, else None): exactly what ``matrix.result(i, j)`` and
    ``matrix.errors`` say, without building the full results."""
    import numpy as np

    from .scoring import COMPONENTS

    n, m = matrix.scores.shape
    out: dict[str, Any] = {c: np.full((n, m), np.nan) for c in COMPONENTS}
    for name in ("matched", "partial", "missing"):
        out[name] = np.full((n, m), -1, dtype=np.int64)
    gaps: list[list[list[str] | None]] = [[None] * m for _ in range(n)]
    rows = [i for i, p in enumerate(matrix._profiles) if p is not None]
    cols = [j for j, p in enumerate(matrix._postings) if p is not None]
    if rows and cols:
        scorer = matrix._scorer
        posts = [matrix._postings[j] for j in cols]
        prepared = scorer.prepare(posts)  # type: ignore[arg-type]
        asked = [_asked(scorer, post, prepared, k) for k, post in enumerate(posts)]
        for start in range(0, len(rows), _CHUNK):
            block = rows[start:start + _CHUNK]
            profiles = [matrix._profiles[i] for i in block]
            numbers = scorer.matrix(profiles, prepared)  # type: ignore[arg-type]
            for c in COMPONENTS:
                values = np.where(numbers["present"][c], numbers["components"][c], np.nan)
                out[c][np.ix_(block, cols)] = values
            codes = scorer._column_codes(profiles, prepared)  # type: ignore[arg-type]
            years = np.array([p.years for p in profiles]).reshape(len(profiles), -1)  # type: ignore[union-attr]
            total = np.array([p.experience for p in profiles], dtype=np.float64)[:, None]  # type: ignore[union-attr]
            for k, j in enumerate(cols):
                credit = _credits(scorer, codes, years, total, asked[k])
                out["matched"][block, j] = (credit >= 1.0).sum(axis=1)
                out["partial"][block, j] = ((credit > 0) & (credit < 1.0)).sum(axis=1)
                out["missing"][block, j] = (credit <= 0).sum(axis=1)
                names = asked[k]["names"]
                for row, i in enumerate(block):
                    gaps[i][j] = [names[r] for r in np.flatnonzero(credit[row] <= 0)[:top]]
    out["top_missing"] = gaps
    # why a pair has no score: the failed resume's or posting's message (the resume's first)
    errors: list[list[str | None]] = [[None] * m for _ in range(n)]
    for error in sorted(matrix.errors, key=lambda e: e.kind != "resume"):
        cells = ([(error.index, j) for j in range(m)] if error.kind == "resume"
                 else [(i, error.index) for i in range(n)])
        for i, j in cells:
            if errors[i][j] is None:
                errors[i][j] = f"{error.error}: {error.message}"
    out["error"] = errors
    return out


def _asked(scorer: Any, posting: Any, prepared: Any, k: int) -> dict[str, Any]:
    """Posting ``k``'s requirements in the order results list them (heaviest first, then by
    id): skill index, kept column, years asked, display name."""
    import numpy as np

    sp = scorer.space
    weight = posting.weight_required + posting.weight_preferred  # a skill is one or the other
    skills = [int(r) for r in np.flatnonzero(weight > 0)]
    skills.sort(key=lambda r: (-round(float(weight[r]), 4), sp.ids[r]))
    index = np.array(skills, dtype=np.int64)
    columns = prepared.columns[k]
    return {"skills": index,
            "columns": np.array([columns.get(r, prepared.skill_column[r]) for r in skills],
                                dtype=np.int64),
            "years": np.nan_to_num(posting.years[index], nan=0.0),
            "names": [scorer.taxonomy[sp.ids[r]].name for r in skills]}


def _credits(scorer: Any, codes: Any, years: Any, total: Any, asked: dict[str, Any]) -> Any:
    """(resumes, requirements) credit, rounded as results round it: the relation's credit
    (an either/or list's best member) times the years factor, as
    ``Scorer.requirement_credits`` computes it for one pair."""
    import numpy as np

    _, values, _ = scorer._codes
    if not len(asked["skills"]):
        return np.zeros((codes.shape[0], 0))
    credit = values[codes[:, asked["columns"]]]
    credit = credit * scorer._years_factor(years[:, asked["skills"]], total, asked["years"])
    return np.round(credit, 6)


def matrix_frame(matrix: ScoreMatrix, *, long: bool = False) -> pandas.DataFrame:
    """See :meth:`ScoreMatrix.to_frame`."""
    pd = _pandas("ScoreMatrix.to_frame()")
    import numpy as np

    details = pair_details(matrix)
    resumes = _ids(matrix.resumes, matrix._resume_keys)
    postings = _ids(matrix.postings, matrix._posting_keys)
    measures = ["score", *_component_names(), "matched", "partial", "missing", "top_missing",
                "error"]
    n, m = matrix.scores.shape
    if long:
        columns: dict[str, Any] = {
            "resume": np.repeat(np.array(resumes, dtype=object), m),
            "posting": np.tile(np.array(postings, dtype=object), n),
            "score": matrix.scores.reshape(-1)}
        for name in measures[1:]:
            columns[name] = _flat(pd, name, details[name])
        return pd.DataFrame(columns)
    parts = {"score": pd.DataFrame(matrix.scores, index=range(n), columns=range(m))}
    for name in measures[1:]:
        part = pd.DataFrame(details[name], index=range(n), columns=range(m))
        if name in ("matched", "partial", "missing"):  # <NA> for a failed pair, not -1
            part = part.astype("Int64").mask(part < 0)
        parts[name] = part
    wide = pd.concat(parts, axis=1)
    wide.index = pd.Index(resumes, name="resume")
    wide.columns = pd.MultiIndex.from_tuples(
        [(name, postings[j]) for name, j in wide.columns], names=["measure", "posting"])
    return wide


def results_frame(results: Sequence[ScoreResult], *, top: int = TOP_MISSING) -> pandas.DataFrame:
    """Results (of :func:`skillmatch.rank`, say) as one row each, in their order: resume,
    posting, score, the components (NaN where one drops out), counts of matched, partial and
    missing requirements, and the ``top`` heaviest missing ones."""
    pd = _pandas("Ranking.to_frame()")
    rows = []
    for r in results:
        row: dict[str, Any] = {"resume": r.resume, "posting": r.posting, "score": r.score}
        for c in _component_names():
            comp = r.components.get(c)
            row[c] = comp.score if comp is not None else float("nan")
        row.update(matched=len(r.matched), partial=len(r.partial), missing=len(r.missing),
                   top_missing=[mm.requirement.name for mm in r.missing[:top]])
        rows.append(row)
    columns = ["resume", "posting", "score", *_component_names(), "matched", "partial",
               "missing", "top_missing"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="rank")
    return frame


def _component_names() -> tuple[str, ...]:
    from .scoring import COMPONENTS

    return tuple(COMPONENTS)


def _ids(labels: tuple[str, ...], keys: tuple[Any, ...]) -> list[Any]:
    """The caller's keys where every input had one (ints stay ints, for joins), else labels."""
    if keys and all(k is not None for k in keys):
        return list(keys)
    return list(labels)


def _flat(pd: Any, name: str, values: Any) -> Any:
    if name in ("top_missing", "error"):
        return [cell for row in values for cell in row]
    if name in ("matched", "partial", "missing"):
        flat = values.reshape(-1)
        return pd.array([None if v < 0 else int(v) for v in flat], dtype="Int64")
    return values.reshape(-1)
