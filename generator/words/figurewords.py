"""The figures and changes pages' sentences, in the site's language.

Prose, like the policy's, so it lives apart from labels.py; site_config.yml `labels:` overrides
any of them, key by key.
"""

from __future__ import annotations

from .labels import Labels, in_language

ENGLISH = {
    "figures_intro": "Every number here is computed from the review files when the site is built "
    "(last on {date}). Withheld reviews count in every figure; only their text is not shown. "
    "Follow a number to the cases behind it.",
    "period_year": "Last 12 months",
    "period_all": "All time",
    "figure": "Figure",
    "by_kind": "By kind",
    "section_received": "Reviews received",
    "section_replies": "Answered in public",
    "section_first_reply": "Time to first public reply",
    "section_outcomes": "How complaints ended",
    "section_after": "After the case",
    "fig_received": "Reviews received",
    "how_received": "Every review file received in the period, whatever its channel, kind or "
    "consent.",
    "how_by_channel": "Reviews received, by where the customer wrote.",
    "how_by_kind": "Reviews received, by kind (a rating of 1–2 is a complaint unless the file "
    "says otherwise).",
    "fig_average": "Average rating",
    "how_average": "The mean of the stars given, over the reviews that have a rating.",
    "fig_complaint_reply_rate": "Complaints answered in public",
    "how_complaint_reply_rate": "Complaints with at least one public reply from us, out of all "
    "complaints.",
    "fig_reply_rate": "All reviews answered in public",
    "how_reply_rate": "Reviews with at least one public reply from us, out of all reviews.",
    "fig_first_reply": "All channels",
    "how_first_reply": "From the review to our first public reply; reviews we have not answered "
    "are not in it (see above).",
    "how_first_reply_channel": "The same, for one channel, against that channel's promise.",
    "reply_times": "9 in 10 within {p90} · {kept} of {total} within the promise of {promise}",
    "each_promise": "each channel's own",
    "fig_outcomes": "Complaints",
    "how_outcomes": "Complaints by how they stand today, out of all complaints received in the "
    "period.",
    "fig_time_to_resolve": "Median time to resolve",
    "how_time_to_resolve": "Whole days from receiving a complaint to the date of its outcome, for "
    "complaints resolved or explained.",
    "fig_won_back": "Ratings raised after the case",
    "how_won_back": "Customers whose rating after the case is higher than their first one; "
    "their average before → after.",
    "won_back": "on average {before} → {after} ★",
    "fig_rule_of_two": "Threads with at most two public replies",
    "how_rule_of_two": "Out of the reviews we answered in public: after two public replies the "
    "talk belongs in a private channel.",
    "fig_changes": "Changes made because of feedback",
    "how_changes": "Cases whose outcome records something we changed in how we work.",
    "share_of": "{count} of {total}",
    "withheld_count": "{count} withheld",
    "nothing_yet": "–",
    "charts": "Pictures",
    "chart_ratings": "Ratings, all time",
    "chart_ratings_desc": "How many reviews gave each number of stars.",
    "chart_first_reply": "Median time to first public reply, by month",
    "chart_first_reply_desc": "For reviews received each month, the median hours until our first "
    "public reply. The dashed line is the promise of {promise}.",
    "chart_complaints": "Complaints received and resolved, by month",
    "chart_complaints_desc": "Complaints received each month, and complaints resolved or explained "
    "that month.",
    "series_received": "Received",
    "series_settled": "Resolved",
    "promise_line": "promise {promise}",
    "as_table": "The same numbers as a table",
    "month": "Month",
    "rating": "Rating",
    "count": "Reviews",
    "median": "Median",
    "answered": "Answered",
    "ledger_title": "Transparency ledger",
    "ledger_intro": "Every review we received, as a file in the repository or as the record of "
    "its removal, by what this site shows of it.",
    "ledger_removed_detail": "Removed from the site, each with a record of why: {removed}; "
    "{not_counted} of them were not reviews of this business (spam, not from a customer, or a "
    "duplicate) and count in no figure, the others count as withheld reviews do.",
    "ledger_reasons": "Withheld and removed, by reason and stars",
    "ledger_reason": "Reason",
    "ledger_no_rating": "No rating",
    "ledger_total": "In all",
    "ledger_in_figures": "In the figures",
    "ledger_counted": "counted",
    "ledger_not_counted": "not counted",
    "ledger_withheld_as": "Withheld: {reason}",
    "ledger_removed_as": "Removed: {reason}",
    "reason_none": "no reason given",
    "reason_no-consent": "written to us privately, no consent to publish",
    "reason_customer-request": "the customer asked",
    "reason_personal-data": "personal data",
    "reason_legal": "legal reasons",
    "reason_spam": "spam",
    "reason_not-a-customer": "not from a customer",
    "reason_duplicate": "a duplicate",
    "evidence_intro": "The cases this figure is computed from, oldest first: {period}.",
    "evidence_withheld": "Withheld and removed reviews counted here too (their text is not "
    "published): {count}.",
    "evidence_none": "No published case is behind this figure.",
    "evidence_figure": "{period}: {value}",
    "evidence_figure_detail": "{period}: {value} ({detail})",
    "counts_for": "Counts for the figure",
    "counts_against": "Counts against the figure",
    "note_same_day": "the same day",
    "note_answered": "answered in public",
    "note_not_answered": "not answered in public",
    "note_late": "later than promised",
    "note_public_replies": "public replies: {count}",
    "back_to_figures": "All figures",
    "changes_intro": "Every change we made because a customer told us something, newest first, "
    "with the case behind it. Bad feedback is how we learn.",
    "changes_empty": "No changes recorded yet.",
    "changes_withheld": "Changes from withheld reviews, counted but not shown: {count}.",
    "change_cases": "The case behind it",
}

NORWEGIAN = {
    "figures_intro": "Alle tallene her regnes ut fra omtalefilene når nettstedet bygges (sist "
    "{date}). Omtaler som holdes tilbake, teller med i alle tall; bare teksten deres vises ikke. "
    "Følg et tall til sakene bak det.",
    "period_year": "Siste 12 måneder",
    "period_all": "Totalt",
    "figure": "Tall",
    "by_kind": "Etter type",
    "section_received": "Mottatte omtaler",
    "section_replies": "Besvart offentlig",
    "section_first_reply": "Tid til første offentlige svar",
    "section_outcomes": "Slik endte klagene",
    "section_after": "Etter saken",
    "fig_received": "Mottatte omtaler",
    "how_received": "Alle omtalefiler mottatt i perioden, uansett kanal, type eller samtykke.",
    "how_by_channel": "Mottatte omtaler, etter hvor kunden skrev.",
    "how_by_kind": "Mottatte omtaler, etter type (karakter 1–2 er en klage om ikke filen sier "
    "noe annet).",
    "fig_average": "Snittkarakter",
    "how_average": "Gjennomsnittet av stjernene, for omtalene som har karakter.",
    "fig_complaint_reply_rate": "Klager besvart offentlig",
    "how_complaint_reply_rate": "Klager med minst ett offentlig svar fra oss, av alle klager.",
    "fig_reply_rate": "Alle omtaler besvart offentlig",
    "how_reply_rate": "Omtaler med minst ett offentlig svar fra oss, av alle omtaler.",
    "fig_first_reply": "Alle kanaler",
    "how_first_reply": "Fra omtalen til vårt første offentlige svar; ubesvarte omtaler er ikke "
    "med (se over).",
    "how_first_reply_channel": "Det samme for én kanal, mot løftet for den kanalen.",
    "reply_times": "9 av 10 innen {p90} · {kept} av {total} innenfor løftet om {promise}",
    "each_promise": "hver kanals eget",
    "fig_outcomes": "Klager",
    "how_outcomes": "Klager etter hvordan de står i dag, av alle klager mottatt i perioden.",
    "fig_time_to_resolve": "Median tid til løsning",
    "how_time_to_resolve": "Hele dager fra vi fikk klagen til datoen for utfallet, for klager "
    "som er løst eller forklart.",
    "fig_won_back": "Karakter hevet etter saken",
    "how_won_back": "Kunder som ga høyere karakter etter saken enn først; snittet deres før → "
    "etter.",
    "won_back": "i snitt {before} → {after} ★",
    "fig_rule_of_two": "Tråder med høyst to offentlige svar",
    "how_rule_of_two": "Av omtalene vi svarte offentlig: etter to offentlige svar hører samtalen "
    "hjemme i en privat kanal.",
    "fig_changes": "Endringer gjort etter tilbakemeldinger",
    "how_changes": "Saker der utfallet forteller om noe vi endret i hvordan vi jobber.",
    "share_of": "{count} av {total}",
    "withheld_count": "{count} holdt tilbake",
    "nothing_yet": "–",
    "charts": "Bilder",
    "chart_ratings": "Karakterer, totalt",
    "chart_ratings_desc": "Hvor mange omtaler som ga hvert antall stjerner.",
    "chart_first_reply": "Median tid til første offentlige svar, per måned",
    "chart_first_reply_desc": "For omtaler mottatt hver måned: median timer til vårt første "
    "offentlige svar. Den stiplede linjen er løftet om {promise}.",
    "chart_complaints": "Klager mottatt og løst, per måned",
    "chart_complaints_desc": "Klager mottatt hver måned, og klager løst eller forklart den "
    "måneden.",
    "series_received": "Mottatt",
    "series_settled": "Løst",
    "promise_line": "løfte {promise}",
    "as_table": "De samme tallene som tabell",
    "month": "Måned",
    "rating": "Karakter",
    "count": "Omtaler",
    "median": "Median",
    "answered": "Besvart",
    "ledger_title": "Åpenhetsregnskap",
    "ledger_intro": "Alle omtalene vi har fått, som fil i arkivet eller som notat om at den er "
    "fjernet, etter hva nettstedet viser av dem.",
    "ledger_removed_detail": "Fjernet fra nettstedet, hver med en begrunnelse: {removed}; "
    "{not_counted} av dem var ikke omtaler av oss (spam, ikke fra en kunde eller et duplikat) og "
    "teller ikke med i noe tall, de andre teller med slik omtaler som holdes tilbake gjør.",
    "ledger_reasons": "Holdt tilbake og fjernet, etter grunn og stjerner",
    "ledger_reason": "Grunn",
    "ledger_no_rating": "Uten karakter",
    "ledger_total": "I alt",
    "ledger_in_figures": "I tallene",
    "ledger_counted": "teller med",
    "ledger_not_counted": "teller ikke",
    "ledger_withheld_as": "Holdt tilbake: {reason}",
    "ledger_removed_as": "Fjernet: {reason}",
    "reason_none": "ingen grunn oppgitt",
    "reason_no-consent": "skrevet til oss privat, uten samtykke til publisering",
    "reason_customer-request": "kunden ba om det",
    "reason_personal-data": "personopplysninger",
    "reason_legal": "juridiske grunner",
    "reason_spam": "spam",
    "reason_not-a-customer": "ikke fra en kunde",
    "reason_duplicate": "duplikat",
    "evidence_intro": "Sakene dette tallet regnes ut fra, eldste først: {period}.",
    "evidence_withheld": "Omtaler som holdes tilbake eller er fjernet, teller også med her "
    "(teksten deres publiseres ikke): {count}.",
    "evidence_none": "Ingen publisert sak ligger bak dette tallet.",
    "evidence_figure": "{period}: {value}",
    "evidence_figure_detail": "{period}: {value} ({detail})",
    "counts_for": "Teller for tallet",
    "counts_against": "Teller mot tallet",
    "note_same_day": "samme dag",
    "note_answered": "besvart offentlig",
    "note_not_answered": "ikke besvart offentlig",
    "note_late": "senere enn lovet",
    "note_public_replies": "offentlige svar: {count}",
    "back_to_figures": "Alle tall",
    "changes_intro": "Alt vi har endret fordi en kunde sa fra, nyeste først, med saken bak. "
    "Dårlige tilbakemeldinger er slik vi lærer.",
    "changes_empty": "Ingen endringer registrert ennå.",
    "changes_withheld": "Endringer fra omtaler som holdes tilbake, talt men ikke vist: {count}.",
    "change_cases": "Saken bak",
}

CATALOGUES = {"en": ENGLISH, "nb": NORWEGIAN, "no": NORWEGIAN, "nn": NORWEGIAN}


def figure_words(language: str, labels: Labels) -> Labels:
    """Return the figures pages' sentences with the site's labels; site overrides win."""
    return in_language(CATALOGUES, language, labels)
