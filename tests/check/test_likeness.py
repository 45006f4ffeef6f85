"""WordIndex finds exactly the earlier texts a plain count of shared words would find."""

import random

import pytest

from generator.check.likeness import WordIndex


def brute_force(texts, words, least):
    return [
        number
        for number, (other, length) in enumerate(texts)
        if length in least and len(words & other) >= max(least[length], 1)
    ]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("base", [0, 1, 2, 5, 9])
def test_sharing_matches_a_plain_count(seed, base):
    rng = random.Random(seed)
    vocabulary = [f"{a}{b}" for a in "abcdef" for b in "abcdef"]
    index, texts = WordIndex(), []
    for _ in range(60):
        words = set(rng.sample(vocabulary, rng.randint(1, 12)))
        length = rng.randint(3, 15)
        # Longer texts need more words in common, as they do for the canned-reply rule.
        least = {other: base + (other - length) // 2 for other in range(length - 3, length + 4)}
        assert index.sharing(words, least) == brute_force(texts, words, least)
        assert index.add(words, length) == len(texts)
        texts.append((words, length))


def test_an_empty_index_and_no_shared_words_find_nothing():
    index = WordIndex()
    assert index.sharing({"a"}, {length: 1 for length in range(10)}) == []
    index.add({"a"}, 4)
    assert index.sharing({"c"}, {length: 1 for length in range(10)}) == []
    assert index.sharing({"a"}, {length: 1 for length in range(5, 10)}) == []
    assert index.sharing({"a"}, {4: 1}) == [0]
    assert index.sharing({"a"}, {4: 0}) == [0]
    assert index.sharing({"c"}, {4: 0}) == []  # sharing nothing is never enough
    assert index.sharing({"a"}, {4: 2}) == []
