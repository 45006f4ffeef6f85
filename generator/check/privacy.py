"""What may be published about a person: how names are shown and which numbers are masked.

Masking rules (docs/pages/safety-and-privacy.md has the table):
- e-mail addresses: anything like name@host.tld (not a fediverse handle, @name@host.tld);
- phone numbers: an international number (+ and a country code, or 0047/0046/0045/00358), or a
  national Nordic number: 8 digits (Norway, Denmark) or 7 to 10 digits starting with 0 (Sweden,
  Finland); digits in groups, spaced, dotted or dashed or not;
- never dates (2026-11-03, 03.11.2026), times and time ranges (14:05, 08.00-16.00), year ranges
  (1990-2026), amounts with a currency (12 345 678 kr) or references after '#' (#20261103);
- then whatever patterns site_config.yml adds under privacy.redact (order numbers, accounts),
  and the words a review's own `redact:` lists (a name the customer signed with).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..read.problems import Problems
from ..read.review import Review
from ..read.sections import PrivacyConfig, RedactPattern
from ..read.yamltree import Node

# Not after "@": @name@server.example is a public fediverse handle, not an e-mail address.
EMAIL = re.compile(r"(?<![@\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
PHONE = re.compile(
    r"(?<![\w+#])"
    r"(?:"
    # International: +<country code> or a Nordic 00 prefix, maybe in brackets, then the number
    # (its first group may be a one-digit area code: +46 8 …, +358 9 …).
    r"\(?(?:\+\d{1,3}|00(?:47|46|45|358))\)?[\s.-]?(?:\(0\)\s?)?\d{1,4}"
    r"|\d{2,4}"
    r")"
    r"(?:[\s.-]?\d{2,4}){1,4}"
    r"(?!\w)"
)
_DIGIT = re.compile(r"\d")
_GROUP_BREAK = re.compile(r"\s")
# Number-like things that are never phone numbers.
_NOT_PHONE = re.compile(
    r"\d{4}-\d{2}-\d{2}"  # ISO date
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}"  # 03.11.2026
    r"|\d{4}\s?[-–]\s?\d{4}"  # year or time range: 1990-2026, 0800-1600
    r"|\d{1,2}[.:]\d{2}(?:\s?[-–]\s?\d{1,2}[.:]\d{2})?"  # 14.05, 08.00-16.00
)
_CURRENCY_AFTER = re.compile(r"\s?(?:kr\b|nok\b|sek\b|dkk\b|eur\b|euro|€|,-|:-)", re.IGNORECASE)
# A currency before the number, unless it ends an amount of its own ("1 299 kr 91234567").
_CURRENCY_BEFORE = re.compile(
    r"(?:^|[^\d\s])\s*(?:\b(?:kr\.?|nok|sek|dkk|eur)|€)\s?$", re.IGNORECASE
)
# Lowercase words inside names ("van der Berg") that are not the family name.
_PARTICLES = {"af", "av", "da", "de", "del", "den", "der", "di", "dos", "du", "la", "le", "van"}
_PARTICLES |= {"von", "ten", "ter", "zu"}
_LETTER = re.compile(r"[^\W\d_]")
_EMPTY_BRACKETS = re.compile(r"[(<\[{]\s*[)>\]}]")

# The label of the words a review's own redact: masks (the site's labels give the mask shown).
REDACTED = "redacted"
MASKS = {
    "e-mail": "[e-mail removed]",
    "phone number": "[phone number removed]",
    REDACTED: "[removed]",
}


@dataclass(frozen=True, slots=True)
class Redaction:
    """A piece of private text found in a review: what kind it is, and the text itself."""

    label: str
    found: str
    start: int = 0
    end: int = 0


def _is_phone(text: str, match: re.Match) -> bool:
    candidate = match.group().strip()
    if _NOT_PHONE.fullmatch(candidate):
        return False
    if _CURRENCY_AFTER.match(text, match.end()) or _CURRENCY_BEFORE.search(text, 0, match.start()):
        return False
    digits = len(_DIGIT.findall(candidate))
    if candidate.lstrip("(").startswith(("+", "00")):
        return 8 <= digits <= 15
    # National numbers: Norway and Denmark 8 digits, Sweden and Finland 7-10 starting with 0.
    return digits == 8 or candidate.startswith("0") and 7 <= digits <= 10


def find_private(text: str, patterns: Iterable[RedactPattern] = ()) -> list[Redaction]:
    """Return every site pattern, e-mail address and phone number in text, in that order."""
    found: list[Redaction] = []
    taken: list[tuple[int, int]] = []

    def add(label: str, matches: Iterator[re.Match]) -> None:
        for match in matches:
            overlaps = any(match.start() < end and start < match.end() for start, end in taken)
            if match.group().strip() and not overlaps:
                found.append(Redaction(label, match.group().strip(), match.start(), match.end()))
                taken.append((match.start(), match.end()))

    # Site patterns first: they are the most specific ("order 12345678" is an order, not a phone).
    for pattern in patterns:
        add(pattern.label, pattern.pattern.finditer(text))
    if "@" in text:  # most texts have none, and this is asked of every text
        add("e-mail", EMAIL.finditer(text))
    add("phone number", _phones(text))
    return found


def _phones(text: str) -> Iterator[re.Match]:
    position = 0
    while match := PHONE.search(text, position):
        if _is_phone(text, match):
            yield match
            position = match.end()
            continue
        # A number may be glued to a date or a price before it ("2026-11-03 91234567"):
        # look again from the next group rather than skipping the whole run of digits.
        gap = _GROUP_BREAK.search(text, match.start() + 1, match.end())
        position = gap.end() if gap else match.end()


def redact(
    text: str, patterns: Iterable[RedactPattern] = (), masks: dict[str, str] | None = None
) -> str:
    """Return text with e-mail addresses, phone numbers and site patterns masked."""
    if not text:
        return text
    masks = masks or MASKS
    for found in sorted(find_private(text, patterns), key=lambda f: f.start, reverse=True):
        mask = masks.get(found.label) or masks.get("other", "[{label} removed]")
        text = text[: found.start] + mask.format(label=found.label) + text[found.end :]
    return text


def strip_private(text: str, patterns: Iterable[RedactPattern] = ()) -> str:
    """Return text without any private part at all, tidied ("Kari N <kari@x.no>" → "Kari N")."""
    for found in sorted(find_private(text, patterns), key=lambda f: f.start, reverse=True):
        text = text[: found.start] + " " + text[found.end :]
    text = _EMPTY_BRACKETS.sub(" ", text)
    return " ".join(text.split()).strip(" ,;:-|/")


def _first_letter(word: str) -> str:
    letter = _LETTER.search(word)
    return (letter.group() if letter else word[0]).upper()


def _initial(word: str) -> str:
    if word.lower() in _PARTICLES:
        return f"{word[0].lower()}."
    return "-".join(f"{_first_letter(part)}." for part in word.split("-") if part)


def display_name(
    author: str | None, style: str, consent: str, patterns: Iterable[RedactPattern] = ()
) -> str | None:
    """Return the customer's name as the site shows it, or None when it shows no name.

    An e-mail address or phone number in the name is dropped, not masked: "[e-mail removed]"
    is no name. Short names keep the first word and the family name's initial.
    """
    if not author or consent != "public" or style == "none":
        return None
    words = strip_private(author, patterns).split()
    if not words:
        return None
    if style == "full":
        return " ".join(words)
    if style == "initials":
        return " ".join(_initial(word) for word in words)
    if len(words) == 1:
        return words[0]
    family = next((w for w in reversed(words[1:]) if w.lower() not in _PARTICLES), words[-1])
    return f"{words[0]} {_first_letter(family)}."


def check_private_data(
    path: str, top: dict[str, Node], patterns: Iterable[RedactPattern], problems: Problems
) -> None:
    """Warn at each published field that holds an e-mail, phone number or site pattern."""
    patterns = tuple(patterns)

    def scan(node: Node | None, name: str) -> None:
        if node is None:
            return
        if node.kind == "list":
            for i, item in enumerate(node.value):
                scan(item, f"{name}[{i + 1}]")
        elif node.kind == "text":
            for found in find_private(str(node.value), patterns):
                problems.warn(
                    path,
                    node.line,
                    f"{name}: {found.label} '{found.found}' is masked on the site; "
                    "remove it from the file too",
                )

    for name in ("author", "title", "text", "tags"):
        scan(top.get(name), name)
    thread = top.get("thread")
    for i, item in enumerate(thread.value if thread and thread.kind == "list" else []):
        if item.kind != "mapping":
            continue
        private = item.value.get("private")
        is_private = private is not None and str(private.value).lower() in ("true", "yes")
        # A private entry's text is never published; only its summary is.
        for key in ("summary",) if is_private else ("by", "text", "summary"):
            scan(item.value.get(key), f"thread[{i + 1}].{key}")
    outcome = top.get("outcome")
    if outcome is not None and outcome.kind == "mapping":
        for key in ("summary", "customer_said", "change"):
            scan(outcome.value.get(key), f"outcome.{key}")


_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]{2,})*")


def check_hidden_name(review: Review, style: str, problems: Problems) -> None:
    """Warn where staff text names a customer whom the site shows without a name.

    "Hi Kari," under a review shown as anonymous gives the name away. Only staff-written text is
    checked: the customer's own words are published verbatim.
    """
    if not review.author or display_name(review.author, style, review.consent) is not None:
        return
    masked = review_patterns(review)  # a name the review's redact: masks is never shown
    names = {
        name
        for name in _NAME_WORD.findall(strip_private(review.author))
        if not any(pattern.pattern.fullmatch(name) for pattern in masked)
    }
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    texts = [
        (entry.line, f"thread[{i}].{'summary' if entry.private else 'text'}", text)
        for i, entry in enumerate(review.thread, 1)
        if entry.side == "business" and (text := entry.summary if entry.private else entry.text)
    ]
    texts += [
        (review.outcome.line, f"outcome.{key}", text)
        for key in ("summary", "change")
        if (text := getattr(review.outcome, key))
    ]
    for line, name, text in texts:
        if found := pattern.search(text):
            problems.warn(
                review.path,
                line,
                f"{name}: names the customer ('{found.group()}') but the review is shown "
                "without a name; leave the name out, or set consent: public if the customer "
                "agreed to be named",
            )


# How customers sign off in the Nordic languages and English, before their name.
SIGN_OFFS = (
    # Norwegian (bokmål, nynorsk), Danish
    ("med vennlig hilsen", "vennlig hilsen", "vennlige hilsener", "beste hilsen", "hilsen")
    + ("hilsener", "mvh", "med venleg helsing", "venleg helsing", "helsing")
    + ("med venlig hilsen", "venlig hilsen", "venlige hilsner", "de bedste hilsner")
    + ("bedste hilsner", "kærlig hilsen")
    # Swedish, Finnish, Icelandic
    + ("med vänliga hälsningar", "vänliga hälsningar", "vänlig hälsning", "bästa hälsningar")
    + ("hälsningar", "ystävällisin terveisin", "parhain terveisin", "terveisin")
    + ("bestu kveðjur", "með kveðju", "kveðja")
    # English
    + ("best regards", "kind regards", "warm regards", "regards", "best wishes")
    + ("yours sincerely", "sincerely", "cheers")
)
# A sign-off that starts a line or a sentence, then on the same or the next line one to three
# words and nothing more on that line: "Mvh Mette", "Med vänliga hälsningar,\nAnna Berg"
# (a blank line between them too).
_SIGNATURE = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+)[ \t]*(?P<sign_off>(?i:"
    + "|".join(sorted(SIGN_OFFS, key=len, reverse=True))  # "hilsener" before "hilsen"
    + r"))(?!\w)\.?[ \t]*[,:–-]?"
    r"[ \t]*(?:\n[ \t]*){0,2}(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2})"
    r"[ \t]*[.!]?[ \t]*$",
    re.MULTILINE,
)


def review_patterns(review: Review) -> tuple[RedactPattern, ...]:
    """Return patterns that mask the words of a review's own `redact:` list, as whole words."""
    patterns = []
    for words in review.redact:
        spaced = r"\s+".join(map(re.escape, words.split()))
        if spaced:
            patterns.append(
                RedactPattern(re.compile(rf"(?<![\w-]){spaced}(?![\w-])", re.IGNORECASE), REDACTED)
            )
    return tuple(patterns)


def patterns_for(review: Review, patterns: Iterable[RedactPattern]) -> tuple[RedactPattern, ...]:
    """Return what to mask in a review's published text: its own words, then the site's."""
    return review_patterns(review) + tuple(patterns)


def find_signatures(text: str) -> list[tuple[str, str]]:
    """Return (signature, name) for each sign-off with a name in text: ("Mvh Mette", "Mette")."""
    found = []
    for match in _SIGNATURE.finditer(text):
        name = match.group("name").rstrip(".")
        if all(word[0].isupper() for word in name.split()):
            signature = " ".join(match.group().split()).rstrip(".!")
            found.append((signature, name))
    return found


def check_signature(review: Review, privacy: PrivacyConfig, problems: Problems) -> None:
    """Warn where the customer's own words sign with a name the site shows nowhere else.

    A review shown without a name ("Mvh Mette" under an anonymous one) gives it away all the
    same. The customer's words are never changed: `redact:` masks the name on the site, and
    `redact: []` says it was looked at and holds no name.
    """
    mine = review_patterns(review)
    _check_redact_words(review, mine, problems)
    looked = "redact" in review.lines and not review.redact
    shown = display_name(review.author, privacy.names, review.consent, privacy.redact)
    if looked or shown is not None:
        return
    texts = [(review.lines.get("text", 1), "text", review.text)]
    texts += [
        (entry.line, f"thread[{i}].text", entry.text)
        for i, entry in enumerate(review.thread, 1)
        if entry.side == "customer"
    ]
    if review.outcome.customer_said:
        texts.append((review.outcome.line, "outcome.customer_said", review.outcome.customer_said))
    for line, name, text in texts:
        for signature, signed in find_signatures(text or ""):
            if _masked(signed, mine):
                continue
            problems.warn(
                review.path,
                line,
                f"{name}: signed '{signature}', but the review is shown without a name; add "
                f"redact: [{signed}] to mask it on the site (the file keeps the customer's "
                "words), or redact: [] if it is no name",
            )


def _masked(name: str, patterns: tuple[RedactPattern, ...]) -> bool:
    for pattern in patterns:
        name = pattern.pattern.sub(" ", name)
    return not _LETTER.search(name)


def _check_redact_words(
    review: Review, mine: tuple[RedactPattern, ...], problems: Problems
) -> None:
    """Warn at a word of `redact:` that the review's published text does not hold."""
    published = [review.text, review.title, review.outcome.customer_said]
    published += [review.outcome.summary, review.outcome.change]
    for entry in review.thread:  # a private entry's text is never published
        published += [entry.summary] if entry.private else [entry.text, entry.by]
    for number, (words, pattern) in enumerate(zip(review.redact, mine, strict=False), 1):
        if not any(text and pattern.pattern.search(text) for text in published):
            problems.warn(
                review.path,
                review.lines.get("redact", 1),
                f"redact[{number}]: '{words}' is nowhere in the review, so nothing is masked; "
                "check the spelling",
            )
