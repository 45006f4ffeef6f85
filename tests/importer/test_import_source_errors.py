"""reviewwall import: a source it may not read, or one far too large, is one line; nothing is
written. (A missing file and a folder: test_import_sources.py.)"""

from pathlib import Path

from generator.importer.sources import MAX_BYTES
from tests.conftest import review
from tests.importing import fixture, run, snapshot
from tests.unreadable import lock, run_locked_out

KARI = {"2026/2026-11-03-kari.yml": review()}


def test_a_source_nobody_may_read_is_one_line_and_nothing_is_written(project, tmp_path):
    root = project(KARI)
    source = tmp_path / "reviews.xml"
    source.write_bytes(Path(fixture("app_store_reviews.xml")).read_bytes())
    lock(source)
    before = snapshot(root)
    result = run_locked_out(root, "import", str(source))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: cannot read {source}: Permission denied\n"
    assert snapshot(root) == before


def test_a_source_over_the_size_limit_is_refused_unread(project, capsys, tmp_path):
    root = project(KARI)
    source = tmp_path / "export.csv"
    with source.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: takes no room on the disk
    before = snapshot(root)
    assert run(root, capsys, str(source)) == (
        1,
        "",
        f"error: cannot read {source}: larger than 200 MB\n",
    )
    assert snapshot(root) == before
    assert MAX_BYTES == 200 * 2**20  # the limit the message names
