"""What a score says: result types, their text report and their versioned JSON form.

Plain data, no numpy: a result can be rebuilt from JSON anywhere (``ScoreResult.from_dict``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .._errors import Messages, ParameterError
from .._pickling import ReadOnlyPickling
from .._extract import Mention

SCHEMA_VERSION = "1.3"  # 1.1: the role component and ``role``; 1.2: ``score`` is null when
# the posting asks nothing a resume could show (no skill, years, degree or job title); 1.3:
# ``role.resume_title_too_broad`` / ``posting_title_too_broad``


@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of text that proves something: where it is and what it says. ``start`` and
    ``end`` are character offsets into the document's clean text (``Document.text``, what
    :func:`skillmatch.read` returns: PDF and DOCX text in reading order, white space
    normalised), not into the file's bytes; ``section`` is the kind of section it is in."""

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
    via_name: str | None = None  # display names of ``via`` and ``member``
    member_name: str | None = None


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the score: its value (0..1) and its weight after renormalisation."""

    score: float
    weight: float


@dataclass(frozen=True)
class ScoreResult(ReadOnlyPickling):
    """How well a resume fits a posting, and why. ``score`` is 0..100, or NaN when there is
    nothing to compare: the posting asks for no skill, years, degree or job title that
    skillmatch recognises (unknown is not zero; :meth:`explain` says so)."""

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
    role: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __repr__(self) -> str:
        """One line: the score, the two labels and the counts (``explain()`` has the rest)."""
        from .._views import result_repr

        return result_repr(self)

    def _repr_html_(self) -> str:
        """Notebooks: the score, the components as bars, both documents' evidence marked
        matched / partial / missing (all document text escaped)."""
        from .._views import result_html

        return result_html(self)

    def explain(self) -> str:
        """A readable report: the score, what matched, the most valuable gaps, what would help."""
        if math.isnan(self.score):
            return (f"No score for {self.resume} against {self.posting}: the posting asks for "
                    "nothing skillmatch recognises (no skill, years of experience, degree or job "
                    "title), so there is nothing to compare. Check that it is a job posting with "
                    "its requirements, in English, or use a taxonomy that covers its field.")
        lines = [f"Score {self.score:.1f}/100 for {self.resume} against {self.posting}"]
        for name, comp in self.components.items():
            lines.append(f"  {name:<11} {comp.score * 100:5.1f}%  (weight {comp.weight:.2f})")
        if self.role.get("resume_title") or self.role.get("posting_title"):
            lines.append(f"Role: {_title(self.role, 'resume')} (resume) vs "
                         f"{_title(self.role, 'posting')} (posting)")
        # an either/or list ("AWS, Azure or GCP") is one line, named by its members
        names = {m.requirement.skill: m.requirement.name
                 for m in self.matched + self.partial + self.missing}
        if self.matched:
            lines.append("Matched: " + ", ".join(
                _listed(m, names) if m.requirement.any_of else m.requirement.name + _through(m)
                for m, _ in _one_per_list(self.matched)))
        if self.partial:
            lines.append("Partial:")
            lines.extend(f"  - {_names(m, names)} [{m.requirement.level}]: {m.reason}"
                         for m, _ in _one_per_list(self.partial))
        required_missing = [m for m in self.missing if m.requirement.level == "required"]
        if self.missing:
            lines.append("Missing:")
            for m, weight in _one_per_list(self.missing):
                proof = m.requirement.evidence[0].text if m.requirement.evidence else ""
                lines.append(f"  - {_names(m, names)} [{m.requirement.level}] "
                             f"(weight {weight:.2f}): \"{proof}\"")
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
                    "via": m.via, "member": m.member, "via_name": m.via_name,
                    "member_name": m.member_name,
                    "resume_evidence": [ev(e) for e in m.resume_evidence], "reason": m.reason}

        tax_id, _, tax_version = self.taxonomy.partition("@")
        return {
            "schema_version": self.schema_version,
            "score": None if math.isnan(self.score) else self.score,
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
            "role": dict(self.role),
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
                                    d.get("member"), d.get("via_name"), d.get("member_name"))

        tax = data["taxonomy"]
        return cls(
            score=math.nan if data["score"] is None else data["score"],
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
            role=MappingProxyType(dict(data.get("role", {}))),
        )



def _one_per_list(matches: tuple[RequirementMatch, ...]
                  ) -> list[tuple[RequirementMatch, float]]:
    """One entry per either/or list (its first member here; a requirement of its own is a
    list of one), each with the summed weight of the list's members (a list weighs what its
    members do in the score)."""
    firsts: dict[tuple[str, ...], RequirementMatch] = {}
    total: dict[tuple[str, ...], float] = {}
    for m in matches:
        key = tuple(sorted(m.requirement.any_of)) or (m.requirement.skill,)
        total[key] = total.get(key, 0.0) + m.requirement.weight
        firsts.setdefault(key, m)
    return [(m, total[key]) for key, m in firsts.items()]


def requirement_counts(result: ScoreResult) -> tuple[int, int, int]:
    """(matched, partial, missing) as the report counts them: an either/or list once."""
    return (len(_one_per_list(result.matched)), len(_one_per_list(result.partial)),
            len(_one_per_list(result.missing)))


def _names(m: RequirementMatch, names: Mapping[str, str]) -> str:
    """A requirement's name, or its either/or list's: "AWS / Microsoft Azure / GCP"."""
    if not m.requirement.any_of:
        return m.requirement.name
    return " / ".join(names.get(skill, skill) for skill in m.requirement.any_of)


def _title(role: Mapping[str, Any], side: str) -> str:
    """One side's title for the report: "not found", or the title and why it was not compared.

    >>> _title({"posting_title": "Data Analyst", "posting_occupations": ["x"] * 9,
    ...         "posting_title_too_broad": True}, "posting")
    'Data Analyst (names 9 occupations: too broad to compare)'
    """
    title = role.get(f"{side}_title")
    if not title:
        return "not found"
    if role.get(f"{side}_title_too_broad"):
        count = len(role.get(f"{side}_occupations") or ())
        return f"{title} (names {count} occupations: too broad to compare)"
    return str(title)


def _listed(m: RequirementMatch, names: Mapping[str, str]) -> str:
    """A met either/or list: the member that meets it, then the list."""
    member = m.member_name or m.member or m.requirement.name
    via = m.via_name or m.via
    return (f"{member}" + (f" via {via}" if via else "")
            + f" (one of the list: {_names(m, names)})")


def _through(m: RequirementMatch) -> str:
    """How a matched requirement was met, for the report: "(any of the list: AWS)"."""
    member, via = m.member_name or m.member, m.via_name or m.via
    if member:
        return f" (any of the list: {member}" + (f", via {via})" if via else ")")
    return f" (via {via})" if via else ""
