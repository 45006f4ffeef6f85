"""The frame of every page and the wall's head, read back as parsed HTML from real builds: the
filter control, the counts that say why they differ, the footer, the logo, the skip link, what the
head tells search engines and shared links, and the policy's channels in the site's language."""

from __future__ import annotations

import re

import pytest

from generator.render.frame import contrast, initial_of, link_colour, og_locale
from generator.render.wall import Listing, Tally, tally_listings, tally_words
from generator.words.labels import read_labels
from tests.conftest import build_project, content, page, review

pytestmark = pytest.mark.usefixtures("fixed_now")

CONFIG = """\
name: Testbutikken
language: en
timezone: Europe/Oslo
per_page: 20
site_url: https://reviews.example.org/shop/
repository: https://github.com/example/reviews
"""

HOSTILE_TITLE = """</title><script>window.__pwned=1</script>"'&amp; <b>bold</b>"""

REVIEWS = {
    "2026/2026-11-01-kari.yml": review(
        received="2026-11-01T10:00", kind="complaint", rating=2, author="Kari Nordmann"
    ),
    "2026/2026-11-02-ola.yml": review(received="2026-11-02T10:00", kind="praise", rating=5),
    "2026/2026-10-20-held.yml": review(
        channel="email", received="2026-10-20T09:00", kind="complaint", consent="withheld"
    ),
}

REMOVALS = """\
- id: 2026-10-05-asked
  channel: google
  received: 2026-10-05T10:00+02:00
  rating: 1
  kind: complaint
  removed: 2026-11-01
  reason: customer-request
- id: 2026-10-06-spam
  channel: google
  received: 2026-10-06T10:00+02:00
  rating: 1
  kind: complaint
  removed: 2026-11-01
  reason: spam
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """Two published reviews, one withheld complaint, one removed complaint that still counts and
    one spam that does not."""
    from tests.conftest import make_project

    root = make_project(tmp_path_factory.mktemp("frame") / "shop", REVIEWS, CONFIG)
    (root / "removals.yml").write_text(REMOVALS, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1793692800")
        build_project(root)
    return root


def text(element) -> str:
    return " ".join(element.get_text().split())


# --- The filter control ---------------------------------------------------------------------------


def test_the_filters_are_one_control_that_needs_no_script(shop):
    wall = content(page(shop, "reviews"))
    control = wall.select_one("details.rw-filter")
    assert control is not None and not control.has_attr("open")
    assert control.summary.get_text() == "Showing: All reviews (2)"
    groups = [
        (
            group.select_one(".rw-filter-group-title") and text(group.p),
            [(a.contents[0].strip(), a["href"], a.get("aria-current")) for a in group.select("a")],
        )
        for group in control.select(".rw-filter-group")
    ]
    assert groups == [
        (None, [("All reviews", "./", "page")]),
        ("By kind", [("Complaints", "complaints/", None), ("Praise", "praise/", None)]),
        ("By outcome", [("Open cases", "open/", None), ("Resolved cases", "resolved/", None)]),
        ("By channel", [("Google", "channel/google/", None)]),
    ]
    # Nothing in it needs a script: no script, no handler, links to static pages.
    assert control.find("script") is None
    assert not [a for tag in control.find_all(True) for a in tag.attrs if a.startswith("on")]


def test_a_filter_page_names_itself_in_the_control_and_marks_its_link(shop):
    control = content(page(shop, "reviews/complaints")).select_one("details.rw-filter")
    assert control.summary.get_text() == "Showing: Complaints (1)"
    assert [a["href"] for a in control.select('a[aria-current="page"]')] == ["./"]
    assert [text(a) for a in control.select('a[aria-current="page"]')] == ["Complaints 1"]


def test_the_home_page_lists_the_filters_open_under_a_heading(shop):
    home = content(page(shop, ""))
    browse = home.select_one("nav.rw-browse")
    assert browse.h2.get_text() == "Browse the reviews"
    assert browse.select("details") == [] and browse.select("[aria-current]") == []
    assert [a["href"] for a in browse.select("a")][:3] == [
        "reviews/",
        "reviews/complaints/",
        "reviews/praise/",
    ]


# --- Counts that agree, or say why not ------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "reviews",
            "2 reviews shown · 1 withheld and 1 removed, counted in the figures (why)",
        ),
        (
            "reviews/complaints",
            "1 review shown · 1 withheld and 1 removed, counted in the figures (why)",
        ),
        ("reviews/praise", "1 review shown"),
        ("reviews/channel/google", "2 reviews shown · 1 removed, counted in the figures (why)"),
    ],
)
def test_the_wall_says_where_its_count_differs_from_the_figures(shop, url, expected):
    tally = content(page(shop, url)).select_one(".rw-tally")
    assert text(tally) == expected
    assert tally.h2.get_text() == expected.split(" · ")[0]
    links = [a["href"] for a in tally.select("a")]
    depth = url.count("/") + 1
    assert links == ([] if "why" not in expected else ["../" * depth + "figures/#rw-ledger-title"])


def test_the_home_page_explains_its_count_next_to_it(shop):
    home = content(page(shop, ""))
    assert home.select_one(".rw-figures li").get_text(" ", strip=True) == "4 reviews"
    note = home.select_one(".rw-tally-note")
    assert text(note) == "2 reviews shown · 1 withheld and 1 removed, counted in the figures (why)"
    assert note.a["href"] == "figures/#rw-ledger-title"
    assert content(page(shop, "figures")).find(id="rw-ledger-title") is not None


def test_a_home_page_that_counts_like_the_wall_says_nothing_more(project):
    root = project({"2026/a.yml": review()})
    build_project(root)
    assert content(page(root, "")).select(".rw-tally-note") == []
    assert text(content(page(root, "reviews")).select_one(".rw-tally")) == "1 review shown"


def test_the_score_line_links_to_the_figures(shop):
    score = content(page(shop, "reviews/praise")).select_one(".rw-score a")
    assert text(score) == "2.7 ★ average from 3 ratings →"
    assert score["href"] == "../../figures/"


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        (Tally(45, 1, 0), ("45 reviews shown", "1 withheld, counted in the figures")),
        (Tally(1, 0, 2), ("1 review shown", "2 removed, counted in the figures")),
        (Tally(0, 2, 1), ("0 reviews shown", "2 withheld and 1 removed, counted in the figures")),
        (Tally(3), ("3 reviews shown", "")),
    ],
)
def test_tally_words(tally, expected):
    assert tally_words(tally, read_labels("en", {})) == expected


def test_tally_words_in_norwegian():
    assert tally_words(Tally(45, 1, 0), read_labels("nb", {})) == (
        "45 omtaler vises",
        "1 holdt tilbake, men telt med i tallene",
    )


def test_tally_counts_only_what_the_listing_would_list():
    class Item:
        def __init__(self, id, kind, path="reviews/x.yml"):
            self.id, self.kind, self.path = id, kind, path

    shown = [Item("a", "praise")]
    listings = [
        Listing("", "All", shown),
        Listing("praise", "Praise", shown, "kind", (("kind", "praise"),)),
        Listing("complaints", "Complaints", [], "kind", (("kind", "complaint"),)),
    ]
    counted = [*shown, Item("b", "complaint"), Item("c", "complaint", "removals.yml")]
    assert tally_listings(listings, counted) == {
        "": Tally(1, 1, 1),
        "praise": Tally(1, 0, 0),
        "complaints": Tally(0, 1, 1),
    }


# --- The frame: footer, logo, skip link -----------------------------------------------------------

PAGES = ["", "reviews", "reviews/complaints", "reviews/2026-11-01-kari", "figures", "policy"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_footer_with_the_ledger_and_the_links(shop, url):
    footer = page(shop, url).select_one("footer.rw-footer")
    up = "../" * (url.count("/") + 1) if url else ""
    assert text(footer.select_one(".rw-ledger")) == (
        "Reviews received: 5. Shown in full: 1. Shown without a name: 1. Withheld: 1. Removed: 2. "
        "Figures"
    )
    ledger = "#rw-ledger-title" if url == "figures" else f"{up}figures/#rw-ledger-title"
    assert footer.select_one(".rw-ledger a")["href"] == ledger
    links = [(a.get_text(), a["href"], a.get("type")) for a in footer.select("nav a")]
    assert links == [
        ("Review policy", "./" if url == "policy" else f"{up}policy/", None),
        ("Atom feed", f"{up}feed.xml", "application/atom+xml"),
        ("All reviews as JSON", f"{up}reviews.json", "application/json"),
        ("The review files and their history", "https://github.com/example/reviews", None),
    ]
    assert footer.select_one("nav")["aria-label"] == "About these reviews"
    assert page(shop, url).select(".md-footer, .md-copyright") == []  # Material's own footer


def test_a_site_without_a_repository_links_to_none(project):
    root = project({"2026/a.yml": review()})
    build_project(root)
    footer = page(root, "").select_one("footer.rw-footer")
    assert [a.get_text() for a in footer.select("nav a")] == [
        "Review policy",
        "Atom feed",
        "All reviews as JSON",
    ]


@pytest.mark.parametrize("url", PAGES)
def test_the_skip_link_comes_first_and_leads_to_the_content(shop, url):
    soup = page(shop, url)
    first = soup.body.find(["a", "button", "select", "textarea"])
    assert first["class"] == ["rw-skip"] and first.get_text() == "Skip to content"
    assert first["href"] == "#rw-content"
    target = soup.find(id="rw-content")
    assert target.find_next_sibling("div")["class"] == ["md-content"]
    assert first.find_next("header")["class"][0] == "md-header"


def test_without_a_logo_the_header_shows_the_initial_and_the_favicon_draws_it(shop):
    soup = page(shop, "reviews")
    logo = soup.select_one("header .md-logo")
    assert logo.select_one(".rw-initial").get_text() == "T"
    assert logo.find("svg") is None and logo.find("img") is None  # no Material book
    icon = soup.find("link", rel="icon")
    assert (icon["href"], icon["type"]) == ("../assets/favicon.svg", "image/svg+xml")
    svg = (shop / "site/assets/favicon.svg").read_text(encoding="utf-8")
    assert '<circle cx="32" cy="32" r="32" fill="#1f4e5f"/>' in svg
    assert svg.endswith('fill="#ffffff">T</text></svg>\n')


def test_a_logo_is_the_header_picture_and_the_favicon(project):
    root = project({"2026/a.yml": review()}, config=CONFIG + "logo: mark.png\n")
    (root / "mark.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    build_project(root)
    soup = page(root, "reviews")
    assert soup.select_one("header .md-logo img")["src"] == "../assets/mark.png"
    assert soup.select(".rw-initial") == []
    icon = soup.find("link", rel="icon")
    assert icon["href"] == "../assets/mark.png" and not icon.has_attr("type")
    assert not (root / "site/assets/favicon.svg").exists()
    og = soup.find("meta", property="og:image")
    assert og["content"] == "https://reviews.example.org/shop/assets/mark.png"
    # A logo that is not there is an error at its line: tests/publish/test_logo.py.


@pytest.mark.parametrize(
    ("name", "initial"), [("Nordlys Friluft", "N"), ("«ærlig» sport", "Æ"), ("<&>", "★")]
)
def test_initial_of(name, initial):
    assert initial_of(name) == initial


@pytest.mark.parametrize("primary", ["#1f4e5f", "#d9822b", "#ffff00", "#000000", "#7fb3d5"])
def test_links_are_the_primary_colour_darkened_until_they_read(primary):
    colour = link_colour(primary)
    assert contrast(colour, "#ffffff") >= 4.5 and contrast(colour, "#f4f6f8") >= 4.5
    if contrast(primary, "#f4f6f8") >= 4.5:
        assert colour == primary


def test_the_colour_sheet_gives_links_and_the_header_readable_colours(project):
    root = project({"2026/a.yml": review()}, config=CONFIG + 'colors:\n  primary: "#ffd54f"\n')
    build_project(root)
    sheet = (root / "site/assets/reviewwall-colours.css").read_text(encoding="utf-8")
    assert "--md-primary-bg-color: #1b1b1b;" in sheet  # dark text on a light header
    link = re.search(r"--rw-link: (#[0-9a-f]{6});", sheet).group(1)
    assert contrast(link, "#ffffff") >= 4.5


# --- What the head says: description, Open Graph, canonical ---------------------------------------


@pytest.fixture(scope="module")
def hostile_shop(tmp_path_factory):
    from tests.conftest import make_project

    title = HOSTILE_TITLE.replace("'", "''")
    files = {
        "2026/2026-11-01-bad.yml": review(
            received="2026-11-01T10:00",
            title=f"'{title}'",
            text="'Never came & <script>x</script>.'",
            rating=1,
        )
    }
    root = make_project(tmp_path_factory.mktemp("hostile-head") / "shop", files, CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1793692800")
        build_project(root)
    return root


def head_tags(soup) -> dict[str, str]:
    head = soup.head
    tags = {"title": head.title.string}
    tags["description"] = head.find("meta", attrs={"name": "description"})["content"]
    tags["canonical"] = head.find("link", rel="canonical")["href"]
    for meta in head.find_all("meta", property=re.compile("^og:")):
        tags[meta["property"]] = meta["content"]
    return tags


def test_a_case_page_describes_itself_with_the_customer_words_escaped(hostile_shop):
    url = "https://reviews.example.org/shop/reviews/2026-11-01-bad/"
    soup = page(hostile_shop, "reviews/2026-11-01-bad")
    about = "Complaint on Google, Nov 1, 2026"
    description = (
        f"{about}: </title><script>window.__pwned=1</script>\"'&amp; <b>bold</b> – Never came & "
        "<script>x</script>."
    )
    headline = soup.head.title.string.split(" · ")[0]  # the case's own (case.py)
    assert headline.startswith("</title><script>window.__pwned=1</script>")
    assert head_tags(soup) == {
        "title": f"{headline} · {about} · Testbutikken",
        "description": description,
        "canonical": url,
        "og:type": "article",
        "og:site_name": "Testbutikken",
        "og:title": f"{headline} · {about}",
        "og:description": description,
        "og:url": url,
        "og:locale": "en_US",
    }
    raw = (hostile_shop / "site/reviews/2026-11-01-bad/index.html").read_text(encoding="utf-8")
    head = raw.split("</head>", 1)[0]
    assert "<script>window" not in head and "<b>" not in head
    assert 'content="Complaint on Google, Nov 1, 2026: &lt;/title&gt;&lt;script&gt;' in head


@pytest.mark.parametrize(
    ("url", "canonical", "title", "description"),
    [
        (
            "",
            "",
            "Testbutikken",
            "Every review we receive, our replies, and how each case ended.",
        ),
        (
            "reviews",
            "reviews/",
            "All reviews",
            "All reviews at Testbutikken, with our replies and how each case ended.",
        ),
        (
            "reviews/complaints",
            "reviews/complaints/",
            "Complaints",
            "Complaints at Testbutikken, with our replies and how each case ended.",
        ),
        (
            "policy",
            "policy/",
            "Review policy",
            "How Testbutikken collects, publishes and answers reviews. This page is generated from "
            "the same settings and files as the rest of the site, so it says what…",
        ),
        (
            "figures",
            "figures/",
            "Figures",
            "Every number here is computed from the review files when the site is built (last on "
            "Nov 3, 2026). Withheld reviews count in every figure; only their text…",
        ),
        (
            "changes",
            "changes/",
            "What your feedback changed",
            "Every change we made because a customer told us something, newest first, with the "
            "case behind it. Bad feedback is how we learn.",
        ),
        (
            "embed",
            "embed/",
            "Badge for your website",
            "Copy the HTML below into any web page to show these figures, with a link to this "
            "site. It loads one picture from this site: no script, no cookies, nothing…",
        ),
        (  # an evidence page has no description of its own: the site's
            "figures/all/received",
            "figures/all/received/",
            "Reviews received · All time",
            "Every review we receive, our replies, and how each case ended.",
        ),
    ],
)
def test_every_page_tells_search_engines_and_shared_links_what_it_is(
    shop, url, canonical, title, description
):
    tags = head_tags(page(shop, url))
    address = f"https://reviews.example.org/shop/{canonical}"
    assert tags == {
        "title": f"{title} · Testbutikken" if url else title,
        "description": description,
        "canonical": address,
        "og:type": "website",
        "og:site_name": "Testbutikken",
        "og:title": title,
        "og:description": description,
        "og:url": address,
        "og:locale": "en_US",
    }


def test_without_a_site_url_there_is_no_address_to_give(project):
    root = project({"2026/a.yml": review()})
    build_project(root)
    head = page(root, "reviews").head
    assert head.find("link", rel="canonical") is None
    assert head.find("meta", property="og:url") is None
    assert head.find("meta", property="og:title")["content"] == "All reviews"


@pytest.mark.parametrize(
    ("language", "locale"), [("nb", "nb_NO"), ("en", "en_US"), ("de-AT", "de_AT"), ("xx", "en_US")]
)
def test_og_locale(language, locale):
    assert og_locale(language) == locale


# --- Headings and the policy's channels in the site's language ------------------------------------


@pytest.mark.parametrize("url", ["", "reviews", "reviews/praise"])
def test_listing_pages_never_skip_a_heading_level(shop, url):
    levels = [int(h.name[1]) for h in content(page(shop, url)).find_all(re.compile("^h[1-6]$"))]
    assert levels[0] == 1 and 3 in levels
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False))


NORWEGIAN = """\
name: Testbutikken
language: nb
timezone: Europe/Oslo
promise:
  first_reply: 24h
  first_reply_per_channel:
    email: 48h
"""


def test_the_policy_names_channels_in_norwegian(project):
    root = project(
        {
            "2026/a.yml": review(channel="email", kind="question"),
            "2026/b.yml": review(channel="in-store", received="2026-11-02T10:00"),
            "2026/c.yml": review(channel="google", received="2026-11-02T11:00"),
        },
        NORWEGIAN,
    )
    build_project(root)
    policy = content(page(root, "policy"))
    assert [li.get_text() for li in policy.select(".rw-policy-channels li")] == [
        "Google",
        "E-post",
        "I butikken",
    ]
    private = policy.select_one(".rw-policy-channels").find_next_sibling("p").get_text()
    assert private == (
        "Det kunder skriver til oss privat (e-post og i butikken), publiseres uten navn, med "
        "mindre de sier ja til mer."
    )
    promise = policy.find("p", string=re.compile("^Vi lover")).find_next_sibling("ul")
    assert [li.get_text() for li in promise.select("li")] == ["E-post: 2 døgn"]
    wall = content(page(root, "reviews"))
    assert wall.select_one("details.rw-filter summary").get_text() == "Viser: Alle omtaler (3)"
    assert [a.contents[0].strip() for a in wall.select(".rw-filters a")][-3:] == [
        "Google",
        "E-post",
        "I butikken",
    ]
