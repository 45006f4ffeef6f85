"""The frame around every page: the footer, the logo's stand-in, what the head tells search
engines and shared links, and colours that keep links and the header readable.

templates/theme/ lays these out; the writer hands them over in mkdocs.yml's `extra`, as plain
text that the theme escapes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from ..measure.ledger import Ledger
from ..read.config import SiteConfig
from ..words.labels import Labels
from .feed import FEED_URL
from .opendata import DATA_URL
from .policy import POLICY_URL
from .wall import LEDGER_ANCHOR

FAVICON = "assets/favicon.svg"
# The backgrounds links are drawn on: the page, and the grey of the quotes and the ledger box.
LINK_BACKGROUNDS = ("#ffffff", "#f4f6f8")
NEAR_BLACK = "#1b1b1b"


def ledger_line(ledger: Ledger, labels: Labels) -> str:
    """Return the ledger in one line, as the footer of every page says it."""
    line = labels.say(
        "ledger",
        received=ledger.received,
        full=ledger.shown_in_full,
        anonymous=ledger.shown_without_name,
        withheld=ledger.withheld,
    )
    if ledger.removed:
        line += " " + labels.say("ledger_removed", removed=ledger.removed)
    return line


def initial_of(name: str) -> str:
    """Return the first letter or digit of a name, upper-cased: the logo of a site without one."""
    return next((char.upper() for char in name if char.isalnum()), "★")


def logo_of(config: SiteConfig) -> str | None:
    """Return the site path of the business's logo, when site_config.yml names a file that is
    there."""
    if config.logo and (config.root / config.logo).is_file():
        return f"assets/{Path(config.logo).name}"
    return None


def initial_favicon(config: SiteConfig) -> str:
    """Return an SVG favicon: the name's initial in a circle of the primary colour."""
    colour = config.primary_colour
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<circle cx="32" cy="32" r="32" fill="{colour}"/>'
        '<text x="32" y="44" text-anchor="middle" font-family="system-ui, sans-serif" '
        f'font-size="34" font-weight="700" fill="{text_colour(colour)}">'
        f"{escape(initial_of(config.name))}</text></svg>\n"
    )


def og_locale(language: str) -> str:
    """Return the Open Graph locale of a language: 'nb' → 'nb_NO', 'en' → 'en_US'."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return "en_US"
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language)
        if likely:
            locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def make_frame(config: SiteConfig, labels: Labels, ledger: Ledger | None) -> dict:
    """Return what the theme puts around every page: skip link, logo, footer, head."""
    links = [
        {"title": labels["policy"], "href": POLICY_URL, "type": ""},
        {"title": labels["feed"], "href": FEED_URL, "type": "application/atom+xml"},
        {"title": labels["open_data"], "href": DATA_URL, "type": "application/json"},
    ]
    if config.repository:
        links.append({"title": labels["footer_repository"], "href": config.repository, "type": ""})
    logo = logo_of(config)
    return {
        "skip": labels["skip_to_content"],
        "initial": initial_of(config.name),
        "ledger": ledger_line(ledger, labels) if ledger else "",
        "ledger_link": labels["figures"],
        "ledger_url": LEDGER_ANCHOR,
        "links_title": labels["footer_links"],
        "links": links,
        "locale": og_locale(config.language),
        "image": config.link(logo) if logo and config.site_url else "",
        "favicon_type": "" if logo else "image/svg+xml",
        "not_found": labels["not_found"],
        "not_found_text": labels["not_found_text"],
        "see_all": labels["see_all"],
    }


# --- Colours: WCAG contrast -----------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """Return the WCAG contrast ratio of two '#rrggbb' colours, from 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: str) -> str:
    """Return white or near-black, whichever reads better on a background."""
    return max(("#ffffff", NEAR_BLACK), key=lambda colour: contrast(colour, background))


def link_colour(primary: str) -> str:
    """Return the primary colour, darkened just enough to read as text (4.5:1) on the page."""
    colour = primary.lower()
    for step in range(21):
        shade = 1 - step / 20
        colour = "#" + "".join(
            f"{round(int(primary[i : i + 2], 16) * shade):02x}" for i in (1, 3, 5)
        )
        if all(contrast(colour, background) >= 4.5 for background in LINK_BACKGROUNDS):
            return colour
    return colour
