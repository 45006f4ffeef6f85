"""Time `reviewwall serve`: from saving one review to the served page showing the change.

    python -m tests.bench_serve ROOT [EDITS]

Starts the preview on a free port, waits for its first build, then saves one review EDITS times
(a new sentence each time) and polls that review's page until the sentence is served. Prints JSON:
the seconds to the first page and the median seconds from save to served change.
"""

from __future__ import annotations

import functools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator.publish.engine import engine_environment
from tests.bench_stages import edit_one_review
from tests.liveserve import fetch as fetch_page
from tests.liveserve import free_port

POLL = 0.05
STARTUP_SECONDS = 900
CHANGE_SECONDS = 120


def fetch(url: str) -> str | None:
    """Return the page at url, or None while the server has none."""
    return fetch_page(url, timeout=5)


def wait_until(condition, seconds: float) -> float:
    """Return the seconds until condition() holds; fail after `seconds`."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if condition():
            return time.perf_counter() - started
        time.sleep(POLL)
    raise SystemExit(f"no change served within {seconds} s")


def measure(root: Path, edits: int = 3) -> dict:
    """Serve root; return the seconds to the first page and the median save → served change."""
    port = free_port()
    command = [sys.executable, "-m", "generator", "-C", str(root), "serve"]
    log = (root / "serve.log").open("w")
    server = subprocess.Popen(
        command + ["-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=engine_environment(),
    )
    path, original = edit_one_review(root)
    path.write_text(original, encoding="utf-8")  # only to learn which review is edited
    url = f"http://127.0.0.1:{port}/reviews/{path.stem}/"
    latencies = []
    try:
        startup = wait_until(lambda: fetch(url) is not None, STARTUP_SECONDS)
        for edit in range(edits):
            sentence = f"Endring nummer {edit + 1} er lagret."
            path.write_text(
                original.replace("\ntext: |\n", f"\ntext: |\n  {sentence}\n", 1), encoding="utf-8"
            )
            shown = functools.partial(lambda said: said in (fetch(url) or ""), sentence)
            latencies.append(wait_until(shown, CHANGE_SECONDS))
            time.sleep(1)  # let the preview settle before the next save
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"serve_startup": startup, "serve_change": statistics.median(latencies)}


if __name__ == "__main__":
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(json.dumps(measure(Path(sys.argv[1]).resolve(), edits)))
