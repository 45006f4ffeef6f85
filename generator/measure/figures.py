"""Measure the figures the pages show, once, from the checked reviews.

Withheld reviews count in every figure: hiding a text must never improve a number.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..read.config import SiteConfig
from ..read.review import KINDS, STATUSES, Review


def first_reply_delay(review: Review) -> timedelta | None:
    """Return how long the customer waited for the first public reply, if there is one."""
    reply = review.first_public_reply
    return reply.at - review.received if reply else None


# --- The /figures/ page: every figure for one period, with the reviews behind it ---------------

SETTLED = ("resolved", "explained")


@dataclass(frozen=True)
class Share:
    """`count` of the reviews in `basis` have some property; `basis` is what the share is of."""

    count: int
    basis: tuple[Review, ...]

    @property
    def total(self) -> int:
        return len(self.basis)

    @property
    def rate(self) -> float | None:
        """Return count / total from 0 to 1, or None when there is nothing to count."""
        return self.count / self.total if self.basis else None


@dataclass(frozen=True)
class ReplyTimes:
    """Time to the first public reply on one channel (channel None: all), against the promise.

    `basis` holds the reviews that got a public reply; `kept` is the share of them answered within
    their own channel's promise. `promise` is None for all channels when channels differ.
    """

    channel: str | None
    promise: timedelta | None
    basis: tuple[Review, ...]
    median: timedelta | None
    p90: timedelta | None
    kept: Share


@dataclass(frozen=True)
class Resolution:
    """Median days from receiving a complaint to the outcome's date, for settled complaints."""

    median: timedelta | None
    basis: tuple[Review, ...]


@dataclass(frozen=True)
class WonBack:
    """Customers who raised their rating after the case, and their average before and after."""

    basis: tuple[Review, ...]
    before: float | None
    after: float | None

    @property
    def count(self) -> int:
        return len(self.basis)


@dataclass
class PeriodFigures:
    """Every figure for the reviews received in one period, withheld ones included.

    Other pages may read `average_rating`, `complaint_reply_rate.rate` (0 to 1) and
    `first_reply.median` (a timedelta) for the same numbers the figures page shows.
    """

    key: str  # 'year' (the 12 months before the build) or 'all'
    since: datetime | None
    until: datetime
    reviews: tuple[Review, ...]
    by_channel: dict[str, tuple[Review, ...]]
    by_kind: dict[str, tuple[Review, ...]]
    rated: tuple[Review, ...]
    average_rating: float | None
    distribution: dict[int, int]  # stars (5 to 1) -> number of reviews
    complaints: tuple[Review, ...]
    complaint_reply_rate: Share
    reply_rate: Share
    first_reply: ReplyTimes
    first_reply_by_channel: list[ReplyTimes]
    outcomes: dict[str, Share]  # status -> share of complaints, in STATUSES order
    time_to_resolve: Resolution
    won_back: WonBack
    rule_of_two: Share
    changes: tuple[Review, ...]


@dataclass
class Figures:
    """The figures page's numbers: the last 12 months and all time."""

    year: PeriodFigures
    all_time: PeriodFigures

    @property
    def periods(self) -> list[PeriodFigures]:
        return [self.year, self.all_time]


def year_before(now: datetime) -> datetime:
    """Return the same moment one year earlier (28 February for 29 February)."""
    try:
        return now.replace(year=now.year - 1)
    except ValueError:
        return now.replace(year=now.year - 1, day=28)


def measure_figures(reviews: list[Review], config: SiteConfig, now: datetime) -> Figures:
    """Return the figures for the 12 months before `now` and for all time."""
    since = year_before(now)
    recent = [r for r in reviews if since < r.received <= now]
    return Figures(
        year=measure_period("year", recent, config, since, now),
        all_time=measure_period("all", reviews, config, None, now),
    )


def measure_period(
    key: str, reviews: list[Review], config: SiteConfig, since: datetime | None, until: datetime
) -> PeriodFigures:
    """Return every figure for these reviews (already chosen for the period), oldest first."""
    chosen = tuple(sorted(reviews, key=lambda r: (r.received, r.id)))
    rated = tuple(r for r in chosen if r.rating is not None)
    counts = Counter(r.rating for r in rated)
    complaints = tuple(r for r in chosen if r.kind == "complaint")
    answered = tuple(r for r in chosen if r.first_public_reply)
    settled = tuple(r for r in complaints if r.status in SETTLED and r.outcome.at)
    won_back = tuple(
        r for r in rated if r.outcome.rating_after and r.outcome.rating_after > r.rating
    )
    return PeriodFigures(
        key=key,
        since=since,
        until=until,
        reviews=chosen,
        by_channel=_group(chosen, lambda r: r.channel, config.channels),
        by_kind=_group(chosen, lambda r: r.kind, KINDS),
        rated=rated,
        average_rating=round(statistics.fmean(r.rating for r in rated), 1) if rated else None,
        distribution={stars: counts.get(stars, 0) for stars in range(5, 0, -1)},
        complaints=complaints,
        complaint_reply_rate=_share(complaints, lambda r: r.first_public_reply is not None),
        reply_rate=_share(chosen, lambda r: r.first_public_reply is not None),
        first_reply=measure_reply_times(answered, config, None),
        first_reply_by_channel=[
            measure_reply_times(group, config, channel)
            for channel, group in _group(answered, lambda r: r.channel, config.channels).items()
        ],
        outcomes={
            status: _share(complaints, lambda r, s=status: r.status == s) for status in STATUSES
        },
        time_to_resolve=Resolution(
            median=statistics.median(days_to_outcome(r, config) for r in settled)
            if settled
            else None,
            basis=settled,
        ),
        won_back=WonBack(
            basis=won_back,
            before=round(statistics.fmean(r.rating for r in won_back), 1) if won_back else None,
            after=round(statistics.fmean(r.outcome.rating_after for r in won_back), 1)
            if won_back
            else None,
        ),
        rule_of_two=_share(answered, lambda r: len(r.public_replies) <= 2),
        changes=tuple(r for r in chosen if r.outcome.change),
    )


def measure_reply_times(
    answered: tuple[Review, ...], config: SiteConfig, channel: str | None
) -> ReplyTimes:
    """Return median, 90th percentile and promise kept for reviews that got a public reply."""
    delays = sorted(first_reply_delay(r) for r in answered)
    promises = {config.promise.first_reply_for(r.channel) for r in answered}
    if channel is not None or not config.promise.first_reply_per_channel:
        promise = config.promise.first_reply_for(channel or "")
    else:
        promise = promises.pop() if len(promises) == 1 else None
    return ReplyTimes(
        channel=channel,
        promise=promise,
        basis=answered,
        median=statistics.median(delays) if delays else None,
        p90=percentile(delays, 90),
        kept=_share(
            answered, lambda r: first_reply_delay(r) <= config.promise.first_reply_for(r.channel)
        ),
    )


def percentile(ordered: list, percent: int):
    """Return the nearest-rank percentile of sorted values: the smallest that `percent` % reach."""
    if not ordered:
        return None
    return ordered[max(math.ceil(len(ordered) * percent / 100), 1) - 1]


def days_to_outcome(review: Review, config: SiteConfig) -> timedelta:
    """Return the whole days from the day a review was received (site time) to its outcome."""
    received = review.received.astimezone(config.timezone).date()
    return timedelta(days=(review.outcome.at - received).days)


def _share(reviews: tuple[Review, ...], test) -> Share:
    return Share(sum(1 for r in reviews if test(r)), reviews)


def _group(reviews, key, order) -> dict[str, tuple[Review, ...]]:
    """Group reviews by key in the vocabulary's order; only groups that have reviews."""
    groups: dict[str, list[Review]] = {}
    for review in reviews:
        groups.setdefault(key(review), []).append(review)
    ranked = {name: i for i, name in enumerate(order)}
    return {
        name: tuple(groups[name])
        for name in sorted(groups, key=lambda n: ranked.get(n, len(ranked)))
    }
