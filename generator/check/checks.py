"""The review format's own rules: types, ranges, dates, references. Returns problems only."""

from __future__ import annotations

import re

from ..read.config import SiteConfig
from ..read.fields import FieldReader
from ..read.problems import Problems
from ..read.reader import Document
from ..read.review import (
    ACTIONS,
    CONSENTS,
    KINDS,
    PRIVATE_CHANNELS,
    PRIVATE_VIA,
    RESERVED_IDS,
    SIDES,
    STATUSES,
    WALL_SLUG_ORDER,
    Outcome,
    Review,
    ThreadEntry,
    kind_from_rating,
)
from ..read.yamltree import Node
from .privacy import check_hidden_name, check_private_data

REVIEW_FIELDS = (
    "channel",
    "received",
    "author",
    "rating",
    "kind",
    "language",
    "title",
    "text",
    "url",
    "consent",
    "verified",
    "tags",
    "thread",
    "outcome",
    "source_id",
)
THREAD_FIELDS = ("at", "from", "by", "text", "private", "via", "summary")
OUTCOME_FIELDS = ("status", "at", "summary", "actions", "rating_after", "customer_said", "change")
_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


def check_documents(documents: list[Document], config: SiteConfig) -> tuple[list[Review], Problems]:
    """Turn documents into reviews; every broken rule in every file becomes a problem."""
    problems = Problems()
    reviews = []
    seen: dict[str, str] = {}
    for document in documents:
        if document.id in seen:
            problems.error(
                document.path,
                1,
                f"review id '{document.id}' is used twice: also {seen[document.id]}; "
                "rename one of the files",
            )
            continue
        seen[document.id] = document.path
        if document.id in RESERVED_IDS:
            reserved = ", ".join(WALL_SLUG_ORDER)
            problems.error(
                document.path,
                1,
                f"review id '{document.id}' is reserved for the wall's own pages ({reserved}); "
                "rename the file",
            )
            continue
        review = check_document(document, config, problems)
        if review is not None:
            reviews.append(review)
            if not review.withheld:  # a withheld review publishes nothing that needs masking
                check_private_data(
                    document.path, document.tree.value, config.privacy.redact, problems
                )
                check_hidden_name(review, config.privacy.names, problems)
    return reviews, problems


def check_document(document: Document, config: SiteConfig, problems: Problems) -> Review | None:
    """Return the Review a document describes, or None when any error was found in it."""
    found = Problems()  # this file's own, so telling whether it has errors costs nothing per file
    review = _check_fields(document, config, found)
    problems.extend(found)
    return review


def _check_fields(document: Document, config: SiteConfig, problems: Problems) -> Review | None:
    fields = FieldReader(document.path, problems, config.timezone)
    top: dict[str, Node] = document.tree.value
    fields.warn_unknown(top, REVIEW_FIELDS)

    def get(name: str) -> Node:
        return top.get(name, Node(None, document.tree.line))

    for name in ("channel", "received", "text"):
        if get(name).kind == "empty":
            what = {
                "channel": "where the customer spoke, like google or email",
                "received": "when the customer wrote, like 2026-11-03T14:05",
                "text": "the customer's own words",
            }[name]
            fields.error(get(name), name, f"missing; every review needs {what}")
    channel = fields.choice(get("channel"), "channel", config.channels, "channel")
    received = fields.moment(get("received"), "received")
    text = fields.text(get("text"), "text")
    rating = fields.whole_number(get("rating"), "rating", 1, 5)
    kind = fields.choice(get("kind"), "kind", KINDS, "kind")
    if (
        kind is None
        and rating is None
        and get("kind").kind == "empty"
        and get("rating").kind == "empty"
    ):
        fields.error(
            get("kind"),
            "kind",
            f"missing; a review without a rating needs a kind: {', '.join(KINDS)}",
        )
    language = fields.text(get("language"), "language") or config.language
    if not _LANGUAGE.fullmatch(language):
        fields.error(
            get("language"),
            "language",
            f"expected a language tag like nb, fi, sv or en, got '{language}'",
        )
    consent = fields.choice(get("consent"), "consent", CONSENTS, "consent")
    if consent is None:
        consent = "anonymous" if channel in PRIVATE_CHANNELS else "public"
    thread = _check_thread(fields, get("thread"), received)
    outcome = _check_outcome(fields, top.get("outcome"), received)
    optional = {
        "author": fields.text(get("author"), "author"),
        "title": fields.text(get("title"), "title"),
        "url": fields.url(get("url"), "url"),
        "verified": fields.boolean(get("verified"), "verified"),
        "tags": tuple(tag.lower() for tag in fields.texts(get("tags"), "tags")),
        "source_id": fields.text(get("source_id"), "source_id"),
    }

    if problems.errors or channel is None or received is None or text is None:
        return None
    lines = {name: node.line for name, node in top.items()}
    return Review(
        id=document.id,
        path=document.path,
        channel=channel,
        received=received,
        text=text,
        kind=kind or (kind_from_rating(rating) if rating else "question"),
        language=language,
        consent=consent,
        rating=rating,
        thread=thread,
        outcome=outcome,
        lines=lines,
        **optional,
    )


def _check_thread(fields: FieldReader, node: Node, received) -> tuple[ThreadEntry, ...]:
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
                    line=item.line,
                )
            )
    return tuple(entries)


def _check_outcome(fields: FieldReader, node: Node | None, received) -> Outcome:
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
