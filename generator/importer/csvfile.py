"""CSV exports from review platforms: columns found by their header, bad rows named by line."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from urllib.parse import unquote

from ..read.fields import shown
from ..read.problems import did_you_mean
from ..read.yamltree import Node
from .candidate import Candidate, aware, parse_moment
from .encoding import read_text
from .plaintext import tidy_text
from .presets import CSV_COLUMNS, CSV_ID_IN_LINK, detect_csv_preset
from .ratings import read_rating_cell
from .sources import Source

# Header names (lowercase, single spaces) that obviously mean a field; the first column wins.
HEADERS = {
    "id": "id, review id, reference",
    "date": "date, received, review date, created, created at, date created, published, "
    "timestamp, dato, datum, päivämäärä, pvm",
    "rating": "rating, stars, star rating, score, vurdering, karakter, stjerner, terningkast, "
    "betyg, arvosana, tähdet",
    "title": "title, subject, heading, headline, review title, tittel, overskrift, rubrik, otsikko",
    "text": "text, review, content, body, comment, review text, review content, message, tekst, "
    "omtale, anmeldelse, kommentar, recension, teksti, arvostelu, kommentti",
    "author": "author, name, reviewer, reviewer name, customer, customer name, navn, kunde, "
    "forfatter, namn, kund, nimi, asiakas",
    "url": "url, link, review url, lenke, länk, linkki",
    "language": "language, lang, språk, kieli",
    "reply": "reply, response, answer, owner reply, business reply, reply text, svar, vastaus",
    "reply_date": "reply date, response date, replied at, reply at, answer date, svardato, "
    "svar dato, svarsdato, svarsdatum, vastauksen päivämäärä",
}
FIELDS = tuple(HEADERS)
_NAMES = {field: {name.strip() for name in names.split(",")} for field, names in HEADERS.items()}
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


class CsvError(Exception):
    """The file as a whole cannot be imported; the message says why, in one line."""


@dataclass
class CsvRead:
    """The rows as candidates, the bad rows' messages, and which column fed which field."""

    candidates: list[Candidate]
    bad_rows: list[tuple[str, str]] = field(default_factory=list)  # ('file.csv:17', message)
    columns: dict[str, str] = field(default_factory=dict)
    preset: str = "generic"
    detected: str | None = None  # the columns that gave the preset away
    unused: list[str] = field(default_factory=list)  # the headers of columns not imported
    zoneless: bool = False  # some date had no zone: the site's, or --timezone's, applies


def normal_header(name: str) -> str:
    """Return a header as it is compared: lowercase, single spaces, no '_' or '-' or ':'."""
    return " ".join(re.sub(r"[_\-:]", " ", name.lower()).split())


def parse_maps(maps: list[str]) -> dict[str, str]:
    """Return {field: column} from --map FIELD=COLUMN flags; raise CsvError on a bad one."""
    result = {}
    for item in maps:
        name, equals, column = item.partition("=")
        key = normal_header(name).replace(" ", "_")
        if not equals or key not in FIELDS:
            hint = did_you_mean(key, FIELDS) if equals else ""
            raise CsvError(
                f"--map {item}: expected FIELD=COLUMN with FIELD one of: {', '.join(FIELDS)}{hint}"
            )
        result[key] = column.strip()
    return result


def read_csv(
    source: Source,
    maps: dict[str, str],
    timezone: tzinfo,
    preset: str | None = None,
    encoding: str | None = None,
) -> CsvRead:
    """Read a CSV export into candidates; bad values become messages naming their line."""
    text = read_text(source, encoding)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError(f"{source.name}: the file is empty") from None
    normal = [normal_header(heading) for heading in header]
    detected = None
    if preset is None:
        found = detect_csv_preset(set(normal))
        preset, detected = found if found else ("generic", None)
    columns = _map_columns(source.name, header, normal, CSV_COLUMNS.get(preset), maps)
    result = CsvRead([], columns={field: header[i] for field, i in columns.items()})
    result.preset, result.detected = preset, detected
    used = set(columns.values())
    result.unused = list(dict.fromkeys(h for i, h in enumerate(header) if i not in used and h))
    # "(UTC)" in a header says its times are UTC; epoch milliseconds are UTC by definition.
    kinds = {
        field: "millis"
        if normal[i].endswith("millis since epoch")
        else "utc"
        if normal[i].endswith("(utc)")
        else ""
        for field, i in columns.items()
    }
    id_in_link = CSV_ID_IN_LINK.get(preset)
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        values = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
        where = f"{source.name}:{start}"
        if id_in_link and (found := id_in_link.search(values.get("id", ""))):
            values["id"] = unquote(found.group(1))
        candidate, problems = _read_row(values, kinds, where, timezone)
        result.bad_rows += [(where, problem) for problem in problems]
        if not problems:
            result.candidates.append(candidate)
            result.zoneless = result.zoneless or candidate.zoneless
    return result


def _map_columns(
    name: str,
    header: list[str],
    normal: list[str],
    preset_columns: dict[str, tuple[str, ...]] | None,
    maps: dict[str, str],
) -> dict[str, int]:
    columns: dict[str, int] = {}
    if preset_columns is not None:
        for wanted_field, names in preset_columns.items():
            found = next((normal.index(n) for n in names if n in normal), None)
            if found is not None:
                columns[wanted_field] = found
    else:
        for i, heading in enumerate(normal):
            heading = heading.removesuffix(" (utc)")  # "Created (UTC)" is a date column too
            for name_of, names in _NAMES.items():
                if heading in names and name_of not in columns:
                    columns[name_of] = i
    listed = ", ".join(header)
    for wanted_field, wanted in maps.items():
        if not wanted:
            columns.pop(wanted_field, None)
            continue
        matches = [
            i for i, heading in enumerate(header) if heading.strip().lower() == wanted.lower()
        ]
        if not matches:
            raise CsvError(
                f"--map {wanted_field}={wanted}: {name} has no such column; it has: {listed}"
            )
        columns[wanted_field] = matches[0]
    # A rating alone is a review, so a column of words is needed only where there are no stars.
    for needed in ("date", "text") if "rating" not in columns else ("date",):
        if needed not in columns:
            raise CsvError(
                f"{name}: no column for {needed}; name it with --map {needed}=COLUMN "
                f"(the columns are: {listed})"
            )
    if "reply" not in columns:
        columns.pop("reply_date", None)  # dates of replies that are not imported are none either
    elif "reply_date" not in columns:
        raise CsvError(
            f"{name}: the column '{header[columns['reply']]}' holds replies, but no column "
            "gives their dates; add one with --map reply_date=COLUMN, or leave replies out "
            "with --map reply="
        )
    return columns


def _read_row(values: dict[str, str], kinds: dict[str, str], where: str, timezone: tzinfo):
    problems: list[str] = []

    def moment(name: str) -> datetime | None:
        value = values.get(name, "")
        found = read_csv_moment(value, kinds.get(name, ""))
        if found is None:
            label, like = name.replace("_", " "), "a date like 2026-11-03 or 03.11.2026"
            if value:
                problems.append(f"{label}: expected {like}, got {shown(Node(value, 0))}")
            else:
                problems.append(f"{label}: missing; expected {like}")
        return found

    received = moment("date")
    rating = None
    if values.get("rating"):
        rating = read_rating_cell(values["rating"])
        if rating is None:
            problems.append(f"rating: expected 1–5, got {shown(Node(values['rating'], 0))}")
    reply = tidy_text(values.get("reply", "")) or None
    reply_at = moment("reply_date") if reply else None
    if received and reply_at and aware(reply_at, timezone) < aware(received, timezone):
        problems.append(
            f"reply date: {reply_at:%Y-%m-%d %H:%M} is before the review "
            f"({received:%Y-%m-%d %H:%M})"
        )
    url = values.get("url", "")
    language = values.get("language", "").replace("_", "-")
    candidate = Candidate(
        where=where,
        received=received,
        text=tidy_text(values.get("text", "")) or None,
        source_id=values.get("id") or None,
        author=" ".join(values.get("author", "").split()) or None,
        rating=rating,
        title=" ".join(values.get("title", "").split()) or None,
        url=url if _URL.match(url) else None,
        language=language if _LANGUAGE.fullmatch(language) else None,
        reply=reply,
        reply_at=reply_at,
    )
    return candidate, problems


def read_csv_moment(value: str, kind: str = "") -> datetime | None:
    """Return the date-time in a cell: ISO 8601, 03.11.2026 [14:05], or RFC 822; else None.

    `kind` is "utc" for a column whose header says its times are UTC, "millis" for milliseconds
    since 1970 (UTC); a time without a zone is otherwise returned without one.
    """
    value = value.strip()
    if kind == "millis":
        if not value.isdigit():
            return None
        return datetime.fromtimestamp(int(value) / 1000, UTC)
    found = _read_moment(value)
    if found is not None and kind == "utc" and found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found


def _read_moment(value: str) -> datetime | None:
    dotted = _DOTTED.fullmatch(value)
    if dotted:
        day, month, year, hour, minute = dotted.groups()
        try:
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        except ValueError:
            return None
    return parse_moment(value)
