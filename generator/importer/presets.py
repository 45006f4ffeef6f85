"""What each kind of source means: its channel, the kind of an unrated entry, how to spot it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

APPLE_NAMESPACE = "http://itunes.apple.com/rss"
MASTODON_POST = re.compile(r"https?://[^/\s]+/@[\w.-]+(?:@[\w.-]+)?/\d+")


@dataclass(frozen=True)
class Preset:
    """How to read one kind of feed: defaults that flags override."""

    name: str
    channels: tuple[str, ...]  # the first one the site knows is the default channel
    kind: str | None  # given to entries without a rating; None: such entries are skipped
    keep_title: bool = True  # False where the feed's title is not the customer's words
    description: str = ""
    forms: tuple[str, ...] = ("feed",)  # what it reads: 'feed', 'csv', 'json'


PRESETS = {
    preset.name: preset
    for preset in (
        Preset(
            "app-store",
            ("app-store",),
            None,
            description="App Store customer-review feed (Atom with im:rating, or its JSON form)",
            forms=("feed", "json"),
        ),
        Preset(
            "app-store-connect",
            ("app-store",),
            None,
            description="App Store Connect customerReviews with their responses (JSON)",
            forms=("json",),
        ),
        Preset(
            "google-business",
            ("google",),
            None,
            description="Google Business Profile reviews: the API's answer or Takeout's (JSON)",
            forms=("json",),
        ),
        Preset(
            "facebook",
            ("facebook",),
            None,
            description="Facebook Page ratings and recommendations from the Graph API (JSON)",
            forms=("json",),
        ),
        Preset(
            "trustpilot",
            ("trustpilot",),
            None,
            description="Trustpilot's export of a business's reviews (CSV)",
            forms=("csv",),
        ),
        Preset(
            "google-play",
            ("google-play",),
            None,
            description="Google Play Console's monthly reviews report (CSV in UTF-16)",
            forms=("csv",),
        ),
        Preset(
            "wordpress-comments",
            ("blog", "other"),
            "question",
            keep_title=False,
            description="WordPress comment feed (RSS); titles are 'Comment on … by …'",
        ),
        Preset(
            "mastodon",
            ("mastodon", "other"),
            "question",
            description="Mastodon account or hashtag feed (RSS)",
        ),
        Preset(
            "generic",
            (),
            None,
            description="any RSS or Atom feed, or a CSV export",
            forms=("feed", "csv"),
        ),
    )
}

# The columns of the platforms' CSV exports (headers as `normal_header` gives them), per field;
# the first column found wins. Trustpilot publishes no list of its export's columns: these are the
# names its exports are known to carry (tests/fixtures/import/SOURCES.md).
CSV_COLUMNS = {
    "trustpilot": {
        "id": ("review id",),
        "date": ("review created (utc)", "review created"),
        "rating": ("review stars",),
        "title": ("review title",),
        "text": ("review content",),
        "author": ("review username", "review consumer user", "review consumer name"),
        "language": ("review language",),
        "url": ("review url", "review link"),
        "reply": ("company response", "company reply", "business reply"),
        "reply_date": (
            "company reply date (utc)",
            "company response created (utc)",
            "company response date (utc)",
            "business reply date (utc)",
        ),
    },
    "google-play": {
        # No id column: each review's link carries its id. The link opens the review in Play
        # Console, for the developer only, so it is no `url` to publish.
        "id": ("review link",),
        "date": ("review submit date and time", "review submit millis since epoch"),
        "rating": ("star rating",),
        "title": ("review title",),
        "text": ("review text",),
        "language": ("reviewer language",),
        "reply": ("developer reply text",),
        "reply_date": ("developer reply date and time", "developer reply millis since epoch"),
    },
}
# The review's own id inside an id column that holds a link ("…reviewId=gp:AOqpTO…&…").
CSV_ID_IN_LINK = {"google-play": re.compile(r"[?&#]reviewid=([^&#]+)", re.IGNORECASE)}
# The columns that give each export away, all of them needed.
_CSV_SIGNS = (
    ("trustpilot", ("Review Stars", "Review Created (UTC)")),
    ("trustpilot", ("Review Stars", "Review Content")),
    ("google-play", ("Package Name", "Star Rating", "Review Submit Date and Time")),
    ("google-play", ("Package Name", "Star Rating", "Review Submit Millis Since Epoch")),
)


def detect_csv_preset(normal_headers: set[str]) -> tuple[str, str] | None:
    """Return (preset name, the columns that gave it away) for a CSV header, or None."""
    for name, signs in _CSV_SIGNS:
        if all(sign.lower() in normal_headers for sign in signs):
            return name, " and ".join(signs[:2]) + " columns"
    return None


# A link's host says where a review was written, for feeds the generic preset reads.
_HOST_CHANNELS = (
    ("trustpilot.", "trustpilot"),
    ("tripadvisor.", "tripadvisor"),
    ("facebook.com", "facebook"),
    ("instagram.com", "instagram"),
    ("linkedin.com", "linkedin"),
    ("youtube.com", "youtube"),
    ("play.google.com", "google-play"),
    ("google.", "google"),
    ("apps.apple.com", "app-store"),
    ("itunes.apple.com", "app-store"),
    ("x.com", "x"),
    ("twitter.com", "x"),
)


def detect_preset(parsed) -> tuple[str, str] | None:
    """Return (preset name, the sign that gave it away) for a parsed feed, or None."""
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    generator = str(feed.get("generator", "")).lower()
    links = [str(entry.get("link", "")) for entry in entries[:20]]
    if APPLE_NAMESPACE in parsed.get("namespaces", {}).values():
        return "app-store", "im: namespace"
    if any(_host(link).endswith(("itunes.apple.com", "apps.apple.com")) for link in links):
        return "app-store", "App Store links"
    if "wordpress" in generator and all("wfw_commentrss" not in entry for entry in entries[:20]):
        # A post feed carries wfw:commentRss on every item; a comment feed does not.
        return "wordpress-comments", "WordPress generator"
    if "mastodon" in generator:
        return "mastodon", "Mastodon generator"
    if links and all(MASTODON_POST.match(link) for link in links):
        return "mastodon", "Mastodon post links"
    return None


def channel_from_links(links: list[str], channels: dict[str, str]) -> str | None:
    """Return the channel every link points at (by host), when they agree and the site has it."""
    found = {_host_channel(_host(link)) for link in links if link}
    if len(found) == 1:
        channel = found.pop()
        if channel in channels:
            return channel
    return None


def default_channel(preset: Preset, channels: dict[str, str]) -> str | None:
    """Return the preset's first channel the site knows, else None."""
    return next((name for name in preset.channels if name in channels), None)


def _host(link: str) -> str:
    try:
        return (urlsplit(link).hostname or "").lower()
    except ValueError:
        return ""


def _host_channel(host: str) -> str | None:
    for part, channel in _HOST_CHANNELS:
        if part.endswith("."):
            if f".{host}".find(f".{part}") != -1:
                return channel
        elif host == part or host.endswith("." + part):
            return channel
    return None
