"""Queries with a case ending left on: "Şuşada", "Гянджу", "Тертерского района" (inflection)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer
from toponyms.inflection import ENDING_PENALTY, MAX_FORMS, MIN_STEM, base_forms
from toponyms.translit import languages

_GAZ = Gazetteer.default()
_TEXTS = {n.text for p in _GAZ for n in p.names}
_KEYS = {toponyms.normalize(t) for t in _TEXTS}
# names in a language with case endings, that resolve to their place at the exact stage
_NAMES = sorted({(n.text, n.lang.split("-")[0], p.id) for p in _GAZ if p.kind != "country"
                 for n in p.names if n.lang.split("-")[0] in ("az", "tr", "hy")
                 and " " not in n.text and len(n.text) >= 4})
_ENDINGS = {lang: sorted(e for e, langs in languages().suffix_langs.items()
                         if len(e) >= 2 and lang in langs)
            for lang in ("az", "tr", "hy")}


@pytest.mark.parametrize(("query", "want"), [
    ("Şuşada", "az-shusha"),
    ("Xocalının", "az-khojaly"),
    ("Cəbrayıl şəhərinə", "az-jabrayil"),
    ("Гянджу", "az-ganja"),
    ("Тертерского района", "az-tartar-district"),
    ("Агдамском районе", "az-aghdam-district"),
    ("Կապանից", "am-kapan"),
    ("Գյումրիում", "am-gyumri"),
    ("თბილისში", "ge-tbilisi"),  # Georgian: the nominative -ი gives way to the ending
    ("თბილისისა", "ge-tbilisi"),  # and the full genitive, -ისა
    ("ბაქოსა", "az-baku"),  # the full dative, -სა
    ("Վարանդայում", "az-fuzuli"),  # Armenian: a final -ա takes the buffer letter յ
    ("Sədərəyin", "az-sadarak-district"),  # Azerbaijani: a final k between vowels is y
    ("Sədərəyə", "az-sadarak-district"),
    ("v Náhorním Karabachu", "nagorno-karabakh"),  # Czech: both words of the name inflected
])
def test_a_case_ending_left_on_a_name_resolves_a_little_lower(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want
    assert match.score <= 100.0 - ENDING_PENALTY  # the rest as written, less the ending


def test_base_forms_are_bounded_and_leave_a_stem() -> None:
    assert len(base_forms("аааааааааа " * 4)) <= MAX_FORMS
    assert base_forms("a" * 10 + " b" * 10) == []  # too many words: not tried
    assert all(len(f) >= MIN_STEM for f, _ in base_forms("bakıdan"))
    assert [f for f, _ in base_forms("bakı")] == ["bak"] and base_forms("baı") == []


def test_a_base_form_names_the_languages_whose_ending_was_read() -> None:
    forms = dict(base_forms("гянджу"))
    assert forms["гянджа"] == frozenset({"be", "ru", "sr", "uk"})  # the accusative of each
    assert all("ru" not in langs for text, langs in base_forms("şuşada"))


def test_an_ending_on_a_common_word_is_no_place() -> None:
    assert toponyms.resolve("Гранаты") is None  # pomegranates, not Grenada


@given(st.sampled_from(_NAMES), st.data())
def test_a_name_with_an_ending_of_its_language_stays_with_its_place(
        name: tuple[str, str, str], data: st.DataObject) -> None:
    text, lang, place_id = name
    # an abbreviation in capitals ("ДГМВ", "NKAO") matches only text in capitals: not "ДГМВda"
    assume(not text.isupper())
    plain = toponyms.resolve(text)
    assume(plain is not None and plain.place.id == place_id and not plain.ambiguous)
    ending = data.draw(st.sampled_from(_ENDINGS[lang]))
    query = text + ending
    # the inflected form must not be a name of its own, nor one a fuzzy step away
    assume(toponyms.normalize(query) not in _KEYS)
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == place_id, (query, match)  # the ending changes nothing of the place
    assert match.score < plain.score


@pytest.mark.parametrize(("query", "want"), [
    ("Bakı ş.", "az-baku"),  # Azerbaijani written abbreviations of generic terms
    ("Füzuli r.", "az-fuzuli-district"),
    ("Tertersky district", "az-tartar-district"),  # a romanized Russian adjective
    ("SALYANSKIY region", "az-salyan-district"),
])
def test_abbreviated_terms_and_romanized_adjectives_are_generic(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == want


@pytest.mark.parametrize("query, expected", [
    ("rejon agdamski", "az-aghdam-district"), ("rejon gobustański", "az-gobustan-district")])
def test_a_polish_adjective_before_a_generic_term_is_read_back_to_its_name(
        query: str, expected: str) -> None:
    # pl.yaml's adjective_suffixes (-ski, -ska, -skie), as ru.yaml's read "Агдамский район"
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("Габалинского района", "az-qabala-district"),  # ru.yaml: Габала -> Габалинский (-а -> -инский)
    ("Gəncədədir", "az-ganja"),  # az.yaml: the locative, then "is" (-də + -dir)
    ("Şuşadayız", "az-shusha"),  # tr.yaml: the locative, then "we are" (-da + -yız)
    ("کلان شهر اردبیل", "ir-ardabil"),  # generic.yaml: Persian "metropolis" before the name
    ("בעיר באקו", "az-baku"),  # generic.yaml: Hebrew "in the city"
])
def test_stacked_endings_and_more_kind_words_read_back_to_the_name(
        query: str, expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("バクーで", "az-baku"),  # a particle after a katakana name ending in the long-vowel mark ー
    ("येरेवन में", "am-yerevan"),  # a Hindi postposition, then a name met by its romanization
    ("बाकू के", "az-baku"),
    ("του Μπακού", "az-baku"),  # the Greek genitive article before the name
    ("ในบากู", "az-baku"),  # th.yaml: Thai "in" written onto the name
    ("বাকুতে", "az-baku"),  # bn.yaml: the Bengali locative -তে
])
def test_particles_and_adpositions_of_more_scripts_are_read_off(query: str, expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


def test_an_adposition_alone_is_no_place() -> None:
    assert toponyms.resolve("का") is None and toponyms.resolve("του") is None


def test_a_latin_letter_written_twice_is_no_one_letter_ending() -> None:
    # "Stepanakertt" is a typo, not Hungarian -t; Armenian writes its genitive -ի after -ի
    assert "stepanakert" not in dict(base_forms("stepanakertt"))
    assert "գյումրի" in dict(base_forms("գյումրիի"))
