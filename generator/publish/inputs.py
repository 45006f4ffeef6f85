"""What a published build was made from, so that a build of the same has nothing to do.

A build reads every review, checks it, measures and renders every page before the rebuild's plan
can see that no page changed: seconds at 10 000 reviews. After each build, build/ records the
hash of every file the site is made from (site_config.yml, the reviews, removals.yml, the
templates, the logo, reviewwall's own code and templates), the engine and its version, and until
when the moment of the build shapes nothing new: the pages show the day (the figures page's
date, the months of the trends) and count the 12 months before it, so the record holds until the
next midnight of the site's clock or until the oldest review of those 12 months leaves them,
whichever comes first. A build of the same files, before then, on the site/ it left, is done
before it starts. Anything else, or `--full`, builds.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

from .. import __version__
from ..check.project import build_moment
from ..measure.figures import year_before
from ..read.config import CONFIG_FILE, SiteConfig, read_config
from ..read.removals import REMOVALS_FILE
from ..read.review import Review
from ..render.renderer import BUILTIN_TEMPLATES
from . import incremental
from .hashes import file_entry, tree_entries

RECORD = ".reviewwall-inputs.json"
_PACKAGE = Path(__file__).resolve().parents[1]
_FORMAT = 1
_COMPILED = frozenset({"__pycache__"})


def up_to_date(
    root: Path, build_dir: Path, parts: Callable[[SiteConfig], list[tuple[Path, Path]]], engine: str
) -> bool:
    """Return whether the last build was made from exactly what a build now would be made from,
    at a moment that shapes the same pages. `parts`: each language's project folder and its part
    of site/, for the config."""
    try:
        record = json.loads((build_dir / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    config, problems = read_config(root)
    now = build_moment(problems)
    if problems or record.get("format") != _FORMAT or record.get("engine") != _engine(engine):
        return False
    if not record["built"] <= now.timestamp() < record["until"]:
        return False
    files = _entries(root, config, record.get("files", {}), record.get("saved_ns", 0))
    if {name: entry[0] for name, entry in files.items()} != {
        name: entry[0] for name, entry in record.get("files", {}).items()
    }:
        return False
    # site/ is the one the last build published, every language of it.
    return all(incremental.published(folder, part) for folder, part in parts(config))


def read_sources(root: Path, build_dir: Path) -> dict[str, list]:
    """Return [hash, size, time] of every file the site is made from, by a name that says where;
    a file whose size and time are those of the last record keeps its hash unread.

    Read before the build reads the files: a file saved while it builds is then seen as changed
    by the next build, never recorded as built."""
    config, _ = read_config(root)
    try:
        record = json.loads((build_dir / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        record = {}
    return _entries(root, config, record.get("files", {}), record.get("saved_ns", 0))


def record_inputs(
    build_dir: Path,
    config: SiteConfig,
    engine: str,
    now: datetime,
    counted: Iterable[Review],
    files: dict[str, list],
) -> None:
    """Record what the build just published was made from (after site/ is in place): `files`,
    as read_sources read them before the build."""
    since = year_before(now)
    oldest = min((r.received for r in counted if since < r.received <= now), default=None)
    local = now.astimezone(config.timezone)
    midnight = datetime.combine(
        local.date() + timedelta(days=1), datetime.min.time(), config.timezone
    )
    # A year is 365 days or more: the oldest review leaves the 12 months no sooner than this.
    until = min(midnight, oldest + timedelta(days=365)) if oldest else midnight
    record = {
        "format": _FORMAT,
        "engine": _engine(engine),
        "built": now.timestamp(),
        "until": until.timestamp(),
        "files": files,
        "saved_ns": time.time_ns(),
    }
    (build_dir / RECORD).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")


def review_hashes(sources: dict[str, list], config: SiteConfig) -> dict[str, str]:
    """Return the hash of each review file among read_sources' entries, by its path from the
    project root (as a review and its case name their file); a file that could not be read has
    none. Reviews kept outside the project: none (nothing is kept for them)."""
    try:
        prefix = config.reviews_dir.relative_to(config.root).as_posix()
    except ValueError:
        return {}
    start = len("reviews/")
    return {
        name[start:] if prefix == "." else f"{prefix}/{name[start:]}": entry[0]
        for name, entry in sources.items()
        if name.startswith("reviews/") and entry[0] is not None
    }


def shaped_by(sources: dict[str, list], labels: Iterable[str]) -> str:
    """Return one hash of read_sources' entries of these inputs, by their labels ('config',
    'reviewwall', 'templates', …): the part of a kept result's key that those files shape."""
    wanted = set(labels)
    chosen = sorted(
        (name, entry[0]) for name, entry in sources.items() if name.split("/", 1)[0] in wanted
    )
    return hashlib.blake2b(repr(chosen).encode(), digest_size=16).hexdigest()


def labels_of(sources: dict[str, list]) -> set[str]:
    """Return the labels of the inputs among read_sources' entries."""
    return {name.split("/", 1)[0] for name in sources}


def forget_inputs(build_dir: Path) -> None:
    (build_dir / RECORD).unlink(missing_ok=True)


def _entries(root: Path, config: SiteConfig, known: dict | None = None, saved_ns: int = 0) -> dict:
    """Return [hash, size, time] of every file the site is made from, by a name that says where."""
    entries: dict[str, list] = {}
    sources = {
        "config": root / CONFIG_FILE,
        "removals": root / REMOVALS_FILE,
        "reviews": config.reviews_dir,
        "templates": config.templates_dir,
        "builtin": BUILTIN_TEMPLATES,
        "reviewwall": _PACKAGE,
    }
    if config.logo:
        sources["logo"] = root / config.logo
    for label, path in sources.items():
        if path.is_file():
            was = (known or {}).get(label)
            try:
                entries[label] = file_entry(str(path), was, saved_ns)
            except FileNotFoundError:  # gone since: the build reports it
                continue
        elif path.is_dir():
            # Compiled code is not what the site is made from: the sources beside it are.
            found = tree_entries(path, known and _under(known, label), saved_ns, _COMPILED)
            entries.update({f"{label}/{name}": entry for name, entry in found.items()})
    return entries


def _under(known: dict, label: str) -> dict:
    prefix = label + "/"
    return {name[len(prefix) :]: entry for name, entry in known.items() if name.startswith(prefix)}


def _engine(engine: str) -> str:
    return f"{engine};{incremental.engine_versions(engine)};reviewwall={__version__}"
