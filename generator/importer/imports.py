"""One import: read a source, compare each entry with reviews/, add the new ones as files."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..check.checks import check_document
from ..read.config import SiteConfig, read_config
from ..read.fields import FieldReader
from ..read.problems import Problems
from ..read.reader import Document
from ..read.removals import REMOVALS_FILE, read_removals
from ..read.review import KINDS
from ..read.yamltree import Node
from .candidate import Candidate
from .encoding import EncodingError, check_encoding_name
from .formats import FormatError, SourceRead, read_entries
from .presets import channel_from_links, default_channel
from .sources import DEFAULT_TIMEOUT, SourceError, read_source
from .store import (
    Index,
    StoreError,
    import_lock,
    plan_path,
    read_index,
    render_review,
    write_new_file,
)


class ImporterError(Exception):
    """The import stopped before writing anything; `lines` say why; `code` is the exit code."""

    def __init__(self, lines: list[str], code: int = 1):
        super().__init__("\n".join(lines))
        self.lines = lines
        self.code = code


@dataclass
class ImportOptions:
    """What staff asked for on the command line."""

    source: str
    channel: str | None = None
    preset: str | None = None
    kind: str | None = None
    maps: list[str] = field(default_factory=list)
    skip_bad_rows: bool = False
    dry_run: bool = False
    timeout: float = DEFAULT_TIMEOUT
    timezone: str | None = None  # an IANA name for times that come without a zone
    encoding: str | None = None  # for a source whose bytes do not say their encoding


@dataclass
class ImportReport:
    """What an import did, or would do in a dry run."""

    about: str = ""
    details: list[str] = field(default_factory=list)  # how the source was read, after `about`
    new: list[str] = field(default_factory=list)
    already: int = 0
    changed: list[str] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    unrated: int = 0  # new files whose kind came from the preset or --kind, not a rating
    removed: int = 0  # entries whose review was removed with a record: never imported again

    def summary(self) -> str:
        """Return '12 new, 30 already imported, 1 changed upstream (not touched), 2 skipped (…)'."""
        skipped = sum(self.skipped.values())
        line = (
            f"{len(self.new)} new, {self.already} already imported, "
            f"{len(self.changed)} changed upstream (not touched), {skipped} skipped"
        )
        if skipped:
            line += " (" + ", ".join(f"{n} {why}" for why, n in self.skipped.items()) + ")"
        if self.removed:
            line += f", {self.removed} removed earlier (in {REMOVALS_FILE}; not imported again)"
        return line


Progress = Callable[[int, int], None]
_PLURAL = {"row": "rows", "entry": "entries"}


def import_source(
    root: Path, options: ImportOptions, progress: Progress | None = None, waiting=lambda: None
) -> ImportReport:
    """Import every new entry of a source into root/reviews/; raise ImporterError to stop."""
    config, problems = read_config(root)
    if problems.errors:
        raise ImporterError([str(p) for p in problems.errors])
    channel, kind, zone = _check_flags(options, config)
    source = _read(options)
    report = ImportReport(dry_run=options.dry_run)
    try:
        read = read_entries(
            source, options.preset, options.maps, zone or config.timezone, options.encoding
        )
    except FormatError as error:
        raise ImporterError([f"error: {error}"], error.code) from None
    _count_bad(read, source.name, options.skip_bad_rows, report)
    report.warnings += [f"warning: {warning}" for warning in read.warnings]
    for why in read.skipped:
        report.skipped[why] += 1
    preset = read.preset
    channel = channel or default_channel(preset, config.channels)
    channel = channel or channel_from_links(read.links, config.channels)
    if channel is None:
        raise ImporterError(
            [
                f"error: cannot tell where these reviews were written; give --channel "
                f"(one of: {', '.join(config.channels)})"
            ],
            code=2,
        )
    report.about = f"{read.about}, channel {channel}"
    if read.unused:
        report.details.append("not imported: " + ", ".join(read.unused))
    if read.zoneless:
        report.details.append(
            f"times without a zone were read in {options.timezone} (--timezone)"
            if zone
            else f"times without a zone were read in {config.timezone.key}, the site's timezone "
            "(--timezone to choose another)"
        )
        if zone:
            for candidate in read.candidates:
                # The hash that stands in for a missing id is of the time as the source wrote
                # it, so that importing again with another --timezone finds the same entries.
                candidate.source_id = candidate.identify()
                candidate.place_in(zone)
    report.notes += read.notes
    unrated_kind = kind or preset.kind
    if options.dry_run:
        _import_all(root, config, read.candidates, channel, unrated_kind, report, progress)
    else:
        with import_lock(config.reviews_dir, waiting):
            _import_all(root, config, read.candidates, channel, unrated_kind, report, progress)
    if report.unrated and kind is None:
        report.notes.append(
            f"{report.unrated} without a rating {'was' if report.unrated == 1 else 'were'} given "
            f"kind '{preset.kind}' (the {preset.name} preset's choice; --kind to choose another)."
        )
    return report


def _count_bad(read: SourceRead, name: str, skip: bool, report: ImportReport) -> None:
    """Stop on bad rows or entries, or, with --skip-bad-rows, warn and count them."""
    bad = len({where for where, _ in read.bad})
    if not bad:
        return
    unit = read.unit if bad == 1 else _PLURAL[read.unit]
    if not skip:
        raise ImporterError(
            [f"{where}: {message}" for where, message in read.bad]
            + [
                f"error: {bad} bad {unit} in {name}; nothing was imported (fix them, or import "
                f"the other {_PLURAL[read.unit]} with --skip-bad-rows)"
            ]
        )
    report.warnings += [f"{at}: warning: {msg}; {read.unit} skipped" for at, msg in read.bad]
    report.skipped[f"bad {unit}"] = bad


def _check_flags(options: ImportOptions, config: SiteConfig):
    """Return the --channel, --kind and --timezone staff gave, checked; raise for a wrong one."""
    problems = Problems()
    fields = FieldReader("--", problems, config.timezone)
    channel = fields.choice(Node(options.channel, 0), "--channel", config.channels, "channel")
    kind = fields.choice(Node(options.kind, 0), "--kind", KINDS, "kind")
    lines = [f"error: {problem.message}" for problem in problems]
    zone = None
    if options.timezone is not None:
        try:
            zone = ZoneInfo(options.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            names = {name.lower(): name for name in available_timezones()}
            wanted = options.timezone.lower()
            close = [n for n in names if n.rsplit("/", 1)[-1] == wanted.rsplit("/", 1)[-1]]
            close = close or difflib.get_close_matches(wanted, names, n=1)
            hint = f"; did you mean '{names[sorted(close)[0]]}'?" if close else ""
            lines.append(
                f"error: --timezone: unknown time zone '{options.timezone}'; expected an IANA "
                f"name like Europe/Oslo, Europe/Stockholm or UTC{hint}"
            )
    if options.encoding is not None:
        try:
            options.encoding = check_encoding_name(options.encoding)
        except EncodingError as error:
            lines.append(f"error: {error}")
    if lines:
        raise ImporterError(lines, code=2)
    return channel, kind, zone


def _read(options: ImportOptions):
    try:
        return read_source(options.source, options.timeout)
    except SourceError as error:
        raise ImporterError([f"error: {error}"]) from None


def _import_all(
    root: Path,
    config: SiteConfig,
    candidates: list[Candidate],
    channel: str,
    unrated_kind: str | None,
    report: ImportReport,
    progress: Progress | None,
) -> None:
    try:
        index = read_index(root, config.reviews_dir)
    except StoreError as error:
        raise ImporterError(
            error.lines
            + [
                "error: an import must read the source_id of every review file; fix the file "
                "above first (reviewwall check shows every problem); nothing was imported"
            ]
        ) from None
    removals = read_removals(root, config)
    if removals.problems.errors:
        raise ImporterError(
            [str(problem) for problem in removals.problems.errors]
            + [
                f"error: an import must know every review removed in {REMOVALS_FILE}, so that none "
                "comes back; fix the file above first; nothing was imported"
            ]
        )
    index.removed = {r.source_id for r in removals.records if r.source_id}
    seen: set[str] = set()
    for number, candidate in enumerate(candidates, 1):
        if progress:
            progress(number, len(candidates))
        why = _import_one(root, config, index, seen, candidate, channel, unrated_kind, report)
        if why:
            report.skipped[why] += 1


def _import_one(
    root,
    config,
    index: Index,
    seen: set[str],
    candidate: Candidate,
    channel: str,
    unrated_kind: str | None,
    report: ImportReport,
) -> str | None:
    """Import one candidate; return why it was skipped, or None."""
    if candidate.received is None:
        return "without a date"
    if not candidate.text and candidate.rating is None:
        return "without text or a rating"  # a rating alone is a review; words alone need a kind
    kind = candidate.kind or (unrated_kind if candidate.rating is None else None)
    if kind is None and candidate.rating is None:
        return "without a rating or --kind"
    source_id = candidate.identify()
    if source_id in seen:
        return "twice in the source"
    seen.add(source_id)
    if source_id in index.removed:
        report.removed += 1
        return None
    known = index.imported.get(source_id)
    if known is not None:
        if known.fingerprint == candidate.fingerprint:
            report.already += 1
        else:
            report.changed.append(known.path)
        return None
    try:
        text, tree = render_review(candidate, channel, kind, replier=config.name)
    except StoreError as error:
        report.warnings += [f"warning: {line}" for line in error.lines]
        return "that cannot be written as YAML"
    path = plan_path(config.reviews_dir, candidate, index)
    relative = path.relative_to(root).as_posix()
    problems = Problems()
    check_document(Document(path.stem, relative, tree), config, problems)
    if problems:
        report.warnings += [f"warning: {candidate.where} was not imported: {p}" for p in problems]
        return "that would not pass check"
    if not report.dry_run:
        while not write_new_file(path, text):  # a file made by hand meanwhile: take the next name
            path = plan_path(config.reviews_dir, candidate, index)
            relative = path.relative_to(root).as_posix()
    report.new.append(relative)
    report.unrated += candidate.rating is None and candidate.kind is None
    return None
