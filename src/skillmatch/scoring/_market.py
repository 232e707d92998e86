"""Market fit: a resume against the taxonomy's most demanded skills, and what to learn next."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .._extract import Extraction
from ..taxonomy import Taxonomy
from ._engine import Scorer
from ._weights import RELATIONS, Weights


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

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: what ``skillmatch market --json`` prints.

        >>> fit = MarketFit(50.0, ("Python",), (SkillToLearn("sql", "SQL", 0.4, 0.0, "x"),), 60,
        ...                 "default@1")
        >>> fit.to_dict()["to_learn"][0]["name"]
        'SQL'
        """
        return {"score": self.score, "covered": list(self.covered),
                "to_learn": [asdict(s) for s in self.to_learn],
                "profile_size": self.profile_size, "taxonomy": self.taxonomy}


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
        if credit[0, i] >= 1.0 or (code >= 0 and RELATIONS[code] == "implied"):
            continue  # shown, or shown through a narrower skill: nothing to learn
        closeness = float(credit[0, i])
        sid = sp.ids[i]
        if code >= 0:
            rel = RELATIONS[code]
            via = [sp.ids[s] for s in np.flatnonzero(profile.has) if i in sp.related(rel, int(s))]
            reason = f"close to {taxonomy[via[0]].name} ({rel}), which the resume shows"
        else:
            reason = "not related to anything the resume shows yet"
        learn.append(SkillToLearn(sid, taxonomy[sid].name, float(sp.demand[i]), closeness, reason))
    learn.sort(key=lambda s: (-(s.demand * (1 + s.closeness)), s.skill))
    return MarketFit(score, covered, tuple(learn[:top]), len(market),
                     f"{taxonomy.id}@{taxonomy.version}")
