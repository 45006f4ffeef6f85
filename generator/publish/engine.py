"""The only module that knows MkDocs and Zensical exist: it runs one and puts the site in place.

The engine builds into the build folder's staging directory. Only a build that finished is moved
to site/, so a failed or interrupted build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from functools import partial
from pathlib import Path

from . import incremental, update
from .footer import StaleLedger
from .hashes import restat
from .shards import engine_cores, make_shards, merge_shards
from .trash import discard

ENGINES = ("mkdocs", "zensical")
STAGING = "site"  # the engine builds into build/site, then moves it into place


class EngineError(Exception):
    """The engine is missing or failed; the message says which and what it printed."""


def engine_command(engine: str, build_dir: Path) -> list[str]:
    """Return the command that builds the project in build_dir."""
    config = str(build_dir / "mkdocs.yml")
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "-f", config]
    executable = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
    if not Path(executable).exists():
        raise EngineError(
            "zensical is not installed; install it with: pip install 'reviewwall[zensical]' "
            "(or build with --engine mkdocs)"
        )
    return [executable, "build", "--clean", "-f", config]


def engine_environment() -> dict[str, str]:
    """Return the environment for the engine: Material's MkDocs 2 banner is noise here."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def run_engine(
    engine: str,
    build_dir: Path,
    site_dir: Path,
    languages: Sequence[tuple[str, Path]] = (),
    jobs: int | None = None,
    full: bool = False,
) -> None:
    """Build the project in build_dir and move the finished site to site_dir.

    `languages`: the site's further languages, each (code, its project's folder): built at the
    same time (each engine is a process of its own), and placed under /<code>/ of the site.
    `jobs`: how many engine processes at once (default: one a core); a large MkDocs project is
    shared out over them (shards.py). Unless `full`, a MkDocs project whose part of site_dir is
    the one it last published renders only its changed pages (incremental.py). If any fails,
    nothing is moved: site_dir is as it was.
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine '{engine}'; expected one of: {', '.join(ENGINES)}")
    jobs = max(1, jobs or engine_cores())
    parts = [(build_dir, ""), *((folder, code) for code, folder in languages)]
    changes = [
        None
        if full or engine != "mkdocs" or not site_dir.is_dir()
        else incremental.plan(folder, site_dir / code, engine)
        for folder, code in parts
    ]
    each = max(1, jobs // len(parts))
    # What the engine builds of each part: the whole project, or the project of its changed
    # pages; either shared out over `each` processes when it is large (a new review moves every
    # wall page).
    projects: list[Path | None] = []
    for folder, change in zip((folder for folder, _ in parts), changes, strict=True):
        if change is None:
            projects.append(folder)
        else:
            projects.append(incremental.increment_project(folder, change) if change.pages else None)
    shards = [
        make_shards(project, each) if project and engine == "mkdocs" else [] for project in projects
    ]
    units = [
        unit
        for project, plan in zip(projects, shards, strict=True)
        if project
        for unit in plan or [project]
    ]
    in_place = all(change is not None for change in changes)
    others = [code for _, code in parts[1:]]
    begun: list[update.Pending] | None = None
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(units)))) as pool:
        running = pool.map(partial(_build_one, engine), units)
        if in_place:
            # Every part is a rebuild, brought up to date in place once all its new files are
            # made (update.py). What needs no rendered page is made while the engine works; a
            # footer line that cannot be set means a full build.
            with suppress(StaleLedger):
                begun = [
                    update.begin(site_dir / code, folder, change, [] if code else others)
                    for (folder, code), change in zip(parts, changes, strict=True)
                ]
        built = dict(zip(units, running, strict=True))

    rendered = [
        _site_of(built, project, plan) if project else None
        for project, plan in zip(projects, shards, strict=True)
    ]
    if in_place:
        if begun is None:
            run_engine(engine, build_dir, site_dir, languages, jobs, full=True)
            return
        pending = [
            update.finish(part, folder, change, made)
            for part, (folder, _), change, made in zip(begun, parts, changes, rendered, strict=True)
        ]
        for folder, _ in parts:
            incremental.forget_state(folder)  # until the new files are in place
        for part in pending:
            update.commit(part)
        # What the plan listed of site/, brought up to date for what the commits touched: the
        # record of the new site without walking its 12 000 files again.
        touched = [path for part in pending for path in part.touched()]
        for (_, code), change in zip(parts, changes, strict=True):
            restat(change.listing, site_dir / code, touched)
    else:
        _build_staging(engine, build_dir, site_dir, parts, changes, rendered, built, each)
        changes = [None] * len(parts)  # the site is a new one: its files are listed anew
    if engine == "mkdocs":
        for (folder, code), change in zip(parts, changes, strict=True):
            docs, listing = (change.docs, change.listing) if change else (None, None)
            incremental.save_state(folder, site_dir / code, engine, docs, listing)


def _build_staging(engine, build_dir, site_dir, parts, changes, rendered, built, each) -> None:
    """Make the whole new site beside the old one, then swap it into place: the parts built in
    full as they are, the others as copies of their part of the last site, brought up to date."""
    staging = build_dir / (STAGING + "-next")
    if staging.exists():
        shutil.rmtree(staging)
    for (folder, code), change, made in zip(parts, changes, rendered, strict=True):
        target = staging / code if code else staging
        if change is None:
            shutil.move(str(made), str(target))
            continue
        others = [language for _, language in parts[1:]] if not code else []  # their own parts
        incremental.clone_site(site_dir / code, target, others)
        try:
            update.commit(update.prepare(target, folder, change, made))
        except StaleLedger:  # a theme of the site's own shows the footer's line another way
            shutil.rmtree(target)
            plan = make_shards(folder, each)
            again = {unit: _build_one(engine, unit) for unit in plan or [folder]}
            shutil.move(str(_site_of(again, folder, plan)), str(target))
    for folder, _ in parts:
        incremental.forget_state(folder)  # until the new site is in place
    swap_into_place(staging, site_dir)


def _site_of(built: dict[Path, Path], project: Path, shards: list[Path]) -> Path:
    """Return the site the engine built of a project: its shards' sites merged, if shared out."""
    return merge_shards([built[shard] for shard in shards], project) if shards else built[project]


def _build_one(engine: str, build_dir: Path) -> Path:
    """Run the engine on one project; return the folder it built the site into."""
    staging = build_dir / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    command = engine_command(engine, build_dir)
    try:
        result = subprocess.run(
            command, cwd=build_dir, capture_output=True, text=True, env=engine_environment()
        )
    except OSError as error:
        raise EngineError(f"{engine} could not be started: {error}") from None
    output = (result.stderr + result.stdout).strip()
    if result.returncode != 0:
        failed = f"{engine} failed (exit {result.returncode})"
        raise EngineError(f"{failed}:\n{output}" if output else failed)
    if not (staging / "index.html").is_file():
        home = f"{build_dir.name}/{STAGING}/index.html"
        raise EngineError(f"{engine} finished but wrote no home page ({home})")
    return staging


def swap_into_place(finished: Path, site_dir: Path) -> None:
    """Replace site_dir with finished in two renames; on failure the old site is put back."""
    previous = site_dir.with_name(site_dir.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    had_site = site_dir.exists()
    if had_site:
        site_dir.rename(previous)
    try:
        shutil.move(str(finished), str(site_dir))
    except BaseException:
        # A move between file systems copies: remove what it got through before putting back.
        if site_dir.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
        if had_site:
            previous.rename(site_dir)
        raise
    if had_site:
        discard(previous, finished.parent)  # the build folder, where the engine built
