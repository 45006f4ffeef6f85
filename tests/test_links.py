"""Links between pages are relative, so a site works under any path; the same as posixpath says."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.render import Linker, relative_url


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
    assert relative_url(page, target) == expected


def test_links_agree_with_posixpath_for_every_shape_of_path():
    parts = ["reviews", "figures", "a", "..", ".", ""]
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
