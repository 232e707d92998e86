"""The curated core's soft skills (taxonomies/ml-engineer/soft-skills.toml): found where
resumes and postings name them, as a noun phrase or a fixed phrase ("sense of ownership",
"work independently"); a word that is mostly something else in these documents ("initiative",
"integrity", "ownership", "judgment", bare "decision-making") counts only as an item of a list
of skills. The snippets are written for these tests, not taken from the shared documents."""

from __future__ import annotations

import pytest

from skillmatch import Matcher


def _skills(matcher: Matcher, text: str, kind: str = "resume") -> set[str]:
    return {m.skill for m in matcher.extract(text, kind=kind).mentions}


@pytest.mark.parametrize(("text", "expected"), [
    ("Jane Roe\nSkills\nConflict resolution, Team building, Prioritization, Integrity, "
     "Empathy, Creativity, Active listening, Work ethic\n",
     {"conflict-resolution", "team-building", "prioritization", "integrity", "empathy",
      "creativity", "active-listening", "work-ethic"}),
    ("Jane Roe\nSkills\nDecision making, Initiative, Ownership, Resourceful, Results-oriented, "
     "Self-directed, Highly organized\n",
     {"decision-making", "initiative", "accountability", "resourcefulness",
      "results-orientation", "working-independently", "organizational-skills"}),
    ("Summary\nA compassionate nurse and a lifelong learner who builds rapport with patients "
     "and works well under pressure.\n",
     {"empathy", "continuous-learning", "relationship-building", "working-under-pressure"}),
])
def test_soft_skills_in_resumes(default_matcher: Matcher, text: str, expected: set[str]) -> None:
    """Soft skills are read from a skills list and from the fixed phrases of a summary."""
    assert expected <= _skills(default_matcher, text)


def test_interpersonal_skills_are_not_communication_alone(default_matcher: Matcher) -> None:
    """"communication and interpersonal skills" asks for both (it was one alias of
    communication)."""
    found = _skills(default_matcher, "Requirements\n- Strong communication and interpersonal "
                                     "skills\n", "posting")
    assert {"communication", "interpersonal-skills"} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("Requirements\n- Ability to work independently and prioritize competing tasks\n"
     "- Intellectual curiosity and a strong sense of ownership\n",
     {"working-independently", "prioritization", "curiosity", "accountability"}),
    ("Qualifications\n- Sound judgment and a can-do attitude\n- Experience coaching and "
     "mentoring junior analysts\n",
     {"decision-making", "positive-attitude", "coaching", "mentoring"}),
])
def test_soft_skills_asked_by_postings(default_matcher: Matcher, text: str,
                                       expected: set[str]) -> None:
    """A posting's requirements ask for soft skills in the same phrases."""
    assert expected <= _skills(default_matcher, text, "posting")


@pytest.mark.parametrize(("text", "absent"), [
    ("Experience\nLed three AI initiatives and cut the total cost of ownership of the "
     "platform by 20%.\n", {"initiative", "accountability"}),
    ("Experience\nChecked the integrity of the data before each monthly report.\n",
     {"integrity"}),
    ("Experience\nRegistered nurse; used clinical judgment on a busy ward.\n",
     {"decision-making"}),
    ("Requirements\n- Build models that drive data-driven decision-making across the "
     "business\n", {"decision-making"}),
])
def test_ambiguous_soft_words_do_not_count_in_prose(default_matcher: Matcher, text: str,
                                                    absent: set[str]) -> None:
    """A word that mostly names something else is no soft skill in a prose sentence."""
    kind = "posting" if text.startswith("Requirements") else "resume"
    assert not absent & _skills(default_matcher, text, kind)


def test_data_integrity_is_data_governance(default_matcher: Matcher) -> None:
    """"Data integrity" names the data's quality (data governance), not a person's
    integrity."""
    found = _skills(default_matcher, "Skills\nData integrity, SQL, ETL\n")
    assert "data-governance" in found and "integrity" not in found


@pytest.mark.parametrize(("text", "kind", "skill", "present"), [
    ("Skills\nScheduling, Supervision, Flexibility, Payroll\n", "resume", "supervision", True),
    ("Skills\nScheduling, Supervision, Flexibility, Payroll\n", "resume", "adaptability", True),
    ("Worked under the supervision of the head chef.\n", "resume", "supervision", False),
    ("Benefits\nFlexibility to work remotely two days a week.\n", "posting", "adaptability", False),
    ("Trained new employees on the point-of-sale system.\n", "resume", "training-others", True),
    ("Requirements\n* Experience with model training, evaluation and serving\n", "posting",
     "training-others", False),
])
def test_supervision_training_flexibility(default_matcher: Matcher, text: str, kind: str,
                                          skill: str, present: bool) -> None:
    """The training and supervision of people and flexibility (stop 31): their bare words
    count as items of a list; a model's training is no person's."""
    found = {m.skill for m in default_matcher.extract(text, kind=kind).mentions}
    assert (skill in found) is present


def test_a_soft_skills_verb_before_teams_is_done_to_them(default_matcher: Matcher) -> None:
    """"coach teams to be self-accountable" coaches; "our coaching team" is a team."""
    found = {m.skill for m in default_matcher.extract(
        "Encourages and coach teams to be self-accountable.", kind="posting").mentions}
    assert "coaching" in found
    found = {m.skill for m in default_matcher.extract("Join our coaching team.",
                                                      kind="posting").mentions}
    assert "coaching" not in found
