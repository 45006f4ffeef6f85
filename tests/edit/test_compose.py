"""A reply written in $EDITOR, as `git commit` has a message written, and the question asked
before writing a reply that breaks a service rule: in a real terminal (a pseudo-terminal here)."""

from __future__ import annotations

import os
import pty
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.commands.cli import main
from generator.edit.compose import find_editor, reply_template, without_comments
from generator.edit.editing import open_review

SAMPLE = Path(__file__).resolve().parents[2]
SAMPLE_EPOCH = "1796083200"
JAMES = "reviews/2026/2026-05-20-james-uk-import-vat.yml"
NINA = "reviews/2026/2026-11-20-nina-refusjon.yml"
# Stands in for the user's editor: keeps what it was given in template.txt beside itself, then
# writes $TEST_REPLY above it (as a user types above git's comment lines) and exits with
# $TEST_EDITOR_EXIT.
EDITOR = """\
import os, pathlib, sys
path = pathlib.Path(sys.argv[1])
template = path.read_text(encoding="utf-8")
pathlib.Path(__file__).with_name("template.txt").write_text(template, encoding="utf-8")
path.write_text(os.environ.get("TEST_REPLY", "") + template, encoding="utf-8")
sys.exit(int(os.environ.get("TEST_EDITOR_EXIT", "0")))
"""
TEMPLATE = """
# Write the public reply above, in Markdown, as it will stand on the site. Lines that
# start with '#' are left out; an empty reply stops here, and nothing is written.
#
# reviews/2026/2026-05-20-james-uk-import-vat.yml
# Trustpilot, 2026-05-20 22:41, rated 2 of 5, by James Whitfield:
#   Title: Great jacket, nasty surprise at the door
#   Ordered a Tind 3L shell jacket to Edinburgh. The jacket itself is excellent. But the courier
#   wouldn't hand it over until I paid £58 in import VAT and a "handling fee". Nowhere in the
#   checkout did it say I'd be charged on delivery. On a jacket that cost about £290 that's a big
#   chunk. I'd never have ordered if I'd known.
#
# The thread so far:
#   2026-05-21 09:10, Ingrid, kundeservice (public reply 1 of 2):
#     Hi James, thank you for telling us, and I'm sorry – that's a horrible surprise to get on
#     your doorstep. Since Brexit, parcels from Norway to the UK are charged VAT and a courier fee
#     on arrival, and our checkout only mentioned it in the terms, not where you'd actually see
#     it. That's on us. I've sent you an email with what we can do.
#   2026-05-21 09:35, continued privately (email):
#     Offered to refund the courier's handling fee, or a full return at our cost.
#   2026-05-22 18:30, the customer:
#     Appreciate the quick reply, but £12 back out of £58 doesn't really fix it. I'll keep the
#     jacket as I need it for a trip, but I won't be ordering from outside the UK again.
#   2026-05-23 10:00, Maren, daglig leder (public reply 2 of 2):
#     That's completely fair, James, and I'm sorry we couldn't do more. The fee is refunded.
#     You've made us change the checkout so nobody else gets the same surprise – thank you for
#     that, and enjoy the trip.
#
# This would be public reply 3; the rule of two allows two. To continue
# privately instead:
#   reviewwall private 2026-05-20-james-uk-import-vat --via email --summary '…'
"""


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """Two of the sample's reviews, judged as the README judges the sample, and an editor."""
    root = tmp_path / "shop"
    (root / "reviews" / "2026").mkdir(parents=True)
    shutil.copy(SAMPLE / "site_config.yml", root)
    for path in (JAMES, NINA):
        shutil.copy(SAMPLE / path, root / path)
    script = tmp_path / "editor" / "edit.py"
    script.parent.mkdir()
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the editor's file is made
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return root


class Terminal:
    """Standard input as a terminal has it, for the commands run in this process."""

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        raise AssertionError("the command asked a question")


def run(root, capsys, *args):
    code = main(["-C", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def editors_files(root: Path) -> list[str]:
    return sorted(p.name for p in root.parent.glob("reviewwall-reply-*"))


def test_find_editor_takes_editor_then_visual_then_one_installed(tmp_path, monkeypatch):
    assert find_editor({"EDITOR": "nano -w", "VISUAL": "code --wait"}) == ["nano", "-w"]
    assert find_editor({"EDITOR": " ", "VISUAL": "code --wait"}) == ["code", "--wait"]
    (tmp_path / "nano").write_text("#!/bin/sh\n")
    (tmp_path / "nano").chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_editor({}) == [str(tmp_path / "nano")]
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert find_editor({}) is None


def test_the_template_shows_the_review_and_the_thread_as_comments(shop):
    opened = open_review(shop, "2026-05-20-james-uk-import-vat", datetime(2026, 12, 1, tzinfo=UTC))
    assert reply_template(opened.review, opened.config) == TEMPLATE
    assert without_comments("\nHei James,\n\nbeklager.  \n" + TEMPLATE) == "Hei James,\n\nbeklager."


def test_without_text_in_a_terminal_the_editor_writes_the_reply(shop, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setenv("TEST_REPLY", "Hi James,\n\nthe refund came back to us; we sent it again.\n")
    before = (shop / JAMES).read_text(encoding="utf-8")
    assert run(shop, capsys, "reply", JAMES, "--by", "Maren", "--at", "2026-05-25T09:00", "--yes")[
        :2
    ] == (0, f"Replied to {JAMES} (public reply 3; the rule of two allows 2).\n")
    assert (shop.parent / "editor" / "template.txt").read_text(encoding="utf-8") == TEMPLATE
    assert (shop / JAMES).read_text(encoding="utf-8") == before.replace(
        "outcome:\n",
        "  - at: 2026-05-25T09:00\n"
        "    by: Maren\n"
        "    text: |\n"
        "      Hi James,\n"
        "\n"
        "      the refund came back to us; we sent it again.\n"
        "outcome:\n",
    )
    assert editors_files(shop) == []  # the editor's file is gone once the reply is in the review


@pytest.mark.parametrize(
    ("reply", "status", "error"),
    [
        ("", "0", "Aborted: the reply was empty; nothing was written.\n"),
        ("# only a comment\n\n", "0", "Aborted: the reply was empty; nothing was written.\n"),
        ("Hei!\n", "3", "Aborted: the editor exited with status 3; nothing was written.\n"),
    ],
)
def test_an_empty_reply_or_a_failed_editor_writes_nothing(
    shop, capsys, monkeypatch, reply, status, error
):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setenv("TEST_REPLY", reply)
    monkeypatch.setenv("TEST_EDITOR_EXIT", status)
    before = (shop / NINA).read_bytes()
    assert run(shop, capsys, "reply", NINA, "--by", "Maren") == (1, "", error)
    assert (shop / NINA).read_bytes() == before
    assert editors_files(shop) == []


def test_a_reply_that_cannot_be_written_is_kept_for_the_user(shop, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setenv("TEST_REPLY", "Hei Nina, pengene er sendt.\n")
    code, out, err = run(shop, capsys, "reply", NINA, "--by", "Maren", "--at", "2026-11-01T10:00")
    (kept,) = shop.parent.glob("reviewwall-reply-*.md")
    assert (code, out, err) == (
        1,
        "",
        f"{NINA}:11: thread[1].at: 2026-11-01 10:00 is before the review was received "
        f"(2026-11-20 13:30)\nNothing was written; {NINA} is as it was.\n"
        f"The reply you wrote is kept in {kept}.\n",
    )
    assert kept.read_text(encoding="utf-8").startswith("Hei Nina, pengene er sendt.\n\n# Write")


def test_no_editor_to_be_found_is_a_usage_error(shop, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.delenv("EDITOR")
    monkeypatch.setenv("PATH", str(shop / "nowhere"))
    assert run(shop, capsys, "reply", NINA, "--by", "Maren") == (
        2,
        "",
        "error: no editor found; set EDITOR (like EDITOR=nano), or use --text\n",
    )


# --- In a real terminal --------------------------------------------------------------------------


def in_terminal(root: Path, args: list[str], answer: str | None = None) -> tuple[int, str]:
    """Run `reviewwall -C root ARGS` on a pseudo-terminal; answer its question if it asks one.

    Returns the exit code and everything the terminal showed (the answer echoed too)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(root), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=SAMPLE,
    )
    os.close(slave)
    shown, answered = b"", False
    while True:
        if not select.select([master], [], [], 30)[0]:
            process.kill()
            raise AssertionError(f"no output for 30 s: {shown!r}")
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
        if answer is not None and not answered and shown.endswith(b"[y/N] "):
            os.write(master, answer.encode() + b"\n")
            answered = True
    code = process.wait(timeout=30)
    os.close(master)
    return code, shown.decode("utf-8").replace("\r\n", "\n")


THIRD = ["reply", JAMES, "--by", "Maren", "--at", "2026-05-25T09:00", "--text", "One more."]
RULE_OF_TWO = (
    f"{JAMES}:30: warning: thread[5]: a third public reply in one thread; the rule of two allows "
    "two, then take the talk to a private channel (an entry with private: true and via: email, "
    "phone, chat, message or in-store)\n"
)


@pytest.mark.parametrize(("answer", "written"), [("y", True), ("", False), ("n", False)])
def test_in_a_terminal_a_rule_broken_is_asked_about(shop, answer, written):
    before = (shop / JAMES).read_bytes()
    code, shown = in_terminal(shop, THIRD, answer)
    question = RULE_OF_TWO + f"Write it anyway? [y/N] {answer}\n"
    if written:
        assert (code, shown) == (
            0,
            question + f"Replied to {JAMES} (public reply 3; the rule of two allows 2).\n",
        )
        assert (shop / JAMES).read_bytes() != before
    else:
        assert (code, shown) == (1, question + "Nothing was written.\n")
        assert (shop / JAMES).read_bytes() == before


def test_in_a_terminal_without_text_the_editor_opens(shop, monkeypatch):
    monkeypatch.setenv("TEST_REPLY", "Hei Nina,\nrefusjonen er sendt i dag.\n")
    before = (shop / NINA).read_bytes()
    assert in_terminal(shop, ["reply", NINA, "--by", "Maren", "--at", "2026-11-21T08:30"]) == (
        0,
        f"Replied to {NINA} (public reply 1 of 2).\n",
    )
    assert (shop / NINA).read_bytes() == before + (
        b"thread:\n"
        b"  - at: 2026-11-21T08:30\n"
        b"    by: Maren\n"
        b"    text: |\n"
        b"      Hei Nina,\n"
        b"      refusjonen er sendt i dag.\n"
    )
