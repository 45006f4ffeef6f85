"""`reviewwall reply`, `private`, `followup`, `resolve` and `withhold` on the sample shop's own
files: exit codes, output, and the bytes of the file written (every other byte as it was)."""

from __future__ import annotations

import difflib
import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.check.project import load_project
from generator.commands.cli import main
from generator.read.config import read_config
from generator.read.reader import find_review_files, read_documents

SAMPLE = Path(__file__).resolve().parents[2]
SAMPLE_EPOCH = "1796083200"  # 2026-12-01 00:00 UTC: the sample is judged as in the README
NOW = datetime(2026, 11, 21, 9, 5, 31, tzinfo=UTC)  # 10:05 in Oslo, when staff run a command
NINA = "reviews/2026/2026-11-20-nina-refusjon.yml"
TOR_INGE = "reviews/2026/2026-11-03-tor-inge-skalljakke.yml"
JAMES = "reviews/2026/2026-05-20-james-uk-import-vat.yml"
CUSTOMER_FIELDS = ("channel", "received", "author", "rating", "title", "text", "url")


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """A copy of the sample shop's 2026 reviews, judged as the README judges the sample."""
    root = tmp_path / "shop"
    (root / "reviews" / "2026").mkdir(parents=True)
    shutil.copy(SAMPLE / "site_config.yml", root)
    for path in sorted((SAMPLE / "reviews" / "2026").glob("*.yml")):
        shutil.copy(path, root / "reviews" / "2026")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    monkeypatch.delenv("REVIEWWALL_STAFF_NAME", raising=False)
    monkeypatch.setattr("generator.commands.staff.clock", lambda: NOW)
    return root


def run(root: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["-C", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read(root: Path, relative: str) -> bytes:
    return (root / relative).read_bytes()


def added_lines(before: bytes, after: bytes) -> list[str]:
    """Return the lines the change added; fail if it changed or removed any."""
    old, new = before.decode().splitlines(), after.decode().splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] not in ("equal", "insert")]
    assert changed == []
    return [
        line
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag == "insert"
        for line in new[j1:j2]
    ]


def reviews_by_path(root: Path) -> dict:
    config, _ = read_config(root)
    documents, _ = read_documents(root, find_review_files(config.reviews_dir))
    return {document.path: document for document in documents}


# --- reply -------------------------------------------------------------------------------------


def test_reply_appends_a_thread_and_keeps_every_byte_before_it(shop, capsys):
    before = read(shop, NINA)
    assert run(
        shop,
        capsys,
        "reply",
        "2026-11-20-nina-refusjon",
        "--by",
        "Ingrid, kundeservice",
        "--at",
        "2026-11-21T09:15",
        "--text",
        "Hei Nina, så leit at du har ventet. Vi sjekker refusjonen nå og svarer deg i dag.",
    ) == (0, f"Replied to {NINA} (public reply 1 of 2).\n", "")
    assert read(shop, NINA) == before + (
        b"thread:\n"
        b"  - at: 2026-11-21T09:15\n"
        b"    by: Ingrid, kundeservice\n"
        b"    text: Hei Nina, s\xc3\xa5 leit at du har ventet. Vi sjekker refusjonen n\xc3\xa5 og "
        b"svarer deg i dag.\n"
    )


def test_reply_by_path_from_stdin_with_the_name_and_time_by_default(shop, capsys, monkeypatch):
    monkeypatch.setenv("REVIEWWALL_STAFF_NAME", "Maren, daglig leder")
    monkeypatch.setattr("sys.stdin", io.StringIO("Hei Tor Inge!\n\nTakk igjen.  \n"))
    before = read(shop, TOR_INGE)
    assert run(shop, capsys, "reply", TOR_INGE, "--text", "-") == (
        0,
        f"Replied to {TOR_INGE} (public reply 2 of 2).\n",
        "",
    )
    # Several lines make a literal block; the time is now in Oslo, to the minute.
    assert read(shop, TOR_INGE) == before + (
        b"  - at: 2026-11-21T10:05\n"
        b"    by: Maren, daglig leder\n"
        b"    text: |\n"
        b"      Hei Tor Inge!\n"
        b"\n"
        b"      Takk igjen.\n"
    )


def test_a_reply_goes_to_its_place_in_time(shop, capsys):
    before = read(shop, JAMES).decode()
    code, out, _ = run(
        shop,
        capsys,
        "reply",
        "2026-05-20-james-uk-import-vat",
        "--by",
        "Ingrid, kundeservice",
        "--at",
        "2026-05-21T09:20",
        "--text",
        "PS: the refund of the handling fee is on its way to your card.",
        "--yes",
    )
    assert code == 0
    anchor = "  - at: 2026-05-21T09:35\n"
    assert read(shop, JAMES).decode() == before.replace(
        anchor,
        "  - at: 2026-05-21T09:20\n"
        "    by: Ingrid, kundeservice\n"
        "    text: 'PS: the refund of the handling fee is on its way to your card.'\n" + anchor,
    )
    assert out == f"Replied to {JAMES} (public reply 3; the rule of two allows 2).\n"


RULE_OF_TWO = (
    f"{JAMES}:30: warning: thread[5]: a third public reply in one thread; the rule of two allows "
    "two, then take the talk to a private channel (an entry with private: true and via: email, "
    "phone, chat, message or in-store)\n"
)
REFUSED = (
    "Nothing was written: it would bring the warning above. To write it anyway, run it in a "
    "terminal to confirm, or add --yes.\n"
)


def test_a_third_public_reply_is_refused_outside_a_terminal_unless_yes(shop, capsys):
    before = read(shop, JAMES)
    args = ["reply", JAMES, "--by", "Maren", "--at", "2026-05-24T10:00", "--text", "One more."]
    assert run(shop, capsys, *args) == (1, "", RULE_OF_TWO + REFUSED)
    assert read(shop, JAMES) == before
    assert run(shop, capsys, *args, "--yes") == (
        0,
        f"Replied to {JAMES} (public reply 3; the rule of two allows 2).\n",
        RULE_OF_TWO,
    )
    assert added_lines(before, read(shop, JAMES)) == [
        "  - at: 2026-05-24T10:00",
        "    by: Maren",
        "    text: One more.",
    ]


def test_a_reply_nearly_the_same_as_another_reviews_is_canned(shop, capsys):
    # Tor Inge's reply, pasted under Nina's review with two words changed.
    pasted = (
        "Tre uker på Senja i høstvær er en tøff prøve, og vi er glade for at jakka holdt deg "
        "varm. Takk for at du skrev det!"
    )
    args = ["reply", NINA, "--by", "Maren", "--at", "2026-11-21T10:00", "--text", pasted]
    assert run(shop, capsys, *args) == (
        1,
        "",
        f"{NINA}:11: warning: thread[1]: this reply is 92 % the same as {TOR_INGE}:11 "
        "(thread[1]); empathy cannot be pasted: write to this customer about their own case\n"
        + REFUSED,
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--at", "2026-11-21T09:15", "--text", "Hei."],
            'error: --by is required: the staff name shown with the reply, like "Ingrid, '
            'kundeservice" (or set REVIEWWALL_STAFF_NAME)',
        ),
        (
            ["--by", "Maren", "--at", "soon", "--text", "Hei."],
            "error: --at: expected an ISO 8601 date or date-time like 2026-11-03 or "
            "2026-11-03T14:05, got 'soon'",
        ),
        (
            ["--by", "Maren"],
            "error: --text is required when not in a terminal (the reply, or '-' to read it from "
            "standard input)",
        ),
    ],
)
def test_reply_usage_mistakes_exit_2_and_write_nothing(shop, capsys, args, error):
    before = read(shop, NINA)
    assert run(shop, capsys, "reply", NINA, *args) == (2, "", error + "\n")
    assert read(shop, NINA) == before


def test_a_reply_that_would_not_pass_check_is_not_written(shop, capsys):
    before = read(shop, NINA)
    args = ["reply", NINA, "--by", "Maren", "--at", "2026-11-19T10:00", "--text", "Hei."]
    assert run(shop, capsys, *args) == (
        1,
        "",
        f"{NINA}:11: thread[1].at: 2026-11-19 10:00 is before the review was received "
        f"(2026-11-20 13:30)\nNothing was written; {NINA} is as it was.\n",
    )
    assert read(shop, NINA) == before


def test_an_empty_reply_aborts(shop, capsys):
    assert run(shop, capsys, "reply", NINA, "--by", "Maren", "--text", "  \n") == (
        1,
        "",
        "Aborted: the reply was empty; nothing was written.\n",
    )


def test_an_unknown_review_is_a_problem(shop, capsys):
    assert run(shop, capsys, "reply", "2026-11-20-nina", "--by", "M", "--text", "Hei.") == (
        1,
        "",
        "no review with the id '2026-11-20-nina' in reviews/; give its id or path\n",
    )


# --- private, followup -------------------------------------------------------------------------


def test_private_adds_the_switch_after_the_public_reply(shop, capsys):
    before = read(shop, TOR_INGE)
    assert run(
        shop,
        capsys,
        "private",
        "2026-11-03-tor-inge-skalljakke",
        "--via",
        "email",
        "--summary",
        "Vi sendte en vaskeanvisning for jakka.",
        "--text",
        "tor.inge@example.no, ordre 70112",
        "--at",
        "2026-11-04T08:00",
    ) == (
        0,
        f"Moved {TOR_INGE} to a private channel (email); the site shows that and the summary, "
        "never the text.\n",
        "",
    )
    assert read(shop, TOR_INGE) == before + (
        b"  - at: 2026-11-04T08:00\n"
        b"    private: true\n"
        b"    via: email\n"
        b"    summary: Vi sendte en vaskeanvisning for jakka.\n"
        b"    text: tor.inge@example.no, ordre 70112\n"
    )


def test_private_before_any_public_reply_asks_first(shop, capsys):
    args = ["private", NINA, "--via", "phone", "--at", "2026-11-21T09:00"]
    assert run(shop, capsys, *args) == (
        1,
        "",
        f"{NINA}:11: warning: thread[1]: the talk moved to a private channel with no public "
        "reply before it, so readers see silence; first reply in public and say where the talk "
        "continues\n" + REFUSED,
    )
    code, out, _ = run(shop, capsys, *args, "--yes")
    assert (code, out) == (
        0,
        f"Moved {NINA} to a private channel (phone); the site shows only that, never the text.\n",
    )


def test_followup_keeps_the_customers_words_as_written(shop, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Fortsatt ingenting?!\nHar ventet i 4 uker nå.\n"))
    before = read(shop, NINA)
    assert run(shop, capsys, "followup", NINA, "--text", "-", "--at", "2026-11-22T19:40") == (
        0,
        f"Added the customer's follow-up to {NINA}.\n",
        "",
    )
    assert added_lines(before, read(shop, NINA)) == [
        "thread:",
        "  - at: 2026-11-22T19:40",
        "    from: customer",
        "    text: |",
        "      Fortsatt ingenting?!",
        "      Har ventet i 4 uker nå.",
    ]
    (review,) = [r for r in load_project(shop).reviews if r.path == NINA]
    assert review.thread[0].text == "Fortsatt ingenting?!\nHar ventet i 4 uker nå."


# --- resolve -----------------------------------------------------------------------------------


def test_resolve_writes_a_whole_outcome(shop, capsys):
    before = read(shop, NINA)
    assert run(
        shop,
        capsys,
        "resolve",
        NINA,
        "--status",
        "resolved",
        "--action",
        "apology",
        "--action",
        "refund",
        "--summary",
        "Refusjonen ble sendt 21. november.",
        "--rating-after",
        "4",
        "--customer-said",
        "Pengene kom. Takk!",
        "--change",
        "Vi betaler nå tilbake innen fem dager etter at returen er mottatt.\nDu får en e-post.",
    ) == (0, f"Set the outcome of {NINA}: resolved on 2026-11-21.\n", "")
    assert (
        read(shop, NINA)
        == before
        + (
            "outcome:\n"
            "  status: resolved\n"
            "  at: 2026-11-21\n"
            "  summary: Refusjonen ble sendt 21. november.\n"
            "  actions: [apology, refund]\n"
            "  rating_after: 4\n"
            "  customer_said: Pengene kom. Takk!\n"
            "  change: |\n"
            "    Vi betaler nå tilbake innen fem dager etter at returen er mottatt.\n"
            "    Du får en e-post.\n"
        ).encode()
    )


def test_resolve_updates_an_outcome_in_place(shop, capsys):
    before = read(shop, JAMES).decode()
    assert run(
        shop,
        capsys,
        "resolve",
        JAMES,
        "--status",
        "resolved",
        "--action",
        "refund",
        "--at",
        "2026-05-30",
    ) == (0, f"Set the outcome of {JAMES}: resolved on 2026-05-30.\n", "")
    assert read(shop, JAMES).decode() == before.replace(
        "  status: unresolved\n  at: 2026-05-23\n"
        "  actions: [apology, partial-refund, process-change]\n",
        "  status: resolved\n  at: 2026-05-30\n"
        "  actions: [apology, partial-refund, process-change, refund]\n",
    )


@pytest.mark.parametrize(
    ("flags", "error"),
    [
        (
            ["--rating-after", "2"],
            f"{JAMES}:31: outcome.rating_after: the customer's rating after the case is 1 already "
            "and stays as they gave it; nothing was written",
        ),
        (
            ["--customer-said", "Fine."],
            f"{JAMES}:31: outcome.customer_said: the customer's last words are set already and "
            "stay as they came; nothing was written",
        ),
    ],
)
def test_resolve_never_changes_the_customers_words(shop, capsys, flags, error):
    before = read(shop, JAMES)
    assert run(shop, capsys, "resolve", JAMES, "--status", "resolved", *flags) == (
        1,
        "",
        error + "\n",
    )
    assert read(shop, JAMES) == before


def test_resolve_open_sets_no_day_and_usage_mistakes_exit_2(shop, capsys):
    before = read(shop, NINA)
    assert run(shop, capsys, "resolve", NINA, "--status", "open") == (
        0,
        f"Set the outcome of {NINA}: open.\n",
        "",
    )
    assert read(shop, NINA) == before + b"outcome:\n  status: open\n"
    assert run(shop, capsys, "resolve", NINA, "--status", "resolved", "--rating-after", "7") == (
        2,
        "",
        "error: --rating-after: expected a whole number from 1 to 5, got 7\n",
    )
    with pytest.raises(SystemExit) as exit_:
        main(["-C", str(shop), "resolve", NINA, "--status", "fixed"])
    assert exit_.value.code == 2
    assert "argument --status: invalid choice: 'fixed'" in capsys.readouterr().err


# --- withhold ----------------------------------------------------------------------------------


def test_withhold_adds_consent_and_reason_in_their_place(shop, capsys):
    before = read(shop, NINA).decode()
    assert run(shop, capsys, "withhold", NINA, "--reason", "personal-data") == (
        0,
        f"Withheld {NINA} (personal-data): the site no longer shows it, and it still counts in "
        "the figures.\n",
        "",
    )
    assert read(shop, NINA).decode() == before.replace(
        "rating: 2\n", "rating: 2\nconsent: withheld\nwithheld_reason: personal-data\n"
    )
    assert run(shop, capsys, "withhold", NINA, "--reason", "personal-data") == (
        0,
        f"Nothing to change: {NINA} says so already.\n",
        "",
    )


# --- every file of the sample ------------------------------------------------------------------

COMMANDS = {
    "reply": ["--by", "Maren", "--at", "2026-11-30T12:00", "--yes", "--text"],
    "private": ["--via", "email", "--at", "2026-11-30T12:00", "--yes", "--summary"],
    "followup": ["--at", "2026-11-30T12:00", "--text"],
    "resolve": ["--status", "explained", "--action", "explanation", "--summary"],
    "withhold": ["--reason", "customer-request", "--yes"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_sample_file_only_gains_lines_and_keeps_the_customers_words(shop, capsys, command):
    before_documents = reviews_by_path(shop)
    for path in sorted(before_documents):
        before = read(shop, path)
        args = [command, path, *COMMANDS[command]]
        if command != "withhold":
            args.append(f"Skrevet for {Path(path).stem}, med ord som bare hører til denne saken.")
        code, _, err = run(shop, capsys, *args)
        assert (path, code) == (path, 0), err
        after = read(shop, path)
        if command not in ("resolve", "withhold"):
            assert len(added_lines(before, after)) >= 3
    after_documents = reviews_by_path(shop)
    for path, document in before_documents.items():
        was, now = document.tree.value, after_documents[path].tree.value
        for name in CUSTOMER_FIELDS:
            value = (getattr(was.get(name), "value", None), getattr(now.get(name), "value", None))
            assert (path, name, value[0]) == (path, name, value[1])
    assert not load_project(shop).problems.errors


def test_what_the_commands_write_passes_verify(shop, capsys):
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args],
            cwd=shop,
            capture_output=True,
            check=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "The shop's reviews")
    for args in (
        [
            "reply",
            NINA,
            "--by",
            "Ingrid",
            "--at",
            "2026-11-21T09:00",
            "--text",
            "Hei Nina, vi ser på det.",
        ],
        ["private", NINA, "--via", "phone", "--at", "2026-11-21T10:00", "--summary", "Vi ringte."],
        ["followup", NINA, "--at", "2026-11-21T18:00", "--text", "Takk, pengene kom."],
        [
            "resolve",
            NINA,
            "--status",
            "resolved",
            "--rating-after",
            "4",
            "--customer-said",
            "Takk!",
        ],
        ["resolve", JAMES, "--status", "resolved", "--action", "refund"],
        ["withhold", TOR_INGE, "--reason", "customer-request"],
    ):
        assert run(shop, capsys, *args)[0] == 0
    code, out, _ = run(shop, capsys, "verify", "--base", "main")
    count = len(list((shop / "reviews").rglob("*.yml")))
    assert (code, out.splitlines()[-1]) == (
        0,
        f"{count} reviews compared with main: no customer's words changed, no review gone "
        "without a record (0 new, 0 removed on the record).",
    )
