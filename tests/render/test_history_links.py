"""A case page links to its file's history in the shop's repository, in each host's own shape."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from generator.read.config import read_config
from generator.read.review import Review
from generator.render.case import CaseMaker
from generator.words.labels import read_labels
from tests.conftest import BASE_CONFIG, build_project, content, page, problems_of, review

pytestmark = pytest.mark.usefixtures("fixed_now")

FILE = "reviews/2026/2026-11-03-kari.yml"
HOSTS = "github, gitlab, gitea or bitbucket"


def history_url(project, settings: str, path: str = FILE) -> str | None:
    """Return the history link a case page gets with these repository settings."""
    config, problems = read_config(project(config=BASE_CONFIG + settings))
    assert problems.errors == []
    kari = Review(
        id="2026-11-03-kari",
        path=path,
        channel="google",
        received=datetime(2026, 11, 3, 8, tzinfo=ZoneInfo("Europe/Oslo")),
        text="Fine shop.",
        kind="praise",
        language="en",
        consent="public",
    )
    return CaseMaker(config, read_labels("en", {})).history_url(kari)


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "repository: https://github.com/nordlys-friluft/omtaler\n",
            f"https://github.com/nordlys-friluft/omtaler/commits/main/{FILE}",
        ),
        (
            "repository: https://gitlab.com/nordlys-friluft/kundeservice/omtaler\n",
            f"https://gitlab.com/nordlys-friluft/kundeservice/omtaler/-/commits/main/{FILE}",
        ),
        (
            "repository: https://codeberg.org/nordlys-friluft/omtaler\n",
            f"https://codeberg.org/nordlys-friluft/omtaler/commits/branch/main/{FILE}",
        ),
        (
            "repository: https://bitbucket.org/nordlys-friluft/omtaler\n",
            f"https://bitbucket.org/nordlys-friluft/omtaler/history-node/main/{FILE}",
        ),
        # Self-hosted servers that carry their software's name.
        (
            "repository: https://gitlab.fjellvik.no/butikk/omtaler\n",
            f"https://gitlab.fjellvik.no/butikk/omtaler/-/commits/main/{FILE}",
        ),
        (
            "repository: https://gitea.fjellvik.no/butikk/omtaler\n",
            f"https://gitea.fjellvik.no/butikk/omtaler/commits/branch/main/{FILE}",
        ),
        (
            "repository: https://forgejo.fjellvik.no/butikk/omtaler\n",
            f"https://forgejo.fjellvik.no/butikk/omtaler/commits/branch/main/{FILE}",
        ),
        # The clone address works too; the branch is the site's own.
        (
            "repository: https://github.com/nordlys-friluft/omtaler.git/\n"
            "repository_branch: publisert\n",
            f"https://github.com/nordlys-friluft/omtaler/commits/publisert/{FILE}",
        ),
        (
            "repository: https://www.github.com/nordlys-friluft/omtaler/\n",
            f"https://www.github.com/nordlys-friluft/omtaler/commits/main/{FILE}",
        ),
        # A self-hosted GitLab under another name says what it is.
        (
            "repository: https://kode.fjellvik.no/butikk/omtaler\nrepository_host: gitlab\n",
            f"https://kode.fjellvik.no/butikk/omtaler/-/commits/main/{FILE}",
        ),
        (
            "repository: https://kode.fjellvik.no/butikk/omtaler\nrepository_host: bitbucket\n",
            f"https://kode.fjellvik.no/butikk/omtaler/history-node/main/{FILE}",
        ),
        # ... and without saying so, it gets no link rather than a wrong one.
        ("repository: https://kode.fjellvik.no/butikk/omtaler\n", None),
        ("", None),
        ("repository_host: github\n", None),
    ],
)
def test_history_url_for_each_host(project, settings, expected):
    assert history_url(project, settings) == expected


def test_branch_and_path_are_url_quoted(project):
    settings = "repository: https://gitlab.com/fjellvik/omtaler\nrepository_branch: live#2\n"
    path = "reviews/butikk Tromsø/2026-11-03-kari.yml"
    assert history_url(project, settings, path) == (
        "https://gitlab.com/fjellvik/omtaler/-/commits/live%232/"
        "reviews/butikk%20Troms%C3%B8/2026-11-03-kari.yml"
    )


def test_an_unknown_host_is_a_warning_at_the_repository_line(project):
    config = BASE_CONFIG + "repository: https://kode.fjellvik.no/butikk/omtaler\n"
    root = project({"2026/2026-11-03-kari.yml": review()}, config)
    assert problems_of(root) == [
        "site_config.yml:5: warning: repository: kode.fjellvik.no is not a host reviewwall "
        "knows, so case pages leave out the link to their file's history; set repository_host "
        f"to {HOSTS}"
    ]


def test_with_repository_host_the_unknown_host_is_fine(project):
    config = BASE_CONFIG + "repository: https://kode.fjellvik.no/butikk/omtaler\n"
    root = project({"2026/2026-11-03-kari.yml": review()}, config + "repository_host: gitlab\n")
    assert problems_of(root) == []


def test_an_unknown_repository_host_is_an_error_with_a_suggestion(project):
    config = BASE_CONFIG + "repository: https://kode.fjellvik.no/butikk/omtaler\n"
    root = project({"2026/2026-11-03-kari.yml": review()}, config + "repository_host: gitlabb\n")
    assert problems_of(root) == [
        "site_config.yml:6: repository_host: unknown repository host 'gitlabb'; expected one of: "
        "github, gitlab, gitea, bitbucket; did you mean 'gitlab'?"
    ]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "repository: https://kode.fjellvik.no/butikk/omtaler\nrepository_host: gitlab\n",
            f"https://kode.fjellvik.no/butikk/omtaler/-/commits/main/{FILE}",
        ),
        ("repository: https://kode.fjellvik.no/butikk/omtaler\n", None),
    ],
)
def test_a_built_case_page_links_its_history_only_when_the_host_is_known(
    project, settings, expected
):
    thread = "\n  - at: 2026-11-03T08:30\n    text: Thank you!"
    root = project({"2026/2026-11-03-kari.yml": review(thread=thread)}, BASE_CONFIG + settings)
    build_project(root)
    link = content(page(root, "reviews/2026-11-03-kari/")).select_one(".rw-history a")
    assert (link and link["href"]) == expected
