"""HTML to visible text with the standard library's parser: no scripts, styles or attributes,
and no page furniture - a site's navigation, header and footer ("Java jobs", "Python
courses") name no requirement of the posting."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object",
                   "nav", "header", "footer"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl", "blockquote", "pre", "hr", "main",
    "aside", "nav", "td", "th", "title", "form", "fieldset", "address", "figcaption",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.heading: list[str] | None = None
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
            if tag in _HEADINGS:
                self.heading = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            if tag in _HEADINGS and self.heading is not None:
                text = " ".join("".join(self.heading).split())
                if text:
                    self.headings.append(text)
                self.heading = None
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = " ".join(data.split())
        if not text:
            if data and self.parts and not self.parts[-1].endswith((" ", "\n")):
                self.parts.append(" ")
            return
        lead = " " if data[:1].isspace() else ""
        trail = " " if data[-1:].isspace() else ""
        self.parts.append(lead + text + trail)
        if self.heading is not None:
            self.heading.append(lead + text + trail)


def read_html(text: str) -> tuple[str, list[str]]:
    """The visible text of an HTML page, one block a line, and its heading lines.

    >>> read_html("<html><script>x=1</script><h2>Skills</h2><ul><li>Python</li></ul></html>")
    ('Skills\\n\\n• Python', ['Skills'])
    """
    parser = _Visible()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip(), parser.headings
