"""The Atom feed, read back with feedparser: stable ids, moving `updated`, nothing withheld."""

from datetime import datetime
from urllib.parse import urljoin

import feedparser
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from tests.conftest import build_project, page
from tests.giveback_set import CONFIG, HOSTILE, KARI, PUBLISHED, REVIEWS, SITE_URL

ATOM = "{http://www.w3.org/2005/Atom}"


def read_feed(root):
    feed = feedparser.parse((root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def by_link(feed):
    return {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry for entry in feed.entries}


def test_one_entry_per_published_case_and_none_for_withheld(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    feed = read_feed(root)
    assert feed.feed.title == "Testbutikken: reviews and replies"
    assert [link.href for link in feed.feed.links] == [SITE_URL, SITE_URL + "feed.xml"]
    assert sorted(by_link(feed)) == sorted(PUBLISHED)
    raw = (root / "site" / "feed.xml").read_text(encoding="utf-8")
    for marker in ("WITHHELD", "secret", "PRIVATE-MARKER", "kari@example.com", "912 34 567"):
        assert marker not in raw


def test_entries_are_ordered_by_last_activity_and_say_who_and_how_it_ended(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    entries = read_feed(root).entries
    assert [entry.id for entry in entries] == [
        "tag:reviews.example.org,2026:reviews/2026-11-03-kari",
        "tag:reviews.example.org,2026:reviews/2026-11-01-ola",
        "tag:reviews.example.org,2026:reviews/2026-10-15-form",
    ]
    kari = entries[0]
    assert kari.title == "Never arrived · Complaint on Google, Nov 3, 2026 · Open"
    assert kari.author == "Kari N."
    assert kari.link == SITE_URL + "reviews/2026-11-03-kari/"
    # The private switch at 12:00 is the case's last move.
    assert kari.updated == "2026-11-03T12:00:00+01:00"
    assert kari.published == "2026-11-03T08:00:00+01:00"
    assert [tag.term for tag in kari.tags] == ["complaint", "google"]
    content = BeautifulSoup(kari.content[0].value, "html.parser")
    assert content.blockquote.get_text() == (
        "The parcel never came. Write to [e-mail removed] or [phone number removed]."
    )
    assert [p.get_text() for p in content.find_all("p", recursive=False)] == [
        "2 of 5 stars",
        "Never arrived",
        "Ingrid, customer service (answered after 3 hours)",
        "Hi, so sorry. I have traced the parcel.",
        "How it ended: Open",
    ]
    unanswered = BeautifulSoup(entries[2].content[0].value, "html.parser")
    assert entries[2].author == "A customer"
    assert [p.get_text() for p in unanswered.find_all("p", recursive=False)] == [
        "No public reply yet",
        "How it ended: Open",
    ]


def test_the_feed_holds_only_the_cases_that_moved_last(project, monkeypatch):
    monkeypatch.setattr("generator.render.feed.FEED_LENGTH", 2)
    root = project(REVIEWS, CONFIG)
    build_project(root)
    assert [entry.id for entry in read_feed(root).entries] == [
        "tag:reviews.example.org,2026:reviews/2026-11-03-kari",
        "tag:reviews.example.org,2026:reviews/2026-11-01-ola",
    ]


def test_hostile_text_comes_back_as_text(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    entry = by_link(read_feed(root))["2026-10-15-form"]
    assert entry.summary == HOSTILE
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.blockquote.get_text() == HOSTILE
    assert content.find("script") is None and content.find("b") is None


def test_a_reply_moves_updated_but_keeps_the_id(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    before = by_link(read_feed(root))
    reply = "  - at: 2026-11-04T09:15\n    text: The new parcel is on its way.\n"
    outcome = "outcome:\n  status: resolved\n  at: 2026-11-06\n"
    (root / "reviews/2026/2026-11-03-kari.yml").write_text(KARI + reply, encoding="utf-8")
    build_project(root)
    replied = by_link(read_feed(root))
    assert {k: e.id for k, e in replied.items()} == {k: e.id for k, e in before.items()}
    assert replied["2026-11-03-kari"].updated == "2026-11-04T09:15:00+01:00"
    assert replied["2026-11-01-ola"].updated == before["2026-11-01-ola"].updated
    (root / "reviews/2026/2026-11-03-kari.yml").write_text(KARI + reply + outcome, encoding="utf-8")
    build_project(root)
    resolved = by_link(read_feed(root))
    assert resolved["2026-11-03-kari"].id == before["2026-11-03-kari"].id
    assert resolved["2026-11-03-kari"].updated == "2026-11-06T00:00:00+01:00"
    assert resolved["2026-11-03-kari"].title.endswith("· Resolved")
    feed = read_feed(root)
    assert feed.feed.updated == "2026-11-06T00:00:00+01:00"


def test_without_site_url_links_are_relative_and_ids_still_stable(project):
    config = CONFIG.replace(f"site_url: {SITE_URL}\n", "")
    root = project(REVIEWS, config)
    build_project(root)
    first = (root / "site" / "feed.xml").read_bytes()
    tree = ElementTree.fromstring(first)
    links = [link.get("href") for link in tree.iter(f"{ATOM}link")]
    assert links == ["./"] + [f"reviews/{case}/" for case in PUBLISHED]
    ids = [element.text for element in tree.iter(f"{ATOM}id")]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 4
    build_project(root)
    assert (root / "site" / "feed.xml").read_bytes() == first


def test_every_page_links_to_the_feed_for_autodiscovery(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    for url in ("", "reviews/", "reviews/2026-11-03-kari/", "policy/", "embed/"):
        links = page(root, url).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, url
        assert links[0]["title"] == "Testbutikken: reviews and replies"
        assert urljoin(f"https://host/{url}", links[0]["href"]) == "https://host/feed.xml"


def test_updated_times_parse_as_moments(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    for entry in read_feed(root).entries:
        assert datetime.fromisoformat(entry.updated) >= datetime.fromisoformat(entry.published)
