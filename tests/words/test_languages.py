"""Each language's site, built for real: no English phrase shows where a customer reads.

The sample shop's reviews are built with every text the customer or staff wrote replaced by
words of no language, so what is left on the pages is reviewwall's own: the phrases, the theme's
chrome, dates, numbers and durations. None of reviewwall's English phrases may be among them,
unless the language writes that phrase the same way.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from generator.words.catalog import DOMAIN, LOCALE_DIR, english, languages
from tests.conftest import build_project

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in languages() if language != "en"]
NEUTRAL = "Qwv zxk"  # words of no language
# What the customer and staff write; the rest of a review file is facts and vocabulary.
WORDS = {"author", "title", "text", "by", "summary", "customer_said", "change"}
# The theme's own phrases, which Material translates by `theme.language`.
THEME = [
    "Skip to content",
    "Back to top",
    "Search",
    "Type to start searching",
    "Initializing search",
]


def _neutral(value):
    if isinstance(value, dict):
        return {key: NEUTRAL if key in WORDS else _neutral(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_neutral(item) for item in value]
    return value


def _project(root: Path, language: str) -> Path:
    for path in (ROOT / "reviews").rglob("*.yml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        data = {**_neutral(data), "language": language}
        target = root / "reviews" / path.relative_to(ROOT / "reviews")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Dates stay text, as the files have them.
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    config = (ROOT / "site_config.yml").read_text("utf-8")
    config = re.sub(r"(?m)^language: .*$", f"language: {language}", config)
    config = re.sub(r"(?ms)^intro: \|\n(  .*?\n)+", f"intro: {NEUTRAL}\n", config)
    (root / "site_config.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def _visible(site: Path) -> dict[str, str]:
    """Return what a visitor reads on each page, the feed and the badge: text and the
    attributes that speak (alt, title, aria-label, placeholder, the description)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        if path.parts[-2] == "admin":
            continue  # the staff's editor, in English
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for element in soup(["script", "style", "svg"]):
            element.decompose()
        said = [soup.get_text(" ", strip=True)]
        for element in soup.find_all(True):
            said += [
                element.get(name, "") for name in ("alt", "title", "aria-label", "placeholder")
            ]
        description = soup.find("meta", attrs={"name": "description"})
        said.append(description["content"] if description else "")
        found[str(path.relative_to(site))] = " ".join(said)
    for name in ("feed.xml", "badge.svg"):
        tree = ElementTree.parse(site / name)
        found[name] = " ".join(tree.getroot().itertext())
    return found


def _english_fragments(language: str) -> list[str]:
    """Return the pieces of English phrases, between placeholders, that the language says
    otherwise: two words or more, or one long word."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        # What the translator wrote, not what a page would show: an untranslated phrase shows
        # in English, and must be found.
        written = {message.context: message.string for message in read_po(handle)}
    fragments = set()
    for key, phrase in english().items():
        forms = [phrase.singular] + ([phrase.plural] if phrase.plural else [])
        if written.get(key) == phrase.singular:
            continue  # the same in this language ("Status", "Chat")
        for form in forms:
            for piece in re.split(r"\{[^}]*\}", form):
                piece = piece.strip(" .,:;()–-·→★✓“”\"'")
                if len(piece.split()) >= 2 or len(piece) >= 9:
                    fragments.add(piece)
    return sorted(fragments)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    sites = {}

    def site(language: str) -> Path:
        if language not in sites:
            root = _project(tmp_path_factory.mktemp(language), language)
            build_project(root)
            sites[language] = root / "site"
        return sites[language]

    return site


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_phrase_on_any_page(built, language, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    pages = _visible(built(language))
    fragments = _english_fragments(language) + THEME
    found = [
        f"{page}: {fragment!r}"
        for page, text in pages.items()
        for fragment in fragments
        if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text)
    ]
    assert found == []
    assert len(pages) > 50


def test_the_english_site_shows_the_english_phrases(built, monkeypatch):
    """The test above can fail: on the English site the fragments are there."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    pages = _visible(built("en"))
    everything = " ".join(pages.values())
    fragments = _english_fragments("fi")
    shown = [fragment for fragment in fragments if fragment in everything]
    assert len(shown) > len(fragments) / 3
    assert "Skip to content" in everything


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "arvostelua"),
        ("sv", "recensioner"),
        ("da", "anmeldelser"),
        ("nn", "omtalar"),
        ("nb", "omtaler"),
    ],
)
def test_the_home_page_counts_in_the_language(built, language, expected, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    soup = BeautifulSoup((built(language) / "index.html").read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == language
    headline = soup.select_one(".rw-headline li").get_text(" ", strip=True)
    assert headline == f"46 {expected}"
