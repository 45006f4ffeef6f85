"""The figures page's pictures: which charts it draws, each with the same numbers as a table."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal
from babel.units import format_unit
from markupsafe import Markup

from ..words.dates import site_dates
from ..words.labels import Labels
from .charts import Bar, Series, bar_chart, column_chart
from .figurecells import CellWriter
from .pages import Site


@dataclass
class Chart:
    """A picture and its text alternative: a table with a head row and body rows."""

    title: str
    svg: Markup
    head: list[str]
    rows: list[list[str]]


def make_pictures(site: Site, words: Labels) -> list[Chart]:
    """Return the rating distribution (all time) and two monthly charts (the last 12 months)."""
    dates = site_dates(site.config)
    locale = dates.locale
    months = site.months
    distribution = site.figures.all_time.distribution
    # Standalone short names ("jun", not "juni") fit twelve columns on a phone.
    short = [format_date(m.start, "LLL", locale=locale).rstrip(".") for m in months]
    long = [format_date(m.start, "MMMM y", locale=locale) for m in months]
    promise = site.config.promise.first_reply

    def hours_text(hours: float) -> str:
        # The axis counts hours, so its labels do too: '48h', not '2d'.
        return format_unit(hours, "duration-hour", length="narrow", locale=locale) if hours else "0"

    duration = CellWriter(dates, words).duration  # the same words as the figures' cells

    ratings = Chart(
        words["chart_ratings"],
        bar_chart(
            "rw-chart-ratings",
            words["chart_ratings"],
            words["chart_ratings_desc"],
            [Bar(f"{stars} ★", count, str(count)) for stars, count in distribution.items()],
        ),
        [words["rating"], words["count"]],
        [[f"{stars} ★", str(count)] for stars, count in distribution.items()],
    )
    promise_hours = promise.total_seconds() / 3600
    replies = Chart(
        words["chart_first_reply"],
        column_chart(
            "rw-chart-first-reply",
            words["chart_first_reply"],
            words["chart_first_reply_desc"].format(promise=duration(promise)),
            short,
            [
                Series(
                    words["median"],
                    "rw-series-reply",
                    tuple(
                        m.median_first_reply.total_seconds() / 3600
                        if m.median_first_reply is not None
                        else None
                        for m in months
                    ),
                )
            ],
            hours_text,
            (promise_hours, words["promise_line"].format(promise=hours_text(promise_hours))),
        ),
        [words["month"], words["median"], words["answered"]],
        [
            [name, duration(m.median_first_reply), str(m.replies)]
            for name, m in zip(long, months, strict=True)
        ],
    )
    complaints = Chart(
        words["chart_complaints"],
        column_chart(
            "rw-chart-complaints",
            words["chart_complaints"],
            words["chart_complaints_desc"],
            short,
            [
                Series(
                    words["series_received"],
                    "rw-series-received",
                    tuple(m.complaints_received for m in months),
                ),
                Series(
                    words["series_settled"],
                    "rw-series-settled",
                    tuple(m.complaints_settled for m in months),
                ),
            ],
            lambda value: format_decimal(value, locale=locale),
        ),
        [words["month"], words["series_received"], words["series_settled"]],
        [
            [name, str(m.complaints_received), str(m.complaints_settled)]
            for name, m in zip(long, months, strict=True)
        ],
    )
    return [ratings, replies, complaints]
