"""Weights: every number the scorer uses, with how each default was chosen."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .._errors import Messages, ParameterError

COMPONENTS = ("required", "preferred", "experience", "education", "role")
RELATIONS = ("exact", "implied", "alternative", "broader", "sibling")


@dataclass(frozen=True, slots=True)
class Weights:
    """Every number the scorer uses, in one immutable place. Replace with ``dataclasses.replace``.

    How each default was chosen ("graded set": NDCG@10 on benchmarks/labels/relevance, 20
    postings; run ``python benchmarks/relevance.py``; differences under ~0.01 are noise there):

    - ``required`` 1.0, ``preferred`` 0.5: a nice-to-have is worth half a must-have (by hand).
    - ``soft_skill`` 0.5: soft skills every resume claims count half (graded set: 0.25 and 0.5
      tie at 0.797, 1.0 gives 0.778, 0.0 gives 0.793).
    - ``generic`` 0.3: broad families ("databases") are weak context (graded set: 0.0 gives
      0.786, 0.3 gives 0.797, 0.6 gives 0.806 - kept low so that a family never outweighs
      the specific skills it stands for).
    - ``specificity`` 0.5: a requirement's weight times ``1 - specificity x demand``, so what
      almost every posting asks (machine learning, 0.94) weighs less than what few ask (graded
      set: 0.0 gives 0.797, 0.3 gives 0.811, 0.5 gives 0.815, 0.8 gives 0.808).
    - ``demand_floor`` 0.5: market demand shapes a weight (``floor + (1 - floor) x
      sqrt(demand)``) but never erases it; with specificity 0.5, 1.0 gives 0.797.
    - ``repeat_bonus``/``years_bonus`` 0.25: emphasis by repetition and asked years (by hand).
    - ``implied`` 0.9, ``alternative`` 0.5, ``broader`` 0.3, ``sibling`` 0.25: partial credit
      by relation, ordered by how much the resume's skill shows the one asked (by hand).
    - ``years_floor`` 0.4, ``field_mismatch`` 0.7: the least credit for too few years, and the
      education credit kept when the degree's field is not one asked (by hand).
    - ``components``: required 0.6, preferred 0.15, experience 0.15, education 0.10 (graded
      set: skills only 0.786, experience 0.25 gives 0.799, required 0.7 with the rest lower
      0.785).
    - ``components["role"]`` 0.10: the resume's headline or latest job title against the
      posting's title, as O*NET occupations (``skillmatch._roles``); absent when either side
      names no known title (graded set, postings with their titles: role 0 gives 0.788, 0.05
      0.801, 0.10 0.800, 0.15 0.801, 0.25 0.773, 0.40 0.740 - kept low: titles are noisy, and
      SOC puts managers apart from the field they manage).

    >>> from dataclasses import replace
    >>> replace(Weights(), preferred=0.3).preferred
    0.3
    """

    required: float = 1.0
    preferred: float = 0.5
    soft_skill: float = 0.5
    generic: float = 0.3
    specificity: float = 0.5
    repeat_bonus: float = 0.25
    years_bonus: float = 0.25
    demand_floor: float = 0.5
    implied: float = 0.9
    alternative: float = 0.5
    broader: float = 0.3
    sibling: float = 0.25
    years_floor: float = 0.4
    field_mismatch: float = 0.7
    components: Mapping[str, float] = field(default_factory=lambda: MappingProxyType(
        {"required": 0.6, "preferred": 0.15, "experience": 0.15, "education": 0.10,
         "role": 0.10}))

    def __post_init__(self) -> None:
        for name in ("required", "preferred", "soft_skill", "generic", "specificity",
                     "repeat_bonus", "years_bonus",
                     "demand_floor", "implied", "alternative", "broader", "sibling",
                     "years_floor", "field_mismatch"):
            value = getattr(self, name)
            limit = math.inf if name in ("required", "preferred", "repeat_bonus", "years_bonus") else 1
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= limit:
                raise ParameterError(Messages.P001.format(
                    name=name, caller="Weights",
                    expected=f"a number from 0 to {limit}", value=value))
        comps = dict(self.components)
        if set(comps) != set(COMPONENTS) or any(
                isinstance(v, bool) or not isinstance(v, int | float) or v < 0 for v in comps.values()):
            raise ParameterError(Messages.P001.format(
                name="components", caller="Weights",
                expected=f"a mapping of each of {COMPONENTS} to a number >= 0", value=comps))
        object.__setattr__(self, "components", MappingProxyType(comps))

    def __reduce__(self) -> tuple[Any, ...]:  # for worker processes: mappingproxy does not pickle
        from dataclasses import fields

        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["components"] = dict(self.components)
        return (_rebuild_weights, (values,))

    def relation(self, name: str) -> float:
        return 1.0 if name == "exact" else float(getattr(self, name))


def _rebuild_weights(values: dict[str, Any]) -> Weights:
    return Weights(**values)


# ------------------------------------------------------------------------------ results
