"""Case endings of the query's own script read loosely ("ნახიჩევანის", a Georgian genitive of a
name the data has only in other scripts), kind words alone, and state titles around a name of an
untitled place (toponyms.inflection.script_bases, toponyms.cascade)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer
from toponyms.cascade import SCORES
from toponyms.inflection import ENDING_PENALTY, load_elided, script_bases
from toponyms.keys import fold, script_of
from toponyms.kindwords import STATE_CLASS, kind_words, read_title_classes, title_class
from toponyms.model import DataError
from toponyms.translit import languages

_GAZ = Gazetteer.default()
_KEYS = {toponyms.normalize(n.text) for p in _GAZ for n in p.names}
# one-word names in a language whose endings are written in its own script (not Latin)
_LANGS = ("ka", "hy", "ru")
_NAMES = sorted({(n.text, n.lang.split("-")[0]) for p in _GAZ for n in p.names
                 if n.lang.split("-")[0] in _LANGS and " " not in n.text and len(n.text) >= 5
                 and not n.text.isupper()})
# each language's word forms: (ending of the nominative, the forms that replace it)
_FORMS = {lang: [(ending, form) for ending, forms in languages().inflect[lang] for form in forms]
          for lang in _LANGS}
_KINDS = sorted(kind_words())


def _inflect(text: str, lang: str, data: st.DataObject) -> str:
    """`text` with one of its language's case forms put on, as the language writes it."""
    fits = [(e, f) for e, f in _FORMS[lang] if fold(text).endswith(e)]
    ending, form = data.draw(st.sampled_from(fits)) if fits else ("", data.draw(
        st.sampled_from(sorted(s for s, ls in languages().suffix_langs.items() if lang in ls))))
    return text[: len(text) - len(ending)] + form


@given(st.sampled_from(_NAMES), st.integers(min_value=1, max_value=3), st.data())
def test_an_ending_of_the_query_script_reaches_what_the_bare_form_reaches_or_nothing(
        name: tuple[str, str], at: int, data: st.DataObject) -> None:
    text, lang = name
    # a letter changed, so that the bare form is met only loosely, if at all
    letters = sorted({ch for n, _ in _NAMES if script_of(n) == script_of(text)
                      for ch in n if ch.isalpha()})
    bare = text[:-at - 1] + data.draw(st.sampled_from(letters)) + text[-at:]
    inflected = _inflect(bare, lang, data)
    assume(toponyms.normalize(inflected) not in _KEYS and toponyms.normalize(bare) not in _KEYS)
    # the bare form, and every other base form the endings read ("სოფჰის" is the genitive of
    # "სოფჰა" and of "სოფჰი" alike)
    bases = [bare, *script_bases(fold(inflected), script_of(inflected))]
    plains = {m.place.id for b in bases if (m := toponyms.resolve(b)) is not None}
    match = toponyms.resolve(inflected)
    if match is not None and match.place.id not in plains:
        # another place than the bare forms': only a name of the data as written, or a weak
        # fuzzy guess, never a firm answer through the ending
        # (or the whole text romanized, no ending read: "ДжабраАла" is a key of Jabrayil's)
        whole = match.method == "transliteration" and match.score >= SCORES["transliteration"]
        assert match.method in ("exact", "normalized") or whole or (
            match.method == "fuzzy" and match.score < 90.0), (inflected, match)


@given(st.sampled_from(_NAMES), st.data())
def test_a_name_of_the_data_with_a_case_form_of_its_language_keeps_its_place(
        name: tuple[str, str], data: st.DataObject) -> None:
    text, lang = name
    plain = toponyms.resolve(text)
    assume(plain is not None and not plain.ambiguous)
    inflected = _inflect(text, lang, data)
    assume(toponyms.normalize(inflected) not in _KEYS)
    match = toponyms.resolve(inflected)
    if match is not None and match.place.id != plain.place.id:
        # another place only through a name of the data as written, or a weak fuzzy guess
        # (or the whole text romanized, no ending read: "ДжабраАла" is a key of Jabrayil's)
        whole = match.method == "transliteration" and match.score >= SCORES["transliteration"]
        assert match.method in ("exact", "normalized") or whole or (
            match.method == "fuzzy" and match.score < 90.0), (inflected, match)


def test_script_bases_read_only_endings_of_the_query_script() -> None:
    assert "ყარაბაღი" in script_bases("ყარაბაღში", "GEORGIAN")
    assert "ყარაბაღ" in script_bases("ყარაბაღს", "GEORGIAN")  # the dative -ს
    # Russian -у back to -а, where a generic term vouches for the reading; a lone Cyrillic
    # word with a short base is read only strictly (common words such as "ряда" met Riyadh
    # loosely), one with a long base (a key of LONE_MIN_KEY letters or more) loosely too
    assert "гянджа района" in script_bases("гянджу района", "CYRILLIC")
    assert script_bases("ряда", "CYRILLIC") == []
    assert script_bases("языка", "CYRILLIC") == []
    assert "нахиджеван" in script_bases("нахиджевану", "CYRILLIC")
    assert script_bases("şuşada", "LATIN") == []  # a Latin ending is read only strictly
    assert script_bases("ყარაბაღში", "ARMENIAN") == []  # an ending of another script


@pytest.mark.parametrize(("query", "want"), [
    ("ნახიჩევანის", "az-naxcivan"),  # genitive of a name met only loosely: as its bare form
    ("მთიან ყარაბაღში", "nagorno-karabakh"),  # the bare form is met only fuzzily
    ("თბილისს", "ge-tbilisi"),  # the Georgian dative: the nominative -ი gives way to -ს
    ("ბათუმმა", "ge-batumi"),  # the ergative -მა
    ("Нахиджевану", "az-naxcivan"),  # a lone Cyrillic word with a long base: Russian dative
    ("Гейчаем", "az-goycay"),  # ... instrumental
])
def test_a_case_form_of_the_query_script_reaches_its_bare_form(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want
    assert match.score <= 98.0 - ENDING_PENALTY


def test_a_loose_reading_through_an_ending_scores_below_the_bare_form() -> None:
    bare, inflected = toponyms.resolve("მთიან ყარაბაღი"), toponyms.resolve("მთიან ყარაბაღში")
    assert bare is not None and inflected is not None
    assert inflected.place.id == bare.place.id and inflected.score < bare.score


@given(st.sampled_from(_KINDS))
def test_a_kind_word_alone_is_no_place(word: str) -> None:
    assume(toponyms.normalize(word) not in _KEYS)  # "Ավան" is a kind word and a town's name
    assert toponyms.resolve(word) is None


@pytest.mark.parametrize(("query", "want"), [
    # a state title around a region's name: the republic named after the region comes first
    ("Республика Нагорный Карабах", "republic-of-artsakh"),
    ("Республики Нагорный Карабах", "republic-of-artsakh"),  # the title in the genitive
    # Bulgarian writes the definite article onto the first word of the title
    ("Републиката Армения", "am"),
    ("Автономната република Нахичеван", "az-nakhchivan-autonomous-republic"),
])
def test_a_state_title_names_the_titled_place(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


def test_a_titled_place_named_after_another_ranks_before_it() -> None:
    found = [m.place.id for m in toponyms.search("Республика Нагорный Карабах", limit=3)]
    assert found[:2] == ["republic-of-artsakh", "nagorno-karabakh"]
    assert toponyms.resolve("Republic of Paris") is None  # no titled place named after Paris


@pytest.mark.parametrize(("query", "want"), [
    ("huyện Lachin", "az-lachin-district"),  # Vietnamese: a district word before the name
    ("tỉnh Syunik", "am-syunik-province"),  # a province word
    ("ناحية كلبجر", "az-kalbajar-district"),  # Arabic: a subdistrict word
])
def test_kind_words_of_more_languages_are_read_before_the_name(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


@pytest.mark.parametrize(("query", "bare", "want"), [
    ("huyện Ağdam", "Ağdam", "az-aghdam-district"),  # a district word: the district, not the town
    ("huyện Lənkəran", "Lənkəran", "az-lankaran-district"),
    ("tỉnh Şəki", "Şəki", "az-shaki-district"),  # a province word fits a district, not a town
])
def test_a_kind_word_picks_the_place_of_its_kind_over_the_centre_town(
        query: str, bare: str, want: str) -> None:
    match, plain = toponyms.resolve(query), toponyms.resolve(bare)
    assert match is not None and match.place.id == want
    assert plain is not None and plain.place.id != want  # alone, the name is the town's first


@pytest.mark.parametrize(("query", "want"), [
    ("Балакенский", "az-balakan-district"),  # "[район]" left out: the district named Балакен
    ("Шекинский", "az-shaki-district"),  # the district, not its centre town Шеки
    ("Балакенского", "az-balakan-district"),  # and in the genitive
    ("Ширакская", "am-shirak-province"),  # a feminine adjective: "[область]"
])
def test_an_adjective_alone_stands_for_the_place_with_its_generic_term(
        query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


@pytest.mark.parametrize("query", ["Российский", "Московский", "Красный"])
def test_an_adjective_alone_is_not_a_guess_at_a_city(query: str) -> None:
    assert toponyms.resolve(query) is None


def test_malformed_elided_rules_are_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "ru.yaml").write_text("code: ru\nelided: [ский]\n", encoding="utf-8")
    with pytest.raises(DataError, match="elided"):
        load_elided(["ru"], tmp_path)
    assert load_elided(["ka"], tmp_path) == {}  # no file, no rules


@pytest.mark.parametrize("query", [
    "Autonomous Region of Nagorno-Karabakh",  # English prefix title of the autonomy class
    "Нагорный Карабах автономная область",  # Russian suffix title, around the region's name
])
def test_a_title_of_an_autonomous_region_prefers_the_autonomous_region(query: str) -> None:
    found = [m.place.id for m in toponyms.search(query, limit=3)]
    assert found[0] == "nagorno-karabakh-autonomous-oblast", found
    assert "republic-of-artsakh" in found  # the republic is a candidate, after it


def test_title_classes_are_read_from_data(tmp_path: Path) -> None:
    assert title_class("respublika armeniia") == STATE_CLASS
    assert title_class(fold("Khu tự trị Tây Tạng")) == "autonomous-region"
    with pytest.raises(DataError, match="title_classes"):
        read_title_classes({"autonomous-region": "autonomous oblast"}, tmp_path / "t.yaml")
    assert read_title_classes(None, tmp_path / "t.yaml") == ()
