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
neutral, not zero. role = how close the resume's headline or latest job title is to the
posting's title (the first line), as O*NET occupations (``skillmatch._roles.role_similarity``:
1 for the same occupation, 0.75 / 0.5 / 0.25 for the same SOC broad / minor / major group,
averaged over the occupations a title names); it drops out when either names no known title.
The rest are renormalised, per pair::

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

from .._extract import Extraction, Mention
from .._pickling import ReadOnlyPickling
from ..taxonomy import Taxonomy
from .._roles import Role, RoleIndex, role_similarity
from ._space import SkillSpace
from ._weights import COMPONENTS, RELATIONS, Weights

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True)
class Profile(ReadOnlyPickling):
    """A resume as vectors over a SkillSpace."""

    extraction: Extraction
    has: Any  # (k,) 0/1
    years: Any  # (k,) nan where unknown
    experience: float  # nan where unknown
    rank: int
    fields: Any  # (n_fields,) 0/1
    codes: Any = None  # (k,) int8: the best relation code the resume reaches for each skill
    education_known: bool = True  # a degree or an education section: else education is unknown
    role: Role | None = None  # the headline's or latest job title's occupations (maybe vague)


@dataclass(frozen=True)
class Posting(ReadOnlyPickling):
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
    role: Role | None = None  # the title's occupations (maybe vague: shown, not compared)

    @property
    def asks_nothing(self) -> bool:
        """No skill, years, degree or job title that a resume could be compared with: a
        posting in another language or field, or text that is no posting at all."""
        import math

        return (not self.weight_required.any() and not self.weight_preferred.any()
                and (math.isnan(self.min_years) or self.min_years <= 0) and self.rank == 0
                and (self.role is None or self.role.vague))


@dataclass(frozen=True)
class _Prepared(ReadOnlyPickling):
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

    @cached_property
    def roles(self) -> RoleIndex:
        return RoleIndex.bundled()

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
                       resume.degree_rank, fields, codes, known,
                       self.roles.resume_role(resume.document))

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
                       MappingProxyType(mentions), MappingProxyType(groups),
                       self.roles.posting_role(posting.document))

    # ------------------------------------------------------------ matrices

    @cached_property
    def _codes(self) -> tuple[Any, Any, Any]:
        """The relation kinds as codes 1.. in order of credit (0: none): ``order[code - 1]``
        is the kind's name, ``values[code]`` its credit and ``names[code]`` its index in
        RELATIONS (-1 for none)."""
        import numpy as np

        w = self.weights
        order = tuple(sorted((name for name in RELATIONS if w.relation(name) > 0),
                             key=lambda name: (w.relation(name), -RELATIONS.index(name))))
        values = np.array([0.0] + [w.relation(name) for name in order], dtype=np.float64)
        names = np.array([-1] + [RELATIONS.index(name) for name in order], dtype=np.int8)
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
        """Best relation credit for every skill: (n, k) values and (n, k) RELATIONS indices."""
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
        comps["role"], present["role"] = self._role(profiles, posts)
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
        # nothing to compare (the posting asks nothing a resume could show): no score, not 0
        score = np.where(norm > 0, score / np.where(norm > 0, norm, 1.0), np.nan)
        return {"score": np.round(100 * score, 4),
                "components": {c: np.round(comps[c], 6) for c in COMPONENTS} if components else {},
                "present": present, "norm": norm, "weights": weights}

    def _years_factor(self, skill_years: Any, total: Any, asked: Any) -> Any:
        """Credit kept for years: clip(shown / asked, years_floor, 1); 1 where nothing is
        shown (unknown is not zero) or nothing is asked. ``asked`` is a number or an array."""
        import numpy as np

        shown = np.where(np.isnan(skill_years), total, skill_years)
        asked = np.asarray(asked, dtype=np.float64)
        factor = np.clip(shown / np.where(asked > 0, asked, 1.0), self.weights.years_floor, 1.0)
        return np.where(np.isnan(shown) | (asked <= 0), 1.0, factor)

    def requirement_credits(self, profile: Profile, posting: Posting) -> dict[str, Any]:
        """Per requirement of one pair, what the engine counts: the credit (relation x years,
        the list's best member for an either/or list), the weight, and the best relation code
        of each skill. The explanation reads these; :meth:`matrix` sums the same terms, so
        ``sum(weight * credit) / sum(weight)`` over a level is that level's component.

        Returns arrays over the skills asked (``skills``), in column order.
        """
        import numpy as np

        prepared = self.prepare([posting])
        codes = self._column_codes([profile], prepared)[0]
        _, values, names = self._codes
        columns = prepared.columns[0]
        out: dict[str, Any] = {}
        for level, W in (("required", posting.weight_required),
                         ("preferred", posting.weight_preferred)):
            skills = np.flatnonzero(W > 0)
            cols = np.array([columns.get(int(r), prepared.skill_column[r]) for r in skills],
                            dtype=np.int64)
            credit = values[codes[cols]] if len(cols) else np.zeros(0)
            credit = credit * self._years_factor(profile.years[skills],
                                                 np.full(len(skills), profile.experience),
                                                 np.nan_to_num(posting.years[skills], nan=0.0))
            out[level] = {"skills": skills, "weight": W[skills], "credit": credit}
        out["relation"] = names[profile.codes]  # RELATIONS index per skill, -1 for none
        return out

    def _role(self, profiles: Sequence[Profile], postings: Sequence[Posting]) -> tuple[Any, Any]:
        """How close the resume's role is to the posting's (``role_similarity`` of their
        occupations); absent where either names no known title or a :attr:`Role.vague` one.
        Computed once per distinct
        pair of occupation sets, so 10,000 x 1,000 costs what a few hundred pairs do."""
        import numpy as np

        def keys(items: Sequence[Profile] | Sequence[Posting]) -> tuple[Any, list[tuple[str, ...]]]:
            distinct: dict[tuple[str, ...], int] = {(): 0}
            index = np.array([distinct.setdefault(x.role.occupations if x.role and not x.role.vague
                                                  else (),
                                                  len(distinct)) for x in items], dtype=np.int64)
            return index, list(distinct)

        ri, rk = keys(profiles)
        pi, pk = keys(postings)
        table = np.array([[role_similarity(a, b) for b in pk] for a in rk]).reshape(len(rk), len(pk))
        return table[np.ix_(ri, pi)], (ri > 0)[:, None] & (pi > 0)[None, :]

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

