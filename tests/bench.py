"""The benchmark: build N synthetic reviews for real, stage by stage, beside a bare MkDocs build.

    python -m tests.bench [--sizes 1000,10000] [--runs 3] [--output FILE] [--profile] [--smoke]

Every measurement runs in a fresh process. The table holds medians of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from generator.publish.engine import engine_environment
from tests.bench_report import format_table, machine
from tests.synthetic import make_project

REPO = Path(__file__).resolve().parent.parent
SERVE_UP_TO = 1000  # the live preview is timed up to this many reviews (its target is at 1 000)
# The MkDocs project a build generates, without running the engine.
GENERATE = (
    "import sys; from pathlib import Path; from generator.publish.build import load_project, "
    "write_site_project; root = Path(sys.argv[1]); "
    "write_site_project(load_project(root), root / 'build')"
)


def reviewwall(*arguments: str) -> list[str]:
    """Return the command line of the installed `reviewwall`, or `python -m generator`."""
    script = Path(sys.executable).with_name("reviewwall")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    return command + list(arguments)


def run_timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a command; return its wall time, the peak memory of its largest process (MB), output.

    os.wait4 gives this child's own rusage, so each run is measured alone; on Linux its ru_maxrss
    covers the child and every descendant it waited for (the engine under `reviewwall build`).
    """
    os.sync()  # the last command's files reach the disk now, not while this one is timed
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=engine_environment()
    )
    output = child.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{output[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, output


OUTPUTS = ("build", "site", "bare-site")
ASIDE = "set-aside"
# Disk a run keeps until the benchmark ends, per review: the generated project, site/ and the
# bare build's site, twice over (the timed pair, then the stage timings); measured, then rounded up.
KEPT_PER_REVIEW_MB = 0.17


def set_aside(root: Path, folders: tuple[str, ...] = OUTPUTS) -> None:
    """Move what the last run wrote out of the next run's way; it is deleted when the bench ends.

    Deleting it between runs would slow the next run down, and the whole build more than the
    bare one: on ext4 without a journal (this machine's disk) the kernel does not reuse an inode
    freed in the last 60 to 300 seconds and skips each one at every file it creates. Creating
    11 000 files took 1 to 5 s within minutes of deleting as many, 0.25 s otherwise; the whole
    build creates the project's files and the site's, the bare build only the site's.
    """
    aside = root.parent / ASIDE
    for folder in folders:
        if (root / folder).exists():
            aside.mkdir(exist_ok=True)
            (root / folder).rename(Path(tempfile.mkdtemp(dir=aside)) / folder)


def check_disk(workdir: Path, sizes: list[int], runs: list[int]) -> None:
    """Stop at once, with what to do, when the runs' kept output would not fit on the disk."""
    needed = sum(size * run for size, run in zip(sizes, runs, strict=True)) * KEPT_PER_REVIEW_MB
    free = shutil.disk_usage(workdir).free / 1e6
    if needed > free:
        raise SystemExit(
            f"the benchmark keeps every run's output until it ends (deleting it between runs "
            f"slows the next run down): it needs about {needed / 1000:.1f} GB free in {workdir}, "
            f"and {free / 1000:.1f} GB are; hint: fewer --runs or --sizes, or --keep DIR on a "
            "larger disk"
        )


def site_figures(root: Path) -> dict:
    """Return the size of site/, its files, the largest case page and the search index."""
    site = root / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    ids = {p.stem for p in (root / "reviews").rglob("*.yml")}
    cases = [site / "reviews" / i / "index.html" for i in ids]
    index = site / "search" / "search_index.json"
    return {
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "site_files": len(files),
        "largest_case_kb": max((p.stat().st_size for p in cases if p.exists()), default=0) / 1e3,
        "search_index_mb": index.stat().st_size / 1e6 if index.exists() else 0.0,
    }


def measure_pair(root: Path, bare_first: bool) -> dict:
    """Time the whole build and the bare build of one project, then `reviewwall check`.

    The machine's speed drifts within minutes, so runs take the two builds in turns: whole
    first, then bare first (on the same project, generated beforehand, not timed).
    """
    result = {"load_before": os.getloadavg()[0]}
    set_aside(root)
    bare = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet"]
    bare += ["-f", str(root / "build" / "mkdocs.yml"), "-d", str(root / "bare-site")]
    if bare_first:
        run_timed([sys.executable, "-c", GENERATE, str(root)], REPO)
        result["bare"], result["memory_bare_mb"], _ = run_timed(bare, root / "build")
        set_aside(root)
    result["whole"], result["memory_build_mb"], _ = run_timed(reviewwall("build"), root)
    result.update(site_figures(root))
    if not bare_first:
        result["bare"], result["memory_bare_mb"], _ = run_timed(bare, root / "build")
    result["ratio"] = result["whole"] / result["bare"]  # a pair minutes apart, on one project
    result["check"], _, _ = run_timed(reviewwall("check"), root)
    return result


def measure_in_process(module: str, root: Path) -> dict:
    """Run tests.bench_stages or tests.bench_serve on a project of its own; return its figures."""
    set_aside(root)
    _, _, output = run_timed([sys.executable, "-m", module, str(root)], REPO)
    return json.loads(output.strip().splitlines()[-1])


def measure_sizes(sizes: list[int], runs: list[int], workdir: Path, seed: int = 2026) -> list[dict]:
    """Generate each size's reviews and return, per size, the median of every measurement.

    Every timed pair of builds comes first, for every size; then the stage timings; the live
    preview last: it is the one measurement that deletes files (MkDocs' temporary site).
    """
    roots = [
        make_project(workdir / f"n{size}", size, seed, REPO / "site_config.yml") for size in sizes
    ]
    each = [[{} for _ in range(count)] for count in runs]
    for size, root, results in zip(sizes, roots, each, strict=True):
        for run, result in enumerate(results):
            print(f"N={size}: run {run + 1} of {len(results)}…", file=sys.stderr, flush=True)
            result.update(measure_pair(root, bare_first=run % 2 == 1))
            print(
                f"N={size}: run {run + 1}: whole build {result['whole']:.2f} s, bare "
                f"{result['bare']:.2f} s, whole / bare {result['ratio']:.2f}, check "
                f"{result['check']:.2f} s",
                file=sys.stderr,
                flush=True,
            )
    for size, root, results in zip(sizes, roots, each, strict=True):
        print(f"N={size}: stages and a rebuild, {len(results)} times…", file=sys.stderr, flush=True)
        for result in results:
            result.update(measure_in_process("tests.bench_stages", root))
    for size, root, results in zip(sizes, roots, each, strict=True):
        if size <= SERVE_UP_TO:
            print(f"N={size}: the live preview, {len(results)} times…", file=sys.stderr, flush=True)
            for result in results:
                result.update(measure_in_process("tests.bench_serve", root))
    return [medians_of(size, results) for size, results in zip(sizes, each, strict=True)]


def medians_of(size: int, results: list[dict]) -> dict:
    medians = {key: statistics.median(r[key] for r in results) for key in results[0]}
    medians["each_ratio"] = [r["ratio"] for r in results]
    medians["runs"] = len(results)
    medians["reviews"] = size
    return medians


def print_profile(count: int, workdir: Path) -> None:
    from tests.bench_profile import profile_pipeline

    root = workdir / f"n{count}"
    if not root.is_dir():
        root = make_project(root, count, config=REPO / "site_config.yml")
    set_aside(root)
    print(profile_pipeline(root))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", default="1000,10000", help="numbers of reviews (1000,10000)")
    parser.add_argument(
        "--runs", default="3", help="runs per size, medians reported; '3,1' gives each size its own"
    )
    parser.add_argument("--smoke", action="store_true", help="N=200, one run: the CI smoke test")
    parser.add_argument("--output", type=Path, help="also write the table (Markdown) to FILE")
    parser.add_argument("--profile", action="store_true", help="profile the pipeline at largest N")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs = "200", "1"
    args.sizes = [int(size) for size in args.sizes.split(",")]
    runs = [int(run) for run in args.runs.split(",")]
    args.runs = runs * len(args.sizes) if len(runs) == 1 else runs
    if len(args.runs) != len(args.sizes) or min(args.runs) < 1:
        parser.error("--runs takes one number, or one per size")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    args = parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="reviewwall-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        check_disk(workdir, args.sizes, args.runs)
        results = measure_sizes(args.sizes, args.runs, workdir)
        table = format_table(results, f"{date.today():%Y-%m-%d}, {machine()}")
        print(table)
        if args.output:
            args.output.write_text(table, encoding="utf-8")
        if args.profile:
            print_profile(max(args.sizes), workdir)
    finally:
        shutil.rmtree(workdir if not args.keep else workdir / ASIDE, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
