"""Compounds without a separator mark (toponyms.joined): possessives ("Armenia's Vanadzor",
"アルメニアのギュムリ"), text in a script without spaces that runs a parent's name, a kind word or
a title into the name ("亚美尼亚埃里温", "首都東京"), capital and community words, and a leading
descriptive word ("beautiful Gyumri")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, compound, joined
from toponyms.cascade import SCORES
from toponyms.keys import fold, script_of, split_generic, strip_marks
from toponyms.model import DataError
from toponyms.translit import STATE_TITLE

_GAZ = Gazetteer.default()
_KEYS = {toponyms.normalize(n.text) for p in _GAZ for n in p.names}
# kind words that are no name of the data (a kind word that is a name is read as a name)
_KINDS = sorted((w, k) for w, k in compound.spec().kind_words.items()
                if w not in _KEYS and k != STATE_TITLE and len(w) >= 2)
_CAPITAL_WORDS = sorted(w for w, k in _KINDS if k == compound.CAPITAL)


def _alone(text: str, place_id: str) -> bool:
    m = _GAZ.resolve(text)
    return m is not None and m.place.id == place_id and not m.ambiguous and m.method == "exact"


# names written without spaces (Han, kana) that resolve alone, exactly, to their place
_UNSPACED = sorted({(n.text, p.id, p.kind, p.country or "") for p in _GAZ
                    for n in p.names if script_of(n.text) in joined.UNSPACED
                    and " " not in n.text and not compound.has_separator(n.text)
                    and p.kind in ("country", "city", "town")
                    and _alone(n.text, p.id)})
_COUNTRIES = [(t, pid, c) for t, pid, kind, c in _UNSPACED if kind == "country"]
_TOWNS = [(t, pid, c) for t, pid, kind, c in _UNSPACED if kind != "country" and c]
# Latin names of cities and towns that resolve alone, exactly
_LATIN = sorted({(n.text, p.id) for p in _GAZ if p.kind in ("city", "town")
                 for n in p.names[:2] if n.text.isascii() and n.text.isalpha()
                 and _alone(n.text, p.id)})


@pytest.mark.parametrize(("query", "want"), [
    ("Armenia's Vanadzor", "am-vanadzor"),
    ("Yerevan’s Kentron", "am-kentron-district"),
    ("アルメニアのギュムリ", "am-gyumri"),
    ("ギュムリの町", "am-gyumri"),
    ("亚美尼亚埃里温", "am-yerevan"),
    ("首都東京", "jp-tokyo"),
    ("Hauptstadt Baku", "az-baku"),
    ("capitale Roma", "it-rome"),
    ("beautiful Gyumri", "am-gyumri"),
    ("Talish village of Tartar district", "az-tartar-talish"),
    ("Shirak ili", "am-shirak-province"),
    ("Lori ilinde", "am-lori-province"),
    ("the city of Gyumri", "am-gyumri"),
    ("Il Marz di Tavush", "am-tavush-province"),
    ("el pueblo de Goris", "am-goris"),
])
def test_joined_compounds_resolve_with_the_compound_method(query: str, want: str) -> None:
    m = toponyms.resolve(query)
    assert m is not None
    assert (m.place.id, m.method) == (want, "compound")


@pytest.mark.parametrize("query", ["Azerbaijan's Gyumri", "伊朗埃里温", "Yerevan's Paris",
                                   "Vanadzor town of Yerevan",
                                   "new Gyumri", "首都", "수도", "Hauptstadt", "community"])
def test_an_owner_of_another_country_a_name_word_or_a_kind_word_alone_is_no_answer(
        query: str) -> None:
    assert toponyms.resolve(query) is None


def test_a_capital_word_picks_the_capital_over_its_country_of_the_same_name() -> None:
    assert toponyms.resolve("Djibouti").place.id == "dj"  # type: ignore[union-attr]
    m = toponyms.resolve("capital Djibouti")
    assert m is not None and m.place.id == "dj-djibouti"


def test_a_title_written_onto_a_name_is_read_as_a_title() -> None:
    assert joined.read("ギュムリ共和国", compound.spec().kind_words, frozenset(), 5,
                       lambda _: True, lambda _: False) == joined.Reading(
        (("ギュムリ 共和国", None),), strict=False)
    assert toponyms.resolve("ギュムリ共和国") is None  # a town is no republic


def test_a_parent_run_into_a_name_is_a_strict_reading() -> None:
    reading = joined.read("亚美尼亚首都埃里温", compound.spec().kind_words, frozenset(), 5,
                          lambda text: text == "埃里温", lambda text: text == "亚美尼亚")
    assert reading == joined.Reading((("亚美尼亚", None), ("埃里温", None),
                                      ("首都", compound.CAPITAL)), strict=True)


@given(st.sampled_from(_KINDS))
def test_a_kind_word_alone_is_no_place(kind: tuple[str, str]) -> None:
    assert toponyms.resolve(kind[0]) is None


@given(st.sampled_from(_KINDS), st.sampled_from(_LATIN), st.booleans())
def test_a_kind_word_and_a_name_resolve_as_the_name_or_not_at_all(
        kind: tuple[str, str], name: tuple[str, str], before: bool) -> None:
    word, _ = kind
    text, place_id = name
    query = f"{word} {text}" if before else f"{text} {word}"
    assume(toponyms.normalize(query) not in _KEYS)
    m = toponyms.resolve(query)
    if m is not None:  # the name's place, a place of that name, or the place's parent
        assert strip_marks(fold(text)) in _names_and_cores(m.place.id) or (
            m.place.id == _GAZ.get(place_id).parent), (query, m.place.id)


def _names_and_cores(place_id: str) -> set[str]:
    """A place's folded names, and each name without its generic term ("Davachi District")."""
    folded = [fold(n.text) for n in _GAZ.get(place_id).names]
    return {strip_marks(t) for t in folded} | {
        strip_marks(core) for t in folded for core, _ in split_generic(t)}


@given(st.sampled_from(_CAPITAL_WORDS), st.sampled_from(_LATIN))
def test_a_capital_word_never_makes_an_answer_of_another_place(word: str,
                                                               name: tuple[str, str]) -> None:
    text, _ = name
    m = toponyms.resolve(f"{word} {text}")
    assert m is None or strip_marks(fold(text)) in _names_and_cores(m.place.id)


@given(st.sampled_from(_COUNTRIES), st.sampled_from(_TOWNS))
def test_a_country_run_into_a_place_of_another_country_is_no_confident_answer(
        country: tuple[str, str, str], town: tuple[str, str, str]) -> None:
    c_text, _, code = country
    t_text, t_id, t_code = town
    assume(t_code != code)
    query = c_text + t_text
    assume(toponyms.normalize(query) not in _KEYS)
    m = toponyms.resolve(query)
    # (the whole text may still meet a long country name fuzzily, as it did before)
    assert m is None or (m.place.id != t_id and m.score < SCORES["transliteration"]), (query, m)


_OWN = [(c, t) for c in _COUNTRIES for t in _TOWNS if c[2] == t[2]]


@given(st.sampled_from(_OWN))
def test_a_country_run_into_its_own_place_resolves_to_the_place(
        pair: tuple[tuple[str, str, str], tuple[str, str, str]]) -> None:
    (c_text, _, _), (t_text, t_id, _) = pair
    query = c_text + t_text
    assume(toponyms.normalize(query) not in _KEYS)
    m = toponyms.resolve(query)
    # the whole text that the cascade matches as a name ("コンゴ民主共和国(キンシャサ)") stands
    assume(m is None or m.method == "compound" or m.score < SCORES["transliteration"])
    assert m is not None and m.place.id == t_id, query


@given(st.sampled_from(_LATIN), st.sampled_from(["beautiful", "liberated", "restored"]))
def test_a_leading_descriptive_word_keeps_the_answer_of_the_bare_name(
        name: tuple[str, str], word: str) -> None:
    text, place_id = name
    assume(text[:1].isupper())  # a describing word stands before a proper name
    m = toponyms.resolve(f"{word} {text}")
    assert m is not None and m.place.id == place_id and m.score < SCORES["normalized"] + 0.5


@given(st.sampled_from(_LATIN), st.sampled_from(sorted(compound.spec().articles)),
       st.booleans())
def test_a_leading_article_keeps_the_answer_of_the_bare_name(
        name: tuple[str, str], article: str, capital: bool) -> None:
    text, place_id = name
    assume(text[:1].isupper())
    query = f"{article.capitalize() if capital else article} {text}"
    assume(query.casefold() not in _KEYS)  # "La Paz" is a name as written
    m = toponyms.resolve(query)
    assert m is not None and m.place.id == place_id and m.score < SCORES["normalized"] + 0.5


def test_malformed_possessives_are_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "compound.yaml"
    path.write_text("possessives:\n  particles: [のの]\n", encoding="utf-8")
    with pytest.raises(DataError, match="particle"):
        joined.load_possessives(path)
    path.write_text("possessives: [1, 2]\n", encoding="utf-8")
    with pytest.raises(DataError, match="possessives"):
        joined.load_possessives(path)


def test_a_greek_title_in_the_genitive_is_read_as_a_title() -> None:
    m = toponyms.resolve("Δημοκρατίας της Αρμενίας")
    assert m is not None and m.place.id == "am"
    assert toponyms.resolve("Δημοκρατίας") is None


@given(st.text(alphabet=st.sampled_from("の的'’s 首都共和国城市小镇伊朗德黑蘭・ギュムリ街 ofcity"),
               max_size=60))
def test_read_is_total_and_its_parts_are_never_empty(text: str) -> None:
    reading = joined.read(text, compound.spec().kind_words, compound.spec().function_words, 5,
                          lambda t: len(t) % 2 == 0, lambda t: len(t) % 3 == 0)
    assert reading is None or (reading.parts and all(t.strip() for t, _ in reading.parts))
    toponyms.resolve(text)  # never a crash


@given(st.sampled_from(["gemenebes", "liberated", "schönes"]),
       st.sampled_from(["van", "baku", "gyumri", "lachin"]))
def test_a_describing_word_before_a_lower_case_word_reads_nothing_off(
        word: str, rest: str) -> None:
    assert joined.descriptive_rest(f"{word} {rest}", frozenset()) is None


@pytest.mark.parametrize(("query", "expected"), [
    ("首都 Georgetown", "gy-georgetown"),  # not George Town: "town" is no kind word inside a word
    ("古都 Georgetown", "gy-georgetown"),
])
def test_a_kind_word_of_a_spaced_script_is_read_off_only_as_a_whole_word(query: str,
                                                                          expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


def _villages_in_districts() -> list[tuple[str, str, str]]:
    """(village name, district name, village id): English names that resolve to them alone."""
    out = []
    for place in _GAZ:
        up = _GAZ.get(place.parent) if place.kind == "village" and place.parent else None
        if up is None or up.kind != "district":
            continue
        own = next((n.text for n in place.names if n.lang == "en" and " " not in n.text
                    and _alone(n.text, place.id)), None)
        above = next((n.text[: -len(" district")] for n in up.names if n.lang == "en"
                      and n.text.lower().endswith(" district") and _alone(n.text, up.id)), None)
        if own and above:
            out.append((own, above, place.id))
    return sorted(out)


_VILLAGES = _villages_in_districts()


@given(st.sampled_from(_VILLAGES), st.sampled_from(["", "the "]), st.sampled_from(["", "the "]))
def test_a_kind_word_and_a_function_word_between_two_names_at_any_length(
        case: tuple[str, str, str], lead: str, article: str) -> None:
    # "Talish village of the Tartar district": six words, longer than a split at a space reads
    village, district, want = case
    m = toponyms.resolve(f"{lead}{village} village of {article}{district} district")
    assert m is not None and (m.place.id, m.method) == (want, "compound"), (case, m)


@given(st.sampled_from(_LATIN), st.sampled_from(["the", "The", "la", "die"]), st.data())
def test_an_article_before_a_loose_match_keeps_its_answer_and_score(
        name: tuple[str, str], article: str, data: st.DataObject) -> None:
    # "the town of Gadzhigabul": an article says nothing, so a fuzzy rest still answers
    text, _ = name
    assume(len(text) >= 8)
    at = data.draw(st.integers(2, len(text) - 3))
    typo = text[:at] + "x" + text[at + 1:]
    alone = toponyms.resolve(typo)
    assume(alone is not None and alone.method == "fuzzy")
    m = toponyms.resolve(f"{article} {typo}")
    assert m is not None and (m.place.id, m.score) == (alone.place.id, alone.score)
