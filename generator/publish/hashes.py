"""Hashes of files and folders, read again only when a file's size or time says it changed.

The writer rewrites a file only to change it, and staff save a file to change it: a file whose
size and modification time are those recorded keeps its recorded hash, so a rebuild of 10 000
pages stats them instead of reading them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..check.known import relative_paths
from .shards import SEARCH_INDEX, SITEMAP

# A file whose modification time is this close to when the state was saved is hashed again: a
# write in the same tick of the file system's clock would not change its time (git's "racy"
# entries).
_RACY_NS = 2_000_000_000


def tree_hashes(folder: Path) -> dict[str, str]:
    """Return each file's content hash under folder, by its path relative to it."""
    return {name: entry[0] for name, entry in tree_entries(folder).items()}


def tree_entries(
    folder: Path, known: dict | None = None, saved_ns: int = 0, skip: frozenset[str] = frozenset()
) -> dict[str, list]:
    """Return [content hash, size, modification time] of each file under folder, by its path
    relative to it, leaving out the folders named in `skip`. A file `known` with the same size
    and time (and not written just before `saved_ns`) keeps its hash unread: the writer
    rewrites a file only to change it."""
    known = known or {}
    entries = {}
    for relative, path, stat in walk_files(folder, skip):
        entries[relative] = file_entry(path, known.get(relative), saved_ns, stat)
    return entries


def walk_files(
    folder: Path, skip: Iterable[str] = (), skip_top: Iterable[str] = (), stat: bool = True
):
    """Yield (path relative to folder, with /; path; its stat, or None without `stat`) of every
    file under folder, leaving out the folders named in `skip` wherever they are, and those in
    `skip_top` at its top. os.walk would ask for each entry's kind again (an lstat each): the
    directory listing says it already."""
    skip = frozenset(skip)
    yield from _files(str(folder), "", skip | frozenset(skip_top), skip, stat)


def _files(top: str, prefix: str, skip_here: frozenset[str], skip: frozenset[str], stat: bool):
    try:
        listing = os.scandir(top)
    except (FileNotFoundError, NotADirectoryError):
        return
    with listing:
        entries = list(listing)
    for entry in entries:
        relative = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in skip_here:
                yield from _files(entry.path, relative + "/", skip, skip, stat)
        elif entry.is_dir():
            continue  # a link to a folder: not followed, as os.walk does not
        elif not stat:
            yield relative, entry.path, None
        else:
            try:
                yield relative, entry.path, entry.stat()
            except FileNotFoundError:  # gone since the folder was listed
                continue


def file_entry(path: str, was: list | None, saved_ns: int = 0, stat=None) -> list:
    """Return [content hash, size, modification time] of a file; `was`, its entry when last
    recorded at `saved_ns`, when its size and time say it is unchanged. A file that cannot be
    read has no hash (None): it equals nothing, and the build that reads it reports why.
    `stat`: the file's, when the caller has it."""
    stat = stat or os.stat(path)
    if (
        was
        and was[0] is not None
        and was[1:] == [stat.st_size, stat.st_mtime_ns]
        and stat.st_mtime_ns < saved_ns - _RACY_NS
    ):
        return was
    try:
        with open(path, "rb") as handle:
            value = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return [None, stat.st_size, stat.st_mtime_ns]
    return [value, stat.st_size, stat.st_mtime_ns]


def site_listing(site_part: Path) -> dict[str, str]:
    """Return every file of site_part with its size and modification time, by relative path."""
    return {
        relative: f"{stat.st_size}:{stat.st_mtime_ns}"
        for relative, _, stat in walk_files(site_part)
    }


def site_marks(site_part: Path, listing: dict[str, str] | None = None) -> dict[str, str | None]:
    """Return the hashes of the files that tell one site from another (its search index and its
    sitemap hold every page), and of every file's name, size and time (`listing`, when the
    caller keeps it up to date): a page changed by hand is noticed too."""
    marks = {}
    for name in (SEARCH_INDEX, SITEMAP):
        path = site_part / name
        marks[name] = (
            hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            if path.is_file()
            else None
        )
    listing = site_listing(site_part) if listing is None else listing
    text = "".join(sorted(f"{name}:{mark};" for name, mark in listing.items()))
    marks["files"] = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return marks


def restat(listing: dict[str, str], site_part: Path, paths: Iterable[Path]) -> None:
    """Bring a listing of site_part up to date for these files (changed, added or gone)."""
    under = str(site_part).rstrip(os.sep) + os.sep
    relative_of = relative_paths(site_part)
    for path in paths:
        if not str(path).startswith(under):
            continue
        relative = relative_of(path)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            listing.pop(relative, None)
            continue
        listing[relative] = f"{stat.st_size}:{stat.st_mtime_ns}"
