"""The role component: job titles -> O*NET occupations, each title rule alone, and its effect."""

from __future__ import annotations

from datetime import date

import pytest

from skillmatch import Matcher, read
from skillmatch._roles import RoleIndex, role_similarity

INDEX = RoleIndex.bundled()


def occupations(line: str) -> tuple[str, ...] | None:
    role = INDEX.find(line)
    return None if role is None else role.occupations


class TestTitleRules:
    def test_longest_title_wins(self) -> None:
        """'Senior Data Scientist, Growth' is a data scientist, not a 'scientist'."""
        assert INDEX.find("Senior Data Scientist, Growth").title == "data scientist"

    def test_abbreviation_spelled_out(self) -> None:
        """'ML' is machine learning (rule: abbreviation 'ml')."""
        assert INDEX.find("ML Engineer").title == "machine learning engineer"

    def test_abbreviated_table_title_found_in_full(self) -> None:
        """The table's 'AI Engineer' is found when a posting writes it out."""
        assert occupations("Artificial Intelligence Engineer") == occupations("AI Engineer")

    def test_head_of_field_turned_round(self) -> None:
        """'Director of Information Technology' is an IT director (11-3021), not a film director."""
        assert occupations("DIRECTOR OF INFORMATION TECHNOLOGY") == ("11-3021.00",)

    def test_engagement_words_dropped(self) -> None:
        """'Co-op' says how the job is held: not the telephone operators' 'co op'."""
        role = INDEX.find("SOFTWARE ENGINEERING CO-OP")
        assert role is None or role.title != "co op"

    def test_one_word_title_after_a_field_is_not_trusted(self) -> None:
        """'Widget Calibration Supervisor': the field before a one-word title says more than the
        title does, and the table does not know the whole, so no role (not 'supervisor')."""
        assert INDEX.find("WIDGET CALIBRATION SUPERVISOR") is None
        assert INDEX.find("INFORMATION TECHNOLOGY SUPERVISOR").occupations == ("15-1299.09",)

    def test_one_word_title_after_a_rank(self) -> None:
        """'Senior Accountant' and a bare 'Accountant' are accountants."""
        assert occupations("Senior Accountant") == occupations("ACCOUNTANT") == ("13-2011.00",)

    def test_vague_title_is_unknown(self) -> None:
        """'Engineer' names 37 occupations: too vague to compare, so no role."""
        assert INDEX.find("Engineer") is None

    def test_prose_is_not_a_title(self) -> None:
        """A long sentence is prose, whatever titles it names."""
        line = ("We are looking for a passionate person to join our team and help our data "
                "scientists and software engineers ship models to production every week")
        assert INDEX.resume_role(read(line + "\nSKILLS\nPython")) is None


class TestSimilarity:
    @pytest.mark.parametrize(("a", "b", "expected"), [
        ("15-2051.00", "15-2051.00", 1.0),   # same occupation
        ("15-2051.00", "15-2051.01", 1.0),   # same detailed SOC code
        ("15-1252.00", "15-1253.00", 0.75),  # same broad group (software)
        ("15-1252.00", "15-1211.00", 0.5),   # same minor group (computer occupations)
        ("15-1252.00", "15-2051.00", 0.25),  # same major group
        ("15-1252.00", "13-2011.00", 0.0),
    ])
    def test_levels(self, a: str, b: str, expected: float) -> None:
        assert role_similarity((a,), (b,)) == expected

    def test_symmetric_and_bounded(self) -> None:
        a, b = occupations("ML Engineer"), occupations("Software Developer")
        assert a and b
        assert role_similarity(a, b) == role_similarity(b, a)
        assert 0 < role_similarity(a, b) < 1


class TestDocuments:
    def test_resume_headline(self) -> None:
        doc = read("STAFF ACCOUNTANT\nSummary\nDetail-oriented accountant.\nSkills\nExcel")
        role = INDEX.resume_role(doc)
        assert role is not None and role.title == "staff accountant"
        assert doc.text[role.start:role.end] == "STAFF ACCOUNTANT"

    def test_resume_latest_job_title(self) -> None:
        """No headline: the first title in the experience section."""
        doc = read("Jane Doe\njane@example.com\nExperience\nData Scientist, Acme 2019 - 2023\n"
                   "Analyst, Foo 2015 - 2019\n")
        role = INDEX.resume_role(doc)
        assert role is not None and role.occupations == ("15-2051.00",)

    def test_posting_title_is_its_first_line(self) -> None:
        role = INDEX.posting_role(read("Sr. Machine Learning Engineer\nAbout us\nWe build."))
        assert role is not None and "15-2051.00" in role.occupations


POSTING = ("Machine Learning Engineer\nRequirements\n- Python, SQL and PyTorch\n"
           "- Experience with Docker\n")
SKILLS = "Skills\nPython, SQL, PyTorch, Docker\n"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(as_of=date(2024, 6, 1))


class TestScore:
    def test_closer_role_scores_higher(self, matcher: Matcher) -> None:
        """Same skills: a data scientist fits an ML engineer posting better than an accountant."""
        scientist = matcher.score("DATA SCIENTIST\n" + SKILLS, POSTING)
        accountant = matcher.score("ACCOUNTANT\n" + SKILLS, POSTING)
        assert scientist.components["role"].score > accountant.components["role"].score == 0
        assert scientist.score > accountant.score

    def test_unknown_role_is_neutral(self, matcher: Matcher) -> None:
        """No title found: the role component drops out, it does not count as zero."""
        unknown = matcher.score("Jane Doe\n" + SKILLS, POSTING)
        accountant = matcher.score("ACCOUNTANT\n" + SKILLS, POSTING)
        assert "role" not in unknown.components
        assert unknown.score > accountant.score

    def test_role_in_explanation_and_json(self, matcher: Matcher) -> None:
        r = matcher.score("DATA SCIENTIST\n" + SKILLS, POSTING)
        data = r.to_dict()
        assert data["role"]["resume_title"] == "DATA SCIENTIST"
        assert data["role"]["posting_occupations"]
        assert "Role: DATA SCIENTIST (resume) vs Machine Learning Engineer (posting)" in r.explain()

    def test_vague_title_is_shown_not_compared(self, matcher: Matcher) -> None:
        """'Data Analyst' names 9 occupations: the report says it was found and why it is not
        compared, and the role component drops out (unknown, not zero)."""
        r = matcher.score("DATA SCIENTIST\n" + SKILLS, "Data Analyst\nRequirements\n- Python, SQL\n")
        assert "role" not in r.components
        data = r.to_dict()
        assert data["role"]["posting_title"] == "Data Analyst"
        assert data["role"]["posting_title_too_broad"] is True
        assert data["role"]["resume_title_too_broad"] is False
        assert "Data Analyst (names 9 occupations: too broad to compare) (posting)" in r.explain()

    def test_vague_headline_gives_way_to_a_clear_job_title(self) -> None:
        """A vague headline does not hide the clear title of the latest job."""
        doc = read("Engineer\nSummary\nBuilds things.\nExperience\nData Scientist, Acme 2019 - 2023\n")
        role = INDEX.resume_role(doc)
        assert role is not None and not role.vague and role.occupations == ("15-2051.00",)
        alone = INDEX.resume_role(read("Engineer\nSummary\nBuilds things.\n"))
        assert alone is not None and alone.vague

    def test_vague_title_alone_is_nothing_to_score(self, matcher: Matcher) -> None:
        """A posting whose only recognisable content is a vague title asks nothing comparable."""
        r = matcher.score("DATA SCIENTIST\n" + SKILLS, "Engineer\nWe are hiring.\n")
        assert r.score != r.score  # NaN
