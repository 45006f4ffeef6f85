"""Live preview: regenerate the project when a review, a template or the config is saved.

The engine's own server watches the build folder and reloads the browser; we only rewrite the
files whose content changed, so it rebuilds what it must (MkDocs runs with --dirty). A saved
review's own page is written first, on its own, so it shows within a second or two; the
listings and figures follow when the whole project has been regenerated.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

from ..check.checks import check_documents
from ..check.project import load_project
from ..measure.headline import Headline
from ..read.config import CONFIG_FILE, read_config
from ..read.problems import count, printable, summarize
from ..read.reader import SUFFIXES, read_document
from ..render.case import make_cases
from ..render.pages import Site, render_case
from ..words.labels import read_labels
from .build import BUILD_DIR, make_renderer, write_site_project
from .engine import start_server
from .writer import WriteReport, write_pages

POLL_SECONDS = 0.3


def snapshot(root: Path) -> dict[Path, float]:
    """Return the modification time of every file that shapes the site."""
    watched = [root / CONFIG_FILE]
    for folder in ("reviews", "templates"):
        if (root / folder).is_dir():
            watched += [p for p in (root / folder).rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime_ns for path in watched if path.exists()}


def write_saved_cases(root: Path, saved: list[Path]) -> WriteReport | None:
    """Write the case pages of just-saved review files alone, when they have no error."""
    config, problems = read_config(root)
    reviews_dir = config.reviews_dir.resolve()
    paths = [p for p in saved if p.suffix in SUFFIXES and reviews_dir in p.resolve().parents]
    if problems.errors or not paths:
        return None
    documents = [d for p in paths if p.is_file() and (d := read_document(p, root, problems))]
    reviews, checked = check_documents(documents, config)
    if problems.errors or checked.errors:
        return None  # the whole regeneration that follows reports them
    labels = read_labels(config.language, config.labels)
    site = Site(config=config, labels=labels, cases=[], headline=Headline(), listings=[])
    renderer = make_renderer(config, labels)
    pages = [render_case(site, renderer, case) for case in make_cases(reviews, config, labels)]
    return write_pages(root / BUILD_DIR, pages)


def regenerate(root: Path, changed: set[str] | None = None) -> WriteReport | None:
    """Check and rewrite the project; report problems and keep the last good pages on error.

    At the start (`changed` None) every problem is printed; after a save, only those in the
    files that changed, and every error, since an error anywhere stops the preview.
    """
    project = load_project(root)
    for problem in project.problems.sorted():
        if changed is None or not problem.warning or problem.path in changed:
            print(problem, flush=True)
    if project.problems.errors:
        print(
            summarize(project.problems, project.files)
            + " The preview shows the last good version.",
            flush=True,
        )
        return None
    return write_site_project(project, root / BUILD_DIR)


def describe_update(reports: list[WriteReport | None], shown: int = 5) -> str:
    """Return one line saying which pages a save changed, by their address in the site."""
    written = {name: None for report in reports if report for name in report.written}
    removed = {name: None for report in reports if report for name in report.removed}
    if not written and not removed:
        return "No page changed."
    parts = []
    for verb, names in (("Updated", written), ("Removed", removed)):
        if names:
            addresses = [_address(name) for name in names]
            listed = ", ".join(addresses[:shown])
            more = f" and {len(addresses) - shown} more" if len(addresses) > shown else ""
            parts.append(f"{verb} {count(len(addresses), 'file')}: {listed}{more}.")
    return " ".join(parts)


def _address(name: str) -> str:
    """Return where a file of the build folder shows in the site: a page's URL, else its name."""
    if not name.startswith("docs/"):
        return name  # mkdocs.yml, the theme override
    name = name.removeprefix("docs/")
    if name.endswith(".md"):
        return "/" + name.removesuffix("index.md").removesuffix(".md")
    return "/" + name


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(root: Path, engine: str, address: str) -> int:
    """Run the preview until interrupted."""
    if regenerate(root) is None and not (root / BUILD_DIR / "mkdocs.yml").exists():
        return 1
    server = start_server(engine, root / BUILD_DIR, address, sys.stdout)
    print(
        f"Serving on http://{address}/ — save a review, a template or {CONFIG_FILE} to update "
        "it; Ctrl+C stops.",
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
                deleted = [path for path in seen if path not in current]
                seen = current
                for verb, paths in (("Saved", saved), ("Deleted", deleted)):
                    for path in paths:
                        print(f"{verb} {printable(path.relative_to(root).as_posix())}", flush=True)
                early = write_saved_cases(root, saved)
                changed = {path.relative_to(root).as_posix() for path in saved + deleted}
                report = regenerate(root, changed)
                if report is not None:
                    print(describe_update([early, report]), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0
