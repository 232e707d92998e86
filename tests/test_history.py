"""A result never depends on what the extractor read before (same input, same result)."""

from __future__ import annotations

from skillmatch import Matcher

TEXT = ("Experience with ML / AI, Scikit- learn and Google Cloud platform(GCP).\n"
        "SKILLS\nPython, SQL, ScrumMaster, Spark\n")
# texts that hold the same names written plainly: they add the names' patterns first
PRIMERS = ["ml/ai, scikit-learn, google cloud platform (gcp), scrum master",
           "Python SQL Spark machine learning"]


def _result(matcher: Matcher, text: str) -> list[tuple[str, int, int, str]]:
    return [(m.skill, m.start, m.end, m.rule) for m in matcher.extract(text, kind="resume").mentions]


def test_result_does_not_depend_on_earlier_documents() -> None:
    fresh = _result(Matcher("ml-engineer"), TEXT)
    seasoned = Matcher("ml-engineer")
    for primer in PRIMERS:
        seasoned.extract(primer, kind="resume")
    assert _result(seasoned, TEXT) == fresh
    assert fresh  # the plain names are found either way
