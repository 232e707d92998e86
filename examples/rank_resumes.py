"""Rank a folder of resumes against a posting, notebook style.

    python examples/rank_resumes.py [POSTING] [RESUME_FOLDER]

In a notebook, the same lines work cell by cell; `progress=True` draws a tqdm bar there too.
"""

import sys
from pathlib import Path

import skillmatch

here = Path(__file__).parent
posting = sys.argv[1] if len(sys.argv) > 1 else here / "posting-ml-engineer.txt"
folder = sys.argv[2] if len(sys.argv) > 2 else here / "resumes"

matrix = skillmatch.score_many(skillmatch.files(folder), [posting], progress=True)
frame = matrix.to_frame().iloc[:, 0].sort_values(ascending=False).rename("score")
print(frame.round(1).to_string())

best, source, value = matrix.top(0, 1)[0]
print(f"\nBest: {source} ({value:.1f})")
print(matrix.result(best, 0).explain())
for error in matrix.errors:
    print(f"could not read {error.source}: {error.message}")
