"""normalize / fold: examples and the invariants the cascade relies on."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import normalize
from toponyms.normalize import fold, split_generic, strip_marks

# Letters whose upper and lower case map back and forth (no ı/İ/ß surprises).
_CASE_SAFE = (
    "abcdefghjklmnopqrstuvwxyzəçşğöüâêîôû"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғҹһјөүҝ"
    "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"
)
names = st.text(alphabet=_CASE_SAFE + " -'", max_size=40)


def test_case_and_diacritics_fold() -> None:
    assert normalize("FÜZULİ") == normalize("Füzuli") == "fuzuli"
    assert normalize("TƏRTƏR") == "tərtər"


def test_schwa_variants_are_one_letter() -> None:
    # Latin ə, Latin turned e ǝ, Cyrillic ә
    assert normalize("Xankəndi") == normalize("Xankǝndi") == normalize("Xankәndi")


@pytest.mark.parametrize("apostrophe", list("'ʼʻ’‘`´"))
def test_apostrophe_variants_fold(apostrophe: str) -> None:
    assert normalize(f"Step{apostrophe}anakert") == "stepanakert"


@pytest.mark.parametrize("dash", ["-", "‐", "–", "—", "−"])
def test_dash_variants_fold_to_space(dash: str) -> None:
    assert normalize(f"Nagorno{dash}Karabakh") == "nagorno karabakh"


def test_invisible_and_bidi_characters_are_dropped() -> None:
    assert normalize("\u200fBakı\u200e") == normalize("Ba\u200bkı") == "bakı"
    assert normalize("Ganja\x00\x07") == "ganja"


def test_spacing_and_edge_punctuation() -> None:
    assert normalize('  "Ganja",  ') == "ganja"
    assert normalize("Ashagi \t  Maralyan\n") == "ashagi maralyan"


def test_fold_keeps_diacritics_for_transliteration() -> None:
    assert fold("Şuşa") == "şuşa"
    assert strip_marks("şuşa") == "susa"


def test_generic_terms_come_from_language_data() -> None:
    assert split_generic(fold("Füzuli rayonu")) == [("füzuli", "district")]
    assert ("тертер", "district") in split_generic(fold("Тертерский район"))
    assert ("физули", "district") in split_generic(fold("Физулинский район"))
    assert ("թարթառ", "district") in split_generic(fold("Թարթառի շրջան"))
    assert split_generic(fold("district")) == []  # nothing but a generic term


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]


@given(st.text())
def test_normalize_is_total_and_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_output_is_bounded(text: str) -> None:
    # NFKC may expand a character (up to 18 for U+FDFA); nothing else grows the text
    assert len(normalize(text)) <= 18 * len(text)


@given(st.text())
def test_normalize_is_stable_under_unicode_forms(text: str) -> None:
    want = normalize(text)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert normalize(unicodedata.normalize(form, text)) == want


@given(names)
def test_normalize_ignores_case(text: str) -> None:
    assert normalize(text.upper()) == normalize(text.lower()) == normalize(text)


@given(names, st.sampled_from(["\u200b", "\u200e", "\u200f", "\u2066", "\ufeff"]))
def test_invisible_characters_never_change_the_key(text: str, junk: str) -> None:
    middle = len(text) // 2
    assert normalize(text[:middle] + junk + text[middle:]) == normalize(text)


@given(names)
def test_normalized_key_has_no_marks_or_uppercase(text: str) -> None:
    key = normalize(text)
    assert key == key.lower()
    assert not any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", key)
                   if "\u0300" <= c <= "\u036f")
