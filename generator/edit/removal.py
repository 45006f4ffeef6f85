"""`reviewwall remove`: delete a review file and record why, in removals.yml.

The record is written before the file is deleted, and taken back if the deletion fails, so a
review is never gone without its record. It holds the facts the ledger and the figures need, as
the file states them, and never the customer's words or name.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..check.checks import check_document
from ..read.config import SiteConfig, read_config
from ..read.problems import Problems
from ..read.reader import find_review_files, read_document
from ..read.removals import NOT_COUNTED, REMOVALS_FILE, read_removals
from ..read.review import Review
from .newfile import format_moment

HEADER = (
    "# Reviews removed from reviews/, one record each, appended by `reviewwall remove`: why, and\n"
    "# the facts the ledger and the figures count. Never the customer's words or name.\n"
)


class RemovalError(Exception):
    """The review cannot be removed; `lines` say why, and nothing was changed."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Removed:
    """What `remove` did: the file deleted and the record appended."""

    path: str
    reason: str
    counted: bool


def find_review(root: Path, config: SiteConfig, wanted: str) -> Path:
    """Return the review file an id or a path names; RemovalError when none or several do."""
    as_path = (root / wanted) if not Path(wanted).is_absolute() else Path(wanted)
    if as_path.suffix in (".yml", ".yaml") and as_path.is_file():
        return as_path
    found = [path for path in find_review_files(config.reviews_dir) if path.stem == wanted]
    if not found:
        raise RemovalError([f"no review with the id '{wanted}' in reviews/; give its id or path"])
    if len(found) > 1:
        names = ", ".join(path.relative_to(root).as_posix() for path in found)
        raise RemovalError([f"the id '{wanted}' names several files ({names}); give the path"])
    return found[0]


def remove_review(root: Path, wanted: str, reason: str, note: str | None, today: date) -> Removed:
    """Delete one review file and append its record to removals.yml; RemovalError if it can't."""
    config, problems = read_config(root)
    if problems.errors:
        raise RemovalError([str(problem) for problem in problems.errors])
    path = find_review(root, config, wanted)
    review = _checked(root, config, path)
    removals = read_removals(root, config)
    if removals.problems.errors:
        raise RemovalError(
            [str(problem) for problem in removals.problems.errors]
            + [f"fix {REMOVALS_FILE} first; nothing was removed"]
        )
    if any(record.id == review.id for record in removals.records):
        raise RemovalError(
            [f"{REMOVALS_FILE}: '{review.id}' is recorded as removed already; nothing was removed"]
        )
    record_file = root / REMOVALS_FILE
    before = record_file.read_bytes() if record_file.exists() else None
    text = (before or HEADER.encode()) + record_of(review, reason, note, today).encode("utf-8")
    replace_file(record_file, text)
    try:
        path.unlink()
    except OSError as error:
        if before is None:
            record_file.unlink()
        else:
            replace_file(record_file, before)
        raise RemovalError(
            [f"{review.path}: cannot be deleted: {error.strerror or error}; nothing was removed"]
        ) from None
    return Removed(review.path, reason, reason not in NOT_COUNTED)


def _checked(root: Path, config: SiteConfig, path: Path) -> Review:
    problems = Problems()
    document = read_document(path, root, problems)
    review = check_document(document, config, problems) if document else None
    if review is None or problems.errors:
        raise RemovalError(
            [str(problem) for problem in problems.errors]
            + ["the record is made from the file's facts: fix it first; nothing was removed"]
        )
    return review


def record_of(review: Review, reason: str, note: str | None, today: date) -> str:
    """Return the YAML of one record: facts only, each value written so it reads back as is."""
    lines = [
        f"- id: {review.id}",
        f"  channel: {review.channel}",
        f"  received: {format_moment(review.received)}",
    ]
    if review.rating is not None:
        lines.append(f"  rating: {review.rating}")
    lines += [f"  kind: {review.kind}", f"  removed: {today.isoformat()}", f"  reason: {reason}"]
    if note:
        lines.append(f"  note: {_quoted(note)}")
    if review.source_id:
        lines.append(f"  source_id: {_quoted(review.source_id)}")
    if review.thread:
        lines.append("  thread:")
        for entry in review.thread:
            private = ", private: true" if entry.private else ""
            lines.append(f"    - {{at: {format_moment(entry.at)}, from: {entry.side}{private}}}")
    outcome = review.outcome
    if outcome.status != "open" or outcome.rating_after is not None:
        lines.append(f"  outcome: {{status: {outcome.status}")
        if outcome.at:
            lines[-1] += f", at: {outcome.at.isoformat()}"
        if outcome.rating_after is not None:
            lines[-1] += f", rating_after: {outcome.rating_after}"
        lines[-1] += "}"
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any character, one line, read back exactly.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def replace_file(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in its folder, synced, then a rename: the
    file is the old one or the new one, never half of either."""
    # A new file (the first removal record) gets the mode a new file would get here.
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a power cut once the folder is
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
