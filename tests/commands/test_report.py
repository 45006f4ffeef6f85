"""`check --format`: problems as GitHub Actions annotations and as JSON, none forgeable."""

from __future__ import annotations

import json

import pytest

from generator.commands.cli import main
from generator.commands.report import annotation
from generator.read.problems import Problem
from tests.conftest import review

pytestmark = pytest.mark.usefixtures("fixed_now")


def check(root, capsys, *extra):
    code = main(["-C", str(root), "check", *extra])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def test_github_annotations_mark_each_problem_on_its_line(project, capsys):
    root = project(
        {
            "2026/2026-11-03-kari.yml": review(rating="6"),
            "2026/2026-11-03-ola.yml": review(ratng="4"),
        }
    )
    assert check(root, capsys, "--format", "github") == (
        1,
        "::error file=reviews/2026/2026-11-03-kari.yml,line=4,title=reviewwall::rating: expected "
        "a whole number from 1 to 5, got 6\n"
        "::warning file=reviews/2026/2026-11-03-ola.yml,line=4,title=reviewwall::ratng: unknown "
        "field, ignored; did you mean 'rating'?\n"
        "1 error and 1 warning in 2 files (2 reviews checked).\n",
    )


def test_warnings_alone_never_fail_the_check(project, capsys):
    root = project({"2026/2026-11-03-ola.yml": review(ratng="4")})
    assert check(root, capsys, "--format", "github")[0] == 0
    assert check(root, capsys, "--format", "github", "--strict")[0] == 1


def test_json_lists_every_problem(project, capsys):
    root = project({"2026/2026-11-03-kari.yml": review(rating="6")})
    code, out = check(root, capsys, "--format", "json")
    assert code == 1
    assert json.loads(out) == {
        "problems": [
            {
                "path": "reviews/2026/2026-11-03-kari.yml",
                "line": 4,
                "severity": "error",
                "message": "rating: expected a whole number from 1 to 5, got 6",
            }
        ],
        "errors": 1,
        "warnings": 0,
        "files": 1,
        "summary": "1 error in 1 file (1 review checked).",
    }


def test_an_annotation_cannot_be_broken_out_of():
    """A path with the separators of a workflow command, a message with a line break, a percent
    sign and a fake command: every one stays inside its own annotation."""
    problem = Problem("reviews/a,b:c%.yml", 3, "x\n::error file=forged.yml::owned 100%")
    assert annotation(problem) == (
        "::error file=reviews/a%2Cb%3Ac%25.yml,line=3,title=reviewwall::"
        "x\\n::error file=forged.yml::owned 100%25"
    )
    assert "\n" not in annotation(problem)
