"""The two PDF engines on the shared resume PDFs: how alike their texts are, and how fast.

    python benchmarks/pdf_engines.py [--limit N] [--runs 3] [--show 5]

For every PDF both engines read, on the same text layer:

- words: the Jaccard index of the two texts' lowercased word sets (``\\w+``), which catches a
  lost word space ("ofScience") and a split word ("Sci ence") alike;
- degree level: ``Extraction.degree_rank`` (none, associate, bachelor, master, PhD) of the
  resume extraction of each text;
- skills: the extracted skill id sets are equal.

Timing: CPU seconds (``time.process_time``: PDFium and pdfminer both run in this process, and
other jobs on a shared machine then count less), each run reading every PDF with each engine, the
engines interleaved run by run so that the machine's load hits both alike; the min and median
over runs are printed, and the speed-up is a ratio of the same run's times. pdfminer is the reference the fast engine is held to.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from _corpus import resume_pdfs

import skillmatch

ENGINES = ("pdfium", "pdfminer")
_WORD = re.compile(r"\w+")


def read_all(paths: list[Path], engine: str) -> tuple[float, int, dict[Path, str]]:
    """(seconds, pages, text by path) for one engine; a PDF that fails to read has no text."""
    limits = skillmatch.Limits(pdf_engine=engine)
    texts: dict[Path, str] = {}
    pages = 0
    start = time.process_time()
    for path in paths:
        try:
            document = skillmatch.read(path, limits=limits)
        except skillmatch.DocumentError:
            continue
        pages += len(document.pages)
        texts[path] = document.text
    return time.process_time() - start, pages, texts


def jaccard(a: str, b: str) -> float:
    """Jaccard index of the two texts' lowercased word sets (1.0 for two empty texts)."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / len(x | y) if x | y else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", type=int, default=5, help="worst PDFs to print")
    args = parser.parse_args()
    paths = resume_pdfs()[: args.limit or None]
    times: dict[str, list[float]] = {e: [] for e in ENGINES}
    texts: dict[str, dict[Path, str]] = {}
    pages: dict[str, int] = {}
    for _ in range(args.runs):
        for engine in ENGINES:
            seconds, pages[engine], texts[engine] = read_all(paths, engine)
            times[engine].append(seconds)

    print(f"{len(paths)} PDFs, {pages['pdfminer']} pages (pdfminer), {args.runs} interleaved runs")
    print(f"{'engine':10} {'read':>8} {'CPU s min':>10} {'median':>7} {'pages/s min':>12}")
    for engine in ENGINES:
        t = times[engine]
        print(f"{engine:10} {len(texts[engine]):>4}/{len(paths):<3} {min(t):10.2f} "
              f"{statistics.median(t):7.2f} {pages[engine] / min(t):12.1f}")
    ratios = [m / p for m, p in zip(times["pdfminer"], times["pdfium"])]
    print(f"speed-up pdfium over pdfminer (same run): min {min(ratios):.1f}x, "
          f"median {statistics.median(ratios):.1f}x")

    matcher = skillmatch.Matcher(fuzzy=False)
    both = sorted(set(texts["pdfium"]) & set(texts["pdfminer"]))
    words: list[tuple[float, Path]] = []
    degrees = skills = 0
    differ: list[str] = []
    for path in both:
        a, b = texts["pdfium"][path], texts["pdfminer"][path]
        words.append((jaccard(a, b), path))
        ea, eb = matcher.extract(a, kind="resume"), matcher.extract(b, kind="resume")
        degrees += ea.degree_rank == eb.degree_rank
        same = set(ea.skills) == set(eb.skills)
        skills += same
        if not same:
            differ.append(f"  skills differ {path.parent.name}/{path.name}: pdfium only "
                          f"{sorted(set(ea.skills) - set(eb.skills))}, pdfminer only "
                          f"{sorted(set(eb.skills) - set(ea.skills))}")
    values = [w for w, _ in words]
    n = len(both)
    print(f"agreement on the {n} PDFs both engines read:")
    print(f"  word-set Jaccard: min {min(values):.3f}, median {statistics.median(values):.3f}, "
          f"mean {statistics.mean(values):.3f}, >= 0.98 on {sum(v >= 0.98 for v in values)}/{n}")
    print(f"  degree level equal: {degrees}/{n} ({degrees / n:.1%})")
    print(f"  skill set equal:    {skills}/{n} ({skills / n:.1%})")
    for value, path in sorted(words)[: args.show]:
        print(f"  lowest Jaccard {value:.3f} {path.parent.name}/{path.name}")
    print("\n".join(differ[: args.show]))


if __name__ == "__main__":
    main()
