"""The built sample that tests share (conftest.py's built_sample) is for reading only; a test
that changes it takes a copy of its own (sample_copy), which changes nothing of the shared one."""

import os
import stat

from tests.conftest import fingerprint


def test_the_shared_sample_is_read_only_and_a_copy_of_it_is_writable(built_sample, sample_copy):
    shared = built_sample()
    before = fingerprint(shared)
    assert "site/index.html" in before and "site_config.yml" in before
    writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    assert [name for name in before if (shared / name).stat().st_mode & writable] == []

    copy = sample_copy()
    assert fingerprint(copy) == before
    assert all((copy / name).stat().st_mode & stat.S_IWUSR for name in before)
    (copy / "site" / "index.html").write_text("changed", encoding="utf-8")
    (copy / "reviews" / "new.yml").write_text("channel: google\n", encoding="utf-8")
    os.remove(copy / "site_config.yml")
    assert fingerprint(shared) == before
    assert built_sample() == shared  # built once: the same folder every time it is asked for


def test_a_change_to_any_file_changes_the_fingerprint(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text("one", encoding="utf-8")
    first = fingerprint(tmp_path)
    assert list(first) == ["a/page.html"]
    (tmp_path / "a" / "page.html").write_text("two", encoding="utf-8")
    second = fingerprint(tmp_path)
    assert second != first
    (tmp_path / "b.html").write_text("", encoding="utf-8")
    assert list(fingerprint(tmp_path)) == ["a/page.html", "b.html"]
    (tmp_path / "a" / "page.html").unlink()
    assert list(fingerprint(tmp_path)) == ["b.html"]
