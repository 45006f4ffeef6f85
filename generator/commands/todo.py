"""`reviewwall todo`: the cases that need someone now, most urgent first.

Unanswered cases (no public reply yet) come first, then answered cases still open (praise with a
reply and no outcome needs no one); within each, the lowest rating first (no rating last), then
the oldest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..check.rules import say_duration
from ..read.config import SiteConfig
from ..read.problems import printable, printable_json
from ..read.review import Review

NEEDS = ("unanswered", "open")


@dataclass(frozen=True)
class Task:
    """One case that needs someone: what it needs, and how long the customer has waited."""

    review: Review
    need: str  # 'unanswered' or 'open'
    waited: timedelta  # since the review was received
    promise: timedelta  # the promised time to a first public reply on its channel

    @property
    def late(self) -> timedelta | None:
        """Return how far past the promise an unanswered case is, or None."""
        over = self.waited - self.promise
        return over if self.need == "unanswered" and over > timedelta(0) else None


def list_todo(reviews: list[Review], config: SiteConfig, now: datetime) -> list[Task]:
    """Return the unanswered and open cases in the order they should be taken."""
    tasks = []
    for review in reviews:
        need = (
            "unanswered"
            if review.first_public_reply is None
            else "open"
            if review.status == "open" and review.has_outcome  # a thanked praise needs no one
            else None
        )
        if need:
            promise = config.promise.first_reply_for(review.channel)
            tasks.append(Task(review, need, now - review.received, promise))
    return sorted(
        tasks,
        key=lambda t: (
            NEEDS.index(t.need),
            t.review.rating is None,
            t.review.rating or 0,
            t.review.received,
            t.review.path,
        ),
    )


def format_todo(tasks: list[Task]) -> str:
    """Return the list for a terminal: a heading per need, one line per case."""
    if not tasks:
        return "Nothing needs anyone now: every review has a public reply and no case is open."
    # A folder's name may hold anything a file system allows: each line shows it escaped.
    paths = {t.review.path: printable(t.review.path) for t in tasks}
    width = max(len(path) for path in paths.values())
    lines = []
    for need in NEEDS:
        group = [t for t in tasks if t.need == need]
        if not group:
            continue
        lines.append(f"{need.capitalize()} ({len(group)})")
        for task in group:
            review = task.review
            stars = f"{review.rating}★" if review.rating else "-"
            path, channel = paths[review.path], printable(review.channel)
            lines.append(f"  {stars:<3} {path:<{width}}  {channel:<11} {_waiting(task)}")
    return "\n".join(lines)


def _waiting(task: Task) -> str:
    waited = f"received {say_duration(task.waited)} ago"
    if task.need == "open":
        return waited
    promise = say_duration(task.promise)
    if task.late:
        return f"{waited}, {say_duration(task.late)} past the promise of {promise}"
    return f"{waited}, within the promise of {promise}"


def todo_json(tasks: list[Task], now: datetime) -> str:
    """Return the list as JSON: {"now": ..., "cases": [...]}; docs/pages/figures-and-rules.md
    describes the fields."""
    cases = [
        {
            "path": t.review.path,
            "id": t.review.id,
            "need": t.need,
            "rating": t.review.rating,
            "kind": t.review.kind,
            "channel": t.review.channel,
            "status": t.review.status,
            "received": t.review.received.isoformat(),
            "waited_seconds": int(t.waited.total_seconds()),
            "promise_seconds": int(t.promise.total_seconds()),
            "late_seconds": int(t.late.total_seconds()) if t.late else None,
        }
        for t in tasks
    ]
    return printable_json(
        json.dumps({"now": now.isoformat(), "cases": cases}, ensure_ascii=False, indent=2)
    )
