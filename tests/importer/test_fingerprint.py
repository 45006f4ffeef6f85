"""The import fingerprint: the customer's words and stars, blind to how a source wraps them.

A source that re-wraps a review's text (another line width, spaces for line breaks) has not
changed it: importing it again finds the review already imported, not "changed upstream".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.candidate import fingerprint
from tests.importing import run, snapshot

WORDS = "Warm jacket.\nThe sleeves are a bit long."


@pytest.mark.parametrize(
    ("title", "rating", "text"),
    [
        ("Good, mostly", 4, WORDS),
        ("Good, mostly", "4", WORDS),  # the stored file gives the rating back as text
        (" Good,  mostly ", 4, "Warm jacket. The sleeves are a bit long."),
        ("Good,\nmostly", " 4 ", "Warm jacket. The\nsleeves are a bit long.\n"),
        ("Good, mostly", 4, "  Warm\tjacket.\n\nThe sleeves   are a bit long.  "),
    ],
)
def test_rewrapped_whitespace_is_the_same_fingerprint(title, rating, text):
    assert fingerprint(title, rating, text) == fingerprint("Good, mostly", 4, WORDS)


@pytest.mark.parametrize(
    ("title", "rating", "text"),
    [
        ("Good, mostly", 5, WORDS),  # other stars
        ("Good, mostly!", 4, WORDS),
        ("Good", 4, WORDS),
        ("Good, mostly", 4, "Warm jacket.\nThe sleeves are a bit too long."),
        ("Good, mostly", 4, "Warm jacket.The sleeves are a bit long."),  # a space is a word break
        ("Good, mostly", None, WORDS),
        (None, 4, WORDS),
    ],
)
def test_other_words_or_stars_are_another_fingerprint(title, rating, text):
    assert fingerprint(title, rating, text) != fingerprint("Good, mostly", 4, WORDS)


def test_each_field_stays_apart():
    """Words moved from the title into the text are a change, though the words are the same."""
    assert fingerprint("Good", 4, "mostly") != fingerprint("Good mostly", 4, None)


HEADER = "Review ID,Date,Stars,Title,Review Content,Reviewer,Link"


def export(tmp_path: Path, name: str, first: str, second: str) -> str:
    """Write a CSV export of two reviews whose texts are given; return its path."""
    rows = [
        HEADER,
        f'tp-1,2026-11-02T09:15:00+01:00,4,"Good, mostly","{first}",Anne,'
        "https://www.trustpilot.com/reviews/1",
        f'tp-2,2026-11-03T10:00:00+01:00,2,Late,"{second}",Jonas,'
        "https://www.trustpilot.com/reviews/2",
    ]
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_importing_a_rewrapped_export_again_finds_nothing_changed(project, capsys, tmp_path):
    root = project()
    first = export(tmp_path, "first.csv", WORDS, "Parcel came a week late.")
    code, out, _ = run(root, capsys, first)
    assert (code, out.splitlines()[-1]) == (
        0,
        "2 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
    )
    before = snapshot(root)
    wrapped = ("Warm jacket. The sleeves\nare a bit long.", "Parcel came a\nweek late. ")
    rewrapped = export(tmp_path, "rewrapped.csv", *wrapped)
    code, out, _ = run(root, capsys, rewrapped)
    assert (code, out.splitlines()[1:]) == (
        0,
        ["0 new, 2 already imported, 0 changed upstream (not touched), 0 skipped"],
    )
    assert snapshot(root) == before


def test_importing_an_export_with_other_words_reports_the_change(project, capsys, tmp_path):
    root = project()
    run(root, capsys, export(tmp_path, "first.csv", WORDS, "Parcel came a week late."))
    before = snapshot(root)
    edited = export(tmp_path, "edited.csv", WORDS, "Parcel came two weeks late.")
    code, out, _ = run(root, capsys, edited)
    assert (code, out.splitlines()[1:]) == (
        0,
        [
            "changed upstream (not touched): reviews/2026/2026-11-03-jonas.yml",
            "0 new, 1 already imported, 1 changed upstream (not touched), 0 skipped",
        ],
    )
    assert snapshot(root) == before
