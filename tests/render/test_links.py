"""Page plumbing: relative links (the same as posixpath says), front matter that reads back,
and fragments rendered once."""

from __future__ import annotations

import itertools
import posixpath

import pytest
import yaml

from generator.render.renderer import Linker, Renderer, front_matter


@pytest.mark.parametrize(
    "page, target, expected",
    [
        ("", "reviews/2026-11-02-kari/", "reviews/2026-11-02-kari/"),
        ("reviews/2026-11-02-kari/", "reviews/2026-10-01-ola/", "../2026-10-01-ola/"),
        ("figures/all/answered/", "figures/", "../../"),
        ("figures/", "figures/#outcomes", "./#outcomes"),
        ("wall/", "badge.svg", "../badge.svg"),
        ("wall/", "https://example.com/a", "https://example.com/a"),
        ("wall/", "#top", "#top"),
    ],
)
def test_links_are_relative_to_the_page(page, target, expected):
    assert Linker(page)(target) == expected


def test_links_agree_with_posixpath_for_every_shape_of_path():
    parts = ["reviews", "figures", "rev", "a.b", ".hidden", "..", ".", ""]
    paths = {
        "/".join(combo) + end
        for size in range(3)
        for combo in itertools.product(parts, repeat=size)
        for end in ("", "/")
    }
    for page in paths:
        link = Linker(page)
        base = posixpath.dirname(page.rstrip("/") + "/x") if page else "."
        for target in paths:
            expected = posixpath.relpath(target or ".", base or ".")
            if target.endswith("/") and not expected.endswith("/"):
                expected += "/"
            expected = "./" if expected in (".", "./") else expected
            assert link(target) == expected, (page, target)


@pytest.mark.parametrize(
    "title",
    [
        'Kari: "quoted" # not a comment',
        "yes",
        "null",
        "- a dash",
        "* star & amp | pipe > more",
        "%percent @at `tick` !tag {brace} [bracket]",
        "emoji 🙂 æøå ÆØÅ",
        "NEL\x85here",
        "LS\u2028here",
        "bell\x07 del\x7f",
        "tab\there",
        "new\nline",
        "back\\slash",
        "  spaces around  ",
    ],
)
def test_front_matter_reads_back_exactly(title):
    meta = {"hide": ["navigation", "toc"], "search": {"exclude": True}}
    text = front_matter(title, title + " described", **meta)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    read = yaml.safe_load(text.split("---\n")[1])
    assert read == {"title": title, "description": title + " described", **meta}


def test_a_fragment_is_rendered_once_per_key_and_escaped(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "line.html").write_text(
        '{# a comment #}\n<a href="{{ href }}">{{ name }}</a>{{ rendered() }}\n', encoding="utf-8"
    )
    calls = []
    renderer = Renderer(tmp_path, rendered=lambda: calls.append(1) or "")
    hostile = '<script>alert("x")</script> '
    first = renderer.fragment("line.html", ("a", "../a/"), href="../a/", name=hostile)
    assert first == '<a href="../a/">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; </a>'
    again = renderer.fragment("line.html", ("a", "../a/"), href="../a/", name=hostile)
    assert again is first and len(calls) == 1
    other = renderer.fragment("line.html", ("a", "../../a/"), href="../../a/", name="Ola")
    assert other == '<a href="../../a/">Ola</a>' and len(calls) == 2
