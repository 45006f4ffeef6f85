"""The review format's own rules: types, ranges, dates, references. Returns problems only."""

from __future__ import annotations

import re

from ..read.config import SiteConfig
from ..read.fields import FieldReader
from ..read.format import REVIEW
from ..read.problems import Problems
from ..read.reader import Document
from ..read.review import (
    KINDS,
    PRIVATE_CHANNELS,
    RESERVED_IDS,
    WALL_SLUG_ORDER,
    WITHHELD_REASONS,
    Review,
    kind_from_rating,
)
from ..read.yamltree import Node
from .privacy import check_hidden_name, check_private_data, check_signature
from .thread import check_outcome, check_thread

REVIEW_FIELDS = REVIEW.names
_LANGUAGE = re.compile(REVIEW["language"].pattern)
_FILE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?=-|$)")


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
                check_signature(review, config.privacy, problems)
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
                "channel": "every review needs where the customer spoke, like google or email",
                "received": "every review needs when the customer wrote, like 2026-11-03T14:05",
                "text": "a review without a rating needs the customer's own words",
            }[name]
            # A rating alone is a review: "rated 4 without a comment" counts like any other.
            if name != "text" or get("rating").kind == "empty":
                fields.error(get(name), name, f"missing; {what}")

    def read(name: str, **more) -> object:
        return fields.read(REVIEW[name], get(name), **more)

    channel = read("channel", choices=config.channels)
    received = read("received")
    _check_file_date(fields, document.id, get("received"), received)
    text = read("text")
    rating = read("rating")
    kind = read("kind")
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
    # Left out, the site's language: site_config.yml's own check speaks of it, once.
    language = read("language") or config.language
    if get("language").kind != "empty" and not _LANGUAGE.match(language):
        fields.error(
            get("language"),
            "language",
            f"expected a language tag like nb, fi, sv or en, got '{language}'",
        )
    consent = read("consent")
    if consent is None:
        consent = "anonymous" if channel in PRIVATE_CHANNELS else "public"
    reason = _check_withheld_reason(fields, get("withheld_reason"), get("consent"), consent)
    thread = check_thread(fields, get("thread"), received)
    outcome = check_outcome(fields, top.get("outcome"), received)
    optional = {
        name: read(name) for name in ("author", "title", "url", "verified", "source_id", "redact")
    }
    optional["tags"] = tuple(tag.lower() for tag in read("tags"))
    optional["withheld_reason"] = reason

    if problems.errors or channel is None or received is None or (text is None and not rating):
        return None
    lines = {name: node.line for name, node in top.items()}
    return Review(
        id=document.id,
        path=document.path,
        channel=channel,
        received=received,
        text=text or "",
        kind=kind or (kind_from_rating(rating) if rating else "question"),
        language=language,
        consent=consent,
        rating=rating,
        thread=thread,
        outcome=outcome,
        lines=lines,
        **optional,
    )


def _check_withheld_reason(
    fields: FieldReader, node: Node, consent_node: Node, consent: str
) -> str | None:
    reason = fields.read(REVIEW["withheld_reason"], node)
    if reason is not None and consent != "withheld":
        fields.error(
            node,
            "withheld_reason",
            "only a withheld review has a reason; set consent: withheld, or remove this line",
        )
    elif consent == "withheld" and node.kind == "empty":
        # A warning, not an error: files written before reasons existed stay valid.
        fields.problems.warn(
            fields.path,
            consent_node.line,
            "withheld_reason: missing; say why this review is withheld: "
            + ", ".join(WITHHELD_REASONS),
        )
    return reason


def _check_file_date(fields: FieldReader, review_id: str, node: Node, received) -> None:
    """Warn when the date a file is named after is not the day the review was received."""
    named = _FILE_DATE.match(review_id)
    if received is None or named is None:
        return
    # The day as written, or as it falls in the site's time zone: an import names its files
    # after the first, and both are right.
    days = {received.date().isoformat(), received.astimezone(fields.timezone).date().isoformat()}
    if named.group() not in days:
        fields.problems.warn(
            fields.path,
            node.line,
            f"received: {received.date().isoformat()} is not the date in the file name "
            f"({named.group()}); correct the one that is wrong (a published review keeps its "
            "file name: it is the address of its page)",
        )
