"""The fuzzy stage's trigram filter: how far a key may be, and no needless fallback."""

from __future__ import annotations

from array import array
from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from toponyms import index
from toponyms.index import NameIndex, _reach
from toponyms.model import Name, Place


@given(st.integers(1, 40), st.integers(1, 40), st.floats(min_value=0, max_value=100))
def test_reach_is_the_largest_distance_the_cutoff_allows(length: int, n: int,
                                                          cutoff: float) -> None:
    # the insertion/deletion distances between keys of these lengths: |length - n| and up in
    # steps of two; the ratio of each, as rapidfuzz computes it
    fitting = [d for d in range(abs(length - n), length + n + 1, 2)
               if 100 * (1 - d / (length + n)) >= cutoff]
    assert _reach(length, n, cutoff) >= (max(fitting) if fitting else -1)
    # and not looser than one step of slack (it prunes)
    assert _reach(length, n, cutoff) <= (max(fitting) if fitting else -1) + 2


def test_reach_of_one_substitution() -> None:
    assert _reach(8, 8, 87.5) == 2  # one substitution: a deletion and an insertion
    assert _reach(8, 6, 87.5) == -1  # two letters fewer is two deletions: 85.7 < 87.5
    assert _reach(8, 7, 87.5) == 1


def test_one_edit_cutoff_scores_no_key_too_short_to_reach_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the cascade's cutoff for one edit in an 8-letter key: a 6-letter key is two deletions
    # away (ratio 85.7), so however many trigrams it shares it is never handed to rapidfuzz;
    # a 7-letter one is one deletion away, and found
    words = ["tbilisis", "tbilis", "tbilisi", "kutaisis", "tbilsisi", "tbilisiz"]
    places = [Place(f"p{i}", "city", names=(Name(w, "en", "official"),))
              for i, w in enumerate(words)]
    idx = NameIndex(places, ["city"], frozenset())
    scored: list[str] = []
    real = index._scored

    def spy(key: str, choices: list[str], cutoff: float) -> list[tuple[str, float]]:
        scored.extend(choices)
        return real(key, choices, cutoff)

    monkeypatch.setattr(index, "_scored", spy)
    cutoff = 100 * (1 - 1 / 8)
    found = dict(idx.fuzzy("tbilisis", cutoff))
    assert set(found) == {k for k in idx.fuzzy_keys if fuzz.ratio("tbilisis", k) >= cutoff}
    assert {"tbilisi", "tbilsisi", "tbilisiz"} <= set(found)
    assert "tbilis" not in scored


_LETTERS = st.text(alphabet="abcde", min_size=3, max_size=11)


@given(st.lists(_LETTERS, min_size=1, max_size=60, unique=True), st.data(),
       st.floats(min_value=60, max_value=100))
def test_the_shortlist_keeps_every_key_a_full_scan_finds(words: list[str], data: st.DataObject,
                                                         cutoff: float) -> None:
    # keys of five letters share many trigrams, so the postings overlap and the shortlist
    # (in one of the rarest postings, and in two of one more) is put to the test; the query is
    # a key of the index with a letter changed, dropped or added, or any string
    word = data.draw(st.sampled_from(words))
    i = data.draw(st.integers(0, len(word)))
    letter = data.draw(st.sampled_from("abcde"))
    key = data.draw(st.sampled_from([word[:i] + letter + word[i + 1:], word[:i] + word[i + 1:],
                                     word[:i] + letter + word[i:], data.draw(_LETTERS)]))
    assume(len(key) >= 3)
    places = [Place(f"p{i}", "city", names=(Name(w, "en", "official"),))
              for i, w in enumerate(words)]
    idx = NameIndex(places, ["city"], frozenset())
    fell_back: list[bool] = []
    real = idx._fuzzy_by_count

    def spy(*args: object) -> list[tuple[str, float]]:
        fell_back.append(True)
        return real(*args)  # type: ignore[arg-type]

    idx._fuzzy_by_count = spy  # type: ignore[method-assign]
    found = dict(idx.fuzzy(key, cutoff))
    full = {k: fuzz.ratio(key, k) for k in idx.fuzzy_keys if fuzz.ratio(key, k) >= cutoff}
    assume(not fell_back)  # the fallback scores the best-sharing keys: not exact by design
    assert found == full


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
    assert index._most_shared_python(postings, limit) == want
    np = index._numpy()
    assume(np is not None and postings)
    assert index._most_shared_numpy(np, postings, limit) == want


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
        head, j = index._head(postings, needed)
        assert list(head) == postings[: len(head)] and 1 <= j <= len(head)
        assert len(head) - j + 1 == needed  # in j of needed - 1 + j postings
        heads.append((head, j))
        counts = _counts(postings)
        near |= {k for k, c in counts.items() if c >= len(postings) - needed + 1}
    np = index._numpy()
    assume(np is not None)
    got = index._shortlists_numpy(np, heads)
    assert near <= got
    # and nothing that is in fewer than j postings of its head
    assert got == {k for h, j in heads for k, c in _counts(list(h)).items() if c >= j}


@given(st.lists(_LETTERS, min_size=1, max_size=60, unique=True), _LETTERS,
       st.floats(min_value=60, max_value=100))
def test_numpy_and_set_shortlists_find_the_same_keys(words: list[str], key: str,
                                                     cutoff: float) -> None:
    places = [Place(f"p{i}", "city", names=(Name(w, "en", "official"),))
              for i, w in enumerate(words)]
    idx = NameIndex(places, ["city"], frozenset())
    assume(index._numpy() is not None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "NUMPY_MIN_POSTINGS", 0)
        with_numpy = idx.fuzzy(key, cutoff)
        patch.setattr(index, "_numpy", lambda: None)
        without = idx.fuzzy(key, cutoff)
    assert sorted(with_numpy) == sorted(without)
