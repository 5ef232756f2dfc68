"""The fuzzy stage's candidate filter (toponyms.trigrams): the distances a cutoff allows, and
no key that reaches the cutoff ever dropped by a shortlist, with numpy or without."""

from __future__ import annotations

from array import array
from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from toponyms import trigrams


@given(st.integers(1, 40), st.integers(1, 40), st.floats(min_value=0, max_value=100))
def test_reach_is_the_largest_distance_the_cutoff_allows(length: int, n: int,
                                                          cutoff: float) -> None:
    # the insertion/deletion distances between keys of these lengths: |length - n| and up in
    # steps of two; the ratio of each, as rapidfuzz computes it
    fitting = [d for d in range(abs(length - n), length + n + 1, 2)
               if 100 * (1 - d / (length + n)) >= cutoff]
    assert trigrams.reach(length, n, cutoff) >= (max(fitting) if fitting else -1)
    # and not looser than one step of slack (it prunes)
    assert trigrams.reach(length, n, cutoff) <= (max(fitting) if fitting else -1) + 2


def test_reach_of_one_substitution() -> None:
    assert trigrams.reach(8, 8, 87.5) == 2  # one substitution: a deletion and an insertion
    assert trigrams.reach(8, 6, 87.5) == -1  # two letters fewer is two deletions: 85.7 < 87.5
    assert trigrams.reach(8, 7, 87.5) == 1


_POSTINGS = st.lists(st.lists(st.integers(0, 60), max_size=40, unique=True).map(
    lambda ids: array("I", sorted(ids))), max_size=12)


def _counts(postings: list[array[int]]) -> Counter[int]:
    return Counter(number for ids in postings for number in ids)


@given(_POSTINGS, st.integers(1, 50))
def test_most_shared_takes_the_highest_counts_then_the_first_indexed(
        postings: list[array[int]], limit: int) -> None:
    counts = _counts(postings)
    # the rule it replaced: every (number, count) pair sorted by (-count, number)
    want = sorted(sorted(counts, key=lambda k: (-counts[k], k))[:limit])
    assert trigrams.most_shared_python(postings, limit) == want
    np = trigrams.numpy_or_none()
    assume(np is not None and postings)
    assert trigrams.most_shared_numpy(np, postings, limit) == want


@given(st.lists(_POSTINGS.filter(lambda p: len(p) >= 1), min_size=1, max_size=4), st.data())
def test_a_head_keeps_every_key_in_enough_postings(buckets: list[list[array[int]]],
                                                   data: st.DataObject) -> None:
    # a key near enough misses at most needed - 1 of its bucket's postings: every such key is
    # in the shortlist, with numpy and without
    heads, near = [], set()
    for b, postings in enumerate(buckets):
        postings = [array("I", (b * 100 + n for n in ids)) for ids in postings]  # own numbers
        postings.sort(key=len)
        needed = data.draw(st.integers(1, len(postings)))
        head, j = trigrams.head(postings, needed)
        assert list(head) == postings[: len(head)] and 1 <= j <= len(head)
        assert len(head) - j + 1 == needed  # in j of needed - 1 + j postings
        heads.append((head, j))
        counts = _counts(postings)
        near |= {k for k, c in counts.items() if c >= len(postings) - needed + 1}
    np = trigrams.numpy_or_none()
    assume(np is not None)
    got = trigrams.shortlists_numpy(np, heads)
    assert near <= got
    # and nothing that is in fewer than j postings of its head
    assert got == {k for h, j in heads for k, c in _counts(list(h)).items() if c >= j}


_LETTERS = st.text(alphabet="abcdefgh", min_size=3, max_size=16)


@given(_LETTERS, st.data())
def test_scored_keeps_a_choice_whose_ratio_is_the_cutoff(key: str, data: st.DataObject) -> None:
    # rapidfuzz's process.extract drops many choices scoring exactly its score_cutoff; the
    # fuzzy stage's cutoffs are ratios of whole edit counts, so keys land on them
    spots = data.draw(st.lists(st.integers(0, len(key) - 1), min_size=1, max_size=3))
    other = list(key)
    for i in spots:
        other[i] = "x"
    choice = "".join(other)
    assume(choice != key)
    ratio = 100 * (1 - 2 * sum(a != b for a, b in zip(key, choice, strict=True)) / (2 * len(key)))
    assert trigrams.scored(key, [choice], ratio) == [(choice, pytest.approx(ratio))]
    assert trigrams.scored(key, [choice], ratio + 0.01) == []
