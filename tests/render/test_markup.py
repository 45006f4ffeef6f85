"""Staff Markdown: the shortcut for plain prose gives exactly what Python-Markdown gives."""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import nh3
import pytest
import yaml
from markupsafe import escape

from generator.render import markup

REPO = Path(__file__).resolve().parents[2]


def converted(text: str) -> str:
    return markup._STAFF.reset().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Kari, thanks for writing. We sent a new zip today.",
        "Hei Ola!\n\nVi har sendt en ny pakke – den kommer «i morgen».\n\n\nHilsen Marte",
        "Two lines\nin one paragraph: 24 hours, 100 % sure (really)?",
        "\n\nLeading and trailing newlines go.\n\n",
    ],
)
def test_prose_takes_the_shortcut_with_the_same_html(text):
    assert markup._prose_html(text) == converted(text)


@pytest.mark.parametrize(
    "text",
    [
        "- a list",
        "1. a numbered list",
        "Some *emphasis*",
        "snake_case",
        "    code",
        "A line break  \nhere",
        "Heading\n---",
        "A & B",
        "<b>tag</b>",
        "# heading",
        "a | table",
        "tab\there",
        "\n\n",
    ],
)
def test_anything_markdown_might_touch_goes_to_markdown(text):
    assert markup._prose_html(text) is None


def test_the_shortcut_agrees_with_markdown_on_random_prose():
    pieces = list("aæ Ø1 2.,;:?!'\"()%/@€«»“”…–—-\n") + ["\n\n", " \n", "1. ", "- ", "  ", "3) "]
    rng = random.Random(7)
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        fast = markup._prose_html(text)
        if fast is not None:
            checked += 1
            assert fast == converted(text), repr(text)
    assert checked > 5_000


def test_the_shortcut_agrees_with_markdown_on_every_sample_reply():
    texts = []
    for path in sorted((REPO / "reviews").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [entry.get("text") or entry.get("summary") for entry in data.get("thread", [])]
        texts += [(data.get("outcome") or {}).get(key) for key in ("summary", "change")]
    texts = [text for text in texts if text]
    fast = [text for text in texts if markup._prose_html(text) is not None]
    assert len(fast) > len(texts) / 2
    assert [markup._prose_html(text) for text in fast] == [converted(text) for text in fast]
    assert [markup.render_markdown(text) for text in texts] == [sanitized(t) for t in texts]
    assert [markup.markdown_to_text(text) for text in texts] == [plain_text(t) for t in texts]


def sanitized(text: str) -> str:
    """What staff Markdown became before the shortcuts: converted, then always sanitized."""
    return nh3.clean(
        converted(text),
        tags=markup.ALLOWED_TAGS,
        attributes=markup.ALLOWED_ATTRIBUTES,
        url_schemes=markup.LINK_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def plain_text(text: str) -> str:
    """What staff Markdown says as text, the long way: from its sanitized HTML."""
    stripped = nh3.clean(sanitized(text), tags=set(), strip_comments=True)
    return html.unescape(re.sub(r"\s+", " ", stripped)).strip()


def random_texts(count: int, seed: int) -> list[str]:
    pieces = list("aæ Ø1 2.,;:?!'\"()%/@€«»“”…–—-\n") + [
        "\n\n",
        " \n",
        "1. ",
        "- ",
        "  ",
        "<b>",
        "&",
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(count)]


def test_prose_needs_no_sanitizing_and_its_text_no_html():
    """The shortcuts skip nh3 for prose: the page's HTML and text are exactly as before."""
    texts = random_texts(5_000, 11)
    assert sum(markup._is_prose(text) for text in texts) > 1_000
    for text in texts:
        markup.render_markdown.cache_clear()
        markup.markdown_to_text.cache_clear()
        assert markup.render_markdown(text) == sanitized(text), repr(text)
        assert markup.markdown_to_text(text) == plain_text(text), repr(text)


def old_render_plain(text: str) -> str:
    """Customer text as paragraphs, each line escaped apart: how render_plain was written."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(str(escape(line)) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def test_customer_text_escaped_whole_is_escaped_as_line_by_line():
    pieces = ["<script>", "&amp;", '"', "'", "a", " ", "\n", "\n\n", "\r\n", "\u2028", "\t", "ø"]
    rng = random.Random(5)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        assert markup.render_plain(text) == old_render_plain(text), repr(text)
    assert markup.render_plain("a <b>\n\nc & d\ne") == "<p>a &lt;b&gt;</p><p>c &amp; d<br>e</p>"
