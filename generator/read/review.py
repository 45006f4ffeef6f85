"""The review format: its vocabularies and the values a checked review file becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

CHANNELS = {
    "facebook": "Facebook",
    "google": "Google",
    "trustpilot": "Trustpilot",
    "tripadvisor": "Tripadvisor",
    "instagram": "Instagram",
    "x": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "app-store": "App Store",
    "google-play": "Google Play",
    "email": "E-mail",
    "phone": "Phone",
    "chat": "Chat",
    "web-form": "Web form",
    "in-store": "In store",
    "other": "Other",
}
# Where what the customer wrote was addressed to the business alone: not public unless they agree.
PRIVATE_CHANNELS = {"email", "phone", "chat", "web-form", "in-store"}

KINDS = ("complaint", "mixed", "praise", "question", "suggestion")
CONSENTS = ("public", "anonymous", "withheld")
# Why a published review was taken down (`reviewwall remove` records one of these).
REMOVAL_REASONS = (
    "customer-request",
    "personal-data",
    "legal",
    "spam",
    "not-a-customer",
    "duplicate",
)
# Why a review is withheld: any reason to remove one, or a customer who wrote in private and has
# not agreed to be published.
WITHHELD_REASONS = ("no-consent",) + REMOVAL_REASONS
STATUSES = ("open", "resolved", "explained", "unresolved")
ACTIONS = (
    "apology",
    "explanation",
    "refund",
    "partial-refund",
    "replacement",
    "repair",
    "redelivery",
    "discount",
    "goodwill",
    "process-change",
)
SIDES = ("business", "customer")
PRIVATE_VIA = ("email", "phone", "chat", "message", "in-store")
# The wall's listings live beside the case pages under /reviews/, so no review may take their ids.
WALL_SLUG_ORDER = ("page", "complaints", "praise", "open", "resolved", "channel", "language")
RESERVED_IDS = frozenset(WALL_SLUG_ORDER)


def kind_from_rating(rating: int) -> str:
    """Return the kind a rating implies when the file does not say."""
    return "complaint" if rating <= 2 else "mixed" if rating == 3 else "praise"


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    """One message after the review: a business reply, a customer follow-up, or a private switch."""

    at: datetime
    side: str  # 'business' or 'customer' (the file's `from`)
    text: str
    by: str | None = None
    private: bool = False
    via: str | None = None
    summary: str | None = None
    edited: date | None = None  # staff corrected this entry after it was published
    line: int = 0

    @property
    def public_reply(self) -> bool:
        return self.side == "business" and not self.private


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the case ended."""

    status: str = "open"
    at: date | None = None
    summary: str | None = None
    actions: tuple[str, ...] = ()
    rating_after: int | None = None
    customer_said: str | None = None
    change: str | None = None
    line: int = 0


@dataclass(slots=True)
class Review:
    """One checked review file."""

    id: str
    path: str
    channel: str
    received: datetime
    text: str
    kind: str
    language: str
    consent: str
    author: str | None = None
    rating: int | None = None
    title: str | None = None
    url: str | None = None
    verified: bool | None = None
    tags: tuple[str, ...] = ()
    thread: tuple[ThreadEntry, ...] = ()
    outcome: Outcome = field(default_factory=Outcome)
    source_id: str | None = None
    withheld_reason: str | None = None  # one of WITHHELD_REASONS, for a withheld review
    redact: tuple[str, ...] = ()  # words the site masks in this review; the file keeps them
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def withheld(self) -> bool:
        return self.consent == "withheld"

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def has_outcome(self) -> bool:
        """Return whether the case has, or needs, an outcome: praise needs none until staff set one.

        A thank-you is not an "open case"; a complaint, question or suggestion is, until it ends.
        """
        return self.kind != "praise" or self.status != "open"

    @property
    def public_replies(self) -> list[ThreadEntry]:
        return [entry for entry in self.thread if entry.public_reply]

    @property
    def first_public_reply(self) -> ThreadEntry | None:
        return next((entry for entry in self.thread if entry.public_reply), None)

    @property
    def last_activity(self) -> datetime:
        """Return when the case last moved: the latest reply, or when it was received."""
        return max([self.received] + [entry.at for entry in self.thread])
