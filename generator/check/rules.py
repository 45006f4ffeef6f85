"""The service rules: the promises staff keep to customers, checked before anything is published.

Each rule gives warnings (`--strict` makes them errors) and has an off switch under `rules:` in
site_config.yml. Rules judge the review files as staff wrote them, withheld reviews included.
One error is here too, always on: a review received after the moment of the check. It is the one
rule of the format that needs that moment, and only the rules are given it (checks.py reads each
file the same whenever it runs).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..read.config import SiteConfig
from ..read.problems import Problems
from ..read.review import Review

DAYS_PER_MONTH = 30.44  # a mean month: 61 days are 2 months


def say_duration(delta: timedelta) -> str:
    """Return '45 minutes', '30 hours', '12 days' or '9 months': rounded down, never overstated."""
    minutes = max(int(delta.total_seconds() // 60), 1)
    hours, days = minutes // 60, minutes // (60 * 24)
    if hours < 1:
        number, unit = minutes, "minute"
    elif hours < 48:
        number, unit = hours, "hour"
    elif days < 2 * DAYS_PER_MONTH:
        number, unit = days, "day"
    else:
        number, unit = int(days // DAYS_PER_MONTH), "month"
    return f"{number} {unit}{'' if number == 1 else 's'}"


def check_rules(reviews: list[Review], config: SiteConfig, now: datetime) -> Problems:
    """Return a warning for every broken rule that is switched on, judging each review alone,
    and an error for each review received after `now`.

    The canned-reply rule, which compares every reply with every other, is in canned.py.
    """
    problems = Problems()
    rules = config.rules
    for review in reviews:
        check_received(review, config, now, problems)
        if rules.unanswered:
            check_unanswered(review, config, now, problems)
        if rules.rule_of_two:
            check_rule_of_two(review, problems)
        if rules.silent_switch:
            check_silent_switch(review, problems)
    return problems


def check_received(review: Review, config: SiteConfig, now: datetime, problems: Problems) -> None:
    """Report a review received after the moment of the check: its date is a slip."""
    if review.received <= now:
        return
    zone = config.timezone
    problems.error(
        review.path,
        review.lines.get("received", 1),
        f"received: {review.received.astimezone(zone):%Y-%m-%d %H:%M} is in the future (the "
        f"check runs at {now.astimezone(zone):%Y-%m-%d %H:%M}, {zone.key}); check the date",
    )


def check_unanswered(review: Review, config: SiteConfig, now: datetime, problems: Problems) -> None:
    """Warn when a review has no public reply and is older than the promise."""
    promise = config.promise.first_reply_for(review.channel)
    waited = now - review.received
    if review.first_public_reply or waited <= promise:
        return
    problems.warn(
        review.path,
        review.lines.get("received", 1),
        f"unanswered for {say_duration(waited)}, {say_duration(waited - promise)} past the "
        f"promise of a first public reply within {say_duration(promise)}; add a reply from the "
        "business under 'thread:'",
    )


def check_rule_of_two(review: Review, problems: Problems) -> None:
    """Warn at the third public business reply in one thread."""
    public = [(i, entry) for i, entry in enumerate(review.thread, 1) if entry.public_reply]
    if len(public) > 2:
        index, entry = public[2]
        problems.warn(
            review.path,
            entry.line,
            f"thread[{index}]: a third public reply in one thread; the rule of two allows two, "
            "then take the talk to a private channel (an entry with private: true and via: "
            "email, phone, chat, message or in-store)",
        )


def check_silent_switch(review: Review, problems: Problems) -> None:
    """Warn at a private entry that no public business reply comes before."""
    for index, entry in enumerate(review.thread, 1):
        if entry.public_reply:
            return
        if entry.private:
            problems.warn(
                review.path,
                entry.line,
                f"thread[{index}]: the talk moved to a private channel with no public reply "
                "before it, so readers see silence; first reply in public and say where the "
                "talk continues",
            )
            return
