"""Certifications in the curated core: named in full, by acronym, or with their plus sign; a grade
written "A+" and the plain words of a marked name ("network" for Network+) are no certificate."""

from __future__ import annotations

import pytest

from skillmatch import Matcher


def _skills(matcher: Matcher, text: str, kind: str = "resume") -> set[str]:
    return {m.skill for m in matcher.extract(text, kind=kind).mentions}


def test_certification_line(default_matcher: Matcher) -> None:
    text = ("CERTIFICATIONS\nCompTIA A+ certification, CompTIA Network+, Security+, CCNA, "
            "Certified Ethical Hacker (CEH), MCSE, ITIL Foundation\n")
    assert {"comptia-a-plus", "comptia-network-plus", "comptia-security-plus", "ccna", "ceh",
            "mcse", "itil-certification"} <= _skills(default_matcher, text)


def test_posting_levels(default_matcher: Matcher) -> None:
    ex = default_matcher.extract(
        "Requirements:\n- Security+ or CISSP required.\n- PMP or PRINCE2 is a plus.\n",
        kind="posting")
    assert ex.skills["comptia-security-plus"].level == "required"
    assert ex.skills["prince2"].level == "preferred"


@pytest.mark.parametrize("text", [
    "Graduated with an A+ average in mathematics.",
    "Awards: A+ grade in Physics, Dean's list.",
])
def test_a_plus_grade_is_no_certificate(default_matcher: Matcher, text: str) -> None:
    assert "comptia-a-plus" not in _skills(default_matcher, text)


def test_plain_word_is_not_the_marked_name(default_matcher: Matcher) -> None:
    # the fuzzy pass once read "network" as a misspelt "Network+"
    skills = _skills(default_matcher, "Skills: network, security, Linux, cloud")
    assert not skills & {"comptia-network-plus", "comptia-security-plus"}
