"""What the words around a skill say of it: negation, required or preferred, years.

Pure functions over plain text, so each rule can be tested with a sentence.

>>> clause_bounds("We use Python, but no Java.", 22)
(18, 27)
>>> is_negated("We use Python, but no Java.", 22, 0)
True
>>> is_negated("We use Python, but no Java.", 7, 0)
False
>>> level_cue("Experience with Go is a plus.", 16, 18)
'preferred'
>>> years_for("5+ years of experience with Python and SQL", 28, 34)
5.0

:class:`Clauses` does the same for one whole text, working out each clause once (its bounds,
level cues, parentheses, whether a negation cue or a years phrase may be in it) for every
mention in it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from datetime import date
from typing import Any

from .extraction._rules import clause_end_pattern, negation_patterns

__all__ = [
    "Clauses",
    "clause_bounds",
    "is_negated",
    "level_cue",
    "years_for",
    "general_years",
    "experience_years_from_dates",
]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
# A years phrase starts with its number: a digit or a number word's first letter. Saying so
# first lets the engine reject every other position at one character test instead of trying
# each alternative of the number there (~1.7x faster; tests/test_fast_patterns.py checks that
# the matches are the plain patterns').
_NUM_START = r"(?=[\d" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + "])"
_YEARS = re.compile(
    rf"{_NUM_START}(?<![\w.])(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*{_NUM})?\s*(?:\+|\s*plus)?\s*(?:\(\d+\s*\+?\)\s*)?"
    r"(?:full[- ])?(?:years?|yrs?)\b(?:'|’)?",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    text = text.lower()
    return float(_NUMBER_WORDS.get(text, 0) or text)


def clause_ends(text: str, line_start: int, line_end: int) -> list[int]:
    """Offsets where the clauses of one line end (the line's end last)."""
    ends = [m.end() for m in clause_end_pattern().finditer(text, line_start, line_end)]
    if not ends or ends[-1] < line_end:
        ends.append(line_end)
    return ends


def clause_bounds(text: str, offset: int) -> tuple[int, int]:
    """The clause of ``text`` around ``offset``: from the previous clause end to the next.

    Clauses never cross a line break and never reach more than 400 characters from the offset,
    so only that much of the line is scanned.
    """
    # both searches bounded by the reach: a line of a million characters costs no more
    line_start = text.rfind("\n", max(0, offset - 400), offset) + 1 or max(0, offset - 400)
    line_end = text.find("\n", offset, offset + 400)
    line_end = min(len(text), offset + 400) if line_end < 0 else line_end
    start = line_start
    clause_end = clause_end_pattern()  # rules/clauses.toml
    for match in clause_end.finditer(text, line_start, offset):
        start = match.end()
    found = clause_end.search(text, offset, min(line_end, offset + 400))
    end = found.end() if found else min(line_end, offset + 400)
    return max(start, offset - 400), end


def is_negated(text: str, start: int, clause_start: int) -> bool:
    """True when a negation cue governs the mention at ``start`` (rules/negation.toml).

    A FORWARD cue counts from where it stands to the mention, inside the clause ("Python, but
    no Java": Java only), unless a PSEUDO record holds it ("not only") or a TERMINATE record
    stands between; a BACKWARD cue ("X is not required") negates X unless a PSEUDO_BACKWARD
    record ("but a plus") follows it.
    """
    rules = negation_patterns()
    window = text[clause_start:start]
    for match in rules.forward.finditer(window):
        if rules.pseudo.match(text, clause_start + match.start()):
            continue  # read on past the mention: "no-SQL" ends inside it
        between = window[match.end():]
        # a list may follow the cue, but not another verb phrase that resets the scope
        if len(between) <= 80 and not rules.terminate.search(between):
            return True
    return _negated_after(text, start)


def may_negate(lowered: str) -> bool:
    """Whether a (lowercased) clause holds any forward negation cue at all: a quick test that
    spares :func:`is_negated` the clauses that cannot be negated before a mention."""
    fast = _forward_cased() if lowered.isascii() else None
    return (fast or negation_patterns().forward).search(lowered) is not None


@functools.cache
def _forward_cased() -> re.Pattern[str] | None:
    """The forward cues without IGNORECASE, for lowercased ASCII text, where they find the same
    matches ~2.5x faster; None if a pattern holds a capital or a non-ASCII character, which only
    IGNORECASE could make match such text."""
    pattern = negation_patterns().forward.pattern
    if not pattern.isascii() or any(ch.isupper() for ch in pattern):
        return None
    return re.compile(pattern)


def _negated_after(text: str, start: int) -> bool:
    """'X is not required' after the mention (unless 'but a plus' follows)."""
    after = text[start:start + 80]
    lowered = after.lower()  # the words every backward cue holds, in any case ("Not required")
    if "not" not in lowered and "unnecessary" not in lowered and "neither" not in lowered:
        return False
    rules = negation_patterns()
    found = rules.backward.search(after)
    return found is not None and not rules.pseudo_backward.match(after[found.end():])


def level_cue(text: str, start: int, end: int,
              clause: tuple[int, int] | None = None) -> str | None:
    """The direction of the cue nearest the mention in its clause: "preferred", "required" or
    "intensity" (rules in ``extraction/rules/level_cues.toml``), else None.

    "Python required, Go preferred": each skill takes the cue beside it; at equal distance a
    preferred cue wins ("strong Go is a plus"). A cue inside parentheses speaks only for what
    is inside them.
    """
    return Clauses(text).level_cue(start, end, clause or clause_bounds(text, start))


_ALNUM = re.compile(r"[a-z0-9]", re.IGNORECASE)
_LINE_BREAK = re.compile("\n")
# what joins the items of a list: between a skill and a level cue, the cue may speak for
# another item
_LIST_JOINT = re.compile(r"[,;/&|]|\b(?:and|or)\b", re.IGNORECASE)
_GAP_WORD = re.compile(r"[^\W\d_]+")  # a phrase's words between a skill and a cue: at most 3


def _innermost(groups: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[int, int] | None:
    """The innermost parenthesised span holding [start, end), if any."""
    best = None
    for a, b in groups:
        if a <= start and end <= b and (best is None or b - a < best[1] - best[0]):
            best = (a, b)
    return best


def _contains(outer: tuple[int, int], inner: tuple[int, int] | None) -> bool:
    return inner is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _clause_cues(clause: str) -> tuple[tuple[tuple[int, int, int, str], ...],
                                       tuple[tuple[int, int], ...]]:
    """The level cues in a clause as (start, end, rank, direction), and its parenthesised
    spans. A direction's pattern runs only if the clause holds one of its words
    (:func:`_cue_words`), all looked for in one pass.

    Not cached here: :class:`Clauses`, made afresh by each extract() call, keeps the cues of
    each clause text for every mention in it and every clause of the same words (per call). A cache at module level would be state shared by
    every thread and every caller of the process, holding text of documents already read; one
    per Extractor would only pay where documents repeat whole clauses, which unseen documents
    do not (the cold benchmark ran as fast without it).

    >>> _clause_cues("Docker (a plus)")
    (((8, 14, 0, 'preferred'),), ((7, 15),))
    """
    lowered = clause.lower()  # the patterns are lowercase: no IGNORECASE scan
    finder = _cue_word_finder()
    present = (finder.groups(lowered) if finder is not None else
               tuple(words is None or any(word in lowered for word in words)
                     for words in _cue_words()))
    cues = tuple((cue.start(), cue.end(), rank, direction)
                 for (pattern, direction, rank), holds in zip(_cue_patterns(), present)
                 if holds for cue in pattern.finditer(lowered))
    groups: list[tuple[int, int]] = []
    stack: list[int] = []
    for bracket in _BRACKET.finditer(clause) if "(" in clause else ():
        if bracket.group() == "(":
            stack.append(bracket.start())
        elif stack:
            groups.append((stack.pop(), bracket.end()))
    return cues, tuple(groups)


_BRACKET = re.compile(r"[()]")


@functools.cache
def _cue_patterns() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """One alternation per direction, built once from the rules file."""
    from .extraction._rules import DIRECTIONS, level_cues

    out = []
    for rank, direction in enumerate(DIRECTIONS):
        for forward in (False, True):  # a forward cue's direction is marked with ">"
            parts = [cue.regex().pattern for cue in level_cues()
                     if cue.direction == direction and cue.forward is forward]
            if parts:
                out.append((re.compile(_bounded_once(parts)), direction + ">" * forward, rank))
    return tuple(out)


def _bounded_once(parts: list[str]) -> str:
    r"""``"|".join(parts)`` with the word boundary that opens each run of ``\b(?:...)\b``
    parts tested once for the run: the same matches (a boundary is a test of the position
    alone, and the parts keep their order), but a position inside a word fails one test, not
    one per cue (cue patterns are tried at every character of a clause).

    >>> print(_bounded_once([r"\b(?:a)\b", r"\b(?:b c)\b", r"(?:\d+)", r"\b(?:d)\b"]))
    \b(?:(?:a)\b|(?:b c)\b)|(?:\d+)|\b(?:(?:d)\b)
    """
    out: list[str] = []
    run: list[str] = []
    for part in parts:
        if part.startswith(r"\b(?:") and part.endswith(r")\b"):
            run.append(part[2:])
            continue
        if run:
            out.append(r"\b(?:" + "|".join(run) + ")")
            run = []
        out.append(part)
    if run:
        out.append(r"\b(?:" + "|".join(run) + ")")
    return "|".join(out)


@functools.cache
def _cue_words() -> tuple[frozenset[str] | None, ...]:
    """For each pattern of :func:`_cue_patterns`, strings one of which every match holds (None
    where that is not known): a clause holding none of them has no cue of that direction, and
    is not scanned (most clauses hold a preferred or required cue word nowhere).

    >>> [sorted(w or ())[:3] for w in _cue_words()][2]  # preferred, preferred forward, required
    ['essential', 'expected', 'mandatory']
    """
    return tuple(required_strings(pattern.pattern) for pattern, _, _ in _cue_patterns())


@functools.cache
def _cue_word_finder() -> Any:
    """One automaton over every direction's words of :func:`_cue_words`, built once from the
    rules; None when a direction has no such words (then each is searched for alone)."""
    from ._phrases import Substrings

    words = _cue_words()
    return None if any(w is None for w in words) else Substrings(w or () for w in words)


def required_strings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    r"""Strings one of which every match of the regular expression ``pattern`` contains, as
    written, or None if no such set is found (a pattern that can match without any fixed text,
    or one this reading does not follow). Only what is certain counts: a branch gives the union
    of its alternatives' strings, an optional part gives nothing, a lookaround nothing. With
    ``flags`` holding IGNORECASE (the flags the pattern is compiled with), only the parts
    marked case-sensitive (``(?-i:...)``) give strings.

    >>> sorted(required_strings(r"\b(?:nice[- ]to[- ]have|good\s+to\s+have)\b"))
    ['good', 'nice']
    >>> required_strings(r"\d+\s*(?:years?)?") is None, required_strings("(?i)plus")
    (True, None)
    >>> sorted(required_strings(r"[A-Z]\w+,?\s+(?-i:Inc|Ltd)\b", re.IGNORECASE))
    ['Inc', 'Ltd']
    """
    return _required_strings(pattern, bool(flags & re.IGNORECASE), False)


def required_lowercase(pattern: str) -> frozenset[str] | None:
    r"""Lowercase ASCII strings one of which the lowercased text holds wherever the regular
    expression ``pattern`` matches an ASCII text, in any case (with IGNORECASE or without);
    None if no such set is found. The test for a case-folded pattern (not for a text with other
    characters: "K", the Kelvin sign, matches "k" when case is ignored).

    >>> sorted(required_lowercase(r"(?:head|Lead)\s+of\s+(?:the\s+)?$"))
    ['head', 'lead']
    """
    return _required_strings(pattern, True, True)


def line_bound(pattern: str, flags: int = 0) -> bool:
    r"""True when every match of the regular expression ``pattern`` lies within one line and
    reads nothing past it: nothing in it can match a line break, and its only assertions are
    word boundaries (which read a line break as the end of a text). Then searching each line
    alone (``finditer(text, line_start, line_end)``) finds what searching the whole text finds.
    False whenever this reading cannot tell.

    >>> line_bound(r"\b[A-Z][\w&-]*[ \t]+(?-i:Inc|Ltd)\b"), line_bound(r"Inc\s+Ltd")
    (True, False)
    >>> line_bound(r"(?<=a)b"), line_bound(r"[^x]"), line_bound(r"a.b"), line_bound("a.b", re.S)
    (False, False, True, False)
    """
    try:
        import importlib

        _parser = importlib.import_module("re._parser")
        tree = _parser.parse(pattern, flags)
        if tree.state.flags & (re.DOTALL | re.MULTILINE) or tree.getwidth()[0] == 0:
            return False
        return _line_bound(tree, _parser)
    except Exception:
        return False


def _line_bound(items: Any, c: Any) -> bool:
    no_break = {c.CATEGORY_DIGIT, c.CATEGORY_WORD, c.CATEGORY_NOT_SPACE,
                c.CATEGORY_NOT_LINEBREAK, c.CATEGORY_UNI_DIGIT, c.CATEGORY_UNI_WORD,
                c.CATEGORY_UNI_NOT_SPACE, c.CATEGORY_UNI_NOT_LINEBREAK}
    for op, av in items:
        if op is c.LITERAL:
            if av == 10:
                return False
        elif op is c.ANY:
            continue  # no DOTALL (checked): never a line break
        elif op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL and value == 10 or kind is c.RANGE and (
                        value[0] <= 10 <= value[1]) or kind is c.CATEGORY and (
                        value not in no_break) or kind not in (c.LITERAL, c.RANGE, c.CATEGORY):
                    return False  # a line break, a class that holds one, a negation
        elif op is c.AT:
            if av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY):
                return False
        elif op is c.SUBPATTERN:
            if av[1] & (re.DOTALL | re.MULTILINE) or not _line_bound(av[3], c):
                return False
        elif op is c.BRANCH:
            if not all(_line_bound(branch, c) for branch in av[1]):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            if not _line_bound(av[2], c):
                return False
        else:
            return False  # lookarounds, back references, conditionals: not read here
    return True


def _required_strings(pattern: str, folded: bool, lowered: bool) -> frozenset[str] | None:
    try:
        import importlib

        _parser = importlib.import_module("re._parser")  # the standard library's own reader
        tree = _parser.parse(pattern)
        if tree.state.flags & re.IGNORECASE and not lowered:
            return None  # case-folded matching: plain substrings would not say
        return _required(tree, _parser, folded, lowered)
    except Exception:  # another Python's reader: no shortcut, every clause is scanned
        return None


def _required(items: Any, parser: Any, folded: bool = False,
              lowered: bool = False) -> frozenset[str] | None:
    """:func:`required_strings` of one parsed sequence: the best set any one of its parts
    requires (runs of literal characters are strings of their own). Where ``folded`` (case
    ignored), a character that has a case is no fixed text; where ``lowered``
    (:func:`required_lowercase`), every ASCII character is, in lowercase."""
    c = parser  # re._parser re-exports the opcodes of re._constants
    best: frozenset[str] | None = None
    run = ""

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is c.LITERAL and (av < 128 if lowered else
                                not (folded and not (av < 128 and not chr(av).isalpha()))):
            run += chr(av).lower() if lowered else chr(av)
            continue
        better(frozenset([run]) if run else None)
        run = ""
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE and not lowered:
                return None
            better(_required(av[3], parser, folded and not av[2] & re.IGNORECASE, lowered))
        elif op is c.BRANCH:
            found = [_required(branch, parser, folded, lowered) for branch in av[1]]
            if all(f for f in found):
                better(frozenset().union(*(f for f in found if f)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            better(_required(av[2], parser, folded, lowered))
    better(frozenset([run]) if run else None)
    return best


class Clauses:
    """The clauses of one text, each worked out once and shared by every mention in it: its
    bounds (a line's clause ends are found once per line), its level cues and parentheses, and
    whether a negation cue or a years phrase may be in it at all.

    Per-call state: extract() makes one for each document and drops it after, so nothing of a
    document stays on a shared Extractor and no two threads share one.

    >>> c = Clauses("Python required, Go preferred; no Java")
    >>> c.bounds(17), c.level_cue(17, 19, c.bounds(17))
    ((0, 30), 'preferred')
    >>> c.negated(34, c.bounds(34)), c.negated(0, c.bounds(0)), c.years(0, 6, c.bounds(0))
    (True, False, None)
    """

    __slots__ = ("text", "_reach", "_ends", "_clauses", "_cues", "_breaks")

    def __init__(self, text: str, reach: int = 400) -> None:
        self.text = text
        self._reach = reach  # a clause is a sentence's worth of words: never more either side
        self._ends: dict[int, list[int]] = {}  # line start -> its clause ends
        self._clauses: dict[tuple[int, int], _Clause] = {}
        self._cues: dict[str, _Cues] = {}  # clause text -> its cues: repeated text scans once
        self._breaks: list[int] | None = None  # offsets of the text's line breaks

    def bounds(self, start: int) -> tuple[int, int]:
        """The clause around ``start``: from the clause end before it to the next one on its
        line (rules/clauses.toml), at most ``reach`` characters either side of ``start``."""
        text = self.text
        breaks = self._breaks
        if breaks is None:  # the line breaks, found once: a search back from each mention
            # was quadratic on a line of a million characters
            breaks = self._breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        i = bisect_left(breaks, start)
        line_start = breaks[i - 1] + 1 if i > 0 else 0
        ends = self._ends.get(line_start)
        if ends is None:
            ends = clause_ends(text, line_start, breaks[i] if i < len(breaks) else len(text))
            self._ends[line_start] = ends
        i = bisect_right(ends, start)
        begin = ends[i - 1] if i > 0 else line_start
        finish = ends[i] if i < len(ends) else ends[-1]
        low, high = start - self._reach, start + self._reach
        return (begin if begin > low else low), (finish if finish < high else high)

    def _clause(self, bounds: tuple[int, int]) -> _Clause:
        found = self._clauses.get(bounds)
        if found is None:
            found = self._clauses[bounds] = _Clause(self.text[bounds[0]:bounds[1]], self._cues)
        return found

    def level_cue(self, start: int, end: int, bounds: tuple[int, int]) -> str | None:
        """:func:`level_cue` for the mention at ``start:end`` of the clause ``bounds``."""
        c0 = bounds[0]
        cues, groups = self._clause(bounds).cues()
        inside = _innermost(groups, start - c0, end - c0) if groups else None
        best: tuple[int, int, str] | None = None
        # the nearest preferred or required cue with no list joint and at most three words
        # between it and the mention: it speaks for the whole phrase, so it beats a nearer
        # intensity cue inside the phrase ("AutoCAD proficiency preferred", "5+ years of Go
        # experience a plus", "Nice to have: strong Go skills"), but not one that qualifies
        # the skill alone in a list ("Strong Python, Docker a plus": Python stays required)
        explicit: tuple[int, str] | None = None
        for cue_start, cue_end, rank, name, group in cues:
            if group is not None and group != inside and not _contains(group, inside):
                continue  # a cue inside parentheses with other words speaks only for them
            cue_start, cue_end = cue_start + c0, cue_end + c0
            if name[-1] == ">":  # a forward cue ("preferably") speaks for what follows it
                if cue_start >= end:
                    continue
                name = name[:-1]
            if cue_start >= end:
                distance = cue_start - end
            elif cue_end <= start:
                distance = start - cue_end
            else:
                continue
            if best is None or (distance, rank, name) < best:
                best = (distance, rank, name)
            if name != "intensity" and (explicit is None or distance < explicit[0]):
                # a parenthesised list is one item of its phrase: the gap is measured from the
                # brackets ("Knowledge of ML frameworks (scikit-learn, pandas) is a plus")
                a, b = (start, end) if inside is None else (inside[0] + c0, inside[1] + c0)
                if not (cue_start >= b or cue_end <= a):
                    a, b = start, end  # the cue is inside the brackets too
                gap = self.text[b:cue_start] if cue_start >= b else self.text[cue_end:a]
                if len(_GAP_WORD.findall(gap)) <= 3 and _LIST_JOINT.search(gap) is None:
                    explicit = (distance, name)
        if best is not None and best[2] == "intensity" and explicit is not None:
            return explicit[1]  # "AutoCAD proficiency preferred": the phrase is preferred
        return best[2] if best else None

    def negated(self, start: int, bounds: tuple[int, int]) -> bool:
        """:func:`is_negated` for the mention at ``start`` of the clause ``bounds``; a clause
        without any forward cue is only asked about a backward one."""
        if self._clause(bounds).flags()[0]:
            return is_negated(self.text, start, bounds[0])
        return _negated_after(self.text, start)

    def years(self, start: int, end: int, bounds: tuple[int, int]) -> float | None:
        """:func:`years_for` the mention at ``start:end``: from its clause when the clause
        speaks of years, else only from just after the mention ("Python (3 yrs)")."""
        if self._clause(bounds).flags()[1]:
            return years_for(self.text, start, end, bounds[0])
        if "y" not in self.text[end:end + 30].lower():
            return None  # what years_for() asks first of the text after the mention
        return years_for(self.text, start, end, start)


_Cues = tuple[tuple[tuple[int, int, int, str], ...], tuple[tuple[int, int], ...]]


class _Clause:
    """What one clause says, worked out on first use (per call, like :class:`Clauses`)."""

    __slots__ = ("text", "_flags", "_cues", "_memo")

    def __init__(self, text: str, memo: dict[str, _Cues] | None = None) -> None:
        self.text = text
        self._memo = {} if memo is None else memo  # shared by the clauses of one Clauses
        self._flags: tuple[bool, bool] | None = None
        self._cues: tuple[tuple[tuple[int, int, int, str, tuple[int, int] | None], ...],
                          tuple[tuple[int, int], ...]] | None = None

    def flags(self) -> tuple[bool, bool]:
        """(may hold a forward negation cue, speaks of years): quick tests that spare the
        rules."""
        if self._flags is None:
            lowered = self.text.lower()
            self._flags = (may_negate(lowered), "year" in lowered or "yr" in lowered)
        return self._flags

    def cues(self) -> tuple[tuple[tuple[int, int, int, str, tuple[int, int] | None], ...],
                            tuple[tuple[int, int], ...]]:
        """The level cues as (start, end, rank, direction, group), where group is the
        parenthesised span a cue speaks for alone (other words share it with the cue), else
        None; and the clause's parenthesised spans."""
        if self._cues is None:
            text = self.text
            found = self._memo.get(text)
            if found is None:
                found = self._memo[text] = _clause_cues(text)
            cues, groups = found
            out = []
            for cue_start, cue_end, rank, name in cues:
                group = _innermost(groups, cue_start, cue_end) if groups else None
                if group is not None and not _ALNUM.search(
                        text[group[0]:cue_start] + text[cue_end:group[1]]):
                    group = None  # "(a plus)" alone speaks for what it follows
                    name = name.rstrip(">")  # "AWS (preferably)" too
                out.append((cue_start, cue_end, rank, name, group))
            self._cues = (tuple(out), groups)
        return self._cues


# "5+ years of Python", "Python (3 yrs)", "3 years of experience with Python and SQL".
_YEARS_THEN = re.compile(
    r"^\s*(?:of|in|with|using|working\s+with|hands[- ]on)?\s*"
    r"(?:(?:professional|relevant|industry|practical|hands[- ]on|working|commercial|"
    r"production|demonstrated|strong)\s+)*(?:experience|exp\.?)?\s*"
    r"(?:(?:with|in|using|of|programming\s+in|developing\s+in|building)\s+)?",
    re.IGNORECASE,
)


def years_for(text: str, start: int, end: int, clause_start: int | None = None) -> float | None:
    """Years the text ties to the mention at ``start:end``, or None.

    Before the mention: a years phrase in the same clause that leads into the mention
    ("5+ years of experience with Python and SQL"). After it: "Python (3 yrs)", "Python - 4 years".
    """
    after = text[end:end + 40]
    found = _YEARS_AFTER.match(after) if "y" in after.lower() else None
    if found and not _LEADS_ON.match(after, found.end()):  # the mention's own years, right
        return _number(found.group(1))  # after it, come first: in "Python (5 years), SQL (3
        # years)" SQL has 3; in "Python, 2 years of SQL" the years lead on to SQL
    c0 = clause_bounds(text, start)[0] if clause_start is None else clause_start
    best: float | None = None
    before = text[c0:start].lower()
    has_years = "year" in before or "yr" in before
    for match in _YEARS.finditer(text, c0, start) if has_years else ():
        gap = text[match.end():start]
        if gap.lstrip()[:1] in (")", ","):
            continue  # the years of the item before ("Python (5 years), SQL"), not a lead-in
        lead = _YEARS_THEN.match(gap)
        rest = gap[lead.end():] if lead else gap
        if len(rest) <= 60 and not _ITEM_BREAK.search(rest):
            best = _number(match.group("n"))
    return best


# what ends a years phrase's reach: a sentence, a clause, or an item of a "|" or bulleted list
# ("Swift — 5 yrs | Objective-C": the 5 years are Swift's)
_ITEM_BREAK = re.compile("[.;:|\u2022\u00b7]")
_LEADS_ON = re.compile(r"\s*(?:of|in|with|using|experience|exp)\b", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"^\s*[(:,\-–—]?\s*(" + _NUM + r")\s*(?:\+)?\s*(?:years?|yrs?)\b", re.IGNORECASE)

_GENERAL_YEARS = re.compile(
    rf"{_NUM_START}(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*{_NUM})?\s*(?:\+|\s*plus)?\s*(?:\(\d+\s*\+?\)\s*)?"
    r"(?:years?|yrs?)(?:'|’)?\s+(?:of\s+)?"
    r"(?:(?:total|professional|relevant|related|industry|work|working|full[- ]time|progressive|"
    r"hands[- ]on|practical|post[- ]graduate|technical|applicable|overall)\s+){0,3}"
    # ... or named by its field: "5+ years of software engineering experience", "3+ years in
    # a data engineering role"
    r"(?:(?:[a-z][\w+#/.-]*\s+){0,3}(?:experience|work\s+experience)\b"
    r"|in\s+(?:an?\s+)?(?:[a-z][\w+#/.-]*\s+){1,3}(?:role|position|capacity)s?\b)",
    re.IGNORECASE,
)


def general_years(text: str) -> list[tuple[float, int]]:
    """Every '5+ years of (relevant) experience' in ``text``: (years, offset)."""
    out: list[tuple[float, int]] = []
    offset = 0
    for line in text.split("\n"):  # only lines that say "year" or "yr" are worth the regex
        lowered = line.lower()
        if "year" in lowered or "yr" in lowered:
            out.extend((_number(m.group("n")), offset + m.start())
                       for m in _GENERAL_YEARS.finditer(line))
        offset += len(line) + 1
    return out


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
# One date, in the forms resumes use: "Jan 2018", "15 Jan 2018", "Jan 15, 2018", "Mar '18",
# "03/2019", "01/15/2019", "2019-03", "2018".
_DATE = (
    r"(?:(?:\d{{1,2}}\s+)?(?P<{p}m>" + _MONTH + r")\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?,?\s*"
    r"(?:(?P<{p}y>" + _YEAR + r")|['’](?P<{p}s>\d\d))"
    r"|(?P<{p}n>\d{{1,2}})\s*[/.\-]\s*(?:\d{{1,2}}\s*[/.\-]\s*)?(?P<{p}ny>" + _YEAR + r")"
    r"|(?P<{p}iy>" + _YEAR + r")[/\-](?P<{p}im>\d{{1,2}})(?!\d)"
    r"|(?P<{p}yy>" + _YEAR + r"))"
)
# A range starts at a digit or a month's name; saying so first lets the engine skip every other
# position cheaply, three times faster on resumes (tests/test_fast_patterns.py checks that the
# matches are the plain pattern's).
_RANGE_START = r"(?=[0-9JFMASONDjfmasond])(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
_RANGE = re.compile(
    _RANGE_START + r"(?<![\d/\-])" + _DATE.format(p="a")
    # a dash or a word between the dates, or only spaces before a month ("Aug 2012  Oct 2013",
    # where a PDF lost the dash; not a line break: "Acme Corp 2005\nJan 2019 - Present")
    + r"(?:\s*(?:-|–|—|to|until|through|till)\s*|[ \t]+(?=" + _MONTH + r"\s*,?\s*\d))(?:"
    + _DATE.format(p="b") + r"|(?P<now>present|current|now|today|date|ongoing))",
    re.IGNORECASE,
)


def _month_index(match: re.Match[str], prefix: str, default_month: int) -> int | None:
    """Months since year 0 of one side of a range; a side without a month takes
    ``default_month`` (January for a start, December for an end)."""
    g = match.group
    if g(f"{prefix}m"):
        month = _MONTHS.get(g(f"{prefix}m")[:3].lower(), default_month)
        year = int(g(f"{prefix}y")) if g(f"{prefix}y") else 2000 + int(g(f"{prefix}s"))
        if not g(f"{prefix}y") and year > 2000 + 69:
            year -= 100  # "'98" is 1998
    elif g(f"{prefix}ny"):
        n = int(g(f"{prefix}n"))
        month, year = (n if 1 <= n <= 12 else default_month), int(g(f"{prefix}ny"))
    elif g(f"{prefix}iy"):
        n = int(g(f"{prefix}im"))
        month, year = (n if 1 <= n <= 12 else default_month), int(g(f"{prefix}iy"))
    elif g(f"{prefix}yy"):
        month, year = default_month, int(g(f"{prefix}yy"))
    else:
        return None
    return year * 12 + month - 1


def experience_years_from_dates(text: str, *, as_of: date,
                                skip: tuple[tuple[int, int], ...] = ()) -> float | None:
    """Total years covered by dated ranges ("Jan 2018 - Present", "2015 - 2019",
    "2018-01 - 2019-12", "Mar '18 - Jun '21", "03/2019 - present"), overlapping jobs counted
    once; ranges that start inside a ``skip`` span (education) are not work.

    >>> experience_years_from_dates("Acme, Jan 2018 - Dec 2019\\nBeta, 2020 - 2021", as_of=date(2024, 1, 1))
    4.0
    >>> experience_years_from_dates("Acme 2018-01 - 2019-12; Beta Mar '18 - Jun '21", as_of=date(2024, 1, 1))
    3.5
    """
    now = as_of.year * 12 + as_of.month - 1
    spans: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        if any(a <= match.start() < b for a, b in skip):
            continue
        begin = _month_index(match, "a", 1)
        finish = now if match.group("now") else _month_index(match, "b", 12)
        if begin is None or finish is None or finish < begin or finish > now + 12:
            continue
        if finish - begin > 50 * 12:
            continue
        spans.append((begin, finish + (0 if match.group("now") else 1)))
    if not spans:
        return None
    spans.sort()
    total = 0
    cur_start, cur_end = spans[0]
    for s, e in spans[1:]:
        if s <= cur_end:
            cur_end = max(cur_end, e)
        else:
            total += cur_end - cur_start
            cur_start, cur_end = s, e
    total += cur_end - cur_start
    return round(total / 12, 1)
