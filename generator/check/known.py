"""Review files read and checked by an earlier build, given back without reading them again.

A rebuild after one reply read, checked and made a case of all 10 000 files again: most of its
own time. What a file gives (its Review, its Case, the problems found in it) depends only on its
bytes and path, the site's settings and reviewwall's code; the rules judged at a moment
(rules.py) and those across files (an id used twice, the canned-reply rule) do not, and are
judged again every time. A build hands `load_project` a store of those results, kept by the
publish stage (publish/reviewcache.py); this module only uses it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..read.problems import Problem
from ..read.review import Review


@dataclass
class Known:
    """What one review file gave: its Review (None when the file has errors), its Case (None
    when withheld or with errors) and the problems found in it."""

    review: Review | None
    case: Any | None
    problems: list[Problem] = field(default_factory=list)


class KnownFiles(Protocol):
    """The store: what each file gave when its bytes were what they are now."""

    def get(self, path: str) -> Known | None:
        """Return what the file at path (from the project root) gave, or None."""

    def put(self, path: str, known: Known) -> None:
        """Keep what the file at path gave, for its bytes as they are now."""


def split_known(
    paths: list[Path], root: Path, store: KnownFiles
) -> tuple[dict[str, Known], list[Path]]:
    """Return what the store knows of the files, by path, and the files left to read. A file
    whose id another file shares is always read: the check of ids must see them together."""
    stems = Counter(path.stem for path in paths)
    known: dict[str, Known] = {}
    unread = []
    relative_of = relative_paths(root)
    for path in paths:
        relative = relative_of(path)
        found = store.get(relative) if stems[path.stem] == 1 else None
        if found is None:
            unread.append(path)
        else:
            known[relative] = found
    return known, unread


def relative_paths(root: Path) -> Callable[[Path], str]:
    """Return a function giving a path under root as the project names it (reviews/x.yml):
    pathlib's relative_to took a fifth of the time of reading 10 000 stored results."""
    text = str(root)
    start = 0 if text == "." else len(text.rstrip(os.sep)) + 1
    return lambda path: str(path)[start:].replace(os.sep, "/")


def keep_known(
    store: KnownFiles,
    root: Path,
    paths: Sequence[Path],
    unread: Sequence[Path],
    reviews: Sequence[Review],
    cases: Sequence[Any],
    problems: Sequence[Problem],
) -> None:
    """Put what each file read gave into the store; not the files whose id another file shares
    (their problems say so, and would outlive the other file)."""
    stems = Counter(path.stem for path in paths)
    review_of = {review.path: review for review in reviews}
    case_of = {case.path: case for case in cases}
    found: dict[str, list[Problem]] = {}
    for problem in problems:
        found.setdefault(problem.path, []).append(problem)
    relative_of = relative_paths(root)
    for path in unread:
        if stems[path.stem] == 1:
            name = relative_of(path)
            store.put(name, Known(review_of.get(name), case_of.get(name), found.get(name, [])))
