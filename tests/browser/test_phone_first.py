"""The sample site on a phone in headless Chromium: the score and the first review on the first
screen, a filter control that works without JavaScript, a skip link, a focus you can see on
everything the Tab key reaches, and links in text that look like links."""

import re

import pytest

PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["nb", "en"])
def sample_site(request, built_sample):
    """The repository's own sample, in Norwegian as it is and in English, built once each per
    test run (tests/conftest.py)."""
    return built_sample(language=None if request.param == "nb" else request.param)


@pytest.fixture
def served(sample_site, serve_site):
    return serve_site(sample_site / "site")


@pytest.mark.parametrize("path", ["reviews/", "reviews/complaints/", "reviews/channel/google/"])
def test_the_score_and_the_first_review_are_on_a_phones_first_screen(
    browser, served, sample_site, path
):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(served.url(path))
    card = tab.locator(".rw-card").first.bounding_box()
    assert card["y"] < PHONE["height"], f"the first card starts {card['y']} px down"
    # Not just its top edge: it starts in the upper half, so the customer's words are readable
    # without scrolling (sixteen filter chips used to push it 497 px down).
    assert card["y"] < PHONE["height"] / 2, f"the first card starts {card['y']} px down"
    words = tab.locator(".rw-card .rw-words").first.bounding_box()
    assert words["y"] + words["height"] < PHONE["height"]
    score = tab.locator(".rw-score a").bounding_box()
    assert 0 < score["y"] and score["y"] + score["height"] < card["y"]
    assert tab.locator(".rw-score a").get_attribute("href") == "../" * path.count("/") + "figures/"
    # The count and why it differs from the figures sit above the first card too.
    tally = tab.locator(".rw-tally").bounding_box()
    assert tally["y"] + tally["height"] <= card["y"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_the_filter_control_opens_and_leads_to_a_filter_without_javascript(
    browser, served, sample_site
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served.url("reviews/"))
    complaints = tab.locator('.rw-filter a[href="complaints/"]')
    assert not complaints.is_visible()  # closed: one line, not sixteen chips
    summary = tab.locator("details.rw-filter > summary")
    closed = summary.bounding_box()
    assert closed["height"] <= 60
    summary.click()
    assert complaints.is_visible()
    title = complaints.evaluate("a => a.firstChild.textContent.trim()")
    cases = int(complaints.locator(".rw-count").inner_text())
    complaints.click()
    tab.wait_for_url(re.compile(r"/reviews/complaints/$"))
    current = tab.locator('.rw-filter a[aria-current="page"]')
    assert current.count() == 1
    assert current.evaluate("a => a.firstChild.textContent.trim()") == title
    assert title in tab.locator("details.rw-filter > summary").inner_text()
    config = (sample_site / "site_config.yml").read_text(encoding="utf-8")
    per_page = int(re.search(r"(?m)^per_page: (\d+)$", config).group(1))
    assert cases > 0 and tab.locator(".rw-card").count() == min(cases, per_page)
    context.close()


def test_the_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(browser, served):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(served.url("reviews/"))
    tab.keyboard.press("Tab")
    skip = tab.evaluate(
        "() => { const a = document.activeElement; const box = a.getBoundingClientRect();"
        " return [a.classList.contains('rw-skip'), a.getAttribute('href'),"
        " box.top >= 0 && box.bottom <= innerHeight] }"
    )
    assert skip == [True, "#rw-content", True]
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    inside = tab.evaluate("document.activeElement.closest('article.md-content__inner') !== null")
    assert inside, "after the skip link, the Tab key goes on inside the page's content"
    context.close()


FOCUS = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return [e.tagName + (e.className ? '.' + e.className : ''), s.outlineStyle,
          parseFloat(s.outlineWidth), s.outlineColor];
}"""


@pytest.mark.parametrize("path", ["", "reviews/", "policy/"])
def test_everything_the_tab_key_reaches_shows_a_focus_outline(browser, served, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served.url(path))
    seen = []
    for _ in range(40):
        tab.keyboard.press("Tab")
        name, style, width, colour = tab.evaluate(FOCUS)
        if name == "BODY":
            break
        seen.append(name)
        assert style != "none" and width >= 2, f"{name}: outline {style} {width}px"
        assert colour not in ("transparent", "rgba(0, 0, 0, 0)"), name
    assert len(seen) >= 10
    context.close()


CONTRAST = """links => links.map(a => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let e = a, background = 'rgba(0, 0, 0, 0)';
  while (e && rgb(background).length === 4 && rgb(background)[3] === 0) {
    background = getComputedStyle(e).backgroundColor; e = e.parentElement;
  }
  if (rgb(background).length === 4 && rgb(background)[3] === 0) background = 'rgb(255, 255, 255)';
  const pair = [lum(rgb(getComputedStyle(a).color)), lum(rgb(background))];
  const [l1, l2] = pair.sort((x, y) => y - x);
  return [a.textContent.trim().slice(0, 40), getComputedStyle(a).textDecorationLine,
          (l1 + 0.05) / (l2 + 0.05)];
})"""


@pytest.mark.parametrize("path", ["", "reviews/", "policy/", "figures/"])
def test_links_in_text_are_underlined_and_readable(browser, served, path):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(served.url(path))
    links = tab.eval_on_selector_all(
        # Buttons (.md-button) and the filter chips look like controls, not like text.
        "article p a:not(.md-button), article li a:not(.rw-filters a), footer.rw-footer a",
        CONTRAST,
    )
    assert len(links) >= 3
    for text, decoration, ratio in links:
        assert "underline" in decoration, text
        assert ratio >= 4.5, f"{text}: {ratio:.2f}:1"
    context.close()
