"""The configurable :class:`Matcher` and the module-level functions over a default one.

>>> import skillmatch
>>> ex = skillmatch.extract("Requirements\\n- 3+ years of Python\\n- Docker is a plus", kind="posting")
>>> [(m.skill, m.level, m.years) for m in ex.mentions]
[('python', 'required', 3.0), ('docker', 'preferred', None)]
"""

from __future__ import annotations

import functools
from datetime import date
from os import PathLike
from typing import Any

from . import _batch
from ._batch import Ranking, ScoreMatrix
from ._config import Config
from ._documents import Document, Limits, Source, read
from ._errors import Messages, ParameterError
from ._extract import Extraction, Extractor
from .scoring import MarketFit, Scorer, ScoreResult, Weights
from .taxonomy import Taxonomy, load_taxonomy

DocumentInput = Source | Extraction


class Matcher:
    """Everything skillmatch does, configured once: taxonomy, weights, fuzzy matching.

    Like ``requests.Session``: the module-level functions use one default instance; build
    your own to change the taxonomy or the weights. ``__init__`` only stores its arguments;
    the spaCy pipeline and matchers are built on first use.

    Parameters
    ----------
    taxonomy
        A :class:`Taxonomy`, a path to a TOML file, a bundled name, or None for the default.
    weights
        A :class:`Weights` (how requirements and components are weighted), or None.
    fuzzy
        Also match spelling variants ("Tensorflw") with rapidfuzz.
    as_of
        The date "Present" stands for in resumes' dated jobs (default: today).
    limits
        Size, page and time limits for reading documents.

    Examples
    --------
    >>> m = Matcher(fuzzy=False)
    >>> sorted(m.extract("Skills: Python, SQL", kind="resume").skills)
    ['python', 'sql']
    """

    def __init__(
        self,
        taxonomy: Taxonomy | str | PathLike[str] | None = None,
        *,
        weights: Weights | None = None,
        fuzzy: bool = True,
        as_of: date | None = None,
        limits: Limits | None = None,
    ) -> None:
        checks = (("taxonomy", taxonomy, (Taxonomy, str, PathLike, type(None)),
                   "a Taxonomy, a taxonomy's name or path, or None"),
                  ("weights", weights, (Weights, type(None)), "a skillmatch.Weights or None"),
                  ("fuzzy", fuzzy, (bool,), "True or False"),
                  ("as_of", as_of, (date, type(None)), "a datetime.date or None"),
                  ("limits", limits, (Limits, type(None)), "a skillmatch.Limits or None"))
        for name, value, types, expected in checks:  # checked here, not at the first score
            if not isinstance(value, types):
                raise ParameterError(Messages.P001.format(
                    name=name, caller="Matcher", expected=expected, value=value))
        if isinstance(taxonomy, str | PathLike) and not _names_a_taxonomy(taxonomy):
            load_taxonomy(taxonomy)  # raises the TaxonomyError that says what exists
        self.taxonomy = taxonomy
        self.weights = weights
        self.fuzzy = fuzzy
        self.as_of = as_of
        self.limits = limits

    def __repr__(self) -> str:
        return (f"Matcher(taxonomy={self.taxonomy!r}, weights={self.weights!r}, "
                f"fuzzy={self.fuzzy!r}, as_of={self.as_of!r})")

    # ---------------------------------------------------------------- lazily built parts

    @functools.cached_property
    def taxonomy_(self) -> Taxonomy:
        """The loaded taxonomy."""
        if isinstance(self.taxonomy, Taxonomy):
            return self.taxonomy
        return load_taxonomy(self.taxonomy)

    @functools.cached_property
    def weights_(self) -> Weights:
        from .scoring import Weights

        if self.weights is None:
            return Weights()
        if not isinstance(self.weights, Weights):
            raise ParameterError(Messages.P001.format(
                name="weights", caller="Matcher", expected="a skillmatch.Weights or None",
                value=self.weights))
        return self.weights

    @functools.cached_property
    def _scorer(self) -> Scorer:
        from .scoring import Scorer

        return Scorer(self.taxonomy_, self.weights_)

    @functools.cached_property
    def _config(self) -> Config:
        """What reading and extraction depend on, frozen: batch workers get this."""
        return Config(self.taxonomy_, fuzzy=self.fuzzy, as_of=self.as_of, limits=self.limits)

    @functools.cached_property
    def _extractor(self) -> Extractor:
        return self._config.extractor()

    def _built_extractor(self, workers: int) -> Extractor | None:
        """Ours for a batch: built now for workers=1; for worker processes only if already
        built (forked workers inherit it; otherwise each builds its own in parallel)."""
        return self._extractor if workers == 1 else self.__dict__.get("_extractor")

    # ---------------------------------------------------------------- the work

    def read(self, source: Source, **kwargs: Any) -> Document:
        """:func:`skillmatch.read` with this matcher's limits."""
        kwargs.setdefault("limits", self.limits)
        return read(source, **kwargs)

    def extract(self, doc: DocumentInput, *, kind: str = "resume",
                trace: bool = False) -> Extraction:
        """Find the skills, degrees and years in a resume or a posting.

        Parameters
        ----------
        doc
            Anything :func:`read` accepts, or a Document, or an Extraction (returned as is
            when its kind matches and no trace is asked).
        kind
            ``"resume"`` or ``"posting"``: postings get required/preferred levels and a
            minimum of years; resumes get total experience.
        trace
            Also say why each name the text holds was not counted (``Extraction.rejected``);
            every mention says which rule accepted it either way (``Mention.rule``).

        Examples
        --------
        >>> ex = Matcher(taxonomy="ml-engineer").extract("Go to market fast. Skills: R, SQL",
        ...                                               kind="posting", trace=True)
        >>> sorted(m.skill for m in ex.mentions), [r.skill for r in ex.rejected]
        (['r', 'sql'], ['go'])
        """
        if isinstance(doc, Extraction):
            if doc.kind == kind and not trace:
                return doc
            doc = doc.document
        return self._extractor.extract(self.read(doc), kind, trace=trace,
                                       max_seconds=(self.limits or Limits()).max_seconds)

    def score(self, resume: DocumentInput, posting: DocumentInput) -> ScoreResult:
        """How well ``resume`` fits ``posting``: a :class:`ScoreResult` with its evidence."""
        from .scoring import score_pair

        return score_pair(self.extract(resume, kind="resume"), self.extract(posting, kind="posting"),
                          self.taxonomy_, self.weights_, self._scorer)

    def score_many(self, resumes: Any, postings: Any, *, workers: int = 1,
                   progress: bool | None = None, on_error: str = "collect") -> ScoreMatrix:
        """Score every resume against every posting; see :func:`skillmatch.score_many`."""
        return _batch.score_many(resumes, postings, config=self._config, scorer=self._scorer,
                                 extractor=self._built_extractor(workers),
                                 workers=workers, progress=progress, on_error=on_error)

    def rank(self, posting: DocumentInput, resumes: Any, *, top: int | None = None,
             workers: int = 1, progress: bool | None = None) -> Ranking:
        """Resumes against one posting, best first; see :func:`skillmatch.rank`."""
        return _batch.rank(posting, resumes, config=self._config, scorer=self._scorer,
                           extractor=self._built_extractor(workers), top=top,
                           workers=workers, progress=progress)

    def market_fit(self, resume: DocumentInput, *, top: int = 10) -> MarketFit:
        """How well a resume covers what the market asks for, and what to learn next."""
        from .scoring import market_fit

        return market_fit(self.extract(resume, kind="resume"), self.taxonomy_, top=top,
                          scorer=self._scorer)


def _names_a_taxonomy(taxonomy: str | PathLike[str]) -> bool:
    """A bundled name or an existing path: what can be loaded later (a typo is refused when
    the Matcher is made, not on its first score)."""
    from pathlib import Path

    from .taxonomy import available_taxonomies

    return (isinstance(taxonomy, str) and taxonomy in available_taxonomies()) or Path(
        taxonomy).exists()


@functools.cache
def _default_matcher() -> Matcher:
    return Matcher()


def extract(doc: DocumentInput, *, kind: str = "resume", trace: bool = False) -> Extraction:
    """Find skills with evidence in a resume or posting (a path, the text, bytes, a file
    object or a Document), with the default :class:`Matcher`. See :meth:`Matcher.extract`.

    >>> ex = extract("Requirements\\n- 3+ years of Python\\n- Docker is a plus", kind="posting")
    >>> [(m.skill, m.level, m.years) for m in ex.mentions]
    [('python', 'required', 3.0), ('docker', 'preferred', None)]
    >>> ex.mentions[0].start, ex.mentions[0].text   # offsets into ex.document.text
    (27, 'Python')
    """
    return _default_matcher().extract(doc, kind=kind, trace=trace)


def score(resume: DocumentInput, posting: DocumentInput) -> ScoreResult:
    """Score a resume against a posting (0-100, or NaN when the posting asks for nothing
    to compare), with what matched, partly matched and is missing, each with the text that
    proves it. Uses the default :class:`Matcher`; see :meth:`Matcher.score`.

    >>> r = score("Skills\\nPython, SQL\\n", "Requirements\\n- Python\\n- Kubernetes\\n")
    >>> [m.requirement.name for m in r.matched], [m.requirement.name for m in r.missing]
    (['Python'], ['Kubernetes'])
    >>> r.missing[0].requirement.evidence[0].text
    '- Kubernetes'
    """
    return _default_matcher().score(resume, posting)


def score_many(resumes: Any, postings: Any, *, workers: int = 1, progress: bool | None = None,
               on_error: str = "collect") -> ScoreMatrix:
    """Score many resumes against many postings, each document read and extracted once.

    Parameters
    ----------
    resumes, postings
        One input, or any iterable of them (consumed lazily): paths, texts, bytes, Documents
        or Extractions. A str is a path only when that file exists (see :func:`read`); every
        input gives exactly one row (or column) or one entry in ``.errors``, in input order.
        Folders and glob patterns are expanded only on request: ``skillmatch.files("cvs/")``.
        A dict, a pandas Series or a pandas DataFrame (columns ``id`` and ``text``) labels
        each document by its key, index or id (``.resumes``, ``to_frame()``, the results).
    workers
        Processes for reading and extraction (PDF reading dominates); results are the same.
        With ``workers >= 2`` one pool serves resumes and postings; a worker that dies (a
        crash, the out-of-memory killer) or runs over ``2 * Limits.max_seconds + 1`` seconds
        on one document is replaced, and that document alone is reported in ``.errors``.
        ``workers=1`` reads in this process, where no crash can be contained.
    progress
        Show a progress bar (tqdm) in terminals and notebooks.
    on_error
        ``"collect"``: a bad document is reported in ``.errors`` and the rest are scored;
        ``"raise"``: the first bad document raises.

    Returns
    -------
    ScoreMatrix
        ``.scores`` (n_resumes, n_postings), ``.result(i, j)``, ``.top(j, k)``, ``.to_frame()``.

    Examples
    --------
    >>> m = score_many({"ana": "Skills: Python, SQL\\n", "bo": "Skills: Excel\\n"},
    ...                ["Requirements\\n- Python\\n- SQL\\n"])
    >>> m.resumes, m.scores[:, 0].tolist()
    (('ana', 'bo'), [100.0, 0.0])
    """
    return _default_matcher().score_many(resumes, postings, workers=workers, progress=progress,
                                         on_error=on_error)


def rank(posting: DocumentInput, resumes: Any, *, top: int | None = None, workers: int = 1,
         progress: bool | None = None) -> Ranking:
    """Score resumes against one posting and return their results, best first (ties in
    input order; ``top`` keeps the best ``top``). A posting that asks for nothing to compare
    raises :class:`NothingToScoreError`. Uses the default :class:`Matcher`.

    >>> ranked = rank("Requirements\\n- Python\\n- SQL\\n",
    ...               {"ana": "Skills: Python\\n", "bo": "Skills: Python, SQL\\n"})
    >>> [(r.resume, r.score) for r in ranked]
    [('bo', 100.0), ('ana', 46.904)]
    """
    return _default_matcher().rank(posting, resumes, top=top, workers=workers, progress=progress)


def market_fit(resume: DocumentInput, *, top: int = 10) -> MarketFit:
    """How well a resume covers what the market's postings ask most (the taxonomy's demand),
    and the ``top`` skills worth learning next. Uses the default :class:`Matcher`; see
    :meth:`Matcher.market_fit`.

    >>> fit = market_fit("Skills\\nPython, SQL, PyTorch\\n")
    >>> 0 < fit.score < 100, len(fit.to_learn) > 0
    (True, True)
    """
    return _default_matcher().market_fit(resume, top=top)
