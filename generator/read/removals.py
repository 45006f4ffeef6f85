"""removals.yml: one record for each review removed from reviews/, and why.

A record keeps what the ledger and the figures need (when and where the review came, its stars
and kind, when the business answered and how the case ended) and never the customer's words or
name. `reviewwall remove` appends to it; nothing else writes it, and `reviewwall verify` refuses a
record that disappears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .config import SiteConfig
from .fields import FieldReader
from .problems import Problems
from .reader import ID_PATTERN
from .review import KINDS, REMOVAL_REASONS, SIDES, STATUSES, Outcome, Review, ThreadEntry
from .yamltree import Node, YamlError, parse_yaml

REMOVALS_FILE = "removals.yml"
# Not reviews of this business at all: they count in the ledger, never in a figure.
NOT_COUNTED = frozenset({"spam", "not-a-customer", "duplicate"})
RECORD_FIELDS = (
    "id",
    "channel",
    "received",
    "rating",
    "kind",
    "removed",
    "reason",
    "note",
    "source_id",
    "thread",
    "outcome",
)
STEP_FIELDS = ("at", "from", "private")
OUTCOME_FIELDS = ("status", "at", "rating_after")


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the removed review's thread, without its words: who, when, in public or not."""

    at: datetime
    side: str = "business"
    private: bool = False


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed review, as removals.yml records it."""

    id: str
    channel: str
    received: datetime
    kind: str
    removed: date
    reason: str
    line: int
    rating: int | None = None
    note: str | None = None
    source_id: str | None = None
    thread: tuple[Step, ...] = ()
    status: str = "open"
    outcome_at: date | None = None
    rating_after: int | None = None

    @property
    def counted(self) -> bool:
        """Return whether the figures count it, as they count a withheld review."""
        return self.reason not in NOT_COUNTED

    def as_review(self) -> Review:
        """Return the withheld Review the figures count in its place: no words, the same facts."""
        return Review(
            id=self.id,
            path=REMOVALS_FILE,
            channel=self.channel,
            received=self.received,
            text="",
            kind=self.kind,
            language="",
            consent="withheld",
            withheld_reason=self.reason,
            rating=self.rating,
            thread=tuple(
                ThreadEntry(at=step.at, side=step.side, text="", private=step.private)
                for step in self.thread
            ),
            outcome=Outcome(status=self.status, at=self.outcome_at, rating_after=self.rating_after),
            source_id=self.source_id,
        )


@dataclass
class Removals:
    """Every record of removals.yml, and every problem found in it."""

    records: list[Removal] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    @property
    def counted(self) -> list[Review]:
        """Return the removed reviews the figures count, as withheld reviews."""
        return [record.as_review() for record in self.records if record.counted]


def read_removals(root: Path, config: SiteConfig) -> Removals:
    """Read removals.yml (none is no removal); every mistake is a problem at its line."""
    removals = Removals()
    path = root / REMOVALS_FILE
    if not path.exists():
        return removals
    problems = removals.problems
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        tree = parse_yaml(text)
    except OSError as error:
        problems.error(REMOVALS_FILE, 1, f"cannot be read: {error.strerror or error}")
        return removals
    except UnicodeDecodeError:
        problems.error(REMOVALS_FILE, 1, "not UTF-8 text; save the file as UTF-8")
        return removals
    except YamlError as error:
        problems.error(REMOVALS_FILE, error.line, error.message)
        return removals
    if tree is None:
        return removals
    fields = FieldReader(REMOVALS_FILE, problems, config.timezone)
    if tree.kind != "list":
        fields.error(tree, "removals", "expected a list of records (- id: …)")
        return removals
    seen: set[str] = set()
    for number, node in enumerate(tree.value, start=1):
        record = _read_record(fields, node, f"[{number}]", config)
        if record is None:
            continue
        if record.id in seen:
            problems.error(
                REMOVALS_FILE, record.line, f"[{number}].id: '{record.id}' is recorded twice"
            )
            continue
        seen.add(record.id)
        removals.records.append(record)
    return removals


def _read_record(fields: FieldReader, node: Node, where: str, config: SiteConfig):
    top = fields.mapping(node, where)
    if top is None:
        return None
    before = len(fields.problems.errors)
    fields.warn_unknown(top, RECORD_FIELDS, f"{where}.")

    def get(name: str) -> Node:
        return top.get(name, Node(None, node.line))

    for name in ("id", "channel", "received", "kind", "removed", "reason"):
        if get(name).kind == "empty":
            fields.error(get(name), f"{where}.{name}", "missing; every record needs it")
    review_id = fields.text(get("id"), f"{where}.id")
    if review_id is not None and not ID_PATTERN.fullmatch(review_id):
        fields.error(get("id"), f"{where}.id", f"'{review_id}' is not a review id")
    channel = fields.choice(get("channel"), f"{where}.channel", config.channels, "channel")
    received = fields.moment(get("received"), f"{where}.received")
    rating = fields.whole_number(get("rating"), f"{where}.rating", 1, 5)
    kind = fields.choice(get("kind"), f"{where}.kind", KINDS, "kind")
    removed = fields.day(get("removed"), f"{where}.removed")
    reason = fields.choice(get("reason"), f"{where}.reason", REMOVAL_REASONS, "reason")
    steps = []
    for number, item in enumerate(fields.items(get("thread"), f"{where}.thread"), start=1):
        step = _read_step(fields, item, f"{where}.thread[{number}]")
        if step is not None:
            steps.append(step)
    outcome = {}
    if get("outcome").kind != "empty":
        outcome = fields.mapping(get("outcome"), f"{where}.outcome") or {}
        fields.warn_unknown(outcome, OUTCOME_FIELDS, f"{where}.outcome.")
    empty = Node(None, node.line)
    status = fields.choice(
        outcome.get("status", empty), f"{where}.outcome.status", STATUSES, "status"
    )
    outcome_at = fields.day(outcome.get("at", empty), f"{where}.outcome.at")
    rating_after = fields.whole_number(
        outcome.get("rating_after", empty), f"{where}.outcome.rating_after", 1, 5
    )
    note = fields.text(get("note"), f"{where}.note")
    source_id = fields.text(get("source_id"), f"{where}.source_id")
    if len(fields.problems.errors) > before:
        return None
    return Removal(
        id=review_id,
        channel=channel,
        received=received,
        kind=kind,
        removed=removed,
        reason=reason,
        line=node.line,
        rating=rating,
        note=note,
        source_id=source_id,
        thread=tuple(steps),
        status=status or "open",
        outcome_at=outcome_at,
        rating_after=rating_after,
    )


def _read_step(fields: FieldReader, node: Node, where: str) -> Step | None:
    step = fields.mapping(node, where)
    if step is None:
        return None
    fields.warn_unknown(step, STEP_FIELDS, f"{where}.")
    empty = Node(None, node.line)
    at = fields.moment(step.get("at", empty), f"{where}.at")
    if at is None:
        if step.get("at") is None:
            fields.error(node, f"{where}.at", "missing; every entry has its moment")
        return None
    side_node = step.get("from", Node("business", node.line))
    side = fields.choice(side_node, f"{where}.from", SIDES, "side")
    private = fields.boolean(step.get("private", empty), f"{where}.private")
    return Step(at=at, side=side or "business", private=bool(private))
