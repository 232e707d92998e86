"""Extraction speed against a plain Aho-Corasick pass over the aliases, cold, in the same run.

    python benchmarks/extract_speed.py [--postings 300] [--resumes 40] [--block 10] [--runs 5]

Honest on three counts (issue 14):

- the baseline is an Aho-Corasick automaton over the skills' case-insensitive aliases only (no
  exact-case forms lowercased: "r", "go", "it" would multiply its hits), run on the lowercased
  text, counting every hit;
- cold: every document is extracted once, by an extractor that has seen no document of the
  corpus: its pipeline and lazy indexes are built on one posting outside the measured set (the
  last of the CSV) and on the bundled example resume, so spaCy's vocabulary and the caches
  start as a fresh process's would;
- CPU time (``time.process_time``) of the two sides interleaved block by block, so that another
  process's load hits both alike; the ratio is total extract() time over total baseline time.

``read()`` is timed separately (postings as text, resumes from their PDFs) and reported on its
own line: it is not part of either side. The target (issue 14) is extract() at no less than 1/12
of the baseline's speed on unseen postings.

``--runs N`` repeats the whole measurement in N fresh processes (each cold: module-level caches
start empty too) and ends with the min and median of the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _corpus import ROOT, postings, resume_pdfs

import skillmatch
from skillmatch._extract import Extractor

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=300, help="0 for all but the warm-up posting")
    parser.add_argument("--resumes", type=int, default=40)
    parser.add_argument("--block", type=int, default=10, help="documents per interleaved block")
    parser.add_argument("--taxonomy", default=None, help="taxonomy name (default: the default)")
    parser.add_argument("--runs", type=int, default=1, help="fresh processes to run, for min/median")
    args = parser.parse_args()
    if args.runs > 1:
        _repeat(args)
        return
    import ahocorasick

    every = postings()
    measured = every[: args.postings or len(every) - 1][: len(every) - 1]
    warm = skillmatch.read(every[-1][1])  # never in the measured set
    t0 = time.process_time()
    docs = [skillmatch.read(text) for _, text in measured]
    t_read_text = time.process_time() - t0
    kinds = ["posting"] * len(docs)
    pdfs = resume_pdfs()
    t0 = time.process_time()
    for path in pdfs[:: max(1, len(pdfs) // max(args.resumes, 1))][: args.resumes]:
        try:
            docs.append(skillmatch.read(path))
            kinds.append("resume")
        except skillmatch.DocumentError:
            pass
    t_read_pdf = time.process_time() - t0
    texts = [d.text for d in docs]

    tax = skillmatch.load_taxonomy(args.taxonomy)
    automaton = ahocorasick.Automaton()
    for skill in tax:
        for form in skill.aliases:
            automaton.add_word(form.lower(), skill.id)
    automaton.make_automaton()
    extractor = Extractor(tax)
    extractor.extract(warm, "posting")  # builds the pipeline and indexes; not in the corpus
    # ... and those only resumes use (rule verb-object's): one-time costs, not throughput
    extractor.extract(skillmatch.read(ROOT / "examples/resumes/data-scientist.md"), "resume")

    t_ac = {"posting": 0.0, "resume": 0.0}
    t_us = {"posting": 0.0, "resume": 0.0}
    hits = mentions = 0
    for start in range(0, len(docs), args.block):
        block = range(start, min(start + args.block, len(docs)))
        for i in block:
            t0 = time.process_time()
            for _ in automaton.iter(texts[i].lower()):
                hits += 1
            t_ac[kinds[i]] += time.process_time() - t0
        for i in block:
            t0 = time.process_time()
            mentions += len(extractor.extract(docs[i], kinds[i]).mentions)
            t_us[kinds[i]] += time.process_time() - t0

    n_post, n_res = kinds.count("posting"), kinds.count("resume")
    mb = {k: sum(len(t.encode("utf-8")) for t, kk in zip(texts, kinds) if kk == k) / 1e6
          for k in ("posting", "resume")}
    print(f"corpus: {n_post} postings ({mb['posting']:.2f} MB), {n_res} resumes "
          f"({mb['resume']:.2f} MB); each extracted once, cold; CPU seconds")
    print(f"{'':14} {'aho-corasick':>13} {'extract()':>10} {'ratio':>8} {'extract MB/s':>13}")
    for kind, n in (("posting", n_post), ("resume", n_res)):
        if n:
            ratio = t_us[kind] / t_ac[kind]
            print(f"{kind + 's':14} {t_ac[kind]:13.3f} {t_us[kind]:10.3f} {'1/' + f'{ratio:.1f}':>8} "
                  f"{mb[kind] / t_us[kind]:13.3f}")
    total_ac, total_us = sum(t_ac.values()), sum(t_us.values())
    print(f"{'all':14} {total_ac:13.3f} {total_us:10.3f} {'1/' + f'{total_us / total_ac:.1f}':>8}")
    print(f"hits: aho-corasick {hits}, extract() mentions {mentions}")
    print(f"read() alone: {n_post} postings {t_read_text:.3f} s, {n_res} resume PDFs "
          f"{t_read_pdf:.3f} s (not in either side)")
    print("ratios " + " ".join(f"{kind}={t_us[kind] / t_ac[kind]:.2f}" for kind in t_us if t_ac[kind]))
    print(f"target: postings at >= 1/12 of aho-corasick "
          f"({'met' if t_us['posting'] <= 12 * t_ac['posting'] else 'not met'})")


def _repeat(args: argparse.Namespace) -> None:
    """Run this benchmark ``args.runs`` times, each in a new process; print each and the
    summary."""
    runs = args.runs
    argv = ["--postings", str(args.postings), "--resumes", str(args.resumes),
            "--block", str(args.block)] + (["--taxonomy", args.taxonomy] if args.taxonomy else [])
    found: dict[str, list[float]] = {}
    for run in range(runs):
        out = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True,
                             check=True).stdout
        print(f"--- run {run + 1}\n{out}", end="")
        line = next(x for x in out.splitlines() if x.startswith("ratios "))
        for item in line.split()[1:]:
            kind, value = item.split("=")
            found.setdefault(kind, []).append(float(value))
    for kind, values in found.items():
        print(f"{kind}s over {runs} runs: extract() at 1/{min(values):.1f} (best) and "
              f"1/{statistics.median(values):.1f} (median) of aho-corasick")


if __name__ == "__main__":
    main()
