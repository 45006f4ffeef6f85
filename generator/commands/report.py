"""Problems as the commands print them: lines for people, annotations for GitHub Actions, JSON.

Every text that came from a file goes through `printable` (one line, no control character) and,
for GitHub, through the workflow-command escapes as well, so no file can print a line of its own
or a command to the runner.
"""

from __future__ import annotations

import json

from ..read.problems import Problem, Problems, printable

FORMATS = ("text", "github", "json")


def format_report(problems: Problems, summary: str, form: str, **facts) -> str:
    """Return the problems, sorted, and the summary line in the given format."""
    ordered = problems.sorted()
    if form == "json":
        data = {
            "problems": [
                {
                    "path": problem.path,
                    "line": problem.line,
                    "severity": "warning" if problem.warning else "error",
                    "message": problem.message,
                }
                for problem in ordered
            ],
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            **facts,
            "summary": summary,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)
    if form == "github":
        lines = [annotation(problem) for problem in ordered]
    else:
        lines = [str(problem) for problem in ordered]
    return "\n".join([*lines, printable(summary)])


def annotation(problem: Problem) -> str:
    """Return a GitHub Actions workflow command that marks the problem on its file and line."""
    level = "warning" if problem.warning else "error"
    where = f"file={_property(problem.path)},line={max(problem.line, 1)}"
    return f"::{level} {where},title=reviewwall::{_data(printable(problem.message))}"


def _data(text: str) -> str:
    # GitHub's own escapes for a command's message (actions/toolkit, command.ts escapeData).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # ...and for a property's value (escapeProperty): also the separators of the properties.
    return _data(printable(text)).replace(":", "%3A").replace(",", "%2C")
