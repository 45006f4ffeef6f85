"""The fast way into a YAML tree (composed in C) gives exactly what reading event by event gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.read import yamltree
from generator.read.yamltree import Node, YamlError, parse_yaml

DOCUMENTS = {
    "plain fields": "channel: google\nrating: 5\ntext: Good boots.\n",
    "block scalar": "text: |\n  First line.\n\n  Second paragraph.\n",
    "folded scalar": "text: >\n  One\n  line.\n",
    "nulls and blanks": "a:\nb: ~\nc: null\nd: ''\ne: '   '\nf: 'null'\ng: NULL\n",
    "quoted look-alikes": "language: 'no'\ntitle: \"1:20\"\nrating: '5'\nverified: yes\n",
    "nested thread": (
        "thread:\n  - at: 2026-11-03T09:00\n    text: Sorry!\n  - at: 2026-11-04\n"
        "    private: true\n    via: email\n"
    ),
    "flow collections": "tags: [delivery, price]\noutcome: {status: resolved, at: 2026-11-04}\n",
    "explicit tags": "rating: !!int 5\ntext: !!str 12\n",
    "explicit start": "---\nchannel: email\n",
    "asterisks in text": "text: '**bold** and *x'\n",
    "a list": "- one\n- two\n",
    "a single value": "just words\n",
    "only a comment": "# nothing here\n",
    "duplicate field": "channel: google\nrating: 4\nchannel: email\n",
    "duplicate nested field": "outcome:\n  status: open\n  status: resolved\n",
    "list as a field name": "? [a, b]\n: value\n",
    "empty field name": "'': value\n",
    "null field name": "~: value\n",
    "two documents": "channel: google\n---\nchannel: email\n",
    "undefined alias": "a: *nowhere\n",
    "unclosed quote": "text: 'never closed\n",
    "tab indentation": "thread:\n\t- at: 2026-11-03\n",
    "bad indentation": "channel: google\n  rating: 5\n",
    "values below their field names": (
        "extra:\n  a: 1\nnote: |\n  text\nlist:\n  - x\n  - deeper:\n\n      y\n"
        "? complex\n: value\n"
    ),
}


def read(text: str, how) -> object:
    try:
        return how(text)
    except YamlError as error:
        return ("error", error.line, error.message)


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_both_ways_agree(text):
    assert "&" not in text  # these take the fast way in, unless it finds something unusual
    assert read(text, parse_yaml) == read(text, yamltree._from_events)


ANCHORS = "YAML anchors are not allowed (&x); write the value out in full"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Composed in C, the alias would be the anchored value again, silently.
        ("a: &x hello\nb: *x\n", ("error", 1, ANCHORS)),
        ("a: &x hello\n", ("error", 1, ANCHORS)),
        (
            "text: Q&A with H&M staff\n",
            Node({"text": Node("Q&A with H&M staff", 1, key_line=1)}, 1),
        ),
    ],
    ids=["anchor and alias", "unused anchor", "ampersand in text"],
)
def test_a_text_with_an_ampersand_is_read_event_by_event(text, expected):
    assert read(text, parse_yaml) == expected


def test_every_sample_review_is_composed_in_c_and_agrees():
    if yamltree.CParser is None:
        pytest.skip("PyYAML was built without libyaml")
    files = sorted(Path(__file__).resolve().parents[2].joinpath("reviews").rglob("*.yml"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yamltree._from_composed(text) == yamltree._from_events(text), path


def test_what_the_tree_holds():
    tree = parse_yaml("title: '1:20'\nlanguage: no\ntags: [a]\nempty:\n")
    assert tree == Node(
        {
            "title": Node("1:20", 1, quoted=True, key_line=1),
            "language": Node("no", 2, key_line=2),
            "tags": Node([Node("a", 3)], 3, key_line=3),
            "empty": Node(None, 4, key_line=4),
        },
        1,
    )


# Each value's own line, and the line of the field name it belongs to, read both ways.
KEY_LINES = {
    "nested mapping": ("extra:\n  a: 1\n  b: 2\n", 2, 1),
    "block scalar": ("a: 1\nextra: |\n  First line.\n  Second.\n", 2, 2),
    "folded scalar": ("extra: >-\n  One\n  line.\n", 1, 1),
    "list": ("extra:\n  - one\n  - two\n", 2, 1),
    "list not indented": ("extra:\n- one\n", 2, 1),
    "plain text on the next line": ("extra:\n\n  words\n", 3, 1),
    "comment after the name": ("extra: # why\n  {a: 1}\n", 2, 1),
    "complex key": ("? extra\n: value\n", 2, 1),
    "quoted name": ("'extra':\n  a: 1\n", 2, 1),
}


@pytest.mark.parametrize(("text", "line", "key_line"), KEY_LINES.values(), ids=KEY_LINES.keys())
def test_a_value_knows_the_line_of_its_field_name(text, line, key_line):
    for how in (parse_yaml, yamltree._from_events):
        extra = how(text).value["extra"]
        assert (extra.line, extra.key_line) == (line, key_line), how


def test_field_names_deep_in_a_thread_keep_their_lines_both_ways():
    text = "thread:\n  - at: 2026-11-03\n    note:\n      - x\n    by:\n      Kari\n"
    for how in (parse_yaml, yamltree._from_events):
        entry = how(text).value["thread"].value[0]
        assert entry.key_line == 0  # a list item belongs to no field name
        assert {name: (node.line, node.key_line) for name, node in entry.value.items()} == {
            "at": (2, 2),
            "note": (4, 3),
            "by": (6, 5),
        }
