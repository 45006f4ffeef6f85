"""Shared fixtures: tiny projects in tmp_path, built for real, read back as parsed HTML."""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import shutil
import stat
import textwrap
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check.project import check_project, load_project
from generator.publish.build import build
from tests.quality import SAMPLE_EPOCH

BASE_CONFIG = """\
name: Testbutikken
language: en
timezone: Europe/Oslo
per_page: 20
"""


def make_project(
    root: Path, reviews: dict[str, str] | None = None, config: str | None = None
) -> Path:
    """Write a project: site_config.yml and reviews/<name> files (text is dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "site_config.yml").write_text(textwrap.dedent(config or BASE_CONFIG), encoding="utf-8")
    reviews_dir = root / "reviews"
    reviews_dir.mkdir(exist_ok=True)
    for name, text in (reviews or {}).items():
        path = reviews_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def review(channel="google", received="2026-11-03T08:00", text="Fine shop.", **fields) -> str:
    """Return the YAML of a simple review; extra fields are written as given (already YAML).

    Without a rating or kind it gets `rating: 4` as its last line, so it is always complete.
    """
    lines = [f"channel: {channel}", f"received: {received}", f"text: {text}"]
    lines += [f"{key}: {value}" for key, value in fields.items()]
    if "rating" not in fields and "kind" not in fields:
        lines.append("rating: 4")
    return "\n".join(lines) + "\n"


ZENSICAL_MISSING = "Zensical is not installed (make test installs it)"


def build_project(root: Path, engine: str = "mkdocs"):
    """Build the project for real and return it; fails the test on any check error, and skips it
    where the engine is not installed."""
    if engine == "zensical":
        pytest.importorskip("zensical", reason=ZENSICAL_MISSING)
    project = build(root, engine=engine)
    assert not project.problems.errors, [str(p) for p in project.problems]
    return project


def page(root: Path, url: str) -> BeautifulSoup:
    """Return the parsed HTML of a built page, by its URL ('' is the home page)."""
    path = root / "site" / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """Return the page's own content (inside Material's article), without the theme's frame."""
    return soup.select_one("article.md-content__inner")


def problems_of(root: Path) -> list[str]:
    """Return every problem `check` reports for a project, as printed.

    Large projects are read by several processes, small ones by one: every test of a message
    asks both ways, and `check`'s own (which keeps no reviews), and they must agree. (In a
    process with threads the parts are read one after another: tests/processes.py.)
    """
    loaded = [str(p) for p in load_project(root, cores=1).problems.sorted()]
    assert [str(p) for p in load_project(root, cores=2).problems.sorted()] == loaded
    assert [str(p) for p in check_project(root, cores=2).problems.sorted()] == loaded
    return loaded


# 2026-11-03 09:00 in Oslo, an hour after review()'s default `received`: tests that are about the
# file format judge the service rules at this moment, so no review is late whatever the clock says.
FIXED_NOW_EPOCH = "1793692800"


@pytest.fixture
def fixed_now(monkeypatch):
    """Judge checks and builds at 2026-11-03 09:00 Oslo time (SOURCE_DATE_EPOCH)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_NOW_EPOCH)


@pytest.fixture
def project(tmp_path):
    """A factory: project(reviews={...}, config=...) writes a tiny project and returns its root."""

    def factory(reviews=None, config=None, name="project"):
        return make_project(tmp_path / name, reviews, config)

    return factory


# --- The repository's own sample, built once per test run ---

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE_FOLDERS = ("reviews", "templates")


def copy_sample(root: Path, language: str | None = None) -> Path:
    """Copy the sample shop (site_config.yml, reviews/, templates/) into root, in another
    language when one is given; return root."""
    root.mkdir(parents=True)
    for folder in SAMPLE_FOLDERS:
        shutil.copytree(REPOSITORY / folder, root / folder)
    config = (REPOSITORY / "site_config.yml").read_text(encoding="utf-8")
    if language is not None:
        config, count = re.subn(r"(?m)^language: .*$", f"language: {language}", config)
        assert count == 1, "the sample's site_config.yml has no `language:` line"
    (root / "site_config.yml").write_text(config, encoding="utf-8")
    return root


def fingerprint(root: Path) -> dict[str, str]:
    """Return every file under root with a digest of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory):
    """A factory: built_sample(engine="mkdocs", language=None) returns the root of the sample
    shop built for real (site/ in it), at the moment the README builds it (SAMPLE_EPOCH).

    Each engine and language is built once per test run and shared by every test that asks for
    it, so it is for reading only: its files are read-only, and when the run ends any file added,
    changed or removed under it fails the run. A test that changes the sample takes a copy of its
    own (`sample_copy`). `language` builds a copy of the sample with that `language:`.
    """
    built: dict[tuple[str, str | None], tuple[Path, dict[str, str]]] = {}

    def factory(engine: str = "mkdocs", language: str | None = None) -> Path:
        if (engine, language) not in built:
            name = f"sample-{engine}-{language or 'as-is'}"
            root = copy_sample(tmp_path_factory.mktemp(name) / "shop", language)
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
                build_project(root, engine)  # skips the test where the engine is missing
            for path in root.rglob("*"):
                if path.is_file():
                    path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            built[engine, language] = root, fingerprint(root)
        return built[engine, language][0]

    yield factory
    for (engine, language), (root, before) in built.items():
        assert fingerprint(root) == before, (
            f"a test changed the shared built sample ({engine}, {language or 'as it is'}): "
            "it is for reading only; take a copy with the sample_copy fixture"
        )


@pytest.fixture
def sample_copy(built_sample, tmp_path):
    """A factory: sample_copy(engine="mkdocs", language=None) returns a writable copy of the
    built sample in tmp_path, for a test that changes it."""

    def factory(engine: str = "mkdocs", language: str | None = None) -> Path:
        root = shutil.copytree(
            built_sample(engine, language), tmp_path / f"sample-{engine}-{language or 'as-is'}"
        )
        for path in root.rglob("*"):
            if path.is_file():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        return root

    return factory


# --- Real browser: Debian's Chromium driven by Playwright (docs/pages/development.md) ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Point pytest-playwright at Debian's Chromium; Playwright's own download cannot work here."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


class SiteServer:
    """Serves a folder on 127.0.0.1 in a thread; `url(path)` gives a page's address."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture
def serve_site():
    """A factory: serve_site(folder) starts a local server for a built site; all stop at the end."""
    servers = []

    def factory(folder: Path) -> SiteServer:
        server = SiteServer(folder)
        servers.append(server)
        return server

    yield factory
    for server in servers:
        server.close()
