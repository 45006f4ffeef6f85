"""Measure `reviewwall import` of a 5 000-entry feed: python -m tests.bench_import [ENTRIES] [RUNS].

Each run imports into a fresh project, then imports the same feed again (everything already
there). Prints the median of the runs. Not part of the test suite: it takes a while.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generator.cli import main
from tests.conftest import make_project
from tests.importing import make_feed


def measure(entries: int, runs: int) -> tuple[list[float], list[float]]:
    """Return the seconds of each first import and each re-import."""
    first, again = [], []
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.xml"
        feed.write_bytes(make_feed(entries))
        for run in range(runs):
            root = make_project(Path(folder) / f"project-{run}")
            for seconds in (first, again):
                out = io.StringIO()
                started = time.perf_counter()
                with contextlib.redirect_stdout(out):
                    code = main(["-C", str(root), "import", str(feed)])
                seconds.append(time.perf_counter() - started)
                assert code == 0, out.getvalue()
            summary = out.getvalue().splitlines()[-1]
            assert summary.startswith(f"0 new, {entries} already imported"), summary
    return first, again


if __name__ == "__main__":
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    first, again = measure(entries, runs)
    print(
        f"import of a {entries}-entry feed, median of {runs}: "
        f"{statistics.median(first):.2f} s new, {statistics.median(again):.2f} s again "
        f"(runs: {', '.join(f'{s:.2f}' for s in first)} / {', '.join(f'{s:.2f}' for s in again)})"
    )
