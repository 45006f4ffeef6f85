"""Find a star rating stated in words: "Rated 4 out of 5", "4/5", "4 av 5", "★★★★☆", "4 stars"."""

from __future__ import annotations

import re

# Only ratings out of five are read: "8/10" is left alone rather than guessed at.
# A lone digit: not part of 14, 4.5 or 3/4/5, though a full stop may end the sentence after it.
_NUMBER = r"(?<![\d/])(?<!\d[.,])([1-5])(?!\d|[.,]\d)"
_PATTERNS = (
    # "Rated 4 out of 5", "4 out of 5 stars", "4 of 5", "4 av 5 stjerner", "4 av 5 stjärnor"
    re.compile(_NUMBER + r"\s*(?:out\s+of|of|av|af|/)\s*5(?!\d|[.,]\d|/)", re.IGNORECASE),
    # "4 stars", "4 stjerner", "4 stjärnor", "4 tähteä", "4 stjerne", "4-star"
    re.compile(
        _NUMBER + r"[\s-]*(?:stars?|stjerner?|stjärn(?:a|or)|tähte[äa]|tähti)\b", re.IGNORECASE
    ),
)
# A run of five stars, filled and empty: "★★★★☆" is 4.
_STARS = re.compile(r"[★☆]{5}")


def find_rating(*texts: str | None) -> int | None:
    """Return the first rating from 1 to 5 stated in the texts, in order, else None."""
    for text in texts:
        if not text:
            continue
        rating = _rating_in(text)
        if rating is not None:
            return rating
    return None


def _rating_in(text: str) -> int | None:
    found: list[tuple[int, int]] = []  # (position, rating)
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), int(match.group(1))))
    stars = _STARS.search(text)
    if stars and not re.match(r"[★☆]", text[stars.end() : stars.end() + 1]):
        filled = stars.group().count("★")
        if 1 <= filled <= 5:
            found.append((stars.start(), filled))
    return min(found)[1] if found else None


def read_rating_cell(value: str) -> int | None:
    """Return the rating in a CSV cell ("4", "4.0", "4/5", "★★★★☆"), or None if none is there."""
    value = value.strip()
    if re.fullmatch(r"[1-5](?:[.,]0+)?", value):
        return int(value[0])
    return find_rating(value)
