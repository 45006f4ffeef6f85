"""Problems found in a user's files: where, what, and whether it stops the build."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

# What a file, a file name or a feed may hold that would change how a printed line reads: a line
# break or any other control character (C0, DEL, C1 with NEL), the Unicode line and paragraph
# separators, and the bidi overrides and isolates that show a line in another order than it has.
# A lone surrogate (from a file name that is not UTF-8) is shown too: printing it would fail.
# Python counts every one of them as not printable, so str.isprintable() is the quick way past.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f"  # C0, DEL, C1
    r"\u2028\u2029\u202a-\u202e\u2066-\u2069"  # line and paragraph separators, bidi
    r"\ud800-\udfff]"  # lone surrogates
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Return text for one line of output: control, line-breaking and bidi characters escaped.

    A backslash already in the text is left as it is. A value holding the two characters `\\n`
    then prints just like an escaped line break, but either way it stays inside its own line:
    nothing a file holds can start a line of its own, so it cannot pose as another problem, nor
    as a command to a terminal or to CI (GitHub reads `::` only at the start of a line). Leaving
    backslashes alone also makes printable() idempotent: text escaped twice reads the same.
    """
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escape, text)


def printable_json(text: str) -> str:
    """Return JSON text with what printable() escapes written as \\uXXXX: it reads back the same.

    json.dumps has escaped every control character inside a string already, so one left over is
    the layout between values and stays.
    """
    return _UNPRINTABLE.sub(_escape_json, text)


def _escape_json(match: re.Match) -> str:
    char = match.group()
    return char if char < " " else f"\\u{ord(char):04x}"


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, at one line."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{printable(self.path)}:{self.line}: {kind}{printable(self.message)}"


class Problems(list):
    """A list of problems that knows how to add one and how to sum them up.

    A message is kept printable from the start, for the few places that print it without its
    path (`reviewwall new` and `import` about their flags); str(problem) makes sure again.
    """

    def error(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, printable(message)))

    def warn(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, printable(message), warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.warning]

    def sorted(self) -> list[Problem]:
        return sorted(self, key=lambda p: (p.path, p.line, p.warning))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for a close match, else ""."""
    match = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def count(number: int, word: str) -> str:
    """Return '1 error' or '3 errors'."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def summarize(problems: Problems, reviews: int) -> str:
    """Return the one summary line printed after the problems."""
    errors, warnings = len(problems.errors), len(problems.warnings)
    if not problems:
        return f"{count(reviews, 'review')} checked; no problems."
    files = len({p.path for p in problems})
    parts = [count(errors, "error")] + ([count(warnings, "warning")] if warnings else [])
    return f"{' and '.join(parts)} in {count(files, 'file')} ({count(reviews, 'review')} checked)."


_UNREADABLE = {FileNotFoundError: "no such file", IsADirectoryError: "it is a folder, not a file"}


def unreadable(error: OSError) -> str:
    """Return why a file cannot be read, in the words the messages use."""
    return _UNREADABLE.get(type(error)) or error.strerror or str(error)


def not_utf8(problems: Problems, path: str, data: bytes, error: UnicodeDecodeError) -> None:
    """Report, at its line and column, the first byte of a file that is not UTF-8."""
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    problems.error(
        path,
        line,
        f"not UTF-8 text (byte 0x{data[error.start]:02x} at column {column}); "
        "save the file as UTF-8",
    )
