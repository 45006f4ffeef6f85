"""Every boundary of the figures, tested on both sides, against numbers worked out by hand.

Each case is a tiny project of its own: a figure at its limit (two public replies, a reply
exactly at the promise, a review received exactly twelve months before) and just past it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from generator.check.project import load_project
from generator.measure.figures import measure_figures, percentile
from tests.check.test_rules import OTHER, thread
from tests.conftest import BASE_CONFIG, review

# 2026-11-23 13:00 in Oslo; the year before it starts after 2025-11-23 13:00 Oslo time.
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=30)  # the files are checked then, so none is in the future
H = timedelta(hours=1)
M = timedelta(minutes=1)
S = timedelta(seconds=1)
D = timedelta(days=1)
FILE = "2026/2026-11-03-kari.yml"  # review()'s default: received 2026-11-03 08:00 Oslo time


def figures_of(project, reviews: dict[str, str], config: str = BASE_CONFIG):
    root = project(reviews=reviews, config=config)
    loaded = load_project(root, LATER)
    assert not loaded.problems.errors, [str(p) for p in loaded.problems]
    return measure_figures(loaded.reviews, loaded.config, NOW)


# --- Rule of two: two public replies keep it, three break it ------------------------------------


@pytest.mark.parametrize(
    ("entries", "kept"),
    [
        (("business 09:00",), 1),
        (("business 09:00", "customer 10:00 Still here.", "business 11:00 " + OTHER), 1),
        (("business 09:00", "business 11:00 " + OTHER, "private 12:00"), 1),
        (("business 09:00", "business 10:00 " + OTHER, "business 11:00 A third note."), 0),
    ],
    ids=["one", "two", "two then private", "three"],
)
def test_rule_of_two_counts_threads_with_at_most_two_public_replies(project, entries, kept):
    figure = figures_of(project, {FILE: review(thread=thread(*entries))}).year
    assert (figure.rule_of_two.count, figure.rule_of_two.total) == (kept, 1)


# --- The promise: a reply exactly at it is on time, a second later is late ----------------------

ONE_HOUR = BASE_CONFIG + "promise:\n  first_reply: 1h\n"


@pytest.mark.parametrize(
    ("at", "delay", "kept"),
    [
        ("08:00", 0 * H, 1),  # at the moment the review came in
        ("08:59:59", H - S, 1),
        ("09:00", H, 1),  # exactly the promise
        ("09:00:01", H + S, 0),
        ("09:01", H + M, 0),
    ],
)
def test_a_reply_exactly_at_the_promise_keeps_it(project, at, delay, kept):
    times = figures_of(project, {FILE: review(thread=thread(f"business {at}"))}, ONE_HOUR)
    first = times.year.first_reply
    assert (first.median, first.p90, first.promise) == (delay, delay, H)
    assert (first.kept.count, first.kept.total) == (kept, 1)
    [google] = times.year.first_reply_by_channel
    assert (google.channel, google.kept.count, google.kept.total) == ("google", kept, 1)


def test_each_channel_is_held_to_its_own_promise_to_the_second(project):
    config = ONE_HOUR + "  first_reply_per_channel:\n    email: 2h\n"
    reviews = {
        FILE: review(thread=thread("business 09:00:01")),  # google: a second late
        "2026/2026-11-03-ola.yml": review(
            channel="email", kind="question", thread=thread("business 10:00")
        ),  # e-mail: exactly its 2 hours
    }
    figure = figures_of(project, reviews, config).year
    assert (figure.first_reply.kept.count, figure.first_reply.kept.total) == (1, 2)
    assert figure.first_reply.promise is None  # the channels' promises differ
    found = {t.channel: (t.kept.count, t.promise) for t in figure.first_reply_by_channel}
    assert found == {"google": (0, H), "email": (1, 2 * H)}


def test_the_promise_shown_is_the_one_every_answered_review_had(project):
    config = ONE_HOUR + "  first_reply_per_channel:\n    email: 2h\n"
    reviews = {
        FILE: review(thread=thread("business 09:00")),
        "2026/2026-11-03-ola.yml": review(channel="email", kind="question"),  # no reply yet
    }
    first = figures_of(project, reviews, config).year.first_reply
    assert (first.promise, first.kept.count, first.kept.total) == (H, 1, 1)


# --- Medians of an even count and percentiles at a rank --------------------------------------


def test_median_of_an_even_count_is_halfway_between_the_middle_two(project):
    reviews = {
        "2026/2026-11-03-a.yml": review(thread=thread("business 09:00")),  # 1 h
        "2026/2026-11-03-b.yml": review(thread=thread("business 10:00 " + OTHER)),  # 2 h
    }
    first = figures_of(project, reviews).year.first_reply
    assert (first.median, first.p90) == (90 * M, 2 * H)  # the 90th of two is the second


def test_ninetieth_percentile_of_ten_replies_is_the_ninth(project):
    reviews = {
        f"2026/2026-11-03-r{hours:02d}.yml": review(thread=thread(f"business {8 + hours:02d}:00"))
        for hours in range(1, 11)
    }
    first = figures_of(project, reviews).year.first_reply
    assert (first.median, first.p90) == (5.5 * H, 9 * H)


@pytest.mark.parametrize(
    ("values", "percent", "expected"),
    [
        (list(range(1, 11)), 90, 9),  # rank 9.0 exactly: the 9th
        (list(range(1, 12)), 90, 10),  # rank 9.9: the 10th
        (list(range(1, 21)), 90, 18),  # rank 18.0
        (list(range(1, 21)), 91, 19),  # rank 18.2
        ([1, 2], 50, 1),  # rank 1.0
        ([1, 2, 3], 50, 2),  # rank 1.5
        ([1, 2, 3, 4], 75, 3),  # rank 3.0
        ([1, 2, 3, 4], 76, 4),  # rank 3.04
        ([1, 2, 3], 100, 3),
        (list(range(1, 201)), 100, 200),  # the largest, however many there are
        ([1, 2, 3], 1, 1),  # rank 0.03: the first
        ([1, 2, 3], 0, 1),  # rank 0: still the first, never the last
    ],
)
def test_percentile_takes_the_smallest_value_that_reaches_the_rank(values, percent, expected):
    assert percentile(values, percent) == expected


# --- Time to resolve: whole days in site time ------------------------------------------------


@pytest.mark.parametrize(
    ("received", "at", "days"),
    [
        ("2026-11-03T08:00", "2026-11-03", 0),  # the same day
        ("2026-11-03T08:00", "2026-11-04", 1),
        ("2026-11-03T23:59", "2026-11-04", 1),  # a minute before midnight is still that day
        ("2026-11-02T23:30:00+00:00", "2026-11-04", 1),  # 00:30 on 3 November in Oslo
    ],
)
def test_time_to_resolve_counts_days_from_the_day_received(project, received, at, days):
    text = review(received=received, rating="1") + f"outcome:\n  status: resolved\n  at: {at}\n"
    name = f"2026/{received[:10]}-kari.yml"
    figure = figures_of(project, {name: text}).year
    assert figure.time_to_resolve.median == days * D


def test_median_time_to_resolve_of_an_even_count(project):
    def resolved(at):
        return review(rating="1") + f"outcome:\n  status: explained\n  at: {at}\n"

    reviews = {
        "2026/2026-11-03-a.yml": resolved("2026-11-03"),
        "2026/2026-11-03-b.yml": resolved("2026-11-06"),
    }
    assert figures_of(project, reviews).year.time_to_resolve.median == 1.5 * D


# --- Ratings won back: only a higher rating after -----------------------------------------------


@pytest.mark.parametrize(("rating", "after", "won"), [(2, 2, 0), (2, 3, 1), (3, 2, 0)])
def test_a_rating_won_back_is_a_higher_one(project, rating, after, won):
    text = review(rating=str(rating)) + f"outcome:\n  status: resolved\n  rating_after: {after}\n"
    assert figures_of(project, {FILE: text}).year.won_back.count == won


# --- The last 12 months: after the moment a year before, up to and including now ----------------


def test_the_year_excludes_its_first_moment_and_includes_its_last(project):
    reviews = {
        "2025/2025-11-23-start.yml": review(received="2025-11-23T13:00"),  # exactly a year
        "2025/2025-11-23-second.yml": review(received="2025-11-23T13:00:01"),
        "2026/2026-11-23-now.yml": review(received="2026-11-23T13:00"),  # exactly now
        "2026/2026-11-23-after.yml": review(received="2026-11-23T13:00:01"),
    }
    figures = figures_of(project, reviews)
    assert figures.year.since == datetime(2025, 11, 23, 12, 0, tzinfo=UTC)
    assert [r.id for r in figures.year.reviews] == ["2025-11-23-second", "2026-11-23-now"]
    assert [r.id for r in figures.all_time.reviews] == [
        "2025-11-23-start",
        "2025-11-23-second",
        "2026-11-23-now",
        "2026-11-23-after",
    ]


def test_each_period_says_what_it_covers(project):
    reviews = {
        FILE: review(rating="1"),
        "2026/2026-11-03-ola.yml": review(rating="5"),
        "2024/2024-11-03-per.yml": review(received="2024-11-03T08:00", rating="2"),
    }
    figures = figures_of(project, reviews)
    assert [(p.key, p.since, p.until) for p in figures.periods] == [
        ("year", datetime(2025, 11, 23, 12, 0, tzinfo=UTC), NOW),
        ("all", None, NOW),
    ]
    assert [[r.id for r in p.complaints] for p in figures.periods] == [
        ["2026-11-03-kari"],
        ["2024-11-03-per", "2026-11-03-kari"],
    ]


# --- Empty and rounded: no rating at all, averages to one decimal -------------------------------


def test_a_period_without_a_rating_has_no_average(project):
    figure = figures_of(project, {FILE: review(channel="email", kind="question")}).year
    assert (figure.average_rating, figure.rated) == (None, ())
    assert figure.distribution == {5: 0, 4: 0, 3: 0, 2: 0, 1: 0}
    assert (figure.won_back.count, figure.won_back.before, figure.won_back.after) == (0, None, None)


def test_averages_are_rounded_to_one_decimal(project):
    def won_back(rating, after):
        outcome = f"outcome:\n  status: resolved\n  rating_after: {after}\n"
        return review(rating=str(rating)) + outcome

    reviews = {
        "2026/2026-11-03-a.yml": won_back(1, 4),
        "2026/2026-11-03-b.yml": won_back(1, 4),
        "2026/2026-11-03-c.yml": won_back(2, 5),
    }
    figure = figures_of(project, reviews).year
    assert figure.average_rating == 1.3  # 4 / 3
    assert (figure.won_back.before, figure.won_back.after) == (1.3, 4.3)  # 4 / 3 and 13 / 3
