"""What may be published about a person: how names are shown and which numbers are masked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .config import RedactPattern

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Nordic numbers: +47/+46/+45/+358 or 0047-style prefixes, then 8 to 10 digits in groups of 2-4,
# spaced, dotted, dashed or not. Trailing/leading digits must not join (no bigger number around).
PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)(?:47|46|45|358)[\s.-]?)?"
    r"(?:\(0\)\s?)?"
    r"\d{2,4}(?:[\s.-]?\d{2,4}){1,4}"
    r"(?![\w])"
)
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Redaction:
    """A piece of private text found in a review: what kind it is, and the text itself."""

    label: str
    found: str


def _looks_like_phone(candidate: str) -> bool:
    digits = len(_DIGITS.findall(candidate))
    international = candidate.startswith(("+", "00"))
    if international:
        return 9 <= digits <= 14
    # National numbers: Norway and Denmark 8 digits, Sweden and Finland 7-10 starting with 0.
    if digits == 8:
        return True
    return candidate.startswith("0") and 7 <= digits <= 10


def find_private(text: str, patterns: Iterable[RedactPattern] = ()) -> list[Redaction]:
    """Return every e-mail address, phone number and site-specific pattern found in text."""
    found = [Redaction("e-mail", m.group()) for m in EMAIL.finditer(text)]
    without_emails = EMAIL.sub(" ", text)
    found += [
        Redaction("phone number", m.group().strip())
        for m in PHONE.finditer(without_emails)
        if _looks_like_phone(m.group().strip()) and not _is_date_or_time(m.group())
    ]
    for pattern in patterns:
        found += [Redaction(pattern.label, m.group()) for m in pattern.pattern.finditer(text)]
    return found


def _is_date_or_time(candidate: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}", candidate.strip()))


def redact(text: str, patterns: Iterable[RedactPattern] = ()) -> str:
    """Return text with e-mail addresses, phone numbers and site patterns masked."""
    if not text:
        return text
    text = EMAIL.sub("[e-mail removed]", text)

    def mask_phone(match: re.Match) -> str:
        candidate = match.group()
        if _looks_like_phone(candidate.strip()) and not _is_date_or_time(candidate):
            return "[phone number removed]"
        return candidate

    text = PHONE.sub(mask_phone, text)
    for pattern in patterns:
        text = pattern.pattern.sub(f"[{pattern.label} removed]", text)
    return text


def display_name(author: str | None, style: str, consent: str) -> str | None:
    """Return the customer's name as the site shows it, or None when it shows no name."""
    if not author or consent != "public" or style == "none":
        return None
    words = author.split()
    if style == "full" or len(words) == 1 and style == "short":
        return author
    if style == "initials":
        return " ".join(f"{word[0].upper()}." for word in words)
    return f"{words[0]} {words[-1][0].upper()}."
