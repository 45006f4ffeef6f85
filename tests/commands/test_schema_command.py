"""`reviewwall schema` writes the editors' schemas; `check` says when they are out of date."""

import os

import pytest

from generator.commands.cli import main
from generator.read.schema import current_schemas
from generator.words.catalog import languages
from tests.conftest import BASE_CONFIG, review

pytestmark = pytest.mark.usefixtures("fixed_now")

P = "2026/2026-11-03-kari.yml"
STALE = (
    "schemas/review.schema.json:1: warning: out of date with this version of reviewwall or with "
    "site_config.yml, so editors would check review files by old rules; run 'reviewwall schema' "
    "to write it anew"
)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_writes_both_files_then_finds_them_up_to_date(project, capsys):
    root = project({P: review()})
    assert run(capsys, "-C", str(root), "schema") == (
        0,
        "Wrote schemas/review.schema.json\nWrote schemas/site_config.schema.json\n",
        "",
    )
    expected = current_schemas({}, languages())
    for name, text in expected.items():
        assert (root / "schemas" / name).read_bytes() == text.encode()
    assert run(capsys, "-C", str(root), "schema") == (
        0,
        "schemas/review.schema.json: up to date\nschemas/site_config.schema.json: up to date\n",
        "",
    )
    assert run(capsys, "-C", str(root), "check") == (0, "1 review checked; no problems.\n", "")


def test_a_channel_added_to_site_config_makes_the_review_schema_stale(project, capsys):
    root = project({P: review()})
    run(capsys, "-C", str(root), "schema")
    config = root / "site_config.yml"
    config.write_text(BASE_CONFIG + "channels:\n  farmers-market: Farmers' market\n", "utf-8")
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert (code, out) == (0, f"{STALE}\n0 errors and 1 warning in 1 file (1 review checked).\n")
    assert run(capsys, "-C", str(root), "check", "--strict")[0] == 1
    assert run(capsys, "-C", str(root), "schema")[1] == (
        "Wrote schemas/review.schema.json\nschemas/site_config.schema.json: up to date\n"
    )
    schema = (root / "schemas" / "review.schema.json").read_text("utf-8")
    assert '"farmers-market"' in schema
    assert run(capsys, "-C", str(root), "check")[1] == "1 review checked; no problems.\n"


def test_a_hand_edited_schema_is_stale_and_rewritten_whole(project, capsys):
    root = project({P: review()})
    run(capsys, "-C", str(root), "schema")
    path = root / "schemas" / "review.schema.json"
    path.write_text(path.read_text("utf-8").replace('"google",', ""), "utf-8")
    assert run(capsys, "-C", str(root), "check")[1].splitlines()[0] == STALE
    mode = os.stat(path).st_mode
    run(capsys, "-C", str(root), "schema")
    assert path.read_bytes() == current_schemas({}, languages())["review.schema.json"].encode()
    assert os.stat(path).st_mode == mode


def test_a_project_without_schemas_is_not_warned(project, capsys):
    root = project({P: review()})
    assert run(capsys, "-C", str(root), "check") == (0, "1 review checked; no problems.\n", "")


def test_a_broken_site_config_writes_nothing(project, capsys):
    root = project({P: review()}, config="name: Testbutikken\nper_page: many\n")
    assert run(capsys, "-C", str(root), "schema") == (
        1,
        "site_config.yml:2: per_page: expected a whole number from 1 to 500, got 'many'\n"
        "Nothing written: fix site_config.yml first.\n",
        "",
    )
    assert not (root / "schemas").exists()
