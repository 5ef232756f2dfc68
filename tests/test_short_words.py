"""Short words of Hangul, kana and Han are read only as written (toponyms.readings.read_loosely,
the `short_words` of data/languages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

import toponyms
from toponyms import readings
from toponyms.keys import fold, script_of
from toponyms.model import DataError
from toponyms.readings import read_loosely
from toponyms.translit import languages, load_languages

_GAZ = toponyms.Gazetteer.default()
_LOOSE = ("transliteration", "fuzzy")
#: Short names in the scripts of the rule, from the data (their exact and normalized matches
#: must survive it).
_SHORT_NAMES = sorted({name.text for place in _GAZ for name in place.names
                       if script_of(name.text) in languages().short_words
                       and len(name.text) <= 4})
#: Syllables to build short strings from: common Hangul syllables, kana and Han characters.
_SYLLABLES = ("아니마크바쿠대해재판시키다가사마리그수통하"
              "ヌハバクーだけすでにマンワン伤害纳卡北京公共印象")


@pytest.mark.parametrize("word", ["대해", "시키", "다가", "伤害", "航空", "だけ", "すでに", "公共",
                                  "만", "삼", "아니", "마크", "マン", "バス", "終わり"])
def test_a_short_common_word_is_not_a_place(word: str) -> None:
    # 대해 "about" was Doha, 시키 "make do" Sheki, 伤害 "harm" Shanghai, だけ "only" Dhaka;
    # 아니 "no" was Hanoi through its Greek name, マン (man) Oman through its Arabic one;
    # 終わり (the end: Han with hiragana, read as hiragana) was Zhongwei
    assert toponyms.resolve(word) is None


@pytest.mark.parametrize(("query", "place"), [
    ("바쿠", "az-baku"),  # two Hangul syllables still meet at the transliteration stage
    ("ヌハ", "az-sheki"),  # two katakana still meet fuzzily (Nukha)
    ("사마키", "az-shamakhi"),  # three syllables meet fuzzily
    ("埃裏温", "am-yerevan"),
    ("纳卡", "nagorno-karabakh"),
])
def test_short_transcriptions_of_places_still_resolve(query: str, place: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == place


def test_the_counts_are_the_data() -> None:
    rules = languages().short_words
    assert (rules["HANGUL"].transliteration, rules["HANGUL"].fuzzy) == (2, 3)
    assert rules["CJK"].transcribed == (2, 3)
    # two syllables of Hangul: transliteration yes, fuzzy no; one: neither
    assert (read_loosely(fold("바쿠"), "transliteration"), read_loosely(fold("바쿠"), "fuzzy"),
            read_loosely(fold("만"), "transliteration")) == (True, False, False)
    # a transcription (纳卡) reads from two characters, a Japanese word with kana (安い) does not
    assert (read_loosely(fold("纳卡"), "transliteration"),
            read_loosely(fold("安い"), "transliteration")) == (True, False)
    # two syllables meet only Latin names at a loose stage, three any
    assert (readings.latin_only(fold("바쿠")), readings.latin_only(fold("사마키"))) == (True, False)
    # scripts without the key are read at any length
    assert "LATIN" not in rules and read_loosely("ab", "fuzzy")


@pytest.mark.parametrize("bad", ["short_words: {HANGUL: 2}",
                                 "short_words: {HANGUL: {transliteration: 2}}",
                                 "short_words: {HANGUL: {transliteration: 0, fuzzy: 3}}",
                                 "short_words: {HANGUL: {transliteration: 2, fuzzy: 3, "
                                 "any_script: two}}",
                                 "short_words: {CJK: {transliteration: 3, fuzzy: 3, "
                                 "transcribed: {fuzzy: x}}}"])
def test_a_malformed_short_words_table_is_a_data_error(tmp_path: Path, bad: str) -> None:
    (tmp_path / "xx.yaml").write_text(f"code: xx\n{bad}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_languages(tmp_path)
    assert "xx.yaml" in str(err.value)


def test_few_common_words_of_korean_japanese_chinese_are_answered_loosely() -> None:
    # wordfreq 3.1.1's 500 commonest words of each: before the rule 53 of them were answered
    # through the transliteration or fuzzy stage, and no answer came loosely from a query
    # shorter than its script's counts
    loose = 0
    for lang in ("ko", "ja", "zh"):
        for word in top_n_list(lang, 500):
            match = toponyms.resolve(word)
            if match is not None and match.method in _LOOSE:
                loose += 1
                assert read_loosely(fold(word), match.method), word
    assert loose <= 8


def _by_place(query: str) -> dict[str, tuple[float, str]]:
    return {m.place.id: (m.score, m.method) for m in _GAZ.search(query, limit=50)}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SHORT_NAMES))
def test_the_rule_never_removes_an_exact_or_normalized_match(name: str) -> None:
    with_rule = _by_place(name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readings, "read_loosely", lambda folded, stage: True)
        without = _by_place(name)
    kept = {p: hit for p, hit in without.items() if hit[1] not in _LOOSE}
    assume(kept)
    assert {p: with_rule.get(p) for p in kept} == kept


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_SYLLABLES, min_size=1, max_size=4))
def test_the_rule_never_raises_a_score_nor_adds_a_place(text: str) -> None:
    with_rule = _by_place(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readings, "read_loosely", lambda folded, stage: True)
        without = _by_place(text)
    assert set(with_rule) <= set(without)
    assert all(with_rule[p][0] <= without[p][0] for p in with_rule)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=_SYLLABLES, min_size=1, max_size=4))
def test_a_short_query_meets_only_latin_names_loosely(text: str) -> None:
    assume(readings.latin_only(fold(text)))
    for match in _GAZ.search(text, limit=20):
        if match.method in _LOOSE:
            assert script_of(match.name.text) == "LATIN", (text, match.name.text)


_ABJAD = [chr(c) for c in range(0x0628, 0x064B) if chr(c).isalpha()] + [
    chr(c) for c in range(0x05D0, 0x05EB)]


@given(st.text(alphabet=_ABJAD, min_size=1, max_size=3))
def test_a_short_abjad_word_is_read_only_as_written(text: str) -> None:
    """Property: an Arabic-script or Hebrew query of fewer than 4 letters (arab.yaml's and
    hebrew.yaml's short_words) is never answered by romanization or a fuzzy guess."""
    assume(len({script_of(ch) for ch in text}) == 1)
    m = toponyms.resolve(text)
    assert m is None or m.method in ("exact", "normalized"), (text, m)
    assert languages().short_words[script_of(text)].transliteration == 4
