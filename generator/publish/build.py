"""The pipeline, in order: read → check → measure → render → write → engine."""

from __future__ import annotations

import gc
import shutil
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from ..check.cores import in_background, share_out
from ..check.project import SHARED_FROM, Project, load_project
from ..measure.figures import measure_figures
from ..measure.headline import headline_of
from ..measure.ledger import measure_ledger
from ..measure.trends import measure_months
from ..read.config import SiteConfig, read_config
from ..read.review import Review
from ..render.admin import admin_pages
from ..render.case import Case, cases_in_file_order, make_cases, newest_first
from ..render.changes import render_changes
from ..render.giveback import giveback_file_orders, giveback_nav, render_giveback_pages
from ..render.pages import Site, page_orders
from ..render.renderer import KnownOrder, PageOrder, Renderer
from ..render.showcase import figures_page_orders, showcase_nav
from ..render.wall import make_listings
from ..words.dates import site_dates
from ..words.labels import Labels, channel_labels, read_labels
from . import inputs
from .cannedrecord import judge_canned
from .engine import run_engine
from .memo import Memo
from .reviewcache import ReviewCache
from .writer import WriteReport, make_mkdocs_config, write_pages, write_project

BUILD_DIR = "build"
SITE_DIR = "site"
LANGUAGES_DIR = "languages"  # build/languages/<code>/: the project of each further language


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


# How many lines of an evidence page cost about as much to render as one page.
_LINES_A_PAGE = 25


def make_site(project: Project) -> Site:
    """Measure and prepare everything the pages show."""
    config = project.config
    labels = read_labels(config.language, config.labels)
    if project.cases is None:
        cases = make_cases(project.reviews, config, labels)
    else:
        cases = newest_first(project.cases)
    # A removed review counts as a withheld one does (unless it was no review of the business):
    # taking a file down must never improve a number.
    counted = project.reviews + project.removals.counted
    figures = measure_figures(counted, config, project.now)
    return Site(
        config=config,
        labels=labels,
        cases=cases,
        headline=headline_of(figures.all_time),
        listings=make_listings(
            cases, labels, channel_labels(config.channels, labels), config.language
        ),
        ledger=measure_ledger(project.reviews, config, project.removals.records),
        figures=figures,
        months=measure_months(counted, config, project.now),
        built=project.now,
    )


def make_renderer(config: SiteConfig, labels: Labels) -> Renderer:
    """Return the renderer of the site's pages: its templates, labels, dates and numbers."""
    dates = site_dates(config)
    locale = dates.locale
    return Renderer(
        config.templates_dir,
        labels.translations,
        config=config,
        labels=labels,
        duration=dates.duration,
        format_percent=lambda share: format_percent(share, locale=locale),
        format_decimal=lambda number: format_decimal(number, locale=locale),
    )


def write_site_project(
    project: Project,
    build_dir: Path,
    cores: int | None = None,
    sources: dict[str, list] | None = None,
    full: bool = False,
) -> WriteReport:
    """Render every page and lay out the MkDocs project in build_dir. From SHARED_FROM pages' work
    on, the pages are rendered by `cores` processes (all the machine has, unless given).

    `sources`: the input files' hashes (inputs.read_sources): a page that shows what it showed
    in the last build is kept as written then (memo.py), unless `full`."""
    with _read_objects_frozen():
        return _write_site_project(project, build_dir, cores, sources, full)


def _write_site_project(
    project: Project, build_dir: Path, cores: int | None, sources: dict | None, full: bool
) -> WriteReport:
    site = make_site(project)
    config = site.config
    renderer = make_renderer(config, site.labels)
    words = site.labels
    # The heaviest first (open data, the evidence pages), so no process is left with one at the
    # end while the others wait.
    orders = (
        giveback_file_orders(site)
        + figures_page_orders(site, renderer, words)
        + page_orders(site, renderer)
    )
    memo = Memo(build_dir, config, sources or {}, read=not full and sources is not None)
    orders, kept = memo.kept(orders)
    # Rendering is pure Python and each page stands alone: a large site's pages are shared out
    # to every core, and each process writes the pages it rendered. By the work, not the number
    # of pages: after one reply, the few pages left list thousands of cases each.
    if sum(map(_work, orders)) < SHARED_FROM:
        cores = 1
    written = share_out(orders, partial(_render_and_write, build_dir), cores)
    written.append(WriteReport(unchanged=kept))
    pages = render_giveback_pages(site, renderer, {r.channel for r in project.reviews})
    pages.append(render_changes(site, renderer, words, project.reviews))
    if config.language == config.all_languages[0]:  # one editor, at the root: the files are one
        pages += admin_pages(config)
    nav = showcase_nav(site.labels) + giveback_nav(site.labels)
    mkdocs = make_mkdocs_config(config, site.labels, nav, site.ledger)
    report = write_project(build_dir, config, pages, mkdocs, written)
    if sources is not None:
        memo.save()
    return report


def _work(order: PageOrder) -> int:
    # A page, and about one more for every wall page's worth of cases it lists: an evidence
    # page lists every case behind its figure, 12 µs a line against 0.3 ms a case page (10 000).
    listed = len(order.cases) if isinstance(order, KnownOrder) else 0
    return 1 + listed // _LINES_A_PAGE


def _render_and_write(build_dir: Path, orders: list[PageOrder]) -> WriteReport:
    return write_pages(build_dir, [order() for order in orders])


def cases_of_files(reviews: list[Review], config: SiteConfig) -> list[Case]:
    """Return the Cases of one process's reviews in file order (load_project merges them)."""
    return cases_in_file_order(reviews, config, read_labels(config.language, config.labels))


def build(
    root: Path,
    engine: str = "mkdocs",
    site_dir: Path | None = None,
    now: datetime | None = None,
    jobs: int | None = None,
    full: bool = False,
) -> Project:
    """Check the project and, when nothing is wrong, build site/. Returns the checked project.

    With any error, nothing is written: not the build folder, not site/. Figures are measured at
    `now` (the current time unless a test gives one). `jobs`: engine processes at once (default:
    one a core). `full`: render every page, whatever the last build left.
    """
    return build_project(root, engine, site_dir, now, jobs, full)[0]


def build_project(
    root: Path,
    engine: str = "mkdocs",
    site_dir: Path | None = None,
    now: datetime | None = None,
    jobs: int | None = None,
    full: bool = False,
) -> tuple[Project, list[WriteReport]]:
    """Build as `build` does; also return what was written to each language's project (none
    when the project has errors), which the preview tells staff."""
    build_dir = root / BUILD_DIR
    sources = inputs.read_sources(root, build_dir)  # before the files are read: see there
    store = ReviewCache(build_dir, read_config(root)[0], sources, read=not full)
    project = load_project(root, now, canned=False, cases=cases_of_files, store=store)
    store.prune()
    if project.problems.errors:
        # Nothing is built, so staff get every problem now, as `reviewwall check` gives them.
        # (The record of the last build's files stays: these files are not those.)
        project.problems.extend(
            judge_canned(project.reviews, project.config, build_dir, sources, not full, save=False)
        )
        return project, []
    inputs.forget_inputs(build_dir)  # until a build of these files is published
    # The canned-reply rule only warns, and compares every reply with every other: it runs in a
    # process of its own while the pages are rendered and the engine builds the site (a rebuild
    # waited for it). Not in a thread: the work here is Python too, and would take turns with it.
    # It gives way to the build (nice): it has time until the engine is done.
    # Only the replies from the first that changed are judged (cannedrecord.py).
    canned_rule = partial(
        judge_canned, project.reviews, project.config, build_dir, sources, read=not full
    )
    with in_background(canned_rule, nice=10) as canned:
        write = partial(write_site_project, sources=sources, full=full)
        reports = [write(project, build_dir)]
        languages = []
        for language, translated in language_projects(project):
            folder = build_dir / LANGUAGES_DIR / language
            reports.append(write(translated, folder).under(f"{LANGUAGES_DIR}/{language}/"))
            languages.append((language, folder))
        _remove_languages_gone(build_dir, {language for language, _ in languages})
        run_engine(engine, build_dir, site_dir or root / SITE_DIR, languages, jobs, full)
        project.problems.extend(canned())
    if now is None:  # a moment a test gives is not the clock's: nothing to skip by it
        counted = project.reviews + project.removals.counted
        inputs.record_inputs(build_dir, project.config, engine, project.now, counted, sources)
    return project, reports


def up_to_date(root: Path, engine: str = "mkdocs", site_dir: Path | None = None) -> bool:
    """Return whether site/ is what a build now would make: the same files, the same engine, a
    moment that shapes the same pages (inputs.py)."""
    site_dir = site_dir or root / SITE_DIR

    def parts(config: SiteConfig) -> list[tuple[Path, Path]]:
        further = [
            (root / BUILD_DIR / LANGUAGES_DIR / code, site_dir / code)
            for code in config.all_languages[1:]
        ]
        return [(root / BUILD_DIR, site_dir), *further]

    return inputs.up_to_date(root, root / BUILD_DIR, parts, engine)


def language_projects(project: Project) -> list[tuple[str, Project]]:
    """Return the project as each further language of the site sees it: the same reviews and
    figures, its own words, its address under /<language>/."""
    config = project.config
    projects = []
    for language in config.all_languages[1:]:
        url = f"{config.site_url}{language}/" if config.site_url else None
        translated = replace(config, language=language, site_url=url)
        projects.append((language, replace(project, config=translated, cases=None)))
    return projects


def _remove_languages_gone(build_dir: Path, kept: set[str]) -> None:
    folder = build_dir / LANGUAGES_DIR
    if folder.is_dir():
        for child in folder.iterdir():
            if child.name not in kept:
                shutil.rmtree(child)
