"""Loading the extraction rules: named records from ``rules/*.toml``, checked once.

>>> cues = level_cues()
>>> {c.direction for c in cues} == {"preferred", "required", "intensity"}
True
>>> next(c for c in cues if c.name == "a-plus").direction
'preferred'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

DIRECTIONS = ("preferred", "required", "intensity")


@dataclass(frozen=True)
class LevelCue:
    """A requirement-level cue: its name, pattern (lowercase text, whole words), direction,
    and example sentences with the level each must give. A ``forward`` cue speaks only for
    what follows it ("Python and, preferably, Scala": Scala is preferred, Python not)."""

    name: str
    pattern: str
    direction: str
    examples: tuple[tuple[str, str], ...] = ()
    forward: bool = False

    def regex(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{self.pattern})\b" if self.pattern[:1].isalpha()
                          or self.pattern.startswith("(?:") else rf"(?:{self.pattern})")


def _records(file: str, table: str) -> list[dict[str, Any]]:
    """The ``[[table]]`` records of ``rules/<file>``, in file order."""
    text = resources.files("skillmatch.extraction").joinpath("rules", file)
    records: list[dict[str, Any]] = tomllib.loads(text.read_text(encoding="utf-8"))[table]
    return records


def _examples(entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((e[0], e[1]) for e in entry.get("examples", ()))


@cache
def level_cues() -> tuple[LevelCue, ...]:
    """The level cues of ``rules/level_cues.toml``, in file order."""
    cues = []
    for entry in _records("level_cues.toml", "cue"):
        cue = LevelCue(entry["name"], entry["pattern"], entry["direction"], _examples(entry),
                       entry.get("scope", "both") == "forward")
        if entry.get("scope", "both") not in ("both", "forward"):
            raise ValueError(f"level cue {cue.name!r}: scope must be 'both' or 'forward'")
        if cue.direction not in DIRECTIONS:
            raise ValueError(f"level cue {cue.name!r}: direction must be one of {DIRECTIONS}")
        cue.regex()  # a bad pattern fails here, when the rules load
        cues.append(cue)
    return tuple(cues)


@dataclass(frozen=True)
class VoiceRule:
    """Who a clause speaks of: "company" (the employer of itself) or "candidate"."""

    name: str
    pattern: str
    role: str
    examples: tuple[tuple[str, str], ...] = ()


@cache
def voice_rules() -> tuple[VoiceRule, ...]:
    """The company-voice rules of ``rules/boilerplate.toml``, in file order."""
    rules = []
    for entry in _records("boilerplate.toml", "rule"):
        rule = VoiceRule(entry["name"], entry["pattern"], entry["role"], _examples(entry))
        if rule.role not in ("company", "candidate"):
            raise ValueError(f"boilerplate rule {rule.name!r}: role must be company or candidate")
        re.compile(rule.pattern)
        rules.append(rule)
    return tuple(rules)


@cache
def voice_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(company, candidate): one whole-word alternation each."""
    def join(role: str) -> re.Pattern[str]:
        return re.compile(r"(?<![a-z’'])(?:" + "|".join(
            r.pattern for r in voice_rules() if r.role == role) + r")(?![a-z])")
    return join("company"), join("candidate")


# ----------------------------------------------------------------------------- clauses

CLAUSE_ROLES = ("stop", "abbreviation", "end", "contrast")


@dataclass(frozen=True)
class ClauseEnd:
    """A record of ``rules/clauses.toml``: what ends a clause (or, for an abbreviation, what
    does not), with [text, word, clause] examples."""

    name: str
    role: str
    pattern: str = ""
    words: tuple[str, ...] = ()
    follow: str = ""
    examples: tuple[tuple[str, str, str], ...] = ()


@cache
def clause_ends_rules() -> tuple[ClauseEnd, ...]:
    """The clause-end records, in file order.

    >>> [r.name for r in clause_ends_rules() if r.role == "contrast"]
    ['contrast']
    """
    out = []
    for entry in _records("clauses.toml", "end"):
        rule = ClauseEnd(entry["name"], entry["role"], entry.get("pattern", ""),
                         tuple(entry.get("words", ())), entry.get("follow", ""),
                         tuple((e[0], e[1], e[2]) for e in entry.get("examples", ())))
        if rule.role not in CLAUSE_ROLES:
            raise ValueError(f"clause rule {rule.name!r}: role must be one of {CLAUSE_ROLES}")
        if bool(rule.pattern) == bool(rule.words):
            raise ValueError(f"clause rule {rule.name!r}: give a pattern or words, not both")
        re.compile(rule.pattern)
        out.append(rule)
    if sum(r.role == "stop" for r in out) != 1:
        raise ValueError("rules/clauses.toml: give exactly one record with role 'stop'")
    return tuple(out)


@cache
def clause_end_pattern() -> re.Pattern[str]:
    """One alternation of :func:`clause_ends_rules` (any case): a sentence's stop unless an
    abbreviation stands before it, then the other ends, then the contrast words.

    >>> [m.group() for m in clause_end_pattern().finditer("Python; Go vs. Java, but not C.")]
    [';', ' but', '.']
    """
    rules = clause_ends_rules()
    (stop,) = (r for r in rules if r.role == "stop")
    not_after = "".join(
        f"(?<!{r.pattern})" if r.pattern else "".join(rf"(?<!\b{re.escape(w)}\.)" for w in r.words)
        for r in rules if r.role == "abbreviation")
    parts = [stop.pattern + not_after + stop.follow]
    parts += [r.pattern for r in rules if r.role == "end"]
    parts += [r"\s(?:" + "|".join(map(re.escape, r.words)) + r")\b" for r in rules if r.role == "contrast"]
    return re.compile("(?:" + "|".join(parts) + ")", re.IGNORECASE)


# ----------------------------------------------------------------------------- negation

NEGATION_DIRECTIONS = ("FORWARD", "BACKWARD", "PSEUDO", "PSEUDO_BACKWARD", "TERMINATE")


@dataclass(frozen=True)
class Modifier:
    """A ConText negation record of ``rules/negation.toml``: a name, a pattern (whole words,
    any case), a category, a direction, and [sentence, negated] examples."""

    name: str
    pattern: str
    category: str
    direction: str
    examples: tuple[tuple[str, bool], ...] = ()


@cache
def negation_modifiers() -> tuple[Modifier, ...]:
    """The negation records, in file order.

    >>> next(m for m in negation_modifiers() if m.name == "not-only").direction
    'PSEUDO'
    """
    out = []
    for entry in _records("negation.toml", "modifier"):
        mod = Modifier(entry["name"], entry["pattern"], entry["category"], entry["direction"],
                       tuple((e[0], bool(e[1])) for e in entry.get("examples", ())))
        if mod.direction not in NEGATION_DIRECTIONS or mod.category != "NEGATED":
            raise ValueError(f"negation rule {mod.name!r}: direction must be one of "
                             f"{NEGATION_DIRECTIONS} and category NEGATED")
        re.compile(mod.pattern)
        out.append(mod)
    return tuple(out)


@dataclass(frozen=True)
class NegationPatterns:
    """The negation records joined, one alternation per direction."""

    forward: re.Pattern[str]  # finditer on the clause before the mention
    backward: re.Pattern[str]  # match on the 80 characters from the mention
    pseudo: re.Pattern[str]  # match at a forward cue's start
    pseudo_backward: re.Pattern[str]  # match just after a backward cue
    terminate: re.Pattern[str]  # search between a forward cue and the mention


@cache
def negation_patterns() -> NegationPatterns:
    """The compiled alternations of :func:`negation_modifiers`.

    >>> bool(negation_patterns().forward.search("We use Python, but no Java"))
    True
    """
    def join(direction: str) -> str:
        return "|".join(m.pattern for m in negation_modifiers() if m.direction == direction)

    flags = re.IGNORECASE
    return NegationPatterns(
        forward=re.compile(rf"\b(?:{join('FORWARD')})\b", flags),
        backward=re.compile(rf"^[^.;\n]{{0,40}}?\b(?:{join('BACKWARD')})\b", flags),
        pseudo=re.compile(rf"\b(?:{join('PSEUDO')})\b", flags),
        pseudo_backward=re.compile(join("PSEUDO_BACKWARD"), flags),
        terminate=re.compile(rf"\b(?:{join('TERMINATE')})\b", flags),
    )


# ----------------------------------------------------------------------------- ambiguity

AMBIGUITY_CATEGORIES = ("TECHNICAL", "NOT_TECHNICAL")
AMBIGUITY_DIRECTIONS = ("FORWARD", "BACKWARD", "BIDIRECTIONAL", "LIST")


@dataclass(frozen=True)
class ContextRule:
    """A rule of ``rules/ambiguity.toml``: when an ambiguous name is (TECHNICAL) or is not
    (NOT_TECHNICAL) the skill. ``words`` are cue tokens, ``pattern`` a regular expression on
    the lowercased text after the name; examples and counter-examples are [sentence, skill] or
    [sentence, skill, kind]. An ``imported`` rule decides for names from an imported layer
    (O*NET, ESCO) that are also English words: they need a list, never prose."""

    name: str
    category: str
    direction: str
    words: frozenset[str] = frozenset()
    pattern: str = ""
    examples: tuple[tuple[str, ...], ...] = ()
    counter: tuple[tuple[str, ...], ...] = ()
    imported: bool = False  # a rule for names from an imported layer that are English words
    limit: int = 0  # a number the rule reads (narrative-paragraph: the most words of a list line)
    part_of: str = ""  # the rule this one works inside, which names what it accepts

    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


@cache
def ambiguity_rules() -> dict[str, ContextRule]:
    """The ambiguity rules by name, in file order.

    >>> "using" in ambiguity_rules()["lead-in-strong"].words
    True
    """
    out: dict[str, ContextRule] = {}
    for entry in _records("ambiguity.toml", "rule"):
        rule = ContextRule(entry["name"], entry["category"], entry["direction"],
                           frozenset(entry.get("words", ())), entry.get("pattern", ""),
                           tuple(tuple(e) for e in entry.get("examples", ())),
                           tuple(tuple(e) for e in entry.get("counter", ())),
                           bool(entry.get("imported", False)), int(entry.get("limit", 0)),
                           str(entry.get("part_of", "")))
        if rule.category not in AMBIGUITY_CATEGORIES or rule.direction not in AMBIGUITY_DIRECTIONS:
            raise ValueError(f"ambiguity rule {rule.name!r}: category must be one of "
                             f"{AMBIGUITY_CATEGORIES}, direction one of {AMBIGUITY_DIRECTIONS}")
        if rule.name in out:
            raise ValueError(f"ambiguity rule {rule.name!r} is defined twice: rename one")
        rule.regex()
        out[rule.name] = rule
    return out


class PersonNames(NamedTuple):
    """Lowercased first names and surnames (``names/*.txt``: the 1990 U.S. census lists)."""

    first: frozenset[str]
    last: frozenset[str]


@cache
def person_names() -> PersonNames:
    """The first names and surnames rule person-name reads ("Julia Chen", "Mary Jenkins").

    >>> "julia" in person_names().first and "chen" in person_names().last
    True
    """
    folder = resources.files("skillmatch.extraction").joinpath("names")

    def words(file: str) -> frozenset[str]:
        lines = folder.joinpath(file).read_text(encoding="utf-8").splitlines()
        return frozenset(line for line in lines if line and not line.startswith("#"))

    return PersonNames(words("first_names.txt"), words("surnames.txt"))


def rule_words(name: str) -> frozenset[str]:
    """The cue words of the ambiguity rule ``name`` (KeyError names a rule the file lacks)."""
    return ambiguity_rules()[name].words


def rule_pattern(name: str) -> re.Pattern[str]:
    """The compiled pattern of the ambiguity rule ``name``."""
    return _compiled(ambiguity_rules()[name].pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def rule_finditer(name: str, text: str) -> Iterator[re.Match[str]]:
    """What ``rule_pattern(name).finditer(text)`` finds, without reading the whole text where
    the rule allows: when every match holds one of some strings as written (see
    :func:`skillmatch._context.required_strings`) and lies within one line
    (:func:`skillmatch._context.line_bound`), only the lines holding one of those strings are
    searched ("Inc", "LLC", ... for rule organisation-name)."""
    pattern = rule_pattern(name)
    needs = _needs(ambiguity_rules()[name].pattern)
    if needs is None:
        yield from pattern.finditer(text)
        return
    last = -1
    for found in needs.finditer(text):
        if found.start() < last:
            continue  # in a line already searched
        start = text.rfind("\n", 0, found.start()) + 1
        last = text.find("\n", found.end())
        if last < 0:
            last = len(text)
        yield from pattern.finditer(text, start, last)


@cache
def _needs(pattern: str) -> re.Pattern[str] | None:
    """The strings every match of an ambiguity rule holds one of, as written, as one
    alternation; None unless each match also lies within one line."""
    from .._context import line_bound, required_strings

    needs = required_strings(pattern, re.IGNORECASE)
    if needs is None or not line_bound(pattern, re.IGNORECASE):
        return None
    return re.compile("|".join(map(re.escape, sorted(needs, key=lambda s: (-len(s), s)))))


def rule_may_search(name: str, text: str, start: int, end: int) -> bool:
    """False when ``rule_pattern(name).search(text, start, end)`` cannot find anything: the
    stretch is ASCII and, lowercased, holds none of the strings one of which every match holds
    in lowercase (:func:`skillmatch._context.required_lowercase`). True otherwise."""
    needs = _needs_lowercase(ambiguity_rules()[name].pattern)
    if needs is None:
        return True
    stretch = text[start:end]
    return not stretch.isascii() or needs.search(stretch.lower()) is not None


@cache
def _needs_lowercase(pattern: str) -> re.Pattern[str] | None:
    """The strings of :func:`skillmatch._context.required_lowercase` as one alternation (a
    branch of literals: the engine skips to their first letters)."""
    from .._context import required_lowercase

    needs = required_lowercase(pattern)
    return None if needs is None else re.compile("|".join(map(re.escape, sorted(needs))))


# ----------------------------------------------------------------------------- lists, degrees


@dataclass(frozen=True)
class NamedPattern:
    """A named record with a pattern or words and its examples (``rules/lists.toml``,
    ``rules/degrees.toml``)."""

    name: str
    pattern: str = ""
    words: frozenset[str] = frozenset()
    examples: tuple[tuple[str, Any], ...] = ()


@cache
def either_or_rules() -> tuple[NamedPattern, ...]:
    """The lead-ins of either/or lists, in file order."""
    out = []
    for entry in _records("lists.toml", "lead_in"):
        rule = NamedPattern(entry["name"], entry["pattern"],
                            examples=tuple((e[0], e[1]) for e in entry.get("examples", ())))
        re.compile(rule.pattern)
        out.append(rule)
    return tuple(out)


@cache
def either_or_lead_ins() -> tuple[re.Pattern[str], ...]:
    """The compiled lead-in patterns (any case).

    >>> any(p.search("experience with a language such as") for p in either_or_lead_ins())
    True
    """
    return tuple(re.compile(r.pattern, re.IGNORECASE) for r in either_or_rules())


@cache
def degree_rules() -> dict[str, NamedPattern]:
    """The degree rules by name."""
    return {entry["name"]: NamedPattern(
        entry["name"], words=frozenset(entry.get("words", ())),
        examples=tuple((e[0], e[1]) for e in entry.get("examples", ())))
        for entry in _records("degrees.toml", "rule")}


def degree_words(name: str) -> frozenset[str]:
    """The words of the degree rule ``name``."""
    return degree_rules()[name].words


@dataclass(frozen=True)
class InversionRule:
    """A rule of ``rules/inversion.toml``: the determiners that may follow "of" (``words``),
    the words that end the object after it (``ends``), and examples."""

    name: str
    words: frozenset[str]
    ends: frozenset[str]
    examples: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...] = ()  # rule verb-object: (noun ending, verb ending)
    same: frozenset[str] = frozenset()  # rule verb-object: nouns that are their own verb
    not_objects: frozenset[str] = frozenset()  # rule verb-object: objects too plain to count
    categories: frozenset[str] = frozenset()  # rule verb-form: the skills' categories
    not_verbs: frozenset[str] = frozenset()  # rule verb-form: verbs none of whose forms count
    not_bare: frozenset[str] = frozenset()  # rule verb-form: verbs whose bare forms do not count
    past_ends: frozenset[str] = frozenset()  # rule verb-form: words a past form is not before
    not_adverbs: frozenset[str] = frozenset()  # rule verb-form: -ly words that open nothing


@cache
def inversion_rule(name: str = "of-phrase") -> InversionRule:
    """The inversion rule ``name`` of ``rules/inversion.toml``.

    >>> "the" in inversion_rule().words, "for" in inversion_rule().ends
    (True, True)
    """
    entry = next(e for e in _records("inversion.toml", "rule") if e["name"] == name)
    return InversionRule(name, frozenset(entry.get("words", ())), frozenset(entry.get("ends", ())),
                         _examples(entry),
                         tuple((a, b) for a, b in entry.get("suffixes", ())),
                         frozenset(entry.get("same", ())), frozenset(entry.get("not_objects", ())),
                         frozenset(entry.get("categories", ())),
                         frozenset(entry.get("not_verbs", ())),
                         frozenset(entry.get("not_bare", ())),
                         frozenset(entry.get("past_ends", ())),
                         frozenset(entry.get("not_adverbs", ())))


def inversion_counter(name: str = "of-phrase") -> tuple[tuple[str, str], ...]:
    """The counter-examples of the inversion rule ``name``: [text, skill] not to find."""
    entry = next(e for e in _records("inversion.toml", "rule") if e["name"] == name)
    return tuple((x[0], x[1]) for x in entry.get("counter", ()))


@dataclass(frozen=True)
class EmployerRule:
    """Rule employer-name of ``rules/boilerplate.toml``: the words around a name that make it
    the employer's, and [posting, skill] examples and counter-examples."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]
    counter: tuple[tuple[str, str], ...]

    def names_employer(self, text: str, name: str) -> bool:
        """``name`` (as written) stands in ``text`` as the employer's name (one call: see
        :meth:`employers` for many names of one text).

        >>> employer_rule().names_employer("At Acme, we ship.", "Acme")
        True
        >>> employer_rule().names_employer("We use Acme daily.", "Acme")
        False
        >>> employer_rule().names_employer("Together AI is an equal opportunity employer", "AI")
        False
        """
        return self.employers(text)(name)

    def employers(self, text: str) -> Callable[[str], bool]:
        """A test of names against ``text``: the text is searched once, for the rule's words,
        and each name is then compared with the few places they stand (a search per name was
        ~2x the cost of a posting's extraction)."""
        before, after = _employer_patterns(self.before, self.after)
        follows = [text[m.end():m.end() + 80] for m in before.finditer(text)]
        precedes = [text[max(0, m.start() - 80):m.start()] for m in after.finditer(text)]

        def employs(name: str) -> bool:
            for rest in follows:  # "At ZoomInfo," (not "At ZoomInfo Labs", "At Torch.AI")
                if rest.startswith(name) and not _NAME_GOES_ON.match(rest, len(name)):
                    return True
            for lead in precedes:  # not a longer name's last word: "Together AI is an Equal"
                lead = lead.rstrip(" ")
                if lead.endswith(name):
                    lead = lead[:-len(name)]
                    lead = lead[lead.rfind("\n") + 1:].rstrip()
                    if not lead or lead[-1] in ".!?:;,-\u2013\u2014" or not lead.split()[
                            -1][:1].isupper():
                        return True
            return False

        return employs


# what may follow an employer's name without making it part of a longer one
_NAME_GOES_ON = re.compile(r"[\w-]|\.\w| [A-Z]")


@cache
def _employer_patterns(before: tuple[str, ...], after: tuple[str, ...]
                       ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile("(?:" + "|".join(re.escape(w) for w in before) + ") "),
            re.compile("|".join(re.escape(w) for w in after)))


@cache
def employer_rule() -> EmployerRule:
    """Rule employer-name (``rules/boilerplate.toml``)."""
    entry = _records("boilerplate.toml", "employer")[0]
    return EmployerRule(tuple(entry["before"]), tuple(entry["after"]), _examples(entry),
                        tuple((x[0], x[1]) for x in entry.get("counter", ())))


@cache
def glue_rules() -> tuple[NamedPattern, ...]:
    """The rules of ``rules/glue.toml``, in file order (their words, examples, counters)."""
    return tuple(NamedPattern(e["name"], words=frozenset(e.get("words", ())),
                              examples=tuple((x[0], x[1]) for x in e.get("examples", ())))
                 for e in _records("glue.toml", "rule"))


def glue_rule(name: str = "glued-line-start") -> NamedPattern:
    """The glue rule ``name``: for glued-line-start, the words a glued word's right part may be."""
    return next(r for r in glue_rules() if r.name == name)


def glue_counter() -> tuple[tuple[str, str], ...]:
    """The counter-examples of every glue rule: [text, skill] not to split out."""
    return tuple((x[0], x[1]) for e in _records("glue.toml", "rule") for x in e.get("counter", ()))


def glue_words() -> frozenset[str]:
    """The words (besides English stop words) that may follow a glued name."""
    return glue_rule().words


class Vendor(NamedTuple):
    """A vendor's short names (rules/vendors.toml) and examples: [text, skill id]."""

    name: str
    short: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]


@cache
def vendors() -> tuple[Vendor, ...]:
    """The records of ``rules/vendors.toml``, in file order."""
    return tuple(Vendor(e["name"], tuple(e["short"]), _examples(e))
                 for e in _records("vendors.toml", "vendor"))


class CasedWords(NamedTuple):
    """Words an acronym in a name spells in lowercase (rules/cased_words.toml), and examples:
    [text, skill id, "found" or "absent"]."""

    name: str
    words: frozenset[str]
    examples: tuple[tuple[str, str, str], ...]


@cache
def cased_words() -> CasedWords:
    """The record of ``rules/cased_words.toml``."""
    entry = _records("cased_words.toml", "rule")[0]
    return CasedWords(entry["name"], frozenset(entry["words"]),
                      tuple((e[0], e[1], e[2]) for e in entry.get("examples", ())))


def spells_a_word(form: str) -> bool:
    """Whether a word of ``form`` is an acronym that spells an English word in lowercase
    (rules/cased_words.toml): such a name counts only with that word in capitals.

    >>> spells_a_word("IT support"), spells_a_word("it support"), spells_a_word("SQL Server")
    (True, False, False)
    """
    words = cased_words().words
    return any(word in words for word in form.split())


def case_variants(form: str) -> list[str]:
    """``form`` as written, in title case (its capitals kept) and in capitals: how a name
    that counts only with its acronym in capitals may still be written.

    >>> case_variants("IT support")
    ['IT support', 'IT Support', 'IT SUPPORT']
    """
    title = " ".join(w[:1].upper() + w[1:] for w in form.split(" "))
    return list(dict.fromkeys((form, title, form.upper())))


def vendor_short_forms(form: str) -> list[str]:
    """``form`` written with its vendor's short name, if it begins with a vendor's name and a
    product's name follows.

    >>> vendor_short_forms("Microsoft Project"), vendor_short_forms("Microsoft")
    (['MS Project'], [])
    """
    out: list[str] = []
    for vendor in vendors():
        rest = form[len(vendor.name):]
        if form.startswith(vendor.name) and rest[:1] == " " and rest.strip():
            out.extend(f"{short}{rest}" for short in vendor.short)
    return out



# ----------------------------------------------------------------------------- soft phrases


@dataclass(frozen=True)
class SoftPhrase:
    """A rule of ``rules/soft_phrases.toml``: a wording with a slot that names a soft skill
    ("interfacing with stakeholders of various levels": stakeholder management)."""

    name: str
    skill: str
    needs: tuple[str, ...]  # lowercase strings one of which the text must hold
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, str], ...]
    counter: tuple[tuple[str, str], ...]
    # what, ending right before the phrase, makes another thing its doer ("models to solve")
    not_after: re.Pattern[str] | None = None


@cache
def soft_phrases() -> tuple[SoftPhrase, ...]:
    """The soft-skill phrases, in file order.

    >>> rule = next(r for r in soft_phrases() if r.name == "solves-problems")
    >>> rule.skill, bool(rule.pattern.search("Solve complex ML problems"))
    ('problem-solving', True)
    """
    return tuple(SoftPhrase(entry["name"], entry["skill"], tuple(entry["needs"]),
                            re.compile(entry["pattern"], re.IGNORECASE), _examples(entry),
                            tuple((c[0], c[1]) for c in entry.get("counter", ())),
                            re.compile(f"(?:{entry['not_after']})$", re.IGNORECASE)
                            if "not_after" in entry else None)
                 for entry in _records("soft_phrases.toml", "phrase"))
