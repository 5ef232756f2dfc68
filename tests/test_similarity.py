"""The fuzzy stage's romanization-aware score (toponyms.similarity) and what it resolves."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms.model import DataError
from toponyms.similarity import (
    FUZZY_MAX,
    SWAP_COST,
    budget,
    class_key,
    cost,
    limit,
    score,
    swap_rules,
)
from toponyms.translit import load_languages

cascade = importlib.import_module("toponyms.cascade")
_KEYS = sorted(k for k in toponyms.Gazetteer.default()._index.fuzzy_keys if 4 <= len(k) <= 20)
_FORMS = sorted({f for forms in swap_rules().classes for f in forms if f})
_IN_A_CLASS = {f: {g for forms in swap_rules().classes if f in forms for g in forms}
               for f in _FORMS}
keys = st.sampled_from(_KEYS)


@st.composite
def swap_and_plain(draw: st.DrawFn) -> tuple[str, str, str]:
    """A key of the data, the key with one swap at some position, and the key with a plain
    substitution of a letter at that same position."""
    key = draw(keys)
    spots = [(i, f) for f in _FORMS for i in range(len(key)) if key.startswith(f, i)]
    assume(spots)
    i, form = draw(st.sampled_from(spots))
    others = sorted(g for g in _IN_A_CLASS[form] if g != form)
    other = draw(st.sampled_from(others))
    swapped = key[:i] + other + key[i + len(form) :]
    near = _IN_A_CLASS.get(key[i], set()) | {key[i]}
    letter = draw(st.sampled_from([c for c in "bdflmnprtz" if c not in near]))
    plain = key[:i] + letter + key[i + 1 :]
    return key, swapped, plain


@given(swap_and_plain())
def test_a_swap_never_scores_below_a_plain_edit_at_the_same_place(
        case: tuple[str, str, str]) -> None:
    key, swapped, plain = case
    assume(swapped != key)
    assert score(key, swapped) >= score(key, plain)
    assert cost(key, swapped) <= SWAP_COST


@given(keys, keys)
def test_scores_stay_below_the_transliteration_stage_and_are_symmetric(a: str, b: str) -> None:
    got = score(a, b)
    assert 0.0 <= got <= FUZZY_MAX < cascade.SCORES["transliteration"]
    assert got == score(b, a)
    assert (got == FUZZY_MAX) == (a == b)


@given(keys, keys, st.floats(min_value=0.0, max_value=4.0))
def test_stopping_early_never_changes_a_cost_within_the_limit(a: str, b: str,
                                                               most: float) -> None:
    full = cost(a, b)
    early = cost(a, b, most)
    if full <= most:
        assert early == full
    else:
        assert early > most


def test_budget_is_one_swap_for_short_keys_and_a_plain_edit_from_eight_letters() -> None:
    assert [budget(n) for n in (4, 6)] == [SWAP_COST, SWAP_COST]
    assert budget(7) < 1.0 <= budget(8) and budget(16) == 2.0
    assert limit(8, 85.0) == pytest.approx(1.0)
    assert limit(8, 60.0) > limit(8, 85.0) > limit(8, 93.0) > 0.0


@pytest.mark.parametrize(("a", "b"), [("guba", "kuba"), ("shamaxi", "schamachi"),
                                      ("susa", "schuscha"), ("ganja", "gandscha"),
                                      ("avlax", "javlach")])
def test_swapped_spellings_share_a_class_key(a: str, b: str) -> None:
    assert class_key(a) == class_key(b)


@pytest.mark.parametrize(("query", "place"), [
    ("Dschalilabad", "az-jalilabad"),
    ("Imischli", "az-imishli"),
    ("Gandscha", "az-ganja"),
    ("Dschebrail", "az-jabrayil"),
    ("Agdschabedi", "az-aghjabadi"),
    ("Jevlach", "az-yevlakh"),
    ("Stepanakertt", "az-khankendi"),
])
def test_romanization_variants_of_the_regions_towns_resolve(query: str, place: str) -> None:
    m = toponyms.resolve(query)
    assert m is not None and m.place.id == place


def test_a_short_towns_swapped_spelling_resolves_where_it_is_the_only_reading() -> None:
    # Kuba is Cuba in many languages and Quba in Russian: with the country it is Quba
    m = toponyms.resolve("Kuba", country="AZ")
    assert m is not None and m.place.id == "az-quba"


def test_the_old_ratio_rule_stays_callable_for_comparison(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    gaz = toponyms.Gazetteer.from_files()
    monkeypatch.setattr(cascade, "FUZZY_RULE", "ratio")
    assert gaz.resolve("Dschalilabad") is None  # below 85 under the ratio rule
    monkeypatch.setattr(cascade, "FUZZY_RULE", "romanization")
    gaz.cache_clear()
    m = gaz.resolve("Dschalilabad")
    assert m is not None and (m.place.id, m.method) == ("az-jalilabad", "fuzzy")


def _dev_non_places() -> list[str]:
    text = (Path(__file__).parent / "fuzzy_non_places.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_real_words_and_first_names_rarely_resolve() -> None:
    words = _dev_non_places()
    answered = [w for w in words if toponyms.resolve(w) is not None]
    assert len(words) > 10_000
    assert len(answered) <= len(words) / 75, answered[:50]


def test_a_swap_class_of_one_spelling_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "skeleton.yaml").write_text("swaps:\n  - [ş]\n", encoding="utf-8")
    with pytest.raises(DataError, match="two or more"):
        load_languages(tmp_path)
    (tmp_path / "skeleton.yaml").write_text("swaps:\n  - [ş, 's h']\n", encoding="utf-8")
    with pytest.raises(DataError, match="letters"):
        load_languages(tmp_path)
