"""The canned-reply rule: a public reply nearly the same as an earlier one was pasted, not written.

It compares every reply with every earlier one, so it is the one rule whose cost grows with the
square of the replies. Exact filters (likeness.WordIndex, difflib's quick ratio) keep ten
thousand replies to seconds, and the work can be shared: each of several processes answers for
its own part of the replies, and together they find exactly what one process finds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from difflib import SequenceMatcher
from functools import partial
from itertools import chain
from typing import NamedTuple

from ..read.problems import Problem
from ..read.review import Review
from .cores import on_all_cores
from .likeness import WordIndex

# Replies shorter than this many words ("Thank you!") are too short to call canned.
CANNED_MIN_WORDS = 6
_WORD = re.compile(r"\w+")


class PublicReply(NamedTuple):
    """One public business reply long enough to judge. Replies sort in the order written."""

    at: datetime
    path: str
    index: int  # its place in the thread, from 1
    line: int
    words: tuple[str, ...]  # lowercased, punctuation left out
    tokens: frozenset[str | tuple[str, int]]


def public_replies(reviews: Iterable[Review]) -> list[PublicReply]:
    """Return the replies the rule judges, in no particular order."""
    replies = []
    for review in reviews:
        for index, entry in enumerate(review.thread, 1):
            if entry.public_reply:
                words = tuple(_WORD.findall(entry.text.lower()))
                if len(words) >= CANNED_MIN_WORDS:
                    replies.append(
                        PublicReply(entry.at, review.path, index, entry.line, words, _tokens(words))
                    )
    return replies


def _tokens(words: tuple[str, ...]) -> frozenset[str | tuple[str, int]]:
    # A word's first use is the word itself (a str caches its hash, so sets of them intersect
    # fast); its second and later uses are (word, 2), (word, 3)…: a multiset as a set.
    counts = Counter(words)
    again = [(word, n) for word, count in counts.items() if count > 1 for n in range(2, count + 1)]
    return frozenset(counts).union(again)


def canned_warnings(replies: list[PublicReply], threshold: float, cores: int = 1) -> list[Problem]:
    """Return the warnings for these replies, in the order written, judged by `cores` processes."""
    replies = sorted(replies)
    judge = partial(canned_replies, replies, threshold, parts=cores)
    shares = on_all_cores([partial(judge, part=part) for part in range(cores)])
    return [warning for _, warning in sorted(chain.from_iterable(shares))]


def canned_replies(
    replies: list[PublicReply], threshold: float, part: int = 0, parts: int = 1, start: int = 0
) -> list[tuple[int, Problem]]:
    """Return (position, warning) for each reply nearly identical to an earlier one.

    `replies` must be sorted. Similarity is difflib's ratio on the sequences of words; a reply is
    judged against the earlier one most like it. With `parts` > 1, only the replies at positions
    `part`, `part + parts`, … are judged (against every earlier reply all the same). The replies
    before `start` are not judged, only remembered for the later ones: the caller knows their
    warnings (a rebuild keeps them from the last build).
    """
    warnings = []
    seen: dict[tuple[str, ...], PublicReply] = {}
    index = WordIndex()
    matcher = SequenceMatcher(autojunk=False)
    for position, reply in enumerate(replies):
        if position >= start and position % parts == part:
            match, best = seen.get(reply.words), 1.0
            if match is None:
                match, best = _most_similar(reply, replies, index, threshold, matcher)
            if match is not None:
                warnings.append((position, canned_warning(reply, match, best)))
        seen.setdefault(reply.words, reply)
        index.add(reply.tokens, len(reply.words))
    return warnings


def _most_similar(reply, replies, index, threshold, matcher):
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
    likely = sorted(((_quick_ratio(reply, replies[p]), p) for p in positions), reverse=True)
    match, best, best_position = None, threshold, -1
    for number, (quick, position) in enumerate(likely):
        if quick < best:
            break  # the rest are less alike still
        if number == 0:  # indexing this reply's words costs as much as a comparison
            matcher.set_seq2(reply.words)
        matcher.set_seq1(replies[position].words)
        ratio = matcher.ratio()
        if (ratio, position) > (best, best_position):
            match, best, best_position = replies[position], ratio, position
    return match, best


def _quick_ratio(reply: PublicReply, other: PublicReply) -> float:
    # difflib's quick_ratio (words in common, order ignored), as a set intersection in C.
    return 2.0 * len(reply.tokens & other.tokens) / (len(reply.words) + len(other.words))


def canned_warning(reply: PublicReply, other: PublicReply, similarity: float) -> Problem:
    """Return the warning at `reply`, which is `similarity` the same as the earlier `other`."""
    where = (
        f"thread[{other.index}] above"
        if other.path == reply.path
        else f"{other.path}:{other.line} (thread[{other.index}])"
    )
    return Problem(
        reply.path,
        reply.line,
        f"thread[{reply.index}]: this reply is {math.floor(similarity * 100)} % the same as "
        f"{where}; empathy cannot be pasted: write to this customer about their own case",
        warning=True,
    )
