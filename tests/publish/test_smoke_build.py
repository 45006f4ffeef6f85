"""A first end-to-end build of a tiny project."""

from tests.conftest import build_project, content, page, review


def test_one_review_builds_a_case_page(project):
    root = project({"2026/2026-11-03-kari.yml": review(author="Kari Nordmann", rating="2")})
    build_project(root)
    case = content(page(root, "reviews/2026-11-03-kari"))
    assert case.select_one(".rw-who").get_text() == "Kari N. wrote on Google"
