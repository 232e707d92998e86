"""Roles: the occupation a job title names, through O*NET's alternate titles.

A posting's title ("Sr. ML Engineer - Forecasting") and a resume's headline or latest job title
("INFORMATION TECHNOLOGY SPECIALIST") are looked up in a table of the titles people write,
each mapped to O*NET-SOC occupations (``taxonomies/generated/onet-titles.tsv.gz``, made from
O*NET 29.2 ``Alternate Titles.txt`` and ``Occupation Data.txt`` by :func:`build_title_table`).
The longest title found in a line wins; abbreviations ("ML", "Sr.") are spelled out first, by
the records in ``extraction/rules/title_abbreviations.toml``. Two roles are as close as their occupations are in the SOC
hierarchy (:func:`role_similarity`).

>>> index = RoleIndex.bundled()
>>> index.find("Senior Data Scientist, Growth").occupations
('15-2051.00',)
>>> round(role_similarity(index.find("ML Engineer").occupations,
...                       index.find("Data Scientist").occupations), 2)
0.5
"""

from __future__ import annotations

import csv
import gzip
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ._documents import Document
from ._pickling import ReadOnlyPickling

_TABLE = "onet-titles.tsv.gz"
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
_MARKUP = re.compile(r"[*_#`]+")  # Markdown emphasis and headings, left out of the shown line
_MAX_WORDS = 6  # the longest title looked up, in words
_HEADLINE_LINES = 4  # a resume's headline is among its first lines (after the name)
_EXPERIENCE_LINES = 4  # the latest job title is among the first lines of its experience section
_MAX_LINE_WORDS = 14  # longer lines are prose, not titles
# A title that names more occupations than this says too little to compare ("Engineer": 37,
# from civil to locomotive): it is treated as no title found, so the role stays unknown.
# Measured: 11 (letting "Data Analyst", "Systems Engineer" compare) cost the relevance set's
# NDCG@10 0.805 -> 0.795.
_MAX_OCCUPATIONS = 8
# SOC codes are "15-2051.00": major group "15", minor "15-2", broad "15-205", detailed "15-2051".
# Credit for sharing each level, most specific first (chosen by hand, ordered by closeness).
_LEVELS = ((7, 1.0), (6, 0.75), (4, 0.5), (2, 0.25))


@dataclass(frozen=True, slots=True)
class Role:
    """A job title found in a document and the occupations it names.

    ``title`` is the matched title as the table spells it; ``start``/``end`` are offsets of the
    line it was found in."""

    title: str
    occupations: tuple[str, ...]
    line: str
    start: int
    end: int

    @property
    def vague(self) -> bool:
        """The title names too many occupations to say which role it is ("Data Analyst": 9):
        found, shown, but not compared.

        >>> Role("engineer", tuple(f"17-{i:04d}.00" for i in range(37)), "Engineer", 0, 8).vague
        True
        """
        return len(self.occupations) > _MAX_OCCUPATIONS


def role_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How close two sets of occupations are: the mean, over every pair, of the credit for the
    most specific SOC level the two share (a vague title naming many occupations is far from
    everything).

    >>> role_similarity(("15-2051.00",), ("15-2051.00",))
    1.0
    >>> role_similarity(("15-2051.00",), ("15-1252.00",))  # same major group only
    0.25
    >>> role_similarity(("15-2051.00",), ("13-2011.00",))
    0.0
    >>> role_similarity(("15-2041.00", "15-2051.00"), ("15-2051.00", "15-2041.00"))
    1.0
    """
    if not a or not b:
        return 0.0
    if set(a) == set(b):
        return 1.0  # the same title (or the same occupations): the same role
    total = 0.0
    for x in a:
        for y in b:
            total += next((credit for n, credit in _LEVELS if x[:n] == y[:n]), 0.0)
    return total / (len(a) * len(b))


class RoleIndex(ReadOnlyPickling):
    """Title -> occupations, with the abbreviations to spell out before looking up."""

    def __init__(self, titles: Mapping[str, tuple[str, ...]],
                 abbreviations: Mapping[str, str], ranks: Iterable[str] = (),
                 engagement: Iterable[str] = ()) -> None:
        self._abbreviations = abbreviations
        self._engagement = frozenset(engagement)
        self._ranks = frozenset(ranks)
        spelled: dict[str, tuple[str, ...]] = {}  # "ai engineer" is also found as "artificial intelligence engineer"
        for title, codes in titles.items():
            long = " ".join(self._spellings(title)[-1])
            if long != title and long not in titles:
                spelled[long] = tuple(sorted({*spelled.get(long, ()), *codes}))
        self._titles = {**titles, **spelled}

    @classmethod
    def bundled(cls) -> RoleIndex:
        """The index of the bundled O*NET title table (loaded once per process, ~0.2 s)."""
        return _bundled_index()

    def _spellings(self, text: str) -> list[list[str]]:
        """The line's words as written (without words of engagement: "co-op", "intern"), with
        abbreviations spelled out, and "<head> of <field>" turned round ("Director of
        Engineering" -> "engineering director")."""
        raw = [w for w in _WORD.findall(text.lower()) if w not in self._engagement]
        spelled: list[str] = []
        for word in raw:
            spelled.extend(self._abbreviations.get(word, word).split())
        out = [raw, spelled] if spelled != raw else [raw]
        for words in list(out):  # the turned-round spellings come last
            if "of" in words[1:-1]:
                k = words.index("of", 1)
                out.append(words[k + 1:] + words[:k])
        return out

    def find(self, line: str) -> Role | None:
        """The longest known title in ``line`` in any of its spellings (ties: the last one, as
        titles end lines: "Data Analyst / Data Scientist"), or None (also for a :attr:`Role.vague`
        title, which says too little to compare). A one-word title counts
        only at the start or after a rank ("Senior", "Staff"): in "Digital Media Intern" the
        field before it says more than the word does, and the table does not know the whole.

        >>> RoleIndex.bundled().find("Staff Accountant 01/2015 to Current").title
        'staff accountant'
        >>> RoleIndex.bundled().find("Digital Media Intern") is None
        True
        >>> RoleIndex.bundled().find("Director of Information Technology").title
        'information technology director'
        """
        role = self._any_title(line)
        return None if role is None or role.vague else role

    def _any_title(self, line: str) -> Role | None:
        """:meth:`find`'s title, a :attr:`Role.vague` one too."""
        best: tuple[int, str] | None = None
        for words in self._spellings(line):
            if not words or len(words) > _MAX_LINE_WORDS + 6:
                continue
            for n in range(min(_MAX_WORDS, len(words)), 0, -1):
                if best is not None and n <= best[0]:
                    break
                for i in range(len(words) - n + 1):
                    title = " ".join(words[i:i + n])
                    if title in self._titles and (n > 1 or i == 0 or words[i - 1] in self._ranks):
                        best = (n, title)
        if best is None:
            return None
        return Role(best[1], self._titles[best[1]], line.strip(), 0, 0)

    def posting_role(self, document: Document) -> Role | None:
        """A posting's title: its first non-empty line, when that line names a role (maybe a
        :attr:`Role.vague` one, which is shown but not compared)."""
        for start, end, line in _lines(document.text, 0, len(document.text), limit=1):
            return self._in_line(line, start, end)
        return None

    def resume_role(self, document: Document) -> Role | None:
        """A resume's role: its headline (one of the first lines before any section), else the
        latest job title (the first lines of its experience section); a :attr:`Role.vague`
        title only when neither names a clearer one."""
        heads = [s for s in document.sections if s.kind != "preamble"]
        first = heads[0].start if heads else len(document.text)
        spans = [(0, first, _HEADLINE_LINES)] + [
            (s.start, s.end, _EXPERIENCE_LINES) for s in document.sections
            if s.kind == "experience"][:1]
        vague: Role | None = None
        for a, b, limit in spans:
            for start, end, line in _lines(document.text, a, b, limit=limit):
                role = self._in_line(line, start, end)
                if role is not None and not role.vague:
                    return role
                vague = vague or role
        return vague

    def _in_line(self, line: str, start: int, end: int) -> Role | None:
        if len(line.split()) > _MAX_LINE_WORDS:
            return None
        role = self._any_title(line)
        if role is None:
            return None
        return Role(role.title, role.occupations, _MARKUP.sub("", role.line).strip(), start, end)


def _lines(text: str, a: int, b: int, *, limit: int) -> Iterable[tuple[int, int, str]]:
    """Up to ``limit`` non-empty lines of ``text[a:b]`` with their offsets."""
    seen = 0
    pos = a
    while pos < b and seen < limit:
        end = text.find("\n", pos, b)
        end = b if end < 0 else end
        line = text[pos:end]
        if line.strip():
            seen += 1
            yield pos, end, line
        pos = end + 1


@cache
def _bundled_index() -> RoleIndex:
    """Built once per process; two threads that first ask together both build it, harmlessly
    (the table is read-only data)."""
    folder = _generated_dir()
    with gzip.open(folder / _TABLE, "rt", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        titles = {row[0]: tuple(row[1].split(",")) for row in rows if not row[0].startswith("#")}
    rules_file = resources.files("skillmatch").joinpath("extraction", "rules",
                                                        "title_abbreviations.toml")
    rules = tomllib.loads(rules_file.read_text(encoding="utf-8"))
    abbreviations = {r["short"]: r["long"] for r in rules["abbreviation"]}
    return RoleIndex(MappingProxyType(titles), MappingProxyType(abbreviations),
                     rules["ranks"]["words"], rules["engagement"]["words"])


def _generated_dir() -> Path:
    from .taxonomy._load import _bundled_dir

    return Path(str(_bundled_dir())) / "generated"


# ------------------------------------------------------------------------------ the importer


def build_title_table(onet_folder: Path, out: Path) -> int:
    """Write the title table from an O*NET 29.2 folder: every alternate title, short title and
    occupation title (plural and singular), lower-cased, -> its O*NET-SOC codes. Returns the
    number of titles written.

    Regenerate with ``python -c "from skillmatch._roles import build_title_table as b;
    from pathlib import Path as P; b(P('<O*NET 29.2 folder>'),
    P('taxonomies/generated/onet-titles.tsv.gz'))"``.
    """
    titles: dict[str, set[str]] = {}

    def add(title: str, code: str) -> None:
        key = " ".join(_WORD.findall(title.lower()))
        if key and key != "n a":
            titles.setdefault(key, set()).add(code)

    with open(onet_folder / "Alternate Titles.txt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            add(row["Alternate Title"], row["O*NET-SOC Code"])
            add(row["Short Title"], row["O*NET-SOC Code"])
    with open(onet_folder / "Occupation Data.txt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            title, code = row["Title"], row["O*NET-SOC Code"]
            add(title, code)
            if title.endswith("s") and " and " not in title and "," not in title:
                add(title[:-1], code)  # "Data Scientists" -> "Data Scientist"
    lines = ["# Generated from O*NET 29.2 (Alternate Titles.txt, Occupation Data.txt) by "
             "skillmatch._roles.build_title_table; do not edit. Licence: see NOTICE.\n"]
    lines.extend(f"{key}\t{','.join(sorted(titles[key]))}\n" for key in sorted(titles))
    # mtime=0: the same bytes on every run
    out.write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    return len(titles)
