"""JSON Schemas of the review file and site_config.yml, made from their definitions (format.py).

Editors with the YAML language server (VS Code's YAML extension, Neovim, JetBrains, Helix) use them
to complete field names, list the allowed values and underline mistakes as staff type. They are
written to `schemas/` by `reviewwall schema`; `check` warns when those files are out of date.

Draft 7: the newest draft every YAML language server reads in full. Values are typed as the YAML
1.2 core schema those servers parse with: `2026-11-03` is text there, `4` a number, `yes` text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .format import CONFIG, REVIEW, REVIEW_NEEDS_ONE_OF, Field

SCHEMA_FOLDER = "schemas"
REVIEW_SCHEMA = "review.schema.json"
CONFIG_SCHEMA = "site_config.schema.json"
_DRAFT = "http://json-schema.org/draft-07/schema#"
# The first line of a file `new` or `import` writes: editors with the YAML language server find the
# schema by it, relative to the file, which is always reviews/<year>/<id>.yml.
REVIEW_MODELINE = f"# yaml-language-server: $schema=../../{SCHEMA_FOLDER}/{REVIEW_SCHEMA}"
# What Python's datetime.fromisoformat reads and staff write: a day, or a day and a time, with
# or without seconds and a zone. (Python reads a few rarer shapes too; an editor need not.)
_MOMENT = (
    r"^\d{4}-\d{2}-\d{2}"
    r"([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$"
)
_DURATION = r"^\s*(\d+(\.\d+)?\s*(d|h|m|days?|hours?|minutes?|min)[\s,]*)+$"
# Any scalar is text to reviewwall: a title of 2024 is the text "2024".
_TEXT = ["string", "number", "boolean"]
_YES_NO = r"^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])$"


def review_schema(channels: Iterable[str] = ()) -> dict:
    """Return the schema of a review file; `channels` are the site's own and the built-in ones."""
    known = list(REVIEW["channel"].choices)
    known += [name for name in channels if name not in known]
    schema = _object(REVIEW, {"channel": known})
    schema["allOf"] = [
        {"anyOf": [{"required": [name]} for name in group]} for group in REVIEW_NEEDS_ONE_OF
    ]
    # A private thread entry says where the talk went; a public one needs its words.
    entry = schema["properties"]["thread"]["anyOf"][0]["items"]
    entry["if"] = {"properties": {"private": {"const": True}}, "required": ["private"]}
    entry["then"] = {"required": ["via"]}
    entry["else"] = {"required": ["text"]}
    return _document(REVIEW_SCHEMA, "reviewwall review file", schema)


def config_schema(languages: Iterable[str] = ()) -> dict:
    """Return the schema of site_config.yml; `languages` are those reviewwall has words in."""
    schema = _object(CONFIG, {})
    if languages:
        tag = {"type": "string", "pattern": f"^({'|'.join(languages)})(-[A-Za-z0-9]{{2,8}})*$"}
        language = schema["properties"]["language"]["anyOf"][0]
        language.update(tag, examples=list(languages))
        several = schema["properties"]["languages"]["anyOf"][0]
        several["anyOf"] = [tag, {"type": "array", "items": tag, "minItems": 1}]
    return _document(CONFIG_SCHEMA, "reviewwall site_config.yml", schema)


def schema_text(schema: dict) -> str:
    """Return a schema as the file reviewwall writes: stable, readable, ending in a newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _document(name: str, title: str, schema: dict) -> dict:
    return {
        "$schema": _DRAFT,
        "$id": f"https://reviewwall.invalid/{SCHEMA_FOLDER}/{name}",
        "title": title,
        **schema,
    }


def _object(definition: Field, choices: dict[str, list[str]]) -> dict:
    properties = {
        field.name: _property(field, choices.get(field.name)) for field in definition.fields
    }
    schema: dict = {
        "type": "object",
        "description": definition.help,
        "properties": properties,
        "additionalProperties": False,
    }
    required = [field.name for field in definition.fields if field.required]
    if required:
        schema["required"] = required
    return schema


def _property(field: Field, choices: list[str] | None) -> dict:
    schema = _value(field, choices)
    schema["description"] = field.help
    if field.customer:
        schema["description"] += " The customer's: never changed once published."
    if field.example:
        schema["examples"] = [field.example]
    if field.required:
        return schema
    # An empty `title:` is a field left out, and optional fields may be left empty.
    return {"anyOf": [schema, {"type": "null"}], "description": schema["description"]}


def _value(field: Field, choices: list[str] | None = None) -> dict:
    kind = field.kind
    if kind == "choice":
        return {"type": "string", "enum": list(choices or field.choices)}
    if kind == "choices":
        one = {"type": "string", "enum": list(field.choices)}
        return {"anyOf": [one, {"type": "array", "items": one}]}
    if kind == "texts":
        return {"anyOf": [{"type": _TEXT}, {"type": "array", "items": {"type": _TEXT}}]}
    if kind == "whole":
        number: dict = {"type": "integer", "minimum": field.low or 0}
        if field.high is not None:
            number["maximum"] = field.high
        return number
    if kind == "boolean":
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _YES_NO}]}
    if kind in ("moment", "day"):  # a day is read as a moment, and its date kept
        return {"type": "string", "pattern": _MOMENT}
    if kind == "url":
        return {"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"}
    if kind == "duration":
        return {"type": "string", "pattern": _DURATION}
    if kind == "colour":
        return {"type": "string", "pattern": r"^#[0-9a-fA-F]{6}$"}
    if kind == "zone":
        return {"type": "string", "examples": ["Europe/Oslo", "Europe/Helsinki"]}
    if kind == "similarity":
        return {
            "anyOf": [
                {"type": "number", "minimum": 0.5, "maximum": 1},
                {"type": "boolean"},
                {"type": "string", "pattern": r"^([Oo][Nn]|[Oo][Ff][Ff]|[Yy][Ee][Ss]|[Nn][Oo])$"},
            ]
        }
    if kind == "names":
        names: dict = {"type": "object", "additionalProperties": {"type": _TEXT}}
        if field.pattern:
            names["propertyNames"] = {"pattern": field.pattern}
        return names
    if kind == "durations":
        return {"type": "object", "additionalProperties": _value(Field("", "duration", ""))}
    if kind == "mapping":
        return _object(field, {})
    if kind == "list":
        return {"type": "array", "items": _object(field, {})}
    if kind == "text":
        return {"type": "string", "pattern": field.pattern} if field.pattern else {"type": _TEXT}
    raise ValueError(f"no schema for a field of kind {kind!r}")


def current_schemas(channels: Iterable[str], languages: Iterable[str]) -> dict[str, str]:
    """Return the text of each file `reviewwall schema` writes into schemas/, by file name."""
    return {
        REVIEW_SCHEMA: schema_text(review_schema(channels)),
        CONFIG_SCHEMA: schema_text(config_schema(tuple(languages))),
    }
