"""read() on the shared resume PDFs against pdfminer's bare extract_text, in the same run.

    python benchmarks/read_pdfs.py [--limit N]

Prints pages/s of both, the ratio (target >= 0.9: our column ordering, normalisation and
sections cost little next to pdfminer itself), every file that failed with its reason, and how
many read texts still show mojibake (UTF-8 read as cp1252: "â€", a stray "Â") against
pdfminer's bare text.
"""

from __future__ import annotations

import argparse
import re
import time

from _corpus import resume_pdfs

import skillmatch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    from pdfminer.high_level import extract_text

    paths = resume_pdfs()[: args.limit or None]
    mojibake = re.compile(r"â€|Â|Ã[\x80-\xbf©¨¼¶]")
    ours_bad = bare_bad = 0
    pages = 0
    failures: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for path in paths:
        try:
            document = skillmatch.read(path)
            pages += len(document.pages)
            ours_bad += mojibake.search(document.text) is not None
        except skillmatch.DocumentError as exc:
            failures.append((str(path), f"{type(exc).__name__}: {exc}"))
            pages += 1
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for path in paths:
        bare_bad += mojibake.search(extract_text(str(path))) is not None
    bare = time.perf_counter() - t0
    print(f"{len(paths)} PDFs, {pages} pages")
    print(f"pdfminer extract_text : {pages / bare:6.2f} pages/s")
    print(f"skillmatch.read       : {pages / ours:6.2f} pages/s")
    print(f"ratio read/bare       : {bare / ours:.2f}  (target >= 0.9)")
    print(f"read without error    : {len(paths) - len(failures)}/{len(paths)}")
    print(f"texts with mojibake   : {ours_bad} read, {bare_bad} from pdfminer alone")
    for path, reason in failures:
        print(f"  {path}: {reason}")


if __name__ == "__main__":
    main()
