"""Both PDF engines on the shared resume PDFs, in the same run: speed, agreement, mojibake.

    python benchmarks/read_pdfs.py [--limit N] [--runs 3]

Runs are interleaved (pdfium, pdfminer, pdfium, ...) so that the machine's load hits both
alike; the table gives the min and median of the runs. Agreement: for each PDF, whether
skillmatch.extract finds the same set of skill ids in the texts the two engines read.
Mojibake: texts still showing UTF-8 read as cp1252 ("â€", a stray "Â").
``benchmarks/pdf_engines.py`` measures the engines' agreement word by word and by degree level,
in CPU time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from _corpus import resume_pdfs

import skillmatch

_MOJIBAKE = re.compile(r"â€|Â|Ã[\x80-\xbf©¨¼¶]")


def _run(paths: list[Path], engine: str) -> tuple[float, int, dict[Path, str], list[str]]:
    limits = skillmatch.Limits(pdf_engine=engine)
    texts: dict[Path, str] = {}
    failures: list[str] = []
    pages = 0
    t0 = time.perf_counter()
    for path in paths:
        try:
            document = skillmatch.read(path, limits=limits)
            pages += len(document.pages)
            texts[path] = document.text
        except skillmatch.DocumentError as exc:
            failures.append(f"{path}: {type(exc).__name__}: {exc}")
            pages += 1
    return time.perf_counter() - t0, pages, texts, failures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", type=int, default=5, help="disagreements to print")
    args = parser.parse_args()
    paths = resume_pdfs()[: args.limit or None]
    engines = ("pdfium", "pdfminer")
    times: dict[str, list[float]] = {e: [] for e in engines}
    results = {}
    for _ in range(args.runs):
        for engine in engines:
            seconds, pages, texts, failures = _run(paths, engine)
            times[engine].append(seconds)
            results[engine] = (pages, texts, failures)
    pages = results["pdfminer"][0]
    print(f"{len(paths)} PDFs, {pages} pages, {args.runs} interleaved runs")
    print(f"{'engine':10} {'pages/s min':>12} {'median':>8} {'read ok':>8} {'mojibake':>9}")
    for engine in engines:
        best, median = min(times[engine]), statistics.median(times[engine])
        _, texts, failures = results[engine]
        bad = sum(_MOJIBAKE.search(t) is not None for t in texts.values())
        print(f"{engine:10} {pages / best:12.1f} {pages / median:8.1f} "
              f"{len(texts):>4}/{len(paths):<3} {bad:9}")
    ratio = min(times["pdfminer"]) / min(times["pdfium"])
    print(f"speed-up pdfium/pdfminer (min times): {ratio:.1f}x")
    both = sorted(set(results["pdfium"][1]) & set(results["pdfminer"][1]))
    same = 0
    shown = 0
    for path in both:
        a = set(skillmatch.extract(results["pdfium"][1][path]).skills)
        b = set(skillmatch.extract(results["pdfminer"][1][path]).skills)
        same += a == b
        if a != b and shown < args.show:
            shown += 1
            print(f"  differ {path.parent.name}/{path.name}: pdfium only {sorted(a - b)}, "
                  f"pdfminer only {sorted(b - a)}")
    print(f"same skill set: {same}/{len(both)} PDFs both engines read")
    for engine in engines:
        for failure in results[engine][2]:
            print(f"  {engine} failed: {failure}")


if __name__ == "__main__":
    main()
