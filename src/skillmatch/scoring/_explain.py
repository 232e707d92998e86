"""One pair, explained: the engine's numbers for a pair turned into a ScoreResult."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._engine import Posting, Profile, Scorer
from ._results import Component, Evidence, Requirement, RequirementMatch, ScoreResult
from ._weights import COMPONENTS, RELATIONS, Weights

if TYPE_CHECKING:
    from .._extract import Extraction
    from ..taxonomy import Taxonomy


def explain_pair(scorer: Scorer, profile: Profile, posting: Posting, numbers: dict[str, Any],
                 i: int, j: int) -> ScoreResult:
    """The full ScoreResult of pair (i, j) of a ``Scorer.matrix`` computation: the components
    come from ``numbers``, each requirement's credit from ``Scorer.requirement_credits``."""
    import numpy as np

    sp, taxonomy = scorer.space, scorer.taxonomy
    posting_ex = posting.extraction
    credits = scorer.requirement_credits(profile, posting)
    own = profile.codes  # per skill, for "via"
    items: list[RequirementMatch] = []
    for level in ("required", "preferred"):
        part = credits[level]
        for r, weight, value in zip(part["skills"], part["weight"], part["credit"], strict=True):
            r = int(r)
            sid = sp.ids[r]
            years_asked = None if np.isnan(posting.years[r]) else float(posting.years[r])
            members = posting.groups.get(r, ())
            requirement = Requirement(
                sid, taxonomy[sid].name, level, round(float(weight), 4), years_asked,
                tuple(Evidence.of(mm, posting_ex.document.text)
                      for mm in posting.mentions.get(sid, ())[:3]),
                tuple(sp.ids[k] for k in members), taxonomy[sid].refs)
            # the member that earns the credit; the requirement itself when it does as well
            best = max(members, key=lambda k: (own[k], k == r, -k)) if members else r
            items.append(_match(scorer, requirement, best, float(value),
                                int(credits["relation"][best]), profile))
    items.sort(key=lambda mm: (-mm.requirement.weight, mm.requirement.skill))
    comps = {}
    norm = float(numbers["norm"][i, j])
    for c in COMPONENTS:
        if bool(numbers["present"][c][i, j]):
            weight = float(numbers["weights"][COMPONENTS.index(c), j])
            comps[c] = Component(float(numbers["components"][c][i, j]),
                                 round(weight / norm, 6) if norm else 0.0)
    degree = {0: None, 1: "associate", 2: "bachelor", 3: "master", 4: "phd"}
    return ScoreResult(
        score=float(numbers["score"][i, j]),
        components=MappingProxyType(comps),
        matched=tuple(mm for mm in items if mm.credit >= 1.0),
        partial=tuple(mm for mm in items if 0 < mm.credit < 1.0),
        missing=tuple(mm for mm in items if mm.credit <= 0),
        resume=profile.extraction.document.source,
        posting=posting_ex.document.source,
        taxonomy=f"{taxonomy.id}@{taxonomy.version}",
        experience=MappingProxyType({
            "resume_years": None if np.isnan(profile.experience) else profile.experience,
            "posting_min_years": None if np.isnan(posting.min_years) else posting.min_years}),
        education=MappingProxyType({
            "resume_degree": degree[profile.rank],
            "posting_degree": degree[posting.rank],
            "or_equivalent": posting.or_equivalent}),
        role=MappingProxyType({
            "resume_title": profile.role.line if profile.role else None,
            "resume_occupations": list(profile.role.occupations) if profile.role else [],
            "posting_title": posting.role.line if posting.role else None,
            "posting_occupations": list(posting.role.occupations) if posting.role else [],
            "resume_title_too_broad": bool(profile.role and profile.role.vague),
            "posting_title_too_broad": bool(posting.role and posting.role.vague)}),
    )


def _match(scorer: Scorer, requirement: Requirement, r: int, credit: float, code: int,
           profile: Profile) -> RequirementMatch:
    """Explain a requirement's credit; ``r`` is the skill (or list member) that earned it."""
    import numpy as np

    sp = scorer.space
    resume_ex = profile.extraction
    names = [scorer.taxonomy[k].name for k in requirement.any_of]
    either = f"any of {', '.join(names)} will do; " if names else ""
    if code < 0:
        return RequirementMatch(requirement, 0.0, None, None, (),
                                f"{either}the resume does not show {requirement.name}"
                                if not names else f"{either}the resume shows none of them")
    relation = RELATIONS[code]
    candidates = [sp.ids[s] for s in np.flatnonzero(profile.has)
                  if r in sp.related(relation, int(s))]
    evidences = {**resume_ex.family_skills, **resume_ex.skills}
    via = min(candidates, key=lambda s: (-len(evidences[s].mentions), s))
    evidence = tuple(Evidence.of(mm, resume_ex.document.text)
                     for mm in evidences[via].mentions[:3])
    name = scorer.taxonomy[via].name
    target = scorer.taxonomy[sp.ids[r]].name
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
                            None if exact_self else via, evidence, reason, member,
                            None if exact_self else name,
                            None if member is None else scorer.taxonomy[member].name)




def score_pair(resume: Extraction, posting: Extraction, taxonomy: Taxonomy, weights: Weights,
               scorer: Scorer | None = None) -> ScoreResult:
    """One pair through the same matrices as a batch.

    >>> from skillmatch import Matcher
    >>> m = Matcher("ml-engineer")
    >>> resume = m.extract("Skills: Python, PyTorch, SQL")
    >>> posting = m.extract("Requirements: Python and SQL.", kind="posting")
    >>> result = score_pair(resume, posting, m.taxonomy_, Weights())
    >>> [match.requirement.name for match in result.matched], result.score
    (['SQL', 'Python'], 100.0)
    """
    scorer = scorer or Scorer(taxonomy, weights)
    profile, post = scorer.profile(resume), scorer.posting(posting)
    numbers = scorer.matrix([profile], [post])
    return explain_pair(scorer, profile, post, numbers, 0, 0)


