"""Tests for layered taxonomies: how a stack settles names, fields, relations and refs; the file,
folder and JSON sources a layer comes from; and the bundled stack (core over O*NET and ESCO)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmatch import Taxonomy, TaxonomyError, available_taxonomies, load_taxonomy
from skillmatch.taxonomy import stack
from skillmatch.taxonomy._load import _find_cycle

LOW = """
[taxonomy]
id = "low"
name = "Low layer"
version = "1"
default_demand = 0.001
default_demand_source = "low default"

[skill.spark]
name = "Spark"
category = "tool"
aliases = ["spark-core"]
demand = 0.5
demand_source = "low measure"
parents = ["big-data"]
refs = ["onet:43232314"]

[skill.big-data]
name = "Big data"
category = "concept"

[skill.sparkling]
name = "Sparkling"
category = "tool"
aliases = ["shared name"]
exact = ["SPK"]

[skill.apache-spark]
name = "Apache Spark"
category = "tool"

[skill.databricks]
name = "Databricks"
category = "platform"
parents = ["apache-spark"]
implies = ["apache-spark", "big-data"]
alternatives = ["apache-spark"]
"""

HIGH = """
[taxonomy]
id = "high"
name = "High layer"
version = "2"
default_demand = 0.002
default_demand_source = "high default"

[skill.spark]
name = "Apache Spark SQL"
category = "big-data"
aliases = ["Apache Spark"]
demand = 0.155
demand_source = "high measure"
implies = ["scala"]
refs = ["esco:af7ae54f"]

[skill.scala]
name = "Scala"
category = "language"

[skill.sparkle]
name = "Sparkle"
category = "tool"
aliases = ["Shared Name"]
exact = ["SPK"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def stacked(tmp_path: Path) -> Taxonomy:
    write(tmp_path, "low.toml", LOW)
    write(tmp_path, "high.toml", HIGH)
    header = write(tmp_path, "stack.toml",
                   '[taxonomy]\nid = "mine"\nlayers = ["low.toml", "high.toml"]\n')
    return load_taxonomy(header)


@pytest.fixture(scope="module")
def default() -> Taxonomy:
    return load_taxonomy()


# ------------------------------------------------------------------------------ stacking


def test_stack_header(stacked: Taxonomy, tmp_path: Path) -> None:
    """A header's `layers` stacks the files bottom to top, relative to the header's folder."""
    assert stacked.id == "mine"
    assert stacked.layers == ("low", "high")
    assert stacked.version == "1+2"
    assert (stacked.default_demand, stacked.default_demand_source) == (0.002, "high default")


def test_top_layer_wins_name_category_demand(stacked: Taxonomy) -> None:
    """A skill in two layers takes the top layer's name, category and demand."""
    spark = stacked["spark"]
    assert (spark.name, spark.category) == ("Apache Spark SQL", "big-data")
    assert (spark.demand, spark.demand_source) == (0.155, "high measure")
    assert spark.layer == "high"
    assert stacked["big-data"].layer == "low"


def test_names_relations_refs_gathered(stacked: Taxonomy) -> None:
    """A skill in two layers gathers every layer's names, relations and refs."""
    spark = stacked["spark"]
    assert {"Apache Spark SQL", "Apache Spark", "Spark", "spark-core"} <= set(spark.aliases)
    assert stacked["spark-core"].id == stacked["Spark"].id == "spark"
    assert spark.parents == ("big-data",) and spark.implies == ("scala",)
    assert spark.refs == ("esco:af7ae54f", "onet:43232314")


def test_form_claimed_twice_stays_with_higher_layer(stacked: Taxonomy) -> None:
    """A form two different skills claim stays with the higher layer's skill, in any case."""
    assert stacked["shared name"].id == "sparkle"
    assert stacked["SPK"].id == "sparkle"
    sparkling = stacked["sparkling"]
    assert "shared name" not in sparkling.aliases and sparkling.exact == ()
    assert sparkling.name == "Sparkling" and stacked["Sparkling"].id == "sparkling"


def test_lower_skill_named_as_higher_alias_dropped(stacked: Taxonomy) -> None:
    """A lower skill whose name is a higher skill's alias is the same thing: it is dropped."""
    assert "apache-spark" not in stacked.skills
    assert stacked["Apache Spark"].id == "spark"


def test_relations_to_dropped_skills_removed(stacked: Taxonomy) -> None:
    """Relations pointing at a dropped skill go with it; the others stay."""
    databricks = stacked["databricks"]
    assert databricks.parents == () and databricks.alternatives == ()
    assert databricks.implies == ("big-data",)


def test_stack_function_matches_header(stacked: Taxonomy, tmp_path: Path) -> None:
    """stack([...]) builds the same skills as a header's `layers`."""
    built = stack([tmp_path / "low.toml", tmp_path / "high.toml"], id="mine")
    assert dict(built.skills) == dict(stacked.skills)
    assert built.layers == ("low", "high")


def test_higher_layer_decides_its_own_names(tmp_path: Path) -> None:
    """A lower layer's name that reads like one the higher layer gives, in another case, is
    not gathered, nor is its verdict: an importer's "robotics" (a common word: ambiguous) leaves
    the core's "Robotics" a name that counts anywhere, and its "go" does not make the core's
    case-sensitive "Go" match "go"."""
    write(tmp_path, "low.toml", """
[taxonomy]
id = "low"

[skill.robotics]
name = "robotics"
category = "technique"
aliases = ["robotic engineering", "industrial automation"]
ambiguous = ["robotics", "industrial automation"]

[skill.go]
name = "Go programming language"
category = "language"
aliases = ["go", "golang"]
ambiguous = ["go"]
""")
    write(tmp_path, "high.toml", """
[taxonomy]
id = "high"

[skill.robotics]
name = "Robotics"
category = "technique"
aliases = ["robot learning"]

[skill.go]
name = "Go"
category = "language"
exact = ["Go"]
""")
    tax = stack([str(tmp_path / "low.toml"), str(tmp_path / "high.toml")])
    robotics = tax["robotics"]
    assert robotics.aliases == ("Robotics", "robot learning", "robotic engineering",
                                "industrial automation")
    assert robotics.ambiguous == ("industrial automation",)  # the lower layer's own name
    go = tax["go"]
    assert go.exact == ("Go",) and "go" not in go.aliases and go.ambiguous == ()
    assert "golang" in go.aliases and "Go programming language" in go.aliases


def test_cycle_across_layers_broken(tmp_path: Path) -> None:
    """Two layers each acyclic but cyclic together: the stack loads with one link dropped."""
    write(tmp_path, "a.toml", '[taxonomy]\nid = "a"\n'
          '[skill.x]\nname = "X"\ncategory = "tool"\nparents = ["y"]\nimplies = ["y"]\n'
          '[skill.y]\nname = "Y"\ncategory = "tool"\n')
    write(tmp_path, "b.toml", '[taxonomy]\nid = "b"\n'
          '[skill.y]\nname = "Y"\ncategory = "tool"\nparents = ["x"]\nimplies = ["x"]\n'
          '[skill.x]\nname = "X"\ncategory = "tool"\n')
    tax = stack([tmp_path / "a.toml", tmp_path / "b.toml"])
    for relation in ("parents", "implies"):
        links = {(s.id, t) for s in tax for t in getattr(s, relation)}
        assert len(links) == 1 and links <= {("x", "y"), ("y", "x")}, relation
        assert _find_cycle({s.id: getattr(s, relation) for s in tax}) is None
    assert sorted(tax.implied("x") + tax.implied("y")) in (["x"], ["y"])  # a finite closure


def test_degree_field_does_not_clash_across_layers(tmp_path: Path) -> None:
    """Degree fields have a namespace of their own: a field and a technique share a name."""
    write(tmp_path, "a.toml", '[taxonomy]\nid = "a"\n'
          '[skill.statistics]\nname = "Statistics"\ncategory = "technique"\n')
    write(tmp_path, "b.toml", '[taxonomy]\nid = "b"\n'
          '[skill.field-statistics]\nname = "Statistics"\ncategory = "field"\n')
    tax = stack([tmp_path / "a.toml", tmp_path / "b.toml"])
    assert {"statistics", "field-statistics"} <= set(tax.skills)
    assert tax["Statistics"].id == "statistics"  # ordinary skills win a look-up


# ------------------------------------------------------------------------------ sources


def test_duplicate_skill_table_names_file(tmp_path: Path) -> None:
    """A `[skill.x]` table written twice is a TOML error naming the file."""
    path = write(tmp_path, "twice.toml", '[taxonomy]\nid = "t"\n'
                 '[skill.x]\nname = "X"\ncategory = "tool"\n'
                 '[skill.x]\nname = "X again"\ncategory = "tool"\n')
    with pytest.raises(TaxonomyError, match="could not parse TOML") as err:
        load_taxonomy(path)
    assert str(path) in str(err.value)


def test_duplicate_skill_across_folder_files(tmp_path: Path) -> None:
    """In a folder, the same id in two files is an error naming the second file."""
    folder = tmp_path / "tax"
    folder.mkdir()
    write(folder, "taxonomy.toml", '[taxonomy]\nid = "f"\n')
    write(folder, "a.toml", '[skill.x]\nname = "X"\ncategory = "tool"\n')
    write(folder, "b.toml", '[skill.x]\nname = "Other X"\ncategory = "tool"\n')
    with pytest.raises(TaxonomyError, match="defined twice") as err:
        load_taxonomy(folder)
    assert "b.toml" in str(err.value) and "'x'" in str(err.value)


def make_folder(tmp_path: Path, demand_csv: str) -> Path:
    folder = tmp_path / "tax"
    folder.mkdir()
    write(folder, "taxonomy.toml", '[taxonomy]\nid = "f"\nname = "Folder"\n'
          'default_demand = 0.001\ndefault_demand_source = "folder default"\n')
    write(folder, "b-tools.toml", '[skill.docker]\nname = "Docker"\ncategory = "tool"\n'
          'demand = 0.2\ndemand_source = "article"\n')
    write(folder, "a-langs.toml", '[skill.python]\nname = "Python"\ncategory = "language"\n'
          '[skill.rust]\nname = "Rust"\ncategory = "language"\n'
          '[skill.go]\nname = "Go"\ncategory = "language"\n')
    write(folder, "demand.csv", demand_csv)
    return folder


def test_folder_with_demand_csv(tmp_path: Path) -> None:
    """A folder reads every skill file; demand.csv fills only skills without their own demand."""
    folder = make_folder(tmp_path, "id,demand,demand_source\n"
                                   "python,0.75,corpus: 75 of 100 postings\n"
                                   "docker,0.9,corpus: 90 of 100 postings\n"
                                   "rust,0.05,\n")
    tax = load_taxonomy(folder)
    assert tax.id == "f" and set(tax.skills) == {"python", "rust", "go", "docker"}
    assert list(tax.skills)[:3] == ["python", "rust", "go"]  # files in name order
    assert (tax["python"].demand, tax["python"].demand_source) == (
        0.75, "corpus: 75 of 100 postings")
    assert (tax["docker"].demand, tax["docker"].demand_source) == (0.2, "article")
    assert tax["rust"].demand == 0.05 and tax["rust"].demand_source.startswith("demand.csv of ")
    assert (tax["go"].demand, tax["go"].demand_source) == (0.001, "folder default")


def test_demand_csv_unknown_id_is_an_error(tmp_path: Path) -> None:
    """An id in demand.csv that no skill file defines is an error naming demand.csv and the id."""
    folder = make_folder(tmp_path, "id,demand,demand_source\njulia,0.1,corpus\n")
    with pytest.raises(TaxonomyError, match="julia") as err:
        load_taxonomy(folder)
    assert "demand.csv" in str(err.value)


def test_folder_needs_header(tmp_path: Path) -> None:
    """A folder without taxonomy.toml is an error that says what to add."""
    with pytest.raises(TaxonomyError, match="taxonomy.toml"):
        load_taxonomy(tmp_path)


def test_json_layer(tmp_path: Path) -> None:
    """A JSON layer (what the importers write) loads alone and stacks under a TOML layer."""
    data = {"taxonomy": {"id": "gen", "name": "Generated", "version": "9",
                         "default_demand": 0.002, "default_demand_source": "gen floor"},
            "skill": {"apache-sqoop": {"name": "Apache Sqoop", "category": "database",
                                       "aliases": ["Sqoop"], "refs": ["onet:43232304"],
                                       "demand": 0.0714, "demand_source": "onet: rule O1"},
                      "spark": {"name": "Apache Spark", "category": "big-data",
                                "exact": ["SPARK"], "refs": ["onet:43232314"]}}}
    path = tmp_path / "gen.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    gen = load_taxonomy(path)
    assert (gen.id, gen.layers, gen.version) == ("gen", ("gen",), "9")
    assert gen["Sqoop"].refs == ("onet:43232304",) and gen["Sqoop"].layer == "gen"
    assert gen["spark"].demand == 0.002 and gen["spark"].demand_source == "gen floor"
    write(tmp_path, "high.toml", HIGH)
    both = stack([path, tmp_path / "high.toml"])
    assert both.layers == ("gen", "high")
    assert both["spark"].name == "Apache Spark SQL"
    assert both["spark"].refs == ("esco:af7ae54f", "onet:43232314")
    assert both["SPARK"].id == "spark" and both["sqoop"].id == "apache-sqoop"


def test_bad_json_layer(tmp_path: Path) -> None:
    """A JSON layer that does not parse is an error naming the file."""
    path = write(tmp_path, "broken.json", '{"taxonomy": {"id": "x"}, "skill": {')
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    assert str(path) in str(err.value)


# ------------------------------------------------------------------------------ bundled


def test_available_taxonomies() -> None:
    """available_taxonomies() lists the bundled stack, the core and the generated layers."""
    names = available_taxonomies()
    assert {"default", "ml-engineer", "onet-tech", "esco-tech", "devicon-tech"} <= set(names)
    assert list(names) == sorted(names)


def test_default_is_a_stack(default: Taxonomy) -> None:
    """The default stacks the O*NET, ESCO and devicon layers under the curated core."""
    assert default.id == "default"
    assert default.layers == ("onet-tech", "esco-tech", "devicon-tech", "ml-engineer")
    assert {s.layer for s in default} == {"onet-tech", "esco-tech", "devicon-tech", "ml-engineer"}


@pytest.mark.parametrize("name", ["ml-engineer", "onet-tech", "esco-tech", "devicon-tech"])
def test_each_layer_loads_alone(name: str) -> None:
    """Each bundled layer loads alone by name, as a one-layer taxonomy."""
    tax = load_taxonomy(name)
    assert tax.id == name and tax.layers == (name,)
    assert len(tax) > 100 and {s.layer for s in tax} == {name}


def test_core_wins_and_gathers_refs(default: Taxonomy) -> None:
    """In the default, the core's Python wins (demand 0.758) and gathers both layers' refs."""
    python = default["python"]
    assert (python.demand, python.layer, python.name) == (0.758, "ml-engineer", "Python")
    assert any(r.startswith("onet:") for r in python.refs)
    assert any(r.startswith("esco:") for r in python.refs)
    assert load_taxonomy("ml-engineer")["python"].refs == ()
    onet = load_taxonomy("onet-tech")["python"]
    assert onet.layer == "onet-tech" and onet.demand != 0.758
    assert set(onet.refs) <= set(python.refs)


def test_default_bigger_than_each_layer(default: Taxonomy) -> None:
    """The stack holds the core and the imported skills the core does not already have."""
    core = load_taxonomy("ml-engineer")
    assert set(core.skills) <= set(default.skills)
    assert len(default) > len(core)
    assert all(default[sid].layer == "ml-engineer" for sid in core.skills)


def test_an_imported_camelcase_name_split_in_two_keeps_its_capitals(default_matcher) -> None:
    """QUALCOMM's ViaWeb is found as "ViaWeb" and "Via Web", never in the prose "via web
    services"; a curated name's split stays free of case ("power point")."""
    def found(text: str) -> set[str]:
        return set(default_matcher.extract(text, kind="resume").skills)

    assert "qualcomm-viaweb" not in found("Built apps via web services for clients.")
    assert "qualcomm-viaweb" in found("Skills: Via Web, Excel, Word")
    assert "powerpoint" in found("Skills: power point, Excel, Word")
