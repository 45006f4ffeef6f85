"""The figures page's cells: one number for one period, written for a reader, and its rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from babel.numbers import format_decimal, format_percent

from ..measure.figures import PeriodFigures, ReplyTimes, Share, days_to_outcome, first_reply_delay
from ..read.config import SiteConfig
from ..read.review import Review
from ..words.dates import DateFormatter
from ..words.labels import Labels
from .case import say_days


@dataclass
class Cell:
    """One figure for one period: the number, a detail, the page of cases behind it."""

    text: str
    detail: str = ""
    url: str | None = None
    withheld: int = 0  # reviews behind the number whose text is not published


@dataclass
class Row:
    """One figure across the periods, with the sentence that says how it is computed."""

    label: str
    how: str
    cells: list[Cell]
    sub: bool = False


@dataclass
class Section:
    """A heading on the figures page and the rows under it."""

    title: str
    rows: list[Row]


class CellWriter:
    """Writes measured numbers as cells in the site's language."""

    def __init__(self, dates: DateFormatter, words: Labels):
        self.dates = dates
        self.locale = dates.locale
        self.words = words

    def percent(self, share: Share) -> Cell:
        """Return '75 %' with '3 of 4' under it."""
        rate = share.rate
        text = format_percent(rate, locale=self.locale) if rate is not None else None
        return Cell(text or self.words["nothing_yet"], self._of(share.count, share.total))

    def _of(self, count: int, total: int) -> str:
        return self.words["share_of"].format(count=count, total=total)

    def duration(self, delta: timedelta | None) -> str:
        """Return '36 hours' or '9 days', or a dash for no time at all."""
        # Days only from two of them: 36 hours shown as '2 days' would hide a late reply.
        if delta is None:
            return self.words["nothing_yet"]
        return self.dates.duration(delta, threshold=2)

    def reply_cell(self, times: ReplyTimes | None) -> tuple[Cell, tuple[Review, ...]]:
        """Return the median time to a first reply, with the 90th percentile and the promise."""
        if times is None or not times.basis:
            return Cell(self.words["nothing_yet"]), ()
        promise = self.duration(times.promise) if times.promise else self.words["each_promise"]
        detail = self.words["reply_times"].format(
            p90=self.duration(times.p90),
            kept=times.kept.count,
            total=times.kept.total,
            promise=promise,
        )
        return Cell(self.duration(times.median), detail), times.basis

    def average(self, period: PeriodFigures) -> Cell:
        """Return '4.2 ★' with how many of the reviews had a rating."""
        if period.average_rating is None:
            return Cell(self.words["nothing_yet"])
        average = format_decimal(period.average_rating, format="0.0", locale=self.locale)
        return Cell(f"{average} ★", self._of(len(period.rated), len(period.reviews)))

    def won_back(self, period: PeriodFigures) -> Cell:
        """Return how many raised their rating, with their average before → after."""
        won = period.won_back
        if not won.count:
            return Cell("0")
        return Cell(
            format_decimal(won.count, locale=self.locale),
            self.words["won_back"].format(
                before=format_decimal(won.before, format="0.0", locale=self.locale),
                after=format_decimal(won.after, format="0.0", locale=self.locale),
            ),
        )


class Note(NamedTuple):
    """What one case adds to a figure: its words, and whether it counts for the figure or against
    it (None where the figure is no share, but an average or a median of what each case adds)."""

    text: str
    counts: bool | None = None


class NoteWriter(CellWriter):
    """Writes what one case adds to a figure, for the evidence pages."""

    def __init__(self, dates: DateFormatter, words: Labels, config: SiteConfig):
        super().__init__(dates, words)
        self.config = config

    def answered_note(self, review: Review) -> Note:
        answered = review.first_public_reply is not None
        return Note(self.words["note_answered" if answered else "note_not_answered"], answered)

    def reply_note(self, review: Review) -> Note:
        delay = first_reply_delay(review)
        late = delay > self.config.promise.first_reply_for(review.channel)
        return Note(self.duration(delay) + (f" · {self.words['note_late']}" if late else ""))

    def resolve_note(self, review: Review) -> Note:
        days = days_to_outcome(review, self.config)
        return Note(say_days(self.dates, days) if days.days > 0 else self.words["note_same_day"])

    def won_back_note(self, review: Review) -> Note:
        return Note(f"{review.rating} → {review.outcome.rating_after} ★")

    def replies_note(self, review: Review) -> Note:
        replies = len(review.public_replies)  # at most two count for it, as figures.py counts
        return Note(self.words["note_public_replies"].format(count=replies), replies <= 2)
