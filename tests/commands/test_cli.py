"""The command line, by exit code and output."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check.project import load_project
from generator.commands.cli import main
from tests.conftest import review
from tests.liveserve import fetch, free_port, wait_for

# About the format and the pages, not the service rules: judged as if it were 2026-11-03 09:00.
pytestmark = pytest.mark.usefixtures("fixed_now")

P = "reviews/2026/2026-11-03-kari.yml"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_a_good_project(project, capsys):
    root = project({P.removeprefix("reviews/"): review()})
    assert run(capsys, "-C", str(root), "check") == (0, "1 review checked; no problems.\n", "")


def test_source_date_epoch_is_the_moment_the_rules_judge_at(project, capsys, monkeypatch):
    root = project({P.removeprefix("reviews/"): review()})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1793692800 + 3 * 86400))  # three days later
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert (code, out.splitlines()[0]) == (
        0,
        f"{P}:2: warning: unanswered for 3 days, 2 days past the promise of a first public reply "
        "within 24 hours; add a reply from the business under 'thread:'",
    )


def test_a_malformed_source_date_epoch_is_an_error(project, capsys, monkeypatch):
    root = project({P.removeprefix("reviews/"): review()})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert (code, out.splitlines()[0]) == (
        1,
        "(environment):0: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, got "
        "'yesterday'; unset it to judge by the clock",
    )


def test_check_fails_with_every_problem_and_a_summary(project, capsys):
    root = project({"2026/a.yml": review(rating="6"), "2026/b.yml": review(received="soon")})
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert code == 1
    assert out.splitlines() == [
        "reviews/2026/a.yml:4: rating: expected a whole number from 1 to 5, got 6",
        "reviews/2026/b.yml:2: received: expected an ISO 8601 date or date-time like 2026-11-03 "
        "or 2026-11-03T14:05, got 'soon'",
        "2 errors in 2 files (2 reviews checked).",
    ]


def test_warnings_pass_unless_strict(project, capsys):
    root = project({"2026/a.yml": review(ratng="2")})
    expected = [
        "reviews/2026/a.yml:4: warning: ratng: unknown field, ignored; did you mean 'rating'?",
        "0 errors and 1 warning in 1 file (1 review checked).",
    ]
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert (code, out.splitlines()) == (0, expected)
    code, out, _ = run(capsys, "-C", str(root), "check", "--strict")
    assert (code, out.splitlines()) == (1, expected)


def test_missing_config_is_reported(tmp_path, capsys):
    code, out, _ = run(capsys, "-C", str(tmp_path), "check")
    assert code == 1
    assert out.splitlines()[0] == (
        "site_config.yml:1: not found; every site needs one (see docs/pages/site-config.md)"
    )


def test_config_problems_are_reported_with_lines(project, capsys):
    root = project(
        {}, config="name: Shop\nper_page: many\ntimezone: Mars/Base\ncolors:\n  primary: red\n"
    )
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert code == 1
    assert out.splitlines()[:3] == [
        "site_config.yml:2: per_page: expected a whole number from 1 to 500, got 'many'",
        "site_config.yml:3: timezone: unknown time zone 'Mars/Base'; expected a name like "
        "Europe/Oslo",
        "site_config.yml:5: colors.primary: expected a colour like '#1f4e5f', got 'red'",
    ]


def test_build_reports_and_keeps_site_on_error(project, capsys):
    root = project({"2026/a.yml": review(rating="6")})
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 1
    assert out.splitlines()[-1] == "Nothing was built; site/ is as it was."
    assert not (root / "site").exists() and not (root / "build").exists()


def test_build_says_what_it_built(project, capsys):
    root = project(
        {
            "2026/a.yml": review(),
            "2026/b.yml": review(consent="withheld", withheld_reason="customer-request"),
        }
    )
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 0
    assert out.startswith("Built 1 case pages from 2 reviews into site/ in ")
    assert (root / "site/reviews/a/index.html").is_file()


def test_build_with_an_unknown_engine_is_a_usage_error(project, capsys):
    root = project({"2026/a.yml": review()})
    with pytest.raises(SystemExit) as exit_:
        main(["-C", str(root), "build", "--engine", "hugo"])
    assert exit_.value.code == 2
    assert "argument --engine: invalid choice: 'hugo'" in capsys.readouterr().err


class TestNew:
    def test_writes_a_named_skeleton_that_checks_once_filled(self, project, capsys):
        root = project({})
        code, out, _ = run(
            capsys,
            "-C",
            str(root),
            "new",
            "--channel",
            "google",
            "--received",
            "2026-11-03T08:05",
            "--author",
            "Kari Nordmann",
            "--rating",
            "2",
            "--text",
            "Parcel never came.\nStill waiting.",
        )
        assert (code, out) == (0, "reviews/2026/2026-11-03-kari.yml\n")
        written = load_project(root)
        assert [str(p) for p in written.problems] == []
        (found,) = written.reviews
        assert (found.author, found.rating, found.text) == (
            "Kari Nordmann",
            2,
            "Parcel never came.\nStill waiting.",
        )

    def test_never_overwrites_a_file(self, project, capsys):
        root = project({})
        args = [
            "-C",
            str(root),
            "new",
            "--channel",
            "email",
            "--received",
            "2026-11-03",
            "--kind",
            "question",
            "--author",
            "Ola",
            "--text",
            "Hi",
        ]
        assert run(capsys, *args)[1] == "reviews/2026/2026-11-03-ola.yml\n"
        assert run(capsys, *args)[1] == "reviews/2026/2026-11-03-ola-2.yml\n"
        (root / "reviews/2025").mkdir()
        (root / "reviews/2025/2026-11-03-ola-3.yml").write_text(review())
        assert run(capsys, *args)[1] == "reviews/2026/2026-11-03-ola-4.yml\n"

    def test_without_text_the_skeleton_says_what_is_missing(self, project, capsys):
        root = project({})
        run(
            capsys,
            "-C",
            str(root),
            "new",
            "--channel",
            "google",
            "--received",
            "2026-11-03",
            "--kind",
            "complaint",
            "--slug",
            "Blåbær Øl",
        )
        assert [str(p) for p in load_project(root).problems] == [
            "reviews/2026/2026-11-03-blabaer-ol.yml:14: text: missing; a review without a rating "
            "needs the customer's own words"
        ]

    def test_bad_flags_are_usage_errors(self, project, capsys, monkeypatch):
        monkeypatch.setattr("sys.stdin", open(os.devnull))
        root = project({})
        assert run(capsys, "-C", str(root), "new", "--received", "2026-11-03") == (
            2,
            "",
            "error: --channel is required (where the customer spoke, like google or email)\n",
        )
        code, _, err = run(capsys, "-C", str(root), "new", "--channel", "gogle", "--rating", "9")
        assert code == 2
        assert err.splitlines()[1] == "error: --rating: expected a whole number from 1 to 5, got 9"
        assert err.splitlines()[0].endswith("did you mean 'google'?")
        assert not list((root / "reviews").rglob("*.yml"))


@pytest.mark.parametrize("command", ["check", "build", "serve", "new"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: reviewwall {command}")


def test_python_dash_m_runs_the_same_cli(project):
    root = project({"2026/a.yml": review()})
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "check"],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, "1 review checked; no problems.\n")


def test_serve_updates_the_page_when_a_review_is_saved(project, fixed_now):
    """The page changes on save, and the terminal says where the site is and what changed: no
    engine chatter (MkDocs' progress, its --dirty warning, its list of pages outside the nav)."""
    root = project({"2026/a.yml": review(text="First words.")})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(root), "serve", "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/reviews/a/"

    def words():
        html = fetch(url)
        if html is None:
            return None
        return BeautifulSoup(html, "html.parser").select_one(".rw-words").get_text(strip=True)

    try:
        assert wait_for(words, 30) == "First words."
        Path(root / "reviews/2026/a.yml").write_text(review(text="Second words."))
        assert wait_for(lambda: words() if words() == "Second words." else None, 20) == (
            "Second words."
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    lines = server.stdout.read().splitlines()
    assert lines[:2] == [
        f"Serving on http://127.0.0.1:{port}/ — save a review, a template or site_config.yml "
        "to update it; Ctrl+C stops.",
        "Saved reviews/2026/a.yml",
    ]
    assert lines[2].startswith("Updated ") and lines[2].count("/reviews/a/") == 1, lines
    assert len(lines) == 3, lines


def test_version_is_the_installed_package_version():
    """`reviewwall --version` prints the version pip installed (one number, in __init__.py)."""
    from importlib.metadata import version

    result = subprocess.run(
        [str(Path(sys.executable).with_name("reviewwall")), "--version"],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, f"reviewwall {version('reviewwall')}\n")
