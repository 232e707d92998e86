"""Ranking quality on real data: do IT and engineering resumes rise for technical postings?

    python benchmarks/ranking.py [--postings 20]

For real postings from the LinkedIn AI/ML corpus (a fixed, evenly spaced sample), rank the 224
readable shared resume PDFs and compute NDCG@10 and NDCG@25 with INFORMATION-TECHNOLOGY and
ENGINEERING resumes as relevant (1) and the other 22 categories as not (0). The baseline, in the
same run and on the same extractions: plain keyword overlap, the share of the posting's skills
found in the resume, every skill weighing the same and required = preferred.
"""

from __future__ import annotations

import argparse
import math
from datetime import date

from _cache import resume_extractions
from _corpus import postings

import skillmatch

RELEVANT = {"INFORMATION-TECHNOLOGY", "ENGINEERING"}


def ndcg(relevance: list[int], k: int) -> float:
    dcg = sum(r / math.log2(i + 2) for i, r in enumerate(relevance[:k]))
    ideal = sorted(relevance, reverse=True)
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal[:k]))
    return dcg / idcg if idcg else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=20)
    args = parser.parse_args()
    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
    resumes = resume_extractions(matcher)
    corpus = postings()
    step = max(1, len(corpus) // args.postings)
    sample = [corpus[i] for i in range(0, len(corpus), step)][: args.postings]
    labels = [1 if cat in RELEVANT else 0 for cat, _ in resumes]
    matrix = matcher.score_many([ex for _, ex in resumes], [text for _, text in sample])
    results = {"skillmatch": {10: [], 25: []}, "overlap": {10: [], 25: []}}
    for j, (title, text) in enumerate(sample):
        posting = matcher.extract(text, kind="posting")
        asked = {sid for sid, ev in posting.skills.items() if ev.level is not None}
        ours = sorted(range(len(resumes)), key=lambda i: (-matrix.scores[i, j], i))
        overlap = sorted(range(len(resumes)), key=lambda i: (
            -len(asked & set(resumes[i][1].skills)) / max(len(asked), 1), i))
        for name, order in (("skillmatch", ours), ("overlap", overlap)):
            for k in (10, 25):
                results[name][k].append(ndcg([labels[i] for i in order], k))
    print(f"{len(sample)} postings x {len(resumes)} resumes ({sum(labels)} relevant)")
    for name, by_k in results.items():
        print(f"{name:<11} NDCG@10 {sum(by_k[10]) / len(by_k[10]):.3f}   "
              f"NDCG@25 {sum(by_k[25]) / len(by_k[25]):.3f}")
    wins = sum(a > b for a, b in zip(results["skillmatch"][10], results["overlap"][10]))
    ties = sum(a == b for a, b in zip(results["skillmatch"][10], results["overlap"][10]))
    print(f"per posting NDCG@10: skillmatch better on {wins}, tied on {ties}, "
          f"worse on {len(sample) - wins - ties}")


if __name__ == "__main__":
    main()
