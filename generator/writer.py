"""Lay out an ordinary MkDocs project in the build folder, writing only files whose content changed.

The project needs no plugin of ours, so any engine that reads mkdocs.yml (MkDocs, Zensical) can
build it. This module writes files; it does not run anything.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import SiteConfig
from .feed import FEED_URL
from .labels import Labels
from .render import BUILTIN_TEMPLATES, Page

STYLESHEET = "assets/reviewwall.css"
COLOURS = "assets/reviewwall-colours.css"
STAGING = "site"  # the engine builds into build/site, then moves it into place


@dataclass
class WriteReport:
    """What a write changed: paths relative to the build folder."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def make_mkdocs_config(config: SiteConfig, labels: Labels, extra_nav: list | None = None) -> dict:
    """Return mkdocs.yml as a dict. The nav lists sections only, never the reviews."""
    nav = [{labels["home"]: "index.md"}, {labels["wall"]: "reviews/index.md"}] + (extra_nav or [])
    mkdocs = {
        "site_name": config.name,
        "docs_dir": "docs",
        "site_dir": STAGING,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": "overrides",
            "language": config.language.split("-")[0],
            "font": False,
            "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
            "features": ["navigation.tabs", "navigation.top", "search.suggest"],
        },
        "extra_css": [STYLESHEET, COLOURS],
        "nav": nav,
        # Case and wall pages are reached from the wall; a nav of every review would make the
        # site grow with the square of the number of reviews.
        "not_in_nav": "/reviews/**\n/embed/index.md\n",
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html"],
        "extra": {
            "generator": False,
            # templates/theme/main.html puts these in every page's head (feed autodiscovery).
            "reviewwall_head_links": [
                {
                    "rel": "alternate",
                    "type": "application/atom+xml",
                    "title": f"{config.name}: {labels['feed_title']}",
                    "href": FEED_URL,
                }
            ],
        },
    }
    if config.site_url:
        mkdocs["site_url"] = config.site_url
    # No repo_url: Material would then ask the GitHub API for stars and forks on every page view,
    # a request to another host. Case pages link to their file's history instead.
    if config.logo:
        mkdocs["theme"]["logo"] = f"assets/{Path(config.logo).name}"
        mkdocs["theme"]["favicon"] = f"assets/{Path(config.logo).name}"
    return mkdocs


def colour_stylesheet(config: SiteConfig) -> str:
    """Return the CSS that gives Material the site's colours."""
    return (
        ":root, [data-md-color-primary=custom] {\n"
        f"  --md-primary-fg-color: {config.primary_colour};\n"
        f"  --md-primary-fg-color--light: {config.primary_colour};\n"
        f"  --md-primary-fg-color--dark: {config.primary_colour};\n"
        f"  --md-accent-fg-color: {config.accent_colour};\n"
        "}\n"
    )


def write_project(
    build_dir: Path, config: SiteConfig, pages: list[Page], files: dict[str, bytes], mkdocs: dict
) -> WriteReport:
    """Write the whole project; remove what an earlier build wrote that is no longer wanted."""
    wanted: dict[str, bytes] = {f"docs/{page.path}": page.content.encode() for page in pages}
    wanted.update({f"docs/{path}": data for path, data in files.items()})
    wanted["docs/" + COLOURS] = colour_stylesheet(config).encode()
    for folder, target in (("assets", "docs/assets"), ("theme", "overrides")):
        for source in _template_files(config.templates_dir, folder):
            wanted[f"{target}/{source[0]}"] = source[1].read_bytes()
    if config.logo:
        logo = config.root / config.logo
        if logo.is_file():
            wanted[f"docs/assets/{logo.name}"] = logo.read_bytes()
    wanted["mkdocs.yml"] = yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False).encode()
    return _write_files(build_dir, wanted)


def _template_files(templates_dir: Path, folder: str) -> list[tuple[str, Path]]:
    """Return (relative name, path) for a folder of templates, the project's own winning."""
    found: dict[str, Path] = {}
    for base in (BUILTIN_TEMPLATES / folder, templates_dir / folder):
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    found[path.relative_to(base).as_posix()] = path
    return sorted(found.items())


def write_pages(build_dir: Path, pages: list[Page]) -> WriteReport:
    """Write these pages alone, each only if its content changed; remove nothing."""
    report = WriteReport()
    for page in pages:
        _write_file(build_dir, f"docs/{page.path}", page.content.encode(), report)
    return report


def _write_file(build_dir: Path, relative: str, data: bytes, report: WriteReport) -> None:
    path = build_dir / relative
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        report.unchanged += 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    report.written.append(relative)


def _write_files(build_dir: Path, wanted: dict[str, bytes]) -> WriteReport:
    report = WriteReport()
    for relative, data in wanted.items():
        _write_file(build_dir, relative, data, report)
    for folder in ("docs", "overrides"):
        root = build_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            relative = path.relative_to(build_dir).as_posix()
            if path.is_file() and relative not in wanted:
                path.unlink()
                report.removed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return report
