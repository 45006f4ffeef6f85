"""`reviewwall todo`: which cases need someone now, in which order, as text and as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from generator.commands.cli import main
from tests.conftest import review

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # 13:00 in Oslo


def reply(at: str) -> str:
    return f"\n  - at: {at}\n    text: Thank you; we are on it and will write again today."


REVIEWS = {
    # Unanswered: two 1★ (the older first), then 3★, then no rating.
    "2026/2026-11-01-cc.yml": review(received="2026-11-01T09:00", rating=3),
    "2026/2026-11-22-bb.yml": review(received="2026-11-22T12:00", rating=1),
    "2026/2026-11-10-aa.yml": review(received="2026-11-10T12:00", rating=1),
    "2026/2026-11-23-dd.yml": review(channel="email", received="2026-11-23T09:00", kind="question"),
    # Answered and still open: 1★ before 3★ although the 3★ is older.
    "2026/2026-05-01-ff.yml": review(
        received="2026-05-01T10:00", rating=3, thread=reply("2026-05-01T11:00")
    ),
    "2026/2026-10-01-ee.yml": review(
        channel="facebook", received="2026-10-01T10:00", rating=1, thread=reply("2026-10-01T12:00")
    ),
    # Praise answered, with no outcome: a thank-you needs no one.
    "2026/2026-08-01-hh.yml": review(
        received="2026-08-01T10:00", rating=5, thread=reply("2026-08-01T11:00")
    ),
    # Answered and resolved: nothing to do.
    "2026/2026-09-01-gg.yml": review(
        received="2026-09-01T10:00",
        rating=2,
        thread=reply("2026-09-01T11:00"),
        outcome="\n  status: resolved\n  at: 2026-09-02",
    ),
}

TEXT = """\
Unanswered (4)
  1★  reviews/2026/2026-11-10-aa.yml  google      received 13 days ago, 12 days past the promise of 24 hours
  1★  reviews/2026/2026-11-22-bb.yml  google      received 25 hours ago, 1 hour past the promise of 24 hours
  3★  reviews/2026/2026-11-01-cc.yml  google      received 22 days ago, 21 days past the promise of 24 hours
  -   reviews/2026/2026-11-23-dd.yml  email       received 4 hours ago, within the promise of 24 hours
Open (2)
  1★  reviews/2026/2026-10-01-ee.yml  facebook    received 53 days ago
  3★  reviews/2026/2026-05-01-ff.yml  google      received 6 months ago
"""  # noqa: E501 - the terminal lines as printed


@pytest.fixture
def at_now(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))


def test_todo_lists_unanswered_then_open_lowest_rating_and_oldest_first(project, at_now, capsys):
    root = project(reviews=REVIEWS)
    assert main(["-C", str(root), "todo"]) == 0
    assert capsys.readouterr().out == TEXT


def test_todo_json_parses_back_in_the_same_order(project, at_now, capsys):
    root = project(reviews=REVIEWS)
    assert main(["-C", str(root), "todo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["now"] == "2026-11-23T12:00:00+00:00"
    assert [(c["id"], c["need"]) for c in data["cases"]] == [
        ("2026-11-10-aa", "unanswered"),
        ("2026-11-22-bb", "unanswered"),
        ("2026-11-01-cc", "unanswered"),
        ("2026-11-23-dd", "unanswered"),
        ("2026-10-01-ee", "open"),
        ("2026-05-01-ff", "open"),
    ]
    # 2026-11-22 12:00 in Oslo is 11:00 UTC: 25 hours before now, 1 hour past 24 hours.
    assert data["cases"][1] == {
        "path": "reviews/2026/2026-11-22-bb.yml",
        "id": "2026-11-22-bb",
        "need": "unanswered",
        "rating": 1,
        "kind": "complaint",
        "channel": "google",
        "status": "open",
        "received": "2026-11-22T12:00:00+01:00",
        "waited_seconds": 25 * 3600,
        "promise_seconds": 24 * 3600,
        "late_seconds": 3600,
    }
    assert data["cases"][3]["rating"] is None
    assert data["cases"][3]["late_seconds"] is None  # 4 hours: still within the promise
    assert data["cases"][4]["late_seconds"] is None  # answered: lateness is no longer the point


def test_todo_says_when_nothing_needs_anyone(project, at_now, capsys):
    root = project(reviews={"2026/2026-09-01-gg.yml": REVIEWS["2026/2026-09-01-gg.yml"]})
    assert main(["-C", str(root), "todo"]) == 0
    assert capsys.readouterr().out == (
        "Nothing needs anyone now: every review has a public reply and no case is open.\n"
    )
    assert main(["-C", str(root), "todo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cases"] == []


def test_todo_prints_errors_and_exits_1(project, at_now, capsys):
    root = project(reviews={"2026/2026-11-03-kari.yml": review(rating=6)})
    assert main(["-C", str(root), "todo"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "reviews/2026/2026-11-03-kari.yml:4: rating: expected a whole number from 1 to 5, got 6",
        "1 error in 1 file (1 review checked).",
    ]


def test_todo_into_a_closed_pipe_exits_quietly(project, at_now):
    # More JSON than a pipe holds (about 300 bytes a case), so printing meets the closed pipe.
    many = {f"2026/2026-11-10-c{i:03}.yml": review(received="2026-11-10T12:00") for i in range(400)}
    root = project(reviews=many)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(root), "todo", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.readline() == b"{\n"
    process.stdout.close()  # like `| head -1`
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
