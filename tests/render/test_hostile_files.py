"""Hostile reviews, read file by file: every page, feed, JSON, SVG and search index of the site."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.render.markup import markdown_to_text, render_markdown
from tests.conftest import build_project, content, make_project, page
from tests.hostile import hostile_reviews
from tests.sitewalk import file_dangers, site_files


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory):
    """One project of hostile reviews, built once for the module."""
    files, _ = hostile_reviews()
    root = make_project(tmp_path_factory.mktemp("hostile-files") / "project", files)
    build_project(root)
    return root


def test_no_file_of_the_site_holds_anything_that_runs(hostile_root):
    files = list(site_files(hostile_root / "site"))
    dangers = [danger for name, text in files for danger in file_dangers(name, text)]
    assert dangers == []
    names = {name for name, _ in files}
    assert {"index.html", "sitemap.xml"} <= names
    assert "search/search_index.json" in names


def test_hostile_text_shows_as_text(hostile_root):
    case = content(page(hostile_root, "reviews/2026-11-02-hostile-1"))
    words = case.select_one(".rw-step-review .rw-words").get_text()
    assert "<script>window.__pwned_" in words
    assert "{{ 7*7 }} {% if true %}evaluated{% endif %} {{ config }}" in words
    assert case.select_one(".rw-step-review .rw-title").get_text().startswith("</title><script>")
    said = case.select_one(".rw-last-words blockquote").get_text()
    assert "{{ 7*7 }}" in said and not re.search(r"(?<![\w.])49(?!\w)", said)


def test_staff_markdown_keeps_only_safe_links(hostile_root):
    case = content(page(hostile_root, "reviews/2026-11-02-hostile-1"))
    staff = case.select(
        ".rw-step-reply .rw-text, .rw-summary, .rw-step-outcome .rw-text, .rw-change"
    )
    links = [a for part in staff for a in part.find_all("a")]
    assert len(links) > 10
    assert {a.get("href", "").split(":")[0] for a in links} <= {"", "https"}
    assert {" ".join(a["rel"]) for a in links} == {"noopener"}
    found = [
        part.find_all(["script", "img", "svg", "iframe", "style", "form", "input"])
        for part in staff
    ]
    assert found == [[]] * len(staff)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "[shop](https://example.com/)",
            '<p><a href="https://example.com/" rel="noopener">shop</a></p>',
        ),
        (
            "[mail](mailto:post@example.com)",
            '<p><a href="mailto:post@example.com" rel="noopener">mail</a></p>',
        ),
        (
            "<https://example.com/a>",
            '<p><a href="https://example.com/a" rel="noopener">https://example.com/a</a></p>',
        ),
        (
            '<a href="https://example.com/" onclick="x()">x</a>',
            '<p><a href="https://example.com/" rel="noopener">x</a></p>',
        ),
        ("[x](javascript:alert(1))", '<p><a rel="noopener">x</a></p>'),
        ("[x](JaVaScRiPt:alert(1))", '<p><a rel="noopener">x</a></p>'),
        ("[x](data:text/html,hi)", '<p><a rel="noopener">x</a></p>'),
        ("[x][r]\n\n[r]: javascript:alert(1)", '<p><a rel="noopener">x</a></p>'),
        ("<javascript:alert(1)>", "<p></p>"),
        ("![x](https://example.com/a.png)", "<p></p>"),
        ("**bold** <script>alert(1)</script>", "<p><strong>bold</strong> </p>"),
        ('<svg onload="x()"></svg>ok', "<p>ok</p>"),
        ("{{ 7*7 }}", "<p>{{ 7*7 }}</p>"),
    ],
)
def test_the_sanitizer_allows_formatting_and_web_links_only(markdown, expected):
    assert render_markdown(markdown) == expected


@pytest.mark.parametrize(
    "markdown, expected",
    [
        (
            "We **fixed** it &amp; [wrote](https://example.com) to you.",
            "We fixed it & wrote to you.",
        ),
        ("| size | fits |\n|---|---|\n| M | yes |", "size fits M yes"),
        ("<script>alert(1)</script>Sorry, <b>truly</b>.", "Sorry, truly."),
        ("First.\n\n- one\n- two", "First. one two"),
        ("Tags like &lt;b&gt; stay words: 2 < 3", "Tags like <b> stay words: 2 < 3"),
    ],
)
def test_the_text_of_staff_markdown_is_what_its_page_shows(markdown, expected):
    assert markdown_to_text(markdown) == expected


def test_the_link_to_the_original_post_is_marked_as_not_ours(hostile_root):
    case = content(page(hostile_root, "reviews/2026-11-02-hostile-1"))
    link = case.select_one(".rw-source a")
    assert link["href"] == 'https://example.com/review?q=%22%3E%3Cscript%3E&x="><script>x</script>'
    assert link["rel"] == ["nofollow", "ugc", "noopener"]


def front_matters(root):
    """Return each Markdown page's front matter, by its path under build/docs/."""
    metas = {}
    docs = root / "build" / "docs"
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            metas[path.relative_to(docs).as_posix()] = yaml.safe_load(text.split("---\n", 2)[1])
    return metas


def test_page_titles_hold_no_customer_text(hostile_root):
    """Material prints a page's title unescaped (the header, the search index)."""
    metas = front_matters(hostile_root)
    assert len(metas) >= 10
    found = {
        name: meta["title"]
        for name, meta in metas.items()
        if re.search(r"[<>\"&]|__pwned_|7\*7", str(meta.get("title", "")))
    }
    assert found == {}


def test_descriptions_and_html_titles_with_customer_text_are_printed_escaped(hostile_root):
    """A case page's description and <title> quote the customer; only our theme prints them, and
    it escapes them: the head says exactly what the front matter says, as text."""
    metas = front_matters(hostile_root)
    hostile = {
        name: meta
        for name, meta in metas.items()
        if "__pwned_" in meta.get("description", "") + meta.get("html_title", "")
    }
    assert len(hostile) == 3  # the three hostile reviews' case pages
    for name, meta in hostile.items():
        soup = page(hostile_root, name.removesuffix("index.md"))
        head = soup.head
        assert head.find("meta", attrs={"name": "description"})["content"] == meta["description"]
        assert head.find("meta", property="og:description")["content"] == meta["description"]
        assert head.title.string == f"{meta['html_title']} · Testbutikken"
        assert head.find("meta", property="og:title")["content"] == meta["html_title"]
        assert head.find_all("script", string=re.compile("__pwned_")) == []
        assert head.find_all("img") == []
