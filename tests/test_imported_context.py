"""Context rules for names from the imported layers (O*NET, ESCO) that are also English words:
they count only with list evidence, and the evidence must be a real list."""

from __future__ import annotations

import pytest

from skillmatch import Matcher


def _found(matcher: Matcher, text: str) -> dict[str, str]:
    return {m.skill: m.rule for m in matcher.extract(text, kind="resume").mentions}


@pytest.mark.parametrize(("text", "skill", "rule"), [
    # names that vouch for one another: no sure skill in the run (rule list-of-names)
    ("Browsers: Internet Explorer, Firefox, Chrome, Safari", "google-chrome", "list-of-names"),
    # a version after the name (rule version-after)
    ("Dos , Windows 9.x , XP", "microsoft-windows", "version-after"),
    ("Upgraded the office from Windows 7 to Windows 10.", "microsoft-windows", "version-after"),
    # in a later stretch of the document, where token offsets count in the whole text
    ("SUMMARY\nI write Python every day at work for many years now.\n\nHIGHLIGHTS\n"
     "Dos , Windows 9.x , XP\n", "microsoft-windows", "version-after"),
    # a lowercase name after an item's first word is no tail of a longer name
    ("Skills\nDetailed report writing\nTeam Leader\n", "report-writing", "skills-section-item"),
    # a CamelCase word of a longer name written apart
    ("Source Controls: Team Foundation Server, GitHub, Visual Source Safe",
     "microsoft-visual-sourcesafe", "exact"),
])
def test_imported_name_in_a_list_counts(default_matcher: Matcher, text: str, skill: str,
                                        rule: str) -> None:
    assert _found(default_matcher, text).get(skill) == rule


@pytest.mark.parametrize(("text", "skill"), [
    ("I polished the chrome trim on a safari, then cleaned the windows.", "google-chrome"),
    ("I polished the chrome trim on a safari, then cleaned the windows.", "apple-safari"),
    # a name before a parenthesis heads its examples; it is not one of them
    ("Collaborate with other IT infrastructure teams (Linux, WinOps, SecOps)", "microsoft-teams"),
    # the tail of a longer title-case name is not the product
    ("Information Assurance/Network Security, 01/2006 to 2010", "sungard-assurance"),
    # an imported name lends no head to a list ("media plan maintenance, contract management")
    ("daily reporting, media plan maintenance, contract management, client services",
     "maintenance-management"),
    ("Firefox, Chrome", "google-chrome"),  # two names are not yet a list
])
def test_imported_name_in_prose_does_not_count(default_matcher: Matcher, text: str,
                                               skill: str) -> None:
    assert skill not in _found(default_matcher, text)


def test_a_line_that_runs_on_is_no_item(default_matcher: Matcher) -> None:
    """A skills-section line whose phrase the layout broke ("Project\\nmanagement") is not an
    item of its own; a one-name line is."""
    broken = "Skills\nBusiness\nrequirements\nmatrixes\nProject\nmanagement\nSuperb"
    assert "microsoft-project" not in _found(default_matcher, broken)
    assert _found(default_matcher, "Skills\nExcel\nProject\nVisio").get(
        "microsoft-project") == "skills-section-item"


def test_capitalised_acronym_is_not_ambiguous(default_matcher: Matcher) -> None:
    """An imported acronym whose letters are no everyday word counts in prose when written in
    capitals ("VPN"), not in lowercase."""
    assert "virtual-private-networking-vpn-software" in _found(
        default_matcher, "Set up VPN connectivity for the remote offices.")
    assert "virtual-private-networking-vpn-software" not in _found(
        default_matcher, "set up vpn connectivity for the remote offices.")


def test_a_list_wrapped_by_the_page_is_one_list(default_matcher: Matcher) -> None:
    """A list the PDF wrapped onto the next line is still one list (rule list-of-names), and a
    name glued inside a hyphenated item ("non-patient billing") is no item of its own."""
    text = ("Managed departments which provided accounts payable, accounting, financial "
            "reporting, non-patient billing,\npayroll, tax and treasury services.")
    found = _found(default_matcher, text)
    assert {found.get(s) for s in ("accounts-payable", "financial-reporting", "payroll")} == {
        "list-of-names"}
    assert "patient-billing" not in found
    # a new sentence on the next line starts a new segment
    assert "payroll" not in _found(default_matcher, "Provided accounts payable, billing.\n"
                                                    "Payroll was outsourced.")


def test_a_name_the_page_wrapped_reads_whole(default_matcher: Matcher) -> None:
    """A name broken by a wrapped line is one name ("statistical\\nmethods"), at its offsets."""
    text = "Trained others in the use of quality tools and statistical\nmethods for decisions."
    found = [m for m in default_matcher.extract(text, kind="resume").mentions
             if m.skill == "statistics"]
    assert [m.text for m in found] == ["statistical\nmethods"]


def test_a_misspelt_product_name_in_a_qualifications_list(default_matcher: Matcher) -> None:
    """A long imported product name misspelt on a short line of a resume's qualifications is
    found by the fuzzy pass; the rejected word inside it ("DOORS") does not hide it."""
    text = ("Qualifications\nMicrosoft Project\nMicrosoft Visio\nIBM Rationale DOORS\n"
            "Risk Analysis\n")
    found = _found(default_matcher, text)
    assert found.get("ibm-rational-doors") == "fuzzy"
