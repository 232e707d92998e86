"""Ranking quality on the hand-graded relevance set (issue 12): NDCG of four rankers.

    python benchmarks/relevance.py [--shared ../shared/data] [--taxonomy NAME] [--json OUT]

The 20 postings of ``benchmarks/labels/relevance/*.json`` (found in the LinkedIn CSV by
``posting_id``; each label file's sha256 is checked against the description; the posting's
document is its title line, then the description) are each ranked
against all 225 shared resume PDFs, in one run over the same documents, by:

- ``keyword-overlap``: the share of the posting's extracted skills (those with a level) that the
  resume's extraction shows;
- ``bm25``: Okapi BM25 (k1 1.5, b 0.75) of pdfminer's plain text of each resume, the posting's
  full text as the query (pdfminer texts are cached in ``benchmarks/results/pdftext/`` by sha256);
- ``skillmatch``: ``Matcher.score_many`` scores;
- ``skillmatch-skills``: the ``required`` component of the same results only.

Resumes are extracted afresh on every run (extraction is part of what is measured). Ties are
broken by resume id; the resume that fails to read (a blank page) is ranked last by every ranker.
Unpooled pairs have grade 0. NDCG@k uses graded gains ``2**grade - 1`` with the usual
``log2(rank + 1)`` discount; the ideal DCG comes from all graded pairs of that posting. Differences
of mean NDCG get 95% paired bootstrap intervals (postings resampled, fixed seed, the same
resamples for every comparison).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "labels"
sys.path.insert(0, str(LABELS))  # the label scripts import each other as top-level modules

from pool_relevance import bm25_scores  # noqa: E402
from select_devset import posting_id, unique_postings  # noqa: E402

import skillmatch  # noqa: E402

TEXT_CACHE = ROOT / "benchmarks" / "results" / "pdftext"
AS_OF = datetime.date(2024, 6, 1)
KS = (10, 25)
RESAMPLES = 10_000
SEED = 20261130
RANKERS = ("keyword-overlap", "bm25", "skillmatch", "skillmatch-skills")
COMPARISONS = (("skillmatch", "keyword-overlap"), ("skillmatch", "bm25"),
               ("skillmatch-skills", "keyword-overlap"))


@dataclass(frozen=True)
class Posting:
    id: str
    title: str
    text: str
    grades: dict[str, int]


def load_postings(shared: Path) -> list[Posting]:
    """The graded postings, their texts from the CSV; exits if a label does not match its text."""
    rows = {posting_id(r): r for r in unique_postings(shared / "postings" / "linkedin-aiml-2024.csv")}
    out = []
    for path in sorted((LABELS / "relevance").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        row = rows.get(label["id"])
        if row is None:
            sys.exit(f"{path.name}: posting {label['id']} is not in the CSV")
        if hashlib.sha256(row["description"].encode("utf-8")).hexdigest() != label["sha256"]:
            sys.exit(f"{path.name}: the description's sha256 differs from the label's")
        grades = {rid: int(g) for rid, g in label["grades"].items()}
        # A posting document starts with its title (the scorer's role component reads it).
        out.append(Posting(label["id"], row["title"], f"{row['title']}\n{row['description']}",
                           grades))
    return out


def pdf_text(pdf: Path) -> str:
    """pdfminer's plain text of a PDF, cached by the file's sha256."""
    cached = TEXT_CACHE / f"{hashlib.sha256(pdf.read_bytes()).hexdigest()}.txt"
    if not cached.exists():
        from pdfminer.high_level import extract_text

        TEXT_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(extract_text(str(pdf)), encoding="utf-8")
    return cached.read_text(encoding="utf-8")


def extract_resumes(matcher: skillmatch.Matcher,
                    pdfs: list[Path]) -> tuple[dict[str, skillmatch.Extraction], list[str]]:
    """Extractions of the readable resumes by id, and the ids of those that fail to read."""
    extractions, failed = {}, []
    for pdf in pdfs:
        try:
            extractions[pdf.stem] = matcher.extract(pdf, kind="resume")
        except skillmatch.DocumentError:
            failed.append(pdf.stem)
    return extractions, sorted(failed)


def order(ids: Sequence[str], scores: Sequence[float]) -> list[str]:
    """Ids by score, best first, ties (and NaN, last) by id."""
    key = {i: -s if not math.isnan(s) else math.inf for i, s in zip(ids, scores)}
    return sorted(ids, key=lambda i: (key[i], i))


def rankings(matcher: skillmatch.Matcher, posting: Posting,
             resumes: dict[str, skillmatch.Extraction], texts: dict[str, str]) -> dict[str, list[str]]:
    """Every ranker's order of the readable resumes for one posting."""
    ids = sorted(resumes)
    extraction = matcher.extract(posting.text, kind="posting")
    asked = {s for s, ev in extraction.skills.items() if ev.level is not None}
    overlap = [len(asked & set(resumes[i].skills)) / max(len(asked), 1) for i in ids]
    bm25 = bm25_scores(posting.text, [texts[i] for i in ids])
    matrix = matcher.score_many([resumes[i] for i in ids], [extraction])
    # ScoreMatrix exposes components only through result(); ~20 ms a posting for all resumes
    required = [matrix.result(k, 0).components.get("required") for k in range(len(ids))]
    skills = [c.score if c is not None else 0.0 for c in required]
    scores = (overlap, bm25, matrix.scores[:, 0].tolist(), skills)
    return {name: order(ids, s) for name, s in zip(RANKERS, scores)}


def dcg(grades: Sequence[int], k: int) -> float:
    return sum((2.0 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:k]))


def ndcg(ranking: Sequence[str], grades: dict[str, int], k: int) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True), k)
    return dcg([grades.get(r, 0) for r in ranking], k) / ideal if ideal else 0.0


def paired_ci(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64],
              resamples: npt.NDArray[np.int64]) -> tuple[float, float, float]:
    """Mean of a - b and its 95% bootstrap interval over the given resamples of postings."""
    diff = a - b
    means = diff[resamples].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(diff.mean()), float(lo), float(hi)


def evaluate(postings: list[Posting], ranked: list[dict[str, list[str]]]) -> dict[str, Any]:
    """Per-posting NDCG, means and the bootstrap intervals of the compared differences."""
    scores = {name: {k: np.array([ndcg(r[name], p.grades, k) for p, r in zip(postings, ranked)])
                     for k in KS} for name in RANKERS}
    resamples = np.random.default_rng(SEED).integers(0, len(postings), (RESAMPLES, len(postings)))
    diffs = []
    for a, b in COMPARISONS:
        for k in KS:
            mean, lo, hi = paired_ci(scores[a][k], scores[b][k], resamples)
            diffs.append({"a": a, "b": b, "k": k, "mean": mean, "ci95": [lo, hi]})
    judged = {n: float(np.mean([sum(r in p.grades for r in rk[n][:10]) / 10
                                for p, rk in zip(postings, ranked)])) for n in RANKERS}
    return {
        "judged@10": judged,
        "postings": [{"id": p.id, "title": p.title,
                      "ndcg": {n: {k: float(scores[n][k][j]) for k in KS} for n in RANKERS}}
                     for j, p in enumerate(postings)],
        "mean": {n: {k: float(scores[n][k].mean()) for k in KS} for n in RANKERS},
        "differences": diffs,
    }


def report(results: dict[str, Any], n_resumes: int, failed: list[str]) -> None:
    widths = [max(len(n), 6) for n in RANKERS]
    print(f"NDCG@10 per posting ({n_resumes} resumes; unreadable, ranked last: {', '.join(failed)})")
    print(f"{'posting':<13}{'title':<41}" + " ".join(f"{n:>{w}}" for n, w in zip(RANKERS, widths)))
    for p in results["postings"]:
        print(f"{p['id']:<13}{p['title'][:40]:<41}"
              + " ".join(f"{p['ndcg'][n][10]:>{w}.3f}" for n, w in zip(RANKERS, widths)))
    for k in KS:
        print(f"{f'mean NDCG@{k}':<54}"
              + " ".join(f"{results['mean'][n][k]:>{w}.3f}" for n, w in zip(RANKERS, widths)))
    print(f"{'judged@10 (share of the top 10 that were graded; the rest count as 0)':<54}"
          + " ".join(f"{results['judged@10'][n]:>{w}.2f}" for n, w in zip(RANKERS, widths)))
    print(f"\npaired bootstrap, {RESAMPLES} resamples of postings (seed {SEED}): mean [95% CI]")
    for d in results["differences"]:
        lo, hi = d["ci95"]
        print(f"  {d['a'] + ' - ' + d['b']:<38} @{d['k']:<3} {d['mean']:+.3f} [{lo:+.3f}, {hi:+.3f}]")
    m10 = ", ".join(f"{n} {results['mean'][n][10]:.3f}" for n in RANKERS)
    clear = [f"{d['a']} {'>' if d['ci95'][0] > 0 else '<'} {d['b']} @{d['k']}"
             for d in results["differences"] if d["ci95"][0] > 0 or d["ci95"][1] < 0]
    print(f"\nsummary: {len(results['postings'])} postings, mean NDCG@10 {m10}; "
          f"CI excludes 0: {'; '.join(clear) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--taxonomy", default=None, help="taxonomy name (default: the library's)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write all numbers")
    args = parser.parse_args()
    postings = load_postings(args.shared)
    pdfs = sorted((args.shared / "resumes" / "pdf").glob("*/*.pdf"))
    matcher = skillmatch.Matcher(args.taxonomy, as_of=AS_OF)
    print(f"extracting {len(pdfs)} resumes...", file=sys.stderr, flush=True)
    resumes, failed = extract_resumes(matcher, pdfs)
    texts = {pdf.stem: pdf_text(pdf) for pdf in pdfs if pdf.stem in resumes}
    ranked = [{n: r + failed for n, r in rankings(matcher, p, resumes, texts).items()}
              for p in postings]
    results = evaluate(postings, ranked)
    report(results, len(pdfs), failed)
    if args.json:
        meta = {"taxonomy": matcher.taxonomy_.id, "as_of": AS_OF.isoformat(), "gain": "2**grade - 1",
                "resumes": len(pdfs), "unreadable": failed, "resamples": RESAMPLES, "seed": SEED}
        args.json.write_text(json.dumps({"config": meta, **results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
