"""What staff write after a review: the thread (replies, private switches, the customer's
follow-ups) and the outcome, checked field by field. Returns values; problems go to the reader."""

from __future__ import annotations

from datetime import date

from ..read.fields import FieldReader
from ..read.review import ACTIONS, PRIVATE_VIA, SIDES, STATUSES, Outcome, ThreadEntry
from ..read.yamltree import Node

THREAD_FIELDS = ("at", "from", "by", "text", "private", "via", "summary", "edited")
OUTCOME_FIELDS = ("status", "at", "summary", "actions", "rating_after", "customer_said", "change")


def check_thread(fields: FieldReader, node: Node, received) -> tuple[ThreadEntry, ...]:
    """Return the entries of a review's thread that have their moment."""
    entries = []
    for i, item in enumerate(fields.items(node, "thread")):
        name = f"thread[{i + 1}]"
        entry = fields.mapping(item, name)
        if entry is None:
            continue
        fields.warn_unknown(entry, THREAD_FIELDS, f"{name}.")

        def get(key: str, entry=entry, item=item) -> Node:
            return entry.get(key, Node(None, item.line))

        at = fields.moment(get("at"), f"{name}.at")
        if get("at").kind == "empty":
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
        side = fields.choice(get("from"), f"{name}.from", SIDES, "sender") or "business"
        private = bool(fields.boolean(get("private"), f"{name}.private"))
        via = fields.choice(get("via"), f"{name}.via", PRIVATE_VIA, "private channel")
        if private and via is None and get("via").kind == "empty":
            fields.error(
                item,
                f"{name}.via",
                f"missing; a private entry says where the talk went: {', '.join(PRIVATE_VIA)}",
            )
        text = fields.text(get("text"), f"{name}.text")
        if text is None and not private:
            fields.error(item, f"{name}.text", "missing; a public thread entry needs its text")
        if at is not None:
            entries.append(
                ThreadEntry(
                    at=at,
                    side=side,
                    text=text or "",
                    by=fields.text(get("by"), f"{name}.by"),
                    private=private,
                    via=via,
                    summary=fields.text(get("summary"), f"{name}.summary"),
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
    edited = fields.day(node, f"{name}.edited")
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
    fields.warn_unknown(outcome, OUTCOME_FIELDS, "outcome.")

    def get(key: str) -> Node:
        return outcome.get(key, Node(None, node.line))

    status = fields.choice(get("status"), "outcome.status", STATUSES, "status") or "open"
    at = fields.day(get("at"), "outcome.at")
    if at and received and at < received.date():
        fields.error(
            get("at"), "outcome.at", f"{at} is before the review was received ({received:%Y-%m-%d})"
        )
    return Outcome(
        status=status,
        at=at,
        summary=fields.text(get("summary"), "outcome.summary"),
        actions=fields.choices(get("actions"), "outcome.actions", ACTIONS, "action"),
        rating_after=fields.whole_number(get("rating_after"), "outcome.rating_after", 1, 5),
        customer_said=fields.text(get("customer_said"), "outcome.customer_said"),
        change=fields.text(get("change"), "outcome.change"),
        line=node.line,
    )
