"""Tests for skillmatch.spark on a local Spark (local[2]): the same numbers as score_many."""

from __future__ import annotations

import json
import math
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - the machines have Java 17
    pytest.skip("Spark needs Java (17 on these machines)", allow_module_level=True)

import jsonschema  # noqa: E402

import skillmatch  # noqa: E402
import skillmatch.spark  # noqa: E402
from skillmatch import Matcher  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark for the whole session: starting one costs seconds."""
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("skillmatch-tests")
               .config("spark.pyspark.python", sys.executable)
               .config("spark.pyspark.driver.python", sys.executable)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")  # several batches
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher("ml-engineer", as_of=date(2024, 6, 1))  # the core: workers build it fast


@pytest.fixture(scope="module")
def documents(fixtures: Path) -> dict[str, Any]:
    resumes = {
        1: (EXAMPLES / "resumes" / "data-scientist.md").read_text(encoding="utf-8"),
        2: "SKILLS\nJava (6 years), SQL, Spring, AWS\nEDUCATION\nB.Sc. Computer Science\n",
        3: "SUMMARY\nPython developer, 3 years of PyTorch and scikit-learn\n",
        4: (fixtures / "resume-it.pdf").read_bytes(),
        5: "Skills: Excel, Tableau, SQL",  # one line, no break: text all the same
        6: EXAMPLES / "resumes" / "rf-engineer.pdf",  # read by the executor from its path
    }
    postings = {
        "ml": (EXAMPLES / "posting-ml-engineer.txt").read_text(encoding="utf-8"),
        "java": "Requirements\n- 5+ years of Java and SQL\n- Spring or Kafka\nNice to have\n- AWS\n",
        "dl": "Requirements\n- Deep learning with TensorFlow\n- Python\n- Kubernetes\n",
    }
    return {"resumes": resumes, "postings": postings}


def _resumes(spark: Any, documents: dict[str, Any]) -> Any:
    """Resumes as text, binary content (a PDF) or a path, in one DataFrame of two partitions."""
    return spark.createDataFrame(
        [(k, v if isinstance(v, str) else None, v if isinstance(v, bytes) else None,
          str(v) if isinstance(v, Path) else None)
         for k, v in documents["resumes"].items()],
        "id long, text string, content binary, path string").repartition(2)


def test_score_equals_score_many(spark: Any, matcher: Matcher, documents: dict[str, Any],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair's score, components, skill arrays and JSON equal score_many's, cell for cell."""
    monkeypatch.setattr(skillmatch.spark, "_PAIRS", 4)  # output batches of one resume's pairs
    postings = spark.createDataFrame(list(documents["postings"].items()), "id string, text string")
    rows = skillmatch.spark.score(_resumes(spark, documents), postings, matcher=matcher).collect()
    local = matcher.score_many(documents["resumes"], documents["postings"])
    assert not local.errors
    got = {(r["resume_id"], r["posting_id"]): r for r in rows}
    assert len(rows) == len(got) == local.scores.size
    schema = skillmatch.ScoreResult.json_schema()
    for i, rid in enumerate(documents["resumes"]):
        for j, pid in enumerate(documents["postings"]):
            row, expected = got[(rid, pid)], local.result(i, j)
            assert row["error"] is None
            assert row["score"] == local.scores[i, j] == expected.score
            for c in skillmatch.scoring.COMPONENTS:
                want = expected.components[c].score if c in expected.components else None
                assert row[c] == want
            assert row["matched"] == [m.requirement.skill for m in expected.matched]
            assert row["partial"] == [m.requirement.skill for m in expected.partial]
            assert row["missing"] == [m.requirement.skill for m in expected.missing]
            result = json.loads(row["result"])
            jsonschema.validate(result, schema)
            assert result == json.loads(json.dumps(expected.to_dict()))


def test_min_score_and_failures(spark: Any, matcher: Matcher) -> None:
    """min_score drops weak pairs; a document that cannot be read gives null scores and why."""
    resumes = spark.createDataFrame(
        [(1, "Skills: Python, SQL\n"), (2, "   "), (3, "Skills: Java\n")], "id int, text string")
    postings = spark.createDataFrame([(7, "Requirements\n- Python\n- SQL\n")],
                                     "id int, text string")
    rows = sorted(skillmatch.spark.score(resumes, postings, matcher=matcher,
                                         min_score=50).collect(), key=lambda r: r["resume_id"])
    assert [r["resume_id"] for r in rows] == [1, 2]  # 3 scores 0: dropped
    assert rows[0]["score"] == 100.0 and rows[1]["score"] is None
    assert rows[1]["error"].startswith("EmptyDocumentError") and rows[1]["result"] is None


def test_extract_gives_skill_arrays(spark: Any, matcher: Matcher,
                                    documents: dict[str, Any]) -> None:
    """extract() gives each document's skill ids as arrays, as Matcher.extract finds them."""
    postings = spark.createDataFrame(list(documents["postings"].items()), "id string, text string")
    rows = {r["id"]: r for r in skillmatch.spark.extract(postings, kind="posting",
                                                         matcher=matcher).collect()}
    for pid, text in documents["postings"].items():
        ex = matcher.extract(text, kind="posting")
        row = rows[pid]
        assert row["skills"] == sorted(ex.skills) and row["error"] is None
        assert set(row["required"]) | set(row["preferred"]) <= set(row["skills"])
    assert "kubernetes" in rows["dl"]["required"] and "aws" in rows["java"]["preferred"]
    assert [rows[p]["experience_years"] for p in rows] == [
        matcher.extract(documents["postings"][p], kind="posting").min_years for p in rows]
    resumes = spark.createDataFrame([("a", "SKILLS\nPython, SQL\n")], "id string, text string")
    (row,) = skillmatch.spark.extract(resumes, matcher=matcher).collect()
    assert row["skills"] == ["python", "sql"] and row["required"] is None


def test_bad_frames_say_what_to_do(spark: Any) -> None:
    """A DataFrame without id and a document column is refused, naming the columns needed."""
    frame = spark.createDataFrame([(1, "x")], "key int, body string")
    with pytest.raises(skillmatch.ParameterError, match="'id' column and a 'text'"):
        skillmatch.spark.score(frame, frame)
    with pytest.raises(skillmatch.ParameterError, match="'resume' or 'posting'"):
        skillmatch.spark.extract(frame, kind="cv")


def test_nan_free_components(spark: Any, matcher: Matcher) -> None:
    """A component that drops out is null, not NaN: Spark SQL aggregates skip it."""
    resumes = spark.createDataFrame([(1, "Skills: Python\n")], "id int, text string")
    postings = spark.createDataFrame([(1, "Requirements\n- Python\n")], "id int, text string")
    (row,) = skillmatch.spark.score(resumes, postings, matcher=matcher).collect()
    assert row["experience"] is None and not math.isnan(row["required"])
