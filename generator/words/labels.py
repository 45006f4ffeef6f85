"""The words the pages use around the reviews, in the site's language.

The phrases come from the gettext catalogs (catalog.py); dates and durations from Babel.
site_config.yml `labels:` can override any phrase by its key, so a business can say things in its
own voice.
"""

from __future__ import annotations

from ..read.review import CHANNELS
from .catalog import SiteTranslations, english


class Labels(dict):
    """Phrases by key, in one language; `labels.say(key, **values)` fills the placeholders and
    `labels.count(key, n, **values)` picks a plural phrase's form for n first."""

    def __init__(self, phrases: dict[str, str], translations: SiteTranslations):
        super().__init__(phrases)
        self.translations = translations

    def say(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    def count(self, key: str, number: int, **values: object) -> str:
        phrase = english()[key]
        form = self.translations.npgettext(key, phrase.singular, phrase.plural, number)
        return form.format(count=number, **values)


def channel_labels(channels: dict[str, str], labels: Labels) -> dict[str, str]:
    """Return each channel's label: the site's own if it set one, else in the site's language."""
    return {
        name: label if label != CHANNELS.get(name) else labels.get(f"channel_{name}", label)
        for name, label in channels.items()
    }


def read_labels(language: str, overrides: dict[str, str]) -> Labels:
    """Return the phrases for a language (English where it has none), with the site's overrides.

    A plural phrase is here in its singular, for a key looked up without a count.
    """
    translations = SiteTranslations(language, overrides)
    phrases = {
        key: translations.pgettext(key, phrase.singular)
        if phrase.plural is None
        else translations.npgettext(key, phrase.singular, phrase.plural, 1)
        for key, phrase in english().items()
    }
    return Labels(phrases, translations)
