"""The "What your feedback changed" page: every outcome.change, newest first, with its cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from ..read.review import Review
from ..words.dates import site_dates
from ..words.labels import Labels
from .case import Case
from .pages import HIDE, Site, describe
from .renderer import Page, Renderer

CHANGES_URL = "changes/"


@dataclass
class Change:
    """One change the business made, and the published cases that led to it."""

    html: Markup
    day: date
    cases: list[Case] = field(default_factory=list)
    day_label: str = ""


def list_changes(reviews: list[Review], cases: list[Case]) -> tuple[list[Change], int]:
    """Return the published changes newest first (one per text), and how many are withheld.

    The same change written in several cases is listed once, linking to each of them.
    """
    by_id = {case.id: case for case in cases}
    changes: dict[str, Change] = {}
    withheld = 0
    for review in reviews:
        if not review.outcome.change:
            continue
        case = by_id.get(review.id)
        if case is None:
            withheld += 1
            continue
        day = review.outcome.at or review.received.date()
        change = changes.setdefault(case.change_html, Change(case.change_html, day))
        change.day = max(change.day, day)
        change.cases.append(case)
    for change in changes.values():
        change.cases.sort(key=lambda c: c.received, reverse=True)
    ordered = sorted(changes.values(), key=lambda c: (c.day, c.cases[0].received), reverse=True)
    return ordered, withheld


def render_changes(site: Site, renderer: Renderer, words: Labels, reviews: list[Review]) -> Page:
    """Return the /changes/ page."""
    changes, withheld = list_changes(reviews, site.cases)
    dates = site_dates(site.config)
    for change in changes:
        change.day_label = dates.day(change.day)
    return renderer.page(
        "changes.html",
        CHANGES_URL + "index.md",
        CHANGES_URL,
        site.labels["changes"],
        describe(words["changes_intro"]),
        meta={"hide": HIDE, "search": {"exclude": True}},  # each change is on its case's page
        changes=changes,
        withheld=withheld,
        words=words,
    )
