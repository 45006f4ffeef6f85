"""Build time against the number of languages: one site built in 1, 2 and 4 languages.

    python -m tests.bench_languages [--size 1000] [--runs 3]

Each build runs `reviewwall build` in a fresh process on the same synthetic project, the three
configurations taking turns run by run (so the machine's noise falls on each alike). The table
gives the median wall time, and its ratio to one language divided by the number of languages:
at most 1.0 means the time grows at most linearly.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

from tests.bench import reviewwall, run_timed, set_aside
from tests.bench_report import machine, run_sized
from tests.synthetic import make_project

LANGUAGE_SETS = (("nb",), ("nb", "sv"), ("nb", "sv", "fi", "da"))


def measure(size: int, runs: int, workdir: Path) -> dict[tuple[str, ...], list[float]]:
    root = make_project(workdir / "shop", size)
    config = root / "site_config.yml"
    original = config.read_text("utf-8")
    times: dict[tuple[str, ...], list[float]] = {languages: [] for languages in LANGUAGE_SETS}
    for _ in range(runs):
        for languages in LANGUAGE_SETS:
            listed = f"languages: [{', '.join(languages)}]"
            config.write_text(re.sub(r"(?m)^language: .*$", listed, original), "utf-8")
            set_aside(root)  # every build from nothing, as CI's first
            seconds, _, _ = run_timed(reviewwall("-C", str(root), "build"), root)
            times[languages].append(seconds)
    return times


def table(times: dict[tuple[str, ...], list[float]], size: int) -> str:
    one = statistics.median(times[LANGUAGE_SETS[0]])
    lines = [
        f"Build time by number of languages, {size} reviews, {machine()}",
        "",
        "| languages | median s | per language s | ratio to one ÷ languages |",
        "|---|---:|---:|---:|",
    ]
    for languages, measured in times.items():
        median = statistics.median(measured)
        lines.append(
            f"| {len(languages)} ({', '.join(languages)}) | {median:.1f} | "
            f"{median / len(languages):.1f} | {median / one / len(languages):.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_sized(__doc__, "reviewwall-languages-", measure, table, argv)


if __name__ == "__main__":
    sys.exit(main())
