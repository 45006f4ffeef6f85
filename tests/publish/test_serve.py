"""The live preview (`reviewwall serve`): it runs the build staff run, so it is the site that will
be published, notices deleted files, reloads open pages, and says plainly what went wrong."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.publish.preview import EVENTS, TAG
from generator.publish.serve import describe_update
from generator.publish.writer import WriteReport
from tests.conftest import review
from tests.liveserve import fetch, free_port, wait_for
from tests.unreadable import lock, locked_out

SERVING = (
    "Serving on http://127.0.0.1:{port}/ — save a review, a template or site_config.yml to "
    "update it; Ctrl+C stops."
)


class Preview:
    """A running `reviewwall serve`, its output read line by line as it comes."""

    def __init__(self, root: Path, prefix: list[str]):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                *prefix,
                sys.executable,
                "-m",
                "generator",
                "-C",
                str(root),
                "serve",
                "-a",
                self.address,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        reader = threading.Thread(target=self._read, daemon=True)
        reader.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def url(self, path: str) -> str:
        return f"http://{self.address}{path}"

    def said(self, line: str, seconds: float = 60) -> bool:
        return bool(wait_for(lambda: line in self.lines, seconds))

    def stop(self) -> int:
        self.process.terminate()
        return self.process.wait(timeout=20)


@pytest.fixture
def preview():
    started = []

    def start(root: Path, prefix: list[str] = ()) -> Preview:
        started.append(Preview(root, list(prefix)))
        return started[-1]

    yield start
    for running in started:
        if running.process.poll() is None:
            running.stop()


def status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def words(html: str | None) -> str | None:
    if html is None:
        return None
    return BeautifulSoup(html, "html.parser").select_one(".rw-words").get_text(strip=True)


def two_reviews(project) -> Path:
    return project(
        {
            "2026/2026-11-03-kari.yml": review(text="First words."),
            "2026/2026-11-03-ola.yml": review(text="Other words."),
        }
    )


def test_a_deleted_review_leaves_the_preview_and_the_site(project, preview, fixed_now):
    root = two_reviews(project)
    running = preview(root)
    assert running.said(SERVING.format(port=running.port))
    page = running.url("/reviews/2026-11-03-ola/")
    assert status(page) == 200
    (root / "reviews/2026/2026-11-03-ola.yml").unlink()
    assert running.said("Deleted reviews/2026/2026-11-03-ola.yml")
    assert wait_for(lambda: status(page) == 404, 60)
    assert not (root / "site/reviews/2026-11-03-ola").exists()
    assert wait_for(
        lambda: any(
            line.endswith("Removed 1 file: /reviews/2026-11-03-ola/.") for line in running.lines
        ),
        30,
    ), running.lines
    assert running.stop() == 0
    # The preview built site/ as `reviewwall build` does: a build after it has nothing to do.
    before = {p: p.stat().st_ino for p in (root / "site").rglob("*") if p.is_file()}
    rebuilt = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "build"], capture_output=True
    )
    assert rebuilt.returncode == 0
    assert {p: p.stat().st_ino for p in (root / "site").rglob("*") if p.is_file()} == before


def test_a_missing_page_gets_the_site_404_page_with_status_404(project, preview, fixed_now):
    root = two_reviews(project)
    running = preview(root)
    assert running.said(SERVING.format(port=running.port))
    url = running.url("/no/such/page/")
    assert status(url) == 404
    try:
        urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as error:
        body = error.read().decode()
    page = (root / "site/404.html").read_text()
    assert body == page[: page.rindex("</body>")] + TAG.decode() + page[page.rindex("</body>") :]


def test_open_pages_reload_after_a_build_and_the_site_on_disk_has_no_reload_script(
    project, preview, fixed_now
):
    root = two_reviews(project)
    running = preview(root)
    assert running.said(SERVING.format(port=running.port))
    served = fetch(running.url("/reviews/2026-11-03-kari/"))
    assert served.count(TAG.decode()) == 1 and served.index(TAG.decode()) < served.rindex("</body>")
    assert TAG.decode() not in (root / "site/reviews/2026-11-03-kari/index.html").read_text()
    events = urllib.request.urlopen(running.url(EVENTS), timeout=60)
    assert events.readline() == b"data: 0\n"
    (root / "reviews/2026/2026-11-03-kari.yml").write_text(review(text="Second words."))
    line = events.readline()
    while line in (b"\n", b": waiting\n"):
        line = events.readline()
    assert line == b"data: 1\n"
    events.close()
    assert words(fetch(running.url("/reviews/2026-11-03-kari/"))) == "Second words."


def test_a_broken_save_keeps_the_last_good_site(project, preview, fixed_now):
    root = two_reviews(project)
    running = preview(root)
    assert running.said(SERVING.format(port=running.port))
    (root / "reviews/2026/2026-11-03-kari.yml").write_text(review(text="New.", rating="6"))
    assert running.said(
        "1 error in 1 file (2 reviews checked). The preview shows the last good version."
    ), running.lines
    assert (
        "reviews/2026/2026-11-03-kari.yml:4: rating: expected a whole number from 1 to 5, got 6"
        in running.lines
    ), running.lines
    assert words(fetch(running.url("/reviews/2026-11-03-kari/"))) == "First words."


def test_a_file_that_cannot_be_read_while_serving_is_an_error(project, preview, fixed_now):
    root = two_reviews(project)
    running = preview(root, locked_out())
    assert running.said(SERVING.format(port=running.port))
    lock(root / "reviews/2026/2026-11-03-ola.yml").touch()
    assert running.said(
        "1 error in 1 file (2 reviews checked). The preview shows the last good version."
    ), running.lines
    assert (
        "reviews/2026/2026-11-03-ola.yml:1: cannot be read: Permission denied" in running.lines
    ), running.lines


def serve_until_it_stops(root: Path, port: int) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator", "-C", str(root), "serve"]
    return subprocess.run(
        [*command, "-a", f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=120
    )


def test_the_first_build_failing_with_no_site_stops_the_preview(project):
    root = project({"2026/a.yml": review(rating="6")})
    result = serve_until_it_stops(root, free_port())
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "reviews/2026/a.yml:4: rating: expected a whole number from 1 to 5, got 6",
        "1 error in 1 file (1 review checked).",
        "Nothing to preview yet: fix the errors above, then run reviewwall serve again.",
    ]
    assert not (root / "site").exists()


def test_an_address_in_use_is_said_plainly(project):
    root = project({"2026/a.yml": review()})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve_until_it_stops(root, port)
    assert result.returncode == 1
    assert result.stderr == f"error: cannot serve on 127.0.0.1:{port}: Address already in use\n"


def test_a_stopped_preview_stops_its_web_server_too(project, preview, fixed_now):
    running = preview(two_reviews(project))
    url = running.url("/reviews/2026-11-03-kari/")
    assert wait_for(lambda: fetch(url) is not None, 60)
    running.stop()
    assert wait_for(lambda: fetch(url) is None, 10)


def test_every_language_is_previewed(project, preview, fixed_now):
    root = project(
        {"2026/2026-11-03-kari.yml": review(text="Words.")},
        config="name: Nordlys Sko\nlanguages: [nb, sv]\ntimezone: Europe/Oslo\n",
    )
    running = preview(root)
    assert running.said(SERVING.format(port=running.port)), running.lines
    assert status(running.url("/sv/reviews/2026-11-03-kari/")) == 200
    (root / "reviews/2026/2026-11-03-kari.yml").write_text(review(text="New words."))
    assert wait_for(
        lambda: words(fetch(running.url("/sv/reviews/2026-11-03-kari/"))) == "New words.", 60
    )
    update = wait_for(
        lambda: next((line for line in running.lines if line.startswith("Updated ")), None), 30
    )
    assert "/reviews/2026-11-03-kari/" in update and "/sv/reviews/2026-11-03-kari/" in update


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
    swedish = WriteReport(written=["docs/index.md", "docs/feed.xml"]).under("languages/sv/")
    assert describe_update([swedish]) == "Updated 2 files: /sv/, /sv/feed.xml."
    assert describe_update([WriteReport(unchanged=["docs/index.md"])]) == "No page changed."
    many = WriteReport(written=[f"docs/{n}.md" for n in range(6)] + ["docs/reviews/a/index.md"])
    assert describe_update([many], ["a"]) == (
        "Updated 7 files: /reviews/a/, /0, /1, /2, /3 and 2 more."
    )


def test_a_review_saved_while_the_first_build_runs_is_built_next(
    project, fixed_now, monkeypatch, capsys
):
    """A save after the first build has read the files, before the preview starts watching
    them, is seen as a save: the files are watched from before the first build."""
    from generator.publish import serve as serving

    root = two_reviews(project)
    path = root / "reviews/2026/2026-11-03-ola.yml"
    real_build, real_snapshot = serving.build_project, serving.snapshot
    builds, polls = [], []

    def build_then_save(*args, **kwargs):
        result = real_build(*args, **kwargs)
        builds.append(path.read_text("utf-8"))
        if len(builds) == 1:  # the files are read: the save comes too late for this build
            path.write_text(review(text="Saved while it built."), encoding="utf-8")
        else:
            raise KeyboardInterrupt  # the second build is done: stop the preview
        return result

    def snapshot_or_give_up(root_dir):
        polls.append(None)
        if len(polls) > 40:  # 12 s of polls and no second build
            raise KeyboardInterrupt
        return real_snapshot(root_dir)

    monkeypatch.setattr(serving, "build_project", build_then_save)
    monkeypatch.setattr(serving, "snapshot", snapshot_or_give_up)
    assert serving.serve(root, "mkdocs", f"127.0.0.1:{free_port()}") == 0
    assert len(builds) == 2, capsys.readouterr().out
    assert "Saved reviews/2026/2026-11-03-ola.yml" in capsys.readouterr().out.splitlines()
    page = (root / "site/reviews/2026-11-03-ola/index.html").read_text("utf-8")
    assert "Saved while it built." in page
