"""A rating without words is a review: it counts, and the pages say plainly what it is."""

import json

from tests.conftest import build_project, content, page

STARS_ONLY = "channel: google\nreceived: 2026-11-03T08:00\nrating: 4\nauthor: Kari Nordmann\n"
WORDS = "channel: google\nreceived: 2026-11-02T08:00\nrating: 2\ntext: Slow delivery.\n"


def test_a_star_only_review_is_shown_counted_and_published(project, fixed_now):
    root = project({"2026/2026-11-03-kari.yml": STARS_ONLY, "2026/2026-11-02-ola.yml": WORDS})
    built = build_project(root)
    assert [str(problem) for problem in built.problems if "kari" in problem.path] == []
    card = page(root, "reviews").select_one("article.rw-card")
    assert card.select_one(".rw-no-words").get_text() == "Rated 4★ without a comment"
    assert card.select_one(".rw-words") is None
    case = content(page(root, "reviews/2026-11-03-kari"))
    assert case.h1.get_text(" ", strip=True).startswith("Rated 4★ without a comment")
    assert case.select_one(".rw-no-words").get_text() == "Rated 4★ without a comment"
    home = page(root, "")
    assert "3 ★" in home.select_one(".rw-figures").get_text(" ", strip=True)  # (4 + 2) / 2
    data = json.loads((root / "site/reviews.json").read_text(encoding="utf-8"))
    starred = next(r for r in data["reviews"] if r["id"] == "2026-11-03-kari")
    assert (starred["rating"], starred["text"]) == (4, "")
