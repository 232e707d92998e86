"""The spaCy side of extraction: a blank English tokenizer, and the taxonomy's surface forms
matched on its tokens.

spaCy lives here and nowhere else. A fast Aho-Corasick pass (:class:`CandidateFinder`) finds
where a form may be and picks the stretches worth tokenising, so spaCy never sees the prose
that names no skill; a candidate is a match when it lines up with spaCy's tokens
(:meth:`SurfaceForms.windows`). A form whose case carries meaning ("R", "Go", "C") counts only
as written.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from .extraction._rules import case_variants, spells_a_word, vendor_short_forms
from .extraction._spellings import NAMES_WITH_PLURALS, camel_split, written_variants
from .taxonomy import DEGREE_CATEGORIES, Skill, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class RawMatch(NamedTuple):
    """A matcher hit: token and character spans within one segment, and the form matched."""

    skill: str
    form: str
    start: int  # character offsets in the segment
    end: int
    token_start: int
    token_end: int
    exact: bool


def blank_pipeline() -> Language:
    """``spacy.blank("en")`` with brackets split off words ("Python(3" -> "Python", "(", "3")
    and slashes or dashes glued to one side ("Python/ FastAPI" -> "Python", "/", "FastAPI")."""
    import spacy

    nlp = spacy.blank("en")
    prefix, suffix, infix = affix_patterns(nlp)
    tokenizer: Any = nlp.tokenizer
    tokenizer.url_match = _web_address(tokenizer.url_match)
    tokenizer.infix_finditer = _unless_letters(infix.finditer, ())
    tokenizer.suffix_search = _unless_letters(_last_char_suffix(suffix.search), None)
    tokenizer.prefix_search = _unless_letter_first(_unless_letters(prefix.search, None))
    _drop_costly_attributes(nlp)
    return nlp


def _web_address(match: Any) -> Any:
    """spaCy's URL match, only for what is written as a web address (a scheme, "www." or a
    common top-level domain): "Node.js/React" and "ASP.NET/C#" are names in a list.

    >>> m = _web_address(lambda text: text)
    >>> m("Node.js/React"), m("careers.acme.com/jobs"), m("https://x.ai")
    (None, 'careers.acme.com/jobs', 'https://x.ai')
    """
    if match is None:
        return None

    def web(text: str) -> Any:  # each form of _WEB holds a "." or a ":"
        return match(text) if ("." in text or ":" in text) and _WEB.search(text) else None

    return web


_WEB = re.compile(r"://|^www\.|\.(?:com|org|net|edu|gov|io|ai|co|us|uk|de|ly|app|dev|jobs)\b",
                  re.IGNORECASE)


def _unless_letter_first(search: Any) -> Any:
    """``search`` (the prefix search), answering None at once for a word that starts with an
    ASCII letter and has no "$" next: the only prefix rules that match at a letter are
    currencies ("US$", "C$"; tests/test_tokens_fast.py checks every rule).

    >>> _unless_letter_first(lambda text: "searched")("Python,"), _unless_letter_first(
    ...     lambda text: "searched")("US$5")
    (None, 'searched')
    """

    def fast(text: str) -> Any:
        first = text[:1]
        if first.isascii() and first.isalpha() and "$" not in text[1:3]:
            return None
        return search(text)

    return fast


# The characters the suffix rules split off at once, whatever ASCII letters stand before them
# ("Python," "SQL)" "Kafka/" "PyTorch-"): for a word of letters ending in one, the suffix search
# answers that character alone (tests/test_tokens_fast.py checks each on thousands of words).
_LAST_CHAR_SUFFIXES = frozenset("!\"#&'()*,-/:;<>?[]_`{}\u2019\u201d\u201c\u00ab\u00bb\u2026"
                                "\u2013\u2014\u00b7")
_LAST_CHAR = re.compile(".", re.DOTALL)


def _last_char_suffix(search: Any) -> Any:
    """``search`` (the suffix search), answering at once for a word of ASCII letters ending in
    one of ``_LAST_CHAR_SUFFIXES``: most words spaCy has not seen before are such ("Python,"),
    and the suffix patterns are a long alternation tried at every position (~2.5 us a word).

    >>> _last_char_suffix(lambda text: "searched")("Kafka,").group(), _last_char_suffix(
    ...     lambda text: "searched")("Kafka.")
    (',', 'searched')
    """

    def fast(text: str) -> Any:
        stem = text[:-1]
        if text[-1:] in _LAST_CHAR_SUFFIXES and stem.isascii() and stem.isalpha():
            return _LAST_CHAR.match(text, len(stem))
        return search(text)

    return fast


# A name's own top-level domain after it is split off: "Salesforce.com", "Mailchimp.com" name
# the products, as "Salesforce" and "Mailchimp"; a name that is a domain in the taxonomy
# ("fast.ai") is split the same way in its pattern, so it still matches.
_DOMAIN_SUFFIX = r"(?<=[a-z])\.(?:com|org|net|io|ai|co|app|dev)"


def affix_patterns(nlp: Language) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The prefix, suffix and infix patterns of :func:`blank_pipeline`: English's, and brackets
    split off words, slashes or dashes glued to one side of a name ("Python/ FastAPI",
    "Python- 2 years", "Java/ C++/ C#", "/Spark", "-Python"), a sentence's full stop after a one-letter
    name ("Python or R."), a web domain after a name ("Salesforce.com")."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults: Any = nlp.Defaults
    infixes = list(defaults.infixes or ()) + [r"[\(\)\[\]\{\}]",
                                              r"(?<=[a-zA-Z])[|•·](?=[a-zA-Z])",
                                              # "C#/Java", "C#/.NET", "Node.js/React"
                                              r"(?<=[a-zA-Z0-9+#])/(?=[a-zA-Z.])",
                                              # versions after a name: "Windows XP/7/8"
                                              # (not dates or rates: "01/2016", "24/7")
                                              r"(?<=[a-zA-Z])/(?=[0-9])",
                                              # ... "#" apart, as the suffix rule leaves a
                                              # word's "#" ("C#" -> "C", "#"; an infix piece
                                              # gets no suffix rule): "C#/Java", "C++,C#,Java"
                                              r"(?<=[a-zA-Z])#(?=[/,;])",
                                              # a list without spaces: "C++17,Python",
                                              # "SQL,Airflow;nice to have"
                                              r"(?<=[a-zA-Z0-9+#])[,;](?=[a-zA-Z])"]
    suffixes = list(defaults.suffixes or ()) + [r"/", r"(?<=[A-Za-z0-9+#])-", r"(?<=^[A-Z])\.",
                                                # a product's web domain: "Salesforce.com"
                                                _DOMAIN_SUFFIX]
    # a dash as a bullet glued to the item: "-Python", "–Budgeting" (spaCy splits a hyphen
    # off only before a digit)
    prefixes = list(defaults.prefixes or ()) + [r"/", r"[-\u2013\u2014](?=[A-Za-z])"]
    return (compile_prefix_regex(prefixes), compile_suffix_regex(suffixes),
            compile_infix_regex(infixes))


def _unless_letters(search: Any, nothing: Any) -> Any:
    """``search``, answering ``nothing`` at once for a word of ASCII letters only: no prefix,
    suffix or infix rule of :func:`blank_pipeline` matches in one (each needs a character
    that is not a letter, or a digit beside it; tests/test_tokens_fast.py checks every rule),
    and most words the tokenizer meets are such words. spaCy's affix patterns are long
    alternations tried at every position (~3 us a word); ``isalpha`` is ~50 ns.

    >>> _unless_letters(lambda text: "searched", None)("Python"), _unless_letters(
    ...     lambda text: "searched", None)("Python,")
    (None, 'searched')
    """

    def fast(text: str) -> Any:
        return nothing if text.isascii() and text.isalpha() else search(text)

    return fast


# The lexical attributes the extractor reads: the flags :class:`Tokens` keeps (it lowercases
# the text itself). Every word a document brings that the vocabulary has not seen runs each
# getter once; the others (LOWER, NORM, SHAPE, LIKE_NUM, IS_STOP, ... most of that work on
# unseen postings) are not computed for new words: on our own pipeline they read as "" or False.
_READ_ATTRIBUTES = frozenset({"IS_ALPHA", "IS_PUNCT", "IS_TITLE"})


def _drop_costly_attributes(nlp: Language) -> None:
    """Stop computing, for new words, the lexical attributes not in ``_READ_ATTRIBUTES``.

    >>> nlp = blank_pipeline()
    >>> [(t.is_alpha, t.is_punct, t.is_title, t.like_num, t.lower_)
    ...  for t in nlp("Kafka 42017,")]
    [(True, False, True, False, ''), (False, False, False, False, ''), (False, True, False, False, '')]
    """
    from spacy.attrs import IDS

    vocab: Any = nlp.vocab
    getters = vocab.lex_attr_getters
    for name, attr in IDS.items():
        if attr in getters and name not in _READ_ATTRIBUTES:
            del getters[attr]


class _Pipeline(NamedTuple):
    """One spaCy pipeline and the size its vocabulary may grow to."""

    nlp: Language
    limit: int  # strings in the vocabulary past which it is replaced


class SurfaceForms:
    """The taxonomy's surface forms (names, aliases and their written variants, each with its
    skill and whether it counts only as written), and the spaCy tokenizer that decides where a
    candidate of the fast pass is a whole phrase: :meth:`windows`. Nothing is tokenised ahead,
    so a taxonomy of 10,000 skills costs a dictionary to build. One instance serves many
    threads; the pipeline is swapped under a lock when its vocabulary has grown past a bound
    (see :meth:`_pipeline`).

    >>> forms = SurfaceForms(Taxonomy("t", "t", "1", {"r": Skill(id="r", name="R",
    ...     category="language", exact=("R",))}))
    >>> text = "R and R&D, r"
    >>> [[m.form for m in skills] for _, _, _, skills, _ in forms.windows(
    ...     text, [(0, 0, len(text))], [(0, 1, "r"), (6, 7, "r"), (11, 12, "r")])]
    [['R']]
    """

    def __init__(self, taxonomy: Taxonomy, nlp: Language | None = None, *,
                 max_new_strings: int = 50_000) -> None:
        self.degree_ids = frozenset(s.id for s in taxonomy if s.category in DEGREE_CATEGORIES)
        # lowered form -> (skill, form, exact): one entry, or a list of them when several
        patterns: dict[str, tuple[str, str, bool] | list[tuple[str, str, bool]]] = {}
        for skill in taxonomy:
            sid = skill.id
            plain = skill.category not in DEGREE_CATEGORIES  # degrees: only as written
            # a curated product's name: the imported layers' one-word names are often the
            # thing's common noun ("Chatbot": "chatbots" are the skill)
            imported = taxonomy._is_imported(skill)
            product = skill.category not in NAMES_WITH_PLURALS and not imported
            for forms, exact in ((skill.aliases, False), (skill.exact, True)):
                for form in forms:
                    if not plain or form in skill.ambiguous:
                        variants: Iterable[str] = (form,)
                    else:
                        # a soft skill's phrase is no count noun ("team works" is a verb)
                        variants = written_variants(
                            form, product=product, plural=not (
                                skill.category == "soft-skill" and " " in form),
                            prefixed=skill.category in NAMES_WITH_PLURALS)
                        variants += vendor_short_forms(form)  # "MS Project"
                        if len(variants) > 2:  # the first two always differ
                            variants = dict.fromkeys(variants)
                    upper = not exact and form.isupper()
                    # "IT support" counts only with "IT" in capitals: "it supports" is a
                    # pronoun and a verb (rules/cased_words.toml)
                    spells = not exact and spells_a_word(form)
                    if spells:
                        variants = [v for variant in variants for v in case_variants(variant)]
                    # an imported CamelCase name's two words keep their capitals: "Via Web"
                    # for ViaWeb, never the prose "via web services"
                    split = camel_split(form) if imported else None
                    # a capitalised plural name's singular is read from its capitals too:
                    # "Cloud Function", never the prose "solid work relationships"
                    singular = form[:-1] if " " in form and form.endswith("s") else None
                    for variant in variants:
                        # an acronym's plural keeps its case: "LANs", never "rags" for RAG
                        entry = (sid, variant, exact or spells or (upper and variant != form)
                                 or variant == split or variant == singular)
                        key = variant.lower()
                        held = patterns.get(key)
                        if held is None:
                            patterns[key] = entry
                        elif isinstance(held, list):
                            held.append(entry)
                        else:
                            patterns[key] = [held, entry]
        for key, held in patterns.items():
            if isinstance(held, list):  # one entry per skill that matches in any case, and
                # one per skill and written form that counts only as written: no two match alike
                unique: dict[tuple[str, str, bool], tuple[str, str, bool]] = {}
                for entry in held:
                    unique.setdefault((entry[0], entry[1] if entry[2] else "", entry[2]), entry)
                kept = list(unique.values())
                patterns[key] = kept if len(kept) > 1 else kept[0]
        self._patterns = patterns
        self._lock = threading.Lock()
        self.glue = GlueSplitter(patterns)
        self._own = nlp is None  # only a pipeline of our own may be replaced
        self._max_new_strings = max_new_strings
        self._current = self._build(nlp)

    def _build(self, nlp: Language | None = None) -> _Pipeline:
        """A pipeline; our own pipeline's tokenizer also splits glued words."""
        if nlp is None:
            nlp = blank_pipeline()
            self.glue.install(nlp.tokenizer)
        return _Pipeline(nlp, len(nlp.vocab.strings) + self._max_new_strings)

    def _pipeline(self) -> _Pipeline:
        """The pipeline to use for one text. spaCy's vocabulary keeps every word it has seen,
        so a long-running extractor would grow without bound: once our own pipeline holds
        ``max_new_strings`` strings more than it was built with, the next text gets a fresh
        pipeline (a call already running keeps the one it started with). Tokens, and so
        matches, do not depend on what the vocabulary has seen, so results stay the same.
        """
        current = self._current
        if self._own and len(current.nlp.vocab.strings) > current.limit:
            with self._lock:
                if self._current is current:
                    self._current = self._build()
                current = self._current
        return current

    @property
    def nlp(self) -> Language:
        return self._current.nlp

    def forms(self) -> tuple[str, ...]:
        """Every lowercased form a pattern can match: what the candidate pass looks for."""
        return tuple(self._patterns)

    @cached_property
    def any_case(self) -> frozenset[str]:
        """The lowercased forms no pattern of which counts only as written: :meth:`may_match`
        is True for them whatever the text, so a caller need not ask (most forms are such)."""
        return frozenset(key for key, held in self._patterns.items()
                         if not (held[2] if isinstance(held, tuple) else
                                 any(exact for _, _, exact in held)))

    def may_match(self, key: str, written: str) -> bool:
        """Whether the text ``written``, where the candidate pass found the lowercased form
        ``key``, can match a pattern of that form: not when every pattern of it counts only as
        written ("RE", "BE", "IT") and the text is written otherwise ("we're", "to be", "it").

        >>> r = Skill(id="r", name="R", category="language", exact=("R",))
        >>> pm = SurfaceForms(Taxonomy("t", "t", "1", {"r": r}), blank_pipeline())
        >>> pm.may_match("r", "R"), pm.may_match("r", "r")
        (True, False)
        """
        held = self._patterns.get(key)
        if held is None:
            return False
        if not isinstance(held, list):
            return not held[2] or held[1] == written
        return any(not exact or form == written for _, form, exact in held)

    @cached_property
    def cased_keys(self) -> frozenset[str]:
        """The lowercased forms of letters whose :meth:`cased_names` are not empty: what a
        lowercase list item may be ("excel", "r", "go")."""
        return frozenset(key for key in self._patterns
                         if key.isalpha() and self.cased_names(key))

    def cased_names(self, key: str) -> frozenset[str]:
        """The skills whose every pattern of the lowercased form ``key`` counts only as written
        with a capital ("Excel", "R", "Go"): what ``key`` written in lowercase may still name
        where the context says so; empty when some pattern of it counts in any case.

        >>> r = Skill(id="r", name="R", category="language", exact=("R",))
        >>> SurfaceForms(Taxonomy("t", "t", "1", {"r": r}), blank_pipeline()).cased_names("r")
        frozenset({'r'})
        """
        held = self._patterns.get(key)
        entries = () if held is None else held if isinstance(held, list) else (held,)
        if not entries or not all(exact and form != key for _, form, exact in entries):
            return frozenset()
        return frozenset(skill for skill, _, _ in entries)

    @property
    def _tokenizer(self) -> Any:
        return self.nlp.tokenizer

    def tokenize(self, texts: Iterable[str]) -> Iterator[Doc]:
        docs: Iterator[Doc] = self._tokenizer.pipe(texts, batch_size=256)
        return docs

    def windows(self, text: str, windows: list[tuple[int, int, int]],
                hits: list[tuple[int, int, str]]
                ) -> Iterator[tuple[int, int, Any, list[RawMatch], list[RawMatch]]]:
        """Match the stretches of ``text`` given as (segment, start, end) in one spaCy pass;
        ``hits`` are the candidate pass's (start, end, lowercased form), in text order.

        The stretches are joined by blank lines into one Doc (a phrase never spans a line
        break) and tokenised once. A candidate is a match when it starts at a token's start
        and ends at a token's end, and its text is the form's (a form of exact case only as
        written): "R" in "R&D" is no match, as "R&D" is one token. They are handed back one
        stretch at a time as (segment, start, the stretch's tokens made on demand (``.get()``
        gives a :class:`Tokens`), skill matches, degree matches), offsets relative to the
        stretch.
        """
        if not windows:
            return
        pieces: list[str] = []
        starts: list[int] = []
        position = 0
        for _, a, b in windows:
            starts.append(position)
            pieces.append(text[a:b])
            position += b - a + 2
        joined = "\n\n".join(pieces)
        doc = self._pipeline().nlp.tokenizer(joined)
        doc.user_data[_TEXT] = joined  # see doc_text()
        columns = doc.to_array(list(Tokens.ATTRIBUTES))  # the table's too, should a rule need it
        token_idx = columns[:, 0].tolist()
        token_end = (columns[:, 0] + columns[:, 1]).tolist()
        table: list[Any] = [joined, columns, token_idx, token_end]
        patterns, degree_ids = self._patterns, self.degree_ids
        hit_starts = [h[0] for h in hits]
        for base, (index, a, b) in zip(starts, windows):
            t0 = bisect_left(token_idx, base)
            t1 = bisect_left(token_idx, base + (b - a))
            skills: list[RawMatch] = []
            degrees: list[RawMatch] = []
            exact_found: list[RawMatch] = []
            for s, e, key in hits[bisect_left(hit_starts, a):bisect_left(hit_starts, b)]:
                if e > b:
                    continue
                ts = bisect_left(token_idx, s - a + base, t0, t1)
                if ts == t1 or token_idx[ts] != s - a + base:
                    continue
                te = bisect_left(token_end, e - a + base, ts, t1)
                if te == t1 or token_end[te] != e - a + base:
                    continue
                form = text[s:e]
                if form.lower() != key:  # a tab or a line break between its words
                    continue
                held = patterns[key]  # no two entries of one skill match one text alike
                # "VCs", "PCs": another acronym's plural, not the name "VCS" in another case
                plural = form[-1] == "s" and len(form) > 2 and form[:-1].isupper()
                for skill, written, exact in (held if isinstance(held, list) else (held,)):
                    if exact and form != written:
                        continue
                    if plural and written[-1] == "S" and written.isupper():
                        continue
                    match = _new_tuple(RawMatch, (skill, form, s - a, e - a, ts - t0,
                                                  te + 1 - t0, exact))
                    (degrees if skill in degree_ids else exact_found if exact
                     else skills).append(match)
            yield index, a, _LazySpan(table, t0, t1), skills + exact_found, degrees


_TEXT = "skillmatch.text"
# RawMatch(...) without the Python-level __new__ a NamedTuple adds (thousands a document set)
_new_tuple = tuple.__new__


def doc_text(doc: Doc) -> str:
    """The text a Doc of :meth:`SurfaceForms.windows` was made from. ``Doc.text`` joins
    every token again on each call, which a rule asking per match would pay for the whole
    document each time.

    >>> doc = blank_pipeline()("Spark 3.5")
    >>> doc_text(doc)
    'Spark 3.5'
    """
    text = doc.user_data.get(_TEXT)
    return text if isinstance(text, str) else doc.text


# a Capitalised word right after a letter, a digit, "+" or "#": where a glued word may split.
# The capital comes first and the character before it is a lookbehind after it, so the engine
# skips straight to capitals (a leading class of letters made it try nearly every character);
# :meth:`GlueSplitter.points` keeps the matches three characters apart, as the pattern that
# consumed the character before would have (tests/test_fast_patterns.py compares the two).
_GLUE = re.compile(r"[A-Z](?<=[A-Za-z0-9+#][A-Z])[a-z]")
# a version right after a letter, to the end of the word: "3.10+", "14", "2.x" (the digit
# first, then the letter before it, for the same reason)
_GLUED_VERSION = re.compile(r"\d(?<=[A-Za-z]\d)\d*(?:\.(?:\d+|x))*\+?(?![\w.]*[A-Za-z0-9])")


def glue_candidates(text: str) -> Iterator[int]:
    """The offsets of the capitals where a glued word may split: those the pattern
    ``[A-Za-z0-9+#][A-Z][a-z]`` finds (the capital of each match), searched the faster way of
    :data:`_GLUE`.

    >>> list(glue_candidates("PythonStrong, AbCdEf, iOS"))
    [6, 16]
    """
    last = -3
    for match in _GLUE.finditer(text):
        p = match.start()
        if p - last >= 3:  # else its first character was the last of the match before
            last = p
            yield p


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#")
_EMPTY = re.compile("")


class GlueSplitter:
    """Where two words were glued together by a scraper that dropped a line break ("with
    PythonStrong knowledge", "Java, CKnowledge of"): rules/glue.toml.

    A word splits at a boundary before a Capitalised word when the whole is no known name and
    either the left part is the last word of a known name and the right part a word that starts
    lines (a stop word, a requirement or heading word), or the left part is a whole name and
    the right part the first word of another (rule glued-names: "ExcelMicrosoft Word", two
    columns of a PDF read as one line).

    >>> g = GlueSplitter(["python", "javascript", "java", "c"])
    >>> g.points("with PythonStrong knowledge; JavaScript; Java, CKnowledge of")
    [11, 48]
    """

    def __init__(self, forms: Iterable[str]) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        from .extraction._rules import glue_words

        self._forms = frozenset(forms)
        self._starters = frozenset(glue_words()) | frozenset(STOP_WORDS)
        last, first, pairs = set(), set(), set()
        for form in self._forms:  # one pass over some 60,000 forms, made at every build
            words = form.split()
            if not words:
                continue
            last.add(words[-1])
            if len(words) >= 2:
                # the first words of names of several words ("microsoft" of "microsoft
                # word"): what starts the right part of two names glued side by side (rule
                # glued-names); and the first two words: "kafka connect" is a name the glued
                # "KafkaConnect" spells, not two names side by side
                first.add(words[0])
                pairs.add(f"{words[0]} {words[1]}")
        self._last, self._first, self._pairs = frozenset(last), frozenset(first), frozenset(pairs)

    def points(self, text: str) -> list[int]:
        """The offsets in ``text`` where a glued word splits, in order: also before a version
        glued to a known name (rule glued-version: "Python3.10", "PostgreSQL14", "python3";
        not "EC2" or "Neo4j", which are names whole).

        >>> GlueSplitter(["python", "ec2"]).points("python3.10+, EC2, Python3")
        [6, 24]
        """
        out = self._versions(text) if _GLUED_VERSION.search(text) else []
        size = len(text)
        for p in glue_candidates(text):
            r = p + 1
            while r < size and text[r].islower():
                r += 1
            if r < size and text[r].isalpha():
                continue  # "PyTorchLightning": the right part is no whole word
            right = text[p:r].lower()
            starts_line, starts_name = right in self._starters, right in self._first
            if not (starts_line or starts_name):
                continue
            q = p - 1
            while q > 0 and text[q - 1] in _WORD_CHARS:
                q -= 1
            left = text[q:p].lower()
            if left + right in self._forms or (starts_name and not starts_line
                                               and f"{left} {right}" in self._pairs):
                continue  # "JavaScript"; "KafkaConnect" is Kafka Connect run together
            if (starts_line and left in self._last) or (
                    starts_name and len(left) >= 3 and left in self._forms
                    and not text[q:p].isupper()):  # "CPAExcel": an acronym's brand
                out.append(p)
        return sorted(out)

    def _versions(self, text: str) -> list[int]:
        out = []
        for match in _GLUED_VERSION.finditer(text):
            p = match.start()
            q = p
            while q > 0 and (text[q - 1] in _WORD_CHARS or text[q - 1] == "." and q > 1
                             and text[q - 2] in _WORD_CHARS):
                q -= 1
            left = text[q:p].lower()
            if (len(left) >= 2 and text[q - 1:q] not in ("-", "/")  # "AutoCAD-R14": a release
                    and left in self._forms and left + match.group().lower() not in self._forms):
                out.append(p)
        return out

    def install(self, tokenizer: Any) -> None:
        """Make ``tokenizer`` split glued words too (a zero-width infix, so the text and every
        offset stay as they are)."""
        base = tokenizer.infix_finditer

        def finditer(text: str) -> list[re.Match[str]]:
            found = list(base(text)) if base is not None else []
            if text.isalpha() and text.islower():
                return found  # no capital to split before, no digit of a version
            points = (self.points(text) if _GLUE.search(text) or _GLUED_VERSION.search(text)
                      else ())
            if not points:
                return found
            extra = [m for m in (_EMPTY.match(text, p) for p in points) if m is not None]
            return sorted(found + extra, key=lambda m: m.start())

        tokenizer.infix_finditer = finditer


class Tokens:
    """The tokens of a stretch of text as plain lists, one entry per token: what the context
    rules read (a token's text, lowercase, offset, whether a space follows it, and spaCy's
    is_alpha / is_punct / is_title flags). Reading a list is ~20x cheaper than making a spaCy
    Token per look, which the rules did for every token of every stretch.

    ``idx`` counts in ``source``, the whole text the tokens were made from (several stretches
    share one).

    >>> t = Tokens.of(blank_pipeline()("Spark (Scala), R"))
    >>> t.text, t.alpha[:2], t.span(1, 4), len(t)
    (['Spark', '(', 'Scala', ')', ',', 'R'], [True, False], '(Scala)', 6)
    """

    __slots__ = ("source", "text", "lower", "idx", "space", "alpha", "punct", "title")

    ATTRIBUTES = ("IDX", "LENGTH", "SPACY", "IS_ALPHA", "IS_PUNCT", "IS_TITLE")  # Doc.to_array

    def __init__(self, source: str, text: list[str], lower: list[str], idx: list[int],
                 space: list[bool], alpha: list[bool], punct: list[bool],
                 title: list[bool]) -> None:
        self.source = source
        self.text, self.lower, self.idx, self.space = text, lower, idx, space
        self.alpha, self.punct, self.title = alpha, punct, title

    @classmethod
    def of(cls, doc: Doc, source: str | None = None) -> Tokens:
        """The table of every token of ``doc`` (``source`` is its text, if known)."""
        source = doc.text if source is None else source
        if not len(doc):
            return cls(source, [], [], [], [], [], [], [])
        columns = doc.to_array(list(cls.ATTRIBUTES))
        idx = columns[:, 0].tolist()
        return cls.of_columns(source, columns, idx, (columns[:, 0] + columns[:, 1]).tolist())

    @classmethod
    def of_columns(cls, source: str, columns: Any, idx: list[int], end: list[int]) -> Tokens:
        """The table from ``Doc.to_array(Tokens.ATTRIBUTES)`` of a Doc made from ``source``,
        whose tokens start at ``idx`` and end at ``end``."""
        text = [source[a:b] for a, b in zip(idx, end)]
        lowered = sliceable_lower(source)  # one lower() for all where it is each token's
        if lowered is not None:
            lower = [lowered[a:b] for a, b in zip(idx, end)]
        else:
            lower = [t.lower() for t in text]
        space, alpha, punct, title = columns[:, 2:].astype(bool).T.tolist()
        return cls(source, text, lower, idx, space, alpha, punct, title)

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> Tokens:
        """Tokens ``start:end`` as a table of their own (offsets still count in ``source``)."""
        return Tokens(self.source, self.text[start:end], self.lower[start:end],
                      self.idx[start:end], self.space[start:end], self.alpha[start:end],
                      self.punct[start:end], self.title[start:end])

    def span(self, start: int, end: int) -> str:
        """The text from token ``start`` to the end of token ``end - 1`` (clamped, like a spaCy
        Span's ``text``)."""
        end = min(end, len(self.text))
        if start >= end:
            return ""
        return self.source[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]

    def end(self, i: int) -> int:
        """The offset in ``source`` where token ``i`` ends."""
        return self.idx[i] + len(self.text[i])


def sliceable_lower(text: str) -> str | None:
    """``text.lower()`` when each stretch of it is that stretch of ``text`` lowercased, else
    None. Lowercasing maps one character to one in most text, ASCII or not ("Zürich",
    "résumé", "•"); not where a character becomes two ("İ") or a capital sigma's lowercase
    depends on what follows it (the only such rule in ``str.lower``).

    >>> sliceable_lower("Résumé • Python"), sliceable_lower("İzmir"), sliceable_lower("ΟΔΟΣ")
    ('résumé • python', None, None)
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "\u03a3" not in text else None


class _LazySpan:
    """The tokens of one stretch, made into a :class:`Tokens` table only if a rule needs to
    look at them (the whole Doc's table is made once, on the first stretch that asks)."""

    __slots__ = ("_table", "_start", "_end", "_span")

    def __init__(self, table: list[Any], start: int, end: int) -> None:
        # shared by the stretches of one Doc: (text, Doc.to_array(Tokens.ATTRIBUTES), token
        # starts, token ends) until a stretch first asks, then [the Doc's Tokens]
        self._table, self._start, self._end = table, start, end
        self._span: Tokens | None = None

    def get(self) -> Tokens:
        if self._span is None:
            table = self._table
            if len(table) > 1:
                table[:] = [Tokens.of_columns(*table)]
            self._span = table[0].slice(self._start, self._end)
        return self._span


def longest_first(matches: list[RawMatch]) -> list[RawMatch]:
    """Non-overlapping matches: longer spans win, then case-insensitive over exact, then leftmost."""
    if len(matches) < 2:
        return list(matches)
    chosen: list[RawMatch] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.exact, m.start, m.skill)):
        cells = set(range(match.token_start, match.token_end))
        if cells & taken:
            continue
        taken |= cells
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


class CandidateFinder:
    """A fast pass: where a text might hold a surface form at all, and which.

    One Aho-Corasick automaton (pyahocorasick) over the forms, built in milliseconds for
    10,000 skills. Text and forms are both seen with every character but [a-z0-9] as a space
    and a space around each form, so the automaton reports whole words only (never "r" inside
    "for"); each hit is then checked against the real characters ("c++" is not "c--").

    >>> CandidateFinder(["python", "c++", "r", ".net"]).hits("pythonic python, c++ or r; asp.net")
    [(9, 15, 'python'), (17, 20, 'c++'), (24, 25, 'r')]
    """

    def __init__(self, forms: Iterable[str]) -> None:
        import ahocorasick

        keys = list(dict.fromkeys(f.lower() for f in forms if f.strip()))  # hits are sorted
        # Shape every key in one pass (shaping keeps each character's place), and give the
        # automaton one value per shape: the key itself when it is letters and digits only
        # (its own shape: a hit needs no check, and no two keys share such a shape), else
        # the tuple of keys to check. Few objects: a default taxonomy has 30,000 shapes.
        shaped = _shape("\n".join(keys))
        shapes: dict[str, Any] = {}
        start = 0
        for key in keys:
            shape = f" {shaped[start:start + len(key)]} "
            start += len(key) + 1
            held = shapes.get(shape)
            if held is None:
                shapes[shape] = key if key.isascii() and key.isalnum() else (key,)
            else:  # never a key of letters and digits: its shape is its own
                shapes[shape] = (*(held if isinstance(held, tuple) else (held,)), key)
        self._automaton: Any = ahocorasick.Automaton()
        for shape, value in shapes.items():
            self._automaton.add_word(shape, value)
        self._empty = not shapes
        if not self._empty:
            self._automaton.make_automaton()

    def hits_at(self, lowered: str, points: Iterable[int]) -> list[tuple[int, int, str]]:
        """The candidates that end or start at the glue ``points`` of ``lowered``, as if a space
        stood there: "pythonstrong" at 6 holds "python"."""
        out = []
        for p in points:
            a = max(0, p - 100)
            for s, e, key in self.hits(lowered[a:p] + " " + lowered[p:p + 100]):
                if e == p - a:
                    out.append((s + a, p, key))
                elif s == p - a + 1:
                    out.append((p, e + a - 1, key))
        return out

    def hits(self, lowered: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of every candidate in ``lowered``, in text order."""
        if self._empty:
            return []
        shaped = f" {_shape(lowered)} "
        out: list[tuple[int, int, str]] = []
        append = out.append
        for last, value in self._automaton.iter(shaped):
            if value.__class__ is str:  # letters and digits: the shape is the key
                start = last - len(value) - 1  # the shape's spaces: at start, at last
                append((start, start + len(value), value))
                continue
            start = last - len(value[0]) - 1
            for key in value:
                if lowered.startswith(key, start):
                    append((start, start + len(key), key))
        out.sort()
        return out


class Substrings:
    """Which of some groups of strings a text holds anywhere, by one Aho-Corasick pass
    (pyahocorasick): what ``[any(s in text for s in group) for group in groups]`` says, with
    no Python loop over the strings.

    >>> Substrings([("ears", "rs"), ("must",), ("nice",)]).groups("5 years; must")
    (True, True, False)
    """

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        import ahocorasick

        masks: dict[str, int] = {}
        self._count = 0
        for bit, group in enumerate(groups):
            self._count = bit + 1
            for string in group:
                if string:
                    masks[string] = masks.get(string, 0) | 1 << bit
        self._automaton: Any = ahocorasick.Automaton()
        for string, mask in masks.items():
            self._automaton.add_word(string, mask)
        if masks:
            self._automaton.make_automaton()
        self._empty = not masks
        # the answer for each mask, made once when there are few groups (a clause is asked
        # thousands of times a document set; the groups are the four cue directions)
        self._answers = [self._answer(mask) for mask in range(1 << self._count)] \
            if self._count <= 8 else None

    def _answer(self, found: int) -> tuple[bool, ...]:
        return tuple(bool(found >> bit & 1) for bit in range(self._count))

    def groups(self, text: str) -> tuple[bool, ...]:
        """For each group, whether ``text`` holds one of its strings."""
        found = 0
        if not self._empty:
            for _, mask in self._automaton.iter(text):
                found |= mask
        return self._answers[found] if self._answers is not None else self._answer(found)


_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789"
_SHAPE = bytes(c if c in _WORD_BYTES else 32 for c in range(256))


def _shape(lowered: str) -> str:
    """``lowered`` with every character but [a-z0-9] a space, one character for one."""
    return lowered.encode("ascii", "replace").translate(_SHAPE).decode("ascii")
