"""JSON exports of the review platforms: which one by its keys, every review mapped, every key
that is left out named."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .candidate import Candidate
from .encoding import read_text
from .platforms import (
    KEYS,
    is_app_record,
    map_app_store_connect,
    map_app_store_entry,
    map_facebook,
    map_google,
)
from .presets import PRESETS
from .sources import Source

_KNOWN = "Google Business Profile reviews, Facebook ratings, App Store Connect customer reviews "
_KNOWN += "or the App Store's review feed"
# Keys of an App Store Connect response that are read: its words, date and state; the rest links.
_RESPONSE_KEYS = {"type", "id", "links", "relationships", "attributes.responseBody"}
_RESPONSE_KEYS |= {"attributes.lastModifiedDate", "attributes.state"}


class JsonError(Exception):
    """The file as a whole cannot be imported; the message says why, in one line."""


@dataclass
class JsonRead:
    """The reviews as candidates, with the preset that read them and what it could not take."""

    candidates: list[Candidate] = field(default_factory=list)
    preset: str = ""
    detected: str | None = None  # the key that gave the preset away
    bad: list[tuple[str, str]] = field(default_factory=list)  # ('x.json: review 3', message)
    unused: list[str] = field(default_factory=list)  # keys of a review that are not imported
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def zoneless(self) -> bool:
        return any(candidate.zoneless for candidate in self.candidates)


def read_json(source: Source, preset: str | None = None, encoding: str | None = None) -> JsonRead:
    """Read a platform's JSON export into candidates; raise JsonError if it is none."""
    try:
        data = json.loads(read_text(source, encoding))
    except json.JSONDecodeError as error:
        raise JsonError(
            f"{source.name}: not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})"
        ) from None
    except RecursionError:
        raise JsonError(f"{source.name}: not an export: nested deeper than any export") from None
    found = detect_json(data)
    if preset is None and found is None:
        raise JsonError(f"{source.name}: not an export reviewwall knows ({_KNOWN})")
    if preset is not None and (found is None or found[0] != preset):
        raise JsonError(
            f"{source.name}: not what --preset {preset} reads: {PRESETS[preset].description}"
        )
    result = JsonRead(preset=found[0], detected=None if preset else found[1])
    unused: dict[str, None] = {}
    for entry in _entries(data, result, source.name, unused):
        if entry.problems:
            result.bad += [(entry.candidate.where, problem) for problem in entry.problems]
        else:
            result.candidates.append(entry.candidate)
            result.warnings += entry.warnings
    result.unused = list(unused)
    return result


def detect_json(data: object) -> tuple[str, str] | None:
    """Return (preset name, the key that gave it away) for a parsed JSON export, or None."""
    if isinstance(data, list):
        if any("starRating" in _object(item) for item in data[:20]):
            return "google-business", "starRating key"
        return None
    if not isinstance(data, dict):
        return None
    reviews = data.get("reviews")
    if isinstance(reviews, list):
        if not reviews or any(_has(item, "starRating", "reviewId") for item in reviews[:20]):
            return "google-business", "reviews[].starRating key"
    located = data.get("locationReviews")
    if isinstance(located, list) and any(_has(item, "review") for item in located[:20]):
        return "google-business", "locationReviews[].review key"
    rows = data.get("data")
    rows = [rows] if isinstance(rows, dict) else rows if isinstance(rows, list) else []
    if any(_object(row).get("type") == "customerReviews" for row in rows[:20]):
        return "app-store-connect", "customerReviews type"
    if any(_has(row, "recommendation_type") for row in rows[:20]):
        return "facebook", "data[].recommendation_type key"
    if any(_has(row, "created_time") and _has(row, "review_text", "rating") for row in rows[:20]):
        return "facebook", "data[].created_time and review_text keys"
    feed = data.get("feed")
    if isinstance(feed, dict):
        entries = feed.get("entry")
        entries = [entries] if isinstance(entries, dict) else entries or []
        if any(_has(entry, "im:rating") for entry in entries[:20]):
            return "app-store", "feed.entry[].im:rating key"
        if "itunes.apple.com" in str(_object(feed.get("id")).get("label", "")):
            return "app-store", "feed.id of the App Store"
    return None


def _entries(data, result: JsonRead, name: str, unused: dict[str, None]):
    """Yield each review of the export as an Entry; note paging and what is left out."""
    preset, used = result.preset, KEYS[result.preset]
    if preset == "google-business":
        if isinstance(data, list):
            items = data
        elif isinstance(data.get("locationReviews"), list):
            items = [_object(item).get("review") for item in data["locationReviews"]]
        else:
            items = data.get("reviews") or []
        _paging(result, name, _object(data).get("nextPageToken"), "nextPageToken")
        for number, item in enumerate(items, 1):
            _walk(_object(item), used, "", unused)
            yield map_google(_object(item), f"{name}: review {number}")
    elif preset == "facebook":
        _paging(result, name, _object(data.get("paging")).get("next"), "paging.next")
        for number, item in enumerate(data.get("data") or [], 1):
            _walk(_object(item), used, "", unused)
            yield map_facebook(_object(item), f"{name}: review {number}")
    elif preset == "app-store-connect":
        rows = data["data"] if isinstance(data["data"], list) else [data["data"]]
        responses = {
            str(item.get("id")): item
            for item in map(_object, data.get("included") or [])
            if item.get("type") == "customerReviewResponses"
        }
        _paging(result, name, _object(data.get("links")).get("next"), "links.next")
        waiting: list[str] = []
        reviews = [row for row in map(_object, rows) if row.get("type") == "customerReviews"]
        for number, item in enumerate(reviews, 1):
            _walk(item, used, "", unused)
            entry = map_app_store_connect(item, responses, f"{name}: review {number}")
            response = responses.get(_response_id(item))
            if response is not None:
                _walk(response, _RESPONSE_KEYS, "", unused, "response ")
                state = _object(response.get("attributes")).get("state", "PUBLISHED")
                waiting += [str(state)] if state != "PUBLISHED" else []
            yield entry
        if waiting:
            states = ", ".join(sorted(set(waiting)))
            many = len(waiting) > 1
            result.notes.append(
                f"{len(waiting)} response{'s' if many else ''} not published yet ({states}) "
                f"{'were' if many else 'was'} left out; once public, add "
                f"{'them' if many else 'it'} to the review's thread by hand."
            )
    else:
        items = _object(data.get("feed")).get("entry") or []
        items = [items] if isinstance(items, dict) else items
        reviews = [item for item in map(_object, items) if not is_app_record(item)]
        for number, item in enumerate(reviews, 1):
            _walk(item, used, "", unused)
            yield map_app_store_entry(item, f"{name}: review {number}")


def _paging(result: JsonRead, name: str, following: object, key: str) -> None:
    if following:
        result.warnings.append(
            f"{name}: more reviews follow on a next page ({key}); import that page too, or they "
            "are missing"
        )


def _walk(item: dict, used: set[str], prefix: str, unused: dict[str, None], label="") -> None:
    """Note each key of item, as a path, that is neither read nor leads to a key that is."""
    for key, value in item.items():
        path = prefix + key
        if path in used:
            continue
        if isinstance(value, dict) and any(name.startswith(path + ".") for name in used):
            _walk(value, used, path + ".", unused, label)
        elif value not in (None, "", [], {}):
            unused[label + path] = None


def _response_id(review: dict) -> str:
    relationships = _object(review.get("relationships"))
    return str(_object(_object(relationships.get("response")).get("data")).get("id") or "")


def _has(item: object, *keys: str) -> bool:
    return isinstance(item, dict) and any(key in item for key in keys)


def _object(value: object) -> dict:
    return value if isinstance(value, dict) else {}
