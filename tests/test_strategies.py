"""toponyms.strategies: the public hypothesis strategies, and our own properties through them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms.strategies import noisy_text, place_names, spelling_variants, unicode_junk

GAZ = toponyms.Gazetteer.default()


@given(place_names(lang="az"))
def test_place_names_are_shipped_names_in_the_language(name: str) -> None:
    assert any(n.text == name and n.lang.startswith("az") for p in GAZ for n in p.names)


@given(place_names(script="ARMENIAN").flatmap(
    lambda n: spelling_variants(n, typos=False).map(lambda v: (n, v))))
def test_variants_without_typos_normalize_alike_or_resolve_alike(pair: tuple[str, str]) -> None:
    name, variant = pair
    original, found = GAZ.resolve(name), GAZ.resolve(variant)
    assert original is not None and found is not None
    owners = {p.id for p in GAZ if any(n.text == name for n in p.names)}
    assert found.place.id in owners | {original.place.id}


@settings(max_examples=50)
@given(noisy_text())
def test_noisy_text_gold_spans_are_found_by_extract(sample: tuple[str, list]) -> None:
    text, gold = sample
    found = [(m.start, m.end, m.match.place.id) for m in toponyms.extract(text)]
    assert all(text[s:e] == GAZ.get(pid).label("en") for s, e, pid in gold)
    assert found == gold


@given(unicode_junk())
def test_nothing_raises_on_unicode_junk(text: str) -> None:
    toponyms.normalize(text)
    if len(text.strip()) > 500:
        with pytest.raises(ValueError):
            toponyms.resolve(text)
    else:
        match = toponyms.resolve(text)
        assert match is None or 0 <= match.score <= 100
    for m in toponyms.extract(text):
        assert text[m.start:m.end] == m.text


@given(st.data())
def test_strategies_reject_impossible_requests(data: st.DataObject) -> None:
    with pytest.raises(ValueError):
        data.draw(place_names(lang="xx-nonexistent"))
