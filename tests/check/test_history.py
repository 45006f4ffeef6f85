"""`reviewwall verify --base REF`, on real git repositories in temporary folders: what a customer
wrote stays as written, and no review disappears without a record."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.commands.cli import main
from tests.conftest import make_project, problems_of

TODAY = datetime.now(ZoneInfo("Europe/Oslo")).date().isoformat()

KARI = """\
channel: trustpilot
received: 2026-11-03T08:00
author: Kari Nordmann
rating: 2
title: Late parcel
url: https://www.trustpilot.com/reviews/abc
text: |
  The parcel came a week late.
  Nobody answered my e-mail.
thread:
  - at: 2026-11-03T09:10
    by: Maren, customer service
    text: Sorry, Kari. We are looking at it now.
  - at: 2026-11-03T12:00
    from: customer
    text: Thank you, it arrived today.
  - at: 2026-11-03T12:30
    private: true
    via: email
    summary: We refunded the shipping.
    text: Order 12345, refund 99 kr.
outcome:
  status: resolved
  at: 2026-11-04
  rating_after: 4
  customer_said: Fair enough.
"""
OLA = "channel: google\nreceived: 2026-11-05T10:00\nrating: 5\ntext: Great boots.\n"


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def repo(tmp_path):
    """A shop's repository with two reviews committed on main."""
    root = make_project(
        tmp_path / "shop", {"2026/2026-11-03-kari.yml": KARI, "2026/2026-11-05-ola.yml": OLA}
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Two reviews")
    return root


def verify(root: Path, capsys, *extra: str) -> tuple[int, list[str], str]:
    code = main(["-C", str(root), "verify", "--base", "main", *extra])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "reviews/2026" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


KARI_FILE = "reviews/2026/2026-11-03-kari.yml"


def test_nothing_changed_passes(repo, capsys):
    assert verify(repo, capsys) == (
        0,
        [
            "2 reviews compared with main: no customer's words changed, no review gone without "
            "a record (0 new, 0 removed on the record)."
        ],
        "",
    )


def test_staff_additions_and_reformatting_pass(repo, capsys):
    """A new reply, a new review, tags, an outcome changed, and the same values written another
    way (quotes, a folded-to-literal block with the same text, a zone spelled out)."""
    path = repo / KARI_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("rating: 2", 'rating: "2"').replace(
        "channel: trustpilot", "channel: 'trustpilot'"
    )
    text = text.replace("received: 2026-11-03T08:00", "received: 2026-11-03T08:00+01:00")
    text = text.replace("  status: resolved", "  status: explained")
    text += "tags: [shipping]\n"
    text = text.replace(
        "    text: Order 12345, refund 99 kr.\n",
        "    text: Order 12345, refund 99 kr.\n  - at: 2026-11-05T08:00\n    by: Maren\n"
        "    text: One more word from us.\n",
    )
    path.write_text(text, encoding="utf-8")
    (repo / "reviews/2026/2026-11-20-liv.yml").write_text(OLA, encoding="utf-8")
    code, lines, _ = verify(repo, capsys)
    assert (code, lines) == (
        0,
        [
            "2 reviews compared with main: no customer's words changed, no review gone without "
            "a record (1 new, 0 removed on the record)."
        ],
    )


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("rating: 2", "rating: 1", 4, "rating: changed since main, where it was 2"),
        (
            "author: Kari Nordmann",
            "author: K. N.",
            3,
            "author: changed since main, where it was 'Kari Nordmann'",
        ),
        (
            "title: Late parcel",
            "title: Late",
            5,
            "title: changed since main, where it was 'Late parcel'",
        ),
        (
            "channel: trustpilot",
            "channel: google",
            1,
            "channel: changed since main, where it was 'trustpilot'",
        ),
        (
            "received: 2026-11-03T08:00",
            "received: 2026-11-03T09:00",
            2,
            "received: changed since main, where it was '2026-11-03T08:00'",
        ),
        (
            "url: https://www.trustpilot.com/reviews/abc",
            "url: https://www.trustpilot.com/x",
            6,
            "url: changed since main, where it was 'https://www.trustpilot.com/reviews/abc'",
        ),
        (
            "  The parcel came a week late.",
            "  The parcel came late.",
            7,
            "text: changed since "
            "main, where it was 'The parcel came a week late.\\nNobody answered my e-mail.'",
        ),
        (
            "  rating_after: 4",
            "  rating_after: 5",
            25,
            "outcome.rating_after: changed since main, where it was 4",
        ),
        (
            "  customer_said: Fair enough.",
            "  customer_said: Great.",
            26,
            "outcome.customer_said: changed since main, where it was 'Fair enough.'",
        ),
    ],
)
def test_each_customer_field_is_protected(repo, capsys, old, new, line, message):
    edit(repo, "2026-11-03-kari.yml", old, new)
    code, lines, _ = verify(repo, capsys)
    assert code == 1
    assert lines == [
        f"{KARI_FILE}:{line}: {message}; a customer's words and facts stay as they came: put it "
        "back as it was",
        "1 problem in 1 file since main (2 reviews compared).",
    ]


def test_a_removed_customer_field_is_named(repo, capsys):
    edit(repo, "2026-11-03-kari.yml", "title: Late parcel\n", "")
    assert verify(repo, capsys)[1][0] == (
        f"{KARI_FILE}:1: title: removed since main, where it was 'Late parcel'; a customer's "
        "words and facts stay as they came: put it back"
    )


def test_a_customer_follow_up_is_protected(repo, capsys):
    edit(repo, "2026-11-03-kari.yml", "Thank you, it arrived today.", "Thanks.")
    assert verify(repo, capsys)[1][0] == (
        f"{KARI_FILE}:16: thread: the customer's follow-up of 2026-11-03T12:00 changed since "
        "main; a customer's words stay as they came: put it back as it was"
    )


def test_a_published_reply_changes_only_with_edited(repo, capsys):
    edit(repo, "2026-11-03-kari.yml", "We are looking at it now.", "We are on it.")
    code, lines, _ = verify(repo, capsys)
    assert (code, lines[0]) == (
        1,
        f"{KARI_FILE}:13: thread: the reply of 2026-11-03T09:10 changed since main; a published "
        f"reply is corrected only in the open: add edited: {TODAY} to it",
    )
    edit(
        repo,
        "2026-11-03-kari.yml",
        "    text: Sorry, Kari. We",
        "    edited: 2026-11-06\n    text: Sorry, Kari. We",
    )
    assert verify(repo, capsys)[0] == 0


def test_a_private_switch_keeps_its_summary_but_not_its_text(repo, capsys):
    edit(repo, "2026-11-03-kari.yml", "Order 12345, refund 99 kr.", "Refunded.")
    assert verify(repo, capsys)[0] == 0  # never published
    edit(repo, "2026-11-03-kari.yml", "We refunded the shipping.", "We refunded it.")
    assert verify(repo, capsys)[1][0] == (
        f"{KARI_FILE}:20: thread: the reply of 2026-11-03T12:30 changed since main; a published "
        f"reply is corrected only in the open: add edited: {TODAY} to it"
    )


def test_a_published_reply_never_goes(repo, capsys):
    edit(
        repo,
        "2026-11-03-kari.yml",
        "  - at: 2026-11-03T09:10\n    by: Maren, customer service\n"
        "    text: Sorry, Kari. We are looking at it now.\n",
        "",
    )
    assert verify(repo, capsys)[1][0] == (
        f"{KARI_FILE}:10: thread: the reply of 2026-11-03T09:10, published at main, is gone; a "
        f"published reply stays: put it back, and to correct it add edited: {TODAY} to it"
    )


def test_a_deleted_or_renamed_review_is_gone(repo, capsys):
    (repo / "reviews/2026/2026-11-05-ola.yml").unlink()
    git(repo, "mv", KARI_FILE, "reviews/2026/2026-11-03-kari-n.yml")
    code, lines, _ = verify(repo, capsys)
    assert (code, lines) == (
        1,
        [
            f"{KARI_FILE}:1: the review '2026-11-03-kari' is gone since main; put the file back, "
            "or remove it on the record: reviewwall remove 2026-11-03-kari --reason REASON",
            "reviews/2026/2026-11-05-ola.yml:1: the review '2026-11-05-ola' is gone since main; "
            "put the file back, or remove it on the record: reviewwall remove 2026-11-05-ola "
            "--reason REASON",
            "2 problems in 2 files since main (0 reviews compared).",
        ],
    )


def test_a_review_moved_to_another_folder_is_the_same_review(repo, capsys):
    (repo / "reviews/archive").mkdir()
    git(repo, "mv", KARI_FILE, "reviews/archive/2026-11-03-kari.yml")
    assert verify(repo, capsys)[0] == 0


@pytest.mark.parametrize(
    "reason", ["customer-request", "personal-data", "legal", "spam", "not-a-customer", "duplicate"]
)
def test_a_removal_with_its_record_passes(repo, capsys, reason):
    assert main(["-C", str(repo), "remove", "2026-11-05-ola", "--reason", reason]) == 0
    capsys.readouterr()
    code, lines, _ = verify(repo, capsys)
    assert (code, lines) == (
        0,
        [
            "1 review compared with main: no customer's words changed, no review gone without "
            "a record (0 new, 1 removed on the record)."
        ],
    )


def test_a_removal_record_stays(repo, capsys):
    assert main(["-C", str(repo), "remove", "2026-11-05-ola", "--reason", "spam"]) == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Remove spam")
    capsys.readouterr()
    records = repo / "removals.yml"
    records.write_text(records.read_text().replace("reason: spam", "reason: duplicate"))
    assert verify(repo, capsys)[1][0] == (
        "removals.yml:3: the record of '2026-11-05-ola' changed since main; a removal is "
        "recorded for good: put the record back as it was"
    )
    records.unlink()
    assert verify(repo, capsys)[1] == [
        "removals.yml:1: the record of '2026-11-05-ola' is gone since main; a removal is "
        "recorded for good: put the record back",
        "1 problem in 1 file since main (1 review compared).",
    ]


def test_a_file_that_did_not_parse_at_the_base_is_not_compared(repo, capsys):
    broken = repo / "reviews/2026/2026-11-07-siv.yml"
    broken.write_text("channel: [\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "A broken file")
    broken.write_text(OLA, encoding="utf-8")
    code, lines, _ = verify(repo, capsys)
    assert code == 0
    assert lines[0].startswith(
        "reviews/2026/2026-11-07-siv.yml:1: warning: could not be read at main ("
    )
    assert lines[0].endswith("); its words were not compared")


def test_formats_github_and_json(repo, capsys):
    edit(repo, "2026-11-03-kari.yml", "rating: 2", "rating: 1")
    code, lines, _ = verify(repo, capsys, "--format", "github")
    assert (code, lines) == (
        1,
        [
            f"::error file={KARI_FILE},line=4,title=reviewwall::rating: changed since main, where "
            "it was 2; a customer's words and facts stay as they came: put it back as it was",
            "1 problem in 1 file since main (2 reviews compared).",
        ],
    )
    code, out, _ = verify(repo, capsys, "--format", "json")
    data = json.loads("\n".join(out))
    assert data["problems"] == [
        {
            "path": KARI_FILE,
            "line": 4,
            "severity": "error",
            "message": "rating: changed since main, where it was 2; a customer's words and facts "
            "stay as they came: put it back as it was",
        }
    ]
    assert (data["errors"], data["compared"], data["base"]) == (1, 2, "main")


def test_an_unknown_revision_is_one_line_and_exit_2(repo, capsys):
    assert verify_base(repo, capsys, "origin/nope") == (
        2,
        "error: unknown revision 'origin/nope'; give a branch, tag or commit this clone has "
        "(for a branch of the remote, git fetch origin first and name it origin/<branch>)\n",
    )
    assert verify_base(repo, capsys, "--upload-pack=x")[0] == 2  # never an option to git


def verify_base(root: Path, capsys, base: str) -> tuple[int, str]:
    code = main(["-C", str(root), "verify", f"--base={base}"])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err


def test_outside_git_is_one_line_and_exit_2(tmp_path, capsys):
    root = make_project(tmp_path / "plain", {"2026/a.yml": OLA})
    code, err = verify_base(root, capsys, "main")
    assert code == 2
    assert err == (
        f"error: {root} is not in a git repository; verify compares the review files with "
        "their history in git: run it in a clone of the shop's repository\n"
    )


def test_a_shallow_clone_without_the_base_says_how_to_fetch(repo, tmp_path, capsys):
    edit(repo, "2026-11-05-ola.yml", "rating: 5\n", "rating: 5\ntags: [boots]\n")
    git(repo, "commit", "-qam", "Tag")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    code, err = verify_base(clone, capsys, "HEAD~1")
    assert (code, err) == (
        2,
        "error: 'HEAD~1' is not in this shallow clone; fetch the history first (git fetch "
        "--unshallow origin, or fetch-depth: 0 in actions/checkout)\n",
    )
    code, lines, _ = verify(clone, capsys)  # the revision it has is fine
    assert code == 0


def test_withholding_a_review_with_its_reason_is_a_staff_change(repo, capsys):
    """Taking a review off the wall keeps its file and its words: verify lets it pass."""
    edit(
        repo,
        "2026-11-05-ola.yml",
        "rating: 5\n",
        "rating: 5\nconsent: withheld\nwithheld_reason: personal-data\n",
    )
    assert verify(repo, capsys)[0] == 0
    assert not [problem for problem in problems_of(repo) if "withheld" in problem]
