"""Tests for score(): the formula's promises, evidence, JSON schema, and properties."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillmatch
from skillmatch import Matcher
from skillmatch.scoring import ScoreResult, Weights

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

POSTING = """Machine Learning Engineer
Requirements
- 3+ years of experience with Python
- Experience with PyTorch or TensorFlow
- SQL and Docker
- Bachelor's degree in Computer Science or a related field
Nice to have
- Kubernetes
- Experience with Airflow is a plus
"""


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(as_of=date(2024, 6, 1))


def resume(*skills: str, extra: str = "") -> str:
    return ("SKILLS\n" + ", ".join(skills) + "\n" + extra +
            "\nEXPERIENCE\nEngineer, Acme  Jan 2018 - Jan 2024\nEDUCATION\nB.S. Computer Science\n")


class TestScore:
    def test_full_match_near_top(self, matcher: Matcher) -> None:
        """Every required and preferred skill shown: a score near the top."""
        r = matcher.score(resume("Python", "PyTorch", "SQL", "Docker", "Kubernetes", "Airflow"),
                          POSTING)
        assert r.score >= 95
        assert not r.missing

    def test_no_overlap_lowest(self, matcher: Matcher) -> None:
        """Nothing in common: the skill components are zero."""
        r = matcher.score(resume("Excel", "Salesforce"), POSTING)
        assert r.components["required"].score == 0 and r.components["preferred"].score == 0
        assert {m.requirement.skill for m in r.missing} >= {"python", "sql", "docker"}

    def test_required_outweighs_preferred(self, matcher: Matcher) -> None:
        """Missing a required skill costs more than missing a preferred one."""
        no_docker = matcher.score(resume("Python", "PyTorch", "SQL", "Kubernetes", "Airflow"), POSTING)
        no_k8s = matcher.score(resume("Python", "PyTorch", "SQL", "Docker", "Airflow"), POSTING)
        assert no_k8s.score > no_docker.score

    def test_either_or(self, matcher: Matcher) -> None:
        """'PyTorch or TensorFlow': either one fully meets the requirement."""
        a = matcher.score(resume("Python", "PyTorch", "SQL", "Docker"), POSTING)
        b = matcher.score(resume("Python", "TensorFlow", "SQL", "Docker"), POSTING)
        assert a.score == b.score
        tf = next(m for m in a.matched if m.requirement.skill == "tensorflow")
        # the member that matched, with its true relation: PyTorch itself, shown exactly
        assert tf.member == "pytorch" and tf.relation == "exact" and tf.via is None
        assert "any of" in tf.reason
        pt = next(m for m in a.matched if m.requirement.skill == "pytorch")
        assert pt.member is None and pt.via is None  # shown itself: no detour through the list
        # text and JSON name the member as people write it
        # and the list is one line, named by the member that meets it
        assert tf.member_name == "PyTorch"
        line = next(x for x in a.explain().splitlines() if x.startswith("Matched:"))
        assert line.count("PyTorch (one of the list: ") == 1 and "TensorFlow" in line
        assert tf in a.from_dict(a.to_dict()).matched

    def test_partial_credit_through_relations(self, matcher: Matcher) -> None:
        """An alternative earns partial credit, and the explanation says through what."""
        posting = "Requirements\n- Google Cloud Platform\n- Deep learning\n"
        r = matcher.score(resume("AWS", "Keras"), posting)
        gcp = next(m for m in r.partial if m.requirement.skill == "gcp")
        assert gcp.relation == "alternative" and gcp.via == "aws" and gcp.credit == 0.5
        assert gcp.via_name == "AWS"
        dl = next(m for m in r.partial + r.matched if m.requirement.skill == "deep-learning")
        assert dl.relation == "implied" and dl.credit == 0.9

    def test_years_scale(self, matcher: Matcher) -> None:
        """'5+ years of Python': 2 years earn less than 6."""
        posting = "Requirements\n- 5+ years of Python\n- SQL\n"
        few = matcher.score("SKILLS\nPython (2 years), SQL\n", posting)
        many = matcher.score("SKILLS\nPython (6 years), SQL\n", posting)
        assert many.score > few.score
        py = next(m for m in few.partial if m.requirement.skill == "python")
        assert "2 of 5 years" in py.reason

    def test_negated_never_counts(self, matcher: Matcher) -> None:
        """A resume that says 'no Java' does not get Java."""
        posting = "Requirements\n- Java\n- Python\n"
        r = matcher.score("SUMMARY\nPython developer; no Java experience.\n", posting)
        assert "java" in {m.requirement.skill for m in r.missing}

    def test_components_drop_out(self, matcher: Matcher) -> None:
        """A posting that asks no years and no degree has neither component."""
        r = matcher.score(resume("Python"), "Requirements\n- Python\n")
        assert set(r.components) == {"required"} and r.score == 100

    def test_education(self, matcher: Matcher) -> None:
        """A master's meets a bachelor's requirement; no degree does not."""
        posting = "Requirements\n- Python\n- Master's degree in Statistics or Computer Science\n"
        ok = matcher.score("SKILLS\nPython\nEDUCATION\nPh.D. in Statistics\n", posting)
        low = matcher.score("SKILLS\nPython\nEDUCATION\nHigh school diploma\n", posting)
        assert ok.components["education"].score == 1.0 and low.components["education"].score == 0

    def test_demand_shapes_not_erases(self) -> None:
        """A skill the market never asks for still weighs demand_floor of a full one."""
        w = Weights()
        r = Matcher(weights=w).score("Skills: Python\n", "Requirements\n- Python\n- Theano\n")
        weights = {m.requirement.skill: m.requirement.weight for m in r.matched + r.missing}
        assert 0 < weights["theano"] < weights["python"]
        assert weights["theano"] >= w.demand_floor * w.required

    def test_explain_names_missing_required(self, matcher: Matcher) -> None:
        """The explanation names every missing required skill and the top gains."""
        r = matcher.score(resume("Python"), POSTING)
        text = r.explain()
        for m in r.missing:
            if m.requirement.level == "required":
                assert m.requirement.name in text
        assert "Most valuable to add" in text

    def test_evidence_points_into_documents(self, matcher: Matcher) -> None:
        """Posting and resume evidence quote the documents' own text."""
        r = matcher.score(resume("Python", "SQL"), POSTING)
        py = next(m for m in r.matched if m.requirement.skill == "python")
        assert "Python" in py.requirement.evidence[0].text and "Python" in py.resume_evidence[0].text

    def test_custom_weights(self) -> None:
        """Weights are replaceable, and bad values fail with a message."""
        loose = Matcher(weights=replace(Weights(), preferred=0.0))
        r = loose.score(resume("Python", "PyTorch", "SQL", "Docker"), POSTING)
        assert all(m.requirement.weight == 0 or m.requirement.level == "required"
                   for m in r.matched + r.partial + r.missing)
        with pytest.raises(skillmatch.ParameterError, match="'implied' parameter of Weights"):
            Weights(implied=2.0)
        with pytest.raises(skillmatch.ParameterError, match="components"):
            Weights(components={"required": 1.0})

    def test_shared_documents_end_to_end(self, matcher: Matcher) -> None:
        """A shared PDF resume against a shared posting, end to end."""
        r = matcher.score(EXAMPLES / "resumes" / "rf-engineer.pdf", EXAMPLES / "posting-ml-engineer.txt")
        good = matcher.score(EXAMPLES / "resumes" / "data-scientist.md",
                             EXAMPLES / "posting-ml-engineer.txt")
        assert 0 <= r.score < good.score <= 100

    def test_market_fit(self, matcher: Matcher) -> None:
        """Market fit ranks missing skills by demand and closeness."""
        fit = matcher.market_fit(EXAMPLES / "resumes" / "data-scientist.md")
        assert 0 < fit.score <= 100 and fit.to_learn
        assert "Python" in fit.covered
        demands = [s.demand * (1 + s.closeness) for s in fit.to_learn]
        assert demands == sorted(demands, reverse=True)


class TestJson:
    def test_round_trip(self, matcher: Matcher) -> None:
        """to_dict -> JSON -> from_dict gives the same result."""
        r = matcher.score(EXAMPLES / "resumes" / "data-scientist.md", EXAMPLES / "posting-ml-engineer.txt")
        again = ScoreResult.from_dict(json.loads(json.dumps(r.to_dict())))
        assert again.to_dict() == r.to_dict()
        assert again.explain() == r.explain()

    def test_schema_validates_real_outputs(self, matcher: Matcher) -> None:
        """Real outputs validate against the shipped JSON Schema; broken ones do not."""
        schema = ScoreResult.json_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
        for res in ("resumes/data-scientist.md", "resumes/rf-engineer.pdf"):
            data = matcher.score(EXAMPLES / res, EXAMPLES / "posting-ml-engineer.txt").to_dict()
            jsonschema.validate(data, schema)
            assert data["schema_version"] == "1.3" and data["taxonomy"]["id"] == "default"
        data["score"] = 140
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)

    def test_wrong_schema_version(self) -> None:
        """An unknown major schema version is refused with the version we read."""
        with pytest.raises(skillmatch.ParameterError, match="1.x schema"):
            ScoreResult.from_dict({"schema_version": "2.0"})


# ---------------------------------------------------------------------------- properties

SKILLS = ["Python", "SQL", "PyTorch", "TensorFlow", "Docker", "Kubernetes", "AWS", "Spark",
          "Airflow", "pandas", "Java", "Tableau", "Git", "Scala", "Keras"]
subsets = st.lists(st.sampled_from(SKILLS), unique=True, max_size=8)


@settings(max_examples=40, deadline=None)
@given(subsets, subsets, subsets)
def test_properties(req: list[str], pref: list[str], have: list[str]) -> None:
    """Score in [0, 100]; deterministic; adding a required skill never lowers it."""
    m = _shared()
    posting = ("Requirements\n" + "".join(f"- {s}\n" for s in req or ["Python"])
               + "Nice to have\n" + "".join(f"- {s}\n" for s in pref))
    base = m.score(resume(*have), posting)
    assert 0 <= base.score <= 100
    assert m.score(resume(*have), posting).to_dict() == base.to_dict()
    missing = [s for s in (req or ["Python"]) if s not in have]
    if missing:
        more = m.score(resume(*have, missing[0]), posting)
        assert more.score >= base.score


@settings(max_examples=25, deadline=None)
@given(st.permutations(["SKILLS\nPython, SQL, Docker\n", "EXPERIENCE\nAcme 2019 - 2023, built APIs\n",
                        "EDUCATION\nM.S. Computer Science\n", "PROJECTS\nSpark pipelines\n"]))
def test_section_order_does_not_matter(parts: list[str]) -> None:
    """Reordering a resume's sections does not change its score."""
    m = _shared()
    posting = "Requirements\n- Python and Spark\n- 3+ years of experience\n- BS in CS\n"
    reference = m.score("".join(sorted(parts)), posting).score
    assert m.score("".join(parts), posting).score == reference


def test_identical_text_scores_near_top() -> None:
    """A resume that repeats the posting's own text scores near the top."""
    m = _shared()
    text = (EXAMPLES / "posting-ml-engineer.txt").read_text(encoding="utf-8")
    assert m.score(text, text).score >= 90


_MATCHER: list[Matcher] = []


def _shared() -> Matcher:
    if not _MATCHER:
        _MATCHER.append(Matcher(as_of=date(2024, 6, 1)))
    return _MATCHER[0]


def test_market_fit_does_not_suggest_implied_skills() -> None:
    """A skill the resume shows through a narrower one (AWS via SageMaker) is not 'to learn'."""
    fit = _shared().market_fit("SKILLS\nAmazon SageMaker, Hugging Face, scikit-learn\n")
    names = {s.skill for s in fit.to_learn}
    assert {"aws", "machine-learning"}.isdisjoint(names)


@settings(max_examples=30, deadline=None)
@given(subsets, subsets, subsets, st.sampled_from(["", "3+ years of experience with "]))
def test_explanation_adds_up_to_the_components(req: list[str], pref: list[str], have: list[str],
                                               years: str) -> None:
    """The explanation's requirements are the engine's: for each skill component, the sum of
    weight x credit over its requirements, divided by their weights, is the component."""
    m = _shared()
    posting = ("Requirements\n" + "".join(f"- {years}{s}\n" for s in req or ["Python"])
               + "Nice to have\n" + "".join(f"- {s}\n" for s in pref))
    r = m.score(resume(*have, extra="Python (2 years)"), posting)
    for level in ("required", "preferred"):
        items = [x for x in r.matched + r.partial + r.missing if x.requirement.level == level]
        if level not in r.components:
            assert not items
            continue
        total = sum(x.requirement.weight for x in items)
        explained = sum(x.requirement.weight * x.credit for x in items) / total
        assert explained == pytest.approx(r.components[level].score, abs=1e-3)
