"""The review files and removals.yml as they were at a git revision, read from git itself.

Nothing is checked out: `git ls-tree` lists the files at the revision and one `git cat-file
--batch` streams their contents, so ten thousand files cost two processes, and the working tree
is never touched.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .reader import SUFFIXES
from .removals import REMOVALS_FILE


class RevisionError(Exception):
    """The revision cannot be read: not a git repository, an unknown revision, a shallow clone."""


@dataclass
class Revision:
    """The files at one revision: review files by their path in the project, and removals.yml."""

    ref: str
    reviews: dict[str, bytes] = field(default_factory=dict)
    removals: bytes | None = None


def _git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=root, input=data, capture_output=True)
    except OSError as error:
        raise RevisionError(f"git could not be started ({error.strerror or error})") from None


def read_revision(root: Path, ref: str) -> Revision:
    """Return the review files and removals.yml of the project at root, as they were at ref."""
    inside = _git(root, "rev-parse", "--show-prefix")
    if inside.returncode != 0:
        raise RevisionError(
            f"{root.resolve()} is not in a git repository; verify compares the review files with "
            "their history in git: run it in a clone of the shop's repository"
        )
    prefix = inside.stdout.decode().strip()
    if (
        ref.startswith("-")
        or _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode
    ):
        shallow = _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        if shallow:
            raise RevisionError(
                f"'{ref}' is not in this shallow clone; fetch the history first (git fetch "
                "--unshallow origin, or fetch-depth: 0 in actions/checkout)"
            )
        raise RevisionError(
            f"unknown revision '{ref}'; give a branch, tag or commit this clone has (for a "
            "branch of the remote, git fetch origin first and name it origin/<branch>)"
        )
    listing = _git(
        root,
        "ls-tree",
        "-r",
        "-z",
        "--full-tree",
        ref,
        "--",
        f"{prefix}reviews",
        f"{prefix}{REMOVALS_FILE}",
    )
    if listing.returncode != 0:
        raise RevisionError(
            f"the files at '{ref}' cannot be listed: {listing.stderr.decode().strip()}"
        )
    wanted: list[tuple[str, str]] = []  # (object, path in the project)
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        kind, obj = meta.split()[1].decode(), meta.split()[2].decode()
        path = name.decode("utf-8", "surrogateescape").removeprefix(prefix)
        pure = PurePosixPath(path)
        is_review = pure.parts[0] == "reviews" and pure.suffix in SUFFIXES
        if kind == "blob" and (
            path == REMOVALS_FILE or (is_review and not pure.name.startswith(".#"))
        ):
            wanted.append((obj, path))
    revision = Revision(ref)
    for (_, path), data in zip(wanted, _contents([obj for obj, _ in wanted], root), strict=True):
        if path == REMOVALS_FILE:
            revision.removals = data
        else:
            revision.reviews[path] = data
    return revision


def _contents(objects: list[str], root: Path) -> list[bytes]:
    """Return the contents of these blobs, in order, from one `git cat-file --batch`."""
    if not objects:
        return []
    result = _git(root, "cat-file", "--batch", data="".join(f"{obj}\n" for obj in objects).encode())
    if result.returncode != 0:
        raise RevisionError(f"git cat-file failed: {result.stderr.decode().strip()}")
    out, position, contents = result.stdout, 0, []
    for _ in objects:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        contents.append(out[start : start + size])
        position = start + size + 1  # the newline after each object
    return contents
