"""Private data: how names are shown, who consented, what is masked, and where check says so."""

import re

import pytest

from generator.check.privacy import display_name, find_private, redact
from generator.check.project import load_project
from generator.read.sections import RedactPattern
from tests.conftest import build_project, content, page, problems_of, review

# --- Names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "short", "full", "initials"),
    [
        ("Kari Nordmann", "Kari N.", "Kari Nordmann", "K. N."),
        ("Kari", "Kari", "Kari", "K."),
        ("  Kari   Nordmann ", "Kari N.", "Kari Nordmann", "K. N."),
        ("kari nordmann", "kari N.", "kari nordmann", "K. N."),
        ("Anne-Marit van der Berg", "Anne-Marit B.", "Anne-Marit van der Berg", "A.-M. v. d. B."),
        ("Jean de la Fontaine", "Jean F.", "Jean de la Fontaine", "J. d. l. F."),
        ("Ola Jakob Nordmann Hansen", "Ola H.", "Ola Jakob Nordmann Hansen", "O. J. N. H."),
        ("Kari Nordmann <kari@example.no>", "Kari N.", "Kari Nordmann", "K. N."),
        ("Kari Nordmann (kari@example.no)", "Kari N.", "Kari Nordmann", "K. N."),
        ("Kari Nordmann, 912 34 567", "Kari N.", "Kari Nordmann", "K. N."),
        ("Åse Ødegård", "Åse Ø.", "Åse Ødegård", "Å. Ø."),
        ("@fjellrev@social.example", "@fjellrev@social.example", None, "F."),
        ('Kari "><b>Nordmann', "Kari B.", 'Kari "><b>Nordmann', "K. B."),
    ],
)
def test_name_styles(author, short, full, initials):
    assert display_name(author, "short", "public") == short
    assert display_name(author, "full", "public") == (full or short)
    assert display_name(author, "initials", "public") == initials
    assert display_name(author, "none", "public") is None


@pytest.mark.parametrize("author", ["kari@example.no", "+47 912 34 567", "<kari@example.no>", ""])
def test_a_name_that_is_only_private_data_is_no_name(author):
    assert [display_name(author, style, "public") for style in ("short", "full")] == [None, None]


@pytest.mark.parametrize("consent", ["anonymous", "withheld"])
def test_without_public_consent_there_is_no_name(consent):
    assert display_name("Kari Nordmann", "full", consent) is None


def test_a_site_pattern_is_dropped_from_names():
    order = RedactPattern(re.compile(r"#\d{5,}"), "order number")
    assert display_name("Kari Nordmann #123456", "full", "public", [order]) == "Kari Nordmann"


# --- Consent defaults -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "consent", "expected"),
    [
        ("google", None, "public"),
        ("facebook", None, "public"),
        ("trustpilot", None, "public"),
        ("app-store", None, "public"),
        ("other", None, "public"),
        ("email", None, "anonymous"),
        ("phone", None, "anonymous"),
        ("chat", None, "anonymous"),
        ("web-form", None, "anonymous"),
        ("in-store", None, "anonymous"),
        ("email", "public", "public"),
        ("in-store", "public", "public"),
        ("google", "anonymous", "anonymous"),
        ("google", "withheld", "withheld"),
        ("email", "withheld", "withheld"),
    ],
)
def test_consent_defaults(project, channel, consent, expected):
    fields = {"kind": "question", "author": "Kari Nordmann"}
    if consent:
        fields["consent"] = consent
    root = project({"2026/2026-11-03-kari.yml": review(channel=channel, **fields)})
    (checked,) = load_project(root).reviews
    assert checked.consent == expected


def test_anonymous_cases_show_no_name_and_no_link_to_the_original(project):
    url = "https://example.com/reviews/1"
    root = project(
        {
            "2026/2026-11-03-kari.yml": review(
                channel="google", author="Kari Nordmann", rating="2", consent="anonymous", url=url
            ),
            "2026/2026-11-04-ola.yml": review(
                channel="email", author="Ola Hansen", kind="question"
            ),
        }
    )
    build_project(root)
    for case_id in ("2026-11-03-kari", "2026-11-04-ola"):
        case = content(page(root, f"reviews/{case_id}"))
        assert case.select_one(".rw-who").get_text().startswith("A customer wrote on ")
        assert "Nordmann" not in case.get_text() and "Hansen" not in case.get_text()
        assert case.select(".rw-source a") == []


# --- Redaction ------------------------------------------------------------------------------

PHONE = "[phone number removed]"
EMAIL = "[e-mail removed]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring +47 912 34 567", f"ring {PHONE}"),
        ("ring 91234567", f"ring {PHONE}"),
        ("ring 912 34 567.", f"ring {PHONE}."),
        ("tlf. 912.34.567", f"tlf. {PHONE}"),
        ("+4791234567", PHONE),
        ("0047 912 34 567", PHONE),
        ("(+47) 22 12 34 56", PHONE),
        ("+46 70 123 45 67", PHONE),
        ("070-123 45 67", PHONE),
        ("+46 8 123 456 78", PHONE),
        ("08-123 456 78", PHONE),
        ("+45 20 12 34 56", PHONE),
        ("0045 20123456", PHONE),
        ("+358 40 123 4567", PHONE),
        ("+358 9 1234 5678", PHONE),
        ("040 123 4567", PHONE),
        ("+44 20 7946 0958", PHONE),
        ("den 2026-11-03 91234567", f"den 2026-11-03 {PHONE}"),
        ("1 299 kr 91234567", f"1 299 kr {PHONE}"),
        ("skriv til kari.nordmann+butikk@example.no.", f"skriv til {EMAIL}."),
        ("<kari@post.example.co.uk>", f"<{EMAIL}>"),
        ("KARI@EXAMPLE.NO og 912 34 567", f"{EMAIL} og {PHONE}"),
    ],
)
def test_private_data_is_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "levert 2026-11-03",
        "levert 03.11.2026 kl. 14:05",
        "kl 14.05",
        "åpent 08.00-16.00 og 0800-1600",
        "1 299 kr",
        "kr 12 999",
        "12 345 678 kr",
        "NOK 12 345 678",
        "€ 12 345 678",
        "i 2026",
        "kunde siden 1990-2026",
        "9008 Tromsø",
        "ordre #20261103",
        "vare 123-456",
        "str. 42, 3 stk",
        "ISBN 978-82-02-12345-6",
        "versjon 1.2.3",
        "100 200 300",
        "følg @fjellrev@social.example",
        "kari@localhost",
    ],
)
def test_what_is_not_private_data_stays(text):
    assert redact(text) == text


def test_site_patterns_are_masked_first_with_their_label():
    order = RedactPattern(re.compile(r"\b(?:ordre|order)\s*#?\s*\d{5,}\b", re.IGNORECASE), "order")
    text = "Ordre 20261103 kom aldri; ring 912 34 567"
    assert redact(text, [order]) == f"[order removed] kom aldri; ring {PHONE}"
    assert [(f.label, f.found) for f in find_private(text, [order])] == [
        ("order", "Ordre 20261103"),
        ("phone number", "912 34 567"),
    ]


def test_masks_speak_the_site_language(project):
    config = "name: Butikken\nlanguage: nb\ntimezone: Europe/Oslo\n"
    text = '"Ring 912 34 567 eller skriv til kari@example.no"'
    root = project({"2026/2026-11-03-kari.yml": review(text=text, rating="2")}, config=config)
    build_project(root)
    words = content(page(root, "reviews/2026-11-03-kari")).select_one(".rw-words").get_text()
    assert words == "Ring [telefonnummer fjernet] eller skriv til [e-post fjernet]"


# --- check: where the private data is, so staff can fix the source --------------------------

NO_RULES = """\
name: Testbutikken
language: en
timezone: Europe/Oslo
privacy:
  redact:
    - pattern: '(?i)ordre \\d{5,}'
      label: order number
rules:
  unanswered: false
  rule_of_two: false
  canned_replies: false
  silent_switch: false
"""
LEAKY = """\
channel: google
received: 2026-11-03T08:00
author: Kari Nordmann <kari@example.no>
rating: 2
title: Ring 912 34 567
text: |
  Ordre 123456 kom aldri.
  Skriv til kari@example.no eller ring +47 912 34 567.
tags: [levering, "91234567"]
thread:
  - at: 2026-11-03T09:00
    by: Ola (ola@butikken.example)
    text: Vi ringer deg på 912 34 567.
  - at: 2026-11-03T10:00
    from: customer
    text: Takk, nå svarer jeg på 070-123 45 67.
  - at: 2026-11-03T11:00
    private: true
    via: phone
    text: Ringte 912 34 567, ordre 654321 sendt på nytt.
    summary: Sendt på nytt; kvittering til kari@example.no.
outcome:
  status: resolved
  summary: Sendt på nytt, ordre 654321.
  customer_said: Fikk den! Hilsen 91234567
  change: Vi har nå telefon 22 12 34 56.
"""


def test_check_warns_at_each_field_with_private_data(project):
    root = project({"2026/2026-11-03-kari.yml": LEAKY}, config=NO_RULES)
    p = "reviews/2026/2026-11-03-kari.yml"
    tail = "is masked on the site; remove it from the file too"
    assert problems_of(root) == [
        f"{p}:3: warning: author: e-mail 'kari@example.no' {tail}",
        f"{p}:5: warning: title: phone number '912 34 567' {tail}",
        f"{p}:6: warning: text: order number 'Ordre 123456' {tail}",
        f"{p}:6: warning: text: e-mail 'kari@example.no' {tail}",
        f"{p}:6: warning: text: phone number '+47 912 34 567' {tail}",
        f"{p}:9: warning: tags[2]: phone number '91234567' {tail}",
        f"{p}:12: warning: thread[1].by: e-mail 'ola@butikken.example' {tail}",
        f"{p}:13: warning: thread[1].text: phone number '912 34 567' {tail}",
        f"{p}:16: warning: thread[2].text: phone number '070-123 45 67' {tail}",
        f"{p}:21: warning: thread[3].summary: e-mail 'kari@example.no' {tail}",
        f"{p}:24: warning: outcome.summary: order number 'ordre 654321' {tail}",
        f"{p}:25: warning: outcome.customer_said: phone number '91234567' {tail}",
        f"{p}:26: warning: outcome.change: phone number '22 12 34 56' {tail}",
    ]


def test_check_says_nothing_of_a_withheld_review(project):
    leaky = LEAKY.replace(
        "rating: 2\n", "rating: 2\nconsent: withheld\nwithheld_reason: customer-request\n"
    )
    root = project({"2026/2026-11-03-kari.yml": leaky}, config=NO_RULES)
    assert problems_of(root) == []


# --- Staff text that gives away a name the site does not show ----------------------------------

NAMED_REPLIES = """\
channel: email
received: 2026-11-03T08:00
author: Liv Andersen Rønning
kind: complaint
text: Feil farge på jakka. Hilsen Liv
thread:
  - at: 2026-11-03T10:00
    by: Ingrid
    text: Hei Liv, beklager! Vi sender riktig jakke i dag.
  - at: 2026-11-03T11:00
    private: true
    via: phone
    summary: Ringte Andersen Rønning om returen.
    text: Liv sa ja til ny jakke.
  - at: 2026-11-03T12:00
    text: Livet er for kort til feil jakker; riktig er sendt.
outcome:
  status: resolved
  at: 2026-11-04
  summary: Kunden fikk riktig jakke.
  change: Vi dobbeltsjekker nå fargen, slik Liv foreslo.
"""

HIDDEN = (
    "but the review is shown without a name; leave the name out, or set consent: public if "
    "the customer agreed to be named"
)


def test_check_warns_where_staff_text_names_a_customer_shown_without_a_name(project):
    root = project({"2026/2026-11-03-liv.yml": NAMED_REPLIES}, config=NO_RULES)
    p = "reviews/2026/2026-11-03-liv.yml"
    # The customer's own words and the private entry's text are not staff's published text;
    # "Livet" is another word. The customer signed with her name, though.
    assert problems_of(root) == [
        f"{p}:5: warning: text: signed 'Hilsen Liv', but the review is shown without a name; add "
        "redact: [Liv] to mask it on the site (the file keeps the customer's words), or redact: "
        "[] if it is no name",
        f"{p}:7: warning: thread[1].text: names the customer ('Liv') {HIDDEN}",
        f"{p}:10: warning: thread[2].summary: names the customer ('Andersen') {HIDDEN}",
        f"{p}:18: warning: outcome.change: names the customer ('Liv') {HIDDEN}",
    ]


@pytest.mark.parametrize("names", ["short", "full", "initials"])
def test_naming_a_customer_the_site_names_is_fine(project, names):
    named = NAMED_REPLIES.replace("kind: complaint\n", "kind: complaint\nconsent: public\n")
    config = NO_RULES.replace("privacy:\n", f"privacy:\n  names: {names}\n")
    root = project({"2026/2026-11-03-liv.yml": named}, config=config)
    assert problems_of(root) == []


def test_a_site_that_shows_no_names_warns_on_public_reviews_too(project):
    named = NAMED_REPLIES.replace("kind: complaint\n", "kind: complaint\nconsent: public\n")
    config = NO_RULES.replace("privacy:\n", "privacy:\n  names: none\n")
    root = project({"2026/2026-11-03-liv.yml": named}, config=config)
    p = "reviews/2026/2026-11-03-liv.yml"  # a line further down: consent is the new line 5
    assert problems_of(root) == [  # three staff texts, and the customer's signature
        f"{p}:6: warning: text: signed 'Hilsen Liv', but the review is shown without a name; add "
        "redact: [Liv] to mask it on the site (the file keeps the customer's words), or redact: "
        "[] if it is no name",
        f"{p}:8: warning: thread[1].text: names the customer ('Liv') {HIDDEN}",
        f"{p}:11: warning: thread[2].summary: names the customer ('Andersen') {HIDDEN}",
        f"{p}:19: warning: outcome.change: names the customer ('Liv') {HIDDEN}",
    ]
