"""Import developer technologies from devicon, named as simple-icons names them, as a taxonomy
layer (``skillmatch taxonomy import devicon``).

devicon (MIT) lists the languages, frameworks, databases and tools developers use, each with
tags, under squashed ids ("tailwindcss", "nestjs"); simple-icons (CC0) holds the names brands
are written with ("Tailwind CSS", "NestJS"). An entry of devicon's that simple-icons names
becomes a skill under that name, with simple-icons' other names and devicon's alternative names
as aliases; one tagged as a brand, a website or a browser (any tag of the rule's list in
``import_rules.toml``) is not a skill. Neither source measures demand: imported skills take the layer's default.

>>> dev = [DeviconEntry("nestjs", (), ("framework",))]
>>> names = {"nestjs": ("NestJS", ())}
>>> layer, report = build_devicon_layer(dev, names, base=None)
>>> '"NestJS"' in layer
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import Messages, TaxonomyError
from ._merge import LayerBuilder
from ._model import Taxonomy
from ._rules import import_rules
from ._words import is_common

NOTICE = ("Developer technology names from devicon (MIT License, Copyright (c) 2015 konpa) and "
          "simple-icons (CC0 1.0).")


@dataclass(frozen=True)
class DeviconEntry:
    """One devicon entry: its id, alternative names and tags."""

    name: str
    altnames: tuple[str, ...]
    tags: tuple[str, ...]


def squash(name: str) -> str:
    """The key devicon ids and simple-icons names share: lowercase letters, digits, + and #.

    >>> squash("Tailwind CSS"), squash("C++"), squash("Node.js")
    ('tailwindcss', 'c++', 'nodejs')
    """
    return re.sub(r"[^a-z0-9+#]", "", name.lower())


def read_devicon(path: str | Path) -> list[DeviconEntry]:
    """The entries of devicon's ``devicon.json`` (the file, or the unpacked npm package)."""
    file = _file(path, "devicon.json", "devicon 2.17.0", "npm pack devicon@2.17.0")
    rows = json.loads(file.read_text(encoding="utf-8"))
    return [DeviconEntry(row["name"], tuple(row.get("altnames") or ()),
                         tuple(t.lower() for t in row.get("tags") or ())) for row in rows]


def read_simple_icons(path: str | Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """simple-icons' names (``data/simple-icons.json``, or the unpacked npm package): for each
    squashed title, slug and alias, (title, other names)."""
    file = _file(path, "data/simple-icons.json", "simple-icons 16.37.0",
                 "npm pack simple-icons@16.37.0")
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in json.loads(file.read_text(encoding="utf-8")):
        aka = tuple((row.get("aliases") or {}).get("aka") or ())
        for key in (row["title"], row.get("slug", ""), *aka):
            if squash(key):
                out.setdefault(squash(key), (row["title"], aka))
    return out


def _file(path: str | Path, inside: str, source: str, command: str) -> Path:
    path = Path(path)
    for candidate in (path, path / inside, path / "package" / inside):
        if candidate.is_file():
            return candidate
    raise TaxonomyError(Messages.T016.format(folder=path, file=repr(inside), source=source,
                                             command=command))


def _category(tags: tuple[str, ...], mapping: dict[str, str]) -> str:
    """The category of the first of ``mapping``'s tags (in the rules' order) the entry has.

    >>> _category(("cloud", "database"), {"database": "database", "cloud": "cloud"})
    'database'
    """
    return next((category for tag, category in mapping.items() if tag in tags), "tool")


def build_devicon_layer(entries: list[DeviconEntry],
                        names: dict[str, tuple[str, tuple[str, ...]]], *,
                        base: Taxonomy | None) -> tuple[str, str]:
    """The ``devicon-tech`` layer (JSON text) and its report."""
    from ._load import load_taxonomy

    rules = import_rules()["devicon"]
    base = base if base is not None else load_taxonomy("ml-engineer")
    builder = LayerBuilder(base, source="devicon 2.17.0 + simple-icons 16.37.0")
    excluded = set(rules["excluded_tags"])
    unnamed: list[str] = []
    for entry in entries:
        if excluded.intersection(entry.tags):
            continue
        named = next((names[squash(k)] for k in (entry.name, *entry.altnames)
                      if squash(k) in names), None)
        if named is None:
            unnamed.append(entry.name)  # a squashed id is no name a text writes
            continue
        title, aka = named
        # devicon's alternative names are often its id in other spellings ("sveltejs"): only
        # those written as names are aliases ("Phoenix Framework", "c++")
        alts = [a for a in entry.altnames if squash(a) != a or len(a) <= 4]
        # rule everyday-name, for a name no other layer holds (an acronym reads as one)
        everyday = (" " not in title and title.isalpha() and not title.isupper()
                    and base.get(title) is None
                    and is_common(title, threshold=float(rules["plain_zipf_threshold"])))
        builder.add(key=entry.name, name=title, aliases=[*aka, *alts],
                    category=_category(entry.tags, rules["categories"]),
                    refs=[f"devicon:{entry.name}"], plain=[title] if everyday else [])
    header: dict[str, Any] = {
        "id": "devicon-tech",
        "name": "devicon 2.17.0 developer technologies, named as simple-icons 16.37.0 names them",
        "version": "2.17.0",
        "default_demand": 0.002,
        "default_demand_source": "devicon: no demand measured; the layer's default",
        "generated": "by `skillmatch taxonomy import devicon <devicon package> --names "
                     "<simple-icons package>`; do not edit by hand: change "
                     "taxonomy/import_rules.toml or the importer and regenerate",
        "attribution": NOTICE,
    }
    layer, report = builder.finish(header)
    note = f"not imported, no simple-icons name: {', '.join(unnamed)}"
    return layer, "\n".join([*report, "", note]) + "\n"


def import_devicon(path: str | Path, *, names: str | Path,
                   base: Taxonomy | None = None) -> tuple[str, str]:
    """Build the ``devicon-tech`` layer from devicon's and simple-icons' npm packages; returns
    (layer JSON, report). ``base`` defaults to the core over the O*NET and ESCO layers."""
    if base is None:
        from ._load import stack

        base = stack(["onet-tech", "esco-tech", "ml-engineer"])
    return build_devicon_layer(read_devicon(path), read_simple_icons(names), base=base)
