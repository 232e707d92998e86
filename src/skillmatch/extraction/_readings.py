"""Readings of a text that need no window of names: soft skills said in a phrase with a slot,
the numbers of a series after its first member, and an object lent across a list of actions.

Each function reads the plain text and returns :class:`Reading` records (a skill id, the span
that names it, the rule); the extractor turns them into mentions. What counts as a skill is the
caller's ``named`` lookup, so the curated-only and no-degree policies stay with the extractor.

>>> readings = object_ellipsis("Own model development and deployment.",
...                            {"model deployment": "model-deployment"}.get)
>>> [(r.skill, r.start, r.end, r.rule) for r in readings]
[('model-deployment', 26, 36, 'ellipsis')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import cache
from typing import NamedTuple

from .._phrases import sliceable_lower
from ._rules import inversion_rule, soft_phrases


class Reading(NamedTuple):
    """A skill named at ``text[start:end]`` by rule ``rule``."""

    skill: str
    start: int
    end: int
    rule: str


Named = Callable[[str], "str | None"]  # a phrase -> the id of the skill it names, if one counts


# ----------------------------------------------------------------------------- soft phrases

# how far a soft phrase reaches from the string it needs (rules/soft_phrases.toml)
_SOFT_REACH = 200


def soft_phrase_readings(text: str, skills: Collection[str]) -> list[Reading]:
    """Soft skills said in a phrase with a slot (``rules/soft_phrases.toml``), for the rules
    whose skill is one of ``skills``. A rule's pattern is tried only within 200 characters of
    the strings it needs (a scan of the whole text per rule was 6% of a posting's extraction).

    >>> [r.skill for r in soft_phrase_readings("Solve hard ML problems.", {"problem-solving"})]
    ['problem-solving']
    """
    lowered = sliceable_lower(text)
    out = []
    for rule in soft_phrases():
        if rule.skill not in skills:
            continue
        # offsets that lowercasing would move: the whole text, if it holds a needed string
        windows = (_around(lowered, rule.needs, _SOFT_REACH) if lowered is not None else
                   [(0, len(text))] if any(n in text.lower() for n in rule.needs) else [])
        seen: set[tuple[int, int]] = set()
        for start, end in windows:
            for found in rule.pattern.finditer(text, start, end):
                if rule.not_after is not None and rule.not_after.search(
                        text, max(0, found.start() - 60), found.start()):
                    continue  # another thing does it: "models to solve problems"
                if found.span() not in seen:
                    seen.add(found.span())
                    out.append(Reading(rule.skill, found.start(), found.end(), rule.name))
    return out


def _around(text: str, needles: Sequence[str], reach: int) -> list[tuple[int, int]]:
    """The stretches of ``text`` within ``reach`` characters of any of ``needles``, merged.

    >>> _around("a needle in a haystack of needles", ["needle"], 3)
    [(0, 5), (23, 29)]
    """
    found = sorted(i for n in needles for i in _find_all(text, n))
    out: list[tuple[int, int]] = []
    for i in found:
        start, end = max(0, i - reach), min(len(text), i + reach)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _find_all(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


# ----------------------------------------------------------------------------- numbered series

# rule numbered-series: a name that ends in a number ("Series 7"), and a number after it,
# joined by a comma, slash or "&" or one of the rule's words ("and", "or")
_NUMBERED = re.compile(r"(?P<prefix>[A-Za-z][\w.+-]*(?: [A-Za-z][\w.+-]*)*) \d{1,4}")
_NUMBER_AFTER = re.compile(
    r"[ \t]*(?:[,/&][ \t]*(?:(?:{words})[ \t]+)?|(?:{words})[ \t]+)(?P<number>\d{{1,4}})"
    r"(?!\w|\.\d|[ \t]*(?:{ends})(?!\w))".format(
        words="|".join(sorted(inversion_rule("numbered-series").words)),
        ends="|".join(sorted(map(re.escape, inversion_rule("numbered-series").ends)))),
    re.IGNORECASE)


def numbered_series(text: str, names: Sequence[tuple[str, int]], named: Named) -> list[Reading]:
    """Rule numbered-series (``rules/inversion.toml``): after a name found in ``text`` that ends
    in a number (``names``: its text and where it ends), each number joined to it names
    "<the name's words before its number> <number>" where ``named`` knows that; a longer
    name's last words are tried too ("FINRA Series 7, 66"). Each reading is a number.

    >>> lookup = {"Series 63": "finra-series-63", "Series 66": "finra-series-66"}.get
    >>> [r.skill for r in numbered_series("Series 7, 63 and 66", [("Series 7", 8)], lookup)]
    ['finra-series-63', 'finra-series-66']
    """
    out = []
    for name, end in names:
        found = _NUMBERED.fullmatch(name)
        if found is None or not _NUMBER_AFTER.match(text, end):
            continue
        words = found["prefix"].split(" ")
        prefixes = [" ".join(words[i:]) for i in range(len(words))]
        position = end
        while (number := _NUMBER_AFTER.match(text, position)) is not None:
            position = number.end()
            skill = next((s for s in (named(f"{p} {number['number']}") for p in prefixes)
                          if s is not None), None)
            if skill is not None:
                out.append(Reading(skill, number.start("number"), number.end("number"),
                                   "numbered-series"))
    return out


# ----------------------------------------------------------------------------- object ellipsis

# rule ellipsis, of an object: "<object> <action>, <action> and <action>" ("model development
# and deployment"), found at its coordinator and read back from there
_ACTION_AFTER_AND = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?:and|or|&)[ \t]+(?P<last>[A-Za-z]{6,})\b")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD_CHARS = _LETTERS | frozenset("0123456789_-")


def object_ellipsis(text: str, named: Named) -> list[Reading]:
    """Skills named by ellipsis of an object: in "model development and deployment" the object
    of the first action ("model") is the object of each action listed after it ("data
    extraction, cleaning, and analysis": data cleaning, data analysis), where ``named`` knows
    "<object> <action>". Every conjunct is one action noun (an ending of rule verb-object's
    suffixes: "-ment", "-ion", "-ing", "-ysis"), the first after its object. Each reading is an
    action."""
    if " and " not in text and " or " not in text and "&" not in text:
        return []
    out = []
    for found in _ACTION_AFTER_AND.finditer(text):
        if not _action_noun(found["last"].lower()):
            continue
        before = _conjuncts_before(text, found.start(), 120)
        if before is None:
            continue
        (o, p), words = before
        if not all(_action_noun(text[a:b].lower()) for a, b in words):
            continue
        for a, b in [*words[1:], found.span("last")]:
            skill = named(f"{text[o:p]} {text[a:b]}")
            if skill is not None:
                out.append(Reading(skill, a, b, "ellipsis"))
    return out


def _conjuncts_before(text: str, end: int, reach: int
                      ) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Read back from ``end`` over "<object> <word>, <word>, <word>" (at most ``reach``
    characters): the object's span and the words' spans in order, or None. A walk back, not a
    search: one step per character (a search anchored at the end tried every start).

    >>> text = "Data extraction, cleaning"
    >>> (o, p), words = _conjuncts_before(text, len(text), 120)
    >>> text[o:p], [text[a:b] for a, b in words]
    ('Data', ['extraction', 'cleaning'])
    >>> _conjuncts_before("x-ray", 5, 120), _conjuncts_before("cleaning", 8, 120)
    (None, None)
    """
    low = max(0, end - reach)
    words: list[tuple[int, int]] = []
    p = end
    while True:
        q = p
        while q > low and text[q - 1] in _LETTERS:
            q -= 1
        if q == p:
            return None
        words.append((q, p))
        r = q
        while r > low and text[r - 1] in " \t":
            r -= 1
        if r > low and text[r - 1] == ",":
            p = r - 1
            while p > low and text[p - 1] in " \t":
                p -= 1
            continue
        if r == q:
            return None  # no space before the first word
        o = r
        while o > low and (text[o - 1] in _LETTERS or text[o - 1] == "-"):
            o -= 1
        if o == r or text[o] not in _LETTERS or (o > 0 and text[o - 1] in _WORD_CHARS):
            return None  # the object is a word of letters, no tail of a longer one
        return (o, r), words[::-1]


@cache
def _action_endings() -> tuple[str, ...]:
    """The noun endings of rule verb-object's suffixes: what makes a word an action noun."""
    return tuple(sorted({noun for noun, _ in inversion_rule("verb-object").suffixes}))


def _action_noun(word: str) -> bool:
    """``word`` (lowercase) is an action noun by its ending: "deployment", "analysis".

    >>> _action_noun("deployment"), _action_noun("analysis"), _action_noun("models")
    (True, True, False)
    """
    return len(word) > 5 and word.isalpha() and word.endswith(_action_endings())
