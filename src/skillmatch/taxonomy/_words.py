"""Which names are also ordinary English words (the importers' ambiguity rule).

wordfreq is needed only to import a taxonomy, never to use one: the generated layers carry the
verdicts. Install it with ``pip install 'skillmatch[import]'``.

>>> is_common("Oracle"), is_common("Tableau"), is_common("Visual Studio")
(True, False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._errors import Messages, DependencyError
from ._rules import import_rules

_WORD = re.compile(r"[A-Za-z][A-Za-z'+#]*")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The word's frequency in English on wordfreq's Zipf scale (0 for an unknown word)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - the import extra is installed for tests
        raise DependencyError(Messages.D001.format(
            feature="Importing a taxonomy", package="wordfreq",
            install="skillmatch[import]")) from None
    return float(zipf_frequency(word.lower(), "en"))


def is_common(form: str, *, threshold: float | None = None) -> bool:
    """True when ``form`` reads as ordinary English: every word common, and no capital after
    the first word (digits or a title-case phrase make it a name: "Visual Studio" is one,
    "Computer aided design" is not).

    >>> is_common("Access"), is_common("Microsoft Windows"), is_common("spreadsheet software")
    (True, False, True)
    """
    words = _WORD.findall(form)
    if any(ch.isdigit() for ch in form) or any(w[0].isupper() for w in words[1:]):
        return False
    if threshold is None:
        threshold = float(import_rules()["common_words"]["zipf_threshold"])
    return bool(words) and all(zipf(w) >= threshold for w in words)
