"""A review's own `redact:` list masks a signed name on the site; the file keeps the words."""

from tests.conftest import build_project, content, page, problems_of
from tests.sitewalk import site_files

SIGNED = """\
channel: email
received: 2026-11-03T08:00
kind: complaint
consent: anonymous
text: |
  The zip broke after a week.
  Mvh Mette
redact: [Mette]
thread:
  - at: 2026-11-03T08:30
    by: Maren
    text: Thank you, Mette, a new jacket is on its way.
"""


def test_redacted_words_are_masked_on_the_site_and_kept_in_the_file(project, fixed_now):
    root = project({"2026/2026-11-03-zip.yml": SIGNED})
    assert problems_of(root) == []
    build_project(root)
    case = content(page(root, "reviews/2026-11-03-zip"))
    words = case.select_one(".rw-words").get_text(" ", strip=True)
    assert words == "The zip broke after a week. Mvh [name removed]"
    assert "Thank you, [name removed], a new jacket" in case.get_text(" ", strip=True)
    leaks = [name for name, text in site_files(root / "site") if "Mette" in text]
    assert leaks == []
    assert "Mvh Mette" in (root / "reviews/2026/2026-11-03-zip.yml").read_text(encoding="utf-8")
