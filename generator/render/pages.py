"""Render every page of the site from cases and figures: home, the wall and its filters, cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from ..measure.figures import Figures
from ..measure.headline import Headline
from ..measure.ledger import Ledger
from ..read.config import SiteConfig
from ..words.labels import Labels
from .case import Case
from .jsonld import case_jsonld, home_jsonld
from .markup import render_markdown
from .renderer import Page, PageOrder, Renderer
from .wall import Listing, WallPage, paginate

LATEST_ON_HOME = 6
# Material's own sidebars would repeat the wall's navigation; the pages carry their own.
HIDE = ["navigation", "toc"]


@dataclass
class Site:
    """Everything the templates may show, computed once."""

    config: SiteConfig
    labels: Labels
    cases: list[Case]
    headline: Headline
    listings: list[Listing]
    # The figures page's numbers (figures.py, ledger.py, trends.py), measured at `built`.
    ledger: Ledger | None = None
    figures: Figures | None = None
    months: list = field(default_factory=list)
    built: datetime | None = None


def page_orders(site: Site, renderer: Renderer) -> list[PageOrder]:
    """Return the orders for every Markdown page of the site: home, the wall, the cases."""
    orders = [partial(render_home, site, renderer)]
    orders += wall_page_orders(site, renderer)
    orders += [partial(render_case, site, renderer, case) for case in site.cases]
    return orders


def render_home(site: Site, renderer: Renderer) -> Page:
    """Return the home page: intro, headline figures, ratings, latest cases."""
    return renderer.page(
        "home.html",
        "index.md",
        "",
        site.config.name,
        meta={"hide": HIDE},
        intro=render_markdown(site.config.intro),
        headline=site.headline,
        latest=site.cases[:LATEST_ON_HOME],
        listings=site.listings,
        jsonld=home_jsonld(site.config, site.headline),
    )


def wall_page_orders(site: Site, renderer: Renderer) -> list[PageOrder]:
    """Return the orders for every page of every listing on the wall."""
    return [
        partial(render_wall_page, site, renderer, listing, wall_page)
        for listing in site.listings
        for wall_page in paginate(listing, site.config.per_page)
    ]


def render_wall_page(site: Site, renderer: Renderer, listing: Listing, wall_page: WallPage) -> Page:
    """Return one page of one listing on the wall."""
    title = listing.title
    if wall_page.count > 1:
        title += f" ({site.labels.say('page_of', page=wall_page.number, pages=wall_page.count)})"
    return renderer.page(
        "wall.html",
        wall_page.url + "index.md",
        wall_page.url,
        title,
        meta={"hide": HIDE},
        wall_page=wall_page,
        listings=site.listings,
        ledger=site.ledger,
    )


def render_case(site: Site, renderer: Renderer, case: Case) -> Page:
    """Return one case page: the review, the replies, the outcome."""
    return renderer.page(
        "case.html",
        case.url + "index.md",
        case.url,
        case.title_line,
        meta={"hide": HIDE},
        case=case,
        jsonld=case_jsonld(site.config, case),
    )
