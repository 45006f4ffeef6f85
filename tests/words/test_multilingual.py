"""One site in several languages: `languages: [nb, sv, fi]`, built for real."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.publish.build import build
from tests.conftest import build_project, problems_of, review

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://omtaler.nordlysfriluft.no/"


def _sample(root: Path, languages: str) -> Path:
    shutil.copytree(ROOT / "reviews", root / "reviews")
    config = (ROOT / "site_config.yml").read_text("utf-8")
    config = re.sub(r"(?m)^language: .*$", f"languages: {languages}", config)
    (root / "site_config.yml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = _sample(tmp_path_factory.mktemp("multi"), "[nb, sv, fi]")
    build_project(root)
    return root / "site"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _file_of(site: Path, page: Path, href: str) -> Path:
    """Return the file a link on `page` leads to (an absolute link on the site's own address)."""
    here = "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(SITE_URL.rstrip("/") + here, href)).path
    if not target.startswith(urlsplit(SITE_URL).path):
        raise AssertionError(f"{href} leaves the site")
    path = site / target.lstrip("/")
    return path / "index.html" if target.endswith("/") else path


def test_each_language_has_every_page(site):
    for language, folder in (("nb", site), ("sv", site / "sv"), ("fi", site / "fi")):
        assert _soup(folder / "index.html").html["lang"] == language
    cases = {p.name for p in (site / "reviews").iterdir() if (p / "index.html").is_file()}
    for language in ("sv", "fi"):
        there = {p.name for p in (site / language / "reviews").iterdir()}
        assert cases <= there
    assert (site / "admin" / "index.html").is_file()  # one editor, at the root
    assert not (site / "sv" / "admin").exists()
    assert "/sv/" in (site / "sv" / "sitemap.xml").read_text("utf-8")


def test_the_figures_are_the_same_in_every_language(site):
    def numbers(folder: Path) -> list[str]:
        figures = _soup(folder / "index.html").select(".rw-figures strong")
        return [re.sub(r"\D", "", figure.get_text()) for figure in figures]

    assert numbers(site) == numbers(site / "sv") == numbers(site / "fi")
    assert len(numbers(site)) == 5


def test_the_switcher_leads_to_the_same_page_in_each_language(site):
    page = "reviews/2026-03-24-petra-lagerstatus/index.html"
    for folder in (site, site / "sv", site / "fi"):
        links = _soup(folder / page).select("a.md-select__link")
        assert [a["hreflang"] for a in links] == ["nb", "sv", "fi"]
        assert [a.get_text(strip=True) for a in links] == ["Norsk bokmål", "Svenska", "Suomi"]
        for link in links:
            target = _file_of(site, folder / page, link["href"])
            assert target.is_file(), link["href"]
            assert _soup(target).html["lang"] == link["hreflang"]
            assert target.parent.name == "2026-03-24-petra-lagerstatus"


def test_hreflang_links_name_every_language_and_a_default(site):
    page = site / "sv" / "figures" / "index.html"
    links = {
        link["hreflang"]: link["href"]
        for link in _soup(page).find_all("link", rel="alternate", hreflang=True)
    }
    assert links == {
        "nb": f"{SITE_URL}figures/",
        "x-default": f"{SITE_URL}figures/",
        "sv": f"{SITE_URL}sv/figures/",
        "fi": f"{SITE_URL}fi/figures/",
    }


def test_the_customers_words_keep_their_language(site):
    page = _soup(site / "fi" / "reviews" / "2026-03-24-petra-lagerstatus" / "index.html")
    assert page.html["lang"] == "fi"
    assert page.select_one(".rw-case")["lang"] == "nb"
    english = _soup(site / "sv" / "reviews" / "2026-07-19-megan-whale-safari" / "index.html")
    assert english.select_one(".rw-case")["lang"] == "en"


def test_the_wall_can_be_filtered_by_the_customers_language(site):
    wall = _soup(site / "sv" / "reviews" / "index.html")
    group = wall.find(id="rw-filter-language")
    assert group.get_text(strip=True) == "Efter kundens språk"
    entries = [a.get_text(" ", strip=True) for a in group.find_next("ul").select("a")]
    assert entries == ["Engelska 3", "Finska 2", "Norskt bokmål 38", "Svenska 2"]
    swedish = _soup(site / "sv" / "reviews" / "language" / "sv" / "index.html")
    assert {card["lang"] for card in swedish.select("article.rw-card")} == {"sv"}


def test_a_site_in_one_language_has_no_switcher(project):
    root = project({"2026/2026-11-03-kari.yml": review()})
    build_project(root)
    home = _soup(root / "site" / "index.html")
    assert home.select("a.md-select__link") == []
    assert home.find_all("link", hreflang=True) == []


def test_a_language_dropped_from_the_list_leaves_the_site(tmp_path):
    root = _sample(tmp_path / "shop", "[nb, da]")
    build_project(root)
    assert (root / "site" / "da" / "index.html").is_file()
    config = root / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("[nb, da]", "[nb]"), "utf-8")
    build_project(root)
    assert not (root / "site" / "da").exists()
    assert not (root / "build" / "languages" / "da").exists()


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        (
            "name: Shop\nlanguages: [nb, sw, fi]\n",
            "site_config.yml:2: languages: reviewwall has no words in 'sw'; expected one of: en, "
            "nb, nn, sv, da, fi (a region may follow, like nb-NO)",
        ),
        (
            "name: Shop\nlanguage: sv\nlanguages: [nb, sv]\n",
            "site_config.yml:2: language: 'sv' is not the first of languages (nb, sv), which is "
            "the site's own language; leave language out, or put it first there",
        ),
    ],
)
def test_a_wrong_languages_list_is_one_error_at_its_line(project, config, problem, fixed_now):
    root = project({"2026/2026-11-03-kari.yml": review()}, config=config)
    assert problems_of(root) == [problem]
    assert build(root).problems.errors
    assert not (root / "site").exists()


def test_zensical_builds_the_same_languages(tmp_path):
    root = _sample(tmp_path / "shop", "[nb, sv]")
    build_project(root, engine="zensical")
    site = root / "site"
    page = site / "sv" / "reviews" / "2026-03-24-petra-lagerstatus" / "index.html"
    links = _soup(page).select("a.md-select__link")
    assert [a["hreflang"] for a in links] == ["nb", "sv"]
    for link in links:
        assert _soup(_file_of(site, page, link["href"])).html["lang"] == link["hreflang"]
