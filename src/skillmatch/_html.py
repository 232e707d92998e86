"""HTML to visible text with lxml's parser (libxml2: linear time on any markup - the standard
library's parser is quadratic on malformed tags, CVE-2025-6069). No scripts, styles, comments,
attributes or hidden elements (keyword stuffing), and no page furniture: a site's navigation,
header and footer ("Java jobs", "Python courses") name no requirement of the posting.
"""

from __future__ import annotations

from typing import Any

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


def read_html(text: str) -> tuple[str, list[str]]:
    """The visible text of an HTML page, one block a line, and its heading lines.

    >>> read_html("<html><script>x=1</script><h2>Skills</h2><ul><li>Python</li></ul></html>")
    ('Skills\\n\\n• Python', ['Skills'])
    >>> read_html("<p>Python</p><p hidden>Java Java Java</p>")[0]
    'Python'
    >>> read_html("<p>A</p><svg><text>Java</text><p>B after an unclosed svg</p>")[0]
    'A\\n\\nB after an unclosed svg'
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):  # no element at all ("", only a comment)
        return "", []
    parts: list[str] = []
    headings: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _SKIP or _hidden(element):  # comments and processing instructions
            if tag and element.tail:  # the text after a skipped element is still shown
                parts.append(element.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if tag == "li":
            parts.append("• ")
        start = len(parts)
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if tag in _HEADINGS:
            heading = " ".join("".join(parts[start:]).split())
            if heading:
                headings.append(heading)
        if block:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append(" ")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip(), headings
