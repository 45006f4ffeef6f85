"""The home page's few numbers, taken from the all-time figures so both pages always agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from .figures import PeriodFigures


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


def headline_of(period: PeriodFigures) -> Headline:
    """Return the home page's numbers for one period of the figures (withheld reviews included)."""
    return Headline(
        reviews=len(period.reviews),
        rated=len(period.rated),
        average_rating=period.average_rating,
        distribution=period.distribution,
        complaints=len(period.complaints),
        complaints_answered=period.complaint_reply_rate.count,
        complaints_settled=period.outcomes["resolved"].count + period.outcomes["explained"].count,
        median_first_reply=period.first_reply.median,
    )
