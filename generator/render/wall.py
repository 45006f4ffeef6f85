"""The wall: every published case in listings (all, complaints, praise, …), cut into pages.

Filters are static pages so they work without JavaScript.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..words.labels import Labels
from .case import Case

WALL_URL = "reviews/"


@dataclass
class Listing:
    """A named selection of cases with its own URL."""

    slug: str
    title: str
    cases: list[Case]

    @property
    def url(self) -> str:
        return f"{WALL_URL}{self.slug}/" if self.slug else WALL_URL


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
    cases: list[Case], labels: Labels, channel_labels: dict[str, str]
) -> list[Listing]:
    """Return the wall and its filters; a channel gets a listing only when it has cases."""
    listings = [
        Listing("", labels["all_reviews"], cases),
        Listing("complaints", labels["complaints"], [c for c in cases if c.kind == "complaint"]),
        Listing("praise", labels["praise"], [c for c in cases if c.kind == "praise"]),
        Listing(
            "open", labels["open_cases"], [c for c in cases if c.status == "open" and c.has_outcome]
        ),
        Listing("resolved", labels["resolved_cases"], [c for c in cases if c.status == "resolved"]),
    ]
    for channel, label in channel_labels.items():
        selected = [c for c in cases if c.channel == channel]
        if selected:
            listings.append(Listing(f"channel/{channel}", label, selected))
    return listings


def paginate(listing: Listing, per_page: int) -> list[WallPage]:
    """Return the pages of a listing; an empty listing still has one page that says so."""
    count = max(1, math.ceil(len(listing.cases) / per_page))
    return [
        WallPage(listing, number, count, listing.cases[(number - 1) * per_page : number * per_page])
        for number in range(1, count + 1)
    ]
