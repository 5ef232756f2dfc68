"""toponyms.persons: a place name that is part of a person's name is no mention."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toponyms
from toponyms import persons


def test_the_shipped_words_are_capitalized_and_many() -> None:
    w = persons.words()
    assert len(w.given_names) > 1000 and {"David", "Vladimir", "Marco"} <= w.given_names
    assert {"Gov", "Mayor", "President"} <= w.titles
    assert all(name[:1].isupper() for name in w.given_names | w.titles)


TOWNS = "".join(
    f"- id: zz-{name.lower()}\n  kind: town\n  country: US\n  names:\n"
    f"    - {{text: {name}, lang: en, status: official, source: \"dataset:test overlay\"}}\n"
    for name in ("Paterson", "Vladimir", "Austin", "Texas"))


def test_a_surname_a_title_and_a_first_name_are_no_mentions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    overlay = tmp_path / "towns.yaml"
    overlay.write_text(TOWNS, encoding="utf-8")
    gaz = toponyms.Gazetteer.from_files(overlay, base=False)
    text = "Gov. Paterson met David Paterson and Vladimir Putin in Paterson. Austin Texas too."
    found = [(m.start, m.text) for m in gaz.extract(text)]
    # only the town: not the governor, the surname or Putin's first name; Austin before a place
    assert found == [(text.rindex("Paterson"), "Paterson"), (text.index("Austin"), "Austin"),
                     (text.index("Texas"), "Texas")]


def test_a_place_after_a_comma_or_a_lower_case_word_stays() -> None:
    assert not persons.in_person_name("Atlanta, Georgia", 9, 16, {0, 9})
    assert not persons.in_person_name("in Georgia today", 3, 10, {3})
    assert persons.in_person_name("Mayor Virginia Raggi", 6, 14, {6})


@given(st.text(alphabet="abc XYZ.,'", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_the_words_around_a_span_never_fail(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    before, after = persons.word_before(text, start), persons.word_after(text, end)
    for word in (before, after):
        assert word is None or (word[:1].isupper() and word in text)
    assert isinstance(persons.in_person_name(text, start, end, set()), bool)


_GIVEN = sorted(persons.words().given_names)


@given(st.sampled_from(_GIVEN), st.sampled_from([str, str.lower, str.upper]))
def test_a_given_name_alone_is_read_only_as_written(name: str, case: object) -> None:
    """Property: `resolve` meets a given name ("Георгий", "Raven", "Sophia") only at the exact
    and normalized stages, in any case: never by romanization or a fuzzy guess."""
    m = toponyms.resolve(case(name))  # type: ignore[operator]
    assert m is None or m.method in ("exact", "normalized"), (name, m)


def test_a_place_named_like_a_person_still_resolves() -> None:
    for name, pid in [("Victoria", "sc-victoria"), ("Jordan", "jo"), ("Georgia", "ge")]:
        assert name in persons.words().given_names
        m = toponyms.resolve(name)
        assert m is not None and m.place.id == pid and m.method == "exact"
    assert persons.is_given_name("георгий") and not persons.is_given_name("ganja")
    # search still lists what resolve declines
    assert any(m.method in ("transliteration", "fuzzy") for m in toponyms.search("Георгий"))


def test_a_given_name_that_ends_a_sentence_does_not_make_the_next_name_a_surname() -> None:
    """"Georgia" is a given name too; "Georgia. Tbilisi mayor" is two places."""
    from toponyms import Gazetteer
    text = "Monday, September 30, Georgia. Tbilisi mayor among those sanctioned."
    assert [m.text for m in Gazetteer.default().extract(text)] == ["Georgia", "Tbilisi"]


def test_a_surname_stays_a_surname_through_the_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once "Paterson" is a person's name in a text ("David Paterson"), it is one elsewhere in
    that text too ("Paterson said"), unless a preposition says it is a place there ("in
    Paterson"); a country's name is never taken so ("Miss Zembla" is a title)."""
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    overlay = tmp_path / "towns.yaml"
    overlay.write_text(TOWNS + (
        "- id: zz\n  kind: country\n  country: ZZ\n  names:\n"
        "    - {text: Zembla, lang: en, status: official, source: \"dataset:test overlay\"}\n"),
        encoding="utf-8")
    gaz = toponyms.Gazetteer.from_files(overlay, base=False)
    text = ("David Paterson spoke. Paterson said the budget was fine. Voters in Paterson "
            "agreed. Miss Zembla was crowned, and Zembla celebrated.")
    found = [(m.start, m.text) for m in gaz.extract(text)]
    assert found == [(text.index("Paterson agreed"), "Paterson"),
                     (text.rindex("Zembla"), "Zembla")]
    # without the person, every Paterson is the town
    plain = "Paterson said the budget was fine. Voters in Paterson agreed."
    assert [m.text for m in gaz.extract(plain)] == ["Paterson", "Paterson"]
