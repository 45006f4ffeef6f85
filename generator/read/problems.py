"""Problems found in a user's files: where, what, and whether it stops the build."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, at one line."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


class Problems(list):
    """A list of problems that knows how to add one and how to sum them up."""

    def error(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, message))

    def warn(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, message, warning=True))

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
