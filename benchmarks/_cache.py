"""Read and extract the shared resume PDFs once, and keep the Extractions on disk between runs."""

from __future__ import annotations

import hashlib
import pickle

from _corpus import ROOT, resume_pdfs

import skillmatch

CACHE = ROOT / "benchmarks" / "results"


def resume_extractions(matcher: skillmatch.Matcher) -> list[tuple[str, skillmatch.Extraction]]:
    """(category, Extraction) of every shared resume that reads; cached by a hash of the code."""
    digest = hashlib.sha256()
    for source in sorted((ROOT / "src" / "skillmatch").glob("*.py")) + sorted(
            (ROOT / "taxonomies").glob("*.toml")):
        digest.update(source.read_bytes())
    path = CACHE / f"resumes-{digest.hexdigest()[:16]}.pickle"  # any code change re-extracts
    if path.exists():
        return pickle.loads(path.read_bytes())
    out = []
    for pdf in resume_pdfs():
        try:
            out.append((pdf.parent.name, matcher.extract(pdf, kind="resume")))
        except skillmatch.DocumentError:
            continue
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out
