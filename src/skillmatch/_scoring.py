"""Scoring: how well a resume's skills, experience and degrees meet a posting's requirements.

The formula
-----------
A posting becomes requirements, one per skill it asks for (not negated, not boilerplate).
Requirement ``r`` gets the weight::

    w_r = level_r * emphasis_r * market_r * specific_r
    level_r    = Weights.required (1.0) or Weights.preferred (0.5); soft skills * Weights.soft_skill;
                 broad families and fields ("databases", Skill.generic) * Weights.generic
    emphasis_r = 1 + Weights.repeat_bonus * min(mentions_r - 1, 2) + Weights.years_bonus * [years asked]
    market_r   = Weights.demand_floor + (1 - Weights.demand_floor) * sqrt(demand_r)
    specific_r = 1 - Weights.specificity * demand_r

so market demand shapes a weight but never erases it (a skill no corpus measured still counts
``demand_floor``), while specificity lowers what nearly every posting asks (machine learning in
ML postings) below what few ask: together they favour the skills that tell postings apart.
A resume meets a requirement with credit::

    credit_r = max over the resume's skills s of relation(s, r) * years_r
    relation = 1 (the skill), Weights.implied (s implies r: PyTorch for deep learning),
               Weights.alternative (PyTorch for TensorFlow), Weights.broader (r implies s:
               "deep learning" for PyTorch), Weights.sibling (same parent), else 0
    years_r  = clip(resume years / years asked, Weights.years_floor, 1) when the posting asks
               years and the resume shows them (skill years, else total experience)

Components, each in 0..1: required = sum(w*credit)/sum(w) over required skills; preferred the
same over preferred ones, its component weight scaled by min(1, sum(w preferred) / sum(w
required)) so that a posting with two nice-to-haves beside ten requirements does not make them
weigh as much as the ten; experience = min(1, resume years / posting minimum), asked only for
a minimum above 0; education = 1
when the resume's degree meets the posting's (one level short: 0.5, or 0.8 when the posting
says "or equivalent experience" and the experience component is met), times
Weights.field_mismatch when the posting names fields and the resume has none of them. A
component the posting asks nothing of drops out, and so does one the resume gives no evidence
for (no dates or stated years; no degree and no education section): missing evidence is
neutral, not zero. The rest are renormalised, per pair::

    score = 100 * sum(C_c * s_c) / sum(C_c),  C = Weights.components

Everything is numpy over matrices (resumes x skills, postings x skills), so one pair and ten
thousand pairs are scored by the same code and give the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._errors import Messages, ParameterError
from ._extract import Extraction, Mention
from .taxonomy import DEGREE_CATEGORIES, Taxonomy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SCHEMA_VERSION = "1.0"
COMPONENTS = ("required", "preferred", "experience", "education")
_RELATIONS = ("exact", "implied", "alternative", "broader", "sibling")


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
        {"required": 0.6, "preferred": 0.15, "experience": 0.15, "education": 0.10}))

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


@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of text that proves something: where it is and what it says."""

    text: str
    start: int
    end: int
    section: str

    @classmethod
    def of(cls, mention: Mention, document_text: str) -> Evidence:
        """The mention's line, up to about 60 characters either side, cut at whole words and
        marked with "…" where it was cut.

        >>> from skillmatch._extract import Mention
        >>> text = ("We need strong communication skills and the ability to explain complex "
        ...         "concepts to non-technical audiences")
        >>> Evidence.of(Mention("communication", "communication", 15, 28, "skills"), text).text
        'We need strong communication skills and the ability to explain complex concepts to…'
        """
        line_start = document_text.rfind("\n", 0, mention.start) + 1
        line_end = document_text.find("\n", mention.end)
        line_end = len(document_text) if line_end < 0 else line_end
        a = max(line_start, mention.start - 60)
        b = min(line_end, mention.end + 60)
        if a > line_start:  # start at a word
            space = document_text.find(" ", a, mention.start)
            a = space + 1 if space >= 0 else a
        if b < line_end:  # end at a word
            space = document_text.rfind(" ", mention.end, b)
            b = space if space >= 0 else b
        snippet = document_text[a:b].strip()
        snippet = ("…" if a > line_start else "") + snippet + ("…" if b < line_end else "")
        return cls(snippet, mention.start, mention.end, mention.section)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One skill a posting asks for, with its level, weight, years and the text that asks."""

    skill: str
    name: str
    level: str
    weight: float
    years: float | None
    evidence: tuple[Evidence, ...]
    any_of: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()  # the skill's ids in public taxonomies ("onet:...", "esco:...")


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    """How a resume meets one requirement: the credit, through which skill, and the proof."""

    requirement: Requirement
    credit: float
    relation: str | None  # how ``via`` relates to ``member`` (or to the requirement itself)
    via: str | None  # the resume's skill that earns the credit, when not the skill asked
    resume_evidence: tuple[Evidence, ...]
    reason: str
    member: str | None = None  # for an either/or list: the member that earned the credit,
    # when it is not the requirement itself ("Azure" in "AWS, GCP or Azure", met by AWS)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the score: its value (0..1) and its weight after renormalisation."""

    score: float
    weight: float


@dataclass(frozen=True)
class ScoreResult:
    """How well a resume fits a posting, and why. ``score`` is 0..100."""

    score: float
    components: Mapping[str, Component]
    matched: tuple[RequirementMatch, ...]
    partial: tuple[RequirementMatch, ...]
    missing: tuple[RequirementMatch, ...]
    resume: str
    posting: str
    taxonomy: str
    experience: Mapping[str, float | None] = field(default_factory=lambda: MappingProxyType({}))
    education: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    schema_version: str = SCHEMA_VERSION

    def explain(self) -> str:
        """A readable report: the score, what matched, the most valuable gaps, what would help."""
        lines = [f"Score {self.score:.1f}/100 for {self.resume} against {self.posting}"]
        for name, comp in self.components.items():
            lines.append(f"  {name:<11} {comp.score * 100:5.1f}%  (weight {comp.weight:.2f})")
        if self.matched:
            lines.append("Matched: " + ", ".join(
                f"{m.requirement.name}" + _through(m) for m in self.matched))
        if self.partial:
            lines.append("Partial:")
            lines.extend(f"  - {m.requirement.name} [{m.requirement.level}]: {m.reason}"
                         for m in self.partial)
        required_missing = [m for m in self.missing if m.requirement.level == "required"]
        if self.missing:
            lines.append("Missing:")
            for m in self.missing:
                proof = m.requirement.evidence[0].text if m.requirement.evidence else ""
                lines.append(f"  - {m.requirement.name} [{m.requirement.level}] "
                             f"(weight {m.requirement.weight:.2f}): \"{proof}\"")
        top = sorted(self.missing + self.partial,
                     key=lambda m: -m.requirement.weight * (1 - m.credit))[:3]
        if top:
            lines.append("Most valuable to add: " + ", ".join(
                f"{m.requirement.name} (+{self._gain(m):.1f})" for m in top))
        if not required_missing and not self.partial:
            lines.append("Every required skill is shown.")
        return "\n".join(lines)

    def _gain(self, match: RequirementMatch) -> float:
        """Points the score would gain if this requirement were fully met."""
        comp = self.components.get(match.requirement.level)
        if comp is None:
            return 0.0
        group = [m for m in self.matched + self.partial + self.missing
                 if m.requirement.level == match.requirement.level]
        total = sum(m.requirement.weight for m in group) or 1.0
        return 100 * comp.weight * match.requirement.weight * (1 - match.credit) / total

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict with ``schema_version`` (see ``schema.json`` in the package)."""
        def ev(e: Evidence) -> dict[str, Any]:
            return {"text": e.text, "start": e.start, "end": e.end, "section": e.section}

        def req(r: Requirement) -> dict[str, Any]:
            return {"skill": r.skill, "name": r.name, "level": r.level, "weight": r.weight,
                    "years": r.years, "evidence": [ev(e) for e in r.evidence],
                    "any_of": list(r.any_of), "refs": list(r.refs)}

        def match(m: RequirementMatch) -> dict[str, Any]:
            return {"requirement": req(m.requirement), "credit": m.credit, "relation": m.relation,
                    "via": m.via, "member": m.member,
                    "resume_evidence": [ev(e) for e in m.resume_evidence], "reason": m.reason}

        tax_id, _, tax_version = self.taxonomy.partition("@")
        return {
            "schema_version": self.schema_version,
            "score": self.score,
            "components": {k: {"score": c.score, "weight": c.weight}
                           for k, c in self.components.items()},
            "matched": [match(m) for m in self.matched],
            "partial": [match(m) for m in self.partial],
            "missing": [match(m) for m in self.missing],
            "resume": self.resume,
            "posting": self.posting,
            "taxonomy": {"id": tax_id, "version": tax_version},
            "experience": dict(self.experience),
            "education": dict(self.education),
        }

    @staticmethod
    def json_schema() -> dict[str, Any]:
        """The JSON Schema that :meth:`to_dict` output follows (shipped as ``schema.json``)."""
        import json
        from importlib import resources

        text = resources.files("skillmatch").joinpath("schema.json").read_text(encoding="utf-8")
        return dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreResult:
        """Rebuild a result from :meth:`to_dict` output."""
        if str(data.get("schema_version", "")).split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ParameterError(Messages.P001.format(
                name="schema_version", caller="ScoreResult.from_dict",
                expected=f"a {SCHEMA_VERSION.split('.')[0]}.x schema",
                value=data.get("schema_version")))

        def ev(d: Mapping[str, Any]) -> Evidence:
            return Evidence(d["text"], d["start"], d["end"], d["section"])

        def req(d: Mapping[str, Any]) -> Requirement:
            return Requirement(d["skill"], d["name"], d["level"], d["weight"], d["years"],
                               tuple(ev(e) for e in d["evidence"]), tuple(d.get("any_of", ())),
                               tuple(d.get("refs", ())))

        def match(d: Mapping[str, Any]) -> RequirementMatch:
            return RequirementMatch(req(d["requirement"]), d["credit"], d["relation"], d["via"],
                                    tuple(ev(e) for e in d["resume_evidence"]), d["reason"],
                                    d.get("member"))

        tax = data["taxonomy"]
        return cls(
            score=data["score"],
            components=MappingProxyType({k: Component(v["score"], v["weight"])
                                         for k, v in data["components"].items()}),
            matched=tuple(match(m) for m in data["matched"]),
            partial=tuple(match(m) for m in data["partial"]),
            missing=tuple(match(m) for m in data["missing"]),
            resume=data["resume"],
            posting=data["posting"],
            taxonomy=f"{tax['id']}@{tax['version']}",
            experience=MappingProxyType(dict(data.get("experience", {}))),
            education=MappingProxyType(dict(data.get("education", {}))),
            schema_version=data["schema_version"],
        )


# ------------------------------------------------------------------------------ the model


class SkillSpace:
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


@dataclass(frozen=True)
class Profile:
    """A resume as vectors over a SkillSpace."""

    extraction: Extraction
    has: Any  # (k,) 0/1
    years: Any  # (k,) nan where unknown
    experience: float  # nan where unknown
    rank: int
    fields: Any  # (n_fields,) 0/1
    codes: Any = None  # (k,) int8: the best relation code the resume reaches for each skill
    education_known: bool = True  # a degree or an education section: else education is unknown


@dataclass(frozen=True)
class Posting:
    """A posting as vectors over a SkillSpace."""

    extraction: Extraction
    weight_required: Any  # (k,)
    weight_preferred: Any  # (k,)
    years: Any  # (k,) nan where not asked
    min_years: float  # nan when not asked
    rank: int  # 0 when no degree asked
    fields: Any  # (n_fields,) 0/1 (fields asked, with their broader fields)
    or_equivalent: bool
    mentions: Mapping[str, tuple[Mention, ...]]
    groups: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # skill -> its either/or list


@dataclass(frozen=True)
class _Prepared:
    """Postings as matrices: each posting's either/or list columns, and per level (total
    weight, weights over columns, years asked, spread)."""

    postings: tuple[Posting, ...]
    columns: tuple[Mapping[int, int], ...]
    levels: Mapping[str, tuple[Any, Any, tuple[tuple[int, int, float], ...], Any]]
    skill_column: tuple[int, ...] = ()  # skill index -> its kept column (-1: none asks it)
    base_columns: Any = None  # the skills kept, in column order
    group_members: Any = None  # the kept lists' members, concatenated
    group_offsets: Any = None  # where each kept list starts in group_members


class Scorer:
    """Turns extractions into vectors and vectors into scores, for one taxonomy and Weights."""

    def __init__(self, taxonomy: Taxonomy, weights: Weights) -> None:
        self.taxonomy = taxonomy
        self.weights = weights
        self._rows: dict[int, tuple[Any, Any]] = {}

    @cached_property
    def space(self) -> SkillSpace:
        return SkillSpace(self.taxonomy)

    # ------------------------------------------------------------ vectors

    def profile(self, resume: Extraction) -> Profile:
        import numpy as np

        sp = self.space
        has = np.zeros(len(sp.ids))
        years = np.full(len(sp.ids), np.nan)
        for sid, evidence in (*resume.skills.items(), *resume.family_skills.items()):
            i = sp.index.get(sid)
            if i is None:
                continue
            has[i] = 1.0
            if evidence.years is not None:
                years[i] = evidence.years
        fields = np.zeros(len(sp.field_ids))
        for degree in resume.degrees:
            for f in degree.fields:
                for g in (f, *self.taxonomy.broader(f)):
                    if g in sp.field_index:
                        fields[sp.field_index[g]] = 1.0
        exp = resume.experience_years
        codes = self._best_codes([np.flatnonzero(has)])[0]
        known = bool(resume.degrees) or any(
            section.kind == "education" for section in resume.document.sections)
        return Profile(resume, has, years, np.nan if exp is None else float(exp),
                       resume.degree_rank, fields, codes, known)

    def posting(self, posting: Extraction) -> Posting:
        import numpy as np

        sp, w = self.space, self.weights
        req = np.zeros(len(sp.ids))
        pref = np.zeros(len(sp.ids))
        years = np.full(len(sp.ids), np.nan)
        mentions: dict[str, tuple[Mention, ...]] = {}
        grouped: dict[int, list[int]] = {}
        for sid, evidence in (*posting.skills.items(), *posting.family_skills.items()):
            i = sp.index.get(sid)
            asked = tuple(m for m in evidence.mentions if m.level is not None)
            if i is None or not asked:
                continue
            level = "required" if any(m.level == "required" for m in asked) else "preferred"
            years_asked = max((m.years for m in asked if m.years is not None), default=None)
            emphasis = 1 + w.repeat_bonus * min(len(asked) - 1, 2) + (
                w.years_bonus if years_asked is not None else 0.0)
            market = w.demand_floor + (1 - w.demand_floor) * math.sqrt(sp.demand[i])
            specific = 1.0 - w.specificity * sp.demand[i]
            weight = ((w.required if level == "required" else w.preferred) * emphasis * market
                      * specific)
            if sp.soft[i]:
                weight *= w.soft_skill
            if sp.generic[i]:
                weight *= w.generic
            (req if level == "required" else pref)[i] = weight
            if years_asked is not None:
                years[i] = years_asked
            mentions[sid] = asked
            if all(m.group is not None for m in asked):
                grouped.setdefault(asked[0].group, []).append(i)  # type: ignore[arg-type]
        groups: dict[int, tuple[int, ...]] = {}
        for members in grouped.values():
            if len(members) < 2:
                continue
            for W in (req, pref):  # any one will do: the list weighs as much as its heaviest
                share = W[members].max() / len(members)
                W[members] = np.where(W[members] > 0, share, 0.0)
            for i in members:
                groups[i] = tuple(members)
        required_degrees = [d for d in posting.degrees if d.requirement != "preferred"] or list(
            posting.degrees)
        rank = min((d.rank for d in required_degrees), default=0)
        fields = np.zeros(len(sp.field_ids))
        for degree in required_degrees:
            for f in degree.fields:
                if f in sp.field_index:
                    fields[sp.field_index[f]] = 1.0
        or_eq = any(d.or_equivalent for d in posting.degrees)
        min_years = np.nan if posting.min_years is None else float(posting.min_years)
        return Posting(posting, req, pref, years, min_years, rank, fields, or_eq,
                       MappingProxyType(mentions), MappingProxyType(groups))

    # ------------------------------------------------------------ matrices

    @cached_property
    def _codes(self) -> tuple[Any, Any, Any]:
        """The relation kinds as codes 1.. in order of credit (0: none): ``order[code - 1]``
        is the kind's name, ``values[code]`` its credit and ``names[code]`` its index in
        _RELATIONS (-1 for none)."""
        import numpy as np

        w = self.weights
        order = tuple(sorted((name for name in _RELATIONS if w.relation(name) > 0),
                             key=lambda name: (w.relation(name), -_RELATIONS.index(name))))
        values = np.array([0.0] + [w.relation(name) for name in order], dtype=np.float64)
        names = np.array([-1] + [_RELATIONS.index(name) for name in order], dtype=np.int8)
        return order, values, names

    def _row(self, s: int) -> tuple[Any, Any]:
        """Skill ``s``'s sparse row of the code table: (columns, best code for each)."""
        row = self._rows.get(s)
        if row is None:
            import numpy as np

            best: dict[int, int] = {}
            for code, name in enumerate(self._codes[0], start=1):  # better codes overwrite
                for r in self.space.related(name, s):
                    best[r] = code
            cols = np.fromiter(best, dtype=np.int64, count=len(best))
            row = (cols, np.fromiter(best.values(), dtype=np.int8, count=len(best)))
            self._rows[s] = row  # a pure function of s: a race only computes it twice
        return row

    def _best_codes(self, rows: Sequence[Any]) -> Any:
        """For each resume (its skills' indices), the best code over its skills: (n, k) int8."""
        import numpy as np

        out = np.zeros((len(rows), len(self.space.ids)), dtype=np.int8)
        for i, skills in enumerate(rows):
            for s in skills:
                cols, codes = self._row(int(s))
                np.maximum.at(out[i], cols, codes)
        return out

    def credit(self, has: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int8]]:
        """Best relation credit for every skill: (n, k) values and (n, k) _RELATIONS indices."""
        import numpy as np

        _, values, names = self._codes
        codes = self._best_codes([np.flatnonzero(row) for row in has])
        return values[codes], names[codes]

    def prepare(self, postings: Sequence[Posting]) -> _Prepared:
        """Posting-side matrices, built once for any number of resume blocks."""
        import numpy as np

        sp = self.space
        k, m = len(sp.ids), len(postings)
        groups: dict[tuple[int, ...], int] = {}
        for posting in postings:
            for members in posting.groups.values():
                groups.setdefault(tuple(sorted(members)), k + len(groups))
        width = k + len(groups)  # a column per skill, then one per either/or list
        columns = [{r: groups[tuple(sorted(g))] for r, g in posting.groups.items()}
                   for posting in postings]
        levels = {}
        for name, attr in (("required", "weight_required"), ("preferred", "weight_preferred")):
            W = np.array([getattr(p, attr) for p in postings]).reshape(m, k)
            ext = np.zeros((m, width))
            ext[:, :k] = W
            years: dict[tuple[int, int, float], int] = {}
            entries: list[tuple[int, int, float]] = []
            for j, posting in enumerate(postings):
                for r, col in columns[j].items():
                    if W[j, r] > 0:
                        ext[j, col] += W[j, r]
                        ext[j, r] = 0.0
                for asked in np.flatnonzero(~np.isnan(posting.years) & (W[j] > 0)):
                    r = int(asked)
                    key = (columns[j].get(r, r), r, float(posting.years[r]))
                    entries.append((years.setdefault(key, len(years)), j, float(W[j, r])))
            spread = np.zeros((len(years), m))
            for p, j, weight in entries:
                spread[p, j] += weight
            levels[name] = (W.sum(axis=1), ext, tuple(years), spread)
        # Keep only the columns some posting asks for: the matmuls shrink to what is used.
        used = np.zeros(width, dtype=bool)
        for _, ext, asked_years, _ in levels.values():
            used |= ext.any(axis=0)
            used[[col for col, _, _ in asked_years]] = True
        keep = np.flatnonzero(used)
        where = np.full(width, -1)
        where[keep] = np.arange(len(keep))
        levels = {name: (total, ext[:, keep], tuple((int(where[c]), r, a) for c, r, a in years),
                         spread)
                  for name, (total, ext, years, spread) in levels.items()}
        columns = [{r: int(where[c]) for r, c in cols.items()} for cols in columns]
        kept_lists = [list(g) for g, col in groups.items() if used[col]]
        return _Prepared(tuple(postings), tuple(columns), levels,
                         tuple(int(where[r]) for r in range(k)), keep[keep < k],
                         np.array([i for g in kept_lists for i in g], dtype=np.int64),
                         np.cumsum([0] + [len(g) for g in kept_lists[:-1]], dtype=np.int64))

    def _column_codes(self, profiles: Sequence[Profile], prepared: _Prepared) -> Any:
        """(n, kept columns) codes: each resume's own skill codes, then its best code in each
        either/or list (the max over the list's members)."""
        import numpy as np

        own = np.array([p.codes for p in profiles], dtype=np.int8).reshape(len(profiles), -1)
        parts = [own[:, prepared.base_columns]]
        if len(prepared.group_members):
            parts.append(np.maximum.reduceat(own[:, prepared.group_members],
                                             prepared.group_offsets, axis=1))
        return np.concatenate(parts, axis=1)

    def matrix(self, profiles: Sequence[Profile], postings: Sequence[Posting] | _Prepared, *,
               components: bool = True) -> dict[str, Any]:
        """Scores and components for every (resume, posting) pair, as (n, m) arrays.

        ``components=False`` skips rounding and returning the component arrays (the scores are
        computed the same way either way)."""
        import numpy as np

        w = self.weights
        prepared = postings if isinstance(postings, _Prepared) else self.prepare(postings)
        posts = prepared.postings
        n, m = len(profiles), len(posts)
        _, values, _ = self._codes
        codes = self._column_codes(profiles, prepared)
        credit = values[codes]  # (n, k + groups): skills, then either/or lists
        res_years = np.array([p.years for p in profiles]).reshape(n, -1)
        res_exp = np.array([p.experience for p in profiles], dtype=np.float64)
        comps: dict[str, Any] = {}
        present: dict[str, Any] = {}
        for name, (total, ext, years, spread) in prepared.levels.items():
            got = credit @ ext.T  # (n, m)
            if years:  # years asked: scale the credit where the resume shows fewer
                shortfall = np.empty((n, len(years)))
                for p, (col, r, asked) in enumerate(years):
                    factor = self._years_factor(res_years[:, r], res_exp, asked)
                    shortfall[:, p] = credit[:, col] * (factor - 1.0)
                got += shortfall @ spread
            comps[name] = got / np.where(total > 0, total, 1.0)[None, :]
            present[name] = total > 0
        min_years = np.array([p.min_years for p in posts], dtype=np.float64)
        # "0-2 years" asks nothing: any resume meets it. A resume that states no experience is
        # not a resume with none: the component drops out for that pair (missing evidence is
        # neutral), and so does education for a resume that names no degree.
        asks_years = ~np.isnan(min_years) & (np.nan_to_num(min_years) > 0)
        knows_years = ~np.isnan(res_exp)
        shown = np.nan_to_num(res_exp, nan=0.0)[:, None]
        comps["experience"] = np.clip(shown / np.where(asks_years, min_years, 1.0)[None, :], 0, 1)
        comps["experience"] *= asks_years[None, :]
        present["experience"] = asks_years[None, :] & knows_years[:, None]
        comps["education"], present["education"] = self._education(profiles, posts,
                                                                  comps["experience"])
        weights = np.array([[w.components[c]] * m for c in COMPONENTS], dtype=np.float64)
        req_total = prepared.levels["required"][0]
        pref_total = prepared.levels["preferred"][0]
        weights[COMPONENTS.index("preferred")] *= np.where(
            req_total > 0, np.minimum(1.0, pref_total / np.where(req_total > 0, req_total, 1)), 1.0)
        present = {c: np.broadcast_to(present[c], (n, m)) for c in COMPONENTS}
        norm = np.zeros((n, m))
        score = np.zeros((n, m))
        for c, name in enumerate(COMPONENTS):
            part = np.where(present[name], weights[c][None, :], 0.0)
            norm += part
            score += comps[name] * part
        score /= np.where(norm > 0, norm, 1.0)
        return {"score": np.round(100 * score, 4),
                "components": {c: np.round(comps[c], 6) for c in COMPONENTS} if components else {},
                "present": present, "norm": norm, "weights": weights}

    def _years_factor(self, skill_years: Any, total: Any, asked: float) -> Any:
        import numpy as np

        shown = np.where(np.isnan(skill_years), total, skill_years)
        if asked <= 0:
            return np.ones_like(shown)
        factor = np.clip(shown / asked, self.weights.years_floor, 1.0)
        return np.where(np.isnan(shown), 1.0, factor)

    def _education(self, profiles: Sequence[Profile], postings: Sequence[Posting],
                   experience: Any) -> tuple[Any, Any]:
        """Degree level met (1), one short (0.5; 0.8 with "or equivalent experience" and the
        years met), none (0; 0.6 for no degree with "or equivalent" and the years met); times
        field_mismatch when the posting names fields and the resume has none of them."""
        import numpy as np

        w = self.weights
        n, m = len(profiles), len(postings)
        need = np.array([p.rank for p in postings])
        or_eq = np.array([p.or_equivalent for p in postings])
        present = need > 0
        if not present.any():
            return np.zeros((n, m)), np.zeros((n, m), dtype=bool)
        rank = np.array([p.rank for p in profiles])
        ranks = np.arange(5)[:, None]  # every degree rank a resume can have, x postings
        base = np.where(ranks >= need[None, :], 1.0, np.where(ranks == need[None, :] - 1, 0.5, 0.0))
        with_years = np.where(or_eq[None, :] & (ranks == need[None, :] - 1), 0.8, base)
        with_years = np.where(or_eq[None, :] & (ranks == 0), 0.6, with_years)
        level = base[rank]  # (n, m)
        if or_eq.any():
            met = experience >= 1.0
            level = np.where(met, with_years[rank], level)
        pf = np.array([p.fields for p in profiles]).reshape(n, -1)
        qf = np.array([p.fields for p in postings]).reshape(m, -1)
        asks_field = qf.sum(axis=1) > 0
        if asks_field.any():
            mismatch = ((pf @ qf.T) == 0) & asks_field[None, :] & (rank > 0)[:, None]
            level = np.where(mismatch, level * w.field_mismatch, level)
        known = np.array([p.education_known for p in profiles], dtype=bool)
        return level * present[None, :], present[None, :] & known[:, None]

    # ------------------------------------------------------------ one pair, explained

    def result(self, profile: Profile, posting: Posting, numbers: dict[str, Any], i: int,
               j: int) -> ScoreResult:
        """The full ScoreResult of pair (i, j) of a :meth:`matrix` computation."""
        import numpy as np

        sp = self.space
        resume_ex, posting_ex = profile.extraction, posting.extraction
        _, values, names = self._codes
        prepared = self.prepare([posting])
        codes = self._column_codes([profile], prepared)[0]
        own = profile.codes  # per skill, for "via"
        columns = prepared.columns[0]
        items: list[RequirementMatch] = []
        for level, W in (("required", posting.weight_required),
                         ("preferred", posting.weight_preferred)):
            for r in np.flatnonzero(W > 0):
                sid = sp.ids[r]
                years_asked = None if np.isnan(posting.years[r]) else float(posting.years[r])
                members = posting.groups.get(int(r), ())
                requirement = Requirement(
                    sid, self.taxonomy[sid].name, level, round(float(W[r]), 4), years_asked,
                    tuple(Evidence.of(mm, posting_ex.document.text)
                          for mm in posting.mentions.get(sid, ())[:3]),
                    tuple(sp.ids[k] for k in members), self.taxonomy[sid].refs)
                value = float(values[codes[columns.get(int(r), prepared.skill_column[r])]])
                if years_asked is not None:
                    value *= float(self._years_factor(profile.years[r:r + 1],
                                                      np.array([profile.experience]),
                                                      years_asked)[0])
                # the member that earns the credit; the requirement itself when it does as well
                best = max(members, key=lambda k: (own[k], k == r, -k)) if members else int(r)
                items.append(self._match(requirement, best, value, int(names[own[best]]),
                                         profile))
        items.sort(key=lambda mm: (-mm.requirement.weight, mm.requirement.skill))
        comps = {}
        norm = float(numbers["norm"][i, j])
        for c in COMPONENTS:
            if bool(numbers["present"][c][i, j]):
                weight = float(numbers["weights"][COMPONENTS.index(c), j])
                comps[c] = Component(float(numbers["components"][c][i, j]),
                                     round(weight / norm, 6) if norm else 0.0)
        return ScoreResult(
            score=float(numbers["score"][i, j]),
            components=MappingProxyType(comps),
            matched=tuple(mm for mm in items if mm.credit >= 1.0),
            partial=tuple(mm for mm in items if 0 < mm.credit < 1.0),
            missing=tuple(mm for mm in items if mm.credit <= 0),
            resume=resume_ex.document.source,
            posting=posting_ex.document.source,
            taxonomy=f"{self.taxonomy.id}@{self.taxonomy.version}",
            experience=MappingProxyType({
                "resume_years": None if np.isnan(profile.experience) else profile.experience,
                "posting_min_years": None if np.isnan(posting.min_years) else posting.min_years}),
            education=MappingProxyType({
                "resume_degree": {0: None, 1: "associate", 2: "bachelor", 3: "master",
                                  4: "phd"}[profile.rank],
                "posting_degree": {0: None, 1: "associate", 2: "bachelor", 3: "master",
                                   4: "phd"}[posting.rank],
                "or_equivalent": posting.or_equivalent}),
        )

    def _match(self, requirement: Requirement, r: int, credit: float, code: int,
               profile: Profile) -> RequirementMatch:
        """Explain a requirement's credit; ``r`` is the skill (or list member) that earned it."""
        import numpy as np

        sp = self.space
        resume_ex = profile.extraction
        names = [self.taxonomy[k].name for k in requirement.any_of]
        either = f"any of {', '.join(names)} will do; " if names else ""
        if code < 0:
            return RequirementMatch(requirement, 0.0, None, None, (),
                                    f"{either}the resume does not show {requirement.name}"
                                    if not names else f"{either}the resume shows none of them")
        relation = _RELATIONS[code]
        candidates = [sp.ids[s] for s in np.flatnonzero(profile.has)
                      if r in sp.related(relation, int(s))]
        evidences = {**resume_ex.family_skills, **resume_ex.skills}
        via = min(candidates, key=lambda s: (-len(evidences[s].mentions), s))
        evidence = tuple(Evidence.of(mm, resume_ex.document.text)
                         for mm in evidences[via].mentions[:3])
        name = self.taxonomy[via].name
        target = self.taxonomy[sp.ids[r]].name
        reason = either + {
            "exact": f"shown: {name}",
            "implied": f"{name} implies {target}",
            "alternative": f"{name} is an alternative to {target}",
            "broader": f"{name} is a broader kind of {target}",
            "sibling": f"{name} is a related skill of the same kind as {target}",
        }[relation]
        years_asked = requirement.years
        mine = sp.index[requirement.skill]
        if years_asked is not None:
            shown = profile.years[mine] if not np.isnan(profile.years[mine]) else profile.experience
            if not np.isnan(shown) and shown < years_asked:
                reason += f"; {shown:g} of {years_asked:g} years asked"
        member = sp.ids[r] if sp.ids[r] != requirement.skill else None
        exact_self = relation == "exact" and via == sp.ids[r]
        return RequirementMatch(requirement, round(credit, 6), relation,
                                None if exact_self else via, evidence, reason, member)


def _through(m: RequirementMatch) -> str:
    """How a matched requirement was met, for the report: "(any of the list: AWS)"."""
    if m.member:
        return f" (any of the list: {m.member}" + (f", via {m.via})" if m.via else ")")
    return f" (via {m.via})" if m.via else ""


def score_pair(resume: Extraction, posting: Extraction, taxonomy: Taxonomy, weights: Weights,
               scorer: Scorer | None = None) -> ScoreResult:
    """One pair through the same matrices as a batch."""
    scorer = scorer or Scorer(taxonomy, weights)
    profile, post = scorer.profile(resume), scorer.posting(posting)
    numbers = scorer.matrix([profile], [post])
    return scorer.result(profile, post, numbers, 0, 0)


# ------------------------------------------------------------------------------ market fit


@dataclass(frozen=True, slots=True)
class SkillToLearn:
    """A skill the market asks for that the resume does not show, and why it is next."""

    skill: str
    name: str
    demand: float
    closeness: float
    reason: str


@dataclass(frozen=True)
class MarketFit:
    """How well a resume covers the market's most demanded skills, and what to learn next."""

    score: float
    covered: tuple[str, ...]
    to_learn: tuple[SkillToLearn, ...]
    profile_size: int
    taxonomy: str

    def explain(self) -> str:
        lines = [f"Market fit {self.score:.1f}/100 over the {self.profile_size} most demanded skills "
                 f"({self.taxonomy})", "Shows: " + ", ".join(self.covered[:20])]
        lines.append("Learn next:")
        lines.extend(f"  - {s.name} (asked by {s.demand:.0%} of postings): {s.reason}"
                     for s in self.to_learn)
        return "\n".join(lines)


def market_fit(resume: Extraction, taxonomy: Taxonomy, *, top: int = 10,
               profile_size: int = 60, scorer: Scorer | None = None) -> MarketFit:
    """Score a resume against the taxonomy's demand profile (its ``profile_size`` most
    demanded technical skills) and rank the missing ones by demand x closeness."""
    import numpy as np

    scorer = scorer or Scorer(taxonomy, Weights())
    sp = scorer.space
    profile = scorer.profile(resume)
    eligible = [i for i, sid in enumerate(sp.ids)
                if taxonomy[sid].category not in ("soft-skill", "certification")]
    market = sorted(eligible, key=lambda i: (-sp.demand[i], sp.ids[i]))[:profile_size]
    credit, codes = scorer.credit(profile.has.reshape(1, -1))
    demand = sp.demand[market]
    got = credit[0, market]
    score = float(np.round(100 * (demand * got).sum() / max(demand.sum(), 1e-12), 4))
    covered = tuple(taxonomy[sp.ids[i]].name for i in market if credit[0, i] >= 1.0)
    learn: list[SkillToLearn] = []
    for i in market:
        code = int(codes[0, i])
        if credit[0, i] >= 1.0 or (code >= 0 and _RELATIONS[code] == "implied"):
            continue  # shown, or shown through a narrower skill: nothing to learn
        closeness = float(credit[0, i])
        sid = sp.ids[i]
        if code >= 0:
            rel = _RELATIONS[code]
            via = [sp.ids[s] for s in np.flatnonzero(profile.has) if i in sp.related(rel, int(s))]
            reason = f"close to {taxonomy[via[0]].name} ({rel}), which the resume shows"
        else:
            reason = "not related to anything the resume shows yet"
        learn.append(SkillToLearn(sid, taxonomy[sid].name, float(sp.demand[i]), closeness, reason))
    learn.sort(key=lambda s: (-(s.demand * (1 + s.closeness)), s.skill))
    return MarketFit(score, covered, tuple(learn[:top]), len(market),
                     f"{taxonomy.id}@{taxonomy.version}")
