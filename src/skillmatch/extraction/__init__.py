"""Extraction rules as data: named records loaded once from ``rules/*.toml``.

The extractor's code applies them; what the rules say (which words are cues, and their
direction) lives in the data files, each record with a name and examples that the tests run.
"""
