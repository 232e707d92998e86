"""The frozen configuration a :class:`Matcher` hands to batch workers, and what they build from it.

A worker process gets this, not a Matcher or a module global: the loaded taxonomy, the fuzzy
switch, the date "Present" means and the reading limits. Scoring weights stay in the parent,
which scores.

>>> from skillmatch import load_taxonomy
>>> config = Config(load_taxonomy("ml-engineer"), fuzzy=False)
>>> sorted(config.extractor().extract(config.read("Skills: Python, SQL"), "resume").skills)
['python', 'sql']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ._documents import Document, Limits, Source, read
from ._extract import Extractor
from .taxonomy import Taxonomy

__all__ = ["Config"]


@dataclass(frozen=True, slots=True)
class Config:
    """What reading and extraction depend on; picklable, so it can cross to a worker."""

    taxonomy: Taxonomy
    fuzzy: bool = True
    as_of: date | None = None
    limits: Limits | None = None

    def extractor(self) -> Extractor:
        """A new :class:`Extractor` (its spaCy pipeline is built on first use)."""
        return Extractor(self.taxonomy, fuzzy=self.fuzzy, as_of=self.as_of)

    def read(self, source: Source, **kwargs: Any) -> Document:
        """:func:`skillmatch.read` with these limits."""
        kwargs.setdefault("limits", self.limits)
        return read(source, **kwargs)
