"""Leak test: what must not be published appears in no file of site/, whoever wrote the file.

A withheld review, a private thread entry, and e-mail addresses, phone numbers and order numbers
in every published field, each with its own marker; then every file of the built site is read
(pages, search index, feed, JSON, SVG, sitemap) and none of them may hold any of it.
"""

from __future__ import annotations

import re

import pytest

from generator.check.project import load_project
from tests.conftest import build_project, content, make_project, page
from tests.sitewalk import occurrences

CONFIG = """\
name: Testbutikken
language: en
timezone: Europe/Oslo
privacy:
  names: full
  redact:
    - pattern: '(?i)ordre\\s*\\d{5,}'
      label: order number
"""

WITHHELD = """\
channel: google
received: 2026-11-01T08:00
author: Wilhelmina Withheldauthor
rating: 1
consent: withheld
title: Withheldtitle
text: Withheldtext about the parcel
url: https://example.com/withheldurl
tags: [withheldtag]
source_id: withheldsource
thread:
  - at: 2026-11-01T09:00
    by: Withheldstaff
    text: Withheldreply, sorry.
  - at: 2026-11-01T10:00
    from: customer
    text: Withheldfollowup
  - at: 2026-11-01T11:00
    private: true
    via: phone
    text: Withheldprivatetext
    summary: Withheldsummary
outcome:
  status: resolved
  at: 2026-11-02
  summary: Withheldoutcome
  actions: [refund]
  rating_after: 4
  customer_said: Withheldsaid
  change: Withheldchange
"""

PRIVATE_ENTRY = """\
channel: trustpilot
received: 2026-11-02T08:00
author: Petra Private
rating: 2
text: The zip broke.
thread:
  - at: 2026-11-02T09:00
    text: Sorry to hear it; we will call you.
  - at: 2026-11-02T10:00
    private: true
    via: phone
    text: Privateentrytext, her address is Storgata 1.
    summary: Privatesummaryshown
outcome:
  status: resolved
  summary: New zip sent.
"""

LEAKY = """\
channel: google
received: 2026-11-03T08:00
author: Paula Public <author.leak@example.no> 912 00 001
rating: 2
title: Call me on 912 00 002
text: |
  Write to text.leak@example.no or call +47 912 00 003, 912.00.004 or 91200005.
  About ordre 7700001.
tags: [levering, "912 00 006"]
thread:
  - at: 2026-11-03T09:00
    by: Ola (by.leak@example.no, 912 00 007)
    text: |
      Call us on +46 70 123 45 08 or [mail us](mailto:mailto.leak@example.no),
      or <autolink.leak@example.no>, or reply.leak@example.no. Your ordre 7700002.
  - at: 2026-11-03T10:00
    from: customer
    text: Now on 070-123 45 09, followup.leak@example.no
  - at: 2026-11-03T11:00
    private: true
    via: email
    text: Privatetextleak
    summary: Sent to summary.leak@example.no, +45 20 12 34 10
outcome:
  status: resolved
  at: 2026-11-04
  summary: Refunded; receipt to outcome.leak@example.no, +358 40 123 4511
  customer_said: Thanks! 040 123 4512, said.leak@example.no
  change: Our new line is 0047 912 00 013; change.leak@example.no
"""

WITHHELD_MARKERS = [
    "Wilhelmina",
    "Withheldauthor",
    "Withheldtitle",
    "Withheldtext",
    "withheldurl",
    "withheldtag",
    "withheldsource",
    "Withheldstaff",
    "Withheldreply",
    "Withheldfollowup",
    "Withheldprivatetext",
    "Withheldsummary",
    "Withheldoutcome",
    "Withheldsaid",
    "Withheldchange",
]
PRIVATE_MARKERS = ["Privateentrytext", "Storgata", "Privatetextleak"]
PHONES = [
    "912 00 001",
    "912 00 002",
    "+47 912 00 003",
    "912.00.004",
    "91200005",
    "912 00 006",
    "912 00 007",
    "+46 70 123 45 08",
    "070-123 45 09",
    "+45 20 12 34 10",
    "+358 40 123 4511",
    "040 123 4512",
    "0047 912 00 013",
]
ORDERS = ["7700001", "7700002"]
EMAILS = [
    f"{name}.leak@example.no"
    for name in (
        "author",
        "text",
        "by",
        "mailto",
        "autolink",
        "reply",
        "followup",
        "summary",
        "outcome",
        "said",
        "change",
    )
]


def compact(phone: str) -> list[str]:
    """Return a phone number as written, as bare digits, and its national digits alone."""
    digits = re.sub(r"\D", "", phone)
    national = re.sub(r"^(?:00|)(?:47|46|45|358)", "", digits) if phone[0] in "+0" else digits
    if phone.startswith("0") and not phone.startswith("00"):
        national = digits
    return sorted({phone, digits, national})


NEEDLES = (
    WITHHELD_MARKERS
    + PRIVATE_MARKERS
    + EMAILS
    + ORDERS
    + [form for phone in PHONES for form in compact(phone)]
)


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def leaky_site(request, tmp_path_factory):
    """A site built with a withheld review, a private entry and private data everywhere."""
    root = make_project(
        tmp_path_factory.mktemp(f"leaks-{request.param}") / "project",
        {
            "2026/2026-11-01-wilhelmina.yml": WITHHELD,
            "2026/2026-11-02-petra.yml": PRIVATE_ENTRY,
            "2026/2026-11-03-paula.yml": LEAKY,
        },
        CONFIG,
    )
    build_project(root, engine=request.param)
    return root


def test_the_needles_are_what_the_files_hold():
    assert compact("+47 912 00 003") == ["+47 912 00 003", "4791200003", "91200003"]
    assert compact("070-123 45 09") == ["070-123 45 09", "0701234509"]
    for needle in WITHHELD_MARKERS:
        assert needle in WITHHELD
    for needle in EMAILS + PHONES + ORDERS:
        assert needle in LEAKY or needle in PRIVATE_ENTRY


def test_nothing_private_is_in_any_file_of_the_site(leaky_site):
    assert occurrences(leaky_site / "site", NEEDLES) == []


def test_the_walk_reads_every_file_it_should(leaky_site):
    """The same walk finds what is published: so the test above could fail."""
    shown = ["Paula Public", "Petra Private", "Privatesummaryshown", "[e-mail removed]"]
    files = {name for name, _ in occurrences(leaky_site / "site", shown)}
    assert any(name.startswith("search") for name in files)
    assert "reviews/2026-11-02-petra/index.html" in files
    assert "reviews/2026-11-03-paula/index.html" in files


def test_the_private_entry_shows_its_note_and_summary_only(leaky_site):
    case = content(page(leaky_site, "reviews/2026-11-02-petra"))
    private = case.select_one(".rw-step-private")
    assert (
        private.select_one(".rw-note").get_text() == "Continued privately by phone on Nov 2, 2026."
    )
    assert private.select_one(".rw-summary").get_text().strip() == "Privatesummaryshown"


def test_the_withheld_review_is_counted_but_has_no_page(leaky_site):
    assert len(load_project(leaky_site).reviews) == 3
    home = content(page(leaky_site, ""))
    assert home.select_one(".rw-figures li strong").get_text() == "3"  # counted on the home page
    assert not (leaky_site / "site" / "reviews" / "2026-11-01-wilhelmina").exists()


def test_masked_text_reads_naturally(leaky_site):
    case = content(page(leaky_site, "reviews/2026-11-03-paula"))
    assert case.select_one(".rw-who").get_text() == "Paula Public wrote on Google"
    # The title is short enough to head the page whole, so the h1 is where it shows.
    assert case.select_one("h1 .rw-headline").get_text() == "Call me on [phone number removed]"
    assert case.select_one(".rw-step-review .rw-words").get_text("\n") == (
        "Write to [e-mail removed] or call [phone number removed], [phone number removed] "
        "or [phone number removed].\nAbout [order number removed]."
    )
