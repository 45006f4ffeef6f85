"""The figures page, its evidence pages and charts, /changes/ and the ledger, in a built site.

Built from tests/figure_set.py at its fixed NOW; letters name the reviews as there. D is withheld:
it is counted on every page and shown on none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from defusedxml import ElementTree

from generator.publish.build import build
from tests.conftest import BASE_CONFIG, content, page, review
from tests.figure_set import CONFIG, NOW, REVIEWS
from tests.measure.test_figures import IDS

SVG = "{http://www.w3.org/2000/svg}"

# Every figure's evidence page: the reviews behind it per period (D is counted, never listed).
YEAR = {
    "received": "ABCDEFGJ",
    "channel-facebook": "BF",
    "channel-google": "ADEG",
    "channel-email": "CJ",
    "kind-complaint": "ABCDE",
    "kind-mixed": "G",
    "kind-praise": "F",
    "kind-question": "J",
    "average": "ABDEFG",
    "complaints-answered": "ABCDE",
    "answered": "ABCDEFGJ",
    "first-reply": "ABCDG",
    "first-reply-facebook": "B",
    "first-reply-google": "ADG",
    "first-reply-email": "C",
    "outcome-open": "E",
    "outcome-resolved": "AC",
    "outcome-explained": "B",
    "outcome-unresolved": "D",
    "time-to-resolve": "ABC",
    "won-back": "A",
    "rule-of-two": "ABCDG",
    "changes": "ACD",
}
# All time adds H (google, praise, 1 h) and I (facebook, complaint, 48 h, resolved, won back).
ALL = {
    **YEAR,
    "received": "ABCDEFGJHI",
    "channel-facebook": "BFI",
    "channel-google": "ADEGH",
    "kind-complaint": "ABCDEI",
    "kind-praise": "FH",
    "average": "ABDEFGHI",
    "complaints-answered": "ABCDEI",
    "answered": "ABCDEFGJHI",
    "first-reply": "ABCDGHI",
    "first-reply-facebook": "BI",
    "first-reply-google": "ADGH",
    "outcome-resolved": "ACI",
    "time-to-resolve": "ABCI",
    "won-back": "AI",
    "rule-of-two": "ABCDGHI",
    "changes": "ACDI",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from tests.conftest import make_project

    root = make_project(tmp_path_factory.mktemp("showcase") / "shop", REVIEWS, CONFIG)
    project = build(root, now=NOW)
    assert not project.problems.errors, [str(p) for p in project.problems]
    return root


def case_ids(links) -> list[str]:
    return [re.fullmatch(r"(?:\.\./)+reviews/([^/]+)/", a["href"]).group(1) for a in links]


def letters_to_ids(letters: str) -> set[str]:
    return {IDS[letter] for letter in letters if letter != "D"}


def figure_links(site: Path) -> dict[str, str]:
    """Return every linked number on /figures/: its evidence URL -> the number shown."""
    table_links = content(page(site, "figures/")).select("table.rw-figure-table a.rw-figure-value")
    return {a["href"]: a.get_text(strip=True) for a in table_links}


def test_figures_page_has_both_period_columns(site):
    for table in content(page(site, "figures/")).select("table.rw-figure-table"):
        heads = [th.get_text(strip=True) for th in table.select("thead th")]
        assert heads == ["Figure", "Last 12 months", "All time"]


def test_every_figure_links_to_its_evidence_page(site):
    expected = {f"year/{key}/" for key in YEAR} | {f"all/{key}/" for key in ALL}
    assert set(figure_links(site)) == expected


@pytest.mark.parametrize(("period", "figures"), [("year", YEAR), ("all", ALL)])
def test_evidence_pages_list_exactly_the_cases_behind_each_figure(site, period, figures):
    for key, letters in figures.items():
        body = content(page(site, f"figures/{period}/{key}/"))
        listed = case_ids(body.select("ul.rw-evidence-list a"))
        assert set(listed) == letters_to_ids(letters), key
        assert listed == sorted(listed, key=lambda i: i.split("-", 3)[:3]), key  # oldest first
        note = body.select_one(".rw-withheld-note")
        if "D" in letters:
            assert note.get_text(strip=True) == (
                "Withheld and removed reviews counted here too (their text is not published): 1."
            )
        else:
            assert note is None, key
        assert "Withheld review text" not in body.get_text()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "year/first-reply/",
            [("G", "2 hours"), ("C", "36 hours"), ("B", "30 hours · later than promised"),
             ("A", "2 hours")],
        ),  # C is e-mail: 48 hours promised
        (
            "year/answered/",
            [("G", "answered in public"), ("J", "not answered in public"),
             ("C", "answered in public"), ("B", "answered in public"),
             ("A", "answered in public"), ("E", "not answered in public"),
             ("F", "not answered in public")],
        ),  # J has a private entry only
        (
            "all/time-to-resolve/",
            [("I", "10 days"), ("C", "9 days"), ("B", "2 days"), ("A", "4 days")],
        ),
        ("all/won-back/", [("I", "2 → 5 ★"), ("A", "1 → 4 ★")]),
        (
            "year/rule-of-two/",
            [("G", "public replies: 3"), ("C", "public replies: 1"), ("B", "public replies: 1"),
             ("A", "public replies: 1")],
        ),
        ("year/received/", [("G", ""), ("J", ""), ("C", ""), ("B", ""), ("A", ""), ("E", ""),
                            ("F", "")]),
    ],
)  # fmt: skip
def test_evidence_pages_say_what_each_case_adds(site, url, expected):
    items = content(page(site, f"figures/{url}")).select("ul.rw-evidence-list li")
    found = [
        (case_ids([li.a])[0], li.select_one(".rw-evidence-note").get_text() if li.strong else "")
        for li in items
    ]
    assert found == [(IDS[letter], note) for letter, note in expected]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("year/complaints-answered/", "Complaints answered in public"),
        ("year/outcome-open/", "How complaints ended: Open"),
        ("all/first-reply/", "Time to first public reply: All channels"),
        ("all/first-reply-facebook/", "Time to first public reply: Facebook"),
        ("year/channel-google/", "Reviews received: Google"),
        ("year/kind-praise/", "Reviews received: Praise"),
    ],
)
def test_evidence_page_titles_say_which_figure(site, url, title):
    soup = page(site, f"figures/{url}")
    assert content(soup).h1.get_text(strip=True) == title
    period = "Last 12 months" if url.startswith("year/") else "All time"
    assert soup.title.get_text() == f"{title} · {period} · Testbutikken"


def test_evidence_lists_status_only_for_cases_that_need_an_outcome(site):
    items = content(page(site, "figures/year/received/")).select("ul.rw-evidence-list li")
    text = {case_ids([li.a])[0]: li.get_text(" ", strip=True) for li in items}
    assert text[IDS["E"]].endswith("· Eva L. · 1 ★ · Open")  # a complaint waiting
    assert text[IDS["F"]].endswith("· Finn M. · 5 ★")  # a thank-you needs no outcome


def test_figure_values_as_shown(site):
    shown = figure_links(site)
    assert shown["year/received/"] == "8"
    assert shown["all/received/"] == "10"
    assert shown["year/complaints-answered/"] == "80%"
    assert shown["all/complaints-answered/"] == "83%"
    assert shown["all/answered/"] == "70%"
    assert shown["year/average/"] == "2.2 ★"
    assert shown["all/average/"] == "2.5 ★"
    assert shown["year/first-reply/"] == "2 hours"
    assert shown["year/time-to-resolve/"] == "4 days"
    assert shown["year/outcome-resolved/"] == "40%"
    assert shown["all/won-back/"] == "2"
    assert shown["all/rule-of-two/"] == "86%"
    assert shown["year/changes/"] == "3"


def test_first_reply_detail_names_the_percentile_and_promise(site):
    cell = content(page(site, "figures/")).select_one('a[href="year/first-reply/"]').parent
    details = [span.get_text(strip=True) for span in cell.select(".rw-detail")]
    assert details == [
        "9 in 10 within 36 hours · 4 of 5 within the promise of each channel's own",
        "1 withheld",
    ]


def test_ledger_on_the_figures_page_and_under_the_wall(site):
    line = content(page(site, "figures/")).select_one(".rw-ledger-line").get_text(strip=True)
    assert line == (
        "Reviews received: 10. Shown in full: 7. Shown without a name: 2. Withheld: 1. "
        "Withheld from private channels (e-mail, phone, chat, web form, in store): 0; "
        "from public channels: 1."
    )
    # Every page's footer says it, linking to the ledger on the figures page.
    for url, link in (
        ("reviews/", "../figures/#rw-ledger-title"),
        ("", "figures/#rw-ledger-title"),
    ):
        footer = page(site, url).select_one("footer.rw-footer .rw-ledger")
        assert footer.get_text(" ", strip=True) == (
            "Reviews received: 10. Shown in full: 7. Shown without a name: 2. Withheld: 1. Figures"
        )
        assert footer.a["href"] == link


def chart_svgs(site: Path) -> dict[str, object]:
    """Return each chart's SVG parsed as XML from the page's own bytes (not an HTML parser's)."""
    html = (site / "site/figures/index.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg class="rw-chart".*?</svg>', html, flags=re.DOTALL)
    parsed = [ElementTree.fromstring(svg) for svg in svgs]
    return {svg.get("id"): svg for svg in parsed}


def chart_table(site: Path, chart_id: str) -> list[list[str]]:
    figure = content(page(site, "figures/")).select_one(f"#{chart_id}").find_parent("figure")
    return [[c.get_text(strip=True) for c in tr.select("th, td")] for tr in figure.select("tr")]


def test_three_charts_parse_as_xml_with_title_and_description(site):
    charts = chart_svgs(site)
    assert list(charts) == ["rw-chart-ratings", "rw-chart-first-reply", "rw-chart-complaints"]
    titles = {key: svg.find(f"{SVG}title").text for key, svg in charts.items()}
    assert titles == {
        "rw-chart-ratings": "Ratings, all time",
        "rw-chart-first-reply": "Median time to first public reply, by month",
        "rw-chart-complaints": "Complaints received and resolved, by month",
    }
    for svg in charts.values():
        assert svg.find(f"{SVG}desc").text
        assert svg.get("role") == "img"
    assert "promise of 24 hours" in charts["rw-chart-first-reply"].find(f"{SVG}desc").text


def test_rating_chart_and_its_table_show_the_same_counts(site):
    svg = chart_svgs(site)["rw-chart-ratings"]
    values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "rw-chart-value"]
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert values == ["2", "0", "1", "2", "3"]  # 5★ F H; 3★ G; 2★ B I; 1★ A D E
    assert widths == [184, 0, 92, 184, 276]  # 276 units for the largest count
    assert chart_table(site, "rw-chart-ratings") == [
        ["Rating", "Reviews"],
        ["5 ★", "2"],
        ["4 ★", "0"],
        ["3 ★", "1"],
        ["2 ★", "2"],
        ["1 ★", "3"],
    ]


def test_complaints_chart_and_its_table_show_the_same_months(site):
    svg = chart_svgs(site)["rw-chart-complaints"]
    heights = {
        series: [
            float(r.get("height"))
            for r in svg.iter(f"{SVG}rect")
            if series in r.get("class") and "rw-chart-key" not in r.get("class")
        ]
        for series in ("rw-series-received", "rw-series-settled")
    }
    # Twelve months, Dec 2025 to Nov 2026; the axis tops out at 2, which is 166 units high.
    assert heights["rw-series-received"][:8] == [0] * 8
    assert heights["rw-series-received"][8:] == [83, 83, 83, 166]  # D, C, B, A and E
    assert heights["rw-series-settled"][8:] == [0, 83, 83, 83]  # C, B, A (D is unresolved)
    rows = chart_table(site, "rw-chart-complaints")
    assert rows[0] == ["Month", "Received", "Resolved"]
    assert rows[1] == ["December 2025", "0", "0"]
    assert rows[-4:] == [
        ["August 2026", "1", "0"],
        ["September 2026", "1", "1"],
        ["October 2026", "1", "1"],
        ["November 2026", "2", "1"],
    ]


def test_first_reply_chart_draws_the_promise_and_a_column_per_answered_month(site):
    svg = chart_svgs(site)["rw-chart-first-reply"]
    columns = [r for r in svg.iter(f"{SVG}rect") if "rw-series-reply" in r.get("class")]
    # Jun 2 h, Aug 1 h, Sep 36 h, Oct 30 h, Nov 2 h; the axis tops out at 50 h (166 units).
    assert [float(r.get("height")) for r in columns] == [6.64, 3.32, 119.52, 99.6, 6.64]
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "promise 24h" in labels and "50h" in labels
    rows = chart_table(site, "rw-chart-first-reply")
    assert rows[0] == ["Month", "Median", "Answered"]
    assert rows[7] == ["June 2026", "2 hours", "1"]
    assert rows[8] == ["July 2026", "–", "0"]  # J has only a private entry


def test_changes_page_lists_every_change_newest_first_with_its_case(site):
    body = content(page(site, "changes/"))
    items = body.select("article.rw-change-item")
    assert [i.select_one(".rw-text").get_text(strip=True) for i in items] == [
        "Boots now ship in a box.",
        "Refunds now go out the same day.",
        "The phone line is open on Saturdays.",
    ]
    assert [i.time["datetime"] for i in items] == ["2026-11-05", "2026-09-10", "2025-03-13"]
    assert [case_ids(i.select(".rw-change-cases a")) for i in items] == [
        [IDS["A"]],
        [IDS["C"]],
        [IDS["I"]],
    ]
    assert body.select_one(".rw-withheld-note").get_text(strip=True) == (
        "Changes from withheld reviews, counted but not shown: 1."
    )
    assert "Withheld change text" not in (site / "site/changes/index.html").read_text()


def test_home_links_its_headline_to_the_figures_page(site):
    link = content(page(site, "")).select_one(".rw-headline .rw-all-figures a")
    assert link["href"] == "figures/"
    assert link.get_text(strip=True) == (
        "Every figure, how it is computed, and the cases behind it →"
    )


def test_a_site_without_reviews_shows_dashes_and_no_evidence(project):
    root = project(reviews={})
    assert not build(root, now=NOW).problems.errors
    body = content(page(root, "figures/"))
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.select("th .rw-figure-label, td")]
        for tr in body.select("table.rw-figure-table")[0].select("tbody tr")
    ]
    assert rows == [["Reviews received", "0", "0"], ["Average rating", "–", "–"]]
    assert body.select("a.rw-figure-value") == []
    assert not (root / "site/figures/year").exists()
    assert content(page(root, "changes/")).select_one(".rw-changes p + p").get_text() == (
        "No changes recorded yet."
    )


def test_nav_has_figures_and_changes(site):
    nav = page(site, "").select("nav.md-nav--primary > ul > li > a.md-nav__link")
    labels = [a.get_text(strip=True) for a in nav]
    assert labels[labels.index("Figures") + 1] == "What your feedback changed"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", None),
        (
            "repository: https://github.com/shop/reviews/\n",
            "https://github.com/shop/reviews/commits/main/reviews/2026/2026-11-03-kari.yml",
        ),
        (
            "repository: https://git.example/shop\nrepository_branch: live\n"
            "repository_host: github\n",
            "https://git.example/shop/commits/live/reviews/2026/2026-11-03-kari.yml",
        ),
    ],
)
def test_case_page_links_its_file_history_only_with_a_repository(project, extra, expected):
    thread = "\n  - at: 2026-11-03T09:00\n    text: Thank you!"
    root = project(
        reviews={"2026/2026-11-03-kari.yml": review(thread=thread)}, config=BASE_CONFIG + extra
    )
    assert not build(root, now=NOW).problems.errors
    link = content(page(root, "reviews/2026-11-03-kari/")).select_one(".rw-history a")
    assert (link and link["href"]) == expected


# --- The sample site on a phone (built once per test run: tests/conftest.py) ------------------


@pytest.mark.browser
@pytest.mark.parametrize("url", ["figures/", "changes/", "figures/year/complaints-answered/"])
def test_showcase_pages_fit_a_phone_without_errors(built_sample, serve_site, browser, url):
    server = serve_site(built_sample() / "site")
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server.url(url))
    tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} is {overflow}px wider than a 390px screen"
    widths = tab.eval_on_selector_all(
        "svg.rw-chart", "charts => charts.map(c => c.getBoundingClientRect().width)"
    )
    assert all(width >= 340 for width in widths), widths  # charts use the phone's whole width
    assert errors == []
    context.close()
