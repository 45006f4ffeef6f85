"""The site's own words: every `labels:` override in site_config.yml names a phrase the pages
use, and keeps to the placeholders that phrase is filled with.

A placeholder the pages do not fill would stop the build halfway with Python's KeyError; one
that reaches into a value (`{count.__class__}`) would print what no page should. Both are errors
at their line, before anything is built.
"""

from __future__ import annotations

from string import Formatter

from ..read.config import CONFIG_FILE, SiteConfig
from ..read.problems import Problems, did_you_mean
from ..words.catalog import catalog_language, english, languages

# What people write for a language, and its tag.
LANGUAGE_NAMES = {
    "english": "en",
    "norwegian": "nb",
    "norsk": "nb",
    "bokmal": "nb",
    "bokmål": "nb",
    "nynorsk": "nn",
    "swedish": "sv",
    "svenska": "sv",
    "danish": "da",
    "dansk": "da",
    "finnish": "fi",
    "suomi": "fi",
}


def check_language(config: SiteConfig) -> Problems:
    """Return an error at `language:` when reviewwall has no catalog for it."""
    problems = Problems()
    key = "languages" if "languages" in config.lines else "language"
    for language in config.all_languages:
        if catalog_language(language) is None:
            meant = LANGUAGE_NAMES.get(language.strip().lower())
            hint = f"; did you mean '{meant}'?" if meant else ""
            problems.error(
                CONFIG_FILE,
                config.lines.get(key, 1),
                f"{key}: reviewwall has no words in '{language}'; expected one of: "
                f"{', '.join(languages())} (a region may follow, like nb-NO){hint}",
            )
    return problems


def placeholders(phrase: str) -> list[str] | None:
    """Return the placeholders of a phrase, as written ({name:spec}), or None if it cannot be
    filled (a lone brace)."""
    try:
        return [
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
            for _, name, spec, conversion in Formatter().parse(phrase)
            if name is not None
        ]
    except ValueError:
        return None


def check_labels(config: SiteConfig) -> Problems:
    """Return a problem for each override of an unknown phrase or with a placeholder its phrase
    does not have."""
    problems = Problems()
    for key, phrase in config.labels.items():
        line = config.label_lines.get(key, 1)
        phrases = english()
        if key not in phrases:
            hint = did_you_mean(key, phrases)
            problems.warn(CONFIG_FILE, line, f"labels.{key}: unknown phrase, ignored{hint}")
            continue
        source = phrases[key]
        # Every language fills the same placeholders: English shows which.
        allowed = (placeholders(source.singular) or []) + (placeholders(source.plural or "") or [])
        if not allowed:
            continue  # shown as written: braces are plain text
        found = placeholders(phrase)
        if found is None:
            problems.error(
                CONFIG_FILE,
                line,
                f"labels.{key}: a brace that is not a placeholder; write {{{{ or }}}} for a brace "
                f"itself, and use only {', '.join(dict.fromkeys(allowed))}",
            )
            continue
        for unknown in dict.fromkeys(p for p in found if p not in allowed):
            problems.error(
                CONFIG_FILE,
                line,
                f"labels.{key}: unknown placeholder {unknown}; this phrase can use "
                f"{', '.join(dict.fromkeys(allowed))}",
            )
    return problems
