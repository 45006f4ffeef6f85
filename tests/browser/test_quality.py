"""Quality gates on every page type, in Norwegian and English: axe-core finds no violation, the Nu
HTML checker no error in reviewwall's own markup, and every page but search works without
JavaScript. The sample and its English copy are built once per session (tests/conftest.py).

Internal links are the gate of tests/publish/test_internal_links.py; Lighthouse's scores are
measured by `make audit` (tests/audit.py), not here: they move between runs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import SiteServer
from tests.quality import (
    AXE,
    LANGUAGES,
    PAGES,
    VNU,
    describe_violations,
    missing_tool,
    page_file,
    run_axe,
    run_vnu,
)

CASES = [(language, name) for language in LANGUAGES for name in PAGES]
CASE_IDS = [f"{language}-{name.replace(' ', '-')}" for language, name in CASES]

# The pages every page links to, and that must work without JavaScript.
MAIN_PAGES = ["", "reviews/", "figures/", "changes/", "policy/"]
PHONE, DESKTOP = 390, 1280  # widths in CSS pixels
# What a reader sees of a page: <main>'s text and links, whether its heading shows, every link.
SHOWN = """() => {
  const visible = links => [...links].filter(a => a.checkVisibility()).map(a => a.href);
  const main = document.querySelector("main");
  const heading = document.querySelector("main h1");
  return {
    text: main ? main.innerText.trim().split(/\\s+/).join(" ") : "",
    main_links: main ? visible(main.querySelectorAll("a[href]")) : [],
    heading: Boolean(heading && heading.checkVisibility()),
    links: visible(document.querySelectorAll("a[href]")),
  };
}"""

# Errors of the Nu HTML checker that Material's own templates make and that the theme override
# (templates/theme/main.html, which extends Material's base.html) cannot remove: the message, a
# piece of the offending markup that shows it is the theme's, and why it stays. Anything else
# fails, and so does an entry here that no page needs any more.
THEME_ERRORS = [
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        'data-md-toggle="',
        # Material's base.html writes its drawer and search checkboxes with autocomplete="off"
        # outside any block, so an override can only drop it by copying all of base.html. Material
        # wants it: without it Firefox restores a drawer or search left open when going back.
        "Material's drawer and search toggles (base.html, outside any block)",
    ),
]


@pytest.fixture(scope="session")
def quality_sites(built_sample):
    """The sample as it is (Norwegian) and its English copy, built once per session and shared
    with the other tests that read them (tests/conftest.py): {language: site folder}."""
    return {
        language: built_sample(language=None if language == "nb" else language) / "site"
        for language in LANGUAGES
    }


@pytest.fixture(scope="session")
def quality_servers(quality_sites):
    """Each language's site served on 127.0.0.1 for the session: {language: SiteServer}."""
    servers = {language: SiteServer(site) for language, site in quality_sites.items()}
    yield servers
    for server in servers.values():
        server.close()


def file_of(message: dict) -> Path | None:
    """Return the file a Nu HTML checker message is about (it names it as a file: URL)."""
    url = urlsplit(message.get("url", ""))
    return Path(unquote(url.path)) if url.scheme == "file" else None


@pytest.fixture(scope="session")
def browsing(browser):
    """A factory: browsing(javascript, width) gives a browser context, one for each pair."""
    contexts = {}

    def factory(javascript: bool, width: int):
        if (javascript, width) not in contexts:
            contexts[javascript, width] = browser.new_context(
                java_script_enabled=javascript, viewport={"width": width, "height": 900}
            )
        return contexts[javascript, width]

    yield factory
    for context in contexts.values():
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("language", "name"), CASES, ids=CASE_IDS)
def test_axe_finds_no_violation(language, name, quality_servers, browser):
    reason = missing_tool(AXE)
    if reason:
        pytest.skip(reason)
    tab = browser.new_page()
    tab.goto(quality_servers[language].url(PAGES[name]))
    violations = run_axe(tab)
    tab.close()
    assert not violations, f"{language} {PAGES[name] or '/'}:\n" + "\n".join(
        describe_violations(violations)
    )


def test_nu_html_checker_finds_no_error_in_our_markup(quality_sites):
    reason = missing_tool(VNU)
    if reason:
        pytest.skip(reason)
    files = {
        page_file(site, url): f"{language} {url or '/'}"
        for language, site in quality_sites.items()
        for url in PAGES.values()
    }
    messages = run_vnu(list(files))
    errors, used = [], set()
    for message in messages:
        if message["type"] not in ("error", "non-document-error"):
            continue
        theirs = [
            why
            for text, markup, why in THEME_ERRORS
            if message["message"] == text and markup in message.get("extract", "")
        ]
        if theirs:
            used.update(theirs)
            continue
        where = files.get(file_of(message), message.get("url", "?"))
        extract = " ".join(message.get("extract", "").split())
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message['message']} — {extract}")
    assert errors == []
    assert used == {why for _, _, why in THEME_ERRORS}, "an allowed theme error no longer occurs"


@pytest.mark.browser
@pytest.mark.parametrize(("language", "name"), CASES, ids=CASE_IDS)
def test_everything_but_search_works_without_javascript(language, name, quality_servers, browsing):
    """On a phone the page shows the same content and links with JavaScript off as on; on a phone
    (through Material's drawer, a label and a checkbox) and on a desktop it links to every main
    page."""
    server = quality_servers[language]
    seen = {}
    for javascript, width in ((True, PHONE), (False, PHONE), (False, DESKTOP)):
        tab = browsing(javascript, width).new_page()
        tab.goto(server.url(PAGES[name]))
        shown = tab.evaluate(SHOWN)
        if width == PHONE:
            seen[javascript] = shown
        if not javascript:
            assert shown["heading"], f"no visible heading in <main> at {width}px"
            if width == PHONE:
                tab.locator('header label[for="__drawer"]').click()
                shown = tab.evaluate(SHOWN)
            missing = [url or "/" for url in MAIN_PAGES if server.url(url) not in shown["links"]]
            assert missing == [], f"without JavaScript at {width}px, no visible link to {missing}"
        tab.close()
    assert seen[False]["text"] == seen[True]["text"], "<main> shows other text without JavaScript"
    assert seen[False]["main_links"] == seen[True]["main_links"], (
        "<main> shows other links without JavaScript"
    )
