"""The spellings people write a name in beside its own (rules plural, tag style, CamelCase split,
hyphen as spaces, plus sign, inflected modifiers, ampersand, possessive, prefix-hyphen): what
the surface forms of a taxonomy are made of, one function of a name.

>>> written_variants("up-selling"), written_variants("data cleaning")
(['up-selling', 'upselling'], ['data cleaning', 'data-cleaning', 'data cleanings'])
"""

from __future__ import annotations

import re

_SPACED_PLUS = re.compile(r"^([A-Za-z]{3,})\+$")  # "Network+"; not "C++", "A+"
_STOP_WORDS = frozenset({"a", "an", "the", "it", "on", "in", "of", "to", "up", "as", "at", "by",
                         "or", "and", "is", "be", "we", "me", "us", "do", "go", "no", "so"})
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")  # "PowerPoint", not "InDesign"
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")


def camel_split(form: str) -> str | None:
    """``form`` with each CamelCase word of two words written apart ("Visual Source Safe"),
    or None if it has none.

    >>> camel_split("Visual SourceSafe"), camel_split("PowerPoint"), camel_split("InDesign")
    ('Visual Source Safe', 'Power Point', None)
    """
    if not _LOWER_UPPER.search(form):
        return None  # no CamelCase word without a lowercase letter before a capital
    words = form.split(" ")
    split = [_CAMEL.sub(r"\1 \2", w) for w in words]
    return " ".join(split) if split != words else None
_ES = ("s", "x", "z", "ch", "sh")
# categories of things people count ("regressions", "ResNets"); the others name products,
# languages and platforms, whose one-word names have no plural (see written_variants)
NAMES_WITH_PLURALS = frozenset({"technique", "concept", "soft-skill", "field"})


def written_variants(form: str, *, product: bool = False, plural: bool = True,
                     prefixed: bool = True) -> list[str]:
    """The ways people write a name beside its own: a tag style for phrases
    ("amazon-web-services"), the plural of the last word ("LANs", "regressions"; a plural
    name is not made singular: "data models" is a skill, "the data model" a thing, unless it
    is a product's capitalised name: "Cloud Functions", "Cloud Function"), and the
    two-word spelling of a CamelCase name ("Power Point"; not "In Design"), and a hyphenated
    name with spaces when each part is a word of its own ("test driven development").

    >>> written_variants("recommender systems")
    ['recommender systems', 'recommender-systems']
    >>> written_variants("test-driven development")[-1], written_variants("Analyse-it")
    ('test driven development', ['Analyse-it'])
    >>> written_variants("speech-to-text")[-1]
    'speech to text'
    >>> written_variants("Cloud Functions")[-1], written_variants("data models")[-1]
    ('Cloud Function', 'data-models')
    >>> written_variants("CompTIA Network+")[-2:], written_variants("C++"), written_variants("A+")
    (['CompTIA Network +', 'CompTIA Network Plus'], ['C++'], ['A+'])
    >>> written_variants("LAN"), written_variants("PowerPoint")
    (['LAN', 'LANs'], ['PowerPoint', 'PowerPoints', 'Power Point'])

    A ``product``'s one-word name spelled like an ordinary word has no plural: "pythons",
    "dockers" and "rubies" are other things (a concept's has: "Regressions"; an intercapped
    name's too: "FastAPIs").

    >>> written_variants("Python", product=True), written_variants("Regression")
    (['Python'], ['Regression', 'Regressions'])
    >>> written_variants("FastAPI", product=True)
    ['FastAPI', 'FastAPIs']

    A name that is no count noun (``plural=False``: a soft skill's phrase) has no plural:
    "team works" is a team at work, not teamwork.

    >>> written_variants("team work", plural=False)
    ['team work', 'team-work']

    A list inside a name is joined by "&" as often as by "and" (rule ampersand), and a
    possessive is written with its apostrophe on either side of the "s", or without it (rule
    possessive): "Training & Development", "worker's compensation", "Raisers Edge".

    >>> written_variants("training and development")[-1], written_variants("P & L")[-1]
    ('training & development', 'P and L')
    >>> written_variants("workers' compensation", plural=False)[-2:]
    ["worker's compensation", 'workers compensation']
    >>> written_variants("The Raiser's Edge", product=True)[-2:]
    ["The Raisers' Edge", 'The Raisers Edge']

    A word made with a prefix is written with a hyphen after it or without (rule
    prefix-hyphen; not in a ``product``'s name, nor where ``prefixed`` is False: a name its maker
    spells one way).

    >>> written_variants("onboarding")[-1], written_variants("up-selling")[-1]
    ('on-boarding', 'upselling')
    """
    out = [form]
    words = form.split()
    if len(words) > 1:
        out.append("-".join(words))
    last = words[-1] if words else ""
    if plural and len(last) >= 3 and last.isalpha():
        lowered = last.lower()
        if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) \
                and len(words) > 1 and all(w[:1].isupper() for w in words) and last[1:].islower():
            out.append(form[:-1])  # a product's plural name written singular: "Cloud Function"
        elif not lowered.endswith("s") and not (
                product and len(words) == 1 and last[0].isupper() and last[1:].islower()):
            if lowered.endswith("y") and lowered[-2] not in "aeiou":
                out.append(form[:-1] + ("IES" if last.isupper() else "ies"))
            else:
                out.append(form + ("es" if lowered.endswith(_ES) else "s"))
    if len(words) > 1:
        out.extend(_inflected_modifiers(form, words))
    split = camel_split(form)
    if split:
        out.append(split)
    if "+" in form:  # "Network +", "Network Plus": a certificate's plus set apart or spelt
        for plus in (r"\1 +", r"\1 Plus"):
            spaced = " ".join(_SPACED_PLUS.sub(plus, w) for w in words)
            if spaced != form:
                out.append(spaced)
    if "-" in form.strip("-"):
        parts = [p for w in words for p in w.split("-")]
        if all(len(p) >= 2 for p in parts) and parts[0].lower() not in _STOP_WORDS \
                and parts[-1].lower() not in _STOP_WORDS:
            out.append(" ".join(parts))  # "test driven development", "speech to text";
            # not "Analyse it"
    if " and " in form and len(words) <= _AMPERSAND_MAX_WORDS:
        out.append(form.replace(" and ", " & "))
    elif " & " in form:
        out.append(form.replace(" & ", " and "))
    if "'" in form:
        out.extend(_possessive_variants(words))
    if prefixed and not product and _MAY_BE_PREFIXED.search(form):
        out.extend(_prefix_variants(words))
    return out


# rule prefix-hyphen: prefixes written with a hyphen or without ("on-boarding", "upselling",
# "pre-processing", "co-ordination"); "co" only before an "o" ("coaching" is no prefixed word).
# A spelling nobody writes costs a key of the candidate pass and matches nothing.
_HYPHEN_PREFIXES = ("cross", "multi", "post", "pre", "non", "off", "sub", "up", "on")
_JOINED_PREFIXES = (*_HYPHEN_PREFIXES, "co", "e", "re", "de", "inter", "over", "under", "out",
                    "semi", "anti", "self")
_PREFIXED = re.compile(r"^(%s)-?([a-z]{4,})$" % "|".join(_JOINED_PREFIXES), re.IGNORECASE)
# what a name must hold for :func:`_prefix_variants` to find anything: one search of the whole
# name, where most names hold none (the build asks for 30,000 names)
_MAY_BE_PREFIXED = re.compile(r"(?:^|\s)(?:(?:%s)[a-z]{4}|coo[a-z]{3}|(?:%s)-[a-z]{4})" % (
    "|".join(_HYPHEN_PREFIXES), "|".join(_JOINED_PREFIXES)), re.IGNORECASE)


def _prefix_variants(words: list[str]) -> list[str]:
    """Each word of a name with a prefix written the other way (rule prefix-hyphen): joined
    when it has a hyphen, hyphenated when it is one of :data:`_HYPHEN_PREFIXES` (or "co"
    before an "o") written joined.

    >>> _prefix_variants(["Pre-processing"]), _prefix_variants(["coordination", "skills"])
    (['Preprocessing'], ['co-ordination skills'])
    >>> _prefix_variants(["coaching"]), _prefix_variants(["recruiting"])
    ([], [])
    """
    out: list[str] = []
    for i, word in enumerate(words):
        found = _PREFIXED.match(word)
        if found is None:
            continue
        prefix, rest = found.groups()
        if "-" in word:
            other = prefix + rest
        elif prefix.lower() in _HYPHEN_PREFIXES or (
                prefix.lower() == "co" and rest[0].lower() == "o"):
            other = f"{prefix}-{rest}"
        else:
            continue
        out.append(" ".join([*words[:i], other, *words[i + 1:]]))
    return out


# rule ampersand: a name of at most this many words is written with "&" for its "and" too
# ("Training & Development"); longer ones are product names, written as their makers do
_AMPERSAND_MAX_WORDS = 5
_POSSESSIVE = re.compile(r"^([A-Za-z]{2,})(?:'s|s')$")


def _possessive_variants(words: list[str]) -> list[str]:
    """The other ways to write a name's possessive word (rule possessive): "Xs'" and "X's"
    for each other, and either without its apostrophe ("workers compensation").

    >>> _possessive_variants(["Writer's", "Blocks"]), _possessive_variants(["rock'n'roll"])
    (["Writers' Blocks", 'Writers Blocks'], [])
    """
    out: list[str] = []
    for i, word in enumerate(words):
        found = _POSSESSIVE.match(word)
        if found is None:
            continue
        stem = found.group(1)  # "worker" of "workers'", "analyst" of "analyst's"
        if word.endswith("s'"):  # the plural's possessive; not "boss'"
            others = (None if stem.endswith("s") else f"{stem}'s", f"{stem}s")
        else:
            others = (f"{stem}s'", f"{stem}s")
        out.extend(" ".join([*words[:i], other, *words[i + 1:]]) for other in others if other)
    return out


def _inflected_modifiers(form: str, words: list[str]) -> list[str]:
    """A name's other number where people write it: a Greek "-sis" plural in any word
    ("regression analyses", "hypotheses testing") and a plural modifier made singular
    ("material science", "operation research"). A last word that is plural stays plural (see
    written_variants).

    >>> _inflected_modifiers("regression analysis", ["regression", "analysis"])
    ['regression analyses']
    >>> _inflected_modifiers("materials science", ["materials", "science"])
    ['material science']
    >>> _inflected_modifiers("business process", ["business", "process"])
    []
    """
    lowered_form = form.lower()
    if "sis" not in lowered_form and not any(w[-1:] in ("s", "S") for w in words[:-1]):
        return []  # no Greek plural and no plural modifier: most names (read at every build)
    out = []
    for i, word in enumerate(words):
        lowered = word.lower()
        if not word.isalpha() or len(word) < 5 or word.isupper():
            continue
        if lowered.endswith("sis"):
            other = word[:-3] + "ses"  # analysis -> analyses, hypothesis -> hypotheses
        elif i < len(words) - 1 and lowered.endswith("s") and not lowered.endswith(_NOT_PLURAL):
            other = word[:-1]  # materials -> material; not "business", "status", "physics"
        else:
            continue
        out.append(" ".join([*words[:i], other, *words[i + 1:]]))
    return [v for v in out if v != form]


_NOT_PLURAL = ("ss", "us", "is", "ics", "ies", "ws", "ys")
