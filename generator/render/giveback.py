"""What the site gives back: the feed, open data, the badge, the embed page and the policy page.

The pages go through the renderer like every other page; the files are pages whose content is
bytes, which the writer puts beside the others in docs/ as they are.
"""

from __future__ import annotations

from functools import partial

from ..words.dates import site_dates
from ..words.labels import Labels
from .badge import BADGE_URL, make_badge, render_badge_svg, render_embed
from .feed import FEED_URL, render_feed
from .opendata import DATA_URL, render_open_data
from .pages import Site
from .policy import POLICY_URL, render_policy
from .renderer import Page, PageOrder, Renderer


def render_giveback_pages(
    site: Site, renderer: Renderer, received_channels: set[str]
) -> list[Page]:
    """Return the policy page and the embed page."""
    badge = make_badge(site.config, site.labels, site.headline, _locale(site))
    return [
        render_policy(site.config, site.labels, renderer, site.cases, received_channels),
        render_embed(site.config, site.labels, renderer, badge),
    ]


def giveback_file_orders(site: Site) -> list[PageOrder]:
    """Return the orders for /reviews.json (first: the heaviest), /feed.xml and /badge.svg."""
    return [
        partial(_file, DATA_URL, render_open_data, site.config, site.cases),
        partial(_file, FEED_URL, render_feed, site.config, site.labels, site.cases),
        partial(_badge_file, site),
    ]


def _file(url: str, render, *inputs) -> Page:
    return Page(url, url, render(*inputs))


def _badge_file(site: Site) -> Page:
    badge = make_badge(site.config, site.labels, site.headline, _locale(site))
    return Page(BADGE_URL, BADGE_URL, render_badge_svg(site.config, badge))


def giveback_nav(labels: Labels) -> list[dict[str, str]]:
    """Return the nav entries of these pages (the embed page is linked from the policy)."""
    return [{labels["policy"]: POLICY_URL + "index.md"}]


def _locale(site: Site):
    return site_dates(site.config).locale
