"""reviewwall import never loses, never duplicates, never touches a file that is already there."""

import fcntl
import selectors
import subprocess
import sys
from argparse import Namespace
from io import StringIO
from pathlib import Path
from xml.sax.saxutils import escape

from generator.check.project import load_project
from generator.commands.importing import ProgressLine, run_import
from generator.importer import imports
from generator.importer.store import read_index, write_new_file
from tests.conftest import review
from tests.importing import files, fixture, format_problems, make_feed, run, snapshot


def feed_file(tmp_path: Path, count: int, changed: int | None = None, name="feed.xml") -> str:
    path = tmp_path / name
    path.write_bytes(make_feed(count, changed))
    return str(path)


def test_importing_again_adds_nothing_and_touches_nothing(project, capsys):
    root = project()
    source = fixture("app_store_reviews.xml")
    assert run(root, capsys, source)[0] == 0
    before = snapshot(root)
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset app-store (detected from the im: namespace), channel app-store",
        "0 new, 3 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    assert snapshot(root) == before


def test_an_entry_changed_upstream_is_reported_and_never_written(project, capsys, tmp_path):
    root = project()
    assert run(root, capsys, feed_file(tmp_path, 5))[0] == 0
    before = snapshot(root)
    code, out, _ = run(root, capsys, feed_file(tmp_path, 5, changed=3))
    assert code == 0
    changed = next(r for r in load_project(root).reviews if r.source_id == "urn:bench:3")
    assert out.splitlines()[1:] == [
        f"changed upstream (not touched): {changed.path}",
        "0 new, 4 already imported, 1 changed upstream (not touched), 0 skipped",
    ]
    assert snapshot(root) == before
    assert "Edited later" not in changed.text


def test_staff_work_on_an_imported_file_does_not_count_as_a_change(project, capsys):
    root = project()
    source = fixture("app_store_reviews.xml")
    run(root, capsys, source)
    path = root / "reviews/2026/2026-11-04-ola.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "kind: complaint\nthread:\n  - at: 2026-11-05T09:00\n    text: Sorry! We are on it.\n"
        + "outcome:\n  status: resolved\n  at: 2026-11-06\n",
        encoding="utf-8",
    )
    code, out, _ = run(root, capsys, source)
    assert out.splitlines()[-1] == (
        "0 new, 3 already imported, 0 changed upstream (not touched), 0 skipped"
    )
    assert format_problems(root) == []


def test_names_taken_anywhere_in_reviews_get_the_next_free_one(project, capsys):
    hand_written = review("app-store", "2026-11-03T10:00", "Written by hand.", rating="5")
    the_next_day = review("app-store", "2026-11-04T10:00", "Written by hand.", rating="5")
    root = project(
        {"2026/2026-11-03-fjellgeit.yml": hand_written, "old/2026-11-04-ola.yml": the_next_day}
    )
    before = snapshot(root)
    code, out, _ = run(root, capsys, fixture("app_store_reviews.xml"))
    assert out.splitlines()[1:4] == [
        "reviews/2026/2026-11-03-fjellgeit-2.yml",
        "reviews/2026/2026-11-04-ola-2.yml",
        "reviews/2026/2026-11-05-kari.yml",
    ]
    assert {name: snapshot(root)[name] for name in before} == before
    assert format_problems(root) == []


def test_a_file_made_by_hand_during_the_import_is_never_overwritten(project, capsys, monkeypatch):
    hand_written = review("app-store", "2026-11-03T10:00", "Written by hand meanwhile.", rating="5")
    root = project()

    def index_then_staff_save_a_file(root_path, reviews_dir):
        index = read_index(root_path, reviews_dir)  # the name is still free when this is read
        path = reviews_dir / "2026" / "2026-11-03-fjellgeit.yml"
        path.parent.mkdir(parents=True)
        path.write_text(hand_written, encoding="utf-8")
        return index

    monkeypatch.setattr(imports, "read_index", index_then_staff_save_a_file)
    code, out, _ = run(root, capsys, fixture("app_store_reviews.xml"))
    assert code == 0
    assert out.splitlines()[1] == "reviews/2026/2026-11-03-fjellgeit-2.yml"
    assert files(root)["reviews/2026/2026-11-03-fjellgeit.yml"] == hand_written
    assert len(files(root)) == 4


def test_write_new_file_refuses_a_name_that_is_taken(tmp_path):
    path = tmp_path / "2026" / "2026-11-03-kari.yml"
    assert write_new_file(path, "first\n")
    assert not write_new_file(path, "second\n")
    assert path.read_text() == "first\n"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_an_entry_that_would_fail_check_is_skipped_and_named(project, capsys, monkeypatch):
    real_check = imports.check_document

    def check_with_a_stricter_rule(document, config, problems):
        review = real_check(document, config, problems)
        if document.id == "2026-11-04-ola":  # stands in for any rule an entry could break
            problems.error(document.path, 5, "rating: a stricter rule says no")
        return review

    monkeypatch.setattr(imports, "check_document", check_with_a_stricter_rule)
    root = project()
    source = fixture("app_store_reviews.xml")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (
        0,
        f"warning: {source}: entry 2 was not imported: "
        "reviews/2026/2026-11-04-ola.yml:5: rating: a stricter rule says no\n",
    )
    assert out.splitlines()[-1] == (
        "2 new, 0 already imported, 0 changed upstream (not touched), 1 skipped "
        "(1 that would not pass check)"
    )
    assert sorted(files(root)) == [
        "reviews/2026/2026-11-03-fjellgeit.yml",
        "reviews/2026/2026-11-05-kari.yml",
    ]


def test_dry_run_prints_the_paths_and_writes_nothing(project, capsys):
    root = project()
    source = fixture("wordpress_comments.xml")
    code, out, _ = run(root, capsys, source, "--dry-run")
    assert code == 0
    assert out.splitlines()[1:] == [
        "would write reviews/2026/2026-11-03-siri.yml",
        "would write reviews/2026/2026-11-04-jon.yml",
        "1 without a rating was given kind 'question' (the wordpress-comments preset's choice; "
        "--kind to choose another).",
        "2 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
        "Dry run: nothing was written.",
    ]
    assert files(root) == {}
    assert list((root / "reviews").iterdir()) == []  # not even the lock file


def test_the_same_entry_twice_in_a_source_is_imported_once(project, capsys, tmp_path):
    feed = tmp_path / "twice.xml"
    item = (
        "<item><guid>urn:1</guid><pubDate>Tue, 03 Nov 2026 14:05:00 +0100</pubDate>"
        "<description>Rated 5 out of 5</description></item>"
    )
    feed.write_text(f'<rss version="2.0"><channel><title>t</title>{item}{item}</channel></rss>')
    root = project()
    code, out, _ = run(root, capsys, str(feed), "--channel", "google")
    assert out.splitlines()[-1] == (
        "1 new, 0 already imported, 0 changed upstream (not touched), 1 skipped "
        "(1 twice in the source)"
    )
    assert len(files(root)) == 1


def test_an_unreadable_file_with_a_source_id_stops_the_import(project, capsys):
    root = project({"2026/2026-11-01-broken.yml": "source_id: urn:1\ntext: [unclosed\n"})
    code, out, err = run(root, capsys, fixture("app_store_reviews.xml"))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "reviews/2026/2026-11-01-broken.yml:3: invalid YAML at column 1: "
        "did not find expected ',' or ']'",
        "error: an import must read the source_id of every review file; fix the file above "
        "first (reviewwall check shows every problem); nothing was imported",
    ]
    assert list(files(root)) == ["reviews/2026/2026-11-01-broken.yml"]


def _import_process(root: Path, source: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "generator", "-C", str(root), "import", source]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_imports_at_once_create_each_entry_exactly_once(project, tmp_path):
    root = project()
    source = feed_file(tmp_path, 300)
    processes = [_import_process(root, source), _import_process(root, source)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    summaries = sorted(out.splitlines()[-1] for out, _ in outputs)
    assert summaries == [
        "0 new, 300 already imported, 0 changed upstream (not touched), 0 skipped",
        "300 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    reviews = load_project(root).reviews
    assert len(files(root)) == 300
    assert sorted(r.source_id for r in reviews) == sorted(f"urn:bench:{i}" for i in range(1, 301))


def test_an_import_waits_for_the_lock_and_writes_nothing_until_then(project, tmp_path):
    root = project()
    lock = (root / "reviews" / ".import.lock").open("a")
    fcntl.flock(lock, fcntl.LOCK_EX)
    process = _import_process(root, feed_file(tmp_path, 3))
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stderr, selectors.EVENT_READ)
        assert selector.select(timeout=30), "the import never said it was waiting"
        assert process.stderr.readline() == (
            "Waiting for another import to finish (reviews/.import.lock) ...\n"
        )
        assert files(root) == {} and process.poll() is None
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert out.splitlines()[-1].startswith("3 new, ")
    assert len(files(root)) == 3


class _Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_for_large_sources_only(project, tmp_path):
    root = project()
    out, err = StringIO(), _Terminal()
    args = Namespace(
        project=root,
        source=feed_file(tmp_path, 250),
        channel=None,
        preset=None,
        kind=None,
        map=[],
        skip_bad_rows=False,
        dry_run=True,
        timeout=10.0,
    )
    assert run_import(args, out, err) == 0
    assert err.getvalue() == (
        "\rImporting: 100 of 250 entries\rImporting: 200 of 250 entries"
        "\rImporting: 250 of 250 entries\r\x1b[K"
    )
    small = _Terminal()
    progress = ProgressLine(small)
    for done in range(1, 200):
        progress(done, 199)
    progress.clear()
    assert small.getvalue() == ""


def test_comments_and_cdata_in_a_feeds_html_go_with_what_they_hold(project, capsys, tmp_path):
    hidden = (
        "<p>Varm jakke, 4/5.</p><![CDATA[<script>alert(1)</script>]]><?php echo 'x' ?>"
        "<p>Rask levering.</p><!-- <script>alert(2)</script> skjult"
    )
    feed = tmp_path / "hidden.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>t</title>'
        "<item><guid>urn:skjult</guid><pubDate>Tue, 03 Nov 2026 14:05:00 +0100</pubDate>"
        f"<description>{escape(hidden)}</description></item></channel></rss>\n",
        encoding="utf-8",
    )
    root = project()
    assert run(root, capsys, str(feed), "--channel", "google")[0] == 0
    [found] = load_project(root).reviews
    assert (found.text, found.rating) == ("Varm jakke, 4/5.\n\nRask levering.", 4)
