"""skillmatch: read a resume and a job posting and say, with evidence, how well they fit.

>>> import skillmatch
>>> tax = skillmatch.load_taxonomy()
>>> tax["sklearn"].name, tax["python"].demand
('scikit-learn', 0.758)

Nothing heavy happens at import: spaCy, pdfminer and numpy load on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._errors import (
    CorruptDocumentError,
    DecodingError,
    DependencyError,
    DocumentAccessError,
    DocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NothingToScoreError,
    ParameterError,
    ReaderCrashedError,
    ScannedDocumentError,
    SkillmatchError,
    TaxonomyError,
    UnknownSkillError,
    UnsupportedFormatError,
)
from ._api import Matcher, extract, market_fit, rank, score, score_many
from ._batch import BatchError, Ranking, ScoreMatrix
from ._views import Coverage
from .scoring import (
    Component,
    Evidence,
    MarketFit,
    Requirement,
    RequirementMatch,
    ScoreResult,
    SkillToLearn,
    Weights,
)
from ._documents import Document, Limits, Section, read
from ._inputs import files
from ._extract import Degree, Extraction, Mention, Rejection, SkillEvidence
from .taxonomy import Skill, Taxonomy, available_taxonomies, load_taxonomy

try:
    __version__ = version("skillmatch")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
del version, PackageNotFoundError, annotations  # dir(skillmatch) shows the API, not these

__all__ = (
    "BatchError",
    "Component",
    "Coverage",
    "CorruptDocumentError",
    "DecodingError",
    "Degree",
    "DependencyError",
    "Document",
    "DocumentAccessError",
    "DocumentError",
    "DocumentNotFoundError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "NothingToScoreError",
    "Evidence",
    "Extraction",
    "Limits",
    "MarketFit",
    "Matcher",
    "Mention",
    "ParameterError",
    "ReaderCrashedError",
    "Rejection",
    "Requirement",
    "Ranking",
    "RequirementMatch",
    "ScannedDocumentError",
    "ScoreMatrix",
    "ScoreResult",
    "Section",
    "Skill",
    "SkillEvidence",
    "SkillToLearn",
    "SkillmatchError",
    "Taxonomy",
    "TaxonomyError",
    "UnknownSkillError",
    "UnsupportedFormatError",
    "Weights",
    "available_taxonomies",
    "extract",
    "files",
    "load_taxonomy",
    "market_fit",
    "rank",
    "read",
    "score",
    "score_many",
)
