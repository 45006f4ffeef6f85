"""Time each stage of one real build, then a rebuild after one edited review; prints JSON.

Run in a fresh process per measurement (`python -m tests.bench_stages ROOT`) so that peak memory
and warm caches belong to this build only. Stages are timed by wrapping the functions that
`generator.publish.build` calls, whatever they are today, so new steps are counted in their stage.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from generator.check import project as reading
from generator.publish import build as pipeline
from generator.publish.cannedrecord import judge_canned
from generator.publish.engine import engine_environment
from tests.bench import set_aside

# Which stage a function belongs to: by name in the build and project modules first, then by its
# module.
STAGE_OF_NAME = {
    "load_project": "check",
    "make_site": "measure",
    "cases_in_file_order": "measure",  # called by load_project: cases are made as files are read
    "write_site_project": "render_write",
    "build": "other",
}
STAGE_OF_MODULE = {
    "reader": "read",
    "config": "read",
    "yamltree": "read",
    "checks": "check",
    "rules": "check",
    "canned": "check",
    "figures": "measure",
    "case": "measure",
    "wall": "measure",
    "trends": "measure",
    "charts": "measure",
    "ledger": "measure",
    "pages": "render_write",
    "renderer": "render_write",
    "writer": "render_write",
    "engine": "engine",
}
# "alongside": work in a process of its own while the engine runs (the canned-reply rule in a
# build), timed apart after the build: the forked child's clock never reaches this process.
STAGES = ("read", "check", "measure", "render_write", "engine", "alongside", "other")


class StageClock:
    """Exclusive time per stage: a call inside another stage's call counts for its own stage."""

    def __init__(self):
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.threads = threading.local()  # .stack: [stage, started, time spent in nested calls]

    def wrap(self, function, stage: str | None):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            stack = self.threads.__dict__.setdefault("stack", [])
            # A helper of no stage of its own (labels, dates) counts for the stage that called it.
            own = stage or (stack[-1][0] if stack else "other")
            stack.append([own, time.perf_counter(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                stage_, started, nested = stack.pop()
                spent = time.perf_counter() - started
                self.seconds[stage_] += spent - nested
                if stack:
                    stack[-1][2] += spent

        return timed

    def install(self) -> None:
        """Wrap every pipeline function the build and project modules can call (the build gives
        load_project its function that makes the cases, looked up in the build's module)."""
        for namespace in (pipeline, reading):
            for name, value in list(vars(namespace).items()):
                if not inspect.isfunction(value) or not value.__module__.startswith("generator."):
                    continue
                module = value.__module__.rsplit(".", 1)[-1]
                if module in ("build", "project"):
                    stage = STAGE_OF_NAME.get(name)
                else:
                    stage = STAGE_OF_MODULE.get(module)
                setattr(namespace, name, self.wrap(value, stage))


def edit_one_review(root: Path) -> tuple[Path, str]:
    """Change the customer's text of the middle review file; return it and its old text."""
    paths = sorted((root / "reviews").rglob("*.yml"))
    for path in paths[len(paths) // 2 :]:
        original = path.read_text(encoding="utf-8")
        if "consent: withheld" not in original and "\ntext: |\n" in original:
            path.write_text(
                original.replace("\ntext: |\n", "\ntext: |\n  Oppdatert etter samtale.\n", 1),
                encoding="utf-8",
            )
            return path, original
    raise SystemExit("no review to edit")


def measure(root: Path) -> dict:
    """Build root for real with stage clocks, then time a rebuild after editing one review."""
    clock = StageClock()
    clock.install()
    started = time.perf_counter()
    project = pipeline.build(root)
    total = time.perf_counter() - started
    if project.problems.errors:
        raise SystemExit(f"the project has errors: {project.problems.errors[0]}")
    result = {f"stage_{stage}": seconds for stage, seconds in clock.seconds.items()}
    alongside = time.perf_counter()
    # As the build's second process runs it on a first build: every reply judged.
    judge_canned(project.reviews, project.config, root / "build", {}, read=False, save=False)
    result["stage_alongside"] = time.perf_counter() - alongside
    result["pipeline"] = total
    result["memory_pipeline_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["memory_engine_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    path, original = edit_one_review(root)
    try:
        # What `reviewwall serve` does on save: regenerate the project, then the engine rebuilds.
        set_aside(root, ("site",))  # the old site is kept until the benchmark ends: see set_aside
        os.sync()  # as before every timed command (tests.bench.run_timed)
        saved = time.perf_counter()
        project = pipeline.load_project(root)
        report = pipeline.write_site_project(project, root / pipeline.BUILD_DIR)
        written = time.perf_counter()
        pipeline.run_engine("mkdocs", root / pipeline.BUILD_DIR, root / pipeline.SITE_DIR)
        done = time.perf_counter()
        # The same edit again (undone), built with MkDocs' --dirty: only changed pages rendered.
        path.write_text(original, encoding="utf-8")
        pipeline.write_site_project(pipeline.load_project(root), root / pipeline.BUILD_DIR)
        result["rebuild_engine_dirty"] = run_dirty(root)
    finally:
        path.write_text(original, encoding="utf-8")
    result["rebuild_regenerate"] = written - saved
    result["rebuild_engine"] = done - written
    result["rebuild_total"] = done - saved
    result["rebuild_files_written"] = len(report.written)
    return result


def run_dirty(root: Path) -> float:
    """Return the seconds `mkdocs build --dirty` takes to update site/ in place."""
    build_dir = root / pipeline.BUILD_DIR
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--quiet"]
    command += ["-f", str(build_dir / "mkdocs.yml"), "-d", str(root / pipeline.SITE_DIR)]
    started = time.perf_counter()
    subprocess.run(command, cwd=build_dir, check=True, env=engine_environment())
    return time.perf_counter() - started


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]).resolve())))
