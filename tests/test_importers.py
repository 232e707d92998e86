"""Tests for the taxonomy importers: each alias rule, the generic-category, vendor, ambiguity and
demand rules, merging into the core, alias conflicts, and the O*NET and ESCO importers end to end.

Every product name and label used here is a real row of the fixtures cut from O*NET 29.2 and
ESCO 1.1.1 (tests/fixtures/taxonomy/README.md); the tests never read the full sources.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from skillmatch import Matcher, Taxonomy, load_taxonomy
from skillmatch.taxonomy import import_devicon, import_esco, import_onet, stack
from skillmatch.taxonomy._aliases import (
    RULES,
    AliasRule,
    AliasRules,
    company_vendors,
    find_vendors,
    named_company_vendors,
    respelled_vendors,
)
from skillmatch.taxonomy._esco import EscoConcept, build_esco_layer, read_esco
from skillmatch.taxonomy._merge import LayerBuilder, spells
from skillmatch.taxonomy._onet import (
    OnetRow,
    _activity,
    category_of,
    find_lines,
    is_generic_category,
    lowercase_vocabulary,
    onet_demand,
    read_onet,
)
from skillmatch.taxonomy._rules import import_rules
from skillmatch.taxonomy._words import is_common

FIXTURES = Path(__file__).parent / "fixtures" / "taxonomy"
ONET = FIXTURES / "onet"
ESCO = FIXTURES / "esco"
DEVICON = FIXTURES / "devicon"
SIMPLE_ICONS = FIXTURES / "simple-icons"
ROOT = Path(__file__).resolve().parents[1]

PYTHON_ESCO = "esco:ccd0a1d9-afda-43d9-b901-96344886e14d"
HASKELL_ESCO = "esco:000f1d3d-220f-4789-9c0a-cc742521fb02"
SSIS_ESCO = "esco:6f7512ab-d46d-402a-8c30-a8878d7c1f88"
TERADATA_ESCO = "esco:d9eaf831-9348-4330-a83e-b7c099cdc8f6"


def rule(name: str) -> AliasRule:
    return next(r for r in RULES if r.name == name)


def vendors(*names: str) -> AliasRules:
    return AliasRules(vendors=frozenset(names))


# ------------------------------------------------------------------------------ shared imports


@pytest.fixture(scope="module")
def core() -> Taxonomy:
    return load_taxonomy("ml-engineer")


@pytest.fixture(scope="module")
def onet_rows() -> dict[str, OnetRow]:
    return {row.name: row for row in read_onet(ONET)}


def _saved(factory: pytest.TempPathFactory, name: str, layer: str) -> Path:
    """A layer's JSON written to a fresh temporary folder, as the importer's CLI writes it."""
    path = factory.mktemp(name) / f"{name}.json"
    path.write_text(layer, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def onet_import(core: Taxonomy, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The O*NET fixture imported over the curated core: (layer path, report)."""
    layer, report = import_onet(ONET, base=core)
    return _saved(tmp_path_factory, "onet-tech", layer), report


@pytest.fixture(scope="module")
def onet_layer(onet_import: tuple[Path, str]) -> Taxonomy:
    return load_taxonomy(onet_import[0])


@pytest.fixture(scope="module")
def onet_raw(onet_import: tuple[Path, str]) -> dict[str, dict[str, Any]]:
    skills: dict[str, dict[str, Any]] = json.loads(
        onet_import[0].read_text(encoding="utf-8"))["skill"]
    return skills


@pytest.fixture(scope="module")
def esco_import(onet_import: tuple[Path, str],
                tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The ESCO fixture imported over the core and the fixture's O*NET layer, as the README says."""
    base = stack([str(onet_import[0]), "ml-engineer"])
    layer, report = import_esco(ESCO, base=base)
    return _saved(tmp_path_factory, "esco-tech", layer), report


@pytest.fixture(scope="module")
def esco_layer(esco_import: tuple[Path, str]) -> Taxonomy:
    return load_taxonomy(esco_import[0])


@pytest.fixture(scope="module")
def full_stack(onet_import: tuple[Path, str], esco_import: tuple[Path, str]) -> Taxonomy:
    """The fixture layers under the core, as the bundled default stacks the real ones."""
    return stack([str(onet_import[0]), str(esco_import[0]), "ml-engineer"])


# ------------------------------------------------------------------------------ fixtures are real


RULE_EXAMPLES = [
    "Amazon Elastic Compute Cloud EC2", "JavaScript Object Notation JSON",
    "Extensible markup language XML", "Apache Hadoop YARN", "Apache Sqoop", "Teradata BTEQ",
    "Teradata Database", "IBM Cognos Planning", "Alteryx software", "Microsoft Excel",
    "Microsoft Teams", "Geographic information system GIS systems",
    "Human resource information system (HRIS)", "Altera Quartus II", "Sage MAS 500",
    "Spreadsheet software", "Email software", "Web browser software", "Python", "Tableau",
    "Carpet Dealer Management System CDMS", "Clinical data management system CDMS",
    "A mathematical programming language AMPL", "AMPL",
    "Electronic design automation EDA software", "Apache Spark", "Dassault Systemes CATIA",
    "IBM Cognos", "IBM Cognos Impromptu", "Oracle Hyperion", "Oracle Hyperion Planning",
    "Adobe LifeCycle ES", "Adobe LifeCycle Enterprise Suite", "Symantec Veritas File System",
    "Microsoft Hyper-V Server", "BMC Software Control-M", "Oracle JD Edwards EnterpriseOne",
    "Google Earth Pro", "SAP Replication Server", "MicroFocus GroupWise", "Micro Focus OpenView",
]

# O*NET 29.2 rows whose only occupations (15-1231.00, 15-1244.00) the fixture leaves out: adding
# them would change the count of computer occupations that rule O1's tests divide by.
GHOST = "Symantec Ghost Solution Suite"
REMEDY = "BMC Software Remedy IT Service Management Suite"


def test_rule_examples_are_real_onet_rows(onet_rows: dict[str, OnetRow]) -> None:
    """Every product name the rule tests use is a row of the O*NET fixture."""
    assert set(RULE_EXAMPLES) <= set(onet_rows)


def test_fixtures_keep_the_source_format() -> None:
    """The fixtures keep the released header rows, columns and line endings."""
    onet = (ONET / "Technology Skills.txt").read_bytes()
    assert onet.startswith(b"O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\t"
                           b"Hot Technology\tIn Demand\r\n")
    rows = onet.decode("utf-8").splitlines()[1:]
    assert 30 <= len(rows) <= 60 and all(len(r.split("\t")) == 6 for r in rows)
    with (ESCO / "esco_v_1_1_1_data_formatted.csv").open(encoding="utf-8", newline="") as fh:
        esco = list(csv.DictReader(fh))
    assert list(esco[0]) == ["id", "description", "hierarchy_levels", "type"]
    assert {r["type"] for r in esco} == {"preferredLabel", "altLabels", "level_2"}
    assert sum(r["type"] == "preferredLabel" for r in esco) == 29


# ------------------------------------------------------------------------------ alias rules


def test_rules_are_named_records() -> None:
    """The alias rules are seven named records, each with a description and a function."""
    assert [r.name for r in RULES] == ["trailing-acronym", "vendor-prefix", "trailing-generic",
                                       "parenthesised", "version", "vendor-short",
                                       "descriptive-tail"]
    assert all(r.description and callable(r.apply) for r in RULES)


def test_rule_trailing_acronym() -> None:
    """trailing-acronym: an acronym after the words it abbreviates gives the acronym and the words."""
    apply = rule("trailing-acronym").apply
    assert apply("JavaScript Object Notation JSON", AliasRules()) == (
        "JSON", "JavaScript Object Notation")
    assert apply("Extensible markup language XML", AliasRules()) == (
        "XML", "Extensible markup language")
    assert apply("Amazon Elastic Compute Cloud EC2", AliasRules()) == (
        "EC2", "Amazon Elastic Compute Cloud")
    # after a vendor's name, also the vendor with the acronym and the words without the vendor
    assert apply("Amazon Elastic Compute Cloud EC2", vendors("Amazon")) == (
        "EC2", "Amazon Elastic Compute Cloud", "Amazon EC2", "Elastic Compute Cloud")
    # a capitalised last word that does not abbreviate the words before it is no acronym
    assert apply("Apache Hadoop YARN", vendors("Apache")) == ()
    assert apply("Teradata BTEQ", vendors("Teradata")) == ()  # two words: nothing to abbreviate


def test_rule_vendor_prefix() -> None:
    """vendor-prefix: a known vendor's name before the product is dropped; the longest vendor wins."""
    apply = rule("vendor-prefix").apply
    assert apply("Apache Sqoop", vendors("Apache")) == ("Sqoop",)
    assert apply("Teradata BTEQ", vendors("Teradata")) == ("BTEQ",)
    assert apply("IBM Cognos Planning", vendors("IBM", "IBM Cognos")) == ("Planning",)
    assert apply("Apache Sqoop", AliasRules()) == ()  # not a vendor: nothing
    assert apply("Alteryx software", vendors("Apache")) == ()


def test_rule_trailing_generic() -> None:
    """trailing-generic: generic last words ("software", "systems") are dropped."""
    apply = rule("trailing-generic").apply
    assert apply("Alteryx software", AliasRules()) == ("Alteryx",)
    assert apply("Geographic information system GIS systems", AliasRules()) == (
        "Geographic information system GIS",)
    assert apply("Microsoft Excel", AliasRules()) == ()
    assert {"software", "systems"} <= set(import_rules()["onet"]["generic_tail"])


def test_rule_parenthesised() -> None:
    """parenthesised: 'Name (ABC)' gives 'Name' and 'ABC'."""
    apply = rule("parenthesised").apply
    assert apply("Human resource information system (HRIS)", AliasRules()) == (
        "Human resource information system", "HRIS")
    assert apply("Microsoft Teams", AliasRules()) == ()


def test_rule_version() -> None:
    """version: a trailing version number or numeral is dropped; an acronym is not a version."""
    apply = rule("version").apply
    assert apply("Altera Quartus II", AliasRules()) == ("Altera Quartus",)
    assert apply("Sage MAS 500", AliasRules()) == ("Sage MAS",)
    assert apply("Amazon Elastic Compute Cloud EC2", AliasRules()) == ()
    assert apply("Microsoft Excel", AliasRules()) == ()


def test_rule_descriptive_tail() -> None:
    """descriptive-tail: words after the product's own name that say what kind of package or
    edition it is are dropped when what is left still names it."""
    apply = rule("descriptive-tail").apply
    rules = vendors("Microsoft", "Symantec", "BMC", "BMC Software", "Oracle", "SAP", "Google")
    assert apply("Microsoft Hyper-V Server", rules) == ("Microsoft Hyper-V",)
    assert apply("Hyper-V Server", rules) == ("Hyper-V",)
    assert apply(GHOST, rules) == ("Symantec Ghost",)
    assert apply("Remedy IT Service Management Suite", rules) == ("Remedy",)
    assert apply("Oracle JD Edwards EnterpriseOne", rules) == ("Oracle JD Edwards",)  # Camel
    # the edition word is part of a name that ends on a common word: "Google Earth Pro"
    assert apply("Google Earth Pro", rules) == ()
    # a common word that names an activity or reads as an adjective is no product's name
    assert apply("SAP Replication Server", rules) == ()
    assert apply("Microsoft Excel", rules) == ()


def test_rule_vendor_short() -> None:
    """vendor-short: a company's full name before the product is also written short."""
    apply = rule("vendor-short").apply
    rules = vendors("BMC", "BMC Software", "Google", "Google Cloud")
    assert apply("BMC Software Control-M", rules) == ("BMC Control-M",)
    assert apply(REMEDY, rules) == ("BMC Remedy IT Service Management Suite",)
    assert apply("Google Cloud software", rules) == ()  # "Cloud" names no company


def test_descriptive_tail_derives_the_short_names() -> None:
    """The rules chained give the names resumes write ("BMC Remedy", "Symantec Ghost",
    "JD Edwards", "Hyper-V"), all of them loose: they merge the product into no other skill."""
    rules = vendors("Microsoft", "Symantec", "BMC", "BMC Software", "Oracle")
    assert {"BMC Remedy", "Remedy"} <= set(rules.derive(REMEDY)) and "BMC Remedy" in rules.loose(REMEDY)
    assert {"Symantec Ghost", "Ghost"} <= rules.loose(GHOST)
    assert {"JD Edwards", "Oracle JD Edwards"} <= rules.loose("Oracle JD Edwards EnterpriseOne")
    assert rules.loose("Microsoft Hyper-V Server") == {"Hyper-V", "Microsoft Hyper-V"}
    assert "Hyper-V Server" not in rules.loose("Microsoft Hyper-V Server")  # vendor-prefix's


def test_loose_alias_neither_merges_nor_wins_a_claim(core: Taxonomy) -> None:
    """A loose alias names no other skill: "Microsoft SQL Server" gives "SQL" loosely, which
    neither merges it into the core's SQL nor stays (the core holds it); "Windows XP" from
    "Microsoft Windows XP Professional" stays with "Microsoft Windows XP"."""
    b = LayerBuilder(core, source="test")
    xp = b.add(key="Microsoft Windows XP", name="Microsoft Windows XP", aliases=["Windows XP"],
               category="platform")
    pro = b.add(key="Microsoft Windows XP Professional", name="Microsoft Windows XP Professional",
                aliases=["Windows XP"], loose=["Windows XP"], category="platform")
    sql = b.add(key="Redgate SQL Server", name="Redgate SQL Server", aliases=["SQL"],
                loose=["SQL"], category="tool")
    assert sql == "redgate-sql-server" and pro != xp
    layer, report = b.finish({"id": "t", "name": "t"})
    skills = json.loads(layer)["skill"]
    assert "Windows XP" not in skills[pro].get("aliases", []) + skills[pro].get("exact", [])
    assert "Windows XP" in skills[xp].get("aliases", []) + skills[xp].get("exact", [])
    assert any("claimed loosely by " + pro in line for line in report)


def test_rule_vendor_evidence() -> None:
    """vendor-evidence: a company written as one word before its only product ("MicroFocus
    GroupWise"), and a vendor whose products' names begin in lowercase ("Novell eDirectory")."""
    names = ["MicroFocus GroupWise", "Micro Focus OpenView", "Micro Focus TestPartner",
             "Novell eDirectory", "Novell NetWare Management Station"]  # O*NET 29.2 rows
    assert respelled_vendors(names) == {"MicroFocus"}
    assert "Novell" in find_vendors(names, 2)
    assert vendors("MicroFocus").derive("MicroFocus GroupWise") == {"GroupWise": "vendor-prefix"}


def test_short_names_in_the_default_layer() -> None:
    """The bundled O*NET layer finds the short names resumes write."""
    onet = load_taxonomy(ROOT / "taxonomies" / "generated" / "onet-tech.json")
    for form, sid in [("Hyper-V", "microsoft-hyper-v-server"), ("Symantec Ghost", "symantec-ghost-solution-suite"),
                      ("BMC Remedy", "bmc-software-remedy-it-service-management-suite"),
                      ("JD Edwards", "oracle-jd-edwards-enterpriseone"),
                      ("GroupWise", "microfocus-groupwise"), ("eDirectory", "novell-edirectory")]:
        found = onet.get(form)
        assert found is not None and found.id == sid, form


def test_derive_chains_rules_and_drops_empty_aliases() -> None:
    """derive applies the rules to what they derive, and drops aliases that say nothing."""
    rules = vendors("Sage", "Teradata")
    assert set(rules.derive("Sage MAS 500")) == {"MAS 500", "Sage MAS", "MAS"}
    assert not rules.derive("Teradata Database")  # "Database" is a generic noun
    assert set(vendors("Apache").derive("Apache Hadoop YARN")) == {"Hadoop YARN"}
    assert "Python" not in vendors("Apache").derive("Python")
    assert not rules.useful("Teradata") and not rules.useful("Database") and rules.useful("BTEQ")


# ------------------------------------------------------------------------------ generic category


def test_generic_categories_skipped_products_kept(onet_rows: dict[str, OnetRow]) -> None:
    """rule generic-category: a category name is not a product; a product with a generic tail is."""
    rules = AliasRules(vendors=frozenset(import_rules()["onet"]["vendors"]))
    lowercase = lowercase_vocabulary(list(onet_rows.values()))
    for name in ("Spreadsheet software", "Email software", "Web browser software"):
        assert is_generic_category(name, rules, lowercase), name
    for name in ("Alteryx software", "Geographic information system GIS software",
                 "IBM Cognos Planning", "Microsoft Excel", "Python", "Tableau",
                 "Human resource information system (HRIS)"):
        assert not is_generic_category(name, rules, lowercase), name


def test_one_word_activity_is_a_plain_technique(core: Taxonomy) -> None:
    """Rule category-activity on one word: "Bookkeeping software" is the category, not a
    product; its rarer activity word is a technique that counts only where skills are listed
    (ambiguous), an everyday one is left out, and a demanded product keeps its name."""
    rules = AliasRules()
    assert is_generic_category("Traceability software", rules)
    assert not is_generic_category("Ansible software", rules, demanded=True)
    assert _activity("Bookkeeping software", rules) == "Bookkeeping"
    assert _activity("Testing software", rules) is None  # too common a word
    assert _activity("Debugging software", rules, frozenset({"debugging"})) is None
    builder = LayerBuilder(core, source="O*NET 29.2")
    sid = builder.add(key="Bookkeeping software", name="Bookkeeping",
                      aliases=["Bookkeeping software"], category="technique",
                      plain=["Bookkeeping"])
    skill = json.loads(builder.finish({"id": "t"})[0])["skill"][sid]
    assert skill["ambiguous"] == ["Bookkeeping"]


def test_rule_case_marked(core: Taxonomy) -> None:
    """A short name whose capitals are its identity and which written plainly is a word
    ("eXe" / "exe installers") matches only as written; "spaCy" is no word, "Spacy" finds it."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    exe = builder.add(key="eXe", name="eXe", aliases=[], category="tool")
    skills = json.loads(builder.finish({"id": "t"})[0])["skill"]
    assert skills[exe]["exact"] == ["eXe"] and "aliases" not in skills[exe]
    spacy = LayerBuilder(core, source="O*NET 29.2")
    sid = spacy.add(key="spaCy", name="spaCy", aliases=[], category="library")
    assert "exact" not in json.loads(spacy.finish({"id": "t"})[0])["skill"][sid]


def test_case_marked_name_in_the_default_layer() -> None:
    """The shipped layer: "eXe" is found only as written."""
    default = load_taxonomy("default")
    assert default.get("Exe") is None and default["eXe"].id == "exe"


def test_import_reports_skipped_categories(onet_import: tuple[Path, str],
                                          onet_layer: Taxonomy) -> None:
    """The import leaves the categories out, says so in the report, and keeps the products."""
    _, report = onet_import
    assert "skipped (4):" in report
    # "IBM Cognos" is a listed vendor; with too few IBM products here for IBM to be a vendor,
    # it is no product line (rule product-line), and names the company alone
    assert "vendor-only: 'IBM Cognos' names a company, not a product" in report
    for name in ("Spreadsheet software", "Email software", "Web browser software"):
        assert f"generic-category: {name!r}" in report
        assert name not in onet_layer
    assert onet_layer["Alteryx software"].id == "alteryx"
    assert "Geographic information system GIS software" in onet_layer


def test_category_of_commodity() -> None:
    """A UNSPSC commodity title gives the category by the rules file; anything else is a tool."""
    assert category_of("Data base user interface and query software") == "database"
    assert category_of("Business intelligence and data analysis software") == "visualization"
    assert category_of("Enterprise resource planning ERP software") == "platform"
    assert category_of("Analytical or scientific software") == "tool"


# ------------------------------------------------------------------------------ vendors


def test_vendors_found_in_the_data(onet_rows: dict[str, OnetRow]) -> None:
    """A rare first word starting two products is a vendor; a common English word, or a word
    that is itself a product, needs more (the rules file's counts)."""
    names = list(onet_rows)
    config = import_rules()["onet"]
    minimum = int(config["vendor_min_products"])
    common, named = int(config["vendor_min_common"]), int(config["vendor_min_named"])
    found = find_vendors(names, minimum, min_common=common, min_named=named)
    assert "Teradata" in found  # six Teradata products in the fixture
    assert not {"Microsoft", "Apache", "Amazon"} & found  # English words: 18 products needed
    teradata = [n for n in names if n.startswith("Teradata ")]
    assert "Teradata" in find_vendors(teradata[:minimum], minimum)
    assert "Teradata" not in find_vendors(teradata[:minimum - 1], minimum)
    # a first word that is a product of its own is a product line until it begins many names
    real = ["MapInfo", "MapInfo Professional", "MapInfo Vertical Mapper"]  # O*NET 29.2 rows
    assert "MapInfo" not in find_vendors(real, minimum, min_named=named)
    assert "Mozilla" in find_vendors(["Mozilla Firefox", "Mozilla Thunderbird"], minimum)


@pytest.mark.parametrize(("name", "vendor", "alias", "hot", "where"), [
    ("Google Chrome", "Google", "Chrome", False, "exact"),  # rare enough a word: as written
    ("Microsoft Windows XP", "Microsoft", "Windows XP", False, "exact"),
    ("VMWare Workstation", "VMWare", "Workstation", False, "exact"),  # not "workstations"
    ("Microsoft Edge", "Microsoft", None, False, None),  # "Edge" is too common a word
    # listed here by every computer occupation (the rows below): broad enough for "Publisher"
    ("Microsoft Publisher", "Microsoft", "Publisher", False, "exact"),
    ("Oracle Supply Chain Management", "Oracle", None, False, None),  # names work, not a product
    ("Microsoft Teams", "Microsoft", "Teams", True, "aliases"),  # hot: people write "teams"
    ("Mozilla Thunderbird", "Mozilla", "Thunderbird", False, "aliases"),  # 2.9: rare word
    ("Apache Sqoop", "Apache", "Sqoop", False, "aliases"),  # not a word: any case
])
def test_rule_vendor_prefix_cased(tmp_path: Path, name: str, vendor: str, alias: str | None,
                                  hot: bool, where: str | None) -> None:
    """What is left without the vendor, when it reads as English, is kept only in the case
    written (and marked ambiguous when common); everyday words and activities are dropped."""
    folder = tmp_path / "onet"
    folder.mkdir()
    header = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
              "In Demand"]
    rows = [["15-1252.00", name, "43232705", "Internet browser software", "Y" if hot else "N",
             "N"]]
    rows += [["15-1252.00", f"{vendor} Product{i}", "43232705", "Internet browser software",
              "N", "N"] for i in range(18)]  # enough products to make the vendor a vendor
    (folder / "Technology Skills.txt").write_text(
        "\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    layer, _ = import_onet(folder, base=load_taxonomy("ml-engineer"))
    skill = next(v for v in json.loads(layer)["skill"].values() if v["name"] == name)
    if where is None:
        assert alias not in skill.get("aliases", []) + skill.get("exact", [])
        assert not [a for a in skill.get("aliases", []) + skill.get("exact", [])
                    if name.endswith(a) and len(a.split()) < len(name.split())]
    else:
        assert alias in skill.get(where, []), skill


def test_narrow_product_drops_a_common_word(tmp_path: Path) -> None:
    """vendor-prefix-cased: "Publisher" (Zipf 4.1) names Microsoft Publisher only for a product
    listed by many computer occupations (the case above); listed by none, it says too little."""
    folder = tmp_path / "onet"
    folder.mkdir()
    header = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
              "In Demand"]
    rows = [["43-9022.00", "Microsoft Publisher", "43232104", "Word processing software", "N",
             "N"]]
    rows += [["15-1252.00", f"Microsoft Product{i}", "43232104", "Word processing software",
              "N", "N"] for i in range(18)]
    (folder / "Technology Skills.txt").write_text(
        "\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    layer, _ = import_onet(folder, base=load_taxonomy("ml-engineer"))
    skill = next(v for v in json.loads(layer)["skill"].values()
                 if v["name"] == "Microsoft Publisher")
    assert "Publisher" not in skill.get("aliases", []) + skill.get("exact", [])


def test_vendors_from_the_rules_file(onet_import: tuple[Path, str]) -> None:
    """The rules file lists vendors the count cannot see; the report names every vendor used."""
    config = import_rules()["onet"]
    assert {"Amazon", "IBM Cognos", "Oracle", "Sage", "Red Hat"} <= set(config["vendors"])
    assert "National" in config["not_vendors"]
    _, report = onet_import
    line = next(x for x in report.splitlines() if x.startswith("vendors (rule vendor-prefix"))
    listed = set(line.split(": ", 1)[1].split(", "))
    assert {"Teradata", "Amazon", "IBM Cognos", "Sage"} <= listed
    assert not {"Microsoft", "Apache", "National"} & listed


def test_rule_vendor_company(onet_rows: dict[str, OnetRow]) -> None:
    """vendor-company: a vendor followed by words that name a company is the vendor in full, so
    the product is what follows ("CATIA", not "Systemes CATIA")."""
    names = list(onet_rows)
    words = import_rules()["onet"]["vendor_company_words"]
    found = find_vendors(names, 2)
    assert "Dassault" in found  # two Dassault Systemes products in the fixture
    full = company_vendors(names, found, words)
    assert "Dassault Systemes" in full
    derived = AliasRules(vendors=found | full).derive("Dassault Systemes CATIA")
    assert "CATIA" in derived and "Systemes CATIA" not in derived
    # one product of a vendor with many, whose name goes on with such a word, keeps it: O*NET
    # 29.2 rows
    real = ["IBM Interactive System Productivity Facility ISPF", "IBM Notes",
            "Hyland Software OnBase"]
    assert company_vendors(real, {"IBM", "Hyland"}, words) == {"Hyland Software"}


def test_rule_vendor_company_named() -> None:
    """vendor-company-named: a company spelt out before its only product is its vendor, so the
    product's own name is an alias ("Houdini", "Mastercam"); a name that only goes on with such
    a word ("Multipurpose Interactive ...", "IBM Interactive ...") or names no product ("Epic
    Systems software") gives none. O*NET 29.2 rows."""
    onet = import_rules()["onet"]
    real = ["Side Effects Software Houdini", "CNC Software Mastercam", "Sparta Systems TrackWise",
            "DZS Software Solutions ClinPlus", "Epic Systems software",
            "Multipurpose Interactive Image Processing System MIIPS",
            "IBM Interactive System Productivity Facility ISPF"]
    found = named_company_vendors(real, {"IBM"}, onet["named_company_words"],
                                  onet["vendor_company_words"], onet["generic_tail"],
                                  onet["not_vendors"])
    assert found == {"Side Effects Software", "CNC Software", "Sparta Systems",
                     "DZS Software Solutions"}
    derived = AliasRules(vendors=found | {"IBM"}).derive("Side Effects Software Houdini")
    assert "Houdini" in derived


def test_rule_sole_product_vendor() -> None:
    """sole-product-vendor: a two-word name whose first word is no English word and begins no
    other name, before a product-looking word, names its vendor, so the product is written
    alone too ("ArchiCAD", "Acunetix"); not an English first word ("Epic Willow"), a common
    second one ("Kronos Workforce") or two words run together ("ToolRoom", "Knowledgebase",
    which lowercase text reads as words). O*NET 29.2 rows."""
    from skillmatch.taxonomy._aliases import sole_product_vendors

    onet = import_rules()["onet"]
    real = ["Graphisoft ArchiCAD", "Invicti Acunetix", "ANCA ToolRoom", "Epic Willow",
            "Kronos Workforce", "Talisma Knowledgebase", "Microsoft Excel", "Microsoft Word"]
    found = sole_product_vendors(real, {"Microsoft"},
                                 max_vendor_zipf=float(onet["sole_vendor_max_zipf"]),
                                 max_product_zipf=float(onet["sole_product_max_zipf"]),
                                 min_product_length=int(onet["sole_product_min_length"]))
    assert found == {"Graphisoft", "Invicti"}
    assert "ArchiCAD" in AliasRules(vendors=found).derive("Graphisoft ArchiCAD")


def test_bundled_layer_knows_products_by_their_own_names(default_matcher) -> None:
    """The shipped O*NET layer was built with the rule: a resume's "ArchiCAD" is found."""
    ex = default_matcher.extract("Drafting in ArchiCAD since 2012; Skills: ArchiCAD, Revit",
                                 kind="resume")
    assert "graphisoft-archicad" in ex.skills


def test_rule_product_line(onet_rows: dict[str, OnetRow]) -> None:
    """product-line: a vendor and a product word that begin two products name a line; its
    short name is the product word, and the line is listed under its own name when O*NET has
    it ("IBM Cognos"); an English word is no product word unless the line is listed."""
    rules = vendors("IBM", "IBM Cognos", "Oracle", "Adobe", "Symantec")
    lines = find_lines(list(onet_rows), rules, min_products=2)
    assert dict(lines.words) == {"Adobe LifeCycle": "LifeCycle", "IBM Cognos": "Cognos",
                                 "Oracle Hyperion": "Hyperion", "Symantec Veritas": "Veritas"}
    assert dict(lines.products) == {"IBM Cognos": "IBM Cognos",
                                    "Oracle Hyperion": "Oracle Hyperion"}
    assert lines.line_of("IBM Cognos Impromptu") == "IBM Cognos"
    assert lines.line_of("IBM Cognos") is None and lines.line_of("Oracle Database") is None
    # O*NET 29.2 rows: "Visual" is a word, not a line; a company named for its line joins it
    real = ["Microsoft Visual Basic", "Microsoft Visual Studio", "Oracle Hyperion",
            "Oracle Hyperion Planning", "Hyperion Solutions Hyperion Intelligence",
            "Hyperion Solutions Hyperion System 9 Bi+"]
    lines = find_lines(real, vendors("Microsoft", "Oracle", "Hyperion", "Hyperion Solutions"),
                       min_products=2)
    assert dict(lines.words) == {"Oracle Hyperion": "Hyperion"}
    assert lines.line_of("Hyperion Solutions Hyperion Intelligence") == "Oracle Hyperion"


def test_import_product_lines(onet_import: tuple[Path, str], onet_layer: Taxonomy) -> None:
    """An imported line is a skill its products have as parent, listed in the report; a short
    name that is a word ("Hyperion", "Veritas") or reads as words ("LifeCycle": "life cycle")
    counts only as written and where skills are listed; the products keep their own names."""
    assert onet_layer["oracle-hyperion-planning"].parents == ("oracle-hyperion",)
    assert "oracle-hyperion" in onet_layer.implied("oracle-hyperion-planning")
    lifecycle = onet_layer["adobe-lifecycle"]  # O*NET lists no "Adobe LifeCycle": a new skill
    assert lifecycle.name == "Adobe LifeCycle" and lifecycle.category == "tool"
    assert {onet_layer[n].parents for n in ("Adobe LifeCycle ES",
                                           "Adobe LifeCycle Enterprise Suite")} == {
        ("adobe-lifecycle",)}
    for sid, short in (("adobe-lifecycle", "LifeCycle"), ("oracle-hyperion", "Hyperion"),
                       ("symantec-veritas", "Veritas")):
        skill = onet_layer[sid]
        assert short in skill.exact and short in skill.ambiguous, skill
    assert onet_layer.get("Adobe LifeCycle ES").id == "adobe-lifecycle-es"
    _, report = onet_import
    assert ("product-line: 'Adobe LifeCycle' -> adobe-lifecycle (2 products: Adobe LifeCycle "
            "ES, Adobe LifeCycle Enterprise Suite)") in report


# ------------------------------------------------------------------------------ ambiguity


def test_is_common() -> None:
    """is_common: ordinary English words are ambiguous; rare names and title-case phrases are not."""
    assert is_common("Oracle") and is_common("Access") and is_common("Teams")
    assert not is_common("Tableau") and not is_common("Teradata")
    assert not is_common("Visual Studio")  # title-case phrase: a name
    assert not is_common("Microsoft Windows") and not is_common("Python3")
    assert is_common("spreadsheet software")


def test_common_alias_kept_only_for_demanded_products(core: Taxonomy) -> None:
    """A one-word common alias is kept (and marked ambiguous) for a hot product, dropped otherwise."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    builder.add(key="Microsoft Teams", name="Microsoft Teams",
                aliases=sorted(vendors("Microsoft").derive("Microsoft Teams")), category="tool",
                common_aliases=True)
    builder.add(key="IBM Cognos Planning", name="IBM Cognos Planning",
                aliases=sorted(vendors("IBM Cognos").derive("IBM Cognos Planning")),
                category="platform")
    builder.add(key="Teradata FastLoad", name="Teradata FastLoad",
                aliases=sorted(vendors("Teradata").derive("Teradata FastLoad")), category="tool")
    skills = json.loads(builder.finish({"id": "t"})[0])["skill"]
    assert skills["microsoft-teams"]["aliases"] == ["Teams"]
    assert skills["microsoft-teams"]["ambiguous"] == ["Teams"]
    assert "aliases" not in skills["ibm-cognos-planning"]  # "Planning" alone says too little
    assert skills["teradata-fastload"]["aliases"] == ["FastLoad"]
    assert "ambiguous" not in skills["teradata-fastload"]


def test_a_discipline_merges_into_the_field_of_study(core: Taxonomy) -> None:
    """An imported concept named like a field of study the core knows only as a field
    ("computer science", ESCO) is that field, so a degree line keeps naming a field."""
    builder = LayerBuilder(core, source="ESCO 1.1.1")
    sid = builder.add(key="computer science", name="computer science", aliases=[],
                      category="concept", refs=["esco:7b5cce4d"])
    layer, report = builder.finish({"id": "t"})
    assert sid == "field-computer-science"
    assert json.loads(layer)["skill"][sid]["category"] == "field"
    assert any("field-computer-science" in line for line in report)


def test_imported_layer_marks_common_names(onet_layer: Taxonomy) -> None:
    """In the imported layer, names that read as ordinary English are ambiguous, product names
    not, and neither are terms of art of three or more common words (rule common-words)."""
    gis = onet_layer["geographic-information-system-gis-software"]
    assert "Geographic information" in gis.ambiguous
    assert "Geographic information system" not in gis.ambiguous
    assert onet_layer["teradata-fastload"].ambiguous == ()
    assert onet_layer["javascript-object-notation-json"].ambiguous == ()


# ------------------------------------------------------------------------------ exact forms


def test_short_acronyms_are_exact(onet_layer: Taxonomy) -> None:
    """Short acronyms become exact (case-sensitive) forms; longer names stay case-free aliases."""
    json_skill = onet_layer["javascript-object-notation-json"]
    assert json_skill.exact == ("JSON",)
    assert "JavaScript Object Notation" in json_skill.aliases
    assert onet_layer["extensible-markup-language-xml"].exact == ("XML",)
    assert onet_layer["teradata-bteq"].exact == ("BTEQ",)
    assert "EC2" in onet_layer["ec2"].exact and "Amazon EC2" not in onet_layer["ec2"].exact
    assert onet_layer["JSON"].id == "javascript-object-notation-json"
    assert onet_layer.get("json") is None  # an exact form matches only as written
    assert onet_layer["javascript object notation"].id == "javascript-object-notation-json"


def test_acronym_alias_needs_breadth(onet_raw: dict[str, dict[str, Any]]) -> None:
    """A brand's acronym alias needs breadth in O*NET (hot, in demand, a computer occupation)."""
    carpet = onet_raw["carpet-dealer-management-system-cdms"]  # one non-computer occupation
    assert "CDMS" not in carpet.get("exact", []) + carpet.get("aliases", [])
    assert "Carpet Dealer Management System" in carpet["aliases"]
    assert onet_raw["teradata-bteq"]["exact"] == ["BTEQ"]  # listed by a computer occupation


# ------------------------------------------------------------------------------ demand rule O1


def test_read_onet_sums_signals(onet_rows: dict[str, OnetRow]) -> None:
    """read_onet: one row per product, flags OR-ed over occupations, share of the 7 computer ones."""
    python = onet_rows["Python"]
    assert (python.commodity, python.hot, python.in_demand) == ("43232405", True, True)
    assert python.share == pytest.approx(3 / 7)
    assert onet_rows["Apache Sqoop"].share == pytest.approx(2 / 7)
    assert onet_rows["Alteryx software"].share == 0
    assert onet_rows["Oracle Database"].commodity_title == (
        "Data base user interface and query software")


@pytest.mark.parametrize(("name", "demand", "signals"), [
    ("Python", 0.1371, "Hot Technology, In Demand; listed by 42.9%"),  # .01 + .02 + .25 * 3/7
    ("Apache Sqoop", 0.0714, "no hot/in-demand flag; listed by 28.6%"),  # .25 * 2/7
    ("JavaScript Object Notation JSON", 0.0457, "Hot Technology; listed by 14.3%"),  # .01 + .25/7
    ("Extensible markup language XML", 0.01, "Hot Technology; listed by 0.0%"),
    ("Geographic information system GIS systems", 0.02, "In Demand; listed by 0.0%"),
    ("IBM Cognos Planning", 0.002, "no hot/in-demand flag; listed by 0.0%"),  # the floor
])
def test_demand_rule_o1(onet_rows: dict[str, OnetRow], name: str, demand: float,
                        signals: str) -> None:
    """Rule O1: hot .01 + in demand .02 + .25 x share of computer occupations, floor .002, cited."""
    value, source = onet_demand(onet_rows[name])
    assert value == demand
    assert source == (f"onet: O*NET 29.2 rule O1 ({signals} of computer and mathematical "
                      "occupations)")


def test_demand_rule_o1_weights_and_cap() -> None:
    """Rule O1's weights come from the rules file; the value never exceeds the cap."""
    config = import_rules()["onet"]
    assert (config["demand_hot"], config["demand_in_demand"], config["demand_occupation_share"],
            config["demand_floor"]) == (0.01, 0.02, 0.25, 0.002)
    top = OnetRow("X", "1", "t", hot=True, in_demand=True, share=1.0)
    assert onet_demand(top)[0] == min(config["demand_cap"], 0.28)


def test_demand_in_the_layer(onet_layer: Taxonomy, onet_raw: dict[str, dict[str, Any]]) -> None:
    """Imported products carry rule O1's demand; products merged into the core carry none."""
    sqoop = onet_layer["apache-sqoop"]
    assert sqoop.demand == 0.0714 and sqoop.demand_source.startswith("onet: O*NET 29.2 rule O1")
    assert "demand" not in onet_raw["python"] and "demand" not in onet_raw["spark"]
    assert onet_layer.default_demand == 0.002


# ------------------------------------------------------------------------------ merging


def test_merge_into_the_core(core: Taxonomy) -> None:
    """An import naming a core skill (by name or a distinctive alias) joins it, and the report says so."""
    builder = LayerBuilder(core, source="test")
    assert builder.add(key="Apache Spark", name="Apache Spark", aliases=[],
                       category="tool", refs=["onet:43232314"]) == "spark"
    assert builder.add(key="Alteryx software", name="Alteryx software", aliases=["Alteryx"],
                       category="tool") == "alteryx"
    assert builder.add(key="Apache Sqoop", name="Apache Sqoop", aliases=["Sqoop"],
                       category="database") == "apache-sqoop"
    layer, report = builder.finish({"id": "t"})
    assert report[0] == "test: 3 skills written, 2 merged into the core"
    assert "merge: 'Apache Spark' -> core spark (by name 'Apache Spark')" in report
    assert "merge: 'Alteryx software' -> core alteryx (by alias 'Alteryx')" in report
    spark = json.loads(layer)["skill"]["spark"]
    assert spark["name"] == "Apache Spark" and spark["refs"] == ["onet:43232314"]


def test_merge_joins_an_earlier_import(core: Taxonomy) -> None:
    """A second import whose alias is an earlier import's name joins that skill."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    first = builder.add(key="Teradata FastLoad", name="Teradata FastLoad", aliases=["FastLoad"],
                        category="tool", refs=["onet:43232307"])
    second = builder.add(key="FastLoad software", name="FastLoad software",
                         aliases=["Teradata FastLoad"], category="tool", refs=["onet:1"])
    assert first == second == "teradata-fastload"
    skill = json.loads(builder.finish({"id": "t"})[0])["skill"]["teradata-fastload"]
    assert skill["refs"] == ["onet:43232307", "onet:1"]


def test_weak_alias_does_not_merge(core: Taxonomy) -> None:
    """A short acronym alone ("EDA", a core skill's alias) is too weak a reason to merge two skills."""
    assert core.get("EDA") is not None
    builder = LayerBuilder(core, source="O*NET 29.2")
    sid = builder.add(key="Electronic design automation EDA software",
                      name="Electronic design automation EDA software",
                      aliases=["EDA", "Electronic design automation"], category="tool")
    assert sid == "electronic-design-automation-eda-software"
    _, report = builder.finish({"id": "t"})
    assert (f"alias conflict: 'eda' is core {core['EDA'].id}'s; dropped from {sid}") in report


def test_import_merges_into_the_core(onet_import: tuple[Path, str],
                                     onet_layer: Taxonomy) -> None:
    """The O*NET import joins the core's skills under the core's ids, and reports each merge."""
    _, report = onet_import
    for line in ("merge: 'Apache Spark' -> core spark (by name 'Apache Spark')",
                 "merge: 'Python' -> core python (by name 'Python')",
                 "merge: 'Microsoft Excel' -> core excel (by name 'Microsoft Excel')",
                 "merge: 'Alteryx software' -> core alteryx (by alias 'Alteryx')",
                 "merge: 'Amazon Elastic Compute Cloud EC2' -> core ec2 (by alias 'Amazon EC2')"):
        assert line in report.splitlines()
    assert onet_layer["Apache Spark"].id == "spark"
    assert onet_layer["Amazon Elastic Compute Cloud EC2"].id == "ec2"


# ------------------------------------------------------------------------------ alias conflicts


def test_conflict_kept_by_own_name(core: Taxonomy) -> None:
    """A form two imports claim stays with the skill whose own name it is."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    sqoop = builder.add(key="Apache Sqoop", name="Apache Sqoop", aliases=["Sqoop"],
                       category="tool")
    own = builder.add(key="Sqoop", name="Sqoop", aliases=[], category="tool")
    assert sqoop != own
    layer, report = builder.finish({"id": "t"})
    assert f"alias conflict: 'sqoop' claimed by {sqoop}, {own}: kept on {own}" in report
    skills = json.loads(layer)["skill"]
    assert skills[own]["name"] == "Sqoop"
    assert "Sqoop" not in skills[sqoop].get("aliases", [])


def test_rule_same_concept(core: Taxonomy) -> None:
    """Names that differ only in generic last words or an acronym of their own words are one
    skill ("... EMR software" and "... EMR systems", "ERP software"); a product that only ends
    in the acronym ("NetSuite ERP") is not, and the acronym is the generic concept's."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    ids = [builder.add(key=name, name=name, aliases=sorted(vendors("NetSuite").derive(name)),
                       category="platform")
           for name in ("ERP software", "Enterprise resource planning ERP software",
                        "Enterprise resource planning ERP system", "NetSuite ERP")]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    layer, report = builder.finish({"id": "t"})
    assert "same concept: 'Enterprise resource planning ERP system' -> erp-software" in report
    assert f"alias conflict: 'erp' claimed by {ids[0]}, {ids[3]}: kept on {ids[0]}" in report
    skills = json.loads(layer)["skill"]
    assert "ERP" in skills[ids[0]]["exact"]
    assert "Enterprise resource planning" in skills[ids[0]]["aliases"]


@pytest.mark.parametrize("acronym, words, spelled", [
    ("RFID", "Radio frequency identification", True),
    ("POS", "Point of sale", True),
    ("FMEA", "Failure mode and effects analysis", True),
    ("CAD", "Computer-aided design", True),
    ("CAD", "Computer assisted jewelry design", False),
    ("EMR", "Patient electronic medical record", False),
])
def test_spells(acronym: str, words: str, spelled: bool) -> None:
    """An acronym is its words' own when each word gives its next letters, first letter first."""
    assert spells(acronym, words.split()) is spelled


def test_conflict_dropped_from_all(core: Taxonomy) -> None:
    """An acronym two unrelated products share is dropped from both."""
    builder = LayerBuilder(core, source="O*NET 29.2")
    ids = [builder.add(key=name, name=name, aliases=sorted(AliasRules().derive(name)),
                       category="database")
           for name in ("Carpet Dealer Management System CDMS",
                        "Clinical data management system CDMS")]
    layer, report = builder.finish({"id": "t"})
    assert f"alias conflict: 'cdms' claimed by {ids[0]}, {ids[1]}: dropped from all" in report
    skills = json.loads(layer)["skill"]
    for sid in ids:
        assert "CDMS" not in skills[sid].get("exact", []) + skills[sid].get("aliases", [])
        assert "CDMS" in skills[sid]["name"]  # the name itself stays


def test_import_reports_conflicts(onet_import: tuple[Path, str], onet_layer: Taxonomy) -> None:
    """The O*NET import settles shared acronyms and names, and reports each one."""
    _, report = onet_import
    lines = report.splitlines()
    software = "geographic-information-system-gis-software"
    assert ("same concept: 'Geographic information system GIS systems' -> "
            f"{software}") in lines
    assert any(x.startswith("alias conflict: 'eda' is core ") for x in lines)
    assert onet_layer["GIS"].id == software
    assert onet_layer["AMPL"].id == onet_layer["A mathematical programming language"].id


# ------------------------------------------------------------------------------ import_onet


def test_import_onet_layer_loads(onet_import: tuple[Path, str], onet_layer: Taxonomy,
                                 onet_raw: dict[str, dict[str, Any]]) -> None:
    """The O*NET layer is JSON that load_taxonomy reads, every product with its onet:<code> ref."""
    path, report = onet_import
    header = json.loads(path.read_text(encoding="utf-8"))["taxonomy"]
    assert (header["id"], header["version"]) == ("onet-tech", "29.2")
    assert "CC BY 4.0" in header["attribution"] and "USDOL/ETA" in header["attribution"]
    assert onet_layer.id == "onet-tech" and onet_layer.layers == ("onet-tech",)
    merged = {x.split(" -> core ")[1].split()[0] for x in report.splitlines()
              if x.startswith("merge: ")}
    assert report.splitlines()[0] == (f"O*NET 29.2: {len(onet_layer)} skills written, "
                                      f"{len(merged)} merged into the core")
    assert {"spark", "python", "excel"} <= merged
    stubs = {sid for sid, s in onet_raw.items() if "refs" not in s}
    assert "databases" in stubs and not stubs & merged
    for sid in set(onet_raw) - stubs:
        assert onet_layer[sid].refs and all(r.startswith("onet:4323")
                                            for r in onet_layer[sid].refs), sid
    assert onet_layer["apache-sqoop"].refs == ("onet:43232304",)
    assert onet_layer["python"].refs == ("onet:43232405",)
    assert onet_layer["apache-sqoop"].category == "database"


def test_import_onet_parents_from_commodity(onet_layer: Taxonomy,
                                            onet_raw: dict[str, dict[str, Any]]) -> None:
    """A commodity with a parent rule links its products to the core skill, carried as a stub."""
    assert onet_layer["apache-sqoop"].parents == ("databases",)
    assert onet_layer["teradata-database"].parents == ("databases",)
    stub = onet_raw["databases"]
    assert (stub["name"], stub["category"]) == ("Databases", "database") and "refs" not in stub


def test_import_onet_stacks_under_the_core(onet_import: tuple[Path, str]) -> None:
    """Stacked under the core, a merged skill keeps the core's fields and gains the O*NET ref."""
    tax = stack([str(onet_import[0]), "ml-engineer"])
    spark = tax["spark"]
    assert (spark.name, spark.layer) == ("Apache Spark", "ml-engineer")
    assert "onet:43232314" in spark.refs
    assert tax["python"].demand == 0.758
    assert tax["Apache Sqoop"].id == "apache-sqoop" and "databases" in tax.implied("apache-sqoop")


# ------------------------------------------------------------------------------ import_esco


def test_read_esco() -> None:
    """read_esco: one concept per preferred label, its alternative labels and hierarchy codes."""
    concepts = {c.label: c for c in read_esco(ESCO)}
    assert len(concepts) == 29
    python = concepts["Python (computer programming)"]
    assert python.id == PYTHON_ESCO.removeprefix("esco:")
    assert "Python3" in python.alt_labels and {"K06", "S5"} <= set(python.codes)
    assert concepts["work in teams"].codes[0] == "T"
    assert "negotiating" not in concepts  # a group row, not a concept


def test_import_esco_layer_loads(esco_import: tuple[Path, str], esco_layer: Taxonomy) -> None:
    """The ESCO layer is JSON that load_taxonomy reads, every skill with its esco:<uuid> ref."""
    path, report = esco_import
    header = json.loads(path.read_text(encoding="utf-8"))["taxonomy"]
    assert header["id"] == "esco-tech" and header["version"] == "1.1.1"
    assert header["attribution"] == ("This service uses the ESCO classification of the "
                                     "European Commission.")
    assert esco_layer.layers == ("esco-tech",)
    assert report.startswith(f"ESCO 1.1.1: {len(esco_layer)} skills written, ")
    for skill in esco_layer:
        assert skill.refs and all(r.startswith("esco:") for r in skill.refs), skill.id
    kdevelop = esco_layer["kdevelop"]
    assert kdevelop.demand == 0.002 and kdevelop.demand_source.startswith("esco:")
    assert "KDevelop 5.0.0" in kdevelop.aliases


def test_import_esco_groups_and_categories(esco_layer: Taxonomy) -> None:
    """K06 and S5 concepts are imported; a label qualified "(computer programming)" is a language."""
    python = esco_layer["python"]
    assert python.category == "language" and python.refs == (PYTHON_ESCO,)
    assert "Python (computer programming)" in python.aliases and "Python3" in python.aliases
    assert esco_layer["kdevelop"].category == "tool"
    # ESCO has both "SPARQL" and "resource description framework query language" (whose
    # alternative label is SPARQL): one thing, one skill with both concept ids.
    rdf = esco_layer["resource description framework query language"]
    assert rdf.id == "sparql" and len(rdf.refs) == 2
    assert esco_layer["use spreadsheets software"].category == "technique"  # S5 only
    assert esco_layer["SQL Server Integration Services"].refs == (SSIS_ESCO,)


def test_import_esco_ignores_other_groups(esco_import: tuple[Path, str],
                                          esco_layer: Taxonomy) -> None:
    """Concepts outside the imported groups are not skills: transversal ones, S4 activities,
    K00 knowledge."""
    for label in ("think analytically", "work in teams", "manage musical staff",
                  "supervise correctional procedures", "communication", "negotiating"):
        assert label not in esco_layer, label
    text = esco_import[0].read_text(encoding="utf-8")
    for uuid in ("0005c151-5b5a-4a66-8aac-60e734beb1ab", "00064735-8fad-454b-90c7-ed858cc993f2",
                 "15d76317-c71a-4fa2-aadc-2ecc34e627b7"):
        assert uuid not in text


def test_rule_broad_knowledge(esco_layer: Taxonomy) -> None:
    """Rule broad-knowledge: K04/K05/K08/K09/K10 concepts are imported with only the labels that
    name them as surely as their own: phrases without "of" and one-word respellings; no
    adjective ("logistic"), no other word ("transport"), no acronym ("CPT")."""
    paediatrics = esco_layer["paediatrics"]
    assert paediatrics.category == "technique"
    assert {"pediatrics", "pediatric care", "paediatric treatments"} <= set(paediatrics.aliases)
    assert "treatment of diseases affecting children" not in paediatrics.aliases
    assert esco_layer["pediatrics"].id == paediatrics.id
    logistics = esco_layer["logistics"]
    assert {"logistic", "coordination", "transport"}.isdisjoint(logistics.aliases)
    for word in ("logistic", "coordination", "transport", "CPT"):
        assert word not in esco_layer, word
    transit = esco_layer["cable-propelled transit"]
    assert "cable-propelled transport" in transit.aliases and "CPT" not in transit.aliases
    # a K04 concept a core skill names joins it, as a K06 one does
    assert esco_layer["customer service"].refs == ("esco:15a33d76-4640-438d-ae64-fdc0c1d3eebc",)


def test_import_esco_engineering_group(esco_layer: Taxonomy) -> None:
    """K07 (engineering, manufacturing and construction) knowledge is imported: "hydraulics"
    with its ESCO labels, a technique."""
    hydraulics = esco_layer["hydraulics"]
    assert hydraulics.category == "technique" and "principles of hydraulics" in hydraulics.aliases
    assert esco_layer["pneumatics applications"].id == "pneumatics"


def test_rule_kinds_listed(esco_import: tuple[Path, str], esco_layer: Taxonomy) -> None:
    """Rule kinds-listed: "robotic components" lists "hydraulics", "pneumatics" and
    "microprocessors" among its labels (kinds of it, each a concept of its own): those names stay
    with their own concepts, and no two of the four become one skill."""
    robotic = esco_layer["robotic components"]
    assert robotic.refs == ("esco:7a950986-27fe-4b6c-adf3-88f211e77019",)
    assert {"hydraulics", "pneumatics", "microprocessors"}.isdisjoint(
        a.lower() for a in robotic.aliases)
    assert "servomotors" in robotic.aliases  # a label that names no other concept stays
    for name in ("hydraulics", "pneumatics", "microprocessors"):
        skill = esco_layer[name]
        assert skill.id == name and len(skill.refs) == 1, name
    assert ("kinds listed: 'robotic components' names 'hydraulics', 'pneumatics', "
            "'microprocessors': left to those concepts") in esco_import[1].splitlines()
    # one label that names another concept is ESCO naming one thing twice: the two join
    assert esco_layer["resource description framework query language"].id == "sparql"


def test_rule_broad_knowledge_leaves_out_other_senses(core: Taxonomy) -> None:
    """Rule broad-knowledge imports no concept of ``not_concepts``: "migration" (people
    moving, in ESCO) would read every "data migration" list item of a resume."""
    rows = [EscoConcept("m", "migration", ("human migration",), ("K", "K03", "K04")),
            EscoConcept("e", "endoscopy", (), ("K", "K09"))]
    names = {s["name"] for s in json.loads(build_esco_layer(rows, base=core)[0])["skill"].values()}
    assert "migration" not in names and "endoscopy" in names


def test_rule_kinds_listed_threshold() -> None:
    """Rule kinds-listed counts other concepts' names among a concept's labels: one such label
    is not a list of kinds (the threshold is import_rules.toml's kinds_min_concepts)."""
    from skillmatch.taxonomy._esco import _kinds_listed

    rows = [EscoConcept("r", "robotic components", ("hydraulics", "pneumatics", "encoders"),
                        ("K", "K07")),
            EscoConcept("h", "hydraulics", ("science of hydraulics",), ("K", "K07")),
            EscoConcept("p", "pneumatics", (), ("K", "K07")),
            EscoConcept("c", "CAD software", ("CADD software",), ("K", "K06")),
            EscoConcept("d", "CADD software", (), ("K", "K06")),
            EscoConcept("t", "think analytically", ("hydraulics", "pneumatics"), ("T",))]
    assert _kinds_listed(rows, ["K06", "K07"], 2) == {"r": ("hydraulics", "pneumatics")}
    assert set(_kinds_listed(rows, ["K06", "K07"], 1)) == {"r", "c"}


def test_rule_same_concept_not_between_esco_concepts(esco_layer: Taxonomy,
                                                     core: Taxonomy) -> None:
    """ESCO's "mechanical systems" and "mechanical tools" differ in a word O*NET's product names
    drop ("Alteryx software"): two concepts, two skills. O*NET's imports still join."""
    systems, tools = esco_layer["mechanical systems"], esco_layer["mechanical tools"]
    assert systems.id != tools.id and len(systems.refs) == len(tools.refs) == 1
    onet_like = LayerBuilder(core, source="test")
    first = onet_like.add(key="Acme systems", name="Acme systems", aliases=[], category="tool")
    assert onet_like.add(key="Acme tools", name="Acme tools", aliases=[], category="tool") == first
    esco_like = LayerBuilder(core, source="test", same_concept=False)
    first = esco_like.add(key="mechanical systems", name="mechanical systems", aliases=[],
                          category="technique")
    assert esco_like.add(key="mechanical tools", name="mechanical tools", aliases=[],
                         category="technique") != first


def test_rule_field_by_label(esco_import: tuple[Path, str], full_stack: Taxonomy) -> None:
    """Rule field-by-label: ESCO's "computer technology", labelled "information technology" and
    "IT", is the core's field of study Information Technology, matched only where a degree is
    stated, not a skill that every "IT team" names."""
    assert ("merge: 'computer technology' -> core field-information-technology (by alias "
            "'information technology')") in esco_import[1].splitlines()
    field = full_stack["computer technology"]
    assert field.id == "field-information-technology" and field.category == "field"
    assert "esco:ddc3119d-1d6e-4324-9125-a3380d299ac5" in field.refs
    assert "computer-technology" not in full_stack


def test_import_esco_merges_into_core_and_onet(esco_import: tuple[Path, str],
                                               full_stack: Taxonomy) -> None:
    """ESCO concepts join the core's and the O*NET layer's skills; the stack gathers both refs."""
    _, report = esco_import
    lines = report.splitlines()
    assert "merge: 'Haskell' -> core haskell (by name 'Haskell')" in lines
    assert "merge: 'Python (computer programming)' -> core python (by name 'Python')" in lines
    assert "merge: 'Teradata Database' -> core teradata-database (by name 'Teradata Database')" \
        in lines  # the O*NET layer's skill
    python = full_stack["python"]
    assert {PYTHON_ESCO, "onet:43232405"} <= set(python.refs)
    assert (python.demand, python.layer) == (0.758, "ml-engineer")
    assert HASKELL_ESCO in full_stack["haskell"].refs
    assert {TERADATA_ESCO, "onet:43232304"} <= set(full_stack["teradata-database"].refs)
    assert full_stack["Python (computer programming)"].id == "python"
    assert full_stack["SSIS"].id == "sql-server"  # the core keeps its own form


def test_transversal_concept_maps_to_core_soft_skill(core: Taxonomy,
                                                      tmp_path: Path) -> None:
    """A transversal concept labelled like a core soft skill adds its ESCO id to that skill's refs.

    ESCO 1.1.1 has no transversal concept whose preferred label is a core soft skill's name, so
    the concept here is made up (its id says so); the real ones in the fixture are not imported.
    """
    concept = EscoConcept("made-up-transversal", "Teamwork", ("team spirit",), ("T", "T4", "T4.3"))
    other = EscoConcept("made-up-other", "apply for jobs", (), ("T", "T1"))
    layer, report = build_esco_layer([concept, other], base=core)
    assert "transversal: 'Teamwork' -> core teamwork" in report.splitlines()
    skill = json.loads(layer)["skill"]["teamwork"]
    assert skill["category"] == "soft-skill" and skill["refs"] == ["esco:made-up-transversal"]
    assert "team spirit" not in skill.get("aliases", [])  # a mapping, not an import of names
    path = tmp_path / "esco.json"
    path.write_text(layer, encoding="utf-8")
    teamwork = stack([str(path), "ml-engineer"])["teamwork"]
    assert teamwork.refs == ("esco:made-up-transversal",) and teamwork.layer == "ml-engineer"
    assert "apply for jobs" not in load_taxonomy(path)


# ------------------------------------------------------------------------------ command line


def test_cli_import_onet(tmp_path: Path) -> None:
    """`skillmatch taxonomy import onet FOLDER -o OUT` exits 0 and writes the layer and its report."""
    out = tmp_path / "onet.json"
    proc = subprocess.run([sys.executable, "-m", "skillmatch", "taxonomy", "import", "onet",
                           str(ONET), "-o", str(out)],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = tmp_path / "onet.report.txt"
    assert out.is_file() and report.is_file()
    assert str(report) in proc.stdout
    assert report.read_text(encoding="utf-8").startswith("O*NET 29.2: ")
    tax = load_taxonomy(out)
    assert tax.id == "onet-tech" and "apache-sqoop" in tax


def test_rule_short_acronym() -> None:
    """An imported acronym of two letters names too many things to count in prose ("a senior
    IC", "UX designers"); three letters read as the acronym unless they spell a word."""
    from skillmatch.taxonomy._merge import _ambiguous

    assert _ambiguous("IC") and _ambiguous("UX") and _ambiguous("XD")
    assert not _ambiguous("LAN") and not _ambiguous("SAP") and _ambiguous("ARM")


def test_rule_action_compound() -> None:
    """Two common words, an action noun and its object before it, are a term of art people
    write in prose ("risk management", "requirements analysis"); two that name a thing are not
    ("medical equipment", "financial statement"), nor is one word ("management")."""
    from skillmatch.taxonomy._merge import _ambiguous

    assert not _ambiguous("risk management") and not _ambiguous("Requirements analysis")
    assert _ambiguous("medical equipment") and _ambiguous("financial statement")
    assert _ambiguous("data processing") and _ambiguous("management")


def test_imported_action_compound_counts_in_prose(default_matcher: Matcher) -> None:
    """The imported "patch management" counts in a resume's prose sentence."""
    ex = default_matcher.extract("Experience\nMaintained 40 servers, including patch management "
                                 "and account maintenance.", kind="resume")
    assert "patch-management" in ex.skills


# ------------------------------------------------------------------------------ devicon


@pytest.fixture(scope="module")
def devicon_layer(core: Taxonomy, tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[Taxonomy, str, dict[str, Any]]:
    """The devicon fixture (real rows of devicon 2.17.0 and simple-icons 16.37.0) over the core."""
    layer, report = import_devicon(DEVICON, names=SIMPLE_ICONS, base=core)
    path = _saved(tmp_path_factory, "devicon-tech", layer)
    return load_taxonomy(path), report, json.loads(layer)["taxonomy"]


def test_devicon_names_come_from_simple_icons(devicon_layer: tuple[Taxonomy, str, Any]) -> None:
    """devicon's squashed ids ("tailwindcss") take the names texts write ("Tailwind CSS")."""
    tax, _, header = devicon_layer
    assert tax.get("Tailwind CSS").id == "tailwind-css"
    assert tax.get("NestJS").refs == ("devicon:nestjs",)
    assert tax.get("Phoenix Framework") is not None
    assert header["id"] == "devicon-tech" and "MIT" in header["attribution"]


def test_devicon_brands_and_websites_are_no_skills(devicon_layer: tuple[Taxonomy, str, Any]
                                                  ) -> None:
    """Rule excluded-tags: a brand ("Apple") or a website ("Stack Overflow") is not imported."""
    tax, _, _ = devicon_layer
    assert tax.get("Apple") is None and tax.get("Stack Overflow") is None


def test_devicon_without_a_name_is_reported(devicon_layer: tuple[Taxonomy, str, Any]) -> None:
    """An id simple-icons does not name ("ecto") is no name a text writes: reported, not added."""
    tax, report, _ = devicon_layer
    assert tax.get("ecto") is None and "no simple-icons name: ecto" in report


def test_devicon_everyday_names_need_context(devicon_layer: tuple[Taxonomy, str, Any]) -> None:
    """Rule everyday-name: "Nomad" (Zipf 3.1) reads as the word unless skills are listed beside
    it; "NestJS" is no word; an acronym ("JSON") reads as one."""
    tax, _, _ = devicon_layer
    assert tax["nomad"].ambiguous == ("Nomad",)
    assert tax["nestjs"].ambiguous == ()
    assert "JSON" not in tax["json"].ambiguous


def test_devicon_category_follows_the_rules_order(devicon_layer: tuple[Taxonomy, str, Any]
                                                 ) -> None:
    """ClickHouse is tagged cloud before database; the rules' order makes it a database."""
    tax, _, _ = devicon_layer
    assert tax["clickhouse"].category == "database"
    assert tax["flutter"].category == "framework"


def test_devicon_merges_into_the_core(devicon_layer: tuple[Taxonomy, str, Any]) -> None:
    """A technology the core holds is merged into it, not added twice."""
    _, report, _ = devicon_layer
    assert "merge: 'docker' -> core docker" in report
    assert "merge: 'cplusplus' -> core c++" in report


def test_devicon_says_what_to_pass(tmp_path: Path) -> None:
    """A folder without devicon.json is a TaxonomyError that says how to get the package."""
    from skillmatch import TaxonomyError

    with pytest.raises(TaxonomyError, match="npm pack devicon"):
        import_devicon(tmp_path, names=SIMPLE_ICONS)
