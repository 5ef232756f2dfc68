"""The fuzzy stage's trigram filter (toponyms.trigrams): how far a key may be, no needless
fallback, and no key near enough ever dropped."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from toponyms import trigrams
from toponyms.index import NameIndex
from toponyms.model import Name, Place


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
    real = trigrams.scored

    def spy(key: str, choices: list[str], cutoff: float) -> list[tuple[str, float]]:
        scored.extend(choices)
        return real(key, choices, cutoff)

    monkeypatch.setattr(trigrams, "scored", spy)
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


@given(st.lists(_LETTERS, min_size=1, max_size=60, unique=True), _LETTERS,
       st.floats(min_value=60, max_value=100))
def test_numpy_and_set_shortlists_find_the_same_keys(words: list[str], key: str,
                                                     cutoff: float) -> None:
    places = [Place(f"p{i}", "city", names=(Name(w, "en", "official"),))
              for i, w in enumerate(words)]
    idx = NameIndex(places, ["city"], frozenset())
    assume(trigrams.numpy_or_none() is not None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trigrams, "NUMPY_MIN_POSTINGS", 0)
        with_numpy = idx.fuzzy(key, cutoff)
        patch.setattr(trigrams, "numpy_or_none", lambda: None)
        without = idx.fuzzy(key, cutoff)
    assert sorted(with_numpy) == sorted(without)
