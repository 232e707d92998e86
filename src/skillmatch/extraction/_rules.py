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
from dataclasses import dataclass
from functools import cache
from importlib import resources

DIRECTIONS = ("preferred", "required", "intensity")


@dataclass(frozen=True)
class LevelCue:
    """A requirement-level cue: its name, pattern (lowercase text, whole words), direction,
    and example sentences with the level each must give."""

    name: str
    pattern: str
    direction: str
    examples: tuple[tuple[str, str], ...] = ()

    def regex(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{self.pattern})\b" if self.pattern[:1].isalpha()
                          or self.pattern.startswith("(?:") else rf"(?:{self.pattern})")


@cache
def level_cues() -> tuple[LevelCue, ...]:
    """The level cues of ``rules/level_cues.toml``, in file order."""
    text = resources.files("skillmatch.extraction").joinpath("rules", "level_cues.toml")
    raw = tomllib.loads(text.read_text(encoding="utf-8"))
    cues = []
    for entry in raw["cue"]:
        cue = LevelCue(entry["name"], entry["pattern"], entry["direction"],
                       tuple((e[0], e[1]) for e in entry.get("examples", ())))
        if cue.direction not in DIRECTIONS:
            raise ValueError(f"level cue {cue.name!r}: direction must be one of {DIRECTIONS}")
        cue.regex()  # a bad pattern fails here, when the rules load
        cues.append(cue)
    return tuple(cues)
