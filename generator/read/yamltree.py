"""Parse YAML into a tree of plain strings that remember their line.

Review files are written by people, so YAML's own typing is a trap: `language: no` would become
False and `title: 1:20` a number of seconds. We never let YAML decide types. libyaml gives us
scalars as the text staff wrote, and the schema in `checks` decides what each field means.
Aliases are refused outright: an alias bomb must not expand, and no review needs one.

A file is composed in C when it can be (the common case, and ten thousand files are read on every
check); anything unusual is read again event by event, which reports exactly what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None
    _Loader = yaml.SafeLoader
else:
    _Loader = yaml.CSafeLoader

    class _Composer(CParser):
        """libyaml's composer, which builds the whole node graph in C: the fast way in."""

        def resolve(self, kind, value, implicit):  # types are never YAML's to decide
            return "?"

        def descend_resolver(self, parent, index):
            pass

        def ascend_resolver(self):
            pass


_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True)
class Node:
    """One YAML value: a str, a dict of key -> Node, a list of Node, or None; and its line.

    `key_line` is the line of the field name a mapping's value belongs to (0 for the document and
    for list items): a message about the field, not its value, points there, since the value of
    `extra:` may be a block that starts on a later line.
    """

    value: object
    line: int
    quoted: bool = False
    key_line: int = 0

    @property
    def kind(self) -> str:
        return _KIND_OF_TYPE.get(type(self.value), "text")


# Asked hundreds of thousands of times in a check: one lookup, not a chain of isinstance.
_KIND_OF_TYPE = {dict: "mapping", list: "list", type(None): "empty"}


class YamlError(Exception):
    """The text is not YAML we accept; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str) -> Node | None:
    """Return the document's tree, or None for an empty document."""
    if CParser is not None and "&" not in text:  # no anchor, so no alias either
        try:
            return _from_composed(text)
        except (yaml.YAMLError, _NotPlain):
            pass  # read it again event by event, which says exactly what is wrong
    return _from_events(text)


class _NotPlain(Exception):
    """The composed document has something only the event reader reports well."""


def _from_composed(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    finally:
        composer.dispose()
    return None if node is None else _tree(node)


def _tree(node: yaml.Node, key_line: int = 0) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node.value, node.style, line, key_line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_tree(item) for item in node.value], line, False, key_line)
    fields: dict[str, Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _NotPlain
        name = key.value
        if _is_empty(name, key.style) or name in fields:
            raise _NotPlain
        fields[name] = _tree(value, key.start_mark.line + 1)
    return Node(fields, line, False, key_line)


def _is_empty(value: str, style: str | None) -> bool:
    # An empty or blank value, quoted or not, is a value not given.
    return (not style and value in _NULLS) or not value.strip()


def _scalar(value: str, style: str | None, line: int, key_line: int = 0) -> Node:
    empty = _is_empty(value, style)
    return Node(None if empty else value, line, bool(style), key_line)


def _from_events(text: str) -> Node | None:
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
            node.key_line = key.line
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
                attach(_scalar(event.value, event.style, mark_line))
            else:
                node = Node({} if isinstance(event, yaml.MappingStartEvent) else [], mark_line)
                attach(node)
                stack.append((node, []))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return root
