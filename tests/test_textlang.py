"""The language of a running text, told by its commonest words (toponyms.textlang), and what
`extract` does with it: a plainly German, French or Italian text has its own language's names
searched too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tool_module import ROOT, load_tool

from toponyms import Gazetteer, textlang
from toponyms.translit import languages

_GAZ = Gazetteer.default()
_WORDS = textlang.table()
_BY_LANG: dict[str, list[str]] = {}
for _word, _lang in sorted(_WORDS.items()):
    _BY_LANG.setdefault(_lang, []).append(_word)


@given(st.text(max_size=300))
def test_guess_is_total_and_names_a_listed_language(text: str) -> None:
    told = textlang.guess(text)
    assert told is None or told in _BY_LANG


@given(st.sampled_from(sorted(_BY_LANG)), st.data())
def test_a_text_of_one_language_words_is_that_language(lang: str, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_BY_LANG[lang]), min_size=textlang.MIN_HITS,
                               max_size=30))
    assert textlang.guess(" ".join(words)) == lang


@given(st.sampled_from(sorted(_BY_LANG)), st.sampled_from(sorted(_BY_LANG)), st.data())
def test_no_language_is_told_without_a_clear_lead(a: str, b: str, data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=1, max_value=10))
    text = " ".join([_BY_LANG[a][i % len(_BY_LANG[a])] for i in range(n)]
                    + [_BY_LANG[b][i % len(_BY_LANG[b])] for i in range(n)])
    assert textlang.guess(text) == (a if a == b and 2 * n >= textlang.MIN_HITS else None)


def test_a_headline_says_too_little() -> None:
    assert textlang.guess("und Baku") is None


@pytest.mark.parametrize(("text", "names"), [
    ("Aliyev sprach in Armenien und ist nicht in Russland, aber auch in Aserbaidschan.",
     ["Armenien", "Russland", "Aserbaidschan"]),
    ("Il vit en Arménie. Elle est dans une ville avec plus de gens pour le Karabakh.",
     ["Arménie", "Karabakh"]),
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
