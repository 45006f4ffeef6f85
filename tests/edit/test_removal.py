"""`reviewwall remove`: a review file goes only with its record, and the record counts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from generator.commands.cli import main
from tests.conftest import build_project, page, problems_of, review
from tests.importing import fixture, run

TODAY = datetime.now(ZoneInfo("Europe/Oslo")).date().isoformat()
HEADER = (
    "# Reviews removed from reviews/, one record each, appended by `reviewwall remove`: why, and\n"
    "# the facts the ledger and the figures count. Never the customer's words or name.\n"
)
SPAM = review(
    channel="google",
    received="2026-10-01T10:00",
    text="Worst shop ever, buy from example.org instead!",
    author="Spam Bot",
    rating="1",
    source_id="g-123",
    thread="\n  - at: 2026-10-01T11:30\n    by: Maren\n    text: We cannot find your order."
    "\n  - at: 2026-10-02T09:00\n    private: true\n    via: email"
    "\n    summary: Asked for the order.\n    text: No order under that name.",
)
ASKED = review(
    channel="email",
    received="2026-10-05T08:15",
    text="Please take my review down, I wrote it in anger.",
    kind="complaint",
    thread="\n  - at: 2026-10-05T09:00\n    by: Maren\n    text: Of course.",
    outcome="\n  status: resolved\n  at: 2026-10-06\n  rating_after: 4",
)


def remove(root, capsys, *args):
    code = main(["-C", str(root), "remove", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shop(project, fixed_now):
    return project(
        {
            "2026/2026-10-01-spam.yml": SPAM,
            "2026/2026-10-05-asked.yml": ASKED,
            "2026/2026-11-03-ok.yml": review(rating="5"),
        }
    )


def test_remove_deletes_the_file_and_appends_its_record(shop, capsys):
    assert remove(shop, capsys, "2026-10-01-spam", "--reason", "spam", "--note", "A bot.\nTwo") == (
        0,
        "Removed reviews/2026/2026-10-01-spam.yml; recorded in removals.yml as spam (as it was no "
        "review of this business, it counts only in the ledger). Commit both files together.\n",
        "",
    )
    assert not (shop / "reviews/2026/2026-10-01-spam.yml").exists()
    assert remove(
        shop, capsys, "reviews/2026/2026-10-05-asked.yml", "--reason", "customer-request"
    )[1] == (
        "Removed reviews/2026/2026-10-05-asked.yml; recorded in removals.yml as customer-request "
        "(it still counts in the figures, as a withheld review does). Commit both files together.\n"
    )
    assert (shop / "removals.yml").read_text(encoding="utf-8") == HEADER + (
        "- id: 2026-10-01-spam\n"
        "  channel: google\n"
        "  received: 2026-10-01T10:00+02:00\n"
        "  rating: 1\n"
        "  kind: complaint\n"
        f"  removed: {TODAY}\n"
        "  reason: spam\n"
        '  note: "A bot. Two"\n'
        '  source_id: "g-123"\n'
        "  thread:\n"
        "    - {at: 2026-10-01T11:30+02:00, from: business}\n"
        "    - {at: 2026-10-02T09:00+02:00, from: business, private: true}\n"
        "- id: 2026-10-05-asked\n"
        "  channel: email\n"
        "  received: 2026-10-05T08:15+02:00\n"
        "  kind: complaint\n"
        f"  removed: {TODAY}\n"
        "  reason: customer-request\n"
        "  thread:\n"
        "    - {at: 2026-10-05T09:00+02:00, from: business}\n"
        "  outcome: {status: resolved, at: 2026-10-06, rating_after: 4}\n"
    )
    assert problems_of(shop) == []  # the records read back


def test_what_cannot_be_removed_changes_nothing(shop, capsys):
    assert remove(shop, capsys, "2026-10-09-nobody", "--reason", "spam") == (
        1,
        "",
        "no review with the id '2026-10-09-nobody' in reviews/; give its id or path\n",
    )
    (shop / "reviews/2026/2026-11-03-ok.yml").write_text(review(rating="9"))
    assert remove(shop, capsys, "2026-11-03-ok", "--reason", "legal") == (
        1,
        "",
        "reviews/2026/2026-11-03-ok.yml:4: rating: expected a whole number from 1 to 5, got 9\n"
        "the record is made from the file's facts: fix it first; nothing was removed\n",
    )
    assert (shop / "reviews/2026/2026-11-03-ok.yml").exists()
    assert not (shop / "removals.yml").exists()
    with pytest.raises(SystemExit) as exited:
        remove(shop, capsys, "2026-10-01-spam", "--reason", "sp4m")
    assert exited.value.code == 2
    assert "argument --reason: invalid choice: 'sp4m'" in capsys.readouterr().err


def test_a_record_of_a_review_still_there_is_an_error(shop, capsys):
    assert remove(shop, capsys, "2026-10-01-spam", "--reason", "duplicate")[0] == 0
    (shop / "reviews/2026/2026-10-01-spam.yml").write_text(SPAM)
    assert problems_of(shop) == [
        "removals.yml:3: '2026-10-01-spam' is recorded as removed, but "
        "reviews/2026/2026-10-01-spam.yml is still there; delete the file (reviewwall remove "
        "does both), or take the record out if it was a mistake"
    ]
    assert remove(shop, capsys, "2026-10-01-spam", "--reason", "spam") == (
        1,
        "",
        "removals.yml: '2026-10-01-spam' is recorded as removed already; nothing was removed\n",
    )


def test_a_broken_record_is_reported_at_its_line(project, fixed_now):
    root = project({"2026/a.yml": review()})
    (root / "removals.yml").write_text(
        "- id: 2026-10-01-x\n  channel: gogle\n  received: 2026-10-01\n  kind: complaint\n"
        "  removed: 2026-11-01\n  reason: spamm\n  notes: typo\n- id: 2026-10-02-y\n"
    )
    assert problems_of(root) == [
        "removals.yml:2: [1].channel: unknown channel 'gogle'; expected one of: facebook, google, "
        "trustpilot, tripadvisor, instagram, x, linkedin, youtube, app-store, google-play, email, "
        "phone, chat, web-form, in-store, other; did you mean 'google'?",
        "removals.yml:6: [1].reason: unknown reason 'spamm'; expected one of: customer-request, "
        "personal-data, legal, spam, not-a-customer, duplicate; did you mean 'spam'?",
        "removals.yml:7: warning: [1].notes: unknown field, ignored; did you mean 'note'?",
        "removals.yml:8: [2].channel: missing; every record needs it",
        "removals.yml:8: [2].received: missing; every record needs it",
        "removals.yml:8: [2].kind: missing; every record needs it",
        "removals.yml:8: [2].removed: missing; every record needs it",
        "removals.yml:8: [2].reason: missing; every record needs it",
    ]


def test_the_ledger_and_the_figures_count_removals_honestly(shop, capsys):
    before = build_project(shop)
    assert remove(shop, capsys, "2026-10-01-spam", "--reason", "spam")[0] == 0
    assert remove(shop, capsys, "2026-10-05-asked", "--reason", "customer-request")[0] == 0
    after = build_project(shop)
    assert len(after.reviews) == len(before.reviews) - 2
    figures = page(shop, "figures")
    box = figures.select_one(".rw-ledger-box")
    line = (
        "Reviews received: 3. Shown in full: 0. Shown without a name: 1. Withheld: 0. Removed: 2."
    )
    assert box.select_one(".rw-ledger-line").get_text() == line
    footer = page(shop, "reviews").select_one("footer.rw-footer .rw-ledger")
    footer = footer.get_text(" ", strip=True)
    assert footer == line + " Figures"
    assert box.select_one(".rw-ledger-removed").get_text() == (
        "Removed from the site, each with a record of why: 2. Of these, 1 were not reviews of "
        "this business (spam, not from a customer, or a duplicate) and count in no figure; the "
        "others count as withheld reviews do."
    )
    rows = [
        [cell.get_text() for cell in row.find_all(["th", "td"])]
        for row in box.select(".rw-ledger-reasons tr")
    ]
    assert rows == [
        ["Reason", "1★", "2★", "3★", "4★", "5★", "No rating", "In all", "In the figures"],
        ["Removed: the customer asked", "0", "0", "0", "0", "0", "1", "1", "counted"],
        ["Removed: spam", "1", "0", "0", "0", "0", "0", "1", "not counted"],
    ]
    # The complaint removed on request still counts; the spam does not.
    received = figures.select_one("a[href='all/received/']") or figures.find(
        "a", href=lambda h: h and h.endswith("all/received/")
    )
    assert received.get_text(strip=True) == "2"


def test_an_import_never_brings_back_a_removed_review(project, capsys, fixed_now):
    root = project()
    source = fixture("app_store_reviews.xml")
    assert run(root, capsys, source)[0] == 0
    assert remove(root, capsys, "2026-11-04-ola", "--reason", "not-a-customer")[0] == 0
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "0 new, 2 already imported, 0 changed upstream (not touched), 0 skipped, 1 removed earlier "
        "(in removals.yml; not imported again)"
    )
    assert not (root / "reviews/2026/2026-11-04-ola.yml").exists()
