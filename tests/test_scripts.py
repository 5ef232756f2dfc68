"""Scripts read by rule tables (toponyms.romanizers, data/languages/brahmic.yaml, thai.yaml) and
by the letter tables of greek.yaml, hebrew.yaml, han.yaml, hangul.yaml: their names meet the
Latin names of the same places."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from toponyms.keys import fold, translit_keys
from toponyms.model import DataError, data_dir
from toponyms.romanizers import load_romanizers, romanize_scripts, romanizers
from toponyms.translit import romanize

LANGUAGES = data_dir() / "languages"


def keys(text: str) -> set[str]:
    return set(translit_keys(fold(text)))


@pytest.mark.parametrize(
    ("written", "english"),
    [  # names of data/places and the English name of the same place
        ("अस्मारा", "Asmara"),  # Devanagari (hi), er-asmara
        ("কোলকাতা", "Kolkata"),  # Bengali, in-kolkata
        ("ਕੋਲਕਾਤਾ", "Kolkata"),  # Gurmukhi, in-kolkata
        ("ਕਾਠਮਾਂਡੂ", "Kathmandu"),  # Gurmukhi, np-kathmandu
        ("மெரிடா", "Mérida"),  # Tamil, mx-merida
        ("அரூபா", "Aruba"),  # Tamil, aw
        ("เมรีดา", "Mérida"),  # Thai, mx-merida
        ("อารูบา", "Aruba"),  # Thai, aw
        ("Ανδόρρα", "Andorra"),  # Greek, ad
        ("Μέριδα", "Mérida"),  # Greek, mx-merida
        ("פיג׳י", "Fiji"),  # Hebrew, fj: a letter with a geresh
        ("צ׳ילה", "Chile"),  # Hebrew, cl: the second key reads the final ה a
        ("בורונדי", "Burundi"),  # Hebrew, bi
        ("아스메라", "Asmara"),  # Hangul, er-asmara
        ("아르메니아", "Armenia"),  # Hangul, am
        ("努克", "Nuuk"),  # Chinese, gl-nuuk
    ],
)
def test_a_data_name_in_a_covered_script_meets_its_latin_name(written: str, english: str) -> None:
    assert keys(written) & keys(english)


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("अस्मारा", "asmara"),  # the virama leaves the consonant bare
        ("কোলকাতা", "kolkata"),  # the inherent vowel between VC and CV is not spoken
        ("ਨੂਕ", "nuk"),  # nor at the end of a word (Gurmukhi)
        ("மெரிடா", "merida"),  # Tamil ட between vowels is d
        ("நூக்", "nuk"),  # Tamil keeps a final inherent vowel, but the pulli removes it
        ("เมรีดา", "merida"),  # เ read after its consonant; ร has a vowel of its own
        ("แอสมารา", "aesmara"),  # อ carries the vowel, ส keeps its initial value
        ("บุรุนดี", "burundi"),
    ],
)
def test_rule_scripts_romanize_as_their_tables_say(written: str, latin: str) -> None:
    assert romanize_scripts(fold(written)) == latin


def test_other_text_passes_through_unchanged() -> None:
    assert romanize_scripts("Stepanakert Ստեփանակերտ") == "Stepanakert Ստեփանակերտ"


def test_greek_letter_groups_are_read_with_their_accents() -> None:
    # ού is the group ου (u) once the tonos goes; μπ and ντ write foreign b and d
    assert romanize(fold("Αρούμπα")) == "aruba"
    assert romanize(fold("Ελλάδα")) == "ellada"


def test_han_transcription_characters_have_a_second_key() -> None:
    # 喀布尔 (Kabul, a data name): pinyin "ka bu er", and "ka bu r" as the tables use 尔
    assert keys("喀布尔") == {"kabuar", "kabur"}


def _brahmic(kind: str, script: str = "DEVANAGARI") -> list[str]:
    raw = yaml.safe_load((LANGUAGES / "brahmic.yaml").read_text(encoding="utf-8"))
    names = raw["consonants"] if kind == "LETTER" else raw["vowels"]
    out = []
    for name in names:
        try:
            out.append(unicodedata.lookup(f"{script} {kind} {name}"))
        except KeyError:
            continue
    return out


@given(st.sampled_from(_brahmic("LETTER")), st.sampled_from(_brahmic("VOWEL SIGN")))
def test_a_vowel_sign_replaces_the_inherent_vowel(consonant: str, sign: str) -> None:
    data = romanizers()
    want = data.abugida[consonant].value + data.abugida[sign].value
    assert romanize_scripts(unicodedata.normalize("NFC", consonant + sign)) == want


def _thai_table() -> dict[str, list[str]]:
    raw = yaml.safe_load((LANGUAGES / "thai.yaml").read_text(encoding="utf-8"))
    return dict(raw["consonants"])


@given(st.sampled_from(sorted(_thai_table())), st.sampled_from("เแโใไ"))
def test_a_thai_leading_vowel_is_read_after_its_consonant(consonant: str, vowel: str) -> None:
    thai = romanizers().thai
    assert thai is not None
    assert romanize_scripts(vowel + consonant) == thai.initial[consonant] + thai.leading[vowel]


def _covered() -> str:
    data = romanizers()
    letters = set(data.covered)
    for name in ("greek.yaml", "hebrew.yaml", "han.yaml"):
        raw = yaml.safe_load((LANGUAGES / name).read_text(encoding="utf-8"))
        table = raw.get("greek") or raw.get("hebrew") or raw.get("han") or {}
        letters.update(ch for key in table for ch in key)
    return "".join(sorted(letters))


COVERED = _covered()


@given(st.text(alphabet=COVERED + " -", max_size=25))
def test_romanization_of_covered_scripts_is_total_ascii_and_idempotent(text: str) -> None:
    once = romanize(fold(text))
    assert once.isascii()
    assert romanize(once) == once
    assert all(key.isascii() and " " not in key for key in translit_keys(fold(text)))


@given(st.text(alphabet=COVERED, min_size=1, max_size=25))
def test_no_covered_letter_survives_the_rule_tables(text: str) -> None:
    data = romanizers()
    left = romanize_scripts(unicodedata.normalize("NFC", text))
    assert not any(ch in data.covered for ch in left)


def test_every_table_entry_romanizes_to_ascii() -> None:
    data = romanizers()
    assert all(letter.value.isascii() for letter in data.abugida.values())
    assert data.thai is not None
    thai = data.thai
    for table in (thai.initial, thai.final, thai.vowels, thai.leading):
        assert all(value.isascii() for value in table.values())
    for name, key in (("greek.yaml", "greek"), ("hebrew.yaml", "hebrew"), ("han.yaml", "han")):
        raw = yaml.safe_load((LANGUAGES / name).read_text(encoding="utf-8"))
        assert raw[key], name
        assert all(str(value).isascii() for value in raw[key].values()), name


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("romanizer: abugida\nscripts: [DEVANAGARI]\nconsonants: {KA: क}\n", "ASCII"),
        ("romanizer: thai\nconsonants: {ก: k}\n", "[initial, final]"),
        ("romanizer: runes\n", "unknown romanizer"),
        ("romanizer: thai\nromanizer: thai\n", "duplicate key"),
    ],
)
def test_a_malformed_romanizer_file_is_a_data_error(tmp_path: Path, body: str,
                                                     message: str) -> None:
    (tmp_path / "xx.yaml").write_text(f"code: xx\n{body}", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_romanizers(tmp_path)
    assert "xx.yaml" in str(err.value)
    assert message in str(err.value)


def test_rtgs_final_values_apply_when_a_table_asks_for_them(tmp_path: Path) -> None:
    text = (LANGUAGES / "thai.yaml").read_text(encoding="utf-8")
    assert "final_values: false" in text
    (tmp_path / "thai.yaml").write_text(text.replace("final_values: false", "final_values: true"),
                                        encoding="utf-8")
    rtgs = load_romanizers(tmp_path)
    # คาบูล (Kabul, a data name): RTGS reads a closing ล as n
    assert romanize_scripts("คาบูล", rtgs) == "khabun"
    assert romanize_scripts("คาบูล") == "khabul"


def test_a_name_with_other_han_characters_keeps_its_pinyin_key_alone() -> None:
    # 上海 (cn-shanghai, a data name): 海 is no transcription character, so no second key
    assert keys("上海") == {"shangai"}
    assert romanize(fold("喀布尔")).endswith("~")
    assert not romanize(fold("上海")).endswith("~")
