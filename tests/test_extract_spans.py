"""Where `extract`'s spans stop: a kind word after a name joins the span, and a Russian word
form is cut where it parts from the name (recognition.yaml: span_kinds, min_stem_letters)."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms.recognition import proclitic_pattern, rules, stem_length, unit_word_end


def spans(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.match.place.id) for m in toponyms.extract(text)]


def test_a_kind_word_after_a_name_joins_the_span_and_picks_the_unit() -> None:
    assert ("Aghdam region", "az-aghdam-district") in spans(
        "Azerbaijan took control of the Aghdam region and seven villages.")
    assert spans("Azerbaijan established control over the Kalbajar region.")[1] == (
        "Kalbajar region", "az-kalbajar-district")


def test_a_kind_word_that_begins_a_longer_name_narrows_but_stays_out() -> None:
    # "Aghdam District Court": the kind word begins a longer proper name, which the mention
    # does not take in; it still picks the district over the town
    assert spans("The Aghdam region court met.")[0] == ("Aghdam region", "az-aghdam-district")
    assert spans("The Aghdam Region Court met.")[0] == ("Aghdam", "az-aghdam-district")
    assert spans("The Aghdam region\nCourt met.")[0] == ("Aghdam region", "az-aghdam-district")


def test_a_kind_word_with_a_case_ending_joins_without_the_ending() -> None:
    assert spans("Bu mərhələdə Ağdam rayonun Xıdırlı kəndinə 64 ailə köçürülüb.")[0] == (
        "Ağdam rayon", "az-aghdam-district")


def test_settlement_words_punctuation_and_towns_without_a_unit_stay_out() -> None:
    assert spans("Lachin city was handed over.") == [("Lachin", "az-lacin")]
    assert spans("Aghdam. Region officials said so.") == [("Aghdam", "az-aghdam")]
    assert spans("The Goris region hosts refugees.") == [("Goris", "am-goris")]
    # a name that means only a region keeps its span: the word decides nothing
    assert ("Karabakh", "karabakh") in spans("Fighting rages over the Karabakh region.")


def test_a_russian_word_form_stops_where_it_parts_from_the_name() -> None:
    assert spans("граница между Арменией и Турцией открыта") == [
        ("Армени", "am"), ("Турци", "tr")]
    # an ending added to the whole name is cut as before; words before the last stay whole
    assert spans("беженцы из Нагорного Карабаха и Азербайджана")[0][0] == "Нагорного Карабах"


def test_unit_word_end_reads_the_next_word_only() -> None:
    words = {"region": frozenset({"district", "region"})}
    assert unit_word_end("aghdam region and", 6, words, {}, 6) == (
        13, frozenset({"district", "region"}))
    assert unit_word_end("aghdam regional", 6, words, {}, 6) is None
    assert unit_word_end("aghdam", 6, words, {}, 6) is None


words = st.text(alphabet="абвгдеийклмнорсуя", min_size=1, max_size=9)


@given(st.lists(words, max_size=2), words, words, words)
def test_stem_length_keeps_the_common_prefix_of_the_last_word(
        before: list[str], stem: str, tail: str, other: str) -> None:
    form = " ".join([*before, stem + tail])
    name = " ".join([*before, stem + other])
    assume(tail[:1] != other[:1])
    kept = stem_length(form, name)
    if len(stem) < rules().min_stem_letters:
        assert kept is None
    else:
        assert kept == len(form) - len(tail)
        assert form[:kept] == name[:kept]


@given(st.lists(words, min_size=1, max_size=3))
def test_stem_length_of_the_name_itself_is_none(parts: list[str]) -> None:
    name = " ".join(parts)
    assert stem_length(name, name) is None


def test_a_name_after_an_arabic_proclitic_is_a_mention_without_it() -> None:
    text = "نشرت جمهوريتا أرمينيا وأذربيجان نص الاتفاقية في باكو ويريفان"
    got = toponyms.extract(text)
    assert [(m.text, m.match.place.id) for m in got] == [
        ("أرمينيا", "am"), ("أذربيجان", "az"), ("باكو", "az-baku"), ("يريفان", "am-yerevan")]
    assert all(text[m.start:m.end] == m.text for m in got)
    # a name that itself begins with such a letter is read whole first
    assert [(m.text, m.match.place.id) for m in toponyms.extract("زار لبنان")] == [("لبنان", "lb")]


def test_proclitic_pattern_finds_letters_that_begin_longer_words_only() -> None:
    pattern = proclitic_pattern(frozenset("و"))
    assert [m.end() for m in pattern.finditer("و باكو وباكو")] == [8]
    assert list(pattern.finditer("")) == []
    assert [m.end() for m in pattern.finditer("وباكو")] == [1]
