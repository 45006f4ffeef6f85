"""Write a new review file: correctly named, with a commented skeleton for the rest."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from ..read.reader import find_review_files
from ..read.review import CHANNELS, KINDS
from ..read.schema import REVIEW_MODELINE


@dataclass
class NewReview:
    """What staff gave for a new review; None where they gave nothing."""

    channel: str
    received: datetime
    text: str | None = None
    author: str | None = None
    rating: int | None = None
    kind: str | None = None
    title: str | None = None
    language: str | None = None
    url: str | None = None
    slug: str | None = None


def format_moment(moment: datetime | None) -> str:
    """Return 2026-11-03T14:05+01:00, with seconds only when there are some."""
    if moment is None:
        return ""
    moment = moment.replace(microsecond=0)
    return moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")


def slugify(text: str, limit: int = 40) -> str:
    """Return 'anne-marit' for 'Anne Marit'; letters outside a–z are folded or dropped."""
    folded = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:limit].rstrip("-") or "review"


def _scalar(value: object) -> str:
    """Return a YAML scalar that reads back as exactly this value (quoted where YAML could trip)."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def skeleton(new: NewReview) -> str:
    """Return the text of the new file: given fields set, the others as comments to fill in."""
    lines = [
        REVIEW_MODELINE,
        "# One review. The format: docs/pages/review-file.md in reviewwall's repository.",
    ]
    lines.append(f"channel: {new.channel}  # one of: {', '.join(CHANNELS)}")
    lines.append(f"received: {new.received.isoformat(timespec='minutes')}")
    for name, value, hint in (
        ("author", new.author, "the customer's name as given"),
        ("rating", new.rating, "whole number 1-5"),
        ("kind", new.kind, " | ".join(KINDS) + " (required when there is no rating)"),
        ("language", new.language, "BCP 47 tag of the customer's text, like nb, fi, sv, en"),
        ("title", new.title, "the review's title, if the channel has one"),
        ("url", new.url, "link to the original public post"),
    ):
        lines.append(f"{name}: {_scalar(value)}" if value is not None else f"# {name}:   # {hint}")
    lines.append("# consent: public   # public | anonymous | withheld")
    lines.append("# verified: true    # true: matched to a real order; false: no order found")
    lines.append("# tags: [delivery]")
    if new.text:
        lines.append("text: |")
        lines += [f"  {line}" if line.strip() else "" for line in new.text.strip().splitlines()]
    else:
        lines.append("text: |  # the customer's own words, verbatim")
        lines.append("  ")
    lines += [
        "# reviewwall reply, private, followup and resolve write what follows for you.",
        "# thread:           # replies after the review, oldest first",
        "#   - at: 2026-01-01T12:00",
        "#     by: Your name, customer service",
        "#     text: |",
        "#       Your personal reply (Markdown).",
        "#   - at: 2026-01-01T15:00   # the talk moved to a private channel",
        "#     private: true",
        "#     via: email          # email | phone | chat | message | in-store",
        "#     summary: What the public may know of it (Markdown).",
        "#     text: Notes for staff; never published.",
        "# outcome:",
        "#   status: resolved   # open | resolved | explained | unresolved",
        "#   at: 2026-01-02",
        "#   summary: What happened, in one or two sentences.",
        "",
    ]
    return "\n".join(lines)


def write_new_review(reviews_dir: Path, new: NewReview) -> Path:
    """Create the file exclusively under reviews/<year>/; never overwrites an existing file."""
    day = new.received.date().isoformat()
    slug = slugify(new.slug or (new.author.split()[0] if new.author else new.channel))
    folder = reviews_dir / day[:4]
    folder.mkdir(parents=True, exist_ok=True)
    text = skeleton(new)
    taken = {path.stem for path in find_review_files(reviews_dir)}  # ids are unique across reviews/
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"{day}-{slug}{suffix}.yml"
        if path.stem in taken:
            continue
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free file name for {day}-{slug} in {folder}")
