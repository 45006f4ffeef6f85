"""CSV exports from review platforms: columns found by their header, bad rows named by line."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from ..read.fields import shown
from ..read.problems import did_you_mean
from ..read.yamltree import Node
from .candidate import Candidate, parse_moment
from .plaintext import tidy_text
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


def read_csv(source: Source, maps: dict[str, str], timezone: tzinfo) -> CsvRead:
    """Read a CSV export into candidates; bad values become messages naming their line."""
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = source.data.count(b"\n", 0, error.start) + 1
        raise CsvError(
            f"{source.name}: not UTF-8 text (byte 0x{source.data[error.start]:02x} on line "
            f"{line}); export or save it as UTF-8"
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError(f"{source.name}: the file is empty") from None
    columns = _map_columns(source.name, header, maps)
    result = CsvRead([], columns={field: header[i] for field, i in columns.items()})
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        values = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
        candidate, problems = _read_row(values, f"{source.name}:{start}", timezone)
        result.bad_rows += [(f"{source.name}:{start}", problem) for problem in problems]
        if not problems:
            result.candidates.append(candidate)
    return result


def _map_columns(name: str, header: list[str], maps: dict[str, str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, heading in enumerate(header):
        normal = normal_header(heading)
        for name_of, names in _NAMES.items():
            if normal in names and name_of not in columns:
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
    for needed in ("date", "text"):
        if needed not in columns:
            raise CsvError(
                f"{name}: no column for {needed}; name it with --map {needed}=COLUMN "
                f"(the columns are: {listed})"
            )
    if "reply" in columns and "reply_date" not in columns:
        raise CsvError(
            f"{name}: the column '{header[columns['reply']]}' holds replies, but no column "
            "gives their dates; add one with --map reply_date=COLUMN, or leave replies out "
            "with --map reply="
        )
    return columns


def _read_row(values: dict[str, str], where: str, timezone: tzinfo):
    problems: list[str] = []

    def moment(name: str) -> datetime | None:
        value = values.get(name, "")
        found = read_csv_moment(value)
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
    if received and reply_at and _aware(reply_at, timezone) < _aware(received, timezone):
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


def read_csv_moment(value: str) -> datetime | None:
    """Return the date-time in a cell: ISO 8601, 03.11.2026 [14:05], or RFC 822; else None."""
    value = value.strip()
    dotted = _DOTTED.fullmatch(value)
    if dotted:
        day, month, year, hour, minute = dotted.groups()
        try:
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        except ValueError:
            return None
    return parse_moment(value)


def _aware(moment: datetime, timezone: tzinfo) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone)
