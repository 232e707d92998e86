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
    ParameterError,
    ScannedDocumentError,
    SkillmatchError,
    TaxonomyError,
    UnknownSkillError,
    UnsupportedFormatError,
)
from ._documents import Document, Limits, Section, read
from ._taxonomy import Skill, Taxonomy, available_taxonomies, load_taxonomy

try:
    __version__ = version("skillmatch")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = (
    "CorruptDocumentError",
    "DecodingError",
    "DependencyError",
    "DocumentAccessError",
    "Document",
    "DocumentError",
    "DocumentNotFoundError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Limits",
    "ParameterError",
    "ScannedDocumentError",
    "Section",
    "Skill",
    "SkillmatchError",
    "Taxonomy",
    "TaxonomyError",
    "UnknownSkillError",
    "UnsupportedFormatError",
    "available_taxonomies",
    "load_taxonomy",
    "read",
)
