"""Words written onto a name: Arabic and Hebrew clitics ("ובאקו", "لباكو"), Turkish and
Azerbaijani suffixes after an apostrophe ("Ağdam’a") and Azerbaijani suffixes after an
abbreviation's hyphen ("MR-da") (toponyms.clitics)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer
from toponyms.clitics import (
    MAX_APOSTROPHE_TAIL,
    MAX_CLITICS,
    MIN_REST,
    abbreviation_suffixes,
    apostrophe_base,
    clitic_readings,
    clitics,
    load_abbreviation_suffixes,
    load_clitics,
)
from toponyms.inflection import ENDING_PENALTY
from toponyms.keys import fold, script_of
from toponyms.model import DataError

_GAZ = Gazetteer.default()
_KEYS = {toponyms.normalize(n.text) for p in _GAZ for n in p.names}
_CLITICS = {lang: sorted(written for written, left, langs in clitics() if lang in langs)
            for lang in ("ar", "he")}
# names of the languages with clitics, in their own script, that resolve to their place
_NAMES = sorted({(n.text, lang, p.id) for p in _GAZ for n in p.names
                 for lang in _CLITICS if n.lang == lang and len(n.text) >= MIN_REST + 1})
# one-word Latin names of any language (not in capitals): Turkish spelling puts the
# apostrophe after any proper noun ("Erivan'da"), English after any name ("Armenia's")
_LATIN = sorted({(n.text, p.id) for p in _GAZ for n in p.names
                 if " " not in n.text and len(n.text) >= 4 and n.text.isalpha()
                 and script_of(n.text) == "LATIN"
                 and not n.text.isupper()})


def _nested(a: str, b: str) -> bool:
    """Whether one of the two places lies inside the other (their parent chains)."""
    gaz = toponyms.Gazetteer.default()

    def chain(pid: str) -> set[str]:
        seen: set[str] = set()
        parent = gaz.get(pid).parent
        while parent is not None and parent not in seen:
            seen.add(parent)
            parent = gaz.get(parent).parent
        return seen

    return a in chain(b) or b in chain(a)


def test_both_languages_have_clitics_and_names() -> None:
    assert _CLITICS["ar"] and _CLITICS["he"]
    assert {lang for _, lang, _ in _NAMES} == {"ar", "he"}


@given(st.sampled_from(_NAMES), st.data())
def test_a_clitic_before_a_name_gives_what_the_name_gives_or_nothing(
        name: tuple[str, str, str], data: st.DataObject) -> None:
    text, lang, _ = name
    plain = toponyms.resolve(text)
    assume(plain is not None and not plain.ambiguous)
    clitic = data.draw(st.sampled_from(_CLITICS[lang]))
    query = clitic + text
    assume(toponyms.normalize(query) not in _KEYS)  # not a name of its own
    match = toponyms.resolve(query)
    if match is not None:
        # the same place, or a tie the answer says it is (a name the data has in two
        # spellings, exact for one place and folded for the other, ties once read off a
        # clitic: "اليولاخ", Yevlakh town and district), with the plain answer in it
        tied = match.ambiguous and plain.place.id in {
            m.place.id for m in toponyms.search(query, limit=5) if m.score == match.score}
        # or the same answer in another size: the town and the district named after it
        # ("الكلبجر": the town of Kalbajar, where the plain name is written as the district's)
        assert match.place.id == plain.place.id or tied or _nested(match.place.id,
                                                                   plain.place.id), (query, match)
        assert match.score < plain.score


@pytest.mark.parametrize(("query", "want"), [
    ("وباكو", "az-baku"),  # Arabic "and Baku"
    ("بتبريز", "ir-tabriz"),  # Arabic "in Tabriz"
])
def test_a_clitic_on_an_arabic_name_is_read_off(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == want
    assert match.score == 98.0 - ENDING_PENALTY


@pytest.mark.parametrize("query", sorted({c for cs in _CLITICS.values() for c in cs}
                                         | {"וב", "ומ", "ול", "وب", "ول", "فل"}))
def test_a_clitic_alone_is_no_place(query: str) -> None:
    assert toponyms.resolve(query) is None


# common words, each of them not a place name alone
_WORDS = ["שלום", "ספר", "ילדים", "עבודה", "كتاب", "مدرسة", "سيارة", "طعام"]


@pytest.mark.parametrize("word", _WORDS)
def test_a_clitic_before_a_common_word_is_no_place(word: str) -> None:
    assert toponyms.resolve(word) is None
    lang = "he" if "\u0590" <= word[0] <= "\u05ff" else "ar"
    assert [c + word for c in _CLITICS[lang] if toponyms.resolve(c + word) is not None] == []


@given(st.text(alphabet="ובלמשהכאקוירנ", min_size=0, max_size=9))
def test_clitic_readings_leave_enough_letters(word: str) -> None:
    for rest, langs in clitic_readings(word):
        assert langs == frozenset({"he"})
        assert len(rest) >= MIN_REST
        assert word.endswith(rest)
        assert len(word) - len(rest) <= MAX_CLITICS


def test_lam_before_the_article_leaves_the_article() -> None:
    assert clitic_readings(fold("للقدس"))[0] == (fold("القدس"), frozenset({"ar"}))


def test_malformed_clitics_are_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text("code: xx\nclitics: [و]\n", encoding="utf-8")
    with pytest.raises(DataError, match="clitics"):
        load_clitics(tmp_path)
    (tmp_path / "xx.yaml").write_text("code: xx\nclitics: {'و ب': ''}\n", encoding="utf-8")
    with pytest.raises(DataError, match="one written prefix"):
        load_clitics(tmp_path)


_APOSTROPHES = ["'", "’", "ʼ"]
_TAILS = st.text(alphabet="abcçdeəfgğhıijklmnoöprsştuüvyz", min_size=1,
                 max_size=MAX_APOSTROPHE_TAIL)


@given(st.sampled_from(_LATIN), st.sampled_from(_APOSTROPHES), _TAILS)
def test_any_suffix_after_an_apostrophe_keeps_the_name_s_place_or_nothing(
        name: tuple[str, str], apostrophe: str, tail: str) -> None:
    text, _ = name
    plain = toponyms.resolve(text)
    assume(plain is not None and not plain.ambiguous)
    query = f"{text}{apostrophe}{tail}"
    match = toponyms.resolve(query)
    if match is not None:
        # the same place, or a tie the answer says it is (a name the data has in two
        # spellings, exact for one place and folded for the other, ties once read off a
        # clitic: "اليولاخ", Yevlakh town and district), with the plain answer in it
        tied = match.ambiguous and plain.place.id in {
            m.place.id for m in toponyms.search(query, limit=5) if m.score == match.score}
        # or the same answer in another size: the town and the district named after it
        # ("الكلبجر": the town of Kalbajar, where the plain name is written as the district's)
        assert match.place.id == plain.place.id or tied or _nested(match.place.id,
                                                                   plain.place.id), (query, match)
        assert match.score < plain.score


def test_a_suffix_after_an_apostrophe_does_not_reach_a_name_of_another_language() -> None:
    # "Lačin" is the town; "Lacin" is also Kabyle for China (CLDR), a language not read
    # by default: the suffix is read off the town's name
    plain = toponyms.resolve("Lačin")
    match = toponyms.resolve("Lačin'de")
    assert plain is not None and match is not None
    assert match.place.id == plain.place.id == "az-lacin"


@pytest.mark.parametrize(("query", "want"), [
    ("Şuşa'dakılardan", "az-shusha"),  # a chain of suffixes no table lists
    ("Xankəndi’yə", "az-khankendi"),
    ("Gəncəʼnin", "az-ganja"),
])
def test_a_suffix_after_an_apostrophe_is_cut_off(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == want
    assert match.score == 100.0 - ENDING_PENALTY  # the rest is a name as written


def test_an_apostrophe_inside_a_name_is_no_suffix() -> None:
    assert apostrophe_base("N'Djamena") is None  # too short a stem before it
    assert apostrophe_base("Sant'Antioco") is None  # a capital after it
    assert apostrophe_base("Кам'янець") is None  # not a Latin suffix
    assert apostrophe_base("Şuşa'" + "a" * (MAX_APOSTROPHE_TAIL + 1)) is None


def test_a_suffix_after_an_abbreviation_s_hyphen_is_cut_off() -> None:
    assert abbreviation_suffixes() == {"-": frozenset({"az"})}
    assert apostrophe_base("Naxçıvan MR-dan") == "Naxçıvan MR"
    match = toponyms.resolve("Naxçıvan MR-ın")
    assert match is not None and match.place.id == "az-nakhchivan-autonomous-republic"
    assert match.score <= 100.0 - ENDING_PENALTY
    assert apostrophe_base("Nagorno-Karabakh") is None  # no abbreviation before the hyphen
    assert apostrophe_base("USA-based") is None  # not an ending of a language that writes it
    assert apostrophe_base("MR-DA") is None  # a suffix is written in lower case


@given(st.sampled_from(_LATIN), st.sampled_from(["da", "dan", "nın", "ya", "la"]))
def test_an_ending_after_a_hyphen_of_a_name_not_in_capitals_is_kept(
        name: tuple[str, str], ending: str) -> None:
    text, _ = name
    assert apostrophe_base(f"{text}-{ending}") is None


def test_a_malformed_abbreviation_suffix_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text('code: xx\nabbreviation_suffix: "--"\n',
                                      encoding="utf-8")
    with pytest.raises(DataError, match="abbreviation_suffix"):
        load_abbreviation_suffixes(tmp_path)
    (tmp_path / "xx.yaml").write_text('code: xx\nabbreviation_suffix: "a"\n',
                                      encoding="utf-8")
    with pytest.raises(DataError, match="abbreviation_suffix"):
        load_abbreviation_suffixes(tmp_path)
    (tmp_path / "xx.yaml").write_text('code: xx\nabbreviation_suffix: "-"\n',
                                      encoding="utf-8")
    assert load_abbreviation_suffixes(tmp_path) == {"-": frozenset({"xx"})}


@pytest.mark.parametrize(("query", "want", "name"), [
    ("Tiflis'ten", "ge-tbilisi", "Tiflis"),
    ("Erivan’a", "am-yerevan", "Erivan"),
])
def test_a_misspelt_name_before_an_apostrophe_is_read_loosely(query: str, want: str,
                                                              name: str) -> None:
    """What comes before the apostrophe is the name as the query spells it: a spelling the
    data has only in another script or with other letters (dotless ı for i: "Tıflıs") is met
    at the loose stages, an ending's penalty lower than the bare spelling."""
    typo = name.replace("i", "ı")
    bare = toponyms.resolve(typo)
    match = toponyms.resolve(query.replace(name, typo))
    assert bare is not None and bare.place.id == want
    assert match is not None and match.place.id == want
    assert match.score < bare.score


def _zh_names() -> list[tuple[str, str]]:
    """Chinese names of two or more characters that resolve exactly to their place alone."""
    out = []
    for place in _GAZ:
        for name in place.names:
            if name.lang.split("-")[0] == "zh" and len(name.text) >= 2 and (
                    script_of(name.text) == "CJK"):
                m = _GAZ.resolve(name.text)
                if m is not None and m.place.id == place.id and m.method == "exact" and (
                        not m.ambiguous):
                    out.append((name.text, place.id))
    return sorted(out)


_ZH = _zh_names()


@given(st.sampled_from(_ZH), st.sampled_from(["在", "从", "到", "往", "向"]))
def test_a_chinese_preposition_run_into_a_name_is_read_off(
        name: tuple[str, str], word: str) -> None:
    text, pid = name
    m = toponyms.resolve(word + text)
    bare = toponyms.resolve(text)
    assert m is not None and bare is not None
    assert m.place.id == pid, (word + text, m.place.id)
    assert m.score < bare.score


def test_a_chinese_preposition_leaves_at_least_two_characters() -> None:
    assert clitic_readings("在京") == []
    assert clitic_readings("在巴库") == [("巴库", frozenset({"zh"}))]
