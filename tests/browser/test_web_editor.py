"""The web editor at /admin/, for real: Decap CMS in Chromium, its local backend (decap-server
from npm) on a temporary git repository, and reviewwall's format and widgets.

The page loads Decap and the yaml library from a CDN; here the same pinned versions are served
from node_modules (make test puts them there), and every other outside request is refused.
decap-server is told its port, and the page's `local_backend` is pointed at it.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.check.checks import check_document
from generator.check.history import Comparison
from generator.check.project import load_project
from generator.publish.build import build
from generator.read.config import SiteConfig
from generator.read.problems import Problems
from generator.read.reader import Document
from generator.read.yamltree import parse_yaml
from generator.render.admin import (
    DECAP_URL,
    DECAP_VERSION,
    YAML_URL,
    YAML_VERSION,
    format_settings,
)
from tests.conftest import SiteServer
from tests.hostile import hostile_reviews
from tests.liveserve import free_port, wait_for

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
DECAP_DIST = NODE_MODULES / ".decap-cms" / DECAP_VERSION
YAML_PACKAGE = NODE_MODULES / "yaml"
SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
DECAP_BASE = DECAP_URL.rsplit("/", 1)[0] + "/"
YAML_BASE = f"https://unpkg.com/yaml@{YAML_VERSION}/"
PETRA = "reviews/2026/2026-03-24-petra-lagerstatus.yml"
ASLAK = "reviews/2025/2025-05-22-aslak-telt.yml"
ESCAPED = "reviews/2026/2026-11-02-ulla.yml"
CONFIG = """\
name: Nordlys Friluft
language: nb
timezone: Europe/Oslo
repository: https://github.com/nordlys-friluft/omtaler
staff_name: Maren, daglig leder
"""
# A customer's title holding a line separator, written escaped: the yaml library would write it
# back raw, which a YAML 1.1 reader takes for a line break. The editor refuses to save the file.
ESCAPED_TEXT = """\
channel: google
received: 2026-11-02T10:00
author: Ulla Bergström
rating: 2
title: "Levering\\u2028for sent"
text: Pakken kom en uke for sent.
"""


def _need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} is missing: run make test (it installs {path.relative_to(ROOT)})")


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "reviewwall test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "reviewwall test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def editor(tmp_path, browser, monkeypatch):
    """A project in a git repository, built, served, with decap-server on its files; yields a
    function that opens the editor page (logged in to the local backend) and the project root."""
    for path, what in ((DECAP_DIST, "Decap CMS"), (SERVER, "decap-server"), (YAML_PACKAGE, "yaml")):
        _need(path, what)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    root = tmp_path / "shop"
    (root / "reviews").mkdir(parents=True)
    (root / "site_config.yml").write_text(CONFIG, encoding="utf-8")
    for name in (PETRA, ASLAK):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    (root / ESCAPED).write_text(ESCAPED_TEXT, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Reviews")
    build(root)
    site = SiteServer(root / "site")
    port = free_port()
    log = open(tmp_path / "decap-server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        ["node", str(SERVER)],
        cwd=root,
        env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    api = f"http://127.0.0.1:{port}/api/v1"
    assert wait_for(lambda: _listening(port), 20), (tmp_path / "decap-server.log").read_text()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def cdn(route, base: str, folder: Path):
        name = route.request.url.removeprefix(base).split("?")[0]
        path = folder / name
        if not path.is_file():
            route.fulfill(status=404, body=f"not in node_modules: {name}")
            return
        kind = "application/wasm" if name.endswith(".wasm") else "text/javascript"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    def config(route):
        body = (root / "site" / "admin" / "config.yml").read_text(encoding="utf-8")
        assert "\nlocal_backend: true\n" in body
        body = body.replace("\nlocal_backend: true\n", f"\nlocal_backend:\n  url: {api}\n")
        route.fulfill(status=200, body=body, content_type="text/yaml")

    def outside(route):
        blocked.append(route.request.url)
        route.abort()

    context.route(DECAP_BASE + "**", lambda route: cdn(route, DECAP_BASE, DECAP_DIST))
    context.route(YAML_BASE + "**", lambda route: cdn(route, YAML_BASE, YAML_PACKAGE))
    context.route("**/admin/config.yml", config)
    context.route(
        lambda url: not url.startswith(("http://127.0.0.1", DECAP_BASE, YAML_BASE)), outside
    )
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    def open_editor():
        page.goto(site.url("admin/"))
        page.get_by_role("button", name="Login").click()
        page.get_by_text("Ulla Bergström").first.wait_for()
        return page

    yield open_editor, root, errors, blocked
    context.close()
    server.terminate()
    server.wait(10)
    log.close()
    site.close()


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _open(page, author: str):
    page.get_by_text(author).first.click()
    page.locator("[data-add=reply]").wait_for()


def _publish(page):
    # Exactly "Publish": an entry Decap does not yet see as changed has a "Published" button
    # instead (a name match is by part otherwise), and a click on it saves nothing. Playwright
    # waits for the button, so for Decap to have taken in the change.
    page.get_by_role("button", name="Publish", exact=True).first.click()
    page.get_by_text("Publish now", exact=True).click()


def _changed(path: Path, before: bytes) -> bytes:
    """Wait for the saved file: other bytes, whole (the server empties the file, then writes it,
    and a read in between finds it empty)."""

    def saved() -> bytes | None:
        after = path.read_bytes()
        return after if after != before and after.endswith(b"\n") else None

    after = wait_for(saved, 20)
    assert after is not None, f"{path.name} was not saved"
    return after


def test_pinned_versions_are_the_ones_make_test_installs():
    import json

    package = json.loads((ROOT / "package.json").read_text("utf-8"))
    assert package["devDependencies"]["yaml"] == YAML_VERSION
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "generator/render/admin.py" in makefile and "DECAP_VERSION" in makefile
    assert YAML_URL == f"https://unpkg.com/yaml@{YAML_VERSION}/browser/index.js"


def test_staff_add_a_reply_and_every_other_byte_stays(editor):
    open_editor, root, errors, blocked = editor
    page = open_editor()
    before = (root / PETRA).read_bytes()
    _open(page, "Petra Halvorsen")
    # The customer's review is shown as a card, and nothing in it can be typed into.
    card = page.locator("[data-readonly-field=review]")
    assert card.locator("[data-facts]").inner_text() == (
        "Web form · 2026-03-24 10:18 · Petra Halvorsen"
    )
    assert card.locator("[data-text]").inner_text().startswith("Bestilte Fjellvidda 2-teltet")
    assert card.locator("input, textarea, select, [contenteditable]").count() == 0
    for name in ("received", "author", "text", "title", "rating"):
        assert page.locator(f"input[name={name}], textarea[name={name}]").count() == 0
    # What was said is shown and locked: two replies and the customer's follow-up.
    assert page.locator("[data-thread-entry=locked]").count() == 3
    assert page.locator("[data-thread-entry=new]").count() == 0
    page.locator("[data-add=reply]").click()
    new = page.locator("[data-thread-entry=new]")
    assert new.locator("input[name=by]").input_value() == "Maren, daglig leder"  # staff_name
    new.locator("input[name=at]").fill("2026-03-28T09:15")
    new.locator("textarea[name=text]").fill(
        'Takk for at du ga oss sjansen, Petra! "Få igjen" står nå der: *alltid*.\n\n'
        "<b>God påske</b> – hilsen Maren"
    )
    _publish(page)
    after = _changed(root / PETRA, before)
    text_before, text_after = before.decode(), after.decode()
    head, tail = text_before.split("outcome:\n", 1)
    assert (
        text_after
        == head
        + (
            "  - at: 2026-03-28T09:15\n"
            "    by: Maren, daglig leder\n"
            "    text: |-\n"
            '      Takk for at du ga oss sjansen, Petra! "Få igjen" står nå der: *alltid*.\n'
            "\n"
            "      <b>God påske</b> – hilsen Maren\n"
            "outcome:\n"
        )
        + tail
    )
    project = load_project(root)
    assert [str(p) for p in project.problems if not p.warning] == []
    saved = next(r for r in project.reviews if r.path == PETRA)
    assert saved.thread[-1].text.endswith("<b>God påske</b> – hilsen Maren")
    assert errors == [] and blocked == []


def test_how_the_case_ended_is_set_in_the_form(editor):
    open_editor, root, errors, _ = editor
    page = open_editor()
    before = (root / ASLAK).read_text("utf-8")
    _open(page, "Aslak")
    page.get_by_label(re.compile("^Rating after")).fill("5")
    page.get_by_label(re.compile("^What we changed")).fill("Teltstengene pakkes nå i egen pose.")
    _publish(page)
    after = _changed(root / ASLAK, before.encode()).decode()
    assert re.sub(r"\n  rating_after: 5\n", "\n", after) != after
    assert after.count("\n") == before.count("\n") + 2 - ("rating_after" in before)
    assert "  change: Teltstengene pakkes nå i egen pose.\n" in after
    # Nothing outside `outcome:` moved.
    assert after.split("outcome:\n")[0] == before.split("outcome:\n")[0]
    assert [str(p) for p in load_project(root).problems if not p.warning] == []
    assert errors == []


def test_a_file_the_editor_cannot_keep_exactly_is_not_saved(editor):
    open_editor, root, _, _ = editor
    page = open_editor()
    before = (root / ESCAPED).read_bytes()
    _open(page, "Ulla Bergström")
    page.locator("[data-add=reply]").click()
    page.locator("[data-thread-entry=new] textarea[name=text]").fill("Beklager, Ulla.")
    _publish(page)
    page.get_by_text("cannot keep exactly").first.wait_for()
    assert (root / ESCAPED).read_bytes() == before


def test_a_reply_without_text_is_not_saved(editor):
    open_editor, root, _, _ = editor
    page = open_editor()
    before = (root / PETRA).read_bytes()
    _open(page, "Petra Halvorsen")
    page.locator("[data-add=reply]").click()
    _publish(page)
    page.get_by_text("A new reply or follow-up needs its text.").first.wait_for()
    assert (root / PETRA).read_bytes() == before


# What staff might type: markup, YAML's own characters, quotes, a line separator, controls.
HOSTILE_REPLY = (
    '"><script>window.__pwned_reply=1</script> key: value # not a comment\n'
    "- not a list\n  indented line\t\tand tabs  \n"
    "'single' \"double\" \\backslash {{ 7*7 }} &anchor *alias !!python/object\n"
    "line\u2028separator, next\u0085line, bell\u0007, bom\ufeff, emoji 👍🏽, øæå ÅÄÖ šđ\n\n"
)


# What the admin page hands the format: the customer's fields and each mapping's key order.
FORMAT_SETTINGS = format_settings()


def readable_hostile() -> dict[str, str]:
    """The hostile corpus without the characters YAML 1.1 and 1.2 disagree on (U+2028, U+2029,
    U+0085), in the three layouts PyYAML writes (plain and quoted as it likes, multi-line text as
    literal blocks, every text double-quoted): files the web editor must read and save. With those
    characters it refuses (tested below)."""
    files, _ = hostile_reviews()
    out = {}
    for name, text in files.items():
        data = _without_breaks(yaml.safe_load(textwrap.dedent(text)))
        for layout, dumper in (("plain", yaml.SafeDumper), ("block", _Block), ("quoted", _Quoted)):
            out[f"{name}:{layout}"] = yaml.dump(
                data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1_000_000
            )
    return out


class _Block(yaml.SafeDumper):
    pass


class _Quoted(yaml.SafeDumper):
    pass


_Block.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)
_Quoted.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _without_breaks(value):
    if isinstance(value, str):
        return re.sub("[\u2028\u2029\u0085]", "", value)
    if isinstance(value, list):
        return [_without_breaks(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_breaks(item) for key, item in value.items()}
    return value


def _format_results(page, files: list[str]) -> list[dict]:
    """Run reviewwall's format on each file: read it, add HOSTILE_REPLY to the thread, write."""
    return page.evaluate(
        """async ([files, reply, settings, yamlUrl]) => {
          const { reviewFormat } = await import("/admin/reviewwall-cms.js");
          const YAML = (await import(yamlUrl)).default;
          const format = reviewFormat(YAML, settings);
          return files.map((text) => {
            try {
              const data = format.fromFile(text);
              const same = format.toFile(format.fromFile(text));
              data.thread = (data.thread || []).concat([
                { at: "2026-12-01T09:30", by: "Maren, daglig leder", text: reply },
              ]);
              return { saved: format.toFile(data), same };
            } catch (error) {
              return { refused: error.message };
            }
          });
        }""",
        [files, HOSTILE_REPLY, FORMAT_SETTINGS, YAML_URL],
    )


def test_the_format_adds_a_reply_to_any_file_and_verify_accepts_it(editor):
    open_editor, root, errors, _ = editor
    page = open_editor()
    paths = sorted((ROOT / "reviews").rglob("*.yml"))
    hostile = readable_hostile()
    texts = [path.read_text("utf-8") for path in paths] + list(hostile.values())
    results = _format_results(page, texts)
    config = SiteConfig(root=root)
    cleaned = (
        '"><script>window.__pwned_reply=1</script> key: value # not a comment\n'
        "- not a list\n  indented line\t\tand tabs  \n"
        "'single' \"double\" \\backslash {{ 7*7 }} &anchor *alias !!python/object\n"
        "line\nseparator, next\nline, bell, bom, emoji 👍🏽, øæå ÅÄÖ šđ"
    )
    for text, result in zip(texts, results, strict=True):
        assert "refused" not in result, result
        assert result["same"] == text  # nothing changed: the file as it was, byte for byte
        saved = result["saved"]
        # Only lines were added: every line of the file is still there, in its order.
        added = [line for line in difflib.ndiff(text.splitlines(), saved.splitlines())]
        assert not [line for line in added if line.startswith("- ")], "\n".join(added)
        old = Document("x", "reviews/x.yml", parse_yaml(text))
        new = Document("x", "reviews/x.yml", parse_yaml(saved))
        problems = Problems()
        Comparison(config, "the file as read", date(2026, 12, 1), problems).review(old, new)
        assert list(problems) == []
        review = check_document(new, config, Problems())
        assert review.thread[-1].text == cleaned
        assert review.thread[-1].by == "Maren, daglig leder"
    assert errors == []


def test_a_file_yaml_1_2_cannot_read_as_reviewwall_does_is_shown_and_refused(editor):
    open_editor, root, _, _ = editor
    page = open_editor()
    files, _ = hostile_reviews()  # raw U+2028 inside quoted text: a line break only to YAML 1.1
    results = _format_results(page, [textwrap.dedent(text) for text in files.values()])
    for result in results:
        assert result["refused"].startswith(
            "The web editor cannot read this file as reviewwall does (Missing closing 'quote"
        )
        assert result["refused"].endswith(
            "so it saves nothing; answer with reviewwall reply, or edit the file by hand."
        )


def test_the_customers_words_cannot_run_in_the_editor(editor):
    open_editor, root, errors, _ = editor
    name, text = next(iter(readable_hostile().items()))
    (root / "reviews" / name.split(":")[0]).write_text(text, encoding="utf-8")
    page = open_editor()
    page.get_by_text("Kari").first.click()
    page.locator("[data-add=reply]").wait_for()
    card = page.locator("[data-readonly-field=review] [data-text]")
    assert "<script>window.__pwned_" in card.inner_text()
    assert page.evaluate("Object.keys(window).filter((key) => key.startsWith('__pwned_'))") == []


def test_the_editor_fits_a_phone(editor):
    open_editor, _, _, _ = editor
    page = open_editor()
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, "Petra Halvorsen")
    page.locator("[data-add=reply]").click()
    page.locator("[data-thread-entry=new] textarea[name=text]").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("[data-thread-entry=new] textarea[name=text]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


REFUSALS = """async ([text, settings, yamlUrl]) => {
  const { reviewFormat } = await import("/admin/reviewwall-cms.js");
  const YAML = (await import(yamlUrl)).default;
  const format = reviewFormat(YAML, settings);
  const attempt = (change) => {
    const data = format.fromFile(text);
    change(data);
    try { format.toFile(data); return null; } catch (error) { return error.message; }
  };
  return [
    attempt((d) => { d.text = d.text + " (edited)"; }),
    attempt((d) => { d.rating = 5; }),
    attempt((d) => { d.thread[0].text = "Something else"; }),
    attempt((d) => { d.thread.splice(0, 1); }),
    attempt((d) => { d.thread.push({ by: "Maren", text: "Hei" }); }),
    attempt((d) => { d.thread.push({ at: "2026-12-01T09", private: true, summary: "Ringte." }); }),
    attempt((d) => { d.thread.push({ at: "2026-12-01T09:00", by: "Maren" }); }),
    attempt((d) => { delete d._reviewwall; d.outcome = { status: "resolved" }; }),
  ];
}"""


def test_the_format_refuses_what_it_must_never_write(editor):
    open_editor, _, _, _ = editor
    page = open_editor()
    text = (ROOT / PETRA).read_text("utf-8")
    assert page.evaluate(REFUSALS, [text, FORMAT_SETTINGS, YAML_URL]) == [
        "text is the customer's: it is never changed.",
        "rating is the customer's: it is never changed.",
        "What was said in the thread is kept as it was written; only new entries can be added.",
        "What was said in the thread is kept as it was written; only new entries can be added.",
        "A new thread entry needs its moment (At).",
        "A switch to private says where the talk went (Via).",
        "A new reply or follow-up needs its text.",
        "New reviews are added with reviewwall new or reviewwall import, not here.",
    ]
