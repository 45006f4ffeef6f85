"""Time `reviewwall import` of large sources: python -m tests.bench_import [N] [RUNS].

Each run imports into a fresh project, then imports the same source again (everything already
there, and not one file touched), each time as staff would: `python -m generator -C PROJECT
import SOURCE` in a new process. Sources: an RSS feed, a CSV export and a Google Business Profile
JSON export of N reviews each. Prints the median of the runs, and how the JSON export compares
with the feed. Not part of the test suite: it takes a while.
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
from tests.importing import make_csv, make_feed, make_google_json, snapshot


class Timing(NamedTuple):
    """One import's wall-clock and CPU seconds."""

    wall: float
    cpu: float


def measure(source: Path, entries: int, runs: int) -> tuple[list[Timing], list[Timing]]:
    """Return the timing of each first import and each re-import of source."""
    first, again = [], []
    for run in range(runs):
        root = make_project(source.parent / f"project-{source.suffix[1:]}-{run}")
        before = None
        for timings in (first, again):
            if timings is again:
                before = snapshot(root)
            command = [sys.executable, "-m", "generator", "-C", str(root), "import", str(source)]
            cpu = _children_cpu()
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            timings.append(Timing(time.perf_counter() - started, _children_cpu() - cpu))
            assert done.returncode == 0, done.stderr
        summary = done.stdout.splitlines()[-1]
        assert summary.startswith(f"0 new, {entries} already imported"), summary
        assert snapshot(root) == before, "importing again changed a file"
    return first, again


def _children_cpu() -> float:
    # CPU seconds say what the import costs even when other work shares the machine.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
    )


def report(what: str, first: list[Timing], again: list[Timing]) -> str:
    """Return one line: the medians of wall-clock and CPU seconds, then every run's wall-clock."""

    def median(timings: list[Timing]) -> str:
        found = _median(timings)
        return f"{found.wall:.2f} s ({found.cpu:.2f} s CPU)"

    runs = " / ".join(", ".join(f"{t.wall:.2f}" for t in timings) for timings in (first, again))
    return (
        f"{what}, median of {len(first)}: {median(first)} new, {median(again)} again (runs: {runs})"
    )


def compare(what: str, measured, baseline) -> str:
    """Return how the medians of one source compare with another's, as ratios."""
    ratios = []
    for label, mine, theirs in (
        ("new", measured[0], baseline[0]),
        ("again", measured[1], baseline[1]),
    ):
        wall = _median(mine).wall / _median(theirs).wall
        cpu = _median(mine).cpu / _median(theirs).cpu
        ratios.append(f"{label} {wall:.2f} ({cpu:.2f} CPU)")
    return f"{what}: " + ", ".join(ratios)


if __name__ == "__main__":
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        feed, export = Path(folder) / "feed.xml", Path(folder) / "export.csv"
        google = Path(folder) / "google.json"
        feed.write_bytes(make_feed(entries))
        export.write_bytes(make_csv(entries))
        google.write_bytes(make_google_json(entries))
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        of_feed = measure(feed, entries, runs)
        print(report(f"import of a {entries}-entry RSS feed", *of_feed))
        print(report(f"import of a {entries}-row CSV export", *measure(export, entries, runs)))
        of_json = measure(google, entries, runs)
        print(report(f"import of a {entries}-review JSON export", *of_json))
        print(compare("JSON export / RSS feed, medians", of_json, of_feed))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
