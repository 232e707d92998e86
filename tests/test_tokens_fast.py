"""The tokenizer's shortcuts and the token table the context rules read give exactly what spaCy
itself gives (issue 14: extraction speed, output unchanged)."""

from __future__ import annotations

import random
import string
from itertools import product

import pytest

from skillmatch._phrases import Tokens, affix_patterns, blank_pipeline

_TEXTS = [
    "Senior Data Scientist (NLP/LLMs) - 5+ years of Python, R and SQL; AWS/GCP a plus.",
    "Experience with PythonStrong knowledge of C++/C#, Node.js, ASP.NET 4.5 and 3D CAD",
    "• Hands-on w/ Spark (PySpark), Kafka & Airflow… e.g. ETL, 100GB+ data, 24/7 on-call",
    "SKILLS: MS Office 2016, Tableau; Power BI | Jira · Confluence - \"Agile\" 'Scrum' ",
    "Ph.D. or M.Sc. in CS/EE, U.S. citizens; can't, won't, cannot; Python's $120k-$150k",
    "Straße naïve café résumé Ñandú — ÆØÅ Σίσυφος İstanbul",
    "Zürich • Résumé – Python’s naïve CAFÉ: “Kafka”, ÆØÅ Ñandú, Straße",
    "semi-supervised, self-supervised and unsupervised learning; state-of-the-art   models\t!",
    "Salary US$120,000 C$90k A$5; x$ Python,Java (SQL) [R] {Go} <C#> 'Rust' e-mail: a@b.io",
    "See https://github.com/org/repo, www.example.com/jobs?id=5 and mailto:jobs@acme.com.",
    "Python, SQL; Kafka: (Spark) [Go] {Rust} <Java> Airflow! dbt? PyTorch- Kafka/ AWS\u2019 "
    "Scala\u201d Excel\u2026 Tableau\u2013 Jira\u2014 Git\u00b7 R# C& Ruby* Perl_ Lua` Word'",
]


def _letter_words() -> list[str]:
    """Every word of one or two ASCII letters, and many longer ones."""
    letters = string.ascii_letters
    words = list(letters) + ["".join(p) for p in product(letters, repeat=2)]
    rng = random.Random(14)
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(3, 14))) for _ in range(5000)]
    return words + ["Python", "PyTorch", "SQL", "km", "MB", "GB", "US", "Im", "cannot", "s"]


def test_no_affix_rule_matches_inside_a_word_of_letters() -> None:
    """The shortcut's claim: no prefix, suffix or infix pattern of the pipeline matches in a
    word of ASCII letters only, so answering "none" without searching changes nothing."""
    prefix, suffix, infix = affix_patterns(blank_pipeline())
    for word in _letter_words():
        assert prefix.search(word) is None, word
        assert suffix.search(word) is None, word
        assert list(infix.finditer(word)) == [], word


def test_prefix_rules_at_a_letter_need_a_dollar() -> None:
    """The prefix shortcut's claim: a prefix rule matches at an ASCII letter only when a "$"
    follows within two characters (currencies "US$", "C$", "A$")."""
    prefix, _, _ = affix_patterns(blank_pipeline())
    chars = string.printable + "$£€¥'’\"“”«»…–—·•|"
    for a in string.ascii_letters:
        for b in chars:
            for word in (a + b, a + b + b, a + b + "x", a + b + "$"):
                if prefix.search(word) is not None:
                    assert "$" in word[1:3], word


def test_suffix_rules_split_off_the_last_character_after_letters() -> None:
    """The last-character shortcut's claim: for a word of ASCII letters ending in one of its
    characters, the suffix search finds exactly that character, whatever the letters; and the
    shortcut leaves out no character that is always split off so."""
    from skillmatch._phrases import _LAST_CHAR_SUFFIXES

    _, suffix, _ = affix_patterns(blank_pipeline())
    words = _letter_words()
    for char in _LAST_CHAR_SUFFIXES:
        for word in words:
            found = suffix.search(word + char)
            assert found is not None and found.span() == (len(word), len(word) + 1), word + char
    for char in ".$%'+=@~^|\\":  # split off after some letters only, or never
        if char not in _LAST_CHAR_SUFFIXES:
            assert any((f := suffix.search(w + char)) is None or f.span() != (len(w), len(w) + 1)
                       for w in words), char


@pytest.mark.parametrize("text", _TEXTS)
def test_tokens_equal_those_of_the_plain_tokenizer(text: str) -> None:
    """The pipeline with the shortcuts splits text exactly as one without them."""
    fast = blank_pipeline()
    plain = blank_pipeline()
    prefix, suffix, infix = affix_patterns(plain)
    tokenizer = plain.tokenizer
    tokenizer.prefix_search, tokenizer.suffix_search = prefix.search, suffix.search
    tokenizer.infix_finditer = infix.finditer
    assert [t.text_with_ws for t in fast(text)] == [t.text_with_ws for t in plain(text)]


@pytest.mark.parametrize("text", _TEXTS)
def test_token_table_matches_spacy_tokens(text: str) -> None:
    """Each column of the table reads what spaCy's Token says, on the whole text and on a slice
    (offsets still count in the whole text)."""
    doc = blank_pipeline()(text)
    table = Tokens.of(doc)
    assert len(table) == len(doc)
    for i, token in enumerate(doc):
        assert (table.text[i], table.lower[i], table.idx[i]) == (token.text, token.text.lower(),
                                                                  token.idx)
        assert table.space[i] == bool(token.whitespace_)
        assert (table.alpha[i], table.punct[i], table.title[i]) == (
            token.is_alpha, token.is_punct, token.is_title)
    for a, b in [(0, 3), (2, 7), (len(doc) - 2, len(doc) + 3), (4, 4)]:
        part = table.slice(a, b)
        span = doc[a:b]
        assert part.text == [t.text for t in span]
        assert part.span(0, len(part)) == span.text
        assert part.span(1, 3) == span[1:3].text
