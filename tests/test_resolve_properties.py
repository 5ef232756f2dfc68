"""Properties of matching, proved with hypothesis over the shipped names."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from hypothesis import assume, example, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer

_GAZ = Gazetteer.default()
_OWNERS: dict[str, set[str]] = defaultdict(set)
for _place in _GAZ:
    for _name in _place.names:
        _OWNERS[_name.text].add(_place.id)
# real-language names (not the script-only GeoNames variants), long enough to carry meaning
_NAMES = sorted(t for p in _GAZ for n in p.names if not n.lang.startswith("und")
                for t in [n.text] if len(t) >= 4)
shipped_names = st.sampled_from(_NAMES)

_APOSTROPHES = "'ʼʻ’"
_DASHES = "-‐–—"


@st.composite
def spelling_variant(draw: st.DrawFn) -> tuple[str, str]:
    """A shipped name and a variant that must not change its place: case, Unicode form,
    spacing, apostrophe and dash variants, invisible characters."""
    text = draw(shipped_names)
    variant = text
    if draw(st.booleans()):
        variant = draw(st.sampled_from([variant.upper(), variant.lower(), variant.title()]))
    variant = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD", "NFKC"])), variant)
    for ch in _APOSTROPHES:
        variant = variant.replace(ch, draw(st.sampled_from(_APOSTROPHES)))
    for ch in _DASHES:
        variant = variant.replace(ch, draw(st.sampled_from(_DASHES)))
    if draw(st.booleans()):
        variant = f"  {variant.replace(' ', '  ')} "
    if draw(st.booleans()):
        variant = "\u200e" + variant + "\u200b"
    return text, variant


def _casing_is_safe(text: str) -> bool:
    # upper-casing ı, ß, ŉ etc. changes letters, not just case
    return text.upper().lower() == text.lower()


@given(spelling_variant())
def test_spelling_variants_resolve_to_the_same_place(pair: tuple[str, str]) -> None:
    text, variant = pair
    assume(_casing_is_safe(text))
    want = toponyms.resolve(text)
    assert want is not None and want.place.id in _OWNERS[text], text  # a place with the name
    match = toponyms.resolve(variant)
    assert match is not None, variant
    assert match.place.id == want.place.id, (text, variant)


@given(shipped_names, st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_results_do_not_depend_on_unicode_form(text: str, form: str) -> None:
    a, b = toponyms.resolve(text), toponyms.resolve(unicodedata.normalize(form, text))
    assert (a and a.place.id) == (b and b.place.id)


@given(st.text(max_size=60))
def test_any_text_gives_none_or_a_sane_match(text: str) -> None:
    match = toponyms.resolve(text)
    if match is not None:
        assert 85 <= match.score <= 100
        assert match.method in ("exact", "normalized", "transliteration", "fuzzy", "compound")
        assert match.name in match.place.names


@given(st.text(max_size=30), st.floats(min_value=0, max_value=100))
def test_search_is_sorted_and_bounded(text: str, min_score: float) -> None:
    found = toponyms.search(text, limit=20, min_score=min_score)
    scores = [m.score for m in found]
    assert scores == sorted(scores, reverse=True)
    assert all(min_score - 0.01 <= s <= 100 for s in scores)
    assert len({m.place.id for m in found}) == len(found) <= 20


@given(shipped_names, st.floats(min_value=0, max_value=100))
def test_resolve_never_answers_below_min_score(text: str, min_score: float) -> None:
    match = toponyms.resolve(text + "x", min_score=min_score)
    assert match is None or match.score >= min_score - 0.01


@given(shipped_names)
def test_resolve_agrees_with_the_top_of_search(text: str) -> None:
    best = toponyms.resolve(text)
    top = toponyms.search(text, limit=1, min_score=85)
    # both answer or neither does ("Azerbaijani", Swahili for Azerbaijan, is listed as a word
    # that is not a place: without lang= neither answers)
    assert (best is None) == (not top), (text, best, top)
    assert best is None or best.score == top[0].score


@given(shipped_names, st.sampled_from(["talks", "war", "attack", "declaration", "border"]))
def test_a_described_name_tops_search_as_it_answers_resolve(name: str, word: str) -> None:
    # the phrase reading ("Baku talks": Baku at 93) must lead search's list too, above the
    # weak whole-text fuzzy hits search shows below resolve's threshold
    text = f"{name} {word}"
    best = toponyms.resolve(text)
    assume(best is not None)
    top = toponyms.search(text, limit=1)
    assert top and (top[0].place.id, top[0].score) == (best.place.id, best.score), (text, top)


_KEYS = _GAZ._index.fuzzy_keys


@st.composite
def key_with_typo(draw: st.DrawFn) -> str:
    """A transliteration key of the data with up to two random edits."""
    key = draw(st.sampled_from(_KEYS))
    for _ in range(draw(st.integers(0, 2))):
        i = draw(st.integers(0, len(key)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        letter = draw(st.sampled_from("abdeghijklmnorstuvyz"))
        if op == "insert":
            key = key[:i] + letter + key[i:]
        elif op == "delete":
            key = key[:i] + key[i + 1 :]
        else:
            key = key[:i] + letter + key[i + 1 :]
    return key


@given(key_with_typo(), st.floats(min_value=60, max_value=100))
def test_fuzzy_candidates_lose_nothing_a_full_scan_finds(key: str, cutoff: float) -> None:
    # the trigram prefix filter must be exact: every key within the cutoff is found
    from rapidfuzz import fuzz, process

    assume(len(key) >= 4)
    found = dict(_GAZ._index.fuzzy(key, cutoff))
    full = {k: s for k, s, _ in process.extract(key, _KEYS, scorer=fuzz.ratio,
                                                 score_cutoff=cutoff, limit=None)}
    if cutoff >= 85 / 0.95:  # the resolve default and above: prefix filtering, exact
        assert set(found) == set(full)
    else:  # low cutoffs (search) score the best-sharing candidates: never a false hit
        assert set(found) <= set(full)


@given(st.lists(st.one_of(shipped_names, st.text(max_size=12), st.none()), max_size=30))
def test_resolve_many_equals_resolve_in_order(items: list[str | None]) -> None:
    many = _GAZ.resolve_many(items)
    assert len(many) == len(items)
    for item, got in zip(items, many, strict=True):
        assert got == (None if item is None else _GAZ.resolve(item))


def test_resolve_many_checks_types_and_filters() -> None:
    import pytest

    with pytest.raises(TypeError):
        _GAZ.resolve_many(["Terter", 42])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        _GAZ.resolve_many(["Terter"], kind="planet")
    found = toponyms.resolve_many(["Chinarli", "Chinarli"], country="AZ")
    assert [m and m.place.id for m in found] == ["az-khojavend-chinarli"] * 2


def _cut_word_place(stem: str, tmp: str) -> Gazetteer:
    """A one-place gazetteer whose only short form is `stem` cut short with a dot."""
    import pathlib

    path = pathlib.Path(tmp) / f"{stem}.yaml"
    path.write_text(
        "- id: xx-cut\n  kind: region\n  names:\n"
        "    - {text: Qwxzvbjk Region, lang: en, status: official, source: 'https://example.org'}\n"
        f"    - {{text: '{stem}.', lang: en, status: abbreviation, "
        "source: 'https://example.org'}\n", encoding="utf-8")
    return Gazetteer.from_files(path, base=False)


@given(st.text(alphabet="abcdefghilmnoprstuvw", min_size=2, max_size=6),
       st.sampled_from(["lower", "title", "upper"]))
def test_a_word_cut_short_with_a_dot_needs_the_dot(stem: str, case: str) -> None:
    """"Mass." (an abbreviation closed by its dot) names its place only when the query keeps
    the dot: "mass", "Mass" and "MASS" are words."""
    import tempfile

    word = getattr(stem, case)()
    with tempfile.TemporaryDirectory() as tmp:
        gaz = _cut_word_place(stem.title(), tmp)
        with_dot = gaz.resolve(f"{stem.title()}.")
        assert with_dot is not None and with_dot.place.id == "xx-cut"
        without = gaz.resolve(word)
        assert without is None or without.name.status != "abbreviation", (word, without)


@given(st.characters(categories=["Lu", "Ll", "Lo"]), st.integers(3, 40))
@example("ა", 3)
@example("а", 5)
def test_a_run_of_one_letter_is_no_place_through_romanization(letter: str, count: int) -> None:
    # romanizing "ააა" gives "aaa", folded to "a": the key of Kutaisi's ancient name Aea.
    # A key that lost most of the query's letters says nothing about it.
    match = Gazetteer.default().resolve(letter * count)
    assert match is None or match.method in ("exact", "normalized"), (letter, count, match)


@given(st.text(st.characters(categories=["Ll", "Lu"], max_codepoint=0x24F), min_size=4,
               max_size=12))
@example("Fariz")  # the Hebrew name of Paris read with vowel letters: not a Latin word's match
@example("Freia")
def test_a_latin_query_meets_latin_names_at_the_loose_stages(word: str) -> None:
    # a Latin reading of a Hebrew, Arabic or Greek name is a guess at how it sounds; a
    # Latin word that equals that guess is evidence of nothing (the data has Latin names)
    match = Gazetteer.default().resolve(word)
    if match is not None and match.method in ("transliteration", "fuzzy"):
        first = unicodedata.name(next(ch for ch in match.name.text if ch.isalpha()))
        assert first.startswith(("LATIN", "CYRILLIC")), (word, match.name)
