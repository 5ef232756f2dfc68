"""Generate data/world/macroregions.yaml: the UN M49 regions and the European Union and euro
area, with their names in every CLDR locale. Never edit that file by hand.

Why: news names groups of countries as often as countries ("the EU", "Latin America", "West
Africa", "Central Asia"), and CLDR names these groups in about 1,000 locales under the same
codes it uses for countries (UN M49 numbers, EU, EZ).

Inputs, pinned:
- the names: CLDR 47 as shipped by babel 2.18.0 (`Locale(...).territories[code]`), read as
  tools/build_countries.py reads country names (one name per text and language), in the
  language tags the countries' names already use (a locale with no country name adds none);
- which countries each group holds: country_converter 1.3.2 (tools/inputs/coco-groups.tsv,
  written by tools/read_wheels.py): each country's M49 sub-region (`UNregion`), EU membership
  and euro area membership. Its sub-region names are M49's English names; they meet CLDR's
  codes by CLDR's English name, and for the three that CLDR words differently by the M49 list
  of wikipedia:en:UN_M49 ("South-eastern Asia" 035, "Australia and New Zealand" 053,
  "Micronesia" 057). The two intermediate regions are unions of sub-regions, as that list
  gives them: Sub-Saharan Africa (202) = 011, 014, 017, 018; Latin America and the Caribbean
  (419) = 005, 013, 029; North America (003) = 013, 021, 029; the Americas (019) = 003, 005;
- each group's point: derived, the spherical mean of its member countries' points
  (data/places/countries.yaml), labeled `derived: ...` with the count; except where a page
  gives the group's geographic centre (READ_POINTS): the European Union's is the point France's
  cartographic institute IGN computes for the union of 27 (49°50'35"N 9°54'07"E, Gadheim,
  Bavaria, as reported on 2 February 2020). The mean of member countries' points weighs Malta
  as much as France and puts the union's middle in Czechia (49.15, 14.10), about 310 km east of it.

M49's continents (Africa 002, Asia 142, Europe 150, Oceania 009, North America 003, South
America 005) are GeoNames' continents, already in continents.yaml with GeoNames' points: their
CLDR names are added to them (`extends: true`) rather than made into new places. A group whose
id a curated file already holds (central-asia in regions.yaml) is generated here with its
point and CLDR names, and the curated file extends it with the names read on pages.

Run from the repository root:  python tools/build_macroregions.py
"""

from __future__ import annotations

import functools
import math
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_cities import heldout_queries
from build_countries import CLDR_SOURCE, check_versions, cldr_names, quote
from pinned import tsv_rows

from toponyms.translit import languages

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "macroregions.yaml"
COCO = "country_converter 1.3.2"
M49_PAGE = "wikipedia:en:UN_M49"

#: M49 sub-region names (country_converter's `UNregion`) that CLDR's English words differently.
M49_NAMES = {"South-eastern Asia": "035", "Australia and New Zealand": "053", "Micronesia": "057"}
#: Intermediate regions and the sub-regions they join (wikipedia:en:UN_M49).
UNIONS = {"202": ("011", "014", "017", "018"), "419": ("005", "013", "029"),
          "003": ("013", "021", "029"), "019": ("003", "005")}
#: M49 continents that are GeoNames continents (continents.yaml): names only.
CONTINENTS = {"002": "continent-af", "142": "continent-as", "150": "continent-eu",
              "009": "continent-oc", "003": "continent-na", "005": "continent-sa"}


@functools.cache
def members() -> dict[str, set[str]]:
    """CLDR region code -> the ISO codes of its member countries."""
    english = cldr_english()
    by_name = {name: code for code, name in english.items()}
    groups: dict[str, set[str]] = {}
    for code, region, eu, euro, _name in tsv_rows("coco-groups.tsv"):
        m49 = M49_NAMES.get(region) or by_name.get(region)
        if m49 is not None:
            groups.setdefault(m49, set()).add(code)
        if eu == "EU":
            groups.setdefault("EU", set()).add(code)
        if euro.strip():
            groups.setdefault("EZ", set()).add(code)
    for union in ("202", "419", "003", "019"):  # 019 uses 003: keep this order
        groups[union] = set().union(*(groups.get(part, set()) for part in UNIONS[union]))
    return groups


@functools.cache
def cldr_english() -> dict[str, str]:
    """CLDR's English names of the group codes (M49 numbers, EU, EZ), World left out."""
    from babel import Locale

    return {code: name for code, name in Locale("en").territories.items()
            if (code.isdigit() and code != "001") or code in ("EU", "EZ")}


def slug(text: str) -> str:
    """An id from an English name: "Sub-Saharan Africa" -> "sub-saharan-africa"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the country's point in data/places/countries.yaml."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where there is one
    raw = yaml.load((ROOT / "data" / "places" / "countries.yaml").read_text("utf-8"), loader)
    return {str(p["country"]): (float(p["lat"]), float(p["lon"]))
            for p in raw if p.get("lat") is not None}


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point of the mean of the unit vectors (right across the 180th meridian)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(lon, 5)


#: Groups whose point a page states (M49 or CLDR code -> lat, lon, the page): see above.
READ_POINTS: dict[str, tuple[float, float, str]] = {
    "EU": (round(49 + 50 / 60 + 35 / 3600, 5), round(9 + 54 / 60 + 7 / 3600, 5),
           "https://www.abc.net.au/news/2020-02-02/brexit-new-eu-geographical-centre-is-now-a-"
           "german-field/11921632"),
}


def build() -> str:
    english = cldr_english()
    groups = members()
    names = cldr_names(sorted(english))
    points = country_points()
    held = heldout_queries()
    known = languages().tags  # the tags the countries' names brought (data/languages/cldr.yaml)
    lines = ["# GENERATED by tools/build_macroregions.py: do not edit. UN M49 regions, the EU and",
             "# the euro area: names from CLDR 47 via babel 2.18.0, members from",
             f"# {COCO} (tools/inputs/coco-groups.tsv), points derived from the members'."]
    for code in sorted(english):
        texts = [(t, tag) for t, tag in names[code] if t not in held and tag in known]
        if not texts:
            continue
        if code in CONTINENTS:
            lines += [f"- id: {CONTINENTS[code]}", "  extends: true", "  names:"]
        else:
            member = sorted(c for c in groups.get(code, ()) if c in points)
            if not member:
                continue  # a code no country falls in (QO, UN): not a place
            if code in READ_POINTS:
                lat, lon, how = READ_POINTS[code]
            else:
                lat, lon = spherical_mean([points[c] for c in member])
                how = (f"derived: the spherical mean of the points of its {len(member)} member "
                       f"countries (countries.yaml), members per {COCO}")
            lines += [f"- id: {slug(english[code])}", "  kind: region", f"  lat: {lat}",
                      f"  lon: {lon}", f"  coords_source: {quote(how)}", "  names:"]
        lines += [f"    - {{text: {quote(t)}, lang: {tag}, status: official, "
                  f"source: {quote(CLDR_SOURCE)}}}" for t, tag in texts]
    return "\n".join(lines) + "\n"


def main() -> None:
    check_versions()
    OUT.write_text(build(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)} written")


if __name__ == "__main__":
    main()
