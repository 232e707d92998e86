"""Batch scoring speed and memory.

    python benchmarks/batch.py matrix [--resumes 10000 --postings 1000]
    python benchmarks/batch.py score-many [--resumes 10000 --postings 1000]
    python benchmarks/batch.py end-to-end [--postings 10] [--resumes 1000]

matrix: score N resumes x M postings from extracted skill sets (the real resume and posting
extractions, cycled to N and M), time and peak memory, against a dense float32 numpy baseline in
the same run: presence (N x K) @ weights (K x M) / row sums, which is the floor of any weighted
overlap score (target, issue 14: within 4x of it).

score-many: the same N x M through the public score_many() (Extractions in, a ScoreMatrix out)
against the engine alone (vectorising + matrix blocks) in the same run: the batch layer's
overhead (target: within 2x), and the two must give equal scores. See also workers.py.

end-to-end: the shared PDF resumes (cycled to --resumes, so each is read several times; default
all 225 once) against real postings with workers=1 and workers=2, in documents/s and seconds,
with the time 1,000 PDFs x 10 postings would take at that rate (target, issue 14: under 60 s with
workers=2), and the share of time spent reading PDFs, extracting and scoring (one worker).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import tracemalloc
from datetime import date

from _cache import resume_extractions
from _corpus import postings, resume_pdfs

import skillmatch


def matrix(n: int, m: int) -> None:
    import numpy as np

    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
    resumes = [ex for _, ex in resume_extractions(matcher)]
    posts = [matcher.extract(text, kind="posting") for _, text in postings(limit=min(m, 746))]
    scorer = matcher._scorer
    t0 = time.perf_counter()
    profiles = [scorer.profile(resumes[i % len(resumes)]) for i in range(n)]
    vectors = [scorer.posting(posts[j % len(posts)]) for j in range(m)]
    prep = time.perf_counter() - t0

    def ours() -> None:
        prepared = scorer.prepare(vectors)
        for start in range(0, n, 2048):
            scorer.matrix(profiles[start:start + 2048], prepared, components=False)

    has = np.array([p.has for p in profiles], dtype=np.float32)
    weights = np.array([v.weight_required + v.weight_preferred for v in vectors], dtype=np.float32)

    def baseline() -> None:
        totals = weights.sum(axis=1)
        _ = (has @ weights.T) / np.where(totals > 0, totals, 1)

    def measure(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        fn()  # warm up
        t = time.perf_counter()
        fn()
        seconds = time.perf_counter() - t
        tracemalloc.start()  # a separate run: tracing slows allocation down
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        return seconds, peak

    t_base, m_base = measure(baseline)
    t_ours, m_ours = measure(ours)
    print(f"{n} resumes x {m} postings, {len(scorer.space.ids)} skills "
          f"(vectorising the extractions: {prep:.2f} s, once)")
    print(f"dense float32 baseline : {t_base:6.3f} s  peak {m_base:7.1f} MB")
    print(f"skillmatch matrix      : {t_ours:6.3f} s  peak {m_ours:7.1f} MB "
          f"(float64, blocks of 2048 resumes)")
    print(f"ratio time {t_ours / t_base:.1f}x, memory {m_ours / m_base:.1f}x (target: time within "
          f"4x)")


def score_many_vs_engine(n: int, m: int) -> None:
    import numpy as np

    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
    resumes = [ex for _, ex in resume_extractions(matcher)]
    posts = [matcher.extract(text, kind="posting") for _, text in postings(limit=min(m, 746))]
    res = [resumes[i % len(resumes)] for i in range(n)]
    pos = [posts[j % len(posts)] for j in range(m)]
    scorer = matcher._scorer

    def engine() -> np.ndarray:
        profiles = [scorer.profile(e) for e in res]
        prepared = scorer.prepare([scorer.posting(e) for e in pos])
        return np.vstack([scorer.matrix(profiles[start:start + 2048], prepared,
                                        components=False)["score"]
                          for start in range(0, n, 2048)])

    def public() -> np.ndarray:
        return matcher.score_many(res, pos).scores

    timings: dict[str, list[float]] = {"engine": [], "score_many": []}
    results = {}
    for _ in range(3):
        for name, fn in (("engine", engine), ("score_many", public)):
            t = time.perf_counter()
            results[name] = fn()
            timings[name].append(time.perf_counter() - t)
    assert np.array_equal(results["engine"], results["score_many"]), "scores differ"
    best = {name: min(values) for name, values in timings.items()}
    print(f"{n} resumes x {m} postings (Extractions in), min of 3 runs:")
    print(f"engine alone (vectorise + matrix): {best['engine']:6.2f} s")
    print(f"score_many()                     : {best['score_many']:6.2f} s")
    print(f"ratio {best['score_many'] / best['engine']:.2f}x (target within 2x); scores equal")


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def end_to_end(n_postings: int, n_resumes: int) -> None:
    texts = [text for _, text in postings()][:: max(1, 746 // n_postings)][:n_postings]
    shared = resume_pdfs()
    pdfs = [shared[i % len(shared)] for i in range(n_resumes or len(shared))]
    for workers in (1, 2):
        matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
        matcher.extract("warm up", kind="resume")
        cpu0, t0 = _cpu_seconds(), time.perf_counter()
        result = matcher.score_many(pdfs, texts, workers=workers)
        total = time.perf_counter() - t0
        busy = (_cpu_seconds() - cpu0) / total  # under 2 with workers=2: the machine was shared
        docs = len(pdfs) + len(texts)
        print(f"workers={workers}: {len(pdfs)} PDFs x {len(texts)} postings in {total:.1f} s, "
              f"{docs / total:.2f} documents/s, {len(result.errors)} unreadable; 1,000 PDFs x "
              f"{len(texts)} postings at this rate: {total * 1000 / len(pdfs):.1f} s; "
              f"{busy:.2f} cores busy, load {os.getloadavg()[0]:.2f}")
    # Where the time goes (one worker): reading, extracting, scoring.
    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
    matcher.extract("warm up", kind="resume")
    t0 = time.perf_counter()
    docs_read = []
    for pdf in shared:
        try:
            docs_read.append(skillmatch.read(pdf))
        except skillmatch.DocumentError:
            pass
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractions = [matcher.extract(d, kind="resume") for d in docs_read]
    posts = [matcher.extract(t, kind="posting") for t in texts]
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    matcher.score_many(extractions, posts)
    t_score = time.perf_counter() - t0
    whole = t_read + t_extract + t_score
    print(f"time shares: reading PDFs {t_read / whole:.1%}, extracting {t_extract / whole:.1%}, "
          f"scoring {t_score / whole:.1%} (of {whole:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("matrix", "score-many", "end-to-end"))
    parser.add_argument("--resumes", type=int, default=0,
                        help="matrix, score-many: default 10,000; end-to-end: default the 225 "
                             "shared PDFs once")
    parser.add_argument("--postings", type=int, default=0)
    args = parser.parse_args()
    if args.what == "matrix":
        matrix(args.resumes or 10_000, args.postings or 1000)
    elif args.what == "score-many":
        score_many_vs_engine(args.resumes or 10_000, args.postings or 1000)
    else:
        end_to_end(args.postings or 10, args.resumes)


if __name__ == "__main__":
    main()
