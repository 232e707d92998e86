"""The taxonomy model: immutable skills and a taxonomy that looks them up by any name.

>>> from skillmatch import load_taxonomy
>>> tax = load_taxonomy()
>>> tax["sklearn"].name
'scikit-learn'
>>> tax["python"].demand
0.758
"""

from __future__ import annotations

import re

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .._errors import Messages, UnknownSkillError
from .._pickling import ReadOnlyPickling

#: The categories a skill may have. "degree" (levels) and "field" (fields of study) are
#: matched only where a degree is stated; every other category anywhere in the text.
CATEGORIES: frozenset[str] = frozenset(
    {
        "language",
        "framework",
        "library",
        "cloud",
        "big-data",
        "database",
        "technique",
        "concept",
        "tool",
        "platform",
        "mlops",
        "visualization",
        "certification",
        "soft-skill",
        "degree",
        "field",
    }
)
DEGREE_CATEGORIES: frozenset[str] = frozenset({"degree", "field"})


def normalize_alias(text: str) -> str:
    """The key two surface forms share when they differ only in case and spacing.

    ``str.split()`` breaks at the same characters as the pattern ``\\s+`` (Unicode
    whitespace) and is a few times faster; a load normalises every form of 10,000 skills.

    >>> normalize_alias("  Amazon  Web\\tServices ")
    'amazon web services'
    """
    return " ".join(text.split()).lower()


@dataclass(frozen=True, slots=True)
class Hints:
    """Words that tell, next to one of a skill's ambiguous names, whether the name is the skill.

    ``before``/``after`` make it the skill ("Golang Go", "R Shiny"); ``not_before``/
    ``not_after`` make it prose ("your CV", "CV attached"). Each entry is a lowercase word or
    two-word phrase, or "@name": the word list of that rule in extraction/rules/ambiguity.toml.

    >>> Hints(after=("shiny", "studio")).after
    ('shiny', 'studio')
    """

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.before or self.after or self.not_before or self.not_after)


HINT_KEYS = ("before", "after", "not_before", "not_after")


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill: its names, category, relations and market demand.

    ``aliases`` match in any case; ``exact`` only in the case written ("R", "Go");
    ``ambiguous`` lists the surface forms that count only in technical context. ``refs`` are
    the skill's ids in public taxonomies ("onet:43232306" is an O*NET/UNSPSC commodity,
    "esco:<uuid>" an ESCO concept), so results can be mapped to standard codes; ``layer`` names
    the taxonomy layer the skill's fields come from ("ml-engineer", "onet-tech", ...).
    A ``generic`` skill is a broad family or field ("Databases", "Software engineering",
    "Deep learning frameworks"): it carries relations and partial credit, but a text naming it
    alone does not name a skill, so it is never extracted. ``hints`` are the words that settle
    whether an ambiguous name is this skill (see :class:`Hints`).

    >>> Skill(id="keras", name="Keras", category="framework").aliases
    ('Keras',)
    """

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    demand: float = 0.0
    demand_source: str = ""
    parents: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    layer: str = ""
    generic: bool = False
    hints: Hints = Hints()

    def __post_init__(self) -> None:
        if self.name not in self.aliases and self.name not in self.exact:
            object.__setattr__(self, "aliases", (self.name, *self.aliases))

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every form the skill is written in: aliases, then exact forms."""
        return self.aliases + self.exact


# rule version-suffix: a name, then a version ("3.11", "7-10", "2019", "11g", "v2", "3.x+")
_VERSION = re.compile(r"(.*?[^\s\d.,;:/-])\s+(?:v(?:ersion)?\s?)?\d+(?:\.\d+)*(?:\.x|[a-z])?\+?"
                      r"(?:\s?(?:-|/|to)\s?\d+(?:\.\d+)*\+?){0,8}", re.IGNORECASE | re.ASCII)
_VERSION_ENDS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+")


@dataclass(frozen=True)
class Taxonomy(ReadOnlyPickling):
    """An immutable set of skills, looked up by id or by any alias.

    >>> from skillmatch import load_taxonomy
    >>> tax = load_taxonomy()
    >>> tax["Amazon Web Services"].id, "pytorch" in tax
    ('aws', True)
    """

    id: str
    name: str
    version: str
    skills: Mapping[str, Skill]
    source: str = ""
    default_demand: float = 0.0
    default_demand_source: str = ""
    layers: tuple[str, ...] = ()
    _by_alias: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    _by_exact: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    def __reduce__(self) -> tuple[Any, ...]:  # mappingproxy does not pickle; worker processes need it
        return (_rebuild_taxonomy, (self.id, self.name, self.version, dict(self.skills),
                                    self.source, self.default_demand, self.default_demand_source,
                                    self.layers, dict(self._by_alias), dict(self._by_exact)))

    def __getitem__(self, key: str) -> Skill:
        skill = self.get(key)
        if skill is None:
            raise UnknownSkillError(Messages.T012.format(key=key, taxonomy=self.id))
        return skill

    def get(self, key: str, default: Skill | None = None) -> Skill | None:
        """The skill with this id, exact form or alias (in that order), else ``default``. A
        name the taxonomy does not know with a version after it is its product's name:
        "Python 3.11", "Windows 7-10", "SQL Server 2019" (rule version-suffix).

        >>> from skillmatch import load_taxonomy
        >>> tax = load_taxonomy("ml-engineer")
        >>> tax.get("Python 3.11").name, tax.get("SQL Server 2019").name, tax.get("Fortune 500")
        ('Python', 'Microsoft SQL Server', None)
        """
        if not isinstance(key, str):
            return default  # taxonomy[None] is an UnknownSkillError, as any unknown key
        found = self._named(key)
        if (found is None and len(key) <= 100 and key[-1:] in _VERSION_ENDS
                and (versioned := _VERSION.fullmatch(key))):
            found = self._named(versioned.group(1))
        return default if found is None else found

    def _named(self, key: str) -> Skill | None:
        """The skill with this id, exact form or alias: :meth:`get` without its rule
        version-suffix, for extraction, which builds names from text ("Google 314069")."""
        if key in self.skills:
            return self.skills[key]
        skill_id = self._by_exact.get(key) or self._by_alias.get(normalize_alias(key))
        return self.skills[skill_id] if skill_id else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __hash__(self) -> int:
        return hash((self.id, self.version, self.source, len(self.skills)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Taxonomy) and (
            (self.id, self.version, dict(self.skills))
            == (other.id, other.version, dict(other.skills))
        )

    def _is_imported(self, skill: Skill) -> bool:
        """Whether ``skill`` comes from an imported layer (O*NET, ESCO), below the stack's
        top, curated one."""
        return bool(skill.layer) and skill.layer != (self.layers[-1] if self.layers else "")

    @cached_property
    def _closures(self) -> dict[tuple[bool, str], tuple[str, ...]]:
        """(implied?, skill id) -> its closure, each worked out the first time it is asked for:
        extraction asks for a few, and 10,000 at once cost more than a whole document."""
        return {}

    def _closure_of(self, skill_id: str, implied: bool) -> tuple[str, ...]:
        found = self._closures.get((implied, skill_id))
        if found is None:
            skills = self.skills
            if implied:
                found = _closure(skill_id, lambda s: skills[s].parents + skills[s].implies)
            else:
                found = _closure(skill_id, lambda s: skills[s].parents)
            found = self._closures.setdefault((implied, skill_id), found)  # same either way
        return found

    def broader(self, skill_id: str) -> tuple[str, ...]:
        """Every ancestor through ``parents``, nearest first.

        >>> from skillmatch import load_taxonomy
        >>> load_taxonomy().broader("keras")[:1]
        ('deep-learning-frameworks',)
        """
        return self._closure_of(self[skill_id].id, False)

    def implied(self, skill_id: str) -> tuple[str, ...]:
        """Every skill that having ``skill_id`` implies: ancestors and ``implies``, transitively.

        >>> from skillmatch import load_taxonomy
        >>> "aws" in load_taxonomy().implied("sagemaker")
        True
        """
        return self._closure_of(self[skill_id].id, True)

    def narrower(self, skill_id: str) -> tuple[str, ...]:
        """Every skill that implies ``skill_id`` (the reverse of :meth:`implied`)."""
        return self._narrower.get(self[skill_id].id, ())

    @cached_property
    def _narrower(self) -> Mapping[str, tuple[str, ...]]:
        reverse: dict[str, list[str]] = {}
        for sid in self.skills:
            for target in self._closure_of(sid, True):
                reverse.setdefault(target, []).append(sid)
        return MappingProxyType({k: tuple(v) for k, v in reverse.items()})

    def by_category(self, category: str) -> tuple[Skill, ...]:
        """The skills of one category, in file order."""
        return tuple(s for s in self.skills.values() if s.category == category)


def _rebuild_taxonomy(id: str, name: str, version: str, skills: dict[str, Skill], source: str,
                      default_demand: float, default_source: str, layers: tuple[str, ...],
                      by_alias: dict[str, str], by_exact: dict[str, str]) -> Taxonomy:
    return Taxonomy(id, name, version, MappingProxyType(skills), source, default_demand,
                    default_source, layers, MappingProxyType(by_alias), MappingProxyType(by_exact))


def _closure(start: str, step: Any) -> tuple[str, ...]:
    """Breadth-first reachable ids from ``start`` (excluded), nearest first."""
    seen: dict[str, None] = {}
    frontier = list(step(start))
    while frontier:
        nxt: list[str] = []
        for sid in frontier:
            if sid != start and sid not in seen:
                seen[sid] = None
                nxt.extend(step(sid))
        frontier = nxt
    return tuple(seen)


