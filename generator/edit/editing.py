"""Change a review file as staff would by hand, and nothing else: every other byte stays.

The file is read back through ruamel.yaml (roundtrip.py), which must write it out byte for byte
before anything is changed. After the change the new text may differ from the old only by added
lines (and, for a change that says so, inside the fields it sets), must pass `check`, and must
keep every customer's word and every published reply, as `verify` judges them. Only then does it
replace the old file, atomically.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from ..check.canned import canned_warnings, public_replies
from ..check.checks import check_documents
from ..check.history import Comparison
from ..check.rules import check_rules
from ..read.config import SiteConfig, read_config
from ..read.problems import Problem, Problems
from ..read.reader import find_review_files, parse_document, read_documents
from ..read.review import Review
from .removal import RemovalError, find_review, replace_file
from .roundtrip import Change, EditError, read_round_trip


@dataclass
class Opened:
    """A review file read for a change: what it holds now, checked."""

    root: Path
    config: SiteConfig
    path: Path
    relative: str
    data: bytes
    review: Review
    now: datetime  # the moment the rules are judged at, as `check` judges them
    problems: Problems  # what `check` says of the file now: warnings only


@dataclass
class Draft:
    """A change to one review file, checked and ready to write."""

    opened: Opened
    after: bytes
    review: Review  # as the file will be
    warnings: list[Problem] = field(default_factory=list)  # those the change brings

    def write(self) -> None:
        """Replace the file with the new text; EditError if it changed since it was read."""
        opened = self.opened
        try:
            current = opened.path.read_bytes()
        except OSError as error:
            raise EditError([f"{opened.relative}: cannot be read: {error.strerror}"]) from None
        if current != opened.data:
            raise EditError(
                [f"{opened.relative} changed while this ran; nothing was written: run it again"]
            )
        replace_file(opened.path, self.after)


def open_review(root: Path, wanted: str, now: datetime) -> Opened:
    """Find and read the review file an id or path names; EditError unless it passes check."""
    config, problems = read_config(root)
    if problems.errors:
        raise EditError([str(problem) for problem in problems.errors])
    try:
        path = find_review(root, config, wanted)
    except RemovalError as error:
        raise EditError(error.lines) from None
    relative = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditError([f"{relative}: cannot be read: {error.strerror}"]) from None
    found = Problems()
    review = _read(data, path.stem, relative, config, found)
    if review is not None:
        found.extend(judge(review, config, now))
    if review is None or found.errors:
        raise EditError(
            [str(problem) for problem in found.sorted() if not problem.warning]
            + [f"{relative} has errors already; fix them first. Nothing was written."]
        )
    return Opened(root, config, path, relative, data, review, now, found)


def draft_change(opened: Opened, change: Change, compare_replies: bool = False) -> Draft:
    """Apply a change to the file's text and check the result; EditError if it falls short.

    `compare_replies` judges the canned-reply rule too, against every other review's replies.
    """
    loaded, style = read_round_trip(opened.data, opened.relative)
    before = style.dump(loaded)
    rewritable = _line_ranges(loaded, before)
    allowed = {line for name in change(loaded, style) for line in rewritable.get(name, ())}
    after = style.dump(loaded)
    _only_additions(before, after, allowed, opened.relative)
    text = (("\ufeff" if style.bom else "") + after).replace("\n", style.newline)
    data = text.encode("utf-8")
    found = Problems()
    review = _read(data, opened.path.stem, opened.relative, opened.config, found)
    if review is None or found.errors:
        raise EditError(
            [str(problem) for problem in found.sorted() if not problem.warning]
            + [f"Nothing was written; {opened.relative} is as it was."]
        )
    _keeps_the_record(opened, data)
    others = _other_replies(opened) if compare_replies else None
    was, will_be = Problems(opened.problems), found
    will_be.extend(judge(review, opened.config, opened.now, others))
    if others is not None:  # the canned-reply rule is judged only now, before and after alike
        was.extend(_canned(opened.review, opened.config, others))
    if will_be.errors:
        raise EditError(
            [str(problem) for problem in will_be.sorted() if not problem.warning]
            + [f"Nothing was written; {opened.relative} is as it was."]
        )
    old = Counter(problem.message for problem in was)
    new = [problem for problem in will_be.sorted() if _is_new(problem, old)]
    return Draft(opened, data, review, new)


def _is_new(problem: Problem, old: Counter) -> bool:
    if old[problem.message]:
        old[problem.message] -= 1
        return False
    return True


def _read(data: bytes, stem: str, relative: str, config: SiteConfig, problems: Problems):
    document = parse_document(data, stem, relative, problems)
    if document is None:
        return None
    reviews, found = check_documents([document], config)
    problems.extend(found)
    return reviews[0] if reviews else None


def judge(review: Review, config: SiteConfig, now: datetime, others=None) -> Problems:
    """Return what `check` says of one review beyond its format: the service rules, and, given
    the other reviews' replies, the canned-reply rule."""
    problems = check_rules([review], config, now)
    if others is not None:
        problems.extend(_canned(review, config, others))
    return problems


def _canned(review: Review, config: SiteConfig, others: list) -> list[Problem]:
    threshold = config.rules.canned_replies
    if threshold is None:
        return []
    warnings = canned_warnings(others + public_replies([review]), threshold)
    return [warning for warning in warnings if warning.path == review.path]


def _other_replies(opened: Opened) -> list:
    paths = [
        path
        for path in find_review_files(opened.config.reviews_dir)
        if path.resolve() != opened.path.resolve()
    ]
    documents, _ = read_documents(opened.root, paths)
    reviews, _ = check_documents(documents, opened.config)
    return public_replies(reviews)


def _line_ranges(loaded: CommentedMap, text: str) -> dict[str, range]:
    """Return the lines (from 0) of each top-level field: its own, to the next field's."""
    starts = [(loaded.lc.key(key)[0], key) for key in loaded]
    ends = [line for line, _ in starts[1:]] + [text.count("\n") + 1]
    return {key: range(start, end) for (start, key), end in zip(starts, ends, strict=True)}


def _only_additions(before: str, after: str, allowed: set[int], relative: str) -> None:
    """Raise EditError if a line outside `allowed` was changed or removed (a bug, never a user's
    mistake: the check is here so that no bug can quietly rewrite a file)."""
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete") and not set(range(i1, i2)) <= allowed:
            raise EditError(
                [
                    f"{relative}:{i1 + 1}: the change would rewrite this line too; nothing was "
                    "written (please report this)"
                ]
            )


def _keeps_the_record(opened: Opened, data: bytes) -> None:
    """Raise EditError if the new text changes what `verify` guards: a customer's words and
    facts, a published reply."""
    problems = Problems()
    before = parse_document(opened.data, opened.path.stem, opened.relative, Problems())
    after = parse_document(data, opened.path.stem, opened.relative, Problems())
    today = opened.now.astimezone(opened.config.timezone).date()
    Comparison(opened.config, "the file on disk", today, problems).review(before, after)
    if problems.errors:
        raise EditError([str(problem) for problem in problems.errors] + ["Nothing was written."])
