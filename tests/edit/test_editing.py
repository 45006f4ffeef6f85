"""The round-trip edit: files written every way YAML allows keep every byte but the new ones;
a file it cannot write back as it was is refused; the file is replaced whole or not at all."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime

import pytest

from generator.check.project import load_project
from generator.commands.cli import main
from generator.edit.editing import EditError, draft_change, open_review, replace_file
from generator.edit.staff import add_entry, reply_entry

CONFIG = "name: Testbutikken\nlanguage: nb\ntimezone: Europe/Oslo\n"
JUDGED = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)
SIMPLE = b"channel: google\nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom.\n"
REPLY = ["--by", "Ola", "--at", "2026-11-02T12:00", "--text", "Takk.\nVi ser på det."]


@pytest.fixture
def shop(tmp_path, fixed_now):
    def write(files: dict[str, bytes]):
        root = tmp_path / "shop"
        (root / "reviews" / "2026").mkdir(parents=True, exist_ok=True)
        (root / "site_config.yml").write_text(CONFIG, encoding="utf-8")
        for name, data in files.items():
            (root / "reviews" / "2026" / name).write_bytes(data)
        return root

    return write


@pytest.fixture(autouse=True)
def at_ten_past_ten(monkeypatch):
    """Staff run the commands at 10:05 in Oslo, on 3 November."""
    monkeypatch.setattr(
        "generator.commands.staff.clock", lambda: datetime(2026, 11, 3, 9, 5, 59, tzinfo=UTC)
    )


def run(root, capsys, *args):
    code = main(["-C", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


HAND_WRITTEN = """\
# Kari ringte inn dette.
channel: phone   # ringte kundeservice
received: "2026-11-02T10:00"
author: Kari Nordmann
kind: complaint
language: no

text: >
  Pakken kom aldri,
  og ingen svarer.

thread:
- at: 2026-11-02T11:00
  by: 'Ola, kundeservice'
  text: Hei, vi ser på det.   # første svar

# Utfallet kommer når pakken er funnet.
outcome: {status: open}
"""


def test_comments_quotes_styles_and_blank_lines_stay_where_they_were(shop, capsys):
    root = shop({"2026-11-02-kari.yml": HAND_WRITTEN.encode()})
    assert run(root, capsys, "reply", "2026-11-02-kari", *REPLY)[0] == 0
    assert run(root, capsys, "resolve", "2026-11-02-kari", "--status", "resolved")[0] == 0
    assert run(root, capsys, "withhold", "2026-11-02-kari", "--reason", "no-consent")[0] == 0
    # The reply goes after the last one, and the comment that came before `outcome:` still does;
    # the outcome keeps its inline style; consent goes after `text`, the blank line still before
    # `thread:`.
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_text(encoding="utf-8") == (
        HAND_WRITTEN.replace(
            "  text: Hei, vi ser på det.   # første svar\n",
            "  text: Hei, vi ser på det.   # første svar\n"
            "- at: 2026-11-02T12:00\n"
            "  by: Ola\n"
            "  text: |\n"
            "    Takk.\n"
            "    Vi ser på det.\n",
        )
        .replace("outcome: {status: open}", "outcome: {status: resolved, at: 2026-11-03}")
        .replace(
            "  og ingen svarer.\n",
            "  og ingen svarer.\nconsent: withheld\nwithheld_reason: no-consent\n",
        )
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # four spaces, and extra spaces after the dash
            "channel: google\nreceived: 2026-11-02T10:00\nrating: 2\ntext: |\n    Pakken kom.\n"
            "thread:\n    -   at: 2026-11-02T11:00\n        by: Ola\n        text: Hei.\n",
            "    -   at: 2026-11-02T12:00\n        by: Ola\n        text: |\n"
            "            Takk.\n            Vi ser på det.\n",
        ),
        (  # Windows line ends and a byte-order mark
            "\ufeffchannel: google\r\nreceived: 2026-11-02T10:00\r\nrating: 2\r\n"
            "text: Pakken kom.\r\n",
            "thread:\r\n  - at: 2026-11-02T12:00\r\n    by: Ola\r\n    text: |\r\n"
            "      Takk.\r\n      Vi ser på det.\r\n",
        ),
        (  # a document start, and `thread:` left empty
            "---\nchannel: google\nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom.\n"
            "thread:\n",
            "  - at: 2026-11-02T12:00\n    by: Ola\n    text: |\n      Takk.\n"
            "      Vi ser på det.\n",
        ),
    ],
)
def test_each_layout_gets_its_own_indentation(shop, capsys, before, after):
    root = shop({"2026-11-02-kari.yml": before.encode()})
    assert run(root, capsys, "reply", "2026-11-02-kari", *REPLY) == (
        0,
        "Replied to reviews/2026/2026-11-02-kari.yml (public reply "
        f"{2 if 'Hei' in before else 1} of 2).\n",
        "",
    )
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_bytes() == (before + after).encode()


def test_an_empty_inline_thread_becomes_a_block(shop, capsys):
    before = "channel: google\nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom.\n"
    root = shop({"2026-11-02-kari.yml": (before + "thread: []\n").encode()})
    assert run(root, capsys, "reply", "2026-11-02-kari", "--by", "Ola", "--text", "Takk.")[0] == 0
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_text(encoding="utf-8") == (
        before + "thread:\n  - at: 2026-11-03T10:05\n    by: Ola\n    text: Takk.\n"
    )


def test_a_quoted_value_replaced_keeps_its_quotes_and_comment(shop, capsys):
    before = (
        'channel: google\nreceived: 2026-11-02T10:00\nrating: 2\nconsent: "public"  # ja\n'
        "text: Pakken kom.\n"
    )
    root = shop({"2026-11-02-kari.yml": before.encode()})
    assert run(root, capsys, "withhold", "2026-11-02-kari", "--reason", "legal")[0] == 0
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_text(encoding="utf-8") == (
        before.replace(
            'consent: "public"  # ja\n', 'consent: "withheld" # ja\nwithheld_reason: legal\n'
        )
    )


@pytest.mark.parametrize(
    "text",
    [
        "null",
        "~",
        "- not a list",
        "#1 i Norge",
        "Pris: 349 kr",
        "'sitert'",
        "yes",
        "2026-11-03",
        "Emoji 😀 og «sitat» — “typografi”",
        "Linje 1\n\n  innrykket linje\nLinje 3",
        "  Mellomrom foran.",
        "| > & * ! % @ `",
        "Linje med tab\tinni",
    ],
)
def test_any_reply_reads_back_as_the_words_given(shop, capsys, text):
    root = shop({"2026-11-02-kari.yml": SIMPLE})
    assert (
        run(
            root,
            capsys,
            "reply",
            "2026-11-02-kari",
            "--by",
            "Ola",
            "--at",
            "2026-11-02T12:00",
            "--text",
            text,
        )[0]
        == 0
    )
    (review,) = load_project(root).reviews
    assert review.thread[0].text == text.strip()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            b"channel: google\nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom\n  aldri.\n",
            "reviews/2026/2026-11-02-kari.yml:4: reviewwall cannot change this file without "
            "rewriting other lines of it (line 4: 'text: Pakken kom'); nothing was written: make "
            "this change by hand",
        ),
        (
            b"channel: google  \nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom.\n",
            "reviews/2026/2026-11-02-kari.yml:1: reviewwall cannot change this file without "
            "rewriting other lines of it (line 1: 'channel: google  '); nothing was written: make "
            "this change by hand",
        ),
        (
            b"channel: gogle\nreceived: 2026-11-02T10:00\nrating: 2\ntext: Pakken kom.\n",
            "reviews/2026/2026-11-02-kari.yml:1: channel: unknown channel 'gogle'; expected one "
            "of: facebook, google, trustpilot, tripadvisor, instagram, x, linkedin, youtube, "
            "app-store, google-play, email, phone, chat, web-form, in-store, other; did you mean "
            "'google'?\nreviews/2026/2026-11-02-kari.yml has errors already; fix them first. "
            "Nothing was written.",
        ),
    ],
)
def test_a_file_it_cannot_write_back_as_it_was_is_left_alone(shop, capsys, data, error):
    root = shop({"2026-11-02-kari.yml": data})
    assert run(root, capsys, "reply", "2026-11-02-kari", *REPLY) == (1, "", error + "\n")
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_bytes() == data


def draft_reply(root):
    opened = open_review(root, "2026-11-02-kari", JUDGED)
    oslo = opened.config.timezone
    entry = reply_entry("2026-11-02T12:00", "Ola", "Takk.")
    return draft_change(opened, add_entry(entry, datetime(2026, 11, 2, 12, tzinfo=oslo), oslo))


def test_a_file_changed_meanwhile_is_not_overwritten(shop):
    root = shop({"2026-11-02-kari.yml": SIMPLE})
    draft = draft_reply(root)
    path = root / "reviews/2026/2026-11-02-kari.yml"
    path.write_bytes(SIMPLE + b"tags: [delivery]\n")  # saved in an editor in the meantime
    with pytest.raises(EditError) as error:
        draft.write()
    assert error.value.lines == [
        "reviews/2026/2026-11-02-kari.yml changed while this ran; nothing was written: run it again"
    ]
    assert path.read_bytes() == SIMPLE + b"tags: [delivery]\n"


def test_the_file_is_replaced_whole_with_its_mode_and_no_leftovers(shop, monkeypatch):
    root = shop({"2026-11-02-kari.yml": SIMPLE})
    path = root / "reviews/2026/2026-11-02-kari.yml"
    path.chmod(0o640)
    draft_reply(root).write()
    assert path.read_bytes().startswith(SIMPLE + b"thread:\n")
    assert oct(path.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in path.parent.iterdir()) == ["2026-11-02-kari.yml"]

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    written = path.read_bytes()
    with pytest.raises(OSError, match=r"^\[Errno 28\] No space left on device$") as error:
        replace_file(path, b"half")
    assert (type(error.value), error.value.errno) == (OSError, errno.ENOSPC)  # the error itself
    assert path.read_bytes() == written
    assert sorted(p.name for p in path.parent.iterdir()) == ["2026-11-02-kari.yml"]


NOTED = """\
channel: google
received: 2026-11-02T10:00
rating: 2
text: Pakken kom.
thread:
  - at: 2026-11-02T11:00
    by: Ola
    text: Hei.
    # Ola ringte også kunden.

# Saken
outcome:
  status: open
  # mer kommer
"""


def test_a_comment_about_an_entry_stays_with_it_and_a_closing_one_stays_last(shop, capsys):
    root = shop({"2026-11-02-kari.yml": NOTED.encode()})
    assert run(root, capsys, "reply", "2026-11-02-kari", *REPLY)[0] == 0
    resolve = ["--status", "resolved", "--summary", "Løst.", "--action", "apology"]
    assert run(root, capsys, "resolve", "2026-11-02-kari", *resolve)[0] == 0
    assert (root / "reviews/2026/2026-11-02-kari.yml").read_text(encoding="utf-8") == (
        NOTED.replace(
            "    # Ola ringte også kunden.\n",
            "    # Ola ringte også kunden.\n"
            "  - at: 2026-11-02T12:00\n"
            "    by: Ola\n"
            "    text: |\n"
            "      Takk.\n"
            "      Vi ser på det.\n",
        ).replace(
            "  status: open\n",
            "  status: resolved\n  at: 2026-11-03\n  summary: Løst.\n  actions: [apology]\n",
        )
    )
