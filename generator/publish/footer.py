"""The ledger line in every page's footer, set again without the engine.

Every page's footer says how many reviews came in and how many are shown (templates/theme/
main.html, from mkdocs.yml's `extra.reviewwall_frame.ledger`), so a new review changes every page
of the site by that one line. A rebuild renders only the pages whose own source changed, and
sets the new line into the others, byte for byte as the theme writes it (`{{ rw.ledger | e }}`
inside `<p class="rw-ledger">`). Where a page still holds the old line in any other form (a theme
of the site's own that shows it elsewhere), nothing is trusted and the site is built in full.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml
from markupsafe import escape

from .hashes import walk_files

_MARK = '<p class="rw-ledger">{} <a '


def split_ledger(mkdocs_yml: bytes) -> tuple[bytes, str]:
    """Return mkdocs.yml without the footer's ledger line (what shapes every page otherwise),
    and that line."""
    config = yaml.safe_load(mkdocs_yml) or {}
    frame = (config.get("extra") or {}).get("reviewwall_frame") or {}
    ledger = frame.pop("ledger", "") if isinstance(frame, dict) else ""
    rest = yaml.safe_dump(config, allow_unicode=True, sort_keys=True).encode()
    return rest, ledger if isinstance(ledger, str) else ""


class StaleLedger(Exception):
    """A page the engine did not render again shows the old ledger line in a form we cannot
    set: the site must be built in full."""


def marks(old: str, new: str) -> tuple[bytes, bytes]:
    """Return the footer's ledger mark as the theme writes it, with the old line and the new."""
    return _MARK.format(escape(old)).encode(), _MARK.format(escape(new)).encode()


def restamp(
    site_part: Path, old: str, new: str, rendered: set[str], others: Sequence[str] = ()
) -> Iterator[tuple[str, bytes]]:
    """Yield (path relative to site_part, content) of every page of site_part but the
    `rendered` ones whose footer shows the old ledger line (marks(old, new)[0]); the top folders
    named in `others` (other languages' parts) are left out. Raises StaleLedger when a page
    holds the old line in any other form."""
    before, _ = marks(old, new)
    traces = {str(escape(old)).encode(), old.encode()}
    for relative, path, _ in walk_files(site_part, skip_top=others, stat=False):
        if not relative.endswith(".html") or relative in rendered:
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        found = data.count(before)
        # Every trace of the old line must be inside the marks that are set again.
        if old and any(data.count(trace) != found * before.count(trace) for trace in traces):
            raise StaleLedger(path)
        if found:
            yield relative, data
