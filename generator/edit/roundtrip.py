"""A review file as ruamel.yaml reads and writes it back: byte for byte, or not at all.

ruamel.yaml's round-trip loader keeps comments, key order, quoting and block styles. It is told
to resolve no types, so every value stays the text that was written (`rating: 02`, `language:
no`, a date) and comes out the same. The indentation it writes is the file's own, found by
trying: a file that does not come back exactly as it is cannot be changed safely, and is refused.
New fields and entries keep the comment lines that came before the next field where they were.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..read.problems import printable


class EditError(Exception):
    """The file cannot be changed; `lines` say why, and nothing was written."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


class _TextResolver(VersionedResolver):
    """Resolves no plain value to a type: `no`, `02` and `2026-11-03` stay the text written."""

    @property
    def versioned_resolver(self):
        return {}


@dataclass
class YamlStyle:
    """How one file is laid out, so that ruamel.yaml writes it back the same way."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    newline: str = "\n"
    bom: bool = False
    explicit_start: bool = False

    def yaml(self) -> YAML:
        yaml = YAML(typ="rt")
        yaml.Resolver = _TextResolver
        yaml.preserve_quotes = True
        yaml.width = 1_000_000  # never fold a long line
        yaml.indent(mapping=self.mapping, sequence=self.sequence, offset=self.offset)
        yaml.explicit_start = self.explicit_start
        return yaml

    def load(self, text: str) -> CommentedMap:
        return self.yaml().load(text)

    def dump(self, data: CommentedMap) -> str:
        out = io.StringIO()
        self.yaml().dump(data, out)
        return out.getvalue()


def read_round_trip(data: bytes, relative: str) -> tuple[CommentedMap, YamlStyle]:
    """Return the file as ruamel.yaml data and its style; EditError unless it comes back as is."""
    text = data.decode("utf-8")
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n") if newline == "\r\n" else text
    first_try = None
    for mapping, sequence, offset in _indents(text):
        style = YamlStyle(mapping, sequence, offset, newline, bom, text.startswith("---"))
        try:
            loaded = style.load(text)
            written = style.dump(loaded)
        except YAMLError as error:  # `check` read it, so this is YAML only ruamel.yaml finds odd
            problem = printable(str(getattr(error, "problem", None) or error))
            raise EditError(
                [
                    f"{relative}: reviewwall cannot change this file ({problem}); nothing was "
                    "written: make this change by hand"
                ]
            ) from None
        if written == text:
            return loaded, style
        first_try = first_try or written
    line, was = _first_difference(text, first_try)
    raise EditError(
        [
            f"{relative}:{line}: reviewwall cannot change this file without rewriting other "
            f"lines of it (line {line}: {printable(was)!r}); nothing was written: make this "
            "change by hand"
        ]
    )


def _indents(text: str) -> list[tuple[int, int, int]]:
    """Return the (mapping, sequence, offset) indentations to try, the file's own first.

    ruamel.yaml counts a sequence's items from the key above it: `offset` to the dash,
    `sequence` to the item's text. The first nested mapping and list the file has tell them;
    trying each in turn (read_round_trip) finds the one that writes the file back as it is.
    """
    lines = [line for line in text.split("\n") if line.strip() and line.lstrip()[0] != "#"]
    mapping = offset = sequence = None
    for parent, line in zip(lines, lines[1:], strict=False):
        if not parent.rstrip().endswith(":"):
            continue
        above = len(parent) - len(parent.lstrip())
        indent = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- ") and offset is None:
            offset = indent - above
            item = line.lstrip()[2:]
            sequence = offset + 2 + len(item) - len(item.lstrip())
        elif indent > above and mapping is None:
            mapping = indent - above
    found = (mapping or 2, sequence or 4, 2 if offset is None else offset)
    usual = [(2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 8, 4), (2, 4, 0), (3, 5, 3)]
    return [found] + [indent for indent in usual if indent != found]


def _first_difference(old: str, new: str) -> tuple[int, str]:
    for number, (a, b) in enumerate(zip(old.split("\n"), new.split("\n"), strict=False), 1):
        if a != b:
            return number, a
    return old.count("\n") + 1, ""


def carry_comments(owner, before, new) -> None:
    """Move the comment lines after the field or item `before` to after `new`, just added behind
    it, so that they stay right above what they came before (`# about outcome`, a blank line).

    ruamel.yaml keeps such lines with the last scalar above them, so without this a new entry
    would land below them. A comment at the end of `before`'s own line, and comment lines
    indented deeper than `before` (they are about it), stay with it.
    """
    source, target = _tail(owner, before), _tail(owner, new)
    if source is None or target is None:
        return
    holder, key = source
    slot = holder.ca.items.get(key)
    if not slot or len(slot) < 3 or slot[2] is None:
        return
    token, block = slot[2], _is_block(holder[key])
    # After a plain value the comment's first line ends the value's own line (`  # eol`, or
    # nothing); a block has ended its own lines before it.
    eol, _, lines = ("", "", token.value) if block else token.value.partition("\n")
    kept = lines.split("\n")
    inner = 0  # the lines about `before` itself: indented deeper than it
    while (
        inner < len(kept) - 1
        and kept[inner].strip()
        and _indent(kept[inner]) > _column(owner, before)
    ):
        inner += 1
    stay = "".join(line + "\n" for line in kept[:inner])
    moved = "\n".join(kept[inner:])
    if not moved:
        return
    left = stay if block else (eol + "\n" + stay if eol or stay else "")
    if left:
        token.value = left
    else:
        slot[2] = None
    target_holder, target_key = target
    value = moved if _is_block(target_holder[target_key]) else "\n" + moved
    target_holder.ca.items[target_key] = [None, None, CommentToken(value, CommentMark(0)), None]


def _tail(owner, key):
    """Return (mapping, key) of the last scalar at or under owner[key], where ruamel.yaml keeps
    the comment lines after it; None when that is no block mapping's field."""
    node = owner[key]
    while isinstance(node, (CommentedMap, CommentedSeq)) and node and not node.fa.flow_style():
        owner, key = node, (list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1)
        node = owner[key]
    if isinstance(owner, CommentedMap) and not owner.fa.flow_style():
        return owner, key
    return None


def _column(owner, key) -> int:
    """Return the column a field or item starts at; one added just now has its siblings'."""
    seq = isinstance(owner, CommentedSeq)
    for sibling in [key, *(range(len(owner)) if seq else owner)]:
        try:
            if seq:
                return owner.lc.item(sibling)[1] - 2  # the dash, two before the item's text
            return owner.lc.key(sibling)[1]
        except (KeyError, IndexError, TypeError):
            continue
    return 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_block(value) -> bool:
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


# A change to the loaded file: it edits the data in place and returns the top-level fields whose
# lines it may rewrite (none when it only adds).
Change = Callable[[CommentedMap, YamlStyle], Iterable[str]]
