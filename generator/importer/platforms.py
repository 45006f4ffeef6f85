"""One review of a platform's JSON export, mapped to the review format, key by key.

Each `map_*` function takes one review object as the platform documents it and returns a candidate
and what is wrong with it. `KEYS` lists, per preset, every key of a review that is read, so that
the import can name the ones it leaves out.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..read.fields import shown
from ..read.yamltree import Node
from .candidate import Candidate, aware, parse_moment
from .languages import guess_language
from .plaintext import tidy_text

_STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# Google's machine translation beside the customer's own words, in either order.
_TRANSLATED_FIRST = re.compile(r"\(Translated by Google\)\s*(.*?)\s*\(Original\)\s*(.*)", re.S)
_ORIGINAL_FIRST = re.compile(r"(.*?)\s*\(Translated by Google\)\s*(.*)", re.S)

# The keys of one review that an import reads (a dot goes one object deeper); links to other
# API resources and paging are read as what they are, not as a review's data.
KEYS = {
    "google-business": {
        "reviewId",
        "name",
        "reviewer.displayName",
        "reviewer.isAnonymous",
        "starRating",
        "comment",
        "createTime",
        "reviewReply.comment",
        "reviewReply.updateTime",
    },
    "facebook": {
        "created_time",
        "recommendation_type",
        "review_text",
        "rating",
        "has_rating",
        "has_review",
        "reviewer.name",
        "open_graph_story.id",
    },
    "app-store-connect": {
        "type",
        "id",
        "links",
        "attributes.rating",
        "attributes.title",
        "attributes.body",
        "attributes.reviewerNickname",
        "attributes.createdDate",
        "relationships.response.data",
        "relationships.response.links",
    },
    "app-store": {
        "id.label",
        "updated.label",
        "author.name.label",
        "im:rating.label",
        "title.label",
        "content.label",
        "content.attributes",
        "link.attributes.href",
        "link.attributes.rel",
    },
}


class Entry:
    """What one review object gives: a candidate, and the problems found on the way."""

    def __init__(self, where: str):
        self.candidate = Candidate(where=where, received=None, text=None)
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def moment(self, value: object, key: str) -> datetime | None:
        """Return a date-time, a problem if it is there but not one, None if it is not there."""
        if value in (None, ""):
            return None
        found = parse_moment(str(value)) if isinstance(value, str) else None
        if found is None:
            self.problems.append(
                f"{key}: expected a date-time like 2026-11-03T14:05:00Z, got "
                f"{shown(Node(str(value), 0))}"
            )
        return found

    def reply(self, text: object, at: object, key: str) -> None:
        """Set the business's public reply and its date, which must not be before the review."""
        words = _text(text)
        if not words:
            return
        c = self.candidate
        c.reply, _ = _original(words)
        c.reply_at = self.moment(at, key)
        if c.reply_at is None and not any(p.startswith(f"{key}:") for p in self.problems):
            self.problems.append(f"{key}: missing; a reply needs the date it was written")
        elif c.received and c.reply_at and aware(c.reply_at, UTC) < aware(c.received, UTC):
            self.problems.append(
                f"{key}: {c.reply_at:%Y-%m-%d %H:%M} is before the review "
                f"({c.received:%Y-%m-%d %H:%M})"
            )


def map_google(review: dict, where: str) -> Entry:
    """Map a Google Business Profile review (API or Takeout) to a candidate."""
    entry = Entry(where)
    c = entry.candidate
    name = str(review.get("name") or "")
    c.source_id = str(review.get("reviewId") or "") or name.rsplit("/reviews/", 1)[-1] or None
    reviewer = _object(review.get("reviewer"))
    if not reviewer.get("isAnonymous"):
        c.author = _name(reviewer.get("displayName"))
    stars = review.get("starRating")
    if isinstance(stars, str) and stars in _STARS:
        c.rating = _STARS[stars]
    elif stars not in (None, "", "STAR_RATING_UNSPECIFIED"):
        entry.problems.append(f"starRating: expected ONE to FIVE, got {shown(Node(str(stars), 0))}")
    c.received = entry.moment(review.get("createTime"), "createTime")
    words = _text(review.get("comment"))
    if words:
        c.text, translated = _original(words)
        if translated:
            # Google names no language; its translation is in the account's, the original not.
            c.language = guess_language(c.text)
            if c.language is None:
                entry.warnings.append(
                    f"{where}: Google translated this review and its own words do not tell "
                    "their language; add language: to its file"
                )
    reply = _object(review.get("reviewReply"))
    entry.reply(reply.get("comment"), reply.get("updateTime"), "reviewReply.updateTime")
    return entry


def map_facebook(row: dict, where: str) -> Entry:
    """Map a Facebook Page recommendation or rating to a candidate; its kind is the customer's."""
    entry = Entry(where)
    c = entry.candidate
    c.source_id = str(_object(row.get("open_graph_story")).get("id") or "") or None
    c.author = _name(_object(row.get("reviewer")).get("name"))
    c.received = entry.moment(row.get("created_time"), "created_time")
    recommendation = row.get("recommendation_type")
    kinds = {"positive": "praise", "negative": "complaint"}
    if isinstance(recommendation, str) and recommendation in kinds:
        c.kind = kinds[recommendation]
    elif recommendation not in (None, ""):
        entry.problems.append(
            "recommendation_type: expected positive or negative, got "
            f"{shown(Node(str(recommendation), 0))}"
        )
    rating = row.get("rating")
    if rating in (1, 2, 3, 4, 5) and not isinstance(rating, bool):
        c.rating = rating
    elif rating is not None and row.get("has_rating") is not False:
        entry.problems.append(f"rating: expected 1–5, got {shown(Node(str(rating), 0))}")
    c.text = _text(row.get("review_text")) or None
    return entry


def map_app_store_connect(review: dict, responses: dict[str, dict], where: str) -> Entry:
    """Map an App Store Connect customerReview, with its published response, to a candidate."""
    entry = Entry(where)
    c = entry.candidate
    attributes = _object(review.get("attributes"))
    c.source_id = str(review.get("id") or "") or None
    c.author = _name(attributes.get("reviewerNickname"))
    c.received = entry.moment(attributes.get("createdDate"), "attributes.createdDate")
    rating = attributes.get("rating")
    if rating in (1, 2, 3, 4, 5) and not isinstance(rating, bool):
        c.rating = rating
    elif rating is not None:
        entry.problems.append(f"attributes.rating: expected 1–5, got {shown(Node(str(rating), 0))}")
    c.title = " ".join(_text(attributes.get("title")).split()) or None
    c.text = _text(attributes.get("body")) or None
    link = _object(_object(_object(review.get("relationships")).get("response")).get("data"))
    response = _object(responses.get(str(link.get("id") or "")))
    said = _object(response.get("attributes"))
    # Only a published response is public; one waiting for review is not a reply yet.
    if said.get("state", "PUBLISHED") == "PUBLISHED":
        entry.reply(
            said.get("responseBody"), said.get("lastModifiedDate"), "response lastModifiedDate"
        )
    return entry


def map_app_store_entry(item: dict, where: str) -> Entry:
    """Map an entry of the App Store's customer-review feed in its JSON form to a candidate."""
    entry = Entry(where)
    c = entry.candidate

    def label(*keys: str) -> str:
        value: object = item
        for key in keys:
            value = _object(value).get(key)
        return str(_object(value).get("label") or "").strip()

    c.source_id = label("id") or None
    c.author = _name(label("author", "name"))
    c.received = entry.moment(label("updated") or None, "updated")
    rating = label("im:rating")
    if rating in ("1", "2", "3", "4", "5"):
        c.rating = int(rating)
    elif rating:
        entry.problems.append(f"im:rating: expected 1–5, got {shown(Node(rating, 0))}")
    c.title = " ".join(label("title").split()) or None
    c.text = _text(label("content")) or None
    href = str(_object(_object(item.get("link")).get("attributes")).get("href") or "")
    c.url = href if _URL.match(href) else None
    return entry


def is_app_record(item: dict) -> bool:
    """Return True for the first entry of an older App Store feed: the app itself, no review."""
    return "im:name" in item and "im:rating" not in item


def _original(text: str) -> tuple[str, bool]:
    """Return the customer's own words from Google's translation envelope, and if there was one."""
    found = _TRANSLATED_FIRST.fullmatch(text)
    if found and found.group(2).strip():
        return found.group(2).strip(), True
    found = _ORIGINAL_FIRST.fullmatch(text)
    if found and found.group(1).strip():
        return found.group(1).strip(), True
    return text, False


def _text(value: object) -> str:
    return tidy_text(value) if isinstance(value, str) else ""


def _name(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(tidy_text(value).split()) or None


def _object(value: object) -> dict:
    return value if isinstance(value, dict) else {}
