"""The transparency ledger: how many reviews came in, what the site shows of them, and why not.

The numbers reconcile exactly with reviews/ and removals.yml: received = shown in full + without
name + withheld + removed. Withheld and removed reviews are also told by reason and by stars, as
Trustpilot's transparency report tells its flagged reviews, so "4 removed as spam, all 1★" is
there for anyone to judge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..check.privacy import display_name
from ..read.config import SiteConfig
from ..read.removals import NOT_COUNTED, Removal
from ..read.review import PRIVATE_CHANNELS, REMOVAL_REASONS, WITHHELD_REASONS, Review

STARS = (1, 2, 3, 4, 5, None)  # None: no rating (e-mail, phone, …)


@dataclass(frozen=True)
class ReasonRow:
    """How many reviews were withheld or removed for one reason, and their stars."""

    action: str  # 'withheld' or 'removed'
    reason: str | None  # None: a withheld review whose file gives no reason
    stars: tuple[int, ...]  # counts for 1★ … 5★, then without a rating (STARS)
    counted: bool  # whether the figures count them

    @property
    def total(self) -> int:
        return sum(self.stars)


@dataclass(frozen=True)
class Ledger:
    """Every review received, split by what the site shows of it.

    `shown_in_full`: published with the customer's name; `shown_without_name`: published without
    one (anonymous consent, no author, or a site that shows no names); `withheld`: not published,
    split into those that came on a private channel (e-mail, phone, …) and on a public one;
    `removed`: taken out of reviews/ with a record, of which `not_counted` were not reviews of
    this business (spam, not a customer, a duplicate) and count in no figure.
    """

    received: int
    shown_in_full: int
    shown_without_name: int
    withheld_private: int
    withheld_public: int
    removed: int = 0
    not_counted: int = 0
    reasons: tuple[ReasonRow, ...] = ()

    @property
    def withheld(self) -> int:
        return self.withheld_private + self.withheld_public


def measure_ledger(
    reviews: list[Review], config: SiteConfig, removed: list[Removal] | None = None
) -> Ledger:
    """Return the ledger for every review file that passed the checks and every removal record."""
    removed = removed or []
    withheld = [r for r in reviews if r.withheld]
    names, patterns = config.privacy.names, config.privacy.redact
    # The same call the case pages make, so a name the pages drop is not counted as shown.
    named = sum(
        1
        for r in reviews
        if not r.withheld and display_name(r.author, names, r.consent, patterns) is not None
    )
    private = sum(1 for r in withheld if r.channel in PRIVATE_CHANNELS)
    return Ledger(
        received=len(reviews) + len(removed),
        shown_in_full=named,
        shown_without_name=len(reviews) - len(withheld) - named,
        withheld_private=private,
        withheld_public=len(withheld) - private,
        removed=len(removed),
        not_counted=sum(1 for record in removed if not record.counted),
        reasons=_reason_rows(withheld, removed),
    )


def _reason_rows(withheld: list[Review], removed: list[Removal]) -> tuple[ReasonRow, ...]:
    """Return a row per action and reason that occurs, in the vocabulary's order."""
    counts: Counter = Counter()
    for review in withheld:
        counts["withheld", review.withheld_reason, review.rating] += 1
    for record in removed:
        counts["removed", record.reason, record.rating] += 1
    rows = []
    for action, reasons in (
        ("withheld", (*WITHHELD_REASONS, None)),
        ("removed", REMOVAL_REASONS),
    ):
        for reason in reasons:
            stars = tuple(counts[action, reason, rating] for rating in STARS)
            if any(stars):
                counted = action == "withheld" or reason not in NOT_COUNTED
                rows.append(ReasonRow(action, reason, stars, counted))
    return tuple(rows)
