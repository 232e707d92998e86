"""Skill extraction against the hand-labelled development set (``benchmarks/labels/dev``).

    python benchmarks/devset.py [--taxonomy NAME ...] [--shared PATH] [--docs N] [--json OUT]

Each labelled document (a row of ``postings/linkedin-aiml-2024.csv``, or
``resumes/pdf/*/<id>.pdf``) is checked against its label file's sha256, then extracted with
each taxonomy (default: ml-engineer and default). An extracted skill matches a label when one of
the label's names (name and forms, case and spacing ignored) is one of the skill's surface
forms, or the taxonomy looks one of them up to that skill. A posting's extracted skills are
those it asks for (a level; not company boilerplate). Precision counts extracted skills
(those matching only optional labels are ignored), recall counts non-optional labels; both
micro-averaged over documents, technical and soft ("soft-skill" category) skills separately;
degree and field skills are skipped. Also: required/preferred level accuracy on postings, the
most-missed labels, the most frequent extra skills, and timing. Label rules:
``benchmarks/labels/README.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from labels.select_devset import posting_id, sha256, unique_postings

from skillmatch import Extraction, Matcher, SkillmatchError, Taxonomy

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "labels" / "dev"
SKIPPED = frozenset({"degree", "field"})
GROUPS = ("technical", "soft")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Label:
    name: str
    forms: tuple[str, ...]  # name and other spellings, as written
    level: str | None
    optional: bool


@dataclass(frozen=True)
class Doc:
    kind: str
    id: str
    source: str | Path  # posting text or resume PDF path
    labels: dict[str, tuple[Label, ...]]  # "technical" / "soft" -> labels


@dataclass
class Counts:
    labels: int = 0  # non-optional labels
    found: int = 0  # labels matched by some extracted skill
    extracted: int = 0  # extracted skills counted for precision
    correct: int = 0  # extracted skills matching a non-optional label

    def add(self, other: Counts) -> None:
        for name in ("labels", "found", "extracted", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self) -> dict[str, float]:
        p = self.correct / self.extracted if self.extracted else 0.0
        r = self.found / self.labels if self.labels else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Report:
    totals: dict[str, dict[str, Counts]] = field(default_factory=dict)  # subset -> group
    levels: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, extracted)
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, subset: str, group: str, counts: Counts) -> None:
        self.totals.setdefault(subset, {}).setdefault(group, Counts()).add(counts)

    def counts(self, subset: str, group: str) -> Counts:
        return self.totals.get(subset, {}).get(group, Counts())

    def level_accuracy(self) -> float:
        total = sum(self.levels.values())
        return sum(n for (a, b), n in self.levels.items() if a == b) / total if total else 0.0


# ------------------------------------------------------------------------ documents


def read_label(path: Path) -> tuple[dict[str, Any], dict[str, tuple[Label, ...]]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"{path}: cannot read label file: {exc}") from exc
    labels = {g: tuple(Label(x["name"], (x["name"], *x.get("forms", ())), x.get("level"),
                             bool(x.get("optional"))) for x in raw.get(g, ())) for g in GROUPS}
    return raw, labels


def find_source(kind: str, doc_id: str, shared: Path,
                postings: dict[str, str]) -> tuple[str | Path, bytes]:
    """The document to extract from, and the bytes whose sha256 the label file records."""
    if kind == "posting":
        if doc_id not in postings:
            raise SystemExit(f"posting {doc_id} not found in the postings CSV")
        return postings[doc_id], postings[doc_id].encode("utf-8")
    hits = sorted((shared / "resumes" / "pdf").glob(f"*/{doc_id}.pdf"))
    if not hits:
        raise SystemExit(f"resume {doc_id}.pdf not found under {shared / 'resumes' / 'pdf'}")
    return hits[0], hits[0].read_bytes()


def load_docs(shared: Path, limit: int | None) -> list[Doc]:
    files = sorted(LABELS.glob("*.json"))[:limit]
    postings: dict[str, str] = {}
    if any(f.name.startswith("posting-") for f in files):
        rows = unique_postings(shared / "postings" / "linkedin-aiml-2024.csv")
        postings = {posting_id(row): row["description"] for row in rows}
    docs = []
    for path in files:
        raw, labels = read_label(path)
        source, data = find_source(raw["kind"], raw["id"], shared, postings)
        if sha256(data) != raw["sha256"]:
            raise SystemExit(f"{path.name}: sha256 mismatch: the document is not the one labelled "
                             f"(label {raw['sha256']}, document {sha256(data)})")
        docs.append(Doc(raw["kind"], raw["id"], source, labels))
    return docs


# ------------------------------------------------------------------------ scoring


def matches(skill_id: str, label: Label, tax: Taxonomy) -> bool:
    forms = {norm(f) for f in tax[skill_id].surface_forms}
    return any(norm(f) in forms or getattr(tax.get(f), "id", None) == skill_id for f in label.forms)


def group_of(skill_id: str, tax: Taxonomy) -> str | None:
    category = tax[skill_id].category
    return None if category in SKIPPED else "soft" if category == "soft-skill" else "technical"


def extracted_level(ex: Extraction, skill_ids: list[str]) -> str:
    """The level the extractor gives a label: None counts as required, as does any disagreement."""
    levels = {ex.skills[s].level or "required" for s in skill_ids}
    return "required" if "required" in levels else "preferred"


def score_group(doc: Doc, group: str, ex: Extraction, tax: Taxonomy, report: Report) -> Counts:
    """Count one document's labels and extracted skills of one group into ``report``."""
    labels = doc.labels[group]
    # a posting's skills are what it asks for: a skill named only in company boilerplate
    # (level None) is not a requirement, as the labels say
    asked = [s for s, ev in ex.skills.items() if ex.kind != "posting" or ev.level is not None]
    hits = {s: [lab for lab in labels if matches(s, lab, tax)]
            for s in asked if group_of(s, tax) == group}
    counts = Counts()
    for skill_id, matched in hits.items():
        if matched and all(lab.optional for lab in matched):
            continue  # found only what an extractor may or may not find
        counts.extracted += 1
        counts.correct += bool(matched)
        if not matched:
            report.extra[skill_id] += 1
            report.examples.setdefault(skill_id, next(
                (m.text for m in ex.mentions if m.skill == skill_id), ""))
    for lab in (lab for lab in labels if not lab.optional):
        found = [s for s, matched in hits.items() if lab in matched]
        counts.labels += 1
        counts.found += bool(found)
        if not found:
            report.missed[norm(lab.name) + ("" if group == "technical" else " (soft)")] += 1
        elif doc.kind == "posting" and group == "technical":
            report.levels[(lab.level or "required", extracted_level(ex, found))] += 1
    return counts


def build_matcher(name: str) -> Matcher:
    matcher = Matcher(taxonomy=name)
    matcher.extract("Python", kind="posting")  # loads the taxonomy and builds the extractor
    return matcher


def evaluate(name: str, docs: list[Doc]) -> dict[str, Any] | None:
    """Extract every document with taxonomy ``name``, print the per-document table, and return
    the totals (or None when the taxonomy does not load)."""
    print(f"\n=== taxonomy {name}")
    start = time.perf_counter()
    try:
        matcher = build_matcher(name)
    except (SkillmatchError, OSError) as exc:
        print(f"cannot load taxonomy {name!r}: {exc}")
        return None
    build, tax = time.perf_counter() - start, matcher.taxonomy_
    report, extract_s = Report(), 0.0
    print("technical skills; TP: labels found (one skill may match several labels)")
    print(f"{'kind':8} {'id':13} {'labels':>6} {'extr':>5} {'TP':>4} {'P':>6} {'R':>6}")
    for doc in docs:
        start = time.perf_counter()
        ex = matcher.extract(doc.source, kind=doc.kind)
        extract_s += time.perf_counter() - start
        for group in GROUPS:
            counts = score_group(doc, group, ex, tax, report)
            for subset in (doc.kind + "s", "all"):
                report.add(subset, group, counts)
            if group == "technical":
                prf = counts.prf()
                print(f"{doc.kind:8} {doc.id:13} {counts.labels:6} {counts.extracted:5} "
                      f"{counts.found:4} {prf['precision']:6.3f} {prf['recall']:6.3f}")
    print_report(report, build, extract_s)
    return {"build_seconds": build, "extract_seconds": extract_s, "documents": len(docs),
            "level_accuracy": report.level_accuracy(),
            "level_confusion": {f"{a}->{b}": n for (a, b), n in report.levels.items()},
            "totals": {subset: {group: {**vars(c), **c.prf()} for group, c in groups.items()}
                       for subset, groups in report.totals.items()}}


# ------------------------------------------------------------------------ output


def print_report(report: Report, build: float, extract_s: float) -> None:
    print(f"\n{'subset':9} {'group':10} {'labels':>6} {'found':>5} {'extr':>5} {'corr':>5} "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for subset in ("postings", "resumes", "all"):
        for group in GROUPS:
            c = report.counts(subset, group)
            prf = c.prf()
            print(f"{subset:9} {group:10} {c.labels:6} {c.found:5} {c.extracted:5} {c.correct:5} "
                  f"{prf['precision']:6.3f} {prf['recall']:6.3f} {prf['f1']:6.3f}")
    lv = report.levels
    print(f"\nlevel accuracy (postings, matched technical labels): {report.level_accuracy():.3f} "
          f"over {sum(lv.values())}; required->preferred {lv[('required', 'preferred')]}, "
          f"preferred->required {lv[('preferred', 'required')]}")
    print("\nmost-missed labels:")
    for name, n in report.missed.most_common(25):
        print(f"  {n:3}  {name}")
    print("\nmost-frequent extra skills:")
    for skill_id, n in report.extra.most_common(25):
        print(f"  {n:3}  {skill_id:30} e.g. {report.examples.get(skill_id)!r}")
    print(f"\nMatcher build {build:.2f}s; extraction {extract_s:.2f}s")


def summary(name: str, result: dict[str, Any]) -> str:
    def pr(subset: str) -> str:
        t = result["totals"].get(subset, {}).get("technical")
        return f"P {t['precision']:.3f} R {t['recall']:.3f}" if t else "n/a"

    t = result["totals"]["all"]["technical"]
    return (f"{name}: P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} "
            f"level-acc {result['level_accuracy']:.2f} "
            f"(postings {pr('postings')}, resumes {pr('resumes')})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--taxonomy", action="append", help="repeatable; default ml-engineer, default")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--docs", type=int, default=None, help="use only the first N label files")
    ap.add_argument("--json", type=Path, default=None, help="also write the totals here")
    args = ap.parse_args()
    if not args.shared.is_dir():
        raise SystemExit(f"--shared {args.shared}: no such folder")
    docs = load_docs(args.shared, args.docs)
    if not docs:
        raise SystemExit(f"no label files in {LABELS}")
    print(f"{len(docs)} documents ({sum(d.kind == 'posting' for d in docs)} postings)")
    results = {name: evaluate(name, docs) for name in args.taxonomy or ["ml-engineer", "default"]}
    print()
    for name, result in results.items():
        print(summary(name, result) if result else f"{name}: did not load")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
