"""Resumes/s on a local Spark (local[2]) against score_many() in the same run.

    python benchmarks/spark_throughput.py [--limit 60] [--postings 10] [--runs 2] [--engine pdfium]

The shared resume PDFs (evenly spread) against real LinkedIn postings, every pair scored. Three
ways, alternating run by run so that load from other processes falls on all alike:

- ``score_many`` with workers=1 and workers=2: the scores, then every pair's full result as
  JSON (``result(i, j).to_dict()``), which is what the Spark output holds;
- ``skillmatch.spark.score`` on local[2], the PDFs as a binary ``content`` column, written to
  Spark's no-op sink (every row computed, nothing stored). The first Spark run is cold (the
  Python workers import skillmatch and build their Matcher); later runs reuse the workers.

Prints each run's wall time and resumes/s, then min and median per way and the ratios to
score_many(workers=1). Scores must be equal everywhere. Needs ``pip install -e ".[spark]"``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from _corpus import postings, resume_pdfs

import skillmatch
import skillmatch.spark


def _local(matcher: skillmatch.Matcher, pdfs: dict[int, Path], posts: dict[str, str],
           workers: int) -> dict[tuple[int, str], float]:
    m = matcher.score_many(pdfs, posts, workers=workers)
    out = {}
    for i, rid in enumerate(pdfs):
        for j, pid in enumerate(posts):
            if m.scores[i, j] == m.scores[i, j]:  # not NaN
                json.dumps(m.result(i, j).to_dict())
            out[(rid, pid)] = float(m.scores[i, j])
    return out


def _spark(spark: Any, matcher: skillmatch.Matcher, pdfs: dict[int, Path],
           posts: dict[str, str]) -> dict[tuple[int, str], float]:
    resumes = spark.createDataFrame([(k, p.read_bytes()) for k, p in pdfs.items()],
                                    "id long, content binary").repartition(2)
    frame = spark.createDataFrame(list(posts.items()), "id string, text string")
    scored = skillmatch.spark.score(resumes, frame, matcher=matcher).cache()
    scored.write.format("noop").mode("overwrite").save()
    out = {(r["resume_id"], r["posting_id"]): (r["score"] if r["score"] is not None
                                               else float("nan"))
           for r in scored.select("resume_id", "posting_id", "score").collect()}
    scored.unpersist()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=60, help="resume PDFs (evenly spread)")
    parser.add_argument("--postings", type=int, default=10)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--engine", default="pdfminer", choices=["pdfminer", "pdfium"])
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    every = resume_pdfs()
    chosen = every[:: max(1, len(every) // args.limit)][: args.limit]
    pdfs = dict(enumerate(chosen))
    texts = [text for _, text in postings()][:: max(1, 746 // args.postings)][: args.postings]
    posts = {f"p{j}": t for j, t in enumerate(texts)}
    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1),
                                 limits=skillmatch.Limits(pdf_engine=args.engine))
    matcher.score("Skills: Python\n", "Requirements\n- Python\n")  # built before timing
    start = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("skillmatch-bench")
             .config("spark.pyspark.python", sys.executable)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "8")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    print(f"{len(pdfs)} resume PDFs x {len(posts)} postings, engine {args.engine}, "
          f"{args.runs} runs per way, {os.cpu_count()} CPUs; Spark session started in "
          f"{time.perf_counter() - start:.1f} s; load average {os.getloadavg()}")
    ways = {"score_many workers=1": lambda: _local(matcher, pdfs, posts, 1),
            "score_many workers=2": lambda: _local(matcher, pdfs, posts, 2),
            "spark local[2]": lambda: _spark(spark, matcher, pdfs, posts)}
    times: dict[str, list[float]] = {name: [] for name in ways}
    reference: dict[tuple[int, str], float] | None = None
    for run in range(args.runs):
        for name, way in ways.items():
            start = time.perf_counter()
            scores = way()
            took = time.perf_counter() - start
            times[name].append(took)
            note = " (cold: workers build their Matcher)" if name.startswith("spark") and \
                run == 0 else ""
            print(f"run {run + 1} {name:<22} {took:7.1f} s  {len(pdfs) / took:6.2f} resumes/s{note}")
            if reference is None:
                reference = scores
            else:
                same = scores.keys() == reference.keys() and all(
                    (a != a and b != b) or a == b for a, b in
                    ((scores[k], reference[k]) for k in reference))
                assert same, f"{name}: scores differ from score_many's"
    base = min(times["score_many workers=1"])
    print(f"\nresumes/s, min time (median), load average after {os.getloadavg()}:")
    for name, values in times.items():
        warm = values[1:] if name.startswith("spark") and len(values) > 1 else values
        print(f"  {name:<22} {len(pdfs) / min(warm):6.2f} ({len(pdfs) / statistics.median(warm):.2f})"
              f"  x{base / min(warm):.2f} of score_many workers=1"
              + ("  (warm runs)" if warm is not values else ""))
    spark.stop()


if __name__ == "__main__":
    main()
