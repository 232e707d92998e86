"""A paragraph of prose in which the employer describes itself names no requirement, under an
overview or summary too; a bullet list of duties is read item by item; a sentence about the
job stays a requirement. Postings written for these tests (after the corpus's shapes)."""

from __future__ import annotations

from skillmatch import Matcher


def _levels(matcher: Matcher, text: str) -> dict[str, str | None]:
    return {m.skill: m.level for m in matcher.extract(text, kind="posting").mentions}


def test_a_company_paragraph_under_overview_asks_nothing(default_matcher: Matcher) -> None:
    levels = _levels(default_matcher, (
        "Overview\n\nAcme Gov is a rapidly growing technology leader that puts service first "
        "for its customers. Acme Gov harnesses DevSecOps and Agile development processes to "
        "deliver results.\n\nQualifications\n\n * 3+ years of Python\n"))
    assert levels["devops"] is None and levels["agile"] is None
    assert levels["python"] == "required"


def test_bulleted_duties_before_any_heading_stay_required(default_matcher: Matcher) -> None:
    levels = _levels(default_matcher, (
        " * Design and maintain data pipelines to support our data-driven initiatives.\n"
        " * Maintain the MLOps infrastructure for the ML pipelines.\n"
        " * Mentor junior engineers.\n"))
    assert levels["mlops"] == "required" and levels["mentoring"] == "required"


def test_a_sentence_about_the_job_in_a_company_paragraph_stays(default_matcher: Matcher) -> None:
    levels = _levels(default_matcher, (
        "Our engineering org ships in Rust and Kubernetes. This opening, though, is for an "
        "office manager: QuickBooks and event planning.\n"))
    assert levels["event-planning"] == "required"


DUTIES_FIRST = (
    "Senior Machine Learning Engineer\n"
    "Design, train and deploy machine learning models on AWS for fraud detection.\n"
    "Own the feature pipelines in Python and Spark that feed them.\n"
    "Preferred Qualifications\n"
    "- Experience with AWS SageMaker or AWS certifications\n"
    "- Familiarity with Kubernetes\n"
)
COMPANY_FIRST = (
    "Senior Machine Learning Engineer\n"
    "Acme is a rapidly growing company that runs its platform on AWS for its customers.\n"
    "Requirements\n"
    "- Python and SQL\n"
    "Preferred Qualifications\n"
    "- Experience with AWS\n"
)


def test_duties_before_the_first_heading_keep_their_level(default_matcher: Matcher) -> None:
    """Unheaded duties are the job's: AWS used every day there stays required though the
    Preferred section names it too (blind set 7: 7 levels wrong before)."""
    skills = default_matcher.extract(DUTIES_FIRST, kind="posting").skills
    assert skills["aws"].level == "required" and skills["kubernetes"].level == "preferred"


def test_company_voice_before_the_first_heading_asks_nothing(default_matcher: Matcher) -> None:
    """The employer's own words there have no level, so the Preferred section decides."""
    skills = default_matcher.extract(COMPANY_FIRST, kind="posting").skills
    assert skills["aws"].level == "preferred" and skills["python"].level == "required"


def test_third_person_company_prose_yields_to_the_headed_level(default_matcher: Matcher) -> None:
    """"Acme builds its payments platform on AWS and Kafka" before the first heading is the
    employer describing itself (rule company-self-description): the "Nice to have" section that
    names the same skills decides their level (review, stop 28)."""
    text = ("Acme builds its payments platform on AWS and Kafka.\n"
            "Requirements\n- Python and SQL\nNice to have\n- AWS, Kafka\n")
    skills = default_matcher.extract(text, kind="posting").skills
    assert skills["aws"].level == skills["kafka"].level == "preferred"
    assert skills["python"].level == "required"
