"""Parse YAML into a tree of plain strings that remember their line.

Review files are written by people, so YAML's own typing is a trap: `language: no` would become
False and `title: 1:20` a number of seconds. We never let YAML decide types. The C event parser
gives us scalars as the text staff wrote, and the schema in `checks` decides what each field means.
Aliases are refused outright: an alias bomb must not expand, and no review needs one.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True)
class Node:
    """One YAML value: a str, a dict of key -> Node, a list of Node, or None; and its line."""

    value: object
    line: int
    quoted: bool = False

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        if self.value is None:
            return "empty"
        return "text"


class YamlError(Exception):
    """The text is not YAML we accept; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str) -> Node | None:
    """Return the document's tree, or None for an empty document."""
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        column = f" at column {mark.column + 1}" if mark else ""
        problem = error.problem or error.context or "not valid YAML"
        raise YamlError(line, f"invalid YAML{column}: {problem}") from None
    except yaml.YAMLError as error:
        raise YamlError(1, f"invalid YAML: {error}") from None
    return _build(events)


def _build(events: list) -> Node | None:
    stack: list[tuple[Node, list]] = []  # open collections and, for mappings, pending key
    root: Node | None = None
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, pending = stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(node)
        elif not pending:
            if node.kind != "text":
                raise YamlError(node.line, "a field name must be plain text")
            if node.value in parent.value:
                message = f"'{node.value}' appears twice in the same mapping; keep one"
                raise YamlError(node.line, message)
            pending.append(node)
        else:
            key = pending.pop()
            parent.value[key.value] = node

    for event in events:
        mark_line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlError(mark_line, "only one YAML document per file (remove the '---')")
        elif isinstance(event, yaml.AliasEvent):
            raise YamlError(
                mark_line,
                f"YAML aliases are not allowed (*{event.anchor}); write the value out in full",
            )
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                raise YamlError(
                    mark_line,
                    f"YAML anchors are not allowed (&{event.anchor}); write the value out in full",
                )
            if isinstance(event, yaml.ScalarEvent):
                plain = event.style is None or event.style == ""
                # An empty or blank value, quoted or not, is a value not given.
                empty = (plain and event.value in _NULLS) or not event.value.strip()
                value = None if empty else event.value
                attach(Node(value, mark_line, quoted=not plain))
            else:
                node = Node({} if isinstance(event, yaml.MappingStartEvent) else [], mark_line)
                attach(node)
                stack.append((node, []))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return root
