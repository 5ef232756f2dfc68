"""A place named inside a phrase of describing words (toponyms.phrase)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, cascade, compound, phrase
from toponyms.compoundparse import spec

_GAZ = Gazetteer.default()
_INDEX, _ANC, _COMMON = _GAZ._index, _GAZ._ancestors, _GAZ._common
# single-word Latin names that resolve, as written, to their place alone
_SOLO: list[tuple[str, str]] = []
for _place in _GAZ:
    for _name in _place.names[:3]:
        text = _name.text
        if " " in text or not text.isalpha() or not text[0].isupper() or not text.isascii():
            continue
        m = _GAZ.resolve(text)
        if m is not None and m.place.id == _place.id and not m.ambiguous and m.method == "exact":
            _SOLO.append((text, _place.id))
_SOLO = sorted(set(_SOLO))
# lower-case words that are no word of any name of the data
_NAME_WORDS = {w.casefold() for p in _GAZ for n in p.names for w in n.text.split()}
describing = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=9).filter(
    lambda w: w not in _NAME_WORDS and _GAZ.resolve(w, min_score=75) is None)


def _read(text: str, min_score: float = 85.0) -> list:
    return phrase.read(_INDEX, text, cascade.Filters(), min_score=min_score, ancestors=_ANC,
                       common=_COMMON)


def test_describing_words_around_a_name() -> None:
    """Lower-case words in a cased script describe; the name among them is the answer."""
    for text, expected in [("мэрия Кутаиси", "ge-kutaisi"), ("post-war Stepanakert",
                                                           "az-khankendi"),
                           ("Quba ərazisindən", "az-quba")]:
        m = _GAZ.resolve(text)
        assert m is not None and m.place.id == expected, text
        assert m.method == "compound" and m.part is not None and m.part in text
        assert m.score <= 100 - compound.PENALTY_UNMARKED - phrase.PENALTY_UNKNOWN_PART


def test_names_inside_one_another_give_the_innermost() -> None:
    m = _GAZ.resolve("Abovyan Kotayk Armenia")
    assert m is not None and m.place.id == "am-abovyan" and m.method == "compound"
    assert "am-kotayk-province" in _ANC["am-abovyan"]


def test_capitalized_or_unrelated_words_give_no_answer() -> None:
    """A capitalized word is a name of something else; two unrelated places are no answer."""
    for text in ["Hotel Gyumri Palace", "Kloster Stepanakert Museum", "Stepanakert Baku Gyumri",
                 "Vanadzor / Kirovakan / Paris"]:
        assert _read(text) == [], text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SOLO), describing, st.booleans())
def test_a_describing_word_keeps_the_place(solo: tuple[str, str], word: str,
                                           before: bool) -> None:
    """Property: a lower-case word that is no name, before or after a name, never changes the
    place the name gives, and costs the phrase's penalties."""
    name, pid = solo
    text = f"{word} {name}" if before else f"{name} {word}"
    found = _read(text, min_score=0.0)
    assert found, text
    assert found[0].place.id == pid
    assert found[0].score <= 100 - compound.PENALTY_UNMARKED - phrase.PENALTY_UNKNOWN_PART


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SOLO), describing)
def test_a_capitalized_word_is_never_described(solo: tuple[str, str], word: str) -> None:
    """Property: a capitalized word that is no name ("Hotel", "Kloster") makes the text the
    name of something else: no phrase reading."""
    name, _ = solo
    assume(_GAZ.resolve(word.capitalize(), min_score=75) is None)
    assert _read(f"{word.capitalize()} {name}", min_score=0.0) == []
    assert _read(f"{name} {word.capitalize()}", min_score=0.0) == []


def test_many_words_are_not_read() -> None:
    """Longer text than max_phrase_words is running text: no answer."""
    words = ["мэрия", "Кутаиси"] + ["and"] * spec().max_phrase_words
    assert _read(" ".join(words)) == []
    assert _read("Кутаиси " + "- " * 200) == []
    assert _read("мэрия Кутаиси") != []


def test_filters_apply_to_the_answer() -> None:
    assert _GAZ.resolve("мэрия Кутаиси", country="AM") is None
    m = _GAZ.resolve("мэрия Кутаиси", country="GE")
    assert m is not None and m.place.id == "ge-kutaisi" and m.method == "compound"
    assert _GAZ.resolve("мэрия Кутаиси", kind="country") is None


def test_a_demonym_of_its_country_describes_and_of_another_is_no_answer() -> None:
    m = _GAZ.resolve("the Armenian town of Goris")
    assert m is not None and m.place.id == "am-goris" and m.method == "compound"
    assert m.score <= 100 - compound.PENALTY_UNMARKED - compound.PENALTY_CONTAINED
    assert _GAZ.resolve("the Georgian town of Goris") is None
    assert _GAZ.resolve("Armenian cognac") is None


@pytest.mark.parametrize(("query", "expected"), [
    ("Grenzstadt Goris", "am-goris"),  # German compound nouns whose last word is a kind word
    ("die Hafenstadt Baku", "az-baku"),
    ("Provinzhauptstadt Stepanakert", "az-khankendi"),
    ("Bergdorf Tegh", "am-syunik-tegh"),
])
def test_a_german_compound_ending_in_a_kind_word_is_that_kind_word(
        query: str, expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


def test_a_compound_kind_word_alone_is_no_place() -> None:
    assert toponyms.resolve("Grenzstadt") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Мэрия Еревана", "am-yerevan"),
    ("Мэрия Кутаиси", None),
    ("Radisson Baku", None),
])
def test_a_capital_first_word_describes_only_a_name_in_a_case_form(text: str,
                                                                    expected: str | None) -> None:
    """A caption's first word has a capital: before a name in a case form (a genitive) it is
    read as describing, for PENALTY_SENTENCE_CAPITAL more; before a name as written it may be
    a name of something else."""
    found = _read(text)
    assert [m.place.id for m in found] == ([expected] if expected else [])
    if found:
        lower = _read(text[0].lower() + text[1:])
        assert found[0].score == pytest.approx(lower[0].score - phrase.PENALTY_SENTENCE_CAPITAL)


@pytest.mark.parametrize("text", ["Азербайджанский город Гянджа", "Армянский город Горис"])
def test_a_capital_first_word_before_a_kind_word_and_a_name_describes(text: str) -> None:
    """A kind word between the first word and the name says the name is a place's and the
    word describes it, capital or not; a first word read as the name of a place containing
    the answer (the adjective as the country) never lowers the score below a describing
    word's."""
    upper, lower = _read(text), _read(text[0].lower() + text[1:])
    assert [m.place.id for m in upper] == [m.place.id for m in lower] != []
    assert upper[0].score >= lower[0].score - phrase.PENALTY_SENTENCE_CAPITAL


@pytest.mark.parametrize(("text", "expected"), [
    ("в районе Шуши", "az-shusha"),  # a preposition and a describing word
    ("на окраине Степанакерта", "az-khankendi"),
    ("на территории Агдамского района", "az-aghdam-district"),  # "территории" is a word of a
    # name (Палестинские территории), before a name in a case form
    ("northern Baku", "az-baku"),  # a position word, though names have it (North Korea)
    ("new Lachin", None),  # a word of names before a name as written: maybe another place
])
def test_prepositions_position_words_and_words_of_names_before_a_name(
        text: str, expected: str | None) -> None:
    assert [m.place.id for m in _read(text)] == ([expected] if expected else [])


@given(st.sampled_from(_SOLO), st.sampled_from(["в", "на", "из", "in", "at"]), describing)
def test_a_preposition_adds_nothing_to_a_phrase(pair: tuple[str, str], preposition: str,
                                                word: str) -> None:
    """A preposition before a describing word and a name reads as the two words alone."""
    name, _ = pair
    plain = _read(f"{word} {name}")
    found = _read(f"{preposition} {word} {name}")
    assert [m.place.id for m in found] == [m.place.id for m in plain]


@given(st.sampled_from(_SOLO), describing)
def test_a_capital_word_before_a_name_as_written_is_no_phrase(pair: tuple[str, str],
                                                              word: str) -> None:
    name, _ = pair
    assert _read(f"{word.capitalize()} {name}") == []
