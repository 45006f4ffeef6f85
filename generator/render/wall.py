"""The wall: every published case in listings (all, complaints, praise, …), cut into pages.

Filters are static pages so they work without JavaScript. Each listing also knows how many
reviews the figures count under the same filter that the wall does not show (withheld, or removed
with a record), so the two pages' counts are explained where they differ.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..read.removals import REMOVALS_FILE
from ..read.review import Review
from ..words.catalog import language_name
from ..words.labels import Labels
from .case import Case

WALL_URL = "reviews/"
LEDGER_ANCHOR = "figures/#rw-ledger-title"
# The filters' groups, in order, with the label of each group's name ('' has none: all reviews).
# Groups whose listings exist only when they have cases.
OPTIONAL = ("channel", "language")
FILTER_GROUPS = {
    "": None,
    "kind": "filter_kind",
    "status": "filter_status",
    "channel": "channels",
    "language": "filter_language",
}


@dataclass
class Listing:
    """A named selection of cases with its own URL.

    `rule` is what a case (or a review: both have these attributes) must have to be listed, as
    (attribute, value) pairs; `group` is where the filters put it: '' (all), kind, status, channel.
    """

    slug: str
    title: str
    cases: list[Case]
    group: str = ""
    rule: tuple[tuple[str, object], ...] = ()

    @property
    def url(self) -> str:
        return f"{WALL_URL}{self.slug}/" if self.slug else WALL_URL

    def matches(self, item: Case | Review) -> bool:
        """Return whether a case or a review belongs in this listing."""
        return all(getattr(item, name) == value for name, value in self.rule)


@dataclass(frozen=True)
class FilterGroup:
    """The filters of one kind (by kind, by outcome, by channel), as the control lists them."""

    key: str
    title: str | None
    listings: list[Listing]


@dataclass(frozen=True)
class Tally:
    """How many reviews of one listing the wall shows, and how many more the figures count."""

    shown: int
    withheld: int = 0  # in reviews/, but their text is not published
    removed: int = 0  # taken out with a record (removals.yml) for a reason that still counts

    @property
    def counted(self) -> int:
        return self.shown + self.withheld + self.removed


@dataclass
class WallPage:
    """One page of a listing."""

    listing: Listing
    number: int
    count: int
    cases: list[Case]

    @property
    def url(self) -> str:
        return page_url(self.listing, self.number)

    @property
    def newer_url(self) -> str | None:
        return page_url(self.listing, self.number - 1) if self.number > 1 else None

    @property
    def older_url(self) -> str | None:
        return page_url(self.listing, self.number + 1) if self.number < self.count else None


def page_url(listing: Listing, number: int) -> str:
    """Return the URL of page `number` of a listing; page 1 is the listing itself."""
    return listing.url if number == 1 else f"{listing.url}page/{number}/"


def make_listings(
    cases: list[Case], labels: Labels, channel_labels: dict[str, str], site_language: str = "en"
) -> list[Listing]:
    """Return the wall and its filters; a channel or a language gets a listing only when it has
    cases."""
    listings = [
        Listing("", labels["all_reviews"], cases),
        Listing("complaints", labels["complaints"], [], "kind", (("kind", "complaint"),)),
        Listing("praise", labels["praise"], [], "kind", (("kind", "praise"),)),
        Listing(
            "open", labels["open_cases"], [], "status", (("status", "open"), ("has_outcome", True))
        ),
        Listing("resolved", labels["resolved_cases"], [], "status", (("status", "resolved"),)),
    ]
    for channel, label in channel_labels.items():
        listings.append(
            Listing(f"channel/{channel}", label, [], "channel", (("channel", channel),))
        )
    # The customers' own languages, when they wrote in more than one: each in the site's words.
    written = sorted({case.language for case in cases})
    if len(written) > 1:
        for language in written:
            listings.append(
                Listing(
                    f"language/{language.lower()}",
                    language_name(language, site_language),
                    [],
                    "language",
                    (("language", language),),
                )
            )
    # The cases by each value of each attribute a rule asks for, in one pass an attribute: 24
    # listings asking every case in turn took a fifth of a rebuild's measuring at 10 000 cases.
    names = {name for listing in listings for name, _ in listing.rule}
    by_value: dict[str, dict[object, list[Case]]] = {name: {} for name in names}
    for name, buckets in by_value.items():
        for case in cases:
            buckets.setdefault(getattr(case, name), []).append(case)
    for listing in listings[1:]:
        if not listing.rule:
            listing.cases = list(cases)
            continue
        first, value = listing.rule[0]
        listing.cases = [case for case in by_value[first].get(value, []) if listing.matches(case)]
    return [listing for listing in listings if listing.cases or listing.group not in OPTIONAL]


def group_listings(listings: list[Listing], labels: Labels) -> list[FilterGroup]:
    """Return the listings grouped for the filter control; a group without listings is left out."""
    groups = []
    for key, label in FILTER_GROUPS.items():
        members = [listing for listing in listings if listing.group == key]
        if members:
            groups.append(FilterGroup(key, labels[label] if label else None, members))
    return groups


def tally_listings(listings: list[Listing], counted: Iterable[Review]) -> dict[str, Tally]:
    """Return each listing's tally, by slug: the cases it shows, and the reviews among `counted`
    (those the figures count) that it would list but the site does not publish."""
    shown = {case.id for case in listings[0].cases} if listings else set()
    unshown = [review for review in counted if review.id not in shown]
    tallies = {}
    for listing in listings:
        hidden = [review for review in unshown if listing.matches(review)]
        removed = sum(1 for review in hidden if review.path == REMOVALS_FILE)
        tallies[listing.slug] = Tally(len(listing.cases), len(hidden) - removed, removed)
    return tallies


def tally_words(tally: Tally, labels: Labels) -> tuple[str, str]:
    """Return '45 reviews shown' and, when the figures count more, '1 withheld, counted in the
    figures' (else '')."""
    shown = labels.count("shown", tally.shown)
    if tally.withheld and tally.removed:
        hidden = labels.say("not_shown_both", withheld=tally.withheld, removed=tally.removed)
    elif tally.withheld:
        hidden = labels.count("not_shown_withheld", tally.withheld)
    elif tally.removed:
        hidden = labels.count("not_shown_removed", tally.removed)
    else:
        hidden = ""
    return shown, hidden


def paginate(listing: Listing, per_page: int) -> list[WallPage]:
    """Return the pages of a listing; an empty listing still has one page that says so."""
    count = max(1, math.ceil(len(listing.cases) / per_page))
    return [
        WallPage(listing, number, count, listing.cases[(number - 1) * per_page : number * per_page])
        for number in range(1, count + 1)
    ]
