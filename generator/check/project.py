"""A project read and checked: site_config.yml, every review file, and every problem in them.

Reading and checking ten thousand files is pure Python, and `reviewwall check` runs in CI and
before commits: from SHARED_FROM files on, the work is shared out over the machine's cores.
`load_project` keeps the reviews, for a build, `serve` and `todo` (and for a build makes their
Cases on the same processes, with the function it is given: checking never imports rendering);
`check_project` only the problems.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from ..read.config import SiteConfig, read_config
from ..read.problems import Problems
from ..read.reader import find_review_files, read_documents
from ..read.removals import REMOVALS_FILE, Removals, read_removals
from ..read.review import Review
from .canned import PublicReply, canned_warnings, public_replies
from .checks import check_documents
from .cores import on_all_cores, usable_cores
from .editors import check_schemas
from .known import Known, KnownFiles, keep_known, relative_paths, split_known
from .rules import check_rules
from .wording import check_labels, check_language

# What a build makes of one process's checked reviews, in their order: the Cases (each with the
# `path` of its file). A function given by the caller, so this stage imports no later one.
MakeCases = Callable[[list[Review], SiteConfig], list[Any]]

# Below this many files a second process costs more than it saves.
SHARED_FROM = 400


@dataclass
class Project:
    """A project read and checked: its config, the reviews that passed, and every problem."""

    root: Path
    config: SiteConfig
    reviews: list[Review]
    problems: Problems = field(default_factory=Problems)
    files: int = 0
    now: datetime = field(default_factory=lambda: datetime.now(UTC))  # for rules and figures
    cases: list[Any] | None = None  # in the order of the files, when asked for (load_project)
    removals: Removals = field(default_factory=Removals)  # removals.yml: reviews taken down


@dataclass
class Checked:
    """What `check_project` found: every problem, and how many files it read."""

    problems: Problems
    files: int


def build_moment(problems: Problems) -> datetime:
    """Return the moment a build or check is judged at: now, or SOURCE_DATE_EPOCH when set.

    SOURCE_DATE_EPOCH is the reproducible-builds convention: the same files built at that
    moment give the same site (the last 12 months, lateness of replies), whenever it runs.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(UTC)
    if value.isdigit():
        return datetime.fromtimestamp(int(value), UTC)
    problems.error(
        "(environment)",
        0,
        f"SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, got '{value}'; "
        "unset it to judge by the clock",
    )
    return datetime.now(UTC)


def load_project(
    root: Path,
    now: datetime | None = None,
    canned: bool = True,
    cores: int | None = None,
    cases: MakeCases | None = None,
    store: KnownFiles | None = None,
) -> Project:
    """Read and check site_config.yml and every review file; never raises for a user's mistake.

    The service rules (rules.py) are judged at `now`: the clock or SOURCE_DATE_EPOCH unless given.
    `canned=False` leaves the canned-reply rule to the caller (see `build`). From SHARED_FROM
    files on, the work is shared out over `cores` processes (all the machine has, unless given):
    the files by id, then the canned-reply rule by reply; the result is the same as from one.
    `cases` makes the Cases of the reviews that passed, each process those of the files it
    read: a build needs them, and one process took 1.1 s. They come back in file order.
    `store` (with `cases`): what files read before gave, kept for their bytes (known.py); only
    the other files are read.
    """
    return _read_project(root, now, cores, canned, keep_reviews=True, cases=cases, store=store)


def check_project(root: Path, now: datetime | None = None, cores: int | None = None) -> Checked:
    """Find exactly the problems `load_project` finds (sorted, in the same order), keeping no
    reviews: sending them back from the other processes would cost more than `check` needs."""
    project = _read_project(root, now, cores, canned=True, keep_reviews=False)
    return Checked(project.problems, project.files)


def _read_project(
    root: Path,
    now: datetime | None,
    cores: int | None,
    canned: bool,
    keep_reviews: bool,
    cases: MakeCases | None = None,
    store: KnownFiles | None = None,
) -> Project:
    config, problems = read_config(root)
    problems.extend(check_language(config))
    problems.extend(check_labels(config))
    problems.extend(check_schemas(config))
    now = now or build_moment(problems)
    paths = find_review_files(config.reviews_dir)
    removals = read_removals(root, config)
    problems.extend(removals.problems)
    problems.extend(_removed_but_present(removals, paths, root))
    threshold = config.rules.canned_replies if canned else None
    with no_cycle_collection():
        judge = threshold is not None
        known, unread = split_known(paths, root, store) if store and cases else ({}, paths)
        if cores is None:
            cores = usable_cores() if len(unread) >= SHARED_FROM else 1
        read_group = partial(_read_group, root, config, now, keep_reviews, judge, cases)
        shares = _groups_by_id(unread, cores)
        groups = on_all_cores([partial(read_group, group) for group in shares])
        if known:
            groups.append(_known_group(known, config, now, judge))
        reviews: list[Review] = []
        replies: list[PublicReply] = []
        made: list[Any] = []
        files = 0
        own = Problems()  # the files' own problems, without the rules of the moment
        for group in groups:
            reviews.extend(group.reviews)
            replies.extend(group.replies)
            made.extend(group.cases)
            own.extend(group.problems)
            files += group.files
        problems.extend(own)
        for group in groups:
            problems.extend(group.judged)
        if len(groups) > 1:  # back in the order of the files, as one process reads them
            relative_of = relative_paths(root)
            place = {relative_of(path): number for number, path in enumerate(paths)}
            reviews.sort(key=lambda review: place[review.path])
            made.sort(key=lambda case: place[case.path])
        if threshold is not None:
            problems.extend(canned_warnings(replies, threshold, cores))
        if store and cases and not problems.errors:  # a build with errors writes nothing
            keep_known(store, root, paths, unread, reviews, made, own)
    return Project(root, config, reviews, problems, files, now, made if cases else None, removals)


def _removed_but_present(removals: Removals, paths: list[Path], root: Path) -> Problems:
    """Return an error for each removal record whose review file is still in reviews/."""
    present = {path.stem: path for path in paths}
    problems = Problems()
    for record in removals.records:
        if record.id in present:
            path = present[record.id].relative_to(root).as_posix()
            problems.error(
                REMOVALS_FILE,
                record.line,
                f"'{record.id}' is recorded as removed, but {path} is still there; delete the "
                "file (reviewwall remove does both), or take the record out if it was a mistake",
            )
    return problems


def _groups_by_id(paths: list[Path], count: int) -> list[list[Path]]:
    """Share the paths out into `count` groups, each in the order given. All files of one id go
    to one group, so the check that an id is used only once sees them together."""
    if count == 1:
        return [paths]
    ids = sorted({path.stem for path in paths})
    group_of = {review_id: number % count for number, review_id in enumerate(ids)}
    groups: list[list[Path]] = [[] for _ in range(count)]
    for path in paths:
        groups[group_of[path.stem]].append(path)
    return groups


@dataclass
class _Group:
    """What one process found in its files."""

    reviews: list[Review]  # those that passed
    replies: list[PublicReply]
    cases: list[Any]  # in the order of the files
    problems: Problems  # the files' own: reading them, the format's rules
    files: int  # a file that could not be read counts too
    judged: Problems = field(default_factory=Problems)  # the rules of the moment (rules.py)


def _read_group(
    root: Path,
    config: SiteConfig,
    now: datetime,
    keep_reviews: bool,
    judge_replies: bool,
    make_cases: MakeCases | None,
    paths: Sequence[Path],
) -> _Group:
    """Read and check these files: every rule but the canned-reply rule, which needs every
    file's replies."""
    documents, problems = read_documents(root, paths)
    files = len(documents) + len({problem.path for problem in problems})
    reviews, found = check_documents(documents, config)
    problems.extend(found)
    cases = make_cases(reviews, config) if make_cases else []
    judged = check_rules(reviews, config, now)
    replies = public_replies(reviews) if judge_replies else []
    return _Group(reviews if keep_reviews else [], replies, cases, problems, files, judged)


def _known_group(known: dict[str, Known], config: SiteConfig, now: datetime, judge: bool) -> _Group:
    """Return the files the store knew as a group read here: the rules of the moment judged."""
    reviews = [item.review for item in known.values() if item.review is not None]
    problems = Problems(problem for item in known.values() for problem in item.problems)
    judged = check_rules(reviews, config, now)
    replies = public_replies(reviews) if judge else []
    cases = [item.case for item in known.values() if item.case is not None]
    return _Group(reviews, replies, cases, problems, len(known), judged)


@contextmanager
def no_cycle_collection():
    """Pause Python's cycle collector while reading and checking: nothing made there forms a
    cycle, and at 10 000 files the collector would walk hundreds of thousands of objects again
    and again (about a fifth of the time of `reviewwall check`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
