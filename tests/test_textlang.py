"""The language of a running text, told by its commonest words (toponyms.textlang), and what
`extract` does with it: a plainly German, French or Italian text has its own language's names
searched too, and so has a Greek, Ukrainian, Bulgarian or Macedonian one."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tool_module import ROOT, load_tool

from toponyms import Gazetteer, textlang
from toponyms.translit import languages

_GAZ = Gazetteer.default()
_LANGS, _FREQS = textlang.table()
# each language's words that no other language's list has (its own evidence only)
_OWN: dict[str, list[str]] = {lang: sorted(
    w for w, zs in _FREQS.items()
    if zs[i] != textlang.FLOOR and sum(z != textlang.FLOOR for z in zs) == 1)
    for i, lang in enumerate(_LANGS)}
# the fewest own words that reach MARGIN: each adds at least (its frequency - FLOOR)
_LEAST = max(textlang.MIN_HITS, math.ceil(textlang.MARGIN / (
    min(z for zs in _FREQS.values() for z in zs if z != textlang.FLOOR) - textlang.FLOOR)))


@given(st.text(max_size=300))
def test_guess_is_total_and_names_a_listed_language(text: str) -> None:
    told = textlang.guess(text)
    assert told is None or told in _LANGS


@given(st.sampled_from(_LANGS), st.data())
def test_a_text_of_one_language_words_is_that_language(lang: str, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_OWN[lang]), min_size=_LEAST, max_size=30))
    assert textlang.guess(" ".join(words)) == lang


@given(st.text(alphabet=st.characters(categories=["L", "Zs", "P"]), max_size=120),
       st.sampled_from(_LANGS), st.data())
def test_more_of_a_language_s_own_words_never_change_its_guess(text: str, lang: str,
                                                               data: st.DataObject) -> None:
    """Monotone: a text told as L stays L when words only L's list has are added; and words
    no list has (names, rare words) never change a guess."""
    told = textlang.guess(text)
    assert textlang.guess(f"{text} Quelbarra Zxqvn") == told
    if told is not None:
        more = data.draw(st.lists(st.sampled_from(_OWN[told]), min_size=1, max_size=5))
        assert textlang.guess(" ".join([text, *more])) == told


def test_a_headline_says_too_little() -> None:
    assert textlang.guess("und Baku") is None
    assert textlang.guess("Stepanakert, Khankendi") is None
    assert textlang.guess("ALBUQUERQUE, N.M.") is None  # one-letter words count lower-case only


@pytest.mark.parametrize(("text", "lang"), [
    ("Le conflit en Arménie et en Azerbaïdjan.", "fr"),
    ("Der Konflikt in Armenien und Aserbaidschan.", "de"),
    ("Il conflitto in Armenia.", "it"),
    ("Los combates en Nagorno Karabaj", "es"),
    ("The talks in Baku and Yerevan are not over, but they go on.", "en"),
    ("Η Αρμενία και το Αζερμπαϊτζάν υπέγραψαν συμφωνία.", "el"),
    ("Вірменія та Азербайджан підписали угоду, але переговори ще не завершено.", "uk"),
    ("Армения и Азербайджан подписали соглашение, но переговоры еще не завершены.", "ru"),
    ("Армения и Азербайджан подписаха споразумение, но преговорите не са приключили.", "bg"),
])
def test_one_plain_sentence_is_enough(text: str, lang: str) -> None:
    assert textlang.guess(text) == lang


@pytest.mark.parametrize(("text", "names"), [
    ("Aliyev sprach in Armenien und ist nicht in Russland, aber auch in Aserbaidschan.",
     ["Armenien", "Russland", "Aserbaidschan"]),
    ("Il vit en Arménie. Elle est dans une ville avec plus de gens pour le Karabakh.",
     ["Arménie", "Karabakh"]),
    # Greek and Ukrainian have language files for their endings only: not searched by default
    ("Ο πρόεδρος του Αζερμπαϊτζάν επισκέφθηκε το Ναγκόρνο Καραμπάχ και την Αρμενία.",
     ["Αζερμπαϊτζάν", "Ναγκόρνο Καραμπάχ", "Αρμενία"]),
    ("Вірменія та Азербайджан підписали угоду в Баку, але переговори ще не завершено.",
     ["Вірменія", "Азербайджан", "Баку"]),
])
def test_extract_searches_the_names_of_the_language_a_text_is_in(text: str,
                                                                 names: list[str]) -> None:
    told = textlang.guess(text)
    assert told is not None and told not in languages().codes  # not searched by default
    assert [m.text for m in _GAZ.extract(text)] == names


def test_an_english_text_does_not_take_another_language_s_names() -> None:
    # "Chine" (French for China) is searched in a French text only
    english = "That is not the Chine they are talking about, but it is near Baku, with this."
    assert textlang.guess(english) == "en"
    assert [m.text for m in _GAZ.extract(english)] == ["Baku"]
    french = "Elle est dans une ville avec plus de gens pour la Chine."
    assert [m.match.place.id for m in _GAZ.extract(french)] == ["cn"]


def test_the_word_lists_are_what_their_tool_writes() -> None:
    tool = load_tool("build_text_words", "wordfreq")
    assert (ROOT / "data" / "text_words.yaml").read_text(encoding="utf-8") == tool.build()


def test_a_german_genitive_is_read_off_a_german_name() -> None:
    """de.yaml's genitive -s: the span stops before it, as for every case ending."""
    text = "Im Hintergrund wehen die Flaggen Armeniens und Russlands, das ist nicht neu."
    assert textlang.guess(text) == "de"
    assert [(text[m.start:m.end], m.match.place.id) for m in _GAZ.extract(text)] == [
        ("Armenien", "am"), ("Russland", "ru")]
    m = _GAZ.resolve("Aserbaidschans")
    assert m is not None and m.place.id == "az"


def test_a_name_in_the_text_s_language_decides_between_places(tmp_path: Path) -> None:
    """Two places share a spelling; one has it as a Spanish name, the other as an English
    one: a Spanish text means the first, an English text falls back to the ranking."""
    places = tmp_path / "two.yaml"
    places.write_text(
        "- id: xx-town\n  kind: town\n  names:\n"
        "    - {text: Quelbarra, lang: en, status: official, source: 'https://example.org/a'}\n"
        "- id: xx-district\n  kind: district\n  names:\n"
        "    - {text: Quelbarra, lang: es, status: official, source: 'https://example.org/b'}\n",
        encoding="utf-8")
    gaz = Gazetteer.from_files(places, base=False)
    spanish = "Las tropas llegaron a Quelbarra, pero hay más que eso cuando fue así."
    assert textlang.guess(spanish) == "es"
    assert [m.match.place.id for m in gaz.extract(spanish)] == ["xx-district"]
    english = "The troops reached Quelbarra, but that is not all they have done with this."
    assert textlang.guess(english) == "en"
    assert [m.match.place.id for m in gaz.extract(english)] == ["xx-town"]
