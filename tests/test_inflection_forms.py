"""More case forms read off a query: Georgian postpositions fused to a case form, the Armenian
u-declension, Ukrainian adjectives and the locative's consonant alternation, a Russian form
whose rule names the stem's last letter, the Kazakh genitive on a Russian spelling
(`names_of`), and a Japanese particle in hiragana after a katakana name (toponyms.inflection,
data/languages/ka.yaml, hy.yaml, uk.yaml, ru.yaml, kk.yaml, ja.yaml)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer
from toponyms.inflection import (
    ENDING_PENALTY,
    MIN_STEM,
    base_forms,
    load_names_of,
    load_prepositions,
    names_of,
    postpositions,
    script_bases,
)
from toponyms.keys import fold, script_of, strip_marks
from toponyms.model import DataError
from toponyms.translit import languages

_GAZ = Gazetteer.default()
_LANGS = ("ru", "uk", "ka", "hy")
# one-word names of languages with word-form rules, and the place each resolves to as written
_NAMES = sorted({(n.text, p.id) for p in _GAZ if p.kind != "country" for n in p.names
                 if n.lang.split("-")[0] in _LANGS and " " not in n.text
                 and len(n.text) >= 4 and not n.text.isupper()})
# every word form of every rule of those languages, folded
_FORMS = sorted({form for lang in _LANGS for _, forms in languages().inflect.get(lang, ())
                 for form in forms})
_SCRIPTS = {"ru": "CYRILLIC", "uk": "CYRILLIC", "ka": "GEORGIAN", "hy": "ARMENIAN"}


@pytest.mark.parametrize(("query", "want"), [
    ("თბილისისკენ", "ge-tbilisi"),  # Georgian: -კენ (towards) on the genitive
    ("ბათუმისთვის", "ge-batumi"),  # -თვის (for) on the genitive
    ("ბათუმამდე", "ge-batumi"),  # -მდე (up to) on the adverbial, its -დ dropped
    ("Шушою", "az-shusha"),  # Russian: the rule ша -> шою names the stem's ш
    ("Нагірним Карабахом", "nagorno-karabakh"),  # Ukrainian: an adjective's instrumental
    ("Нагірного Карабаху", "nagorno-karabakh"),  # and its genitive
    ("Нагірно-Карабаською Республікою", "republic-of-artsakh"),  # a feminine adjective
    ("Ереванның", "am-yerevan"),  # Kazakh: the genitive on the Russian spelling
])
def test_a_case_form_resolves_a_little_lower(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want
    assert match.score <= 100.0 - ENDING_PENALTY


def test_a_particle_in_hiragana_after_a_katakana_name_is_read_off() -> None:
    assert script_bases(fold("エレバンまで"), "KATAKANA") == ["エレバン"]
    match = toponyms.resolve("エレバンまで")  # until Yerevan
    assert match is not None and match.place.id == "am-yerevan"
    bare = toponyms.resolve("エレバン")
    assert bare is not None and match.score < bare.score
    # a katakana word with no particle reads no ending of another script
    assert script_bases(fold("エレバン"), "KATAKANA") == []


def test_word_forms_read_back_to_their_nominative() -> None:
    assert ("поверх", frozenset({"uk"})) in base_forms("поверсі")  # х -> с before -і
    assert "америка" in dict(base_forms("америці"))  # к -> ц
    assert "українська" in dict(base_forms("українській"))  # a feminine adjective: -ій
    assert "թբիլիսի" in dict(base_forms("թբիլիսու"))  # Armenian -ի -> -ու
    assert "ბათუმი" in dict(base_forms("ბათუმისგან"))  # Georgian -ი -> -ისგან
    assert "შუშა" in dict(base_forms("შუშიდან"))  # a Georgian -ა name drops it before -იდან


def test_a_kazakh_ending_meets_the_russian_spelling_only() -> None:
    assert names_of()["kk"] == frozenset({"ru"})
    forms = dict(base_forms("ереванның"))
    assert forms["ереван"] >= {"kk", "ru"}
    assert all("ru" not in (langs or ()) for text, langs in base_forms("şuşada"))


def test_a_malformed_names_of_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text("code: xx\nnames_of: ru\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_names_of(["xx"], tmp_path)
    (tmp_path / "xx.yaml").write_text("code: xx\nnames_of: [xx]\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_names_of(["xx"], tmp_path)
    (tmp_path / "xx.yaml").write_text("code: xx\nnames_of: [ru, uk]\n", encoding="utf-8")
    assert load_names_of(["xx"], tmp_path) == {"xx": frozenset({"ru", "uk"})}


def _letters(text: str) -> int:
    return len(unicodedata.normalize("NFD", text))


@given(st.sampled_from(_NAMES), st.sampled_from(_FORMS), st.integers(0, 4))
def test_reading_a_form_off_never_leaves_less_than_a_stem(
        name: tuple[str, str], form: str, cut: int) -> None:
    """Whatever a word ends in, each reading keeps at least MIN_STEM letters of the word as
    written before the part a rule changed: "Bakı" is not "Bak" plus an ending."""
    text = strip_marks(fold(name[0]))
    word = text[: max(1, len(text) - cut)] + form
    script = script_of(word)
    assume(script_of(form) == script)  # one script: no clitics, the stem and ending agree
    for reading, langs in base_forms(word, script):
        assert langs, reading
        assert reading, word
        shared = 0
        while shared < min(len(word), len(reading)) and word[shared] == reading[shared]:
            shared += 1
        assert _letters(word[:shared]) >= MIN_STEM, (word, reading)


@given(st.sampled_from(_NAMES))
def test_a_name_as_written_resolves_as_it_did(name: tuple[str, str]) -> None:
    """A name with no ending is met as written, before any reading of an ending: the new word
    forms never change what an uninflected name of the data gives."""
    text, place_id = name
    match = toponyms.resolve(text)
    assert match is not None, text
    assert match.method == "exact"
    assert text in {n.text for n in match.place.names}
    places = {m.place.id for m in toponyms.search(text, limit=20) if m.method == "exact"}
    assert place_id in places


def test_a_postposition_after_a_name_is_read_off() -> None:
    assert base_forms("باکو را") == [("باکو", None)]
    match = toponyms.resolve("باکو را")  # Baku, a definite object in Persian
    assert match is not None and match.place.id == "az-baku"
    assert match.score <= 100.0 - ENDING_PENALTY
    assert toponyms.resolve("را") is None  # the postposition alone
    assert toponyms.resolve("در را") is None  # a preposition and a postposition: no name


def test_the_postpositions_are_checked_and_optional(tmp_path: Path) -> None:
    path = tmp_path / "prepositions.yaml"
    path.write_text("code: mul\nprepositions: {en: [in]}\n", encoding="utf-8")
    assert load_prepositions(path, key="postpositions") == {}
    path.write_text("code: mul\nprepositions: {en: [in]}\npostpositions: [را]\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match="postpositions"):
        load_prepositions(path, key="postpositions")
    path.write_text("code: mul\nprepositions: {en: [in]}\npostpositions: {fa: [را]}\n",
                    encoding="utf-8")
    assert load_prepositions(path, key="postpositions") == {"را": frozenset({"fa"})}


# one-word names of the languages with postpositions, and of the languages with word forms
_AFTER = sorted({(n.text, p.id) for p in _GAZ if p.kind != "country" for n in p.names
                 if n.lang.split("-")[0] in ("az", "fa") and " " not in n.text
                 and len(n.text) >= 4 and not n.text.isupper()}) + _NAMES


@given(st.sampled_from(_AFTER), st.sampled_from(sorted(postpositions())))
def test_a_postposition_keeps_the_place_of_a_name_or_gives_nothing(
        name: tuple[str, str], word: str) -> None:
    text, place_id = name
    plain = toponyms.resolve(text)
    assume(plain is not None and plain.place.id == place_id and not plain.ambiguous)
    # a postposition is read off at the normalized stage, where marks are folded: "عَمان"
    # (Amman, with its fatha) is also عمان, Oman, there
    bare = toponyms.resolve(strip_marks(text))
    assume(bare is not None and bare.place.id == place_id and not bare.ambiguous)
    match = toponyms.resolve(f"{text} {word}")
    assert match is None or match.place.id == place_id or match.method == "fuzzy", match
    if match is not None and match.method != "fuzzy":
        assert match.score < plain.score  # a little lower than the name alone


def test_azerbaijani_postpositions_are_read_off() -> None:
    assert postpositions()["ilə"] == frozenset({"az"})
    for query in ("Gəncə ilə", "Şuşadan sonra", "Gəncəyə qədər"):
        match = toponyms.resolve(query)
        assert match is not None, query
        assert match.place.id in ("az-ganja", "az-shusha")


@pytest.mark.parametrize(("query", "want"), [
    ("місті Шуша", "az-shusha"),  # Ukrainian: місто in the locative before the name
    ("містом Шуша", "az-shusha"),  # and in the instrumental
    ("области Ширак", "am-shirak-province"),  # Russian: область in the genitive, before
    ("регионом Ширак", "am-shirak-province"),  # регион in the instrumental
])
def test_a_kind_word_in_another_case_before_a_name_is_read_as_the_kind(
        query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert match.place.id == want


def test_our_written_onto_an_azerbaijani_name_is_read_off() -> None:
    for query, want in (("Ağdamımız", "az-aghdam"), ("Gəncəmizə", "az-ganja"),
                        ("Şuşamızdan", "az-shusha")):
        match = toponyms.resolve(query)
        assert match is not None, query
        assert match.place.id == want
        assert match.score <= 100.0 - ENDING_PENALTY
    found = _GAZ.extract("Gəncəmizin küçələri, Şuşamızda bayram.")
    assert [(m.text, m.match.place.id) for m in found] == [
        ("Gəncə", "az-ganja"), ("Şuşa", "az-shusha")]


_KATAKANA = sorted({n.text for p in _GAZ for n in p.names if n.lang == "ja" and len(n.text) >= 3
                    and all(script_of(ch) == "KATAKANA" for ch in n.text)})
_PARTICLES = sorted(e for e, langs in languages().suffix_langs.items()
                    if "ja" in langs and script_of(e) == "HIRAGANA")


@given(st.sampled_from(_KATAKANA), st.sampled_from(_PARTICLES))
def test_a_hiragana_particle_leaves_the_katakana_name_whole(name: str, particle: str) -> None:
    """The particle is read off where the script changes, and only there: every reading is the
    name itself or the name with a katakana ending read off, never a name cut inside."""
    folded = fold(name + particle)
    readings = script_bases(folded, "KATAKANA")
    assert fold(name) in readings
    assert all(script_of(text[-1:]) == "KATAKANA" for text in readings), readings
