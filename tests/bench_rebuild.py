"""Rebuild times: what staff wait for after one change, against a full build of the same site
and against the floors: MkDocs alone in one process, and Hugo where it is installed.

    python -m tests.bench_rebuild [--size 1000] [--runs 3]

On one synthetic project: a full build (`--full`, on every core), MkDocs alone on the project
it generated (parsing every page as Markdown, and with reviewwall's page hook), Hugo on the same
pages with a minimal layout, a build with nothing changed, a build after one reply added to one
review, and a build after one new review; each run in a fresh process, the kinds taking turns
run by run. The table gives medians and each one's ratio to the full build and to MkDocs alone.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from tests.bench import reviewwall, run_timed
from tests.bench_floor import hugo_floor, mkdocs_alone
from tests.bench_report import machine, run_sized
from tests.synthetic import make_project

KINDS = (
    "full build",
    "MkDocs alone, one process, Markdown",
    "MkDocs alone, one process, page hook",
    "Hugo, minimal layout",
    "nothing changed",
    "one reply added",
    "one new review",
)


def measure(size: int, runs: int, workdir: Path) -> dict[str, list[tuple[float, float]]]:
    root = make_project(workdir / "shop", size)
    run_timed(reviewwall("-C", str(root), "build", "--full"), root)
    times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
    for run in range(runs):
        times["full build"].append(
            run_timed(reviewwall("-C", str(root), "build", "--full"), root)[:2]
        )
        times[KINDS[1]].append(mkdocs_alone(root / "build", hook=False))
        times[KINDS[2]].append(mkdocs_alone(root / "build", hook=True))
        if (hugo := hugo_floor(root / "build")) is not None:
            times[KINDS[3]].append(hugo)
        times["nothing changed"].append(run_timed(reviewwall("-C", str(root), "build"), root)[:2])
        review = _new(root, run)
        run_timed(reviewwall("-C", str(root), "build"), root)  # the new review is in
        run_timed(
            reviewwall(
                "-C",
                str(root),
                "reply",
                review,
                "--by",
                "Maren",
                "--at",
                "2026-11-30T12:00",
                "--text",
                f"Takk, svar {run}.",
                "--yes",
            ),
            root,
        )
        times["one reply added"].append(run_timed(reviewwall("-C", str(root), "build"), root)[:2])
        _new(root, run + 100)
        times["one new review"].append(run_timed(reviewwall("-C", str(root), "build"), root)[:2])
    return times


def _new(root: Path, number: int) -> str:
    """Add a review with `reviewwall new` (a file the staff commands can edit); return its id."""
    _, _, output = run_timed(
        reviewwall(
            "-C",
            str(root),
            "new",
            "--channel",
            "google",
            "--received",
            "2026-11-29T10:00",
            "--author",
            f"Kunde {number}",
            "--rating",
            "4",
            "--text",
            "Rask levering.",
        ),
        root,
    )
    return Path(output.strip().splitlines()[-1]).stem


def table(times: dict[str, list[tuple[float, float]]], size: int) -> str:
    full = statistics.median(seconds for seconds, _ in times["full build"])
    alone = statistics.median(seconds for seconds, _ in times[KINDS[1]])
    lines = [
        f"Rebuilds and floors, {size} reviews, {machine()}",
        "",
        "| build | median s | ratio to a full build | ratio to MkDocs alone | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, measured in times.items():
        if not measured:
            lines.append(f"| {kind} | – | – | – | – |")
            continue
        median = statistics.median(seconds for seconds, _ in measured)
        peak = max(memory for _, memory in measured)
        lines.append(
            f"| {kind} | {median:.1f} | {median / full:.2f} | {median / alone:.2f} | {peak:.0f} |"
        )
    pairs = ", ".join(
        f"{ours / theirs:.2f}"
        for (ours, _), (theirs, _) in zip(times["full build"], times[KINDS[1]], strict=True)
    )
    lines += ["", f"Full build / MkDocs alone (Markdown), run by run: {pairs}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_sized(__doc__, "reviewwall-rebuild-", measure, table, argv)


if __name__ == "__main__":
    sys.exit(main())
