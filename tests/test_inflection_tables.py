"""The endings of the files that give only endings (`inflection_only`: pl, cs, uk, ku, fi, hu,
lt, lv, sk, sl, hr, el, ro, sq, be, bg, mk, sr): read off a query, they keep the place the
name as written gives, and add no names to the default languages (toponyms.inflection,
data/languages/pl.yaml, cs.yaml, ...)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, textlang
from toponyms.inflection import ENDING_PENALTY, MIN_STEM, base_forms, load_one_letter_stems
from toponyms.keys import fold
from toponyms.model import DataError, data_dir
from toponyms.translit import languages, load_languages

_GAZ = Gazetteer.default()
_KEYS = {toponyms.normalize(n.text) for p in _GAZ for n in p.names}
_TABLES = ("pl", "cs", "uk", "ku", "fi", "hu", "lt", "lv", "sk", "sl", "hr", "el", "ro", "sq", "be",
           "bg", "mk", "sr")
# one-word names of those languages, not in capitals
_NAMES = sorted({(n.text, n.lang.split("-")[0], p.id) for p in _GAZ for n in p.names
                 if n.lang.split("-")[0] in _TABLES and " " not in n.text
                 and len(n.text) >= 4 and not n.text.isupper()})
_SUFFIXES = {lang: sorted(e for e, langs in languages().suffix_langs.items() if lang in langs)
             for lang in _TABLES}
# each table's word forms as its file writes them, marks and all ("Dominikana" -> "Dominikanę")
_FORMS = {lang: [(str(ending), str(form)) for ending, forms in (yaml.safe_load(
    (data_dir() / "languages" / f"{lang}.yaml").read_text(encoding="utf-8")).get("inflect")
    or []) for form in forms] for lang in _TABLES}
# the endings of the other languages' tables: a form that is also another name with one of
# them ("Dominikanę", Polish, and "Dominika" + Turkish "-ne") may mean that name
_OTHER_ENDINGS = {lang: sorted(e for e, langs in languages().suffix_langs.items()
                               if lang not in langs) for lang in _TABLES}
# every table's endings: a form that is another name with one of its own language's endings
# too ("Alžīru", Latvian accusative of Alžīra, Algiers, and "Alžīr", a name of Algeria, with
# -u) may mean that name
_ALL_ENDINGS = sorted(languages().suffix_langs)


_ONE_LETTER_STEM = load_one_letter_stems(list(_TABLES))
_VOWELS = set("aeiouyáéíóúýěůąęóàèìòùâêîôûаеєиіїоуюяыэё")


def _case_form(text: str, lang: str, data: st.DataObject) -> str:
    """`text` with one of its language's endings or word forms put on, as the table says: an
    ending after a final consonant (Kurdish writes y between a final vowel and its ending), a
    one-letter one only where the stem is long enough to be read."""
    fits = [(e, f) for e, f in _FORMS[lang] if fold(text).endswith(e)]
    vowel = fold(text)[-1] in _VOWELS
    choices = [("", s) for s in _SUFFIXES[lang] if vowel == s.startswith("y")] + fits
    choices = [(e, f) for e, f in choices
               if len(f) > 1 or len(text) - len(e) >= _ONE_LETTER_STEM[lang]]
    assume(choices)
    ending, form = data.draw(st.sampled_from(choices))
    return text[: len(text) - len(ending)] + form


def test_every_table_has_names_to_read() -> None:
    assert {lang for _, lang, _ in _NAMES} == set(_TABLES)


@given(st.sampled_from(_NAMES), st.data())
def test_a_case_form_of_a_name_gives_what_the_name_gives_or_nothing(
        name: tuple[str, str, str], data: st.DataObject) -> None:
    text, lang, _ = name
    plain = toponyms.resolve(text)
    assume(plain is not None and not plain.ambiguous)
    query = _case_form(text, lang, data)
    # the case form must not be a name of its own, nor another name with another table's ending
    key = toponyms.normalize(query)
    assume(key not in _KEYS)
    assume(not any(key.endswith(e) and key[: -len(e)] in _KEYS for e in _OTHER_ENDINGS[lang]))
    assume(not any(key.endswith(e) and key[: -len(e)] in _KEYS - {toponyms.normalize(text)}
                   for e in _ALL_ENDINGS))
    match = toponyms.resolve(query)
    if match is not None:
        assert match.place.id == plain.place.id, (query, match)
        assert match.score < plain.score


@pytest.mark.parametrize(("query", "want"), [
    ("Stepanakercie", "az-khankendi"),  # Polish locative: t -> ci before -e
    ("Gandży", "az-ganja"),  # Polish genitive of a feminine name in -a
    ("Teheranie", "ir-tehran"),  # Polish locative -ie
    ("w Teheranie", "ir-tehran"),
])
def test_polish_case_forms_resolve_a_little_lower(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == want
    # the rest as written is a name (100) or a name's key (98), less the ending's penalty
    assert match.score in (100.0 - ENDING_PENALTY, 98.0 - ENDING_PENALTY)


def test_a_one_letter_ending_needs_a_long_stem() -> None:
    least = load_one_letter_stems(list(_TABLES))
    assert least == {lang: yaml.safe_load((data_dir() / "languages" / f"{lang}.yaml").read_text(
        encoding="utf-8"))["one_letter_stem"] for lang in _TABLES}
    assert set(least.values()) <= {5, 6}  # as each file measured (Hungarian 6: "akarat")
    # "Kuba" less -a is "kub": a stem of three letters is read for Russian -а, not for Polish
    assert all("pl" not in langs for text, langs in base_forms("kuba") if langs)
    assert any(langs and "pl" in langs for _, langs in base_forms("teheranu"))


def test_a_file_of_endings_only_adds_no_default_language() -> None:
    data = languages()
    assert not {"pl", "cs", "uk", "ku", "he", *_TABLES} & data.codes
    assert {"pl", "cs", "uk"} <= set(data.inflect)


def test_a_malformed_one_letter_stem_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text(f"code: xx\none_letter_stem: {MIN_STEM - 1}\n",
                                      encoding="utf-8")
    with pytest.raises(DataError, match="one_letter_stem"):
        load_one_letter_stems(["xx"], tmp_path)
    (tmp_path / "xx.yaml").write_text("code: xx\ninflection_only: true\n", encoding="utf-8")
    assert "xx" not in load_languages(tmp_path).codes


def test_extract_finds_polish_case_forms_with_lang_pl() -> None:
    # the span stops before the ending, and where the ending changes the name's last letters
    # (Gandża, Gandży) where the two part (README, "Place mentions in running text")
    text = "Walki w Teheranie i Gandży."
    assert [(m.text, m.match.place.id) for m in toponyms.extract(text, lang="pl")] == [
        ("Teheran", "ir-tehran"), ("Gandż", "az-ganja")]
    # a plainly Polish text has its Polish names searched (toponyms.textlang); the same
    # words where no language can be told are not: Polish names are not searched by default
    assert textlang.guess(text) == "pl"
    assert [m.text for m in toponyms.extract(text)] == ["Teheran", "Gandż"]
    assert toponyms.extract("Teheranie, Gandży.") == []
