"""The policy page's sentences, in the site's language.

They live apart from labels.py because they are prose, not interface words; site_config.yml
`labels:` overrides them all the same, key by key.
"""

from __future__ import annotations

from .labels import Labels, in_language

ENGLISH = {
    "and": "and",
    "policy_intro": "How {name} collects, publishes and answers reviews. This page is generated "
    "from the same settings and files as the rest of the site, so it says what the site does.",
    "policy_sources": "Where reviews come from",
    "policy_channels": "We collect what customers say about us here:",
    "policy_private": "What customers write to us privately ({channels}) is published without "
    "their name, unless they agree to more.",
    "policy_publishing": "What we publish",
    "policy_every": "Every review we receive is published here, the good and the bad, next to "
    "our replies and how the case ended. We do not hide a review because it is negative.",
    "policy_withheld": "We withhold a review's text only when:",
    "policy_withheld_asked": "the customer asked us not to publish it;",
    "policy_withheld_private": "it was written to us privately and the customer does not want "
    "it public;",
    "policy_withheld_sensitive": "it holds health information or other personal details that "
    "masking cannot protect.",
    "policy_withheld_counted": "A withheld review still counts in every figure, and the figures "
    "page says how many were withheld.",
    "policy_removed": "Removed reviews",
    "policy_removed_when": "We remove a review from this site only for one of these reasons, and "
    "record each removal, with its reason, in the repository this site is built from:",
    "policy_removed_reasons": "the customer asked us to; it holds personal data that masking "
    "cannot protect; a legal reason; spam; it was not written by a customer; it is a duplicate "
    "of another review.",
    "policy_removed_counted": "A review removed because the customer asked, for personal data or "
    "for a legal reason still counts in every figure, as a withheld one does. Spam, reviews not "
    "written by customers and duplicates count in no figure, only in the ledger on the figures "
    "page, which shows every removed and withheld review by reason and by stars, so anyone can "
    "see whether we removed mostly bad ones.",
    "policy_people": "Names and personal details",
    "policy_example_name": "Firstname Lastname",
    "policy_names_short": "We show a first name and the first letter of the last name: "
    "“{example}” is shown as “{shown}”.",
    "policy_names_full": "We show the name the customer gave: “{example}” is shown as “{shown}”.",
    "policy_names_initials": "We show initials only: “{example}” is shown as “{shown}”.",
    "policy_names_none": "We show no names: every review is signed “{shown}”.",
    "policy_anonymous": "A customer who wants no name shown is “{anonymous}”.",
    "policy_masked": "Before anything is published, {items} are masked in every text, the "
    "customer's and ours.",
    "policy_emails": "e-mail addresses",
    "policy_phones": "phone numbers",
    "policy_checks": "How we check that reviews are real",
    "policy_verified": "We publish every review, whether or not we can match it to a purchase. "
    "When we find the order behind a review, it is marked “✓ {verified}”; when we looked and "
    "found none, it is marked “{unverified}”. A review with neither mark was not checked.",
    "policy_verified_count": "Of {published} published reviews, {verified} are marked "
    "“{verified_label}” and {unverified} “{unverified_label}”.",
    "policy_unchanged": "We do not change what customers wrote, apart from masking the details "
    "above.",
    "policy_answering": "How we answer",
    "policy_promise": "We promise a first public reply within {duration}.",
    "policy_promise_channels": "On some channels the promise is different:",
    "policy_switch": "When a case needs personal details, we continue in private and the case "
    "page says so, with a short summary of how it went.",
    "policy_figures_title": "How the figures are computed",
    "policy_figures": "Every figure counts all reviews received, withheld ones included, so "
    "hiding a review can never improve a number. Reply times run from when the customer wrote "
    "to our first public reply; a private reply does not count as an answer.",
    "policy_figures_link": "See the figures and the cases behind each one",
    "policy_history": "Every change is on record",
    "policy_git": "Every review is a file in a git repository. Adding, changing or deleting one "
    "is a dated commit, so a deleted review leaves a trace. Each change is checked before it is "
    "published: a customer's words cannot be changed, a reply can only be corrected in the open "
    "(the page then says “edited”), and no review can be deleted without a record of why.",
    "policy_git_link": "See the history of every review",
    "policy_reuse": "Use these reviews",
}

NORWEGIAN = {
    "and": "og",
    "policy_intro": "Slik samler, publiserer og besvarer {name} omtaler. Siden lages av de samme "
    "innstillingene og filene som resten av nettstedet, så den sier det nettstedet gjør.",
    "policy_sources": "Hvor omtalene kommer fra",
    "policy_channels": "Vi samler det kundene sier om oss her:",
    "policy_private": "Det kunder skriver til oss privat ({channels}), publiseres uten navn, "
    "med mindre de sier ja til mer.",
    "policy_publishing": "Hva vi publiserer",
    "policy_every": "Alle omtaler vi får, publiseres her, de gode og de dårlige, sammen med "
    "svarene våre og hvordan saken endte. Vi skjuler ikke en omtale fordi den er negativ.",
    "policy_withheld": "Vi holder tilbake teksten i en omtale bare når:",
    "policy_withheld_asked": "kunden har bedt oss om ikke å publisere den;",
    "policy_withheld_private": "den ble skrevet til oss privat og kunden ikke vil ha den "
    "offentlig;",
    "policy_withheld_sensitive": "den inneholder helseopplysninger eller andre personlige "
    "opplysninger som maskering ikke kan beskytte.",
    "policy_withheld_counted": "En omtale som holdes tilbake, teller likevel med i alle tallene, "
    "og tallsiden viser hvor mange som er holdt tilbake.",
    "policy_removed": "Omtaler vi har fjernet",
    "policy_removed_when": "Vi fjerner en omtale fra dette nettstedet bare av én av disse "
    "grunnene, og hver fjerning føres, med grunnen, i arkivet nettstedet bygges fra:",
    "policy_removed_reasons": "kunden ba oss om det; den inneholder personopplysninger som "
    "maskering ikke kan beskytte; juridiske grunner; spam; den er ikke skrevet av en kunde; den er "
    "et duplikat av en annen omtale.",
    "policy_removed_counted": "En omtale som er fjernet fordi kunden ba om det, på grunn av "
    "personopplysninger eller av juridiske grunner, teller likevel med i alle tallene, slik "
    "omtaler som holdes tilbake gjør. Spam, omtaler som ikke er skrevet av kunder, og duplikater "
    "teller ikke med i noe tall, bare i åpenhetsregnskapet på tallsiden. Der vises alle omtaler "
    "som er fjernet eller holdt tilbake, etter grunn og stjerner, så alle kan se om vi mest har "
    "fjernet dårlige.",
    "policy_people": "Navn og personopplysninger",
    "policy_example_name": "Fornavn Etternavn",
    "policy_names_short": "Vi viser fornavn og første bokstav i etternavnet: «{example}» vises "
    "som «{shown}».",
    "policy_names_full": "Vi viser navnet kunden oppga: «{example}» vises som «{shown}».",
    "policy_names_initials": "Vi viser bare initialer: «{example}» vises som «{shown}».",
    "policy_names_none": "Vi viser ingen navn: alle omtaler er signert «{shown}».",
    "policy_anonymous": "En kunde som ikke vil vise navnet sitt, står som «{anonymous}».",
    "policy_masked": "Før noe publiseres, maskeres {items} i all tekst, både kundens og vår.",
    "policy_emails": "e-postadresser",
    "policy_phones": "telefonnumre",
    "policy_checks": "Slik sjekker vi at omtalene er ekte",
    "policy_verified": "Vi publiserer alle omtaler, enten vi finner et kjøp bak dem eller ikke. "
    "Når vi finner ordren bak en omtale, merkes den «✓ {verified}»; når vi har lett uten å finne "
    "noen, merkes den «{unverified}». En omtale uten merke er ikke sjekket.",
    "policy_verified_count": "Av {published} publiserte omtaler er {verified} merket "
    "«{verified_label}» og {unverified} «{unverified_label}».",
    "policy_unchanged": "Vi endrer ikke det kundene skrev, bortsett fra å maskere opplysningene "
    "over.",
    "policy_answering": "Slik svarer vi",
    "policy_promise": "Vi lover et første offentlig svar innen {duration}.",
    "policy_promise_channels": "På noen kanaler er løftet et annet:",
    "policy_switch": "Når en sak trenger personlige opplysninger, fortsetter vi privat, og "
    "sakssiden sier fra om det, med en kort oppsummering av hvordan det gikk.",
    "policy_figures_title": "Slik regnes tallene ut",
    "policy_figures": "Alle tall teller alle omtaler vi har fått, også de som holdes tilbake, så "
    "å skjule en omtale kan aldri gjøre et tall bedre. Svartid regnes fra kunden skrev til vårt "
    "første offentlige svar; et privat svar teller ikke som svar.",
    "policy_figures_link": "Se tallene og sakene bak hvert av dem",
    "policy_history": "Alle endringer kan etterprøves",
    "policy_git": "Hver omtale er en fil i et git-repo. Å legge til, endre eller slette en omtale "
    "er en datert endring (commit), så en slettet omtale etterlater spor. Hver endring sjekkes før "
    "den publiseres: det kunden skrev, kan ikke endres, et svar kan bare rettes åpent (siden sier "
    "da «redigert»), og ingen omtale kan slettes uten at grunnen føres.",
    "policy_git_link": "Se historikken for alle omtaler",
    "policy_reuse": "Bruk omtalene",
}

CATALOGUES = {"en": ENGLISH, "nb": NORWEGIAN, "no": NORWEGIAN, "nn": NORWEGIAN}


def policy_words(language: str, labels: Labels) -> Labels:
    """Return the policy's sentences with the site's labels; site overrides win over both."""
    return in_language(CATALOGUES, language, labels)
