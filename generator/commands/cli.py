"""The command line, a thin layer over the pipeline. Exit 0: success, 1: problems, 2: usage."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..check.project import check_project, load_project
from ..edit.newfile import NewReview, write_new_review
from ..publish.engine import ENGINES, EngineError
from ..read.fields import FieldReader
from ..read.problems import Problems, printable, summarize
from ..read.review import CHANNELS, KINDS
from ..read.yamltree import Node
from .editors import add_schema_parser
from .importing import add_import_parser
from .record import add_record_parsers
from .report import FORMATS, format_report
from .staff import add_staff_parsers


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Interrupted; site/ is as it was.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `reviewwall todo | head` closed the pipe: it has all it wanted. Python would complain
        # again when it flushes stdout at exit, so point stdout at nothing first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewwall",
        description="Publish every customer review next to your replies and how the case ended.",
    )
    parser.add_argument("--version", action="version", version=f"reviewwall {__version__}")
    parser.add_argument(
        "-C",
        "--project",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the project folder, with site_config.yml and reviews/ (default: here)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    check = commands.add_parser("check", help="check every review file and report all problems")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (path:line: message), github (Actions annotations) or json",
    )
    check.set_defaults(run=run_check)

    build_ = commands.add_parser("build", help="check, then build the site into site/")
    build_.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="the static site engine to run (default: mkdocs)",
    )
    build_.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="engine processes at once (default: one a core; MkDocs shares a large site out)",
    )
    build_.add_argument(
        "--full",
        action="store_true",
        help="render every page, not only those that changed since the last build",
    )
    build_.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve", help="live preview: saving a review or template updates the page"
    )
    serve.add_argument("--engine", choices=ENGINES, default="mkdocs")
    serve.add_argument(
        "-a", "--address", default="127.0.0.1:8000", help="IP:PORT (default: 127.0.0.1:8000)"
    )
    serve.set_defaults(run=run_serve)

    new = commands.add_parser("new", help="write a new review file with a commented skeleton")
    new.add_argument("--channel", help=f"where the customer spoke: {', '.join(CHANNELS)}")
    new.add_argument("--received", help="when: ISO 8601 date or date-time (default: now)")
    new.add_argument("--author", help="the customer's name as given")
    new.add_argument("--rating", help="whole number 1-5")
    new.add_argument("--kind", help=f"{', '.join(KINDS)} (needed when there is no rating)")
    new.add_argument("--title", help="the review's title, if the channel has one")
    new.add_argument("--language", help="language of the customer's text, like nb or en")
    new.add_argument("--url", help="link to the original public post")
    new.add_argument("--text", help="the customer's words ('-' reads them from standard input)")
    new.add_argument("--slug", help="short name for the file (default: the author's first name)")
    new.set_defaults(run=run_new)

    todo = commands.add_parser(
        "todo", help="list the cases that need someone now: unanswered first, then open"
    )
    todo.add_argument("--json", action="store_true", help="print the list as JSON")
    todo.set_defaults(run=run_todo)

    add_import_parser(commands)
    add_record_parsers(commands)
    add_staff_parsers(commands)
    add_schema_parser(commands)
    return parser


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got '{value}'")
    return int(value)


def print_problems(problems: Problems, reviews: int) -> None:
    for problem in problems.sorted():
        print(problem)
    print(summarize(problems, reviews))


def run_check(args: argparse.Namespace) -> int:
    checked = check_project(args.project)
    summary = summarize(checked.problems, checked.files)
    print(format_report(checked.problems, summary, args.format, files=checked.files))
    failed = checked.problems.errors or (args.strict and checked.problems.warnings)
    return 1 if failed else 0


def run_todo(args: argparse.Namespace) -> int:
    from .todo import format_todo, list_todo, todo_json

    project = load_project(args.project)
    if project.problems.errors:
        print_problems(project.problems, project.files)
        return 1
    tasks = list_todo(project.reviews, project.config, project.now)
    print(todo_json(tasks, project.now) if args.json else format_todo(tasks))
    return 0


def run_build(args: argparse.Namespace) -> int:
    from ..publish.build import SITE_DIR, build, up_to_date  # only a build needs the engine

    started = time.perf_counter()
    if not (args.full or args.strict) and up_to_date(args.project.resolve(), args.engine):
        print(
            f"Nothing changed since the last build: {SITE_DIR}/ is up to date "
            "(run reviewwall check for the warnings; --full builds anyway)."
        )
        return 0
    if args.strict:
        checked = check_project(args.project)
        if checked.problems:
            print_problems(checked.problems, checked.files)
            print(f"--strict: nothing was built; {SITE_DIR}/ is as it was.")
            return 1
    try:
        project = build(args.project.resolve(), engine=args.engine, jobs=args.jobs, full=args.full)
    except EngineError as error:
        # The engine's own output keeps its lines; each is shown escaped, as problems are.
        lines = str(error).splitlines() or [""]
        print(
            "\n".join(printable(line) for line in [f"error: {lines[0]}", *lines[1:]]),
            file=sys.stderr,
        )
        print(f"Nothing was published; {SITE_DIR}/ is as it was.", file=sys.stderr)
        return 1
    except OSError as error:  # a full disk, a folder that cannot be written
        where = f": {error.filename}" if error.filename else ""
        print(f"error: {error.strerror or error}{where}", file=sys.stderr)
        print(f"Nothing was published; {SITE_DIR}/ is as it was.", file=sys.stderr)
        return 1
    if project.problems.errors:
        print_problems(project.problems, project.files)
        print(f"Nothing was built; {SITE_DIR}/ is as it was.")
        return 1
    for problem in project.problems.sorted():
        print(problem)
    shown = sum(1 for review in project.reviews if not review.withheld)
    seconds = time.perf_counter() - started
    print(
        f"Built {shown} case pages from {len(project.reviews)} reviews into "
        f"{SITE_DIR}/ in {seconds:.1f} s."
    )
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from ..publish.serve import serve

    return serve(args.project.resolve(), args.engine, args.address)


def run_new(args: argparse.Namespace) -> int:
    project_config = load_project(args.project).config
    interactive = sys.stdin.isatty()
    values = {
        name: getattr(args, name)
        for name in (
            "channel",
            "received",
            "author",
            "rating",
            "kind",
            "title",
            "language",
            "url",
            "text",
        )
    }
    if values["text"] == "-":
        values["text"] = sys.stdin.read()
    if values["channel"] is None:
        if not interactive:
            print(
                "error: --channel is required (where the customer spoke, like google or email)",
                file=sys.stderr,
            )
            return 2
        values["channel"] = input(f"Channel ({', '.join(CHANNELS)}): ").strip()
    problems = Problems()
    fields = FieldReader("--", problems, project_config.timezone)

    def flag(name: str) -> Node:
        value = values[name]
        return Node(None if value in (None, "") else value, 0)

    channel = fields.choice(flag("channel"), "--channel", project_config.channels, "channel")
    received = (
        fields.moment(flag("received"), "--received")
        if values["received"]
        else datetime.now(project_config.timezone).replace(second=0, microsecond=0)
    )
    rating = fields.whole_number(flag("rating"), "--rating", 1, 5)
    kind = fields.choice(flag("kind"), "--kind", KINDS, "kind")
    url = fields.url(flag("url"), "--url")
    if problems:
        for problem in problems:
            print(f"error: {problem.message}", file=sys.stderr)
        return 2
    new = NewReview(
        channel=channel,
        received=received,
        text=values["text"],
        author=values["author"],
        rating=rating,
        kind=kind,
        title=values["title"],
        language=values["language"],
        url=url,
        slug=args.slug,
    )
    path = write_new_review(project_config.reviews_dir, new)
    print(
        path.relative_to(args.project.resolve())
        if path.is_relative_to(args.project.resolve())
        else path
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
