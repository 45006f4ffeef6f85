"""Live preview: regenerate the project when a review, a template or the config is saved.

The engine's own server watches the build folder and reloads the browser; we only rewrite the
files whose content changed, so it rebuilds what it must (MkDocs runs with --dirty). A saved
review's own page is written first, on its own, so it shows within a second or two; the
listings and figures follow when the whole project has been regenerated.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from ..check.checks import check_documents
from ..check.project import load_project
from ..measure.headline import Headline
from ..read.config import CONFIG_FILE, read_config
from ..read.problems import summarize
from ..read.reader import SUFFIXES, read_document
from ..render.case import make_cases
from ..render.pages import Site, render_case
from ..words.labels import read_labels
from .build import BUILD_DIR, make_renderer, write_site_project
from .engine import engine_command, engine_environment
from .writer import write_pages

POLL_SECONDS = 0.3


def snapshot(root: Path) -> dict[Path, float]:
    """Return the modification time of every file that shapes the site."""
    watched = [root / CONFIG_FILE]
    for folder in ("reviews", "templates"):
        if (root / folder).is_dir():
            watched += [p for p in (root / folder).rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime_ns for path in watched if path.exists()}


def write_saved_cases(root: Path, saved: list[Path]) -> None:
    """Write the case pages of just-saved review files alone, when they have no error."""
    config, problems = read_config(root)
    reviews_dir = config.reviews_dir.resolve()
    paths = [p for p in saved if p.suffix in SUFFIXES and reviews_dir in p.resolve().parents]
    if problems.errors or not paths:
        return
    documents = [d for p in paths if p.is_file() and (d := read_document(p, root, problems))]
    reviews, checked = check_documents(documents, config)
    if problems.errors or checked.errors:
        return  # the whole regeneration that follows reports them
    labels = read_labels(config.language, config.labels)
    site = Site(config=config, labels=labels, cases=[], headline=Headline(), listings=[])
    renderer = make_renderer(config, labels)
    pages = [render_case(site, renderer, case) for case in make_cases(reviews, config, labels)]
    write_pages(root / BUILD_DIR, pages)


def regenerate(root: Path) -> bool:
    """Check and rewrite the project; report problems and keep the last good pages on error."""
    project = load_project(root)
    for problem in project.problems.sorted():
        print(problem, flush=True)
    if project.problems.errors:
        print(
            summarize(project.problems, project.files)
            + " The preview shows the last good version.",
            flush=True,
        )
        return False
    report = write_site_project(project, root / BUILD_DIR)
    if report.written or report.removed:
        print(f"Updated {len(report.written)} files, removed {len(report.removed)}.", flush=True)
    return True


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(root: Path, engine: str, address: str) -> int:
    """Run the preview until interrupted."""
    if not regenerate(root) and not (root / BUILD_DIR / "mkdocs.yml").exists():
        return 1
    command = engine_command(engine, root / BUILD_DIR, serve_address=address)
    server = subprocess.Popen(command, cwd=root / BUILD_DIR, env=engine_environment())
    print(
        f"Serving on http://{address}/ — save a review or template to update it; Ctrl+C stops.",
        flush=True,
    )
    seen = snapshot(root)
    # Stopped by a signal (a test, a process manager) the engine's server must stop too, as on
    # Ctrl+C; otherwise it outlives us, still serving.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = snapshot(root)
            if current != seen:
                saved = [path for path, mtime in current.items() if seen.get(path) != mtime]
                seen = current
                write_saved_cases(root, saved)
                regenerate(root)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0
