"""Dates and durations in the site's language and time zone (Babel does the words)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, format_timedelta


class DateFormatter:
    """Formats moments for one site: its locale and its time zone."""

    def __init__(self, language: str, timezone):
        try:
            self.locale = Locale.parse(language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")
        self.timezone = timezone

    def day(self, moment: date | datetime) -> str:
        """Return '3 Nov 2026' (or the locale's way of saying it)."""
        if isinstance(moment, datetime):
            moment = moment.astimezone(self.timezone).date()
        return format_date(moment, format="medium", locale=self.locale)

    def moment(self, moment: datetime) -> str:
        """Return the date and the time of day to the minute, in the site's time zone."""
        local = moment.astimezone(self.timezone)
        day = format_date(local.date(), format="medium", locale=self.locale)
        return f"{day}, {format_time(local.time(), format='short', locale=self.locale)}"

    def month(self, moment: date) -> str:
        """Return 'Nov 2026'."""
        return format_date(moment, format="MMM y", locale=self.locale)

    def duration(self, delta: timedelta) -> str:
        """Return '47 minutes', '3 hours', '2 days': precise enough for a person, never fussy."""
        seconds = max(delta.total_seconds(), 0)
        if seconds < 60:
            seconds = 60
        return format_timedelta(
            timedelta(seconds=seconds), threshold=1.5, format="long", locale=self.locale
        )


def iso(moment: date | datetime) -> str:
    """Return the ISO 8601 form used in machine-readable places (datetime attributes, feeds)."""
    return moment.isoformat()
