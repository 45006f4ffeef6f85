"""The benchmark's table: one row per measurement, one column per number of reviews."""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

# (key in the results, label, format). Keys starting with "=" are derived below.
ROWS = (
    ("stage_read", "read: files → YAML trees (s)", "{:.2f}"),
    ("stage_check", "check: format rules, service rules (s)", "{:.2f}"),
    ("stage_measure", "measure: cases, figures, listings (s)", "{:.2f}"),
    ("stage_render_write", "render + write the MkDocs project (s)", "{:.2f}"),
    ("stage_engine", "engine: mkdocs build + swap (s)", "{:.2f}"),
    (
        "stage_alongside",
        "canned-reply rule, in a process of its own while the engine runs (s)",
        "{:.3f}",
    ),
    ("pipeline", "build in one process, all stages (s)", "{:.2f}"),
    ("whole", "whole build: `reviewwall build` (s)", "{:.2f}"),
    ("bare", "bare `python -m mkdocs build` of the same project (s)", "{:.2f}"),
    ("ratio", "whole / bare (median of each run's own)", "{:.2f}"),
    ("=per_review", "whole build per review (ms)", "{:.2f}"),
    ("=python_per_review", "python stages per review (ms)", "{:.3f}"),
    ("check", "`reviewwall check` (s)", "{:.2f}"),
    ("memory_build_mb", "peak memory, `reviewwall build`, largest process (MB)", "{:.0f}"),
    ("memory_pipeline_mb", "peak memory, reviewwall's own process (MB)", "{:.0f}"),
    ("memory_engine_mb", "peak memory, the engine process (MB)", "{:.0f}"),
    ("site_mb", "size of site/ (MB)", "{:.1f}"),
    ("site_files", "files in site/", "{:.0f}"),
    ("largest_case_kb", "largest case page (KB of HTML)", "{:.1f}"),
    ("search_index_mb", "search index (MB)", "{:.2f}"),
    ("rebuild_regenerate", "one review edited: regenerate the project (s)", "{:.2f}"),
    ("rebuild_files_written", "one review edited: files rewritten", "{:.0f}"),
    ("rebuild_engine", "one review edited: engine, full build (s)", "{:.2f}"),
    ("rebuild_total", "one review edited: save → site updated (s)", "{:.2f}"),
    ("rebuild_engine_dirty", "one review edited: `mkdocs build --dirty` instead (s)", "{:.2f}"),
    ("serve_startup", "`reviewwall serve`: start → first page served (s)", "{:.1f}"),
    ("serve_change", "`reviewwall serve`: save one review → change served (s)", "{:.2f}"),
    ("load_before", "load average before a run (2 cores)", "{:.1f}"),
)


def derive(result: dict) -> dict:
    """Return the result with the ratios the table shows."""
    python = sum(
        result[f"stage_{s}"] for s in ("read", "check", "measure", "render_write", "alongside")
    )
    return {
        **result,
        "=per_review": result["whole"] / result["reviews"] * 1000,
        "=python_per_review": python / result["reviews"] * 1000,
    }


def format_table(results: list[dict], when: str) -> str:
    """Return the Markdown table of medians, then the growth from the smallest to the largest N."""
    results = [derive(r) for r in results]
    head = "| measure | " + " | ".join(f"N = {r['reviews']:,}" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for key, label, form in ROWS:
        # The live preview is timed at small sizes only: "–" where it was not.
        cells = (form.format(r[key]) if key in r else "–" for r in results)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    runs = ", ".join(f"{r['runs']} at N = {r['reviews']:,}" for r in results)
    lines += ["", f"Medians over runs ({runs}); {when}."]
    for r in results:
        each = ", ".join(f"{ratio:.2f}" for ratio in r["each_ratio"])
        lines.append(f"Whole / bare at N = {r['reviews']:,}, run by run: {each}.")
    if len(results) > 1:
        small, large = results[0], results[-1]
        lines.append(
            f"Per-review time at N = {large['reviews']:,} / at N = {small['reviews']:,}: "
            f"whole build {large['=per_review'] / small['=per_review']:.2f}, "
            f"python stages {large['=python_per_review'] / small['=python_per_review']:.2f}."
        )
    return "\n".join(lines) + "\n"


def machine() -> str:
    """Return the machine in a few words: cores, CPU, memory, Python."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f", {kb / 1024**2:.0f} GB RAM"
    return f"{os.cpu_count()} cores, {cpu}{memory}, Python {platform.python_version()}"


def run_sized(doc: str, prefix: str, measure, table, argv: list[str] | None) -> int:
    """The command line of a benchmark of one synthetic project: --size reviews, --runs runs;
    `measure(size, runs, workdir)` times, `table(times, size)` prints them."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix=prefix) as workdir:
        print(table(measure(args.size, args.runs, Path(workdir)), args.size))
    return 0
