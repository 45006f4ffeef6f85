"""MkDocs on every core: a site built by several engine processes is the one a single process
builds, byte for byte, and build/ stays a project a plain `mkdocs build` turns into it."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.cli import main
from generator.publish.build import build
from generator.publish.engine import engine_environment
from generator.publish.shards import SHARD_FROM
from tests.synthetic import make_project

SIZE = 450  # reviews: more pages than SHARD_FROM


def _differences(one: Path, other: Path) -> list[str]:
    """Return every file that is not the same in both trees (names and bytes)."""
    found = []

    def walk(compare: filecmp.dircmp, where: str) -> None:
        found.extend(
            f"{where}{name}: only in one" for name in compare.left_only + compare.right_only
        )
        _, mismatch, errors = filecmp.cmpfiles(
            compare.left, compare.right, compare.common_files, shallow=False
        )
        found.extend(f"{where}{name}" for name in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(one, other), "")
    return found


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    """The same synthetic shop twice, built by one engine process and by three."""
    base = tmp_path_factory.mktemp("shards")
    one = make_project(base / "one", SIZE)
    shutil.copytree(one / "reviews", base / "three" / "reviews")
    shutil.copy(one / "site_config.yml", base / "three" / "site_config.yml")
    three = base / "three"
    patch = pytest.MonkeyPatch()
    patch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    try:
        assert not build(one, jobs=1).problems.errors
        assert not build(three, jobs=3).problems.errors
    finally:
        patch.undo()
    return one, three


def test_three_processes_build_the_site_one_builds(projects):
    one, three = projects
    assert len(list((one / "site" / "reviews").iterdir())) > SHARD_FROM
    assert _differences(one / "site", three / "site") == []


def test_more_than_one_process_did_work(projects):
    one, three = projects
    shards = three / "build" / "shards"
    assert sorted(p.name for p in shards.iterdir()) == ["0", "1", "2"]
    for shard in shards.iterdir():
        # Each process had its share of the cases, and wrote its own search index (the first
        # one's site became site/).
        assert len(list((shard / "docs" / "reviews").rglob("index.md"))) > SIZE / 4
        built = three / "site" if shard.name == "0" else shard / "site"
        assert (built / "search" / "search_index.json").is_file()
    assert not (one / "build" / "shards").exists()


def test_build_stays_a_project_plain_mkdocs_turns_into_the_same_site(projects, tmp_path):
    _, three = projects
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path / "plain"),
        ],
        cwd=three / "build",
        env={**engine_environment(), "SOURCE_DATE_EPOCH": "1796083200"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _differences(tmp_path / "plain", three / "site") == []


def test_every_language_is_shared_out_too(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    roots = []
    for name, jobs in (("one", 1), ("four", 4)):
        root = make_project(tmp_path / name, SIZE)
        config = root / "site_config.yml"
        config.write_text(config.read_text("utf-8").replace("language: nb", "languages: [nb, sv]"))
        assert not build(root, jobs=jobs).problems.errors
        roots.append(root)
    assert (roots[1] / "build" / "languages" / "sv" / "shards" / "1").is_dir()
    assert _differences(roots[0] / "site", roots[1] / "site") == []


def test_a_small_site_is_built_by_one_process(project, monkeypatch):
    from tests.conftest import review

    root = project({"2026/2026-11-03-kari.yml": review()})
    assert not build(root, jobs=4).problems.errors
    assert not (root / "build" / "shards").exists()


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(value, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--jobs", value])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"argument --jobs: expected a whole number of at least 1, got '{value}'\n"
    )
