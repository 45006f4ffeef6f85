"""The Atom feed of cases (/feed.xml): the cases that moved last, each updated as the case moves.

An entry's id never changes, so a reply or an outcome shows in feed readers as an update of the
same entry, not as a new one. ElementTree escapes every text, so customer words stay words.
Links are absolute when site_url is set; otherwise relative, which readers resolve against the
feed's own address (RFC 4287 section 3.3 and xml:base).
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlsplit

from markupsafe import Markup

from ..read.config import SiteConfig
from ..words.labels import Labels
from .case import Case

ATOM = "http://www.w3.org/2005/Atom"
FEED_URL = "feed.xml"
# Characters XML 1.0 cannot carry at all, not even escaped; a pasted review may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A feed says what is new, and readers fetch it again and again: it holds the cases that moved
# last (a new reply or an outcome brings an old case back in); /reviews.json holds them all.
FEED_LENGTH = 100


def entry_id(config: SiteConfig, case: Case) -> str:
    """Return a case's entry id: a tag: URI from the site's host, or a name-based UUID.

    It depends only on the site and the review id, never on the content, so it survives edits.
    """
    if config.site_url:
        host = urlsplit(config.site_url).hostname
        return f"tag:{host},{case.received.year}:reviews/{case.id}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"reviewwall:{config.name}:{case.id}").urn


def feed_id(config: SiteConfig) -> str:
    """Return the feed's own id: the site's address, or a name-based UUID without one."""
    if config.site_url:
        return config.site_url
    return uuid.uuid5(uuid.NAMESPACE_URL, f"reviewwall:{config.name}").urn


def entry_html(case: Case, labels: Labels) -> str:
    """Return an entry's content: the customer's words, the first reply, and the outcome."""
    parts = []
    if case.stars_label:
        parts.append(Markup("<p>{}</p>").format(case.stars_label))
    if case.title:
        parts.append(Markup("<p><strong>{}</strong></p>").format(case.title))
    parts.append(Markup("<blockquote>{}</blockquote>").format(case.text_html))
    reply = next((step for step in case.timeline if step.kind == "reply"), None)
    if reply:
        parts.append(Markup("<p><strong>{}</strong> ({})</p>").format(reply.who, reply.after))
        parts.append(reply.html)
    else:
        parts.append(Markup("<p>{}</p>").format(labels["no_reply_yet"]))
    if case.has_outcome:
        heading = f"{labels['outcome']}: {case.status_label}"
        if case.outcome_date:
            heading += f", {case.outcome_date}"
        parts.append(Markup("<p><strong>{}</strong></p>").format(heading))
        parts.append(case.outcome_html)
    return str(Markup("\n").join(part for part in parts if part))


def render_feed(config: SiteConfig, labels: Labels, cases: list[Case]) -> bytes:
    """Return /feed.xml: the FEED_LENGTH most recently moved cases, the latest first."""
    ordered = sorted(cases, key=lambda case: (case.updated, case.id), reverse=True)[:FEED_LENGTH]
    feed = ET.Element("feed", xmlns=ATOM)
    _text(feed, "id", feed_id(config))
    _text(feed, "title", f"{config.name}: {labels['feed_title']}")
    _text(feed, "subtitle", labels["feed_subtitle"])
    newest = max((case.updated for case in cases), default=None)
    _text(feed, "updated", _moment(newest) if newest else "1970-01-01T00:00:00Z")
    _link(feed, config.link("") or "./", "alternate", "text/html")
    if config.site_url:
        _link(feed, config.link(FEED_URL), "self", "application/atom+xml")
    author = ET.SubElement(feed, "author")
    _text(author, "name", config.name)
    _text(feed, "generator", "reviewwall")
    for case in ordered:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", entry_id(config, case))
        status = f" · {case.status_label}" if case.has_outcome else ""
        _text(entry, "title", case.title_line + status)
        _text(entry, "published", _moment(case.received))
        _text(entry, "updated", _moment(case.updated))
        _link(entry, config.link(case.url), "alternate", "text/html")
        author = ET.SubElement(entry, "author")
        _text(author, "name", case.author)
        for term, label in ((case.kind, case.kind_label), (case.channel, case.channel_label)):
            ET.SubElement(entry, "category", term=term, label=label)
        _text(entry, "summary", case.text_excerpt)
        _text(entry, "content", entry_html(case, labels)).set("type", "html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _NOT_XML.sub("", text)
    return element


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", rel=rel, type=media_type, href=href)


def _moment(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
