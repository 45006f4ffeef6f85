"""Which earlier texts share enough word pairs with a new one: thousands of texts in seconds.

An inverted index that counts shared pairs text by text grows with the square of the number of
texts when most texts use the same common pairs ("thank you", "your order"). Here each pair
remembers the texts that use it as the bits of one integer, and the counts of all earlier texts
are added at once, bit-sliced: Python's integers do the work of a loop over texts in C.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class PairIndex:
    """Remembers the word pairs of texts, numbered 0, 1, 2… in the order they are added."""

    def __init__(self) -> None:
        self.users: dict[Hashable, int] = {}  # pair -> bit k set when text k uses the pair
        self.lengths: dict[int, int] = {}  # number of words -> bit k set when text k has it
        self.size = 0

    def add(self, pairs: Iterable[Hashable], length: int) -> int:
        """Remember one text's distinct pairs and its number of words; return its number."""
        bit = 1 << self.size
        for pair in pairs:
            self.users[pair] = self.users.get(pair, 0) | bit
        self.lengths[length] = self.lengths.get(length, 0) | bit
        self.size += 1
        return self.size - 1

    def sharing(self, pairs: Iterable[Hashable], least: int, lengths: range) -> list[int]:
        """Return the earlier texts of a length in `lengths` using `least` (≥ 1) of these pairs."""
        least = max(least, 1)  # a text that shares nothing is never a match
        # slices[i] holds bit i of every text's count: text k's count is Σ bit k of slices[i] · 2^i.
        slices: list[int] = []
        for pair in pairs:
            carry = self.users.get(pair, 0)
            level = 0
            while carry:
                if level == len(slices):
                    slices.append(0)
                slices[level], carry = slices[level] ^ carry, slices[level] & carry
                level += 1
        # Compare every count with `least` at once, from the highest bit down.
        above, equal = 0, 0
        for length in lengths:
            equal |= self.lengths.get(length, 0)
        for level in reversed(range(max(len(slices), least.bit_length()))):
            bit = slices[level] if level < len(slices) else 0
            if least >> level & 1:
                equal &= bit
            else:
                above |= equal & bit
                equal &= ~bit
        # The set bits, lowest first: str.find walks the binary digits in C.
        digits = bin(above | equal)[:1:-1]
        numbers, number = [], digits.find("1")
        while number >= 0:
            numbers.append(number)
            number = digits.find("1", number + 1)
        return numbers
