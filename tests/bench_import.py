"""Time `reviewwall import` of a large feed and CSV export: python -m tests.bench_import [N] [RUNS].

Each run imports into a fresh project, then imports the same source again (everything already
there), each time as staff would: `python -m generator -C PROJECT import SOURCE` in a new
process. Prints the median of the runs. Not part of the test suite: it takes a while.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from tests.conftest import make_project
from tests.importing import make_csv, make_feed


class Timing(NamedTuple):
    """One import's wall-clock and CPU seconds."""

    wall: float
    cpu: float


def measure(source: Path, entries: int, runs: int) -> tuple[list[Timing], list[Timing]]:
    """Return the timing of each first import and each re-import of source."""
    first, again = [], []
    for run in range(runs):
        root = make_project(source.parent / f"project-{source.suffix[1:]}-{run}")
        for timings in (first, again):
            command = [sys.executable, "-m", "generator", "-C", str(root), "import", str(source)]
            cpu = _children_cpu()
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            timings.append(Timing(time.perf_counter() - started, _children_cpu() - cpu))
            assert done.returncode == 0, done.stderr
        summary = done.stdout.splitlines()[-1]
        assert summary.startswith(f"0 new, {entries} already imported"), summary
    return first, again


def _children_cpu() -> float:
    # CPU seconds say what the import costs even when other work shares the machine.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(what: str, first: list[Timing], again: list[Timing]) -> str:
    """Return one line: the medians of wall-clock and CPU seconds, then every run's wall-clock."""

    def median(timings: list[Timing]) -> str:
        wall = statistics.median(t.wall for t in timings)
        cpu = statistics.median(t.cpu for t in timings)
        return f"{wall:.2f} s ({cpu:.2f} s CPU)"

    runs = " / ".join(", ".join(f"{t.wall:.2f}" for t in timings) for timings in (first, again))
    return (
        f"{what}, median of {len(first)}: {median(first)} new, {median(again)} again (runs: {runs})"
    )


if __name__ == "__main__":
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        feed, export = Path(folder) / "feed.xml", Path(folder) / "export.csv"
        feed.write_bytes(make_feed(entries))
        export.write_bytes(make_csv(entries))
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print(report(f"import of a {entries}-entry RSS feed", *measure(feed, entries, runs)))
        print(report(f"import of a {entries}-row CSV export", *measure(export, entries, runs)))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
