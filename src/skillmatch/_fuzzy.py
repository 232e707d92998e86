"""Spelling variants with rapidfuzz: "Tensorflw", "Kubernets", "Scikitlearn".

Only words that no alias matched, in lines that read like lists of skills, are compared,
and only against aliases of about the same length: a document costs a few hundred string
comparisons, not every n-gram against every alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Words that look like a skill's misspelling but are ordinary English or resume vocabulary.
_COMMON = frozenset("""
pearl scale scales spring sparks spark hire hires hired hive java javas excel excels access
server servers service services python pythons shell shells chef chefs rust ruby swift julia
basic basics pascal logo alpha beta delta gamma react reacts reaction flask flasks agile
matrix vector tensor tensors kernel kernels linear cluster clusters docker dockers
notebook notebooks jupiter mango mongo oracle oracles jenkins hadley stats statistic
design designs python3 latex lattice lambda lambdas scalar scalars pandas panda numpy
openapi embedded monitoring testing modeling modelling engineering learning analytics
""".split())


@dataclass(frozen=True, slots=True)
class FuzzyHit:
    skill: str
    text: str
    start: int
    end: int
    score: float


class FuzzyMatcher:
    """Find near-misses of aliases among candidate words.

    >>> fm = FuzzyMatcher({"tensorflow": "tensorflow", "kubernetes": "kubernetes"})
    >>> [(h.skill, h.text) for h in fm.find("Tools: Tensorflw, Kubernets, Excel", [(7, 16), (18, 27), (29, 34)])]
    [('tensorflow', 'Tensorflw'), ('kubernetes', 'Kubernets')]

    A name's mark (+, #) is part of it: "network" is no misspelt "Network+".

    >>> fm = FuzzyMatcher({"network+": "comptia-network-plus", "comptia a+ certification": "a+"})
    >>> [h.text for h in fm.find("network, Networkk+, CompTIA certification", [(0, 7), (9, 18), (20, 41)])]
    ['Networkk+']
    """

    def __init__(self, aliases: dict[str, str], *, score_cutoff: float = 90.0,
                 min_length: int = 6) -> None:
        self.score_cutoff = score_cutoff
        self.min_length = min_length
        # Only aliases long enough to misspell, without spaces trimmed away: "sci kit learn".
        self._by_length: dict[tuple[int, str], list[tuple[str, str]]] = {}
        self._pools: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
        self._multiword: set[str] = set()
        self._skill_of: dict[str, str] = {}  # squashed alias -> skill, for swapped letters
        for alias, skill in aliases.items():
            key = _squash(alias)
            if len(key) >= min_length:
                self._by_length.setdefault((len(key), key[0]), []).append((key, skill))
                self._skill_of.setdefault(key, skill)
                if len(alias.split()) > 1:
                    self._multiword.add(key)
        # Aliases within two characters of a length that begin with a letter: (keys, skill
        # ids). A different first letter is a different word far more often than a typo, so
        # only aliases of the key's own first letter are compared.
        for length, first in {(n + d, f) for n, f in self._by_length for d in range(-2, 3)}:
            pairs = [c for n in range(length - 2, length + 3)
                     for c in self._by_length.get((n, first), [])]
            self._pools[(length, first)] = ([k for k, _ in pairs], [sid for _, sid in pairs])

    def find(self, text: str, spans: Iterable[tuple[int, int]]) -> list[FuzzyHit]:
        """Best alias for each candidate span of ``text`` whose ratio clears the cutoff.

        Candidates are grouped by length and first letter and scored in one ``cdist`` call
        per group.
        """
        from rapidfuzz import fuzz, process

        groups: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        for start, end in spans:
            key = _squash(text[start:end])
            if len(key) < self.min_length or key in _COMMON or not re.search(r"[a-z]", key):
                continue
            groups.setdefault((len(key), key[0]), []).append((start, end, key))
        hits: list[FuzzyHit] = []
        for (length, first), queries in groups.items():
            keys, skills = self._pools.get((length, first), ((), ()))
            if not keys:
                continue
            scores = process.cdist([q for _, _, q in queries], keys, scorer=fuzz.ratio,
                                   score_cutoff=self.score_cutoff, workers=1)
            for row, (start, end, key) in zip(scores, queries):
                index = int(row.argmax())
                score = float(row[index])
                if score < self.score_cutoff:
                    swapped = self._swapped(key)
                    if swapped is not None and _acronyms_kept(text[start:end], swapped):
                        hits.append(FuzzyHit(self._skill_of[swapped], text[start:end], start, end,
                                             fuzz.ratio(key, swapped)))
                    continue
                alias = keys[index]
                if score < 100 and alias in self._multiword and (
                        alias.startswith(key) or alias.endswith(key)):
                    continue  # one word of a phrase ("monitoring" of "ML monitoring") is not it
                if score < 100 and _MARK.findall(alias) != _MARK.findall(key):
                    continue  # a name's mark is written: "network" is not "Network+"
                if score < 100 and not _acronyms_kept(text[start:end], alias):
                    continue  # "CPR Certification" is no misspelt "CFP certification"
                hits.append(FuzzyHit(skills[index], text[start:end], start, end, score))
        hits.sort(key=lambda h: h.start)
        return hits

    def _swapped(self, key: str) -> str | None:
        """The alias that ``key`` spells with two neighbouring letters swapped, the commonest
        typing slip ("pyhton", "kuberentes"): one edit, which the ratio scores as two, so a
        short name's slip falls under the cutoff. The first letter stays, as above.

        >>> FuzzyMatcher({"python": "python"})._swapped("pyhton")
        'python'
        """
        skill_of = self._skill_of
        for i in range(1, len(key) - 1):
            a, b = key[i], key[i + 1]
            if a != b:
                swapped = f"{key[:i]}{b}{a}{key[i + 2:]}"
                if swapped in skill_of:
                    return swapped
        return None


_MARK = re.compile(r"[+#]")
# a word in capitals, or a short word without a vowel in any case ("Cpr", "Hvac"): letters
# that stand for words, not a word of its own that a typo could misspell
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,}|[A-Za-z](?:(?![aeiouyAEIOUY])[A-Za-z]){1,4})\b")


def _acronyms_kept(written: str, alias: str) -> bool:
    """Each word written in capitals ("CPR", "CA") is in the alias as it stands: an acronym's
    letters are its identity, so a one-letter difference names another thing, never a typo.

    >>> _acronyms_kept("CPR Certification", "cfpcertification"), _acronyms_kept(
    ...     "CFP Certifcation", "cfpcertification")
    (False, True)
    >>> _acronyms_kept("Cpr Certification", "cfpcertification")
    False
    """
    return all(word.lower() in alias for word in _ACRONYM.findall(written))


def _squash(text: str) -> str:
    """Lowercase without spaces, hyphens and dots: 'Sci-Kit Learn' -> 'scikitlearn'."""
    return re.sub(r"[\s\-_.]+", "", text.lower())
