"""Which text encoding a source is in: read as it says, or refused with the flag that fixes it.

A wrong guess puts words into a review that the customer never wrote ("BlÃ¥bÃ¦r" for "Blåbær"),
so nothing here guesses: bytes are read as UTF-8, as the encoding a byte-order mark or a feed's
own declaration names, or as staff name it with --encoding.
"""

from __future__ import annotations

import codecs
import re

from .sources import Source

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_DECLARATION = re.compile(rb"^<\?xml[^>]*?\bencoding\s*=\s*[\"']([A-Za-z][\w.:-]*)[\"']")
_REDECLARE = re.compile(r"^(<\?xml[^>]*?\bencoding\s*=\s*)[\"'][^\"']*[\"']")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# One byte per character: every byte sequence reads as *something* in these, so a declaration
# naming one cannot be checked by decoding, only by finding that the text is UTF-8 instead.
_SINGLE_BYTE = re.compile(r"^(iso8859|latin|cp125|cp850|mac-|ascii)")
_RIGHT = "name the right encoding with --encoding"


class EncodingError(Exception):
    """The bytes are not text in the encoding they claim; the message names the fix."""


def check_encoding_name(name: str) -> str:
    """Return Python's name for an encoding staff named; raise EncodingError if it is unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise EncodingError(
            f"--encoding: unknown encoding '{name}'; expected a name like utf-8, utf-16, "
            "cp1252 or iso-8859-1"
        ) from None


def read_text(source: Source, encoding: str | None) -> str:
    """Return a CSV or JSON export's text: UTF-8, or as its byte-order mark or --encoding says."""
    data = source.data
    if encoding:
        return _decode(source.name, data, encoding, f"{encoding} text", _RIGHT)
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            return _decode(source.name, data[len(bom) :], name, f"{label} text", _RIGHT)
    zeros = data[:4000].count(b"\x00")
    if zeros:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is a zero.
        little = data[1:4000:2].count(b"\x00") * 2 >= zeros
        name = "utf-16-le" if little else "utf-16-be"
        raise EncodingError(
            f"{source.name}: not UTF-8 text (it holds zero bytes, as UTF-16 without a byte-order "
            f"mark does); name its encoding with --encoding {name}"
        )
    fix = "name its encoding with --encoding, e.g. --encoding cp1252 for a Windows or Excel export"
    return _decode(source.name, data, "utf-8", "UTF-8 text", fix)


def normalize_feed(source: Source, encoding: str | None) -> bytes:
    """Return a feed as UTF-8 bytes that declare UTF-8, once its own declaration is found true.

    Left to itself, feedparser reads a feed whose declaration is wrong as mojibake, or falls back
    to another encoding without a word; checking here turns either into one clear error.
    """
    data = source.data
    for bom, _, _ in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    if encoding:
        text = _decode(source.name, data, encoding, f"{encoding} text", _RIGHT)
    else:
        declared, says = _declared(source)
        try:
            name = codecs.lookup(declared or "utf-8").name
        except LookupError:
            raise EncodingError(
                f"{source.name}: the feed {says}, an encoding reviewwall does not know; name the "
                "right one with --encoding"
            ) from None
        label = declared or "UTF-8"
        if name.startswith(("utf-16", "utf-32")) and data[:1] == b"<" and data[1:2] != b"\x00":
            raise EncodingError(
                f"{source.name}: the feed {says}, but it is written one byte per letter; if it "
                "is UTF-8, import it with --encoding utf-8"
            )
        if _SINGLE_BYTE.match(name) and not data.isascii() and _is_utf8(data):
            line = data.count(b"\n", 0, _first_non_ascii(data)) + 1
            raise EncodingError(
                f"{source.name}: the feed {says}, but its text is UTF-8 (from line {line} on it "
                "would read as wrong letters); if UTF-8 is right, import it with --encoding utf-8"
            )
        fix = "name the right one with --encoding, e.g. --encoding iso-8859-1"
        text = _decode(source.name, data, name, f"{label} text", fix, f"the feed {says}, but it is")
    return _REDECLARE.sub(r'\1"utf-8"', text, count=1).encode("utf-8")


def _declared(source: Source) -> tuple[str | None, str]:
    """Return the encoding a feed names (byte-order mark, XML declaration, HTTP) and how it does."""
    data = source.data
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            return name, f"starts with a {label} byte-order mark"
    head = data[:400]
    if head.startswith(b"<\x00?\x00"):
        return "utf-16-le", "is written in UTF-16"
    if head.startswith(b"\x00<\x00?"):
        return "utf-16-be", "is written in UTF-16"
    found = _DECLARATION.match(head)
    if found:
        name = found.group(1).decode("ascii")
        return name, f"declares its encoding as '{name}'"
    charset = _CHARSET.search(source.headers.get("content-type", ""))
    if charset:
        return charset.group(1), f"is served as charset '{charset.group(1)}'"
    return None, "names no encoding, so it must be UTF-8"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_non_ascii(data: bytes) -> int:
    return next(i for i, byte in enumerate(data) if byte > 0x7F)


def _decode(name: str, data: bytes, encoding: str, what: str, fix: str, lead: str = "") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        where = f"byte 0x{data[error.start]:02x} on line {line}"
        said = f"{lead} not" if lead else "not"
        raise EncodingError(f"{name}: {said} {what} ({where}); {fix}") from None
