"""Skills, their names and relations, and the share of postings that ask for them.

A taxonomy is a TOML file: a ``[taxonomy]`` header and one ``[[skill]]`` table per skill.

>>> from skillmatch import load_taxonomy
>>> tax = load_taxonomy()
>>> tax["sklearn"].name
'scikit-learn'
>>> tax["python"].demand
0.758

A user file may extend another taxonomy (``extends = "ml-engineer"`` in its header): its
skills replace the fields they name, new ids are added, and ``remove = [...]`` drops ids.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._errors import Messages, TaxonomyError, UnknownSkillError

__all__ = ["CATEGORIES", "Skill", "Taxonomy", "load_taxonomy", "available_taxonomies"]

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

DEFAULT_TAXONOMY = "ml-engineer"
_ID = re.compile(r"^[a-z0-9][a-z0-9+#.\-]*$")
_SPACE = re.compile(r"\s+")


def normalize_alias(text: str) -> str:
    """The key two surface forms share when they differ only in case and spacing."""
    return _SPACE.sub(" ", text.strip()).lower()


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill: its names, category, relations and market demand.

    ``aliases`` match in any case; ``exact`` only in the case written ("R", "Go");
    ``ambiguous`` lists the surface forms that count only in technical context.

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

    def __post_init__(self) -> None:
        if self.name not in self.aliases and self.name not in self.exact:
            object.__setattr__(self, "aliases", (self.name, *self.aliases))

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every form the skill is written in: aliases, then exact forms."""
        return self.aliases + self.exact


@dataclass(frozen=True)
class Taxonomy:
    """An immutable set of skills, looked up by id or by any alias.

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
    _by_alias: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    _by_exact: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    def __reduce__(self) -> tuple[Any, ...]:  # mappingproxy does not pickle; worker processes need it
        return (_rebuild_taxonomy, (self.id, self.name, self.version, dict(self.skills),
                                    self.source, self.default_demand, self.default_demand_source,
                                    dict(self._by_alias), dict(self._by_exact)))

    def __getitem__(self, key: str) -> Skill:
        skill = self.get(key)
        if skill is None:
            raise UnknownSkillError(Messages.T012.format(key=key, taxonomy=self.id))
        return skill

    def get(self, key: str, default: Skill | None = None) -> Skill | None:
        """The skill with this id, exact form or alias (in that order), else ``default``."""
        if key in self.skills:
            return self.skills[key]
        skill_id = self._by_exact.get(key) or self._by_alias.get(normalize_alias(key))
        return self.skills[skill_id] if skill_id else default

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

    @cached_property
    def _broader(self) -> Mapping[str, tuple[str, ...]]:
        return MappingProxyType(
            {sid: _closure(sid, lambda s: self.skills[s].parents) for sid in self.skills}
        )

    @cached_property
    def _implied(self) -> Mapping[str, tuple[str, ...]]:
        def step(sid: str) -> tuple[str, ...]:
            skill = self.skills[sid]
            return skill.parents + skill.implies

        return MappingProxyType({sid: _closure(sid, step) for sid in self.skills})

    def broader(self, skill_id: str) -> tuple[str, ...]:
        """Every ancestor through ``parents``, nearest first.

        >>> load_taxonomy().broader("keras")[:1]
        ('deep-learning-frameworks',)
        """
        return self._broader[self[skill_id].id]

    def implied(self, skill_id: str) -> tuple[str, ...]:
        """Every skill that having ``skill_id`` implies: ancestors and ``implies``, transitively.

        >>> "aws" in load_taxonomy().implied("sagemaker")
        True
        """
        return self._implied[self[skill_id].id]

    def narrower(self, skill_id: str) -> tuple[str, ...]:
        """Every skill that implies ``skill_id`` (the reverse of :meth:`implied`)."""
        target = self[skill_id].id
        return tuple(sid for sid, implied in self._implied.items() if target in implied)

    def by_category(self, category: str) -> tuple[Skill, ...]:
        """The skills of one category, in file order."""
        return tuple(s for s in self.skills.values() if s.category == category)


def _rebuild_taxonomy(id: str, name: str, version: str, skills: dict[str, Skill], source: str,
                      default_demand: float, default_source: str, by_alias: dict[str, str],
                      by_exact: dict[str, str]) -> Taxonomy:
    return Taxonomy(id, name, version, MappingProxyType(skills), source, default_demand,
                    default_source, MappingProxyType(by_alias), MappingProxyType(by_exact))


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


# --------------------------------------------------------------------------- loading


def available_taxonomies() -> tuple[str, ...]:
    """The names of the bundled taxonomies, e.g. ``('ml-engineer',)``."""
    return tuple(sorted(p.name[: -len(".toml")] for p in _bundled_dir().iterdir()
                        if p.name.endswith(".toml")))


def _bundled_dir() -> Any:
    """The taxonomies folder: inside the installed package, else the source checkout's."""
    packaged = resources.files("skillmatch").joinpath("taxonomies")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "taxonomies"
    return checkout


def load_taxonomy(name_or_path: str | PathLike[str] | None = None) -> Taxonomy:
    """Load a bundled taxonomy by name, or a TOML file by path.

    Parameters
    ----------
    name_or_path
        ``None`` for the default (``"ml-engineer"``), a bundled name, or a path to a
        ``.toml`` file. A file whose header says ``extends = "<name or path>"`` is merged
        over that taxonomy.

    Raises
    ------
    TaxonomyError
        The file is malformed; the message names the file, the skill and the fix.

    Examples
    --------
    >>> len(load_taxonomy()) >= 300
    True
    """
    return _load(name_or_path if name_or_path is not None else DEFAULT_TAXONOMY, ())


def _load(name_or_path: str | PathLike[str], chain: tuple[str, ...]) -> Taxonomy:
    label, text = _read_source(name_or_path)
    if label in chain:
        raise TaxonomyError(
            Messages.T005.format(file=label, relation="extends", cycle=" -> ".join((*chain, label)))
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(Messages.T001.format(file=label, detail=exc)) from None
    header = raw.get("taxonomy", {})
    base: Taxonomy | None = None
    if header.get("extends"):
        parent = header["extends"]
        if isinstance(parent, str) and not _is_bundled_name(parent):
            parent = str((Path(label).parent / parent)) if not Path(parent).is_absolute() else parent
        base = _load(parent, (*chain, label))
    return _build(raw, label, base)


def _is_bundled_name(name: str) -> bool:
    return not name.endswith(".toml") and "/" not in name and "\\" not in name


def _read_source(name_or_path: str | PathLike[str]) -> tuple[str, str]:
    if isinstance(name_or_path, str) and _is_bundled_name(name_or_path):
        entry = _bundled_dir().joinpath(f"{name_or_path}.toml")
        if not entry.is_file():
            raise TaxonomyError(
                Messages.T010.format(name=name_or_path, available=", ".join(available_taxonomies()))
            )
        return name_or_path, entry.read_text(encoding="utf-8")
    path = Path(name_or_path)
    try:
        return str(path), path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaxonomyError(
            Messages.T010.format(name=str(path), available=", ".join(available_taxonomies()))
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(Messages.T001.format(file=path, detail=exc)) from None


_LIST_FIELDS = ("aliases", "exact", "ambiguous", "parents", "implies", "alternatives")
_KNOWN_FIELDS = frozenset({"id", "name", "category", "demand", "demand_source", *_LIST_FIELDS})


def _build(raw: dict[str, Any], label: str, base: Taxonomy | None) -> Taxonomy:
    header = raw.get("taxonomy", {})
    entries = raw.get("skill")
    if not isinstance(entries, list) or (not entries and base is None):
        raise TaxonomyError(Messages.T011.format(file=label))
    default_demand = header.get("default_demand", base.default_demand if base else 0.0)
    default_source = header.get(
        "default_demand_source", base.default_demand_source if base else f"default of {label}"
    )

    fields: dict[str, dict[str, Any]] = {}
    if base is not None:
        for skill in base:
            fields[skill.id] = {
                "id": skill.id, "name": skill.name, "category": skill.category,
                "aliases": [a for a in skill.aliases if a != skill.name], "exact": list(skill.exact),
                "ambiguous": list(skill.ambiguous), "demand": skill.demand,
                "demand_source": skill.demand_source, "parents": list(skill.parents),
                "implies": list(skill.implies), "alternatives": list(skill.alternatives),
            }
        for removed in header.get("remove", []):
            fields.pop(removed, None)
    seen_here: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise TaxonomyError(Messages.T011.format(file=label))
        sid = entry.get("id")
        if not isinstance(sid, str) or not sid:
            raise TaxonomyError(
                Messages.T008.format(file=label, skill=entry.get("name", "?"), field="id",
                                     example='id = "scikit-learn"')
            )
        if not _ID.match(sid):
            raise TaxonomyError(Messages.T013.format(file=label, skill=sid))
        if sid in seen_here:
            raise TaxonomyError(Messages.T002.format(file=label, skill=sid))
        seen_here.add(sid)
        unknown = set(entry) - _KNOWN_FIELDS
        if unknown:
            raise TaxonomyError(
                Messages.T009.format(file=label, skill=sid, field=sorted(unknown)[0],
                                     expected=f"one of the known fields {sorted(_KNOWN_FIELDS)}",
                                     value=entry[sorted(unknown)[0]])
            )
        merged = dict(fields.get(sid, {}))
        merged.update(entry)
        fields[sid] = merged

    skills: dict[str, Skill] = {}
    for sid, f in fields.items():
        skills[sid] = _make_skill(f, label, default_demand, default_source)
    _check_relations(skills, label)
    by_alias, by_exact = _index_aliases(skills, label)
    return Taxonomy(
        id=str(header.get("id", base.id if base else Path(label).stem)),
        name=str(header.get("name", base.name if base else Path(label).stem)),
        version=str(header.get("version", base.version if base else "0")),
        skills=MappingProxyType(skills),
        source=label,
        default_demand=float(default_demand),
        default_demand_source=default_source,
        _by_alias=MappingProxyType(by_alias),
        _by_exact=MappingProxyType(by_exact),
    )


def _make_skill(f: dict[str, Any], label: str, default_demand: float, default_source: str) -> Skill:
    sid = f["id"]
    for required, example in (("name", 'name = "PyTorch"'), ("category", 'category = "framework"')):
        if not isinstance(f.get(required), str) or not f[required].strip():
            raise TaxonomyError(
                Messages.T008.format(file=label, skill=sid, field=required, example=example)
            )
    if f["category"] not in CATEGORIES:
        raise TaxonomyError(
            Messages.T007.format(file=label, skill=sid, category=f["category"],
                                 allowed=", ".join(sorted(CATEGORIES)))
        )
    lists: dict[str, tuple[str, ...]] = {}
    for name in _LIST_FIELDS:
        value = f.get(name, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise TaxonomyError(
                Messages.T009.format(file=label, skill=sid, field=name,
                                     expected="a list of non-empty strings", value=value)
            )
        lists[name] = tuple(dict.fromkeys(value))
    demand = f.get("demand", default_demand)
    if isinstance(demand, bool) or not isinstance(demand, int | float) or not 0 <= demand <= 1:
        raise TaxonomyError(Messages.T006.format(file=label, skill=sid, demand=demand))
    source = f.get("demand_source") or (default_source if "demand" not in f else "")
    if not isinstance(source, str) or not source:
        raise TaxonomyError(
            Messages.T008.format(file=label, skill=sid, field="demand_source",
                                 example='demand_source = "000: 75.8% of 714 postings"')
        )
    forms = set(lists["aliases"]) | set(lists["exact"]) | {f["name"]}
    for form in lists["ambiguous"]:
        if form not in forms:
            raise TaxonomyError(
                Messages.T009.format(file=label, skill=sid, field="ambiguous",
                                     expected="a list of this skill's own name, aliases or exact forms",
                                     value=form)
            )
    return Skill(
        id=sid, name=f["name"].strip(), category=f["category"], demand=float(demand),
        demand_source=source, **lists,
    )


def _check_relations(skills: Mapping[str, Skill], label: str) -> None:
    for skill in skills.values():
        for relation in ("parents", "implies", "alternatives"):
            for target in getattr(skill, relation):
                if target not in skills:
                    raise TaxonomyError(
                        Messages.T004.format(file=label, skill=skill.id, relation=relation,
                                             target=target)
                    )
    for relation in ("parents", "implies"):
        cycle = _find_cycle({s.id: getattr(s, relation) for s in skills.values()})
        if cycle:
            raise TaxonomyError(
                Messages.T005.format(file=label, relation=relation, cycle=" -> ".join(cycle))
            )


def _find_cycle(graph: Mapping[str, tuple[str, ...]]) -> list[str] | None:
    """A cycle in ``graph`` as a list of ids (first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    for root in graph:
        if state.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return None


def _index_aliases(
    skills: Mapping[str, Skill], label: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Maps from normalised alias and from exact form to skill id; a form claimed twice fails.

    An exact form ("Go") clashes with another skill's alias that reads the same in any case
    ("go"). Degrees and fields of study have a namespace of their own: "Statistics" the field
    and "statistics" the technique do not clash.
    """
    folded: dict[tuple[bool, str], str] = {}  # (namespace, lowercased form) -> id, aliases
    exact_folded: dict[tuple[bool, str], str] = {}  # the same for exact forms
    exact: dict[tuple[bool, str], str] = {}
    for skill in skills.values():
        ns = skill.category in DEGREE_CATEGORIES
        for form in skill.aliases:
            key = (ns, normalize_alias(form))
            owner = folded.get(key) or exact_folded.get(key)
            if owner not in (None, skill.id):
                raise TaxonomyError(
                    Messages.T003.format(file=label, alias=form, first=owner, second=skill.id)
                )
            folded[key] = skill.id
        for form in skill.exact:
            owner = exact.get((ns, form)) or folded.get((ns, normalize_alias(form)))
            if owner not in (None, skill.id):
                raise TaxonomyError(
                    Messages.T003.format(file=label, alias=form, first=owner, second=skill.id)
                )
            exact[(ns, form)] = skill.id
            exact_folded.setdefault((ns, normalize_alias(form)), skill.id)
    by_alias: dict[str, str] = {}
    by_exact: dict[str, str] = {}
    for ns in (False, True):  # ordinary skills win a look-up over degree fields
        for (key_ns, form), sid in folded.items():
            if key_ns == ns:
                by_alias.setdefault(form, sid)
        for (key_ns, form), sid in exact.items():
            if key_ns == ns:
                by_exact.setdefault(form, sid)
    return by_alias, by_exact
