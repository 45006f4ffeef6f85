"""Month by month: the series the figures page draws (first replies, complaints settled)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..read.config import SiteConfig
from ..read.review import Review
from .figures import SETTLED, first_reply_delay

MONTHS = 12


@dataclass(frozen=True)
class Month:
    """One calendar month in the site's time zone."""

    start: date  # the first day of the month
    complaints_received: int
    complaints_settled: int  # complaints whose outcome (resolved or explained) fell in the month
    replies: int  # reviews received in the month that got a public reply
    median_first_reply: timedelta | None


def month_starts(now: datetime, count: int = MONTHS) -> list[date]:
    """Return the first days of the `count` months up to and including now's month, oldest first."""
    year, month = now.year, now.month
    starts = []
    for _ in range(count):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def measure_months(reviews: list[Review], config: SiteConfig, now: datetime) -> list[Month]:
    """Return the last 12 months (now's month last), counting withheld reviews too."""
    local_now = now.astimezone(config.timezone)
    starts = month_starts(local_now)

    def month_of(day: date) -> date:
        return date(day.year, day.month, 1)

    received = {start: [] for start in starts}
    settled = dict.fromkeys(starts, 0)
    for review in reviews:
        key = month_of(review.received.astimezone(config.timezone).date())
        if key in received:
            received[key].append(review)
        outcome = review.outcome
        if review.kind == "complaint" and outcome.status in SETTLED and outcome.at:
            if (key := month_of(outcome.at)) in settled:
                settled[key] += 1
    months = []
    for start in starts:
        delays = [d for r in received[start] if (d := first_reply_delay(r)) is not None]
        months.append(
            Month(
                start=start,
                complaints_received=sum(1 for r in received[start] if r.kind == "complaint"),
                complaints_settled=settled[start],
                replies=len(delays),
                median_first_reply=statistics.median(delays) if delays else None,
            )
        )
    return months
