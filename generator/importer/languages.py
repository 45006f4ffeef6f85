"""The language of a customer's words, told from their small words, for sources that do not say.

Used only where a source says the words are *not* in the language it would otherwise be taken to be
in: Google gives its machine translation and the customer's original, and no language for either.
Only languages a Nordic shop hears from are told apart, and only when the words leave no doubt;
otherwise the answer is None and the import says so.
"""

from __future__ import annotations

import re

# Frequent words of each language. Words that two languages share count for both; the words that
# only one has decide (Norwegian "ikke, meg, etter" against Danish "ikke, mig, efter").
_WORDS = {
    "nb": "og i jeg det er ikke på som med til av for en et var har meg veldig hva etter noen "
    "bare fikk kjøpte kom også men så god bra dårlig aldri hadde dere vi skal kan",
    "nn": "og i eg det er ikkje på som med til av for ein eit var har meg veldig kva etter nokon "
    "berre fekk kjøpte kom òg men så god bra dårleg aldri hadde de vi skal kan",
    "sv": "och i jag det är inte på som med till av för en ett var har mig mycket vad efter några "
    "bara fick köpte kom också men så god bra dålig aldrig hade ni vi ska kan",
    "da": "og i jeg det er ikke på som med til af for en et var har mig meget hvad efter nogen "
    "bare fik købte kom også men så god godt dårlig aldrig havde i vi skal kan",
    "fi": "ja on ei oli se että kun mutta hyvä todella myös tämä niin kuin olen en ole ollut "
    "erittäin paljon tilasin tuli vielä sitten koska eikä jälkeen kukaan kanssa vain jo nyt "
    "sen sitä joka tai minä mitään hyvin",
    "en": "the and is was not it but with very this that for of to i my we you have had they "
    "good great bad never",
    "de": "und ist war nicht es aber mit sehr das die der für ich mein wir sie haben hatte gut "
    "schlecht nie",
}
_SETS = {language: frozenset(words.split()) for language, words in _WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """Return the BCP 47 tag of the language the text is clearly in, else None."""
    words = [word.lower() for word in _WORD.findall(text)]
    scores = sorted(
        ((sum(word in _SETS[language] for word in words), language) for language in _SETS),
        reverse=True,
    )
    (best, first), (second, runner_up), (third, _) = scores[:3]
    # Clear means at least three telling words, and two more than the runner-up has.
    if best >= 3 and best >= second + 2:
        return first
    if {first, runner_up} == {"nb", "nn"} and best >= 3 and second >= third + 2:
        return "no"  # Norwegian, without the words that tell Bokmål from Nynorsk
    return None
