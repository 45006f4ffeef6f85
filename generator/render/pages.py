"""Render every page of the site from cases and figures: home, the wall and its filters, cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, partial

from babel.numbers import format_decimal

from ..measure.figures import Figures
from ..measure.headline import Headline
from ..measure.ledger import Ledger
from ..read.config import SiteConfig
from ..words.dates import site_dates
from ..words.labels import Labels
from .case import Case
from .jsonld import case_jsonld, home_jsonld
from .markup import excerpt, markdown_to_text, render_markdown
from .renderer import KnownOrder, Page, PageOrder, Renderer
from .wall import (
    LEDGER_ANCHOR,
    FilterGroup,
    Listing,
    Tally,
    WallPage,
    group_listings,
    paginate,
    tally_listings,
    tally_words,
)

LATEST_ON_HOME = 6
# Material's own sidebars would repeat the wall's navigation; the pages carry their own.
HIDE = ["navigation", "toc"]
# What search engines show of a page, and what a shared link says: about 155 characters.
DESCRIPTION_LENGTH = 155


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

    @cached_property
    def tallies(self) -> dict[str, Tally]:
        """Return each listing's tally by slug: shown, and counted in the figures but not shown."""
        counted = self.figures.all_time.reviews if self.figures else ()
        return tally_listings(self.listings, counted)

    @cached_property
    def filter_groups(self) -> list[FilterGroup]:
        """Return the listings as the filter control groups them."""
        return group_listings(self.listings, self.labels)

    @cached_property
    def filters_shown(self) -> str:
        """Return what the filter control shows on every wall page: each listing and its count."""
        return repr(
            [
                (group.key, group.title, [(x.slug, x.title, len(x.cases)) for x in group.listings])
                for group in self.filter_groups
            ]
        )


@dataclass(frozen=True)
class Count:
    """A listing's count as a page says it: what is shown, what the figures count besides."""

    shown: str
    hidden: str
    why_url: str = LEDGER_ANCHOR


def count_of(site: Site, listing: Listing) -> Count:
    """Return the words of a listing's count, computed from the figures and the listing."""
    return Count(*tally_words(site.tallies[listing.slug], site.labels))


def score_line(site: Site) -> str | None:
    """Return '3.1 ★ average from 34 ratings', or None when nothing is rated."""
    headline = site.headline
    if headline.average_rating is None or not headline.rated:
        return None
    average = format_decimal(headline.average_rating, locale=site_dates(site.config).locale)
    return site.labels.count("score_line", headline.rated, average=average)


def describe(*parts: str | None) -> str:
    """Return a page's description from its parts: one line, cut near 155 characters."""
    return excerpt(" ".join(part for part in parts if part), DESCRIPTION_LENGTH)


def page_orders(site: Site, renderer: Renderer) -> list[PageOrder]:
    """Return the orders for every Markdown page of the site: home, the wall, the cases."""
    orders = [partial(render_home, site, renderer)]
    orders += wall_page_orders(site, renderer)
    orders += [
        KnownOrder(
            partial(render_case, site, renderer, case),
            f"{case.url}index.md",
            case.url,
            (case.path,),
        )
        for case in site.cases
    ]
    return orders


def render_home(site: Site, renderer: Renderer) -> Page:
    """Return the home page: intro, headline figures, ratings, latest cases."""
    wall = site.listings[0]
    counts_differ = site.tallies[wall.slug].counted != site.tallies[wall.slug].shown
    intro = markdown_to_text(site.config.intro) if site.config.intro else None
    return renderer.page(
        "home.html",
        "index.md",
        "",
        site.config.name,
        describe(intro or site.labels["feed_subtitle"]),
        meta={"hide": HIDE, "search": {"exclude": True}},  # the cards are on their case pages
        intro=render_markdown(site.config.intro),
        headline=site.headline,
        latest=site.cases[:LATEST_ON_HOME],
        filter_groups=site.filter_groups,
        count=count_of(site, wall) if counts_differ else None,
        jsonld=home_jsonld(site.config, site.headline),
    )


def wall_page_orders(site: Site, renderer: Renderer) -> list[KnownOrder]:
    """Return the orders for every page of every listing on the wall."""
    orders = []
    score = score_line(site)
    for listing in site.listings:
        count = count_of(site, listing)
        for wall_page in paginate(listing, site.config.per_page):
            shows = (listing.slug, listing.title, wall_page.number, wall_page.count, count, score)
            orders.append(
                KnownOrder(
                    partial(render_wall_page, site, renderer, listing, wall_page),
                    wall_page.url + "index.md",
                    repr(shows) + site.filters_shown,
                    tuple(case.path for case in wall_page.cases),
                )
            )
    return orders


def render_wall_page(site: Site, renderer: Renderer, listing: Listing, wall_page: WallPage) -> Page:
    """Return one page of one listing on the wall."""
    title = listing.title
    if wall_page.count > 1:
        title += f" ({site.labels.say('page_of', page=wall_page.number, pages=wall_page.count)})"
    description = site.labels.say("description_wall", title=listing.title, name=site.config.name)
    return renderer.page(
        "wall.html",
        wall_page.url + "index.md",
        wall_page.url,
        title,
        describe(description),
        # Listings repeat the cases' own words: search finds each case on its page, once, and
        # the index every page loads stays half the size.
        meta={"hide": HIDE, "search": {"exclude": True}},
        wall_page=wall_page,
        filter_groups=site.filter_groups,
        count=count_of(site, listing),
        score=score_line(site),
    )


def render_case(site: Site, renderer: Renderer, case: Case) -> Page:
    """Return one case page: the review, the replies, the outcome.

    The page's `title` holds no customer text: Material prints it unescaped (the header, the
    search index). The customer's words go only where templates/theme/main.html escapes them:
    `html_title` (<title>, og:title) and `description`.
    """
    title = site.labels.say(
        "case_title", kind=case.kind_label, channel=case.channel_label, date=case.received_label
    )
    return renderer.page(
        "case.html",
        case.url + "index.md",
        case.url,
        title,
        describe(f"{title}:", case.title and f"{case.title.rstrip()} –", case.text),
        meta={"hide": HIDE, "og_type": "article", "html_title": case.title_line},
        case=case,
        jsonld=case_jsonld(site.config, case),
    )
