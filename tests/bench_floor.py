"""The floors a build is compared with, on the MkDocs project a build generated: MkDocs alone in
one process (parsing every page as Markdown, as MkDocs does without reviewwall's hook, and with
the hook), and Hugo with a minimal layout where it is installed (Debian: apt-get install hugo)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

from tests.bench import run_timed

_HUGO_CONFIG = """baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = true
"""
_HUGO_LAYOUT = (
    "<!doctype html><html><head><title>{{ .Title }}</title></head>"
    "<body>{{ .Content }}</body></html>\n"
)


def mkdocs_alone(build_dir: Path, hook: bool) -> tuple[float, float]:
    """Time one `python -m mkdocs build` of the project (without its hook unless `hook`)."""
    config = yaml.safe_load((build_dir / "mkdocs.yml").read_text("utf-8"))
    if not hook:
        config.pop("hooks", None)
    name = "bare-hook.yml" if hook else "bare-markdown.yml"
    (build_dir / name).write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    target = build_dir.parent / "bare-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet"]
    seconds, memory, _ = run_timed(
        [*command, "-f", str(build_dir / name), "-d", str(target)], build_dir
    )
    shutil.rmtree(target)
    return seconds, memory


def hugo_floor(build_dir: Path) -> tuple[float, float] | None:
    """Time Hugo on the same pages with a minimal layout; None where Hugo is not installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    site = build_dir.parent / "hugo"
    if not site.exists():
        _hugo_project(build_dir / "docs", site)
    seconds, memory, _ = run_timed([hugo, "--quiet", "-d", str(site / "public")], site)
    shutil.rmtree(site / "public")
    return seconds, memory


def _hugo_project(docs: Path, site: Path) -> None:
    """Lay out the pages as Hugo content: a folder's index.md is a section (_index.md) when
    pages lie below it, else a page bundle; every other file is static."""
    (site / "layouts" / "_default").mkdir(parents=True)
    for kind in ("single", "list"):
        (site / "layouts" / "_default" / f"{kind}.html").write_text(_HUGO_LAYOUT, "utf-8")
    (site / "config.toml").write_text(_HUGO_CONFIG, "utf-8")
    for top, folders, names in os.walk(docs):
        here = Path(top).relative_to(docs)
        for name in names:
            source = Path(top) / name
            if name.endswith(".md"):
                target_name = "_index.md" if name == "index.md" and folders else name
                target = site / "content" / here / target_name
            else:
                target = site / "static" / here / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
