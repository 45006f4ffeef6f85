"""`reviewwall schema`: write the JSON Schemas editors use to check review files as staff type."""

from __future__ import annotations

import argparse

from ..edit.removal import replace_file
from ..read.config import CONFIG_FILE, read_config
from ..read.problems import printable
from ..read.schema import SCHEMA_FOLDER, current_schemas
from ..words.catalog import languages


def add_schema_parser(commands) -> None:
    """Add `schema` to the command line."""
    schema = commands.add_parser(
        "schema",
        help=f"write the JSON Schemas of review files and {CONFIG_FILE} into {SCHEMA_FOLDER}/, "
        "for editors",
    )
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    config, problems = read_config(args.project)
    if problems.errors:
        # The review schema lists the site's channels: from a broken config it would be wrong.
        for problem in problems.sorted():
            print(printable(str(problem)))
        print(f"Nothing written: fix {CONFIG_FILE} first.")
        return 1
    folder = args.project / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    for name, text in current_schemas(config.channels, languages()).items():
        path = folder / name
        shown = f"{SCHEMA_FOLDER}/{name}"
        if path.is_file() and path.read_bytes() == text.encode():
            print(f"{shown}: up to date")
            continue
        replace_file(path, text.encode())
        print(f"Wrote {shown}")
    return 0
