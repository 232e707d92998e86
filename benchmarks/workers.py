"""Batch throughput with one worker and with two: the shared resume PDFs against real postings.

    python benchmarks/workers.py [--limit 225] [--postings 10] [--runs 3]

Runs alternate (1, 2, 1, 2, ...) so that load from other processes falls on both alike; each
prints its wall time, and the summary gives min and median documents/s per worker count, the
ratio workers=2 / workers=1 (target on an idle 2-core machine: >= 1.7x), and the load average
around the runs, since a shared machine caps the ratio. workers=2 times include starting the
pool. CPU seconds per run (this process plus its workers) show what the pool costs beyond
the work itself, and "cores busy" how much of the machine the run actually got: on a loaded
machine the ratio is capped by that, not by the pool. Scores must be equal across worker counts.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from datetime import date

import numpy as np
from _corpus import postings, resume_pdfs

import skillmatch


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=225, help="PDFs to read (evenly spread)")
    parser.add_argument("--postings", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pdfs = resume_pdfs()
    pdfs = pdfs[:: max(1, len(pdfs) // args.limit)][: args.limit]
    texts = [text for _, text in postings()][:: max(1, 746 // args.postings)][: args.postings]
    docs = len(pdfs) + len(texts)
    print(f"{len(pdfs)} resume PDFs x {len(texts)} postings, {args.runs} runs per worker count, "
          f"{os.cpu_count()} CPUs; load average before: {os.getloadavg()}")
    times: dict[int, list[float]] = {1: [], 2: []}
    reference = None
    for run in range(args.runs):
        for workers in (1, 2):
            matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
            matcher.extract("warm up", kind="resume")  # workers=1 then measures reading, not setup
            cpu_before = _cpu_seconds()
            started = time.perf_counter()
            matrix = matcher.score_many(pdfs, texts, workers=workers)
            seconds = time.perf_counter() - started
            cpu = _cpu_seconds() - cpu_before
            times[workers].append(seconds)
            if reference is None:
                reference = matrix.scores
            assert np.array_equal(reference, matrix.scores, equal_nan=True), "scores differ"
            print(f"run {run + 1} workers={workers}: {seconds:6.1f} s, {docs / seconds:5.2f} docs/s, "
                  f"{len(matrix.errors)} errors, CPU {cpu:5.1f} s ({cpu / seconds:.2f} cores busy), "
                  f"load {os.getloadavg()[0]:.2f}")
    for workers, values in times.items():
        print(f"workers={workers}: min {min(values):6.1f} s ({docs / min(values):5.2f} docs/s), "
              f"median {statistics.median(values):6.1f} s "
              f"({docs / statistics.median(values):5.2f} docs/s)")
    print(f"ratio workers=2 / workers=1: {min(times[1]) / min(times[2]):.2f}x by min, "
          f"{statistics.median(times[1]) / statistics.median(times[2]):.2f}x by median "
          f"(target >= 1.7x idle); load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
