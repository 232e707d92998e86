"""Import ESCO's technology and trade knowledge as a taxonomy layer (``skillmatch taxonomy
import esco``).

The concepts under the hierarchy codes in ``import_rules.toml`` (K06: ICT knowledge, S5: working
with computers, K07: engineering, manufacturing and construction) become skills, with ESCO's
alternative labels as aliases and ``esco:<uuid>`` as a ref; so do the knowledge concepts of
other fields (K04 business and law, K05 sciences, K08 agriculture, K09 health, K10 services:
rule broad-knowledge), with only the labels that name them as surely as their own. A label
qualified in parentheses ("Python (computer programming)") is the thing it qualifies. Transversal skills (hierarchy T) are not imported; where one of a transversal
concept's labels is a core soft skill's name ("analytical thinking" for "think analytically"),
its ESCO id is added to that skill's refs. ESCO measures no demand: imported
skills take the layer's default.

>>> rows = [EscoConcept("e1", "Haskell", ("Haskell programming",), ("K06",))]
>>> layer, report = build_esco_layer(rows, base=None)
>>> '"Haskell programming"' in layer
True
"""

from __future__ import annotations

import ast
import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import Messages, TaxonomyError
from ._merge import LayerBuilder
from ._model import Taxonomy, normalize_alias
from ._rules import import_rules

_FILE = "esco_v_1_1_1_data_formatted.csv"
_QUALIFIED = re.compile(r"^(?P<head>.+?)\s*\((?P<qualifier>[^()]+)\)$")

NOTICE = "This service uses the ESCO classification of the European Commission."


@dataclass(frozen=True)
class EscoConcept:
    """One ESCO concept: its id, preferred label, alternative labels and hierarchy codes."""

    id: str
    label: str
    alt_labels: tuple[str, ...]
    codes: tuple[str, ...]  # every code on its hierarchy paths: "K", "K06", "K061", ...


def read_esco(folder: str | Path) -> list[EscoConcept]:
    """The concepts of ESCO's flattened skills file in ``folder``, in id order."""
    labels: dict[str, str] = {}
    alts: dict[str, list[str]] = defaultdict(list)
    codes: dict[str, tuple[str, ...]] = {}
    path = Path(folder) / _FILE
    if not path.is_file():
        raise TaxonomyError(Messages.T015.format(folder=folder, file=repr(_FILE),
                                                 source="ESCO 1.1.1", example="esco-1.1.1"))
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["type"] == "preferredLabel":
                labels[row["id"]] = row["description"].strip()
                paths = ast.literal_eval(row["hierarchy_levels"] or "[]")
                codes[row["id"]] = tuple(dict.fromkeys(c for p in paths for c in p if c))
            elif row["type"] == "altLabels":
                alts[row["id"]].append(row["description"].strip())
    return [EscoConcept(i, labels[i], tuple(dict.fromkeys(alts[i])), codes[i])
            for i in sorted(labels)]


def _category(concept: EscoConcept, name: str) -> str:
    match = _QUALIFIED.match(concept.label)
    if match and "programming" in match["qualifier"]:
        return "language"
    if "K06" not in concept.codes:
        return "technique"
    return "tool" if any(ch.isupper() for ch in name) else "concept"


def build_esco_layer(concepts: list[EscoConcept], *, base: Taxonomy | None) -> tuple[str, str]:
    """The ``esco-tech`` layer (JSON text) and its report, from parsed concepts."""
    from ._load import load_taxonomy

    rules = import_rules()["esco"]
    base = base if base is not None else load_taxonomy("ml-engineer")
    builder = LayerBuilder(base, source="ESCO 1.1.1", same_concept=bool(rules["same_concept"]),
                           fields_by_alias=bool(rules["fields_by_alias"]))
    soft = {normalize_alias(f): s.id for s in base if s.category == "soft-skill"
            for f in s.aliases}
    mapped = []
    groups = [*rules["groups"], *rules["broad_groups"]]
    kinds = _kinds_listed(concepts, groups, int(rules["kinds_min_concepts"]))
    not_concepts = frozenset(rules["not_concepts"])
    for concept in concepts:
        if concept.label in not_concepts:
            mapped.append(f"not a concept of its own here: {concept.label!r} "
                          "(rule broad-knowledge)")
        elif any(c in groups for c in concept.codes):
            match = _QUALIFIED.match(concept.label)
            name = match["head"] if match else concept.label
            alts = [a for a in concept.alt_labels if a not in kinds.get(concept.id, ())]
            if not any(c in rules["groups"] for c in concept.codes):
                alts = [a for a in alts if _sure_label(a, name, rules)]
            if concept.id in kinds:
                mapped.append(f"kinds listed: {concept.label!r} names "
                              f"{', '.join(map(repr, kinds[concept.id]))}: left to those concepts")
            if len(name.split()) >= 3:  # an activity phrase: one lowercase word cannot carry
                # it ("innovate" for "seek innovation in current practices"); a name can ("SSIS")
                alts = [a for a in alts if len(a.split()) > 1 or not a.islower()]
            aliases = [concept.label, *alts] if match else alts
            builder.add(key=concept.label, name=name, aliases=aliases,
                        category=_category(concept, name), refs=[f"esco:{concept.id}"])
        elif any(c.startswith(rules["transversal_prefix"]) for c in concept.codes[:1]):
            hit = next((soft[k] for k in map(normalize_alias, (concept.label, *concept.alt_labels))
                        if k in soft), None)
            if hit:
                builder.add(key=concept.label, name=base[hit].name, aliases=[],
                            category="soft-skill", refs=[f"esco:{concept.id}"])
                mapped.append(f"transversal: {concept.label!r} -> core {hit}")
    header: dict[str, Any] = {
        "id": "esco-tech",
        "name": "ESCO 1.1.1 knowledge and skills: ICT, engineering, business, science, health, "
                "services",
        "version": "1.1.1",
        "default_demand": 0.002,
        "default_demand_source": "esco: ESCO gives no demand; the layer's default",
        "generated": "by `skillmatch taxonomy import esco <ESCO 1.1.1 folder>`; do not edit by "
                     "hand: change taxonomy/import_rules.toml or the importer and regenerate",
        "attribution": NOTICE,
    }
    layer, report = builder.finish(header)
    return layer, "\n".join([*report, "", *mapped]) + "\n"


def _sure_label(label: str, name: str, rules: dict[str, Any]) -> bool:
    """Rule broad-knowledge: an alternative label of a concept of ``broad_groups`` names it as
    surely as its preferred ``name``: a phrase without "of", or one word that respells the name
    (not an acronym, nor a shorter or longer word).

    >>> rules = import_rules()["esco"]
    >>> [_sure_label(a, "paediatrics", rules) for a in ("pediatrics", "paediatric", "PED")]
    [True, False, False]
    >>> _sure_label("use of data", "statistics", rules), _sure_label("stats", "statistics", rules)
    (False, False)
    >>> _sure_label("cable-propelled transport", "cable-propelled transit", rules)
    True
    """
    from rapidfuzz import fuzz

    words = label.lower().split()
    if len(words) > 1:
        return "of" not in words
    low, own = label.lower(), name.lower()
    return (label != label.upper() and " " not in own
            and not (low.startswith(own) or own.startswith(low))
            and fuzz.ratio(low, own) >= float(rules["respelling_min_ratio"]))


def _kinds_listed(concepts: list[EscoConcept], groups: list[str],
                  least: int) -> dict[str, tuple[str, ...]]:
    """Rule kinds-listed: for each imported concept whose alternative labels name at least
    ``least`` other imported concepts, those labels.

    >>> rows = [EscoConcept("r", "robotic components", ("hydraulics", "pneumatics", "servos"),
    ...                     ("K07",)),
    ...         EscoConcept("h", "hydraulics", (), ("K07",)),
    ...         EscoConcept("p", "pneumatics", (), ("K07",))]
    >>> _kinds_listed(rows, ["K07"], 2)
    {'r': ('hydraulics', 'pneumatics')}
    """
    chosen = [c for c in concepts if any(code in groups for code in c.codes)]
    named: dict[str, set[str]] = defaultdict(set)
    for concept in chosen:
        match = _QUALIFIED.match(concept.label)
        named[normalize_alias(match["head"] if match else concept.label)].add(concept.id)
    out = {}
    for concept in chosen:
        others = tuple(a for a in concept.alt_labels
                       if named.get(normalize_alias(a), {concept.id}) - {concept.id})
        if len(others) >= least:
            out[concept.id] = others
    return out


def import_esco(folder: str | Path, *, base: Taxonomy | None = None) -> tuple[str, str]:
    """Build the ``esco-tech`` layer from an ESCO 1.1.1 folder; returns (layer JSON, report).

    ``base`` defaults to the core over the O*NET layer, so that a concept both name joins the
    skill they share.
    """
    if base is None:
        from ._load import stack

        base = stack(["onet-tech", "ml-engineer"])
    return build_esco_layer(read_esco(folder), base=base)
