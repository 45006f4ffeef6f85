"""Helpers for the import tests: fixture feeds, running the command, reading what it wrote."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path
from xml.sax.saxutils import escape

from generator.check.checks import check_documents
from generator.commands.cli import main
from generator.read.config import read_config
from generator.read.reader import find_review_files, read_documents

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def fixture(name: str) -> str:
    """Return the path of a fixture feed or export, as a string for the command line."""
    return str(FIXTURES / name)


def run(root: Path, capsys, *args: str) -> tuple[int, str, str]:
    """Run `reviewwall -C root import ARGS`; return (exit code, stdout, stderr)."""
    code = main(["-C", str(root), "import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fetch_timeouts(monkeypatch) -> list[float]:
    """Return a list that gets the timeout of each fetch as it starts (urllib's urlopen is
    still what fetches): a test of a server that never answers asks what was waited for, not
    how long it took."""
    timeouts: list[float] = []
    urlopen = urllib.request.urlopen

    def noting(request, timeout):
        timeouts.append(timeout)
        return urlopen(request, timeout=timeout)

    monkeypatch.setattr(urllib.request, "urlopen", noting)
    return timeouts


def format_problems(root: Path) -> list[str]:
    """Return the review format's own problems in every file, service rules aside."""
    # An imported review is rightly still waiting for its reply: rules would warn, not the format.
    config, problems = read_config(root)
    documents, read_problems = read_documents(root, find_review_files(config.reviews_dir))
    _, check_problems = check_documents(documents, config)
    return [str(p) for p in problems + read_problems + check_problems]


def files(root: Path) -> dict[str, str]:
    """Return every file under reviews/ (relative path -> text), lock file excepted."""
    reviews = root / "reviews"
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(reviews.rglob("*"))
        if path.is_file() and path.name != ".import.lock"
    }


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Return each review file's content digest and modification time, to prove none changed."""
    return {
        name: (hashlib.sha256(text.encode()).hexdigest(), (root / name).stat().st_mtime_ns)
        for name, text in files(root).items()
    }


def make_feed(count: int, changed: int | None = None) -> bytes:
    """Return an RSS feed with `count` rated entries; entry `changed` has different words."""
    items = []
    for i in range(1, count + 1):
        day = 1 + i % 28
        words = f"Review number {i}: the jacket & the boots <b>arrived</b>."
        if i == changed:
            words += " Edited later."
        items.append(
            f"<item><title>Entry {i}</title><guid>urn:bench:{i}</guid>"
            f"<link>https://www.trustpilot.com/reviews/{i}</link>"
            f"<pubDate>{day:02d} Jun 2026 {i % 24:02d}:{i % 60:02d}:00 +0200</pubDate>"
            f"<dc:creator>Customer {i}</dc:creator>"
            f"<description>{escape(f'<p>{words}</p><p>Rated {1 + i % 5} out of 5.</p>')}"
            "</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Reviews</title><link>https://www.trustpilot.com/review/shop.example</link>"
        "<language>en</language>" + "".join(items) + "</channel></rss>\n"
    ).encode()


def make_csv(count: int) -> bytes:
    """Return a CSV export with `count` rated rows, every tenth with a business reply."""
    rows = ["Review ID,Date,Stars,Title,Review Content,Reviewer,Reply,Reply Date,Link"]
    for i in range(1, count + 1):
        day = 1 + i % 28
        reply = f'"Thanks, customer {i}!"' if i % 10 == 0 else ""
        replied = f"2026-06-{day:02d}T23:30:00+02:00" if reply else ""
        rows.append(
            f"tp-{i},2026-06-{day:02d}T{i % 24:02d}:{i % 60:02d}:00+02:00,{1 + i % 5},"
            f'Entry {i},"Review number {i}: the jacket, the boots.\nArrived.",Customer {i},'
            f"{reply},{replied},https://www.trustpilot.com/reviews/{i}"
        )
    return ("\n".join(rows) + "\n").encode()


def make_google_json(count: int) -> bytes:
    """Return a Google Business Profile export of `count` reviews, as the API lists them.

    Like `make_feed`'s entries: the same words, ratings and dates, every tenth with the owner's
    reply and every twentieth a rating without words.
    """
    stars = ("ONE", "TWO", "THREE", "FOUR", "FIVE")
    reviews = []
    for i in range(1, count + 1):
        day = 1 + i % 28
        review = {
            "name": f"accounts/1/locations/2/reviews/bench{i}",
            "reviewId": f"bench{i}",
            "reviewer": {
                "profilePhotoUrl": f"https://lh3.googleusercontent.com/a-/bench{i}",
                "displayName": f"Customer {i}",
                "isAnonymous": False,
            },
            "starRating": stars[i % 5],
            "createTime": f"2026-06-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
            "updateTime": f"2026-06-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
        }
        if i % 20:
            review["comment"] = f"Review number {i}: the jacket & the boots arrived.\nRated well."
        if i % 10 == 0:
            review["reviewReply"] = {
                "comment": f"Thanks, customer {i}!",
                "updateTime": f"2026-06-{day:02d}T23:30:00Z",
            }
        reviews.append(review)
    export = {"reviews": reviews, "averageRating": 3.0, "totalReviewCount": count}
    return json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8")
