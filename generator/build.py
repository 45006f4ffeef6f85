"""The pipeline, in order: read → check → measure → render → write → engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from .case import make_cases
from .checks import check_documents
from .config import SiteConfig, read_config
from .dates import DateFormatter
from .engine import run_engine
from .figures import measure_headline
from .giveback import giveback_nav, render_giveback_files, render_giveback_pages
from .labels import channel_labels, read_labels
from .pages import Site, render_pages
from .problems import Problems
from .reader import read_documents
from .render import Renderer
from .review import Review
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


def load_project(root: Path) -> Project:
    """Read and check site_config.yml and every review file; never raises for a user's mistake."""
    config, problems = read_config(root)
    documents, read_problems = read_documents(root, config.reviews_dir)
    reviews, check_problems = check_documents(documents, config)
    problems.extend(read_problems)
    problems.extend(check_problems)
    files = len(documents) + len({p.path for p in read_problems})
    return Project(root, config, reviews, problems, files)


def make_site(project: Project) -> Site:
    """Measure and prepare everything the pages show."""
    config = project.config
    labels = read_labels(config.language, config.labels)
    cases = make_cases(project.reviews, config, labels)
    return Site(
        config=config,
        labels=labels,
        cases=cases,
        headline=measure_headline(project.reviews),
        listings=make_listings(cases, labels, channel_labels(config.channels, labels)),
    )


def write_site_project(project: Project, build_dir: Path) -> WriteReport:
    """Render every page and lay out the MkDocs project in build_dir."""
    site = make_site(project)
    config = site.config
    dates = DateFormatter(config.language, config.timezone)
    locale = dates.locale
    renderer = Renderer(
        config.templates_dir,
        config=config,
        labels=site.labels,
        duration=dates.duration,
        format_percent=lambda share: format_percent(share, locale=locale),
        format_decimal=lambda number: format_decimal(number, locale=locale),
    )
    pages = render_pages(site, renderer)
    pages += render_giveback_pages(site, renderer, {r.channel for r in project.reviews})
    files = render_giveback_files(site)
    mkdocs = make_mkdocs_config(config, site.labels, giveback_nav(site.labels))
    return write_project(build_dir, config, pages, files, mkdocs)


def build(root: Path, engine: str = "mkdocs", site_dir: Path | None = None) -> Project:
    """Check the project and, when nothing is wrong, build site/. Returns the checked project.

    With any error, nothing is written: not the build folder, not site/.
    """
    project = load_project(root)
    if project.problems.errors:
        return project
    build_dir = root / BUILD_DIR
    write_site_project(project, build_dir)
    run_engine(engine, build_dir, site_dir or root / SITE_DIR)
    return project
