"""Extraction speed against a plain Aho-Corasick dictionary pass, in the same run.

    pip install pyahocorasick   # benchmark-only
    python benchmarks/extract_speed.py [--resumes 40] [--repeat 3]

Both sides get the same texts (postings and resumes already read into Documents) and the same
aliases. The Aho-Corasick pass lowercases each text and collects every alias hit; extract()
does the whole job (candidates, spaCy matching, ambiguity, context, fuzzy variants).
"""

from __future__ import annotations

import argparse
import time

import skillmatch
from _corpus import postings, resume_pdfs
from skillmatch._extract import Extractor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resumes", type=int, default=40)
    parser.add_argument("--postings", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--taxonomy", default=None, help="taxonomy name (default: the default)")
    args = parser.parse_args()
    import ahocorasick

    docs = [skillmatch.read(text) for _, text in postings(limit=args.postings)]
    kinds = ["posting"] * len(docs)
    for path in resume_pdfs()[:: max(1, len(resume_pdfs()) // max(args.resumes, 1))][: args.resumes]:
        try:
            docs.append(skillmatch.read(path))
            kinds.append("resume")
        except skillmatch.DocumentError:
            pass
    texts = [d.text for d in docs]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tax = skillmatch.load_taxonomy(args.taxonomy)
    automaton = ahocorasick.Automaton()
    for skill in tax:
        for form in skill.surface_forms:
            automaton.add_word(form.lower(), skill.id)
    automaton.make_automaton()
    extractor = Extractor(tax)
    extractor.extract(docs[0], kinds[0])  # build the pipeline outside the timing

    def ac_pass() -> int:
        hits = 0
        for text in texts:
            for _ in automaton.iter(text.lower()):
                hits += 1
        return hits

    def ours() -> int:
        return sum(len(extractor.extract(d, k).mentions) for d, k in zip(docs, kinds))

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    t_ac, t_us = best(ac_pass), best(ours)
    n = len(docs)
    print(f"corpus: {n} documents ({kinds.count('posting')} postings, {kinds.count('resume')} "
          f"resumes), {megabytes:.2f} MB")
    print(f"aho-corasick : {n / t_ac:9.1f} docs/s  {megabytes / t_ac:7.2f} MB/s")
    print(f"extract()    : {n / t_us:9.1f} docs/s  {megabytes / t_us:7.2f} MB/s")
    print(f"ratio extract/aho-corasick: 1/{t_us / t_ac:.1f}  (target >= 1/15)")


if __name__ == "__main__":
    main()
