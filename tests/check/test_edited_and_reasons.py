"""`edited:` on a business reply and `withheld_reason:` on a withheld review: checks and pages."""

import json
from datetime import date
from pathlib import Path

import pytest

from generator.check.project import load_project
from generator.read.review import REMOVAL_REASONS, WITHHELD_REASONS
from tests.conftest import BASE_CONFIG, build_project, content, page, problems_of

# About the format and the pages, not the service rules: judged as if it were 2026-11-03 09:00.
pytestmark = pytest.mark.usefixtures("fixed_now")

P = "reviews/2026/2026-11-01-sigrid.yml"
HEAD = """\
channel: google
received: 2026-11-01T08:00
author: Sigrid Haugland
text: The jacket lost a button on the first trip.
rating: 3
"""
# Received an hour before the checks are judged, so no service rule speaks up about a late reply.
WITHHELD_HEAD = HEAD.replace("received: 2026-11-01T08:00", "received: 2026-11-03T08:00")
W = "reviews/2026/2026-11-03-sigrid.yml"  # named after the day it was received
REASONS = "no-consent, customer-request, personal-data, legal, spam, not-a-customer, duplicate"


def with_thread(*entries: str) -> str:
    """Return HEAD with a thread of these entries (each already YAML, indented under `- `)."""
    return HEAD + "thread:\n" + "".join(f"  - {entry}\n" for entry in entries)


REPLY = "at: 2026-11-01T10:00\n    by: Ingrid, customer service\n    text: We send a new one today."


def check_one(project, text):
    return problems_of(project({"2026/2026-11-01-sigrid.yml": text}))


# --- edited: --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            with_thread(
                REPLY,
                "at: 2026-11-01T12:00\n    from: customer\n    edited: 2026-11-02\n"
                "    text: Thanks, it came.",
            ),
            f"{P}:12: thread[2].edited: a customer's words are never edited; "
            "keep them as written and remove this line",
        ),
        (
            with_thread(REPLY + "\n    edited: 2026-10-31"),
            f"{P}:10: thread[1].edited: 2026-10-31 is before the entry was written (2026-11-01)",
        ),
        (
            with_thread(REPLY + "\n    edited: last week"),
            f"{P}:10: thread[1].edited: expected an ISO 8601 date or date-time like 2026-11-03 "
            "or 2026-11-03T14:05, got 'last week'",
        ),
    ],
)
def test_edited_errors_by_exact_text(project, text, expected):
    assert check_one(project, text) == [expected]


@pytest.mark.parametrize(
    ("edited", "day"),
    [("2026-11-02", date(2026, 11, 2)), ("2026-11-02T10:05", date(2026, 11, 2))],
)
def test_edited_is_a_day_on_a_reply(project, edited, day):
    root = project({"2026/2026-11-01-sigrid.yml": with_thread(REPLY + f"\n    edited: {edited}")})
    loaded = load_project(root, cores=1)
    assert [str(p) for p in loaded.problems] == []
    assert loaded.reviews[0].thread[0].edited == day


def test_edited_on_the_same_day_and_on_a_private_switch_is_accepted(project):
    text = with_thread(
        REPLY + "\n    edited: 2026-11-01",
        "at: 2026-11-01T11:00\n    private: true\n    via: email\n    edited: 2026-11-02\n"
        "    summary: A new button is on its way.",
    )
    assert check_one(project, text) == []


def edited_site(project, language="en"):
    text = with_thread(
        REPLY + "\n    edited: 2026-11-02",
        "at: 2026-11-01T12:00\n    from: customer\n    text: Thanks!",
        "at: 2026-11-01T13:00\n    text: You're welcome, Sigrid.",
    )
    config = BASE_CONFIG.replace("language: en", f"language: {language}")
    root = project({"2026/2026-11-01-sigrid.yml": text}, config)
    build_project(root)
    return root


@pytest.mark.parametrize(
    ("language", "said"), [("en", "edited on Nov 2, 2026"), ("nb", "redigert 2. nov. 2026")]
)
def test_the_case_page_says_when_a_reply_was_edited(project, language, said):
    root = edited_site(project, language)
    case = content(page(root, "reviews/2026-11-01-sigrid/"))
    edited = case.select(".rw-edited")
    assert [(tag.name, tag["datetime"], tag.get_text()) for tag in edited] == [
        ("time", "2026-11-02", said)
    ]
    # With the reply it belongs to, and with no other entry of the thread.
    step = edited[0].find_parent("li")
    assert "rw-step-reply" in step["class"]
    assert "We send a new one today." in step.get_text()


def test_open_data_carries_edited_only_on_the_edited_reply(project):
    root = edited_site(project)
    data = json.loads((root / "site" / "reviews.json").read_text(encoding="utf-8"))
    thread = data["reviews"][0]["thread"]
    assert [entry.get("edited") for entry in thread] == ["2026-11-02", None, None]
    assert ["edited" in entry for entry in thread] == [True, False, False]


# --- withheld_reason: -----------------------------------------------------------------------


def test_the_reasons_are_the_removal_reasons_and_no_consent():
    assert REMOVAL_REASONS == (
        "customer-request",
        "personal-data",
        "legal",
        "spam",
        "not-a-customer",
        "duplicate",
    )
    assert WITHHELD_REASONS == ("no-consent",) + REMOVAL_REASONS


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "consent: withheld\nwithheld_reason: spamm\n",
            f"{W}:7: withheld_reason: unknown reason 'spamm'; expected one of: {REASONS}; "
            "did you mean 'spam'?",
        ),
        (
            "consent: public\nwithheld_reason: no-consent\n",
            f"{W}:7: withheld_reason: only a withheld review has a reason; set consent: withheld, "
            "or remove this line",
        ),
        (
            "withheld_reason: customer-request\n",
            f"{W}:6: withheld_reason: only a withheld review has a reason; set consent: "
            "withheld, or remove this line",
        ),
        (
            "consent: withheld\n",
            f"{W}:6: warning: withheld_reason: missing; say why this review is withheld: {REASONS}",
        ),
    ],
)
def test_withheld_reason_problems_by_exact_text(project, extra, expected):
    assert problems_of(project({"2026/2026-11-03-sigrid.yml": WITHHELD_HEAD + extra})) == [expected]


@pytest.mark.parametrize("reason", WITHHELD_REASONS)
def test_a_withheld_review_with_a_reason_is_fine(project, reason):
    root = project(
        {
            "2026/2026-11-03-sigrid.yml": WITHHELD_HEAD
            + f"consent: withheld\nwithheld_reason: {reason}\n"
        }
    )
    loaded = load_project(root, cores=1)
    assert [str(p) for p in loaded.problems] == []
    assert loaded.reviews[0].withheld_reason == reason


def test_the_sample_shops_withheld_review_says_why():
    sample = Path(__file__).resolve().parents[2]
    withheld = [
        path
        for path in sorted((sample / "reviews").rglob("*.yml"))
        if "\nconsent: withheld\n" in path.read_text(encoding="utf-8")
    ]
    assert withheld
    for path in withheld:
        assert "\nwithheld_reason: " in path.read_text(encoding="utf-8"), path.name


def test_an_edited_private_switch_says_so_beside_its_note(project):
    text = with_thread(
        REPLY,
        "at: 2026-11-01T11:00\n    private: true\n    via: email\n    edited: 2026-11-02\n"
        "    summary: A new button is on its way.",
    )
    root = project({"2026/2026-11-01-sigrid.yml": text})
    build_project(root)
    note = content(page(root, "reviews/2026-11-01-sigrid/")).select_one(".rw-step-private .rw-note")
    assert note.get_text() == (
        "Continued privately by e-mail on Nov 1, 2026. (edited on Nov 2, 2026)"
    )
    assert note.select_one("time.rw-edited")["datetime"] == "2026-11-02"
