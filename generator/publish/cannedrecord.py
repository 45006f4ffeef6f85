"""The canned-reply rule's last answers, kept in build/ so that a rebuild judges only what changed.

The rule judges each reply against the replies written before it (check/canned.py): a reply's
warning depends on it and on the replies before it, in the order written, and on nothing else.
So the record keeps, for the last build's replies in that order, a short hash of each and the
warnings found. A rebuild finds the first reply that differs (a reply just added is mostly the
last): the warnings before it are the recorded ones, and the replies from it on are judged again,
against every earlier reply as always. Another threshold, other code, a record that cannot be
read or does not hold together, or `--full`: every reply is judged.

The record is plain JSON: build/ may come from a CI cache, so nothing in it is ever run. It holds
warnings for the build's output only; no page shows them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .. import __version__
from ..check.canned import PublicReply, canned_replies, public_replies
from ..check.project import no_cycle_collection
from ..read.config import SiteConfig
from ..read.problems import Problem, Problems
from ..read.review import Review
from .inputs import shaped_by

RECORD = ".reviewwall-canned.json"
_FORMAT = 1


def judge_canned(
    reviews: list[Review],
    config: SiteConfig,
    build_dir: Path,
    sources: dict[str, list],
    read: bool = True,
    save: bool = True,
) -> Problems:
    """Return the canned-reply warnings check/canned.py finds, judging only the replies from the
    first that differs from the record's. `read=False`: judge every reply; `save=False`: leave
    the record as it is (a build with errors writes nothing)."""
    problems = Problems()
    threshold = config.rules.canned_replies
    if threshold is None:
        return problems
    key = _key(threshold, sources)
    # Tens of thousands of objects, none in a cycle: the collector would only walk them.
    with no_cycle_collection():
        replies = sorted(public_replies(reviews))
        marks = [_mark(reply) for reply in replies]
        kept, start = _recorded(build_dir / RECORD, key, marks) if read else ([], 0)
        found = kept + canned_replies(replies, threshold, start=start)
    if save:
        _save(build_dir / RECORD, key, marks, found)
    problems.extend(warning for _, warning in found)
    return problems


def _key(threshold: float, sources: dict[str, list]) -> str:
    # What judging depends on besides the replies: the threshold and reviewwall's code.
    return f"{_FORMAT};{__version__};{threshold!r};{shaped_by(sources, ['reviewwall'])}"


def _mark(reply: PublicReply) -> str:
    # Everything of the reply that judging or a warning uses; its tokens come from its words.
    return _digest(repr((reply.at.isoformat(), reply.path, reply.index, reply.line, reply.words)))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _recorded(path: Path, key: str, marks: list[str]) -> tuple[list[tuple[int, Problem]], int]:
    """Return the recorded warnings of the replies before the first that differs, and its
    position; nothing and 0 when the record does not hold."""
    try:
        record = json.loads(path.read_text("utf-8"))
        old = record["marks"]
        if record["key"] != key or not isinstance(old, list):
            return [], 0
        start = next(
            (n for n, (mark, was) in enumerate(zip(marks, old, strict=False)) if mark != was),
            min(len(marks), len(old)),
        )
        kept = [
            (position, Problem(file, line, message, warning=True))
            for position, file, line, message in record["warnings"]
            if position < start
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return [], 0
    if not all(_well_formed(position, problem) for position, problem in kept):
        return [], 0
    return kept, start


def _well_formed(position: object, problem: Problem) -> bool:
    return (
        type(position) is int
        and type(problem.path) is str
        and type(problem.line) is int
        and type(problem.message) is str
    )


def _save(path: Path, key: str, marks: list[str], found: list[tuple[int, Problem]]) -> None:
    warnings = [[position, p.path, p.line, p.message] for position, p in found]
    text = json.dumps({"key": key, "marks": marks, "warnings": warnings}, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".canned-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
