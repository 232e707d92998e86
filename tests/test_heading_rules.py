"""Every section-heading record of ``_headings.toml``, run alone: each phrase, written as a
heading, opens its kind of section."""

from __future__ import annotations

import collections

import pytest

from skillmatch._sections import _LEAD_INS, _SYNONYMS, classify_heading, classify_lead_in, find_sections

CASES = [(kind, phrase) for kind, phrases in _SYNONYMS.items() for phrase in phrases]


def test_a_phrase_names_one_kind() -> None:
    """A phrase listed under two kinds would silently take the later one."""
    kinds = collections.defaultdict(set)
    for kind, phrase in CASES:
        kinds[phrase].add(kind)
    assert {p: k for p, k in kinds.items() if len(k) > 1} == {}


@pytest.mark.parametrize(("kind", "phrase"), CASES, ids=[f"{k}:{p}" for k, p in CASES])
def test_heading_phrase(kind: str, phrase: str) -> None:
    """Title case, capitals and a trailing colon all open the section."""
    for written in (phrase.title(), phrase.upper(), f"{phrase.capitalize()}:"):
        found = classify_heading(written)
        assert found is not None and found[0] == kind, written


def test_highlights_is_the_skills_list_of_a_resume() -> None:
    """In the common resume templates "Highlights" heads the list of skills."""
    text = "Jane Doe\nHighlights\nAutoCAD Solid Mechanics\nThermal Analysis Project management\n"
    assert [s.kind for s in find_sections(text)] == ["preamble", "skills"]


# ---------------------------------------------------------------- lead-in sentences

LEAD_INS = [  # one sentence per record of [[lead_in]], as postings write them
    ("legal", "Examples of accommodations include but are not limited to:"),
    ("apply", "The interview process consists of three stages:"),
    ("benefits", "Full-time employee benefits include the following:"),
    ("preferred", "You'll stand out if you also possess:"),
    ("preferred", "It is a definite plus if:"),  # the plus outranks the ending "if"
    ("requirements", "You may be a great fit for this role if:"),
    ("requirements", "To be successful in this role, you should have:"),
    ("requirements", "Qualities that will help you thrive in this role are:"),
    ("responsibilities", "We're looking for a Machine Learning Engineer to:"),
    ("responsibilities", "As an AI Engineer at Keeper, you will have to:"),
    ("responsibilities", "Responsibilities include, but are not limited to:"),
]


@pytest.mark.parametrize(("kind", "sentence"), LEAD_INS, ids=[s for _, s in LEAD_INS])
def test_lead_in_sentence(kind: str, sentence: str) -> None:
    assert classify_lead_in(sentence, " * Build retrieval pipelines") is not None
    assert classify_lead_in(sentence, " * Build retrieval pipelines")[0] == kind


def test_every_lead_in_record_has_a_case() -> None:
    assert {kind for kind, _, _ in _LEAD_INS} <= {kind for kind, _ in LEAD_INS}


def test_a_lead_in_needs_a_list_after_it() -> None:
    """Prose after the colon is no list: the sentence is not a heading."""
    assert classify_lead_in("You'll stand out if you also have:", "Go and Rust.") is None
    assert classify_lead_in("* You'll stand out if you also have:", "- Go") is None


def test_a_lead_in_may_open_lines_that_lost_their_bullets() -> None:
    """Two short lines after the colon are a list without bullets; a paragraph is not one."""
    assert classify_lead_in("It is a definite plus if:", "You have worked with Kubernetes",
                            "You know Terraform")[0] == "preferred"
    paragraph = "You will build data pipelines with Spark and Kafka " * 3
    assert classify_lead_in("It is a definite plus if:", paragraph, "Docker.") is None
    assert classify_lead_in("It is a definite plus if:", "You know Go", "") is None


def test_a_sentence_is_no_heading_for_the_phrase_it_starts_with() -> None:
    """"You have" opens a requirements heading; "You have worked with Kubernetes" is a
    sentence (a titled line, or one ending in a colon, still counts)."""
    assert classify_heading("You have worked with Kubernetes") is None
    assert classify_heading("We are hiring in Austin") is None
    assert classify_heading("You Have Experience With")[0] == "requirements"
    assert classify_heading("Our team built for good") is not None


def test_lines_without_bullets_under_a_lead_in_take_its_level(default_matcher) -> None:
    text = ("Requirements\n* Python\n\nIt is a definite plus if:\n"
            "You have worked with Kubernetes\nYou know Terraform\n")
    ex = default_matcher.extract(text, kind="posting")
    assert ex.skills["python"].level == "required"
    assert ex.skills["kubernetes"].level == ex.skills["terraform"].level == "preferred"


def test_a_lead_in_sets_the_level_of_its_list(default_matcher) -> None:
    """Skills listed under "stand out if" are preferred, under "to:" asked, even after an
    "About the company" section whose names are the employer's."""
    posting = ("About the company:\n * Industry - AI, Databases\n\n"
               "We're looking for a Machine Learning Engineer to:\n"
               " * Develop and maintain our Kubernetes infrastructure\n\n"
               "Requirements\n * 3+ years of Python\n\n"
               "You'll stand out if you also have:\n * Experience with Rust\n")
    ex = default_matcher.extract(posting, kind="posting")
    assert ex.skills["kubernetes"].level == "required"
    assert ex.skills["python"].level == "required"
    assert ex.skills["rust"].level == "preferred"


def test_a_short_lead_in_is_named_not_other() -> None:
    """A lead-in short enough to look like an unnamed heading is still named by its words."""
    text = ("You'll stand out if you have:\n\u2022 PyTorch\n"
            "You must have:\n\u2022 Python\n")
    assert [s.kind for s in find_sections(text)] == ["preferred", "requirements"]


@pytest.mark.parametrize(("written", "kind"), [
    ("Skill Sets", "skills"), ("Technical Skill", "skills"),
    ("Preferred Qualification:", "preferred"), ("Project", None),
])
def test_heading_in_the_other_number(written: str, kind: str | None) -> None:
    """A heading of two words or more written in the other number than its phrase opens the
    same section; a one-word line only as written ("Project" may be a skills list's item)."""
    found = classify_heading(written)
    assert (found and found[0]) == kind


# ---------------------------------------------------------------- questions as headings

QUESTIONS = [
    ("What’s the role?", "responsibilities"),
    ("What does the day-to-day look like?", "responsibilities"),
    ("What (ideally) do you know?", "preferred"),
    ("Who are you?", "other"),  # a section of its own; its level comes from its words
    ("What's this team like at Etsy?", "other"),
    ("Are you ready to build the future?", None),  # no question word: a sentence
    ("What would it take for a small team of five people to ship a product this good?", None),
]


@pytest.mark.parametrize(("line", "kind"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_question_heading(line: str, kind: str | None) -> None:
    found = classify_heading(line)
    assert (found[0] if found else None) == kind


_ETSY_LIKE = """Company Description

Etsy is the global marketplace for unique and creative goods.

Salary Range

$144,000.00 - $188,000.00

What’s the role?

We are looking for a Machine Learning Engineer II to join the Search team.

What does the day-to-day look like?

 * Conduct A/B experiments to validate ML models and pipelines

Qualities that will help you thrive in this role are:

 * You have experience with machine learning frameworks such as TensorFlow, PyTorch, Kubeflow.
"""


def test_question_headings_end_a_benefits_section(default_matcher) -> None:
    """A question heading closes the salary section before it: what follows is the job, not
    the employer's boilerplate (whose names are asked at no level)."""
    skills = default_matcher.extract(_ETSY_LIKE, kind="posting").skills
    for skill in ("tensorflow", "pytorch", "kubeflow", "ab-testing"):
        assert skills[skill].level == "required", skill


INLINE = [  # a lead-in's phrase before a colon, the list on the same line
    ("You will need: AutoCAD and the IBC", "requirements"),
    ("You will: build and ship models", "responsibilities"),
    ("Would be a bonus: exposure to LabVIEW", None),  # its cue speaks for its own clause
    ("Note: we use Go", None),
]


@pytest.mark.parametrize(("line", "kind"), INLINE, ids=[q for q, _ in INLINE])
def test_inline_lead_in(line: str, kind: str | None) -> None:
    found = classify_heading(line)
    assert (found[0] if found else None) == kind


def test_an_inline_lead_in_ends_a_preferred_section(default_matcher) -> None:
    text = ("Ideally you'll have:\n- Revit modeling\n- LEED Green Associate credential\n"
            "You will need: AutoCAD and a working knowledge of the IBC\n")
    skills = default_matcher.extract(text, kind="posting").skills
    assert skills["autodesk-revit"].level == "preferred"
    assert skills["autocad"].level == "required"


def test_a_desired_list_alone_is_the_requirements(default_matcher) -> None:
    """Rule desired-alone: a posting whose only list is headed "Desired Skills and Experience"
    asks for its skills; beside a requirements list the same heading is preferred."""
    alone = ("THE ROLE\nBuild forecasting models for retail clients.\n\n"
             "DESIRED SKILLS AND EXPERIENCE\n- Python\n- SQL\n")
    assert [s.kind for s in find_sections(alone)] == ["responsibilities", "requirements"]
    ex = default_matcher.extract(alone, kind="posting")
    assert ex.skills["python"].level == ex.skills["sql"].level == "required"
    beside = "Requirements\n- Python\n\nDesired Skills\n- SQL\n"
    assert [s.kind for s in find_sections(beside)] == ["requirements", "preferred"]
    ex = default_matcher.extract(beside, kind="posting")
    assert (ex.skills["python"].level, ex.skills["sql"].level) == ("required", "preferred")
    plus = "THE ROLE\nBuild models.\n\nNice to have\n- SQL\n"
    assert [s.kind for s in find_sections(plus)] == ["responsibilities", "preferred"]
