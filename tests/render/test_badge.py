"""/badge.svg and the embed page: the right numbers, in the site's language, escaped."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from generator.render.badge import text_width
from tests.conftest import build_project, content, page
from tests.giveback_set import CONFIG, REVIEWS, SITE_URL

SVG = "{http://www.w3.org/2000/svg}"
EN_ALT = (
    "Testbutikken: average rating 2.7 out of 5, 67% of complaints answered, median reply 2 hours"
)
NB_ALT = "Testbutikken: snittkarakter 2,7 av 5, 67\xa0% av klagene besvart, median svartid 2 timer"


def read_badge(root):
    svg = ElementTree.fromstring((root / "site" / "badge.svg").read_bytes())
    texts = [element.text for element in svg.iter(f"{SVG}text")]
    return svg, texts


@pytest.mark.parametrize(
    "language, texts, alt",
    [
        ("en", ["★ 2.7", "67% of complaints answered · median reply 2 hr"], EN_ALT),
        ("nb", ["★ 2,7", "67\xa0% av klagene besvart · median svartid 2 t"], NB_ALT),
    ],
)
def test_the_badge_says_the_hand_computed_figures(project, language, texts, alt):
    root = project(REVIEWS, CONFIG.replace("language: en", f"language: {language}"))
    build_project(root)
    svg, found = read_badge(root)
    assert found == texts
    assert svg.find(f"{SVG}title").text == alt
    assert svg.get("aria-label") == alt
    assert svg.get("role") == "img"


def test_the_badge_is_as_wide_as_its_two_parts(project):
    """Each part is its text's estimated width and 6 px either side (see the table below)."""
    root = project(REVIEWS, CONFIG)
    build_project(root)
    svg, texts = read_badge(root)
    assert texts == ["★ 2.7", "67% of complaints answered · median reply 2 hr"]
    rects = [int(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert rects == [327, 31 + 12, 272 + 12]
    assert svg.get("width") == "327"


@pytest.mark.parametrize(
    "text, width",
    [
        ("", 0),
        ("★ 2.7", 31),  # ★ 10.2, the space and the point 3.8 each, the digits 6.8 each: 31.4
        # 24 ordinary letters and digits at 6.8, four wide ones (% m w m) at 10.2, 18 narrow
        # ones (f i l r t, the spaces and ·) at 3.8: 163.2 + 40.8 + 68.4 = 272.4
        ("67% of complaints answered · median reply 2 hr", 272),
        ("Testbutikken", 74),  # T 7.8; t t i at 3.8; e s b u k k e n at 6.8: 7.8 + 11.4 + 54.4
    ],
)
def test_a_text_is_as_wide_as_its_letters(text, width):
    assert text_width(text) == width


def test_hostile_labels_and_names_stay_text_in_the_svg(project):
    config = CONFIG.replace("name: Testbutikken", "name: '</title><script>x()</script> & Co'")
    config += "labels:\n  badge_median: '<tspan>median</tspan> {duration}'\n"
    root = project(REVIEWS, config)
    build_project(root)
    svg, texts = read_badge(root)
    assert svg.find(f"{SVG}title").text.startswith("</title><script>x()</script> & Co: ")
    assert texts[1] == "67% of complaints answered · <tspan>median</tspan> 2 hr"
    assert svg.find(f".//{SVG}script") is None and svg.find(f".//{SVG}tspan") is None


def test_without_reviews_the_badge_says_so(project):
    root = project({}, CONFIG)
    build_project(root)
    _, texts = read_badge(root)
    assert texts == ["Testbutikken", "no reviews yet"]


def test_without_ratings_the_left_part_is_the_name(project):
    reviews = {"2026/2026-10-15-form.yml": REVIEWS["2026/2026-10-15-form.yml"]}
    root = project(reviews, CONFIG)
    build_project(root)
    _, texts = read_badge(root)
    assert texts == ["Testbutikken", "0% of complaints answered"]


def test_the_embed_page_shows_the_html_to_copy_and_a_live_preview(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    embed = content(page(root, "embed"))
    assert embed.h1.get_text() == "Badge for your website"
    snippet = embed.select_one("pre code").get_text()
    pasted = BeautifulSoup(snippet, "html.parser")
    assert [tag.name for tag in pasted.find_all(True)] == ["a", "img"]
    assert pasted.a["href"] == SITE_URL
    image = pasted.img
    assert (image["src"], image["alt"]) == (SITE_URL + "badge.svg", EN_ALT)
    svg, _ = read_badge(root)
    assert (image["width"], image["height"]) == (svg.get("width"), "20")
    preview = embed.select_one(".rw-embed-preview a")
    assert preview["href"] == "../"
    assert preview.img["src"] == "../badge.svg" and preview.img["alt"] == EN_ALT
    assert embed.select_one(".rw-note") is None


def test_without_site_url_the_embed_page_says_the_html_only_works_here(project):
    root = project(REVIEWS, CONFIG.replace(f"site_url: {SITE_URL}\n", ""))
    build_project(root)
    embed = content(page(root, "embed"))
    pasted = BeautifulSoup(embed.select_one("pre code").get_text(), "html.parser")
    assert (pasted.a["href"], pasted.img["src"]) == ("./", "badge.svg")
    assert embed.select_one(".rw-note").get_text().startswith("site_url is not set")


def test_a_hostile_name_in_the_snippet_is_escaped_twice_over(project):
    config = CONFIG.replace("name: Testbutikken", "name: '\"><script>x()</script>'")
    root = project(REVIEWS, config)
    build_project(root)
    embed = content(page(root, "embed"))
    assert embed.find("script") is None
    pasted = BeautifulSoup(embed.select_one("pre code").get_text(), "html.parser")
    assert pasted.find("script") is None
    assert pasted.img["alt"].startswith('"><script>x()</script>: average rating')


def test_with_only_a_rating_the_name_is_on_the_left(project):
    root = project(
        {
            "2026/2026-11-01-one.yml": "channel: google\nreceived: 2026-11-01T10:00\n"
            "rating: 5\ntext: Fine.\n"
        },
        CONFIG,
    )
    build_project(root)
    _, texts = read_badge(root)
    assert texts == ["Testbutikken", "★ 5.0"]


@pytest.mark.parametrize("primary, ink", [("#1f4e5f", "#ffffff"), ("#ffd700", "#1b1b1b")])
def test_the_text_stays_readable_on_the_brand_colour(project, primary, ink):
    root = project(REVIEWS, CONFIG + f'colors:\n  primary: "{primary}"\n')
    build_project(root)
    svg, _ = read_badge(root)
    rects = [rect.get("fill") for rect in svg.iter(f"{SVG}rect")][1:]
    inks = [text.get("fill") for text in svg.iter(f"{SVG}text")]
    assert (rects, inks) == ([primary, "#3d4650"], [ink, "#ffffff"])
