"""Tests for extract(): tables of real-looking sentences for each rule, offsets, determinism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import skillmatch
from skillmatch import Extraction, Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(as_of=date(2024, 6, 1))


def skills_in(matcher: Matcher, text: str, kind: str = "resume") -> set[str]:
    return set(matcher.extract(text + "\n", kind=kind).skills)


# (sentence, skill id, expected present?)
AMBIGUITY = [
    ("Languages: Python, R, SQL", "r", True),
    ("Statistical modeling in R and Python", "r", True),
    ("Built dashboards with R Shiny and ggplot2", "shiny", True),
    ("References available from R. Smith upon request", "r", False),
    ("Partnered with R&D on product launches", "r", False),
    ("Skills: Golang, Docker, Kubernetes", "go", True),
    ("Backend services in Go and Rust", "go", True),
    ("Owned the go-to-market plan for two products", "go", False),
    ("Go to market strategy and pricing", "go", False),
    ("Presented to the C-suite every quarter", "c", False),
    ("Embedded firmware in C/C++ for ARM", "c", True),
    ("Embedded firmware in C/C++ for ARM", "c++", True),
    ("Desktop apps in C# and .NET", "c#", True),
    ("Desktop apps in C# and .NET", "c", False),
    ("Experience with JavaScript and TypeScript", "java", False),
    ("Big data: Spark, Hadoop, Hive", "spark", True),
    ("Tools that spark joy in our customers", "spark", False),
    ("Please send your CV to jobs@example.com", "computer-vision", False),
    ("Research in CV and NLP for retail", "computer-vision", True),
    ("Access to a company car", "ms-access", False),
    ("Databases: SQL Server, MS Access, Oracle", "ms-access", True),
    ("Excel at building relationships with clients", "excel", False),
    ("Advanced Excel (pivot tables, VLOOKUP)", "excel", True),
    ("Microsoft Word, Excel, Outlook", "excel", True),
    ("We use Julia, Python and Scala for numerics", "julia", True),
    ("Julia Roberts, hiring manager", "julia", False),
    ("Swift and Kotlin for mobile apps", "swift", True),
    ("A swift response to customer requests", "swift", False),
]


@pytest.mark.parametrize(("text", "skill", "present"), AMBIGUITY)
def test_ambiguous_names(matcher: Matcher, text: str, skill: str, present: bool) -> None:
    """Short or common-word names count only in technical context, never inside other words."""
    assert (skill in skills_in(matcher, text)) is present


NEGATION = [
    ("No Java experience needed.", "java", True),
    ("We use Python, but no Java.", "python", False),
    ("We use Python, but no Java.", "java", True),
    ("Experience with Kubernetes is not required.", "kubernetes", True),
    ("Kubernetes is not required but a plus.", "kubernetes", False),
    ("Not only Python but also SQL.", "python", False),
    ("Without prior exposure to Python or Scala, we will train you.", "python", True),
    ("Strong SQL skills.", "sql", False),
]


@pytest.mark.parametrize(("text", "skill", "negated"), NEGATION)
def test_negation(matcher: Matcher, text: str, skill: str, negated: bool) -> None:
    """Negation cues govern the skills after them in the clause, not before."""
    ex = matcher.extract(text + "\n", kind="posting")
    found = [m for m in ex.mentions if m.skill == skill]
    assert found and found[0].negated is negated


LEVELS = [
    ("Requirements\n- 3+ years of Python\n- Docker experience", "docker", "required"),
    # "Familiarity with" alone is not a preferred cue
    ("Requirements\n- Familiarity with Airflow", "airflow", "required"),
    ("Requirements\n- Python required, Go preferred", "python", "required"),
    ("Requirements\n- Python required, Go preferred", "go", "preferred"),
    ("Nice to have\n- Kubernetes", "kubernetes", "preferred"),
    ("Preferred Qualifications\n- Experience with Spark", "spark", "preferred"),
    ("Qualifications\n- Experience with Terraform is a plus", "terraform", "preferred"),
    ("Bonus points\n- Rust", "rust", "preferred"),
    ("What you'll do\n- Build pipelines in Airflow", "airflow", "required"),
    ("Minimum Qualifications\n- Must know SQL", "sql", "required"),
    # the section wins over intensity words
    ("Nice to have\n- Deep knowledge of Kubernetes", "kubernetes", "preferred"),
    ("Preferred Qualifications\n- Strong Rust skills", "rust", "preferred"),
    ("Nice to have\n- 3+ years of PostgreSQL", "postgresql", "preferred"),
    ("Nice to have\n- You must know Terraform", "terraform", "required"),
    # a cue is scoped to its own parenthesis
    ("Requirements\n- Teradata, DB2 (BigQuery a plus)", "db2", "required"),
    ("Requirements\n- Teradata, DB2 (BigQuery a plus)", "bigquery", "preferred"),
    ("Requirements\n- Cloud platforms (AWS, GCP) are a plus", "aws", "preferred"),
    # a parenthesised list is one item of its phrase: the cue after the brackets is for it all
    ("Qualifications\n- Knowledge of common ML frameworks (scikit-learn, pandas and deep "
     "learning toolboxes such as TensorFlow) is a plus.", "pandas", "preferred"),
    ("Qualifications\n- Strong Python (pandas, NumPy), Docker is a plus", "pandas",
     "required"),
    # heading wordings
    ("Our preferred qualifications\n- Experience with Spark", "spark", "preferred"),
    ("You might also have\n- Experience with Spark", "spark", "preferred"),
    ("Even better if\n- you know Kafka", "kafka", "preferred"),
    ("Pluses\n- Kafka", "kafka", "preferred"),
    ("What would make you stand out\n- Experience with Kafka", "kafka", "preferred"),
    # headings glued into one line by a scraper
    ("Requirements: 3+ years of Python in a SaaS environment Preferred Qualifications "
     "Experience with Airflow and dbt", "airflow", "preferred"),
    ("Requirements: 3+ years of Python in a SaaS environment Preferred Qualifications "
     "Experience with Airflow and dbt", "python", "required"),
    ("You have built dashboards in Tableau and Looker Bonus points if you know dbt",
     "dbt", "preferred"),
    # a company's own words before the first heading do not outrank the headed sections
    ("We build LLM products for banks.\n\nNice to have\n- Experience with LLMs", "llms",
     "preferred"),
]


@pytest.mark.parametrize(("text", "skill", "level"), LEVELS)
def test_levels(matcher: Matcher, text: str, skill: str, level: str) -> None:
    """Required vs preferred from cue phrases first, then the section heading."""
    ex = matcher.extract(text, kind="posting")
    assert ex.skills[skill].level == level


YEARS = [
    ("5+ years of Python", "python", 5.0),
    ("Python (3 yrs)", "python", 3.0),
    ("3 years of experience with Python and SQL", "sql", 3.0),
    ("At least two years of hands-on experience with PyTorch", "pytorch", 2.0),
    ("3-5 years of professional experience in Java", "java", 3.0),
    ("Python: 4 years", "python", 4.0),
    ("Worked 3 years at Acme. Python daily.", "python", None),
    # each item of a list keeps its own years
    ("Python (5 years), SQL (3 years)", "sql", 3.0),
    ("Python - 5 years, SQL - 3 years", "sql", 3.0),
    ("3+ years of Python, 2 years of SQL", "python", 3.0),
]


@pytest.mark.parametrize(("text", "skill", "years"), YEARS)
def test_years(matcher: Matcher, text: str, skill: str, years: float | None) -> None:
    """Years tied to a skill by the text, and only then."""
    ex = matcher.extract(text + "\n", kind="posting")
    assert ex.skills[skill].years == years


FUZZY = [
    ("Skills: Tensorflw, Pandas, NumPy", "tensorflow", True),
    ("Skills: Kubernets, Docker, Helm", "kubernetes", True),
    ("Tools: Py Torch, Sci-kit learn, Jupyter", "pytorch", True),
    ("Tools: Py Torch, Sci-kit learn, Jupyter", "scikit-learn", True),
    ("Stack: Hadoop/HDFS, Hive, Pig", "hdfs", True),
    ("Skills: Pearl, Scale, Spring cleaning", "perl", False),
    ("Skills: Reaction kinetics, Pandemic planning", "react", False),
    # a short list with one comma: "and" separates items too
    ("Requirements: sklearn, Tensorflw and Py Torch.", "tensorflow", True),
    ("Requirements: Experience building and maintaining data pipelines.", "tensorflow", False),
    # a short bullet of a requirements list is an item of it
    ("Requirements:\n- Tensorflw\n- Strong communication", "tensorflow", True),
    ("Requirements:\n- Pandemic planning\n- Reaction kinetics", "react", False),
    # two neighbouring letters swapped: one slip, which the ratio scores as two
    ("Skills: Pyhton, Docker, Tabelau", "python", True),
    ("Skills: Pyhton, Docker, Tabelau", "tableau", True),
    ("Skills: Ptyhon, Docker", "python", True),
    ("Skills: Yphton, Docker", "python", False),  # the first letter stays
]


@pytest.mark.parametrize(("text", "skill", "present"), FUZZY)
def test_fuzzy(matcher: Matcher, text: str, skill: str, present: bool) -> None:
    """Spelling variants match; near-miss English words do not."""
    assert (skill in skills_in(matcher, text)) is present


def test_offsets_point_at_the_text(matcher: Matcher, fixtures: Path) -> None:
    """Every mention's offsets slice its surface text out of the document."""
    ex = matcher.extract(fixtures / "resume-it.pdf", kind="resume")
    assert ex.mentions
    for m in ex.mentions:
        assert ex.document.text[m.start:m.end] == m.text


def test_real_resume_skills(matcher: Matcher, fixtures: Path) -> None:
    """A shared resume: its listed languages are found, in their sections."""
    ex = matcher.extract(fixtures / "resume-it.pdf", kind="resume")
    assert {"python", "java", "c++", "matlab", "labview", "sql", "sas", "spss"} <= set(ex.skills)


def test_degrees(matcher: Matcher) -> None:
    """Degrees with level and fields; 'MS Office' is not a master's degree."""
    posting = matcher.extract(
        "Requirements\n- BS/MS in Computer Science, Statistics or related field, or equivalent "
        "experience\n- MS Office\n- 5+ years of experience building ML systems\n", kind="posting")
    levels = sorted((d.level, d.fields) for d in posting.degrees)
    assert [lvl for lvl, _ in levels] == ["bachelor", "master"]
    assert "field-computer-science" in levels[0][1] and "field-statistics" in levels[0][1]
    assert all(d.or_equivalent for d in posting.degrees)
    assert posting.min_years == 5.0
    resume = matcher.extract("EDUCATION\nPh.D. in Physics, MIT, 2015\nB.Sc. Mathematics", kind="resume")
    assert resume.degree_rank == 4
    assert {f for d in resume.degrees for f in d.fields} >= {"field-physics", "field-mathematics"}


def test_resume_experience_from_dates(matcher: Matcher) -> None:
    """Total experience from dated jobs, overlaps counted once, Present = as_of."""
    text = ("EXPERIENCE\nData Scientist, Acme  Jan 2020 - Present\n"
            "Analyst, Beta  06/2017 - 12/2019\nIntern, Gamma 2019 - 2019\n")
    assert matcher.extract(text, kind="resume").experience_years == pytest.approx(7.0, abs=0.1)


def test_deterministic(matcher: Matcher, fixtures: Path) -> None:
    """Same input, same output."""
    a = matcher.extract(fixtures / "resume-it.pdf", kind="resume")
    b = Matcher(as_of=date(2024, 6, 1)).extract(fixtures / "resume-it.pdf", kind="resume")
    assert a.mentions == b.mentions and a.degrees == b.degrees


def test_user_taxonomy(tmp_path: Path) -> None:
    """A user taxonomy drives the matcher the same way the default does."""
    path = tmp_path / "mine.toml"
    path.write_text('[taxonomy]\nid = "mine"\n[[skill]]\nid = "cobol"\nname = "COBOL"\n'
                    'category = "language"\naliases = ["Cobol 85"]\n', encoding="utf-8")
    ex = Matcher(taxonomy=path).extract("Skills: COBOL, Python\n", kind="resume")
    assert set(ex.skills) == {"cobol"} and ex.taxonomy.startswith("mine@")


def test_module_function_and_passthrough() -> None:
    """skillmatch.extract works on text and returns an Extraction it accepts back."""
    ex = skillmatch.extract("Skills: Python, SQL\n", kind="resume")
    assert isinstance(ex, Extraction) and skillmatch.extract(ex, kind="resume") is ex


def test_bad_kind() -> None:
    """An unknown kind says which kinds exist."""
    with pytest.raises(skillmatch.ParameterError, match="'resume' or 'posting'"):
        skillmatch.extract("Python\n", kind="cv")


TRICKY = [
    ("Experience with R or Python", {"r", "python"}, set()),
    ("Proficient in C and C++", {"c", "c++"}, set()),
    ("Go (Golang) microservices", {"go"}, set()),
    ("Ability to Go above and beyond for customers", set(), {"go"}),
    ("Spark a conversation with stakeholders", set(), {"spark"}),
    ("Built web apps with Ruby on Rails", {"ruby"}, set()),
    ("Reporting to C-level executives", set(), {"c"}),
    ("Bachelor's degree required; MS Office proficiency", {"ms-office"}, set()),
    ("Apache Spark and PySpark pipelines", {"spark", "pyspark"}, set()),
    ("Deploy models to AWS SageMaker and Vertex AI", {"sagemaker", "vertex-ai"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), TRICKY)
def test_tricky_sentences(matcher: Matcher, text: str, present: set[str], absent: set[str]) -> None:
    """Sentences that trip naive extractors."""
    found = skills_in(matcher, text, kind="posting")
    assert present <= found and not (absent & found)


def test_ms_office_is_not_a_degree(matcher: Matcher) -> None:
    """'MS Office' next to a degree requirement does not become a master's degree."""
    ex = matcher.extract("Bachelor's degree required; MS Office proficiency\n", kind="posting")
    assert [d.level for d in ex.degrees] == ["bachelor"]


MORE_LEVELS = [
    ("Requirements\n- Java or Scala is not mandatory but nice", "java", False, "preferred"),
    ("Requirements\n- Knowledge of Python is not a must", "python", True, None),
    ("Requirements\n- You don't need to know Kubernetes", "kubernetes", True, None),
    ("Requirements\n- Ideally, experience with Kafka", "kafka", False, "preferred"),
    ("Requirements\n- Minimum of 3 years of experience in Python", "python", False, "required"),
]


@pytest.mark.parametrize(("text", "skill", "negated", "level"), MORE_LEVELS)
def test_more_negation_and_levels(matcher: Matcher, text: str, skill: str, negated: bool,
                                  level: str | None) -> None:
    """Hedges and negations in requirement lists."""
    ex = matcher.extract(text + "\n", kind="posting")
    mention = next(m for m in ex.mentions if m.skill == skill)
    assert mention.negated is negated
    if level:
        assert mention.level == level


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("Knowledge of AWS (S3, EC2, Lambda)", {"aws-lambda", "s3", "ec2"}, set()),
    ("Julia, Python and R for numerical computing", {"julia", "python", "r"}, set()),
    ("Using Spark to process terabytes", {"spark"}, set()),
    ("Our founder Julia loves data", set(), {"julia"}),
    ("The new hire will go through onboarding", set(), {"go"}),
    ("Strong background in Computer Vision (CV)", {"computer-vision"}, set()),
])
def test_context_cues(matcher: Matcher, text: str, present: set[str], absent: set[str]) -> None:
    """Lists, lead-ins ('using Spark to') and names ('Julia loves') decide ambiguous forms."""
    found = skills_in(matcher, text, kind="posting")
    assert present <= found and not (absent & found)


def test_long_single_line_stays_linear(matcher: Matcher) -> None:
    """A 100 kB line with no line breaks or sentence ends is extracted (no quadratic scan)."""
    line = ("Python SQL Spark Docker " * 5000)[:100_000]
    ex = matcher.extract(line.encode(), kind="resume")
    assert {"python", "sql", "docker"} <= set(ex.skills)
    assert all(ex.document.text[m.start:m.end] == m.text for m in ex.mentions[:50])


@pytest.mark.parametrize(("text", "skill", "negated", "level"), [
    ("Although not required, experience with Kubernetes is a plus", "kubernetes", False, "preferred"),
    ("We use PyTorch instead of TensorFlow", "tensorflow", True, None),
    ("We use PyTorch instead of TensorFlow", "pytorch", False, "required"),
    ("Python (not Java)", "java", True, None),
    ("Lack of Docker experience is fine", "docker", True, None),
])
def test_hedges_and_contrasts(matcher: Matcher, text: str, skill: str, negated: bool,
                              level: str | None) -> None:
    """'Although not required, X is a plus' is a hedge; 'instead of X' excludes X."""
    ex = matcher.extract("Requirements\n- " + text + "\n", kind="posting")
    mention = next(m for m in ex.mentions if m.skill == skill)
    assert mention.negated is negated
    if level:
        assert mention.level == level


def test_no_duplicate_mentions(matcher: Matcher) -> None:
    """Candidate stretches never overlap, so no mention is found twice."""
    text = ("Requirements\n- " + "Python experience wanted in a very long sentence that goes on, "
            "then SQL appears after exactly enough characters to test window snapping, and Docker.\n")
    ex = matcher.extract(text, kind="posting")
    spans = [(m.start, m.end) for m in ex.mentions]
    assert len(spans) == len(set(spans))


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Join our data science team in Boston", "data-science", False),
    ("Work with software development teams", "software-engineering", False),
    ("Present to the leadership team monthly", "leadership", False),
    ("Strong data science skills", "data-science", True),
])
def test_teams_are_not_skills(matcher: Matcher, text: str, skill: str, present: bool) -> None:
    """'our data science team' names people, not a skill the posting asks for."""
    assert (skill in skills_in(matcher, text, kind="posting")) is present


def test_abbreviation_dots_do_not_end_clauses(matcher: Matcher) -> None:
    """'Ph.D. degree in Statistics': the field is part of the degree, not a skill."""
    ex = matcher.extract("Requirements\n- Master's or Ph.D. degree in Computer Science, "
                         "Statistics, Data Science, or a related field.\n", kind="posting")
    assert {"statistics", "data-science"}.isdisjoint(ex.skills)
    assert {"field-statistics", "field-data-science"} <= {f for d in ex.degrees for f in d.fields}


def test_inline_labels_and_any_of(matcher: Matcher) -> None:
    """'Must have: Scala; Nice to have: Rust' and 'at least one cloud provider (AWS, GCP, Azure)'."""
    ex = matcher.extract("Requirements\n- Must have: Scala; Nice to have: Rust\n"
                         "- Familiarity with at least one cloud provider (AWS, GCP, Azure)\n",
                         kind="posting")
    assert ex.skills["scala"].level == "required" and ex.skills["rust"].level == "preferred"
    groups = {m.group for m in ex.mentions if m.skill in ("aws", "gcp", "azure")}
    assert len(groups) == 1 and None not in groups


# Classes of misses from real text (issue 10): each row a sentence and the skills it must give.
MISSES = [
    # a name glued to punctuation
    ("Requirements\n* Experience with Python/ FastAPI.", {"python", "fastapi"}),
    ("Python- 2 years", {"python"}),
    ("Skills: Java/ C++/ C#", {"java", "c++", "c#"}),
    ("Tools: Hive/ Spark", {"hive", "spark"}),
    ("Must know C#/Java, C#/.NET and Node.js/React.", {"c#", "java", "dotnet", "nodejs", "react"}),
    ("Required:C++17,Python,PostgreSQL14", {"c++", "python", "postgresql"}),
    ("Proficient in C++,C#,Java and F#;OCaml.", {"c++", "c#", "java", "f#"}),
    ("Requirements:Python,SQL,Airflow;nice to have:dbt/Snowflake.",
     {"python", "sql", "airflow", "dbt", "snowflake"}),
    # a version glued to a name (not a release letter: "AutoCAD-R14" names no R)
    ("Required: Python3.10+, TensorFlow2.x, Vue.js3", {"python", "tensorflow", "vue"}),
    ("Knowledge of Python or R.", {"python", "r"}),
    # coordination ellipsis
    ("Experience with supervised, semi-supervised, and unsupervised learning.",
     {"supervised-learning", "semi-supervised-learning", "unsupervised-learning"}),
    ("Knowledge of supervised and unsupervised learning", {"supervised-learning",
                                                          "unsupervised-learning"}),
    # ... whose last conjunct is no skill, or whose head is two words
    ("Areas: machine learning, recommendation or ranking systems.", {"recommender-systems"}),
    ("Understanding of supervised and unsupervised machine learning approaches",
     {"supervised-learning", "unsupervised-learning"}),
    # ... or the first conjunct lends its first words forward
    ("Experience in data engineering and science required.", {"data-engineering",
                                                               "data-science"}),
    ("Model Deployment and Monitoring: own our serving stack", {"model-deployment",
                                                                "model-monitoring"}),
    # ... whose conjunct has a slash in it
    ("Experience with Python, A/B and multivariate tests.", {"ab-testing"}),
    ("Experience with supervised/unsupervised and reinforcement learning.",
     {"supervised-learning", "unsupervised-learning", "reinforcement-learning"}),
    # under a family, a name is read on its own
    ("Requirements:\n- PyTorch or similar deep learning frameworks", {"deep-learning"}),
    # "is desirable" after an ambiguous name; "uses" before one
    ("Knowledge of ML is desirable.", {"machine-learning"}),
    # years before an ambiguous name; "is expected" after one
    ("Requirements\n- 3+ years of React", {"react"}),
    ("We're hiring an SRE. Experience with Helm is expected.", {"helm"}),
    # a hyphenated name written with spaces
    ("Practices such as Paired Programming, Test Driven Development, etc.", {"testing"}),
    # a version after a name keeps it in its list
    ("Requirements\n * Experience with Windows 10, macOS and Linux.", {"microsoft-windows",
                                                                     "linux"}),
    # inflection and spelling variants of names
    ("Built regressions and LANs for the office.", {"regression"}),
    ("Ran regression analyses, hypotheses testing and time series analyses.",
     {"regression", "hypothesis-testing", "time-series"}),
    # a slash run of modifiers lends its head past a word that names nothing
    ("Requirements:\n* Write unit/integration/service tests in Python.", {"testing"}),
    ("Microsoft Office (Word, Excel, Outlook, Power Point)", {"powerpoint", "excel"}),
]


@pytest.mark.parametrize(("text", "present"), MISSES)
def test_misses_found(matcher: Matcher, text: str, present: set[str]) -> None:
    """Names glued to punctuation, elided by coordination, inflected or spaced apart are found."""
    assert present <= skills_in(matcher, text, kind="posting")


def test_the_teams_one_partners_with_are_no_skills(matcher: Matcher) -> None:
    """"work closely with data engineering" names a team (rule partner-with); "working with data
    engineering tools" a skill."""
    assert "data-engineering" not in skills_in(
        matcher, "What you'll do\n- Work closely with data engineering to ship models.",
        kind="posting")
    assert "data-engineering" in skills_in(
        matcher, "Requirements\n- Experience working with data engineering tools.",
        kind="posting")


def test_a_release_letter_is_no_language(matcher: Matcher) -> None:
    """"AutoCAD-R14" is a release of AutoCAD, not R 14."""
    assert "r" not in skills_in(matcher, "Generated AutoCAD-R14 design layouts.", kind="resume")


def test_a_place_after_in_is_no_skill(matcher: Matcher) -> None:
    """"in Scala, Milan" is a town (rule place-after-in); "in Scala, Java and Go" a list."""
    assert "scala" not in skills_in(matcher, "Held a gala in Scala, Milan, for 300 guests.",
                                    kind="resume")
    assert "scala" in skills_in(matcher, "Built services in Scala, Java and Go.", kind="resume")


def test_ellipsis_does_not_join_fields_of_study(matcher: Matcher) -> None:
    """'Data/Computer Science' in a degree line names fields, not the technique Data Science."""
    ex = matcher.extract("Requirements\n- Master's degree, preferably in Machine Learning/AI, "
                         "Data/Computer Science or Statistics.", kind="posting")
    assert "data-science" not in ex.skills


def test_ellipsis_looks_past_no_word_of_a_comma_list(default_matcher: Matcher) -> None:
    """Only a slash run lends its head past a word that names nothing: in "performance,
    quality, data management" no "performance management" is named."""
    ex = default_matcher.extract("Requirements\n- Improve product performance, quality, data "
                                 "management and accuracy in Python.", kind="posting")
    assert "performance-management" not in ex.skills


def test_a_lowercase_item_among_lowercase_items_is_a_skill(default_matcher: Matcher) -> None:
    """An everyday word that counts only capitalised ("Billing", "Tax") is a skill as an item of
    a list whose items are all written in lowercase; not between capitalised names."""
    ex = default_matcher.extract("Skills\nbank reconciliations, billing, bookkeeping, tax, "
                                 "variance analysis", kind="resume")
    assert {"billing", "taxation"} <= set(ex.skills)
    ex = default_matcher.extract("Skills\nPrinters, scheduling, Copiers", kind="resume")
    assert "scheduling" not in ex.skills


def test_a_dash_glued_to_an_item_is_a_bullet(default_matcher: Matcher) -> None:
    """"-Python" and "–Excel" are list items behind a dash, as "- Python" is."""
    ex = default_matcher.extract("Skills\n-Python\n–Excel\n-Budgeting", kind="resume")
    assert {"python", "excel", "budgeting"} <= set(ex.skills)


def test_ellipsis_walks_past_a_name_in_a_closed_list(default_matcher: Matcher) -> None:
    """A list item that is a name of its own does not stop the head from reaching the items
    before it when "and" closes the list ("organizational, leadership, and communication
    skills"); in a flat list of names with no "and" it does ("network, Oracle, performance
    management" names no network management)."""
    ex = default_matcher.extract("Requirements\n- Excellent organizational, leadership, and "
                                 "communication skills.", kind="posting")
    assert {"organizational-skills", "leadership", "communication"} <= set(ex.skills)
    ex = default_matcher.extract("Skills\nnegotiations, network, Oracle, PeopleSoft, "
                                 "performance management", kind="resume")
    assert "network-administration" not in ex.skills


@pytest.mark.parametrize(("text", "skills"), [
    ("- Experience with model development and deployment.", {"model-deployment"}),
    ("- Own model training, tuning, serving and monitoring.", {"model-deployment",
                                                               "model-monitoring"}),
    ("- Patient preparation and education before each study.", {"patient-education"}),
])
def test_ellipsis_lends_an_object_to_later_actions(matcher: Matcher, text: str,
                                                   skills: set[str]) -> None:
    """The object of the first action is the object of each action listed after it ("model
    development and deployment": model deployment), with no name needed in the text."""
    ex = matcher.extract("Requirements\n" + text, kind="posting")
    assert skills <= set(ex.skills), set(ex.skills)
    assert all(m.rule == "ellipsis" for s in skills for m in ex.skills[s].mentions)


def test_ellipsis_lends_no_head_of_a_team_name(default_matcher: Matcher) -> None:
    """Words before the head of a team's name are other teams, not names that share the head
    ("development, product, and marketing teams" names no product marketing)."""
    ex = default_matcher.extract("Requirements\n- Partner with development, product, and "
                                 "marketing teams.", kind="posting")
    assert "product-marketing" not in ex.skills


def test_ellipsis_of_an_object_needs_actions(matcher: Matcher) -> None:
    """Only action nouns share an object: "model cards and deployment" names no model
    deployment, nor does "strong writing and presentation" a strong presentation."""
    ex = matcher.extract("Requirements\n- Write model cards and deployment notes.", kind="posting")
    assert "model-deployment" not in ex.skills


def test_families_are_kept_apart(matcher: Matcher) -> None:
    """A broad family ("databases", "software development") is context, not a skill."""
    ex = matcher.extract("Requirements\n- Experience with databases and software development "
                         "in Python", kind="posting")
    assert "python" in ex.skills
    assert not {"databases", "software-engineering"} & set(ex.skills)
    assert {"databases", "software-engineering"} <= set(ex.family_skills)


# Years a posting asks (the minimum) in the formats postings use.
POSTING_YEARS = [
    ("Requirements\n- Three plus (3+) years of experience with Python", 3.0),
    ("Requirements\n- Minimum 1 year of experience in SQL", 1.0),
    ("Requirements\n- At least two years of experience with Python", 2.0),
    ("Requirements\n- 3-5 years of experience in data science", 3.0),
    ("Requirements\n- 5+ years of professional experience", 5.0),
    ("Requirements\n- Five plus years of experience", 5.0),
    # experience named by its field
    ("Requirements\n- 5+ years of software engineering experience", 5.0),
    ("Requirements\n- 3+ years in a data engineering role", 3.0),
]


@pytest.mark.parametrize(("text", "years"), POSTING_YEARS)
def test_posting_years(matcher: Matcher, text: str, years: float) -> None:
    """A posting's minimum years, in words, digits, ranges and 'plus' forms."""
    assert matcher.extract(text, kind="posting").min_years == years


def test_zero_years_asks_nothing(matcher: Matcher) -> None:
    """'0-2 years' is an entry-level posting: every resume meets it, and the score is finite."""
    r = matcher.score("SKILLS\nPython, SQL\n", "Requirements\n- 0-2 years of experience\n- Python")
    assert r.score == 100.0 and "experience" not in r.components


# Years of work a resume shows, in the date formats resumes use (as of 2024-06-01).
RESUME_YEARS = [
    ("EXPERIENCE\nAcme, Engineer, 2018-01 - 2019-12\n", 2.0),
    ("EXPERIENCE\nAcme, Analyst, Mar '18 - Jun '21\n", 3.3),
    ("EXPERIENCE\nAcme, Developer, 15 Jan 2018 - 20 Dec 2019\n", 2.0),
    ("EXPERIENCE\nAcme, Developer, 03/2019 - present\n", 5.2),
    ("EXPERIENCE\nAcme, Jan 2015 - Dec 2018\nBeta, Jan 2017 - Dec 2019\n", 5.0),  # overlap once
    ("EXPERIENCE\nAcme, Engineer, 2018 - 2020\nEDUCATION\n2013 - 2017 B.E. Computer Science\n",
     3.0),  # study is not work
    ("Acme Engineer 2018 - 2020\n2013 - 2017 B.E. Computer Science, Anna University\n", 3.0),
    ("Research Assistant, Stanford University, 2015 - 2018\n", 4.0),  # a job at a university
    ("SKILLS\nPython\n", None),  # unknown, not zero
    # a year ending one line is no start of the range on the next
    ("EXPERIENCE\nData Engineer, Acme Corp 2005\nJan 2019 - Dec 2021\n", 3.0),
]


@pytest.mark.parametrize(("text", "years"), RESUME_YEARS)
def test_resume_years(matcher: Matcher, text: str, years: float | None) -> None:
    """Dated ranges in every common format; overlaps once; education dates are not work."""
    assert matcher.extract(text, kind="resume").experience_years == years


# Degrees: (text, levels found).
DEGREES = [
    ("EDUCATION\nB.E. in Computer Science", ["bachelor"]),
    ("EDUCATION\nB.Tech, Mechanical Engineering", ["bachelor"]),
    ("EDUCATION\nBSc Physics", ["bachelor"]),
    ("EDUCATION\nB.Sc. Mathematics", ["bachelor"]),
    ("EDUCATION\nBachelor of Engineering", ["bachelor"]),
    ("EDUCATION\nMCA, 2015", ["master"]),
    ("EDUCATION\nM.Tech in CSE", ["master"]),
    ("EDUCATION\nM.Sc. Statistics", ["master"]),
    ("EDUCATION\nMBA, Finance", ["master"]),
    ("EDUCATION\nMasters in Statistics", ["master"]),
    ("EDUCATION\nPh.D. in Physics", ["phd"]),
    ("EDUCATION\nDoctorate in Chemistry", ["phd"]),
    ("EDUCATION\nAssociate of Science in Nursing", ["associate"]),
    ("EDUCATION\nDiploma in Mechanical Engineering", ["associate"]),
    ("EDUCATION\nHigh School Diploma", []),
    ("SKILLS\nCertified Scrum Master", []),
    ("EXPERIENCE\nManaged master data and master tables", []),
    ("EXPERIENCE\nConfigured master/slave replication", []),
]


@pytest.mark.parametrize(("text", "levels"), DEGREES)
def test_degree_formats(matcher: Matcher, text: str, levels: list[str]) -> None:
    """Degree abbreviations are recognised with their level; 'master data' is not a degree."""
    assert [d.level for d in matcher.extract(text, kind="resume").degrees] == levels


def test_bachelor_does_not_meet_master(matcher: Matcher) -> None:
    """A resume with only a bachelor's does not fully meet 'Master's required'."""
    r = matcher.score("EDUCATION\nB.S. in Computer Science\nSKILLS\nPython\n",
                      "Requirements\n- Master's degree required\n- Python")
    assert r.components["education"].score < 1.0


JOB_PAGE = """<!doctype html><html><head><title>ML Engineer - Acme Careers</title></head><body>
<header><a href="/">Acme</a> <nav><a href="/jobs/java">Java jobs</a> | <a href="/jobs/php">PHP jobs</a>
| <a href="/learn/kotlin">Kotlin courses</a></nav></header>
<main><h1>Machine Learning Engineer</h1>
<h2>About us</h2><p>Acme builds logistics software on Scala and Go.</p>
<h2>Requirements</h2><ul><li>3+ years of Python</li><li>Experience with PyTorch</li></ul>
<h2>Nice to have</h2><ul><li>Kubernetes</li></ul></main>
<footer>Popular searches: Ruby jobs, Swift jobs, C# jobs. &copy; Acme</footer></body></html>"""


def test_html_page_furniture_is_not_a_requirement(matcher: Matcher) -> None:
    """A job page's navigation, header, footer and About us name no requirement."""
    ex = matcher.extract(skillmatch.read(JOB_PAGE.encode("utf-8")), kind="posting")
    asked = {sid for sid, ev in ex.skills.items() if ev.level is not None}
    assert {"python", "pytorch", "kubernetes"} <= asked
    assert not {"java", "php", "kotlin", "ruby", "swift", "c#", "scala", "go"} & asked


BLURBS = [
    "We harness DevSecOps and Agile to deliver secure products to our customers.",
    "Our platform runs on Kubernetes and Kafka and serves millions of users.",
    "Founded in 2010, we build our products with Python and React.",
]


@pytest.mark.parametrize("blurb", BLURBS)
def test_company_blurbs_are_not_requirements(matcher: Matcher, blurb: str) -> None:
    """A company describing itself before the first heading asks for nothing."""
    ex = matcher.extract(blurb + "\n\nRequirements\n- SQL\n", kind="posting")
    asked = {sid for sid, ev in ex.skills.items() if ev.level is not None}
    assert asked == {"sql"}


def test_trace_says_why(matcher: Matcher) -> None:
    """Every mention names the rule that accepted it; trace=True says why a name was not."""
    ex = matcher.extract("Go to market fast. Skills: R, SQL. Our data science team uses Excel "
                         "at scale.", kind="posting", trace=True)
    rules = {m.skill: m.rule for m in ex.mentions}
    assert rules["r"] == "beside-skill" and rules["sql"] == "phrase"
    why = {r.skill: r.reason for r in ex.rejected}
    assert "no technical context" in why["go"] and "team" in why["data-science"]
    assert not matcher.extract("Go to market fast.", kind="posting").rejected  # only on request


def test_products_listed_under_their_vendor(matcher: Matcher) -> None:
    """'Google Apps (Drive, Docs, Sheets)' names Google Drive, Docs and Sheets; 'AWS (EC2, S3,
    Lambda)' names the AWS services."""
    found = skills_in(matcher, "Google Apps (Drive, Docs, Sheets)\nAWS (EC2, S3, Lambda)")
    assert {"google-drive", "google-docs", "google-sheets", "ec2", "s3", "aws-lambda"} <= found


def test_named_is_the_taxonomy_lookup() -> None:
    """The ellipsis pass's quick lookup finds what the taxonomy's lookup without rule
    version-suffix finds, for the taxonomy's own keys in other cases and for the phrases of words
    it builds that name nothing."""
    from skillmatch._extract import Extractor

    taxonomy = skillmatch.load_taxonomy(None)
    extractor = Extractor(taxonomy)
    names = sorted({form for skill in taxonomy for form in (*skill.aliases, *skill.exact)})[::7]
    phrases = [p for name in names for p in (name, name.upper(), name.title(), f"{name} learning",
                                             f"deep {name}", f"semi-{name} systems")]
    phrases += ["supervised learning", "Supervised  learning", " machine learning", "A/B tests"]
    assert len(phrases) > 5000
    for phrase in phrases:
        assert extractor._named(phrase) is taxonomy._named(phrase), phrase


def test_version_suffix_only_in_lookups_not_in_extraction(default_matcher: Matcher) -> None:
    """Taxonomy.get() reads "Windows 7-10" and "SQL Server 2019" as their products (rule
    version-suffix); extraction does not build names from numbers ("Google (314069)")."""
    taxonomy = skillmatch.load_taxonomy(None)
    assert taxonomy.get("SQL Server 2019").id == "sql-server"
    assert taxonomy.get("Windows 7-10") is taxonomy.get("Windows")
    assert taxonomy.get("Python 3.x").id == "python" and "Java 1.8+" in taxonomy
    assert taxonomy.get("Fortune 500") is None and taxonomy.get("Section 508") is None
    assert taxonomy.get("Windows " + "7 " * 5000) is None  # bounded: no long backtracking
    assert "gcp" not in skills_in(default_matcher, "Contact Google (314069) for details.")


def test_vendor_list_under_a_product_line(default_matcher: Matcher) -> None:
    """"Microsoft Office Suite (Word, Publisher)": the vendor may be followed by its product
    line's words, and each item is the vendor's product."""
    ex = default_matcher.extract("Microsoft Office Suite (Word, Excel, Outlook, Publisher and "
                                 "PowerPoint)", kind="resume")
    rules = {m.skill: m.rule for m in ex.mentions}
    assert rules.get("microsoft-publisher") == "vendor-list"


@pytest.mark.parametrize("text, skills", [
    ("Sales Software: Salesforce.com, TapScan", {"salesforce"}),
    ("Tools: Mailchimp.com, HubSpot", {"mailchimp"}),
    ("Skills: fast.ai, H2O.ai, Node.js", {"fastai", "h2o"}),
])
def test_name_with_web_domain(default_matcher: Matcher, text: str, skills: set[str]) -> None:
    """A product written as its web domain is the product; names that are domains still match."""
    assert skills <= set(default_matcher.extract(text, kind="resume").skills)


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Skills\nCPR Certification, 2012\nMS Office Suite", "cfp", False),
    ("Skills\nPasadena, CA Certified, 2000\nA+, Active Directory", "cma", False),
    ("Skills\nCMA Certifed, 2000\nA+, Active Directory", "cma", True),
])
def test_fuzzy_keeps_acronyms(default_matcher: Matcher, text: str, skill: str,
                              present: bool) -> None:
    """An acronym's letters are its identity: "CPR" is no misspelt "CFP", "CA" no "CMA"."""
    assert (skill in default_matcher.extract(text, kind="resume").skills) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Established solid work relationships with management and staff.", False),
    ("Skills: Solid Work, AutoCAD, Inventor", True),
    ("Skills: solid works, AutoCAD", True),
])
def test_capitalised_singular_only_as_written(default_matcher: Matcher, text: str,
                                              present: bool) -> None:
    """A plural product name's singular ("Solid Work" for "Solid Works") is read from its
    capitals; in lowercase it is prose."""
    assert ("solidworks" in default_matcher.extract(text, kind="resume").skills) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Highlights\nWindows XP/7/8, Server 2003/2008\nActive Directory", "microsoft-windows-xp",
     True),
    ("Completed Lean Six Sigma/5s training seminar.", "six-sigma", True),
    ("Certifications\nCompTIA Network+ Certified, 2006 A+ Hardware/Software Certified", "comptia-a-plus",
     True),
    ("Experience\nGot an A+ from my manager for the quarterly report.", "comptia-a-plus", False),
])
def test_versions_and_certificates(default_matcher: Matcher, text: str, skill: str,
                                   present: bool) -> None:
    """A version list after a name splits at its first slash ("XP/7/8"), and a certifications
    section lists things like a skills section does."""
    assert (skill in default_matcher.extract(text, kind="resume").skills) is present


def test_the_tail_of_a_hyphenated_word_is_no_name(default_matcher) -> None:
    """Rule compound-tail: "cutting-edge AI" is AI, not Edge AI; "self-supervised learning"
    is no supervised learning; inline bullets (" * ") separate a list's items."""
    ex = default_matcher.extract(
        "Requirements\n* Build cutting-edge AI with self-supervised learning and no-SQL stores\n",
        kind="posting")
    assert "artificial-intelligence" in ex.skills
    assert not {"edge-computing", "supervised-learning", "sql"} & set(ex.skills)
    listed = default_matcher.extract("Skills\nQuickBooks * MS Outlook * Photoshop * MS Excel\n",
                                     kind="resume")
    assert "adobe-photoshop" in listed.skills


def test_soft_skills_give_no_list_evidence_and_their_objects_are_no_team(default_matcher) -> None:
    """"collaborate with cross-functional teams, mentor junior team members": the teams are
    people, not Microsoft Teams (a soft skill beside it is no list), and the team members are
    whom one mentors (a soft skill's verb phrase is not named by the team word after it)."""
    ex = default_matcher.extract(
        "Responsibilities\nYou will collaborate with cross-functional teams, mentor junior team "
        "members, and help drive the engineering.\n", kind="posting")
    assert "microsoft-teams" not in ex.skills and "mentoring" in ex.skills
    assert "leadership" not in default_matcher.extract(
        "About us\nOur leadership team is great.\n", kind="posting").skills


WRAPPED = (
    "Summary\n"
    "Paralegal and IT coordinator with twelve years of experience supporting attorneys, courts and a\n"
    "busy office of forty people; trusted with budgets, vendor contracts, hiring and records.\n"
    "Skills\n"
    "Executive and Legal Support, Business Analysis, Business Operations, Documentation, Procurement,\n"
    "Performance appraisals, Personnel, Presentations, Processes, Legal Terminology, Westlaw, Project\n"
    "Management, LexisNexis, Court Procedures, Records Retention, Calendaring, E-filing, Case Files\n"
    "Experience\n"
    "Coordinated the firm's move to electronic filing and trained staff on the new case system daily.\n"
    "Prepared pleadings, discovery responses and trial binders for three partners in civil matters.\n"
)


def test_full_line_wrap_joins_a_name_the_page_broke(default_matcher: Matcher) -> None:
    """Rule full-line-wrap: a line as wide as the page's widest, ending in a word, goes on in
    the next line, so "Project\\nManagement" is read whole, Title Case or not."""
    found = [m for m in default_matcher.extract(WRAPPED, kind="resume").mentions
             if m.skill == "project-management"]
    assert [m.text for m in found] == ["Project\nManagement"]


def test_short_lines_are_items_not_wraps(default_matcher: Matcher) -> None:
    """Lines of a list, short and one item each, are not joined: "Project" and "Management"
    on lines of their own are two items."""
    text = "Skills\n" + "\n".join(["Project", "Management", "Python", "SQL", "Excel", "Tableau",
                                   "Jira", "Git", "Docker", "Linux"])
    assert "project-management" not in default_matcher.extract(text, kind="resume").skills


def test_an_acronyms_plural_is_not_a_longer_acronym(default_matcher: Matcher) -> None:
    """"VCs" (venture capitalists) is the plural of VC, not the name "VCS" in another case;
    "VCS" itself still counts."""
    text = "Skills\nGit, VCS, Jenkins\nAbout\nOur startup is backed by top-tier VCs and angels."
    found = [m.text for m in default_matcher.extract(text, kind="resume").mentions
             if m.skill == "version-control"]
    assert found == ["VCS"]


def test_an_inline_about_heading_names_the_employer(default_matcher: Matcher) -> None:
    """"About Nimbly: an AI-native insurtech on Google Cloud" is the employer's own line, as
    an "About Nimbly" heading on a line of its own is: nothing there is asked."""
    text = ("About Nimbly: an AI-native insurtech on Google Cloud, backed by top-tier investors.\n"
            "The role: claims adjuster working in CCC ONE; SQL required.")
    skills = default_matcher.extract(text, kind="posting").skills
    assert skills["gcp"].level is None and skills["sql"].level == "required"


@pytest.mark.parametrize(("text", "skill", "written"), [
    # rule possessive: the apostrophe on either side of the "s", typographic or not
    ("Skills: payroll, worker's compensation, benefits", "workers-compensation",
     "worker's compensation"),
    ("Skills: payroll, workers\u2019 compensation, benefits", "workers-compensation",
     "workers\u2019 compensation"),
    ("Donor database: The Raiser\u2019s Edge, Excel", "blackbaud-the-raiser-s-edge",
     "The Raiser\u2019s Edge"),
    # rule prefix-hyphen: a prefix with a hyphen or without
    ("Skills: payroll, On-Boarding, benefits", "onboarding", "On-Boarding"),
    # rule ampersand: "&" for the "and" of a name
    ("Skills: Training & Development, onboarding, payroll", "training-and-development",
     "Training & Development"),
])
def test_a_name_in_its_other_spellings(default_matcher: Matcher, text: str, skill: str,
                                       written: str) -> None:
    """A name is found as people write it: the evidence quotes the text as written."""
    found = [m.text for m in default_matcher.extract(text, kind="resume").mentions
             if m.skill == skill]
    assert found == [written]


def test_curly_quotes_keep_offsets(default_matcher: Matcher) -> None:
    """Straightening quotes maps one character to one: every mention's offsets still point
    at its text."""
    text = "Summary\nI\u2019ve run payroll and workers\u2019 compensation with \u2018ADP\u2019 and Excel."
    extraction = default_matcher.extract(text, kind="resume")
    assert {"payroll", "workers-compensation", "excel"} <= set(extraction.skills)
    assert all(text[m.start:m.end] == m.text for m in extraction.mentions)


def test_a_prefix_written_either_way(tmp_path: Path) -> None:
    """Rule prefix-hyphen: a name written with its prefix joined is found hyphenated, and the
    other way round."""
    path = tmp_path / "mine.toml"
    path.write_text('[taxonomy]\nid = "mine"\n'
                    '[[skill]]\nid = "upsell"\nname = "Upselling"\ncategory = "technique"\n'
                    '[[skill]]\nid = "coord"\nname = "Event co-ordination"\n'
                    'category = "technique"\n', encoding="utf-8")
    ex = Matcher(taxonomy=path).extract("Skills: up-selling, event coordination\n",
                                        kind="resume")
    assert set(ex.skills) == {"upsell", "coord"}


def test_a_trace_names_what_decided(default_matcher: Matcher) -> None:
    """A rejection says which rule and which word left the name out, not a stock example."""
    ex = default_matcher.extract("The team stays agile under pressure.", kind="resume",
                                 trace=True)
    assert [r.reason.endswith("'stays'") for r in ex.rejected if r.skill == "agile"] == [True]
    ex = default_matcher.extract("Designed the Local Area Network Infrastructure for 3 sites.",
                                 kind="resume", trace=True)
    assert any("inside-capitalised-name" in r.reason for r in ex.rejected)
