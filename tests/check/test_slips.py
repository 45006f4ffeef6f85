"""The usual slips, each caught by its exact message: a date in the future or another than the file
name's, `date:` for `at:`, a field under another name, a customer who signs a review shown
without a name; and `redact:`, which masks such a name on the site and keeps it in the file."""

from __future__ import annotations

import pytest

from generator.check.privacy import find_signatures, patterns_for, redact
from generator.check.project import load_project
from generator.commands.cli import main
from tests.conftest import problems_of, review

pytestmark = pytest.mark.usefixtures("fixed_now")  # 2026-11-03 09:00 in Oslo

KARI = "reviews/2026/2026-11-03-kari.yml"


def check(project, text: str, name: str = "2026/2026-11-03-kari.yml", config=None) -> list[str]:
    return problems_of(project({name: text}, config))


# --- received ------------------------------------------------------------------------------------


def test_a_review_received_in_the_future_is_an_error(project, capsys):
    root = project({"2026/2026-11-04-kari.yml": review(received="2026-11-04T10:00")})
    assert problems_of(root) == [
        "reviews/2026/2026-11-04-kari.yml:2: received: 2026-11-04 10:00 is in the future (the "
        "check runs at 2026-11-03 09:00, Europe/Oslo); check the date"
    ]
    assert main(["-C", str(root), "build"]) == 1
    assert "Nothing was built; site/ is as it was." in capsys.readouterr().out


def test_received_now_or_in_another_zone_before_now_is_fine(project):
    assert check(project, review(received="2026-11-03T09:00")) == []
    assert check(project, review(received="2026-11-03T08:30+01:00")) == []


def test_a_file_named_after_another_day_than_received_is_a_warning(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793793600")  # 2026-11-04 12:00 in Oslo
    assert check(project, review(received="2026-11-04T10:00")) == [
        f"{KARI}:2: warning: received: 2026-11-04 is not the date in the file name "
        "(2026-11-03); correct the one that is wrong (a published review keeps its file name: it "
        "is the address of its page)"
    ]


@pytest.mark.parametrize(
    ("name", "received"),
    [
        ("2026/2026-11-03-kari.yml", "2026-11-03"),
        # Written in UTC by an import: 2026-11-02 23:30 there is 2026-11-03 00:30 in Oslo.
        ("2026/2026-11-02-kari.yml", "2026-11-02T23:30:00+00:00"),
        ("2026/2026-11-03-kari.yml", "2026-11-02T23:30:00+00:00"),
        ("2026/kari.yml", "2026-11-01T08:00"),  # no date in the name, nothing to compare
        ("2026/2026-kari.yml", "2026-11-01T08:00"),
    ],
)
def test_the_day_in_the_name_may_be_as_written_or_in_the_sites_zone(project, name, received):
    problems = check(
        project, review(received=received, thread="[{at: 2026-11-03T08:00, text: Hei.}]"), name
    )
    assert not [problem for problem in problems if "file name" in problem]


# --- date: for at: -------------------------------------------------------------------------------


def test_date_for_at_in_an_outcome_is_an_error_that_says_so(project):
    text = review(outcome="\n  status: resolved\n  date: 2026-11-03")
    assert check(project, text) == [
        f"{KARI}:6: outcome.date: did you mean 'at'? The day the case ended is written at: "
        "2026-11-03; date: is not read, so the case has no day"
    ]


def test_date_for_at_in_a_thread_entry_is_the_one_error(project):
    text = review(thread="\n  - date: 2026-11-03T08:30\n    by: Ola\n    text: Hei.")
    assert check(project, text) == [
        f"{KARI}:5: thread[1].date: did you mean 'at'? The moment of an entry is written at: "
        "2026-11-03T08:30; date: is not read, so the entry has no moment"
    ]


def test_date_beside_at_is_still_an_error(project):
    text = review(outcome="\n  status: resolved\n  at: 2026-11-03\n  date: 2026-11-03")
    assert check(project, text) == [
        f"{KARI}:7: outcome.date: did you mean 'at'? The day the case ended is written at: "
        "2026-11-03; there is an at: already, so remove date:"
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"outcome": "\n  state: resolved"}, "5: warning: outcome.state"),
        ({"outcome": "\n  staus: resolved"}, "5: warning: outcome.staus"),  # difflib's to find
        ({"outcome": "\n  status: open\n  rating: 4"}, "6: warning: outcome.rating"),
        ({"outcome": "\n  status: open\n  said: Takk!"}, "6: warning: outcome.said"),
        (
            {"thread": "\n  - at: 2026-11-03T08:30\n    text: Hei.\n    author: Ola"},
            "7: warning: thread[1].author",
        ),
        (
            {"thread": "\n  - at: 2026-11-03T08:30\n    message: Hei."},
            "6: warning: thread[1].message",
        ),
        (
            {
                "thread": "\n  - at: 2026-11-03T08:30\n    private: true\n    via: email"
                "\n    channel: email"
            },
            "8: warning: thread[1].channel",
        ),
    ],
)
def test_a_field_under_another_name_gets_the_right_one(project, fields, expected):
    meant = {
        "state": "status",
        "staus": "status",
        "rating": "rating_after",
        "said": "customer_said",
    }
    meant |= {"author": "by", "message": "text", "channel": "via"}
    problems = [p for p in check(project, review(**fields)) if "unknown field" in p]
    name = expected.rsplit(".", 1)[1]
    assert problems == [f"{KARI}:{expected}: unknown field, ignored; did you mean '{meant[name]}'?"]


# --- A name in the customer's own words ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pakken kom aldri.\nMvh Mette", [("Mvh Mette", "Mette")]),
        ("Hilsen Kari", [("Hilsen Kari", "Kari")]),
        ("Bra!\n\nMed vänliga hälsningar,\nAnna", [("Med vänliga hälsningar, Anna", "Anna")]),
        ("Kiitos. Terveisin Mikko", [("Terveisin Mikko", "Mikko")]),
        ("Great.\nBest regards, John Smith", [("Best regards, John Smith", "John Smith")]),
        ("Vennlig hilsen\n\nKari Nordmann", [("Vennlig hilsen Kari Nordmann", "Kari Nordmann")]),
        ("Takk! Hilsen Ola\nSendt fra min iPhone", [("Hilsen Ola", "Ola")]),
        ("Hilsen fra Tromsø", []),
        ("Hilsen en fornøyd kunde", []),
        ("Takk for hilsen til Kari og Ola", []),
        ("I send my regards to everyone", []),
    ],
)
def test_find_signatures(text, found):
    assert find_signatures(text) == found


SIGNED = (
    "warning: text: signed 'Mvh Mette', but the review is shown without a name; add redact: "
    "[Mette] to mask it on the site (the file keeps the customer's words), or redact: [] if it is "
    "no name"
)


def signed(**fields) -> str:
    return review(channel="email", text='"Pakken kom aldri. Mvh Mette"', **fields)


def test_a_review_shown_without_a_name_that_the_customer_signed_is_a_warning(project):
    assert check(project, signed(author="Mette Hansen")) == [f"{KARI}:3: {SIGNED}"]
    assert check(project, signed()) == [f"{KARI}:3: {SIGNED}"]  # no author at all


def test_a_name_shown_anyway_or_looked_at_is_fine(project):
    assert check(project, signed(author="Mette Hansen", consent="public")) == []
    assert check(project, signed(redact="[Mette]")) == []
    assert check(project, signed(redact="[]")) == []  # looked at: it is no name


def test_a_site_that_shows_no_names_warns_on_public_reviews_too(project):
    config = "name: Testbutikken\ntimezone: Europe/Oslo\nprivacy:\n  names: none\n"
    text = signed(author="Mette Hansen", consent="public")
    assert check(project, text, config=config) == [f"{KARI}:3: {SIGNED}"]


def test_follow_ups_and_last_words_are_the_customers_too(project):
    text = review(
        channel="email",
        kind="complaint",
        thread="\n  - at: 2026-11-03T08:30\n    from: customer\n    text: Takk. Hilsen Kari",
        outcome="\n  status: resolved\n  customer_said: |\n    Fikk den.\n    Mvh Kari",
    ).replace("rating: 4\n", "")
    assert check(project, text) == [
        f"{KARI}:6: warning: thread[1].text: signed 'Hilsen Kari', but the review is shown "
        "without a name; add redact: [Kari] to mask it on the site (the file keeps the customer's "
        "words), or redact: [] if it is no name",
        f"{KARI}:10: warning: outcome.customer_said: signed 'Mvh Kari', but the review is shown "
        "without a name; add redact: [Kari] to mask it on the site (the file keeps the "
        "customer's words), or redact: [] if it is no name",
    ]


def test_a_word_to_redact_that_the_review_does_not_hold_is_a_warning(project):
    assert check(project, signed(redact="[Mette, Mete]")) == [
        f"{KARI}:4: warning: redact[2]: 'Mete' is nowhere in the review, so nothing is masked; "
        "check the spelling"
    ]


def test_staff_may_name_a_customer_whose_name_is_masked(project):
    reply = "\n  - at: 2026-11-03T08:30\n    by: Ola\n    text: Hei Mette, beklager!"
    assert check(project, signed(author="Mette Hansen", thread=reply, redact="[Mette]")) == []
    assert check(project, signed(author="Mette Hansen", thread=reply, redact="[]")) == [
        f"{KARI}:6: warning: thread[1].text: names the customer ('Mette') but the review is shown "
        "without a name; leave the name out, or set consent: public if the customer agreed to be "
        "named"
    ]


def test_redact_masks_whole_words_on_the_site_and_the_file_keeps_them(project):
    text = review(
        channel="email", text='"Mvh Mette. Mettes mor og METTE ringte."', redact="[Mette]"
    )
    root = project({"2026/2026-11-03-kari.yml": text})
    (found,) = load_project(root).reviews
    assert found.text == "Mvh Mette. Mettes mor og METTE ringte."
    assert found.redact == ("Mette",)
    patterns = patterns_for(found, ())
    assert redact(found.text, patterns) == ("Mvh [removed]. Mettes mor og [removed] ringte.")
    assert redact(found.text, patterns, {"redacted": "[navn fjernet]"}) == (
        "Mvh [navn fjernet]. Mettes mor og [navn fjernet] ringte."
    )


# --- reviewwall new ------------------------------------------------------------------------------


def test_the_new_skeleton_shows_a_private_entry_too(project, capsys):
    root = project({})
    args = ["-C", str(root), "new", "--channel", "email", "--received", "2026-11-03T08:00"]
    assert main([*args, "--kind", "question", "--author", "Kari", "--text", "Hei?"]) == 0
    written = (root / capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert (
        "#   - at: 2026-01-01T15:00   # the talk moved to a private channel\n"
        "#     private: true\n"
        "#     via: email          # email | phone | chat | message | in-store\n"
        "#     summary: What the public may know of it (Markdown).\n"
        "#     text: Notes for staff; never published.\n"
    ) in written
    assert load_project(root).problems.errors == []
