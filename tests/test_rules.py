"""Every extraction rule in the rules data files, run alone on its own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmatch import Matcher
from skillmatch.extraction._rules import LevelCue, level_cues, voice_rules

TINY = """
[taxonomy]
id = "tiny"
version = "1"

[skill.python]
name = "Python"
category = "language"

[skill.docker]
name = "Docker"
category = "tool"
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A matcher over a two-skill taxonomy, so that each example tests only its cue."""
    path: Path = tmp_path_factory.mktemp("rules") / "tiny.toml"
    path.write_text(TINY, encoding="utf-8")
    return Matcher(taxonomy=str(path), fuzzy=False)


CASES = [(cue.name, text, level) for cue in level_cues() for text, level in cue.examples]


def test_every_cue_has_examples() -> None:
    """A rule without an example is a rule nobody checked."""
    assert all(cue.examples for cue in level_cues())


@pytest.mark.parametrize(("rule", "text", "level"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_level_cue(tiny: Matcher, rule: str, text: str, level: str) -> None:
    """Each level cue gives its example sentence the level the rules file states."""
    ex = tiny.extract(text, kind="posting")
    assert ex.skills, f"rule {rule}: no skill found in {text!r}"
    assert {e.level for e in ex.skills.values()} == {level}, rule


def test_a_bad_direction_is_refused() -> None:
    """A cue's direction is one of the three the extractor knows."""
    assert {c.direction for c in level_cues()} <= {"preferred", "required", "intensity"}
    assert isinstance(level_cues()[0], LevelCue)


VOICE = [(rule.name, text, level) for rule in voice_rules() for text, level in rule.examples]


@pytest.mark.parametrize(("rule", "text", "level"), VOICE, ids=[f"{c[0]}:{c[1]}" for c in VOICE])
def test_voice_rule(tiny: Matcher, rule: str, text: str, level: str) -> None:
    """Each company-voice rule gives its example the level the rules file states ("none": the
    employer speaks of itself, no requirement)."""
    ex = tiny.extract(text, kind="posting")
    assert ex.skills, f"rule {rule}: no skill found in {text!r}"
    assert {e.level or "none" for e in ex.skills.values()} == {level}, rule
