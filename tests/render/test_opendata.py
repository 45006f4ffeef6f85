"""/reviews.json: exactly what the pages show, parsed back."""

import json

from tests.conftest import build_project, content, page
from tests.giveback_set import CONFIG, HOSTILE, PUBLISHED, REVIEWS, SITE_URL


def read_data(root):
    return json.loads((root / "site" / "reviews.json").read_text(encoding="utf-8"))


def test_the_file_has_a_version_the_site_and_every_published_case(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    data = read_data(root)
    assert data["version"] == 1
    assert data["site"] == {"name": "Testbutikken", "url": SITE_URL, "language": "en"}
    assert data["count"] == 3
    assert data["updated"] == "2026-11-03T12:00:00+01:00"
    assert [record["id"] for record in data["reviews"]] == PUBLISHED
    # One review per line, so a diff of two exports shows which reviews changed.
    lines = (root / "site" / "reviews.json").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line.rstrip(","))["id"] for line in lines[1:-1]] == PUBLISHED


def test_a_case_as_its_page_shows_it(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    kari = read_data(root)["reviews"][0]
    assert {key: value for key, value in kari.items() if key not in ("thread", "outcome")} == {
        "id": "2026-11-03-kari",
        "url": SITE_URL + "reviews/2026-11-03-kari/",
        "received": "2026-11-03T08:00:00+01:00",
        "updated": "2026-11-03T12:00:00+01:00",
        "channel": "google",
        "channel_label": "Google",
        "kind": "complaint",
        "rating": 2,
        "author": "Kari N.",
        "named": True,
        "verified": True,
        "language": "en",
        "title": "Never arrived",
        "text": "The parcel never came. Write to [e-mail removed] or [phone number removed].",
        "tags": [],
        "original_url": None,
    }
    assert kari["thread"] == [
        {
            "type": "reply",
            "at": "2026-11-03T11:00:00+01:00",
            "by": "Ingrid, customer service",
            "text": "Hi, so sorry. I have traced the parcel.",
            "html": "<p>Hi, <strong>so sorry</strong>. I have traced the parcel.</p>",
        },
        {
            "type": "private",
            "at": "2026-11-03T12:00:00+01:00",
            "by": None,
            "text": "We called and sent a new parcel.",
            "html": "<p>We called and sent a new parcel.</p>",
            "note": "Continued privately by phone on Nov 3, 2026.",
        },
    ]
    assert kari["outcome"] == {
        "status": "open",
        "date": None,
        "summary_html": None,
        "actions": [],
        "rating_after": None,
        "customer_said": None,
        "change_html": None,
    }
    shown = content(page(root, "reviews/2026-11-03-kari"))
    assert shown.select_one(".rw-who").get_text() == f"{kari['author']} wrote on Google"


def test_nothing_withheld_or_private_and_hostile_text_intact(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    raw = (root / "site" / "reviews.json").read_text(encoding="utf-8")
    for marker in ("WITHHELD", "secret", "PRIVATE-MARKER", "kari@example.com", "912 34 567"):
        assert marker not in raw
    form = read_data(root)["reviews"][2]
    assert form["text"] == HOSTILE
    assert form["author"] == "A customer" and form["named"] is False
    assert form["rating"] is None and form["thread"] == []


def test_a_customer_follow_up_is_signed_with_the_name_as_shown(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    ola = read_data(root)["reviews"][1]
    assert ola["author"] == "Ola H."
    assert [(entry["type"], entry["by"], entry["text"]) for entry in ola["thread"]] == [
        ("reply", "Testbutikken", "Thank you!"),
        ("customer", "Ola H.", "You're welcome."),
    ]


def test_without_site_url_case_urls_are_relative_to_the_site(project):
    root = project(REVIEWS, CONFIG.replace(f"site_url: {SITE_URL}\n", ""))
    build_project(root)
    data = read_data(root)
    assert data["site"]["url"] is None
    assert [record["url"] for record in data["reviews"]] == [f"reviews/{i}/" for i in PUBLISHED]


def test_an_empty_site_still_gives_valid_data(project):
    root = project({}, CONFIG)
    build_project(root)
    data = read_data(root)
    assert (data["count"], data["updated"], data["reviews"]) == (0, None, [])
