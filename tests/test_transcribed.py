"""Queries in scripts that do not write a name's vowels letter for letter (toponyms.transcribed)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

import toponyms
from toponyms import transcribed
from toponyms.keys import fold, script_of, translit_keys
from toponyms.similarity import (
    FUZZY_MAX,
    OMITTED_VOWEL_COST,
    VOWEL_COST,
    consonant_key,
    cost,
    score_of,
    swap_rules,
)
from toponyms.transcribed import (
    ABJAD_MIN_CONSONANTS,
    LOOSE_MIN_CONSONANTS,
    _with_vowel_letters,
    loose_keys,
    loose_vowel_entries,
    reads_loose_vowels,
)
from toponyms.translit import languages

_INDEX = toponyms.Gazetteer.default()._index
_KEYS = sorted(k for k in _INDEX.fuzzy_keys if 4 <= len(k) <= 14)
keys = st.sampled_from(_KEYS)
_VOWELS = swap_rules().vowels


def test_vowels_a_script_leaves_out_cost_a_third_of_an_edit() -> None:
    # Xankəndi written without its short vowels: two vowels inserted
    assert cost("xnkndi", "xankandi", vowel=VOWEL_COST) == 2 * VOWEL_COST
    assert cost("xnkndi", "xankandi") == 2.0


def test_an_unvocalized_key_meets_the_names_with_its_consonants() -> None:
    found = dict(loose_keys(_INDEX, "xnkndi", 85.0))
    assert found["xankandi"] == score_of(2 * VOWEL_COST, len("xankandi"))
    assert all(consonant_key(key) == consonant_key("xnkndi") for key in found)


def test_a_consonant_more_or_less_is_not_a_vowel() -> None:
    # f is not p: Stepanakert's key is not met (a name of the data spelled with f may be:
    # the exonym files hold some), and every key met has the query's consonants
    found = dict(loose_keys(_INDEX, "stfnkrt", 85.0))
    assert "stpanakrt" not in found
    assert all(consonant_key(key) == consonant_key("stfnkrt") for key in found)


def test_a_sound_the_script_has_no_letter_for_is_read_as_the_letter_it_writes() -> None:
    # Stepanakert with the b Arabic writes for p: met only through arab.yaml's loose_letters
    arabic = languages().loose_letters["ARABIC"]
    assert ("p", "b") in arabic
    assert "stpanakrt" in dict(loose_keys(_INDEX, "stbnkrt", 85.0, arabic))
    assert "stpanakrt" not in dict(loose_keys(_INDEX, "stbnkrt", 85.0))


def test_a_letter_that_writes_a_vowel_too_is_read_as_the_vowel_after_the_first_letter() -> None:
    # Arabic و is w/v or u/o (arab.yaml's vowel_letters): "nvrabak" is also "nurabak", and a
    # key's first letter stays a consonant ("vardanis" is not "uardanis")
    pairs = languages().vowel_letters["ARABIC"]
    assert ("v", "u") in pairs
    assert _with_vowel_letters(("nvrabak", "vardanis"), pairs) == [
        "nvrabak", "vardanis", "nurabak"]
    assert _with_vowel_letters(("nvrabak",), ()) == ["nvrabak"]
    # Kornidzor written with و for both o's: its consonants agree only with و read as a vowel
    match = toponyms.resolve("كورنيدزور")
    assert match is not None and match.place.id == "am-syunik-kornidzor"
    assert match.method == "fuzzy"
    # Mahmudlu with و for its u's: read so, the key is the name's own, for one vowel's cost
    match = toponyms.resolve("ماهمودلو")
    assert match is not None and match.place.id == "az-jabrayil-mahmudlu"


def test_common_words_meet_no_new_place_through_a_vowel_letter(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # wordfreq's (3.1.1) 1,000 commonest words of Arabic, Persian and Urdu with a و after the
    # first letter: each meets the place it met without the vowel reading, or none
    words = [w for lang in ("ar", "fa", "ur") for w in top_n_list(lang, 1000)
             if reads_loose_vowels(fold(w)) and "و" in w[1:]]
    assert len(words) > 300
    gaz = toponyms.Gazetteer.default()

    def top(word: str) -> str | None:
        found = gaz.search(word, limit=1, min_score=85.0)
        return found[0].place.id if found else None

    with_rule = [top(w) for w in words]
    monkeypatch.setattr(transcribed, "_with_vowel_letters", lambda keys, pairs: list(keys))
    assert [top(w) for w in words] == with_rule


def test_which_scripts_read_vowels_loosely_is_the_data() -> None:
    assert (reads_loose_vowels("كلبجر"), reads_loose_vowels("קלבגר"),
            reads_loose_vowels("ナフタラン"), reads_loose_vowels("नफ़्तलन"),
            reads_loose_vowels("卡拉")) == (True, True, True, True, True)
    assert (reads_loose_vowels("kəlbəcər"), reads_loose_vowels("кельбаджар"),
            reads_loose_vowels("政治"), reads_loose_vowels("나프탈란"),
            reads_loose_vowels("நப்தலான்")) == (False, False, False, False, False)


@given(keys, keys)
def test_loose_vowels_never_cost_more(a: str, b: str) -> None:
    assert cost(a, b, vowel=VOWEL_COST) <= cost(a, b)
    assert cost(a, b, vowel=VOWEL_COST) == cost(b, a, vowel=VOWEL_COST)


@settings(max_examples=50)
@given(keys, st.data())
def test_dropping_vowels_costs_vowel_cost_each(key: str, data: st.DataObject) -> None:
    spots = [i for i, ch in enumerate(key) if ch in _VOWELS]
    assume(spots)
    dropped = sorted(set(data.draw(st.lists(st.sampled_from(spots), min_size=1, max_size=3))))
    short = "".join(ch for i, ch in enumerate(key) if i not in dropped)
    assert cost(short, key, vowel=VOWEL_COST) <= VOWEL_COST * len(dropped) + 1e-9


@settings(max_examples=60, deadline=None)
@given(keys)
def test_no_key_of_few_consonants_is_read_loosely_and_consonants_always_agree(key: str) -> None:
    found = loose_keys(_INDEX, key, 85.0)
    if len(consonant_key(key)) < LOOSE_MIN_CONSONANTS:
        assert found == []
    assert all(consonant_key(k) == consonant_key(key) and s >= 85.0 for k, s in found)


def _tops_with_and_without(monkeypatch: pytest.MonkeyPatch, words: list[str],
                           switch: str) -> tuple[list[str | None], list[str | None]]:
    """Each word's best place at 85 (None for none) with the loose-vowel rule, then with
    `switch`, one of its thresholds, set out of reach."""
    gaz = toponyms.Gazetteer.default()

    def top(word: str) -> str | None:
        found = gaz.search(word, limit=1, min_score=85.0)
        return found[0].place.id if found else None

    with_rule = [top(w) for w in words]
    monkeypatch.setattr(transcribed, switch, 10**6)
    return with_rule, [top(w) for w in words]


def test_common_words_of_the_scripts_read_so_meet_no_new_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the rule reads some of wordfreq's (3.1.1) 600 commonest words of Arabic, Persian, Urdu,
    # Hebrew, Hindi, Bengali, Japanese and Chinese: each meets the place it met without the
    # rule, or none (a real place name among them, "پاکستانی", may score higher)
    words = [w for lang in ("ar", "fa", "ur", "he", "hi", "bn", "ja", "zh")
             for w in top_n_list(lang, 600)
             if reads_loose_vowels(fold(w)) and any(
                 len(consonant_key(k)) >= LOOSE_MIN_CONSONANTS for k in translit_keys(fold(w)))]
    assert len(words) > 120
    with_rule, without = _tops_with_and_without(monkeypatch, words, "LOOSE_MIN_CONSONANTS")
    assert without == with_rule


def test_common_words_of_the_abjads_meet_no_new_place_through_a_short_key(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the short keys' reading (3-4 consonants) meets none of wordfreq's (3.1.1) 1,000
    # commonest words of Arabic, Persian, Urdu and Hebrew (of the 5,000 commonest, 5 of 12,913:
    # قابلة, midwife, has Qabala's letters)
    words = [w for lang in ("ar", "fa", "ur", "he") for w in top_n_list(lang, 1000)
             if reads_loose_vowels(fold(w)) and any(
                 ABJAD_MIN_CONSONANTS <= len(consonant_key(k)) < LOOSE_MIN_CONSONANTS
                 for k in translit_keys(fold(w)))]
    assert len(words) > 2000
    with_rule, without = _tops_with_and_without(monkeypatch, words, "ABJAD_MIN_CONSONANTS")
    assert without == with_rule


_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=_ARABIC_LETTERS, min_size=2, max_size=9))
def test_a_loose_reading_meets_only_names_in_other_scripts_with_its_consonants(
        text: str) -> None:
    folded = fold(text)
    keys = translit_keys(folded)
    entries = loose_vowel_entries(_INDEX, folded, keys, 85.0)
    if all(len(consonant_key(k)) < ABJAD_MIN_CONSONANTS for k in keys):
        assert entries == []
    short = all(len(consonant_key(k)) < LOOSE_MIN_CONSONANTS for k in keys)
    for p, n, _, score in entries:
        name = _INDEX.places[p].names[n]
        assert script_of(name.text) != "ARABIC"
        assert 85.0 <= score < 94.0
        if short:  # a short abjad reading meets only places with no Arabic-script name,
            # through a name that writes its vowels
            assert all(script_of(other.text) != "ARABIC" for other in _INDEX.places[p].names)
            assert script_of(name.text) not in languages().loose_vowels


# An abjad leaves short vowels out: the costs of the short keys' reading (loose_keys, abjad)
_ABJAD = {"vowel": 1.0, "omitted": OMITTED_VOWEL_COST}


def test_a_vowel_an_abjad_leaves_out_costs_little_and_one_it_writes_in_full() -> None:
    assert cost("qbala", "qabala", **_ABJAD) == OMITTED_VOWEL_COST
    assert cost("arbkir", "arabkir", **_ABJAD) == OMITTED_VOWEL_COST
    assert cost("qabala", "qbala", **_ABJAD) == 1.0  # a vowel written where the name has none
    assert cost("qbala", "qbila", **_ABJAD) == 1.0  # another vowel than the name's
    assert cost("qbala", "qbara", **_ABJAD) == 1.0  # another consonant


def test_an_abjad_writes_a_names_first_vowel() -> None:
    # ستاره (setare, star) is not Astara: an abjad writes a first vowel with alef
    assert cost("stara", "astara", **_ABJAD) == 1.0
    assert cost("astra", "astara", **_ABJAD) == OMITTED_VOWEL_COST


def test_a_short_key_is_read_as_an_abjad_only_when_asked() -> None:
    assert loose_keys(_INDEX, "arbkir", 85.0) == []
    found = dict(loose_keys(_INDEX, "arbkir", 85.0, abjad=True))
    assert found["arabkir"] == score_of(OMITTED_VOWEL_COST, len("arabkir"))
    assert loose_keys(_INDEX, "rbk", 85.0, abjad=True) == []  # below ABJAD_MIN_CONSONANTS


def test_a_short_abjad_reading_leaves_places_written_in_the_script_to_their_names() -> None:
    # أثناء (during) has Athens' consonants, but Athens has an Arabic name, أثينا
    folded = fold("أثناء")
    athens = {p for p, n, _, _ in loose_vowel_entries(_INDEX, folded, translit_keys(folded),
                                                     85.0)
              if _INDEX.places[p].id == "gr-athens"}
    assert athens == set()
    assert toponyms.resolve("ארבקיר").place.id == "am-arabkir-district"  # no Hebrew name


@given(keys, keys)
def test_an_abjads_reading_never_costs_more_than_the_plain_one(a: str, b: str) -> None:
    assert cost(a, b, **_ABJAD) <= cost(a, b)
    assert cost(a, b, vowel=VOWEL_COST, omitted=OMITTED_VOWEL_COST) <= cost(a, b,
                                                                            vowel=VOWEL_COST)


@settings(max_examples=60, deadline=None)
@given(keys)
def test_an_abjad_reading_never_scores_a_key_above_the_fuzzy_stage(key: str) -> None:
    for found, score in loose_keys(_INDEX, key, 85.0, abjad=True):
        assert found != key and 85.0 <= score <= FUZZY_MAX
        assert consonant_key(found) == consonant_key(key)


@pytest.mark.parametrize(("query", "want"), [
    ("ディリジャン", "am-dilijan"),  # katakana writes l with r
    ("시라즈", "ir-shiraz"),  # Hangul writes z with j
    ("에스파한", "ir-isfahan"),  # and f with p
    ("سبيتاك", "am-spitak"),  # Arabic writes p with b
])
def test_a_letter_a_script_writes_for_another_is_read_as_it(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == want and match.method == "fuzzy"


@given(keys, st.sampled_from(sorted(languages().loose_letters)))
@settings(max_examples=60, deadline=None)
def test_letters_read_alike_meet_only_keys_alike_once_read(key: str, script: str) -> None:
    """Every key that letter_keys gives scores as its cost once both keys are read with the
    script's letters says, and at least min_score; the query's own key is never given."""
    letters = languages().loose_letters[script]
    read = transcribed._reader(letters)
    for found, score in transcribed.letter_keys(_INDEX, key, 85.0, script):
        length = max(len(key), len(found))
        assert found != key and score >= 85.0
        assert score == score_of(cost(read(key), read(found)), length)


def test_a_written_letter_reads_back_into_every_spelling_within_the_limit() -> None:
    """"dirijan" written in katakana may be Dilijan: its r's read back as l; not in the
    Latin script, which has both letters."""
    found = dict(transcribed.letter_keys(_INDEX, "dirijan", 85.0, "KATAKANA"))
    assert "dilijan" in found and found["dilijan"] == FUZZY_MAX
    assert transcribed.letter_keys(_INDEX, "dirijan", 85.0, "LATIN") == []


def test_han_reads_its_letters_only_where_the_names_agree() -> None:
    """Han transcribes with r read l, but only with loose vowels, where a place's names in
    other scripts agree: a lone name one letter away is no answer ("耶烈万", Yerevan, is the
    key of Aryavan, a village, with r read l)."""
    assert "CJK" in languages().loose_letters
    assert transcribed.letter_keys(_INDEX, "aliavan", 85.0, "CJK") == []
    match = toponyms.resolve("耶烈万")
    assert match is None or match.place.id == "am-yerevan"
