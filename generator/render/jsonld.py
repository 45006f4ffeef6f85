"""Structured data (schema.org JSON-LD) for search engines: the business and each review.

Customer text is hostile. The data is serialized with json.dumps, then `<`, `>` and `&` become
\\u003c, \\u003e and \\u0026: still the same JSON, but no `</script>` can ever close the tag.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..measure.headline import Headline
from ..read.config import SiteConfig
from .case import Case

CONTEXT = "https://schema.org"


def script_tag(data: dict) -> Markup:
    """Return a <script type="application/ld+json"> element that holds data safely."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup('<script type="application/ld+json">{}</script>').format(
        # str.replace, not str.translate: translate is slow on text beyond Latin-1.
        Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    )


def organization(config: SiteConfig) -> dict:
    """Return the business as a schema.org Organization (name, and url when known)."""
    data = {"@type": "Organization", "name": config.name}
    if config.site_url:
        data["url"] = config.site_url
    return data


def home_jsonld(config: SiteConfig, headline: Headline) -> Markup:
    """Return the home page's JSON-LD: the Organization with its AggregateRating.

    The numbers are the home page's own headline, withheld reviews included, as the page says.
    """
    data = {"@context": CONTEXT, **organization(config)}
    if headline.average_rating is not None and headline.rated:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": headline.average_rating,
            "ratingCount": headline.rated,
            "reviewCount": headline.reviews,
            "bestRating": 5,
            "worstRating": 1,
        }
    return script_tag(data)


def case_jsonld(config: SiteConfig, case: Case) -> Markup:
    """Return a case page's JSON-LD: a Review, with the first public reply as a Comment."""
    data = {
        "@context": CONTEXT,
        "@type": "Review",
        "itemReviewed": organization(config),
        "datePublished": case.received.date().isoformat(),
        "reviewBody": case.text,
        "inLanguage": case.language,
    }
    if case.title:
        data["name"] = case.title
    if config.site_url:
        data["url"] = config.link(case.url)
    # An anonymous review has no author rather than a made-up one.
    if case.named:
        data["author"] = {"@type": "Person", "name": case.author}
    if case.rating:
        data["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": case.rating,
            "bestRating": 5,
            "worstRating": 1,
        }
    reply = next((step for step in case.timeline if step.kind == "reply"), None)
    if reply:
        data["comment"] = {
            "@type": "Comment",
            "text": reply.text,
            "dateCreated": reply.iso,
            "author": organization(config),
        }
    return script_tag(data)
