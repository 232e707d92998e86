"""Hostile inputs at the issue's sizes, each read in a fresh subprocess with default limits.

    python benchmarks/hostile.py

Prints input, size, engine, outcome, wall time and the child's peak RSS. Default limits must
keep every row under 10 s and 1 GB. The inputs are generated (tests/hostile/make.py); the
parent writes each to a temporary file so that the child's RSS is its own reading's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import make  # noqa: E402

_CHILD = """
import json, resource, sys, time
import skillmatch
data = open(sys.argv[1], "rb").read()
start = time.monotonic()
try:
    doc = skillmatch.read(data, limits=skillmatch.Limits(pdf_engine=sys.argv[2]))
    outcome = f"read ({doc.encoding or doc.format}, {len(doc.text):,} chars)"
except skillmatch.DocumentError as exc:
    outcome = type(exc).__name__ + ": " + str(exc).split(": ", 1)[-1][:70]
seconds = time.monotonic() - start
print(json.dumps([outcome, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""

SIZES = {  # the figures
    "big-flate PDF": lambda: make.big_flate_pdf(9.6),
    "chained-Flate PDF": lambda: make.chained_flate_pdf(3.5),
    "DOCX zip bomb": lambda: make.docx_bomb(5.0),
}


def main() -> None:
    print(f"{'input':22} {'bytes':>10} {'engine':8} {'time s':>7} {'peak MB':>8}  outcome")
    worst_time = worst_rss = 0.0
    for name, build in make.CASES.items():
        data = SIZES.get(name, build)()
        engines = ("pdfium", "pdfminer") if data.startswith(b"%PDF") else ("-",)
        with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
            handle.write(data)
            handle.flush()
            for engine in engines:
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, handle.name,
                     engine if engine != "-" else "pdfium"],
                    capture_output=True, text=True, timeout=300)
                if done.returncode != 0:
                    print(f"{name:22} {len(data):>10,} {engine:8} crashed: {done.stderr[-300:]}")
                    continue
                outcome, seconds, rss = json.loads(done.stdout.strip().splitlines()[-1])
                worst_time, worst_rss = max(worst_time, seconds), max(worst_rss, rss)
                print(f"{name:22} {len(data):>10,} {engine:8} {seconds:7.2f} {rss:8.0f}  {outcome}")
    print(f"worst: {worst_time:.2f} s, {worst_rss:.0f} MB (bound: 10 s, 1024 MB)")


if __name__ == "__main__":
    main()
