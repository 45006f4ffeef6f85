"""The CI files: valid for GitHub and GitLab, their commands pass on a branch, the hook runs."""

from __future__ import annotations

import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]  # tests/ci/ is two folders down
WORKFLOWS = ROOT / ".github" / "workflows"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
REVIEWWALL = Path(sys.executable).parent / "reviewwall"
PAGES_ACTIONS = ("configure-pages", "upload-pages-artifact", "deploy-pages")  # in this order

# What GitHub and GitLab put in the CI variables, for a pull request into main.
CI_VARIABLES = {
    "${{ github.base_ref }}": "main",
    "${{ github.event.before }}": "origin/main",  # a push: the commit main was at before it
    "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
}

# Commits in the temporary repositories, whatever the machine's git configuration says.
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "reviewwall tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "reviewwall tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
# CI judges by the clock, as the tests of this file do.
GIT_ENV.pop("SOURCE_DATE_EPOCH", None)

# A proxy nothing listens on: a schema check that tried to download anything would fail.
OFFLINE_ENV = {**os.environ, "NO_PROXY": "", "no_proxy": ""} | {
    name: "http://127.0.0.1:9" for name in ("http_proxy", "https_proxy", "all_proxy")
}
OFFLINE_ENV |= {
    name.upper(): value for name, value in OFFLINE_ENV.items() if name.endswith("proxy")
}


def read_yaml(path: Path) -> dict:
    """Return a YAML file's data; a workflow's `on:` key, which YAML 1.1 reads as True, as 'on'."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow_lines(path: Path, only_job: str | None = None) -> list[str]:
    """Return the lines the `run:` steps of a workflow run (of one job, or of all), in order."""
    lines = []
    for name, job in read_yaml(path)["jobs"].items():
        for step in job.get("steps", []) if only_job in (None, name) else []:
            lines += step.get("run", "").splitlines()
    return [line.strip() for line in lines if line.strip()]


def script_lines(job: dict) -> list[str]:
    """Return every line a GitLab job runs: before_script, script, after_script, lists flattened."""
    lines: list[str] = []
    for key in ("before_script", "script", "after_script"):
        value = job.get(key, [])
        for item in [value] if isinstance(value, str) else value:
            for text in item if isinstance(item, list) else [item]:
                lines += text.splitlines()
    return [line.strip() for line in lines if line.strip()]


def gitlab_jobs() -> dict[str, dict]:
    """Return the jobs of .gitlab-ci.yml by name (the keys that have a script)."""
    data = read_yaml(GITLAB_CI)
    return {name: job for name, job in data.items() if isinstance(job, dict) and "script" in job}


def ci_lines() -> list[tuple[str, str]]:
    """Return (CI file and job, line) for every line the CI files run, workflows first."""
    found = [
        (f".github/workflows/{path.name}:{job}", line)
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for job in read_yaml(path)["jobs"]
        for line in workflow_lines(path, job)
    ]
    for job_name, job in gitlab_jobs().items():
        found += [(f".gitlab-ci.yml:{job_name}", line) for line in script_lines(job)]
    return found


def reviewwall_commands(lines) -> list[list[str]]:
    """Return the arguments of each line that runs reviewwall, as the shell splits them."""
    return [shlex.split(line)[1:] for line in lines if line.split()[0] == "reviewwall"]


def local_argv(line: str) -> list[str]:
    """Return a CI line as arguments to run here: CI variables filled in, this venv's reviewwall."""
    for variable, value in CI_VARIABLES.items():
        line = line.replace(variable, value)
    assert "$" not in line, f"a CI variable this test does not fill in: {line}"
    argv = shlex.split(line)
    return [str(REVIEWWALL), *argv[1:]] if argv[0] == "reviewwall" else argv


def git(cwd: Path, *args: str, env: dict | None = GIT_ENV) -> str:
    """Run git in a folder and return what it printed; fail the test when git fails."""
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def repository_files() -> list[str]:
    """Return the repository's files as the next commit would hold them: tracked and new ones."""
    # With the user's own git configuration, which may be what lets git read this folder.
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", env=None)
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def sample_files() -> list[str]:
    """Return the sample shop's files: its config, reviews/, templates/, removals and .gitignore."""
    return [
        name
        for name in repository_files()
        if name in ("site_config.yml", "removals.yml", ".gitignore")
        or name.startswith(("reviews/", "templates/"))
    ]


def commit_copy(names: list[str], folder: Path, message: str) -> Path:
    """Copy files of the repository into a new git repository on main, committed; return it."""
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)
    return folder


def write_new_review(project: Path) -> Path:
    """Write a praise received three days ago and answered the same day; return its path."""
    day = datetime.date.today() - datetime.timedelta(days=3)
    path = project / "reviews" / f"{day.year}" / f"{day.isoformat()}-kari-levering.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"channel: google\nreceived: {day.isoformat()}T10:00\nauthor: Kari Nordmann\nrating: 5\n"
        "text: |\n  Rask levering og god hjelp da jeg skulle bytte størrelse på jakka.\n"
        f"thread:\n  - at: {day.isoformat()}T12:00\n    by: Ingrid, kundeservice\n"
        "    text: Tusen takk for de fine ordene, og god tur i den nye jakka!\n",
        encoding="utf-8",
    )
    return path


def pull_request_clone(tmp: Path, change) -> Path:
    """Return a clone whose origin/main holds the sample shop, on a branch with one change.

    As in CI, the clone has no local main: only origin/main, which the CI lines must name.
    """
    commit_copy(sample_files(), tmp / "shop", "The sample shop")
    git(tmp, "clone", "-q", "--bare", "shop", "origin.git")
    git(tmp, "clone", "-q", "origin.git", "clone")
    clone = tmp / "clone"
    git(clone, "switch", "-q", "-c", "pull-request")
    git(clone, "branch", "-q", "-D", "main")
    git(clone, "add", str(change(clone)))
    git(clone, "commit", "-q", "-m", "The pull request")
    return clone


def change_a_customers_words(project: Path) -> Path:
    """Change the first word of the first review's text; return its path."""
    path = sorted((project / "reviews").rglob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"^(text: \|?\n?\s*)\S+", r"\1Tullball", text, count=1, flags=re.MULTILINE)
    assert changed != text, f"no text: in {path}"
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def branch_clone(tmp_path_factory) -> Path:
    """Return a clone on a pull request that adds one review, as staff do every day."""
    return pull_request_clone(tmp_path_factory.mktemp("ci"), write_new_review)


@pytest.fixture(scope="module")
def tampered_clone(tmp_path_factory) -> Path:
    """Return a clone on a pull request that changes what a customer wrote."""
    return pull_request_clone(tmp_path_factory.mktemp("ci"), change_a_customers_words)


@pytest.mark.parametrize(
    ("schema", "paths"),
    [
        ("vendor.github-workflows", sorted(WORKFLOWS.glob("*.yml"))),
        ("vendor.gitlab-ci", [GITLAB_CI]),
    ],
    ids=["github-workflows", "gitlab-ci"],
)
def test_ci_files_follow_the_published_schema(schema, paths):
    """The CI files validate against the schemas check-jsonschema ships, offline."""
    assert paths, f"no file for {schema}"
    result = run_schema_check(schema, *paths)
    assert result.returncode == 0, result.stdout + result.stderr


def run_schema_check(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    """Run check-jsonschema with one of its own copies of a published schema."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        env=OFFLINE_ENV,
        capture_output=True,
        text=True,
    )


def without_runs_on(text: str) -> str:
    """Return a workflow with its first `runs-on:` line removed."""
    broken = re.sub(r"^ +runs-on: .*\n", "", text, count=1, flags=re.MULTILINE)
    assert broken != text, "no runs-on line to remove"
    return broken


def with_a_number_as_script(text: str) -> str:
    """Return a GitLab CI file whose first job has `script: 5`."""
    data = yaml.safe_load(text)
    data[next(iter(gitlab_jobs()))]["script"] = 5
    return yaml.safe_dump(data, sort_keys=False)


@pytest.mark.parametrize(
    ("schema", "source", "break_it", "expected"),
    [
        ("vendor.github-workflows", WORKFLOWS / "check.yml", without_runs_on, "'runs-on'"),
        ("vendor.gitlab-ci", GITLAB_CI, with_a_number_as_script, "script: 5 is not valid"),
    ],
    ids=["github-without-runs-on", "gitlab-script-5"],
)
def test_schema_check_rejects_a_broken_copy(tmp_path, schema, source, break_it, expected):
    """The schema check can fail: a broken copy of each CI file is rejected, saying why."""
    broken = tmp_path / source.name
    broken.write_text(break_it(source.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_schema_check(schema, broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout


def test_pull_requests_are_checked_verified_and_built():
    """GitHub checks with annotations, GitLab with plain lines; both verify, then build."""
    pull_request = read_yaml(WORKFLOWS / "check.yml")
    assert "pull_request" in pull_request["on"]
    github = reviewwall_commands(workflow_lines(WORKFLOWS / "check.yml"))
    assert github == [
        ["check", "--format", "github"],
        ["verify", "--base", "origin/${{ github.base_ref }}", "--format", "github"],
        ["build"],
    ]
    merge_request = gitlab_jobs()["check"]
    assert merge_request["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert reviewwall_commands(script_lines(merge_request)) == [
        ["check", "--format", "text"],
        ["verify", "--base", "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "--format", "text"],
        ["build"],
    ]


def test_verify_gets_the_whole_history():
    """verify reads the base branch with git: no shallow clone on either host."""
    checkout = read_yaml(WORKFLOWS / "check.yml")["jobs"]["check"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    assert gitlab_jobs()["check"]["variables"]["GIT_DEPTH"] == "0"


def test_warnings_never_fail_ci():
    """No CI command turns warnings into errors: late replies come with the clock, not the PR."""
    strict = [(name, line) for name, line in ci_lines() if "--strict" in line.split()]
    assert not strict
    assert any(line.startswith("reviewwall check") for _, line in ci_lines())


def test_github_pages_workflow_publishes_site_daily_and_alone():
    """The official Pages actions publish site/ on a push to main, daily and by hand, one by one."""
    workflow = read_yaml(WORKFLOWS / "publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert [set(entry) for entry in workflow["on"]["schedule"]] == [{"cron"}]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    used = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    pages_actions = [f"actions/{name}" for name in PAGES_ACTIONS]
    assert [action for action in used if action in pages_actions] == pages_actions
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"] == {"path": "site"}


def test_github_caches_pip_by_pyproject():
    """Every Python set up on GitHub is 3.12 with pip's downloads cached by pyproject.toml."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in read_yaml(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/setup-python@"):
                    assert step["with"] == {
                        "python-version": "3.12",
                        "cache": "pip",
                        "cache-dependency-path": "pyproject.toml",
                    }, path.name


def test_gitlab_pages_publishes_site_from_the_default_branch():
    """The pages job builds on the default branch (pushes and schedules) and publishes site/."""
    data = read_yaml(GITLAB_CI)
    pages = gitlab_jobs()["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert reviewwall_commands(script_lines(pages)) == [["build"]]
    assert pages["pages"]["publish"] == "site"
    assert pages["artifacts"]["paths"] == ["site"]
    assert data["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    assert data["cache"]["paths"] == [".cache/pip"]


def run_ci_line(line: str, clone: Path) -> subprocess.CompletedProcess:
    """Run one CI line in a clone, with the CI variables of a pull request into main."""
    return subprocess.run(
        local_argv(line), cwd=clone, env=GIT_ENV, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    ("ci_file", "line"),
    [(name, line) for name, line in ci_lines() if line.split()[0] in ("reviewwall", "git")],
    ids=lambda value: value,
)
def test_ci_line_passes_on_a_branch_with_a_new_review(branch_clone, ci_file, line):
    """Every reviewwall (and git) line of the CI files exits 0 on a pull request adding a review."""
    result = run_ci_line(line, branch_clone)
    assert result.returncode == 0, f"{ci_file}: {line}\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize(
    ("ci_file", "line"),
    [(name, line) for name, line in ci_lines() if line.startswith("reviewwall verify")],
    ids=lambda value: value,
)
def test_ci_verify_fails_a_branch_that_changes_a_customers_words(tampered_clone, ci_file, line):
    """The verify line of each CI file compares with the base branch: a changed word fails it."""
    result = run_ci_line(line, tampered_clone)
    assert result.returncode == 1, f"{ci_file}: {line}\n{result.stdout}{result.stderr}"
    (changed,) = git(tampered_clone, "diff", "--name-only", "origin/main").split()
    where = re.escape(changed)  # text or GitHub annotation, pointing at the customer's words
    pointed = rf"^({where}:\d+: |::error file={where},line=\d+,.*::)text: "
    assert re.search(pointed, result.stdout, re.MULTILINE), result.stdout


def test_pre_commit_hook_is_declared_for_the_project_files():
    """The manifest is valid; the hook checks the project when a review or the config changes."""
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    expected = {"language": "python", "entry": "reviewwall check", "pass_filenames": False}
    assert {key: hook[key] for key in ("id", *expected)} == {"id": "reviewwall-check", **expected}
    runs_on = ["reviews/2026/2026-11-03-kari.yml", "reviews/x.yaml", "site_config.yml"]
    runs_on += ["removals.yml"]
    not_on = ["templates/pages/case.md", "docs/mkdocs.yml", "my_site_config.yml", "reviews.yml"]
    assert [name for name in runs_on + not_on if re.search(hook["files"], name)] == runs_on


def first_rating(project: Path) -> tuple[str, int]:
    """Return the first review file with a top-level `rating:` and that line's number."""
    for path in sorted((project / "reviews").rglob("*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, text in enumerate(lines, start=1):
            if text.startswith("rating:"):
                return path.relative_to(project).as_posix(), number
    raise AssertionError("no review with a rating")


@pytest.mark.slow
def test_pre_commit_hook_passes_the_sample_and_stops_a_bad_rating(tmp_path):
    """`pre-commit try-repo` installs reviewwall from a clone and runs the hook on the sample."""
    hooks_repo = commit_copy(repository_files(), tmp_path / "reviewwall", "reviewwall")
    shop = commit_copy(sample_files(), tmp_path / "shop", "The sample shop")
    # pre-commit builds the hook's environment (pip, from the package index) in its own home.
    env = {**GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), "reviewwall-check"]
    command += ["--all-files", "--color=never"]

    passed = subprocess.run(command, cwd=shop, env=env, capture_output=True, text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^reviewwall check\.+Passed$", passed.stdout, re.MULTILINE), passed.stdout

    path, number = first_rating(shop)
    review = shop / path
    lines = review.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number - 1] = "rating: 9\n"
    review.write_text("".join(lines), encoding="utf-8")
    failed = subprocess.run(command, cwd=shop, env=env, capture_output=True, text=True, timeout=900)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^reviewwall check\.+Failed$", failed.stdout, re.MULTILINE), failed.stdout
    expected = f"{path}:{number}: rating: expected a whole number from 1 to 5, got 9"
    assert expected in failed.stdout.splitlines(), failed.stdout


def test_the_publishing_jobs_keep_build_and_site_for_the_next_run():
    """Both hosts restore the last run's build/ and site/ before the build (incremental.py
    decides whether to trust them), and keep this run's for the next."""
    publish = read_yaml(WORKFLOWS / "publish.yml")
    steps = publish["jobs"]["build"]["steps"]
    names = [step.get("uses", step.get("name", "")).split("@")[0] for step in steps]
    cache = steps[names.index("actions/cache")]
    assert names.index("actions/cache") < names.index("Build the site")
    assert cache["with"]["path"].split() == ["build", "site"]
    assert cache["with"]["restore-keys"] == "site-"
    pages = gitlab_jobs()["pages"]
    assert {"key": "site-$CI_DEFAULT_BRANCH", "paths": ["build", "site"]} in pages["cache"]
    assert {"key": {"files": ["pyproject.toml"]}, "paths": [".cache/pip"]} in pages["cache"]
