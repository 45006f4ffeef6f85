"""The embed and policy pages on a phone, and JSON-LD that no review text can break out of."""

import json

import pytest

from tests.conftest import build_project, make_project
from tests.giveback_set import CONFIG, REVIEWS

pytestmark = pytest.mark.browser
BREAKER = "</script><script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The give-back set, with a title that tries to close the JSON-LD script."""
    reviews = dict(REVIEWS)
    kari = reviews["2026/2026-11-03-kari.yml"]
    reviews["2026/2026-11-03-kari.yml"] = kari.replace(
        "title: Never arrived", f"title: '{BREAKER}'"
    )
    root = make_project(tmp_path_factory.mktemp("giveback") / "project", reviews, CONFIG)
    build_project(root)
    return root / "site"


@pytest.fixture
def phone(browser, site, serve_site):
    """A 390 px wide tab on the served site, collecting console errors."""
    server = serve_site(site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.server = server
    yield tab
    context.close()


@pytest.mark.parametrize("path", ["embed/", "policy/"])
def test_the_page_fits_a_phone_without_errors(phone, path):
    phone.goto(phone.server.url(path), wait_until="load")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    article = phone.locator("article.md-content__inner").bounding_box()
    assert article["x"] >= 0 and article["x"] + article["width"] <= 390
    assert phone.errors == []


def test_the_preview_loads_the_badge_and_the_html_wraps(phone):
    phone.goto(phone.server.url("embed/"), wait_until="load")
    image = phone.locator(".rw-embed-preview img")
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    code = phone.locator(".rw-embed-code code")
    assert code.evaluate("code => code.scrollWidth <= code.clientWidth")


def test_json_ld_parses_in_the_browser_and_nothing_ran(phone):
    phone.goto(phone.server.url("reviews/2026-11-03-kari/"), wait_until="load")
    assert phone.evaluate("typeof window.__pwned") == "undefined"
    blocks = phone.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.stringify(JSON.parse(s.textContent)))"
    )
    assert [json.loads(block)["name"] for block in blocks] == [BREAKER]
    assert phone.errors == []
