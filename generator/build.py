"""The pipeline, in order: read → check → measure → render → write → engine."""

from __future__ import annotations

import gc
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from .case import make_cases
from .changes import render_changes
from .checks import check_documents
from .config import SiteConfig, read_config
from .engine import run_engine
from .figures import measure_figures
from .figurewords import figure_words
from .giveback import giveback_nav, render_giveback_files, render_giveback_pages
from .headline import headline_of
from .labels import Labels, channel_labels, read_labels
from .ledger import measure_ledger
from .pages import Site, render_pages
from .problems import Problems
from .reader import read_documents
from .render import Renderer
from .review import Review
from .rules import check_canned, check_rules
from .showcase import render_figures_pages, showcase_nav
from .trends import measure_months
from .wall import make_listings
from .writer import WriteReport, make_mkdocs_config, write_project

BUILD_DIR = "build"
SITE_DIR = "site"


@dataclass
class Project:
    """A project read and checked: its config, the reviews that passed, and every problem."""

    root: Path
    config: SiteConfig
    reviews: list[Review]
    problems: Problems = field(default_factory=Problems)
    files: int = 0
    now: datetime = field(default_factory=lambda: datetime.now(UTC))  # for rules and figures


def build_moment(problems: Problems) -> datetime:
    """Return the moment a build or check is judged at: now, or SOURCE_DATE_EPOCH when set.

    SOURCE_DATE_EPOCH is the reproducible-builds convention: the same files built at that
    moment give the same site (the last 12 months, lateness of replies), whenever it runs.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(UTC)
    if value.isdigit():
        return datetime.fromtimestamp(int(value), UTC)
    problems.error(
        "(environment)",
        0,
        f"SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, got '{value}'; "
        "unset it to judge by the clock",
    )
    return datetime.now(UTC)


def load_project(root: Path, now: datetime | None = None, canned: bool = True) -> Project:
    """Read and check site_config.yml and every review file; never raises for a user's mistake.

    The service rules (rules.py) are judged at `now`: the clock or SOURCE_DATE_EPOCH unless given.
    `canned=False` leaves the canned-reply rule to the caller (see `build`).
    """
    config, problems = read_config(root)
    now = now or build_moment(problems)
    with _no_cycle_collection():
        documents, read_problems = read_documents(root, config.reviews_dir)
        reviews, check_problems = check_documents(documents, config)
        problems.extend(read_problems)
        problems.extend(check_problems)
        problems.extend(check_rules(reviews, config, now, canned))
    files = len(documents) + len({p.path for p in read_problems})
    return Project(root, config, reviews, problems, files, now)


@contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while reading and checking: nothing made there forms a
    cycle, and at 10 000 files the collector would walk hundreds of thousands of objects again
    and again (about a fifth of the time of `reviewwall check`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    with _no_cycle_collection():
        return check_canned(project.reviews, project.config)
