"""Annotated queries without a separator: a kind word at an edge ("Gyumri город"), a leading
preposition ("in Gyumri", "в Шуше"), a name made an adjective before a kind word or a title
(toponyms.compound.annotated, toponyms.inflection, data/languages/prepositions.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, compound
from toponyms.inflection import ENDING_PENALTY, base_forms, load_prepositions, prepositions
from toponyms.kindwords import kind_of
from toponyms.model import DataError
from toponyms.translit import STATE_TITLE, languages

_GAZ = Gazetteer.default()
_KEYS = {toponyms.normalize(n.text) for p in _GAZ for n in p.names}
# names that resolve to their place alone, exactly, with no kind word at an edge
_SOLO = sorted({(n.text, p.id) for p in _GAZ if p.kind != "country" for n in p.names[:2]
                if (m := _GAZ.resolve(n.text)) is not None and m.place.id == p.id
                and not m.ambiguous and m.method == "exact" and len(n.text.split()) <= 3
                and not compound.has_separator(n.text) and compound.annotated(n.text) is None})
# kind words that are no place's name, of two letters or more (state titles, "republic of",
# are kind words too, but a title before a common word is a question for the cascade's
# common-word rule, which reads the whole text: "република Aaron" meets Iran loosely)
_KINDS = sorted((word, kind) for word, kind in compound.spec().kind_words.items()
                if len(word) >= 2 and word not in _KEYS and kind != STATE_TITLE)
_PREPOSITIONS = sorted(word for word in prepositions() if word not in _KEYS)
_WORDS = [w for w in (Path(__file__).parent / "fuzzy_non_places.txt").read_text(
    encoding="utf-8").splitlines() if w and not w.startswith("#")]


def _fits(kind_word_kind: str, place_kind: str) -> bool:
    return languages().fits(kind_word_kind, place_kind)


def _names(place_id: str) -> set[str]:
    return {toponyms.normalize(n.text) for n in _GAZ.get(place_id).names}


@given(st.sampled_from(_SOLO), st.data(), st.booleans())
def test_a_name_with_a_fitting_kind_word_at_either_edge_keeps_its_place(
        name: tuple[str, str], data: st.DataObject, before: bool) -> None:
    text, place_id = name
    place = _GAZ.get(place_id)
    fitting = [(w, k) for w, k in _KINDS if _fits(k, place.kind)]
    assume(fitting)
    word, kind = data.draw(st.sampled_from(fitting))
    query = f"{word} {text}" if before else f"{text} {word}"
    assume(toponyms.normalize(query) not in _KEYS)
    match = toponyms.resolve(query)
    assert match is not None, query
    if match.place.id != place_id:  # a place of that kind sharing the name, or its parent
        assert _fits(kind, match.place.kind), (query, match.place.id)
        assert toponyms.normalize(text) in _names(match.place.id) or (
            match.place.id == place.parent), (query, match.place.id)


@given(st.sampled_from(_KINDS))
def test_a_kind_word_alone_is_no_place(kind_word: tuple[str, str]) -> None:
    assert toponyms.resolve(kind_word[0]) is None


@given(st.sampled_from(_KINDS), st.sampled_from(_WORDS), st.booleans())
@example(("city", "city"), "Cheyenne", True)  # a given name is no fuzzy part (not Cayenne)
def test_a_kind_word_with_a_word_that_is_no_place_is_no_place(
        kind_word: tuple[str, str], word: str, before: bool) -> None:
    assume(toponyms.resolve(word) is None)
    query = f"{kind_word[0]} {word}" if before else f"{word} {kind_word[0]}"
    assume(toponyms.normalize(query) not in _KEYS)
    assert toponyms.resolve(query) is None, query


def test_a_kind_word_that_fits_outranks_the_same_name_of_another_kind() -> None:
    # a town and the district or region named after it, from the data: the kind word decides
    pairs = [(p, _GAZ.get(p.parent)) for p in _GAZ if p.kind in ("city", "town")
             and p.parent is not None and _GAZ.get(p.parent).kind in ("district", "region")]
    checked = 0
    for town, area in pairs:
        shared = sorted(n.text for n in town.names if toponyms.normalize(n.text) in
                        _names(area.id) and n.lang == "en" and " " not in n.text)
        if not shared:
            continue
        for word, want in (("город", town), ("marz", area) if area.kind == "region"
                           else ("ilçe", area)):
            match = toponyms.resolve(f"{shared[0]} {word}")
            assert match is not None and match.place.id == want.id, (shared[0], word, match)
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize(("query", "want"), [
    ("Gyumri город", "am-gyumri"),
    ("Лори аймаг", "am-lori-province"),
    ("regione della Lori", "am-lori-province"),
    ("Stepanakert kaupunki", "az-khankendi"),
    ("Ширакская (Shirak) область", "am-shirak-province"),  # the adjective with its kind word
    ("Лачинський район", "az-lachin-district"),  # Ukrainian adjective, -ський read off
    ("Ширакска област", "am-shirak-province"),  # Bulgarian
    ("Ширакската област", "am-shirak-province"),  # ... with the definite article
    ("Нахичеванской Автономной Республики", "az-nakhchivan-autonomous-republic"),
    ("деревни Талыш", "az-tartar-talish"),  # a kind word in the genitive, the name as it is
    ("Bezirks Lachin", "az-lachin-district"),
    ("Tavush marz, Armenia", "am-tavush-province"),  # English "marz", inside a compound too
    ("Lori Marz (Armenia)", "am-lori-province"),
    ("ქალაქ თბილისში", "ge-tbilisi"),  # Georgian: the kind word drops its -ი before a case
])
def test_annotated_forms_resolve(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


@given(st.sampled_from(_SOLO), st.sampled_from(_PREPOSITIONS))
def test_a_leading_preposition_is_read_off_a_name(name: tuple[str, str], word: str) -> None:
    text, place_id = name
    # an abbreviation in capitals ("DQMV") matches only text in capitals (cascade.CAPITALS_ONLY)
    assume(not text.isupper())
    query = f"{word} {text}"
    assume(toponyms.normalize(query) not in _KEYS)
    assume(len(query.split()) <= 4)
    match = toponyms.resolve(query)
    assert match is not None, query
    if match.place.id == place_id:
        assert match.score <= 98.0 - ENDING_PENALTY  # a reading of ours, a little less sure
    else:  # only a name as written in the data may win instead
        assert match.method in ("exact", "normalized"), (query, match)


@given(st.sampled_from(_PREPOSITIONS), st.sampled_from(_WORDS))
@example("از", "Kaver")  # a Persian preposition before a Latin word: its rest is no Persian
@example("at", "Aliyə")  # read whole with the space dropped, "ataliyə" met Atalia (Antalya)
def test_a_preposition_with_a_word_that_is_no_place_is_no_place(prep: str, word: str) -> None:
    assume(toponyms.resolve(word) is None)
    query = f"{prep} {word}"
    assume(toponyms.normalize(query) not in _KEYS)
    match = toponyms.resolve(query)
    # the preposition reading adds no answer; the whole text may still meet a name loosely at
    # the fuzzy stage, as it did before the rule ("στη Lena" and St Helena, at min_score)
    assert match is None or match.method == "fuzzy", (query, match)


@pytest.mark.parametrize(("query", "want"), [
    ("in Gyumri", "am-gyumri"),
    ("в Шуше", "az-shusha"),  # preposition and the Russian locative -е
    ("в Шемахинском районе", "az-shamakhi-district"),
    ("à Bakou", "az-baku"),
    ("w Gyumri", "am-gyumri"),
])
def test_prepositions_of_many_languages(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


def test_a_preposition_with_an_ending_must_share_its_language() -> None:
    forms = dict(base_forms("в шуше"))
    assert forms["шуша"] == frozenset({"ru"})
    assert forms["шуше"] is None  # the preposition alone: any language's name
    assert "шуша" not in dict(base_forms("i шуше"))  # Swedish "i", Russian -е: no reading
    assert base_forms("в") == []  # a preposition alone is nothing to read


def test_a_preposition_alone_or_twice_is_no_place() -> None:
    assert toponyms.resolve("в") is None
    assert toponyms.resolve("in in") is None


def test_the_prepositions_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "prepositions.yaml"
    path.write_text("code: mul\nprepositions: {en: [in, near to]}\n", encoding="utf-8")
    with pytest.raises(DataError, match="not one word"):
        load_prepositions(path)
    path.write_text("code: mul\nprepositions: [in]\n", encoding="utf-8")
    with pytest.raises(DataError, match="maps language codes"):
        load_prepositions(path)
    path.write_text("code: mul\nprepositions: {sv: [i, från], da: [i]}\n", encoding="utf-8")
    assert load_prepositions(path) == {"i": frozenset({"sv", "da"}), "fran": frozenset({"sv"})}


@given(st.sampled_from(["веска", "село", "город", "kəndi", "χωριό"]),
       st.sampled_from(["Aaron", "Emma", "Andre", "Adam", "Maria"]))
def test_a_kind_word_in_another_script_lends_a_latin_word_no_other_script_names(
        kind_word: str, word: str) -> None:
    # "веска Aaron" was Iran through the Tajik "Эрон": the Latin word left once the kind word
    # is off is read as a Latin query, which meets no Cyrillic name of a language with no file
    alone = toponyms.resolve(word)
    both = toponyms.resolve(f"{kind_word} {word}")
    assert both is None or (alone is not None and both.place == alone.place), both


# (not "край", Bulgarian "near" folded, which is also Russian "krai", a region: a kind word)
@given(st.sampled_from([(t, i) for t, i in _SOLO if len(t) >= 7 and " " not in t]),
       st.sampled_from([p for p in _PREPOSITIONS if kind_of(p) is None]), st.data())
@settings(suppress_health_check=[HealthCheck.filter_too_much])  # most typos meet no name alone
def test_a_typo_after_a_preposition_is_read_like_the_typo_alone(
        name: tuple[str, str], prep: str, data: st.DataObject) -> None:
    text = name[0]
    at = data.draw(st.integers(1, len(text) - 2))
    typo = text[:at] + text[at + 1:]  # one letter dropped inside the name
    alone = toponyms.resolve(typo)
    # the reading costs ENDING_PENALTY_FUZZY: above the default min_score (85) by as much
    assume(alone is not None and alone.method == "fuzzy" and alone.score >= 86.0)
    query = f"{prep} {typo}"
    assume(toponyms.normalize(query) not in _KEYS)
    match = toponyms.resolve(query)
    assert match is not None, query
    # the same place, or a name as written in the data ("a" + a typo may be another name)
    assert match.place.id == alone.place.id or match.method in ("exact", "normalized"), (
        query, match)
