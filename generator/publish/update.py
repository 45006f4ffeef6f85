"""A part of site/ brought up to date in place: every new file made first, then moved in.

A rebuild changes a few pages, the search index and the sitemap (and, after a new review, the
footer's line of every page). Copying a site of 10 000 pages to change twenty, then removing the
old one, took longer than the rebuild itself. So the new files are all made first, beside the
build (`prepare`): the pages the engine rendered, the files that are no pages, the pages with
their footer set again, the search index and the sitemap. Only when every one of them is made
does anything in site/ change (`commit`): renames and removals on one file system, which need no
space and cannot half-write a file. A build that fails before that leaves site/ as it was.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .footer import marks, restamp
from .shards import SEARCH_INDEX, SITEMAP, output_of, page_of, sort_key, write_sitemap

PENDING = "site-pending"  # build/site-pending/: the new files of a part, until they move in


@dataclass
class Pending:
    """A part of site/ and what will change in it: files to move in (their new content, made),
    files to remove; paths relative to the part."""

    site_part: Path
    moves: dict[str, Path] = field(default_factory=dict)
    removals: list[str] = field(default_factory=list)
    # Pages whose footer line is set in place (the new line as long as the old): where its
    # marks are in each, and the new mark.
    patches: dict[str, list[int]] = field(default_factory=dict)
    mark: bytes = b""

    def touched(self) -> list[Path]:
        """Return every file of site/ the commit changes, adds or removes."""
        names = [*self.moves, *self.patches, *self.removals]
        return [self.site_part / name for name in names]


def prepare(
    site_part: Path,
    build_dir: Path,
    changes,
    rendered: Path | None,
    others: Sequence[str] = (),
) -> Pending:
    """Make every file the update of site_part needs, outside it; return what will change.

    `changes`: the plan (incremental.Plan); `rendered`: the site the engine made of the changed
    pages, or None when no page changed; `others`: the top folders of site_part that are other
    parts (the further languages, with their own footer line). Raises footer.StaleLedger when a
    page shows the footer's line in a form that cannot be set: nothing in site_part has changed
    then.
    """
    return finish(begin(site_part, build_dir, changes, others), build_dir, changes, rendered)


def begin(site_part: Path, build_dir: Path, changes, others: Sequence[str] = ()) -> Pending:
    """Make what needs no page the engine renders: the files that are no pages, the removals,
    the footer's new line in every other page (while the engine works, on a new review)."""
    pending = Pending(site_part)
    folder = build_dir / PENDING
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    docs = build_dir / "docs"
    for path in changes.removed:
        pending.removals.append(output_of(path) if path.endswith(".md") else path)
    for path in changes.changed:
        if not path.endswith(".md"):
            made = folder / path
            made.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs / path, made)
            pending.moves[path] = made
    if changes.ledger:
        # Not the pages rendered again, nor those that go. A new line as long as the old one
        # (nearly always: 9 674 → 9 675) is written over it at commit; 10 000 new files of
        # 350 MB took longer than the engine. Else each page is made anew, beside the site.
        before, after = marks(*changes.ledger)
        done = {output_of(page) for page in changes.pages} | set(pending.removals)
        pending.mark = after
        for number, (relative, data) in enumerate(
            restamp(site_part, *changes.ledger, done, others)
        ):
            if len(before) == len(after):
                pending.patches[relative] = _places(data, before)
            else:
                made = folder / f"footer-{number}.html"
                made.write_bytes(data.replace(before, after))
                pending.moves[relative] = made
    return pending


def finish(pending: Pending, build_dir: Path, changes, rendered: Path | None) -> Pending:
    """Add what the engine rendered: its pages, the search index and the sitemap updated."""
    site_part, folder = pending.site_part, build_dir / PENDING
    for path in changes.pages:
        pending.moves[output_of(path)] = rendered / output_of(path)
    if rendered is not None:
        gone = set(changes.removed) | set(changes.pages)
        if (site_part / SEARCH_INDEX).is_file():
            made = folder / SEARCH_INDEX
            made.parent.mkdir(parents=True, exist_ok=True)
            made.write_text(_search_index(site_part, rendered, gone), encoding="utf-8")
            pending.moves[SEARCH_INDEX] = made
        if (site_part / SITEMAP).is_file():
            write_sitemap(
                folder,
                [site_part, rendered],
                keep=lambda page, index: (page in gone) == (index == 1),
            )
            for name in (SITEMAP, SITEMAP + ".gz"):
                pending.moves[name] = folder / name
    return pending


def commit(pending: Pending) -> None:
    """Move the prepared files into their part of site/ and remove the files gone."""
    site_part = pending.site_part
    for relative in pending.removals:
        target = site_part / relative
        target.unlink(missing_ok=True)
        _prune(target.parent, site_part)
    for relative, source in sorted(pending.moves.items()):
        target = site_part / relative
        # A rename replaces the name, never the file: a hard link to the old file (a copy of the
        # site someone keeps) keeps the old content.
        try:
            os.replace(source, target)
        except FileNotFoundError:  # a new page in a new folder
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for relative, places in pending.patches.items():
        _patch(site_part / relative, places, pending.mark)


def _places(data: bytes, mark: bytes) -> list[int]:
    places, start = [], data.find(mark)
    while start != -1:
        places.append(start)
        start = data.find(mark, start + len(mark))
    return places


def _patch(path: Path, places: list[int], mark: bytes) -> None:
    """Write the new mark over the old one in the file: only its bytes change. A file that is
    also linked elsewhere (a copy of the site someone keeps) is replaced instead, never written
    through."""
    with open(path, "r+b") as handle:
        if os.fstat(handle.fileno()).st_nlink == 1:
            for place in places:
                handle.seek(place)
                handle.write(mark)
            return
        data = bytearray(handle.read())
    for place in places:
        data[place : place + len(mark)] = mark
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_bytes(data)
    os.replace(fresh, path)


def _search_index(site_part: Path, rendered: Path, gone: set[str]) -> str:
    """Return the search index of the updated part: the entries of the pages not rendered again
    from the old index, those of the rendered pages from the new one, in MkDocs's order."""
    old = json.loads((site_part / SEARCH_INDEX).read_text("utf-8"))
    new = json.loads((rendered / SEARCH_INDEX).read_text("utf-8"))
    entries: dict[str, list[dict]] = {}
    for entry in old["docs"]:
        if page_of(entry["location"]) not in gone:
            entries.setdefault(page_of(entry["location"]), []).append(entry)
    for entry in new["docs"]:
        if page_of(entry["location"]) in gone:
            entries.setdefault(page_of(entry["location"]), []).append(entry)
    docs = [entry for page in sorted(entries, key=sort_key) for entry in entries[page]]
    merged = {"config": old["config"], "docs": docs}
    return json.dumps(merged, separators=(",", ":"), default=str)


def _prune(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
