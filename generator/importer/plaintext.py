"""HTML from a feed becomes the customer's plain text: paragraphs kept, no markup left."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never the customer's words.
_DROPPED = {"script", "style", "template", "head", "title", "noscript", "iframe", "object", "svg"}
# Elements that start a new paragraph (a blank line) or at least a new line.
_PARAGRAPHS = {
    "p",
    "div",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "figure",
}
_LINES = {"br", "li", "tr", "dt", "dd"}
_VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "wbr",
}
# Comments, CDATA sections and processing instructions are no text a reader sees: each goes with
# all it holds, and one left open runs to the end, as in a browser. (Python's HTML parser keeps an
# open comment as text, and its handling of CDATA differs from version to version.)
_HIDDEN = re.compile(r"<!--(?:-?>|.*?(?:--!?>|$))|<!\[CDATA\[.*?(?:\]\]>|$)|<\?.*?(?:>|$)", re.S)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class _TextCollector(HTMLParser):
    """Collects text and paragraph breaks; entities are decoded by the parser itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.dropping:
            if tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag in _DROPPED:
            self.dropping.append(tag)
        elif tag in _PARAGRAPHS:
            self.parts.append("\n\n")
            self.pre += tag == "pre"
        elif tag in _LINES:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.dropping and (tag in _LINES or tag in _PARAGRAPHS):
            self.parts.append("\n" if tag in _LINES else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            # Close the innermost matching element; a stray end tag inside is ignored.
            if tag in self.dropping:
                while self.dropping and self.dropping.pop() != tag:
                    pass
            return
        if tag in _PARAGRAPHS:
            self.parts.append("\n\n")
            self.pre -= tag == "pre" and self.pre > 0
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        self.parts.append(data if self.pre else _SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Return the plain text an HTML fragment shows: entities decoded, paragraphs kept."""
    collector = _TextCollector()
    collector.feed(_HIDDEN.sub("", markup))
    collector.close()
    return tidy_text("".join(collector.parts), html=True)


def tidy_text(text: str, html: bool = False) -> str:
    """Return text with normal line breaks, no control characters and no blank edges.

    From HTML, each line is also trimmed and blank lines collapse to one: HTML whitespace carries
    no meaning. Plain text keeps its spaces exactly.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    if html:
        lines = [line.strip(" \t") for line in text.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip()
