"""Measure the figures the pages show, once, from the checked reviews.

Withheld reviews count in every figure: hiding a text must never improve a number.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from .review import Review


@dataclass
class Headline:
    """The few numbers on the home page."""

    reviews: int = 0
    rated: int = 0
    average_rating: float | None = None
    distribution: dict[int, int] = field(default_factory=dict)
    complaints: int = 0
    complaints_answered: int = 0
    complaints_settled: int = 0
    median_first_reply: timedelta | None = None

    @property
    def reply_rate(self) -> float | None:
        return self.complaints_answered / self.complaints if self.complaints else None

    @property
    def settled_rate(self) -> float | None:
        return self.complaints_settled / self.complaints if self.complaints else None


def first_reply_delay(review: Review) -> timedelta | None:
    """Return how long the customer waited for the first public reply, if there is one."""
    reply = review.first_public_reply
    return reply.at - review.received if reply else None


def measure_headline(reviews: list[Review]) -> Headline:
    """Return the home page's numbers for all reviews, withheld ones included."""
    ratings = [r.rating for r in reviews if r.rating is not None]
    complaints = [r for r in reviews if r.kind == "complaint"]
    delays = [d for r in reviews if (d := first_reply_delay(r)) is not None]
    counts = Counter(ratings)
    return Headline(
        reviews=len(reviews),
        rated=len(ratings),
        average_rating=round(statistics.fmean(ratings), 1) if ratings else None,
        distribution={stars: counts.get(stars, 0) for stars in range(5, 0, -1)},
        complaints=len(complaints),
        complaints_answered=sum(1 for r in complaints if r.first_public_reply),
        complaints_settled=sum(1 for r in complaints if r.status in ("resolved", "explained")),
        median_first_reply=statistics.median(delays) if delays else None,
    )
