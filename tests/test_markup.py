"""Staff Markdown: the shortcut for plain prose gives exactly what Python-Markdown gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from generator import markup

REPO = Path(__file__).resolve().parent.parent


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
