"""The JSON Schemas editors use: valid, shipped up to date, and agreeing with the checks.

Files are read as an editor's YAML language server reads them (YAML 1.2 core: `2026-11-03` is
text, `4` a number) and validated with the jsonschema library; the same text goes through
reviewwall's own checks, and both must say the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from generator.check.checks import check_document
from generator.check.wording import check_language
from generator.read.config import SiteConfig, read_config
from generator.read.format import CONFIG, OUTCOME, REVIEW, THREAD_ENTRY
from generator.read.problems import Problems
from generator.read.reader import Document
from generator.read.schema import (
    REVIEW_MODELINE,
    config_schema,
    current_schemas,
    review_schema,
)
from generator.read.yamltree import parse_yaml
from generator.words.catalog import languages

ROOT = Path(__file__).resolve().parents[2]


def language_server_yaml() -> YAML:
    """YAML 1.2 as the YAML language server reads it: a date is text, not a timestamp."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    return yaml


LOAD = language_server_yaml().load
REVIEW_VALIDATOR = jsonschema.Draft7Validator(review_schema())
CONFIG_VALIDATOR = jsonschema.Draft7Validator(config_schema(languages()))


def schema_errors(validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(LOAD(text))]


def check_errors(text: str) -> list[str]:
    """Return the errors reviewwall's checks find in one review file's text."""
    problems = Problems()
    document = Document("2026-11-03-kari", "reviews/2026/2026-11-03-kari.yml", parse_yaml(text))
    check_document(document, SiteConfig(root=ROOT), problems)
    return [str(problem) for problem in problems if not problem.warning]


def config_errors(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "site_config.yml").write_text(text, encoding="utf-8")
    _, problems = read_config(tmp_path)
    return [str(problem) for problem in problems if not problem.warning]


BASE = """\
channel: google
received: 2026-11-03T14:05
rating: 2
text: Pakken kom aldri.
"""
FULL_ENTRY = {
    "at": "2026-11-03T16:00",
    "from": "business",
    "by": "Siri, kundeservice",
    "text": "Beklager!",
    "private": "false",
    "via": "email",
    "summary": "Svar på e-post.",
    "edited": "2026-11-04",
}
FULL_OUTCOME = {
    "status": "resolved",
    "at": "2026-11-05",
    "summary": "Ny pakke sendt.",
    "actions": "redelivery",
    "rating_after": "4",
    "customer_said": "Takk!",
    "change": "Ny fraktavtale.",
}


def with_lines(*lines: str, base: str = BASE) -> str:
    return base + "".join(line + "\n" for line in lines)


def test_the_schemas_are_valid_draft_7():
    jsonschema.Draft7Validator.check_schema(review_schema())
    jsonschema.Draft7Validator.check_schema(config_schema())


def test_the_shipped_schemas_are_what_reviewwall_schema_writes():
    config, problems = read_config(ROOT)
    assert not problems.errors
    for name, text in current_schemas(config.channels, languages()).items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize(
    "path", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reviews").rglob("*.yml"))
)
def test_every_sample_review_validates(path):
    assert list(REVIEW_VALIDATOR.iter_errors(LOAD((ROOT / path).read_text("utf-8")))) == []


def test_the_sample_site_config_validates():
    text = (ROOT / "site_config.yml").read_text("utf-8")
    assert schema_errors(CONFIG_VALIDATOR, text) == []
    assert text.startswith("# yaml-language-server: $schema=schemas/site_config.schema.json\n")


def test_the_schemas_describe_exactly_the_fields_the_checks_know():
    schema = review_schema()
    assert list(schema["properties"]) == list(REVIEW.names)
    thread = schema["properties"]["thread"]["anyOf"][0]["items"]
    assert list(thread["properties"]) == list(THREAD_ENTRY.names)
    outcome = schema["properties"]["outcome"]["anyOf"][0]
    assert list(outcome["properties"]) == list(OUTCOME.names)
    assert list(config_schema()["properties"]) == list(CONFIG.names)


def test_a_full_review_passes_both():
    entry = "".join(f"    {key}: {value}\n" for key, value in FULL_ENTRY.items())
    outcome = "".join(f"  {key}: {value}\n" for key, value in FULL_OUTCOME.items())
    text = with_lines(
        "author: Kari Nordmann",
        "kind: complaint",
        "language: nb",
        "title: Aldri mottatt",
        "url: https://g.page/r/abc",
        "consent: public",
        "verified: yes",
        "tags: [frakt, posten]",
        "redact: Kari",
        "source_id: 123",
        "thread:",
        "  -",
    )
    text += entry + "outcome:\n" + outcome
    assert check_errors(text) == []
    assert schema_errors(REVIEW_VALIDATOR, text) == []


def _choice_fields():
    for field in REVIEW.fields:
        if field.kind in ("choice", "choices"):
            yield "", field
    for field in THREAD_ENTRY.fields:
        if field.kind in ("choice", "choices"):
            yield "thread", field
    for field in OUTCOME.fields:
        if field.kind in ("choice", "choices"):
            yield "outcome", field


def _set(where: str, name: str, value: str) -> str:
    if where == "thread":  # a private entry, so `via` has its place
        return with_lines(
            "thread:",
            "  - at: 2026-11-03T16:00",
            "    private: true",
            "    via: email" if name != "via" else f"    via: {value}",
            *([f"    {name}: {value}"] if name != "via" else []),
        )
    if where == "outcome":
        return with_lines("outcome:", f"  {name}: {value}")
    if name == "channel":
        return BASE.replace("channel: google", f"channel: {value}")
    if name == "withheld_reason":
        return with_lines("consent: withheld", f"withheld_reason: {value}")
    return with_lines(f"{name}: {value}")


@pytest.mark.parametrize(
    ("where", "field"),
    list(_choice_fields()),
    ids=lambda v: v.name if hasattr(v, "name") else v or "review",
)
def test_every_allowed_value_passes_both_and_others_fail_both(where, field):
    for value in field.choices:
        text = _set(where, field.name, value)
        assert check_errors(text) == [], value
        assert schema_errors(REVIEW_VALIDATOR, text) == [], value
    text = _set(where, field.name, "solved")
    assert len(check_errors(text)) == 1
    assert schema_errors(REVIEW_VALIDATOR, text) != []


WORDLESS_PRAISE = BASE.replace("text: Pakken kom aldri.\n", "").replace("rating: 2", "kind: praise")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (BASE.replace("channel: google\n", ""), "channel"),
        (BASE.replace("received: 2026-11-03T14:05\n", ""), "received"),
        (WORDLESS_PRAISE, "text"),
        (BASE.replace("rating: 2\n", ""), "kind"),
        (with_lines("thread:", "  - text: Hei"), "thread[1].at"),
        (with_lines("thread:", "  - at: 2026-11-03T16:00"), "thread[1].text"),
        (with_lines("thread:", "  - at: 2026-11-03T16:00", "    private: true"), "thread[1].via"),
    ],
)
def test_a_missing_required_field_fails_both(text, what):
    errors = check_errors(text)
    assert len(errors) == 1 and f": {what}: missing" in errors[0]
    assert schema_errors(REVIEW_VALIDATOR, text) != []


def test_a_rating_alone_or_words_with_a_kind_pass_both():
    for text in (
        BASE.replace("text: Pakken kom aldri.\n", ""),
        BASE.replace("rating: 2\n", "kind: question\n"),
    ):
        assert check_errors(text) == []
        assert schema_errors(REVIEW_VALIDATOR, text) == []


@pytest.mark.parametrize(
    ("line", "passes"),
    [
        ("rating: 1", True),
        ("rating: 5", True),
        ("rating: 0", False),
        ("rating: 6", False),
        ('rating: "4"', False),
        ("rating: four", False),
        ("received: 2026-11-03", True),
        ("received: 2026-11-03T14:05:09+01:00", True),
        ("received: 2026-11-03 14:05Z", True),
        ("received: 3.11.2026", False),
        ("received: yesterday", False),
        ("url: ftp://example.com/r", False),
        ("language: nb-NO", True),
        ("language: norsk bokmål", False),
        ("verified: maybe", False),
        ("thread: []", True),
        ("thread: a reply", False),
        ("outcome: resolved", False),
    ],
)
def test_values_pass_or_fail_both(line, passes):
    name = line.split(":")[0]
    text = (
        "".join(
            existing for existing in BASE.splitlines(keepends=True) if not existing.startswith(name)
        )
        + line
        + "\n"
    )
    assert (check_errors(text) == []) is passes, check_errors(text)
    assert (schema_errors(REVIEW_VALIDATOR, text) == []) is passes


def test_an_unknown_field_is_a_warning_to_check_and_underlined_by_the_schema():
    text = with_lines("stars: 2")
    problems = Problems()
    document = Document("2026-11-03-kari", "reviews/2026/2026-11-03-kari.yml", parse_yaml(text))
    check_document(document, SiteConfig(root=ROOT), problems)
    assert [str(p) for p in problems] == [
        "reviews/2026/2026-11-03-kari.yml:5: warning: stars: unknown field, ignored; "
        "did you mean 'tags'?"
    ]
    assert schema_errors(REVIEW_VALIDATOR, text) == [
        "Additional properties are not allowed ('stars' was unexpected)"
    ]


def test_a_channel_of_the_sites_own_is_in_its_schema():
    text = BASE.replace("channel: google", "channel: farmers-market")
    assert schema_errors(REVIEW_VALIDATOR, text) != []
    mine = jsonschema.Draft7Validator(review_schema(["farmers-market"]))
    assert schema_errors(mine, text) == []


@pytest.mark.parametrize(
    ("config", "passes"),
    [
        ("per_page: 1", True),
        ("per_page: 500", True),
        ("per_page: 0", False),
        ("per_page: 501", False),
        ("privacy:\n  names: initials", True),
        ("privacy:\n  names: first", False),
        ("privacy:\n  redact:\n    - label: ordre", False),
        ("privacy:\n  redact:\n    - pattern: '\\d{5}'", True),
        ("repository_host: gitea", True),
        ("repository_host: sourcehut", False),
        ("colors:\n  primary: '#1f4e5f'", True),
        ("colors:\n  primary: teal", False),
        ("channels:\n  farmers-market: Farmers' market", True),
        ("channels:\n  Farmers Market: Farmers' market", False),
        ("promise:\n  first_reply: 2d", True),
        ("promise:\n  first_reply: 2", False),
        ("rules:\n  canned_replies: 0.9", True),
        ("rules:\n  canned_replies: false", True),
        ("rules:\n  canned_replies: 0.2", False),
        ("rules:\n  rule_of_two: no", True),
        ("rules:\n  rule_of_two: sometimes", False),
        ("language: fi", True),
        ("language: nb-NO", True),
        ("language: finnish", False),
        ("language: de", False),
        ("languages: [nb, sv, fi]", True),
        ("languages: [nb, se]", False),
    ],
)
def test_site_config_values_pass_or_fail_both(tmp_path, config, passes):
    text = "name: Testbutikken\n" + config + "\n"
    (tmp_path / "site_config.yml").write_text(text, encoding="utf-8")
    errors = config_errors(tmp_path, text) + [
        str(p) for p in check_language(read_config(tmp_path)[0]) if not p.warning
    ]
    assert (errors == []) is passes, errors
    assert (schema_errors(CONFIG_VALIDATOR, text) == []) is passes


def test_the_modeline_of_new_and_imported_files_finds_the_shipped_schema():
    file = ROOT / "reviews" / "2026" / "2026-11-03-kari.yml"
    relative = REVIEW_MODELINE.removeprefix("# yaml-language-server: $schema=")
    assert (file.parent / relative).resolve() == ROOT / "schemas" / "review.schema.json"


def test_vs_code_is_wired_to_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings["yaml.schemas"] == {
        "./schemas/review.schema.json": ["reviews/**/*.yml", "reviews/**/*.yaml"],
        "./schemas/site_config.schema.json": "site_config.yml",
    }
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text("utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
