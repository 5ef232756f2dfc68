"""Transliteration keys: scripts and romanization systems meet without fuzzy matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms.keys import fold, normalize, split_generic, translit_keys
from toponyms.model import DataError
from toponyms.translit import load_languages, romanize, skeleton


def keys(text: str) -> set[str]:
    return set(translit_keys(fold(text)))


@pytest.mark.parametrize(
    "group",
    [
        ["Stepanakert", "Ստեփանակերտ", "Степанакерт", "Stepʻanakert"],
        ["Khankendi", "Xankəndi", "Ханкенди", "Խանքենդի", "ხანკენდი"],
        ["Terter", "Tartar", "Tərtər", "Тертер", "Թարթառ"],
        ["Jabrayil", "Cəbrayıl", "Jebrail", "Джебраил", "Dzhebrail", "Jabrail"],
        ["Fizuli", "Физули", "Ֆիզուլի"],
        ["Yerevan", "Երևան", "Ереван", "Erevan"],
        ["Shusha", "Şuşa", "Шуша"],
    ],
)
def test_spellings_of_one_name_share_a_key(group: list[str]) -> None:
    first = keys(group[0])
    for other in group[1:]:
        assert first & keys(other), (group[0], other)


def test_unidecode_traps_are_handled_by_our_tables() -> None:
    # unidecode gives "Xank@ndi", "T@rt@r" and "Susa"; our tables run first
    assert "@" not in romanize(fold("Xankəndi"), "az")
    assert romanize(fold("Tərtər"), "az") == "terter"
    assert romanize(fold("Şuşa"), "az") == "shusha"


def test_unidecode_is_the_fallback_for_uncovered_scripts() -> None:
    assert romanize(fold("東京")).isascii()
    assert romanize(fold("ኢትዮጵያ")).isascii()  # Ethiopic: no table of ours
    assert romanize(fold("Ελλάδα")) == "ellada"  # Greece (greek.yaml): the tonos goes first


@pytest.mark.parametrize(
    ("written", "english"),
    [  # CLDR names from data/places/countries.yaml, scripts without a table of ours
        ("บุรุนดี", "Burundi"),  # Thai
        ("ガーナ", "Ghana"),  # katakana
        ("ナミビア", "Namibia"),
        ("불가리아", "Bulgaria"),  # Hangul
        ("আর্মেনিয়া", "Armenia"),  # Bengali
        ("आर्मेनिया", "Armenia"),  # Devanagari
        ("Αρμενία", "Armenia"),  # Greek
        ("מאלי", "Mali"),  # Hebrew
    ],
)
def test_every_script_reaches_the_latin_skeleton(written: str, english: str) -> None:
    assert keys(written) & keys(english)


def test_kana_keeps_its_voicing_marks() -> None:
    # NFD splits ド into ト plus a voicing mark; unidecode must see the whole syllable
    assert romanize(fold("ドイツ")) == "doitsu"
    assert romanize(fold("서울")) == "seoul"


def test_arabic_script_romanizes_by_its_table() -> None:
    # BGN/PCGN letters (data/languages/arab.yaml); unidecode gave "bkw" and "khnkhndy"
    assert romanize(fold("باکو")) == "bakw"
    assert romanize(fold("خانکندی")) == "khankndy"
    assert keys("غانا") & keys("Ghana")  # Arabic
    assert keys("گامبیا") & keys("Gambia")  # Persian
    assert keys("جاپان") & keys("Japan")  # Urdu


def test_uyghur_and_sorani_letters_romanize_as_their_sounds() -> None:
    # vowel letters read as vowels (unidecode lost ې and read ۈ "yu"), strong l and r as l, r
    assert romanize(fold("ۇۆۈۋېڵڕ")) == "uouvelr"
    assert keys("ئۇرۇمچی") & keys("Urumchi")  # Urumqi in Uyghur letters, a Persian yeh last


def test_different_names_keep_different_keys() -> None:
    assert not keys("Ganja") & keys("Baku")
    assert not keys("Fuzuli") & keys("Tartar")


@given(st.text())
def test_keys_are_ascii_and_never_raise(text: str) -> None:
    for key in translit_keys(fold(text)):
        assert key.isascii()
        assert " " not in key


@given(st.text(alphabet="ابتجدرسشكگلمنوهي ", min_size=1, max_size=30),
       st.sampled_from(["\u064e", "\u0650", "\u064f", "\u0651", "\u0652", "\u0640"]))
def test_arabic_letter_forms_and_marks_share_transliteration_keys(text: str, mark: str) -> None:
    # Persian keheh and yeh for Arabic kaf and yeh, a vowel mark or tatweel after each letter
    variant = "".join(ch + mark if ch != " " else ch
                      for ch in text.replace("ك", "ک").replace("ي", "ی"))
    assert translit_keys(fold(variant)) == translit_keys(fold(text))
    assert all(key.isascii() for key in translit_keys(fold(text)))


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30))
def test_skeleton_is_idempotent_on_ascii(text: str) -> None:
    once = skeleton(text)
    assert skeleton(once) == once


@pytest.mark.parametrize(
    "bad",
    ["fold: {ab: a}", "fold_drop: [U+06ZZ]", "fold_drop: ['U+0600..nope']"],
)
def test_a_malformed_fold_table_is_a_data_error(tmp_path: Path, bad: str) -> None:
    (tmp_path / "xx.yaml").write_text(f"code: xx\n{bad}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_languages(tmp_path)
    assert "xx.yaml" in str(err.value)


@pytest.mark.parametrize(("kana", "latin"), [
    ("ステパナケルト", "Stepanakert"),  # su-te-pa-na-ke-ru-to: the added u and o taken out
    ("ギュムリ", "Gyumri"),
    ("アゼルバイジャン", "Azerbaijan"),
    ("ガンジャ", "Ganja"),  # ジャ is ja (Hepburn), not unidecode's "ziya"
    ("シュシャ", "Shusha"),
])
def test_katakana_meets_the_latin_name(kana: str, latin: str) -> None:
    assert set(translit_keys(fold(kana))) & set(translit_keys(fold(latin)))


def test_kana_digraphs_are_read_before_single_letters() -> None:
    assert romanize(fold("ジャ")) == "ja" and romanize(fold("ディ")) == "di"
    assert romanize(fold("バクー")) == "baku"  # the long-vowel mark is dropped


@given(st.text(alphabet=st.characters(min_codepoint=0x30A1, max_codepoint=0x30FC),
               min_size=1, max_size=12))
def test_katakana_keys_are_ascii_and_the_plain_one_comes_first(text: str) -> None:
    keys = translit_keys(fold(text))
    assert all(k.isascii() for k in keys)
    plain = skeleton(romanize(fold(text)))
    assert not plain or keys[0] == plain


#: Each Arabic letter and the forms writers use for it (hamza carriers, Persian and Urdu
#: letter forms, teh marbuta), all folded to the first (data/languages/arab.yaml `fold`).
ARABIC_FORMS = {
    "ا": "اأإآٱٲٳ",
    "ي": "يىیےئ",
    "ك": "كک",
    "ه": "هةۀہھ",
    "و": "وؤ",
}


@given(st.text(alphabet="ابتجدرسشكلمنويه ", min_size=1, max_size=20), st.data())
def test_every_written_form_of_an_arabic_letter_shares_the_keys(text: str,
                                                                 data: st.DataObject) -> None:
    variant = "".join(data.draw(st.sampled_from(ARABIC_FORMS.get(ch, ch))) for ch in text)
    variant += data.draw(st.sampled_from(["", "\u0640", "\u064b"]))  # tatweel, tanwin
    assert normalize(variant) == normalize(text)
    assert translit_keys(fold(variant)) == translit_keys(fold(text))


@pytest.mark.parametrize(("text", "core", "kind"), [
    ("région d’Askeran", "askeran", "region"),  # fr de elided before a vowel
    ("ville d'Erevan", "erevan", "city"),
    ("伊斯法罕城", "伊斯法罕", "city"),  # zh 城 written onto the name
    ("เมืองทบิลีซี", "ทบิลีซี", "city"),  # Thai writes no space before the name
])
def test_generic_terms_written_onto_the_name_are_split_off(text: str, core: str,
                                                           kind: str) -> None:
    assert (core, kind) in split_generic(fold(text))


@pytest.mark.parametrize("bad", ["{region: {suffix: [région d’]}}",
                                 "{region: {prefix: [d’]}}"])
def test_an_elided_word_ends_a_prefix_of_two_words_or_is_a_data_error(tmp_path: Path,
                                                                      bad: str) -> None:
    (tmp_path / "xx.yaml").write_text(f"code: xx\ngeneric: {bad}\n", encoding="utf-8")
    with pytest.raises(DataError, match="elided") as err:
        load_languages(tmp_path)
    assert "xx.yaml" in str(err.value)


def test_an_elided_term_needs_a_name_after_it() -> None:
    # "région d’" alone, and a word after "d" that begins with a consonant, are no elision
    assert not any(core == "" for core, _ in split_generic(fold("région d’")))
    assert ("ilijan", "region") not in split_generic(fold("région Dmitrov"))
    assert ("mitrov", "region") not in split_generic(fold("région Dmitrov"))


def test_hebrew_hevel_is_a_region_before_its_name() -> None:
    # he.yaml: חבל לכיש, "Lakhish Region"; the word alone is no place (and means "a pity")
    assert ("לכיש", "region") in split_generic(fold("חבל לכיש"))
    assert split_generic(fold("חבל")) == []


def test_data_file_read_twice_gives_fresh_copies_and_sees_edits(tmp_path):
    """The YAML of a data file is parsed once per process (every table of the language files
    reads the same files), but each reader gets its own copy, and an edited file is read anew."""
    from toponyms.translit import _read

    path = tmp_path / "xx.yaml"
    path.write_text("code: xx\nsuffixes: [a, b]\n", encoding="utf-8")
    first = _read(path)
    first["suffixes"].append("changed by a reader")
    assert _read(path) == {"code": "xx", "suffixes": ["a", "b"]}
    path.write_text("code: xx\nsuffixes: [a, b, cde]\n", encoding="utf-8")
    assert _read(path)["suffixes"] == ["a", "b", "cde"]


def test_load_all_reads_every_declared_table():
    """`load_all` (extract's first call runs it) leaves no shipped table to read later."""
    from toponyms import model

    calls: list[int] = []
    model.loaded_once(lambda: calls.append(1) or "table")
    model.load_all()
    model.load_all()
    assert calls == [1]


_GREEK_GROUPS = ["αι", "ει", "οι", "αυ", "ευ", "ου"]
_GREEK_ACUTE = {"α": "ά", "ε": "έ", "ο": "ό", "ι": "ί", "υ": "ύ"}
_GREEK_DIALYTIKA = {"ι": "ϊ", "υ": "ϋ"}
greek_letters = st.text(alphabet="κλμνπρστ", min_size=1, max_size=3)


@given(greek_letters, st.sampled_from(_GREEK_GROUPS), greek_letters)
def test_a_greek_pair_with_its_first_letter_accented_is_read_apart(before: str, pair: str,
                                                                   after: str) -> None:
    """The accent of a Greek letter group is on its second letter (αί is one vowel); on the
    first (άι) the two are read apart, as a dialytika on the second (αϊ) says."""
    first, second = pair
    grouped = romanize(fold(f"{before}{first}{_GREEK_ACUTE[second]}{after}"))
    apart = romanize(fold(f"{before}{_GREEK_ACUTE[first]}{second}{after}"))
    marked = romanize(fold(f"{before}{first}{_GREEK_DIALYTIKA[second]}{after}"))
    assert apart == marked == romanize(fold(f"{before}{first}")) + romanize(
        fold(f"{_GREEK_DIALYTIKA[second]}{after}"))
    assert grouped == romanize(fold(f"{before}{pair}{after}"))


def test_language_files_read_yes_no_on_off_as_text() -> None:
    """Hungarian -on and Latvian "no" are words, not the booleans YAML 1.1 reads them as (the
    language files are read as the places are: only true/false are booleans)."""
    from toponyms.inflection import prepositions
    from toponyms.translit import languages

    assert "hu" in languages().suffix_langs.get("on", ())
    assert "lv" in prepositions().get("no", ())
    assert "true" not in languages().suffix_langs and "false" not in prepositions()


def test_a_duplicate_key_in_a_language_file_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text("code: xx\nname: X\ncode: yy\n", encoding="utf-8")
    with pytest.raises(DataError, match="duplicate key") as err:
        load_languages(tmp_path)
    assert "xx.yaml" in str(err.value)
