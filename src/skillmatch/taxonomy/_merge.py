"""Building a generated layer: merging imported names into the skills of the layer below,
settling names two skills claim, and marking the ambiguous ones. Both importers use it.

>>> from skillmatch import load_taxonomy
>>> b = LayerBuilder(load_taxonomy("ml-engineer"), source="test")
>>> b.add(key="Apache Spark", name="Apache Spark", aliases=["Spark"], category="tool")
'spark'
>>> b.add(key="Alteryx Designer", name="Alteryx Designer", aliases=[], category="tool")
'alteryx-designer'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._aliases import without_generic_tail
from ._load import dump_layer
from ._model import DEGREE_CATEGORIES, Taxonomy, normalize_alias
from ._rules import import_rules
from ._words import is_common, zipf

_EXACT = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2,5}$")  # "EC2", "CSS", "SAP": case carries meaning
_CASE_MARKED = re.compile(r"^[a-z]+[A-Z][A-Za-z]*$")  # "eXe", "iOS": a capital inside


def slug(name: str) -> str:
    """A skill id from a name: ``"Microsoft Visual C++ 2019"`` -> ``'microsoft-visual-c++-2019'``."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9+#.]+", "-", text).strip("-.")
    return text if text and text[0].isalnum() else f"x-{text}".rstrip("-")


@dataclass
class _Entry:
    id: str
    name: str
    category: str
    names: dict[str, None] = field(default_factory=dict)  # every form, insertion-ordered
    demand: float | None = None
    demand_source: str = ""
    refs: dict[str, None] = field(default_factory=dict)
    parents: dict[str, None] = field(default_factory=dict)
    implies: dict[str, None] = field(default_factory=dict)
    cased: dict[str, None] = field(default_factory=dict)  # forms matched only as written
    from_base: bool = False
    plain: dict[str, None] = field(default_factory=dict)  # forms ambiguous whatever their rarity
    concepts: set[str] = field(default_factory=set)  # concept keys (see concept_of)
    acronyms: set[str] = field(default_factory=set)  # acronyms its own words spell
    loose: set[str] = field(default_factory=set)  # folded forms it holds only loosely


class LayerBuilder:
    """Collects imported skills and writes them as a layer over ``base``."""

    def __init__(self, base: Taxonomy, *, source: str, same_concept: bool = True,
                 fields_by_alias: bool = False) -> None:
        self.base = base
        self.source = source
        self.same_concept = same_concept  # apply rule same-concept between imported names
        self.fields_by_alias = fields_by_alias  # rule field-by-label: see import_rules.toml
        self.entries: dict[str, _Entry] = {}
        self.by_name: dict[str, str] = {}  # folded imported name -> entry id
        self.by_concept: dict[str, str] = {}  # concept key -> entry id (rule same-concept)
        self.by_acronym: dict[str, list[str]] = {}  # folded acronym -> ids whose words spell it
        self.report: list[str] = []

    def _base_target(self, name: str, aliases: Iterable[str]) -> tuple[str | None, str]:
        """The base skill this import names, if any, and how it was found."""
        # the strict lookup: no rule version-suffix ("UltraTax 1040" is no version of UltraTax)
        skill = self.base._named(name) or self.base._named(normalize_alias(name))
        if skill is not None:  # a discipline the base knows only as a field of study
            return skill.id, f"by name {name!r}"  # ("computer science") is that field
        targets: dict[str, str] = {}
        for alias in aliases:
            hit = self.base._named(alias)
            if hit is None or hit.category == "degree" or (
                    hit.category in DEGREE_CATEGORIES and not self.fields_by_alias):
                continue
            if (is_common(alias) or _EXACT.match(alias)) and \
                    normalize_alias(alias) != normalize_alias(hit.name):
                continue  # "EDA" naming another skill's alias is too weak a reason to merge;
                # "Java" from "Oracle Java" or "SQL" from "Structured query language SQL" naming
                # the skill itself is not
            targets.setdefault(hit.id, alias)
        if len(targets) == 1:
            (sid, alias), = targets.items()
            return sid, f"by alias {alias!r}"
        if len(targets) > 1:
            self.report.append(f"not merged: {name!r} names several core skills "
                               f"({', '.join(sorted(targets))}); kept apart")
        return None, ""

    def add(self, *, key: str, name: str, aliases: Iterable[str], category: str,
            demand: float | None = None, demand_source: str = "", refs: Iterable[str] = (),
            parents: Iterable[str] = (), implies: Iterable[str] = (),
            common_aliases: bool = False, cased: Iterable[str] = (),
            plain: Iterable[str] = (), loose: Iterable[str] = ()) -> str:
        """Add one imported skill (merged into a base skill or an earlier import when they
        name the same thing); returns the id it lives under.

        An alias that is one common English word ("Planning" for "IBM Cognos Planning") is
        dropped unless ``common_aliases`` (people say "Teams" and "Project" for products that
        employers name often, not for the rest) or it is an acronym, matched only in capitals
        ("LAN"); an alias needs two letters or digits.
        ``cased`` forms are kept as they are but match only in the case written ("Chrome");
        ``plain`` forms read as ordinary words whatever their frequency: ambiguous.
        ``loose`` forms (rule descriptive-tail: "Windows" from "Microsoft Windows Server") name
        it loosely: they merge it into no other skill, and a skill that holds the same form
        strictly keeps it.
        """
        cased = [c for c in cased if sum(ch.isalnum() for ch in c) >= 2
                 and normalize_alias(c) != normalize_alias(name)]
        aliases = [a for a in aliases if normalize_alias(a) != normalize_alias(name)
                   and sum(ch.isalnum() for ch in a) >= 2
                   and (common_aliases or " " in a.strip() or not is_common(a)
                        or _EXACT.match(a) is not None)]  # "LAN": an acronym, matched as written
        loose = frozenset(loose)
        strict = [a for a in aliases if a not in loose]
        target, how = self._base_target(name, strict)
        folded = normalize_alias(name)
        concept, acronym = concept_of(name)
        if target is None:  # an earlier import of the same thing ("X" and "X software")
            target = next((self.by_name[f] for f in (folded, *map(normalize_alias, strict))
                           if f in self.by_name), None)
        if target is None and self.same_concept:
            target = self._same_concept(concept, acronym)
            if target is not None:
                self.report.append(f"same concept: {key!r} -> {target}")
        if target is not None and target in self.entries:
            entry = self.entries[target]
        elif target is not None:
            skill = self.base[target]
            entry = _Entry(target, skill.name, skill.category, from_base=True)
            self.entries[target] = entry
        else:
            sid = slug(name)
            while sid in self.entries or sid in self.base.skills:
                sid = f"{sid}-{self.source.split()[0].lower().replace('*', '')}"
            entry = _Entry(sid, name, category, demand=demand, demand_source=demand_source)
            self.entries[sid] = entry
        if how:
            self.report.append(f"merge: {key!r} -> core {entry.id} ({how})")
        self.by_name.setdefault(folded, entry.id)
        if concept:
            entry.concepts.add(concept)
            self.by_concept.setdefault(concept, entry.id)
        if acronym:
            entry.acronyms.add(acronym)
            if entry.id not in self.by_acronym.setdefault(acronym, []):
                self.by_acronym[acronym].append(entry.id)
        for form in (name, *aliases, *cased):
            if form not in loose:
                entry.loose.discard(normalize_alias(form))
            elif form not in entry.names:
                entry.loose.add(normalize_alias(form))
            entry.names.setdefault(form, None)
        entry.cased.update(dict.fromkeys(cased))
        entry.plain.update(dict.fromkeys(plain))
        if demand is not None and not entry.from_base and (entry.demand or 0) < demand:
            entry.demand, entry.demand_source = demand, demand_source
        entry.refs.update(dict.fromkeys(refs))
        entry.parents.update(dict.fromkeys(p for p in parents if p != entry.id))
        entry.implies.update(dict.fromkeys(p for p in implies if p != entry.id))
        return entry.id

    def link(self, child: str, parent: str) -> None:
        """Give the skill ``child`` the parent ``parent`` (ids this builder returned, or of the
        base): rule product-line links products to their line after all are added."""
        if child != parent and child in self.entries:
            self.entries[child].parents.setdefault(parent, None)

    def _same_concept(self, concept: str | None, acronym: str | None) -> str | None:
        """Rule same-concept: the earlier import that names the same thing in other generic
        words ("Electronic medical record EMR software" and "... EMR systems"), or, for a name
        that is only an acronym ("ERP software"), the one import whose words spell it."""
        if concept:
            if concept in self.by_concept:
                return self.by_concept[concept]
            if acronym:  # an earlier bare "ERP software" that no other expansion has joined
                bare = [i for i in self.by_acronym.get(acronym, ())
                        if not self.entries[i].concepts]
                return bare[0] if len(bare) == 1 else None
            return None
        spelled = self.by_acronym.get(acronym or "", [])
        return spelled[0] if len(spelled) == 1 else None

    def _settle_claims(self) -> None:
        """A form two skills claim: kept by the one whose own name it is, or the one whose own
        words the acronym spells ("ERP": "Enterprise resource planning ERP", not "NetSuite
        ERP"), else by neither."""
        claims: dict[str, list[str]] = {}
        for entry in self.entries.values():
            for form in entry.names:
                claims.setdefault(normalize_alias(form), []).append(entry.id)
        for folded, owners in sorted(claims.items()):
            owners = list(dict.fromkeys(owners))
            base_owner = self.base._by_alias.get(folded)
            if base_owner is not None and self.base[base_owner].category in DEGREE_CATEGORIES:
                base_owner = None  # degree fields have a namespace of their own
            if base_owner is not None and any(o != base_owner for o in owners):
                for o in owners:
                    if o != base_owner:
                        self._drop(o, folded)
                        self.report.append(f"alias conflict: {folded!r} is core {base_owner}'s; "
                                           f"dropped from {o}")
                continue
            if len(owners) < 2:
                continue
            strict = [o for o in owners if folded not in self.entries[o].loose]
            if strict and len(strict) < len(owners):  # rule descriptive-tail: the strict
                for o in owners:  # name wins ("windows": Microsoft Windows, not ... Server)
                    if o not in strict:
                        self._drop(o, folded)
                self.report.append(f"alias conflict: {folded!r} claimed loosely by "
                                   f"{', '.join(o for o in owners if o not in strict)}: "
                                   f"kept on {', '.join(strict)}")
                owners = strict
                if len(owners) < 2:
                    continue
            named = [o for o in owners if normalize_alias(self.entries[o].name) == folded]
            if not named:
                named = [o for o in owners if folded in self.entries[o].acronyms]
            keep = named[0] if len(named) == 1 else None
            if keep is None and not named and not _EXACT.match(folded.upper()):
                # not an acronym: the plainest product keeps it ("ArcGIS" -> "ESRI ArcGIS")
                by_length = sorted(owners, key=lambda o: (len(self.entries[o].name), o))
                if len(self.entries[by_length[0]].name) < len(self.entries[by_length[1]].name):
                    keep = by_length[0]
            for o in owners:
                if o != keep:
                    self._drop(o, folded)
            self.report.append(f"alias conflict: {folded!r} claimed by {', '.join(owners)}: "
                               + (f"kept on {keep}" if keep else "dropped from all"))

    def _drop(self, sid: str, folded: str) -> None:
        entry = self.entries[sid]
        entry.names = {f: None for f in entry.names if normalize_alias(f) != folded}

    def finish(self, header: Mapping[str, Any]) -> tuple[str, list[str]]:
        """The layer as JSON text, and the report lines."""
        self._settle_claims()
        skills = []
        for entry in self.entries.values():
            if entry.name not in entry.names and not entry.from_base:
                self.report.append(f"dropped: {entry.name!r} lost its own name to another skill")
                continue
            forms = [f for f in entry.names if f != entry.name or _case_marked(f)]
            exact = [f for f in forms if _EXACT.match(f) or f in entry.cased or _case_marked(f)]
            aliases = [f for f in forms if f not in exact]
            ambiguous = [f for f in (entry.name, *forms)
                         if (_ambiguous(f) or f in entry.plain
                             or f in entry.cased and _ambiguous(f.lower()))
                         and (f in entry.names or f == entry.name)]
            record: dict[str, Any] = {"id": entry.id, "name": entry.name,
                                      "category": entry.category, "aliases": aliases,
                                      "exact": exact, "ambiguous": ambiguous,
                                      "refs": list(entry.refs)}
            if entry.parents:
                record["parents"] = list(entry.parents)
            if entry.implies:
                record["implies"] = list(entry.implies)
            if entry.demand is not None:
                record["demand"], record["demand_source"] = entry.demand, entry.demand_source
            skills.append(record)
        have = {s["id"] for s in skills}
        for target in sorted({t for s in skills for r in ("parents", "implies")
                              for t in s.get(r, ()) if t not in have}):
            skill = self.base[target]  # a relation to the core: the layer carries a stub
            skills.append({"id": target, "name": skill.name, "category": skill.category})
        merged = sum(1 for e in self.entries.values() if e.from_base)
        summary = [f"{self.source}: {len(skills)} skills written, {merged} merged into the core"]
        return dump_layer(header, skills), summary + sorted(set(self.report))


def _case_marked(form: str) -> bool:
    """Rule case-marked: a short name whose capitals are its identity, and which written
    plainly is another word ("eXe": "exe installers"), matches only as written.

    >>> _case_marked("eXe"), _case_marked("spaCy"), _case_marked("iPhone"), _case_marked("Excel")
    (True, False, False, False)
    """
    rules = import_rules()["common_words"]
    return (len(form) <= int(rules["case_marked_max_length"])
            and _CASE_MARKED.match(form) is not None
            and zipf(form) >= float(rules["case_marked_min_zipf"]))


_STOP = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "&"})
_ACRONYM_WORD = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


def concept_of(name: str) -> tuple[str | None, str | None]:
    """The thing an imported name stands for, without generic last words or an acronym of its
    own words (rule same-concept), and that acronym; two imports with the same concept are one
    skill. A name that is only an acronym has no concept, just the acronym.

    >>> concept_of("Electronic medical record EMR systems")
    ('electronic medical record', 'emr')
    >>> concept_of("ERP software"), concept_of("Moz search engine optimization SEO software")
    ((None, 'erp'), ('moz search engine optimization seo', None))
    """
    tail = frozenset(import_rules()["onet"]["generic_tail"])
    words = without_generic_tail(name.split(), tail)
    last = words[-1] if words else ""
    if not _ACRONYM_WORD.match(last) or sum(ch.isalpha() for ch in last) < 2:
        return _fold(words) or None, None
    if len(words) == 1:
        return None, last.lower()
    rest = words[:-1]
    stripped = without_generic_tail(rest, tail)
    if spells(last, rest) or spells(last, stripped):  # "... software HRMS" spells it too
        return _fold(stripped), last.lower()
    return _fold(words), None


def _fold(words: list[str]) -> str:
    """Words compared as a concept: case, spacing and a plural -s ignored ("Failure modes")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "is", "us"))
                    else w for w in normalize_alias(" ".join(words)).split())


def spells(acronym: str, words: list[str]) -> bool:
    """Each word gives the acronym its next letters, starting with its own first letter
    ("RFID": Radio Frequency IDentification); a small word may give none ("Point of sale").

    >>> spells("RFID", "Radio frequency identification".split())
    True
    >>> spells("CAD", "Computer assisted jewelry design".split())
    False
    """
    letters = [c for c in acronym.lower() if c.isalpha()]
    parts = [p for w in words for p in re.split(r"[-/]", w.lower()) if p]

    def fits(i: int, j: int) -> bool:  # letters[i:] from parts[j:]
        if j == len(parts):
            return i == len(letters)
        word = parts[j]
        if word in _STOP and fits(i, j + 1):
            return True
        if i == len(letters) or word[0] != letters[i]:
            return False
        k, pos = i + 1, 1
        while True:  # the word gives letters[i:k]
            if fits(k, j + 1):
                return True
            if k == len(letters):
                return False
            pos = word.find(letters[k], pos) + 1
            if pos == 0:
                return False
            k += 1

    return len(letters) >= 2 and fits(0, 0)


def _ambiguous(form: str) -> bool:
    """Rule common-words: a name of at most ``max_ambiguous_words`` words, each common in
    English, reads as ordinary words ("Access", "data entry"); a longer one is a term of art
    even when its words are common ("root cause analysis"), and so is an action and its object
    (rule action-compound: "risk management").

    >>> _ambiguous("Access"), _ambiguous("Root cause analysis"), _ambiguous("risk management")
    (True, False, False)
    >>> _ambiguous("LAN"), _ambiguous("ARM"), _ambiguous("IC")
    (False, True, True)
    """
    rules = import_rules()["common_words"]
    if _EXACT.match(form) and form.isupper():  # "LAN", "SAP": read as acronyms unless the
        if len(form) <= int(rules["short_acronym_max_length"]):
            return True  # rule short-acronym: "IC", "UX" name too many things
        return is_common(form, threshold=float(rules["acronym_zipf_threshold"]))  # word is
        # everyday English ("ACT", "ARM", "BOX")
    words = form.split()
    if len(words) == 2 and _action_compound(words, rules):
        return False
    return len(words) <= int(rules["max_ambiguous_words"]) and is_common(form)


def _action_compound(words: list[str], rules: dict[str, Any]) -> bool:
    """Rule action-compound: two words, the second an action noun of the rule's suffixes and
    not one of its things ("risk management", not "medical equipment").

    >>> rules = import_rules()["common_words"]
    >>> _action_compound(["risk", "management"], rules), _action_compound(["medical", "equipment"], rules)
    (True, False)
    """
    head = words[-1].lower()
    return (words[0].replace("-", "").isalpha() and head.isalpha()
            and head.endswith(tuple(rules["action_suffixes"]))
            and head not in rules["not_action_heads"])
