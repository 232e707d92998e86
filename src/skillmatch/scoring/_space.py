"""A taxonomy as a sparse relation space: which skills give which kind of credit for which."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType

from .._pickling import ReadOnlyPickling
from ..taxonomy import DEGREE_CATEGORIES, Taxonomy


class SkillSpace(ReadOnlyPickling):
    """A taxonomy as indexed skills and sparse relations: a column per skill, and for each
    relation kind the skills that having a skill gives that kind of credit for.

    ``related(name, s)`` are the column indices ``r`` with ``relation[name][s, r] = 1``; nothing
    is dense in the number of skills squared, so 10,000 skills fit in a few megabytes.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        import numpy as np

        self.taxonomy = taxonomy
        self.ids = tuple(s.id for s in taxonomy if s.category not in DEGREE_CATEGORIES)
        self.index = {sid: i for i, sid in enumerate(self.ids)}
        self.field_ids = tuple(s.id for s in taxonomy if s.category == "field")
        self.field_index = {sid: i for i, sid in enumerate(self.field_ids)}
        self.demand = np.array([taxonomy[s].demand for s in self.ids], dtype=np.float64)
        self.soft = np.array([taxonomy[s].category == "soft-skill" for s in self.ids])
        self.generic = np.array([taxonomy[s].generic for s in self.ids])
        children: dict[str, list[int]] = {}
        for s in self.ids:
            for p in taxonomy[s].parents:
                children.setdefault(p, []).append(self.index[s])
        self._children = children

    def related(self, name: str, s: int) -> tuple[int, ...]:
        """Columns ``r`` for which having skill ``s`` gives credit of kind ``name``."""
        tax, index, sid = self.taxonomy, self.index, self.ids[s]
        if name == "exact":
            return (s,)
        if name == "implied":  # s is narrower than r
            return tuple(index[r] for r in tax.implied(sid) if r in index)
        if name == "broader":  # s is a broader kind of r: r has s among its ancestors
            return tuple(index[r] for r in tax.narrower(sid)
                         if r in index and sid in tax.broader(r))
        if name == "alternative":
            own = {index[r] for r in tax[sid].alternatives if r in index}
            return tuple(sorted(own | {index[r] for r in self._alternative_of.get(sid, ())
                                       if r in index}))
        if name == "sibling":
            return tuple(sorted({c for p in tax[sid].parents for c in self._children.get(p, ())
                                 if c != s}))
        raise KeyError(name)

    @cached_property
    def _alternative_of(self) -> Mapping[str, tuple[str, ...]]:
        """Alternatives are symmetric: who names each skill as an alternative."""
        back: dict[str, list[str]] = {}
        for skill in self.taxonomy:
            for r in skill.alternatives:
                back.setdefault(r, []).append(skill.id)
        return MappingProxyType({k: tuple(v) for k, v in back.items()})

