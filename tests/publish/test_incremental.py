"""Rebuilds that touch only what changed give the site a full build gives, byte for byte.

The sample shop is edited step by step the ways staff edit it (a new review, a reply, an
outcome, a withheld review, a removal, a deleted file, a new site name, fewer cards a page), in
an order drawn at random; after each step the incremental build's site/ is compared with a full
build of a fresh copy of the same files.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import shutil
from pathlib import Path

import pytest

import generator.publish.engine
import generator.publish.shards
from generator.commands.cli import main
from generator.publish.build import build
from generator.publish.incremental import STATE
from generator.publish.shards import SHARDS_DIR
from generator.render.renderer import BUILTIN_TEMPLATES
from tests.publish.test_shards import _differences

ROOT = Path(__file__).resolve().parents[2]
NOW = "1796083200"  # 2026-12-01


def _run(root: Path, *argv: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["-C", str(root), *argv])
    assert code == 0, argv


def _ids(root: Path) -> list[str]:
    return sorted(path.stem for path in (root / "reviews").rglob("*.yml"))


def _new_review(root: Path, rng: random.Random) -> str:
    _run(
        root,
        "new",
        "--channel",
        "google",
        "--received",
        f"2026-11-{rng.randint(21, 29)}T10:00",
        "--author",
        rng.choice(["Ola Nordmann", "Sanna Virtanen", "Ebba Lind"]),
        "--rating",
        str(rng.randint(1, 5)),
        "--text",
        "Kom fram i tide, og jakka passer.",
    )
    return "new review"


def _reply_to(root: Path, review: str, text: str) -> None:
    _run(
        root, "reply", review, "--by", "Maren", "--at", "2026-11-30T12:00", "--text", text, "--yes"
    )


def _reply(root: Path, rng: random.Random) -> str:
    review = rng.choice(_ids(root))
    _reply_to(root, review, "Takk!")
    return f"reply to {review}"


def _outcome(root: Path, rng: random.Random) -> str:
    review = rng.choice(_ids(root))
    _run(root, "resolve", review, "--status", "resolved", "--at", "2026-11-30", "--yes")
    return f"outcome of {review}"


def _withhold(root: Path, rng: random.Random) -> str:
    review = rng.choice(_ids(root))
    _run(root, "withhold", review, "--reason", "customer-request")
    return f"withheld {review}"


def _remove(root: Path, rng: random.Random) -> str:
    review = rng.choice(_ids(root))
    _run(root, "remove", review, "--reason", "duplicate")
    return f"removed {review}"


def _delete(root: Path, rng: random.Random) -> str:
    path = rng.choice(sorted((root / "reviews").rglob("*.yml")))
    path.unlink()
    return f"deleted {path.name}"


def _rename_site(root: Path, rng: random.Random) -> str:
    config = root / "site_config.yml"
    name = rng.choice(["Nordlys Friluft AS", "Nordlys Friluft", "Nordlys Outdoor"])
    text = "\n".join(
        f"name: {name}" if line.startswith("name:") else line
        for line in config.read_text("utf-8").splitlines()
    )
    config.write_text(text + "\n", "utf-8")
    return f"site named {name}"


def _per_page(root: Path, rng: random.Random) -> str:
    config = root / "site_config.yml"
    count = rng.choice([7, 12, 20])
    text = "\n".join(
        f"per_page: {count}" if line.startswith("per_page:") else line
        for line in config.read_text("utf-8").splitlines()
    )
    config.write_text(text + "\n", "utf-8")
    return f"{count} cards a page"


def _card_template(root: Path, rng: random.Random) -> str:
    """Change the cards of the wall and the case pages in the project's own templates: no page
    kept from the last build may show the old card."""
    marker = rng.choice(["rw-card-a", "rw-card-b", "rw-card-c"])
    path = root / "templates" / "pages" / "_macros.html"
    source = path if path.is_file() else BUILTIN_TEMPLATES / "pages" / "_macros.html"
    text = re.sub(
        r'class="rw-card(?: rw-card-\w)? rw-kind-',
        f'class="rw-card {marker} rw-kind-',
        source.read_text(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return f"cards marked {marker}"


EDITS = [
    _new_review,
    _reply,
    _outcome,
    _withhold,
    _remove,
    _delete,
    _rename_site,
    _per_page,
    _card_template,
]


def _sources(root: Path, target: Path) -> Path:
    """Copy what a build reads (not build/ nor site/) to a fresh folder."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("reviews", "site_config.yml", "removals.yml", "templates"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


def _random_edits(tmp_path: Path, seed: int, jobs: int | None = None) -> list[str]:
    """Edit the sample at random, building after each edit; return what each edit was, having
    compared each incremental site/ with a full build of the same files."""
    rng = random.Random(seed)
    shop = _sources(ROOT, tmp_path / "shop")
    assert not build(shop, jobs=jobs).problems.errors
    steps = rng.sample(EDITS, len(EDITS)) + [rng.choice(EDITS[:3])]
    done = []
    for number, edit in enumerate(steps):
        done.append(edit(shop, rng))
        assert not build(shop, jobs=jobs).problems.errors, done[-1]
        fresh = _sources(shop, tmp_path / f"fresh-{number}")
        assert not build(fresh, full=True, jobs=1).problems.errors, done[-1]
        assert _differences(fresh / "site", shop / "site") == [], done[-1]
    return done


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_build_what_a_full_build_builds(tmp_path, monkeypatch, seed):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    _random_edits(tmp_path, seed)


def test_changed_pages_shared_out_over_processes_build_what_a_full_build_builds(
    tmp_path, monkeypatch
):
    """A large rebuild (a new review moves every wall page) is shared out as a full build is;
    the sample is small, so sharing starts at 10 pages here."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    monkeypatch.setattr(generator.publish.shards, "SHARD_FROM", 10)
    shared = []
    make_shards = generator.publish.engine.make_shards

    def recorded(folder, jobs):
        made = make_shards(folder, jobs)
        if folder.name == "increment" and made:
            shared.append(len(made))
        return made

    monkeypatch.setattr(generator.publish.engine, "make_shards", recorded)
    done = _random_edits(tmp_path, 3, jobs=3)
    assert "new review" in done and shared and set(shared) == {3}, (done, shared)


def test_a_theme_that_shows_the_footer_line_elsewhere_is_built_in_full(tmp_path, monkeypatch):
    """The new line is set only where the theme writes it; a theme of the site's own that also
    shows it elsewhere (here in a meta tag) makes the rebuild a full one, never a stale page."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    theme = (ROOT / "templates/theme/main.html").read_text("utf-8")
    extra = (
        "{% block extrahead %}\n"
        '<meta name="ledger" content="{{ config.extra.reviewwall_frame.ledger | e }}">'
    )
    (shop / "templates/theme").mkdir(parents=True, exist_ok=True)
    (shop / "templates/theme/main.html").write_text(
        theme.replace("{% block extrahead %}", extra, 1)
    )
    assert not build(shop).problems.errors
    _new_review(shop, random.Random(1))
    assert not build(shop).problems.errors
    fresh = _sources(shop, tmp_path / "fresh")
    assert not build(fresh, full=True).problems.errors
    assert _differences(fresh / "site", shop / "site") == []
    assert '<meta name="ledger" content="' in (shop / "site/reviews/index.html").read_text("utf-8")


def test_a_reply_renders_only_the_pages_it_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    build(shop)
    _reply_to(shop, "2026-11-20-nina-refusjon", "Vi ser på det nå.")
    build(shop)
    rendered = shop / "build" / SHARDS_DIR / "increment" / "docs"
    pages = sorted(p.relative_to(rendered).as_posix() for p in rendered.rglob("*.md"))
    assert "reviews/2026-11-20-nina-refusjon/index.md" in pages
    total = len(list((shop / "build" / "docs").rglob("*.md")))
    assert len(pages) < total / 2, pages


def test_nothing_changed_runs_no_engine(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    build(shop)
    before = {p: p.stat().st_ino for p in (shop / "site").rglob("*.html")}
    build(shop)
    assert not (shop / "build" / SHARDS_DIR / "increment").exists()
    # The same files: linked into the new site, not written again.
    assert {p: p.stat().st_ino for p in (shop / "site").rglob("*.html")} == before


def test_a_site_changed_by_hand_is_never_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    build(shop)
    index = shop / "site" / "search" / "search_index.json"
    index.write_text(index.read_text("utf-8").replace("Fjellvidda", "Fjell"), "utf-8")
    (shop / "site" / "stray.html").write_text("x", "utf-8")
    build(shop)
    fresh = _sources(shop, tmp_path / "fresh")
    build(fresh, full=True)
    assert _differences(fresh / "site", shop / "site") == []
    state = json.loads((shop / "build" / STATE).read_text("utf-8"))
    assert set(state) == {"format", "docs", "fingerprint", "site", "saved_ns", "ledger"}


def test_a_failed_rebuild_leaves_the_site_and_the_next_build_catches_up(tmp_path, monkeypatch):
    import sys

    import generator.publish.engine

    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    build(shop)
    before = {p: p.read_bytes() for p in (shop / "site").rglob("*") if p.is_file()}
    review = "2026-11-20-nina-refusjon"
    _reply_to(shop, review, "Hei!")
    with monkeypatch.context() as failing:
        failing.setattr(
            generator.publish.engine,
            "engine_command",
            lambda *args: [sys.executable, "-c", "raise SystemExit(3)"],
        )
        with pytest.raises(generator.publish.engine.EngineError):
            build(shop)
    assert {p: p.read_bytes() for p in (shop / "site").rglob("*") if p.is_file()} == before
    build(shop)  # the reply the failed build did not publish is published now
    fresh = _sources(shop, tmp_path / "fresh")
    build(fresh, full=True)
    assert _differences(fresh / "site", shop / "site") == []


def test_a_site_in_two_languages_is_rebuilt_as_a_full_build_builds_it(tmp_path, monkeypatch):
    """A new review sets the footer's new line in every page of each language's part, each in
    its own words; the main part leaves the other parts (its folders /sv/…) to theirs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    shop = _sources(ROOT, tmp_path / "shop")
    config = (shop / "site_config.yml").read_text("utf-8")
    config = re.sub(r"(?m)^language: .*$", "languages: [nb, sv]", config)
    (shop / "site_config.yml").write_text(config, encoding="utf-8")
    assert not build(shop).problems.errors
    site = (shop / "site").stat().st_ino
    rng = random.Random(5)
    for edit in (_new_review, _reply):
        done = edit(shop, rng)
        assert not build(shop).problems.errors, done
        assert (shop / "site").stat().st_ino == site, done  # updated in place, not built anew
        fresh = _sources(shop, tmp_path / f"fresh-{done}")
        assert not build(fresh, full=True, jobs=1).problems.errors, done
        assert _differences(fresh / "site", shop / "site") == [], done
    assert (shop / "site" / "sv" / "index.html").is_file()
