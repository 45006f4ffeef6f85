"""Turn YAML nodes into typed values, reporting every mismatch in the user's words.

Shared by review files and site_config.yml, so both speak the same way about a bad date or a
number out of range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo

from .format import Field
from .problems import Problems, did_you_mean
from .yamltree import Node

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|days?|hours?|minutes?|min)\b")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60}
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
# The reader of each kind of scalar field (format.Field.kind); the others have their own code.
_READERS = {
    "text": "text",
    "texts": "texts",
    "moment": "moment",
    "day": "day",
    "boolean": "boolean",
    "url": "url",
    "duration": "duration",
}


def shown(node: Node) -> str:
    """Return how a found value is quoted in a message: numbers bare, text in quotes."""
    if node.kind == "text":
        value = str(node.value)
        if _NUMBER.fullmatch(value):
            return value
        return repr(value if len(value) <= 60 else value[:57] + "...")
    return {"mapping": "a mapping", "list": "a list", "empty": "nothing"}[node.kind]


class FieldReader:
    """Reads fields of one file into values; each mistake becomes a Problem at its line."""

    def __init__(self, path: str, problems: Problems, timezone: tzinfo):
        self.path = path
        self.problems = problems
        self.timezone = timezone

    def read(
        self, field: Field, node: Node, name: str | None = None, choices: Iterable[str] = ()
    ) -> object:
        """Return a field's value read as its definition says (choices may widen its vocabulary)."""
        name = name or field.name
        if field.kind in ("choice", "choices"):
            read = self.choice if field.kind == "choice" else self.choices
            return read(node, name, choices or field.choices, field.noun or field.name)
        if field.kind == "whole":
            return self.whole_number(node, name, field.low or 0, field.high)
        return getattr(self, _READERS[field.kind])(node, name)

    def error(self, node: Node, name: str, message: str) -> None:
        self.problems.error(self.path, node.line, f"{name}: {message}")

    def mapping(self, node: Node, name: str) -> dict[str, Node] | None:
        if node.kind != "mapping":
            self.error(node, name, f"expected a mapping of fields, got {shown(node)}")
            return None
        return node.value

    def items(self, node: Node, name: str) -> list[Node]:
        if node.kind == "empty":
            return []
        if node.kind != "list":
            self.error(node, name, f"expected a list, got {shown(node)}")
            return []
        return node.value

    def text(self, node: Node, name: str) -> str | None:
        if node.kind == "empty":
            return None
        if node.kind != "text":
            self.error(node, name, f"expected text, got {shown(node)}")
            return None
        value = str(node.value).strip()
        return value or None

    def texts(self, node: Node, name: str) -> tuple[str, ...]:
        if node.kind == "text":  # a single word is a list of one
            node = Node([node], node.line)
        values = (
            self.text(item, f"{name}[{i + 1}]") for i, item in enumerate(self.items(node, name))
        )
        return tuple(value for value in values if value)

    def choice(self, node: Node, name: str, choices: Iterable[str], what: str) -> str | None:
        value = self.text(node, name)
        if value is None:
            return None
        choices = list(choices)
        if value not in choices:
            hint = did_you_mean(value, choices)
            allowed = ", ".join(choices)
            self.error(node, name, f"unknown {what} '{value}'; expected one of: {allowed}{hint}")
            return None
        return value

    def choices(self, node: Node, name: str, choices: Iterable[str], what: str) -> tuple[str, ...]:
        if node.kind == "text":
            node = Node([node], node.line)
        values = [
            self.choice(item, f"{name}[{i + 1}]", choices, what)
            for i, item in enumerate(self.items(node, name))
        ]
        return tuple(value for value in values if value)

    def whole_number(self, node: Node, name: str, low: int, high: int | None) -> int | None:
        value = self.text(node, name) if node.kind == "text" else None
        allowed = f"from {low} to {high}" if high is not None else f"of at least {low}"
        if value is None or node.quoted or not re.fullmatch(r"[+-]?\d+", value):
            if node.kind == "empty":
                return None
            self.error(node, name, f"expected a whole number {allowed}, got {shown(node)}")
            return None
        number = int(value)
        if number < low or (high is not None and number > high):
            self.error(node, name, f"expected a whole number {allowed}, got {number}")
            return None
        return number

    def boolean(self, node: Node, name: str) -> bool | None:
        value = self.text(node, name)
        if value is None:
            return None
        lowered = value.lower()
        if lowered in ("true", "yes"):
            return True
        if lowered in ("false", "no"):
            return False
        self.error(node, name, f"expected true or false, got {shown(node)}")
        return None

    def moment(self, node: Node, name: str) -> datetime | None:
        """Read an ISO 8601 date or date-time; without a zone it is the site's time zone."""
        value = self.text(node, name)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.error(
                node,
                name,
                "expected an ISO 8601 date or date-time like 2026-11-03 or 2026-11-03T14:05, "
                f"got {shown(node)}",
            )
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)

    def day(self, node: Node, name: str) -> date | None:
        moment = self.moment(node, name)
        return moment.date() if moment else None

    def url(self, node: Node, name: str) -> str | None:
        value = self.text(node, name)
        if value is None:
            return None
        if not re.match(r"https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
            self.error(node, name, f"expected an http:// or https:// address, got {shown(node)}")
            return None
        return value

    def duration(self, node: Node, name: str) -> timedelta | None:
        value = self.text(node, name)
        if value is None:
            return None
        text = value.lower().replace(",", " ")
        parts = _DURATION_PART.findall(text)
        leftover = _DURATION_PART.sub("", text).strip()
        if not parts or leftover:
            self.error(node, name, f"expected a duration like 24h, 90m or 2d, got {shown(node)}")
            return None
        seconds = sum(float(amount) * _UNIT_SECONDS[unit[0]] for amount, unit in parts)
        return timedelta(seconds=seconds)

    def warn_unknown(self, fields: dict[str, Node], known: Iterable[str], prefix: str = "") -> None:
        """Warn at each field name that is not known (its value may start on a later line)."""
        known = list(known)
        for key, node in fields.items():
            if key not in known:
                hint = did_you_mean(key, known)
                self.problems.warn(
                    self.path,
                    node.key_line or node.line,
                    f"{prefix}{key}: unknown field, ignored{hint}",
                )
