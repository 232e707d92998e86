"""The curated core's vocabulary outside machine learning: certifications (named in full, by
acronym, or with their plus sign; a grade written "A+" and the plain words of a marked name are
no certificate), business skills and IT support (taxonomies/ml-engineer/business.toml,
it-operations.toml), and the everyday words among them that count only in technical context."""

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


def test_certificate_plus_set_apart(default_matcher: Matcher) -> None:
    """"Network +" with a space before its plus is still the certificate; "C ++" is not made."""
    text = "Certifications\nCompTIA A+, Network +, Security Plus certified\n"
    assert {"comptia-a-plus", "comptia-network-plus", "comptia-security-plus"} <= _skills(
        default_matcher, text)


def test_lowercase_names_in_a_lowercase_list(default_matcher: Matcher) -> None:
    """A writer who lowercases names ("python", "powerpoint") means Excel, R and Go by
    "excel", "r", "go" in the same list; among capitalised names, or in prose, the lowercase
    word is a word."""
    found = _skills(default_matcher, "Skills\nword, excel, powerpoint, quickbooks\n"
                                     "python, r, sql, go, tableau\n")
    assert {"excel", "r", "go"} <= found
    assert "ms-access" not in _skills(default_matcher,
                                      "Skills\nLinux, access, Excel, mail, Microsoft Office\n")
    assert not {"excel", "go"} & _skills(default_matcher,
                                         "I excel at python, sql and go to meetups weekly.")


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


def test_accountant_resume(default_matcher: Matcher) -> None:
    text = ("SKILLS\nAccount reconciliations, General Ledger, Payroll, Budgeting, US GAAP\n"
            "EXPERIENCE\nPrepared financial statements and bank reconciliations monthly.\n")
    assert {"account-reconciliation", "general-ledger", "payroll", "budgeting", "gaap",
            "financial-statements"} <= _skills(default_matcher, text)


def test_it_support_resume(default_matcher: Matcher) -> None:
    text = ("Technical Skills: help desk, VoIP, Ethernet, RDP, firewalls, OS X, G Suite\n")
    assert {"help-desk", "voip", "ethernet", "remote-desktop", "firewalls", "apple-macos",
            "google-workspace-software"} <= _skills(default_matcher, text)


@pytest.mark.parametrize(("text", "skill"), [
    # everyday words: prose is not a skill
    ("We keep our budgets lean and our payroll on time.", "payroll"),
    ("Our billing team is in Austin.", "invoicing"),
    # equal-opportunity notices list hiring steps, not skills
    ("This policy applies to all terms and conditions of employment, including recruiting, "
     "hiring, placement, promotion, termination, layoff and transfer.", "recruiting"),
    ("Competitive compensation and benefits, learning and development budget.",
     "benefits-administration"),
])
def test_everyday_words_in_prose(default_matcher: Matcher, text: str, skill: str) -> None:
    assert skill not in _skills(default_matcher, text, kind="posting")


# stop 31: general practices whose names are everyday words count as items of a list, not in
# prose about revenue, departments or the application process
@pytest.mark.parametrize(("text", "kind", "skill", "present"), [
    ("Skills\nSales, Customer service, Cash handling\n", "resume", "sales", True),
    ("Resulted in a 70% increase in sales and repeat visits.\n", "resume", "sales", False),
    ("Managed product lines worth $4.5 million in sales.\n", "resume", "sales", False),
    ("Supervised staff; handled hiring, training and scheduling.\n", "resume", "hiring", True),
    ("Pay ranges are discussed during the hiring process.\n", "posting", "hiring", False),
    ("Skills\nRouters, Switches, Firewalls, VPN\n", "resume", "network-routing", True),
    ("Skills\nRouters, Switches, Firewalls, VPN\n", "resume", "network-switching", True),
    ("Set up call routing rules for the support desk.\n", "resume", "network-routing", False),
    ("Wrote web services in C# and scripting in PowerShell.\n", "resume", "web-services", True),
    ("Requirements\n* Experience with pair programming and TDD\n", "posting", "pair-programming",
     True),
])
def test_general_practices(default_matcher: Matcher, text: str, kind: str, skill: str,
                           present: bool) -> None:
    assert (skill in _skills(default_matcher, text, kind)) is present
