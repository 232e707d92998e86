"""Loading taxonomies: bundled names, files, folders, and layered stacks.

A taxonomy is one of:

- a TOML file: a ``[taxonomy]`` header and one ``[skill.<id>]`` table per skill (the older
  ``[[skill]]`` array form with an ``id`` field is read too);
- a folder: ``taxonomy.toml`` (the header), any number of ``*.toml`` files of skills (read in
  name order) and an optional ``demand.csv`` (``id,demand,demand_source``: demand measured by
  ``skillmatch demand``, used where a skill's own file gives none);
- a JSON file with the same shape (``{"taxonomy": {...}, "skill": {"<id>": {...}}}``): what the
  importers write, because it loads ten times faster than TOML at 10,000 skills.

A header may say ``extends = "<name or path>"`` (its skills are merged over that taxonomy and
``remove = [...]`` drops ids) or ``layers = ["<bottom>", ..., "<top>"]`` (a stack: a skill
named in several layers keeps the top layer's name, category and demand, and gathers every
layer's names, relations and refs; a name two different skills claim stays with the higher
layer's skill).

>>> from skillmatch import load_taxonomy
>>> core = load_taxonomy("ml-engineer")
>>> core.layers, len(core) < 2000
(('ml-engineer',), True)
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .._errors import Messages, TaxonomyError
from ._model import (
    CATEGORIES,
    DEGREE_CATEGORIES,
    HINT_KEYS,
    Hints,
    Skill,
    Taxonomy,
    normalize_alias,
)

DEFAULT_TAXONOMY = "default"
_ID = re.compile(r"^[a-z0-9][a-z0-9+#.\-]*$")
_LIST_FIELDS = ("aliases", "exact", "ambiguous", "parents", "implies", "alternatives", "refs")
_RELATION_FIELDS = ("parents", "implies", "alternatives")
_NAME_FIELDS = ("aliases", "exact", "ambiguous")
_KNOWN_FIELDS = frozenset({"id", "name", "category", "demand", "demand_source", "generic",
                           "hints", *_LIST_FIELDS})
_HEADER = "taxonomy.toml"
_ABSENT: Any = object()  # a field a skill's entry does not have
_NO_HINTS = Hints()


def available_taxonomies() -> tuple[str, ...]:
    """The names of the bundled taxonomies and layers.

    >>> {"default", "ml-engineer", "onet-tech", "esco-tech"} <= set(available_taxonomies())
    True
    """
    root = _bundled_dir()
    names = set()
    for entry in root.iterdir():
        if entry.is_dir() and entry.joinpath(_HEADER).is_file():
            names.add(entry.name)
        elif entry.name.endswith(".toml"):
            names.add(entry.name[: -len(".toml")])
    generated = root.joinpath("generated")
    if generated.is_dir():
        names.update(e.name[: -len(".json")] for e in generated.iterdir()
                     if e.name.endswith(".json"))
    return tuple(sorted(names))


def _bundled_dir() -> Any:
    """The taxonomies folder: inside the installed package, else the source checkout's."""
    packaged = resources.files("skillmatch").joinpath("taxonomies")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "taxonomies"


def load_taxonomy(name_or_path: str | PathLike[str] | None = None) -> Taxonomy:
    """Load a bundled taxonomy by name, or a file or folder by path.

    Parameters
    ----------
    name_or_path
        ``None`` for the default (``"default"``: the curated ``"ml-engineer"`` core over the
        O*NET and ESCO layers), a bundled name (``"ml-engineer"``, ``"onet-tech"``,
        ``"esco-tech"``), or a path to a ``.toml`` / ``.json`` file or a taxonomy folder.

    Raises
    ------
    TaxonomyError
        The source is malformed; the message names the file, the skill and the fix.

    Examples
    --------
    >>> len(load_taxonomy()) > 5000
    True
    >>> load_taxonomy()["python"].demand
    0.758
    """
    return _load(name_or_path if name_or_path is not None else DEFAULT_TAXONOMY, ())


# ------------------------------------------------------------------------------ sources


def _load(name_or_path: str | PathLike[str], chain: tuple[str, ...]) -> Taxonomy:
    label, raw, folder = _read_source(name_or_path)
    if label in chain:
        raise TaxonomyError(
            Messages.T005.format(file=label, relation="extends", cycle=" -> ".join((*chain, label)))
        )
    header = raw.get("taxonomy", {})
    if not isinstance(header, dict):
        raise TaxonomyError(Messages.T011.format(file=label))
    if header.get("layers"):
        layers = header["layers"]
        if not isinstance(layers, list) or not all(isinstance(x, str) for x in layers):
            raise TaxonomyError(Messages.T009.format(file=label, skill="[taxonomy]", field="layers",
                                                     expected="a list of taxonomy names or paths",
                                                     value=layers))
        loaded = [_load(_relative(x, label, folder), (*chain, label)) for x in layers]
        return _stack(loaded, header, label)
    base = None
    if header.get("extends"):
        base = _load(_relative(header["extends"], label, folder), (*chain, label))
    return _build(raw, label, base)


def _relative(name: str, label: str, folder: bool) -> str:
    """A header's reference: a bundled name as is, a relative path from the file's folder."""
    if not isinstance(name, str) or _is_bundled_name(name) or Path(name).is_absolute():
        return name
    here = Path(label) if folder else Path(label).parent
    return str(here / name)


def _is_bundled_name(name: str) -> bool:
    return not name.endswith((".toml", ".json")) and "/" not in name and "\\" not in name


def _read_source(name_or_path: str | PathLike[str]) -> tuple[str, dict[str, Any], bool]:
    """(label, raw tables, is a folder) for a bundled name or a path."""
    if isinstance(name_or_path, str) and _is_bundled_name(name_or_path):
        root = _bundled_dir()
        for entry, kind in ((root.joinpath(name_or_path), "dir"),
                            (root.joinpath(f"{name_or_path}.toml"), "toml"),
                            (root.joinpath("generated", f"{name_or_path}.json"), "json")):
            if (entry.is_dir() and entry.joinpath(_HEADER).is_file()) if kind == "dir" \
                    else entry.is_file():
                return name_or_path, _parse(entry, kind, name_or_path), kind == "dir"
        raise TaxonomyError(
            Messages.T010.format(name=name_or_path, available=", ".join(available_taxonomies()))
        )
    path = Path(name_or_path)
    if path.is_dir():
        if not (path / _HEADER).is_file():
            raise TaxonomyError(Messages.T014.format(folder=path, header=_HEADER))
        return str(path), _parse(path, "dir", str(path)), True
    if not path.is_file():
        raise TaxonomyError(
            Messages.T010.format(name=str(path), available=", ".join(available_taxonomies()))
        )
    return str(path), _parse(path, "json" if path.suffix == ".json" else "toml", str(path)), False


def _parse(entry: Any, kind: str, label: str) -> dict[str, Any]:
    """Raw tables from a TOML file, a JSON file or a folder (header + skill files + demand)."""
    if kind == "json":
        try:
            raw = json.loads(_text(entry, label))
        except json.JSONDecodeError as exc:
            raise TaxonomyError(Messages.T001.format(file=label, detail=exc)) from None
        if not isinstance(raw, dict):
            raise TaxonomyError(Messages.T011.format(file=label))
        return raw
    if kind == "toml":
        return _toml(_text(entry, label), label)
    raw = _toml(_text(entry.joinpath(_HEADER), f"{label}/{_HEADER}"), f"{label}/{_HEADER}")
    skills: dict[str, Any] = {}
    for part in sorted((e for e in entry.iterdir() if e.name.endswith(".toml")
                        and e.name != _HEADER), key=lambda e: e.name):
        part_label = f"{label}/{part.name}"
        for sid, fields in _keyed(_toml(_text(part, part_label), part_label), part_label).items():
            if sid in skills:
                raise TaxonomyError(Messages.T002.format(file=part_label, skill=sid))
            skills[sid] = fields
    demand = entry.joinpath("demand.csv")
    if demand.is_file():
        _apply_demand(skills, _text(demand, f"{label}/demand.csv"), f"{label}/demand.csv")
    raw["skill"] = skills
    return raw


def _text(entry: Any, label: str) -> str:
    try:
        text: str = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(Messages.T001.format(file=label, detail=exc)) from None
    return text


def _toml(text: str, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # a duplicate [skill.<id>] table lands here
        raise TaxonomyError(Messages.T001.format(file=label, detail=exc)) from None


def _keyed(raw: dict[str, Any], label: str) -> dict[str, dict[str, Any]]:
    """``{id: fields}`` from ``[skill.<id>]`` tables, or from an older ``[[skill]]`` array."""
    entries = raw.get("skill", {})
    if isinstance(entries, dict):
        out = {}
        for sid, fields in entries.items():
            if not isinstance(fields, dict):
                raise TaxonomyError(Messages.T011.format(file=label))
            if "id" in fields and fields["id"] != sid:
                raise TaxonomyError(Messages.T009.format(
                    file=label, skill=sid, field="id", expected=f"absent or {sid!r}",
                    value=fields["id"]))
            out[sid] = {**fields, "id": sid}
        return out
    if not isinstance(entries, list):
        raise TaxonomyError(Messages.T011.format(file=label))
    out = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise TaxonomyError(Messages.T011.format(file=label))
        sid = entry.get("id")
        if not isinstance(sid, str) or not sid:
            raise TaxonomyError(Messages.T008.format(
                file=label, skill=entry.get("name", "?"), field="id", example='id = "scikit-learn"'))
        if sid in out:
            raise TaxonomyError(Messages.T002.format(file=label, skill=sid))
        out[sid] = entry
    return out


def _apply_demand(skills: dict[str, Any], text: str, label: str) -> None:
    """Fill ``demand``/``demand_source`` from demand.csv where a skill's file sets none."""
    for row in csv.DictReader(io.StringIO(text)):
        sid = row.get("id", "")
        if sid not in skills:
            raise TaxonomyError(Messages.T004.format(file=label, skill=sid or "?",
                                                     relation="a demand row", target=sid))
        if "demand" in skills[sid]:
            continue
        try:
            skills[sid]["demand"] = float(row["demand"])
        except (TypeError, ValueError):
            raise TaxonomyError(Messages.T006.format(file=label, skill=sid,
                                                     demand=row.get("demand"))) from None
        skills[sid]["demand_source"] = row.get("demand_source") or f"demand.csv of {label}"


# ------------------------------------------------------------------------------ building


def _build(raw: dict[str, Any], label: str, base: Taxonomy | None) -> Taxonomy:
    header = raw.get("taxonomy", {})
    entries = _keyed(raw, label)
    if not entries and base is None:
        raise TaxonomyError(Messages.T011.format(file=label))
    default_demand = header.get("default_demand", base.default_demand if base else 0.0)
    default_source = header.get(
        "default_demand_source", base.default_demand_source if base else f"default of {label}"
    )
    layer = str(header.get("id", Path(label).stem))
    fields: dict[str, dict[str, Any]] = {}
    layer_of: dict[str, str] = {}
    if base is not None:
        for skill in base:
            fields[skill.id] = _fields_of(skill)
            layer_of[skill.id] = skill.layer
        for removed in header.get("remove", []):
            fields.pop(removed, None)
    for sid, entry in entries.items():
        if not _ID.match(sid):
            raise TaxonomyError(Messages.T013.format(file=label, skill=sid))
        unknown = set(entry) - _KNOWN_FIELDS
        if unknown:
            raise TaxonomyError(
                Messages.T009.format(file=label, skill=sid, field=sorted(unknown)[0],
                                     expected=f"one of the known fields {sorted(_KNOWN_FIELDS)}",
                                     value=entry[sorted(unknown)[0]])
            )
        merged = dict(fields.get(sid, {}))
        merged.update(entry)
        if "ambiguous" not in entry and ("aliases" in entry or "exact" in entry):
            # new names replace the old: keep the old ambiguity marks of the names still there
            names = {*merged.get("aliases", ()), *merged.get("exact", ()), merged.get("name")}
            merged["ambiguous"] = [f for f in merged.get("ambiguous", ()) if f in names]
        fields[sid] = merged
        layer_of[sid] = layer

    skills = {sid: _make_skill(f, label, default_demand, default_source, layer_of[sid])
              for sid, f in fields.items()}
    _check_relations(skills, label)
    by_alias, by_exact = _index_aliases(skills, label)
    layers = base.layers if base is not None else ()
    return Taxonomy(
        id=str(header.get("id", base.id if base else Path(label).stem)),
        name=str(header.get("name", base.name if base else Path(label).stem)),
        version=str(header.get("version", base.version if base else "0")),
        skills=MappingProxyType(skills),
        source=label,
        default_demand=float(default_demand),
        default_demand_source=default_source,
        layers=(*layers, layer) if layer not in layers else layers,
        _by_alias=MappingProxyType(by_alias),
        _by_exact=MappingProxyType(by_exact),
    )


def _fields_of(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.id, "name": skill.name, "category": skill.category,
        "aliases": [a for a in skill.aliases if a != skill.name], "exact": list(skill.exact),
        "ambiguous": list(skill.ambiguous), "demand": skill.demand,
        "demand_source": skill.demand_source, "parents": list(skill.parents),
        "implies": list(skill.implies), "alternatives": list(skill.alternatives),
        "refs": list(skill.refs), "generic": skill.generic,
        "hints": {k: list(getattr(skill.hints, k)) for k in HINT_KEYS if getattr(skill.hints, k)},
    }


def _stack(layers: list[Taxonomy], header: Mapping[str, Any], label: str) -> Taxonomy:
    """Layers merged bottom to top: see the module docstring for who wins what.

    Most skills of a default stack are named in one layer only and keep every form: those are
    reused as loaded, and their fields are written out (``_fields_of``) only when a lower layer
    or a dropped relation changes them.
    """
    fields: dict[str, dict[str, Any] | None] = {}  # None: as loaded (in as_loaded), unchanged
    layer_of: dict[str, str] = {}
    owner: dict[tuple[bool, str], str] = {}  # (degree namespace, folded form) -> skill id
    link_rank: dict[tuple[str, str, str], int] = {}  # (skill, relation, target) -> layer
    as_loaded: dict[str, Skill] = {}  # skills no other layer changes: reused, not rebuilt

    def kept_fields(sid: str) -> dict[str, Any]:
        kept = fields[sid]
        if kept is None:
            kept = fields[sid] = _fields_of(as_loaded[sid])
        return kept

    for rank, tax in reversed(list(enumerate(layers))):  # top first: a form belongs to the
        for skill in tax:                                # highest layer naming it
            sid = skill.id
            for relation in _RELATION_FIELDS:
                for target in getattr(skill, relation):
                    link_rank.setdefault((sid, relation, target), rank)
            ns = skill.category in DEGREE_CATEGORIES
            if sid not in fields:
                if owner.get((ns, normalize_alias(skill.name)), sid) != sid:
                    continue  # the same name is a different skill higher up: drop this one
                layer_of[sid] = skill.layer
                name = skill.name
                aliases = [a for a in skill.aliases if a != name]
                kept_aliases = [f for f in aliases
                                if owner.setdefault((ns, normalize_alias(f)), sid) == sid]
                kept_exact = [f for f in skill.exact
                              if owner.setdefault((ns, normalize_alias(f)), sid) == sid]
                owner.setdefault((ns, normalize_alias(name)), sid)
                if (len(kept_aliases) == len(aliases) and len(kept_exact) == len(skill.exact)
                        and name not in skill.aliases[1:]):  # rebuilt, the name would come first
                    fields[sid] = None
                    as_loaded[sid] = skill
                    continue
                kept = fields[sid] = _fields_of(skill)
                kept["aliases"], kept["exact"] = kept_aliases, kept_exact
                forms = set(kept_aliases) | set(kept_exact) | {name}
                kept["ambiguous"] = [f for f in kept["ambiguous"] if f in forms]
                continue
            kept = kept_fields(sid)
            _gather(kept, skill)
            as_loaded.pop(sid, None)
            for key in ("aliases", "exact"):
                kept[key] = [f for f in kept[key]
                             if owner.setdefault((ns, normalize_alias(f)), sid) == sid]
            owner.setdefault((ns, normalize_alias(kept["name"])), sid)
            forms = set(kept["aliases"]) | set(kept["exact"]) | {kept["name"]}
            kept["ambiguous"] = [f for f in kept["ambiguous"] if f in forms]
    for sid in fields:  # relations to a skill that was dropped go too
        for name in _RELATION_FIELDS:
            f = fields[sid]
            targets = f[name] if f is not None else getattr(as_loaded[sid], name)
            linked = [t for t in targets if t in fields and t != sid]
            if len(linked) != len(targets):
                kept_fields(sid)[name] = linked
                as_loaded.pop(sid, None)
    ordered = {sid: fields[sid] for tax in layers for sid in tax.skills if sid in fields}
    skills = {sid: as_loaded.get(sid) or _make_skill(f or {}, label, 0.0, "", layer_of[sid])
              for sid, f in ordered.items()}
    _break_cycles(skills, link_rank)
    by_alias, by_exact = _index_aliases(skills, label)
    top = layers[-1]
    return Taxonomy(
        id=str(header.get("id", Path(label).stem)),
        name=str(header.get("name", top.name)),
        version=str(header.get("version", "+".join(t.version for t in layers))),
        skills=MappingProxyType(skills),
        source=label,
        default_demand=top.default_demand,
        default_demand_source=top.default_demand_source,
        layers=tuple(dict.fromkeys(x for t in layers for x in t.layers)),
        _by_alias=MappingProxyType(by_alias),
        _by_exact=MappingProxyType(by_exact),
    )


def stack(layers: Iterable[str | PathLike[str]], *, id: str = "stack") -> Taxonomy:
    """Taxonomies stacked bottom to top, as a header's ``layers = [...]`` does.

    >>> len(stack(["ml-engineer"])) == len(load_taxonomy("ml-engineer"))
    True
    """
    return _stack([_load(x, ()) for x in layers], {"id": id}, id)


def _gather(kept: dict[str, Any], lower: Skill) -> None:
    """Add a lower layer's names, relations and refs to a skill a higher layer defines.

    A lower name that reads like one the skill already has, whatever its case or spacing, is
    left out, and so is the lower layer's verdict on it: the higher layer says how its own
    names are written and whether they are ambiguous (an importer's "robotics", marked as a
    common word, does not make the core's "Robotics" need technical context).
    """
    folded = {normalize_alias(f) for f in (*kept["aliases"], *kept["exact"], kept["name"])}

    def new(forms: tuple[str, ...]) -> list[str]:
        return [f for f in forms if normalize_alias(f) not in folded]

    kept["aliases"] = kept["aliases"] + new(lower.aliases)
    kept["exact"] = kept["exact"] + new(lower.exact)
    kept["ambiguous"] = kept["ambiguous"] + new(lower.ambiguous)
    for name in (*_RELATION_FIELDS, "refs"):
        kept[name] = list(dict.fromkeys([*kept[name], *getattr(lower, name)]))
    hints = dict(kept.get("hints", {}))
    for key in HINT_KEYS:
        words = list(dict.fromkeys([*hints.get(key, ()), *getattr(lower.hints, key)]))
        if words:
            hints[key] = words
    kept["hints"] = hints


def _break_cycles(skills: dict[str, Skill], link_rank: Mapping[tuple[str, str, str], int]) -> None:
    """Layers made apart can together form a cycle: drop the cycle's link from the lowest
    layer (the last such link when several tie)."""
    from dataclasses import replace

    for relation in ("parents", "implies"):
        while cycle := _find_cycle({s.id: getattr(s, relation) for s in skills.values()}):
            links = list(zip(cycle, cycle[1:]))
            a, b = min(reversed(links), key=lambda ab: link_rank.get((ab[0], relation, ab[1]), 0))
            kept = tuple(t for t in getattr(skills[a], relation) if t != b)
            skills[a] = (replace(skills[a], parents=kept) if relation == "parents"
                         else replace(skills[a], implies=kept))


def _make_skill(f: dict[str, Any], label: str, default_demand: float, default_source: str,
                layer: str) -> Skill:
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
        value = f.get(name, _ABSENT)
        if value is _ABSENT or (type(value) is list and not value):  # most fields of most
            lists[name] = ()                                            # skills: no check
            continue
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
    forms = set(lists["aliases"]) | set(lists["exact"]) | {f["name"]} if lists["ambiguous"] else ()
    for form in lists["ambiguous"]:
        if form not in forms:
            raise TaxonomyError(
                Messages.T009.format(file=label, skill=sid, field="ambiguous",
                                     expected="a list of this skill's own name, aliases or exact forms",
                                     value=form)
            )
    generic = f.get("generic", False)
    if not isinstance(generic, bool):
        raise TaxonomyError(Messages.T009.format(file=label, skill=sid, field="generic",
                                                 expected="true or false", value=generic))
    return Skill(
        id=sid, name=f["name"].strip(), category=f["category"], demand=float(demand),
        demand_source=source, layer=layer, generic=generic, hints=_hints(f, label), **lists,
    )


def _hints(f: Mapping[str, Any], label: str) -> Hints:
    """A skill's ``hints = {before = [...], after = [...], not_before = [...], not_after = [...]}``."""
    value = f.get("hints", _ABSENT)
    if value is _ABSENT or (type(value) is dict and not value):
        return _NO_HINTS
    if not isinstance(value, Mapping) or set(value) - set(HINT_KEYS) or not all(
            isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v)
            for v in value.values()):
        raise TaxonomyError(Messages.T009.format(
            file=label, skill=f["id"], field="hints",
            expected=f"a table of lists of words, keys among {list(HINT_KEYS)}", value=value))
    return Hints(**{k: tuple(dict.fromkeys(w.strip().lower() if not w.startswith("@") else w
                                           for w in v)) for k, v in value.items()})


def _check_relations(skills: Mapping[str, Skill], label: str) -> None:
    for skill in skills.values():
        for relation in _RELATION_FIELDS:
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


def dump_layer(taxonomy_header: Mapping[str, Any], skills: Iterable[Mapping[str, Any]]) -> str:
    """A generated layer as JSON text: the header, then ``{"<id>": {fields}}`` in id order."""
    body = {s["id"]: {k: v for k, v in s.items() if k != "id" and v not in ([], (), "", None)}
            for s in skills}
    return json.dumps({"taxonomy": dict(taxonomy_header), "skill": dict(sorted(body.items()))},
                      ensure_ascii=False, indent=0, sort_keys=False) + "\n"
