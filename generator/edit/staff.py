"""What staff write after a review, as changes to its file: a public reply, the move to a private
channel, the customer's follow-up, the outcome, and withholding the review.

Each function returns a Change for `editing.draft_change`. It adds fields in the order the format
documents them, and a thread entry at its place in time; it never touches a customer's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, tzinfo

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    ScalarString,
)

from ..check.checks import REVIEW_FIELDS
from ..check.thread import OUTCOME_FIELDS
from ..read.review import Review
from .roundtrip import Change, EditError, YamlStyle, carry_comments

# What YAML reads as nothing: such a text must be quoted to stay text.
_NOTHING = {"", "~", "null", "Null", "NULL"}


def yaml_text(text: str) -> str:
    """Return text as the YAML value that reads back as the same words.

    Several lines become a literal block (`|`); one line stays plain where YAML allows (ruamel
    quotes it where it must). Spaces at the ends of lines, never seen, are left out: YAML could
    keep them only in an escaped, quoted string.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    if "\n" in text:
        return LiteralScalarString(text + "\n")
    return DoubleQuotedScalarString(text) if text in _NOTHING else text


def reply_entry(at: str, by: str, text: str) -> CommentedMap:
    """Return a public reply from the business."""
    return CommentedMap([("at", at), ("by", by), ("text", yaml_text(text))])


def private_entry(at: str, via: str, summary: str | None, text: str | None) -> CommentedMap:
    """Return the entry that moves the talk to a private channel."""
    entry = CommentedMap([("at", at), ("private", "true"), ("via", via)])
    if summary:
        entry["summary"] = yaml_text(summary)
    if text:
        entry["text"] = yaml_text(text)
    return entry


def followup_entry(at: str, text: str) -> CommentedMap:
    """Return the customer's own follow-up."""
    return CommentedMap([("at", at), ("from", "customer"), ("text", yaml_text(text))])


def add_entry(entry: CommentedMap, when: datetime, timezone: tzinfo) -> Change:
    """Return the change that adds an entry to the thread, after every entry not later than it."""

    def change(loaded: CommentedMap, style: YamlStyle) -> Iterable[str]:
        thread = loaded.get("thread")
        if not isinstance(thread, CommentedSeq):  # no thread yet, or `thread:` left empty
            set_in_order(loaded, "thread", CommentedSeq([entry]), REVIEW_FIELDS)
            return ()
        place = len(thread)
        while place and _moment(thread[place - 1]["at"], timezone) > when:
            place -= 1
        thread.insert(place, entry)
        if place:
            carry_comments(thread, place - 1, place)
        if thread.fa.flow_style() or len(thread) == 1:  # `thread: []`, or a thread on one line
            thread.fa.set_block_style()
            return ("thread",)
        return ()

    return change


def _moment(text: str, timezone: tzinfo) -> datetime:
    moment = datetime.fromisoformat(str(text).strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone)


def set_outcome(
    review: Review,
    status: str,
    at: date | None,
    actions: Sequence[str] = (),
    summary: str | None = None,
    rating_after: int | None = None,
    customer_said: str | None = None,
    change: str | None = None,
) -> Change:
    """Return the change that sets the outcome; EditError where it would change the customer's
    words (their last words, or their rating after the case, once set)."""
    was = review.outcome
    refused = []
    if customer_said and was.customer_said and customer_said.strip() != was.customer_said:
        refused.append(
            f"{review.path}:{was.line}: outcome.customer_said: the customer's last words are "
            "set already and stay as they came; nothing was written"
        )
    if rating_after is not None and was.rating_after not in (None, rating_after):
        refused.append(
            f"{review.path}:{was.line}: outcome.rating_after: the customer's rating after the case "
            f"is {was.rating_after} already and stays as they gave it; nothing was written"
        )
    if refused:
        raise EditError(refused)
    values: dict[str, object] = {"status": status}
    if at is not None:
        values["at"] = at.isoformat()
    for name, value in (("summary", summary), ("change", change)):
        if value:
            values[name] = yaml_text(value)
    if rating_after is not None and was.rating_after is None:
        values["rating_after"] = str(rating_after)
    if customer_said and not was.customer_said:
        values["customer_said"] = yaml_text(customer_said)

    def edit(loaded: CommentedMap, style: YamlStyle) -> Iterable[str]:
        outcome = loaded.get("outcome")
        if not isinstance(outcome, CommentedMap):  # no outcome yet, or `outcome:` left empty
            outcome = CommentedMap()
            set_in_order(loaded, "outcome", outcome, REVIEW_FIELDS)
        for name, value in values.items():
            set_in_order(outcome, name, value, OUTCOME_FIELDS)
        if actions:
            _add_actions(outcome, actions)
        if outcome.fa.flow_style() and any("\n" in str(v) for v in outcome.values()):
            outcome.fa.set_block_style()  # a text of several lines needs a block
        return ("outcome",)

    return edit


def _add_actions(outcome: CommentedMap, actions: Sequence[str]) -> None:
    """Add the actions the outcome does not list yet, after those it does."""
    listed = outcome.get("actions")
    if isinstance(listed, CommentedSeq):
        listed.extend(action for action in actions if action not in listed)
        return
    words = [str(listed)] if listed else []
    merged = CommentedSeq(words + [action for action in actions if action not in words])
    merged.fa.set_flow_style()  # `actions: [apology, refund]`, as the format shows it
    set_in_order(outcome, "actions", merged, OUTCOME_FIELDS)


def withhold(reason: str) -> Change:
    """Return the change that withholds the review (`consent: withheld`) and says why."""

    def change(loaded: CommentedMap, style: YamlStyle) -> Iterable[str]:
        set_in_order(loaded, "consent", "withheld", REVIEW_FIELDS)
        set_in_order(loaded, "withheld_reason", reason, REVIEW_FIELDS, after="consent")
        return ("consent", "withheld_reason")

    return change


def set_in_order(
    mapping: CommentedMap, key: str, value, order: Sequence[str], after: str | None = None
) -> None:
    """Set a field; a new one goes right after the field `after`, or else before the first field
    that comes after it in `order`. A value replaced keeps its quotes."""
    if key in mapping:
        old = mapping[key]
        if isinstance(old, ScalarString) and isinstance(value, str):
            if not isinstance(value, ScalarString) and type(old) is not LiteralScalarString:
                value = type(old)(value)
        mapping[key] = value
        return
    later = set(order[order.index(key) + 1 :])
    place = next((i for i, name in enumerate(mapping) if name in later), len(mapping))
    if after in mapping:
        place = list(mapping).index(after) + 1
    mapping.insert(place, key, value)
    if place and not mapping.fa.flow_style():
        carry_comments(mapping, list(mapping)[place - 1], key)
