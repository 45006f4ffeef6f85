"""Nothing a file, a file name or a feed holds can forge a line of reviewwall's output.

A line break in a field name must not print a second, fake problem; a line starting with `::`
would be a command to GitHub Actions; an escape sequence or a bidi override would change what a
terminal shows. Every such character prints escaped, inside the one line it belongs to.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from generator.commands.cli import main
from generator.read.problems import printable, printable_json
from generator.read.review import CHANNELS
from tests.conftest import BASE_CONFIG, problems_of, review
from tests.importing import fixture

KARI = "reviews/2026/2026-11-03-kari.yml"
FORGED = "reviews/2026/forged.yml:7: rating: expected a whole number from 1 to 5, got 9"
ALLOWED = ", ".join(CHANNELS)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_field_name_cannot_forge_a_problem(project, fixed_now):
    root = project({"2026/2026-11-03-kari.yml": review() + f'"x\\n{FORGED}": 1\n'})
    assert problems_of(root) == [
        f"{KARI}:5: warning: x\\n{FORGED}: unknown field, ignored",
    ]


def test_check_prints_one_line_per_problem_and_no_workflow_command(project, fixed_now, capsys):
    text = review() + f'"x\\n{FORGED}": 1\n"y\\r\\n::error file=site_config.yml::forged": 2\n'
    root = project({"2026/2026-11-03-kari.yml": text})
    code, out, err = run(capsys, "-C", str(root), "check")
    assert (code, err) == (0, "")
    assert out.split("\n") == [
        f"{KARI}:5: warning: x\\n{FORGED}: unknown field, ignored",
        f"{KARI}:6: warning: y\\r\\n::error file=site_config.yml::forged: unknown field, ignored",
        "0 errors and 2 warnings in 1 file (1 review checked).",
        "",
    ]


HOSTILE = {
    # name: (as written in YAML's double quotes, as printed)
    "carriage return": ("\\r::error::forged", "\\r::error::forged"),
    "line separator": ("\\u2028::error::forged", "\\u2028::error::forged"),
    "paragraph separator": ("\\P", "\\u2029"),
    "next line (C1)": ("\\N", "\\x85"),
    "escape sequence": ("\\e[2K\\e[1A\\e]0;title\\a", "\\x1b[2K\\x1b[1A\\x1b]0;title\\x07"),
    "delete": ("\\x7f", "\\x7f"),
    "bidi override": ("\\u202Eevil\\u202C", "\\u202eevil\\u202c"),
    "bidi isolate": ("\\u2066evil\\u2069", "\\u2066evil\\u2069"),
    "tab and nul": ("\\t\\0", "\\t\\x00"),
}


@pytest.mark.parametrize(("written", "printed"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_value_prints_escaped_inside_its_line(project, fixed_now, written, printed):
    root = project({"2026/2026-11-03-kari.yml": review(channel=f'"zz{written}zz"')})
    assert problems_of(root) == [
        f"{KARI}:1: channel: unknown channel 'zz{printed}zz'; expected one of: {ALLOWED}",
    ]


@pytest.mark.parametrize(("written", "printed"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_field_name_prints_escaped_inside_its_line(project, fixed_now, written, printed):
    root = project({"2026/2026-11-03-kari.yml": review() + f'"zz{written}zz": 1\n'})
    assert problems_of(root) == [f"{KARI}:5: warning: zz{printed}zz: unknown field, ignored"]


def test_a_file_or_folder_name_with_a_line_break_prints_escaped(project, fixed_now, capsys):
    root = project(
        {
            "2026/bad\n::error::name.yml": review(),
            "20\n26\u202e/2026-11-03-liv.yml": review(extra="1"),
        }
    )
    # A name that is not UTF-8 comes back from the file system with lone surrogates.
    folder = os.path.join(os.fsencode(root / "reviews"), b"20\xff26")
    os.mkdir(folder)
    with open(os.path.join(folder, b"2026-11-03-ola.yml"), "w", encoding="utf-8") as handle:
        handle.write(review(extra="1"))
    expected = [
        "reviews/20\\n26\\u202e/2026-11-03-liv.yml:4: warning: extra: unknown field, ignored; "
        "did you mean 'text'?",
        "reviews/2026/bad\\n::error::name.yml:1: file name 'bad\\n::error::name' is not a valid "
        "review id: use lowercase letters, digits and hyphens, like 2026-11-03-kari.yml",
        "reviews/20\\udcff26/2026-11-03-ola.yml:4: warning: extra: unknown field, ignored; "
        "did you mean 'text'?",
    ]
    assert problems_of(root) == expected
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert code == 1
    summary = "1 error and 2 warnings in 3 files (3 reviews checked)."
    assert out.split("\n") == [*expected, summary, ""]


def test_todo_shows_a_hostile_folder_name_escaped(project, fixed_now, capsys):
    folder = "20\n26\u2028\u202e"
    root = project({f"{folder}/2026-11-03-liv.yml": review()})
    assert run(capsys, "-C", str(root), "todo") == (
        0,
        "Unanswered (1)\n"
        "  4★  reviews/20\\n26\\u2028\\u202e/2026-11-03-liv.yml  google      "
        "received 1 hour ago, within the promise of 24 hours\n",
        "",
    )
    code, out, _ = run(capsys, "-C", str(root), "todo", "--json")
    assert code == 0
    assert '      "path": "reviews/20\\n26\\u2028\\u202e/2026-11-03-liv.yml",' in out.splitlines()
    assert json.loads(out)["cases"][0]["path"] == f"reviews/{folder}/2026-11-03-liv.yml"


def test_import_shows_a_hostile_feed_file_name_escaped(project, capsys, tmp_path):
    feed = tmp_path / "feed\n::error::forged\x1b[2K.xml"
    shutil.copy(fixture("app_store_reviews.xml"), feed)
    root = project()
    code, out, err = run(capsys, "-C", str(root), "import", str(feed), "--dry-run")
    assert (code, err) == (0, "")
    shown = str(tmp_path / "feed\\n::error::forged\\x1b[2K.xml")
    assert out.split("\n") == [
        f"{shown}: preset app-store (detected from the im: namespace), channel app-store",
        "would write reviews/2026/2026-11-03-fjellgeit.yml",
        "would write reviews/2026/2026-11-04-ola.yml",
        "would write reviews/2026/2026-11-05-kari.yml",
        "3 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
        "Dry run: nothing was written.",
        "",
    ]


def test_import_shows_a_hostile_csv_heading_escaped(project, capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text('"when\n::error::forged\u2029",text\n2026-11-03,Fine\n', encoding="utf-8")
    root = project()
    assert run(capsys, "-C", str(root), "import", str(export)) == (
        1,
        "",
        f"error: {export}: no column for date; name it with --map date=COLUMN (the columns are: "
        "when\\n::error::forged\\u2029, text); nothing was imported\n",
    )


def test_import_shows_a_hostile_entity_target_escaped(project, capsys, tmp_path):
    feed = tmp_path / "entity.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///x\n::error::forged\u202e">]>\n'
        '<rss version="2.0"><channel><title>&e;</title></channel></rss>\n',
        encoding="utf-8",
    )
    root = project()
    assert run(capsys, "-C", str(root), "import", str(feed)) == (
        1,
        "",
        f"error: {feed}: refused: the feed declares an external XML entity "
        "(file:///x\\n::error::forged\\u202e), which could read files on this computer; feeds "
        "never need one; nothing was imported\n",
    )


def test_new_shows_a_hostile_channel_escaped(project, capsys):
    config = BASE_CONFIG + 'channels:\n  "shop\\n::error::forged": Shop\n'
    root = project({}, config=config)
    args = ("-C", str(root), "new", "--channel", "gle\x1b]0;title\x07", "--received", "2026-11-03")
    assert run(capsys, *args) == (
        2,
        "",
        "error: --channel: unknown channel 'gle\\x1b]0;title\\x07'; expected one of: "
        f"{ALLOWED}, shop\\n::error::forged\n",
    )


# The rules, one row each: what prints escaped, and how.
ESCAPED = [
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\x00", "\\x00"),
    ("\x0b\x0c", "\\x0b\\x0c"),
    ("\x1b", "\\x1b"),
    ("\x1c\x1d\x1e\x1f", "\\x1c\\x1d\\x1e\\x1f"),
    ("\x7f", "\\x7f"),
    ("\x80\x85\x9b\x9f", "\\x80\\x85\\x9b\\x9f"),
    ("\u2028\u2029", "\\u2028\\u2029"),
    ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
    ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
    ("\udcff", "\\udcff"),
    ("a\nb\r\nc", "a\\nb\\r\\nc"),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPED)
def test_printable_escapes(text, expected):
    assert printable(text) == expected
    assert printable(expected) == expected  # escaping again changes nothing


KEPT = [
    "reviews/2026/2026-11-03-kari.yml:7: rating: expected a whole number from 1 to 5, got 6",
    "Blåbærsyltetøy, 5★ — «veldig bra» 👍",
    "a literal backslash-n \\n and a backslash \\ stay as they are",
    "",
]


@pytest.mark.parametrize("text", KEPT)
def test_printable_returns_ordinary_text_itself(text):
    assert printable(text) is text


@pytest.mark.parametrize(
    "text", ["no-break\u00a0space", "zero\u200bwidth", "family 👨\u200d👩\u200d👧", "mark\u200f"]
)
def test_printable_keeps_other_characters_python_does_not_call_printable(text):
    assert printable(text) == text


def test_every_escaped_character_is_one_python_does_not_call_printable():
    # printable() returns at once when str.isprintable() says so: this is what makes that right.
    ranges = [(0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x202E), (0x2066, 0x2069), (0xD800, 0xDFFF)]
    for start, end in ranges:
        for code in range(start, end + 1):
            assert not chr(code).isprintable(), hex(code)
            assert "\\" in printable(chr(code)), hex(code)


def test_printable_json_reads_back_the_same():
    value = {"path": "a\nb\x7f\x85\u2028\u2029\u202e\u2066\udcff ø"}
    text = printable_json(json.dumps(value, ensure_ascii=False, indent=2))
    assert text == '{\n  "path": "a\\nb\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066\\udcff ø"\n}'
    assert json.loads(text) == value
