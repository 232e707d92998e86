"""Tests for the command line: each command on real files, JSON output, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

import skillmatch
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


def test_market_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["market", RESUME, "--top", "3"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Market fit ") and "Learn next:" in text
    assert main(["market", RESUME, "--top", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"score", "covered", "to_learn", "profile_size", "taxonomy"}
    assert 0 <= data["score"] <= 100 and len(data["to_learn"]) <= 3
    assert all(set(s) == {"skill", "name", "demand", "closeness", "reason"} for s in data["to_learn"])
    assert f"Market fit {data['score']:.1f}/100" in text


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


def test_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A file named on the command line that does not exist: a clear message, exit code 2."""
    assert main(["score", "nope.pdf", POSTING]) == 2
    assert "nope.pdf: no such file" in capsys.readouterr().err
    assert main(["rank", POSTING, RESUME, "cvs/jane.pdf"]) == 2
    assert "cvs/jane.pdf" in capsys.readouterr().err
    assert main(["rank", POSTING, str(ROOT / "examples" / "*.docx")]) == 2
    assert "matches no document" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--workers 0, a bad --top, a bad --column, demand on a missing file: exit 2, no traceback."""
    for argv in (["rank", POSTING, RESUME, "--workers", "0"], ["rank", POSTING, RESUME, "--top", "x"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        assert "must be a whole number" in capsys.readouterr().err
    corpus = tmp_path / "postings.csv"
    corpus.write_text('title,text\na,"Requirements: Python"\n', encoding="utf-8")
    assert main(["demand", str(corpus), "--column", "description"]) == 2
    assert "a column of the CSV (title, text)" in capsys.readouterr().err
    assert main(["demand", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A FIFO (or any non-regular file) is refused at once with a clear error."""
    fifo = tmp_path / "resume.pdf"
    os.mkfifo(fifo)
    for argv in (["extract", str(fifo)], ["rank", POSTING, str(fifo)]):
        run = subprocess.run([sys.executable, "-m", "skillmatch", *argv], capture_output=True,
                             text=True, timeout=60)
        assert run.returncode == 2 and "not a regular file" in run.stderr
        assert "Traceback" not in run.stderr


def test_endless_stdin_fails_cleanly() -> None:
    """`-` reads at most the size limit: an endless pipe is 'over the limit', exit 1."""
    with open("/dev/zero", "rb") as zeros:
        run = subprocess.run([sys.executable, "-m", "skillmatch", "extract", "-"], stdin=zeros,
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "<stdin>" in run.stderr and "over the limit" in run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr


def test_stdin_only_once(capsys: pytest.CaptureFixture[str]) -> None:
    """`score - -` and `rank - -` cannot work: a usage error before anything is read."""
    assert main(["score", "-", "-"]) == 2
    assert "standard input ('-') can be read only once" in capsys.readouterr().err
    assert main(["rank", "-", RESUME, "-"]) == 2


def _wait_reading_stdin(pid: int, most: float = 60.0) -> None:
    """Until the process blocks reading its standard input (Linux says so in /proc; elsewhere,
    or on a loaded machine that never says so, a fixed wait)."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        time.sleep(3)
        return
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        if "pipe_read" in wchan.read_text():
            time.sleep(0.2)  # and still there: past the imports, in the read
            if "pipe_read" in wchan.read_text():
                return
        time.sleep(0.05)


def test_ctrl_c_exits_130_quietly() -> None:
    """SIGINT while waiting on standard input: exit 130 and nothing on stderr."""
    # A shell without job control starts background jobs with SIGINT ignored, and a child
    # inherits that: the CLI must be tested as a terminal starts it.
    proc = subprocess.Popen([sys.executable, "-m", "skillmatch", "extract", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_reading_stdin(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and b"Traceback" not in err, (proc.returncode, err[-3000:])


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the installed version."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"skillmatch {skillmatch.__version__}"


def test_rank_names_every_failed_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every resume gives a row or an error line; any error makes the exit code 1."""
    (tmp_path / "a.txt").write_text("SKILLS\nPython\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.md").write_text("SKILLS\nPyTorch, Python\n", encoding="utf-8")
    assert main(["rank", POSTING, str(tmp_path / "*.txt"), str(tmp_path / "c.md"),
                 "--workers", "2"]) == 1
    captured = capsys.readouterr()
    assert "a.txt" in captured.out and "c.md" in captured.out
    assert "b.txt" in captured.err and "empty" in captured.err


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


def test_demand_counts_the_families_a_posting_asks_for(default_matcher) -> None:
    """A family ("databases") is kept apart from the skills, but a posting that names one asks
    for it: its demand is measured too, not left at 0."""
    from skillmatch._demand import measure_demand

    report = measure_demand(["Requirements\n* Python",
                             "Requirements\n* Strong knowledge of databases and Go"],
                            matcher=default_matcher)
    assert report.counts.get("databases") == 1 and report.counts.get("python") == 1


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
