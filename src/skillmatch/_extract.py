"""``extract()``: the skills a document names, where, and what the words around them say.

>>> from skillmatch import extract
>>> ex = extract("SKILLS\\nPython, R, SQL, Docker\\n\\nJan 2019 - Dec 2023 Data Scientist, Acme",
...              kind="resume")
>>> sorted(ex.skills)
['docker', 'python', 'r', 'sql']
>>> ex.experience_years
5.0
"""

from __future__ import annotations

import math
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from itertools import islice
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from ._context import (
    Clauses,
    clause_bounds,
    experience_years_from_dates,
    general_years,
    level_cue,
)
from ._documents import Document
from ._errors import DocumentTooLargeError, Messages, ParameterError
from ._phrases import (
    CandidateFinder,
    SurfaceForms,
    RawMatch,
    Tokens,
    longest_first,
    sliceable_lower,
)
from ._sections import SECTION_LEVEL
from .extraction._readings import numbered_series, object_ellipsis, soft_phrase_readings
from .extraction._rules import (
    ambiguity_rules,
    degree_words,
    either_or_lead_ins,
    employer_rule,
    inversion_rule,
    person_names,
    rule_finditer,
    rule_may_search,
    rule_pattern,
    rule_words,
    voice_patterns,
)
from .taxonomy import DEGREE_CATEGORIES, Taxonomy, normalize_alias
from .taxonomy._model import Hints, Skill

if TYPE_CHECKING:
    from ._fuzzy import FuzzyMatcher

Kind = Literal["resume", "posting"]
DEGREE_LEVELS = {"degree-associate": 1, "degree-bachelor": 2, "degree-master": 3, "degree-phd": 4}
LEVEL_NAMES = {1: "associate", 2: "bachelor", 3: "master", 4: "phd"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a document names a skill.

    ``start``/``end`` are offsets into the document's text; ``level`` is "required" or
    "preferred" in postings (None in resumes, and for company boilerplate); ``years`` is the
    experience the text ties to this mention; ``method`` says how it was found.
    """

    skill: str
    text: str
    start: int
    end: int
    section: str
    negated: bool = False
    level: str | None = None
    years: float | None = None
    method: str = "phrase"
    group: int | None = None
    rule: str = ""  # the rule that accepted it: "phrase", "exact", "fuzzy", "ellipsis", or the
    # context rule that let an ambiguous name count ("beside-skill", "skills-section", ...)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A name the text holds that extraction did not count, and why (``extract(trace=True)``).

    >>> Rejection("go", "Go", 0, 2, "an ambiguous name with no technical context").reason[:12]
    'an ambiguous'
    """

    skill: str
    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Degree:
    """A degree named in a document: its level, fields of study, and for postings its level."""

    level: str
    rank: int
    fields: tuple[str, ...]
    text: str
    start: int
    end: int
    requirement: str | None = None
    or_equivalent: bool = False


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    """A skill and every (non-negated) mention of it."""

    skill: str
    mentions: tuple[Mention, ...]

    @property
    def level(self) -> str | None:
        """Required if any mention is required, else preferred if any is. A posting's words
        before its first heading count like any others: the employer's voice there ("We build
        LLM products") already has no level (rules/boilerplate.toml), so what keeps one is a
        duty of the job. A skill named only inside a longer name ("Azure" in "Azure Data
        Factory") is not asked for itself (None).

        >>> m = [Mention("aws", "AWS", 0, 3, "preamble", level="required"),
        ...      Mention("aws", "AWS", 90, 93, "preferred", level="preferred")]
        >>> SkillEvidence("aws", tuple(m)).level
        'required'
        """
        levels = {m.level for m in self.mentions if m.rule != "nested"}  # nested: not asked
        return "required" if "required" in levels else "preferred" if "preferred" in levels else None

    @property
    def years(self) -> float | None:
        values = [m.years for m in self.mentions if m.years is not None]
        return max(values) if values else None

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` found in one document."""

    document: Document
    kind: str
    mentions: tuple[Mention, ...]
    degrees: tuple[Degree, ...] = ()
    min_years: float | None = None
    experience_years: float | None = None
    taxonomy: str = ""
    families: tuple[Mention, ...] = ()  # broad families and fields (Skill.generic): not skills
    rejected: tuple[Rejection, ...] = ()  # with extract(..., trace=True): names not counted

    def __getstate__(self) -> dict[str, object]:  # the cached mappingproxies do not pickle
        return {k: v for k, v in self.__dict__.items() if k not in ("skills", "family_skills")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @cached_property
    def skills(self) -> Mapping[str, SkillEvidence]:
        """Distinct skills the document claims (or requires), each with its evidence."""
        return _evidence(self.mentions)

    @cached_property
    def family_skills(self) -> Mapping[str, SkillEvidence]:
        """The broad families and fields the document names ("databases", "software
        development"), each with its evidence. Not skills on their own; the scorer counts them
        as weak context (``Weights.generic``)."""
        return _evidence(self.families)

    @property
    def negated(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.negated)

    @property
    def degree_rank(self) -> int:
        """The highest degree (resumes) as 0 none, 1 associate, 2 bachelor, 3 master, 4 PhD."""
        return max((d.rank for d in self.degrees), default=0)


# ----------------------------------------------------------------------------- context rules

_SEPARATORS = frozenset({",", "/", "&", "and", "or", "|", "(", ")", "·", "•", "*", ";", "-", "+", ":",
                         "–", "[", "]", "{", "}"})
_DEGREE_CUE = re.compile(
    r"\b(?:degree|degrees|university|college|institute|school|diploma|graduate|graduated|major|"
    r"minor|gpa|bachelor|master|phd|doctor|field|equivalent|related|discipline|studies|"
    r"certificate|academy|polytechnic|honou?rs|cum laude|thesis)\b", re.IGNORECASE)
_EQUIVALENT = re.compile(r"\bor\s+(?:an?\s+)?(?:equivalent|comparable|relevant|related)\s+"
                         r"(?:practical\s+|professional\s+|work\s+|industry\s+)*"
                         r"(?:experience|combination|work)|\bequivalent\s+experience\b", re.I)
_LIST_SEP = re.compile(r"[,;|•·/]")
# a list item: up to "and" / "or" ("Tensorflw and Py Torch" are two)
_WORD_ITEM = re.compile(r"[A-Za-z](?:(?!\s(?:and|or)\s)[A-Za-z0-9+#.\- ]){2,30}[A-Za-z0-9+#]")
_COORDINATION = re.compile(r"\s(?:and|or)\s")
_CONTEXT_SECTIONS = frozenset({"about", "benefits", "legal", "apply"})
_TECH_LOOKING = re.compile(r"[A-Za-z][a-z]*[A-Z0-9+#]|^[A-Z][a-z]+$")
_WORDS = re.compile(r"[A-Za-z0-9+#][A-Za-z0-9+#.']*")
# sections that list things: skills, asked-for qualifications, certificates ("A+", "PMP")
_LIST_SECTIONS = frozenset({"skills", "requirements", "preferred", "certifications"})
# categories whose names are ordinary words for the work itself ("scheduling", "tax"), not a
# product's name that is also a word ("Access", "Word")
_WORD_NAMED = frozenset({"technique", "concept"})
_BULLET = re.compile(r"^\s*(?:[*•·▪◦‣⁃–-]|\d{1,2}[.)])\s")


def _evidence(mentions: Iterable[Mention]) -> Mapping[str, SkillEvidence]:
    """The non-negated mentions grouped by skill, in skill order."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        if not mention.negated:
            grouped.setdefault(mention.skill, []).append(mention)
    return MappingProxyType({k: SkillEvidence(k, tuple(v)) for k, v in sorted(grouped.items())})


class _SpanSet:
    """Spans, asked in O(log n) whether any overlaps [a, b).

    >>> _SpanSet([(10, 20), (30, 40)]).overlaps(15, 16), _SpanSet([(10, 20)]).overlaps(20, 25)
    (True, False)
    """

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self._starts, b)  # the spans that start before b
        return k > 0 and self._reach[k - 1] > a


class _Scan:
    """Per-call state of one extraction: the document and what has been worked out about its
    clauses. Made afresh by every extract() call, so a shared Extractor holds nothing of any
    document and one instance serves many threads."""

    __slots__ = ("document", "clauses", "voices", "deadline", "max_seconds", "degree_cues")

    def __init__(self, document: Document, max_seconds: float | None = None) -> None:
        self.document = document
        self.clauses = Clauses(document.text, _MAX_SEGMENT)  # each clause worked out once
        self.voices: dict[tuple[int, int], bool] = {}  # clause -> the employer speaks there
        self.max_seconds = max_seconds
        self.deadline: float | None = None  # set by start_clock()
        self.degree_cues: dict[str, bool] = {}  # a line -> whether it holds a degree word

    def start_clock(self) -> None:
        """Start counting ``max_seconds``: once the extractor's lazy parts (built on its first
        call, seconds for a large taxonomy) are ready, so that only this text's work counts."""
        if self.max_seconds is not None:
            self.deadline = time.monotonic() + self.max_seconds

    def check_time(self) -> None:
        """Raise DocumentTooLargeError once the call is past ``max_seconds`` (the clock is
        read, no signals): before each window of text and between and inside the later
        passes, so no pass runs on unbounded."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            document = self.document
            raise DocumentTooLargeError(Messages.R027.format(
                source=document.source, chars=len(document.text), limit=self.max_seconds),
                source=document.source)

    def clause(self, start: int) -> tuple[int, int]:
        """clause_bounds() with the line's clause ends computed once per line."""
        return self.clauses.bounds(start)


class Extractor:
    """Extraction for one taxonomy; build once, use for many documents.

    Parameters
    ----------
    taxonomy
        The skills to look for.
    fuzzy
        Also find spelling variants with rapidfuzz (in list-like lines).
    as_of
        The date "Present" means in resumes' dated job entries (default: today).
    """

    def __init__(self, taxonomy: Taxonomy, *, fuzzy: bool = True, as_of: date | None = None,
                 fuzzy_cutoff: float = 90.0) -> None:
        self.taxonomy = taxonomy
        self.fuzzy = fuzzy
        self.as_of = as_of
        self.fuzzy_cutoff = fuzzy_cutoff

    @cached_property
    def _phrases(self) -> SurfaceForms:
        return SurfaceForms(self.taxonomy)

    @cached_property
    def _finder(self) -> CandidateFinder:
        return CandidateFinder(self._phrases.forms())

    @cached_property
    def _ambiguous(self) -> Mapping[str, frozenset[str]]:
        # a plain dict, read-only by convention: asked once per match, and a mappingproxy's
        # get() costs twice a dict's
        return {
            s.id: frozenset(normalize_alias(f) for f in s.ambiguous) | frozenset(s.ambiguous)
            for s in self.taxonomy if s.ambiguous
        }

    @cached_property
    def _generic(self) -> frozenset[str]:
        """Broad families and fields: kept apart from the skills (see Skill.generic)."""
        return frozenset(s.id for s in self.taxonomy if s.generic)

    @cached_property
    def _imported(self) -> frozenset[str]:
        """Skills from an imported layer (below the taxonomy's top, curated one): their
        ambiguous names need list evidence, and they get no fuzzy matching."""
        return frozenset(s.id for s in self.taxonomy if self.taxonomy._is_imported(s))

    @cached_property
    def _cues(self) -> dict[str, _Cues]:
        """The hints of skills, resolved the first time each is needed (see Skill.hints and
        :meth:`_cues_of`)."""
        return {}

    def _cues_of(self, skill_id: str) -> _Cues:
        cues = self._cues.get(skill_id)
        if cues is None:
            skill = self.taxonomy.skills[skill_id]
            cues = self._cues.setdefault(
                skill_id, _Cues.of(skill.hints) if skill.hints else _NO_CUES)
        return cues


    @cached_property
    def _soft(self) -> frozenset[str]:
        """Soft skills: no list evidence for an imported name beside them."""
        return frozenset(s.id for s in self.taxonomy if s.category == "soft-skill")

    @cached_property
    def _broad(self) -> frozenset[str]:
        """Skills named like teams and departments ("data science team")."""
        return frozenset(s.id for s in self.taxonomy
                         if s.category in ("technique", "concept", "soft-skill"))

    @cached_property
    def _fuzzy(self) -> tuple[FuzzyMatcher, FuzzyMatcher]:
        """The fuzzy pass's two indexes, built together at its first use by one walk over the
        taxonomy: the curated names, and the imported products' long names ("IBM Rational
        DOORS"). The second is asked only for items that look like a long product name:
        imported short names are English words too often, and comparing every item with
        thousands of long names would cost a tenth of a resume's extraction."""
        from ._fuzzy import FuzzyMatcher

        ambiguous, imported = self._ambiguous, self._imported
        curated: dict[str, str] = {}
        products: dict[str, str] = {}
        for skill in self.taxonomy:
            if skill.category in DEGREE_CATEGORIES:
                continue
            into = products if skill.id in imported else curated
            rejected = ambiguous.get(skill.id, ())
            for alias in skill.aliases:
                if into is products and not _long_product_name(alias):
                    continue
                key = normalize_alias(alias)
                if key not in rejected:
                    into[key] = skill.id
        return (FuzzyMatcher(curated, score_cutoff=self.fuzzy_cutoff),
                FuzzyMatcher(products, score_cutoff=self.fuzzy_cutoff))

    # ------------------------------------------------------------------ main entry

    def extract(self, document: Document, kind: str, *, trace: bool = False,
                max_seconds: float | None = None) -> Extraction:
        """The document's skills, degrees and years. ``max_seconds`` bounds the work: the
        clock is checked before each window of text (no signals), and going over raises
        DocumentTooLargeError naming the limit."""
        if kind not in ("resume", "posting"):
            raise ParameterError(Messages.P001.format(
                name="kind", caller="extract", expected="'resume' or 'posting'", value=kind))
        text = document.text
        # everything this call learns about the text lives here, and its deadline
        scan = _Scan(document, max_seconds)
        # a heading's line is never joined to the text under it
        segments = _segments(text, frozenset(s.start for s in document.sections if s.title))
        # names are read across a wrapped line ("statistical\nmethods"): same offsets
        flat = _straight_quotes(_unwrapped(text, segments))
        lowered = flat.lower()
        hits = self._finder.hits(lowered)
        glued = self._phrases.glue.points(flat)
        if glued:  # "with PythonStrong knowledge": a line break lost (rules/glue.toml)
            hits = sorted(set(hits).union(self._finder.hits_at(lowered, glued)))
        windows = _unless_written_otherwise(
            _windows(flat, segments, [(a, b) for a, b, _ in hits]), hits, flat,
            self._phrases.may_match, self._phrases.any_case)
        mentions: list[Mention] = []
        degree_hits: list[tuple[int, RawMatch, Any, str]] = []
        # per segment: (window offset, the window's names, those accepted) for the fuzzy pass
        covered: dict[int, list[tuple[int, list[RawMatch], list[RawMatch]]]] = {}
        rejected: list[Rejection] = []
        # curated ambiguous names no rule accepted in their window: (offset, name, window's
        # names, window), for rule capitalised-in-technical-text once the whole text is read
        unsure: list[tuple[int, RawMatch, list[RawMatch], Any]] = []
        if max_seconds is not None:  # what the first call builds is no part of this text's time
            self._build_lazy_parts(kind)
        scan.start_clock()
        for index, offset, window, skill_hits, degree_found in self._phrases.windows(
                flat, windows, hits):
            scan.check_time()
            seg_start, seg_end = segments[index]
            # the rule that accepted a match, where not its name; per window, as a match's
            # offsets are relative to its window
            rules: dict[RawMatch, str] = {}
            tails = [m for m in skill_hits if _compound_tail(flat, m.start + offset)]
            if tails:  # "cutting-edge AI": the tail of a hyphenated word (rule compound-tail)
                skill_hits = [m for m in skill_hits if m not in tails]
                if trace:
                    rejected.extend(Rejection(m.skill, m.form, m.start + offset, m.end + offset,
                                              _COMPOUND_TAIL) for m in tails)
            raw = longest_first(skill_hits)
            nested = self._nested(raw, skill_hits) if len(skill_hits) > len(raw) else {}
            if raw:
                # an imported name is neither head nor conjunct ("media plan maintenance,
                # contract management" names no "maintenance management" product)
                elided = self._elided(raw, window)
                rules.update(dict.fromkeys(elided, "ellipsis"))
                if elided:  # a list item read with the head it shares ("marketing" of
                    # "marketing and patient education materials") is that name, not its own
                    spans = {(m.start, m.end) for m in elided}
                    raw = [m for m in raw if (m.start, m.end) not in spans]
                raw += elided
            line = flat[seg_start:seg_end] if raw or degree_found else ""
            accepted = self._resolve_ambiguity(raw, window, line, document, offset, rules)
            in_family = [m for m in accepted if m.skill in self._generic]
            if len(accepted) < len(raw) or in_family:
                displaced = _displaced(skill_hits, raw, accepted, in_family)
                if displaced:  # "feature engineering processes": the longer name lost its
                    # context, so the one it overlapped is read on its own; so is one under a
                    # family, which is context, not a skill ("big data analytics")
                    accepted = sorted(accepted + self._resolve_ambiguity(
                        displaced, window, line, document, offset, rules),
                        key=lambda m: m.start)
                    raw = raw + displaced
            covered.setdefault(index, []).append((offset, raw, accepted))
            if len(accepted) < len(raw):
                products = self._capitalised_products
                unsure.extend((offset, m, raw, window) for m in raw
                              if m.skill in products and m not in accepted)
            if trace:
                for m in set(skill_hits) - set(raw) - set(nested):
                    rejected.append(Rejection(m.skill, m.form, m.start + offset, m.end + offset,
                                              "inside a longer name"))
                rejected.extend(
                    Rejection(m.skill, m.form, m.start + offset, m.end + offset,
                              self._why_not(m, window))
                    for m in raw if m not in accepted)
            for match in accepted:
                mentions.append(self._mention(scan, kind, match.skill, match.start + offset,
                                              match.end + offset,
                                              "exact" if match.exact else "phrase",
                                              rules.get(match, "")))
            kept_outer = set(accepted)
            for inner, outer in nested.items():
                if outer in kept_outer and not self._is_imported_phrase(inner):
                    mentions.append(self._nested_mention(scan, kind, inner, offset,
                                                         asked=_slash_pair(outer, inner)))
            for match in longest_first(degree_found):
                if match.skill in DEGREE_LEVELS and any(
                        match.start < r.end and r.start < match.end for r in raw):
                    continue  # "MS Office", "MS SQL Server": a skill, not a master's degree
                degree_hits.append((offset, match, window, line))
        scan.check_time()
        if unsure:
            mentions.extend(self._capitalised_in_technical_text(scan, kind, unsure, mentions,
                                                                rejected))
        mentions.extend(self._lowercase_list_items(scan, kind, flat, hits, mentions,
                                                   rejected if trace else None))
        scan.check_time()
        if "(" in text:
            mentions.extend(self._vendor_lists(scan, kind))
        mentions.extend(self._of_phrases(scan, kind))
        if kind == "resume":  # a resume tells what its owner did; a posting's duties in verbs
            # ("deploy models") repeat what its requirements name (measured: dev set P -1.3)
            mentions.extend(self._verb_object_phrases(scan, kind))
        mentions.extend(self._verb_form_mentions(scan, kind, hits))
        mentions.extend(self._numbered_series(scan, kind, mentions))
        mentions.extend(self._object_ellipsis(scan, kind))
        mentions.extend(self._soft_phrases(scan, kind))
        scan.check_time()
        if self.fuzzy:
            mentions.extend(self._fuzzy_mentions(scan, kind, segments, covered))
        scan.check_time()
        mentions = sorted({(m.start, m.end, m.skill): m for m in mentions}.values(),
                          key=lambda m: (m.start, m.end, m.skill))
        degrees, field_spans = self._degrees(scan, kind, degree_hits)
        scan.check_time()
        # "a degree in Computer Science, Statistics or Mathematics" names fields, not skills;
        # "our data science team", "the leadership team" name a group of people.
        kept: list[Mention] = []
        inside_field = _SpanSet(field_spans)
        organisations = _organisation_spans(text) if mentions else _SpanSet(())
        employers: dict[str, bool] = {}  # a name as written -> whether it is the employer's
        employs: Callable[[str], bool] | None = None
        starts = [m.start for m in mentions]  # in order: sorted above
        for index, found in enumerate(mentions):
            if not index & 0x3FF:
                scan.check_time()
            a, b = found.start, found.end
            # a soft skill before "team members", or written as a bare verb before "teams", is
            # a verb and its object ("mentor junior team members", "coach teams to be
            # self-accountable"), not a team ("our leadership team", "the coaching team")
            reason = ("a field of study in a degree line"
                      if inside_field.overlaps(a, b) else _names_people(text, a, b, kind)
                      if found.skill in self._broad and not (
                          found.skill in self._soft and _verb_and_team(found.text, text, b))
                      else None)
            if reason is None and organisations.overlaps(a, b):
                reason = "inside a company's name (rule organisation-name)"
            if (reason is None and kind == "posting" and found.text[:1].isupper()
                    and found.skill not in self._broad):  # a product, not "Leadership"
                employer = employers.get(found.text)
                if employer is None:
                    if employs is None:
                        employs = employer_rule().employers(text)
                    employer = employers[found.text] = employs(found.text)
                if employer:
                    reason = "the employer's own name (rule employer-name)"
            if (reason is None and kind == "posting" and found.skill in self._imported
                    and _narrative(text, a, b)
                    and not _listed_beside(found, mentions, starts, text)):
                reason = ("a name from an imported layer in a long narrative paragraph of a "
                          "posting, not beside another skill (rule narrative-paragraph)")
            if reason is None:
                kept.append(found)
            elif trace:
                rejected.append(Rejection(found.skill, found.text, a, b, reason))
        mentions = kept
        generic = self._generic
        families = tuple(m for m in mentions if m.skill in generic)
        mentions = [m for m in mentions if m.skill not in generic]
        if kind == "posting":  # a name inside a longer one is no item of a list
            inside = [m for m in mentions if m.rule == "nested"]
            mentions = _either_or_groups(text, [m for m in mentions if m.rule != "nested"])
            mentions = sorted(mentions + inside, key=lambda m: (m.start, m.end, m.skill))
        return Extraction(
            document=document,
            kind=kind,
            mentions=tuple(mentions),
            families=families,
            rejected=tuple(sorted(rejected, key=lambda r: (r.start, r.end, r.skill))),
            degrees=degrees,
            min_years=self._min_years(scan) if kind == "posting" else None,
            experience_years=(self._experience(document, mentions) if kind == "resume"
                              else None),
            taxonomy=f"{self.taxonomy.id}@{self.taxonomy.version}",
        )

    def _build_lazy_parts(self, kind: str) -> None:
        """Build, once, the indexes the passes build on first use (a no-op after that)."""
        for name in ("_ambiguous", "_generic", "_imported", "_cues", "_soft", "_broad",
                     "_capitalised_products", "_product_ids", "_curated_phrases", "_heads",
                     "_first_words", "_name_keys", "_name_tails", "_head_ends"):
            getattr(self, name)
        if self.fuzzy:
            getattr(self, "_fuzzy")
        if kind == "resume":
            getattr(self, "_verb_objects")

    # ------------------------------------------------------------------ pieces

    def _mention(self, scan: _Scan, kind: str, skill: str, start: int, end: int,
                 method: str, rule: str = "") -> Mention:
        document, text = scan.document, scan.document.text
        section = document.section_at(start)
        section_kind = section.kind if section else "preamble"
        clauses = scan.clauses
        clause = clauses.bounds(start)
        level = (_level(text, start, end, section_kind, clause, clauses, scan.voices)
                 if kind == "posting" else None)
        negated = clauses.negated(start, clause)
        years = clauses.years(start, end, clause)
        return Mention(skill, text[start:end], start, end, section_kind, negated, level, years,
                       method, rule=rule or method)

    def _nested(self, chosen: list[RawMatch], hits: list[RawMatch]) -> dict[RawMatch, RawMatch]:
        """The names inside a longer name that are skills of their own: "Azure" in "Azure Data
        Factory", "AWS" in "AWS EMR", "big data" in "big data analytics" (each inner match -> the
        outer one). An ambiguous inner form counts only when the outer skill implies it or is
        narrower than it ("Spark" in "Spark MLlib"; not "C" in "Objective-C")."""
        out: dict[RawMatch, RawMatch] = {}
        taken = set(chosen)
        for inner in hits:
            if inner in taken:
                continue
            for outer in chosen:
                if not (outer.start <= inner.start and inner.end <= outer.end) or (
                        outer.skill == inner.skill) or outer.skill in self._generic:
                    continue  # under a family, a name is read on its own (_displaced)
                if self._split_word(outer):
                    break  # "Java Script" is JavaScript written apart: no Java in it
                if self._is_ambiguous(inner) and inner.skill not in self._related(outer.skill) \
                        and not _slash_pair(outer, inner):
                    continue
                before = outer.form[:inner.start - outer.start].split()
                if before and before[-1].lower() in self._cues_of(inner.skill).not_before:
                    break  # its own record says the word before makes it another thing:
                    # "Web Services" of "Amazon Web Services" (rule skill-hint-not)
                if inner.skill not in {o.skill for o in out}:
                    out[inner] = outer
                break
        return out

    def _why_not(self, match: RawMatch, window: Any) -> str:
        """Why :meth:`_resolve_ambiguity` left ``match`` out, for a trace: the words of its
        window that decided, where a rule reads them."""
        if self._is_ambiguous(match):
            return _NO_CONTEXT if match.skill not in self._imported else _NOT_LISTED
        doc = window.get()
        if match.form[:1].isupper() and self._is_imported_phrase(match) \
                and _in_capitalised_run(match, doc):
            return _CAPITALISED_RUN
        word = _hint_word(_neighbours(match, doc), self._cues_of(match.skill))
        return f"{_HINT_NOT}: {word!r}" if word else _HINT_NOT

    def _split_word(self, match: RawMatch) -> bool:
        """The match is a skill whose name is one word, written apart ("Java Script" for
        JavaScript, "Power Point"): its parts name nothing of their own. ("Azure ML" is not:
        Azure Machine Learning is named in words.)"""
        return " " in match.form and (match.form.replace(" ", "").lower()
                                      == self.taxonomy[match.skill].name.lower())

    def _related(self, skill: str) -> frozenset[str]:
        """What a skill implies or is narrower than."""
        return frozenset((*self.taxonomy.implied(skill), *self.taxonomy.broader(skill)))

    def _nested_mention(self, scan: _Scan, kind: str, inner: RawMatch, offset: int, *,
                        asked: bool = False) -> Mention:
        """A skill named inside a longer one: evidence in a resume; in a posting the longer
        name is what is asked, so the inner skill is not asked again (level None; the scorer
        credits it through the outer one). One side of a slash pair ("AI" in "ML/AI") is
        ``asked``: the pair names both."""
        if asked:
            return self._mention(scan, kind, inner.skill, inner.start + offset,
                                 inner.end + offset, "phrase", "slash-pair")
        mention = self._mention(scan, kind, inner.skill, inner.start + offset, inner.end + offset,
                                "nested", "nested")
        if kind != "posting":
            return mention
        return Mention(mention.skill, mention.text, mention.start, mention.end, mention.section,
                       mention.negated, None, mention.years, mention.method, None, mention.rule)

    def _resolve_ambiguity(self, raw: list[RawMatch], doc: Any, seg_text: str,
                           document: Document, offset: int,
                           rules: dict[RawMatch, str]) -> list[RawMatch]:
        """Keep every unambiguous match; keep an ambiguous one only in technical context.
        ``rules`` learns the context rule that accepted each ambiguous match kept."""
        sure: list[RawMatch] = []
        maybe: list[RawMatch] = []
        for m in raw:
            (maybe if self._is_ambiguous(m) or (
                m.form[:1].isupper() and self._is_imported_phrase(m)
                and _in_capitalised_run(m, doc.get())) else sure).append(m)
        # rule skill-hint-not for a skill no name of which is ambiguous: its own not_before /
        # not_after words still make it prose ("the team stays agile")
        unvetoed: list[RawMatch] = []
        for m in sure:
            cues = self._cues_of(m.skill)
            if ((cues.not_before or cues.not_after) and not self.taxonomy.skills[m.skill].ambiguous
                    and _vetoed_by_hint(_neighbours(m, doc.get()), cues)):
                continue
            unvetoed.append(m)
        if len(unvetoed) < len(sure):
            sure, raw = unvetoed, unvetoed + maybe
        if not maybe:
            return sorted(raw, key=lambda m: m.start)
        section = document.section_at(offset)
        section_kind = section.kind if section else "preamble"
        kept = list(sure)
        doc = doc.get()  # the stretch's tokens, made only now that a rule needs them
        imported, soft = self._imported, self._soft

        def used_as_skill(match: RawMatch, others: list[RawMatch]) -> str | None:
            if match.skill in imported:  # an English word an importer flagged: list evidence,
                # which a soft skill does not give ("cross-functional teams, mentor juniors")
                return _listed(match, doc, seg_text, [o for o in others if o.skill not in soft],
                               section_kind, _runs_on(document.text, offset + match.end))
            return _technical(match, doc, seg_text, others, section_kind,
                              self._cues_of(match.skill), raw)

        for match in maybe:
            rule = used_as_skill(match, sure)
            if rule:
                kept.append(match)
                rules[match] = rule
        # A second round: ambiguous forms listed next to accepted ones ("R, Go, C").
        changed = True
        while changed:
            changed = False
            for match in maybe:
                if match not in kept:
                    rule = used_as_skill(match, kept)
                    if rule:
                        kept.append(match)
                        rules[match] = rule
                        changed = True
            if not changed and len(raw) >= 3:  # names that vouch for one another: "Firefox,
                # Chrome, Safari" (a list of names holds three or more of the stretch's names)
                undecided = [m for m in maybe if m not in kept and not _vetoed(
                    m, _neighbours(m, doc), self._cues_of(m.skill))
                    and not _names_something_else(m, doc, raw)]
                if not undecided:
                    break
                runs_on = {m for m in raw if _runs_on(document.text, offset + m.end)}
                for match in _list_of_names(undecided, raw, doc, runs_on):
                    kept.append(match)
                    rules[match] = "list-of-names"
                    changed = True
        return sorted(kept, key=lambda m: m.start)

    @cached_property
    def _imported_phrases(self) -> frozenset[str]:
        """The lowercased names of imported skills that are phrases of ordinary words
        ("resource management", "property management"): written capitalised beside another
        capitalised word ("Property Management Coordinator") they are part of a longer name or
        title, so they count there only as ambiguous names do, and inside a longer name
        ("Human Resource Management") they are no skill of their own (rule
        inside-capitalised-name)."""
        imported = self._imported
        return frozenset(form.lower() for s in self.taxonomy if s.id in imported
                         for form in s.surface_forms if _plain_phrase(form))

    def _is_imported_phrase(self, match: RawMatch) -> bool:
        """``match`` names an imported skill by one of :attr:`_imported_phrases`."""
        return match.form.lower() in self._imported_phrases and match.skill in self._imported

    @cached_property
    def _capitalised_products(self) -> frozenset[str]:
        """Curated products, languages and platforms with an ambiguous name (Kafka, Scala,
        React, Go): the skills rule capitalised-in-technical-text may accept."""
        skills = self.taxonomy.skills
        return frozenset(s for s in self._product_ids if skills[s].ambiguous)

    def _capitalised_in_technical_text(self, scan: _Scan, kind: str,
                                       unsure: list[tuple[int, RawMatch, list[RawMatch], Any]],
                                       found: list[Mention], rejected: list[Rejection]
                                       ) -> list[Mention]:
        """Rule capitalised-in-technical-text: in a text that names at least three curated
        products by unambiguous names, a curated product's ambiguous name written capitalised
        inside a sentence, alone (no capitalised word beside it), is the product: "built
        ingestion services in Scala on Kafka", "React on the front end". Not at a sentence's
        start, not in a run of capitalised words ("Julia Chen", "Snowflake Inc."), not where a
        rule says prose ("Go to", "Spark, Milan"). ``rejected`` loses the names it accepts."""
        sure = {m.skill for m in found if m.rule in ("phrase", "exact")
                and m.skill in self._product_ids}
        if len(sure) < ambiguity_rules()["capitalised-in-technical-text"].limit:
            return []
        out: list[Mention] = []
        for offset, match, raw, window in unsure:
            doc = window.get()
            if not _capitalised_alone(match, doc) or _vetoed(
                    match, _neighbours(match, doc), self._cues_of(match.skill)) or \
                    _names_something_else(match, doc, [o for o in raw if o is not match]):
                continue
            start, end = match.start + offset, match.end + offset
            out.append(self._mention(scan, kind, match.skill, start, end,
                                     "exact" if match.exact else "phrase",
                                     "capitalised-in-technical-text"))
            rejected[:] = [r for r in rejected if (r.skill, r.start, r.end) != (
                match.skill, start, end)]
        return out

    def _lowercase_list_items(self, scan: _Scan, kind: str, flat: str,
                              hits: list[tuple[int, int, str]], found: list[Mention],
                              rejected: list[Rejection] | None) -> list[Mention]:
        """Rule lowercase-list-item: a name that counts only as written with a capital
        ("Excel", "R", "Go"), written in lowercase as an item of a list beside skills, is the
        skill: "word, excel, powerpoint", "python, r, sql". Not in prose ("and go to the
        office"), and only in a list whose writer lowercases names: the item next to it is a
        name written with capitals, in lowercase there ("python"), or every item next to it is
        written in lowercase ("bank reconciliations, billing, bookkeeping"; in "Linux, access,
        Excel" the lowercase word is a word). ``rejected`` (when tracing)
        gets the lowercase list items beside skills that are not counted."""
        out: list[Mention] = []
        lines: dict[int, list[Mention]] = {}  # line start -> the mentions on it
        cased = self._phrases.cased_keys
        for a, b, key in hits:
            if key not in cased or flat[a:b] != key:
                continue  # written otherwise than all lowercase ("Excel"): the matchers read it
            skills = self._phrases.cased_names(key)
            if len(skills) != 1:
                continue
            skill = next(iter(skills))
            if self.taxonomy.skills[skill].category in DEGREE_CATEGORIES:
                continue
            line_start = flat.rfind("\n", 0, a) + 1
            line_end = flat.find("\n", b)
            line_end = len(flat) if line_end < 0 else line_end
            beside = lines.get(line_start)
            if beside is None:
                beside = lines[line_start] = [m for m in found
                                              if line_start <= m.start and m.end <= line_end]
            if not beside or any(m.start < b and a < m.end for m in beside):
                continue
            if len(beside) < 2 or not _list_item(flat, a, b, line_start, line_end):
                continue  # prose ("we're", "go to the office"): nothing to explain
            adjacent = [m for m in beside if _LIST_GAP.fullmatch(flat, m.end, a)
                        or _LIST_GAP.fullmatch(flat, b, m.start)]
            # the writer lowercases names ("python, r"), or every item beside it is written in
            # lowercase ("bank reconciliations, billing, bookkeeping"; not "Linux, access, Excel"),
            # or it is a technique listed in a resume's skills section, where the word is the
            # skill ("Routers, scheduling, servers"; a product's lowercase name there is still a
            # word: "Linux, access, Excel")
            if adjacent and (any(self._written_lowercase(m) for m in adjacent)
                             or all(m.text.islower() for m in adjacent)) \
                    or self._listed_technique(scan, kind, skill, a, key):
                out.append(self._mention(scan, kind, skill, a, b, "phrase",
                                         "lowercase-list-item"))
            elif rejected is not None:
                rejected.append(Rejection(skill, flat[a:b], a, b, _LOWERCASE))
        return out

    def _listed_technique(self, scan: _Scan, kind: str, skill: str, offset: int,
                          key: str) -> bool:
        """``skill`` is a curated technique or concept (no product), ``key`` one of its names
        that is a word (not an acronym lowercased: "bi"), and ``offset`` lies in a resume's
        skills section (rule lowercase-list-item)."""
        record = self.taxonomy.skills[skill]
        if kind != "resume" or skill in self._imported or record.category not in _WORD_NAMED \
                or key.capitalize() not in (record.name, *record.exact, *record.aliases):
            return False  # an acronym ("BI") is never written as a capitalised word
        section = scan.document.section_at(offset)
        return section is not None and section.kind == "skills"

    def _written_lowercase(self, mention: Mention) -> bool:
        """``mention`` is a name people write with capitals (a curated product, or a name with
        a capital after its first letter: "PowerPoint", "SQL"), written all lowercase."""
        if mention.text != mention.text.lower():
            return False
        name = self.taxonomy.skills[mention.skill].name
        return mention.skill in self._product_ids or name[1:] != name[1:].lower()

    @cached_property
    def _product_ids(self) -> frozenset[str]:
        """Curated skills of the product categories (see :data:`_PRODUCT_CATEGORIES`)."""
        return frozenset(s.id for s in self.taxonomy
                         if s.id not in self._imported and s.category in _PRODUCT_CATEGORIES)

    @cached_property
    def _curated_phrases(self) -> tuple[list[str], ...]:
        """The lowercased words of each curated name of two words or more (no family, no
        field of study): where the ellipsis and of-phrase rules look for heads."""
        return tuple(form.lower().split() for s in self.taxonomy
                     if s.id not in self._imported and not s.generic
                     and s.category not in DEGREE_CATEGORIES
                     for form in s.surface_forms if " " in form.strip())

    @cached_property
    def _heads(self) -> frozenset[str]:
        """The last words of the curated names of two words or more ("learning", "systems"):
        the heads a coordination ellipsis may lend."""
        return frozenset(words[-1] for words in self._curated_phrases)

    @cached_property
    def _first_words(self) -> frozenset[str]:
        """The first words of the curated names of two words or more ("model", "code"): the
        objects rule of-phrase can read a name back from."""
        return frozenset(words[0] for words in self._curated_phrases)

    @cached_property
    def _name_keys(self) -> frozenset[str]:
        """Every key Taxonomy.get() looks up (ids, exact forms, aliases), lowercased."""
        tax = self.taxonomy
        return frozenset(key.lower() for keys in (tax.skills, tax._by_exact, tax._by_alias)
                         for key in keys)

    @cached_property
    def _name_tails(self) -> frozenset[str]:
        """The last words of every key of :attr:`_name_keys` of two words or more, from its
        second word on ("machine learning", "learning" of "unsupervised machine learning"):
        the only heads after which a conjunct can complete a name."""
        return frozenset(" ".join(words[k:]) for words in map(str.split, self._name_keys)
                         for k in range(1, len(words)))

    def _named(self, phrase: str) -> Skill | None:
        """``self.taxonomy._named(phrase)`` (no version suffix), answered at once for the many
        phrases of single-spaced words whose lowercase is no key at all (the ellipsis pass asks
        thousands a document; a handful name something). :attr:`_name_keys` must hold every key
        it reads (tests/test_extract.py compares the two on thousands of phrases)."""
        lowered = phrase.lower()
        if lowered not in self._name_keys and " ".join(lowered.split()) == lowered:
            return None  # then the normalised alias is ``lowered``: no id, form or alias
        return self.taxonomy._named(phrase)

    @cached_property
    def _head_ends(self) -> frozenset[str]:
        """The last token a head word of :attr:`_heads` can end with: a word after a
        coordinator is alphabetic tokens joined by hyphens ("semi-supervised"), so it is a
        head only if its last token is the last hyphen-part of one."""
        return frozenset(head.split("-")[-1] for head in self._heads)

    def _elided(self, raw: list[RawMatch], window: Any) -> list[RawMatch]:
        """Skills named by coordination ellipsis: in "supervised, semi-supervised and
        unsupervised learning" the last conjunct lends its head ("learning") to the words
        listed before it, and each "<word> learning" the taxonomy knows is a skill. The last
        conjunct need not be a skill itself ("recommendation or ranking systems"), and the head
        may be two words ("supervised and unsupervised machine learning")."""
        doc: Tokens = window.get()
        lowered, text, alpha = doc.lower, doc.text, doc.alpha
        if _COORDINATORS.isdisjoint(lowered):
            return []  # nothing to lend a word across
        first = raw[0]  # the stretch's start in the Doc: a window may begin with spaces
        base = doc.idx[first.token_start] - first.start
        taken = {t for m in raw for t in range(m.token_start, m.token_end)}
        out: list[RawMatch] = self._lent_forward(raw, doc, taken, base)
        if self._head_ends.isdisjoint(lowered):
            return out  # no head word to lend backward
        heads = self._heads
        last = len(doc) - 2  # a coordinator needs two words after it
        for i in [i for i, lower in enumerate(lowered) if lower in _COORDINATORS and i < last]:
            # what _conjuncts_before asks first, whatever the head: a word before it
            end = i - 1 if lowered[i] in ("and", "or") and text[i - 1] == "," else i
            if end < 1 or not alpha[end - 1]:
                continue
            right = _words_after(doc, i + 1)
            found: list[RawMatch] = []
            for e in range(len(right), 1, -1):  # the head ends at a head word: "unsupervised
                if right[e - 1][2].lower() not in heads:  # machine learning approaches"
                    continue
                full = self._named(" ".join(w for _, _, w in right[:e]))
                if full is not None and full.category in DEGREE_CATEGORIES:
                    break  # "Data/Computer Science": fields of study, not "Data Science"
                head_end = doc.end(right[e - 1][1] - 1)
                if rule_pattern("names-a-team").match(doc.source, head_end, head_end + 80):
                    break  # heads of names of teams: "development, product, and marketing
                    # teams" name no product marketing (rule names-a-team)
                tails = self._name_tails
                for k in range(1, e):
                    head = " ".join(w for _, _, w in right[k:e])
                    if head.lower() not in tails:
                        continue  # no name ends with it, so no conjunct can make one
                    found = self._conjuncts_before(doc, i, head, taken, base)
                    if found:
                        break
                if found:
                    break
            out.extend(found)
        return out

    def _lent_forward(self, raw: list[RawMatch], doc: Tokens, taken: set[int],
                      base: int) -> list[RawMatch]:
        """Skills named by ellipsis the other way: in "data engineering and science" the first
        conjunct lends its first words ("data") to the word after the coordinator, and "data
        science" is a curated skill ("Model Deployment and Monitoring", "natural language
        processing and understanding"). The lent words are a name's first words, longest
        first; the word after the coordinator must be free (no name of its own)."""
        out: list[RawMatch] = []
        lower, alpha, n = doc.lower, doc.alpha, len(doc)
        for m in raw:
            i = m.token_end
            if m.token_end - m.token_start < 2 or i + 1 >= n or lower[i] not in ("and", "or"):
                continue
            j = i + 1
            if not alpha[j] or j in taken:
                continue
            for cut in range(m.token_end - m.token_start - 1, 0, -1):
                lent = doc.span(m.token_start, m.token_start + cut)
                skill = self._named(f"{lent} {doc.text[j]}")
                if (skill is None or skill.id == m.skill or skill.category in DEGREE_CATEGORIES
                        or skill.generic or skill.id in self._imported):
                    continue
                out.append(RawMatch(skill.id, doc.text[j], doc.idx[j] - base,
                                    doc.end(j) - base, j, j + 1, False))
                break
        return out

    def _object_ellipsis(self, scan: _Scan, kind: str) -> list[Mention]:
        """Skills named by ellipsis of an object ("model development and deployment": model
        deployment; see :func:`~.extraction._readings.object_ellipsis`): curated ones only."""
        def named(phrase: str) -> str | None:
            skill = self._named(phrase)
            return None if (skill is None or skill.category in DEGREE_CATEGORIES
                            or skill.generic or skill.id in self._imported) else skill.id

        return [self._mention(scan, kind, r.skill, r.start, r.end, "phrase", r.rule)
                for r in object_ellipsis(scan.document.text, named)]

    def _conjuncts_before(self, doc: Tokens, i: int, head: str, taken: set[int],
                          base: int) -> list[RawMatch]:
        """Walk back from the coordinator at token ``i`` over "A, B and" while each
        "<conjunct> <head>" is a curated skill; in a run of words joined by slashes one
        conjunct that names none may stand between ("unit/integration/service tests": "unit
        tests"; not "performance, quality, data management"); a conjunct that is a name of its
        own is walked past when "and", "or" or "&" ends the run ("organizational, leadership,
        and communication skills": "organizational skills")."""
        out: list[RawMatch] = []
        lower, text, alpha, space = doc.lower, doc.text, doc.alpha, doc.space
        skips = 1
        closed = lower[i] in ("and", "or", "&")  # "A, B and C": not a flat list of names
        while i > 0 and lower[i] in _COORDINATORS:
            if lower[i] in {"and", "or"} and text[i - 1] == ",":
                i -= 1  # the Oxford comma: "a, b, and c"
            end = i
            if end < 1 or not alpha[end - 1]:
                break
            if end - 1 in taken:  # a conjunct that is a name of its own is an item of the
                # list: walk past it ("organizational, leadership, and communication skills"),
                # not in a flat list of names ("negotiations, network, Oracle, performance
                # management" lends no head)
                if not closed:
                    break
                j = end - 1
                while j > 0 and j - 1 in taken and not space[j - 1]:
                    j -= 1
                words = doc.span(j, end)
                skill = self._named(f"{words} {head}")  # the name with the head, if any, first:
                if (skill is not None and skill.category not in DEGREE_CATEGORIES  # "marketing
                        and not skill.generic and skill.id not in self._imported):  # materials"
                    out.append(RawMatch(skill.id, words, doc.idx[j] - base,
                                        doc.end(end - 1) - base, j, end, False))
                i = j - 1
                continue
            j = end - 1
            while j > 0 and not space[j - 1] and (alpha[j - 1] or text[j - 1] == "-"):
                j -= 1  # a hyphenated modifier: "semi-supervised"
            slashed = j
            while slashed > 1 and not space[slashed - 1] and text[slashed - 1] == "/" \
                    and not space[slashed - 2] and alpha[slashed - 2]:
                slashed -= 2  # a name with a slash in it: "A/B and multivariate tests"
            skill = None
            if slashed < j:
                skill = self._named(f"{doc.span(slashed, end)} {head}")
                if skill is not None:
                    j = slashed
            words = doc.span(j, end)
            skill = skill or self._named(f"{words} {head}")
            if (skill is None and skips and j == end - 1 and j > 0 and text[end] == "/" == text[j - 1]
                    and not (space[j - 1] or space[j] or space[j - 2])):
                skips -= 1  # a one-word conjunct of a slash run that names nothing: look past it
                i = j - 1
                continue
            if (skill is None or skill.category in DEGREE_CATEGORIES or skill.generic
                    or skill.id in self._imported):
                break
            out.append(RawMatch(skill.id, words, doc.idx[j] - base, doc.end(end - 1) - base,
                                j, end, False))
            i = j - 1
        return out

    def _vendor_lists(self, scan: _Scan, kind: str) -> list[Mention]:
        """Products listed under their vendor's name: in "Google Apps (Drive, Docs, Sheets)"
        each item with the vendor's name before it ("Google Drive") is a skill the taxonomy may
        know - the ellipsis of product names."""
        text = scan.document.text
        out = []
        for group in _vendor_groups(text):
            # the vendor, or a word of its product line after it: "Microsoft Office Suite
            # (Word, Publisher)" lists Microsoft Word and Microsoft Publisher
            vendors = [group["vendor"], *group["line"].split()]
            for item in _LIST_ITEM.finditer(group["items"]):
                name = item.group().strip()
                skill = next((found for found in (self.taxonomy._named(f"{vendor} {name}")
                                                  for vendor in vendors) if found is not None),
                             None)
                if skill is None or skill.generic or skill.category in DEGREE_CATEGORIES:
                    continue
                start = group.start("items") + item.start() + (len(item.group())
                                                               - len(item.group().lstrip()))
                out.append(self._mention(scan, kind, skill.id, start, start + len(name),
                                         "phrase", "vendor-list"))
        return out

    def _of_phrases(self, scan: _Scan, kind: str) -> list[Mention]:
        """Names written the other way round (rule of-phrase, rules/inversion.toml): "the
        deployment and monitoring of models" names model deployment and model monitoring;
        each mention is its head word."""
        text = scan.document.text
        out = []
        right, left = _of_phrase_patterns()
        first_words = self._first_words
        for after in right.finditer(text):
            obj, obj_end = _object_head(after["object"])
            if obj.lower() not in first_words and _singular(obj).lower() not in first_words:
                continue  # no curated name starts with the object: nothing to read back
            start = max(0, after.start() - 60)
            found = left.search(text, start, after.start())
            if found is None or (found.start() == start > 0 and text[start - 1].isalpha()):
                continue
            obj_end += after.start("object")
            objects = dict.fromkeys((_singular(obj), obj))
            for group in ("head", "other"):
                head = found[group]
                if head is None or head.isupper() or self._named(
                        text[found.start(group):obj_end]) is not None:
                    continue  # "Design of Experiments" is a name as written
                for form in objects:
                    skill = self._named(f"{form} {head}")
                    if skill is None or skill.generic or skill.id in self._imported \
                            or skill.category in _NOT_INVERTED or skill.ambiguous:
                        continue  # "the work of the team" names no teamwork
                    out.append(self._mention(scan, kind, skill.id, found.start(group),
                                             found.end(group), "phrase", "of-phrase"))
                    break
        return out

    @cached_property
    def _verb_objects(self) -> tuple[re.Pattern[str] | None, Mapping[str, Mapping[str, str]], Any]:
        """Rule verb-object's index: (the pattern of what may follow a verb: a determiner at
        most and up to three words; each verb form (lowercase) of the curated names "<object>
        <action>" ("model training": "trained", "trains", ...) -> {object: skill id}; an
        Aho-Corasick automaton over those forms)."""
        rule = inversion_rule("verb-object")
        index: dict[str, dict[str, str]] = {}
        for words in self._curated_phrases:
            if len(words) != 2 or not words[0].isalpha() or not words[1].isalpha():
                continue
            obj, action = words
            skill = self._named(f"{obj} {action}")
            if skill is None or skill.generic or skill.id in self._imported \
                    or skill.category in _NOT_INVERTED or skill.ambiguous \
                    or self._named(obj) is not None or obj in rule.not_objects:
                continue  # "Python programming": its object is a name found as written
            for verb in _verb_forms(action, rule.suffixes, rule.same):
                index.setdefault(verb, {}).setdefault(obj, skill.id)
        if not index:
            return None, {}, None
        import ahocorasick

        verbs: Any = ahocorasick.Automaton()  # finds the verb forms in one C pass over a text
        for verb in index:
            verbs.add_word(verb, verb)
        verbs.make_automaton()
        determiners = "|".join(sorted(map(re.escape, rule.words)))
        # what follows a verb: matched only where a word of the index stands (a pattern of
        # every verb form tried at each word was 2.5x the cost of a resume's extraction)
        pattern = re.compile(rf"[ \t]+(?:(?:{determiners})[ \t]+)?"
                             r"(?P<object>[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,}){0,2})\b",
                             re.IGNORECASE)
        return pattern, index, verbs

    def _verb_object_phrases(self, scan: _Scan, kind: str) -> list[Mention]:
        """Names written as a verb and its object (rule verb-object, rules/inversion.toml):
        "Trained NLP models" names model training; each mention is the verb."""
        after_verb, index, verbs = self._verb_objects
        lowered = sliceable_lower(scan.document.text)  # same offsets (else, rarely: no rule)
        if after_verb is None or lowered is None:
            return []
        text = scan.document.text
        out = []
        for last, verb in verbs.iter(lowered):
            start, end = last + 1 - len(verb), last + 1
            if (start and lowered[start - 1].isalnum()) or lowered[end:end + 1].isalnum():
                continue  # inside a longer word
            found = after_verb.match(text, end)
            if found is None:
                continue
            objects = index[verb]
            words = found["object"].lower().split()
            if not any(w in objects or _singular(w) in objects for w in words):
                continue  # the common case, answered before the head is looked for
            obj, _ = _object_head(found["object"], "verb-object")
            skill = objects.get(obj.lower()) or objects.get(_singular(obj).lower())
            if skill is not None:
                out.append(self._mention(scan, kind, skill, start, end, "phrase", "verb-object"))
        return out

    def _soft_phrases(self, scan: _Scan, kind: str) -> list[Mention]:
        """Soft skills said in a phrase with a slot (rules/soft_phrases.toml: "interfacing with
        stakeholders of various levels" is stakeholder management); the mention is the phrase."""
        text = scan.document.text
        out = []
        for r in soft_phrase_readings(text, self.taxonomy.skills):
            if kind == "posting" and _company_voice(text, (scan.clauses.bounds(r.start)[0],
                                                           r.start)):
                continue  # a trait the employer claims for itself, in any section (the voice
                # rules of rules/boilerplate.toml on the clause up to the phrase): "We establish
                # supplier relationships"; not "We're looking for someone who solves problems"
            out.append(self._mention(scan, kind, r.skill, r.start, r.end, "phrase", r.rule))
        return out

    def _numbered_series(self, scan: _Scan, kind: str, mentions: list[Mention]) -> list[Mention]:
        """Rule numbered-series ("Series 7, 63 and 66"; rules/inversion.toml): the mention is
        each number."""
        def named(phrase: str) -> str | None:
            skill = self.taxonomy.get(phrase)
            return None if skill is None or skill.category in DEGREE_CATEGORIES else skill.id

        return [self._mention(scan, kind, r.skill, r.start, r.end, "phrase", r.rule)
                for r in numbered_series(scan.document.text,
                                         [(m.text, m.end) for m in mentions], named)]

    @cached_property
    def _verb_names(self) -> tuple[Mapping[str, str], Any]:
        """Rule verb-form's index: each verb form (lowercase) of a curated one-word action
        noun of the rule's categories ("negotiation": "negotiated", "negotiates") -> the
        skill; an Aho-Corasick automaton over those forms (None when there are none)."""
        rule = inversion_rule("verb-form")
        # every form of a verb the rule names: "summarize" blocks "summarizing" too
        blocked = {form for stem in rule.not_verbs for form in _inflections(stem, doubled=True)}
        blocked |= {form for stem in rule.not_bare for form in (stem, stem + "s")}
        index: dict[str, str] = {}
        for skill in self.taxonomy:
            if skill.id in self._imported or skill.generic or skill.category not in rule.categories:
                continue
            for form in skill.surface_forms:  # one word; or the name, two joined by a hyphen
                if not (form.isalpha() or ("-" in form and form == skill.name
                                           and form.replace("-", "", 1).isalpha())) \
                        or form.isupper() or form in skill.ambiguous:
                    continue  # ("Fine-tuning": "fine-tune models"; not an alias: "e-filing")
                lowered = form.lower()
                for verb in _verb_forms(lowered, rule.suffixes):
                    if verb != lowered and verb not in blocked and self._named(verb) is None:
                        index.setdefault(verb, skill.id)
        if not index:
            return {}, None
        import ahocorasick

        verbs: Any = ahocorasick.Automaton()
        for verb in index:
            verbs.add_word(verb, verb)
        verbs.make_automaton()
        return index, verbs

    def _verb_form_mentions(self, scan: _Scan, kind: str,
                            hits: Sequence[tuple[int, int, str]]) -> list[Mention]:
        """Names written as a verb (rule verb-form, rules/inversion.toml): "Negotiated
        contracts with vendors" shows negotiation, "Forecasted operating costs" forecasting.
        The verb opens its statement (see :func:`_opens_statement`), a lowercase word follows
        it (not one of the rule's ends unless the verb is past: "Negotiated and closed deals";
        not "by" after a past form: "presented by"), and it is no part of a name the candidate
        pass ``hits`` ("machine" of "machine learning")."""
        index, verbs = self._verb_names
        lowered = sliceable_lower(scan.document.text)
        if verbs is None or lowered is None:
            return []
        text = scan.document.text
        rule = inversion_rule("verb-form")
        names = _SpanSet((a, b) for a, b, _ in hits)
        out = []
        for last, verb in verbs.iter(lowered):
            start, end = last + 1 - len(verb), last + 1
            if (start and lowered[start - 1].isalnum()) or lowered[end:end + 1].isalnum():
                continue
            if not text[start + 1:end].islower():
                continue  # "NEGOTIATED" in a heading, "ForeCast" a name
            past = verb.endswith("ed")
            after = _WORD_AFTER.match(text, end)
            if after is None or (after["word"] in rule.past_ends if past
                                 else after["word"] in rule.ends):
                continue  # "forecasts and budgets", "Coach at Lincoln High", "presented by"
            # a capitalised past form after a word opens a sentence whose full stop the text
            # lost ("... 100% profit Negotiated contracts with vendors")
            opens = _opens_statement(text, start, rule.words, past, rule.not_adverbs,
                                     verb.endswith("s")) or (
                past and text[start].isupper())
            if not opens or names.overlaps(start, end):
                continue
            out.append(self._mention(scan, kind, index[verb], start, end, "phrase", "verb-form"))
        return out

    def _is_ambiguous(self, match: RawMatch) -> bool:
        forms = self._ambiguous.get(match.skill)
        if not forms:
            return False
        return match.form in forms or (not match.exact and normalize_alias(match.form) in forms)

    def _fuzzy_mentions(self, scan: _Scan, kind: str, segments: list[tuple[int, int]],
                        covered: dict[int, list[tuple[int, list[RawMatch], list[RawMatch]]]]
                        ) -> list[Mention]:
        """Spelling variants among the unmatched items of list-like lines, in one pass."""
        document = scan.document
        text = document.text
        spans: list[tuple[int, int]] = []
        for index, (start, end) in enumerate(segments):
            if not index & 0x3FF:
                scan.check_time()
            section = document.section_at(start)
            section_kind = section.kind if section is not None else None
            listed = section_kind in _LIST_SECTIONS
            if kind == "posting" and not listed:
                continue  # postings are edited text: typos matter in their skill lists only
            line = text[start:end]
            in_skills = section_kind == "skills"
            # a short bullet of a requirements list is an item too: "- Tensorflw"; in a
            # resume's qualifications a short line is one, bullet or not
            bullet = (listed and (kind == "resume" or _BULLET.match(line) is not None)
                      and len(_WORDS.findall(line)) <= 4)
            if not (in_skills and len(line) < 200) and not bullet and _LIST_SEP.search(line) is None:
                continue
            if not in_skills and not bullet and len(_LIST_SEP.findall(line)) + len(
                    _COORDINATION.findall(line)) < 2:
                continue  # "sklearn, Tensorflw and Py Torch" is a list; "X and Y" alone not
            # an item holding an accepted name is known; so is one inside a name the context
            # rejected, but a rejected word inside an item does not name it ("DOORS" in the
            # misspelt "IBM Rationale DOORS")
            taken: list[tuple[int, int]] = []
            lost: list[tuple[int, int]] = []
            for offset, raw, accepted in covered.get(index, ()):
                for m in raw:
                    (taken if m in accepted else lost).append(
                        (m.start + offset - start, m.end + offset - start))
            for item in _WORD_ITEM.finditer(line):
                # tech-looking: "Tensorflw", "PyTorh", "k8", "Nodejs"; any item in a skills list
                written = item.group()
                if written.count(" ") > 2 or not in_skills and not _TECH_LOOKING.search(written):
                    continue
                a, b = item.span()
                if any(a < e and s < b for s, e in taken) or any(
                        s <= a and b <= e for s, e in lost):
                    continue
                spans.append((a + start, b + start))
        products = [(a, b) for a, b in spans if _long_product_name(text[a:b])]
        curated, long_products = self._fuzzy
        hits = curated.find(text, spans)
        if products:
            found = {(h.start, h.end) for h in hits}
            hits += [h for h in long_products.find(text, products)
                     if (h.start, h.end) not in found]
        return [self._mention(scan, kind, hit.skill, hit.start, hit.end, "fuzzy")
                for hit in hits]

    def _degrees(self, scan: _Scan, kind: str, hits: list[tuple[int, RawMatch, Any, str]]
                 ) -> tuple[tuple[Degree, ...], list[tuple[int, int]]]:
        document = scan.document
        text = document.text
        levels: list[tuple[int, int, str]] = []
        fields: list[tuple[int, int, str]] = []
        for number, (offset, match, doc, line) in enumerate(hits):
            if not number & 0xFF:
                scan.check_time()
            start, end = match.start + offset, match.end + offset
            if match.skill in DEGREE_LEVELS:
                cue = scan.degree_cues.get(line)
                if cue is None:  # once per line: a line of a million characters holds many
                    cue = scan.degree_cues[line] = _DEGREE_CUE.search(line) is not None
                if not self._plausible_degree(match, doc.get(), cue, document, start):
                    continue
                levels.append((start, end, match.skill))
            else:
                fields.append((start, end, match.skill))
        out: list[Degree] = []
        used: list[tuple[int, int]] = []
        fields.sort()
        field_starts = [f[0] for f in fields]
        for start, end, skill in levels:
            c0, c1 = clause_bounds(text, start)
            line_end = text.find("\n", end, end + 120)  # bounded: a line may be a million long
            line_end = len(text) if line_end < 0 else line_end
            limit = max(c1, min(line_end, end + 120)) if kind == "resume" else c1
            near = fields[bisect_left(field_starts, c0):bisect_left(field_starts, limit)]
            field_ids = tuple(dict.fromkeys(f[2] for f in near))
            used.extend((f[0], f[1]) for f in near)
            section = document.section_at(start)
            section_kind = section.kind if section else "preamble"
            requirement = (_level(text, start, end, section_kind, (c0, c1), scan.clauses,
                                  scan.voices) if kind == "posting" else None)
            rank = DEGREE_LEVELS[skill]
            out.append(Degree(LEVEL_NAMES[rank], rank, field_ids, text[start:end], start, end,
                              requirement, bool(_EQUIVALENT.search(text[c0:c1 + 80]))))
        return tuple(out), used

    @staticmethod
    def _plausible_degree(match: RawMatch, doc: Tokens, line_cue: bool, document: Document,
                          start: int) -> bool:
        """Short degree abbreviations (BS, MS, MA, BE) count only beside degree words or a field;
        a bare "master" or "bachelor" only when a degree word follows ("master data", "master
        tables", "master/slave", "Scrum Master" are not degrees); a diploma not from a school.
        ``line_cue``: whether the match's line holds a degree word (worked out once a line)."""
        form = match.form
        after = doc.lower[match.token_end] if match.token_end < len(doc) else ""
        before = doc.lower[match.token_start - 1] if match.token_start > 0 else ""
        bare = form.lower().rstrip("s")
        if bare in ("master", "bachelor"):
            return after in degree_words("degree-word-after") or (not after and line_cue)
        if bare == "diploma":
            return before not in {"school", "ged", "secondary"}
        if "." in form or len(form) > 4 or form.lower() in {"phd", "mba"}:
            return True
        if after in {"in", "of", "degree", "/", "or", "+", ")", "and"} or before in {"/", "or", "("}:
            return True
        section = document.section_at(start)
        return (section is not None and section.kind == "education") or line_cue

    def _min_years(self, scan: _Scan) -> float | None:
        document, text = scan.document, scan.document.text
        found = []
        for years, offset in general_years(text):
            section = document.section_at(offset)
            kind = section.kind if section else "preamble"
            if kind in _CONTEXT_SECTIONS or kind == "preferred":
                continue
            if _level(text, offset, offset + 1, kind, clause_bounds(text, offset), scan.clauses,
                      scan.voices) == "preferred":
                continue
            found.append(years)
        return min(found) if found else None

    def _experience(self, document: Document, mentions: Sequence[Mention] = ()) -> float | None:
        """Years of work: dated ranges outside education ("2013 - 2017 B.E." is study, not
        work), overlaps once; or the most years the resume states, in general or for one skill
        ("Java (6 years)": at least six years of work), whichever is more."""
        as_of = self.as_of or date.today()
        text = document.text
        skip = [(s.start, s.end) for s in document.sections if s.kind == "education"]
        skip += [(m.start(), m.end()) for m in _STUDY_LINE.finditer(text)]
        from_dates = experience_years_from_dates(text, as_of=as_of, skip=tuple(skip))
        stated = [y for y, _ in general_years(document.text)]
        stated += [m.years for m in mentions if m.years is not None and not m.negated]
        values = [v for v in [from_dates, max(stated) if stated else None] if v is not None]
        return max(values) if values else None


# ----------------------------------------------------------------------------- helpers

def _segments(text: str, headings: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Lines, with lines over 400 characters cut at sentence ends, and pieces still over 400
    characters cut at spaces (a 1 MB line stays linear): (start, end) offsets."""
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        if len(line) <= _MAX_SEGMENT:
            if line.strip():
                out.append((offset, end))
        else:
            pieces: list[tuple[int, int]] = []
            piece_start = offset
            for match in re.finditer(r"(?<=[.!?;])\s+", line):
                cut = offset + match.start()
                if cut - piece_start >= 40:
                    pieces.append((piece_start, cut))
                    piece_start = offset + match.end()
            if piece_start < end:
                pieces.append((piece_start, end))
            for a, b in pieces:
                while b - a > _MAX_SEGMENT:
                    cut = text.rfind(" ", a + _MAX_SEGMENT // 2, a + _MAX_SEGMENT)
                    cut = cut if cut > a else a + _MAX_SEGMENT
                    out.append((a, cut))
                    a = cut + 1 if text[cut:cut + 1] == " " else cut
                if b > a:
                    out.append((a, b))
        offset = end + 1
    return _join_wrapped(text, out, headings) or [(0, len(text))]


def _join_wrapped(text: str, segments: list[tuple[int, int]],
                  headings: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    r"""Segments with a line that wraps joined to the next: a line ending in a lowercase word or
    a comma whose next line starts lowercase is one sentence cut by the page ("provided
    accounts payable, billing,\npayroll, tax and treasury services"), up to the segment limit;
    a line starting at one of ``headings`` is a heading, joined to nothing.

    >>> t = "provided billing,\npayroll and tax\nSkills\nPython"
    >>> [t[a:b] for a, b in _segments(t)]
    ['provided billing,\npayroll and tax', 'Skills', 'Python']
    >>> t = "Skills\npython, sql"
    >>> [t[a:b] for a, b in _segments(t)], [t[a:b] for a, b in _segments(t, frozenset({0}))]
    (['Skills\npython, sql'], ['Skills', 'python, sql'])
    """
    out: list[tuple[int, int]] = []
    full = _full_width(segments)
    previous = (0, 0)  # the line before, on its own
    for a, b in segments:
        if out and a == out[-1][1] + 1 and b - out[-1][0] <= _MAX_SEGMENT \
                and out[-1][0] not in headings and a not in headings:
            last = text[out[-1][0]:out[-1][1]].rstrip()[-1:]
            first = text[a:b].lstrip()[:1]
            if ((last == "," or last.islower()) and first.islower()) or (
                    # rule full-line-wrap: a line as wide as the page's widest, ending in a word,
                    # goes on in the next ("... Procurement, Project\nManagement, Westlaw")
                    previous[1] - previous[0] >= full and (last == "," or last.isalnum())
                    and first.isalnum()):
                out[-1] = (out[-1][0], b)
                previous = (a, b)
                continue
        out.append((a, b))
        previous = (a, b)
    return out


def _full_width(segments: list[tuple[int, int]]) -> float:
    """How long a line must be to have been wrapped by the page (rule full-line-wrap): within
    10% of the widest lines (the 95th percentile of the line lengths), in a text whose lines
    look wrapped at all (that percentile between 60 and 200 characters: a PDF's page, not a
    scraped posting's paragraphs); infinite otherwise.

    >>> _full_width([(0, 100)] * 19 + [(0, 30)]), _full_width([(0, 300)] * 20)
    (90.0, inf)
    """
    lengths = sorted(b - a for a, b in segments)
    if len(lengths) < 8:
        return math.inf
    wide = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
    return 0.9 * wide if 60 <= wide <= 200 else math.inf


_MAX_SEGMENT = 400


def _unwrapped(text: str, segments: list[tuple[int, int]]) -> str:
    r"""``text`` with the line breaks inside a segment (a wrapped line, see _join_wrapped) made
    spaces, so that a name the page broke reads whole; offsets do not change.

    >>> t = "quality tools and statistical\nmethods\nSkills"
    >>> _unwrapped(t, _segments(t))
    'quality tools and statistical methods\nSkills'
    """
    breaks = [k for a, b in segments if b - a > 1 for k in _breaks_in(text, a, b)]
    if not breaks:
        return text
    pieces, last = [], 0
    for k in breaks:
        pieces.append(text[last:k])
        last = k + 1
    pieces.append(text[last:])
    return " ".join(pieces)


def _straight_quotes(text: str) -> str:
    """``text`` with its typographic single quotes and apostrophes made straight, one
    character for one, so that a name's possessive matches as the taxonomy writes it
    ("workers’ compensation", "The Raiser’s Edge").

    >>> _straight_quotes("Analyst’s Notebook, ‘quoted’")
    "Analyst's Notebook, 'quoted'"
    """
    return text.translate(_STRAIGHT) if _CURLY.search(text) else text


_CURLY = re.compile("[\u2018\u2019\u02bc\u2032]")
_STRAIGHT = str.maketrans("\u2018\u2019\u02bc\u2032", "'" * 4)


def _breaks_in(text: str, a: int, b: int) -> Iterator[int]:
    k = text.find("\n", a, b)
    while k != -1:
        yield k
        k = text.find("\n", k + 1, b)


_JOINER = re.compile(r"^(?:\s|,|/|\(|\)|;|\band/or\b|\bor\b|\band\b|\betc\.?)*$", re.I)
_OR_JOINER = re.compile(r"\bor\b|/")
_AND_JOINER = re.compile(r"\band\b(?!/or)")


def _examples_before(text: str, start: int) -> bool:
    """A lead-in of examples ("such as") stands before ``start`` on its line (rules/lists.toml)."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[max(line_start, start - 40):start]
    return any(p.search(lead) is not None for p in either_or_lead_ins())


_TEAM_MEMBERS = re.compile(r"[ \t]+team[ \t]+members?\b", re.IGNORECASE)
_TEAMS = re.compile(r"[ \t]+teams\b", re.IGNORECASE)
# the endings of a soft skill's noun ("coaching", "leadership", "collaboration", "management"),
# which before "teams" names the teams; a bare verb ("coach", "mentor", "lead") is done to them
_NOUN_ENDINGS = ("ing", "ship", "ion", "ment", "ity", "ness", "work")


def _verb_and_team(name: str, text: str, end: int) -> bool:
    """The soft skill written ``name``, ending at ``end``, is a verb whose object is a team:
    before "team members", or a bare verb before "teams".

    >>> _verb_and_team("coach", "coach teams to win", 5)
    True
    >>> _verb_and_team("coaching", "coaching teams", 8)
    False
    >>> _verb_and_team("mentoring", "mentoring team members", 9)
    True
    """
    if _TEAM_MEMBERS.match(text, end):
        return True
    return _TEAMS.match(text, end) is not None and not name.lower().endswith(_NOUN_ENDINGS)


_COMPOUND_TAIL = ("the tail of a hyphenated word whose head makes it another thing "
                  "(rule compound-tail): 'cutting-edge AI', 'no-SQL'")


def _compound_tail(text: str, start: int) -> bool:
    """The name at ``start`` follows a hyphen glued to a word of rule compound-tail.

    >>> _compound_tail("cutting-edge AI", 8), _compound_tail("Python-based edge AI", 13)
    (True, False)
    """
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return False
    head = start - 2
    while head > 0 and text[head - 1].isalpha():
        head -= 1
    return text[head:start - 1].lower() in rule_words("compound-tail")


# what stands between two items of a list: separators, perhaps "and" / "or"
_LIST_GAP = re.compile(r"[ \t]*(?:[,;|/&\u2022\u00b7][ \t]*)+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+",
                       re.IGNORECASE)
_LOWERCASE = ("written in lowercase: the name counts only as written with a capital, unless it "
              "is an item of a list of skills (rule lowercase-list-item)")


def _list_item(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """``text[start:end]`` stands alone between list separators (or a line's ends, a bullet,
    a label's colon, "and"/"or"): "word, excel, powerpoint", "Skills: r, sql".

    >>> _list_item("sql, r and go", 5, 6, 0, 13), _list_item("go to it, sql", 0, 2, 0, 13)
    (True, False)
    """
    left = text[line_start:start].rstrip(" \t")
    right = text[end:line_end].lstrip(" \t")
    opens = (not left or left[-1] in ",;|/&:*-\u2022\u00b7"
             or left.lower().endswith((" and", " or")))
    closes = (not right or right[0] in ",;|/&" or right in (".", ")")
              or right.lower().startswith(("and ", "or ")))
    return opens and closes


def _either_or_groups(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark the skills of one either/or list with a shared ``group``.

    A run of mentions joined only by commas, slashes and "or" ("AWS, Azure, or GCP"), or listed
    as examples ("such as Spark, Hadoop, Kafka") without an "and", is satisfied by any one of
    its members. "Python and SQL" is not a group: both are asked.
    """
    out = list(mentions)
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2:
            first = out[run[0]]
            joiners = " ".join(text[out[a].end:out[b].start] for a, b in zip(run, run[1:])).lower()
            # no "and" between them, and an "or" or a lead-in of examples ("such as")
            if _AND_JOINER.search(joiners) is None and (
                    _OR_JOINER.search(joiners) is not None or _examples_before(text, first.start)):
                for k in run:
                    m = out[k]
                    out[k] = Mention(m.skill, m.text, m.start, m.end, m.section, m.negated,
                                     m.level, m.years, m.method, first.start, m.rule)
        run.clear()

    for k, mention in enumerate(out):
        if mention.negated:
            close()
            continue
        if run:
            prev_end = out[run[-1]].end
            if mention.start - prev_end <= 12:
                between = text[prev_end:mention.start]
                if "\n" not in between and _JOINER.match(between):
                    run.append(k)
                    continue
            if len(run) > 1:
                close()
            else:
                run.clear()
        run.append(k)
    close()
    return out


def _windows(text: str, segments: list[tuple[int, int]], hits: Iterable[tuple[int, int]],
             pad: int = 32) -> list[tuple[int, int, int]]:
    """(segment index, start, end) of the stretches spaCy must read: each candidate hit with
    ``pad`` characters either side, merged when they touch, snapped to spaces.

    Hits and segments are both in text order, so one forward walk pairs them."""
    out: list[tuple[int, int, int]] = []
    index, count = 0, len(segments)
    for a, b in hits:
        while index < count and segments[index][1] <= a:
            index += 1
        if index == count:
            break
        s0, s1 = segments[index]
        if a < s0:
            continue  # between segments (a blank line)
        ws, we = max(s0, a - pad), min(s1, b + pad)
        if out and out[-1][0] == index and ws <= out[-1][2] + 1:
            out[-1] = (index, out[-1][1], max(out[-1][2], we))
        else:
            out.append((index, ws, we))
    snapped: list[tuple[int, int, int]] = []
    for index, ws, we in out:
        s0, s1 = segments[index]
        if ws > s0:
            space = text.rfind(" ", s0, ws)
            ws = space + 1 if space >= 0 else s0
        if we < s1:
            space = text.find(" ", we, s1)
            we = space if space >= 0 else s1
        if snapped and snapped[-1][0] == index and ws <= snapped[-1][2] + 1:
            snapped[-1] = (index, snapped[-1][1], max(snapped[-1][2], we))  # snapping made them touch
        else:
            snapped.append((index, ws, we))
    return snapped


def _unless_written_otherwise(windows: list[tuple[int, int, int]],
                              hits: list[tuple[int, int, str]], text: str,
                              may_match: Callable[[str, str], bool],
                              any_case: frozenset[str] = frozenset()
                              ) -> list[tuple[int, int, int]]:
    """``windows`` without those whose every candidate is a form that counts only as written
    and is written otherwise there ("RE" in "we're", the degree "BE" in "to be"): spaCy
    need not read them. A window is dropped whole or kept whole, so the others read the same.

    >>> hits = [(3, 5, "re"), (40, 46, "python")]
    >>> text = "We're hiring." + " " * 26 + " Python"
    >>> _unless_written_otherwise([(0, 0, 13), (1, 39, 46)], hits, text,
    ...                           lambda key, written: key != "re" or written == "RE")
    [(1, 39, 46)]
    """
    if not windows:
        return windows
    # in text order; ``any_case`` are forms may_match() says True of whatever the text
    starts = [a for a, b, key in hits if key in any_case or may_match(key, text[a:b])]
    out = []
    for window in windows:
        _, start, end = window
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            out.append(window)
    return out


def _level(text: str, start: int, end: int, section_kind: str,
           clause: tuple[int, int] | None = None, clauses: Clauses | None = None,
           voices: dict[tuple[int, int], bool] | None = None) -> str | None:
    """Required / preferred for a posting mention: the nearest cue, else its section, else
    required (None in company boilerplate: About us, Benefits, EEO). An intensity cue
    ("strong", "5+ years") does not outrank a preferred section: "deep knowledge of X" under
    "Nice to have" is nice to have. ``voices`` keeps, per call, whose voice each clause is."""
    section_level = SECTION_LEVEL.get(section_kind)
    cue = (clauses.level_cue(start, end, clause) if clauses is not None and clause is not None
           else level_cue(text, start, end, clause))
    if section_kind in _VOICE_SECTIONS and cue in (None, "intensity"):
        # an explicit cue asks, whoever speaks: "Familiarity with SQL (we run MySQL) is
        # expected"
        bounds = clause or clause_bounds(text, start)
        voice = None if voices is None else voices.get(bounds)
        if voice is None:
            voice = _company_voice(text, bounds)
            if voices is not None:
                voices[bounds] = voice
        paragraph = None if voice else _prose_paragraph(text, start)
        if paragraph is not None:  # a paragraph all in the company's voice ("Paradyme is a
            # rapidly growing ... for its customers. Paradyme harnesses DevSecOps and Agile")
            voice = None if voices is None else voices.get(paragraph)
            if voice is None:
                voice = _company_voice(text, paragraph)
                if voices is not None:
                    voices[paragraph] = voice
        if voice:
            return None  # "we harness Docker across our products": the employer, not the job
    if cue == "intensity":
        return "preferred" if section_level == "preferred" else "required"
    if cue:
        return cue
    if section_level:
        return section_level
    if section_kind in _CONTEXT_SECTIONS:
        return None
    return "required"


# Where the employer may speak of itself: before the first heading, under an overview or summary
# (half of the corpus's "Overview" sections describe the company), and under headings we cannot
# name. (Duties and requirements are about the job, whoever the sentence's subject.)
_VOICE_SECTIONS = frozenset({"preamble", "other", "summary"})


def _prose_paragraph(text: str, offset: int) -> tuple[int, int] | None:
    r"""The line around ``offset`` when it is a paragraph of prose: not a bullet or list item
    (each item is a statement of its own: "* Design pipelines that support our initiatives" is
    a duty), at most 2,000 characters either side; else None. Past a line's reach the window
    is cut on a fixed grid, so that the mentions near each other on a very long line share one
    (and whose voice it is is read once: per mention it was most of the time on a 1 MB line).

    >>> _prose_paragraph("We build.\nWe use Docker.", 14), _prose_paragraph("x" * 9000, 4500)
    ((10, 24), (3000, 6000))
    """
    left = text.rfind("\n", max(0, offset - 2000), offset)
    block = offset - offset % _PARAGRAPH_GRID
    start = left + 1 if left >= 0 else max(0, block - _PARAGRAPH_GRID)
    right = text.find("\n", offset, offset + 2000)
    end = right if right >= 0 else min(len(text), block + 2 * _PARAGRAPH_GRID)
    if _ITEM_START.match(text, start):
        return None
    return start, end


_ITEM_START = re.compile(r"[ \t]*(?:[*\-\u2022\u00b7\u25aa\u25cf>+]|\d{1,2}[.)])")
_PARAGRAPH_GRID = 1000  # a long line's paragraph window: the grid block and one either side


def _company_voice(text: str, clause: tuple[int, int]) -> bool:
    """The employer speaks of itself and not of the candidate (rules/boilerplate.toml)."""
    lowered = text[clause[0]:clause[1]].lower()
    company, candidate = voice_patterns()
    return company.search(lowered) is not None and candidate.search(lowered) is None


@dataclass(frozen=True, slots=True)
class _Cues:
    """A skill's :class:`Hints` resolved: each cue word or phrase with the rule it stands for
    ("@ai-word-after" entries are that rule's words)."""

    before: Mapping[str, str]
    after: Mapping[str, str]
    not_before: frozenset[str]
    not_after: frozenset[str]

    @classmethod
    def of(cls, hints: Hints) -> _Cues:
        def resolve(entries: tuple[str, ...], default: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for entry in entries:
                if entry == _ANY_WORD:
                    out[entry] = default
                elif entry.startswith("@"):
                    out.update(dict.fromkeys(rule_words(entry[1:]), entry[1:]))
                else:
                    out[entry] = default
            return out

        return cls(MappingProxyType(resolve(hints.before, "skill-hint-before")),
                   MappingProxyType(resolve(hints.after, "skill-hint-after")),
                   frozenset(resolve(hints.not_before, "")), frozenset(resolve(hints.not_after, "")))


_NO_CUES = _Cues(MappingProxyType({}), MappingProxyType({}), frozenset(), frozenset())


def _technical(match: RawMatch, doc: Tokens, seg_text: str, others: list[RawMatch],
               section_kind: str, cues: _Cues = _NO_CUES,
               names: Sequence[RawMatch] = ()) -> str | None:
    """Is an ambiguous form ("R", "Go", "Spark", "CV") used as a skill here? The name of the
    context rule that says so (rules/ambiguity.toml, in its order), else None. ``cues`` are
    the skill's own hints from the taxonomy; ``others`` the skills accepted around it, and
    ``names`` every name found there, accepted or not."""
    around = _neighbours(match, doc)
    prev2, prev, nxt, nxt2 = around
    next_pair, prev_pair = f"{nxt} {nxt2.lower()}", f"{prev2} {prev}"
    if prev in rule_words("lead-in-strong"):
        return "lead-in-strong"  # "using Spark to process", "leveraging Go for"
    if nxt in ("a", "an") and _plus_after(match, doc):
        return "plus-after"  # "Scala a plus": not the "a" of stop-word-after ("Go a long way")
    others = [o for o in others if o is not match]
    if prev in rule_words("action-verb-before") and nxt != "-" and _names_work(match.form):
        # "run payroll for 400 employees": the verb makes it its object, whatever follows
        return None if _names_something_else(match, doc, others) else "action-verb-before"
    if _vetoed(match, around, cues, listed=nxt in rule_words("preposition-after") and _beside(
            match, doc, others, touching=False)):
        return None
    if _names_something_else(match, doc, others):
        return None
    if prev in rule_words("place-after-in") and _place_follows(match, doc, names or others):
        return None  # "a gala in Scala, Milan"
    if _beside(match, doc, others):
        return "beside-skill"
    if _version_after(match, doc):
        return "version-after"  # "Spark 3.5", "Windows 9.x"
    if _after_name("years-after", match, doc):
        return "years-after"  # "R- 1 year", "R (3 yrs)"
    if len(others) >= 2 and len(_LIST_SEP.findall(seg_text)) >= 2 and _in_sentence_with(
            match, doc, others, 2):
        return "list-with-skills"
    if len(others) >= 2 and len(_WORDS.findall(seg_text)) <= 12:
        return "short-run"  # a short run of skills without commas: "PHP JavaScript jQuery React"
    words = _WORDS.findall(seg_text)
    if section_kind == "skills" and (len(words) <= 12 or len(_LIST_SEP.findall(seg_text)) >= 2):
        return "skills-section"
    if section_kind in _LIST_SECTIONS and len(words) <= 3:
        return "list-bullet"  # a bullet that is just the name: "- Rust"
    if section_kind in _LIST_SECTIONS and len(match.form) >= 2 and match.form.isupper():
        return "acronym-in-list"  # "AI", "ML", "SAS" in a requirements list are the skills
    if nxt in rule_words("level-word-after") and (others or section_kind in _LIST_SECTIONS):
        return "level-word-after"  # "Go experience", "Go preferred"
    if nxt in rule_words("tech-word-after"):
        return "tech-word-after"
    hinted = cues.after.get(nxt) or cues.after.get(next_pair)
    if hinted:
        return hinted  # "R Shiny", "AI research" (skill-hint-after, ai-word-after)
    lead = prev2 if prev == "," else prev  # "and, preferably, Go": a comma may follow it
    item = (section_kind in _LIST_SECTIONS or not nxt or nxt in {".", ",", ";", ")", "and", "or"}
            or any(o.token_start > match.token_start for o in others))
    if item and lead in rule_words("lead-in-in-list"):
        return "lead-in-in-list"  # "Experience with Airflow is a plus" in a requirements list
    if item and prev_pair in rule_words("knowledge-of"):
        return "knowledge-of"  # "Knowledge of budgets, estimates and contract sums"
    if prev_pair in rule_words("years-of"):
        return "years-of"  # "3+ years of React"
    if prev in rule_words("known-prefix"):
        return "known-prefix"
    hinted = cues.before.get(prev) or cues.before.get(prev_pair)
    if hinted:
        return hinted  # "PySpark Spark", "Golang Go" (skill-hint-before)
    return "plus-after" if _plus_after(match, doc) else None  # "Jenkins is a plus"


def _plain_phrase(name: str) -> bool:
    """A name of two words or more in sentence case or lowercase, letters only: "Risk
    management".

    >>> _plain_phrase("Risk management"), _plain_phrase("Adobe Photoshop"), _plain_phrase("SQL")
    (True, False, False)
    """
    words = name.split()
    return len(words) >= 2 and all(w.isalpha() for w in words) and name[1:].islower()


def _in_capitalised_run(match: RawMatch, doc: Tokens) -> bool:
    """``match`` is written capitalised and a capitalised word touches it on either side: part
    of a longer name or title ("Human Resource Management", "Business Management Magna")."""
    if not match.form[:1].isupper() or not match.form.replace(" ", "").isalpha():
        return False
    a, b = match.token_start, match.token_end
    before = a > 0 and doc.alpha[a - 1] and doc.text[a - 1][:1].isupper() and doc.space[a - 1]
    after = b < len(doc) and doc.alpha[b] and doc.text[b][:1].isupper() and doc.space[b - 1]
    return bool(before or after)


def _names_work(form: str) -> bool:
    """A name written as work is, for rule action-verb-before: in lowercase ("payroll"), of
    several words, or an acronym of three letters or more ("COBRA"); not one capitalised word,
    which after "managed" or "handled" is as often a thing's name ("Go Live", "Access
    requests", "Chef and kitchen staff").

    >>> _names_work("payroll"), _names_work("COBRA"), _names_work("Access"), _names_work("PR")
    (True, True, False, False)
    """
    return form.islower() or " " in form.strip() or (len(form) >= 3 and form.isupper())


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _in_sentence_with(match: RawMatch, doc: Tokens, others: list[RawMatch], least: int) -> bool:
    """At least ``least`` of ``others`` stand in the match's sentence: no sentence's end (a
    token ".", "!" or "?") between them. A long line of prose is many sentences; a list in one
    of them vouches for no name in another ("You will report to Julia Chen, our VP.
    Requirements: Python, SQL, Docker")."""
    text = doc.text
    ends = [i for i, token in enumerate(text) if token in _SENTENCE_ENDS]
    if not ends:
        return len(others) >= least
    i = match.token_start
    first = max((e for e in ends if e < i), default=-1)
    last = min((e for e in ends if e >= match.token_end), default=len(text))
    return sum(first < o.token_start and o.token_end <= last for o in others) >= least


def _plus_after(match: RawMatch, doc: Tokens) -> bool:
    """Rule plus-after: a level word follows the name ("Jenkins is a plus", "Scala a plus",
    "React or similar")."""
    after = doc.span(match.token_end, match.token_end + 4).lower()
    return rule_pattern("plus-after").match(after) is not None


# A line that names a degree: its dates are study, not work. (Institutions are not enough:
# "Research Assistant, Stanford University, 2015 - 2018" is a job.)
_STUDY_LINE = re.compile(
    r"(?m)^.*(?:\b(?:[Bb]achelor|[Mm]aster)'?s?\b(?!\s+(?:data|card|file|plan|schedule|tables?))"
    r"|\b(?:B\.?\s?Tech|M\.?\s?Tech|B\.E\.|B\.?\s?Sc|M\.?\s?Sc|MBA|MCA|Ph\.?\s?D|B\.?S\.|M\.?S\.|"
    r"B\.?A\.|M\.?A\.)(?![a-z])|\b(?:doctorate|degree|diploma|GPA)\b).*$")
# "Google Apps (Drive, Docs, Sheets)", "Microsoft Office (Word, Excel)": a capitalised vendor
# name, maybe a product word, and a parenthesised list of short items. (The word boundary
# before the vendor is a lookbehind after its capital, so the engine skips straight to capitals.)
_VENDOR_LIST = re.compile(r"(?P<vendor>[A-Z](?<!\w[A-Z])[A-Za-z]+)(?P<line>(?:\s+[A-Z][A-Za-z0-9]+){0,2})\s*"
                          r"\((?P<items>[^()\n]{2,200})\)")
# what may stand between a vendor list's first letter and its "(": letters, digits and spaces
_BEFORE_BRACKET = re.compile(r"[A-Za-z0-9\s]*")
_BRACKET_LOOKBACK = 256  # characters read back from a "(" at first; more only if all are such


def _vendor_groups(text: str) -> Iterator[re.Match[str]]:
    """``_VENDOR_LIST.finditer(text)``, searched only just before each "(": a match's vendor
    and product words are letters, digits and spaces up to its "(", so it starts after the last
    other character before that "(", and ends within 202 characters after it. The engine then
    reads a few words per bracket, not every capital of the text (tests/test_fast_patterns.py
    compares the two on thousands of strings).

    >>> [m["vendor"] for m in _vendor_groups("Google Apps (Drive, Docs); Microsoft (Word)")]
    ['Google', 'Microsoft']
    """
    pos = 0
    while (bracket := text.find("(", pos)) >= 0:
        low = max(pos, bracket - _BRACKET_LOOKBACK)
        run = _run_before(text, low, bracket)
        if run == bracket - low and low > pos:  # the run goes on further back: read it all
            run = _run_before(text, pos, bracket)
        found = _VENDOR_LIST.search(text, max(pos, bracket - run), bracket + 202)
        if found is None:
            pos = bracket + 1  # no match holds this "(": each holds exactly one
            continue
        yield found
        pos = found.end()


def _run_before(text: str, start: int, end: int) -> int:
    """How many letters, digits and spaces of ``text[start:end]`` stand right before ``end``.

    >>> _run_before("x, Google Apps (", 0, 15)  # " Google Apps "
    13
    """
    found = _BEFORE_BRACKET.match(text[start:end][::-1])  # read backwards, from ``end``
    return found.end() if found else 0


_LIST_ITEM = re.compile(r"[^,;/&]+?(?=\s*(?:,|;|/|&|\band\b|\bor\b|$))")
_VERSION_TOKEN = re.compile(r"^(?:v?\d+(?:\.(?:\d+|x))*[a-z]?|x|xp|[ivx]+)$", re.IGNORECASE)
_COORDINATORS = frozenset({",", "and", "or", "/", "&"})


_RUNS_ON = re.compile(r"[ \t]*\n[ \t]*[a-z]")


@cache
def _of_phrase_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Rule of-phrase's two halves: "of", a determiner of the rule at most and the object
    word; and, ending where that starts, the head noun (or two joined by "and" / "or").
    Searching for "of" first keeps the pass as fast as one plain search.

    >>> right, left = _of_phrase_patterns()
    >>> found = right.search("the deployment and monitoring of models")
    >>> found["object"], left.search("the deployment and monitoring ")["head"]
    ('models', 'deployment')
    """
    determiners = "|".join(sorted(map(re.escape, inversion_rule().words)))
    # "of" first and the space before it a lookbehind after it: a pattern that opens with a
    # literal lets the engine skip to each "of" (a leading lookbehind was tried at every
    # character; 4x faster, tests/test_fast_patterns.py compares with the plain form)
    right = re.compile(rf"of(?<=[ \t]of)[ \t]+(?:(?:{determiners})[ \t]+)?"
                       r"(?P<object>[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,}){0,2})\b")
    left = re.compile(r"\b(?P<head>[A-Za-z]{3,})(?:,?[ \t]+(?:and|or)[ \t]+"
                      r"(?P<other>[A-Za-z]{3,}))?[ \t]+$")
    return right, left


_NOT_INVERTED = DEGREE_CATEGORIES | {"soft-skill"}


def _object_head(words: str, rule: str = "of-phrase") -> tuple[str, int]:
    """The head noun of the object after "of" (or a verb) and where it ends in ``words``: its
    last word before one of the inversion rule's `ends` ("ML models in production" ->
    "models"; "data science solutions" -> "solutions").

    >>> _object_head("ML models in"), _object_head("data for training"), _object_head("code")
    (('models', 9), ('data', 4), ('code', 4))
    """
    ends = inversion_rule(rule).ends
    head, end = "", 0
    for word in re.finditer(r"\S+", words):
        if word.group().lower() in ends:
            break  # also first: "design of experiments" has no object after "design"
        head, end = word.group(), word.end()
    return head, end


def _long_product_name(name: str) -> bool:
    """Three words or more, one of them an acronym ("IBM", "SAP"): a product's full name,
    which a misspelling cannot make another word.

    >>> _long_product_name("IBM Rational DOORS"), _long_product_name("Project management")
    (True, False)
    """
    if name.count(" ") < 2 or name.islower():
        return False  # most names: answered without splitting (no capital: no acronym)
    words = name.split()
    # the longest all-capitals word, its words scanned in C (the lazy build asks of 20,000 names)
    return len(words) >= 3 and max(map(len, filter(str.isupper, words)), default=0) >= 2


def _verb_forms(action: str, suffixes: Sequence[tuple[str, str]],
                same: frozenset[str] = frozenset({"review"})) -> set[str]:
    """The forms of the verb an action noun comes from, by its suffix (``suffixes``: noun
    ending, verb ending), or of the noun itself if it is one of ``same``; none else.
    Over-generation is harmless: a form counts only before the name's object.

    >>> sorted(_verb_forms("training", [("ing", ""), ("ing", "e")]))
    ['train', 'traine', 'trained', 'traines', 'training', 'trains']
    >>> sorted(_verb_forms("management", [("ment", "")]))
    ['manage', 'managed', 'manages', 'managing']
    >>> sorted(_verb_forms("review", [("ment", "")]))
    ['reviewed', 'reviewing', 'reviews']
    """
    stems = {action[: -len(noun)] + verb for noun, verb in suffixes
             if action.endswith(noun) and len(action) > len(noun) + 2}
    for stem in list(stems):
        if stem[-1:] == stem[-2:-1] and stem[-1:] not in ("l", "s", "z", ""):
            stems.add(stem[:-1])  # "mapping" -> "map"
    forms: set[str] = set()
    for stem in stems:
        forms |= _inflections(stem)
    if action in same:  # not the bare noun: "design systems" are a thing, "designed systems" work
        forms |= {action + "s", action + "ed", action + "ing"}
    return forms


# a lowercase word after a verb: its object or preposition ("contracts", "with")
_WORD_AFTER = re.compile(r"[ \t]+(?P<word>[a-z]+)")
_BULLETS = " \t*-\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25e6\u2023>+\uf0b7\uf0a7o"


def _opens_statement(text: str, start: int, openers: frozenset[str], past: bool = True,
                     not_adverbs: frozenset[str] = frozenset(), plural: bool = False) -> bool:
    """The word at ``start`` opens a statement: it starts its line (after a bullet), or
    follows an adverb in -ly (not one of ``not_adverbs``: "monthly forecasts") or, when it is
    a ``past`` verb, a comma, a semicolon or "&" (a bare verb there is as often a noun:
    "inspectors, machine setters"), or one of ``openers`` ("and", "to"); not a ``plural``
    after "and" or "or" and a plural ("budgets and forecasts" are things).

    >>> _opens_statement("- Negotiated contracts", 2, frozenset())
    True
    >>> _opens_statement("- Guide and mentor", 12, frozenset({"and"}), False)
    True
    >>> _opens_statement("budgets and forecasts", 12, frozenset({"and"}), False, plural=True)
    False
    >>> _opens_statement("the forecast", 4, frozenset({"and"}))
    False
    """
    low = max(0, start - 120)  # bounded: a line may be a million characters long
    line_break = text.rfind("\n", low, start)
    before = text[line_break + 1 if line_break >= 0 else low:start].rstrip(" \t")
    if not before.strip(_BULLETS):
        return line_break >= 0 or low == 0
    if before[-1] in ",;&":
        return past
    words = before.split()
    word = words[-1].lower()
    if word in ("and", "or") and not past:  # "budgets and forecasts", "peers and mentors":
        previous = words[-2].lower().rstrip(",") if len(words) > 1 else ""  # plural nouns
        return not (plural and previous.endswith("s"))
    if word in openers:
        return True
    return (len(word) > 4 and word.endswith("ly") and word.isalpha()
            and word not in not_adverbs)


def _inflections(stem: str, doubled: bool = False) -> set[str]:
    """A verb's forms: itself, -s, -ed, -ing (a silent e dropped); with ``doubled`` also
    its last consonant doubled ("flagged", "flagging").

    >>> sorted(_inflections("summarize")), sorted(_inflections("flag", doubled=True))[2:4]
    (['summarize', 'summarized', 'summarizes', 'summarizing'], ['flagged', 'flagging'])
    """
    silent_e = stem.endswith("e")
    forms = {stem, stem + "s", stem + ("d" if silent_e else "ed"),
             (stem[:-1] if silent_e else stem) + "ing"}
    if doubled and stem[-1:].isalpha() and stem[-1:] not in "aeiouwxy":
        forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    if stem.endswith(("s", "x", "ch", "sh")):
        forms.add(stem + "es")
    return forms


def _singular(word: str) -> str:
    """A plural noun's singular, by its spelling: "models" -> "model", "processes" ->
    "process", "libraries" -> "library"; other words as they are.

    >>> [_singular(w) for w in ("models", "processes", "libraries", "data", "class")]
    ['model', 'process', 'library', 'data', 'class']
    """
    lowered = word.lower()
    if lowered.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lowered.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _narrative(text: str, start: int, end: int) -> bool:
    """The line holding ``text[start:end]`` is a paragraph of more words than rule
    narrative-paragraph's limit. Words are counted only up to the limit: on a long line each
    call costs the limit, not the line (a 1 MB line of names was quadratic).

    >>> _narrative("Python and SQL", 0, 6), _narrative("word " * 500, 0, 4)
    (False, True)
    """
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    limit = ambiguity_rules()["narrative-paragraph"].limit
    words = _NON_SPACE.finditer(text, a, b if b >= 0 else len(text))
    return sum(1 for _ in islice(words, limit + 1)) > limit


_NON_SPACE = re.compile(r"\S+")


# no mention is longer than this: a name, or a soft phrase of a few words
_LONGEST_MENTION = 400

_JOINED = re.compile(r"\s*(?:[,;/&()|]|\band\b|\bor\b)[\s,;/&()|]*(?:(?:and|or)\s+)?$")


def _listed_beside(found: Mention, mentions: list[Mention], starts: list[int],
                   text: str) -> bool:
    """Another mention stands right before or after ``found``, joined by list punctuation or
    a conjunction ("Python, Google Chrome"; "JSON and XML"). ``mentions`` are in order of
    start (``starts``): only those that can touch ``found`` are looked at."""
    low = bisect_left(starts, found.start - _LONGEST_MENTION)
    high = bisect_right(starts, found.end + 8)
    for other in mentions[low:high]:
        if other is found or other.skill == found.skill:
            continue
        if 0 <= found.start - other.end <= 8:
            gap = text[other.end:found.start]
        elif 0 <= other.start - found.end <= 8:
            gap = text[found.end:other.start]
        else:
            continue
        if _JOINED.match(gap):
            return True
    return False


_COORDINATED = re.compile(r"\s*(?:/|&|and\b)")


def _organisation_spans(text: str) -> _SpanSet:
    """Where the document names a company (rule organisation-name): each name before a legal
    suffix ("Applied Aerodynamics Inc."), and every other place a name of two words or more
    found so stands in the text.

    >>> spans = _organisation_spans("Applied Aerodynamics Inc. grew. At Applied Aerodynamics, I")
    >>> spans.overlaps(8, 20), spans.overlaps(42, 54), spans.overlaps(0, 0)
    (True, True, False)
    """
    spans: list[tuple[int, int]] = []
    names: set[str] = set()
    for found in rule_finditer("organisation-name", text):  # the lines with a legal suffix
        spans.append(found.span(1))
        words = found.group(1).split()
        if len(words) > 1:
            names.add(r"\s+".join(map(re.escape, words)))  # any spacing: a PDF's line breaks
    for name in names:
        spans.extend(m.span() for m in re.finditer(rf"\b{name}\b", text))
    return _SpanSet(spans)


def _names_people(text: str, start: int, end: int, kind: str) -> str | None:
    """Why a technique or concept at ``text[start:end]`` names people, not a skill (rules
    names-a-team and names-a-role): "our data science team", "an ML Research Engineer". Only
    a capitalised name goes on through more capitalised words ("Data Science & Engineering
    team"), a lowercase one only after a coordinator ("data science and ML teams"; not
    "problem solving Excellent team working", a lost line break). A role names the job a
    posting offers; in a resume a job title ("Machine Learning Engineer") is the person's own
    work, so there only teams are left out."""
    capitalised = text[start:end][:1].isupper()
    if kind == "posting" and capitalised and rule_may_search(
            "head-of", text, max(0, start - 30), start) and rule_pattern("head-of").search(
            text, max(0, start - 30), start) is not None:
        return "names a person's title (rule head-of)"  # "our Head of Data Engineering"
    if kind == "posting" and rule_may_search(
            "partner-with", text, max(0, start - 50), start) and rule_pattern(
            "partner-with").search(text, max(0, start - 50), start) is not None:
        return "names the people one works with (rule partner-with)"  # "partner with data
        # science and product"
    rules = [("names-a-team", "names a team or department")]
    if kind == "posting":
        rules.append(("names-a-role", "names a role or job title"))
    for rule, reason in rules:
        found = rule_pattern(rule).match(text, end)
        if found and (capitalised or found.group().islower()
                      or _COORDINATED.match(found.group()) is not None):
            return reason
    return None


def _words_after(doc: Tokens, i: int, most: int = 4) -> list[tuple[int, int, str]]:
    """Up to ``most`` words from token ``i`` on, each (first token, end token, text); a
    hyphenated word is one ("semi-supervised"); stops at anything that is not a word."""
    out: list[tuple[int, int, str]] = []
    n = len(doc)
    alpha, space, text = doc.alpha, doc.space, doc.text
    while i < n and len(out) < most and alpha[i]:
        j = i + 1
        while j + 1 < n and not space[j - 1] and text[j] == "-" and alpha[j + 1]:
            j += 2
        out.append((i, j, text[i] if j == i + 1 else doc.span(i, j)))
        if not space[j - 1]:
            break  # "learning," or "systems." ends the phrase
        i = j
    return out


def _runs_on(text: str, end: int) -> bool:
    r"""The line goes on on the next one, which starts in lowercase: a phrase that the layout
    broke ("Project\nmanagement"), not an item of its own.

    >>> _runs_on("Project\nmanagement", 7), _runs_on("Project\nVisio", 7)
    (True, False)
    """
    return _RUNS_ON.match(text, end) is not None


def _capitalised_alone(match: RawMatch, doc: Tokens) -> bool:
    """A name written with a capital and lowercase letters ("Kafka", "React"; not "SAS" or
    "R") inside a sentence, with no capitalised word or number right beside it (rule
    capitalised-in-technical-text)."""
    form, a, b = match.form, match.token_start, match.token_end
    if len(form) < 2 or not form[0].isupper() or form.isupper():
        return False
    before = doc.source[:doc.idx[a]].rstrip(" \t")
    if not before or before[-1] in _SENTENCE_OPENERS:
        return False  # a sentence's, a line's or an item's first word is capitalised anyway
    if a > 0 and doc.alpha[a - 1] and doc.text[a - 1][:1].isupper():
        return False  # "Julia Chen", "East Java"
    nxt = doc.text[b] if b < len(doc) else ""
    return not (nxt[:1].isupper() or nxt[:1].isdigit())  # "Snowflake Inc.", "Spring 2023"


# the tokens that may follow a list item or a clause's last word
_ITEM_ENDS = frozenset({".", ",", ";", ":", ")", "and", "or", "\n"})
# what ends the stretch before a sentence's, a line's or a list item's first word
_SENTENCE_OPENERS = frozenset(".!?:;\n\u2022*-\u2013\u2014|>\"\u201c\u2018'(")  # and quotes: "'Torch of heart' project"
# categories of products, languages, platforms and libraries: what a technical text names
_PRODUCT_CATEGORIES = frozenset({"tool", "database", "platform", "language", "library",
                                 "framework", "big-data", "mlops", "visualization", "cloud"})


def _neighbours(match: RawMatch, doc: Tokens) -> tuple[str, str, str, str]:
    """The two tokens before and the two after a match, as written: (prev2, prev, nxt,
    nxt2); all but nxt2 lowercased (a hyphen-word-after needs its case)."""
    n, a, b, lower = len(doc), match.token_start, match.token_end, doc.lower
    return (lower[a - 2] if a > 1 else "", lower[a - 1] if a > 0 else "",
            lower[b] if b < n else "", doc.text[b + 1] if b + 1 < n else "")


def _vetoed(match: RawMatch, around: tuple[str, str, str, str], cues: _Cues,
            listed: bool = False) -> bool:
    """The NOT_TECHNICAL rules: "Go-to-market", "C-suite" (hyphen-word-after), "Go to",
    "Access to" (stop-word-after), "Excel at" unless ``listed`` beside a skill
    (preposition-after), "your CV" (skill-hint-not). ``around`` is :func:`_neighbours`."""
    prev2, prev, nxt, nxt2 = around
    if nxt == "-" and nxt2[:1].islower():
        return True  # hyphen-word-after
    if len(match.form) > 1 and (nxt in rule_words("stop-word-after") or (
            not listed and nxt in rule_words("preposition-after"))):
        return True  # "Go to", "Access to", "Spark a", "Spark at scale"; not "R for statistics"
    return _vetoed_by_hint(around, cues)


def _hint_word(around: tuple[str, str, str, str], cues: _Cues) -> str | None:
    """The words beside a name that its own record's not_before / not_after hints name (rule
    skill-hint-not: "stays" of "stays agile", "your" of "your CV"), or None. ``around`` is
    :func:`_neighbours`."""
    prev2, prev, nxt, nxt2 = around
    if cues.not_before:
        if prev in cues.not_before:
            return prev
        pair = f"{prev2} {prev}"
        if pair in cues.not_before:
            return pair
    if cues.not_after:
        if nxt in cues.not_after:
            return nxt
        pair = f"{nxt} {nxt2.lower()}"
        if pair in cues.not_after:
            return pair
        if _ANY_WORD in cues.not_after and nxt.isalpha() and nxt not in _ITEM_TAILS:
            return nxt  # its list item goes on after it
    return None


def _vetoed_by_hint(around: tuple[str, str, str, str], cues: _Cues) -> bool:
    """A word the skill's own record names makes the name prose (rule skill-hint-not): "your
    CV", "stays agile" (the word is :func:`_hint_word`'s)."""
    return _hint_word(around, cues) is not None


# hint "@any-word" in not_after: the name counts only where its list item ends after it (a
# domain word qualifying the next noun is no skill: "marketing databases", "accounting close")
_ANY_WORD = "@any-word"
_ITEM_TAILS = frozenset({"and", "or", "skills", "skill", "experience", "expertise"})


def _names_something_else(match: RawMatch, doc: Tokens, others: list[RawMatch]) -> bool:
    """The name is part of another name: an acronym another thing's short form or a product
    line's letters, a word part of a person's name, a letter that designates a class
    (rules abbreviates-other-name, model-number-after, person-name, designation-before,
    letter-pair): no rule may count it, nor may a list."""
    return (_abbreviates_other(match, doc, others) or _model_number_after(match, doc)
            or _person_name(match, doc) or _designation(match, doc)
            or _letter_pair(match, doc))


def _letter_pair(match: RawMatch, doc: Tokens) -> bool:
    """A one-letter name glued by "/" or "&" to another single letter (rule letter-pair): the
    pair is an abbreviation ("A/R", "I/O"), not the name."""
    if len(match.form) != 1:
        return False
    a, b, text, space = match.token_start, match.token_end, doc.text, doc.space
    joiners = rule_words("letter-pair")
    before = (a >= 2 and text[a - 1] in joiners and not space[a - 1] and not space[a - 2]
              and len(text[a - 2]) == 1 and text[a - 2].isalpha())
    after = (b + 1 < len(text) and text[b] in joiners and not space[b - 1] and not space[b]
             and len(text[b + 1]) == 1 and text[b + 1].isalpha()
             and not (b + 2 < len(text) and not space[b + 1] and text[b + 2] == "-"))
    return before or after  # (the letter after may begin a name of its own: "R/S-Plus")


def _designation(match: RawMatch, doc: Tokens) -> bool:
    """A one-letter name that designates a class or a type (rule designation-before):
    "License Class C", "Vitamin C", "Plan B"."""
    start = match.token_start
    return (len(match.form) == 1 and start > 0
            and doc.lower[start - 1] in rule_words("designation-before"))


def _title_word(token: str) -> bool:
    """A word of letters written with a capital, then lowercase: "Julia", not "SQL" or "R"."""
    return len(token) >= 2 and token[0].isupper() and token[1:].islower() and token.isalpha()


def _person_name(match: RawMatch, doc: Tokens) -> bool:
    """Rule person-name: the name and a capitalised word beside it are a person's name, by the
    census lists of first names and surnames: a first name, then a surname ("report to Julia
    Chen"), or a first name before the name ("send timesheets to Mary Jenkins"). Two
    capitalised words exactly: in a line of Title Case Words the capitals say nothing."""
    a, b = match.token_start, match.token_end
    text = doc.text
    if b - a != 1 or not _title_word(match.form):
        return False
    names = person_names()
    n = len(text)
    if (b < n and _title_word(text[b]) and match.form.lower() in names.first
            and text[b].lower() in names.last):
        return not (a > 0 and _title_word(text[a - 1])) and not (
            b + 1 < n and _title_word(text[b + 1]))
    if a > 0 and _title_word(text[a - 1]) and text[a - 1].lower() in names.first:
        return not (a > 1 and _title_word(text[a - 2])) and not (b < n and _title_word(text[b]))
    return False


def _after_name(rule: str, match: RawMatch, doc: Tokens) -> bool:
    """The pattern of ambiguity rule ``rule`` matches the text right after the name. ``doc``
    may be a stretch of a longer text: a token's ``idx`` counts in its ``source``."""
    return rule_pattern(rule).match(doc.source, doc.end(match.token_end - 1)) is not None


def _model_number_after(match: RawMatch, doc: Tokens) -> bool:
    """An all-capitals name before a model number names a product line (rule
    model-number-after): "ML 310 G5", "DL 120G6"."""
    return match.form.isupper() and _after_name("model-number-after", match, doc)


def _abbreviates_other(match: RawMatch, doc: Tokens, others: list[RawMatch]) -> bool:
    """An acronym in parentheses right after two or more capitalised words that are no skill
    is that phrase's short form (rule abbreviates-other-name): "Tower Servers (ML)". A skill's
    own short form after its name ("Machine Learning (ML)") is that skill anyway."""
    a, b = match.token_start, match.token_end
    if not (match.form.isupper() and a >= 3 and b < len(doc)
            and doc.text[a - 1] == "(" and doc.text[b].startswith(")")):
        return False
    return all(doc.alpha[t] and doc.text[t][:1].isupper() for t in (a - 3, a - 2)) and not any(
        o.token_start < a - 1 and o.token_end > a - 3 for o in others)


def _beside(match: RawMatch, doc: Tokens, others: list[RawMatch], *, touching: bool = True,
            punctuation_only: bool = False, head_of_parens: bool = True) -> bool:
    """Beside another skill, joined by list punctuation: "R, Python", "C/C++", "Spark (Scala)",
    or, when ``touching``, directly adjacent: "Java Spring Jenkins". Without
    ``head_of_parens`` nothing is listed across an opening parenthesis (rule head-of-parens):
    "infrastructure teams (Linux, ...)" names teams, then examples."""
    text = doc.text
    for other in others:
        if other.token_end <= match.token_start:
            between = text[other.token_end:match.token_start]
        elif other.token_start >= match.token_end:
            between = text[match.token_end:other.token_start]
        else:
            continue
        if not head_of_parens and "(" in between:
            continue
        # a version after a name is part of it: "Windows 10, macOS", "Python 3.11 / Go"
        between = [t for t in between if not _VERSION_TOKEN.match(t)]
        # with ``punctuation_only`` a word joins only a series' last item, after a comma and
        # ending its item: "anomaly detection, and risk assessment.", not "Python and Slack"
        # or "presentations, or project outcomes"
        if (touching or len(between)) and len(between) <= 2 and all(
                t.lower() in _SEPARATORS and not (punctuation_only and t.isalpha() and (
                    i == 0 or between[i - 1] != "," or other.token_start > match.token_start
                    or match.token_end < len(doc) and doc.lower[match.token_end] not in _ITEM_ENDS))
                for i, t in enumerate(between)):
            return True
    return False


def _place_follows(match: RawMatch, doc: Tokens, others: Sequence[RawMatch]) -> bool:
    """A comma, then a capitalised word that starts no skill (rule place-after-in): "Scala,
    Milan" after "in" names a town and its city."""
    i = match.token_end
    if i + 1 >= len(doc) or doc.text[i] != ",":
        return False
    word = doc.text[i + 1]
    return (word[:1].isupper() and word.isalpha()
            and not any(o.token_start == i + 1 for o in others))


def _version_after(match: RawMatch, doc: Tokens) -> bool:
    """A version right after the name (rule version-after): "Windows 9.x", "Oracle 8i".
    Versions follow product names, which are written with a capital: a lowercase word before
    a number is prose ("algorithms to analyze 2D images")."""
    return (doc.text[match.token_start][:1].isupper()
            and _after_name("version-after", match, doc))


def _list_of_names(maybe: list[RawMatch], everything: list[RawMatch], doc: Tokens,
                   runs_on: set[RawMatch] | frozenset[RawMatch] = frozenset()) -> set[RawMatch]:
    """The undecided names that are whole items of a list holding three or more names (rule
    list-of-names): "Internet Explorer, Firefox, Chrome, Safari"; "accounts payable,
    accounting, financial reporting, payroll" (short items the taxonomy does not know may stand
    between the names: at most two of them, of at most four words each). A name in
    ``runs_on`` ends no item: its line goes on ("Project\nmanagement")."""
    sides = {m: _item_sides(m, doc, m in runs_on) for m in everything}
    # a name glued inside an item ("patient billing" in "non-patient billing") is no item
    ordered = sorted((m for m in everything if sides[m][1] and not _glued_after_word(m, doc)),
                     key=lambda m: m.token_start)
    runs: list[list[RawMatch]] = []
    for m in ordered:
        last = runs[-1][-1] if runs else None
        if last is not None and sides[m][0] and _same_list(last, m, doc):
            runs[-1].append(m)  # the first item may follow a lead-in ("provided X, Y, Z")
        else:
            runs.append([m])
    undecided = set(maybe)
    return {m for run in runs if len(run) >= 3 for m in run if m in undecided}


_ITEM_SEPARATORS = frozenset({",", ";", "and", "or", "&", "/", "|", "•", "·"})


def _item_sides(match: RawMatch, doc: Tokens, runs_on: bool = False) -> tuple[bool, bool]:
    """Whether the name starts a list item (list punctuation, a colon or a line break before
    it) and ends one (list punctuation, a version or the end of the sentence after it:
    "Oracle 8i,")."""
    a, b = match.token_start, match.token_end
    text, n = doc.text, len(doc)
    before = doc.lower[a - 1] if a > 0 else ""
    while b < n and _VERSION_TOKEN.match(text[b]):
        b += 1
    b = _after_item_note(doc, b)
    after = doc.lower[b] if b < n else ""
    if runs_on or "\n" in after and b + 1 < n and text[b + 1][:1].islower():
        after = "-"  # the line runs on ("Project\nmanagement", rule runs-on)
    return ((before in _ITEM_SEPARATORS or before in ("", ":") or "\n" in before),
            (after in _ITEM_SEPARATORS or after in ("", ".") or "\n" in after))


# what an item of a list may say of its own years after the name (rule years-note): "Swift —
# 5 yrs | Objective-C — 3 yrs", "Java (4 years),", "Go: 2+ yrs"
_YEARS_NOTE = re.compile(r"[ \t]*(?:[-\u2013\u2014:][ \t]*\d{1,2}(?:\.\d)?\+?[ \t]*(?:yrs?|years?)\.?"
                         r"|\([ \t]*\d{1,2}(?:\.\d)?\+?[ \t]*(?:yrs?|years?)[ \t]*\))(?![\w.])",
                         re.IGNORECASE)


def _after_item_note(doc: Tokens, i: int) -> int:
    """The first token after a note that begins at token ``i`` and belongs to the item before
    it, else ``i``: of years (rule years-note: "— 5 yrs", "(4 years)") or of how well its owner
    knows it (rule level-note: "(proficient)", "(working knowledge)")."""
    if i >= len(doc) or doc.text[i][:1] not in "-\u2013\u2014:(":
        return i
    note = _YEARS_NOTE.match(doc.source, doc.idx[i])
    if note is None and doc.text[i] == "(":
        close = doc.source.find(")", doc.idx[i], doc.idx[i] + 30)
        words = doc.source[doc.idx[i] + 1:close].strip().lower() if close > 0 else ""
        if words in rule_words("level-note"):
            while i < len(doc) and doc.idx[i] <= close:
                i += 1
            return i
    if note is None:
        return i
    while i < len(doc) and doc.idx[i] < note.end():
        i += 1
    return i


def _opens_item(doc: Tokens, i: int) -> bool:
    """Token ``i`` is the first word of its line or list item."""
    if i == 0:
        return True
    before = doc.source[doc.end(i - 1):doc.idx[i]]
    return "\n" in before or doc.text[i - 1] in _ITEM_OPENERS


_ITEM_OPENERS = frozenset({",", ";", "|", "*", "-", "\u2022", "\u00b7", ":"})


def _opens_bullet(match: RawMatch, doc: Tokens) -> bool:
    """The name is the first thing on a bulleted line: "* Network programming with ..."."""
    t = match.token_start
    if t == 0 or _BULLET.match(doc.text[t - 1] + " ") is None:
        return False
    before = doc.text[t - 2] if t > 1 else ""  # the line's start: a line break or indent
    return t == 1 or not before.strip() and (t == 2 or "\n" in before)


def _glued_after_word(match: RawMatch, doc: Tokens) -> bool:
    """The name is the end of a hyphenated word: "patient billing" in "non-patient billing"."""
    t = match.token_start
    return t > 1 and doc.text[t - 1] == "-" and not doc.space[t - 2] and doc.alpha[t - 2]


def _same_list(first: RawMatch, second: RawMatch, doc: Tokens) -> bool:
    """Only separators and at most two short items stand between two whole-item names."""
    items, words = 0, 0
    t, end = first.token_end - 1, second.token_start
    while t + 1 < end:
        t += 1
        skipped = _after_item_note(doc, t)
        if skipped > t:  # "Swift — 5 yrs | Objective-C": the item's note of its years
            t = skipped - 1
            continue
        text = doc.lower[t]
        if text in _ITEM_SEPARATORS:
            words = 0
        elif "\n" in text and text.isspace() and words == 0 and t > 0 and t + 1 < len(doc) \
                and doc.lower[t - 1] in _ITEM_SEPARATORS and doc.text[t + 1][:1].islower():
            continue  # a wrapped line: "billing,\npayroll, tax" is one list
        elif text == "-" and not doc.space[t] and t > 0 and not doc.space[t - 1]:
            continue  # inside a hyphenated word: "non-patient billing"
        elif doc.punct[t] or "\n" in text or "(" in text or ")" in text:
            return False  # a sentence or a line ends, a parenthesis opens: not one list
        elif _VERSION_TOKEN.match(doc.text[t]) and words == 0 and items == 0:
            continue  # "Oracle 8i, ..."
        else:
            words += 1
            items += words == 1
            if words > 4 or items > 2:
                return False
    return True


_NO_CONTEXT = ("an ambiguous name with no technical context around it (a list of skills, a "
               "skills section, a lead-in such as 'experience with')")
_HINT_NOT = ("a word beside it that the skill's own record names makes it prose, as 'stays' "
             "makes 'stays agile' (rule skill-hint-not)")
_CAPITALISED_RUN = ("an imported name of ordinary words written capitalised beside another "
                    "capitalised word: part of a longer name or title, counted only in a list "
                    "(rule inside-capitalised-name)")
_NOT_LISTED = ("an imported name that is also an English word (or a two-letter acronym): it "
               "counts only in a list beside other skills or as a skills-section item")


def _displaced(hits: list[RawMatch], raw: list[RawMatch], accepted: list[RawMatch],
               families: Sequence[RawMatch] = ()) -> list[RawMatch]:
    """The names a longer one pushed out, now that it was rejected or is a family (context,
    not a skill): those overlapping such a match and no accepted skill ("feature engineering"
    under the prose "engineering processes", "deep learning" in the family "deep learning
    frameworks"), longest first."""
    lost = [m for m in raw if m not in accepted] + list(families)
    skills = [a for a in accepted if a not in families]
    free = [h for h in hits if h not in raw
            and not any(h.start < a.end and a.start < h.end for a in skills)
            and any(h.start < m.end and m.start < h.end for m in lost)]
    return longest_first(free)


def _slash_pair(outer: RawMatch, inner: RawMatch) -> bool:
    """The inner name is one side of a slash pair that the outer name is: "AI" in "AI/ML"."""
    a, b = inner.start - outer.start, inner.end - outer.start
    return outer.form[b:b + 1] == "/" or (a > 0 and outer.form[a - 1:a] == "/")


def _listed(match: RawMatch, doc: Tokens, seg_text: str, others: list[RawMatch],
            section_kind: str, runs_on: bool = False) -> str | None:
    """The stricter test for an imported name that is also an English word ("Teams",
    "Project", "Access"): it must stand in a list beside another skill, joined by punctuation
    ("Word, Excel, Project"; "Agile teams" and "data science teams and" are not lists), or be a
    short item of a skills section. Prose around it never suffices."""
    others = [o for o in others if o is not match]
    start = match.token_start
    if _glued_after_word(match, doc):
        return None  # the end of a hyphenated word: "non-patient billing"
    if start > 0 and doc.title[start - 1] and doc.alpha[start - 1] and (
            match.form[:1].isupper() or not _opens_item(doc, start - 1)) and not any(
            o.token_start <= start - 1 < o.token_end for o in others):
        return None  # the tail of a longer name: "Information Assurance", "Project Planning"
        # (not a lowercase name after an item's first word: "Detailed report writing")
    if _beside(match, doc, others, touching=False, punctuation_only=True, head_of_parens=False):
        return "listed-beside-skill"
    if _version_after(match, doc):
        return "version-after"  # "Windows 9.x", "Oracle 8i"
    words = len(_WORDS.findall(seg_text))
    if section_kind in _LIST_SECTIONS and words <= 2 and _BULLET.match(seg_text):
        return "list-bullet-item"  # a requirements bullet that is just the name: "* Slack"
    if (section_kind in _LIST_SECTIONS and " " in match.form and _opens_bullet(match, doc)
            and match.token_end < len(doc)
            and doc.lower[match.token_end] in rule_words("bullet-head")):
        return "bullet-head"  # "* Network programming with recovery strategies"
    if match.token_end < len(doc) and doc.lower[match.token_end] in rule_words("skills-after"):
        return "skills-after"  # "superior troubleshooting skills"
    if " " in match.form and start >= 2 and (
            f"{doc.lower[start - 2]} {doc.lower[start - 1]}" in rule_words("knowing-before")) and (
            match.token_end == len(doc) or doc.lower[match.token_end] in _ITEM_ENDS):
        return "knowing-before"  # "working knowledge of accounts payable and receivable"
    if section_kind == "skills" and " " in match.form and len(_LIST_SEP.findall(seg_text)) >= 2 \
            and all(_item_sides(match, doc, runs_on)):
        return "skills-list-item"  # "accounts payable, administrative support, Benefits, ..."
    if (section_kind == "skills" and words <= 4 or section_kind == "requirements" and words <= 3
            ) and not runs_on:
        return "skills-section-item"  # a short line of a skills or qualifications list
    return None
