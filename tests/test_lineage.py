"""Dated parents: `parents: [{id, start, end, source}]` and `parent=X, at=YEAR` (toponyms.lineage).

The fixture is modelled on the 2023 move of Talish from Tartar district to the re-created
Aghdara district: a village under district A until 2023 and under district B from 2023 on,
both districts under one region.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import DataError, Gazetteer, ParentSpell
from toponyms.lineage import Ancestors

LAW = "https://example.org/law-2023"


def _name(text: str) -> str:
    slug = text.replace(" ", "_")
    return f"[{{text: {text}, lang: en, status: official, source: 'https://example.org/{slug}'}}]"


def _units() -> str:
    return (f"- {{id: xx-region, kind: region, names: {_name('Testregion')}}}\n"
            f"- {{id: xx-district-a, kind: district, parent: xx-region, "
            f"names: {_name('Testdistrict A')}}}\n"
            f"- {{id: xx-district-b, kind: district, parent: xx-region, "
            f"names: {_name('Testdistrict B')}}}\n")


def _village(parents: str, parent: str = "xx-district-b") -> str:
    return (f"- id: xx-village\n  kind: village\n  parent: {parent}\n  parents:\n{parents}"
            f"  names: {_name('Testtalish')}\n")


MOVED = (f"    - {{id: xx-district-a, end: 2023, source: '{LAW}'}}\n"
         f"    - {{id: xx-district-b, start: 2023, source: '{LAW}'}}\n")


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("lineage") / "moved.yaml"
    path.write_text(_units() + _village(MOVED), encoding="utf-8")
    return Gazetteer.from_files(path, base=False)


def _found(gaz: Gazetteer, parent: str, at: int | None) -> str | None:
    match = gaz.resolve("Testtalish", parent=parent, at=at)
    return match.place.id if match else None


def test_the_place_carries_its_dated_parents(gaz: Gazetteer) -> None:
    place = gaz.get("xx-village")
    assert place.parent == "xx-district-b"
    assert place.parents == (ParentSpell("xx-district-a", None, 2023, LAW),
                             ParentSpell("xx-district-b", 2023, None, LAW))
    assert [place.parent_in(y) for y in (2020, 2022, 2023, 2024)] == [
        "xx-district-a", "xx-district-a", "xx-district-b", "xx-district-b"]


def test_under_the_old_district_before_the_move(gaz: Gazetteer) -> None:
    assert _found(gaz, "xx-district-a", 2020) == "xx-village"
    assert _found(gaz, "xx-district-b", 2020) is None


def test_under_the_new_district_after_the_move_and_today(gaz: Gazetteer) -> None:
    assert _found(gaz, "xx-district-b", 2024) == "xx-village"
    assert _found(gaz, "xx-district-a", 2024) is None
    assert _found(gaz, "xx-district-b", None) == "xx-village"
    assert _found(gaz, "xx-district-a", None) is None


def test_the_year_of_the_move_belongs_to_the_new_parent(gaz: Gazetteer) -> None:
    assert _found(gaz, "xx-district-b", 2023) == "xx-village"
    assert _found(gaz, "xx-district-a", 2023) is None


def test_the_chain_upwards_holds_in_every_year(gaz: Gazetteer) -> None:
    assert _found(gaz, "xx-region", 2020) == "xx-village"
    assert _found(gaz, "xx-region", 2024) == "xx-village"


def test_search_and_extract_use_the_parent_of_the_year(gaz: Gazetteer) -> None:
    assert [m.place.id for m in gaz.search("Testtalish", parent="xx-district-a", at=2020)] == [
        "xx-village"]
    assert gaz.search("Testtalish", parent="xx-district-a", at=2024) == []
    text = "Shelling hit the village of Testtalish"
    assert [m.match.place.id for m in gaz.extract(text, parent="xx-district-a", at=2019)] == [
        "xx-village"]
    assert gaz.extract(text, parent="xx-district-a") == []
    assert [m.match.place.id for m in gaz.extract(text, parent="xx-district-b")] == [
        "xx-village"]


@given(st.integers(-3000, 2100))
def test_exactly_one_district_holds_the_village_in_any_year(year: int) -> None:
    up = Ancestors({"v": "b", "a": "r", "b": "r"},
                   {"v": (ParentSpell("a", end=2023), ParentSpell("b", start=2023))})
    chain = up.at("v", year)
    assert ("a" in chain) != ("b" in chain)
    assert "r" in chain
    assert ("a" in chain) == (year < 2023)


# bad input: one DataError with file and line per case ---------------------------------------

def _error(tmp_path: Path, text: str) -> DataError:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        Gazetteer.from_files(path, base=False)
    err = info.value
    assert err.path is not None and err.path.endswith("bad.yaml")
    return err


VILLAGE_LINE = 4  # the units take lines 1-3


def test_overlapping_years(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(
        f"    - {{id: xx-district-a, end: 2024, source: '{LAW}'}}\n"
        f"    - {{id: xx-district-b, start: 2023, source: '{LAW}'}}\n"))
    assert "overlap" in err.reason and err.line == VILLAGE_LINE + 5


def test_two_open_ended_entries_overlap(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(
        f"    - {{id: xx-district-a, source: '{LAW}'}}\n"
        f"    - {{id: xx-district-b, start: 2023, source: '{LAW}'}}\n"))
    assert "overlap" in err.reason and err.line == VILLAGE_LINE + 5


def test_a_dated_parent_that_is_not_a_place(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(
        f"    - {{id: xx-nowhere, end: 2023, source: '{LAW}'}}\n"
        f"    - {{id: xx-district-b, start: 2023, source: '{LAW}'}}\n"))
    assert "'xx-nowhere'" in err.reason and "not a place" in err.reason
    assert err.line == VILLAGE_LINE + 4


def test_an_entry_without_source(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(
        "    - {id: xx-district-a, end: 2023}\n"
        f"    - {{id: xx-district-b, start: 2023, source: '{LAW}'}}\n"))
    assert "no source" in err.reason and err.line == VILLAGE_LINE + 4


@pytest.mark.parametrize(("start", "end"), [(2023, 2023), (2024, 2023)])
def test_start_not_before_end(tmp_path: Path, start: int, end: int) -> None:
    err = _error(tmp_path, _units() + _village(
        f"    - {{id: xx-district-a, start: {start}, end: {end}, source: '{LAW}'}}\n"
        f"    - {{id: xx-district-b, start: 2025, source: '{LAW}'}}\n"))
    assert "not before end" in err.reason and err.line == VILLAGE_LINE + 4


def test_parent_disagreeing_with_the_open_entry(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(MOVED, parent="xx-district-a"))
    assert "must be 'xx-district-b'" in err.reason and err.line == VILLAGE_LINE + 2


def test_parent_given_when_no_entry_is_open(tmp_path: Path) -> None:
    err = _error(tmp_path, _units() + _village(
        f"    - {{id: xx-district-a, end: 2023, source: '{LAW}'}}\n"))
    assert "absent" in err.reason and err.line == VILLAGE_LINE + 2


def test_a_cycle_through_a_dated_parent(tmp_path: Path) -> None:
    err = _error(tmp_path, _units().replace("parent: xx-region", "parent: xx-village", 1)
                 + _village(MOVED))
    assert "cycle" in err.reason and err.line == VILLAGE_LINE + 4


def test_dated_parents_survive_the_disk_cache(gaz: Gazetteer) -> None:
    again = pickle.loads(pickle.dumps(gaz))
    assert again.get("xx-village").parents == gaz.get("xx-village").parents
    assert again.resolve("Testtalish", parent="xx-district-a", at=2020) is not None
    assert again.resolve("Testtalish", parent="xx-district-a") is None
