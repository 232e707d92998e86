"""Names inside longer names, glued words' neighbours, and list items (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmatch import Matcher
from skillmatch._sections import classify_heading


@pytest.fixture(scope="module")
def core() -> Matcher:
    """The bundled core taxonomy, without fuzzy matching."""
    return Matcher(taxonomy="ml-engineer", fuzzy=False)


def test_inner_name_is_evidence_in_a_resume(core: Matcher) -> None:
    """A resume naming Azure Data Factory and AWS EMR names Azure and AWS too."""
    ex = core.extract("Built pipelines in Azure Data Factory and AWS EMR.", kind="resume")
    assert {"azure-data-factory", "emr", "azure", "aws"} <= set(ex.skills)
    nested = {m.skill: m for m in ex.mentions if m.rule == "nested"}
    assert set(nested) == {"azure", "aws"}
    assert ex.document.text[nested["azure"].start:nested["azure"].end] == "Azure"


def test_inner_name_is_not_asked_again_in_a_posting(core: Matcher) -> None:
    """A posting asking for Azure Data Factory does not ask for Azure a second time, unless it
    names Azure on its own too."""
    ex = core.extract("Requirements:\n- Experience with Azure Data Factory.", kind="posting")
    assert ex.skills["azure-data-factory"].level == "required"
    assert ex.skills["azure"].level is None
    both = core.extract("Requirements:\n- Azure Data Factory\n- Azure Functions or Azure\n",
                        kind="posting")
    assert both.skills["azure"].level == "required"


def test_ambiguous_inner_name_needs_a_relation(core: Matcher) -> None:
    """An ambiguous inner form counts when the outer skill implies or is narrower than it
    ("Spark" in "Spark MLlib"), or names it beside another by a slash ("AI" in "AI/ML"); never
    "C" in "Objective-C"."""
    ex = core.extract("Objective-C apps; Spark MLlib models; AI/ML work", kind="resume")
    assert "c" not in ex.skills
    assert {"spark", "artificial-intelligence"} <= set(ex.skills)


def test_trace_says_what_stays_inside(core: Matcher) -> None:
    """extract(trace=True) still reports a contained name that is not kept."""
    ex = core.extract("Objective-C apps", kind="resume", trace=True)
    assert any(r.skill == "c" and "longer name" in r.reason for r in ex.rejected)


def test_list_item_is_no_heading() -> None:
    """A short bullet in capitals is a list item, not an unnamed heading that would end the
    requirements section."""
    assert classify_heading(" * AI/ML") is None
    assert classify_heading("TOOLS") is not None


def test_qualified_heading() -> None:
    """A title-case heading that ends in a known heading keeps its kind; a sentence does not."""
    assert classify_heading("Technology Requirements")[0] == "requirements"  # type: ignore[index]
    assert classify_heading("Core Skills")[0] == "skills"  # type: ignore[index]
    assert classify_heading("I have skills") is None


def test_requirements_bullet_keeps_section(core: Matcher) -> None:
    """Skills after a bullet in capitals stay in the requirements section."""
    text = "About us\nWe build things.\n\nRequirements\n * AI/ML\n * Docker\n"
    ex = core.extract(text, kind="posting")
    assert ex.skills["docker"].level == "required"
    assert {m.section for m in ex.mentions if m.skill == "docker"} == {"requirements"}


@pytest.mark.slow
def test_imported_name_as_a_requirements_bullet() -> None:
    """An imported name that is also an English word counts as a requirements bullet of its
    own ("* Slack"), never in prose."""
    matcher = Matcher(taxonomy="default", fuzzy=False)
    bullet = matcher.extract("Requirements\n * Azure\n * Slack\n", kind="posting")
    assert any(m.skill == "slack" and m.rule == "list-bullet-item" for m in bullet.mentions)
    prose = matcher.extract("Requirements\n * No slack in the schedule\n", kind="posting")
    assert "slack" not in prose.skills


OVERLAP = """
[taxonomy]
id = "overlap"
version = "1"

[skill.feature-engineering]
name = "Feature engineering"
category = "technique"

[skill.engineering-processes]
name = "Engineering processes"
category = "concept"
ambiguous = ["Engineering processes"]
"""


def test_a_rejected_longer_name_gives_back_the_one_it_overlapped(tmp_path: Path) -> None:
    """"feature engineering processes": the longer overlapping name ("engineering processes")
    is prose here, so the name it pushed out is read on its own and kept; where the longer
    one is a skill, it still wins."""
    path = tmp_path / "overlap.toml"
    path.write_text(OVERLAP, encoding="utf-8")
    m = Matcher(taxonomy=str(path), fuzzy=False)
    ex = m.extract("You will direct feature engineering processes for the team.",
                   kind="resume", trace=True)
    assert set(ex.skills) == {"feature-engineering"}
    assert any(r.skill == "engineering-processes" for r in ex.rejected)
    assert not any(r.skill == "feature-engineering" for r in ex.rejected)
    listed = m.extract("Skills\nfeature engineering processes\n", kind="resume")
    assert set(listed.skills) == {"engineering-processes"}


def test_a_name_under_a_family_is_read_on_its_own(core: Matcher) -> None:
    """A family ("deep learning frameworks", "data analytics") is context, not a skill: the
    skill it holds or overlaps is asked as if written alone, with the line's level."""
    ex = core.extract("Requirements:\n- A deep understanding of PyTorch or similar deep "
                      "learning frameworks\n- Experience with big data analytics\n",
                      kind="posting", trace=True)
    assert ex.skills["deep-learning"].level == "required"
    assert ex.skills["big-data"].level == "required"
    assert {m.skill for m in ex.families} >= {"deep-learning-frameworks", "data-analysis"}
    assert not [r for r in ex.rejected if r.skill in ("deep-learning", "big-data")]


def test_each_side_of_a_slash_pair_is_asked(core: Matcher) -> None:
    """"ML/AI technologies" asks for both; "Azure Data Factory" still asks Azure only through
    the longer name."""
    ex = core.extract("Requirements:\n- Develop methods based on ML/AI technologies\n",
                      kind="posting")
    assert ex.skills["machine-learning"].level == "required"
    assert ex.skills["artificial-intelligence"].level == "required"
    assert [m.rule for m in ex.skills["artificial-intelligence"].mentions] == ["slash-pair"]


def test_a_one_word_name_written_apart_holds_no_other_name(core: Matcher) -> None:
    """"Java Script" is JavaScript written apart, so a resume listing it shows no Java; "Azure
    ML" still shows Azure (Azure Machine Learning is named in words)."""
    ex = core.extract("Skills: Java Script, Azure ML, SQL", kind="resume")
    assert "javascript" in ex.skills and "java" not in ex.skills
    assert {"azure-ml", "azure"} <= set(ex.skills)
