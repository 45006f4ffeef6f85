"""The gettext catalogs: every phrase in English (reviewwall.pot) and in each language (<lang>.po).

A phrase is known by its context, its key (`read_case`); its English is the message id. The .po
files are compiled when a build first needs them (Babel writes the .mo in memory: nothing to run
at install, nothing stale on disk). A language is supported when it has a catalog: adding one is
copying reviewwall.pot to locale/<lang>/LC_MESSAGES/reviewwall.po and translating it.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "reviewwall"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
SOURCE_LANGUAGE = "en"
_ORDER = {"nb": 1, "nn": 2, "sv": 3, "da": 4, "fi": 5}


@dataclass(frozen=True, slots=True)
class Phrase:
    """One phrase in English: its key, and its plural when a count decides the form."""

    key: str
    singular: str
    plural: str | None = None


@cache
def english() -> dict[str, Phrase]:
    """Return every phrase by key, in English, from the catalog template."""
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    phrases = {}
    for message in template:
        if not message.id or not message.context:
            continue
        if isinstance(message.id, tuple):
            phrases[message.context] = Phrase(message.context, message.id[0], message.id[1])
        else:
            phrases[message.context] = Phrase(message.context, message.id)
    return phrases


@cache
def languages() -> tuple[str, ...]:
    """Return the languages reviewwall speaks: English and every language with a catalog."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    # The Nordic ones in the order people look for them; any other alphabetically after.
    return (SOURCE_LANGUAGE, *sorted(found, key=lambda name: (_ORDER.get(name, 99), name)))


def catalog_language(language: str) -> str | None:
    """Return the catalog a language tag is written in (nb-NO → nb, no → nb), or None."""
    primary = language.replace("_", "-").split("-")[0].lower()
    primary = {"no": "nb"}.get(primary, primary)
    return primary if primary in languages() else None


@cache
def translations(language: str) -> gettext.NullTranslations:
    """Return a language's compiled catalog (English: the phrases as they are)."""
    name = catalog_language(language)
    if name in (None, SOURCE_LANGUAGE):
        return gettext.NullTranslations()
    with (LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle, locale=name, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: English shows until they are done
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def language_name(language: str, speaker: str) -> str:
    """Return a language's name as a speaker of another says it: sv for nb speakers is 'Svensk',
    sv for sv speakers 'Svenska'; the tag itself where Babel knows no name."""
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(
            Locale.parse(speaker.replace("-", "_"))
        )
    except (ValueError, UnknownLocaleError):
        name = None
    name = name or language
    return name[:1].upper() + name[1:]


class SiteTranslations:
    """A language's catalog with the site's `labels:` on top, as gettext calls.

    Installed in the templates' Jinja2 i18n extension, and behind every Labels: an override of a
    key wins over the catalog, in every form of a plural phrase.
    """

    def __init__(self, language: str, overrides: dict[str, str]):
        self.catalog = translations(language)
        self.overrides = overrides

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalog.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        if context in self.overrides:
            return self.overrides[context]
        return self.catalog.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        if context in self.overrides:
            return self.overrides[context]
        return self.catalog.npgettext(context, singular, plural, count)
