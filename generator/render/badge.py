"""The badge (/badge.svg) and the embed page (/embed/) with HTML anyone can paste into a page.

The badge is a plain picture: no script, no font, no request to anyone. Its numbers are the home
page's headline, in the site's language. ElementTree writes the SVG, so every text is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from babel.dates import format_timedelta
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

from ..measure.headline import Headline
from ..read.config import SiteConfig
from ..words.labels import Labels
from .pages import HIDE, describe
from .renderer import Page, Renderer

SVG = "http://www.w3.org/2000/svg"
BADGE_URL = "badge.svg"
EMBED_URL = "embed/"
HEIGHT = 20
PADDING = 6
FONT = "Verdana,DejaVu Sans,Geneva,sans-serif"
RIGHT_COLOUR = "#3d4650"
# Advance widths at 11 px, measured in Chromium with DejaVu Sans (Verdana is close). The SVG's
# textLength makes the renderer fit the text to the estimate exactly, so a font a little wider
# or narrower changes spacing, never overlaps or clips.
_NARROW, _WIDE = set("fijlrt.,:;!|'()[]/ ·-"), set("mwMW%æÆ@★")


@dataclass
class Badge:
    """What the badge says: a left and a right part, and the same in words for alt text."""

    left: str
    right: str
    alt: str

    @property
    def widths(self) -> tuple[int, int]:
        return text_width(self.left) + 2 * PADDING, text_width(self.right) + 2 * PADDING

    @property
    def width(self) -> int:
        return sum(self.widths)


def text_width(text: str) -> int:
    """Return the estimated width of text in the badge's font, in pixels."""
    total = 0.0
    for char in text:
        total += (
            3.8 if char in _NARROW else 10.2 if char in _WIDE else 7.8 if char.isupper() else 6.8
        )
    return round(total)


def make_badge(config: SiteConfig, labels: Labels, headline: Headline, locale) -> Badge:
    """Return the badge's words from the headline figures, formatted for the site's locale."""
    parts, spoken = [], []
    if headline.average_rating is not None:
        rating = format_decimal(headline.average_rating, format="0.0", locale=locale)
        parts.append(labels.say("badge_rating", rating=rating))
        spoken.append(labels.say("badge_alt_rating", rating=rating))
    if headline.reply_rate is not None:
        answered = labels.say(
            "badge_answered", percent=format_percent(headline.reply_rate, locale=locale)
        )
        parts.append(answered)
        spoken.append(answered)
    if headline.median_first_reply is not None:
        delay = headline.median_first_reply
        short = format_timedelta(delay, threshold=1.5, format="short", locale=locale)
        long = format_timedelta(delay, threshold=1.5, format="long", locale=locale)
        parts.append(labels.say("badge_median", duration=short))
        spoken.append(labels.say("badge_median", duration=long))
    if not parts:
        parts = [labels["badge_empty"]]
        spoken = parts
    # With a rating and more, the stars stand out on the left; otherwise the site's name does.
    if headline.average_rating is not None and len(parts) > 1:
        left, right = parts[0], parts[1:]
    else:
        left, right = config.name, parts
    return Badge(left, " · ".join(right), f"{config.name}: {', '.join(spoken)}")


def render_badge_svg(config: SiteConfig, badge: Badge) -> bytes:
    """Return the badge as an SVG file."""
    left_width, right_width = badge.widths
    width = left_width + right_width
    svg = ET.Element(
        "svg",
        xmlns=SVG,
        width=str(width),
        height=str(HEIGHT),
        viewBox=f"0 0 {width} {HEIGHT}",
        role="img",
    )
    svg.set("aria-label", badge.alt)
    ET.SubElement(svg, "title").text = badge.alt
    clip = ET.SubElement(ET.SubElement(svg, "clipPath", id="r"), "rect")
    clip.attrib.update(width=str(width), height=str(HEIGHT), rx="4")
    group = ET.SubElement(svg, "g", {"clip-path": "url(#r)"})
    for x, w, colour in (
        (0, left_width, config.primary_colour),
        (left_width, right_width, RIGHT_COLOUR),
    ):
        ET.SubElement(group, "rect", x=str(x), width=str(w), height=str(HEIGHT), fill=colour)
    text = ET.SubElement(svg, "g", {"font-family": FONT, "font-size": "11"})
    for x, w, words, colour in (
        (0, left_width, badge.left, config.primary_colour),
        (left_width, right_width, badge.right, RIGHT_COLOUR),
    ):
        element = ET.SubElement(text, "text", x=str(x + PADDING), y="14")
        element.attrib.update(textLength=str(w - 2 * PADDING), lengthAdjust="spacingAndGlyphs")
        element.set("fill", text_colour(colour))
        element.text = words
    return ET.tostring(svg, encoding="utf-8", xml_declaration=True) + b"\n"


def text_colour(background: str) -> str:
    """Return white or near-black, whichever reads better on a '#rrggbb' background (WCAG)."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with white is 1.05 / (L + 0.05), with #1b1b1b about (L + 0.05) / 0.061.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.061 else "#1b1b1b"


def embed_snippet(badge: Badge, home: str, image: str) -> str:
    """Return the HTML to paste: a link around the badge picture, attributes escaped."""
    return str(
        Markup('<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>').format(
            home, image, badge.alt, badge.width, HEIGHT
        )
    )


def render_embed(config: SiteConfig, labels: Labels, renderer: Renderer, badge: Badge) -> Page:
    """Return the embed page: the badge, and the HTML that shows it on any site."""
    # Only absolute addresses work on another site; without site_url the HTML works from this
    # site's home page only, and the page says so.
    snippet = embed_snippet(badge, config.link("") or "./", config.link(BADGE_URL))
    return renderer.page(
        "embed.html",
        EMBED_URL + "index.md",
        EMBED_URL,
        labels["embed"],
        describe(labels["embed_intro"]),
        meta={"hide": HIDE},
        badge=badge,
        snippet=snippet,
        height=HEIGHT,
    )
