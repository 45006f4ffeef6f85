"""The web editor's page and Decap CMS configuration, made from site_config.yml and the format."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.read.config import read_config
from generator.read.format import OUTCOME, REVIEW
from generator.read.review import ACTIONS, CONSENTS, STATUSES, WITHHELD_REASONS
from generator.render.admin import DECAP_URL, YAML_URL, admin_pages, decap_config
from tests.conftest import BASE_CONFIG, build_project, review

P = "2026/2026-11-03-kari.yml"
REPOSITORY = "repository: https://github.com/nordlys-friluft/omtaler\n"


def config_of(tmp_path: Path, text: str):
    (tmp_path / "site_config.yml").write_text(BASE_CONFIG + text, encoding="utf-8")
    config, problems = read_config(tmp_path)
    return config, [str(problem) for problem in problems]


def backend(tmp_path: Path, text: str) -> dict:
    config, problems = config_of(tmp_path, text)
    assert problems == []
    return decap_config(config)["backend"]


def test_the_built_site_has_the_editor_outside_search_and_sitemap(project):
    root = project({P: review()}, config=BASE_CONFIG + REPOSITORY)
    build_project(root)
    admin = root / "site" / "admin"
    assert sorted(p.name for p in admin.iterdir()) == [
        "config.yml",
        "index.html",
        "reviewwall-cms.js",
    ]
    soup = BeautifulSoup((admin / "index.html").read_text("utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert soup.title.string == "Testbutikken – answer reviews"
    assert soup.find("link", rel="cms-config-url")["href"] == "config.yml"
    assert [s.get("src") for s in soup.find_all("script") if s.get("src")] == [DECAP_URL]
    module = soup.find("script", type="module").string
    assert f'import YAML from "{YAML_URL}";' in module
    script = (admin / "reviewwall-cms.js").read_bytes()
    assert f"./reviewwall-cms.js?v={hashlib.sha256(script).hexdigest()[:12]}" in module
    settings = json.loads(module.split("start(window.CMS, YAML, ")[1].rsplit(");", 1)[0])
    assert settings["timezone"] == "Europe/Oslo"
    assert settings["customer"] == [f.name for f in REVIEW.fields if f.customer]
    assert "admin" not in (root / "site" / "sitemap.xml").read_text("utf-8")
    search = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in search["docs"] if doc["location"].startswith("admin")]


def test_the_collection_is_the_review_format(tmp_path):
    config, _ = config_of(tmp_path, REPOSITORY)
    settings = decap_config(config)
    assert settings["local_backend"] is True
    assert settings["publish_mode"] == "simple"
    (collection,) = settings["collections"]
    assert (collection["folder"], collection["path"], collection["format"]) == (
        "reviews",
        "{{year}}/{{slug}}",
        "reviewwall-yml",
    )
    assert (collection["create"], collection["delete"]) == (False, False)
    fields = {field["name"]: field for field in collection["fields"]}
    assert list(fields) == list(REVIEW.names)
    # The customer's: one card, the rest carried along unseen and unchanged.
    assert fields["channel"]["widget"] == "reviewwall-review"
    customer = [f.name for f in REVIEW.fields if f.customer and f.name != "channel"]
    assert {fields[name]["widget"] for name in customer} == {"hidden"}
    assert fields["consent"]["options"] == list(CONSENTS)
    assert fields["withheld_reason"]["options"] == list(WITHHELD_REASONS)
    assert fields["verified"]["widget"] == "boolean"
    assert fields["thread"]["widget"] == "reviewwall-thread"
    outcome = {field["name"]: field for field in fields["outcome"]["fields"]}
    assert list(outcome) == list(OUTCOME.names)
    assert outcome["status"]["options"] == list(STATUSES)
    assert (outcome["actions"]["options"], outcome["actions"]["multiple"]) == (list(ACTIONS), True)
    assert outcome["rating_after"] == {
        "name": "rating_after",
        "label": "Rating after",
        "required": False,
        "hint": "The customer's rating after the case ended.",
        "widget": "number",
        "value_type": "int",
        "min": 1,
        "max": 5,
    }
    assert outcome["at"]["format"] == "YYYY-MM-DD" and outcome["at"]["time_format"] is False
    assert all(field["required"] is False for field in collection["fields"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            REPOSITORY,
            {"name": "github", "branch": "main", "repo": "nordlys-friluft/omtaler"},
        ),
        (
            REPOSITORY
            + "repository_branch: publish\neditor:\n  auth_url: https://auth.nordlys.no/\n",
            {
                "name": "github",
                "branch": "publish",
                "repo": "nordlys-friluft/omtaler",
                "base_url": "https://auth.nordlys.no",
            },
        ),
        (
            "repository: https://github.nordlys.no/kundeservice/omtaler\nrepository_host: github\n"
            "editor:\n  auth_url: https://auth.nordlys.no\n",
            {
                "name": "github",
                "branch": "main",
                "repo": "kundeservice/omtaler",
                "api_root": "https://github.nordlys.no/api/v3",
                "base_url": "https://auth.nordlys.no",
            },
        ),
        (
            "repository: https://gitlab.com/nordlys/kundeservice/omtaler.git\n"
            "editor:\n  app_id: 4f1c2e\n",
            {
                "name": "gitlab",
                "branch": "main",
                "repo": "nordlys/kundeservice/omtaler",
                "app_id": "4f1c2e",
                "auth_type": "pkce",
            },
        ),
        (
            "repository: https://gitlab.nordlys.no/kundeservice/omtaler\n"
            "editor:\n  app_id: 4f1c2e\n",
            {
                "name": "gitlab",
                "branch": "main",
                "repo": "kundeservice/omtaler",
                "api_root": "https://gitlab.nordlys.no/api/v4",
                "base_url": "https://gitlab.nordlys.no",
                "app_id": "4f1c2e",
                "auth_type": "pkce",
            },
        ),
        (
            "repository: https://codeberg.org/nordlys/omtaler\neditor:\n  app_id: 77aa\n",
            {
                "name": "gitea",
                "branch": "main",
                "repo": "nordlys/omtaler",
                "api_root": "https://codeberg.org/api/v1",
                "base_url": "https://codeberg.org",
                "app_id": "77aa",
                "auth_type": "pkce",
            },
        ),
        (
            "repository: https://bitbucket.org/nordlys/omtaler\neditor:\n  app_id: bb1\n",
            {
                "name": "bitbucket",
                "branch": "main",
                "repo": "nordlys/omtaler",
                "app_id": "bb1",
                "auth_type": "implicit",
            },
        ),
        ("editor:\n  backend: git-gateway\n", {"name": "git-gateway", "branch": "main"}),
    ],
    ids=["github", "oauth", "enterprise", "gitlab", "own-gitlab", "codeberg", "bitbucket", "gw"],
)
def test_the_backend_follows_the_repository(tmp_path, text, expected):
    assert backend(tmp_path, text) == expected


def test_publish_mode_is_passed_on(tmp_path):
    config, _ = config_of(tmp_path, REPOSITORY + "editor:\n  publish_mode: editorial_workflow\n")
    assert decap_config(config)["publish_mode"] == "editorial_workflow"


@pytest.mark.parametrize(
    "text",
    [
        "",  # no repository: nowhere to save to
        "repository: https://git.nordlys.no/omtaler\nrepository_host: gitea\neditor:\n"
        "  enabled: false\n  app_id: x\n",
    ],
    ids=["no-repository", "switched-off"],
)
def test_no_editor_page_without_a_backend(tmp_path, text):
    config, problems = config_of(tmp_path, text)
    assert problems == [] and admin_pages(config) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "editor:\n  enabled: true\n",
            "site_config.yml:6: editor: the web editor needs to know where the reviews are: set "
            "repository (on GitHub, GitLab, Gitea or Bitbucket), or editor.backend: git-gateway",
        ),
        (
            "editor:\n  backend: gitlab\n",
            "site_config.yml:6: editor: the gitlab backend needs repository: the address of the "
            "reviews",
        ),
        (
            "repository: https://codeberg.org/nordlys/omtaler\n",
            None,
        ),
        (
            "repository: https://codeberg.org/nordlys/omtaler\neditor:\n  publish_mode: simple\n",
            "site_config.yml:7: editor.app_id: missing; staff log in to Gitea through an OAuth "
            "application: give its client id",
        ),
        (
            REPOSITORY + "editor:\n  backend: netlify\n",
            "site_config.yml:7: editor.backend: unknown editor backend 'netlify'; expected one of: "
            "github, gitlab, gitea, bitbucket, git-gateway",
        ),
    ],
    ids=["enabled-nowhere", "no-repository", "gitea-untouched", "gitea-no-app", "unknown"],
)
def test_editor_settings_that_cannot_work_are_errors_at_their_line(tmp_path, text, problem):
    config, problems = config_of(tmp_path, text)
    if problem is None:
        # Codeberg needs an OAuth application first: without editor settings, no /admin/ page
        # and no error, so a site that built before still builds.
        assert (problems, admin_pages(config)) == ([], [])
        return
    assert problems == [problem]


def test_the_sample_site_has_its_editor(tmp_path):
    root = Path(__file__).resolve().parents[2]
    config, problems = read_config(root)
    assert not problems.errors
    pages = {page.path: page for page in admin_pages(config)}
    decap = yaml.safe_load(pages["admin/config.yml"].data)
    assert decap["backend"] == {
        "name": "github",
        "branch": "main",
        "repo": "nordlys-friluft/omtaler",
    }


def test_zensical_publishes_the_same_editor(project):
    root = project({P: review()}, config=BASE_CONFIG + REPOSITORY)
    build_project(root)
    mkdocs = {p.name: p.read_bytes() for p in (root / "site" / "admin").iterdir()}
    build_project(root, engine="zensical")
    assert {p.name: p.read_bytes() for p in (root / "site" / "admin").iterdir()} == mkdocs
