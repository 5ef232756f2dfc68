"""Compound and annotated queries: "A / B", "A (B)", "A, B", "A (town)" (toponyms.compound)."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, compound, phrase
from toponyms.cli import main
from toponyms.compoundparse import scripts_apart

_GAZ = Gazetteer.default()
# places with a name that resolves to them alone, at an exact stage: the building blocks
_SOLO: list[tuple[str, str]] = []
for _place in _GAZ:
    if _place.kind == "country":
        continue
    for _name in _place.names[:2]:
        m = _GAZ.resolve(_name.text)
        if (m is not None and m.place.id == _place.id and not m.ambiguous
                and m.method in ("exact", "normalized") and not compound.has_separator(
                    _name.text)):
            _SOLO.append((_name.text, _place.id))
_SOLO.sort()
solo = st.sampled_from(_SOLO)
_BY_PLACE: dict[str, list[str]] = {}
for _text, _pid in _SOLO:
    _BY_PLACE.setdefault(_pid, []).append(_text)
# two names of one place, or a place's name and its parent's
_PAIRS = sorted({(a, b) for names in _BY_PLACE.values() for a in names for b in names if a != b}
                | {(t, _BY_PLACE[up][0]) for t, pid in _SOLO
                   if (up := _GAZ.get(pid).parent) in _BY_PLACE})


def _related(a: str, b: str) -> bool:
    """One place inside the other (or the same), by the parent links of the data."""
    def chain(pid: str) -> list[str]:
        out = [pid]
        while (parent := _GAZ.get(out[-1]).parent) is not None and parent not in out:
            out.append(parent)
        return out
    return a in chain(b) or b in chain(a)


@pytest.mark.parametrize(("query", "want"), [
    ("Xankəndi / Stepanakert", "az-khankendi"),
    ("Ханкенди/Степанакерт", "az-khankendi"),
    ("Ganja [Kirovabad]", "az-ganja"),
    ("Şuşa (Shusha)", "az-shusha"),
    ("Füzuli rayonu (Fizuli)", "az-fuzuli-district"),
    ("Fuzuli (town)", "az-fuzuli"),
    ("Talish, Tartar district", "az-tartar-talish"),
    ("Тертер, Азербайджан", "az-tartar"),
])
def test_parts_that_agree_resolve_with_the_compound_method(query: str, want: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None, query
    assert (match.place.id, match.method) == (want, "compound")
    parts = compound.parse(query)
    assert parts is not None
    assert match.part in [p.text for p in parts]  # the part as written
    assert match.query == query


def test_a_part_inside_another_is_weaker_than_the_same_place_named_twice() -> None:
    same = toponyms.resolve("Xankəndi / Stepanakert")
    inside = toponyms.resolve("Talish, Aghdara district")
    assert same is not None and inside is not None
    assert same.score == 100.0
    assert inside.place.id == "az-tartar-talish"
    assert inside.score == 100.0 - compound.PENALTY_CONTAINED - (100.0 - 98.0)


def test_a_former_parent_supports_a_place_a_little_less_and_only_in_its_years() -> None:
    # Talish was in Tartar district until a 2023 law moved it to Aghdara district
    talish = toponyms.get("az-tartar-talish")
    assert talish.parent == "az-aghdara-district"
    assert any(p.id == "az-tartar-district" for p in talish.parents)
    old = toponyms.resolve("Talish, Tartar district")
    assert old is not None and old.place == talish
    assert old.score == 100.0 - compound.PENALTY_FORMER_PARENT - (100.0 - 98.0)
    then = toponyms.resolve("Talish, Tartar district", at=2020)
    assert then is not None and then.place == talish and then.score > old.score
    assert toponyms.resolve("Talish, Tartar district", at=2024) is None
    assert toponyms.resolve("Talish, Aghdara district", at=2020) is None


def test_a_kind_word_picks_the_place_of_that_kind() -> None:
    town = toponyms.resolve("Fuzuli (town)")
    district = toponyms.resolve("Fuzuli (rayon)")
    assert town is not None and district is not None
    assert (town.place.kind, district.place.kind) == ("city", "district")


def test_a_lead_word_is_dropped_from_its_part() -> None:
    assert compound.parse("Gyumri (formerly Leninakan)") == [
        compound.Part("Gyumri"), compound.Part("leninakan")]
    assert compound.parse("Gəncə (ehemals Kirowabad)")[1] == compound.Part("kirowabad")


def test_parts_that_disagree_give_no_answer_and_search_lists_both() -> None:
    assert toponyms.resolve("Shusha / Yerevan") is None
    found = {m.place.id: m for m in toponyms.search("Shusha / Yerevan")}
    assert {"az-shusha", "am-yerevan"} <= set(found)
    assert all(found[p].score < 85 for p in ("az-shusha", "am-yerevan"))


@pytest.mark.parametrize("query", ["(town)", "/ / /", "town / village", ";;", "()", "[ ]",
                                   "((((", "))))", "Stadt (Stadt)"])
def test_separators_and_kind_words_alone_are_no_place(query: str) -> None:
    assert toponyms.resolve(query) is None
    assert all(m.method != "compound" for m in toponyms.search(query))


def test_too_many_parts_is_a_quick_none() -> None:
    names = [t for t, _ in _SOLO[:300]]
    query = " / ".join(names)[:500]
    start = time.perf_counter()
    assert toponyms.resolve(query) is None
    assert time.perf_counter() - start < 0.5
    assert compound.parse(" / ".join(names[:compound.spec().max_parts + 1])) == []


def test_unbalanced_and_nested_brackets_do_not_break_parsing() -> None:
    assert toponyms.resolve("((Xankəndi") is not None
    match = toponyms.resolve("Xankəndi (Stepanakert [Степанакерт]")
    assert match is not None and match.place.id == "az-khankendi"
    assert compound.parse("a (b [c] d) e") is not None


def test_compound_works_in_resolve_many_and_search() -> None:
    got = toponyms.resolve_many(["Ganja [Kirovabad]", "Shusha / Yerevan", None])
    assert [m and m.place.id for m in got] == ["az-ganja", None, None]
    assert toponyms.search("Ganja [Kirovabad]", limit=1)[0].place.id == "az-ganja"


def test_a_name_with_a_comma_in_the_data_still_matches_whole() -> None:
    # the whole text is tried first: a catalogue form is a name of its own
    match = toponyms.resolve("Korea, Republic of")
    assert match is not None and match.method == "exact"


@given(st.sampled_from(_PAIRS), st.sampled_from([" / ", "/", " | ", " • ", "; ", ", ", " ("]))
def test_two_names_of_one_place_or_of_a_place_and_its_parent_resolve(
        pair: tuple[str, str], sep: str) -> None:
    a, b = pair
    query = a + sep + b + (")" if sep == " (" else "")
    match = toponyms.resolve(query)
    assert match is not None, query
    named = {pid for t, pid in _SOLO if t in (a, b)}
    # one of the two places named, never a third: the place itself, or (when one name is
    # also the parent's, as "Aghjabadi" is the town's and the district's) the parent
    assert match.place.id in named, (query, match.place.id)
    assert all(_related(match.place.id, pid) for pid in named), (query, match.place.id)


_BY_KEY: dict[str, set[str]] = {}
for _place in _GAZ:
    for _name in _place.names:
        _key = toponyms.normalize(_name.text)
        _BY_KEY.setdefault(_key, set()).add(_place.id)
        if " " in _key:  # "Laçın rayonu": the district is named "Laçın" too
            _BY_KEY.setdefault(_key.rsplit(" ", 1)[0], set()).add(_place.id)


def _named(text: str) -> set[str]:
    """Every place with a name that is the text, or the text and one more word."""
    return _BY_KEY.get(toponyms.normalize(text), set())


@given(solo, solo, st.sampled_from([" / ", " (", ", "]))
def test_names_of_unrelated_places_never_resolve_above_min_score(
        a: tuple[str, str], b: tuple[str, str], sep: str) -> None:
    assume(not any(_related(x, y) for x in _named(a[0]) for y in _named(b[0])))
    pa, pb = _GAZ.get(a[1]), _GAZ.get(b[1])
    # a region of the same country is loose context, not a disagreement
    assume(pa.country != pb.country or not (
        {pa.kind, pb.kind} & {"country", "region", "historical-region", "historical-country"}))
    query = a[0] + sep + b[0] + (")" if sep == " (" else "")
    match = toponyms.resolve(query)
    assert match is None or match.method != "compound", (query, match)


@given(st.sampled_from(_PAIRS))
def test_a_name_and_its_parent_or_other_name_without_a_separator_resolve(
        pair: tuple[str, str]) -> None:
    # "Talish Tartar", "Село Талыш Тертерского района": split at a space, the parts agree
    a, b = pair
    query = f"{a} {b}"
    assume(len(query.split()) <= compound.spec().max_qualified_words)
    parts = compound.parse(f"{a} / {b}")
    assume(parts is not None and all(p.kind is None for p in parts))  # "Ավան" is "town" too
    match = toponyms.resolve(query)
    assert match is not None, query
    named = {pid for t, pid in _SOLO if t in (a, b)}
    assert all(_related(match.place.id, pid) for pid in named), (query, match.place.id)
    if match.method == "compound":  # a split we guessed is never as sure as one written
        assert match.score <= 100 - compound.PENALTY_UNMARKED, (query, match)


@given(solo, solo)
def test_names_of_unrelated_places_without_a_separator_never_resolve_as_a_compound(
        a: tuple[str, str], b: tuple[str, str]) -> None:
    assume(not any(_related(x, y) for x in _named(a[0]) for y in _named(b[0])))
    match = toponyms.resolve(f"{a[0]} {b[0]}")
    assert match is None or match.method != "compound", (a, b, match)


@pytest.mark.parametrize(("last", "qualifies"), [
    ("Tartar", True), ("Tərtərdə", True),  # a name as written, or with its case ending
    ("Tartarx", False), ("Krabakhh", False),  # no name as written: not read as a qualifier
    ("West", True),  # position words, read inside the other part
    ("შირვანში", True), ("Тертер", True),  # another script: its transliteration may meet
])
def test_only_a_name_as_written_closes_a_latin_split(last: str, qualifies: bool) -> None:
    index = toponyms.Gazetteer.default()._index
    assert compound._may_qualify(index, last, {}) is qualifies


@pytest.mark.parametrize("query", ["Karabakh war", "Baku talks", "Yerevan Paris",
                                   "Shusha Gyumri"])
def test_a_part_that_names_nothing_or_another_place_is_no_qualified_name(query: str) -> None:
    # two unrelated places are no answer; a lower-case word beside a name is no second place
    # either, only a word that describes it (toponyms.phrase: "Baku talks" is in Baku), which
    # costs more than an agreeing split
    match = toponyms.resolve(query)
    first, second = query.split()
    if second.islower():
        assert match is not None and match.method == "compound" and match.part == first
        assert match.score <= 100 - compound.PENALTY_UNMARKED - phrase.PENALTY_UNKNOWN_PART
    else:
        assert match is None or match.method != "compound", (query, match)


@given(st.text(alphabet=st.sampled_from(list("ab /|,;()[]•-–  ")), max_size=60))
def test_parse_is_total_and_bounded(text: str) -> None:
    parts = compound.parse(text)
    if parts is not None:
        assert len(parts) <= compound.spec().max_parts
        assert all(p.text.strip() for p in parts)
    toponyms.resolve(text)  # never raises on text


def test_compound_in_the_command_line_json_and_batch(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "--json", "Ganja [Kirovabad]"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["method"], record["part"]) == ("az-ganja", "compound", "Ganja")
    src = tmp_path / "in.csv"
    src.write_text('location\n"Talish, Tartar district"\nShusha / Yerevan\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(src), "--column", "location", "-o", str(out)]) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["toponym_id"], r["toponym_method"]) for r in rows] == [
        ("az-tartar-talish", "compound"), ("", "")]


@pytest.mark.parametrize("query, expected", [
    ("the town of Goris, Syunik", "am-goris"),
    ("the city of Yerevan, Armenia", "am-yerevan"),
    ("the city of Yerevan, the capital of Armenia", "am-yerevan"),
    ("La Paz, Bolivia", "bo-la-paz"),  # a name that opens with an article stays whole
])
def test_a_part_may_open_with_an_article(query: str, expected: str) -> None:
    # before, the first part was read as written, named nothing, and the parent answered:
    # "the town of Goris, Syunik" was the province at 95
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected


_TOWNS = sorted(p.id for p in Gazetteer.default()
                if p.kind in ("city", "town") and p.country in ("AM", "AZ"))


@given(st.sampled_from(_TOWNS), st.sampled_from(["the", "The", "la", "il", "die"]))
def test_an_article_before_a_part_never_changes_the_answer(place_id: str, article: str) -> None:
    place = Gazetteer.default().get(place_id)
    country = Gazetteer.default().get(place.country.lower()) if place.country else None
    assume(country is not None)
    text = f"{place.label('en')}, {country.label('en')}"
    plain = toponyms.resolve(text)
    assume(plain is not None and plain.place.id == place_id)
    with_article = toponyms.resolve(f"{article} {text}")
    assert with_article is not None and with_article.place.id == place_id


@pytest.mark.parametrize("query, expected", [
    ("گوریس، ارمنستان", "am-goris"),  # the Arabic comma
    ("ゴリス、アルメニア", "am-goris"),  # the ideographic comma
    ("埃里温，亚美尼亚", "am-yerevan"),  # the full-width comma
])
def test_commas_of_other_scripts_separate_parts(query: str, expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and (match.place.id, match.method) == (expected, "compound")


_HISTORICAL = sorted(p.id for p in _GAZ if p.kind.startswith("historical") and p.country)


def test_the_soviet_republics_carry_the_country_of_their_territory() -> None:
    """data/README.md ("Kinds and parents"): a historical state within one of today's
    countries records it, so the parametrized test below has entities to check."""
    ssr = [p for p in _GAZ if p.kind == "historical-country" and "SSR" in
           {n.text.split()[-1] for n in p.names}]
    assert ssr and all(p.id in _HISTORICAL for p in ssr)


@pytest.mark.parametrize("entity_id", _HISTORICAL)
def test_a_former_state_or_oblast_qualifies_the_places_of_its_country_only(
        entity_id: str) -> None:
    """"Kirovabad, Azerbaijan SSR": a historical entity whose `country` is recorded is loose
    context for that country's towns, and disagrees with another country's."""
    entity = _GAZ.get(entity_id)
    qualifier = entity.names[0].text
    assert _GAZ.resolve(qualifier) is not None and _GAZ.resolve(qualifier).place.id == entity_id
    towns = [(t, pid) for t, pid in _SOLO if _GAZ.get(pid).kind in ("city", "town")]
    own = [(t, pid) for t, pid in towns if _GAZ.get(pid).country == entity.country][:5]
    other = [(t, pid) for t, pid in towns if _GAZ.get(pid).country not in (entity.country, None)
             and _GAZ.get(pid).country in ("AZ", "AM", "GE")][:5]
    assert own and other
    for text, pid in own:
        m = _GAZ.resolve(f"{text}, {qualifier}")
        assert m is not None and m.place.id == pid and m.method == "compound", (text, m)
    for text, _ in other:
        assert _GAZ.resolve(f"{text}, {qualifier}") is None, text


# regions and countries whose first name is no other kind of place's (Monaco is a city too)
_REGIONS = sorted(p.names[0].text for p in _GAZ if p.kind in ("region", "country")
                  and p.names[0].text.isascii() and p.names[0].text.isalpha()
                  and all(m.place.kind in ("region", "country", "historical-country")
                          for m in _GAZ.search(p.names[0].text, limit=5, min_score=95.0)))


@given(st.sampled_from(_REGIONS), st.sampled_from([", ", " (", " / "]),
       st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=9))
def test_an_unknown_place_in_a_known_region_is_no_answer(region: str, sep: str,
                                                         unknown: str) -> None:
    """"Tatev, Syunik": the place asked for is not in the data, and its region is not what
    was asked: resolve answers nothing, search still lists the region."""
    assume(_GAZ.resolve(unknown, min_score=60.0) is None)
    query = f"{unknown.capitalize()}{sep}{region}" + (")" if sep == " (" else "")
    assert _GAZ.resolve(query) is None
    listed = {m.place.id for m in _GAZ.search(query, limit=5)}
    assert _GAZ.resolve(region) is not None and _GAZ.resolve(region).place.id in listed


@pytest.mark.parametrize(("query", "expected"), [
    ("AZ1000 Baku", "az-baku"),
    ("Bakı 1014, Azerbaijan", "az-baku"),
    ("Երևան 0010", "am-yerevan"),
    ("Gəncə (AZ 2000)", "az-ganja"),
])
def test_a_postal_code_is_read_off_an_address(query: str, expected: str) -> None:
    match = toponyms.resolve(query)
    assert match is not None and match.place.id == expected
    assert match.method == "compound" and match.part is not None
    assert match.score <= 100 - compound.PENALTY_CODE


@pytest.mark.parametrize("query", ["1000", "AZ1000", "AZ 1000", "375010, 0010"])
def test_a_postal_code_alone_is_no_place(query: str) -> None:
    assert toponyms.resolve(query) is None
    assert toponyms.search(query) == []


@given(solo, st.from_regex(r"(?:[A-Z]{2}[ -]?)?[0-9]{4,6}", fullmatch=True),
       st.sampled_from(["{name} {code}", "{code} {name}", "{name}, {code}", "{name} ({code})"]))
def test_a_postal_code_beside_a_name_keeps_its_place(pair: tuple[str, str], code: str,
                                                      layout: str) -> None:
    name, place_id = pair
    match = _GAZ.resolve(layout.format(name=name, code=code))
    assert match is not None and match.place.id == place_id
    assert match.score == pytest.approx(_GAZ.resolve(name).score - compound.PENALTY_CODE)


def _unspaced_names() -> list[tuple[str, str]]:
    """(Han or kana name, place id) for places whose such name resolves to them exactly."""
    out = []
    for place in _GAZ:
        for name in place.names:
            if toponyms.keys.script_of(name.text) in ("CJK", "KATAKANA", "HIRAGANA"):
                m = _GAZ.resolve(name.text)
                if m is not None and m.place.id == place.id and m.method == "exact":
                    out.append((name.text, place.id))
                    break
    return sorted(out)


_UNSPACED = _unspaced_names()
_UNSPACED_IDS = {pid for _, pid in _UNSPACED}
_LATIN_SOLO = sorted((t, pid) for t, pid in _SOLO if pid in _UNSPACED_IDS and t.isascii()
                     and " " not in t)


def test_scripts_apart_separates_only_where_an_unspaced_script_meets_another() -> None:
    assert scripts_apart("Bahrainバーレーン") == "Bahrain / バーレーン"  # ー is kana too
    assert scripts_apart("ナゴルノ・カラバフ自治州") == "ナゴルノ・カラバフ自治州"
    assert scripts_apart("Ganja 1804") == "Ganja 1804"
    assert scripts_apart("Xankəndi") == "Xankəndi"


@given(st.sampled_from(_LATIN_SOLO), st.booleans())
def test_a_name_run_into_its_own_han_or_kana_form_resolves_to_the_place(
        latin: tuple[str, str], han_first: bool) -> None:
    text, pid = latin
    unspaced = next(t for t, p in _UNSPACED if p == pid)
    query = unspaced + text if han_first else text + unspaced
    m = _GAZ.resolve(query)
    assert m is not None and m.place.id == pid, (query, m and m.place.id)
    assert m.query == query


@given(st.sampled_from(_LATIN_SOLO), st.sampled_from(_UNSPACED))
def test_names_of_unrelated_places_run_together_are_no_compound_answer(
        latin: tuple[str, str], unspaced: tuple[str, str]) -> None:
    assume(not _related(latin[1], unspaced[1]))
    assume(not any(_related(x, y) for x in _named(latin[0]) for y in _named(unspaced[0])))
    m = _GAZ.resolve(latin[0] + unspaced[0])
    assert m is None or m.method != "compound", (latin, unspaced, m.place.id)


_REGION_WORDS = sorted({n.text for p in _GAZ if p.kind in ("region", "district")
                        for n in p.names[:8] if n.text.isascii() and n.text.isalpha()
                        and (m := _GAZ.resolve(n.text)) is not None and m.place.id == p.id
                        and m.method == "exact"})


@given(st.sampled_from(_REGION_WORDS), st.sampled_from(["Gebiet", "gebiet", "Region"]))
def test_a_kind_word_joined_by_a_hyphen_is_read_as_after_a_space(name: str, word: str) -> None:
    # German joins nouns: "Lori-Gebiet" is "Lori Gebiet"
    spaced = toponyms.resolve(f"{name} {word}")
    joined_ = toponyms.resolve(f"{name}-{word}")
    assert spaced is not None and joined_ is not None
    assert joined_.place.id == spaced.place.id


@given(st.lists(st.sampled_from(["Lori", "gebiet", "Gebiet", "Karabakh", "-", " ", "a", "é"]),
                max_size=8).map("".join))
def test_kind_apart_only_ever_turns_one_hyphen_before_a_kind_word_into_a_space(
        text: str) -> None:
    out = compound.kind_apart(text)
    assert out == text or (out.replace(" ", "-") == text.replace(" ", "-")
                           and out.count("-") == text.count("-") - 1)


@given(st.lists(st.sampled_from(["Baku", "巴库", "バクー", "ー", "Ереван", " ", "-", "/", "1", "é",
                                 "\u0301", "x"]), max_size=10).map("".join))
def test_scripts_apart_only_adds_separators_and_is_idempotent(text: str) -> None:
    out = compound.scripts_apart(text)
    assert out.replace(" / ", "") == text.replace(" / ", "")  # only separators are added
    assert compound.scripts_apart(out) == out
