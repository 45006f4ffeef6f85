"""The canned-reply rule's last answers are kept in build/ (publish/cannedrecord.py): a rebuild
judges only the replies from the first that changed, and gives exactly the warnings judging every
reply gives; a record that does not match is never used."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from generator.check.canned import canned_replies, canned_warnings, public_replies
from generator.check.project import check_project, load_project
from generator.publish.build import build
from generator.publish.cannedrecord import RECORD, judge_canned
from generator.read.review import ThreadEntry
from tests.synthetic import make_project

THRESHOLD = 0.7  # lower than the default: more warnings in a small shop
SOURCES = {"reviewwall/generator/check/canned.py": ["code-1", 1, 1]}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A synthetic shop of 160 reviews, read once, judged at THRESHOLD: 32 canned replies."""
    root = make_project(tmp_path_factory.mktemp("canned") / "shop", 160)
    project = load_project(root, canned=False)
    assert not project.problems.errors
    rules = replace(project.config.rules, canned_replies=THRESHOLD)
    return replace(project, config=replace(project.config, rules=rules))


def _everything(reviews, config) -> list[str]:
    """The warnings judging every reply gives (check/canned.py alone)."""
    return [str(w) for w in canned_warnings(public_replies(reviews), config.rules.canned_replies)]


def _judged(reviews, config, build_dir: Path, **options) -> list[str]:
    return [str(w) for w in judge_canned(reviews, config, build_dir, SOURCES, **options)]


def _with_reply(review, text: str, hours: int):
    at = review.received + timedelta(hours=hours)
    entry = ThreadEntry(at=at, side="business", text=text, by="Kundeservice", line=999)
    return replace(review, thread=(*review.thread, entry))


def _replies_with_text(reviews) -> list[str]:
    return [entry.text for r in reviews for entry in r.thread if entry.public_reply]


def test_judging_from_a_position_gives_the_warnings_from_there(shop):
    replies = sorted(public_replies(shop.reviews))
    everything = canned_replies(replies, THRESHOLD)
    assert len(everything) > 20, "the synthetic shop has canned replies"
    for start in (0, 1, len(replies) // 3, len(replies) - 1, len(replies)):
        assert canned_replies(replies, THRESHOLD, start=start) == [
            (position, warning) for position, warning in everything if position >= start
        ]


def test_a_rebuild_gives_what_judging_every_reply_gives_after_random_edits(shop, tmp_path):
    rng = random.Random(7)
    reviews = list(shop.reviews)
    texts = _replies_with_text(reviews)
    assert _judged(reviews, shop.config, tmp_path) == _everything(reviews, shop.config)
    for step in range(12):
        kind = step % 4
        index = rng.randrange(len(reviews))
        if kind == 0:  # a pasted reply to the newest review: judged last
            newest = max(range(len(reviews)), key=lambda n: reviews[n].received)
            reviews[newest] = _with_reply(reviews[newest], rng.choice(texts), 23)
        elif kind == 1 and reviews[index].thread:  # a reply to an old review, written then
            reviews[index] = _with_reply(reviews[index], rng.choice(texts), 12)
        elif kind == 2:  # a review taken out: every later reply moves up
            del reviews[index]
        else:  # a reply's words changed
            first = next((n for n, r in enumerate(reviews) if r.thread), None)
            entry = replace(reviews[first].thread[0], text=rng.choice(texts) + " Ha en fin dag.")
            reviews[first] = replace(reviews[first], thread=(entry, *reviews[first].thread[1:]))
        assert _judged(reviews, shop.config, tmp_path) == _everything(reviews, shop.config), step


def _forge_first_warning(build_dir: Path) -> str:
    """Change the message of the record's first warning; return the forged message."""
    record = json.loads((build_dir / RECORD).read_text("utf-8"))
    record["warnings"][0][3] = "forged: this warning was read from the record"
    (build_dir / RECORD).write_text(json.dumps(record), encoding="utf-8")
    return record["warnings"][0][3]


def _newest_with_a_reply(reviews):
    newest = max(range(len(reviews)), key=lambda n: reviews[n].received)
    changed = list(reviews)
    changed[newest] = _with_reply(reviews[newest], "Takk for at du skrev, vi ser på saken.", 23)
    return changed


def test_the_warnings_before_the_first_change_come_from_the_record(shop, tmp_path):
    _judged(shop.reviews, shop.config, tmp_path)
    forged = _forge_first_warning(tmp_path)
    assert any(
        forged in line
        for line in _judged(_newest_with_a_reply(shop.reviews), shop.config, tmp_path)
    )


@pytest.mark.parametrize(
    "change",
    ["threshold", "code", "marks", "full"],
)
def test_a_record_that_does_not_match_is_not_used(shop, tmp_path, change):
    _judged(shop.reviews, shop.config, tmp_path)
    forged = _forge_first_warning(tmp_path)
    config, sources, options = shop.config, SOURCES, {}
    if change == "threshold":
        rules = replace(config.rules, canned_replies=0.9)
        config = replace(config, rules=rules)
    elif change == "code":
        sources = {"reviewwall/generator/check/canned.py": ["code-2", 1, 1]}
    elif change == "marks":  # the first reply differs: every warning is judged again
        record = json.loads((tmp_path / RECORD).read_text("utf-8"))
        record["marks"][0] = "0" * 16
        (tmp_path / RECORD).write_text(json.dumps(record), encoding="utf-8")
    else:
        options = {"read": False}
    found = [str(w) for w in judge_canned(shop.reviews, config, tmp_path, sources, **options)]
    assert not any(forged in line for line in found)
    assert found == _everything(shop.reviews, config)


@pytest.mark.parametrize(
    "text",
    [
        "not json {",
        "[]",
        '{"key": 1}',
        "null",
        '{"key": "%s", "marks": {"a": 1}, "warnings": []}',
        '{"key": "%s", "marks": %s, "warnings": [[0, "x.yml", "one", "message"]]}',
        '{"key": "%s", "marks": %s, "warnings": [[true, "x.yml", 1, "message"]]}',
        '{"key": "%s", "marks": %s, "warnings": [[0, "x.yml", 1]]}',
        '{"key": "%s", "marks": %s, "warnings": 5}',
    ],
)
def test_a_broken_record_is_judged_again_without_a_traceback(shop, tmp_path, text):
    _judged(shop.reviews, shop.config, tmp_path)
    record = json.loads((tmp_path / RECORD).read_text("utf-8"))
    if "%s" in text:
        values = (record["key"], json.dumps(record["marks"]))[: text.count("%s")]
        text = text % values
    (tmp_path / RECORD).write_text(text, encoding="utf-8")
    assert _judged(shop.reviews, shop.config, tmp_path) == _everything(shop.reviews, shop.config)


def test_save_false_leaves_the_record_as_it_was(shop, tmp_path):
    _judged(shop.reviews, shop.config, tmp_path)
    before = (tmp_path / RECORD).read_bytes()
    _judged(_newest_with_a_reply(shop.reviews), shop.config, tmp_path, save=False)
    assert (tmp_path / RECORD).read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [RECORD]  # no temporary file left


def test_no_record_when_the_rule_is_off(shop, tmp_path):
    config = replace(shop.config, rules=replace(shop.config.rules, canned_replies=None))
    assert _judged(shop.reviews, config, tmp_path) == []
    assert not (tmp_path / RECORD).exists()


REPLY = (
    "Hei, takk for at du tok deg tid til å skrive til oss om bestillingen. "
    "Vi ser på saken i dag og skriver til deg igjen."
)


def test_a_build_after_a_pasted_reply_warns_as_reviewwall_check_does(project, fixed_now):
    answered = "thread:\n  - at: 2026-11-02T10:00\n    by: Kundeservice\n    text: " + REPLY + "\n"
    root = project(
        {
            "2026/2026-11-02-kari.yml": "channel: google\nreceived: 2026-11-02T08:00\n"
            "author: Kari Nordmann\nrating: 2\ntext: Pakken kom aldri.\n" + answered,
            "2026/2026-11-03-ola.yml": "channel: google\nreceived: 2026-11-03T07:00\n"
            "author: Ola Dunk\nrating: 3\ntext: Treg levering.\n",
        }
    )
    first = build(root)
    assert not [p for p in first.problems if "the same as" in p.message]
    assert (root / "build" / RECORD).is_file()
    path = root / "reviews/2026/2026-11-03-ola.yml"
    path.write_text(
        path.read_text("utf-8") + answered.replace("11-02T10", "11-03T08"), encoding="utf-8"
    )
    again = build(root)
    canned = [str(p) for p in again.problems if "the same as" in p.message]
    assert canned == [
        "reviews/2026/2026-11-03-ola.yml:7: warning: thread[1]: this reply is 100 % the same as "
        "reviews/2026/2026-11-02-kari.yml:7 (thread[1]); empathy cannot be pasted: write to "
        "this customer about their own case"
    ]
    assert [str(p) for p in again.problems.sorted()] == [
        str(p) for p in check_project(root).problems.sorted()
    ]
