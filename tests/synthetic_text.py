"""Sentence fragments for synthetic reviews of an outdoor-gear shop, in nb, sv, fi and en.

Placeholders: {product}, {days}, {order}, {place}. `tests.synthetic` composes texts from them.
"""

PRODUCTS = {
    # The first eight are the same products in every language, in the same order.
    "nb": [
        "fjellstøvlene",
        "regnjakka",
        "soveposen",
        "teltet",
        "tursekken",
        "hodelykta",
        "dunjakka",
        "ullundertøyet",
        "skallbuksa",
        "stavene",
        "primusen",
        "vottene",
    ],
    "sv": [
        "vandringskängorna",
        "regnjackan",
        "sovsäcken",
        "tältet",
        "ryggsäcken",
        "pannlampan",
        "dunjackan",
        "underställ i ull",
    ],
    "fi": [
        "vaelluskengät",
        "sadetakki",
        "makuupussi",
        "teltta",
        "reppu",
        "otsalamppu",
        "untuvatakki",
        "villakerrasto",
    ],
    "en": [
        "hiking boots",
        "rain jacket",
        "sleeping bag",
        "tent",
        "backpack",
        "head torch",
        "down jacket",
        "wool base layer",
    ],
}
PLACES = ["Tromsø", "Bodø", "Alta", "Narvik", "Harstad", "Finnsnes", "Oslo", "Trondheim"]

TEXT = {
    "nb": {
        "complaint": [
            "Bestilte {product} med levering på tre dager, men det tok {days} dager.",
            "Pakken sto på hentestedet i {place} uten at jeg fikk noen melding.",
            "Sømmen på {product} gikk opp etter første tur.",
            "Jeg har sendt to e-poster om ordre {order} uten å få svar.",
            "Fikk feil størrelse, og returen skulle jeg betale selv.",
            "Kundeservice på telefon lovet å ringe tilbake, men ingen ringte.",
            "Glidelåsen på {product} røk allerede andre gang jeg brukte den.",
            "Det sto vanntett i beskrivelsen, men jeg ble gjennomvåt i lett regn.",
            "Pengene for returen er ennå ikke tilbake etter {days} dager.",
            "Skuffende når man betaler så mye for kvalitet.",
            "Sporingen viste levert, men ingenting lå i postkassen.",
            "Ekspeditøren i butikken virket lite interessert i å hjelpe.",
        ],
        "praise": [
            "Kjempefornøyd med {product}, holdt meg varm hele helga på fjellet.",
            "Rask levering, pakken kom allerede dagen etter til {place}.",
            "Veldig god veiledning i butikken, de tok seg god tid.",
            "Byttet størrelse uten noe styr, og den nye kom på {days} dager.",
            "Har brukt {product} en hel sesong nå, og de er som nye.",
            "Hyggelig betjening og gode priser.",
            "Anbefales til alle som skal på tur i nord!",
            "Fikk svar på chatten i løpet av fem minutter.",
            "Endelig en nettbutikk som faktisk svarer på e-post.",
            "Pakket pent og med en liten hilsen i esken.",
        ],
        "question": [
            "Har dere {product} i større størrelser på lager i {place}?",
            "Hvor lang tid tar det å få pengene tilbake etter retur?",
            "Kan jeg bytte {product} i butikken selv om jeg kjøpte på nett?",
            "Gjelder garantien også når {product} er brukt på isbre?",
        ],
        "suggestion": [
            "Det hadde vært fint med hentested nærmere {place}.",
            "Skriv gjerne målene på {product} i beskrivelsen, ikke bare størrelsen.",
            "Dere burde sende SMS når pakken er på vei.",
            "Ønsker meg et reparasjonstilbud for {product} i stedet for å kjøpe nytt.",
        ],
    },
    "sv": {
        "complaint": [
            "Beställde {product} men leveransen tog {days} dagar.",
            "Storleken stämde inte alls med tabellen på sidan.",
            "Jag har väntat på återbetalningen för order {order} i flera veckor.",
            "Dragkedjan gick sönder redan på första turen.",
        ],
        "praise": [
            "Mycket nöjd med {product}, perfekt för fjällen.",
            "Snabb leverans till Sverige och bra kundservice.",
            "Trevlig personal som gav bra råd.",
            "Bytet gick smidigt och snabbt.",
        ],
        "question": ["Skickar ni {product} till Kiruna?", "Hur lång är garantin på {product}?"],
    },
    "fi": {
        "complaint": [
            "Tilasin {product}, mutta toimitus kesti {days} päivää.",
            "Koko ei vastannut taulukkoa ollenkaan.",
            "Palautuksen rahat tilauksesta {order} eivät ole vieläkään tulleet.",
        ],
        "praise": [
            "Todella tyytyväinen, {product} on loistava tunturissa.",
            "Nopea toimitus Suomeen ja ystävällinen palvelu.",
            "Hyvät neuvot ja reilu hinta.",
        ],
        "question": ["Toimitatteko {product} Rovaniemelle?", "Kuinka pitkä takuu on?"],
    },
    "en": {
        "complaint": [
            "Ordered {product} and was promised delivery in three days; it took {days} days.",
            "The parcel was sent back to you without anyone telling me.",
            "The seam on the {product} came apart after one weekend.",
            "Nobody answered my emails about order {order}.",
            "I was charged twice and still wait for the refund.",
        ],
        "praise": [
            "Great {product}, kept me dry through a week of rain in {place}.",
            "Fast shipping to the UK and friendly staff on chat.",
            "Exchanged a size without any fuss.",
            "Best outdoor shop I have found in northern Norway.",
        ],
        "question": ["Do you ship {product} to Germany?", "Is there a warranty on repairs?"],
    },
}

TITLES = {
    "nb": {
        "complaint": ["Treg levering", "Dårlig kvalitet", "Ingen svar", "Skuffet"],
        "praise": ["Supert!", "Anbefales", "Rask levering", "Topp service"],
    },
    "sv": {"complaint": ["Långsam leverans", "Besviken"], "praise": ["Toppen", "Rekommenderas"]},
    "fi": {"complaint": ["Hidas toimitus", "Pettynyt"], "praise": ["Erinomainen", "Suosittelen"]},
    "en": {"complaint": ["Slow delivery", "Disappointed"], "praise": ["Great shop", "Recommended"]},
}

REPLY = {
    "nb": {
        "open": ["Hei {name},", "Hei, {name}!", "Hei og takk for at du skrev,", "Hallo {name},"],
        "sorry": [
            "så leit at {product} ikke levde opp til det vi lovet.",
            "beklager at du måtte vente i {days} dager – det er altfor lenge.",
            "dette skal ikke skje, og vi tar det på alvor.",
            "takk for at du sier ifra; sånn vil vi ikke ha det.",
            "det er flaut å lese, og vi forstår at du er irritert.",
        ],
        "thanks": [
            "tusen takk for de fine ordene om {product}!",
            "så hyggelig å høre at turen i {place} gikk bra.",
            "vi blir glade for sånne tilbakemeldinger, takk for at du tok deg tid.",
            "takk! Det varmer i november.",
        ],
        "detail": [
            "Jeg har sjekket ordren din fra {date}, og {product} ble sendt fra lageret i {place}.",
            "Du skriver at «{quote}» – det forstår vi godt.",
            "Du nevner dette: «{quote}» Takk for at du forteller det så konkret.",
            "Ifølge sporingen ble pakken stående {days} dager hos transportøren.",
            "Takk for bildene du sendte av {product} {date}.",
            "Vi ser at lageret i {place} ikke fulgte med da {product} ble utsolgt.",
            "Den nye modellen av {product} har ny søm, men feilen du beskriver har vi sett før.",
            "Vi har meldt fra til produsenten om {product} og bedt om svar innen {days} dager.",
            "Hos oss står det at du handlet {date}; da var det travelt før fellesferien.",
            "",
        ],
        "act": [
            "Vi har sendt deg en ny {product} i dag, og returen er på oss.",
            "Jeg har refundert frakten; du ser pengene på kontoen om {days} dager.",
            "Send oss gjerne ordrenummeret på e-post, så ser vi på det med en gang.",
            "Vi har snakket med {place}-lageret om hvorfor pakken ble liggende.",
            "Ta kontakt på **chat**, så finner vi en løsning sammen.",
            "Garantien dekker dette: lever {product} i butikken, så reparerer vi.",
            "Vi har fått sjekket saken, og feilen lå hos oss.",
        ],
        "close": [
            "Hilsen kundeservice",
            "Ha en fin dag!",
            "God tur videre!",
            "Vi hører fra deg.",
            "Takk for tålmodigheten.",
            "",
        ],
    },
    "en": {
        "open": ["Hi {name},", "Hello {name},", "Hi, and thank you for writing,", "Dear {name},"],
        "sorry": [
            "we are sorry the {product} let you down.",
            "{days} days is far too long, and we apologise.",
            "this should not have happened, and we take it seriously.",
        ],
        "thanks": [
            "thank you so much for the kind words about the {product}!",
            "great to hear the trip to {place} went well.",
            "thanks for taking the time to tell us.",
        ],
        "detail": [
            "I checked your order from {date}; the {product} left our warehouse in {place}.",
            "You write: “{quote}” We understand why.",
            "Tracking shows the parcel waited {days} days at the carrier.",
            "We have told the maker of the {product} and asked for an answer within {days} days.",
            "",
        ],
        "act": [
            "We sent a replacement today, and the return is on us.",
            "The shipping cost has been refunded; expect it within {days} days.",
            "Please email us the order number and we will look at it right away.",
            "Our warranty covers this: send the {product} back and we will repair it.",
        ],
        "close": ["Best regards, customer service", "Have a great day!", "Happy hiking!", ""],
    },
}

FOLLOW_UP = {
    "nb": [
        "Takk for raskt svar.",
        "Fortsatt ingen pakke her.",
        "Fikk den i dag, takk!",
        "Jeg har sendt e-post nå.",
        "Det hjelper lite, jeg har allerede kjøpt ny.",
    ],
    "sv": ["Tack för snabbt svar.", "Fortfarande inget paket.", "Kom idag, tack!"],
    "fi": ["Kiitos nopeasta vastauksesta.", "Paketti tuli tänään, kiitos!"],
    "en": ["Thanks for the quick answer.", "Still nothing here.", "Arrived today, thank you!"],
}
PRIVATE_SUMMARY = [
    "Ny {product} sendt; frakten refundert.",
    "Vi ringte og avtalte retur av {product}.",
    "Kunden fikk tilgodelapp, og saken er avsluttet.",
    "Forklarte byttereglene; kunden ville tenke på det.",
    "",
]
OUTCOME_SUMMARY = {
    "resolved": [
        "Sendingen ble funnet og levert dagen etter.",
        "Ny {product} sendt uten kostnad.",
        "Pengene ble refundert i sin helhet.",
        "Vi reparerte {product} på garanti.",
    ],
    "explained": [
        "Produktet var brukt utenfor det det er laget for; vi forklarte garantien.",
        "Forsinkelsen lå hos transportøren; vi forklarte hva som skjedde.",
    ],
    "unresolved": ["Kunden ønsket full refusjon for brukt vare; vi tilbød reparasjon."],
}
CUSTOMER_SAID = [
    "Fikk {product}, og de er supre.",
    "Greit nok, takk for hjelpen.",
    "Bra at dere ordnet opp til slutt.",
    "Ikke fornøyd, men takk for svar.",
]
CHANGE = [
    "Vi følger nå opp alle sendinger som står stille i mer enn to døgn.",
    "Størrelsestabellen for {product} er rettet.",
    "Vi svarer nå på chat også i helgene.",
    "Vi har byttet leverandør av glidelåser.",
]
STAFF = [
    "Kundeservice",
    "Kundeservice, nettbutikken",
    "Butikken i {place}",
    "Daglig leder",
    "Lageret",
    "Kundeservice, chat",
]
AUTHORS = {
    "nb": (["Kari", "Ola", "Kari", "Ola"], ["Nordmann"]),
    "sv": (["Sven", "Anna"], ["Svensson"]),
    "fi": (["Matti", "Maija"], ["Meikäläinen"]),
    "en": (["John", "Jane"], ["Doe", "Smith"]),
}
