"""Dates and durations in the site's language and time zone (Babel does the words)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, format_timedelta

if TYPE_CHECKING:
    from ..read.config import SiteConfig


class DateFormatter:
    """Formats moments for one site: its locale and its time zone.

    Babel takes tens of microseconds a date, and ten thousand cases repeat the same days, times
    of day and durations again and again: each is worked out once per formatter.
    """

    def __init__(self, language: str, timezone):
        try:
            self.locale = Locale.parse(language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")
        self.timezone = timezone
        self._days: dict[date, str] = {}
        self._times: dict[time, str] = {}
        self._durations: dict[tuple[float, float], str] = {}

    def day(self, moment: date | datetime) -> str:
        """Return '3 Nov 2026' (or the locale's way of saying it)."""
        if isinstance(moment, datetime):
            moment = moment.astimezone(self.timezone).date()
        said = self._days.get(moment)
        if said is None:
            said = self._days[moment] = format_date(moment, format="medium", locale=self.locale)
        return said

    def moment(self, moment: datetime) -> str:
        """Return the date and the time of day to the minute, in the site's time zone."""
        local = moment.astimezone(self.timezone)
        clock = local.time()
        said = self._times.get(clock)
        if said is None:
            said = self._times[clock] = format_time(clock, format="short", locale=self.locale)
        return f"{self.day(local.date())}, {said}"

    def month(self, moment: date) -> str:
        """Return 'Nov 2026'."""
        return format_date(moment, format="MMM y", locale=self.locale)

    def duration(self, delta: timedelta, threshold: float = 1.5) -> str:
        """Return '47 minutes', '3 hours', '2 days': precise enough for a person, never fussy.

        A unit is used from `threshold` of it on: 36 hours are '2 days' at 1.5, '36 hours' at 2.
        """
        seconds = max(delta.total_seconds(), 60)
        said = self._durations.get((seconds, threshold))
        if said is None:
            said = self._durations[seconds, threshold] = format_timedelta(
                timedelta(seconds=seconds), threshold=threshold, format="long", locale=self.locale
            )
        return said


def iso(moment: date | datetime) -> str:
    """Return the ISO 8601 form used in machine-readable places (datetime attributes, feeds)."""
    return moment.isoformat()


def site_dates(config: SiteConfig) -> DateFormatter:
    """Return dates and durations as this site says them: its language and time zone."""
    return DateFormatter(config.language, config.timezone)
