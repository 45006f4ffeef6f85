"""Live preview: regenerate the project when a review, a template or the config is saved.

The engine's own server watches the build folder and reloads the browser; we only rewrite the
files whose content changed, so it rebuilds what it must.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from .build import BUILD_DIR, load_project, write_site_project
from .config import CONFIG_FILE
from .engine import engine_command, engine_environment
from .problems import summarize

POLL_SECONDS = 0.3


def snapshot(root: Path) -> dict[Path, float]:
    """Return the modification time of every file that shapes the site."""
    watched = [root / CONFIG_FILE]
    for folder in ("reviews", "templates"):
        if (root / folder).is_dir():
            watched += [p for p in (root / folder).rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime_ns for path in watched if path.exists()}


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
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = snapshot(root)
            if current != seen:
                seen = current
                regenerate(root)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0
