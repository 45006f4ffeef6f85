"""MkDocs takes reviewwall's page bodies as they are (publish/pagehook.py): the site is the one
MkDocs makes when it parses every body as Markdown, byte for byte, for the sample shop and for
reviews full of hostile text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.publish.build import build
from tests.conftest import make_project
from tests.hostile import hostile_reviews
from tests.publish.test_shards import _differences

ROOT = Path(__file__).resolve().parents[2]
NOW = "1796083200"  # 2026-12-01


def _sample(target: Path) -> Path:
    target.mkdir()
    shutil.copytree(ROOT / "reviews", target / "reviews")
    shutil.copy(ROOT / "site_config.yml", target / "site_config.yml")
    return target


def _hostile(target: Path) -> Path:
    return make_project(target, hostile_reviews()[0])


def _markdown_site(build_dir: Path) -> Path:
    """Build a copy of the project without the hook, as MkDocs alone would."""
    plain = build_dir.with_name("plain")
    shutil.copytree(build_dir, plain, ignore=shutil.ignore_patterns("site", "shards"))
    config = yaml.safe_load((plain / "mkdocs.yml").read_text("utf-8"))
    assert config.pop("hooks") == ["hooks/pagehook.py"]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(plain / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return plain / "site"


@pytest.mark.parametrize("make", [_sample, _hostile], ids=["sample", "hostile"])
def test_the_hook_gives_the_site_markdown_gives(tmp_path, monkeypatch, make):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    root = make(tmp_path / "shop")
    project = build(root, full=True)
    assert not project.problems.errors, [str(p) for p in project.problems.errors]
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 10
    assert _differences(_markdown_site(root / "build"), root / "site") == []


def test_without_the_hook_pages_would_differ(tmp_path, monkeypatch):
    """The comparison can fail: a hook that forgets Markdown's strip changes every page."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    root = _sample(tmp_path / "shop")
    assert not build(root, full=True).problems.errors
    hook = root / "build" / "hooks" / "pagehook.py"
    hook.write_text(hook.read_text("utf-8").replace("body.strip()", "body"), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(root / "build/mkdocs.yml")],
        check=True,
        capture_output=True,
    )
    differences = _differences(_markdown_site(root / "build"), root / "build" / "site")
    assert "index.html" in differences


def test_the_theme_s_compiled_templates_are_kept_in_a_folder_of_this_user_alone(tmp_path):
    """Material's templates are compiled once, not in every engine process: Jinja's own cache,
    in a folder only this user may write (Jinja checks), never in build/."""
    import stat

    import jinja2

    hook = _hook()
    loader = jinja2.DictLoader({"page.html": "{{ 6 * 7 }}"})
    env = hook.on_env(jinja2.Environment(loader=loader), config={}, files=None)
    cache = env.bytecode_cache
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    folder = Path(cache.directory)
    assert folder.stat().st_uid == os.getuid()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "build" not in folder.parts
    assert env.get_template("page.html").render() == "42"
    again = jinja2.Environment(loader=loader, bytecode_cache=cache)
    assert again.get_template("page.html").render() == "42"  # read back from the cache


def _hook():
    import importlib.util

    from generator.publish.writer import PAGE_HOOK

    spec = importlib.util.spec_from_file_location("pagehook_under_test", PAGE_HOOK)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


@pytest.mark.parametrize(
    ("meta", "body", "hidden"),
    [
        ({"search": {"exclude": True}}, "<ul><li>a case</li></ul>", True),
        ({"search": {"exclude": True}}, '<p data-search-exclude="x">a case</p>', False),
        ({}, "<ul><li>a case</li></ul>", False),
        ({"search": None}, "<ul><li>a case</li></ul>", False),
    ],
)
def test_a_body_left_out_of_search_is_kept_from_the_search_plugin_then_given_back(
    meta, body, hidden
):
    """Material's search plugin runs a regular expression over every page's HTML, excluded or
    not (4 MB pages behind the figures): an excluded body without `data-search-` attributes,
    which it would not change, is kept away from it and given back before the theme renders."""
    from types import SimpleNamespace

    hook = _hook()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="figures/all/x/index.md"), meta=meta)
    page.content = hook.on_page_content(hook.on_page_markdown(body, page, {}, None), page, {}, None)
    assert page.content == ("" if hidden else body)
    context = {"page": page}
    assert hook.on_page_context(context, page=page, config={}, nav=None) is context
    assert page.content == body
    assert hook.on_page_context.mkdocs_priority < 0  # after every plugin's, the search plugin's
