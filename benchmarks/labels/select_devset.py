"""Pick the documents of the labelled development set and write their texts for labelling.

The choice is seeded, so it is the same on every machine:

    python benchmarks/labels/select_devset.py ../shared/data /tmp/devset

writes ``postings/<id>.txt`` and ``resumes/<id>.txt`` (pdfminer's plain text, not skillmatch's
reader, so that labels never depend on the code they measure) and ``manifest.json``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

#: Role buckets by posting title; 5 postings each.
BUCKETS = {
    "ml": r"machine learning|\bml\b|\bai\b|deep learning|generative",
    "data-engineering": r"data engineer|mlops|ml ops|platform|infrastructure|machine learning operations",
    "analytics": r"analyst|analytics|data scientist|business intelligence",
    "research": r"research|scientist",
    "software": r"software|developer|backend|full.?stack|\bswe\b",
}
RESUMES = {"INFORMATION-TECHNOLOGY": 5, "ENGINEERING": 4, "FINANCE": 1, "DIGITAL-MEDIA": 1,
           "DESIGNER": 1, "ACCOUNTANT": 1, "HR": 1, "TEACHER": 1}
SEED = 20261128


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def unique_postings(csv_path: Path) -> list[dict[str, str]]:
    seen: set[str] = set()
    out = []
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["description"] not in seen:
                seen.add(row["description"])
                out.append(row)
    return out


def posting_id(row: dict[str, str]) -> str:
    """A stable id: the first 12 hex digits of the description's sha256."""
    return sha256(row["description"].encode("utf-8"))[:12]


def main(shared: Path, out: Path) -> None:
    rng = random.Random(SEED)
    postings = unique_postings(shared / "postings" / "linkedin-aiml-2024.csv")
    rng.shuffle(postings)
    taken: set[str] = set()
    manifest: list[dict[str, str]] = []
    (out / "postings").mkdir(parents=True, exist_ok=True)
    (out / "resumes").mkdir(parents=True, exist_ok=True)
    for bucket, pattern in BUCKETS.items():
        picked = 0
        for row in postings:
            pid = posting_id(row)
            if pid in taken or not re.search(pattern, row["title"], re.I):
                continue
            if len(row["description"]) < 800:
                continue
            taken.add(pid)
            (out / "postings" / f"{pid}.txt").write_text(
                f"TITLE: {row['title']}\nCOMPANY: {row['companyName']}\n\n{row['description']}",
                encoding="utf-8")
            manifest.append({"id": pid, "kind": "posting", "bucket": bucket, "title": row["title"],
                             "sha256": sha256(row["description"].encode("utf-8"))})
            picked += 1
            if picked == 5:
                break
    from pdfminer.high_level import extract_text

    for category, n in RESUMES.items():
        files = sorted((shared / "resumes" / "pdf" / category).glob("*.pdf"))
        for path in rng.sample(files, n):
            text = extract_text(str(path))
            (out / "resumes" / f"{path.stem}.txt").write_text(text, encoding="utf-8")
            manifest.append({"id": path.stem, "kind": "resume", "bucket": category,
                             "path": f"resumes/pdf/{category}/{path.name}",
                             "sha256": sha256(path.read_bytes())})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
