"""Demand: the share of a corpus of postings that asks for each skill, as the seed articles measured.

A posting asks for a skill when it mentions it, not negated, outside company boilerplate
(About us, Benefits, EEO). Each posting counts once per skill; identical texts count once.

>>> report = measure_demand(["Requirements: Python, SQL", "Must know Python", "Python or R"])
>>> report.n, report.share("python"), report.share("sql")
(3, 1.0, 0.333)
"""

from __future__ import annotations

import csv
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ._errors import Messages, ParameterError

if TYPE_CHECKING:
    from ._api import Matcher


@dataclass(frozen=True)
class DemandReport:
    """How many of ``n`` postings ask for each skill; ``source`` labels the corpus."""

    n: int
    counts: Mapping[str, int]
    source: str = "corpus"

    def share(self, skill_id: str) -> float:
        """The share of postings asking for ``skill_id``, rounded to 3 places."""
        return round(self.counts.get(skill_id, 0) / self.n, 3) if self.n else 0.0

    def most_common(self, k: int | None = None) -> list[tuple[str, float]]:
        ranked = sorted(self.counts, key=lambda s: (-self.counts[s], s))
        return [(s, self.share(s)) for s in ranked[:k]]

    def citation(self, skill_id: str) -> str:
        return (f"corpus: {self.source}, {self.n} unique postings, {self.counts.get(skill_id, 0)} "
                f"ask for it ({self.share(skill_id):.1%}); measured by `skillmatch demand`")


def measure_demand(postings: Iterable[str | Path], *, matcher: Matcher | None = None,
                   source: str = "corpus") -> DemandReport:
    """Measure each skill's share of ``postings`` (texts); duplicates count once.

    Parameters
    ----------
    postings
        Posting texts (or anything :func:`skillmatch.read` accepts).
    matcher
        The :class:`Matcher` whose taxonomy defines the skills (default: the default one).
    source
        A label for citations, e.g. the corpus file name.
    """
    from ._api import _default_matcher

    matcher = matcher or _default_matcher()
    seen: set[str] = set()
    counts: Counter[str] = Counter()
    n = 0
    for posting in postings:
        key = posting.strip() if isinstance(posting, str) else None
        if key is not None:
            if not key or key in seen:
                continue
            seen.add(key)
        extraction = matcher.extract(posting + "\n" if isinstance(posting, str) else posting,
                                     kind="posting")
        # families ("databases", "algorithms") are asked for too: kept apart from the skills
        # in an Extraction, but a posting that names one asks for it
        asked = {m.skill for m in (*extraction.mentions, *extraction.families)
                 if not m.negated and m.level is not None}
        asked |= {f"degree-{d.level}" for d in extraction.degrees}
        fields = {f for d in extraction.degrees for f in d.fields}
        # A field counts for its broader field too, as the articles count "engineering".
        asked |= fields | {b for f in fields for b in matcher.taxonomy_.broader(f)}
        counts.update(asked)
        n += 1
    return DemandReport(n, MappingProxyType(dict(counts)), source)


def iter_postings(paths: Iterable[str | Path], *,
                  column: str = "description") -> Iterator[str | Path]:
    """Posting texts from CSV files (one posting a row), text files, or folders of them; a
    PDF or DOCX posting is given as its path (:func:`measure_demand` reads it).

    A CSV row with a field over the csv module's limit (131,072 characters) is skipped with a
    warning: the limit is the process's, not this library's to raise."""
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".csv":
                yield from _csv_postings(file, column)
            elif suffix in (".txt", ".md", ".html", ".htm"):
                yield file.read_text(encoding="utf-8", errors="replace")
            elif suffix in (".pdf", ".docx"):
                yield file


def _csv_postings(file: Path, column: str) -> Iterator[str]:
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise ParameterError(Messages.P001.format(
                name="column", caller=f"demand ({file})",
                expected=f"a column of the CSV ({', '.join(reader.fieldnames or [])})",
                value=column))
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader goes on with the next row
                warnings.warn(f"{file}, line {reader.line_num}: {exc}; the row is skipped",
                              stacklevel=2)
                continue
            yield row[column]


def write_demand_csv(target: Path, report: DemandReport, skill_ids: Iterable[str]) -> int:
    """Write the measured demand of ``skill_ids`` as ``id,demand,demand_source`` rows.

    ``target`` is a taxonomy folder (its ``demand.csv``, used for every skill whose own file
    gives no demand: the articles' figures in the TOML keep winning) or a ``.csv`` path.
    Returns the number of rows written.
    """
    path = target / "demand.csv" if target.is_dir() else target
    rows = sorted(set(skill_ids))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "demand", "demand_source"])
        for skill_id in rows:
            writer.writerow([skill_id, report.share(skill_id), report.citation(skill_id)])
    return len(rows)
