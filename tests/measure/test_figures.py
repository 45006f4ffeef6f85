"""Every figure of both periods against numbers worked out by hand from tests/figure_set.py.

The expected values below are written out, never recomputed with the code under test. Letters
name the reviews as in figure_set.py (A boots, B late, C refund, D secret (withheld), E waiting,
F praise, G chatty, J question; H old and I phone are older than 12 months).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.check.project import load_project
from generator.measure.figures import percentile, year_before
from generator.measure.ledger import measure_ledger
from generator.measure.trends import measure_months
from tests.figure_set import CONFIG, NOW, REVIEWS

H = timedelta(hours=1)
D = timedelta(days=1)
IDS = {
    "A": "2026-11-01-boots",
    "B": "2026-10-01-late",
    "C": "2026-09-01-refund",
    "D": "2026-08-01-secret",
    "E": "2026-11-20-waiting",
    "F": "2026-11-22-praise",
    "G": "2026-06-01-chatty",
    "J": "2026-07-01-question",
    "H": "2025-06-01-old",
    "I": "2025-03-03-phone",
}


def ids(letters: str) -> set[str]:
    return {IDS[letter] for letter in letters}


def of(reviews) -> set[str]:
    return {r.id for r in reviews}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from tests.conftest import make_project

    root = make_project(tmp_path_factory.mktemp("figures"), REVIEWS, CONFIG)
    loaded = load_project(root, NOW)
    assert not loaded.problems.errors, [str(p) for p in loaded.problems]
    return loaded


@pytest.fixture(scope="module")
def figures(project):
    from generator.measure.figures import measure_figures

    return measure_figures(project.reviews, project.config, NOW)


# Per period: (year, all time)
PERIODS = ["year", "all_time"]


@pytest.mark.parametrize(
    ("period", "reviews", "channels", "kinds"),
    [
        (
            "year",
            "ABCDEFGJ",
            {"google": "ADEG", "facebook": "BF", "email": "CJ"},
            {"complaint": "ABCDE", "mixed": "G", "praise": "F", "question": "J"},
        ),
        (
            "all_time",
            "ABCDEFGJHI",
            {"google": "ADEGH", "facebook": "BFI", "email": "CJ"},
            {"complaint": "ABCDEI", "mixed": "G", "praise": "FH", "question": "J"},
        ),
    ],
)
def test_reviews_received_per_channel_and_kind(figures, period, reviews, channels, kinds):
    figure = getattr(figures, period)
    assert of(figure.reviews) == ids(reviews)
    assert {c: of(group) for c, group in figure.by_channel.items()} == {
        c: ids(letters) for c, letters in channels.items()
    }
    assert list(figure.by_channel) == ["facebook", "google", "email"]  # site_config order
    assert {k: of(group) for k, group in figure.by_kind.items()} == {
        k: ids(letters) for k, letters in kinds.items()
    }


def test_year_starts_twelve_months_before_now(figures):
    assert figures.year.since.isoformat() == "2025-11-23T12:00:00+00:00"
    assert year_before(NOW.replace(year=2028, month=2, day=29)).isoformat().startswith("2027-02-28")


@pytest.mark.parametrize(
    ("period", "average", "rated", "distribution"),
    [
        ("year", 2.2, "ABDEFG", {5: 1, 4: 0, 3: 1, 2: 1, 1: 3}),  # 13 / 6
        ("all_time", 2.5, "ABDEFGHI", {5: 2, 4: 0, 3: 1, 2: 2, 1: 3}),  # 20 / 8
    ],
)
def test_average_and_distribution(figures, period, average, rated, distribution):
    figure = getattr(figures, period)
    assert figure.average_rating == average
    assert of(figure.rated) == ids(rated)
    assert figure.distribution == distribution


@pytest.mark.parametrize(
    ("period", "complaints", "complaint_rate", "reviews", "all_rate"),
    [
        ("year", (4, 5), 0.8, (5, 8), 0.625),  # E unanswered; E, F, J unanswered
        ("all_time", (5, 6), 5 / 6, (7, 10), 0.7),
    ],
)
def test_reply_rates(figures, period, complaints, complaint_rate, reviews, all_rate):
    figure = getattr(figures, period)
    share = figure.complaint_reply_rate
    assert (share.count, share.total) == complaints
    assert share.rate == pytest.approx(complaint_rate)
    assert (figure.reply_rate.count, figure.reply_rate.total) == reviews
    assert figure.reply_rate.rate == pytest.approx(all_rate)


@pytest.mark.parametrize(
    ("period", "overall", "per_channel"),
    [
        # year: 1, 2, 2, 30, 36 h; kept: all but B (30 h > 24 h); C's 36 h is within e-mail's 48 h
        (
            "year",
            (2 * H, 36 * H, (4, 5), "ABCDG"),
            {
                "google": (2 * H, 2 * H, (3, 3), 24 * H),
                "facebook": (30 * H, 30 * H, (0, 1), 24 * H),
                "email": (36 * H, 36 * H, (1, 1), 48 * H),
            },
        ),
        # all time adds H (1 h, google) and I (48 h, facebook, late)
        (
            "all_time",
            (2 * H, 48 * H, (5, 7), "ABCDGHI"),
            {
                "google": (1.5 * H, 2 * H, (4, 4), 24 * H),
                "facebook": (39 * H, 48 * H, (0, 2), 24 * H),
                "email": (36 * H, 36 * H, (1, 1), 48 * H),
            },
        ),
    ],
)
def test_first_reply_times_and_promise_kept(figures, period, overall, per_channel):
    figure = getattr(figures, period)
    median, p90, kept, basis = overall
    times = figure.first_reply
    assert (times.median, times.p90) == (median, p90)
    assert (times.kept.count, times.kept.total) == kept
    assert of(times.basis) == ids(basis)
    assert times.promise is None  # the channels' promises differ: each is judged by its own
    found = {
        t.channel: (t.median, t.p90, (t.kept.count, t.kept.total), t.promise)
        for t in figure.first_reply_by_channel
    }
    assert found == per_channel


@pytest.mark.parametrize(
    ("period", "shares", "resolve", "settled"),
    [
        # A, C resolved; B explained; D unresolved; E open. Days: A 4, B 2, C 9.
        ("year", {"open": (1, 5), "resolved": (2, 5), "explained": (1, 5), "unresolved": (1, 5)},
         4 * D, "ABC"),
        # I resolved in 10 days: 2, 4, 9, 10 → 6.5 days
        ("all_time",
         {"open": (1, 6), "resolved": (3, 6), "explained": (1, 6), "unresolved": (1, 6)},
         6.5 * D, "ABCI"),
    ],
)  # fmt: skip
def test_outcomes_and_time_to_resolve(figures, period, shares, resolve, settled):
    figure = getattr(figures, period)
    assert list(figure.outcomes) == ["open", "resolved", "explained", "unresolved"]
    assert {s: (share.count, share.total) for s, share in figure.outcomes.items()} == shares
    assert figure.time_to_resolve.median == resolve
    assert of(figure.time_to_resolve.basis) == ids(settled)


@pytest.mark.parametrize(
    ("period", "won", "before", "after"),
    [("year", "A", 1.0, 4.0), ("all_time", "AI", 1.5, 4.5)],  # B's rating after is the same
)
def test_ratings_won_back(figures, period, won, before, after):
    won_back = getattr(figures, period).won_back
    assert (of(won_back.basis), won_back.count) == (ids(won), len(won))
    assert (won_back.before, won_back.after) == (before, after)


@pytest.mark.parametrize(
    ("period", "rule", "changes"),
    [("year", (4, 5), "ACD"), ("all_time", (6, 7), "ACDI")],  # G has three public replies
)
def test_rule_of_two_and_changes(figures, period, rule, changes):
    figure = getattr(figures, period)
    assert (figure.rule_of_two.count, figure.rule_of_two.total) == rule
    assert of(figure.changes) == ids(changes)


def test_ledger_reconciles_with_the_files(project):
    ledger = measure_ledger(project.reviews, project.config)
    files = sorted(project.config.reviews_dir.rglob("*.yml"))
    assert ledger.received == len(files) == 10
    # Named: A B E F G H I; without a name: C (e-mail, anonymous by default), J (no author).
    assert (ledger.shown_in_full, ledger.shown_without_name) == (7, 2)
    assert (ledger.withheld, ledger.withheld_private, ledger.withheld_public) == (1, 0, 1)
    assert ledger.shown_in_full + ledger.shown_without_name + ledger.withheld == len(files)


def test_months_count_complaints_and_reply_times(project):
    months = measure_months(project.reviews, project.config, NOW)
    assert [m.start for m in months][0] == date(2025, 12, 1)
    assert [m.start for m in months][-1] == date(2026, 11, 1)
    by_month = {
        m.start.month: (m.complaints_received, m.complaints_settled, m.median_first_reply)
        for m in months
        if m.complaints_received or m.complaints_settled or m.median_first_reply
    }
    assert by_month == {
        6: (0, 0, 2 * H),  # G
        8: (1, 0, 1 * H),  # D received; unresolved is not settled
        9: (1, 1, 36 * H),  # C
        10: (1, 1, 30 * H),  # B
        11: (2, 1, 2 * H),  # A and E received, A resolved; E has no reply yet
    }


@pytest.mark.parametrize(
    ("values", "percent", "expected"),
    [([], 90, None), ([5], 90, 5), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9), ([1, 2], 50, 1)],
)
def test_percentile_is_nearest_rank(values, percent, expected):
    assert percentile(values, percent) == expected
