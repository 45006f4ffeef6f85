"""`labels:` in site_config.yml: an override names a phrase the pages use and fills only its
placeholders; otherwise an error at its line, never a traceback halfway through a build."""

from generator.publish.build import build
from tests.conftest import problems_of, review

CONFIG = """name: Shop
labels:
  shown: "{nope} anmeldelser av {count}"
  shwon: "x"
  all_reviews: "Alle {braces} som tekst"
  page_of: "side {page} av {pages.__class__}"
  figures_intro: "Tall per {date"
  read_case: "Les hele saken"
"""


ERRORS = [
    "site_config.yml:3: labels.shown: unknown placeholder {nope}; this phrase can use {count}",
    "site_config.yml:6: labels.page_of: unknown placeholder {pages.__class__}; this phrase "
    "can use {page}, {pages}",
    "site_config.yml:7: labels.figures_intro: a brace that is not a placeholder; write {{ or "
    "}} for a brace itself, and use only {date}",
]


def test_each_override_is_checked_at_its_line(project, fixed_now):
    root = project({"2026/a.yml": review()}, config=CONFIG)
    assert problems_of(root) == [
        ERRORS[0],
        "site_config.yml:4: warning: labels.shwon: unknown phrase, ignored; did you mean 'shown'?",
        *ERRORS[1:],
    ]


def test_a_bad_override_builds_nothing_and_a_good_one_is_used(project, fixed_now):
    root = project({"2026/a.yml": review()}, config=CONFIG)
    assert [str(p) for p in build(root).problems.sorted() if not p.warning] == ERRORS
    assert not (root / "site").exists()
    root = project(
        {"2026/a.yml": review(), "2026/b.yml": review(received="2026-11-03T07:00")},
        config='name: Shop\nlabels:\n  shown: "{count} stemmer"\n  all_reviews: "{x}"\n',
        name="good",
    )
    assert build(root).problems == []
    wall = (root / "site/reviews/index.html").read_text(encoding="utf-8")
    assert "2 stemmer" in wall and "{x}" in wall  # a phrase without placeholders is plain text
