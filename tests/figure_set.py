"""A small review set whose figures are worked out by hand in test_figures.py.

Ten reviews, site time Europe/Oslo, measured at NOW. The last 12 months hold eight of them (H and I
are older). D is withheld, C came by e-mail (anonymous) with a private entry after the public
reply, J has no rating and only a private entry, E, F and J have no public reply, G has three
public replies, A and I raised their rating, A, C, D and I record a change.
"""

from __future__ import annotations

from datetime import UTC, datetime

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

CONFIG = """\
name: Testbutikken
language: en
timezone: Europe/Oslo
promise:
  first_reply: 24h
  first_reply_per_channel:
    email: 48h
"""


def _review(channel, received, head, thread="", outcome="", text="What I think."):
    return (
        f"channel: {channel}\nreceived: {received}\n{head}text: {text}\n"
        + (f"thread:\n{thread}" if thread else "")
        + (f"outcome:\n{outcome}" if outcome else "")
    )


def _reply(at, text="Thank you for telling us; we are sorry and will put it right today."):
    return f"  - at: {at}\n    text: {text}\n"


REVIEWS = {
    # A: 2 h to the first reply, resolved in 4 days, rating 1 → 4, a change.
    "2026/2026-11-01-boots.yml": _review(
        "google",
        "2026-11-01T10:00",
        "author: Kari Nordmann\nrating: 1\n",
        _reply("2026-11-01T12:00", "Sorry about the boots; new ones are on the way today."),
        "  status: resolved\n  at: 2026-11-05\n  rating_after: 4\n"
        "  change: Boots now ship in a box.\n",
    ),
    # B: 30 h (late against 24 h), explained in 2 days, rating after the same (not won back).
    "2026/2026-10-01-late.yml": _review(
        "facebook",
        "2026-10-01T08:00",
        "author: Per Hansen\nrating: 2\n",
        _reply("2026-10-02T14:00", "The parcel left us on time; the carrier has the delay."),
        "  status: explained\n  at: 2026-10-03\n  rating_after: 2\n",
    ),
    # C: e-mail, no rating (kind given), 36 h (within e-mail's 48 h), private entry, 9 days.
    "2026/2026-09-01-refund.yml": _review(
        "email",
        "2026-09-01T09:00",
        "author: Ola Berg\nkind: complaint\n",
        _reply("2026-09-02T21:00", "We are looking into your refund and will write by e-mail.")
        + "  - at: 2026-09-03T10:00\n    private: true\n    via: email\n"
        "    summary: Refund sent.\n",
        "  status: resolved\n  at: 2026-09-10\n  change: Refunds now go out the same day.\n",
    ),
    # D: withheld, 1 h, unresolved, a change whose text is never shown.
    "2026/2026-08-01-secret.yml": _review(
        "google",
        "2026-08-01T09:00",
        "author: Anne Dahl\nrating: 1\nconsent: withheld\n",
        _reply("2026-08-01T10:00", "We hear you and have passed this to the warehouse."),
        "  status: unresolved\n  at: 2026-08-03\n  change: Withheld change text.\n",
        text="Withheld review text.",
    ),
    # E: unanswered complaint, 76 h old at NOW.
    "2026/2026-11-20-waiting.yml": _review(
        "google", "2026-11-20T09:00", "author: Eva Lie\nrating: 1\n"
    ),
    # F: unanswered praise, 27 h old at NOW.
    "2026/2026-11-22-praise.yml": _review(
        "facebook", "2026-11-22T10:00", "author: Finn Moe\nrating: 5\n"
    ),
    # G: three public replies (breaks the rule of two), 2 h, open.
    "2026/2026-06-01-chatty.yml": _review(
        "google",
        "2026-06-01T08:00",
        "author: Guro Lund\nrating: 3\n",
        _reply("2026-06-01T10:00", "Thanks; which size did you order, and when did it arrive?")
        + "  - at: 2026-06-01T11:00\n    from: customer\n    text: Size M, last week.\n"
        + _reply("2026-06-01T12:00", "Thanks; M runs small this season, we will note it.")
        + _reply("2026-06-01T13:00", "One more thing, the swap is free; just use the label."),
    ),
    # J: no rating, question, only a private entry (no public reply).
    "2026/2026-07-01-question.yml": _review(
        "email",
        "2026-07-01T09:00",
        "kind: question\n",
        "  - at: 2026-07-01T11:00\n    private: true\n    via: email\n"
        "    summary: Answered by e-mail.\n",
    ),
    # H: older than 12 months, 1 h.
    "2025/2025-06-01-old.yml": _review(
        "google",
        "2025-06-01T10:00",
        "author: Hans Vik\nrating: 5\n",
        _reply("2025-06-01T11:00", "Thank you so much, we are glad the tent kept you dry."),
    ),
    # I: older than 12 months, 48 h (late), resolved in 10 days, rating 2 → 5, a change.
    "2025/2025-03-03-phone.yml": _review(
        "facebook",
        "2025-03-03T10:00",
        "author: Ida Ås\nrating: 2\n",
        _reply("2025-03-05T10:00", "Sorry nobody answered the phone on Saturday; we will call."),
        "  status: resolved\n  at: 2025-03-13\n  rating_after: 5\n"
        "  change: The phone line is open on Saturdays.\n",
    ),
}
