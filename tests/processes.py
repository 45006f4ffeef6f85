"""Tests of work shared between processes: where they run, and which processes did the work.

A process with threads never forks (generator/check/cores.py), and once a browser test has run,
Playwright's thread stays alive in pytest's process: there every multi-core path quietly runs
in one process. So a test of that path runs in a new interpreter of its own, and says which
processes did the work.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
CANNOT_FORK = 3  # the exit code of a new interpreter that cannot share work out
CANNOT_FORK_REASON = (
    "needs two cores that a new process can fork on; here a new Python process has fewer "
    "(one core, or no fork, or macOS)"
)


def in_a_new_interpreter(test: Callable[[], None]) -> Callable[[], None]:
    """Run the test (which takes no fixtures) in a new Python, where no thread keeps it from
    forking; skip it, saying why, where even that Python has fewer than two usable cores."""

    @functools.wraps(test)
    def run():
        # Whether forking is possible is judged here, not by usable_cores(): a fault there must
        # fail the tests, not skip them.
        code = (
            "import os, sys\n"
            "cores = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else "
            "os.cpu_count() or 1\n"
            "if not hasattr(os, 'fork') or sys.platform == 'darwin' or cores < 2:\n"
            f"    sys.exit({CANNOT_FORK})\n"
            f"from {test.__module__} import {test.__name__}\n"
            f"{test.__name__}.__wrapped__()\n"
        )
        result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True)
        if result.returncode == CANNOT_FORK:
            pytest.skip(CANNOT_FORK_REASON)
        assert result.returncode == 0, result.stderr.decode()[-3000:]

    return run


def processes_that_ran(owner: object, name: str, action: Callable[[], T]) -> tuple[T, set[int]]:
    """Run action() while owner.<name> notes the id of each process that calls it; return
    action's result and those ids. The notes are lines appended to one file, which forked
    children share."""
    original = getattr(owner, name)
    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "pids"
        notes.touch()

        def noting(*args, **kwargs):
            with open(notes, "a", encoding="utf-8") as file:
                file.write(f"{os.getpid()}\n")
            return original(*args, **kwargs)

        setattr(owner, name, noting)
        try:
            result = action()
        finally:
            setattr(owner, name, original)
        return result, {int(pid) for pid in notes.read_text(encoding="utf-8").split()}
