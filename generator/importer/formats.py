"""What a source holds, read into candidates: a feed, a CSV export or a JSON export, with the
preset that says what its entries mean and a first line that says how that was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo

from .candidate import Candidate
from .csvfile import CsvError, parse_maps, read_csv
from .encoding import EncodingError
from .feeds import FeedError, read_feed
from .jsonfile import JsonError, read_json
from .presets import PRESETS, Preset
from .sources import Source

FORMS = {"feed": "an RSS or Atom feed", "csv": "a CSV export", "json": "a JSON export"}


class FormatError(Exception):
    """The source cannot be read as what it is; `code` 2 for a flag that does not fit it."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


@dataclass
class SourceRead:
    """A source's entries as candidates, and everything the report says about reading them."""

    candidates: list[Candidate]
    preset: Preset
    about: str  # the first line, before the channel: "feed.xml: preset app-store (…)"
    unit: str = "entry"  # what a bad one is called: "row" in a CSV export
    bad: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    skipped: list[str] = field(default_factory=list)  # why, once per entry skipped
    unused: list[str] = field(default_factory=list)  # columns or keys not imported
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def links(self) -> list[str]:
        return [candidate.url for candidate in self.candidates if candidate.url]

    @property
    def zoneless(self) -> bool:
        return any(candidate.zoneless for candidate in self.candidates)


def read_entries(
    source: Source,
    preset: str | None,
    maps: list[str],
    timezone: tzinfo,
    encoding: str | None = None,
) -> SourceRead:
    """Read every entry of a source; raise FormatError when it cannot be imported at all."""
    form = source.form
    if preset is not None and form not in PRESETS[preset].forms:
        wants = " or ".join(FORMS[name] for name in PRESETS[preset].forms)
        raise FormatError(f"--preset {preset} reads {wants}; {source.name} is {FORMS[form]}", 2)
    if maps and form != "csv":
        raise FormatError("--map is for CSV files only", 2)
    try:
        if form == "csv":
            return _read_csv(source, preset, parse_maps(maps), timezone, encoding)
        if form == "json":
            return _read_json(source, preset, encoding)
        return _read_feed(source, preset, encoding)
    except (CsvError, FeedError, JsonError, EncodingError) as error:
        raise FormatError(f"{error}; nothing was imported") from None


def _read_csv(source, preset, maps, timezone, encoding) -> SourceRead:
    rows = read_csv(source, maps, timezone, preset, encoding)
    about = f"{source.name}: CSV"
    if rows.preset != "generic":
        about = f"{source.name}: preset {rows.preset} ({_chosen(rows.detected)})"
    return SourceRead(
        rows.candidates, PRESETS[rows.preset], about, "row", rows.bad_rows, unused=rows.unused
    )


def _read_json(source, preset, encoding) -> SourceRead:
    found = read_json(source, preset, encoding)
    about = f"{source.name}: preset {found.preset} ({_chosen(found.detected)})"
    return SourceRead(
        found.candidates,
        PRESETS[found.preset],
        about,
        "entry",
        found.bad,
        unused=found.unused,
        warnings=found.warnings,
        notes=found.notes,
    )


def _read_feed(source, preset, encoding) -> SourceRead:
    feed = read_feed(source, preset, encoding)
    chosen = _chosen(feed.detected) if feed.detected or preset else "the default"
    read = SourceRead(
        feed.candidates, feed.preset, f"{source.name}: preset {feed.preset.name} ({chosen})"
    )
    read.warnings += [feed.warning] if feed.warning else []
    read.skipped += [why for _, why in feed.skipped]
    return read


def _chosen(detected: str | None) -> str:
    return f"detected from the {detected}" if detected else "chosen"
