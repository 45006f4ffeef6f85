"""A build of exactly what the last one was made from, at a moment that shapes the same pages,
has nothing to do (publish/inputs.py); anything else builds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.commands.test_cli import run
from tests.conftest import review

UP_TO_DATE = (
    "Nothing changed since the last build: site/ is up to date (run reviewwall check for the "
    "warnings; --full builds anyway).\n"
)
# 2026-11-03 08:00 in Oslo; the oldest review came in a year before, at 10:00.
EIGHT = datetime(2026, 11, 3, 7, 0, tzinfo=UTC)
OLDEST = "2025/2025-11-03-kari.yml"


def answered(received: str, text: str = "Fine shop.") -> str:
    """A review answered within the hour: no rule warns about it."""
    return review(received=received, text=text) + (
        f"thread:\n  - at: {received[:11]}{int(received[11:13]) + 1:02d}:00\n    text: Thanks!\n"
    )


def at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def inodes(site: Path) -> dict[Path, int]:
    return {path: path.stat().st_ino for path in site.rglob("*") if path.is_file()}


@pytest.fixture
def built(project, capsys, monkeypatch):
    at(monkeypatch, EIGHT)
    root = project(
        {
            OLDEST: answered("2025-11-03T10:00"),
            "2026/2026-11-02-ola.yml": answered("2026-11-02T12:00", "Good."),
        }
    )
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 0 and out.startswith("Built "), out
    return root


def build(root: Path, capsys, *flags: str) -> str:
    code, out, err = run(capsys, "-C", str(root), "build", *flags)
    assert (code, err) == (0, ""), out
    return out


def test_the_same_files_at_the_same_moment_build_nothing(built, capsys):
    before = inodes(built / "site")
    (built / "reviews" / OLDEST).touch()  # a save that changed no byte
    assert build(built, capsys) == UP_TO_DATE
    assert inodes(built / "site") == before


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "reviews" / OLDEST).write_text(
            answered("2025-11-03T10:00", "New words.")
        ),
        lambda root: (root / "reviews/2026/2026-11-03-new.yml").write_text(
            answered("2026-11-03T06:00")
        ),
        lambda root: (root / "reviews/2026/2026-11-02-ola.yml").unlink(),
        lambda root: (root / "site_config.yml").write_text(
            (root / "site_config.yml").read_text() + "# a comment\n"
        ),
        lambda root: (root / "removals.yml").write_text("[]\n"),
        lambda root: (
            (root / "templates/pages").mkdir(parents=True)
            or (root / "templates/pages/note.html").write_text("x")
        ),
        lambda root: (root / "site/index.html").write_text("changed by hand"),
        lambda root: (root / "build/.reviewwall-site.json").unlink(),
    ],
    ids=[
        "review edited",
        "review added",
        "review deleted",
        "config",
        "removals",
        "template",
        "site by hand",
        "no state",
    ],
)
def test_any_change_to_what_the_site_is_made_from_builds(built, capsys, change):
    change(built)
    assert build(built, capsys).startswith("Built ")


@pytest.mark.parametrize("flag", ["--full", "--strict"])
def test_full_and_strict_always_build(built, capsys, flag):
    assert build(built, capsys, flag).startswith("Built ")


def test_a_later_moment_on_the_same_day_builds_nothing(built, capsys, monkeypatch):
    at(monkeypatch, EIGHT.replace(hour=8, minute=59))  # 09:59 in Oslo
    assert build(built, capsys) == UP_TO_DATE


@pytest.mark.parametrize(
    "moment",
    [
        EIGHT.replace(hour=9, minute=1),  # 10:01 in Oslo: the oldest review has left the 12 months
        EIGHT.replace(hour=23, minute=0),  # 00:00 on 4 November in Oslo: a new day
        EIGHT.replace(hour=6),  # the clock went back
    ],
    ids=["a review leaves the 12 months", "the next day", "an earlier moment"],
)
def test_a_moment_that_shapes_other_pages_builds(built, capsys, monkeypatch, moment):
    at(monkeypatch, moment)
    assert build(built, capsys).startswith("Built ")


def test_after_a_broken_file_is_put_back_the_site_is_up_to_date(built, capsys):
    """A check error writes nothing, not even the record: the files put back are the ones the
    published site was made from."""
    good = (built / "reviews" / OLDEST).read_text()
    (built / "reviews" / OLDEST).write_text(review(rating="6"))
    code, out, _ = run(capsys, "-C", str(built), "build")
    assert (code, out.splitlines()[-1]) == (1, "Nothing was built; site/ is as it was.")
    (built / "reviews" / OLDEST).write_text(good)
    assert build(built, capsys) == UP_TO_DATE


def test_compiled_python_beside_reviewwall_s_code_is_not_what_the_site_is_made_from(tmp_path):
    """Python writes __pycache__ beside every module it imports (where bytecode is written at
    all), at any depth, and at any time: none of it counts as an input, or a build would see
    reviewwall changed after another command first imported a module."""
    from generator.publish.hashes import tree_entries
    from generator.publish.inputs import _COMPILED

    package = tmp_path / "generator"
    for folder in ("", "check", "publish/deep"):
        (package / folder / "__pycache__").mkdir(parents=True)
        (package / folder / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\x00")
        (package / folder / "module.py").write_text("x = 1\n", encoding="utf-8")
    assert sorted(tree_entries(package, skip=_COMPILED)) == [
        "check/module.py",
        "module.py",
        "publish/deep/module.py",
    ]
