"""`--format geojson` of resolve, extract and batch: one valid FeatureCollection, a Point
[lon, lat] where the place has coordinates, null geometry where it has none or nothing
resolved, and the fields of the JSON lines as properties."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toponyms
from toponyms.cli import main
from toponyms.geojson import FeatureWriter


def collection(text: str) -> list[dict[str, Any]]:
    """The features of a FeatureCollection, after checking its frame."""
    doc = json.loads(text)
    assert doc["type"] == "FeatureCollection"
    assert all(f["type"] == "Feature" and set(f) == {"type", "geometry", "properties"}
               for f in doc["features"])
    return list(doc["features"])


def point(place_id: str) -> list[float]:
    place = toponyms.get(place_id)
    assert place.lat is not None and place.lon is not None
    return [place.lon, place.lat]


def test_resolve_writes_points_lon_lat_and_null_geometry(
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolve", "--format", "geojson", "Baku", "Azerbaijan", "Qwxzvbnmt"])
    assert code == 1  # one name did not resolve, as with the other formats
    baku, country, none = collection(capsys.readouterr().out)
    assert baku["geometry"] == {"type": "Point", "coordinates": point("az-baku")}
    assert baku["geometry"]["coordinates"][0] == pytest.approx(49.89, abs=0.1)  # lon first
    props = baku["properties"]
    assert (props["id"], props["label"], props["kind"], props["method"], props["query"]) == (
        "az-baku", "Baku", "city", "exact", "Baku")
    assert props["score"] == 100.0
    assert country["properties"]["id"] == "az"
    assert country["geometry"] is (None if toponyms.get("az").lat is None else
                                   country["geometry"])
    assert none["geometry"] is None
    assert (none["properties"]["id"], none["properties"]["query"]) == (None, "Qwxzvbnmt")


def test_nothing_resolved_is_still_a_valid_collection(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["resolve", "--format", "geojson", "Qwxzvbnmt"]) == 1
    assert [f["geometry"] for f in collection(capsys.readouterr().out)] == [None]
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing to see here\n", encoding="utf-8")
    assert main(["extract", "--format", "geojson", str(empty)]) == 1
    assert collection(capsys.readouterr().out) == []


def test_extract_features_carry_spans(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    text = "Shelling hit Tərtər rayonu and Ganja; Baku said so."
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["extract", "--format", "geojson", str(path)]) == 0
    features = collection(capsys.readouterr().out)
    got = [(f["properties"]["text"], f["properties"]["id"]) for f in features]
    assert got == [("Tərtər rayonu", "az-tartar-district"), ("Ganja", "az-ganja"),
                   ("Baku", "az-baku")]
    for f in features:
        props = f["properties"]
        assert text[props["start"] : props["end"]] == props["text"]
        assert {"label", "kind", "score", "method"} <= set(props)
    assert features[2]["geometry"]["coordinates"] == point("az-baku")


def test_json_format_is_the_json_flag(capsys: pytest.CaptureFixture[str]) -> None:
    main(["resolve", "--format", "json", "Baku"])
    by_format = capsys.readouterr().out
    main(["resolve", "--json", "Baku"])
    assert by_format == capsys.readouterr().out
    assert json.loads(by_format)["id"] == "az-baku"


def test_batch_csv_every_row_is_a_feature_with_its_columns(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('n,place\n1,Ganja\n2,Qwxzvbnmt\n3,\n4,"broken\n', encoding="utf-8")
    out = tmp_path / "out.geojson"
    assert main(["batch", str(src), "-o", str(out), "--column", "place",
                 "--format", "geojson"]) == 1
    features = collection(out.read_text(encoding="utf-8"))
    props = [f["properties"] for f in features]
    assert [p.get("n") for p in props] == ["1", "2", "3", None]
    assert [p["status"] for p in props] == ["resolved", "unresolved", "empty", "malformed-row"]
    assert (props[0]["id"], props[0]["kind"], props[0]["query"]) == ("az-ganja", "city", "Ganja")
    assert features[0]["geometry"]["coordinates"] == point("az-ganja")
    assert [f["geometry"] for f in features[1:]] == [None, None, None]
    assert props[3]["toponym_raw"].startswith('4,"broken')


def test_batch_jsonl_input_and_a_missing_column_writes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"city": "Baku", "k": 7}\nnot json\n', encoding="utf-8")
    out = tmp_path / "out.geojson"
    assert main(["batch", str(src), "-o", str(out), "--column", "city",
                 "--format", "geojson"]) == 1
    first, bad = collection(out.read_text(encoding="utf-8"))
    assert (first["properties"]["k"], first["properties"]["id"]) == (7, "az-baku")
    assert bad["properties"]["status"] == "malformed-row"
    csv_in = tmp_path / "in.csv"
    csv_in.write_text("a,b\nBaku,1\n", encoding="utf-8")
    assert main(["batch", str(csv_in), "-o", str(out), "--column", "city",
                 "--format", "geojson"]) == 2
    assert "no column" in capsys.readouterr().err


@given(st.lists(st.tuples(st.text(), st.floats(-90, 90), st.floats(-180, 180)), max_size=5))
def test_any_properties_make_valid_json(rows: list[tuple[str, float, float]]) -> None:
    sink = io.StringIO()
    with FeatureWriter(sink) as w:
        for text, lat, lon in rows:
            w.add(toponyms.Place(id="x", kind="city", lat=lat, lon=lon), {"query": text})
    features = collection(sink.getvalue())
    assert len(features) == len(rows)
    for f, (_, lat, lon) in zip(features, rows, strict=True):
        got = f["geometry"]["coordinates"]
        assert math.isclose(got[0], lon) and math.isclose(got[1], lat)
