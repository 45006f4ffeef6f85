"""What staff write after a review: the thread (replies, private switches, the customer's
follow-ups) and the outcome, checked field by field. Returns values; problems go to the reader."""

from __future__ import annotations

from datetime import date

from ..read.fields import FieldReader
from ..read.format import OUTCOME, THREAD_ENTRY
from ..read.problems import did_you_mean
from ..read.review import PRIVATE_VIA, Outcome, ThreadEntry
from ..read.yamltree import Node

THREAD_FIELDS = THREAD_ENTRY.names
OUTCOME_FIELDS = OUTCOME.names
# Words people type for a field, and the field they mean (spelling slips are difflib's to catch).
MEANT = {
    "time": "at",
    "when": "at",
    "datetime": "at",
    "author": "by",
    "name": "by",
    "staff": "by",
    "sender": "from",
    "side": "from",
    "message": "text",
    "reply": "text",
    "body": "text",
    "comment": "text",
    "channel": "via",
    "note": "summary",
    "state": "status",
    "result": "status",
    "rating": "rating_after",
    "new_rating": "rating_after",
    "said": "customer_said",
    "quote": "customer_said",
    "changes": "change",
    "changed": "change",
}


def check_thread(fields: FieldReader, node: Node, received) -> tuple[ThreadEntry, ...]:
    """Return the entries of a review's thread that have their moment."""
    entries = []
    for i, item in enumerate(fields.items(node, "thread")):
        name = f"thread[{i + 1}]"
        entry = fields.mapping(item, name)
        if entry is None:
            continue
        _check_unknown(fields, entry, THREAD_FIELDS, f"{name}.", "The moment of an entry")

        def get(key: str, entry=entry, item=item) -> Node:
            return entry.get(key, Node(None, item.line))

        def read(key: str, get=get, name=name) -> object:
            return fields.read(THREAD_ENTRY[key], get(key), f"{name}.{key}")

        at = read("at")
        if get("at").kind == "empty" and "date" not in entry:  # else: date: did you mean at?
            fields.error(
                item,
                f"{name}.at",
                "missing; every thread entry needs a date-time like 2026-11-03T14:05",
            )
        elif at and received and at < received:
            fields.error(
                get("at"),
                f"{name}.at",
                f"{at:%Y-%m-%d %H:%M} is before the review was received "
                f"({received:%Y-%m-%d %H:%M})",
            )
        side = read("from") or "business"
        private = bool(read("private"))
        via = read("via")
        if private and via is None and get("via").kind == "empty":
            fields.error(
                item,
                f"{name}.via",
                f"missing; a private entry says where the talk went: {', '.join(PRIVATE_VIA)}",
            )
        text = read("text")
        if text is None and not private:
            fields.error(item, f"{name}.text", "missing; a public thread entry needs its text")
        if at is not None:
            entries.append(
                ThreadEntry(
                    at=at,
                    side=side,
                    text=text or "",
                    by=read("by"),
                    private=private,
                    via=via,
                    summary=read("summary"),
                    edited=_check_edited(fields, get("edited"), name, side, at),
                    line=item.line,
                )
            )
    return tuple(entries)


def _check_edited(fields: FieldReader, node: Node, name: str, side: str, at) -> date | None:
    """Return the day staff corrected a business entry; a customer's words are never edited."""
    if node.kind == "empty":
        return None
    if side == "customer":
        fields.error(
            node,
            f"{name}.edited",
            "a customer's words are never edited; keep them as written and remove this line",
        )
        return None
    edited = fields.read(THREAD_ENTRY["edited"], node, f"{name}.edited")
    if edited and at and edited < at.date():
        fields.error(
            node, f"{name}.edited", f"{edited} is before the entry was written ({at:%Y-%m-%d})"
        )
        return None
    return edited


def check_outcome(fields: FieldReader, node: Node | None, received) -> Outcome:
    """Return how the case ended, as far as the file says."""
    if node is None or node.kind == "empty":
        return Outcome()
    outcome = fields.mapping(node, "outcome")
    if outcome is None:
        return Outcome()
    _check_unknown(fields, outcome, OUTCOME_FIELDS, "outcome.", "The day the case ended")

    def get(key: str) -> Node:
        return outcome.get(key, Node(None, node.line))

    def read(key: str) -> object:
        return fields.read(OUTCOME[key], get(key), f"outcome.{key}")

    status = read("status") or "open"
    at = read("at")
    # The day the review came in is the site's day (as the figures count it), whatever offset
    # the moment was written with.
    day = received.astimezone(fields.timezone).date() if received else None
    if at and day and at < day:
        fields.error(get("at"), "outcome.at", f"{at} is before the review was received ({day})")
    return Outcome(
        status=status,
        at=at,
        summary=read("summary"),
        actions=read("actions"),
        rating_after=read("rating_after"),
        customer_said=read("customer_said"),
        change=read("change"),
        line=node.line,
    )


def _check_unknown(
    fields: FieldReader, found: dict[str, Node], known: tuple[str, ...], prefix: str, moment: str
) -> None:
    """Warn at each unknown field with the one meant; `date` for `at` is an error.

    A case whose `at` was typed as `date` would be published as ended on no day, and a thread
    entry without its moment is left out: the value is there, only its name is wrong.
    """
    for key, node in found.items():
        if key in known:
            continue
        line = node.key_line or node.line
        if key == "date":
            value = str(node.value).strip() if node.kind == "text" else "…"
            if "at" in found:
                then = "there is an at: already, so remove date:"
            else:
                then = "date: is not read, so the " + (
                    "case has no day" if prefix == "outcome." else "entry has no moment"
                )
            fields.problems.error(
                fields.path,
                line,
                f"{prefix}date: did you mean 'at'? {moment} is written at: {value}; {then}",
            )
            continue
        meant = MEANT.get(key.lower())
        hint = f"; did you mean '{meant}'?" if meant in known else did_you_mean(key, known)
        fields.problems.warn(fields.path, line, f"{prefix}{key}: unknown field, ignored{hint}")
