"""A long-running extractor's spaCy vocabulary stays bounded, and its results do not change when
the pipeline is replaced (issue 14)."""

from __future__ import annotations

import skillmatch
from skillmatch._extract import Extractor
from skillmatch._phrases import SurfaceForms

_POSTING = """Senior Data Scientist
Requirements
- 5+ years of Python and SQL; experience with Spark or Hadoop
- Master's degree in Statistics or Computer Science
Nice to have
- Kubernetes, Docker, AWS SageMaker
"""


def _distinct(n: int) -> str:
    """A posting with a line of words no other document has (places, a reference)."""
    tools = ", ".join(f"Python at Zorb{n}x{i}" for i in range(12))  # beside a skill: tokenised
    return f"{_POSTING}Used: {tools}; ref QX-{n:05d}\n"


def test_vocabulary_is_bounded_and_results_stay_the_same() -> None:
    """With a small bound the pipeline is replaced every few documents: the vocabulary never
    holds much more than the bound, and each document's extraction equals a fresh extractor's."""
    taxonomy = skillmatch.load_taxonomy("ml-engineer")
    bounded = Extractor(taxonomy, fuzzy=False)
    phrases = SurfaceForms(taxonomy, max_new_strings=150)
    bounded.__dict__["_phrases"] = phrases  # the cached property, with a small bound
    fresh = Extractor(taxonomy, fuzzy=False)
    pipelines: list[object] = []  # the objects, not id()s: a freed pipeline's id is reused
    for n in range(40):
        document = skillmatch.read(_distinct(n))
        got = bounded.extract(document, "posting")
        want = fresh.extract(document, "posting")
        assert got.mentions == want.mentions and got.degrees == want.degrees
        if not pipelines or pipelines[-1] is not phrases.nlp:
            pipelines.append(phrases.nlp)
        assert len(phrases.nlp.vocab.strings) < phrases._current.limit + 200
    assert len(pipelines) > 3, "the bound was never reached: the test tests nothing"
    assert len(fresh._phrases.nlp.vocab.strings) > phrases._current.limit  # unbounded grows
