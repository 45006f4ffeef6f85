"""Pages kept from the last build when nothing they show has changed.

Rendering every case and wall page took most of a rebuild's own time at 10 000 reviews, to find
that all but a few came out the same. A case page is made from its review file alone, and a wall
page from its cases and a few counts; both with the site's settings, templates and words, and
reviewwall's code. So each such page gets a key: the hash of those inputs' hashes (read from the
files, as inputs.py keeps them) and of what the page says it shows (render KnownOrder). A build
whose key for a page is the one recorded, with the page's file in build/docs as it was written
(same size and time), keeps the file and does not render it. Anything else renders.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..read.config import SiteConfig
from ..render.renderer import KnownOrder
from .inputs import labels_of, review_hashes, shaped_by

MEMO = ".reviewwall-pages.json"
_FORMAT = 1
# The inputs of a page besides its cases: all that inputs.py records but the review files and
# removals.yml (whose effect on a page is in what the page says it shows).
_NOT_SHAPING = {"reviews", "removals"}


class Memo:
    """The keys of the pages of one project (one language): those recorded, those made now."""

    def __init__(
        self, build_dir: Path, config: SiteConfig, sources: dict[str, list], read: bool = True
    ):
        """`sources`: every input file's [hash, size, time] by inputs.py's names; `read=False`:
        keep no page (the keys are still made, and saved)."""
        self.build_dir = build_dir
        shaping = shaped_by(sources, labels_of(sources) - _NOT_SHAPING)
        base = f"{_FORMAT};{__version__};{config.language};{config.site_url};{shaping}"
        self.base = hashlib.blake2b(base.encode(), digest_size=16).hexdigest()  # once, not per page
        self.files = review_hashes(sources, config)
        self.keys: dict[str, str] = {}
        try:
            self.recorded = json.loads((build_dir / MEMO).read_text("utf-8")) if read else {}
        except (OSError, ValueError):
            self.recorded = {}
        if self.recorded.pop("format", None) != _FORMAT:
            self.recorded = {}

    def key(self, order: KnownOrder) -> str | None:
        """Return the page's key, or None when a file it shows was not among the inputs read."""
        hashes = [self.files.get(path) for path in order.cases]
        if None in hashes:
            return None
        text = f"{self.base};{order.path};{order.shows};{hashes}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    def kept(self, orders: Sequence) -> tuple[list, list[str]]:
        """Return the orders that must render, and the paths (from the build folder) of the pages
        kept as they are."""
        render, kept = [], []
        docs = os.path.join(self.build_dir, "docs")
        for order in orders:
            key = self.key(order) if isinstance(order, KnownOrder) else None
            if key is None:
                render.append(order)
                continue
            self.keys[order.path] = key
            was = self.recorded.get(order.path)
            if was and was[0] == key and was[1:] == _stat(os.path.join(docs, order.path)):
                kept.append(f"docs/{order.path}")
            else:
                render.append(order)
        return render, kept

    def save(self) -> None:
        """Record the key of every page with one, as its file now is."""
        docs = os.path.join(self.build_dir, "docs")
        record: dict = {"format": _FORMAT}
        for path, key in self.keys.items():
            if (found := _stat(os.path.join(docs, path))) is not None:
                record[path] = [key, *found]
        (self.build_dir / MEMO).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")


def _stat(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]
