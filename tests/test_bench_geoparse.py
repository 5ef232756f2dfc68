"""benchmarks/bench_geoparse.py reads both corpus formats, told apart from the file.

The gaztag format (LGL, TR-News) has no toponym types: every toponym is gold, one with a
`<gaztag>` has the gold point, one without counts for recognition only, and one whose `<phrase>`
does not match `text[start:end]` is skipped. The GeoWebNews format keeps only its mention types.
The GeoVirus format's locations are all gold, a `<name>` that does not match its offsets skipped.
The gaztag values are GeoNames 323786 (Ankara) as the TR-News corpus quotes them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_geoparse.py"

GAZTAG = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Flights from Ankara resumed; an office on Main Street stayed shut.]]></text>
    <toponyms count="3">
      <toponym>
        <start>13</start><end>19</end><phrase>Ankara</phrase>
        <gaztag geonameid="323786">
          <name>Ankara</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>39.91987</lat><lon>32.85427</lon>
          <country geonameid="298795">Turkey</country>
        </gaztag>
      </toponym>
      <toponym><start>42</start><end>53</end><phrase>Main Street</phrase></toponym>
      <toponym><start>0</start><end>7</end><phrase>Ankara</phrase></toponym>
    </toponyms>
  </article>
  <article docid="2"><text><![CDATA[No places here.]]></text><toponyms/></article>
</articles>
"""

GWN = """<articles>
  <article><text>Flights from Ankara resumed.</text>
    <toponyms>
      <toponym><type>Literal</type><start>13</start><end>19</end>
        <latitude>39.91987</latitude><longitude>32.85427</longitude></toponym>
      <toponym><type>Demonym</type><start>0</start><end>7</end></toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS = """<articles>
    <article>
        <source>https://en.wikinews.org/wiki/x</source>
        <text>Flights from Ankara resumed, Turkey said.</text>
        <locations>
            <location>
                <name>Turkey</name><start>30</start><end>36</end>
                <lat>39.91987</lat><lon>32.85427</lon>
            </location>
            <location>
                <name>Ankara</name><start>14</start><end>20</end>
                <lat>39.91987</lat><lon>32.85427</lon><page>https://en.wikipedia.org/wiki/x</page>
            </location>
            <location><name>Ankara</name><start>1</start><end>8</end></location>
        </locations>
    </article>
</articles>
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_geoparse", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_geoparse"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_gaztag_format(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(GAZTAG, encoding="utf-8")
    articles, skipped = bench.read_corpus(path)
    assert skipped == 1  # "Flights" is not "Ankara"
    assert [len(a.gold) for a in articles] == [2, 0]
    ankara, street = articles[0].gold
    assert (ankara.start, ankara.end, ankara.text) == (13, 19, "Ankara")
    assert (ankara.lat, ankara.lon) == (39.91987, 32.85427)
    assert (street.text, street.lat, street.lon) == ("Main Street", None, None)
    assert not ankara.adjective and not street.adjective


def test_gwn_format_keeps_its_types(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN, encoding="utf-8")
    articles, skipped = bench.read_corpus(path)
    assert skipped == 0
    assert [(g.text, g.lat, g.lon) for g in articles[0].gold] == [
        ("Ankara", 39.91987, 32.85427)]


def test_geovirus_format(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "geovirus.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    articles, skipped = bench.read_corpus(path)
    assert skipped == 1  # "Flights" is not "Ankara"; offsets count from 1
    assert [(g.start, g.text, g.lat) for g in articles[0].gold] == [
        (13, "Ankara", 39.91987), (29, "Turkey", 39.91987)]  # in text order
