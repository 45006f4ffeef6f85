"""A part of site/ brought up to date in place (publish/update.py): the footer's new line set
into the pages the engine did not render, by the bytes that change where the line keeps its
length, in new files where it does not; never through a file linked elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.publish.footer import StaleLedger
from generator.publish.incremental import Plan
from generator.publish.update import PENDING, begin, commit, finish


def page(ledger: str, body: str = "") -> bytes:
    return (
        f'<html><body>{body}<footer><p class="rw-ledger">{ledger} <a href="figures/">'
        "How we count</a></p></footer></body></html>\n"
    ).encode()


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    for name in ("index.html", "reviews/a/index.html", "reviews/b/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(page("9 reviews received, 9 shown", name))
    (site / "assets").mkdir()
    (site / "assets/site.css").write_text("body {}\n")
    return site


def update(site: Path, build: Path, old: str, new: str) -> None:
    plan = Plan(docs={}, changed=[], removed=[], ledger=(old, new))
    commit(finish(begin(site, build, plan), build, plan, None))


def updated(site: Path, build: Path, new: str) -> dict[str, bool]:
    """Update every page's footer line to `new`; check each page's bytes, and return for each
    whether it is the same file as before."""
    inodes = {path: path.stat().st_ino for path in site.rglob("*.html")}
    update(site, build, "9 reviews received, 9 shown", new)
    same = {}
    for path, inode in inodes.items():
        name = path.relative_to(site).as_posix()
        assert path.read_bytes() == page(new, name)
        same[name] = path.stat().st_ino == inode
    return same


def test_a_line_of_the_same_length_is_written_over_the_old_one(site, tmp_path):
    same = updated(site, tmp_path / "build", "9 reviews received, 8 shown")
    assert all(same.values()), same  # the same files: only the line's bytes changed
    assert (site / "assets/site.css").read_text() == "body {}\n"


def test_a_longer_line_makes_each_page_anew(site, tmp_path):
    same = updated(site, tmp_path / "build", "10 reviews received, 10 shown")
    assert not any(same.values()), same
    assert not list((tmp_path / "build" / PENDING).iterdir())  # every new file moved in


def test_a_page_linked_elsewhere_is_replaced_never_written_through(site, tmp_path):
    kept = tmp_path / "kept.html"
    os.link(site / "reviews/a/index.html", kept)
    update(site, tmp_path / "build", "9 reviews received, 9 shown", "9 reviews received, 8 shown")
    assert kept.read_bytes() == page("9 reviews received, 9 shown", "reviews/a/index.html")
    assert (site / "reviews/a/index.html").read_bytes() == page(
        "9 reviews received, 8 shown", "reviews/a/index.html"
    )
    assert not (site / "reviews/a/.index.html.new").exists()


def test_the_old_line_anywhere_else_in_a_page_means_a_full_build(site, tmp_path):
    before = {path: path.read_bytes() for path in site.rglob("*.html")}
    (site / "reviews/b/index.html").write_bytes(
        page("9 reviews received, 9 shown", '<meta name="x" content="9 reviews received, 9 shown">')
    )
    before[site / "reviews/b/index.html"] = (site / "reviews/b/index.html").read_bytes()
    plan = Plan(docs={}, changed=[], removed=[], ledger=("9 reviews received, 9 shown", "x"))
    with pytest.raises(StaleLedger):
        begin(site, tmp_path / "build", plan)
    assert {path: path.read_bytes() for path in site.rglob("*.html")} == before
