"""What an input is: a path or the text itself. One rule, no guessing, no silent globbing.

The rule for a ``str`` (``pathlib.Path`` and other ``os.PathLike`` are always paths, ``bytes``
and file objects always content):

1. It is a **path** when it names an existing file system entry.
2. Otherwise it is **text**, unless it *looks like a path*: one line, under 1,024 characters,
   and either ending in a document extension (``.pdf``, ``.docx``, ``.txt``, ... see
   ``_DOCUMENT_SUFFIXES``) or holding a ``/`` or ``\\`` and no white space (``cvs/jane``).
   Such a string raises :class:`DocumentNotFoundError`: a typo is never scored as a resume.
   To score a one-line text that looks like a path, pass it with a line break
   (``"C/C++\\n"``), as bytes, or in a file object (``io.StringIO``).
3. Glob patterns (``*``, ``?``, ``[``) mean nothing in a str: expand them, and folders,
   with :func:`files`.

>>> classify("Skills: Python, SQL")
'text'
>>> classify("cvs/jane-doe.pdf")
Traceback (most recent call last):
...
skillmatch._errors.DocumentNotFoundError: cvs/jane-doe.pdf: no such file. ...
"""

from __future__ import annotations

import glob
import os
import stat
from pathlib import Path
from typing import Literal

from ._errors import DocumentAccessError, DocumentNotFoundError, Messages, ParameterError

__all__ = ["check_path", "classify", "files"]

# Extensions that make a one-line str a path (documents we read, and ones we refuse clearly).
_DOCUMENT_SUFFIXES = frozenset({
    ".pdf", ".docx", ".doc", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown",
    ".rst", ".rtf", ".odt",
})
_MAX_PATH_CHARS = 1024
_GLOB_CHARS = frozenset("*?[")


def looks_like_path(value: str) -> bool:
    """Rule 2: a one-line str that reads as a path even though nothing exists there.

    >>> looks_like_path("resume_final.pdf"), looks_like_path("cvs/jane"), looks_like_path("C/C++ dev")
    (True, True, False)
    """
    if "\n" in value or "\r" in value or "\x00" in value or len(value) >= _MAX_PATH_CHARS:
        return False
    stripped = value.strip()
    if not stripped:
        return False
    if Path(stripped).suffix.lower() in _DOCUMENT_SUFFIXES:
        return True
    return ("/" in stripped or "\\" in stripped) and not any(ch.isspace() for ch in stripped)


def _exists(value: str) -> bool:
    if "\n" in value or "\r" in value or "\x00" in value or len(value) >= 4096:
        return False
    try:
        os.stat(value)
    except (OSError, ValueError):
        return False
    return True


def classify(value: str) -> Literal["path", "text"]:
    """Whether a str is a path or the text itself, by the module's rule.

    Raises
    ------
    DocumentNotFoundError
        The str looks like a path (rule 2) but nothing exists there.
    """
    if _exists(value):
        return "path"
    if looks_like_path(value):
        hint = Messages.R022.format(pattern=value.strip()) if _GLOB_CHARS & set(value) else ""
        raise DocumentNotFoundError(
            Messages.R026.format(source=value.strip()) + hint, source=value.strip())
    return "text"


def check_path(path: Path, label: str) -> None:
    """Refuse what is not a regular file before opening it: a FIFO or a device would block.

    Raises DocumentNotFoundError, or DocumentAccessError for a folder or a special file.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise DocumentNotFoundError(Messages.R001.format(source=label), source=label) from None
    except (OSError, ValueError) as exc:
        raise DocumentAccessError(Messages.R003.format(source=label, detail=exc),
                                  source=label) from None
    if stat.S_ISDIR(mode):
        raise DocumentAccessError(Messages.R023.format(source=label), source=label)
    if not stat.S_ISREG(mode):
        raise DocumentAccessError(Messages.R024.format(source=label), source=label)


def files(*patterns: str | os.PathLike[str]) -> list[Path]:
    """The documents that folders, glob patterns and file paths name, in a stable order.

    A folder gives every file under it whose extension skillmatch reads (sorted); a pattern
    (``*``, ``?``, ``[``, ``**`` for any depth) gives its matching files (sorted); a file gives
    itself. Nothing is skipped silently: a missing path, or a pattern or folder that matches
    no document, raises :class:`DocumentNotFoundError`.

    Examples
    --------
    >>> import skillmatch, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("Skills: SQL"), (folder / "a.md").write_text("Python")
    >>> [p.name for p in skillmatch.files(folder)], [p.name for p in skillmatch.files(folder / "*.txt")]
    (['a.md', 'b.txt'], ['b.txt'])
    """
    from ._documents import _EXTENSIONS

    out: list[Path] = []
    for pattern in patterns:
        if not isinstance(pattern, str | os.PathLike) or not os.fspath(pattern):
            raise ParameterError(Messages.P001.format(  # "" would be the whole working folder
                name="patterns", caller="files", value=pattern,
                expected="non-empty paths, folders or glob patterns (str or os.PathLike)"))
        text = os.fspath(pattern)
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in _EXTENSIONS and p.is_file())
        elif path.exists():
            found = [path]
        elif _GLOB_CHARS & set(text):
            found = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        else:
            raise DocumentNotFoundError(Messages.R001.format(source=text), source=text)
        if not found:
            raise DocumentNotFoundError(Messages.R025.format(source=text), source=text)
        out.extend(found)
    return out
