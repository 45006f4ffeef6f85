"""site_config.yml's mistakes, each by its exact line from `check`; `build` then writes nothing."""

import pytest

from tests.commands.test_cli import run
from tests.conftest import review
from tests.unreadable import lock, run_locked_out

# About the file's format, not the service rules: judged as if it were 2026-11-03 09:00.
pytestmark = pytest.mark.usefixtures("fixed_now")

KARI = {"2026/2026-11-03-kari.yml": review()}
HEAD = "name: Testbutikken\nlanguage: en\ntimezone: Europe/Oslo\n"


def refused(root, capsys) -> list[str]:
    """Return what `check` prints for a project it fails; prove `build` leaves site/ as it was."""
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    code, out, err = run(capsys, "-C", str(root), "check")
    assert (code, err) == (1, "")
    code, built, _ = run(capsys, "-C", str(root), "build")
    assert (code, built.splitlines()[-1]) == (1, "Nothing was built; site/ is as it was.")
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as it was"
    assert not (root / "build").exists()
    return out.splitlines()


def with_config(project, config: str | bytes):
    root = project(KARI)
    path = root / "site_config.yml"
    if isinstance(config, bytes):
        path.write_bytes(config)
    else:
        path.write_text(config, encoding="utf-8")
    return root


# --- The file itself --------------------------------------------------------------------------


def test_a_config_that_is_not_utf8_is_one_error_at_its_first_bad_byte(project, capsys):
    root = with_config(project, b"language: en\nname: Caf\xe9 Nord\ntimezone: Europe/Oslo\n")
    assert refused(root, capsys) == [
        "site_config.yml:2: not UTF-8 text (byte 0xe9 at column 10); save the file as UTF-8",
        "1 error in 1 file (1 review checked).",
    ]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "name: [Testbutikken\nlanguage: en\n",
            "site_config.yml:2: invalid YAML at column 9: did not find expected ',' or ']'",
        ),
        (
            "name: Testbutikken\n  language: en\n",
            "site_config.yml:2: invalid YAML at column 11: mapping values are not allowed in "
            "this context",
        ),
        (
            "name: Testbutikken\n\tlanguage: en\n",
            "site_config.yml:2: invalid YAML at column 1: found a tab character that violates "
            "indentation",
        ),
        (
            "name: Testbutikken\nname: Butikken\n",
            "site_config.yml:2: 'name' appears twice in the same mapping; keep one",
        ),
        (
            "name: Testbutikken\n---\nname: Butikken\n",
            "site_config.yml:2: only one YAML document per file (remove the '---')",
        ),
        (
            # In double quotes a backslash starts an escape: the usual slip in a pattern.
            HEAD + 'privacy:\n  redact:\n    - pattern: "ordre \\d{5}"\n',
            "site_config.yml:6: invalid YAML at column 23: found unknown escape character; in "
            "double quotes a backslash starts an escape: write it in single quotes",
        ),
    ],
    ids=["unclosed list", "indent", "tab", "twice", "two documents", "escape"],
)
def test_a_config_that_is_not_valid_yaml_is_one_error_at_its_line(
    project, capsys, config, expected
):
    assert refused(with_config(project, config), capsys) == [
        expected,
        "1 error in 1 file (1 review checked).",
    ]


def test_a_config_that_is_a_folder_cannot_be_read(project, capsys):
    root = project(KARI)
    (root / "site_config.yml").unlink()
    (root / "site_config.yml").mkdir()
    assert refused(root, capsys) == [
        "site_config.yml:1: cannot be read: it is a folder, not a file",
        "1 error in 1 file (1 review checked).",
    ]


def test_a_config_nobody_may_read_is_one_error_and_no_traceback(project):
    root = project(KARI)
    lock(root / "site_config.yml")
    result = run_locked_out(root, "check")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "site_config.yml:1: cannot be read: Permission denied",
        "1 error in 1 file (1 review checked).",
    ]


# --- privacy.redact -----------------------------------------------------------------------------


def test_every_redact_entry_without_a_pattern_or_with_a_broken_one_is_reported(project, capsys):
    config = HEAD + (
        "privacy:\n"
        "  redact:\n"
        "    - label: ordre\n"  # 6
        "    - pattern: '(ordre \\d+'\n"  # 7
        "    - pattern: '[z-a]'\n"  # 8
        "      label: kode\n"
        "    - pattern: '\\d{5,}'\n"  # 10: a good one among them
        "    - pattern:\n"  # 11
        "    - pattern: [ordre]\n"  # 12
        "    - kundenummer\n"  # 13
    )
    assert refused(with_config(project, config), capsys) == [
        "site_config.yml:6: privacy.redact[1].pattern: missing; each entry needs a pattern (a "
        "regular expression) and may have a label",
        "site_config.yml:7: privacy.redact[2].pattern: '(ordre \\d+' is not a valid regular "
        "expression: missing ), unterminated subpattern at character 1",
        "site_config.yml:8: privacy.redact[3].pattern: '[z-a]' is not a valid regular "
        "expression: bad character range z-a at character 2",
        "site_config.yml:11: privacy.redact[5].pattern: missing; each entry needs a pattern (a "
        "regular expression) and may have a label",
        "site_config.yml:12: privacy.redact[6].pattern: expected text, got a list",
        "site_config.yml:13: privacy.redact[7]: expected a mapping of fields, got 'kundenummer'",
        "6 errors in 1 file (1 review checked).",
    ]


# --- Channels -----------------------------------------------------------------------------------

BUILT_IN = (
    "facebook, google, trustpilot, tripadvisor, instagram, x, linkedin, youtube, app-store, "
    "google-play, email, phone, chat, web-form, in-store, other"
)


def test_a_promise_for_an_unknown_channel_names_the_channels_there_are(project, capsys):
    config = HEAD + (
        "channels:\n"
        "  bondens-marked: Bondens marked\n"
        "promise:\n"
        "  first_reply_per_channel:\n"
        "    emial: 48h\n"  # 8
        "    fax: 2d\n"  # 9
        "    bondens-marked: 3d\n"
    )
    assert refused(with_config(project, config), capsys) == [
        "site_config.yml:8: promise.first_reply_per_channel.emial: unknown channel 'emial'; "
        f"expected one of: {BUILT_IN}, bondens-marked; did you mean 'email'?",
        "site_config.yml:9: promise.first_reply_per_channel.fax: unknown channel 'fax'; "
        f"expected one of: {BUILT_IN}, bondens-marked; a channel of your own goes under "
        "'channels' first",
        "2 errors in 1 file (1 review checked).",
    ]


def test_each_bad_channel_name_is_an_error_at_its_own_line(project, capsys):
    config = HEAD + (
        "channels:\n"
        "  Bondens marked: Bondens marked\n"  # 5
        "  ok-one: Fine\n"
        "  post_kort: Postkort\n"  # 7
        "  Ærlig: Ærlig tale\n"  # 8
    )
    tail = "is not a channel name; use lowercase letters, digits and hyphens"
    assert refused(with_config(project, config), capsys) == [
        f"site_config.yml:5: channels: 'Bondens marked' {tail}; did you mean 'bondens-marked'?",
        f"site_config.yml:7: channels: 'post_kort' {tail}; did you mean 'post-kort'?",
        f"site_config.yml:8: channels: 'Ærlig' {tail}",
        "3 errors in 1 file (1 review checked).",
    ]
