"""Demand: the share of a corpus of postings that asks for each skill, as the seed articles measured.

A posting asks for a skill when it mentions it, not negated, outside company boilerplate
(About us, Benefits, EEO). Each posting counts once per skill; identical texts count once.

>>> report = measure_demand(["Requirements: Python, SQL", "Must know Python", "Python or R"])
>>> report.n, report.share("python"), report.share("sql")
(3, 1.0, 0.333)
"""

from __future__ import annotations

import csv
import re
import sys
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


def measure_demand(postings: Iterable[str], *, matcher: Matcher | None = None,
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
        asked = {m.skill for m in extraction.mentions if not m.negated and m.level is not None}
        asked |= {f"degree-{d.level}" for d in extraction.degrees}
        fields = {f for d in extraction.degrees for f in d.fields}
        # A field counts for its broader field too, as the articles count "engineering".
        asked |= fields | {b for f in fields for b in matcher.taxonomy_.broader(f)}
        counts.update(asked)
        n += 1
    return DemandReport(n, MappingProxyType(dict(counts)), source)


def iter_postings(paths: Iterable[str | Path], *, column: str = "description") -> Iterator[str]:
    """Posting texts from CSV files (one posting a row), text files, or folders of them."""
    csv.field_size_limit(sys.maxsize)
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".csv":
                with file.open(encoding="utf-8-sig", newline="") as handle:
                    reader = csv.DictReader(handle)
                    if reader.fieldnames is None or column not in reader.fieldnames:
                        raise ParameterError(Messages.P001.format(
                            name="column", caller=f"demand ({file})",
                            expected=f"a column of the CSV ({', '.join(reader.fieldnames or [])})",
                            value=column))
                    for row in reader:
                        yield row[column]
            elif file.suffix.lower() in (".txt", ".md", ".html", ".htm"):
                yield file.read_text(encoding="utf-8", errors="replace")


_BLOCK = re.compile(r"(?ms)^\[\[skill\]\]\n.*?(?=^\[\[skill\]\]|^# =|\Z)")
_ID_LINE = re.compile(r'^id = "([^"]+)"$', re.M)
_DEMAND_LINES = re.compile(r'^demand = .*\n^demand_source = .*\n', re.M)
_SOURCE_LINE = re.compile(r'^demand_source = "(.*)"$', re.M)


def fill_taxonomy_text(text: str, report: DemandReport, *, overwrite: bool = False) -> str:
    """Write corpus demand into a taxonomy file's text, keeping its comments and layout.

    Skills whose demand comes from elsewhere (an article's figure) keep it unless
    ``overwrite``; skills with no demand, or one measured on a corpus before, get the report's.
    """

    def fix(block: re.Match[str]) -> str:
        body = block.group(0)
        found = _ID_LINE.search(body)
        if not found:
            return body
        source = _SOURCE_LINE.search(body)
        measured_elsewhere = source is not None and not source.group(1).startswith(
            ("corpus:", "default"))
        if measured_elsewhere and not overwrite:
            return body
        skill_id = found.group(1)
        lines = (f"demand = {report.share(skill_id)}\n"
                 f'demand_source = "{report.citation(skill_id)}"\n')
        body = _DEMAND_LINES.sub("", body)
        stripped = body.rstrip("\n")
        return stripped + "\n" + lines + body[len(stripped) + 1:]

    return _BLOCK.sub(fix, text)
