"""Tests for _taxonomy: the default taxonomy's content, look-ups, merging and validation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import skillmatch
from skillmatch import Skill, Taxonomy, TaxonomyError, UnknownSkillError, load_taxonomy

ARTICLE_FIGURES = {
    "python": 0.758, "java": 0.289, "sql": 0.279, "c++": 0.248, "tensorflow": 0.193,
    "keras": 0.116, "scikit-learn": 0.071, "theano": 0.011, "deep-learning": 0.293,
    "neural-networks": 0.137, "computer-vision": 0.136, "reinforcement-learning": 0.066,
    "clustering": 0.042, "supervised-learning": 0.032, "field-computer-science": 0.424,
    "field-engineering": 0.356, "field-data-science": 0.151, "field-mathematics": 0.095,
    "field-statistics": 0.095, "field-data-engineering": 0.045, "field-architecture": 0.021,
    "field-economics": 0.007,
}


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def write(tmp_path: Path, text: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestDefaultTaxonomy:
    def test_size(self, tax: Taxonomy) -> None:
        """The default is the curated core over the imported layers: thousands of skills."""
        assert len(tax) >= 5000
        assert tax.id == "default"
        assert tax.layers == ("onet-tech", "esco-tech", "devicon-tech", "ml-engineer")

    @pytest.mark.parametrize(("skill_id", "figure"), sorted(ARTICLE_FIGURES.items()))
    def test_article_figures(self, tax: Taxonomy, skill_id: str, figure: float) -> None:
        """Every skill the articles measure carries the article's figure and cites it."""
        skill = tax[skill_id]
        assert skill.demand == pytest.approx(figure)
        assert "seeds/000" in skill.demand_source

    def test_every_skill_cites_its_demand(self, tax: Taxonomy) -> None:
        """Each skill has a demand in 0..1 and a non-empty source."""
        for skill in tax:
            assert 0 <= skill.demand <= 1
            assert skill.demand_source.strip(), skill.id

    def test_python_discrepancy_noted(self) -> None:
        """The 8% vs 75.8% contradiction in seed 000 is resolved from the body and noted."""
        assert "8%" in load_taxonomy()["python"].demand_source

    @pytest.mark.parametrize(
        ("alias", "skill_id"),
        [("sklearn", "scikit-learn"), ("scikit learn", "scikit-learn"), ("Tensorflow", "tensorflow"),
         ("tf.keras", "keras"), ("Google Cloud", "gcp"), ("GCP", "gcp"), ("k8s", "kubernetes"),
         ("Postgres", "postgresql"), ("Amazon Web Services", "aws"), ("PySpark", "pyspark"),
         ("golang", "go"), ("Go", "go"), ("R", "r"), ("C#", "c#"), ("HuggingFace", "hugging-face")],
    )
    def test_aliases(self, tax: Taxonomy, alias: str, skill_id: str) -> None:
        """Look-ups by the aliases people write return the canonical skill."""
        assert tax[alias].id == skill_id

    def test_exact_aliases_keep_case(self, tax: Taxonomy) -> None:
        """Case-sensitive forms match only as written: 'R' is the language, 'r' is nothing."""
        assert "R" in tax["r"].exact and "Go" in tax["go"].exact
        assert tax["Shell"].id == "bash" and tax.get("shell") is None

    def test_relations(self, tax: Taxonomy) -> None:
        """Keras is a deep-learning framework; SageMaker implies AWS; PyTorch ~ TensorFlow."""
        assert "deep-learning-frameworks" in tax.broader("keras")
        assert "aws" in tax.implied("sagemaker")
        assert "deep-learning" in tax.implied("pytorch")
        assert "tensorflow" in tax["pytorch"].alternatives
        assert "keras" in tax.narrower("deep-learning-frameworks")

    def test_categories_cover_the_brief(self, tax: Taxonomy) -> None:
        """Languages, frameworks, clouds, degrees, fields, soft skills and certifications exist."""
        present = {s.category for s in tax}
        assert {"language", "framework", "library", "cloud", "big-data", "technique", "tool",
                "degree", "field", "soft-skill", "certification"} <= present

    def test_immutable(self, tax: Taxonomy) -> None:
        """Skills and the taxonomy cannot be changed in place."""
        with pytest.raises(dataclasses.FrozenInstanceError):
            tax["python"].demand = 1.0  # type: ignore[misc]
        with pytest.raises(TypeError):
            tax.skills["python"] = tax["java"]  # type: ignore[index]

    def test_unknown_key(self, tax: Taxonomy) -> None:
        """An unknown key raises a KeyError subclass that says how to look up."""
        with pytest.raises(UnknownSkillError, match="Look up by id or alias") as info:
            tax["cobolx"]
        assert isinstance(info.value, KeyError)


class TestUserTaxonomies:
    def test_own_file(self, tmp_path: Path) -> None:
        """A user file loads on its own."""
        path = write(tmp_path, """
[taxonomy]
id = "mine"
version = "1"
[[skill]]
id = "cobol"
name = "COBOL"
category = "language"
demand = 0.2
demand_source = "our 2025 postings"
""")
        tax = load_taxonomy(path)
        assert tax.id == "mine" and len(tax) == 1 and tax["cobol"].demand == 0.2

    def test_extends_default(self, tmp_path: Path) -> None:
        """A file that extends the default overrides fields, adds skills and removes ids."""
        path = write(tmp_path, """
[taxonomy]
id = "ours"
extends = "ml-engineer"
remove = ["theano"]
[[skill]]
id = "python"
demand = 0.9
demand_source = "our postings"
[[skill]]
id = "cobol"
name = "COBOL"
category = "language"
""")
        base = load_taxonomy("ml-engineer")
        tax = load_taxonomy(path)
        assert len(tax) == len(base)  # one removed, one added
        assert tax["python"].demand == 0.9 and tax["python"].name == "Python"
        assert tax["cobol"].demand == 0.01 and "default" in tax["cobol"].demand_source
        assert "theano" not in tax


BAD = {
    "duplicate id": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
[[skill]]
id = "a"
name = "A again"
category = "tool"
""", r"'a' is defined twice"),
    "alias claimed twice": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
aliases = ["shared"]
[[skill]]
id = "b"
name = "B"
category = "tool"
aliases = ["Shared"]
""", r"alias 'Shared' is claimed by both 'a' and 'b'"),
    "unknown relation": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
implies = ["nowhere"]
""", r"'a' has implies 'nowhere', which is not a skill id"),
    "cycle": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
parents = ["b"]
[[skill]]
id = "b"
name = "B"
category = "tool"
parents = ["a"]
""", r"parents relation has a cycle: a -> b -> a"),
    "demand out of range": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
demand = 75.8
demand_source = "x"
""", r"must be a number from 0 to 1"),
    "unknown category": ("""
[[skill]]
id = "a"
name = "A"
category = "gadget"
""", r"unknown category 'gadget'"),
    "missing name": ("""
[[skill]]
id = "a"
category = "tool"
""", r"'a' has no 'name'"),
    "bad toml": ("[[skill]\nid=", r"could not parse TOML"),
    "no skills": ("[taxonomy]\nid='x'\n", r"no \[skills\] table|at least one"),
    "demand without source": ("""
[[skill]]
id = "a"
name = "A"
category = "tool"
demand = 0.5
""", r"has no 'demand_source'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_taxonomy(tmp_path: Path, case: str) -> None:
    """Each malformed file raises TaxonomyError naming the file, the skill and the fix."""
    text, pattern = BAD[case]
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError, match=pattern) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_unknown_bundled_name() -> None:
    """An unknown bundled name lists the available ones."""
    with pytest.raises(TaxonomyError, match="ml-engineer"):
        load_taxonomy("no-such-taxonomy")


def test_skill_name_is_an_alias() -> None:
    """A skill's name is always one of its surface forms."""
    assert Skill(id="x", name="X", category="tool").surface_forms == ("X",)


def test_import_is_cheap() -> None:
    """Importing skillmatch does not import spaCy, pdfminer or numpy."""
    import subprocess
    import sys

    code = ("import sys, skillmatch; heavy = {'spacy', 'pdfminer', 'numpy', 'rapidfuzz'} "
            "& set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert skillmatch.__version__


def test_normalize_alias_folds_every_unicode_space() -> None:
    """normalize_alias folds runs of any Unicode whitespace to one space, as ``\\s+`` does."""
    import re
    import sys

    from skillmatch.taxonomy import normalize_alias

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert len(spaces) > 20  # tab, newline, no-break space, ideographic space, ...
    for space in spaces:
        text = f"{space}Apache{space}{space}Spark{space}SQL{space}"
        assert normalize_alias(text) == re.sub(r"\s+", " ", text.strip()).lower() \
            == "apache spark sql"
    assert normalize_alias("Scikit-Learn\u200b") == "scikit-learn\u200b"  # not a space
