"""Which earlier texts share enough words with a new one: thousands of texts in seconds.

An inverted index that counts shared words text by text grows with the square of the number of
texts when most texts use the same common words ("thank", "you", "order"). Here each word
remembers the texts that use it as the bits of one integer, and the counts of all earlier texts
are added at once, bit-sliced: Python's integers do the work of a loop over texts in C.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping


class WordIndex:
    """Remembers the words of texts, numbered 0, 1, 2… in the order they are added.

    A word is any hashable; to count a word used twice as two, give its occurrences apart,
    like ("thanks", 1) and ("thanks", 2).
    """

    def __init__(self) -> None:
        self.users: dict[Hashable, int] = {}  # word -> bit k set when text k uses the word
        self.lengths: dict[int, int] = {}  # length -> bit k set when text k has it
        self.size = 0

    def add(self, words: Iterable[Hashable], length: int) -> int:
        """Remember one text's distinct words and its length; return its number."""
        bit = 1 << self.size
        for word in words:
            self.users[word] = self.users.get(word, 0) | bit
        self.lengths[length] = self.lengths.get(length, 0) | bit
        self.size += 1
        return self.size - 1

    def sharing(self, words: Iterable[Hashable], least: Mapping[int, int]) -> list[int]:
        """Return the earlier texts sharing at least least[length] (≥ 1) of these words.

        `least` maps each length worth looking at to the number of shared words a text of
        that length needs; texts of other lengths are never returned.
        """
        # slices[i] holds bit i of every text's count: text k's count is Σ bit k of slices[i] · 2^i.
        slices: list[int] = []
        for word in words:
            carry = self.users.get(word, 0)
            level = 0
            while carry:
                if level == len(slices):
                    slices.append(0)
                slices[level], carry = slices[level] ^ carry, slices[level] & carry
                level += 1
        # Lengths that need the same count are compared together: one pass per count.
        texts_needing: dict[int, int] = {}
        for length, count in least.items():
            if texts := self.lengths.get(length, 0):
                count = max(count, 1)  # a text that shares nothing is never a match
                texts_needing[count] = texts_needing.get(count, 0) | texts
        found = 0
        for count, texts in texts_needing.items():
            found |= _at_least(slices, count, texts)
        # The set bits, lowest first: str.find walks the binary digits in C.
        digits = bin(found)[:1:-1]
        numbers, number = [], digits.find("1")
        while number >= 0:
            numbers.append(number)
            number = digits.find("1", number + 1)
        return numbers


def _at_least(slices: list[int], count: int, texts: int) -> int:
    """Return the bits of `texts` whose bit-sliced count is at least `count`, all at once."""
    above, equal = 0, texts
    for level in reversed(range(max(len(slices), count.bit_length()))):
        bit = slices[level] if level < len(slices) else 0
        if count >> level & 1:
            equal &= bit
        else:
            above |= equal & bit
            equal &= ~bit
    return above | equal
