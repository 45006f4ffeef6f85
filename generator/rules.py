"""The service rules: the promises staff keep to customers, checked before anything is published.

Each rule gives warnings (`--strict` makes them errors) and has an off switch under `rules:` in
site_config.yml. Rules judge the review files as staff wrote them, withheld reviews included.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from difflib import SequenceMatcher

from .config import SiteConfig
from .likeness import WordIndex
from .problems import Problems
from .review import Review, ThreadEntry

# Replies shorter than this many words ("Thank you!") are too short to call canned.
CANNED_MIN_WORDS = 6
_WORD = re.compile(r"\w+")
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


def check_rules(
    reviews: list[Review], config: SiteConfig, now: datetime, canned: bool = True
) -> Problems:
    """Return a warning for every broken service rule that is switched on.

    `canned=False` leaves out the canned-reply rule, the one that compares every reply with
    every other: a build runs it apart (`check_canned`) while the engine works.
    """
    problems = Problems()
    rules = config.rules
    for review in reviews:
        if rules.unanswered:
            check_unanswered(review, config, now, problems)
        if rules.rule_of_two:
            check_rule_of_two(review, problems)
        if rules.silent_switch:
            check_silent_switch(review, problems)
    if canned:
        problems.extend(check_canned(reviews, config))
    return problems


def check_canned(reviews: list[Review], config: SiteConfig) -> Problems:
    """Return the canned-reply warnings, when that rule is switched on."""
    problems = Problems()
    if config.rules.canned_replies is not None:
        check_canned_replies(reviews, config.rules.canned_replies, problems)
    return problems


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


@dataclass(frozen=True)
class _Reply:
    review: Review
    index: int
    entry: ThreadEntry
    words: tuple[str, ...]
    tokens: frozenset[str | tuple[str, int]]


def _replies(reviews: list[Review]) -> list[_Reply]:
    replies = []
    for review in reviews:
        for index, entry in enumerate(review.thread, 1):
            words = tuple(_WORD.findall(entry.text.lower())) if entry.public_reply else ()
            if len(words) >= CANNED_MIN_WORDS:
                replies.append(_Reply(review, index, entry, words, _tokens(words)))
    return sorted(replies, key=lambda r: (r.entry.at, r.review.path, r.index))


def _tokens(words: tuple[str, ...]) -> frozenset[str | tuple[str, int]]:
    # A word's first use is the word itself (a str caches its hash, so sets of them intersect
    # fast); its second and later uses are (word, 2), (word, 3)…: a multiset as a set.
    counts = Counter(words)
    again = [(word, n) for word, count in counts.items() if count > 1 for n in range(2, count + 1)]
    return frozenset(counts).union(again)


def check_canned_replies(reviews: list[Review], threshold: float, problems: Problems) -> None:
    """Warn at each public reply nearly identical to an earlier one (similarity ≥ threshold).

    Similarity is difflib's ratio on the sequences of words, lowercased, punctuation ignored.
    Cheap filters come first so thousands of replies are checked in seconds.
    """
    seen: dict[tuple[str, ...], _Reply] = {}
    earlier: list[_Reply] = []
    index = WordIndex()
    matcher = SequenceMatcher(autojunk=False)
    for reply in _replies(reviews):
        words = reply.words
        match, best = seen.get(words), 1.0
        if match is None:
            match, best = _most_similar(reply, earlier, index, threshold, matcher)
        if match is not None:
            _warn_canned(reply, match, best, problems)
        seen.setdefault(words, reply)
        index.add(reply.tokens, len(words))
        earlier.append(reply)


def _most_similar(reply, earlier, index, threshold, matcher):
    """Return the earlier reply most like this one, at or above threshold, and the similarity.

    The ratio is never above difflib's quick_ratio, 2 · words in common / words in both, so
    only replies whose quick_ratio reaches the threshold are compared, the likeliest first.
    Of equally similar replies, the latest wins.
    """
    size = len(reply.words)
    low = math.ceil(size * threshold / (2 - threshold))
    high = math.floor(size * (2 - threshold) / threshold)
    # The small allowance keeps a count that meets the threshold exactly from rounding up.
    least = {
        length: math.ceil(threshold * (size + length) / 2 - 1e-9) for length in range(low, high + 1)
    }
    positions = index.sharing(reply.tokens, least)
    likely = sorted(((_quick_ratio(reply, earlier[p]), p) for p in positions), reverse=True)
    match, best, best_position = None, threshold, -1
    matcher.set_seq2(reply.words)
    for quick, position in likely:
        if quick < best:
            break  # the rest are less alike still
        matcher.set_seq1(earlier[position].words)
        ratio = matcher.ratio()
        if (ratio, position) > (best, best_position):
            match, best, best_position = earlier[position], ratio, position
    return match, best


def _quick_ratio(reply: _Reply, other: _Reply) -> float:
    # difflib's quick_ratio (words in common, order ignored), as a set intersection in C.
    return 2.0 * len(reply.tokens & other.tokens) / (len(reply.words) + len(other.words))


def _warn_canned(reply: _Reply, other: _Reply, similarity: float, problems: Problems) -> None:
    where = (
        f"thread[{other.index}] above"
        if other.review is reply.review
        else f"{other.review.path}:{other.entry.line} (thread[{other.index}])"
    )
    problems.warn(
        reply.review.path,
        reply.entry.line,
        f"thread[{reply.index}]: this reply is {math.floor(similarity * 100)} % the same as "
        f"{where}; empathy cannot be pasted: write to this customer about their own case",
    )
