"""What the site gives back: the feed, open data, the badge, the embed page and the policy page.

The pages go through the renderer like every other page; the files are handed to the writer,
which puts them beside the pages in docs/.
"""

from __future__ import annotations

from .badge import BADGE_URL, make_badge, render_badge_svg, render_embed
from .feed import FEED_URL, render_feed
from .labels import Labels
from .opendata import DATA_URL, render_open_data
from .pages import Site
from .policy import POLICY_URL, render_policy
from .render import Page, Renderer


def render_giveback_pages(
    site: Site, renderer: Renderer, received_channels: set[str]
) -> list[Page]:
    """Return the policy page and the embed page."""
    badge = make_badge(site.config, site.labels, site.headline, _locale(site))
    return [
        render_policy(site.config, site.labels, renderer, site.cases, received_channels),
        render_embed(site.config, site.labels, renderer, badge),
    ]


def render_giveback_files(site: Site) -> dict[str, bytes]:
    """Return /feed.xml, /reviews.json and /badge.svg by their paths in the site."""
    badge = make_badge(site.config, site.labels, site.headline, _locale(site))
    return {
        FEED_URL: render_feed(site.config, site.labels, site.cases),
        DATA_URL: render_open_data(site.config, site.cases),
        BADGE_URL: render_badge_svg(site.config, badge),
    }


def giveback_nav(labels: Labels) -> list[dict[str, str]]:
    """Return the nav entries of these pages (the embed page is linked from the policy)."""
    return [{labels["policy"]: POLICY_URL + "index.md"}]


def _locale(site: Site):
    return site.config.dates.locale
