"""Lay out an ordinary MkDocs project in the build folder, writing only files whose content changed.

The project needs no plugin of ours, so any engine that reads mkdocs.yml (MkDocs, Zensical) can
build it. This module writes files; it does not run anything.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..measure.ledger import Ledger
from ..read.config import SiteConfig
from ..render.feed import FEED_URL
from ..render.frame import (
    FAVICON,
    initial_favicon,
    link_colour,
    logo_of,
    make_frame,
    text_colour,
)
from ..render.renderer import BUILTIN_TEMPLATES, Page
from ..words.catalog import language_name
from ..words.labels import Labels
from .engine import STAGING
from .shards import HOOKS_DIR

STYLESHEET = "assets/reviewwall.css"
COLOURS = "assets/reviewwall-colours.css"
PAGE_HOOK = Path(__file__).with_name("pagehook.py")


@dataclass
class WriteReport:
    """What a write changed: paths relative to the build folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def under(self, folder: str) -> WriteReport:
        """Return the report with its paths as seen from a folder above (folder ends in /)."""
        lists = (self.written, self.unchanged, self.removed)
        return WriteReport(*([folder + name for name in names] for names in lists))


def make_mkdocs_config(
    config: SiteConfig, labels: Labels, extra_nav: list | None = None, ledger: Ledger | None = None
) -> dict:
    """Return mkdocs.yml as a dict. The nav lists sections only, never the reviews.

    `ledger` gives every page's footer its line (templates/theme/main.html).
    """
    nav = [{labels["home"]: "index.md"}, {labels["wall"]: "reviews/index.md"}] + (extra_nav or [])
    logo = logo_of(config)
    mkdocs = {
        "site_name": config.name,
        # What a page without its own description (front matter) tells search engines.
        "site_description": labels["feed_subtitle"],
        "docs_dir": "docs",
        "site_dir": STAGING,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": "overrides",
            "language": config.language.split("-")[0],
            "font": False,
            # No palette: the site's colours are set in COLOURS, and Material then loads no
            # palette stylesheet (2 KB less on every page).
            "features": ["navigation.tabs", "navigation.top", "search.suggest"],
            # The logo, or without one the name's initial in a circle (render/frame.py).
            "favicon": logo or FAVICON,
        },
        "extra_css": [STYLESHEET, COLOURS],
        "nav": nav,
        # Case and wall pages are reached from the wall; a nav of every review would make the
        # site grow with the square of the number of reviews.
        "not_in_nav": "/reviews/**\n/embed/index.md\n",
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html"],
        # The page bodies are HTML: MkDocs takes them as they are (pagehook.py).
        "hooks": [f"{HOOKS_DIR}/{PAGE_HOOK.name}"],
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
            "reviewwall_frame": make_frame(config, labels, ledger),
        },
    }
    if config.site_url:
        mkdocs["site_url"] = config.site_url
    if len(config.all_languages) > 1:
        # Material's language switcher (templates/theme/partials/alternate.html leads each entry
        # to the same page in that language) and hreflang links (main.html).
        mkdocs["extra"]["alternate"] = language_alternates(config)
    # No repo_url: Material would then ask the GitHub API for stars and forks on every page view,
    # a request to another host. Case pages link to their file's history instead.
    if logo:
        mkdocs["theme"]["logo"] = logo
    return mkdocs


def language_alternates(config: SiteConfig) -> list[dict]:
    """Return each language of the site: its name in itself, its tag, the way from this
    language's root to its root (`link`), and its root's address when site_url is set."""
    languages = config.all_languages
    root = languages[0]
    here = config.language
    base = config.site_url
    if base and here != root:
        base = base.removesuffix(f"{here}/")
    alternates = []
    for language in languages:
        prefix = "" if language == root else f"{language}/"
        alternates.append(
            {
                "name": language_name(language, language),
                "lang": language,
                "link": ("" if here == root else "../") + prefix,
                "absolute": f"{base}{prefix}" if base else None,
            }
        )
    return alternates


def colour_stylesheet(config: SiteConfig) -> str:
    """Return the CSS that gives Material the site's colours.

    The header's text is white or black, whichever reads on the primary colour; links are the
    primary colour, darkened where it is too light to read as text on the page.
    """
    primary = config.primary_colour
    on_primary = text_colour(primary)
    return (
        ":root, [data-md-color-primary=custom] {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        f"  --md-primary-bg-color: {on_primary};\n"
        f"  --md-primary-bg-color--light: {on_primary}b3;\n"
        f"  --md-accent-fg-color: {config.accent_colour};\n"
        f"  --rw-link: {link_colour(primary)};\n"
        "}\n"
    )


def write_project(
    build_dir: Path,
    config: SiteConfig,
    pages: list[Page],
    mkdocs: dict,
    written_already: Iterable[WriteReport] = (),
) -> WriteReport:
    """Write the whole project; remove what an earlier build wrote that is no longer wanted.

    `written_already`: the reports of pages written before (by write_pages, in other processes
    too); their files are wanted, and the report counts them.
    """
    wanted: dict[str, bytes] = {f"docs/{page.path}": page.data for page in pages}
    wanted["docs/" + COLOURS] = colour_stylesheet(config).encode()
    for folder, target in (("assets", "docs/assets"), ("theme", "overrides")):
        for source in _template_files(config.templates_dir, folder):
            wanted[f"{target}/{source[0]}"] = source[1].read_bytes()
    if logo_of(config):
        logo = config.root / config.logo
        wanted[f"docs/assets/{logo.name}"] = logo.read_bytes()
    else:
        wanted["docs/" + FAVICON] = initial_favicon(config).encode()
    wanted[f"{HOOKS_DIR}/{PAGE_HOOK.name}"] = PAGE_HOOK.read_bytes()
    wanted["mkdocs.yml"] = yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False).encode()
    files = _Files(build_dir)
    for relative, data in wanted.items():
        files.write(relative, data)
    kept = set(wanted)
    for report in written_already:
        files.report.written += report.written
        files.report.unchanged += report.unchanged
        kept.update(report.written, report.unchanged)
    for folder in ("docs", "overrides", HOOKS_DIR):
        files.remove_unwanted(folder, kept)
    return files.report


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
    files = _Files(build_dir)
    for page in pages:
        files.write(f"docs/{page.path}", page.data)
    return files.report


class _Files:
    """Writes files under one folder, only those whose content changed.

    Ten thousand pages are ten thousand files: one stat each, and a folder made once, keep the
    system calls (the slow part on a virtual disk) to the few that are needed.
    """

    def __init__(self, build_dir: Path):
        self.root = os.fspath(build_dir)
        self.report = WriteReport()
        self.folders: set[str] = set()

    def write(self, relative: str, data: bytes) -> None:
        path = os.path.join(self.root, relative)
        try:
            if os.stat(path).st_size == len(data):
                with open(path, "rb") as old:
                    if old.read() == data:
                        self.report.unchanged.append(relative)
                        return
        except FileNotFoundError:
            folder = os.path.dirname(path)
            if folder not in self.folders:
                os.makedirs(folder, exist_ok=True)
                self.folders.add(folder)
        with open(path, "wb") as new:
            new.write(data)
        self.report.written.append(relative)

    def remove_unwanted(self, folder: str, wanted: set[str]) -> None:
        """Remove the files under folder that are not wanted, then the folders left empty."""
        top = os.path.join(self.root, folder)
        start = len(self.root) + 1
        for current, _, names in os.walk(top, topdown=False):
            for name in sorted(names, reverse=True):
                path = os.path.join(current, name)
                relative = path[start:].replace(os.sep, "/")
                if relative not in wanted:
                    os.unlink(path)
                    self.report.removed.append(relative)
            if current != top and not os.listdir(current):
                shutil.rmtree(current)
