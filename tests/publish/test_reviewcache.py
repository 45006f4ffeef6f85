"""What review files gave an earlier build is kept in build/ (check/known.py, publish/
reviewcache.py): a rebuild reads only the files that changed, judges the rules of the moment and
the ids again, and never trusts a stored entry it did not write."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import generator.check.project
from generator.publish.build import build
from generator.publish.reviewcache import CACHE_DIR, read_bytes
from tests.conftest import BASE_CONFIG, review

ROOT = Path(__file__).resolve().parents[2]
REVIEWS = {
    "2026/2026-10-01-kari.yml": review(author="Kari Nordmann", received="2026-10-01T08:00"),
    "2026/2026-10-02-ola.yml": review(author="Ola Dunk", received="2026-10-02T08:00", rating="2"),
    "2026/2026-10-03-liv.yml": review(
        author="Liv Berg", received="2026-10-03T08:00", text="Ring meg på 912 34 567."
    ),
}


@pytest.fixture
def reads(monkeypatch):
    """Record which review files a build reads (every process: these projects use one)."""
    seen: list[str] = []
    original = generator.check.project.read_documents

    def read_documents(root, paths):
        seen.extend(path.relative_to(root).as_posix() for path in paths)
        return original(root, paths)

    monkeypatch.setattr(generator.check.project, "read_documents", read_documents)
    return seen


def _problems(project) -> list[str]:
    return [str(problem) for problem in project.problems.sorted()]


def test_a_rebuild_reads_only_the_file_that_changed_and_reports_the_same(project, reads, fixed_now):
    root = project(REVIEWS, config=BASE_CONFIG)
    first = build(root)
    assert sorted(reads) == sorted(f"reviews/{name}" for name in REVIEWS)
    warnings = _problems(first)
    assert any("912 34 567" in line or "phone" in line for line in warnings), warnings
    reads.clear()
    path = root / "reviews/2026/2026-10-02-ola.yml"
    path.write_text(path.read_text() + "title: Treg levering\n", encoding="utf-8")
    again = build(root)
    assert reads == ["reviews/2026/2026-10-02-ola.yml"]
    assert _problems(again) == warnings  # the stored files' warnings, as a full read gives them
    page = (root / "site/reviews/2026-10-02-ola/index.html").read_text("utf-8")
    assert "Treg levering" in page
    reads.clear()
    full = build(root, full=True)
    assert sorted(reads) == sorted(f"reviews/{name}" for name in REVIEWS)
    assert _problems(full) == warnings


def test_a_changed_site_config_reads_every_file_again(project, reads, fixed_now):
    root = project(REVIEWS, config=BASE_CONFIG)
    build(root)
    reads.clear()
    (root / "site_config.yml").write_text(BASE_CONFIG.replace("Europe/Oslo", "UTC"), "utf-8")
    build(root)
    assert len(reads) == len(REVIEWS)


def test_the_rules_of_the_moment_are_judged_again_for_stored_files(project, reads, monkeypatch):
    root = project(REVIEWS, config=BASE_CONFIG)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1791277200")  # 2026-10-06 09:00 UTC
    early = _problems(build(root))
    reads.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793955600")  # 2026-11-06 09:00 UTC
    late = build(root)
    assert reads == []  # nothing read again...
    reads.clear()
    # ...and the same warnings as a build that reads every file, which differ from a month ago.
    assert _problems(late) == _problems(build(root, full=True)) != early


def test_an_id_used_twice_is_found_though_one_file_is_stored(project, reads, fixed_now):
    root = project(REVIEWS, config=BASE_CONFIG)
    build(root)
    twin = root / "reviews/2025/2026-10-01-kari.yml"
    twin.parent.mkdir()
    twin.write_text(review(author="Kari N.", received="2026-10-01T09:00"), encoding="utf-8")
    reads.clear()
    project_ = build(root)
    assert sorted(reads) == ["reviews/2025/2026-10-01-kari.yml", "reviews/2026/2026-10-01-kari.yml"]
    assert [str(p) for p in project_.problems.errors] == [
        "reviews/2026/2026-10-01-kari.yml:1: review id '2026-10-01-kari' is used twice: also "
        "reviews/2025/2026-10-01-kari.yml; rename one of the files"
    ]
    twin.unlink()
    assert not build(root).problems.errors  # the error went with the other file


class _Hostile:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_a_stored_entry_naming_anything_else_is_refused_and_the_file_read(
    project, reads, fixed_now, tmp_path, monkeypatch
):
    root = project(REVIEWS, config=BASE_CONFIG)
    build(root)
    monkeypatch.chdir(tmp_path)
    entries = sorted((root / "build" / CACHE_DIR).iterdir())
    assert len(entries) == len(REVIEWS)
    for entry in entries:  # a cache someone else wrote: each entry runs a command when loaded
        entry.write_bytes(pickle.dumps(_Hostile()))
    getattr_escape = pickle.dumps(getattr)  # the way out of most sandboxes, refused by name too
    assert read_bytes(getattr_escape) is None
    reads.clear()
    again = build(root)
    assert not (tmp_path / "pwned").exists()
    assert sorted(reads) == sorted(f"reviews/{name}" for name in REVIEWS)
    assert not again.problems.errors
    assert all(read_bytes(entry.read_bytes()) is not None for entry in entries)  # written anew


def test_stored_entries_of_files_gone_are_removed(project, fixed_now):
    root = project(REVIEWS, config=BASE_CONFIG)
    build(root)
    (root / "reviews/2026/2026-10-03-liv.yml").unlink()
    build(root)
    assert len(list((root / "build" / CACHE_DIR).iterdir())) == len(REVIEWS) - 1


def test_the_stored_results_load_in_a_fresh_interpreter():
    """The classes a result names are found by the restricted reader in a process that has
    imported nothing else (a rebuild's first step)."""
    code = (
        "import pickle\n"
        "from datetime import datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from generator.check.known import Known\n"
        "from generator.read.problems import Problem\n"
        "from generator.publish.reviewcache import read_bytes\n"
        "known = Known(None, None, [Problem('reviews/x.yml', 3, 'warning', True)])\n"
        "known.when = datetime(2026, 1, 1, tzinfo=ZoneInfo('Europe/Oslo'))\n"
        "back = read_bytes(pickle.dumps(known))\n"
        "print(back.problems[0].line, back.when.tzinfo)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "3 Europe/Oslo\n", result.stderr


@pytest.mark.parametrize(
    ("root", "path"),
    [
        (".", "reviews/2026/a.yml"),
        ("shop", "shop/reviews/a.yml"),
        ("/srv/shop/", "/srv/shop/a.yml"),
    ],
)
def test_a_file_is_named_from_the_project_root_however_the_root_is_written(root, path):
    from pathlib import Path

    from generator.check.known import relative_paths

    assert relative_paths(Path(root))(Path(path)) == Path(path).relative_to(root).as_posix()


def test_stored_results_are_what_reading_the_files_gives(tmp_path, reads, monkeypatch):
    """Every part of the sample's reviews, cases and problems comes back from the store equal
    to a fresh read (the classes with __slots__ are stored as calls of their own __init__)."""
    import dataclasses
    import shutil

    from generator.check.project import load_project
    from generator.publish import inputs
    from generator.publish.build import cases_of_files
    from generator.publish.reviewcache import _BY_FIELDS, ReviewCache
    from generator.read.config import read_config

    for kind in _BY_FIELDS:  # what storing them as calls of __init__ relies on
        assert not hasattr(kind, "__post_init__")
        assert all(field.init for field in dataclasses.fields(kind))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01: after every sample review
    root = tmp_path / "shop"
    shutil.copytree(ROOT / "reviews", root / "reviews")
    shutil.copy(ROOT / "site_config.yml", root / "site_config.yml")
    assert not build(root).problems.errors
    fresh = load_project(root, canned=False, cases=cases_of_files)
    reads.clear()
    config = read_config(root)[0]
    store = ReviewCache(root / "build", config, inputs.read_sources(root, root / "build"))
    stored = load_project(root, fresh.now, canned=False, cases=cases_of_files, store=store)
    assert reads == []
    assert len(stored.reviews) > 40
    assert stored.reviews == fresh.reviews
    assert stored.cases == fresh.cases
    assert [str(p) for p in stored.problems.sorted()] == [str(p) for p in fresh.problems.sorted()]
