"""The store of what each review file gave an earlier build (check/known.py), in build/.

One file per review file, named by the hash of everything the result depends on: the file's
bytes and path, site_config.yml, reviewwall's code (its words and format rules with it). A
changed input is another name, so an entry is never stale, only unused: a build removes the
unused ones. A file is written whole under a temporary name and then renamed, by whichever
process read the review.

build/ may come from a CI cache that someone else could write, so these files are read with
Python's restricted unpickler (the pickle documentation's "Restricting Globals"): only the
classes a Review, a Case and a Problem are made of can be named; anything else is refused and
the review file is read again, as if nothing were stored.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import os
import pickle
import tempfile
import zoneinfo
from pathlib import Path

from markupsafe import Markup

from .. import __version__
from ..check.known import Known
from ..read import problems as problems_module
from ..read import review as review_module
from ..read.config import SiteConfig
from ..render import case as case_module
from .inputs import review_hashes, shaped_by

CACHE_DIR = "reviews-cache"  # build/reviews-cache/<key>
_FORMAT = 2
# What a review file's result depends on besides its bytes and path: by inputs.py's labels.
_SHAPING = ("config", "reviewwall")
_CLASSES = {
    **{("datetime", name): getattr(datetime, name) for name in ("datetime", "date", "timedelta")},
    ("datetime", "timezone"): datetime.timezone,
    ("zoneinfo", "ZoneInfo"): zoneinfo.ZoneInfo,
    ("markupsafe", "Markup"): Markup,
    ("check.known", "Known"): Known,
}
_MODULES = {
    "read.review": review_module,
    "read.problems": problems_module,
    "render.case": case_module,
}


class ReviewCache:
    """What each review file gave, by its path, for its bytes as read_sources hashed them."""

    def __init__(
        self, build_dir: Path, config: SiteConfig, sources: dict[str, list], read: bool = True
    ):
        """`read=False`: give nothing back (every file is read), keep what is read."""
        self.folder = build_dir / CACHE_DIR
        self.read = read
        self.refused: set[str] = set()
        shaping = shaped_by(sources, _SHAPING)  # once, not per file
        base = f"{_FORMAT};{__version__};{shaping}"
        self.keys = {
            path: hashlib.blake2b(f"{base};{path};{value}".encode(), digest_size=16).hexdigest()
            for path, value in review_hashes(sources, config).items()
        }

    def get(self, path: str) -> Known | None:
        key = self.keys.get(path)
        if key is None or not self.read:
            return None
        try:
            with open(self.folder / key, "rb") as handle:
                found = _Unpickler(handle).load()
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, ValueError, TypeError, EOFError, AttributeError):
            found = None
        if not isinstance(found, Known):
            self.refused.add(key)  # written again once the file is read
            return None
        return found

    def put(self, path: str, known: Known) -> None:
        key = self.keys.get(path)
        if key is None or (key not in self.refused and (self.folder / key).is_file()):
            return  # the same name holds the same result
        self.folder.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(known)
        data = buffer.getvalue()
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".new-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, self.folder / key)

    def prune(self) -> None:
        """Remove the entries no review file has now (and any a process left half-made)."""
        if not self.folder.is_dir():
            return
        wanted = set(self.keys.values())
        for name in os.listdir(self.folder):
            if name not in wanted:
                (self.folder / name).unlink(missing_ok=True)


# A class with __slots__ is unpickled through dataclasses' own __setstate__, which asks for the
# class's fields again for every object: a quarter of reading 10 000 stored results. Stored as a
# call of the class with its fields instead, they are made by the class's own __init__. Only
# classes whose __init__ takes every field, in order, and does nothing else.
_BY_FIELDS = {
    kind: tuple(field.name for field in dataclasses.fields(kind))
    for kind in (
        review_module.Review,
        review_module.ThreadEntry,
        review_module.Outcome,
        problems_module.Problem,
    )
}


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        names = _BY_FIELDS.get(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


class _Unpickler(pickle.Unpickler):
    """Names only the classes a stored result is made of; never a function (pickle could call
    it), but the one ZoneInfo gives to unpickle itself by its key."""

    def find_class(self, module: str, name: str):
        short = module.removeprefix("generator.")
        if (short, name) in _CLASSES:
            return _CLASSES[short, name]
        if module == "builtins" and name == "getattr":
            return _zone_getattr
        owner = _MODULES.get(short) if module.startswith("generator.") else None
        found = getattr(owner, name, None) if owner else None
        if isinstance(found, type) and found.__module__ == module:
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a stored review")


def _zone_getattr(owner, name: str):
    if owner is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle
    raise pickle.UnpicklingError(f"getattr({owner!r}, {name!r}) is not part of a stored review")


def read_bytes(data: bytes) -> Known | None:
    """Return what stored bytes hold, read as get() reads a file (for the tests)."""
    try:
        found = _Unpickler(io.BytesIO(data)).load()
    except (pickle.UnpicklingError, ValueError, TypeError, EOFError, AttributeError):
        return None
    return found if isinstance(found, Known) else None
