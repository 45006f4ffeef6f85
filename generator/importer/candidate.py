"""One entry from a source, mapped to the review format but not yet written."""

from __future__ import annotations

import email.utils
import hashlib
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ..edit.newfile import format_moment


@dataclass
class Candidate:
    """What an entry says, in the review format's terms; `where` names it in messages."""

    where: str
    received: datetime | None
    text: str | None
    source_id: str | None = None
    author: str | None = None
    rating: int | None = None
    kind: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    reply: str | None = None
    reply_at: datetime | None = None

    @property
    def zoneless(self) -> bool:
        """Return True when a date of the entry came without a zone."""
        return any(m is not None and m.tzinfo is None for m in (self.received, self.reply_at))

    def place_in(self, timezone: tzinfo) -> None:
        """Give the dates that came without a zone this one (for --timezone)."""
        if self.received is not None and self.received.tzinfo is None:
            self.received = self.received.replace(tzinfo=timezone)
        if self.reply_at is not None and self.reply_at.tzinfo is None:
            self.reply_at = self.reply_at.replace(tzinfo=timezone)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.title, self.rating, self.text)

    def identify(self) -> str:
        """Return the source_id: the entry's own id, else a hash of what it says."""
        if self.source_id:
            return self.source_id
        said = "\x1f".join(
            str(part or "")
            for part in (format_moment(self.received), self.author, self.title, self.text)
        )
        return "sha256-" + hashlib.sha256(said.encode("utf-8")).hexdigest()[:32]


def fingerprint(title: str | None, rating: object, text: str | None) -> str:
    """Return a digest of the customer's own words and stars, blind to re-wrapped whitespace."""

    def norm(value: object) -> str:
        return " ".join(str(value).split()) if value is not None else ""

    said = "\x1f".join((norm(title), norm(rating), norm(text)))
    return hashlib.sha256(said.encode("utf-8")).hexdigest()


def aware(moment: datetime, timezone: tzinfo) -> datetime:
    """Return the moment with a zone: its own, else the one given."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone)


def parse_moment(value: str | None) -> datetime | None:
    """Return an ISO 8601 or RFC 822 date-time with the zone it was written in, else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
