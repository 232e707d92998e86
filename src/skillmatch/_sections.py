"""Find the sections of a resume or a posting from their headings.

A heading is a short line that names a known section ("Technical Skills", "WORK HISTORY",
"## Requirements", "Nice to have:"), or a short line in capitals or ending in a colon. Text
before the first heading is a section of its own (``preamble``).

>>> [s.kind for s in find_sections("Jane Doe\\nSKILLS\\nPython, SQL\\nEducation\\nBSc Physics")]
['preamble', 'skills', 'education']
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from dataclasses import dataclass
from typing import Any

__all__ = ["Section", "find_sections", "SECTION_LEVEL"]


@dataclass(frozen=True, slots=True)
class Section:
    """A span of a document under one heading. ``start``/``end`` are offsets into its text."""

    kind: str
    title: str
    start: int
    end: int


def _heading_data() -> dict[str, Any]:
    """``_headings.toml``, read and parsed once: heading records and lead-in records."""
    text = resources.files("skillmatch").joinpath("_headings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _synonyms(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The heading phrases of each section kind (data, one record a kind)."""
    return {r["kind"]: tuple(r["phrases"]) for r in data["heading"]}


def _lead_ins(data: dict[str, Any]) -> tuple[tuple[tuple[str, tuple[str, ...], tuple[str, ...]],
                                                   ...], tuple[str, ...]]:
    """The lead-in records, in order, as (kind, phrases, endings), and the filler last words to
    drop first (longest first)."""
    records = tuple((r["kind"], tuple(r["phrases"]), tuple(r["endings"]))
                    for r in data["lead_in"])
    return records, tuple(sorted(data["lead_in_filler"]["endings"], key=len, reverse=True))


_DATA = _heading_data()
_SYNONYMS = _synonyms(_DATA)
_LEAD_INS, _LEAD_IN_FILLER = _lead_ins(_DATA)
_SENTENCE_OPENERS = frozenset(_DATA["prefix_rule"]["sentence_openers"])
# the lead-in records whose phrases outrank every record's endings ("a plus if:")
_FIRST_LEAD_INS = tuple(record for record, raw in zip(_LEAD_INS, _DATA["lead_in"])
                        if raw.get("phrases_first"))
_HEADINGS: dict[str, str] = {
    phrase: kind for kind, phrases in _SYNONYMS.items() for phrase in phrases
}

# rule desired-alone: the words that make a preferred heading the requirements when it is alone
_DESIRED = frozenset(_DATA["desired_alone"]["words"])

#: What a posting section says of the skills named in it.
SECTION_LEVEL: dict[str, str] = {"requirements": "required", "preferred": "preferred"}

_MARKUP = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__|•\s*)?|(?:\*\*|__)?\s*$")
_NON_LETTERS = re.compile(r"[^a-z]+")
_LIST_ITEM = re.compile(r"^(?:[*\-–·▪◦‣]|\d{1,2}[.)])\s")
_MAX_HEADING = 60


_DETERMINERS = frozenset({"our", "the", "your", "my", "a", "an"})


def _key(title: str) -> str:
    return _NON_LETTERS.sub(" ", title.lower().replace("&", " and ")).strip()


def _lookup(key: str, *, colon: bool = False, titled: bool = False) -> str | None:
    """The kind of a heading key; a heading that starts with a known two-word-or-longer phrase
    ("our team built for good") takes that phrase's kind, and so does one word before a colon
    ("Skills to include:")."""
    kind = _HEADINGS.get(key) or (_HEADINGS.get(_other_number(key)) if " " in key else None)
    if kind:
        return kind
    words = key.split()
    if len(words) > 1 and words[0] in _DETERMINERS:  # "Our preferred qualifications"
        kind = _HEADINGS.get(" ".join(words[1:]))
        if kind:
            return kind
    if words and words[0] in _SENTENCE_OPENERS and not (colon or titled):
        return None  # "You have worked with Kubernetes": a sentence, not a heading
    for n in range(min(len(words) - 1, 5), 0 if colon else 1, -1):
        kind = _HEADINGS.get(" ".join(words[:n]))
        if kind:
            return kind
    if _about_name(words, titled=titled):
        return "about"
    if titled and 1 < len(words) <= 4:  # "Technology Requirements": a qualified heading
        for n in (2, 1):
            kind = _HEADINGS.get(" ".join(words[-n:]))
            if kind in _QUALIFIED and n < len(words):
                return kind
    return None


def _about_name(words: list[str], *, titled: bool) -> str | None:
    """"about" when a heading's lowercased ``words`` are "about" and a name of one to four
    words, all capitalised (``titled``): the employer by name ("About Neural Magic"; inline
    too: "About Nimbly: an AI-native insurtech"), else None.

    >>> _about_name(["about", "nimbly"], titled=True), _about_name(["about", "work"], titled=False)
    ('about', None)
    """
    return "about" if titled and 1 < len(words) <= 5 and words[0] == "about" else None


def _other_number(key: str) -> str:
    """The heading key with its last word in the other number: a heading of two words or more
    is written either way ("Skill Sets", "Technical Skill"); a one-word line is matched as
    written, as it may be a list's item ("Project" is no "Projects" heading).

    >>> _other_number("skill sets"), _other_number("technical skill"), _other_number("class")
    ('skill set', 'technical skills', 'classs')
    """
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return key + "s"


# The kinds a heading keeps when words qualify it before ("Technology Requirements").
_QUALIFIED = frozenset({"requirements", "skills", "preferred", "responsibilities", "education"})


def classify_heading(line: str) -> tuple[str, str, int] | None:
    """(kind, title, length of the heading part) when ``line`` is a heading, else None.

    The heading part ends at the colon for an inline heading ("Skills: Python, SQL").

    >>> classify_heading("TECHNICAL SKILLS")
    ('skills', 'TECHNICAL SKILLS', 16)
    >>> classify_heading("Skills: Python, SQL")[0]
    'skills'
    >>> classify_heading("I love Python.") is None
    True
    >>> classify_heading("Technology Requirements")[0], classify_heading("I have skills")
    ('requirements', None)
    >>> classify_heading("About Neural Magic")[0], classify_heading("About the Role")[0]
    ('about', 'responsibilities')
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return None
    bare = _MARKUP.sub("", stripped).strip().rstrip(":").strip()
    if 0 < len(bare) <= _MAX_HEADING:
        ends_colon = stripped.rstrip("*_ ").endswith(":") and len(bare.split()) <= 5
        titled = all(w[:1].isupper() for w in bare.split() if w[:1].isalpha())
        kind = _lookup(_key(bare), colon=ends_colon, titled=titled)
        if kind:
            return kind, bare, len(line.rstrip())
    head, colon, rest = stripped.partition(":")
    if colon and rest.strip():
        head_bare = _MARKUP.sub("", head).strip()
        key = _key(head_bare)
        words = key.split()
        # the employer by name, inline; not "About Our Stack:", which says what follows
        named = all(w[:1].isupper() for w in head_bare.split()[1:] if w[:1].isalpha())
        kind = _HEADINGS.get(key) or (
            None if words[1:2] and words[1] in _DETERMINERS else _about_name(words, titled=named))
        if not kind and head_bare[:1].isupper() and len(key.split()) <= _MAX_INLINE_LEAD_IN:
            # "You will need: AutoCAD and ...": a lead-in's phrase before the colon opens
            # what the job asks. Not a preferred one: "Would be a bonus: LabVIEW. The core
            # of the job is C" - its cue speaks for its own clause, not for every line after.
            kind = _lead_in_kind(f" {key} ", _LEAD_INS, by_phrase=True)
            if kind not in _INLINE_LEAD_INS:
                kind = None
        if kind and len(head_bare) <= 40:
            return kind, head_bare, line.index(":") + 1
        return None
    kind = _question_kind(bare)
    if kind:
        return kind, bare, len(line.rstrip())
    if _looks_like_unknown_heading(stripped, bare):
        return "other", bare, len(line.rstrip())
    return None


# the most words before a colon that may say what follows it ("You will need: AutoCAD")
_MAX_INLINE_LEAD_IN = 4
_INLINE_LEAD_INS = frozenset({"requirements", "responsibilities"})

# "What's the role?", "What does the day-to-day look like?": a heading asked as a question
_QUESTION = re.compile(r"^(?:what|who|how|why|where|which)(?: s| is| are| does| do| will| would"
                       r"| can| makes)?\s+")
_MAX_QUESTION_WORDS = 8


def _question_kind(bare: str) -> str | None:
    """The kind of a short question that heads a section: the kind of what it asks about,
    else "other" (a section of its own, not the one before it).

    >>> _question_kind("What’s the role?"), _question_kind("What does the day-to-day look like?")
    ('responsibilities', 'responsibilities')
    >>> _question_kind("What’s this team like at Etsy?"), _question_kind("Is it you?")
    ('other', None)
    >>> _question_kind("What (ideally) do you know?")
    'preferred'
    """
    words = bare.split()
    if not bare.endswith("?") or len(words) > _MAX_QUESTION_WORDS or not bare[0].isupper():
        return None
    key = _key(bare)
    asked = _QUESTION.match(key)
    if asked is None:
        return None
    subject = key[asked.end():].split()
    if subject and subject[0] in _DETERMINERS:  # "the day to day look like"
        subject = subject[1:]
    return (_lead_in_kind(f" {key} ", _FIRST_LEAD_INS, by_phrase=True)  # "What (ideally) ..."
            or _lookup(" ".join(subject), titled=True) or "other")


def classify_lead_in(line: str, next_line: str, then: str = "") -> tuple[str, str, int] | None:
    """(kind, title, length) when ``line`` is a sentence ending in a colon that opens a list
    and says what the list holds, else None. The list: ``next_line`` is an item, or it and
    ``then`` (the line after it) are short lines of their own, a list whose bullets were lost.

    >>> classify_lead_in("We're looking for a Machine Learning Engineer to:", " * Build models")
    ('responsibilities', "We're looking for a Machine Learning Engineer to", 49)
    >>> classify_lead_in("You'll stand out if you also have:", "- Go")[0]
    'preferred'
    >>> classify_lead_in("You'll stand out if you also have:", "Go and Rust.") is None
    True
    >>> classify_lead_in("It is a big plus if:", "You know Go", "You used Rust")[0]
    'preferred'
    """
    stripped = line.strip()
    listed = _ITEM_LINE.match(next_line) or _short_line(next_line) and _short_line(then)
    if not stripped.endswith(":") or not listed or _ITEM_LINE.match(line):
        return None
    title = _MARKUP.sub("", stripped).strip().rstrip(":").strip()
    key = f" {_key(title.replace(chr(8217), chr(39)))} "
    if not 2 <= len(key.split()) <= _MAX_LEAD_IN_WORDS:
        return None
    dropped = True
    while dropped:
        dropped = False
        for filler in _LEAD_IN_FILLER:
            if key.endswith(f" {filler} ") and len(key) > len(filler) + 2:
                key, dropped = key[:-len(filler) - 1], True
                break
    words = key.split()
    kind = (_HEADINGS.get(" ".join(words[1:] if words[0] in _DETERMINERS else words))
            or _lead_in_kind(key, _FIRST_LEAD_INS, by_phrase=True)
            or _lead_in_kind(key, _LEAD_INS, by_phrase=False)
            or _lead_in_kind(key, _LEAD_INS, by_phrase=True))
    return (kind, title, len(line.rstrip())) if kind else None


def _lead_in_kind(key: str, records: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...],
                  *, by_phrase: bool) -> str | None:
    """The kind of the first record one of whose phrases ``key`` holds (``by_phrase``), or one
    of whose endings it ends with.

    >>> _lead_in_kind(" what you ll do to ", _LEAD_INS, by_phrase=False)
    'responsibilities'
    """
    for kind, phrases, endings in records:
        if by_phrase and any(f" {p} " in key for p in phrases) or not by_phrase and any(
                key.endswith(f" {e} ") for e in endings):
            return kind
    return None


_ITEM_LINE = re.compile(r"^\s*(?:[*•·▪◦‣⁃–-]|\d{1,2}[.)])\s")
_SHORT_LINE = 100  # characters: a line longer is a paragraph, not an item of a list


def _short_line(line: str) -> bool:
    """A line that may be a list item written without a bullet: short, and no lead-in itself.

    >>> _short_line("You know Terraform"), _short_line("Requirements:"), _short_line("")
    (True, False, False)
    """
    stripped = line.strip()
    return 0 < len(stripped) <= _SHORT_LINE and not stripped.endswith(":")
_MAX_LEAD_IN_WORDS = 25


def _looks_like_unknown_heading(stripped: str, bare: str) -> bool:
    """A short line in capitals, or a short title ending in a colon, that we cannot name. A
    list item ("* AI/ML", "- SQL") is never one.

    >>> _looks_like_unknown_heading("* AI/ML", "* AI/ML"), _looks_like_unknown_heading("TOOLS", "TOOLS")
    (False, True)
    """
    if not bare or len(bare) > 40 or "," in bare or bare.endswith(".") or _LIST_ITEM.match(stripped):
        return False
    words = bare.split()
    letters = [c for c in bare if c.isalpha()]
    if len(letters) < 4 or len(words) > 6:
        return False
    if stripped.endswith(":") and bare[0].isupper():
        return True
    return all(c.isupper() for c in letters) and len(words) >= 1 and not any(ch.isdigit() for ch in bare)


def find_sections(text: str, *, headings: Iterable[int] = ()) -> tuple[Section, ...]:
    """Split ``text`` into sections. ``headings`` are offsets of lines the format marked as headings.

    Each section runs from its heading line to the next heading; the spans cover ``text``.
    """
    marked = set(headings)
    starts: list[tuple[int, str, str]] = []
    offset = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        found = classify_heading(line)
        if (found is None or found[0] == "other") and line.rstrip().endswith(":"):
            following = [x for x in lines[i + 1:i + 6] if x.strip()][:2] + ["", ""]
            found = classify_lead_in(line, *following[:2]) or found  # names what "other" cannot
        if found is None and offset in marked and line.strip():
            bare = _MARKUP.sub("", line.strip()).strip().rstrip(":")
            if 0 < len(bare) <= _MAX_HEADING:
                found = ("other", bare, len(line.rstrip()))
        if found and not (found[0] == "other" and not starts):
            # Unnamed headings count only after a named one: a name banner is the preamble.
            kind, title, _ = found
            starts.append((offset, kind, title))
        offset += len(line)
    if not any(kind in ("requirements", "skills") for _, kind, _ in starts):
        starts = [(start, "requirements" if kind == "preferred" and _DESIRED.intersection(
            _NON_LETTERS.split(title.lower())) else kind, title) for start, kind, title in starts]
    sections: list[Section] = []
    if not starts or starts[0][0] > 0:
        first = starts[0][0] if starts else len(text)
        if text[:first].strip() or not starts:
            sections.append(Section("preamble", "", 0, first))
    for i, (start, kind, title) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        sections.append(Section(kind, title, start, end))
    return tuple(sections)
