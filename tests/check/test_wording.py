"""`labels:` in site_config.yml: an override names a phrase the pages use and fills only its
placeholders; otherwise an error at its line, never a traceback halfway through a build."""

from generator.publish.build import build
from tests.conftest import problems_of, review

CONFIG = """name: Shop
labels:
  review_count: "{nope} anmeldelser av {count}"
  revew_count: "x"
  all_reviews: "Alle {braces} som tekst"
  page_of: "side {page} av {pages.__class__}"
  figures_intro: "Tall per {date"
  read_case: "Les hele saken"
"""


def test_each_override_is_checked_at_its_line(project, fixed_now):
    root = project({"2026/a.yml": review()}, config=CONFIG)
    assert problems_of(root) == [
        "site_config.yml:3: labels.review_count: unknown placeholder {nope}; this phrase can "
        "use {count}",
        "site_config.yml:4: warning: labels.revew_count: unknown phrase, ignored; did you mean "
        "'review_count'?",
        "site_config.yml:6: labels.page_of: unknown placeholder {pages.__class__}; this phrase "
        "can use {page}, {pages}",
        "site_config.yml:7: labels.figures_intro: a brace that is not a placeholder; write {{ or "
        "}} for a brace itself, and use only {date}",
    ]


def test_a_bad_override_builds_nothing_and_a_good_one_is_used(project, fixed_now):
    root = project({"2026/a.yml": review()}, config=CONFIG)
    assert len(build(root).problems.errors) == 3
    assert not (root / "site").exists()
    root = project(
        {"2026/a.yml": review(), "2026/b.yml": review(received="2026-11-03T07:00")},
        config='name: Shop\nlabels:\n  shown_other: "{count} stemmer"\n  all_reviews: "{x}"\n',
        name="good",
    )
    assert build(root).problems == []
    wall = (root / "site/reviews/index.html").read_text(encoding="utf-8")
    assert "2 stemmer" in wall and "{x}" in wall  # a phrase without placeholders is plain text


def test_no_phrase_key_is_in_two_catalogues():
    """`labels:` overrides every catalogue at once, and the page's phrases are laid over the
    figures' and the policy's: a key in two of them would show one phrase in the other's place."""
    from generator.words import figurewords, labels, policywords

    for language in ("ENGLISH", "NORWEGIAN"):
        seen: dict[str, str] = {}
        for module in (labels, figurewords, policywords):
            for key in getattr(module, language):
                assert key not in seen, f"{key} is in {seen[key]} and {module.__name__}"
                seen[key] = module.__name__
