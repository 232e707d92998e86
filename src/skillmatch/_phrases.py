"""The spaCy side of extraction: a blank English tokenizer and PhraseMatchers from a taxonomy.

spaCy lives here and nowhere else. Two matchers: ``LOWER`` for ordinary aliases and ``ORTH``
for the forms whose case carries meaning ("R", "Go", "C"). A fast regular-expression pass
(:class:`CandidateFinder`) picks the lines worth tokenising, so spaCy never sees the prose that
names no skill.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .taxonomy import DEGREE_CATEGORIES, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class RawMatch(NamedTuple):
    """A matcher hit: token and character spans within one segment, and the form matched."""

    skill: str
    form: str
    start: int  # character offsets in the segment
    end: int
    token_start: int
    token_end: int
    exact: bool


def blank_pipeline() -> Language:
    """``spacy.blank("en")`` with brackets split off words ("Python(3" -> "Python", "(", "3")."""
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes or ()) + [r"[\(\)\[\]\{\}]",
                                                  r"(?<=[a-zA-Z])[|•·](?=[a-zA-Z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


class PhraseMatchers:
    """The taxonomy's surface forms as spaCy PhraseMatchers, one for skills, one for degrees."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp or blank_pipeline()
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.degree_ids = frozenset(s.id for s in taxonomy if s.category in DEGREE_CATEGORIES)
        lower: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        for skill in taxonomy:
            degree = skill.category in DEGREE_CATEGORIES
            forms = lower.setdefault(skill.id, [])
            for form in skill.aliases:
                forms.append(form)
                if " " in form.strip() and not degree:  # "amazon-web-services", tag style
                    forms.append("-".join(form.split()))
            if skill.exact:
                exact[skill.id] = list(skill.exact)
        for matcher, by_skill in ((self.lower, lower), (self.exact, exact)):
            for skill_id, forms in by_skill.items():
                if forms:
                    matcher.add(skill_id, list(self._tokenizer.pipe(forms)))

    @property
    def _tokenizer(self) -> Any:
        return self.nlp.tokenizer

    def tokenize(self, texts: Iterable[str]) -> Iterator[Doc]:
        docs: Iterator[Doc] = self._tokenizer.pipe(texts, batch_size=256)
        return docs

    def windows(self, text: str, windows: list[tuple[int, int, int]]
                ) -> Iterator[tuple[int, int, Any, list[RawMatch], list[RawMatch]]]:
        """Match the stretches of ``text`` given as (segment, start, end) in one spaCy pass.

        The stretches are joined by blank lines into one Doc (a phrase never spans a line
        break), matched once, and handed back one by one as (segment, start, Span of the
        stretch, skill hits, degree hits), offsets relative to the stretch.
        """
        from bisect import bisect_left

        from spacy.attrs import IDX, LENGTH

        if not windows:
            return
        pieces: list[str] = []
        starts: list[int] = []
        position = 0
        for _, a, b in windows:
            starts.append(position)
            pieces.append(text[a:b])
            position += b - a + 2
        joined = "\n\n".join(pieces)
        doc = next(iter(self.tokenize([joined])))
        columns = doc.to_array([IDX, LENGTH])
        token_idx = columns[:, 0].tolist()
        token_end = (columns[:, 0] + columns[:, 1]).tolist()
        bounds = [(bisect_left(token_idx, base), bisect_left(token_idx, base + (b - a)))
                  for base, (_, a, b) in zip(starts, windows)]
        grouped: list[tuple[list[RawMatch], list[RawMatch]]] = [([], []) for _ in windows]
        strings = doc.vocab.strings
        degree_ids = self.degree_ids
        for matcher, exact in ((self.lower, False), (self.exact, True)):
            for key, ts, te in matcher(doc):
                skill = strings[key]
                start, end = token_idx[ts], token_end[te - 1]
                w = bisect_right(starts, start) - 1
                base, t0 = starts[w], bounds[w][0]
                grouped[w][1 if skill in degree_ids else 0].append(RawMatch(
                    skill, joined[start:end], start - base, end - base, ts - t0, te - t0, exact))
        for w, (index, a, _) in enumerate(windows):
            skills, degrees = grouped[w]
            yield index, a, _LazySpan(doc, *bounds[w]), skills, degrees


class _LazySpan:
    """The tokens of one stretch, made into a spaCy Span only if a rule needs to look at them
    (most stretches hold only unambiguous names and never do)."""

    __slots__ = ("_doc", "_start", "_end", "_span")

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        self._doc, self._start, self._end = doc, start, end
        self._span: Any = None

    def get(self) -> Any:
        if self._span is None:
            self._span = self._doc[self._start:self._end]
        return self._span


def longest_first(matches: list[RawMatch]) -> list[RawMatch]:
    """Non-overlapping matches: longer spans win, then case-insensitive over exact, then leftmost."""
    if len(matches) < 2:
        return list(matches)
    chosen: list[RawMatch] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.exact, m.start, m.skill)):
        cells = set(range(match.token_start, match.token_end))
        if cells & taken:
            continue
        taken |= cells
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


class CandidateFinder:
    """A fast pass: which parts of a text might hold a surface form at all.

    One regular expression over the lowercased text, its alternatives arranged as a trie so
    that each position tries only the branches that start with its character.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        keys = sorted({f.lower() for f in forms if f.strip()})
        self.pattern = re.compile(r"(?<![a-z0-9])(?:" + _trie_regex(keys) + r")(?![a-z0-9])")

    def hits(self, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of every candidate in ``lowered``."""
        return [match.span() for match in self.pattern.finditer(lowered)]


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ending = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ending else body

    return build(trie)
