"""Tests for the command line: each command on real files, JSON output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from skillmatch import load_taxonomy
from skillmatch.__main__ import main
from skillmatch.scoring import ScoreResult

ROOT = Path(__file__).resolve().parents[1]
RESUME = str(ROOT / "examples" / "resumes" / "data-scientist.md")
POSTING = str(ROOT / "examples" / "posting-ml-engineer.txt")


def test_score_prints_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    """`skillmatch score` prints the score, matches and gaps."""
    assert main(["score", RESUME, POSTING]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Score ") and "Matched:" in out and "Most valuable" in out


def test_score_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints exactly to_dict(), valid against the schema."""
    assert main(["score", RESUME, POSTING, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, ScoreResult.json_schema())


def test_rank_table_csv_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`rank` prints a table, CSV or JSON, best first."""
    folder = str(ROOT / "examples" / "resumes")
    assert main(["rank", POSTING, folder]) == 0
    table = capsys.readouterr().out.splitlines()
    assert "data-scientist.md" in table[1]
    assert main(["rank", POSTING, folder, "--csv", "--top", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "rank,resume,score,missing_required"
    assert main(["rank", POSTING, folder, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]) == 2


def test_rank_with_bad_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad resume in a batch: the rest are ranked, the error is reported, exit code 1."""
    (tmp_path / "ok.txt").write_text("SKILLS\nPython, PyTorch\n", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    assert main(["rank", POSTING, str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "ok.txt" in captured.out and "bad.pdf" in captured.err


def test_extract_and_stdin() -> None:
    """`extract -` reads the document from standard input."""
    run = subprocess.run([sys.executable, "-m", "skillmatch", "extract", "-", "--kind", "posting",
                          "--json"], input=Path(POSTING).read_bytes(), capture_output=True,
                         check=True)
    data = json.loads(run.stdout)
    assert data["source"] == "<stdin>" and "pytorch" in data["skills"]


def test_usage_error_exit_2() -> None:
    """An unknown command is a usage error: exit code 2."""
    run = subprocess.run([sys.executable, "-m", "skillmatch", "frobnicate"], capture_output=True)
    assert run.returncode == 2


def test_missing_file_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file: a clear message and exit code 1."""
    assert main(["score", "nope.pdf", POSTING]) == 1
    assert "no such file" in capsys.readouterr().err


def test_taxonomy_and_demand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`taxonomy validate` and `demand --fill` on a user taxonomy folder: demand becomes data."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "taxonomy.toml").write_text('[taxonomy]\nid = "mine"\nversion = "1"\n',
                                          encoding="utf-8")
    (folder / "languages.toml").write_text(
        '[skill.python]\nname = "Python"\ncategory = "language"\n\n[skill.cobol]\n'
        'name = "COBOL"\ncategory = "language"\ndemand = 0.2\ndemand_source = "an article"\n',
        encoding="utf-8")
    assert main(["taxonomy", "validate", str(folder)]) == 0
    corpus = tmp_path / "postings.csv"
    corpus.write_text('title,description\na,"Requirements: Python, COBOL"\nb,"Must know Python"\n'
                      'c,"Must know Python"\n', encoding="utf-8")
    assert main(["--taxonomy", str(folder), "demand", str(corpus), "--fill", str(folder)]) == 0
    assert "2 unique postings" in capsys.readouterr().out
    rows = (folder / "demand.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,demand,demand_source" and rows[1].startswith("python,1.0,")
    assert len(rows) == 2  # COBOL keeps its article's figure
    tax = load_taxonomy(folder)
    assert tax["python"].demand == 1.0 and "corpus: postings.csv" in tax["python"].demand_source
    assert tax["cobol"].demand == 0.2


def test_ats_example() -> None:
    """The ATS example answers a JSON request with a JSON result, and errors as JSON too."""
    request = json.dumps({"resume": {"path": RESUME}, "posting": {"text": "Requirements\n- Python"}})
    run = subprocess.run([sys.executable, str(ROOT / "examples" / "ats_plugin.py")],
                         input=request, capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)["score"] == 100.0
    run = subprocess.run([sys.executable, str(ROOT / "examples" / "ats_plugin.py")],
                         input='{"resume": {"base64": "AAAA"}, "posting": {"text": "x"}}',
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)["error"]["type"] == "UnsupportedFormatError"
