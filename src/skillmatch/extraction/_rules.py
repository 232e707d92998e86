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
from typing import Any

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
        cue = LevelCue(entry["name"], entry["pattern"], entry["direction"], _examples(entry))
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
