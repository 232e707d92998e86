"""Scoring: a resume's skills, experience and degrees against a posting's requirements.

The modules, in the order data flows through them:

- ``_weights``: every number the scorer uses (``Weights``), with how each default was chosen;
- ``_space``: the taxonomy as a sparse relation space (``SkillSpace``);
- ``_engine``: extractions as vectors, vectors as score matrices (``Scorer``; the formula is
  in its docstring);
- ``_explain``: one pair's numbers as a ``ScoreResult`` with matched, partial and missing;
- ``_results``: the result types and their versioned JSON (no numpy);
- ``_market``: a resume against the market's most demanded skills.
"""

from ._engine import Posting, Profile, Scorer
from ._explain import explain_pair, score_pair
from ._market import MarketFit, SkillToLearn, market_fit
from ._results import SCHEMA_VERSION, Component, Evidence, Requirement, RequirementMatch, ScoreResult
from ._space import SkillSpace
from ._weights import COMPONENTS, RELATIONS, Weights

__all__ = (
    "COMPONENTS",
    "RELATIONS",
    "SCHEMA_VERSION",
    "Component",
    "Evidence",
    "MarketFit",
    "Posting",
    "Profile",
    "Requirement",
    "RequirementMatch",
    "ScoreResult",
    "Scorer",
    "SkillSpace",
    "SkillToLearn",
    "Weights",
    "explain_pair",
    "market_fit",
    "score_pair",
)
