"""Real builds of small projects, read back as parsed HTML: home, wall, filters, case pages."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.publish.build import build
from tests.conftest import build_project, content, page, review
from tests.processes import in_a_new_interpreter, processes_that_ran

# About the format and the pages, not the service rules: judged as if it were 2026-11-03 09:00.
pytestmark = pytest.mark.usefixtures("fixed_now")

CONFIG = """\
name: Testbutikken
intro: We sell *things*.
language: en
timezone: Europe/Oslo
per_page: 2
"""

STORY = """\
channel: google
received: 2026-11-03T08:00
author: Kari Nordmann
rating: 2
verified: true
title: Never arrived <b>at all</b>
text: |
  The parcel never came. <script>window.__pwned = 1</script>

  Second paragraph.
thread:
  - at: 2026-11-03T08:47
    by: Ingrid, customer service
    text: Hi Kari, **so sorry**. I have traced the parcel.
  - at: 2026-11-03T09:30
    from: customer
    text: Thanks, <i>waiting</i>.
  - at: 2026-11-03T10:00
    private: true
    via: phone
    summary: New parcel sent.
    text: PRIVATE-MARKER called on the phone
outcome:
  status: resolved
  at: 2026-11-04
  summary: The parcel was found and delivered.
  actions: [apology, redelivery]
  rating_after: 5
  customer_said: Great service in the end.
  change: We now follow up parcels that stand still for two days.
"""

REVIEWS = {
    "2026/2026-11-03-kari.yml": STORY,
    "2026/2026-10-01-ola.yml": review(
        received="2026-10-01T12:00", author="Ola Hansen", rating="5", text="Lovely boots."
    ),
    "2026/2026-09-01-mail.yml": review(
        channel="email",
        received="2026-09-01T12:00",
        author="Per Secret",
        kind="question",
        text="Do you ship?",
    ),
    "2026/2026-08-01-hidden.yml": review(
        received="2026-08-01T12:00",
        author="Hidden Person",
        rating="1",
        consent="withheld",
        text="WITHHELD-MARKER",
    ),
    "2025/2025-05-01-old.yml": review(
        channel="facebook", received="2025-05-01T12:00", author="Siv", rating="3", text="Okay."
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import make_project

    root = make_project(tmp_path_factory.mktemp("site") / "p", REVIEWS, CONFIG)
    build_project(root)
    return root


def card_ids(soup):
    return [
        a["href"].rstrip("/").split("/")[-1] for a in content(soup).select(".rw-card .rw-more a")
    ]


def test_home_shows_name_intro_figures_and_latest(site):
    home = content(page(site, ""))
    assert home.h1.get_text() == "Testbutikken"
    assert home.select_one(".rw-intro em").get_text() == "things"
    figures = [li.get_text(" ", strip=True) for li in home.select(".rw-figures li")]
    # 5 reviews (withheld counted); ratings 2,5,1,3 -> 2.8; 2 complaints, 1 answered, 1 resolved
    assert figures == [
        "5 reviews",
        "2.8 ★ average rating",
        "50% of complaints answered in public",
        "47 minutes median time to first reply",
        "50% of complaints resolved or explained",
    ]
    rows = [tr.get_text(" ", strip=True) for tr in home.select(".rw-distribution tr")]
    assert rows == ["5 ★ 1", "4 ★ 0", "3 ★ 1", "2 ★ 1", "1 ★ 1"]
    assert card_ids(page(site, "")) == [
        "2026-11-03-kari",
        "2026-10-01-ola",
        "2026-09-01-mail",
        "2025-05-01-old",
    ]


def test_wall_is_newest_first_and_paginated(site):
    first, second = page(site, "reviews"), page(site, "reviews/page/2")
    assert card_ids(first) == ["2026-11-03-kari", "2026-10-01-ola"]
    assert card_ids(second) == ["2026-09-01-mail", "2025-05-01-old"]
    assert content(first).select_one('a[rel="next"]')["href"] == "page/2/"
    assert content(second).select_one('a[rel="prev"]')["href"] == "../../"
    assert content(second).select_one('a[rel="next"]') is None
    assert content(first).select_one(".rw-pager span").get_text() == "Page 1 of 2"


def test_card_shows_stars_channel_author_excerpts_and_badge(site):
    card = content(page(site, "reviews")).select_one(".rw-card")
    stars = card.select_one(".rw-stars")
    assert stars.select_one('[aria-hidden="true"]').get_text() == "★★☆☆☆"
    assert stars.select_one(".rw-sr").get_text(strip=True) == "2 of 5 stars"
    assert card.select_one(".rw-channel").get_text() == "Google"
    assert card.select_one("time")["datetime"] == "2026-11-03T08:00:00+01:00"
    assert card.select_one(".rw-author").get_text(" ", strip=True) == "Kari N. ✓ Verified order"
    assert card.select_one(".rw-title").get_text() == "Never arrived <b>at all</b>"
    assert (
        card.select_one(".rw-words")
        .get_text(strip=True)
        .startswith("The parcel never came. <script>window.__pwned = 1</script>")
    )
    assert card.select_one(".rw-reply-excerpt").get_text(" ", strip=True) == (
        "Ingrid, customer service, answered after 47 minutes "
        "Hi Kari, so sorry. I have traced the parcel."
    )
    assert (
        card.select_one(".rw-ending .rw-badge").get_text()
        == "Resolved in 1 day · apology, redelivery"
    )
    assert card.select_one(".rw-badge")["class"] == ["rw-badge", "rw-status-resolved"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("reviews/complaints", ["2026-11-03-kari"]),
        ("reviews/praise", ["2026-10-01-ola"]),
        ("reviews/open", ["2026-09-01-mail", "2025-05-01-old"]),  # praise needs no outcome
        ("reviews/resolved", ["2026-11-03-kari"]),
        ("reviews/channel/google", ["2026-11-03-kari", "2026-10-01-ola"]),
        ("reviews/channel/email", ["2026-09-01-mail"]),
        ("reviews/channel/facebook", ["2025-05-01-old"]),
    ],
)
def test_filters_are_static_pages(site, url, expected):
    assert card_ids(page(site, url)) == expected


def test_praise_without_an_outcome_is_no_open_case(site):
    card = next(
        c for c in content(page(site, "reviews")).select(".rw-card") if "Lovely" in c.get_text()
    )
    assert card.select(".rw-badge") == []
    case = content(page(site, "reviews/2026-10-01-ola"))
    assert case.select(".rw-step-outcome") == []
    assert [
        (c.select_one(".rw-badge").get_text(), c.select_one(".rw-badge")["class"][1])
        for c in content(page(site, "reviews/open")).select(".rw-card")
    ] == [
        ("Unanswered since Sep\u00a01,\u00a02026", "rw-status-open"),
        ("Unanswered since May\u00a01,\u00a02025", "rw-status-open"),
    ]


def test_filters_link_from_the_wall_and_only_channels_with_reviews(site):
    links = content(page(site, "reviews")).select(".rw-filters a")
    assert [(a.contents[0].strip(), a["href"]) for a in links] == [
        ("All reviews", "./"),
        ("Complaints", "complaints/"),
        ("Praise", "praise/"),
        ("Open cases", "open/"),
        ("Resolved cases", "resolved/"),
        ("Facebook", "channel/facebook/"),
        ("Google", "channel/google/"),
        ("E-mail", "channel/email/"),
    ]
    assert not (site / "site/reviews/channel/trustpilot").exists()


def test_case_page_tells_the_story(site):
    case = content(page(site, "reviews/2026-11-03-kari"))
    steps = case.select("ol.rw-timeline > li")
    assert [s["class"][1] for s in steps] == [
        "rw-step-review",
        "rw-step-reply",
        "rw-step-customer",
        "rw-step-private",
        "rw-step-outcome",
    ]
    review_step, reply, follow_up, private, outcome = steps
    assert [p.get_text() for p in review_step.select(".rw-words p")] == [
        "The parcel never came. <script>window.__pwned = 1</script>",
        "Second paragraph.",
    ]
    assert review_step.select_one(".rw-who").get_text() == "Kari N. wrote on Google"
    assert reply.select_one(".rw-who").get_text() == "Ingrid, customer service"
    assert reply.select_one(".rw-after").get_text() == "answered after 47 minutes"
    assert reply.select_one(".rw-text strong").get_text() == "so sorry"
    assert follow_up.select_one(".rw-text").get_text() == "Thanks, <i>waiting</i>."
    assert (
        private.select_one(".rw-note").get_text() == "Continued privately by phone on Nov 3, 2026."
    )
    assert private.select_one(".rw-summary").get_text(strip=True) == "New parcel sent."
    assert outcome.select_one(".rw-badge").get_text() == "Resolved"
    assert [c.get_text() for c in outcome.select(".rw-chip")] == ["Apology", "Redelivery"]
    stars = outcome.select(".rw-rating-change .rw-stars")
    assert [s.get_text() for s in stars] == ["★★☆☆☆ 2 of 5 stars", "★★★★★ 5 of 5 stars"]
    assert outcome.select_one(".rw-last-words p").get_text() == "Great service in the end."
    assert case.select_one(".rw-change p").get_text() == (
        "We now follow up parcels that stand still for two days."
    )
    scripts = [tag.get("type") for tag in case.find_all("script")]
    assert scripts in ([], ["application/ld+json"])  # structured data only, never a program
    assert case.find("b") is None and case.find("i") is None


def test_private_text_and_withheld_reviews_are_nowhere(site):
    for path in (site / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "PRIVATE-MARKER" not in text, path
            assert "WITHHELD-MARKER" not in text, path
            assert "Hidden Person" not in text, path
    assert not (site / "site/reviews/2026-08-01-hidden").exists()


def test_private_channel_reviews_show_no_name(site):
    card = content(page(site, "reviews/2026-09-01-mail"))
    assert card.select_one(".rw-who").get_text() == "A customer wrote on E-mail"
    assert "Per" not in (site / "site/reviews/2026-09-01-mail/index.html").read_text()


def test_every_published_review_has_a_case_page_and_nav_lists_no_reviews(site):
    for review_id in ("2026-11-03-kari", "2026-10-01-ola", "2026-09-01-mail", "2025-05-01-old"):
        soup = page(site, f"reviews/{review_id}")
        nav_links = [a.get("href", "") for a in soup.select("nav.md-nav a, nav.md-tabs a")]
        assert not any(re.search(r"\d{4}-\d{2}-\d{2}-", href) for href in nav_links)


def test_case_pages_are_small(site):
    sizes = [p.stat().st_size for p in (site / "site/reviews").glob("20*/index.html")]
    assert len(sizes) == 4 and max(sizes) < 20_000


def test_nothing_is_loaded_from_other_hosts(site):
    for path in (site / "site").rglob("*.html"):
        soup = page(site, path.parent.relative_to(site / "site").as_posix())
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ):
            for element in soup.find_all(tag):
                address = element.get(attribute) or ""
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preconnect" not in element.get("rel", [])
                ):
                    continue
                assert not urlparse(address).netloc, (path, address)


def test_a_check_error_builds_nothing_and_keeps_the_previous_site(site, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(site, root)
    before = (root / "site/index.html").read_bytes()
    (root / "reviews/2026/2026-10-01-ola.yml").write_text(review(rating="7"))
    project = build(root)
    assert [str(p) for p in project.problems.errors] == [
        "reviews/2026/2026-10-01-ola.yml:4: rating: expected a whole number from 1 to 5, got 7"
    ]
    assert (root / "site/index.html").read_bytes() == before


def test_zensical_builds_the_same_project(site, tmp_path):
    root = tmp_path / "z"
    shutil.copytree(site, root, ignore=shutil.ignore_patterns("site", "build"))
    build_project(root, engine="zensical")
    case = content(page(root, "reviews/2026-11-03-kari")) or page(root, "reviews/2026-11-03-kari")
    assert case.select_one(".rw-after").get_text() == "answered after 47 minutes"
    assert card_ids(page(root, "reviews/page/2")) == ["2026-09-01-mail", "2025-05-01-old"]


@in_a_new_interpreter
def test_a_large_site_rendered_on_every_core_is_the_site_rendered_on_one():
    """From SHARED_FROM pages on, a build renders its pages in several processes: the same files,
    byte for byte, as one process writes."""
    from generator.check.cores import usable_cores
    from generator.check.project import SHARED_FROM, load_project
    from generator.publish import build as pipeline
    from tests.synthetic import make_project

    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "shop", SHARED_FROM)
        project = load_project(root, cores=1)
        one, by_one = processes_that_ran(
            pipeline,
            "_render_and_write",
            lambda: pipeline.write_site_project(project, root / "one", cores=1),
        )
        every, by_every = processes_that_ran(  # as a build does
            pipeline,
            "_render_and_write",
            lambda: pipeline.write_site_project(project, root / "every"),
        )
        assert by_one == {os.getpid()}
        assert len(by_every) == usable_cores() > 1 and os.getpid() in by_every
        assert len(one.written) > SHARED_FROM and sorted(every.written) == sorted(one.written)
        assert not one.unchanged and not every.unchanged
        for path in one.written:
            assert (root / "every" / path).read_bytes() == (root / "one" / path).read_bytes(), path
        # Again, with one review gone: what other processes found unchanged is kept, its page goes.
        gone = next(r for r in project.reviews[len(project.reviews) // 2 :] if not r.withheld)
        project.reviews.remove(gone)
        again = pipeline.write_site_project(project, root / "every")
        assert f"docs/reviews/{gone.id}/index.md" in again.removed
        assert not (root / "every" / "docs" / "reviews" / gone.id / "index.md").exists()
        assert len(again.unchanged) > SHARED_FROM
        assert set(again.unchanged) | set(again.written) | set(again.removed) == set(one.written)


@in_a_new_interpreter
def test_what_is_shared_out_is_the_work_not_the_number_of_pages():
    """After one reply, a rebuild renders a few pages (memo.py keeps the rest). On a large site
    those list thousands of cases (the pages behind the figures), so they are rendered on every
    core; on a small site the same few pages are rendered here."""
    from generator.check.cores import usable_cores
    from generator.check.project import load_project
    from generator.publish import build as pipeline
    from generator.publish import inputs
    from tests.synthetic import make_project

    os.environ["SOURCE_DATE_EPOCH"] = "1798880400"  # 2027-01-02: no review in the future

    def reviewwall(root: Path, *args: str) -> str:
        command = [sys.executable, "-m", "generator", "-C", str(root), *args]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def processes_after_a_reply(root: Path) -> tuple[set[int], int]:
        build_dir = root / "build"
        new = ["new", "--channel", "google", "--received", "2027-01-01T10:00", "--rating", "2"]
        added = reviewwall(root, *new, "--author", "Kari Nordmann", "--text", "Treg levering.")
        added = added.strip().splitlines()[-1]  # the new file's path
        project = load_project(root, cores=1)
        pipeline.write_site_project(
            project, build_dir, sources=inputs.read_sources(root, build_dir)
        )
        reply = ["--by", "Kundeservice", "--at", "2027-01-01T12:00", "--text", "Takk.", "--yes"]
        reviewwall(root, "reply", added, *reply)
        project = load_project(root, cores=1)
        report, by = processes_that_ran(
            pipeline,
            "_render_and_write",
            lambda: pipeline.write_site_project(
                project, build_dir, sources=inputs.read_sources(root, build_dir)
            ),
        )
        return by, len(report.written)

    with tempfile.TemporaryDirectory() as folder:
        large, written = processes_after_a_reply(make_project(Path(folder) / "large", 2000))
        assert written < 60 and len(large) == usable_cores() > 1
        small, written = processes_after_a_reply(make_project(Path(folder) / "small", 60))
        assert written < 60 and small == {os.getpid()}
