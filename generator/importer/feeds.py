"""RSS and Atom feeds, read by feedparser after defusedxml has made sure they play no XML tricks."""

from __future__ import annotations

import re
import xml.sax
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import ElementTree as DefusedTree
from defusedxml.common import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from .candidate import Candidate, parse_moment
from .encoding import EncodingError, normalize_feed
from .plaintext import html_to_text, tidy_text
from .presets import MASTODON_POST, PRESETS, Preset, detect_preset
from .ratings import find_rating
from .sources import Source

_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class FeedError(Exception):
    """The feed cannot be imported at all; the message says why, in one line."""


@dataclass
class FeedRead:
    """What a feed gave: its entries as candidates, the preset used, and anything to warn about."""

    candidates: list[Candidate]
    preset: Preset
    detected: str | None = None  # what gave the preset away, when it was not chosen
    warning: str | None = None
    skipped: list[tuple[Candidate, str]] = field(default_factory=list)


def read_feed(
    source: Source, preset_name: str | None = None, encoding: str | None = None
) -> FeedRead:
    """Parse a feed into candidates; raise FeedError when there is nothing safe to import."""
    refuse_entity_tricks(source)
    try:
        data = normalize_feed(source, encoding)
    except EncodingError as error:
        raise FeedError(str(error)) from None
    # The bytes are UTF-8 now, and declare it; a charset the server named no longer applies.
    headers = dict(source.headers)
    if "content-type" in headers:
        headers["content-type"] = headers["content-type"].split(";", 1)[0] + "; charset=utf-8"
    # Every HTML value becomes plain text in `plaintext`, which keeps no markup at all, so
    # feedparser's own sanitizing would only double the time a large feed takes.
    parsed = feedparser.parse(
        data,
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries", [])
    warning = None
    if parsed.get("bozo"):
        reason = _describe(parsed.get("bozo_exception"), data)
        if not entries:
            raise FeedError(f"{source.name}: not a feed that can be read ({reason})")
        warning = f"{source.name}: the feed is broken ({reason}); imported what could be read"
    elif not parsed.get("version") and not entries:
        raise FeedError(f"{source.name}: not an RSS or Atom feed")
    detected = None
    if preset_name is None:
        found = detect_preset(parsed)
        preset_name, detected = found if found else ("generic", None)
    preset = PRESETS[preset_name]
    feed_language = _language(parsed.get("feed", {}).get("language"))
    candidates = [
        read_entry(entry, f"{source.name}: entry {number}", preset, feed_language)
        for number, entry in enumerate(entries, 1)
    ]
    result = FeedRead(candidates, preset, detected, warning=warning)
    if candidates and parsed.get("bozo") and not _ends_whole(data):
        # A feed cut off mid-way ends in an entry that may lack its id or the end of its text;
        # importing that would duplicate it once the whole feed is back. A feed that is whole but
        # broken (an undefined &nbsp;, a stray '&') keeps its last entry.
        result.skipped.append((candidates.pop(), "at the end of a broken feed"))
    return result


_ROOT_END = re.compile(rb"</\s*(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*$")


def _ends_whole(data: bytes) -> bool:
    # Tag names are ASCII: without its zero bytes, UTF-16 reads the same as UTF-8 here.
    return bool(_ROOT_END.search(data[-400:].replace(b"\x00", b"")))


def refuse_entity_tricks(source: Source) -> None:
    """Raise FeedError if the XML declares entities: they read files or expand without end."""
    try:
        DefusedTree.fromstring(
            source.data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except ExternalReferenceForbidden as error:
        raise FeedError(_external(source.name, error.sysid)) from None
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise FeedError(_external(source.name, error.sysid or error.pubid)) from None
        raise FeedError(
            f"{source.name}: refused: the feed declares the XML entity '{error.name}'; "
            "entities can expand without end and feeds never need them"
        ) from None
    except DefusedXmlException as error:
        raise FeedError(f"{source.name}: refused: {error}") from None
    except (ParseError, ValueError, LookupError):
        # Broken XML: expat stopped before any declaration it could refuse. Look for one anyway.
        for declaration in ("<!ENTITY", "<!entity"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if declaration.encode(encoding) in source.data:
                    raise FeedError(
                        f"{source.name}: refused: the feed declares XML entities, which can read "
                        "files or expand without end; feeds never need them"
                    ) from None


def _external(name: str, target: str | None) -> str:
    return (
        f"{name}: refused: the feed declares an external XML entity ({target}), which could "
        "read files on this computer; feeds never need one"
    )


def _describe(error: object, data: bytes) -> str:
    if isinstance(error, xml.sax.SAXParseException):
        # feedparser puts an XML declaration on its own line before a document that has none.
        head = data[:200]
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
        text = head.decode("utf-16" if utf16 else "utf-8", "ignore").lstrip("\ufeff")
        line = error.getLineNumber() - (0 if text.startswith("<?xml") else 1)
        return f"line {max(line, 1)}: {error.getMessage()}"
    return str(error) or type(error).__name__


def read_entry(entry, where: str, preset: Preset, feed_language: str | None) -> Candidate:
    """Map one feedparser entry to a candidate review."""
    text = _entry_text(entry)
    title = (
        _detail_text(entry.get("title_detail"), entry.get("title")) if preset.keep_title else None
    )
    link = _entry_link(entry)
    rating = _whole_rating(entry.get("im_rating"))
    if rating is None:
        rating = find_rating(title, text)
    return Candidate(
        where=where,
        received=_entry_moment(entry),
        text=text,
        source_id=(str(entry.get("id") or "").strip() or link),
        author=_entry_author(entry, link, preset),
        rating=rating,
        title=title,
        url=link,
        language=_entry_language(entry) or feed_language,
    )


def _entry_text(entry) -> str | None:
    contents = entry.get("content") or []
    # The App Store gives a plain text and an HTML table of the same review: take the plain one.
    plain = [c for c in contents if c.get("type") == "text/plain" and c.get("value")]
    for detail in plain[:1] or contents[:1] or [entry.get("summary_detail")]:
        if detail and detail.get("value"):
            return _detail_text(detail, detail["value"])
    return _detail_text(None, entry.get("summary"))


def _detail_text(detail, value: str | None) -> str | None:
    if not value:
        return None
    kind = (detail or {}).get("type", "text/html")
    text = html_to_text(value) if "html" in kind else tidy_text(value)
    return text or None


def _entry_link(entry) -> str | None:
    links = [entry.get("link")] + [
        link.get("href") for link in entry.get("links", []) if link.get("rel") != "enclosure"
    ]
    return next((str(link) for link in links if link and _URL.match(str(link))), None)


def _entry_author(entry, link: str | None, preset: Preset) -> str | None:
    name = (entry.get("author_detail") or {}).get("name") or entry.get("author")
    if name and "@" in name and " " not in name.strip() and preset.name != "mastodon":
        name = None  # an e-mail address is not a name to publish
    if not name and preset.name == "mastodon" and link and MASTODON_POST.match(link):
        name = "@" + link.split("/@", 1)[1].split("/", 1)[0]
    name = tidy_text(name or "")
    return " ".join(name.split()) or None


def _whole_rating(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text in ("1", "2", "3", "4", "5") else None


def _entry_moment(entry) -> datetime | None:
    for key in ("published", "updated", "created"):
        moment = parse_moment(entry.get(key))
        if moment is not None:
            return moment
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def _entry_language(entry) -> str | None:
    details = list(entry.get("content") or []) + [
        entry.get("summary_detail"),
        entry.get("title_detail"),
    ]
    for detail in details:
        language = _language((detail or {}).get("language"))
        if language:
            return language
    return _language(entry.get("language"))


def _language(value: object) -> str | None:
    text = str(value or "").strip().replace("_", "-")
    return text if _LANGUAGE.fullmatch(text) else None
