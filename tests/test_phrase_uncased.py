"""Places among describing words in scripts without case and in text written without spaces
(toponyms.phrase, toponyms.joined): describing words, Arabic nisba demonyms, kind heads of
German compound nouns, an owner's 領."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, cascade, compound, phrase
from toponyms.compoundparse import Nisba, load_spec, nisba_countries, spec
from toponyms.keys import script_of
from toponyms.model import DataError, data_dir

_GAZ = Gazetteer.default()
_INDEX, _ANC, _COMMON = _GAZ._index, _GAZ._ancestors, _GAZ._common
# one-word names in Arabic and Georgian script that resolve exactly to their place alone
_UNCASED: list[tuple[str, str]] = []
for _place in _GAZ:
    for _name in _place.names:
        _text = _name.text
        if " " in _text or script_of(_text) not in ("ARABIC", "GEORGIAN") or len(_text) < 4:
            continue
        _m = _GAZ.resolve(_text)
        if (_m is not None and _m.place.id == _place.id and not _m.ambiguous
                and _m.method == "exact"):
            _UNCASED.append((_text, _place.id))
_UNCASED = sorted(set(_UNCASED))
_DESCRIBING = sorted(spec().describing)


def _read(text: str, min_score: float = 85.0) -> list:
    return phrase.read(_INDEX, text, cascade.Filters(), min_score=min_score, ancestors=_ANC,
                       common=_COMMON, demonym=_GAZ._people)


def test_the_shipped_rules_are_read() -> None:
    s = spec()
    assert "თვითმმართველი" in s.describing and "خود مختار" in s.describing
    assert s.nisba and s.nisba[0].script == "ARABIC"
    assert set(s.kind_heads) >= {"region", "gebiet"}


@pytest.mark.parametrize("text, expected", [
    ("مدينة يريفان الأرمينية", "am-yerevan"),  # the city of Yerevan, the Armenian
    ("مدينة باكو الأذربيجانية", "az-baku"),
    ("منطقة قره باغ الانفصالية", "karabakh"),  # the separatist region of Karabakh
    ("თვითმმართველი ქალაქი რუსთავი", "ge-rustavi"),  # the self-governing city of Rustavi
    ("Grenzgebiet Schirak", "am-shirak-province"),  # a German compound ending in a kind word
    ("アルメニア領のギュムリ", "am-gyumri"),  # Gyumri of Armenia's territory
    ("古都シュシャ", "az-shusha"),  # the ancient capital Shusha
    ("東京周辺", "jp-tokyo"),  # the surroundings of Tokyo
    ("서울 시내", "kr-seoul"),  # downtown Seoul
])
def test_a_place_among_describing_words(text: str, expected: str) -> None:
    m = _GAZ.resolve(text)
    assert m is not None and m.place.id == expected and m.method == "compound", text
    assert m.score < 100 - compound.PENALTY_UNMARKED + 1e-9


@pytest.mark.parametrize("text", [
    "مدينة يريفان الروسية",  # the Russian city of Yerevan: another country's people
    "مدينة يريفان الجورجية",
    "مدينة غوريس فندق",  # a word we cannot read in a script without case
    "თვითმმართველი სასტუმრო ბათუმი",  # ... hotel Batumi
    "Hotel Gyumri",
    "Gyumriregion Karabach",  # a region of a place, not a word that describes
    "古都ナゴルノ・カラバフ",  # an ancient capital is no region
    "アルメニア領のバクー",  # Baku is not in Armenia
])
def test_no_answer_without_a_rule_that_reads_every_word(text: str) -> None:
    assert _GAZ.resolve(text) is None, text


def test_nisba_rebuilds_the_country_names() -> None:
    rule = spec().nisba[0]
    assert "ارمينيا" in rule.countries("الارمينيه")
    assert "جورجيا" in rule.countries("جورجي")
    assert rule.countries("ال") == [] and rule.countries("باكو") == []
    assert nisba_countries(_INDEX, "الأرمينية") == ("am",)
    assert nisba_countries(_INDEX, "الجورجية") == ("ge",)
    assert nisba_countries(_INDEX, "Armenian") == ()  # English: demonyms.yaml, not a rule
    # German: -isch and its endings on the name without -ien, -land or -ei
    assert nisba_countries(_INDEX, "armenischen") == ("am",)
    assert nisba_countries(_INDEX, "russisches") == ("ru",)
    assert nisba_countries(_INDEX, "türkische") == ("tr",)
    assert nisba_countries(_INDEX, "politischen") == ()


def test_a_country_s_adjective_describes_only_a_place_in_that_country() -> None:
    assert toponyms.resolve("armenisches Jerewan").place.id == "am-yerevan"
    assert toponyms.resolve("armenische Schweiz") is None  # an epithet, not Switzerland


def test_a_describing_word_is_peeled_off_unspaced_text() -> None:
    assert phrase._words("古都・シュシャ", frozenset({"古都"})) == ["古都", "シュシャ"]
    assert phrase._words("シュシャ古都", frozenset({"古都"})) == ["シュシャ", "古都"]
    assert phrase._words("古都", frozenset({"古都"})) == ["古都"]


def test_a_kind_head_must_be_a_kind_word(tmp_path: Path) -> None:
    text = (data_dir() / "languages" / "compound.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "compound.yaml"
    bad.write_text(text.replace("kind_heads: [region,", "kind_heads: [hotel, region,"),
                   encoding="utf-8")
    with pytest.raises(DataError):
        load_spec(bad)
    assert Nisba("ARABIC", (), ("ي",), ("",)).countries("ي") == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_UNCASED), st.sampled_from(_DESCRIBING), st.booleans())
def test_a_known_describing_word_never_changes_the_place(
        solo: tuple[str, str], word: str, before: bool) -> None:
    """Adding a describing word of compound.yaml to a name gives that place or nothing, and a
    phrase never scores above its run's own reading."""
    name, place_id = solo
    text = f"{word} {name}" if before else f"{name} {word}"
    assume(_GAZ.resolve(text.replace(" ", "")) is None)
    own = _GAZ.resolve(name)
    assert own is not None
    found = _read(text, min_score=0.0)
    assert all(m.place.id == place_id for m in found)
    assert all(m.score <= own.score - compound.PENALTY_UNMARKED - phrase.PENALTY_UNKNOWN_PART
               for m in found)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_UNCASED), st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
                                          min_size=5, max_size=8))
def test_an_unknown_word_of_an_uncased_script_stops_the_reading(
        solo: tuple[str, str], word: str) -> None:
    """A word that is no kind, describing, function word or demonym (and names nothing) leaves
    an Arabic or Georgian phrase unread."""
    name, _ = solo
    assume(_GAZ.resolve(word, min_score=75) is None and not nisba_countries(_INDEX, word))
    assume(not _GAZ._people(word))
    assert _read(f"{name} {word}", min_score=0.0) == []


_LATIN: list[tuple[str, str]] = sorted({
    (n.text, p.id) for p in _GAZ for n in p.names[:2]
    if n.text.isalpha() and n.text.isascii() and n.text[:1].isupper()
    and (m := _GAZ.resolve(n.text)) is not None and m.place.id == p.id and m.method == "exact"
    and not m.ambiguous})


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_LATIN), st.text(alphabet="bdfgklmnprstuz", min_size=4, max_size=8),
       st.sampled_from(["region", "gebiet", "provinz", "bezirk"]))
def test_a_kind_head_never_changes_the_place(solo: tuple[str, str], stem: str,
                                             head: str) -> None:
    """A compound noun ending in a kind word before a name gives that place (when the kind
    fits) or nothing, and never more than the name's own score."""
    name, place_id = solo
    word = stem.capitalize() + head
    assume(_GAZ.resolve(stem, min_score=75) is None and _GAZ.resolve(word, min_score=75) is None)
    found = _read(f"{word} {name}", min_score=0.0)
    assert all(m.place.id == place_id and m.score <= 100 - compound.PENALTY_UNMARKED
               for m in found)
    assert all(_GAZ.get(place_id).kind in ("region", "historical-region", "district")
               for _ in found)
