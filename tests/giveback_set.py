"""A small set of reviews for the feed, open data, badge, JSON-LD and policy tests.

Hand-computed figures (withheld reviews count in every figure):
ratings 5, 2, 1 → average 2.7; complaints: Kari, the withheld one, the unanswered one → 2 of 3
answered (67 %); first public replies after 1 h (praise), 3 h (Kari), 2 h (withheld) → median 2 h.
"""

from __future__ import annotations

HOSTILE = '</script><script>window.__pwned=1</script> & <b>bold</b> "quoted"'
SITE_URL = "https://reviews.example.org/"

CONFIG = f"""\
name: Testbutikken
language: en
timezone: Europe/Oslo
site_url: {SITE_URL}
"""

KARI = """\
channel: google
received: 2026-11-03T08:00
author: Kari Nordmann
rating: 2
verified: true
title: Never arrived
text: "The parcel never came. Write to kari@example.com or 912 34 567."
thread:
  - at: 2026-11-03T11:00
    by: Ingrid, customer service
    text: Hi, **so sorry**. I have traced the parcel.
  - at: 2026-11-03T12:00
    private: true
    via: phone
    summary: We called and sent a new parcel.
    text: PRIVATE-MARKER called on the phone
"""

PRAISE = """\
channel: facebook
received: 2026-11-01T10:00
author: Ola Hansen
rating: 5
text: Lovely boots.
thread:
  - at: 2026-11-01T11:00
    text: Thank you!
  - at: 2026-11-01T12:30
    from: customer
    text: You're welcome.
"""

WITHHELD = """\
channel: email
received: 2026-10-20T09:00
author: WITHHELD-NAME
rating: 1
consent: withheld
text: WITHHELD-MARKER my health story
thread:
  - at: 2026-10-20T11:00
    text: WITHHELD-REPLY we are sorry
"""

UNANSWERED = f"""\
channel: web-form
received: 2026-10-15T09:00
kind: complaint
text: '{HOSTILE}'
"""

REVIEWS = {
    "2026/2026-11-03-kari.yml": KARI,
    "2026/2026-11-01-ola.yml": PRAISE,
    "2026/2026-10-20-secret.yml": WITHHELD,
    "2026/2026-10-15-form.yml": UNANSWERED,
}
PUBLISHED = ["2026-11-03-kari", "2026-11-01-ola", "2026-10-15-form"]  # newest first
