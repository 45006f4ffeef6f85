"""Live preview: rebuild the site when a review, a template or the config is saved or deleted.

Each save runs the build staff run, `reviewwall build`, into site/: it renders only the pages
that changed and removes those that went (incremental.py), so the preview is the site that will
be published, every language of it, and after a preview session a build has nothing left to do.
The site is served by a process of its own (preview.py), which reloads the open pages after each
build; this process keeps no thread, so the build may use every core.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from ..read.config import CONFIG_FILE
from ..read.problems import Problems, count, printable, summarize
from .build import LANGUAGES_DIR, SITE_DIR, build_project
from .engine import EngineError
from .preview import READY
from .writer import WriteReport

POLL_SECONDS = 0.3


def snapshot(root: Path) -> dict[Path, int]:
    """Return the modification time of every file that shapes the site (a file that went while
    the folders were listed is left out: it is gone)."""
    watched = [root / CONFIG_FILE]
    for folder in ("reviews", "templates"):
        if (root / folder).is_dir():
            watched += (p for p in (root / folder).rglob("*") if not p.is_dir())
    times = {}
    for path in watched:
        try:
            times[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return times


def rebuild(root: Path, engine: str, changed: set[str] | None = None) -> list[WriteReport] | None:
    """Build the site; report problems and keep the last good site on error.

    At the start (`changed` None) every problem is printed; after a save, only those in the
    files that changed, and every error, since an error anywhere stops the preview.
    """
    kept = " The preview shows the last good version." if _built(root) else ""
    try:
        project, reports = build_project(root, engine)
    except EngineError as error:
        lines = str(error).splitlines() or [""]
        print("\n".join(printable(line) for line in [f"error: {lines[0]}", *lines[1:]]))
        print(f"Nothing was published.{kept}", flush=True)
        return None
    problems: Problems = project.problems
    for problem in problems.sorted():
        if changed is None or not problem.warning or problem.path in changed:
            print(problem, flush=True)
    if problems.errors:
        print(summarize(problems, project.files) + kept, flush=True)
        return None
    return reports


def _built(root: Path) -> bool:
    return (root / SITE_DIR / "index.html").is_file()


def describe_update(reports: list[WriteReport], saved: list[str] = (), shown: int = 5) -> str:
    """Return one line saying which pages a save changed, by their address in the site: the
    pages of the reviews saved (by id) first, as those are what staff look for."""
    written = {name: None for report in reports for name in report.written}
    removed = {name: None for report in reports for name in report.removed}
    if not written and not removed:
        return "No page changed."
    parts = []
    for verb, names in (("Updated", written), ("Removed", removed)):
        if names:
            addresses = sorted(
                (_address(name) for name in names),
                key=lambda address: not any(f"/reviews/{id}/" in address for id in saved),
            )
            listed = ", ".join(addresses[:shown])
            more = f" and {len(addresses) - shown} more" if len(addresses) > shown else ""
            parts.append(f"{verb} {count(len(addresses), 'file')}: {listed}{more}.")
    return " ".join(parts)


def _address(name: str) -> str:
    """Return where a file of the build folder shows in the site: a page's URL, else its name."""
    language = ""
    if name.startswith(f"{LANGUAGES_DIR}/"):  # languages/<code>/docs/…: the site's /<code>/…
        _, code, name = name.split("/", 2)
        language = "/" + code
    if not name.startswith("docs/"):
        return name  # mkdocs.yml, the theme override
    name = name.removeprefix("docs/")
    if name.endswith(".md"):
        return language + "/" + name.removesuffix("index.md").removesuffix(".md")
    return language + "/" + name


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def start_preview_server(site: Path, address: str) -> subprocess.Popen | str:
    """Start the web server of the preview; return it, or what kept it from listening."""
    host, _, port = address.rpartition(":")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.publish.preview", str(site), host or "127.0.0.1", port],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    said = server.stdout.readline().strip()
    if said != READY:
        server.wait()
        return said or f"the preview's web server stopped (exit {server.returncode})"
    return server


def serve(root: Path, engine: str, address: str) -> int:
    """Run the preview until interrupted."""
    # Before the first build reads the files: one saved while it builds (at 10 000 reviews, in
    # the half second after the site is served and before a snapshot taken then) is built next.
    seen = snapshot(root)
    if rebuild(root, engine) is None and not _built(root):
        print("Nothing to preview yet: fix the errors above, then run reviewwall serve again.")
        return 1
    server = start_preview_server(root / SITE_DIR, address)
    if isinstance(server, str):
        print(f"error: {printable(server)}", file=sys.stderr)
        return 1
    print(
        f"Serving on http://{address}/ — save a review, a template or {CONFIG_FILE} to update "
        "it; Ctrl+C stops.",
        flush=True,
    )
    # Stopped by a signal (a test, a process manager) the web server must stop too, as on
    # Ctrl+C; otherwise it outlives us, still serving.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = snapshot(root)
            if current == seen:
                continue
            saved = [path for path, mtime in current.items() if seen.get(path) != mtime]
            deleted = [path for path in seen if path not in current]
            seen = current
            for verb, paths in (("Saved", saved), ("Deleted", deleted)):
                for path in paths:
                    print(f"{verb} {printable(path.relative_to(root).as_posix())}", flush=True)
            changed = {path.relative_to(root).as_posix() for path in saved + deleted}
            reports = rebuild(root, engine, changed)
            if reports is not None:
                ids = [path.stem for path in saved]
                print(describe_update(reports, ids), flush=True)
                server.stdin.write("built\n")
                server.stdin.flush()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    finally:
        if server.stdin:
            server.stdin.close()
        server.terminate()
        server.wait(timeout=10)
    return 0
