"""`reviewwall reply`, `private`, `followup`, `resolve` and `withhold`: what staff do, written into
the review file without hand-editing YAML.

Each changes only what it adds or sets (generator/edit/editing.py says how), checks the result as
`check` would, and asks before writing a change that brings a warning: in a terminal it asks,
elsewhere it refuses unless --yes. Exit 0: written; 1: problems, nothing written; 2: usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from ..check.project import build_moment
from ..edit.compose import compose, find_editor, reply_template
from ..edit.editing import Change, Draft, EditError, Opened, draft_change, open_review
from ..edit.staff import (
    add_entry,
    followup_entry,
    private_entry,
    reply_entry,
    set_outcome,
    withhold,
)
from ..read.config import SiteConfig
from ..read.fields import FieldReader
from ..read.problems import Problems, printable
from ..read.review import ACTIONS, PRIVATE_VIA, STATUSES, WITHHELD_REASONS
from ..read.yamltree import Node

STAFF_NAME_VARIABLE = "REVIEWWALL_STAFF_NAME"
ID_HELP = "the review's id (its file name) or path"
YES_HELP = "write it even when it brings a warning (a broken service rule), without asking"


class UsageError(Exception):
    """A flag the command cannot use: exit 2."""


def clock() -> datetime:
    """Return the present moment (tests put another in its place)."""
    return datetime.now(UTC)


def add_staff_parsers(commands) -> None:
    """Add `reply`, `private`, `followup`, `resolve` and `withhold` to the command line."""
    reply = commands.add_parser("reply", help="add a public reply from the business")
    reply.add_argument("review", metavar="ID", help=ID_HELP)
    reply.add_argument(
        "--by", metavar="NAME", help=f"the staff name shown (default: ${STAFF_NAME_VARIABLE})"
    )
    reply.add_argument("--at", metavar="TIME", help="when: ISO 8601 date-time (default: now)")
    reply.add_argument("--text", help="the reply, Markdown ('-': standard input; none: $EDITOR)")
    reply.add_argument("--yes", action="store_true", help=YES_HELP)
    reply.set_defaults(run=run_reply)

    private = commands.add_parser("private", help="note that the talk moved to a private channel")
    private.add_argument("review", metavar="ID", help=ID_HELP)
    private.add_argument("--via", required=True, choices=PRIVATE_VIA, help="the private channel")
    private.add_argument(
        "--summary", metavar="TEXT", help="what the public may know of the private talk"
    )
    private.add_argument("--text", help="notes for staff, never published ('-': standard input)")
    private.add_argument("--at", metavar="TIME", help="when: ISO 8601 date-time (default: now)")
    private.add_argument("--yes", action="store_true", help=YES_HELP)
    private.set_defaults(run=run_private)

    followup = commands.add_parser("followup", help="add the customer's own follow-up")
    followup.add_argument("review", metavar="ID", help=ID_HELP)
    followup.add_argument(
        "--text", required=True, help="the customer's words as written ('-': standard input)"
    )
    followup.add_argument(
        "--at", metavar="TIME", help="when the customer wrote: ISO 8601 (default: now)"
    )
    followup.add_argument("--yes", action="store_true", help=YES_HELP)
    followup.set_defaults(run=run_followup)

    resolve = commands.add_parser("resolve", help="set how the case ended (its outcome)")
    resolve.add_argument("review", metavar="ID", help=ID_HELP)
    resolve.add_argument("--status", required=True, choices=STATUSES, help="how it ended")
    resolve.add_argument(
        "--action", action="append", default=[], choices=ACTIONS, help="what was done (repeat)"
    )
    resolve.add_argument("--summary", metavar="TEXT", help="what happened (Markdown)")
    resolve.add_argument("--rating-after", metavar="N", help="the customer's new rating, 1-5")
    resolve.add_argument(
        "--customer-said", metavar="TEXT", help="the customer's final words, as written"
    )
    resolve.add_argument(
        "--change", metavar="TEXT", help="what the business changed because of it (Markdown)"
    )
    resolve.add_argument(
        "--at", metavar="DATE", help="the day the case ended (default: today when it closes)"
    )
    resolve.add_argument("--yes", action="store_true", help=YES_HELP)
    resolve.set_defaults(run=run_resolve)

    hold = commands.add_parser("withhold", help="stop showing a review; it still counts")
    hold.add_argument("review", metavar="ID", help=ID_HELP)
    hold.add_argument("--reason", required=True, choices=WITHHELD_REASONS, help="why")
    hold.add_argument("--yes", action="store_true", help=YES_HELP)
    hold.set_defaults(run=run_withhold)


class Plan(NamedTuple):
    """What a command will change, what it says once written, and the editor's file, if any."""

    change: Change
    done: Callable[[Draft], str]
    composed: Path | None = None  # kept until the reply written in it is safe in the file


def run_reply(args: argparse.Namespace) -> int:
    def plan(opened: Opened, config: SiteConfig) -> Plan:
        at, when = _moment(args.at, config)
        by = args.by or os.environ.get(STAFF_NAME_VARIABLE) or config.staff_name
        if not (by or "").strip():
            raise UsageError(
                "error: --by is required: the staff name shown with the reply, like "
                f'"Ingrid, kundeservice" (or set {STAFF_NAME_VARIABLE})'
            )
        text, composed = _reply_text(args.text, opened, config)

        def done(draft: Draft) -> str:
            count = len(draft.review.public_replies)
            of = " of 2" if count <= 2 else "; the rule of two allows 2"
            return f"Replied to {opened.relative} (public reply {count}{of})."

        return Plan(
            add_entry(reply_entry(at, by.strip(), text), when, config.timezone), done, composed
        )

    return _run(args, plan, compare_replies=True)


def run_private(args: argparse.Namespace) -> int:
    def plan(opened: Opened, config: SiteConfig) -> Plan:
        at, when = _moment(args.at, config)
        text = _read_stdin(args.text) if args.text else None
        entry = private_entry(at, args.via, args.summary, text)
        shown = "that and the summary" if args.summary else "only that"
        done = f"Moved {opened.relative} to a private channel ({args.via}); the site shows {shown}"
        return Plan(add_entry(entry, when, config.timezone), lambda _: done + ", never the text.")

    return _run(args, plan)


def run_followup(args: argparse.Namespace) -> int:
    def plan(opened: Opened, config: SiteConfig) -> Plan:
        at, when = _moment(args.at, config)
        text = _read_stdin(args.text)
        if not text.strip():
            raise EditError(["Aborted: the follow-up was empty; nothing was written."])
        done = f"Added the customer's follow-up to {opened.relative}."
        return Plan(add_entry(followup_entry(at, text), when, config.timezone), lambda _: done)

    return _run(args, plan)


def run_resolve(args: argparse.Namespace) -> int:
    def plan(opened: Opened, config: SiteConfig) -> Plan:
        fields = _flags(config)
        day = fields.day(Node(args.at, 0), "--at") if args.at else None
        rating = fields.whole_number(Node(args.rating_after, 0), "--rating-after", 1, 5)
        _usage(fields.problems)
        was = opened.review.outcome
        # A case that closes now, or is closed without a day, ends today unless --at says.
        closes = args.status != "open" and (args.status != was.status or was.at is None)
        if day is None and closes:
            day = clock().astimezone(config.timezone).date()
        change = set_outcome(
            opened.review,
            args.status,
            day,
            args.action,
            args.summary,
            rating,
            args.customer_said,
            args.change,
        )

        def done(draft: Draft) -> str:
            outcome = draft.review.outcome
            on = f" on {outcome.at.isoformat()}" if outcome.at and outcome.status != "open" else ""
            return f"Set the outcome of {opened.relative}: {outcome.status}{on}."

        return Plan(change, done)

    return _run(args, plan)


def run_withhold(args: argparse.Namespace) -> int:
    def plan(opened: Opened, config: SiteConfig) -> Plan:
        done = (
            f"Withheld {opened.relative} ({args.reason}): the site no longer shows it, and it "
            "still counts in the figures."
        )
        return Plan(withhold(args.reason), lambda _: done)

    return _run(args, plan)


def _run(
    args: argparse.Namespace,
    plan: Callable[[Opened, SiteConfig], Plan],
    compare_replies: bool = False,
) -> int:
    """Open the review, plan the change, check it, ask where it brings a warning, write it."""
    problems = Problems()
    now = build_moment(problems)  # the rules are judged as `check` judges them
    planned = None
    try:
        if problems.errors:
            raise EditError([str(problem) for problem in problems.errors])
        opened = open_review(args.project.resolve(), args.review, now)
        planned = plan(opened, opened.config)
        draft = draft_change(opened, planned.change, compare_replies)
        if draft.after == opened.data:
            print(f"Nothing to change: {opened.relative} says so already.")
            return 0
        if draft.warnings and not _confirmed(draft, args.yes):
            raise EditError([])  # it has said why
        draft.write()
    except UsageError as error:
        print(printable(str(error)), file=sys.stderr)
        return 2
    except EditError as error:
        for line in error.lines:
            print(printable(line), file=sys.stderr)
        if planned and planned.composed:
            print(f"The reply you wrote is kept in {planned.composed}.", file=sys.stderr)
        return 1
    if planned.composed:
        planned.composed.unlink(missing_ok=True)
    print(printable(planned.done(draft)))
    return 0


def _confirmed(draft: Draft, yes: bool) -> bool:
    """Show the warnings the change brings; return whether to write it all the same."""
    for warning in draft.warnings:
        print(warning, file=sys.stderr)
    if yes:
        return True
    if not sys.stdin.isatty():
        above = "the warning above" if len(draft.warnings) == 1 else "the warnings above"
        print(
            f"Nothing was written: it would bring {above}. To write it anyway, run it in a "
            "terminal to confirm, or add --yes.",
            file=sys.stderr,
        )
        return False
    print("Write it anyway? [y/N] ", end="", file=sys.stderr, flush=True)
    if sys.stdin.readline().strip().lower() in ("y", "yes"):
        return True
    print("Nothing was written.", file=sys.stderr)
    return False


def _reply_text(value: str | None, opened: Opened, config: SiteConfig) -> tuple[str, Path | None]:
    """Return the reply from --text, standard input ('-'), or the editor in a terminal."""
    composed = None
    if value is None:
        if not sys.stdin.isatty():
            raise UsageError(
                "error: --text is required when not in a terminal (the reply, or '-' to read it "
                "from standard input)"
            )
        editor = find_editor(os.environ)
        if editor is None:
            raise UsageError("error: no editor found; set EDITOR (like EDITOR=nano), or use --text")
        value, composed = compose(reply_template(opened.review, config), "reply", editor)
    else:
        value = _read_stdin(value)
    if not value.strip():
        if composed:
            composed.unlink(missing_ok=True)
        raise EditError(["Aborted: the reply was empty; nothing was written."])
    return value, composed


def _read_stdin(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _flags(config: SiteConfig) -> FieldReader:
    return FieldReader("--", Problems(), config.timezone)


def _usage(problems: Problems) -> None:
    if problems:
        raise UsageError("\n".join(f"error: {problem.message}" for problem in problems))


def _moment(value: str | None, config: SiteConfig) -> tuple[str, datetime]:
    """Return a thread entry's `at` as it will be written, and as a moment: --at, or now."""
    if value is None:
        now = clock().astimezone(config.timezone).replace(second=0, microsecond=0)
        return now.strftime("%Y-%m-%dT%H:%M"), now
    fields = _flags(config)
    moment = fields.moment(Node(value.strip(), 0), "--at")
    _usage(fields.problems)
    return value.strip(), moment
