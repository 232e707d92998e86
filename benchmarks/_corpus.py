"""Shared loaders for the benchmarks: the LinkedIn postings and the resume PDFs in ../shared/data."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def postings(data: Path = DATA, limit: int = 0) -> list[tuple[str, str]]:
    """(title, description) of the unique LinkedIn AI/ML postings, in file order."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    with (data / "postings" / "linkedin-aiml-2024.csv").open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            text = row["description"].strip()
            if text and text not in seen:
                seen.add(text)
                out.append((row["title"], text))
    return out[:limit] if limit else out


def resume_pdfs(data: Path = DATA) -> list[Path]:
    """Every shared resume PDF, sorted; the folder name is its category."""
    return sorted((data / "resumes" / "pdf").glob("*/*.pdf"))
