"""The gettext catalogs: extracted from the code and templates, complete in every language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from string import Formatter

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from generator.words.catalog import (
    DOMAIN,
    LOCALE_DIR,
    TEMPLATE,
    catalog_language,
    english,
    languages,
)
from generator.words.labels import read_labels

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in languages() if language != "en"]


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _messages(catalog) -> dict[str, object]:
    return {message.context: message.id for message in catalog if message.id}


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_six_languages():
    assert languages() == ("en", "nb", "nn", "sv", "da", "fi")
    assert (catalog_language("nb-NO"), catalog_language("no"), catalog_language("fi_FI")) == (
        "nb",
        "nb",
        "fi",
    )
    assert catalog_language("de") is None


def test_the_template_is_what_babel_extracts_from_the_code_and_templates(tmp_path):
    extracted = tmp_path / "fresh.pot"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "generator/words/babel.cfg",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-c",
            "TRANSLATORS:",
            "-o",
            str(extracted),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert extracted.read_text("utf-8") == TEMPLATE.read_text("utf-8"), "run make messages"


def test_every_key_has_one_english_phrase():
    contexts = [message.context for message in _read(TEMPLATE) if message.id]
    assert len(contexts) == len(set(contexts)) == len(english())
    assert english()["shown"].plural == "{count} reviews shown"
    assert english()["headline_reviews"].plural == "reviews"  # from templates/pages/home.html


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_phrase_is_translated_in_every_catalog(language):
    catalog = _read(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert _messages(catalog) == _messages(_read(TEMPLATE)), "run make messages"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = set().union(*(_names(source) for source in sources))
        needed = allowed - {"count"}  # a language may say "one" in words
        if message.fuzzy:
            problems.append(f"{message.context}: fuzzy")
        if len(forms) != (catalog.num_plurals if isinstance(message.id, tuple) else 1):
            problems.append(f"{message.context}: {len(forms)} forms")
        for form in forms:
            if not form.strip():
                problems.append(f"{message.context}: empty")
            elif not needed <= _names(form) <= allowed:
                problems.append(f"{message.context}: placeholders {sorted(_names(form))}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_follow_the_count(language):
    labels = read_labels(language, {})
    one, many = labels.count("shown", 1), labels.count("shown", 46)
    assert "1" in one and "46" in many and one.replace("1", "") != many.replace("46", "")


def test_finnish_uses_the_partitive_after_a_number():
    labels = read_labels("fi", {})
    assert labels.count("shown", 1) == "1 arvostelu näkyvissä"
    assert labels.count("shown", 46) == "46 arvostelua näkyvissä"


def test_an_override_wins_over_every_plural_form():
    labels = read_labels("fi", {"shown": "{count} palautetta"})
    assert (labels.count("shown", 1), labels.count("shown", 3)) == ("1 palautetta", "3 palautetta")
    assert read_labels("sv", {"read_case": "Läs allt"})["read_case"] == "Läs allt"


def test_the_theme_speaks_every_language():
    material = Path(__import__("material").__file__).parent / "templates/partials/languages"
    for language in languages():
        assert (material / f"{language}.html").is_file(), language
        Locale.parse(language)  # Babel has its dates, numbers and durations
