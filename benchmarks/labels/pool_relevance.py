"""Pool the resumes to grade for the graded relevance set (issue 12).

    PYTHONPATH=<checkout of the scorer to pool with>/src \\
        python benchmarks/labels/pool_relevance.py ../shared/data /tmp/relset

For 20 postings of different roles (seeded, none from the development set), pool the top 15
resumes of three rankers - keyword overlap (share of the posting's skills the resume shows),
BM25 over the full texts, and the skillmatch scorer importable from PYTHONPATH - plus 10 random
resumes. Writes ``postings/<id>.txt``, ``resumes/<id>.txt`` (pdfminer's plain text) and
``pools.json`` (each posting's pooled resume ids, shuffled so that graders never see a rank).
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from select_devset import BUCKETS, posting_id, unique_postings

SEED = 20261129
PER_BUCKET = 4
TOP = 15
RANDOM = 10
_TOKEN = re.compile(r"[a-z0-9+#]+")


def bm25_scores(query: str, docs: list[str], k1: float = 1.5, b: float = 0.75) -> list[float]:
    """Okapi BM25 of each document for the query (the posting's full text)."""
    tokenized = [_TOKEN.findall(d.lower()) for d in docs]
    avg = sum(map(len, tokenized)) / max(len(tokenized), 1)
    df: Counter[str] = Counter()
    for toks in tokenized:
        df.update(set(toks))
    n = len(docs)
    q = Counter(_TOKEN.findall(query.lower()))
    out = []
    for toks in tokenized:
        tf = Counter(toks)
        score = 0.0
        for term in q:
            if term in tf:
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                score += idf * tf[term] * (k1 + 1) / (tf[term] + k1 * (1 - b + b * len(toks) / avg))
        out.append(score)
    return out


def main(shared: Path, out: Path) -> None:
    import skillmatch
    from pdfminer.high_level import extract_text

    rng = random.Random(SEED)
    dev = {p.stem.split("-", 1)[1] for p in (Path(__file__).parent / "dev").glob("posting-*.json")}
    rows = unique_postings(shared / "postings" / "linkedin-aiml-2024.csv")
    rng.shuffle(rows)
    chosen: list[dict[str, str]] = []
    for pattern in BUCKETS.values():
        picked = [r for r in rows if re.search(pattern, r["title"], re.I)
                  and posting_id(r) not in dev and r not in chosen and len(r["description"]) > 800]
        chosen.extend(picked[:PER_BUCKET])
    pdfs = sorted((shared / "resumes" / "pdf").glob("*/*.pdf"))
    (out / "resumes").mkdir(parents=True, exist_ok=True)
    (out / "postings").mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    for pdf in pdfs:
        cached = out / "resumes" / f"{pdf.stem}.txt"
        if not cached.exists():
            cached.write_text(extract_text(str(pdf)), encoding="utf-8")
        texts[pdf.stem] = cached.read_text(encoding="utf-8")
    matcher = skillmatch.Matcher(as_of=date(2024, 6, 1))
    extractions = {}
    for pdf in pdfs:
        try:
            extractions[pdf.stem] = matcher.extract(pdf, kind="resume")
        except skillmatch.DocumentError:
            continue
    ids = sorted(extractions)
    pools = {}
    for row in chosen:
        pid = posting_id(row)
        text = row["description"]
        (out / "postings" / f"{pid}.txt").write_text(
            f"TITLE: {row['title']}\nCOMPANY: {row['companyName']}\n\n{text}", encoding="utf-8")
        posting = matcher.extract(text, kind="posting")
        asked = {s for s, ev in posting.skills.items() if ev.level is not None}
        overlap = {i: len(asked & set(extractions[i].skills)) / max(len(asked), 1) for i in ids}
        bm25 = dict(zip(ids, bm25_scores(text, [texts[i] for i in ids])))
        scores = matcher.score_many([extractions[i] for i in ids], [posting]).scores[:, 0]
        scorer = dict(zip(ids, scores.tolist()))
        pool: set[str] = set()
        for ranking in (overlap, bm25, scorer):
            pool.update(sorted(ids, key=lambda i: (-ranking[i], i))[:TOP])
        pool.update(rng.sample(ids, RANDOM))
        pooled = sorted(pool)
        rng.shuffle(pooled)
        pools[pid] = {"title": row["title"], "resumes": pooled}
    (out / "pools.json").write_text(json.dumps(pools, indent=1), encoding="utf-8")
    print(f"{len(pools)} postings, {sum(len(p['resumes']) for p in pools.values())} pairs")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
