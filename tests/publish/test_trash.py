"""Folders a build no longer needs go at once and are removed in the background (trash.py)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.publish import trash
from generator.publish.trash import TRASH, discard
from tests.liveserve import wait_for


def tree(folder: Path, files: int) -> Path:
    for number in range(files):
        (folder / str(number % 7)).mkdir(parents=True, exist_ok=True)
        (folder / str(number % 7) / f"{number}.html").write_text("x")
    return folder


def test_a_discarded_folder_is_gone_at_once_and_removed_in_the_background(tmp_path):
    build = tmp_path / "build"
    old = tree(build / "shards" / "increment", 200)
    discard(old, build)
    assert not old.exists()
    assert wait_for(lambda: not any((build / TRASH).iterdir()), 30), list((build / TRASH).iterdir())
    for process in trash._removing:
        process.wait(30)


def test_what_a_stopped_removal_left_is_removed_with_the_next(tmp_path):
    build = tmp_path / "build"
    left = tree(build / TRASH / "site.previous-1-1", 20)  # a machine that stopped
    discard(tree(build / "shards", 5), build)
    assert wait_for(lambda: not left.exists() and not any((build / TRASH).iterdir()), 30)


def test_a_folder_on_another_file_system_is_removed_here(tmp_path, monkeypatch):
    build = tmp_path / "build"
    old = tree(tmp_path / "elsewhere", 10)

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "rename", cross_device)
    discard(old, build)
    assert not old.exists()  # removed before discard returned


def test_nothing_to_discard_makes_no_trash(tmp_path):
    discard(tmp_path / "build" / "shards", tmp_path / "build")
    assert not (tmp_path / "build").exists()
