"""The words the pages use around the reviews, in the site's language.

Dates and durations are localized by Babel; these are the phrases. site_config.yml `labels:` can
override any of them, so a business can say things in its own voice.
"""

from __future__ import annotations

from ..read.review import CHANNELS

ENGLISH = {
    "home": "Home",
    "wall": "Reviews",
    "all_reviews": "All reviews",
    "complaints": "Complaints",
    "praise": "Praise",
    "open_cases": "Open cases",
    "resolved_cases": "Resolved cases",
    "channels": "By channel",
    "filter_by": "Show",
    "read_case": "Read the whole case",
    "our_reply": "Our reply",
    "no_reply_yet": "No public reply yet",
    "replies": "replies",
    "newer": "Newer",
    "older": "Older",
    "page_of": "Page {page} of {pages}",
    "review_count": "{count} reviews",
    "anonymous": "A customer",
    "verified": "Verified order",
    "unverified": "No order found",
    "status_open": "Open",
    "status_resolved": "Resolved",
    "status_explained": "Explained",
    "status_unresolved": "Unresolved",
    "kind_complaint": "Complaint",
    "kind_mixed": "Mixed",
    "kind_praise": "Praise",
    "kind_question": "Question",
    "kind_suggestion": "Suggestion",
    "action_apology": "Apology",
    "action_explanation": "Explanation",
    "action_refund": "Refund",
    "action_partial-refund": "Partial refund",
    "action_replacement": "Replacement",
    "action_repair": "Repair",
    "action_redelivery": "Redelivery",
    "action_discount": "Discount",
    "action_goodwill": "Goodwill gesture",
    "action_process-change": "Changed how we work",
    "via_email": "e-mail",
    "via_phone": "phone",
    "via_chat": "chat",
    "via_message": "private message",
    "via_in-store": "in the shop",
    "customer_wrote": "{name} wrote on {channel}",
    "customer_followed_up": "{name} followed up",
    "answered_after": "answered after {duration}",
    "replied_after": "replied {duration} later",
    "continued_privately": "Continued privately by {via} on {date}.",
    "edited_on": "edited on {date}",
    "outcome": "How it ended",
    "actions": "What we did",
    "rating_change": "Rating before and after",
    "customer_said": "The customer's last words",
    "what_changed": "What we changed because of this",
    "original_post": "See the original post",
    "stars": "{rating} out of 5 stars",
    "headline_reviews": "reviews",
    "headline_average": "average rating",
    "headline_reply_rate": "of complaints answered in public",
    "headline_first_reply": "median time to first reply",
    "headline_resolved": "of complaints resolved or explained",
    "rating_distribution": "Ratings",
    "latest_cases": "Latest cases",
    "see_all": "See all reviews",
    "received_on": "Received",
    "case_title": "{kind} on {channel}, {date}",
    "no_reviews": "No reviews here yet.",
    "customer": "Customer",
    # What stands in for private text the site masks (see privacy.py)
    "masked_email": "[e-mail removed]",
    "masked_phone": "[phone number removed]",
    "masked_other": "[{label} removed]",
    # What the site gives back: feed, badge, embed page, policy page
    "feed_title": "reviews and replies",
    "feed_subtitle": "Every review we receive, our replies, and how each case ended.",
    "badge_rating": "★ {rating}",
    "badge_answered": "{percent} of complaints answered",
    "badge_median": "median reply {duration}",
    "badge_empty": "no reviews yet",
    "badge_alt_rating": "average rating {rating} out of 5",
    "embed": "Badge for your website",
    "embed_intro": "Copy the HTML below into any web page to show these figures, with a link to "
    "this site. It loads one picture from this site: no script, no cookies, nothing that follows "
    "visitors. The picture is updated every time the site is built.",
    "embed_preview": "Preview",
    "embed_code": "HTML to copy",
    "embed_relative": "site_url is not set in site_config.yml, so the addresses in this HTML are "
    "relative and work only on this site. Set site_url to get HTML for other sites.",
    "policy": "Review policy",
    "feed": "Atom feed",
    "open_data": "All reviews as JSON",
    "figures": "Figures",
    "changes": "What your feedback changed",
    "ledger": "Received {received} reviews. Shown in full: {full}. Shown without name: "
    "{anonymous}. Withheld: {withheld}.",
    "ledger_removed": "Removed: {removed}.",
    "ledger_withheld": "Withheld from private channels (e-mail, phone, chat, web form, in store): "
    "{private}; from public channels: {public}.",
    "file_history": "History of this case's file",
    "all_figures": "Every figure, how it is computed, and the cases behind it",
}

NORWEGIAN = {
    "home": "Hjem",
    "wall": "Omtaler",
    "all_reviews": "Alle omtaler",
    "complaints": "Klager",
    "praise": "Ros",
    "open_cases": "Åpne saker",
    "resolved_cases": "Løste saker",
    "channels": "Etter kanal",
    "filter_by": "Vis",
    "read_case": "Les hele saken",
    "our_reply": "Vårt svar",
    "no_reply_yet": "Ikke besvart offentlig ennå",
    "replies": "svar",
    "newer": "Nyere",
    "older": "Eldre",
    "page_of": "Side {page} av {pages}",
    "review_count": "{count} omtaler",
    "anonymous": "En kunde",
    "verified": "Bekreftet ordre",
    "unverified": "Ingen ordre funnet",
    "status_open": "Åpen",
    "status_resolved": "Løst",
    "status_explained": "Forklart",
    "status_unresolved": "Ikke løst",
    "kind_complaint": "Klage",
    "kind_mixed": "Blandet",
    "kind_praise": "Ros",
    "kind_question": "Spørsmål",
    "kind_suggestion": "Forslag",
    "action_apology": "Beklagelse",
    "action_explanation": "Forklaring",
    "action_refund": "Refusjon",
    "action_partial-refund": "Delvis refusjon",
    "action_replacement": "Erstatning",
    "action_repair": "Reparasjon",
    "action_redelivery": "Ny levering",
    "action_discount": "Rabatt",
    "action_goodwill": "Kompensasjon",
    "action_process-change": "Endret rutiner",
    "via_email": "e-post",
    "via_phone": "telefon",
    "via_chat": "chat",
    "via_message": "privat melding",
    "via_in-store": "i butikken",
    "customer_wrote": "{name} skrev på {channel}",
    "customer_followed_up": "{name} svarte",
    "answered_after": "svarte etter {duration}",
    "replied_after": "svarte {duration} senere",
    "continued_privately": "Fortsatte privat på {via} {date}.",
    "edited_on": "redigert {date}",
    "outcome": "Slik endte det",
    "actions": "Hva vi gjorde",
    "rating_change": "Vurdering før og etter",
    "customer_said": "Kundens siste ord",
    "what_changed": "Dette endret vi på grunn av saken",
    "original_post": "Se det opprinnelige innlegget",
    "stars": "{rating} av 5 stjerner",
    "headline_reviews": "omtaler",
    "headline_average": "snittkarakter",
    "headline_reply_rate": "av klagene besvart offentlig",
    "headline_first_reply": "median tid til første svar",
    "headline_resolved": "av klagene løst eller forklart",
    "rating_distribution": "Vurderinger",
    "latest_cases": "Siste saker",
    "see_all": "Se alle omtaler",
    "received_on": "Mottatt",
    "case_title": "{kind} på {channel}, {date}",
    "no_reviews": "Ingen omtaler her ennå.",
    "customer": "Kunde",
    "masked_email": "[e-post fjernet]",
    "masked_phone": "[telefonnummer fjernet]",
    "masked_other": "[{label} fjernet]",
    "feed_title": "omtaler og svar",
    "feed_subtitle": "Alle omtalene vi får, svarene våre og hvordan hver sak endte.",
    "badge_rating": "★ {rating}",
    "badge_answered": "{percent} av klagene besvart",
    "badge_median": "median svartid {duration}",
    "badge_empty": "ingen omtaler ennå",
    "badge_alt_rating": "snittkarakter {rating} av 5",
    "embed": "Merke til nettsiden din",
    "embed_intro": "Kopier HTML-koden under inn på en hvilken som helst nettside for å vise disse "
    "tallene, med lenke hit. Den henter ett bilde fra dette nettstedet: ingen skript, ingen "
    "informasjonskapsler, ingenting som følger de besøkende. Bildet oppdateres hver gang "
    "nettstedet bygges.",
    "embed_preview": "Forhåndsvisning",
    "embed_code": "HTML-kode å kopiere",
    "embed_relative": "site_url er ikke satt i site_config.yml, så adressene i koden er relative "
    "og virker bare på dette nettstedet. Sett site_url for å få kode til andre nettsteder.",
    "policy": "Retningslinjer for omtaler",
    "feed": "Atom-feed",
    "open_data": "Alle omtaler som JSON",
    "figures": "Tall",
    "changes": "Dette har tilbakemeldingene endret",
    "ledger": "Mottatt {received} omtaler. Vist i sin helhet: {full}. Vist uten navn: "
    "{anonymous}. Holdt tilbake: {withheld}.",
    "ledger_removed": "Fjernet: {removed}.",
    "ledger_withheld": "Holdt tilbake fra private kanaler (e-post, telefon, chat, nettskjema, i "
    "butikken): {private}; fra offentlige kanaler: {public}.",
    "file_history": "Historikken til filen for saken",
    "all_figures": "Alle tallene, hvordan de regnes ut, og sakene bak dem",
}

# Channel names that are words rather than brands; the others are the same in every language.
NORWEGIAN.update(
    {
        "channel_email": "E-post",
        "channel_phone": "Telefon",
        "channel_chat": "Chat",
        "channel_web-form": "Nettskjema",
        "channel_in-store": "I butikken",
        "channel_other": "Annet",
    }
)

CATALOGUES = {"en": ENGLISH, "nb": NORWEGIAN, "no": NORWEGIAN, "nn": NORWEGIAN}


class Labels(dict):
    """Phrases by key; `labels.say(key, **values)` fills the placeholders."""

    def say(self, key: str, **values: object) -> str:
        return self[key].format(**values)


def channel_labels(channels: dict[str, str], labels: Labels) -> dict[str, str]:
    """Return each channel's label: the site's own if it set one, else in the site's language."""
    return {
        name: label if label != CHANNELS.get(name) else labels.get(f"channel_{name}", label)
        for name, label in channels.items()
    }


def in_language(catalogues: dict[str, dict[str, str]], language: str, overrides) -> Labels:
    """Return a catalogue's phrases for a language: English where it has none, overrides on top."""
    english = catalogues["en"]
    base = catalogues.get(language.split("-")[0].lower(), english)
    return Labels({**english, **base, **overrides})


def read_labels(language: str, overrides: dict[str, str]) -> Labels:
    """Return the phrases for a language (English where it has none), with the site's overrides."""
    return in_language(CATALOGUES, language, overrides)
