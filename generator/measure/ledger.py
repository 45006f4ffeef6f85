"""The transparency ledger: how many reviews came in, and how many of them the site shows.

The numbers reconcile exactly with reviews/: received = shown in full + without name + withheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.privacy import display_name
from ..read.config import SiteConfig
from ..read.review import PRIVATE_CHANNELS, Review


@dataclass(frozen=True)
class Ledger:
    """Every review received, split by what the site shows of it.

    `shown_in_full`: published with the customer's name; `shown_without_name`: published without
    one (anonymous consent, no author, or a site that shows no names); `withheld`: not published,
    split into those that came on a private channel (e-mail, phone, …) and on a public one.
    """

    received: int
    shown_in_full: int
    shown_without_name: int
    withheld_private: int
    withheld_public: int

    @property
    def withheld(self) -> int:
        return self.withheld_private + self.withheld_public


def measure_ledger(reviews: list[Review], config: SiteConfig) -> Ledger:
    """Return the ledger for every review file that passed the checks."""
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
        received=len(reviews),
        shown_in_full=named,
        shown_without_name=len(reviews) - len(withheld) - named,
        withheld_private=private,
        withheld_public=len(withheld) - private,
    )
