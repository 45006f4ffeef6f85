"""The preview writes a saved review's own page first, alone, before regenerating everything."""

import subprocess
import sys

from bs4 import BeautifulSoup

from generator.publish.build import BUILD_DIR, load_project, write_site_project
from generator.publish.serve import describe_update, write_saved_cases
from generator.publish.writer import WriteReport
from tests.conftest import review
from tests.liveserve import fetch, free_port, wait_for


def words(root, review_id):
    markdown = (root / BUILD_DIR / "docs" / "reviews" / review_id / "index.md").read_text()
    return BeautifulSoup(markdown, "html.parser").select_one(".rw-words").get_text(strip=True)


def regenerated(project):
    root = project(
        {
            "2026/2026-11-03-kari.yml": review(text="First words."),
            "2026/2026-11-04-ola.yml": review(text="Other words."),
        }
    )
    write_site_project(load_project(root), root / BUILD_DIR)
    return root


def test_only_the_saved_case_page_is_written(project):
    root = regenerated(project)
    docs = root / BUILD_DIR / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    saved = root / "reviews/2026/2026-11-03-kari.yml"
    saved.write_text(review(text="Second words."))
    write_saved_cases(root, [saved])
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    changed = [p.relative_to(docs).as_posix() for p in before if before[p] != after[p]]
    assert changed == ["reviews/2026-11-03-kari/index.md"]
    assert words(root, "2026-11-03-kari") == "Second words."


def test_a_saved_file_with_an_error_writes_nothing(project):
    root = regenerated(project)
    saved = root / "reviews/2026/2026-11-03-kari.yml"
    saved.write_text(review(text="Second words.", rating="6"))
    write_saved_cases(root, [saved])
    assert words(root, "2026-11-03-kari") == "First words."


def test_a_saved_template_or_config_writes_no_case(project):
    root = regenerated(project)
    page = root / BUILD_DIR / "docs" / "reviews" / "2026-11-03-kari" / "index.md"
    written = page.stat().st_mtime_ns
    write_saved_cases(root, [root / "site_config.yml"])
    assert page.stat().st_mtime_ns == written


def test_a_stopped_preview_stops_the_engine_server_too(project):
    root = regenerated(project)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(root), "serve", "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/reviews/2026-11-03-kari/"
    try:
        assert wait_for(lambda: fetch(url) is not None, 30)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert wait_for(lambda: fetch(url) is None, 10)


def test_an_update_is_told_by_the_addresses_of_what_changed():
    first = WriteReport(written=["docs/reviews/2026-11-03-kari/index.md"])
    then = WriteReport(
        written=[
            "docs/index.md",
            "docs/reviews/index.md",
            "docs/reviews.json",
            "docs/figures/all/answered/index.md",
            "mkdocs.yml",
            "overrides/main.html",
        ],
        unchanged=["docs/reviews/2026-11-03-kari/index.md"],
        removed=["docs/reviews/2026-11-04-ola/index.md"],
    )
    assert describe_update([first, then]) == (
        "Updated 7 files: /reviews/2026-11-03-kari/, /, /reviews/, /reviews.json, "
        "/figures/all/answered/ and 2 more. Removed 1 file: /reviews/2026-11-04-ola/."
    )
    assert describe_update([None, WriteReport(written=["docs/feed.xml"])]) == (
        "Updated 1 file: /feed.xml."
    )
    assert describe_update([None, WriteReport(unchanged=["docs/index.md"])]) == "No page changed."
