"""Evidence pages state the figure they back, and mark each case for or against it in words.

Built from tests/figure_set.py at its fixed NOW, in English and in Norwegian; letters name the
reviews as there. D is withheld: counted in every figure, listed on no page.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from generator.publish.build import build
from generator.render.case import say_days
from generator.words.dates import DateFormatter
from tests.conftest import content, make_project, page
from tests.figure_set import CONFIG, NOW, REVIEWS
from tests.measure.test_figures import IDS

LETTERS = {review_id: letter for letter, review_id in IDS.items()}


def build_figure_set(root: Path, language: str) -> Path:
    config = CONFIG.replace("language: en", f"language: {language}")
    make_project(root, REVIEWS, config)
    project = build(root, now=NOW)
    assert not project.problems.errors, [str(p) for p in project.problems]
    return root


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> Path:
    return build_figure_set(tmp_path_factory.mktemp("marks") / "en", "en")


@pytest.fixture(scope="module")
def norwegian(tmp_path_factory) -> Path:
    return build_figure_set(tmp_path_factory.mktemp("marks") / "nb", "nb")


def figure_line(root: Path, url: str) -> str:
    return content(page(root, f"figures/{url}")).select_one(".rw-evidence-figure").get_text()


def marks(root: Path, url: str) -> list[tuple[str, str]]:
    """Return (letter, what the case's mark says) for each listed case, in the page's order."""
    found = []
    for li in content(page(root, f"figures/{url}")).select("ul.rw-evidence-list > li"):
        review_id = re.fullmatch(r"(?:\.\./)+reviews/([^/]+)/", li.a["href"]).group(1)
        mark = li.select_one(".rw-mark")
        found.append((LETTERS[review_id], mark.get_text() if mark else ""))
    return found


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("year/complaints-answered/", "Last 12 months: 80% (4 of 5)"),
        ("all/complaints-answered/", "All time: 83% (5 of 6)"),
        ("year/outcome-open/", "Last 12 months: 20% (1 of 5)"),
        ("year/average/", "Last 12 months: 2.2 ★ (6 of 8)"),
        ("year/received/", "Last 12 months: 8"),
        ("year/time-to-resolve/", "Last 12 months: 4 days"),
        ("all/won-back/", "All time: 2 (on average 1.5 → 4.5 ★)"),
        ("year/rule-of-two/", "Last 12 months: 80% (4 of 5)"),
        (
            "year/first-reply/",
            "Last 12 months: 2 hours (9 in 10 within 36 hours · 4 of 5 within the promise of "
            "each channel's own)",
        ),
    ],
)
def test_an_evidence_page_states_its_figure_as_the_figures_page_shows_it(english, url, sentence):
    assert figure_line(english, url) == sentence
    value = content(page(english, f"figures/{url}")).select_one(".rw-evidence-figure strong")
    shown = content(page(english, "figures/")).select_one(f'a.rw-figure-value[href="{url}"]')
    assert value.get_text() == shown.get_text(strip=True)


def test_each_complaint_counts_for_or_against_the_reply_rate_in_words(english):
    assert marks(english, "year/complaints-answered/") == [
        ("C", "✓ Counts for the figure"),
        ("B", "✓ Counts for the figure"),
        ("A", "✓ Counts for the figure"),
        ("E", "✗ Counts against the figure"),
    ]
    body = content(page(english, "figures/year/complaints-answered/"))
    # The ticks are for the eye only; the words say it, and not in colour alone.
    assert [m.get_text() for m in body.select(".rw-mark [aria-hidden='true']")] == ["✓ "] * 3 + [
        "✗ "
    ]
    assert [m["class"] for m in body.select(".rw-mark")][-1] == ["rw-mark", "rw-mark-against"]
    notes = [li.select_one(".rw-evidence-note").get_text() for li in body.select("li")]
    assert notes == ["answered in public"] * 3 + ["not answered in public"]
    # D is withheld: counted in the 5, listed nowhere.
    assert body.select_one(".rw-withheld-note").get_text() == (
        "Withheld and removed reviews counted here too (their text is not published): 1."
    )


def test_a_thread_with_three_public_replies_counts_against_the_rule_of_two(english):
    assert marks(english, "year/rule-of-two/") == [
        ("G", "✗ Counts against the figure"),
        ("C", "✓ Counts for the figure"),
        ("B", "✓ Counts for the figure"),
        ("A", "✓ Counts for the figure"),
    ]


@pytest.mark.parametrize("url", ["year/time-to-resolve/", "year/first-reply/", "all/won-back/"])
def test_medians_and_averages_mark_no_side_but_say_what_each_case_adds(english, url):
    body = content(page(english, f"figures/{url}"))
    assert body.select(".rw-mark") == []
    assert all(li.select_one(".rw-evidence-note").get_text() for li in body.select("li"))


def test_a_median_lists_each_cases_time(english):
    body = content(page(english, "figures/all/time-to-resolve/"))
    notes = [li.select_one(".rw-evidence-note").get_text() for li in body.select("li")]
    assert notes == ["10 days", "9 days", "2 days", "4 days"]


def test_the_average_lists_each_cases_rating(english):
    body = content(page(english, "figures/year/average/"))
    lines = [
        li.select_one(".rw-evidence-about").get_text(" ", strip=True) for li in body.select("li")
    ]
    assert lines[0] == "Mixed on Google, Jun 1, 2026 · Guro L. · 3 ★ · Open"
    assert [line.split(" · ")[2] for line in lines] == ["3 ★", "2 ★", "1 ★", "1 ★", "5 ★"]


def test_evidence_pages_say_it_in_norwegian(norwegian):
    assert figure_line(norwegian, "year/complaints-answered/") == (
        "Siste 12 måneder: 80\u00a0% (4 av 5)"
    )
    assert marks(norwegian, "year/complaints-answered/")[-1] == ("E", "✗ Teller mot tallet")
    assert marks(norwegian, "year/complaints-answered/")[0] == ("C", "✓ Teller for tallet")
    assert figure_line(norwegian, "year/time-to-resolve/") == "Siste 12 måneder: 4 døgn"


@pytest.mark.parametrize(
    ("days", "english", "norwegian"),
    [
        (1, "1 day", "1 døgn"),
        (2, "2 days", "2 døgn"),
        (6, "6 days", "6 døgn"),
        (13, "13 days", "13 døgn"),
        (14, "2 weeks", "2 uker"),
        (20, "3 weeks", "3 uker"),
    ],
)
def test_whole_days_are_said_in_days_never_in_hours(days, english, norwegian):
    delta = timedelta(days=days)
    assert say_days(DateFormatter("en", NOW.tzinfo), delta) == english
    assert say_days(DateFormatter("nb", NOW.tzinfo), delta) == norwegian
