"""HTML to visible text with lxml's parser (libxml2: linear time on any markup - the standard
library's parser is quadratic on malformed tags, CVE-2025-6069). No scripts, styles, comments,
attributes or hidden elements (keyword stuffing), and no page furniture: a site's navigation,
header and footer ("Java jobs", "Python courses") name no requirement of the posting.
"""

from __future__ import annotations

from typing import Any

from . import _guard

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object",
                   "nav", "header", "footer", "title", "meta", "link", "button", "select",
                   # an SVG's own text; the svg element itself is walked, so that the page after
                   # an unclosed <svg> is not lost
                   "text", "tspan", "textpath", "desc", "metadata"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "h1", "h2", "h3",
    "h4", "h5", "h6", "dt", "dd", "dl", "blockquote", "pre", "hr", "main", "aside", "td", "th",
    "form", "fieldset", "address", "figcaption", "body", "html",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})


def _hidden(element: Any) -> bool:
    """Marked not to be shown: the hidden attribute, aria-hidden, or display:none."""
    get = element.get
    style = (get("style") or "").replace(" ", "").lower()
    return (get("hidden") is not None or (get("aria-hidden") or "").lower() == "true"
            or "display:none" in style or "visibility:hidden" in style)


class TooDeep(Exception):
    """The markup nests deeper than libxml2 reads."""


MAX_DEPTH = 2048  # libxml2's depth with XML_PARSE_HUGE (lxml's huge_tree)


def _parser() -> Any:
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


def read_html(text: str) -> tuple[str, list[str]]:
    """The visible text of an HTML page, one block a line, and its heading lines.

    >>> read_html("<html><script>x=1</script><h2>Skills</h2><ul><li>Python</li></ul></html>")
    ('Skills\\n\\n• Python', ['Skills'])
    >>> read_html("<p>Python</p><p hidden>Java Java Java</p>")[0]
    'Python'
    >>> read_html("<p>A</p><svg><text>Java</text><p>B after an unclosed svg</p>")[0]
    'A\\n\\nB after an unclosed svg'
    >>> read_html("<p>Python<!-- a comment -->, SQL</p>")[0]
    'Python, SQL'
    """
    import lxml.html
    from lxml import etree

    parser = _parser()
    try:
        # huge_tree: libxml2's own caps (256 levels of nesting, 10 MB in one text node or
        # attribute) would drop the text past them silently; the read's limits bound the input
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):  # no element at all ("", only a comment)
        return "", []
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise TooDeep  # even huge_tree stops somewhere (2,048 levels): the rest is lost
    parts: list[str] = []
    headings: list[str] = []
    # a walk with its own stack (elements nested thousands deep), each element met twice:
    # opening (start < 0) and closing (start = where its text began in ``parts``)
    stack: list[tuple[Any, int]] = [(root, -1)]
    walked = 0
    while stack:
        element, start = stack.pop()
        walked += 1
        if not walked & 0x3FFF:
            _guard.tick()  # the read's deadline (no-op outside a read)
        tag = element.tag if isinstance(element.tag, str) else ""
        if start >= 0:
            if tag in _HEADINGS:
                heading = " ".join("".join(parts[start:]).split())
                if heading:
                    headings.append(heading)
            if tag in _BLOCK:
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if element.tail:
                parts.append(element.tail)
            continue
        if not tag or tag in _SKIP or _hidden(element):  # comments and processing instructions
            if element.tail:  # the text after a skipped element (or a comment) is still shown
                parts.append(element.tail)
            continue
        if tag in _BLOCK:
            parts.append("\n")
        if tag == "li":
            parts.append("• ")
        stack.append((element, len(parts)))
        if element.text:
            parts.append(element.text)
        stack.extend((child, -1) for child in reversed(element))
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip(), headings
