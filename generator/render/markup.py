"""Text to HTML: customer text stays plain text; staff Markdown is rendered, then sanitized."""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3
from markupsafe import Markup, escape

# An allow-list: formatting and links only. No script, style, iframe, images or event handlers.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "del",
    "hr",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WHITESPACE = re.compile(r"\s+")
# One converter per flavour, reset between texts: building a Markdown instance (its extensions,
# its patterns) costs more than converting a short reply, and a site has thousands of replies.
_STAFF = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
# The live preview regenerates every page on each save; a text that did not change is not
# converted again. Results are immutable (Markup, str), so sharing them is safe.
_remember = functools.lru_cache(maxsize=65536)


# Text in which Markdown finds nothing to do: letters, digits and prose punctuation only, no line
# that starts with a space, a hyphen or "1." and none that ends with a space. Most replies are
# like this, and Python-Markdown takes a third of a millisecond to find that out.
_NOT_PROSE = re.compile(r"[^\w \n.,;:?!'\"()%/@€$£«»“”‘’…–—-]|_")
_MARKDOWN_AT_LINE_EDGE = re.compile(r"^(?:[ -]|\d+[.)])| $", re.MULTILINE)
_BLOCK_BREAK = re.compile(r"\n\n+")


def _is_prose(text: str) -> bool:
    text = text.strip("\n")
    return bool(text) and not (_NOT_PROSE.search(text) or _MARKDOWN_AT_LINE_EDGE.search(text))


def _prose_html(text: str) -> str | None:
    """Return what Python-Markdown makes of text that holds no Markdown, or None if it might.

    Prose has no <, > or &, so its HTML has no tag nh3 could remove and nothing it would
    escape: the sanitizer gives it back unchanged (tests prove both on random and sample text).
    """
    if not _is_prose(text):
        return None
    return "\n".join(f"<p>{block}</p>" for block in _BLOCK_BREAK.split(text.strip("\n")))


@_remember
def render_markdown(text: str | None) -> Markup:
    """Return staff Markdown as sanitized HTML."""
    if not text:
        return Markup("")
    prose = _prose_html(text)
    if prose is not None:
        return Markup(prose)
    clean = nh3.clean(
        _STAFF.reset().convert(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
    return Markup(clean)


def render_plain(text: str | None) -> Markup:
    """Return customer text as escaped paragraphs; nothing in it is ever markup."""
    if not text:
        return Markup("")
    # Escaping leaves line breaks and spaces as they are, so the text is escaped once, whole.
    escaped = str(escape(text.strip()))
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(escaped) if p.strip()]
    return Markup("".join(f"<p>{'<br>'.join(p.splitlines())}</p>" for p in paragraphs))


@_remember
def markdown_to_text(text: str | None) -> str:
    """Return what staff Markdown says, without any markup (for excerpts and feeds).

    Taken from the page's own HTML, so the text is exactly what the page shows (a table's
    cells, not its pipes), and each reply is converted from Markdown once, not twice.
    """
    if not text:
        return ""
    if _is_prose(text):  # its HTML is the text in <p> tags, and it holds no entity
        return _WHITESPACE.sub(" ", text).strip()
    plain = nh3.clean(render_markdown(text), tags=set(), strip_comments=True)
    return html.unescape(_WHITESPACE.sub(" ", plain)).strip()


def excerpt(text: str, limit: int = 280) -> str:
    """Return text cut at a word boundary near limit, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:!?-–")
    return cut + "…"
