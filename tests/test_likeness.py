"""PairIndex finds exactly the earlier texts a plain count of shared pairs would find."""

import random

import pytest

from generator.likeness import PairIndex


def brute_force(texts, pairs, least, lengths):
    return [
        number
        for number, (other, length) in enumerate(texts)
        if length in lengths and len(pairs & other) >= max(least, 1)
    ]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("least", [0, 1, 2, 5, 9])
def test_sharing_matches_a_plain_count(seed, least):
    rng = random.Random(seed)
    vocabulary = [(a, b) for a in "abcdef" for b in "abcdef"]
    index, texts = PairIndex(), []
    for _ in range(60):
        pairs = set(rng.sample(vocabulary, rng.randint(1, 12)))
        length = rng.randint(3, 15)
        lengths = range(length - 3, length + 4)
        assert index.sharing(pairs, least, lengths) == brute_force(texts, pairs, least, lengths)
        assert index.add(pairs, length) == len(texts)
        texts.append((pairs, length))


def test_an_empty_index_and_no_shared_pairs_find_nothing():
    index = PairIndex()
    assert index.sharing({("a", "b")}, 1, range(0, 10)) == []
    index.add({("a", "b")}, 4)
    assert index.sharing({("c", "d")}, 1, range(0, 10)) == []
    assert index.sharing({("a", "b")}, 1, range(5, 10)) == []
    assert index.sharing({("a", "b")}, 1, range(4, 5)) == [0]
