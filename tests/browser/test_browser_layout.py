"""The sample site in headless Chromium: no console errors, nothing wider than a phone's screen."""

from pathlib import Path

import pytest

PAGES = ["", "reviews/", "reviews/complaints/"]
WIDTHS = [390, 1280]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sample_site(built_sample):
    """The repository's own sample, built once per test run (tests/conftest.py)."""
    return built_sample()


def case_urls(root: Path) -> list[str]:
    return sorted(
        f"reviews/{p.parent.name}/" for p in (root / "site/reviews").glob("20*/index.html")
    )


def test_home_figures_sit_side_by_side_and_bars_follow_the_counts(sample_site, serve_site, browser):
    server = serve_site(sample_site / "site")
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(server.url(""))
    tops = tab.eval_on_selector_all(
        ".rw-figures > li", "items => items.map(i => i.getBoundingClientRect().top)"
    )
    assert len(tops) == 5 and len(set(tops)) == 1  # one row of cards on a desktop
    rows = tab.eval_on_selector_all(
        ".rw-distribution tr",
        "rows => rows.map(r => [Number(r.querySelector('.rw-num').textContent),"
        " r.querySelector('.rw-bar').getBoundingClientRect().width])",
    )
    widest = max(rows, key=lambda row: row[0])
    for count, width in rows:  # each bar as long as its share, to a pixel
        assert abs(width - widest[1] * count / widest[0]) <= 1.5, rows
    tab.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen_without_errors(sample_site, serve_site, browser, width, tmp_path):
    server = serve_site(sample_site / "site")
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    elsewhere = []
    tab.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith(server.url()) else None
        ),
    )
    cases = case_urls(sample_site)
    assert len(cases) >= 30
    for url in PAGES + cases[:: max(1, len(cases) // 6)]:
        tab.goto(server.url(url))
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen"
        tab.screenshot(
            path=str(tmp_path / f"{url.replace('/', '_') or 'home'}-{width}.png"), full_page=True
        )
    assert errors == []
    assert elsewhere == []  # no fonts, CDNs or APIs of other hosts
    context.close()
