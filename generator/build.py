"""The pipeline, in order: read → check → measure → render → write → engine."""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from .canned import check_canned
from .case import make_cases
from .changes import render_changes
from .config import SiteConfig
from .engine import run_engine
from .figures import measure_figures
from .figurewords import figure_words
from .giveback import giveback_nav, render_giveback_files, render_giveback_pages
from .headline import headline_of
from .labels import Labels, channel_labels, read_labels
from .ledger import measure_ledger
from .pages import Site, render_pages
from .problems import Problems
from .project import Project, load_project, no_cycle_collection
from .render import Renderer
from .showcase import render_figures_pages, showcase_nav
from .trends import measure_months
from .wall import make_listings
from .writer import WriteReport, make_mkdocs_config, write_project

BUILD_DIR = "build"
SITE_DIR = "site"


@contextmanager
def _read_objects_frozen():
    """Let the cycle collector skip everything alive so far (the reviews, their trees): rendering
    makes garbage that needs it, but walking 10 000 reviews at each collection cost 7 % of it.
    Unfrozen afterwards, so a long preview session leaks nothing."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def make_site(project: Project) -> Site:
    """Measure and prepare everything the pages show."""
    config = project.config
    labels = read_labels(config.language, config.labels)
    cases = make_cases(project.reviews, config, labels)
    figures = measure_figures(project.reviews, config, project.now)
    return Site(
        config=config,
        labels=labels,
        cases=cases,
        headline=headline_of(figures.all_time),
        listings=make_listings(cases, labels, channel_labels(config.channels, labels)),
        ledger=measure_ledger(project.reviews, config),
        figures=figures,
        months=measure_months(project.reviews, config, project.now),
        built=project.now,
    )


def make_renderer(config: SiteConfig, labels: Labels) -> Renderer:
    """Return the renderer of the site's pages: its templates, labels, dates and numbers."""
    dates = config.dates
    locale = dates.locale
    return Renderer(
        config.templates_dir,
        config=config,
        labels=labels,
        duration=dates.duration,
        format_percent=lambda share: format_percent(share, locale=locale),
        format_decimal=lambda number: format_decimal(number, locale=locale),
    )


def write_site_project(project: Project, build_dir: Path) -> WriteReport:
    """Render every page and lay out the MkDocs project in build_dir."""
    with _read_objects_frozen():
        return _write_site_project(project, build_dir)


def _write_site_project(project: Project, build_dir: Path) -> WriteReport:
    site = make_site(project)
    config = site.config
    renderer = make_renderer(config, site.labels)
    pages = render_pages(site, renderer)
    pages += render_giveback_pages(site, renderer, {r.channel for r in project.reviews})
    words = figure_words(config.language, site.labels)
    pages += render_figures_pages(site, renderer, words)
    pages.append(render_changes(site, renderer, words, project.reviews))
    files = render_giveback_files(site)
    nav = showcase_nav(site.labels) + giveback_nav(site.labels)
    mkdocs = make_mkdocs_config(config, site.labels, nav)
    return write_project(build_dir, config, pages, files, mkdocs)


def build(
    root: Path, engine: str = "mkdocs", site_dir: Path | None = None, now: datetime | None = None
) -> Project:
    """Check the project and, when nothing is wrong, build site/. Returns the checked project.

    With any error, nothing is written: not the build folder, not site/. Figures are measured at
    `now` (the current time unless a test gives one).
    """
    project = load_project(root, now, canned=False)
    if project.problems.errors:
        # Nothing is built, so staff get every problem now, as `reviewwall check` gives them.
        project.problems.extend(_check_canned_quietly(project))
        return project
    build_dir = root / BUILD_DIR
    write_site_project(project, build_dir)
    # The canned-reply rule only warns, and compares every reply with every other: it runs on
    # the second core while the engine, a process of its own, builds the site on the first.
    with ThreadPoolExecutor(max_workers=1) as alongside:
        canned = alongside.submit(_check_canned_quietly, project)
        run_engine(engine, build_dir, site_dir or root / SITE_DIR)
    project.problems.extend(canned.result())
    return project


def _check_canned_quietly(project: Project) -> Problems:
    with no_cycle_collection():
        return check_canned(project.reviews, project.config)
