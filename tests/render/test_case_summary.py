"""What a prospect sees at a glance: how each case ended on its card, a case page's summary and
title, stars that say the rating in words (in the page and in the search index), heading levels.

One small shop, built in English and in Norwegian, judged at 2026-11-03 09:00 Oslo time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW_EPOCH, build_project, content, make_project, page, review

HOSTILE_TITLE = "</title><script>window.__pwned=1</script> <b>bold</b> & more"
FIRST_WORDS = (
    "The zip on my sleeping bag broke on the first night of our trip to Lofoten, and nobody "
    "answered the phone."
)

REVIEWS = {
    "2026/2026-10-01-resolved.yml": review(
        received="2026-10-01T10:00",
        author="Kari Nordmann",
        rating="2",
        title="Boots fell apart",
        text="The sole came off after a week.",
        thread="\n  - at: 2026-10-01T13:00\n    text: So sorry, Kari. A refund is on its way.",
        outcome="\n  status: resolved\n  at: 2026-10-03\n  actions: [refund]\n  rating_after: 4",
    ),
    "2026/2026-10-02-explained.yml": review(
        channel="facebook",
        received="2026-10-02T09:00",
        author="Per Hansen",
        rating="1",
        text=FIRST_WORDS,
        thread="\n  - at: 2026-10-02T09:40\n    text: The zip is covered; here is how to claim it.",
        outcome="\n  status: explained\n  at: 2026-10-02\n  actions: [explanation]",
    ),
    "2026/2026-10-05-unresolved.yml": review(
        channel="trustpilot",
        received="2026-10-05T08:00",
        author="Siv Lund",
        rating="1",
        text="Wrong colour, twice.",
        thread="\n  - at: 2026-10-05T10:00\n    text: We are sorry; we will look into it today.",
        outcome="\n  status: unresolved\n  at: 2026-10-15",
    ),
    "2026/2026-10-12-hostile.yml": review(
        received="2026-10-12T08:00",
        author="Mallory",
        rating="3",
        title=json.dumps(HOSTILE_TITLE),
        text="Fine, mostly.",
    ),
    "2026/2026-10-10-praise.yml": review(
        received="2026-10-10T12:00", author="Ola Berg", rating="5", text="Lovely boots."
    ),
    "2026/2026-10-20-answered.yml": review(
        received="2026-10-20T08:00",
        author="Eva Lie",
        rating="2",
        text="Where is my parcel?",
        thread="\n  - at: 2026-10-20T11:00\n    text: It left today; here is the tracking.",
    ),
    "2026/2026-10-25-private.yml": review(
        channel="email",
        received="2026-10-25T08:00",
        kind="question",
        text="Can I swap the size?",
        thread="\n  - at: 2026-10-25T09:00\n    private: true\n    via: phone\n"
        "    summary: We called and swapped it.",
    ),
    "2026/2026-11-01-waiting.yml": review(
        received="2026-11-01T08:00", author="Finn Moe", rating="1", text="Never came."
    ),
}

# The card of each case: how it ended, in English and in Norwegian ("" where a card says nothing).
ENDINGS = {
    "2026-10-01-resolved": ("Resolved in 2 days · refund", "Løst på 2 døgn · refusjon"),
    "2026-10-02-explained": (
        "Explained the same day · explanation",
        "Forklart samme dag · forklaring",
    ),
    "2026-10-05-unresolved": (
        "Closed unresolved after 10 days",
        "Avsluttet uten løsning etter 10 døgn",
    ),
    "2026-10-20-answered": ("Open · answered in 3 hours", "Åpen · besvart på 3 timer"),
    "2026-10-25-private": ("Open · followed up privately", "Åpen · fulgt opp privat"),
    "2026-11-01-waiting": (
        "Unanswered since Nov\u00a01,\u00a02026",
        "Ubesvart siden 1.\u00a0nov.\u00a02026",
    ),
    "2026-10-12-hostile": (
        "Unanswered since Oct\u00a012,\u00a02026",
        "Ubesvart siden 12.\u00a0okt.\u00a02026",
    ),
    "2026-10-10-praise": ("", ""),  # a thank-you needs no outcome
}
STATUS = {
    "2026-10-01-resolved": "resolved",
    "2026-10-02-explained": "explained",
    "2026-10-05-unresolved": "unresolved",
}


def build_shop(root: Path, language: str) -> Path:
    config = f"name: Testbutikken\nlanguage: {language}\ntimezone: Europe/Oslo\nper_page: 20\n"
    make_project(root, REVIEWS, config)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_NOW_EPOCH)
        build_project(root)
    return root


@pytest.fixture(scope="module")
def shops(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("glance")
    return {language: build_shop(folder / language, language) for language in ("en", "nb")}


def cards(root: Path, url: str = "reviews") -> dict[str, object]:
    found = {}
    for card in content(page(root, url)).select(".rw-card"):
        found[card.select_one(".rw-more a")["href"].rstrip("/").split("/")[-1]] = card
    return found


def summary(root: Path, review_id: str) -> list[tuple[str, str]]:
    dl = content(page(root, f"reviews/{review_id}")).select_one("dl.rw-case-summary")
    return [(row.dt.get_text(), row.dd.get_text()) for row in dl.find_all("div", recursive=False)]


@pytest.mark.parametrize("language", ["en", "nb"])
def test_each_card_says_how_its_case_ended(shops, language):
    found = cards(shops[language])
    assert set(found) == set(ENDINGS)
    index = 0 if language == "en" else 1
    for review_id, endings in ENDINGS.items():
        ending = found[review_id].select_one(".rw-ending")
        assert (ending.get_text() if ending else "") == endings[index], review_id
        if review_id in STATUS:  # the ending keeps the status badge's colour
            badge = ending.select_one(".rw-badge")
            assert badge["class"] == ["rw-badge", f"rw-status-{STATUS[review_id]}"]


def test_the_case_summary_comes_right_under_the_title(shops):
    case = content(page(shops["en"], "reviews/2026-10-01-resolved"))
    assert case.h1.find_next_sibling().name == "dl"
    assert summary(shops["en"], "2026-10-01-resolved") == [
        ("Rating", "★★☆☆☆ 2 of 5 stars"),
        ("Status", "Resolved in 2 days"),
        ("Answered in public", "After 3 hours"),
        ("What we did", "Refund"),
        ("Rating after the case", "★★★★☆ 4 of 5 stars"),
    ]
    assert summary(shops["nb"], "2026-11-01-waiting") == [
        ("Karakter", "★☆☆☆☆ 1 av 5 stjerner"),
        ("Status", "Ubesvart siden 1.\u00a0nov.\u00a02026"),
        ("Besvart offentlig", "Ikke ennå"),
    ]
    assert summary(shops["en"], "2026-10-25-private") == [
        ("Status", "Open · followed up privately"),
        ("Answered in public", "Not yet"),
    ]
    assert summary(shops["en"], "2026-10-10-praise") == [
        ("Rating", "★★★★★ 5 of 5 stars"),
        ("Answered in public", "Not yet"),
    ]


def test_the_outcome_says_its_date_to_machines_too(shops):
    case = content(page(shops["en"], "reviews/2026-10-01-resolved"))
    when = case.select_one(".rw-step-outcome h2 time")
    assert (when["datetime"], when.get_text()) == ("2026-10-03", "Oct 3, 2026")


@pytest.mark.parametrize(
    ("review_id", "headline", "about"),
    [
        ("2026-10-01-resolved", "Boots fell apart", "Complaint on Google, Oct 1, 2026"),
        (
            "2026-10-02-explained",
            "The zip on my sleeping bag broke on the first night of our…",
            "Complaint on Facebook, Oct 2, 2026",
        ),
        ("2026-10-12-hostile", HOSTILE_TITLE, "Mixed on Google, Oct 12, 2026"),
    ],
)
def test_a_case_is_titled_by_what_it_is_about(shops, review_id, headline, about):
    soup = page(shops["en"], f"reviews/{review_id}")
    h1 = content(soup).h1
    assert h1.select_one(".rw-headline").get_text() == headline
    assert h1.select_one(".rw-about").get_text() == about
    assert soup.title.get_text() == f"{headline} · {about} · Testbutikken"
    # The date is one <time> that never breaks across lines.
    date = h1.select_one(".rw-about time")
    assert date["class"] == ["rw-nowrap"] and date.get_text() == about.split(", ", 1)[1]
    assert len(headline) <= 61 or headline == HOSTILE_TITLE


def test_hostile_titles_stay_text(shops):
    raw = (shops["en"] / "site/reviews/2026-10-12-hostile/index.html").read_text()
    h1 = re.search(r"<h1>.*?</h1>", raw, re.S).group(0)
    assert "<script>" not in h1 and "<b>" not in h1
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;" in h1
    title = re.search(r"<title>(.*?)</title>", raw, re.S).group(1)
    assert "<script>" not in title
    # Its card: the title is the card's heading, escaped.
    card = cards(shops["en"])["2026-10-12-hostile"]
    assert card.select_one("h3.rw-title").get_text() == HOSTILE_TITLE


def test_stars_say_the_rating_in_words(shops):
    stars = cards(shops["en"])["2026-11-01-waiting"].select_one(".rw-stars")
    assert stars.select_one('[aria-hidden="true"]').get_text() == "★☆☆☆☆"
    assert stars.select_one(".rw-sr").get_text(strip=True) == "1 of 5 stars"
    assert stars.get("role") is None and stars.get("aria-label") is None


def test_search_never_shows_a_one_star_complaint_as_five_stars(shops):
    index = json.loads((shops["en"] / "site/search/search_index.json").read_text())

    def text_of(review_id: str) -> str:
        entries = [d for d in index["docs"] if d["location"].startswith(f"reviews/{review_id}/")]
        assert entries, review_id
        return " ".join(d["text"] for d in entries)

    one_star = text_of("2026-11-01-waiting")
    assert "1 of 5 stars" in one_star and "★☆☆☆☆" in one_star
    assert "★★★★★" not in one_star
    five_stars = text_of("2026-10-10-praise")
    assert "5 of 5 stars" in five_stars and "★★★★★" in five_stars


@pytest.mark.parametrize("url", ["", "reviews", "reviews/complaints"])
def test_cards_skip_no_heading_level(shops, url):
    body = content(page(shops["en"], url))
    levels = [int(h.name[1]) for h in body.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    steps = [later - earlier for earlier, later in zip(levels, levels[1:], strict=False)]
    assert max(steps, default=0) <= 1, levels
    # Every card has a heading, visible when the review has a title.
    for card in body.select(".rw-card"):
        heading = card.find(re.compile(r"^h[1-6]$"))
        assert heading.name == "h3", card
    untitled = cards(shops["en"], url or "reviews").get("2026-11-01-waiting")
    if untitled is not None:
        assert untitled.select_one("h3.rw-sr").get_text() == "Complaint on Google, Nov 1, 2026"
