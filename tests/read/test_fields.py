"""Warnings about a field name point at the name's line, even when its value starts below it."""

from __future__ import annotations

from tests.conftest import BASE_CONFIG, problems_of, review

KARI = "reviews/2026/2026-11-03-kari.yml"


def test_an_unknown_field_is_reported_at_its_name_not_its_value(project, fixed_now):
    root = project(
        {
            "2026/2026-11-03-kari.yml": review()
            + (
                "extra:\n"  # line 5: a nested mapping
                "  a: 1\n"
                "  b: 2\n"
                "note: |\n"  # line 8: a block of text
                "  Some words.\n"
                "\n"
                "  More.\n"
                "tags_list:\n"  # line 12: a list
                "  - one\n"
                "  - two\n"
                "later:\n"  # line 15: plain text after a blank line
                "\n"
                "  plain words\n"
            )
        }
    )
    assert problems_of(root) == [
        f"{KARI}:5: warning: extra: unknown field, ignored; did you mean 'text'?",
        f"{KARI}:8: warning: note: unknown field, ignored",
        f"{KARI}:12: warning: tags_list: unknown field, ignored; did you mean 'tags'?",
        f"{KARI}:15: warning: later: unknown field, ignored",
    ]


def test_unknown_fields_in_a_reply_and_the_outcome_are_reported_at_their_names(project, fixed_now):
    thread = "\n  - at: 2026-11-03T08:30\n    text: Thanks!\n    mood:\n      happy: yes\n"
    outcome = "\n  status: resolved\n  at: 2026-11-03T08:40\n  whatever:\n    - x\n"
    root = project({"2026/2026-11-03-kari.yml": review(thread=thread, outcome=outcome)})
    assert problems_of(root) == [
        f"{KARI}:7: warning: thread[1].mood: unknown field, ignored",
        f"{KARI}:13: warning: outcome.whatever: unknown field, ignored",
    ]


def test_unknown_settings_are_reported_at_their_names(project, fixed_now):
    config = BASE_CONFIG + (
        "colors:\n"
        "  primary: '#112233'\n"
        "  extra:\n"  # line 7
        "    - x\n"
        "unknown_setting:\n"  # line 9
        "  nested: 1\n"
    )
    root = project({"2026/2026-11-03-kari.yml": review()}, config=config)
    assert problems_of(root) == [
        "site_config.yml:7: warning: colors.extra: unknown field, ignored",
        "site_config.yml:9: warning: unknown_setting: unknown field, ignored",
    ]
