"""Every boundary of the format's dates and the service rules, tested on both sides.

A moment exactly at a limit is allowed (an outcome on the day the review came in, a reply at
the moment it came in, a review received at the moment of the check, a review unanswered for
exactly the promise); a second past it is not, and says so in its exact words.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from generator.check.privacy import find_private
from generator.check.project import load_project
from generator.check.rules import say_duration
from generator.read.sections import RedactPattern
from tests.check.test_rules import NOW, rule_problems
from tests.conftest import BASE_CONFIG, problems_of, review

# The format's own checks, judged as if it were 2026-11-03 09:00 (no service rule is broken).
FIXED = pytest.mark.usefixtures("fixed_now")
FILE = "2026/2026-11-03-kari.yml"
P = f"reviews/{FILE}"


def one_file(project, text: str) -> list[str]:
    return problems_of(project({FILE: text}))


# --- outcome.at: not before the day the review was received ------------------------------------


@FIXED
def test_an_outcome_on_the_day_the_review_came_in_is_allowed(project):
    text = review() + "outcome:\n  status: resolved\n  at: 2026-11-03\n"
    assert one_file(project, text) == []
    [checked] = load_project(project({FILE: text}, name="again")).reviews
    assert checked.outcome.at.isoformat() == "2026-11-03"


@FIXED
def test_an_outcome_the_day_before_the_review_is_an_error(project):
    text = review() + "outcome:\n  status: resolved\n  at: 2026-11-02\n"
    assert one_file(project, text) == [
        f"{P}:7: outcome.at: 2026-11-02 is before the review was received (2026-11-03)"
    ]


@FIXED
def test_the_day_a_review_came_in_is_the_site_day_whatever_offset_it_was_written_with(project):
    """23:30 UTC on 2 November is 00:30 on 3 November in Oslo: an outcome on 2 November came
    before it (the figures would say it took -1 day), one on 3 November did not."""
    late = review(received="2026-11-02T23:30:00+00:00")
    assert one_file(project, late + "outcome:\n  status: resolved\n  at: 2026-11-02\n") == [
        f"{P}:7: outcome.at: 2026-11-02 is before the review was received (2026-11-03)"
    ]
    settled = late + "outcome:\n  status: resolved\n  at: 2026-11-03\n"
    assert problems_of(project({FILE: settled}, name="settled")) == []


# --- thread[].at: not before the moment the review was received --------------------------------


@FIXED
@pytest.mark.parametrize("at", ["2026-11-03T08:00", "2026-11-03T08:00:00"])
def test_a_reply_at_the_moment_the_review_came_in_is_allowed(project, at):
    assert one_file(project, review() + f"thread:\n  - at: {at}\n    text: Thanks!\n") == []


@FIXED
@pytest.mark.parametrize("at", ["2026-11-03T07:59:59", "2026-11-03T07:59"])
def test_a_reply_a_moment_before_the_review_is_an_error(project, at):
    assert one_file(project, review() + f"thread:\n  - at: {at}\n    text: Thanks!\n") == [
        f"{P}:6: thread[1].at: 2026-11-03 07:59 is before the review was received "
        "(2026-11-03 08:00)"
    ]


# --- received: not after the moment of the check ------------------------------------------------

# NOW (tests/check/test_rules.py) is 2026-11-05 12:00 UTC: 13:00 in Oslo.
LATER = "2026/2026-11-05-kari.yml"


def test_a_review_received_at_the_moment_of_the_check_is_allowed(project):
    assert rule_problems(project, {LATER: review(received="2026-11-05T13:00")}) == []


@pytest.mark.parametrize("received", ["2026-11-05T13:00:01", "2026-11-05T13:01"])
def test_a_review_received_after_the_moment_of_the_check_is_an_error(project, received):
    root = project(reviews={LATER: review(received=received)})
    assert [str(p) for p in load_project(root, NOW).problems.sorted()] == [
        f"reviews/{LATER}:2: received: {received[:10]} {received[11:16]} is in the future (the "
        "check runs at 2026-11-05 13:00, Europe/Oslo); check the date"
    ]


# --- Unanswered: exactly the promise is in time, a second more is not ---------------------------

YESTERDAY = "2026/2026-11-04-kari.yml"


def test_a_review_unanswered_for_exactly_the_promise_is_in_time(project):
    assert rule_problems(project, {YESTERDAY: review(received="2026-11-04T13:00")}) == []


def test_a_review_unanswered_a_second_past_the_promise_is_late(project):
    assert rule_problems(project, {YESTERDAY: review(received="2026-11-04T12:59:59")}) == [
        f"reviews/{YESTERDAY}:2: warning: unanswered for 24 hours, 1 minute past the promise of "
        "a first public reply within 24 hours; add a reply from the business under 'thread:'"
    ]


def test_a_channel_promise_is_kept_to_the_second(project):
    rules = "promise:\n  first_reply_per_channel:\n    email: 30h\n"
    in_time = review(channel="email", received="2026-11-04T07:00", kind="question")
    late = review(channel="email", received="2026-11-04T06:59:59", kind="question")
    assert rule_problems(project, {YESTERDAY: in_time}, rules) == []
    root = project(reviews={YESTERDAY: late}, config=BASE_CONFIG + rules, name="late")
    assert [str(p) for p in load_project(root, NOW).problems.sorted()] == [
        f"reviews/{YESTERDAY}:2: warning: unanswered for 30 hours, 1 minute past the promise of "
        "a first public reply within 30 hours; add a reply from the business under 'thread:'"
    ]


# --- Durations in messages: each unit up to its limit, rounded down -----------------------------


@pytest.mark.parametrize(
    ("delta", "said"),
    [
        (timedelta(0), "1 minute"),  # never '0 minutes': something is always late
        (timedelta(seconds=59), "1 minute"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=2), "2 minutes"),
        (timedelta(minutes=59, seconds=59), "59 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=47, minutes=59), "47 hours"),
        (timedelta(hours=48), "2 days"),
        (timedelta(days=60), "60 days"),
        (timedelta(days=60, hours=23), "60 days"),  # 60 days and 23 hours is still under 61
        (timedelta(days=61), "2 months"),  # 2 mean months are 60.88 days
        (timedelta(days=91), "2 months"),
        (timedelta(days=92), "3 months"),  # 3 mean months are 91.32 days
        (timedelta(days=365), "11 months"),
    ],
)
def test_durations_are_said_in_the_largest_unit_that_fits(delta, said):
    assert say_duration(delta) == said


# --- Phone numbers: how many digits make one -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ring 1234567", []),  # 7 digits, not from 0: no Nordic number
        ("ring 12345678", ["12345678"]),  # 8: Norway, Denmark
        ("ring 123 45 678", ["123 45 678"]),
        ("ring 123456789", []),  # 9, not from 0
        ("ring 012345", []),  # 6 from 0: too short for Sweden and Finland
        ("ring 0123456", ["0123456"]),  # 7 from 0
        ("ring 012 34 56", ["012 34 56"]),
        ("ring 0123456789", ["0123456789"]),  # 10 from 0
        ("ring 01234567890", []),  # 11 from 0: too long
        ("ring +47 12 345", []),  # 7 digits with the country code: too short
        ("ring +47 12 34 56", ["+47 12 34 56"]),  # 8
        ("ring 0047 123", []),
        ("ring 0047 1234", ["0047 1234"]),
        ("ring +358 1234 5678 9012", ["+358 1234 5678 9012"]),  # 15: the longest there is
        ("ring +358 1234 5678 901 23", []),  # 16
        ("ring 0047 12345678901", ["0047 12345678901"]),  # 15
        ("ring 0047 123456789012", []),  # 16
    ],
)
def test_phone_numbers_have_their_number_of_digits(text, found):
    assert [f.found for f in find_private(text)] == found


def test_private_data_right_after_a_site_pattern_is_found_too():
    """Matches that only touch do not overlap: both are masked."""
    tag = RedactPattern(re.compile(r"kundenr:"), "customer number")
    found = find_private("kundenr:91234567", [tag])
    assert [(f.label, f.found, f.start, f.end) for f in found] == [
        ("customer number", "kundenr:", 0, 8),
        ("phone number", "91234567", 8, 16),
    ]


def test_private_data_inside_a_site_pattern_is_found_once():
    order = RedactPattern(re.compile(r"ordre 9123"), "order")
    assert [(f.label, f.found) for f in find_private("ordre 91234567", [order])] == [
        ("order", "ordre 9123")
    ]


# --- Shapes of a thread and an outcome (survivors of make mutate) -------------------------------


@FIXED
def test_every_entry_of_a_thread_is_checked_after_one_that_is_no_mapping(project):
    thread = (
        "thread:\n  - just words\n  - at: 2026-11-03T09:00\n    by: Ola\n"
        "  - at: 2026-11-03T09:30\n    private: true\n"
    )
    assert one_file(project, review() + thread + "outcome: resolved\n") == [
        f"{P}:6: thread[1]: expected a mapping of fields, got 'just words'",
        f"{P}:7: thread[2].text: missing; a public thread entry needs its text",
        f"{P}:9: thread[3].via: missing; a private entry says where the talk went: "
        "email, phone, chat, message, in-store",
        f"{P}:11: outcome: expected a mapping of fields, got 'resolved'",
    ]


@FIXED
def test_a_thread_that_is_no_list_is_an_error(project):
    assert one_file(project, review(thread="hello")) == [
        f"{P}:4: thread: expected a list, got 'hello'"
    ]


@FIXED
def test_thread_entries_and_outcome_keep_what_the_file_says(project):
    text = review() + (
        "thread:\n  - at: 2026-11-03T09:00\n    by: Ola\n    text: Sorry!\n"
        "  - at: 2026-11-03T09:30\n    private: true\n    via: phone\n    summary: Called.\n"
        "outcome:\n  at: 2026-11-04\n  summary: Sent a new one.\n  actions: [refund]\n"
    )
    [checked] = load_project(project({FILE: text})).reviews
    assert [(e.by, e.text, e.private, e.via, e.summary) for e in checked.thread] == [
        ("Ola", "Sorry!", False, None, None),
        (None, "", True, "phone", "Called."),
    ]
    ended = checked.outcome
    assert (ended.status, ended.summary, ended.actions) == ("open", "Sent a new one.", ("refund",))
