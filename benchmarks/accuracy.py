"""Extraction accuracy on the shared gold sets: SkillSpan (knowledge spans) and Green et al. 2022.

    python benchmarks/accuracy.py [--data ../shared/data] [--limit N]

Precision: the share of our mentions that overlap a gold span (any skill/knowledge span in
SkillSpan; any Skill/Qualification/Experience span in Green). Recall: of the gold spans whose
text *is* a taxonomy skill (the span, normalised, is one of its aliases), the share we found
with that same skill (broad families, reported apart in ``Extraction.families``, count: the gold
sets call "software development" a skill). A baseline in the same run: plain case-insensitive alias lookup with
word boundaries (what most open-source extractors do), on the same sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import skillmatch
from skillmatch._extract import Extractor
from skillmatch.taxonomy import DEGREE_CATEGORIES, normalize_alias

ROOT = Path(__file__).resolve().parents[1]


def spans(tags: list[str]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                out.append((start, i))
                start = None
            if tag.startswith("B") or tag.startswith("I"):
                start = i
    return out


def skillspan(data: Path) -> list[tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]]:
    """(tokens, all gold spans, knowledge spans) per sentence of SkillSpan dev+train."""
    out = []
    for split in ("dev", "train"):
        for line in (data / "gold/skillspan/json" / f"{split}.json").open(encoding="utf-8"):
            row = json.loads(line)
            know = spans(row["tags_knowledge"])
            every = know + spans(row["tags_skill"])
            out.append((row["tokens"], every, know))
    return out


def green(data: Path) -> list[tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]]:
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in (data / "gold/green2022/raw_data/testset.txt").open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    out = []
    for toks, tgs in sentences:
        every = spans(tgs)
        skills = spans([t if t.endswith(("Skill", "Qualification")) else "O" for t in tgs])
        out.append((toks, every, skills))
    return out


def evaluate(name: str, rows: list, extractor: Extractor, tax: skillmatch.Taxonomy,
             baseline: re.Pattern[str], alias_of: dict[str, str]) -> dict[str, float]:
    tp_p = n_ours = 0
    tp_r = n_gold = 0
    base_tp_p = base_n = base_tp_r = 0
    started = time.perf_counter()
    misses: dict[str, int] = {}
    false: dict[str, int] = {}
    for tokens, every, gold in rows:
        text = " ".join(tokens)
        starts, pos = [], 0
        for tok in tokens:
            starts.append(pos)
            pos += len(tok) + 1
        char = lambda a, b: (starts[a], starts[b - 1] + len(tokens[b - 1]))  # noqa: E731
        every_c = [char(a, b) for a, b in every]
        gold_c = [(char(a, b), normalize_alias(" ".join(tokens[a:b]))) for a, b in gold]
        try:
            ex = extractor.extract(skillmatch.read(text + "\n"), "posting")
        except skillmatch.SkillmatchError:
            continue
        # both gold sets label broad families ("software development", "databases") as
        # skills; skillmatch reports those apart (Extraction.families), so both count here
        mentions = [m for m in (*ex.mentions, *ex.families) if not m.negated]
        for m in mentions:
            n_ours += 1
            if any(m.start < e and s < m.end for s, e in every_c):
                tp_p += 1
            else:
                false[m.text] = false.get(m.text, 0) + 1
        base_hits = [(mt.start(), mt.end(), alias_of[mt.group(0).lower()])
                     for mt in baseline.finditer(text)]
        for s0, e0, _ in base_hits:
            base_n += 1
            if any(s0 < e and s < e0 for s, e in every_c):
                base_tp_p += 1
        for (s, e), surface in gold_c:
            skill = tax.get(surface)
            if skill is None or skill.category in DEGREE_CATEGORIES:
                continue
            n_gold += 1
            if any(m.skill == skill.id and m.start < e and s < m.end for m in mentions):
                tp_r += 1
            else:
                misses[surface] = misses.get(surface, 0) + 1
            if any(sk == skill.id and s0 < e and s < e0 for s0, e0, sk in base_hits):
                base_tp_r += 1
    seconds = time.perf_counter() - started
    result = {
        "sentences": len(rows), "mentions": n_ours,
        "precision": tp_p / max(n_ours, 1), "recall": tp_r / max(n_gold, 1), "gold_named": n_gold,
        "baseline_precision": base_tp_p / max(base_n, 1),
        "baseline_recall": base_tp_r / max(n_gold, 1), "seconds": seconds,
    }
    print(f"\n{name}: {len(rows)} sentences, {n_ours} mentions, {n_gold} gold spans naming a skill")
    print(f"  skillmatch  precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    print(f"  baseline    precision {result['baseline_precision']:.3f}  "
          f"recall {result['baseline_recall']:.3f}  (word-boundary alias lookup)")
    top_false = sorted(false.items(), key=lambda kv: -kv[1])[:15]
    top_miss = sorted(misses.items(), key=lambda kv: -kv[1])[:15]
    print("  most frequent mentions outside gold spans:", top_false)
    print("  most frequent missed gold skills:", top_miss)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--taxonomy", default=None,
                        help="taxonomy name or path (default: the library's default)")
    args = parser.parse_args()
    tax = skillmatch.load_taxonomy(args.taxonomy)
    extractor = Extractor(tax)
    alias_of: dict[str, str] = {}
    for skill in tax:
        if skill.category in DEGREE_CATEGORIES:
            continue
        for form in skill.surface_forms:
            alias_of.setdefault(form.lower(), skill.id)
    words = sorted(alias_of, key=len, reverse=True)
    baseline = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")(?![\w])",
                          re.IGNORECASE)
    for name, loader in (("SkillSpan (dev+train)", skillspan), ("Green 2022 (test)", green)):
        rows = loader(args.data)
        if args.limit:
            rows = rows[: args.limit]
        evaluate(name, rows, extractor, tax, baseline, alias_of)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
