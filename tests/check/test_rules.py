"""The service rules: each one triggered and not, by its exact message; off switches; --strict."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from generator.check.project import load_project
from generator.commands.cli import main
from tests.conftest import BASE_CONFIG, review

# 2026-11-05 12:00 UTC: 53 hours after review()'s default `received` (08:00 in Oslo, 07:00 UTC).
NOW = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)
NOW_EPOCH = str(int(NOW.timestamp()))
FILE = "2026/2026-11-03-kari.yml"
PATH = f"reviews/{FILE}"

SORRY = "We are sorry your parcel was late; a new one left our warehouse this morning."
OTHER = "Thank you, the jacket is one of our favourites too and we are glad it fits well."


def thread(*entries: str) -> str:
    """Return a `thread:` value from entries like 'business 09:00 text' or 'private 09:00'."""
    lines = [""]
    for entry in entries:
        side, hour, *words = entry.split(" ", 2)
        lines.append(f"  - at: 2026-11-03T{hour}")
        if side == "private":
            lines += ["    private: true", "    via: email", "    summary: Talked it over."]
            continue
        if side == "customer":
            lines.append("    from: customer")
        lines.append(f"    text: {words[0] if words else SORRY}")
    return "\n".join(lines)


def rule_problems(project, reviews: dict[str, str], rules: str = "") -> list[str]:
    root = project(reviews=reviews, config=BASE_CONFIG + rules)
    loaded = load_project(root, NOW)
    assert not loaded.problems.errors, [str(p) for p in loaded.problems]
    return [str(p) for p in loaded.problems.sorted()]


# --- Unanswered ---------------------------------------------------------------------------------

UNANSWERED = (
    f"{PATH}:2: warning: unanswered for 2 days, 29 hours past the promise of a first public "
    "reply within 24 hours; add a reply from the business under 'thread:'"
)


def test_unanswered_review_older_than_the_promise(project):
    assert rule_problems(project, {FILE: review()}) == [UNANSWERED]


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        (FILE, {"thread": thread("business 09:00")}),
        ("2026/2026-11-05-kari.yml", {"received": "2026-11-05T10:00"}),  # 3 hours old: in time
    ],
)
def test_answered_or_recent_review_is_not_unanswered(project, name, fields):
    assert rule_problems(project, {name: review(**fields)}) == []


def test_promise_per_channel_decides_lateness(project):
    rules = "promise:\n  first_reply_per_channel:\n    email: 72h\n"
    assert rule_problems(project, {FILE: review(channel="email")}, rules) == []


def test_a_customer_follow_up_is_no_answer(project):
    found = rule_problems(project, {FILE: review(thread=thread("customer 09:00 Hello?"))})
    assert found == [UNANSWERED]


# --- Rule of two --------------------------------------------------------------------------------

RULE_OF_TWO = (
    f"{PATH}:12: warning: thread[4]: a third public reply in one thread; the rule of two "
    "allows two, then take the talk to a private channel (an entry with private: true and via: "
    "email, phone, chat, message or in-store)"
)


def test_third_public_reply_breaks_the_rule_of_two(project):
    entries = thread("business 09:00", "customer 10:00 Still waiting.", "business 11:00 " + OTHER)
    entries += thread("business 12:00 One more note from us about the parcel and the jacket.")
    assert rule_problems(project, {FILE: review(thread=entries)}) == [RULE_OF_TWO]


def test_two_public_replies_then_private_keep_the_rule_of_two(project):
    entries = thread("business 09:00", "business 11:00 " + OTHER, "private 12:00")
    assert rule_problems(project, {FILE: review(thread=entries)}) == []


# --- Silent switch ------------------------------------------------------------------------------

SILENT = (
    f"{PATH}:5: warning: thread[1]: the talk moved to a private channel with no public reply "
    "before it, so readers see silence; first reply in public and say where the talk continues"
)


def test_private_entry_before_any_public_reply_is_a_silent_switch(project):
    entries = thread("private 09:00", "business 10:00")
    assert rule_problems(project, {FILE: review(thread=entries)}) == [SILENT]


def test_public_reply_then_private_is_no_silent_switch(project):
    entries = thread("business 09:00", "private 10:00")
    assert rule_problems(project, {FILE: review(thread=entries)}) == []


# --- Canned replies -----------------------------------------------------------------------------

OTHER_FILE = "2026/2026-11-03-ola.yml"
# One word of fifteen changed: difflib's ratio is 2 × 14 / 30 = 0.933, shown rounded down.
NEAR_COPY = SORRY.replace("parcel", "package")
CANNED = (
    f"reviews/{OTHER_FILE}:5: warning: thread[1]: this reply is 93 % the same as "
    f"{PATH}:5 (thread[1]); empathy cannot be pasted: write to this customer about their own case"
)


def two_reviews(first: str, second: str) -> dict[str, str]:
    return {
        FILE: review(thread=thread(f"business 09:00 {first}")),
        OTHER_FILE: review(thread=thread(f"business 10:00 {second}")),
    }


def test_near_copy_of_an_earlier_reply_is_canned(project):
    assert rule_problems(project, two_reviews(SORRY, NEAR_COPY)) == [CANNED]


def test_the_same_reply_twice_in_one_thread_is_canned(project):
    entries = thread("business 09:00", "customer 10:00 Where is it?", "business 11:00")
    assert rule_problems(project, {FILE: review(thread=entries)}) == [
        f"{PATH}:10: warning: thread[3]: this reply is 100 % the same as thread[1] above; "
        "empathy cannot be pasted: write to this customer about their own case"
    ]


def test_different_replies_are_not_canned(project):
    assert rule_problems(project, two_reviews(SORRY, OTHER)) == []


def test_short_replies_are_never_canned(project):
    assert rule_problems(project, two_reviews("Thank you so much!", "Thank you so much!")) == []


@pytest.mark.parametrize(("threshold", "expected"), [("0.9", [CANNED]), ("0.95", []), ("1", [])])
def test_canned_threshold_is_configurable(project, threshold, expected):
    rules = f"rules:\n  canned_replies: {threshold}\n"
    assert rule_problems(project, two_reviews(SORRY, NEAR_COPY), rules) == expected


# --- Off switches -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "reviews"),
    [
        ("unanswered: false", {FILE: review()}),
        (
            "rule_of_two: no",
            {
                FILE: review(
                    thread=thread("business 09:00", "business 10:00 " + OTHER)
                    + thread("business 11:00 A third note from us about the parcel, sorry.")
                )
            },
        ),
        ("silent_switch: false", {FILE: review(thread=thread("private 09:00", "business 10:00"))}),
        ("canned_replies: false", two_reviews(SORRY, NEAR_COPY)),
        ("canned_replies: 0.95", two_reviews(SORRY, NEAR_COPY)),  # 93 % is under the threshold
    ],
)
def test_each_rule_has_an_off_switch(project, rules, reviews):
    assert rule_problems(project, reviews, f"rules:\n  {rules}\n") == []


# --- Bad `rules:` values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("unanswered: maybe", "rules.unanswered: expected true or false, got 'maybe'"),
        (
            "canned_replies: 0.3",
            "rules.canned_replies: expected a similarity from 0.5 to 1.0 (like 0.85) or "
            "false, got 0.3",
        ),
        (
            "canned_replies: lots",
            "rules.canned_replies: expected a similarity from 0.5 to 1.0 (like 0.85) or "
            "false, got 'lots'",
        ),
        (
            "canned_replies: [0.9]",
            "rules.canned_replies: expected a similarity from 0.5 to 1.0 (like 0.85) or "
            "false, got a list",
        ),
        (
            "unanswred: false",
            "warning: rules.unanswred: unknown field, ignored; did you mean 'unanswered'?",
        ),
    ],
)
def test_bad_rules_values_are_reported(project, rules, message):
    root = project(reviews={}, config=BASE_CONFIG + f"rules:\n  {rules}\n")
    assert [str(p) for p in load_project(root, NOW).problems.sorted()] == [
        f"site_config.yml:6: {message}"
    ]


def test_rules_must_be_a_mapping(project):
    root = project(reviews={}, config=BASE_CONFIG + "rules: off\n")
    assert [str(p) for p in load_project(root, NOW).problems.sorted()] == [
        "site_config.yml:5: rules: expected a mapping of fields, got 'off'"
    ]


# --- check and --strict -------------------------------------------------------------------------


def test_check_warns_but_passes_and_strict_fails(project, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW_EPOCH)
    root = project(reviews={FILE: review()})
    assert main(["-C", str(root), "check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        UNANSWERED,
        "0 errors and 1 warning in 1 file (1 review checked).",
    ]
    assert main(["-C", str(root), "check", "--strict"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        UNANSWERED,
        "0 errors and 1 warning in 1 file (1 review checked).",
    ]


def test_strict_passes_when_the_rules_are_kept(project, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW_EPOCH)
    root = project(reviews={FILE: review(thread=thread("business 09:00"))})
    assert main(["-C", str(root), "check", "--strict"]) == 0
    assert capsys.readouterr().out == "1 review checked; no problems.\n"


def test_build_strict_builds_nothing_on_a_rule_warning(project, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW_EPOCH)
    root = project(reviews={FILE: review()})
    assert main(["-C", str(root), "build", "--strict"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        UNANSWERED,
        "0 errors and 1 warning in 1 file (1 review checked).",
        "--strict: nothing was built; site/ is as it was.",
    ]
    assert not (root / "site").exists()


def test_build_reports_the_canned_replies_it_checked_while_the_engine_ran(
    project, monkeypatch, capsys
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW_EPOCH)
    root = project(reviews=two_reviews(SORRY, NEAR_COPY))
    assert main(["-C", str(root), "build"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:-1] == [CANNED]
    assert lines[-1].startswith("Built 2 case pages from 2 reviews into site/ in ")
    assert (root / "site" / "reviews" / "2026-11-03-ola" / "index.html").is_file()
    assert main(["-C", str(root), "build", "--strict"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == CANNED


def test_a_build_that_fails_still_reports_canned_replies(project, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW_EPOCH)
    reviews = two_reviews(SORRY, NEAR_COPY)
    reviews["2026/2026-11-04-per.yml"] = review(rating="6")
    root = project(reviews=reviews)
    assert main(["-C", str(root), "build"]) == 1
    out = capsys.readouterr().out
    assert main(["-C", str(root), "check"]) == 1
    assert out.splitlines()[:-1] == capsys.readouterr().out.splitlines()
    assert CANNED in out.splitlines()


@pytest.mark.parametrize("threshold", [0.6, 0.75, 0.85])
def test_canned_replies_are_exactly_what_comparing_every_pair_finds(tmp_path, threshold):
    """The fast filters lose nothing: each reply is matched to the reply a plain comparison with
    every earlier one picks (the most similar; of equals, the latest). Shared out in parts, as
    `check` does on several cores, the parts together find exactly the same."""
    from difflib import SequenceMatcher

    from generator.check.canned import canned_replies, canned_warning, public_replies
    from tests.synthetic import make_project

    reviews = load_project(make_project(tmp_path / "shop", 150), NOW).reviews
    replies = sorted(public_replies(reviews))
    expected = []
    for number, reply in enumerate(replies):
        scored = [
            (SequenceMatcher(None, other.words, reply.words, autojunk=False).ratio(), position)
            for position, other in enumerate(replies[:number])
        ]
        best, position = max(scored, default=(0.0, -1))
        if best >= threshold:
            expected.append((number, canned_warning(reply, replies[position], best)))
    assert len(expected) >= 2  # the synthetic shop pastes now and then: the test has teeth
    assert canned_replies(replies, threshold) == expected
    for parts in (2, 3):
        shared = [canned_replies(replies, threshold, part, parts) for part in range(parts)]
        assert sorted(sum(shared, [])) == expected
