"""`reviewwall import`: the flags, and how an import's report is printed."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ..importer.csvfile import FIELDS
from ..importer.presets import PRESETS
from ..importer.sources import DEFAULT_TIMEOUT
from ..read.problems import printable
from ..read.review import KINDS

# The progress line is for a person watching a large import, never for logs or pipes.
PROGRESS_FROM = 200
PROGRESS_EVERY = 100


def add_import_parser(commands) -> None:
    """Add the `import` command to the CLI's subcommands."""
    command = commands.add_parser(
        "import",
        help="add reviews from a feed (URL or file), a CSV or a JSON export; never twice",
        description="Create one review file per new entry. Existing files are never changed.",
    )
    command.add_argument(
        "source", metavar="SOURCE", help="a feed's URL or file, or a .csv or .json export"
    )
    command.add_argument("--channel", help="where the customers wrote (default: from the preset)")
    command.add_argument(
        "--preset",
        choices=list(PRESETS),
        help="the kind of source (default: detected, else generic)",
    )
    command.add_argument("--kind", help=f"kind of entries without a rating: {', '.join(KINDS)}")
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"CSV: which column holds a field ({', '.join(FIELDS)})",
    )
    command.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="CSV, JSON: import the good rows or entries, skip bad ones",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="write nothing; print what would be written"
    )
    command.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for a URL to answer (default: {DEFAULT_TIMEOUT:g})",
    )
    command.add_argument(
        "--timezone",
        metavar="ZONE",
        help="where times without a zone were written, like Europe/Oslo (default: the site's)",
    )
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="the text encoding of a source that does not say it, like cp1252",
    )
    command.set_defaults(run=run_import)


def run_import(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None):
    """Run an import from parsed flags; print the report; return the exit code."""
    # feedparser takes a third of a second to import: only an import should pay for it.
    from ..importer.imports import ImporterError, ImportOptions, import_source

    out, err = out or sys.stdout, err or sys.stderr
    options = ImportOptions(
        source=args.source,
        channel=args.channel,
        preset=args.preset,
        kind=args.kind,
        maps=args.map,
        skip_bad_rows=args.skip_bad_rows,
        dry_run=args.dry_run,
        timeout=args.timeout,
        timezone=getattr(args, "timezone", None),
        encoding=getattr(args, "encoding", None),
    )
    progress = ProgressLine(err) if err.isatty() else None

    def waiting() -> None:
        print("Waiting for another import to finish (reviews/.import.lock) ...", file=err)

    try:
        report = import_source(args.project.resolve(), options, progress, waiting)
    except ImporterError as error:
        for line in error.lines:
            say(line, err)
        return error.code
    finally:
        if progress:
            progress.clear()
    print_report(report, out, err)
    return 0


def print_report(report, out: TextIO, err: TextIO) -> None:
    """Print warnings to err; the files, notes and summary to out."""
    for warning in report.warnings:
        say(warning, err)
    if report.about:
        say(report.about, out)
    for line in report.details:
        say(line, out)
    for path in report.new:
        say(f"would write {path}" if report.dry_run else path, out)
    for path in report.changed:
        say(f"changed upstream (not touched): {path}", out)
    for note in report.notes:
        say(note, out)
    say(report.summary(), out)
    if report.dry_run:
        say("Dry run: nothing was written.", out)


def say(line: str, stream: TextIO) -> None:
    """Print one line of a report; a feed, an export or a file name cannot make it two."""
    print(printable(line), file=stream)


class ProgressLine:
    """One line on a terminal that counts entries as they are imported."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total >= PROGRESS_FROM and (done % PROGRESS_EVERY == 0 or done == total):
            self.stream.write(f"\rImporting: {done} of {total} entries")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
