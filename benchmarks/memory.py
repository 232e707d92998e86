"""Memory of a long-running extractor: RSS after N distinct documents (issue 14).

    python benchmarks/memory.py [--docs 20000] [--at 1000]

A service extracts document after document with one Matcher. Every document here is distinct:
a real LinkedIn posting (cycled) with one line that names twelve made-up places of its own and a
reference ("Projects: Python at Quiaxquika, SQL at Breaxquika, ...; ref QX-00417"), set beside
skill names so that those words are inside the windows spaCy tokenises, as a real resume's
employers and places are.
spaCy's StringStore and vocabulary grow with every word they have not seen, so a cache that is
not bounded shows here as RSS that keeps rising. Prints RSS (``/proc/self/status`` VmRSS) after
``--at`` documents and at intervals to ``--docs``; the target is the growth from ``--at`` to
``--docs`` within 50 MB.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from _corpus import postings

import skillmatch

_SYLLABLES = ("ka", "zu", "ro", "vel", "ax", "qui", "bre", "mon", "tis", "dra", "fen", "lo",
              "gar", "nix", "pel", "sor", "tha", "vin", "wex", "yor")


def _word(n: int, parts: int = 5) -> str:
    """A made-up word, distinct for every ``n`` below len(_SYLLABLES) ** parts."""
    out = []
    for _ in range(parts):
        n, k = divmod(n, len(_SYLLABLES))
        out.append(_SYLLABLES[k])
    return "".join(out).capitalize()


def document(n: int, bodies: list[str]) -> str:
    """The n-th distinct document: a real posting and a line of words no other document has."""
    names = [_word(n * _NEW + i) for i in range(_NEW)]
    places = ", ".join(f"{skill} at {name}" for skill, name in zip(_SKILLS * 2, names))
    return f"{bodies[n % len(bodies)]}\nProjects: {places}; ref QX-{n:05d}."


_NEW = 12  # made-up words per document
_SKILLS = ("Python", "SQL", "Docker", "Spark", "AWS", "Kubernetes")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--at", type=int, default=1_000)
    parser.add_argument("--every", type=int, default=2_500)
    parser.add_argument("--unbounded", action="store_true",
                        help="never replace the spaCy pipeline (the behaviour before issue 14)")
    args = parser.parse_args()
    bodies = [f"{title}\n{text}" for title, text in postings()]
    matcher = skillmatch.Matcher()
    if args.unbounded:
        from skillmatch._phrases import SurfaceForms

        extractor = matcher._extractor  # noqa: SLF001 - a benchmark's switch, not an API
        extractor.__dict__["_phrases"] = SurfaceForms(matcher.taxonomy_,
                                                        max_new_strings=10**12)
    start = time.perf_counter()
    marks: dict[int, float] = {}
    for n in range(1, args.docs + 1):
        matcher.extract(document(n, bodies), kind="posting")
        if n == args.at or n % args.every == 0 or n == args.docs:
            gc.collect()
            marks[n] = rss_mb()
            print(f"{n:>7} documents  RSS {marks[n]:7.1f} MB  "
                  f"({time.perf_counter() - start:6.1f} s)", flush=True)
    growth = marks[args.docs] - marks[args.at]
    print(f"RSS growth from {args.at:,} to {args.docs:,} distinct documents: {growth:+.1f} MB "
          f"(target within 50 MB: {'met' if growth <= 50 else 'not met'})")


if __name__ == "__main__":
    main()
