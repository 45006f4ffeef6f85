"""`reviewwall verify` and `reviewwall remove`: the commands that keep the record honest.

verify exits 1 when a customer's words changed or a review went without a record, 2 when the
revision cannot be read; remove deletes a review file only with its record in removals.yml.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from ..check.history import verify_history
from ..edit.removal import RemovalError, remove_review
from ..read.config import read_config
from ..read.problems import count, printable
from ..read.removals import REMOVALS_FILE
from ..read.review import REMOVAL_REASONS
from ..read.revision import RevisionError, read_revision
from .report import FORMATS, format_report


def add_record_parsers(commands) -> None:
    """Add `verify` and `remove` to the command line."""
    verify = commands.add_parser(
        "verify",
        help="compare the review files with a git revision: no customer's words changed, "
        "no review gone without a record",
    )
    verify.add_argument(
        "--base",
        required=True,
        metavar="REF",
        help="the revision to compare with, like origin/main",
    )
    verify.add_argument("--format", choices=FORMATS, default="text", help="how to print problems")
    verify.set_defaults(run=run_verify)

    remove = commands.add_parser(
        "remove", help=f"delete a review file and record why in {REMOVALS_FILE}"
    )
    remove.add_argument("review", metavar="ID", help="the review's id (its file name) or path")
    remove.add_argument("--reason", required=True, choices=REMOVAL_REASONS, help="why it goes")
    remove.add_argument("--note", help="what happened, for the record (never published)")
    remove.set_defaults(run=run_remove)


def run_verify(args: argparse.Namespace) -> int:
    root = args.project.resolve()
    config, problems = read_config(root)
    if problems.errors:
        print(format_report(problems, "verify needs a readable site_config.yml.", args.format))
        return 1
    try:
        before = read_revision(root, args.base)
    except RevisionError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    today = datetime.now(config.timezone).date()
    found = verify_history(root, config, before, today)
    ref = printable(args.base)
    if found.problems.errors:
        files = len({problem.path for problem in found.problems})
        summary = (
            f"{count(len(found.problems.errors), 'problem')} in {count(files, 'file')} since "
            f"{ref} ({count(found.compared, 'review')} compared)."
        )
    else:
        summary = (
            f"{count(found.compared, 'review')} compared with {ref}: no customer's words changed, "
            f"no review gone without a record ({found.new} new, {found.removed} removed on the "
            "record)."
        )
    print(
        format_report(
            found.problems,
            summary,
            args.format,
            base=args.base,
            compared=found.compared,
            new=found.new,
            removed=found.removed,
        )
    )
    return 1 if found.problems.errors else 0


def run_remove(args: argparse.Namespace) -> int:
    root = args.project.resolve()
    config, _ = read_config(root)
    today = datetime.now(config.timezone).date()
    try:
        removed = remove_review(root, args.review, args.reason, args.note, today)
    except RemovalError as error:
        for line in error.lines:
            print(printable(line), file=sys.stderr)
        return 1
    counted = (
        "it still counts in the figures, as a withheld review does"
        if removed.counted
        else "as it was no review of this business, it counts only in the ledger"
    )
    print(
        f"Removed {printable(removed.path)}; recorded in {REMOVALS_FILE} as {removed.reason} "
        f"({counted}). Commit both files together."
    )
    return 0
