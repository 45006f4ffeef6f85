"""Hostile reviews in a real browser: no payload runs on any page of the site, nor in search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteServer, build_project, make_project
from tests.hostile import MARKER, hostile_reviews

pytestmark = pytest.mark.browser

# What a page would need for a payload to run later (a click, a hover): handlers and script URLs.
_FIND_DANGER = """
(marker) => {
  const found = Object.keys(window).filter((key) => key.startsWith(marker));
  // Zensical renders its search dialog in a shadow root: look inside every one.
  const all = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll("*")) {
      all.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);
  for (const el of all) {
    if (["IFRAME", "FRAME", "OBJECT", "EMBED"].includes(el.tagName)) found.push(el.tagName);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName} ${name}`);
      if (/^(javascript|data|vbscript):/.test(value) && name !== "content") {
        found.push(`${el.tagName} ${name}=${attr.value.slice(0, 40)}`);
      }
      if (name === "srcdoc") found.push(`${el.tagName} srcdoc`);
    }
  }
  return found;
}
"""


# Search answers every keystroke, so the results of a shorter query can be on screen (and then be
# replaced) after the last key: wait until the page has not changed for half a second (at most 5 s).
_SETTLED = """
() => new Promise(resolve => {
  let timer = setTimeout(finish, 500);
  const limit = setTimeout(finish, 5000);
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(finish, 500);
  });
  function finish() { observer.disconnect(); clearTimeout(timer); clearTimeout(limit); resolve(); }
  observer.observe(document.body, {childList: true, subtree: true, characterData: true});
})
"""


def html_pages(site: Path) -> list[str]:
    """Return the URL path of every HTML file in a built site."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def hostile_site(request, tmp_path_factory):
    """One built site of hostile reviews per engine, served for the whole module."""
    files, markers = hostile_reviews()
    root = make_project(tmp_path_factory.mktemp("hostile") / "project", files)
    build_project(root, engine=request.param)
    server = SiteServer(root / "site")
    yield root / "site", server, markers
    server.close()


@pytest.fixture(scope="module")
def tab(browser):
    """One browser tab for the module, with every console error and page error collected."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: page.errors.append(f"dialog: {dialog.message}"))
    yield page
    context.close()


def test_the_corpus_reaches_every_kind_of_page(hostile_site):
    site, _, markers = hostile_site
    pages = html_pages(site)
    assert markers > 500
    assert "reviews/2026-11-02-hostile-1/index.html" in pages
    assert "index.html" in pages and "reviews/index.html" in pages


def test_no_payload_runs_on_any_page(hostile_site, tab):
    site, server, _ = hostile_site
    ran = {}
    for path in html_pages(site):
        tab.errors.clear()
        tab.goto(server.url(path), wait_until="load")
        tab.wait_for_timeout(50)  # let onload/onerror handlers of late resources fire
        danger = tab.evaluate(_FIND_DANGER, MARKER)
        if danger or tab.errors:
            ran[path] = danger + tab.errors
    assert ran == {}


def test_template_syntax_shows_literally(hostile_site, tab):
    _, server, _ = hostile_site
    tab.goto(server.url("reviews/2026-11-02-hostile-1/"))
    words = tab.locator(".rw-step-review .rw-words").inner_text()
    assert "{{ 7*7 }} {% if true %}evaluated{% endif %}" in words
    assert "49" not in words
    assert "<script>window.__pwned_" in words  # shown as text, not run


# Words that match every case page, so results show the hostile text around them; and a query
# that is itself a payload, since Material echoes the query while it searches.
@pytest.mark.parametrize(
    "query, results",
    [("wrote", 3), ("Kari", 3), ("Support", 3), ('Kari <img src=x onerror="__pwned_0=1">', 0)],
)
def test_search_results_render_no_payload(hostile_site, tab, query, results):
    _, server, _ = hostile_site
    tab.errors.clear()
    tab.goto(server.url(""))
    opener = tab.locator("button.md-search__button")  # Zensical's; Material shows its input
    if opener.count():
        opener.click()
        box = tab.get_by_role("combobox", name="Search")
    else:
        box = tab.locator("input.md-search__input")
        box.click()
    box.press_sequentially(query, delay=10)
    found = tab.locator(".md-search-result__item, [role=listbox] [role=option]")
    if results:
        found.first.wait_for(state="visible", timeout=10_000)
    tab.evaluate(_SETTLED)
    # Material renders a page's further matches only when they are expanded.
    for more in tab.locator(".md-search-result__more > summary").all():
        more.click()
    assert found.count() >= results
    assert tab.evaluate(_FIND_DANGER, MARKER) == []
    assert tab.errors == []
