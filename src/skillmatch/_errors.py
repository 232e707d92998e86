"""Every error skillmatch raises, and every message it says.

The tree (each class also subclasses the builtin it refines, so ``except ValueError``
and ``except OSError`` keep working)::

    SkillmatchError
    ├── TaxonomyError (ValueError)            a taxonomy file is malformed
    ├── UnknownSkillError (KeyError)          no skill with that id or alias
    ├── ParameterError (ValueError)           an argument has the wrong type or value
    ├── DependencyError (ImportError)         an optional package is missing
    └── DocumentError                         a document could not be read
        ├── DocumentNotFoundError (FileNotFoundError)
        ├── DocumentAccessError (OSError)     a directory, a permission problem
        ├── EmptyDocumentError (ValueError)   no bytes, or no text at all
        │   └── ScannedDocumentError          a PDF of images: OCR is needed
        ├── DocumentTooLargeError (ValueError)
        ├── UnsupportedFormatError (ValueError)
        ├── CorruptDocumentError (ValueError) truncated or malformed PDF / DOCX
        ├── EncryptedDocumentError (ValueError)
        ├── DecodingError (ValueError)        text in no encoding we could read
        └── ReaderCrashedError (RuntimeError) the worker process reading it died

Messages live here, in one place, each with what to do next.
"""

from __future__ import annotations


class SkillmatchError(Exception):
    """Base class of every error skillmatch raises."""


class TaxonomyError(SkillmatchError, ValueError):
    """A taxonomy file is malformed: the message names the file, the skill and the fix."""


class UnknownSkillError(SkillmatchError, KeyError):
    """No skill has that id or alias."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class ParameterError(SkillmatchError, ValueError):
    """An argument has the wrong type or value."""


class DependencyError(SkillmatchError, ImportError):
    """An optional dependency is not installed."""


class DocumentError(SkillmatchError):
    """A document could not be read. ``source`` names it."""

    def __init__(self, message: str, *, source: str = "<input>") -> None:
        super().__init__(message)
        self.source = source


class DocumentNotFoundError(DocumentError, FileNotFoundError):
    """The path does not exist."""


class DocumentAccessError(DocumentError, OSError):
    """The path exists but is not a readable file."""


class EmptyDocumentError(DocumentError, ValueError):
    """The document has no bytes or no text."""


class ScannedDocumentError(EmptyDocumentError):
    """A PDF whose pages hold images and no text layer."""


class DocumentTooLargeError(DocumentError, ValueError):
    """The document is over a size, page or time limit."""


class UnsupportedFormatError(DocumentError, ValueError):
    """The bytes are not a format skillmatch reads."""


class CorruptDocumentError(DocumentError, ValueError):
    """The file is truncated or malformed."""


class EncryptedDocumentError(DocumentError, ValueError):
    """The file is password protected."""


class DecodingError(DocumentError, ValueError):
    """The bytes are not text in any encoding we tried."""


class ReaderCrashedError(DocumentError, RuntimeError):
    """The worker process reading the document died (a crash, or the out-of-memory killer)."""


class NothingToScoreError(DocumentError, ValueError):
    """A posting asks for nothing skillmatch recognises (no skill, years, degree or job
    title), so no resume can be scored or ranked against it."""


class Messages:
    """The message catalogue. Call sites do ``Messages.T001.format(...)``."""

    # Taxonomy
    T001 = "{file}: could not parse TOML ({detail}). Fix the syntax at the position given."
    T002 = "{file}: skill {skill!r} is defined twice. Give each skill one unique id."
    T003 = (
        "{file}: alias {alias!r} is claimed by both {first!r} and {second!r}. "
        "Keep it on one skill, or make it an exact (case-sensitive) alias on one of them."
    )
    T004 = (
        "{file}: skill {skill!r} has {relation} {target!r}, which is not a skill id in this "
        "taxonomy. Add a skill with that id or remove the relation."
    )
    T005 = (
        "{file}: the {relation} relation has a cycle: {cycle}. "
        "A skill cannot be broader than (or imply) itself; remove one link."
    )
    T006 = (
        "{file}: skill {skill!r} has demand {demand!r}; demand is the share of postings "
        "that ask for the skill and must be a number from 0 to 1 (75.8% is 0.758)."
    )
    T007 = "{file}: skill {skill!r} has unknown category {category!r}. Use one of: {allowed}."
    T008 = "{file}: skill {skill!r} has no {field!r}. Add it, for example {example}."
    T009 = "{file}: skill {skill!r}: {field!r} must be {expected}. Got {value!r} instead."
    T010 = (
        "No taxonomy named {name!r}. Pass a path to a .toml or .json file or a taxonomy folder, or one of the bundled "
        "names: {available}."
    )
    T011 = "{file}: there is no [skill.<id>] table. A taxonomy needs at least one skill, e.g. [skill.python]."
    T014 = "{folder}: a taxonomy folder needs a {header} with a [taxonomy] header. Add one, or pass a file."
    T015 = (
        "{folder}: no {file} there. Pass the folder of the {source} release that holds it "
        "(for example ../shared/data/taxonomies/{example})."
    )
    T016 = (
        "{folder}: no {file} there. Pass {source}'s npm package, unpacked (`{command}` "
        "downloads it; `tar -xzf` the .tgz), or the file itself."
    )
    T012 = "No skill {key!r} in taxonomy {taxonomy!r}. Look up by id or alias, e.g. taxonomy['python']."
    T013 = (
        "{file}: skill id {skill!r} must be a lowercase slug (letters, digits, '-', '+', '#', '.'), "
        "e.g. 'scikit-learn'."
    )
    # Parameters
    P001 = "The {name!r} parameter of {caller} must be {expected}. Got {value!r} instead."
    # Dependencies
    D001 = "{feature} needs the {package!r} package. Install it with: pip install '{install}'"
    # Documents
    R001 = "{source}: no such file. Check the path, or pass the text itself as a str."
    R002 = "{source}: is a directory, not a document. Pass a file, or use score_many() for a folder."
    R003 = "{source}: could not be read ({detail}). Check the file's permissions."
    R004 = "{source}: the document is empty (0 bytes). Check the upload or export."
    R005 = (
        "{source}: the document has no text ({detail}). If it is a scan, run OCR first "
        "(e.g. ocrmypdf) and pass the result."
    )
    R006 = (
        "{source}: {size:,} bytes is over the limit of {limit:,}. Pass a smaller file, or raise "
        "the limit: read(..., limits=Limits(max_bytes=...))."
    )
    R007 = (
        "{source}: {pages} pages is over the limit of {limit}. Raise it with "
        "read(..., limits=Limits(max_pages=...)) if the document is genuine."
    )
    R008 = (
        "{source}: reading took over {limit:g} s and was stopped (a malformed or hostile {kind}?). "
        "Raise it with read(..., limits=Limits(max_seconds=...)) if the document is genuine."
    )
    R009 = (
        "{source}: not a format skillmatch reads ({detail}). Pass PDF, DOCX, HTML, Markdown or "
        "plain text; convert .doc/.rtf/.odt to DOCX or PDF first."
    )
    R010 = "{source}: the PDF is damaged or truncated ({detail}). Re-export or re-download it."
    R011 = (
        "{source}: the PDF is encrypted with a password. Remove the password (print to PDF, or "
        "qpdf --decrypt) or pass read(..., password=...)."
    )
    R012 = (
        "{source}: the DOCX is damaged ({detail}). Open and re-save it in Word or LibreOffice, "
        "or export it to PDF."
    )
    R013 = (
        "{source}: the bytes are not text in UTF-8, UTF-16 or cp1252 ({detail}). Save the file "
        "as UTF-8, or decode it yourself and pass a str."
    )
    R014 = (
        "{source}: the input holds NUL bytes, so it is binary, not text. Pass a PDF, DOCX, "
        "HTML or text document."
    )
    R015 = (
        "{source}: {kind} of type {type_name} cannot be read. Pass a path, bytes, a binary "
        "file object, a str of text or a Document."
    )
    R016 = "{source}: the file's extension says {ext} but its content is not ({detail})."
    R017 = (
        "{source}: the {kind} decompresses to over {limit:,} bytes and was stopped (a compression "
        "bomb?). Raise it with read(..., limits=Limits(max_decoded_bytes=...)) if the document "
        "is genuine."
    )
    R018 = (
        "{source}: {size} characters of text is over the limit of {limit:,}. Pass a shorter "
        "document, or raise the limit: read(..., limits=Limits(max_chars=...))."
    )
    R019 = (
        "{source}: the computer ran out of memory reading this {kind}. Lower "
        "Limits(max_decoded_bytes=...) so that such a file is refused early, or read it on a "
        "machine with more memory."
    )
    R022 = (
        " Nothing expands a pattern in a str; to score every file that matches it, pass "
        "skillmatch.files({pattern!r}) (the command line expands patterns itself)."
    )
    R023 = (
        "{source}: is a folder, not a document. Pass its documents: skillmatch.files({source!r}) "
        "lists them (the command line expands folders itself)."
    )
    R024 = (
        "{source}: is not a regular file (a FIFO, socket or device), so reading it could block "
        "forever. Save the document to a file, or pipe it to standard input ('-')."
    )
    R025 = "{source}: matches no document. Check the folder or pattern (and the extension)."
    R026 = (
        "{source}: no such file. Check the path. If this is the text itself, pass it with a line "
        "break, as bytes, or in io.StringIO: a one-line str that looks like a path must name a file."
    )
    R027 = (
        "{source}: finding skills in its {chars:,} characters took over {limit:g} s and was "
        "stopped. Pass a shorter document, or raise the limit: Limits(max_seconds=...)."
    )
    R028 = (
        "{source}: the HTML nests its elements more than {depth:,} deep, past which no parser "
        "reads; the text inside would be lost. Flatten the markup or pass the text itself."
    )
    R029 = (
        "{source}: the DOCX's document holds {count:,} XML elements, more than a document of "
        "{limit:,} characters of text needs (a hostile file?). Pass a shorter document, or raise "
        "the limit: Limits(max_chars=...)."
    )
    R030 = (
        "{source}: the HTML holds {count:,} tags, more than a page of {limit:,} characters of "
        "text needs (a hostile file?). Pass a shorter document, or raise the limit: "
        "Limits(max_chars=...)."
    )
    R031 = (
        "{source}: the Office file is protected with a password. Open it in Word or LibreOffice, "
        "remove the password (or save a copy without it, or as PDF) and pass that."
    )
    R032 = "{source}: the text is empty (only white space). Check the upload or the export."
    R033 = (
        "{source}: the PDF draws over {limit:,} lines and shapes on its pages, more than a "
        "document of {max_chars:,} characters needs (a hostile file?). Pass a PDF of the text "
        "(print to PDF), or raise the limit: Limits(max_chars=...)."
    )
    # Batches
    B001 = (
        "{source}: the worker process reading it died ({detail}); the batch went on without it. "
        "If it keeps happening, read this document alone to see why, or raise the machine's memory."
    )
    B002 = (
        "{source}: reading and extracting took over {limit:g} s, so its worker was stopped. "
        "Raise the limit with Limits(max_seconds=...) if the document is genuine."
    )
    B003 = "The worker processes could not start ({detail})."
    B004 = (
        "{source}: the posting asks for nothing skillmatch recognises (no skill, years of "
        "experience, degree or job title), so its scores are NaN: there is nothing to compare. "
        "Check that it is a job posting with its requirements, in English, or use a taxonomy "
        "that covers its field."
    )
    # Command line
    C001 = "{source}: no such file. Check the path (use - for standard input)."
    C002 = "standard input ('-') can be read only once; pass the other documents as files."
