"""Builds that never half-fail: site/ changes whole or not at all; review files are only read."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.publish.engine
from generator.commands.cli import main
from generator.publish import incremental
from generator.publish.engine import swap_into_place
from tests.conftest import BASE_CONFIG, build_project, problems_of, review
from tests.quality import SAMPLE_EPOCH

GOOD = {"2026/2026-11-03-kari.yml": review(author="Kari Nordmann", rating="2")}
# The service rules judge against today's date; these tests are about files, not promises.
NO_RULES = BASE_CONFIG + (
    "rules:\n  unanswered: false\n  rule_of_two: false\n  canned_replies: false\n"
    "  silent_switch: false\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under folder with its bytes (an empty dict when there is no folder)."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def built(project):
    """A project built once, so a later failed build has a site/ to keep."""
    root = project(GOOD, config=NO_RULES)
    build_project(root)
    return root


def test_a_broken_theme_override_keeps_the_previous_site(built, capsys):
    before = snapshot(built / "site")
    theme = built / "templates" / "theme"
    theme.mkdir(parents=True)
    (theme / "main.html").write_text('{% extends "base.html" %}\n{% block content %}\n')
    (built / "reviews/2026/2026-11-04-ola.yml").write_text(review(author="Ola", rating="5"))

    code, out, err = run(capsys, "-C", str(built), "build", "--full")

    assert code == 1
    assert out == ""
    assert err.startswith("error: mkdocs failed (exit 1):\n")
    assert "main.html" in err
    assert err.endswith("\nNothing was published; site/ is as it was.\n")
    assert snapshot(built / "site") == before
    assert not (built / "site.previous").exists()


def test_an_engine_that_fails_halfway_changes_nothing(built, capsys, monkeypatch):
    before = snapshot(built / "site")
    # An engine that writes half a site into the staging folder, says something, and fails.
    half = (
        "import pathlib, sys; s = pathlib.Path('site'); s.mkdir(exist_ok=True); "
        "(s / 'index.html').write_text('half'); print('out of disk space'); sys.exit(3)"
    )
    monkeypatch.setattr(
        generator.publish.engine, "engine_command", lambda *args: [sys.executable, "-c", half]
    )
    code, out, err = run(capsys, "-C", str(built), "build", "--full")
    assert (code, out) == (1, "")
    assert err == (
        "error: mkdocs failed (exit 3):\nout of disk space\n"
        "Nothing was published; site/ is as it was.\n"
    )
    assert snapshot(built / "site") == before


def test_an_engine_that_succeeds_without_a_site_changes_nothing(built, capsys, monkeypatch):
    before = snapshot(built / "site")
    monkeypatch.setattr(
        generator.publish.engine, "engine_command", lambda *args: [sys.executable, "-c", "pass"]
    )
    code, _, err = run(capsys, "-C", str(built), "build", "--full")
    assert code == 1
    assert err == (
        "error: mkdocs finished but wrote no home page (build/site/index.html)\n"
        "Nothing was published; site/ is as it was.\n"
    )
    assert snapshot(built / "site") == before


def test_an_interrupted_build_keeps_the_previous_site(built, capsys, monkeypatch):
    before = snapshot(built / "site")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(subprocess, "run", interrupted)
    code, _, err = run(capsys, "-C", str(built), "build", "--full")
    assert (code, err) == (130, "Interrupted; site/ is as it was.\n")
    assert snapshot(built / "site") == before


def test_a_failed_move_puts_the_previous_site_back(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    finished = tmp_path / "staging"
    finished.mkdir()
    (finished / "index.html").write_text("new")

    def full_disk(source, target):
        Path(target).mkdir()  # a move that got halfway
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "move", full_disk)
    with pytest.raises(OSError, match=r"^\[Errno 28\] No space left on device$") as error:
        swap_into_place(finished, site)
    assert (type(error.value), error.value.errno) == (OSError, errno.ENOSPC)  # the error itself
    assert snapshot(site) == {"index.html": b"old"}


def test_a_check_error_writes_nothing(built, capsys):
    site, build_dir = snapshot(built / "site"), snapshot(built / "build")
    (built / "reviews/2026/2026-11-04-ola.yml").write_text(
        review(rating="6", received="2026-11-04T08:00")
    )
    code, out, _ = run(capsys, "-C", str(built), "build", "--full")
    assert code == 1
    assert out.splitlines() == [
        "reviews/2026/2026-11-04-ola.yml:4: rating: expected a whole number from 1 to 5, got 6",
        "1 error in 1 file (2 reviews checked).",
        "Nothing was built; site/ is as it was.",
    ]
    assert snapshot(built / "site") == site
    assert snapshot(built / "build") == build_dir


def test_building_never_touches_the_review_files(project):
    root = project(GOOD | {"2026/2026-11-04-ola.yml": review(author="Ola", rating="5")})
    sources = sorted((root / "reviews").rglob("*")) + [root / "site_config.yml"]
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sources if p.is_file()}
    build_project(root)
    build_project(root)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sources if p.is_file()}
    assert after == before
    assert {p for p in (root / "reviews").rglob("*") if p.is_file()} == set(before) - {
        root / "site_config.yml"
    }


def test_a_file_that_cannot_be_read_is_reported(project, monkeypatch):
    root = project(GOOD | {"2026/2026-11-04-ola.yml": review()}, config=NO_RULES)
    locked = root / "reviews/2026/2026-11-04-ola.yml"
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    # Tests run as root, which reads any file whatever its mode: refuse the read instead.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problems_of(root) == [
        "reviews/2026/2026-11-04-ola.yml:1: cannot be read: Permission denied"
    ]


def test_a_folder_or_broken_link_named_like_a_review_is_reported(project):
    root = project(GOOD, config=NO_RULES)
    (root / "reviews/2026/2026-11-04-ola.yml").mkdir()
    (root / "reviews/2026/2026-11-05-per.yml").symlink_to(root / "nowhere.yml")
    (root / "reviews/2026/.#2026-11-03-kari.yml").symlink_to(root / "editor-lock")
    assert problems_of(root) == [
        "reviews/2026/2026-11-04-ola.yml:1: cannot be read: Is a directory",
        "reviews/2026/2026-11-05-per.yml:1: cannot be read: No such file or directory",
    ]


def test_check_counts_unreadable_files(project, capsys):
    root = project(GOOD, config=NO_RULES)
    (root / "reviews/2026/2026-11-04-ola.yml").mkdir()
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert code == 1
    assert out.splitlines()[-1] == "1 error in 1 file (2 reviews checked)."


def test_a_rebuild_changes_site_in_place_and_never_writes_through_a_file(
    sample_copy, capsys, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)  # the moment the sample was built at
    root = sample_copy()
    site = root / "site"
    case = site / "reviews/2025-05-22-aslak-telt/index.html"
    untouched = site / "reviews/2026-03-24-petra-lagerstatus/index.html"
    kept = root / "kept-copy.html"
    kept.hardlink_to(case)  # a copy someone keeps of the published page, as a hard link
    before = (os.stat(site).st_ino, untouched.stat().st_ino, case.read_bytes())
    path = root / "reviews/2025/2025-05-22-aslak-telt.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("uten kostnad.", "uten kostnad, samme uke."), encoding="utf-8")
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 0, out
    assert "uten kostnad, samme uke." in case.read_text("utf-8")
    assert (os.stat(site).st_ino, untouched.stat().st_ino) == before[:2]  # in place
    assert kept.read_bytes() == before[2]  # the new page was moved in, not written into the old
    assert not (root / "site.previous").exists()
    assert not list((root / "build" / "site-pending").rglob("*.html"))  # all moved in


def test_an_interrupted_rebuild_keeps_the_previous_site(sample_copy, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = sample_copy()
    before = snapshot(root / "site")
    path = root / "reviews/2025/2025-05-22-aslak-telt.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("uten kostnad.", "uten kostnad, samme uke."), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(subprocess, "run", interrupted)
    code, _, err = run(capsys, "-C", str(root), "build")
    assert (code, err) == (130, "Interrupted; site/ is as it was.\n")
    assert snapshot(root / "site") == before


def test_a_full_disk_while_a_rebuild_makes_its_files_keeps_the_previous_site(
    sample_copy, capsys, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = sample_copy()
    before = snapshot(root / "site")
    # A new review: every page's footer line changes, the search index is made again beside
    # the site, and there the disk is full.
    (root / "reviews/2026/2026-11-28-ola.yml").write_text(
        review(author="Ola Haugen", received="2026-11-28T08:00", text="Rask levering."),
        encoding="utf-8",
    )
    write_text = Path.write_text

    def full_disk(self, *args, **kwargs):
        if "site-pending" in self.parts:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    code, _, err = run(capsys, "-C", str(root), "build")
    assert code == 1
    pending = root / "build" / "site-pending"
    assert err.startswith(f"error: No space left on device: {pending}/")
    assert err.endswith("\nNothing was published; site/ is as it was.\n")
    assert snapshot(root / "site") == before
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 0, out
    assert (root / "site/reviews/2026-11-28-ola/index.html").is_file()


def test_the_record_of_a_rebuilt_site_is_the_site_on_disk(sample_copy, capsys, monkeypatch):
    """The rebuild records its new site from what the plan listed and what the commit touched,
    without walking it again: the record must be what a walk finds, every language's part."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = sample_copy()
    for text in ("uten kostnad, samme uke.", "uten kostnad."):  # a change, then a new review
        path = root / "reviews/2025/2025-05-22-aslak-telt.yml"
        path.write_text(path.read_text("utf-8").replace("uten kostnad.", text), encoding="utf-8")
        (root / f"reviews/2026/2026-11-2{len(text) % 9}-ola.yml").write_text(
            review(author="Ola Haugen", received="2026-11-20T08:00", text="Rask levering."),
            encoding="utf-8",
        )
        code, out, _ = run(capsys, "-C", str(root), "build")
        assert code == 0, out
        assert incremental.published(root / "build", root / "site")
        for folder in sorted((root / "build" / "languages").glob("*")):
            assert incremental.published(folder, root / "site" / folder.name), folder.name
