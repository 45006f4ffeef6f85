"""JSON-LD on the home page and case pages: valid JSON even when the text is hostile."""

import json

from tests.conftest import build_project, page
from tests.giveback_set import CONFIG, HOSTILE, REVIEWS, SITE_URL

SCRIPT_BREAKER = "</script><script>window.__pwned=1</script>"
ORGANIZATION = {"@type": "Organization", "name": "Testbutikken", "url": SITE_URL}


def blocks(soup):
    """Return every JSON-LD block of a page, parsed."""
    return [
        json.loads(script.string)
        for script in soup.find_all("script", attrs={"type": "application/ld+json"})
    ]


def test_home_has_the_organization_with_its_aggregate_rating(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    assert blocks(page(root, "")) == [
        {
            "@context": "https://schema.org",
            **ORGANIZATION,
            "aggregateRating": {
                "@type": "AggregateRating",
                "ratingValue": 2.7,
                "ratingCount": 3,
                "reviewCount": 4,
                "bestRating": 5,
                "worstRating": 1,
            },
        }
    ]


def test_without_ratings_home_has_no_aggregate_rating(project):
    reviews = {"2026/2026-10-15-form.yml": REVIEWS["2026/2026-10-15-form.yml"]}
    root = project(reviews, CONFIG.replace(f"site_url: {SITE_URL}\n", ""))
    build_project(root)
    assert blocks(page(root, "")) == [
        {"@context": "https://schema.org", "@type": "Organization", "name": "Testbutikken"}
    ]


def test_a_case_is_a_review_with_the_first_public_reply_as_a_comment(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    assert blocks(page(root, "reviews/2026-11-03-kari")) == [
        {
            "@context": "https://schema.org",
            "@type": "Review",
            "itemReviewed": ORGANIZATION,
            "datePublished": "2026-11-03",
            "reviewBody": "The parcel never came. Write to [e-mail removed] or "
            "[phone number removed].",
            "inLanguage": "en",
            "name": "Never arrived",
            "url": SITE_URL + "reviews/2026-11-03-kari/",
            "author": {"@type": "Person", "name": "Kari N."},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 2,
                "bestRating": 5,
                "worstRating": 1,
            },
            "comment": {
                "@type": "Comment",
                "text": "Hi, so sorry. I have traced the parcel.",
                "dateCreated": "2026-11-03T11:00:00+01:00",
                "author": ORGANIZATION,
            },
        }
    ]


def test_an_anonymous_unrated_unanswered_case_has_no_author_rating_or_comment(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    [review] = blocks(page(root, "reviews/2026-10-15-form"))
    assert review["reviewBody"] == HOSTILE
    assert not {"author", "reviewRating", "comment", "name"} & set(review)


def test_script_breaking_text_stays_inside_its_json(project):
    hostile = REVIEWS["2026/2026-11-03-kari.yml"].replace(
        "title: Never arrived", f"title: '{SCRIPT_BREAKER}'"
    )
    hostile = hostile.replace(
        "text: Hi, **so sorry**. I have traced the parcel.",
        f"text: 'Hi {SCRIPT_BREAKER} & <!-- sorry'",
    )
    hostile = hostile.replace('text: "The parcel never came.', f'text: "{SCRIPT_BREAKER} <!--')
    root = project({"2026/2026-11-03-kari.yml": hostile}, CONFIG)
    build_project(root)
    soup = page(root, "reviews/2026-11-03-kari")
    [review] = blocks(soup)
    assert review["name"] == SCRIPT_BREAKER
    assert review["reviewBody"].startswith(f"{SCRIPT_BREAKER} <!-- Write to [e-mail removed]")
    assert review["comment"]["text"] == "Hi & <!-- sorry"
    scripts = [script.string or "" for script in soup.find_all("script")]
    assert not [code for code in scripts if code.startswith("window.__pwned")]
    raw = (root / "site/reviews/2026-11-03-kari/index.html").read_text(encoding="utf-8")
    ld = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld and ">" not in ld and "&" not in ld
