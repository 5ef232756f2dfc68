"""YAML place files -> validated Place and Name values.

Every problem is a `DataError` that names the file, the line, what is wrong and how to fix it:
malformed YAML, duplicate keys, unknown fields, a name without a source, an unknown language
tag or kind, duplicate place IDs, dangling or cyclic parents, a dated parent history that
overlaps or disagrees with `parent`, coordinates out of range, a malformed Wikidata QID.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from toponyms.model import STATUSES, DataError, Name, ParentSpell, Place, data_dir
from toponyms.yamlfile import LineMapping, read_yaml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2}|-[0-9]{3})?$")
# A source of record: a page address, the seed article, a dataset with its version, or a
# Wikipedia article as `wikipedia:<lang>:<Title>`, with `@YYYY-MM[-DD]` when the copy that was
# read shows the revision's date.
_SOURCE = re.compile(
    r"^(?:https?://\S+|seed:\S+|dataset:.+"
    r"|wikipedia:(?:[a-z]{2,3}(?:-[a-z]+)*|simple):[^@\s][^@]*?(?:@\d{4}-\d{2}(?:-\d{2})?)?)$")
_PLACE_KEYS = {
    "id", "kind", "country", "parent", "parents", "lat", "lon", "geonames", "wikidata", "names",
    "start", "end", "coords_source", "extends", "population", "population_source",
}
_SPELL_KEYS = {"id", "start", "end", "source"}
_NAME_KEYS = {"text", "lang", "status", "start", "end", "used_by", "source", "dates_source"}
_JOINERS = "\u200c\u200d"  # ZWNJ/ZWJ are part of Persian spelling
_SCRIPT_SUBTAGS = {"Latn", "Cyrl", "Armn", "Geor", "Arab", "Hebr", "Grek", "Deva", "Hans", "Hant"}
# Coordinates worked out from other records rather than read: `derived: <how>`.
_DERIVED = re.compile(r"^derived: \S.*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")

def _invisible(ch: str) -> bool:
    """Control, format, private-use, surrogate or non-space whitespace characters (ZWNJ/ZWJ
    excepted). Unassigned code points pass: a newer Unicode may assign them to letters."""
    if ch in _JOINERS or ch == " ":
        return False
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co")


def known_lang(tag: str, tags: Collection[str]) -> bool:
    """Whether `tag` is a language tag of the data: one of `tags`, or a language of them with
    a script or region subtag (`und-Cyrl`, `az-Arab`, `en-GB`).

    >>> known_lang("und-Cyrl", {"und", "en"}), known_lang("qq", {"und", "en"})
    (True, False)
    """
    if tag in tags:
        return True
    if not _LANG.match(tag):
        return False
    parts = tag.split("-")
    if parts[0] not in {t.split("-")[0] for t in tags}:
        return False
    return len(parts) < 2 or parts[1] in _SCRIPT_SUBTAGS or parts[1].isupper()


def valid_source(source: str) -> bool:
    """Whether `source` is a source of record (see `_SOURCE`)."""
    return bool(_SOURCE.match(source))


def valid_coords_source(source: str) -> bool:
    """Whether `source` says where a point comes from: a source of record or `derived: ...`."""
    return valid_source(source) or bool(_DERIVED.match(source))


class _Checker:
    """Validates the raw blocks of one file, raising DataError with file and line."""

    def __init__(self, path: str, tags: frozenset[str], kinds: Sequence[str]) -> None:
        self.path = path
        self.tags = tags
        self.kinds = kinds
        self.spell_lines: dict[str, list[int]] = {}  # place id -> line of each parents entry

    def fail(self, message: str, block: LineMapping, key: str | None = None) -> DataError:
        line = block.lines.get(key, block.line) if key else block.line
        return DataError(message, path=self.path, line=line)

    def year(self, block: LineMapping, key: str) -> int | None:
        value = block.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not -3000 <= value <= 2100:
            raise self.fail(f"'{key}' must be a year (an integer), got {value!r}", block, key)
        return value

    def text(self, block: LineMapping, key: str, *, required: bool = True) -> str | None:
        value = block.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be non-empty text, got {value!r}", block, key)
        return value

    def name(self, raw: Any, owner: LineMapping) -> Name:
        if not isinstance(raw, LineMapping):
            raise self.fail("each name is a mapping with text, lang, status, source",
                            owner, "names")
        unknown = set(raw) - _NAME_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise self.fail(f"unknown field '{key}' in a name; allowed: {sorted(_NAME_KEYS)}",
                            raw, key)
        text = self.text(raw, "text")
        assert text is not None
        if any(_invisible(ch) for ch in text):
            raise self.fail(f"name {text!r} contains control or invisible characters", raw, "text")
        if "source" not in raw:
            raise self.fail(f"name {text!r} has no source; add a page address, "
                            "'seed:...' or 'dataset:...' (never a name without one)", raw)
        source = self.source(raw)
        lang = raw.get("lang")
        if not isinstance(lang, str) or not self.known_lang(lang):
            raise self.fail(f"unknown language tag {lang!r}; use a tag from data/languages/*.yaml "
                            "(or und-<Script>) or add a language file", raw, "lang")
        status = raw.get("status")
        if status not in STATUSES:
            raise self.fail(f"status must be one of {', '.join(STATUSES)}; got {status!r}",
                            raw, "status")
        start, end = self.year(raw, "start"), self.year(raw, "end")
        if start is not None and end is not None and start > end:
            raise self.fail(f"start {start} is after end {end}", raw, "start")
        used_by = raw.get("used_by") or []
        if not isinstance(used_by, list) or not all(isinstance(u, str) for u in used_by):
            raise self.fail("used_by must be a list of text", raw, "used_by")
        dates_source = ""
        if "dates_source" in raw:
            if start is None and end is None:
                raise self.fail(f"name {text!r} has a dates_source but no start or end year",
                                raw, "dates_source")
            dates_source = self.source(raw, "dates_source")
        # shared strings stay shared: smaller in memory and in the pickled cache
        return Name(text.strip(), sys.intern(lang), sys.intern(status), start, end,
                    tuple(sys.intern(u) for u in used_by), sys.intern(source),
                    sys.intern(dates_source))

    def source(self, raw: LineMapping, key: str = "source") -> str:
        source = self.text(raw, key)
        assert source is not None
        if not _SOURCE.match(source):
            raise self.fail(f"{key} {source!r} must be a URL, 'seed:...', "
                            "'dataset:...' or 'wikipedia:<lang>:<Title>[@YYYY-MM-DD]'", raw, key)
        return source

    def parents(self, raw: LineMapping, pid: str, parent: str | None) -> tuple[ParentSpell, ...]:
        """The dated parent history: entries {id, start, end, source}, years not overlapping
        (`end` exclusive), the open-ended entry (if any) equal to `parent`."""
        entries = raw.get("parents")
        if entries is None:
            return ()
        if not isinstance(entries, list) or not entries:
            raise self.fail("parents must be a non-empty list of {id, start, end, source}",
                            raw, "parents")
        spells: list[tuple[ParentSpell, LineMapping]] = []
        for entry in entries:
            if not isinstance(entry, LineMapping):
                raise self.fail("each parents entry is a mapping {id, start, end, source}",
                                raw, "parents")
            unknown = set(entry) - _SPELL_KEYS
            if unknown:
                raise self.fail(f"unknown field '{sorted(unknown)[0]}' in a parents entry; "
                                f"allowed: {sorted(_SPELL_KEYS)}", entry, sorted(unknown)[0])
            if "source" not in entry:
                raise self.fail(f"parents entry {entry.get('id')!r} of {pid!r} has no source; "
                                "cite the page or law that states it", entry)
            spell = ParentSpell(self.text(entry, "id") or "", self.year(entry, "start"),
                                self.year(entry, "end"), self.source(entry))
            if spell.start is not None and spell.end is not None and spell.start >= spell.end:
                raise self.fail(f"start {spell.start} is not before end {spell.end} (end is "
                                "exclusive: the year of the move belongs to the new parent)",
                                entry, "start")
            spells.append((spell, entry))
        spells.sort(key=lambda se: -math.inf if se[0].start is None else se[0].start)
        for (one, _), (two, entry) in pairwise(spells):
            if one.end is None or two.start is None or two.start < one.end:
                raise self.fail(f"parents of {pid!r} overlap: {one.id!r} and {two.id!r} both "
                                "hold in some year; give each entry its years", entry)
        open_ = [s for s, _ in spells if s.end is None]
        if (open_[0].id if open_ else None) != parent:
            want = f"'{open_[0].id}', the parents entry without an end" if open_ else (
                "absent: no parents entry is open-ended")
            raise self.fail(f"parent of {pid!r} is {parent!r} but must be {want}",
                            raw, "parent" if parent is not None else "parents")
        self.spell_lines[pid] = [e.line for _, e in spells]
        return tuple(s for s, _ in spells)

    def known_lang(self, tag: str) -> bool:
        return known_lang(tag, self.tags)

    def place(self, raw: Any, index: int) -> tuple[Place, bool, int]:
        if not isinstance(raw, LineMapping):
            raise DataError(f"entry {index + 1} is not a mapping; each place is a mapping "
                            "starting with 'id:'", path=self.path)
        unknown = set(raw) - _PLACE_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise self.fail(f"unknown field '{key}'; allowed: {sorted(_PLACE_KEYS)}", raw, key)
        pid = self.text(raw, "id")
        assert pid is not None
        if not _ID.match(pid):
            raise self.fail(f"id {pid!r} must be a lower-case ASCII slug like 'az-tartar'",
                            raw, "id")
        extends = raw.get("extends", False) is True
        names_raw = raw.get("names")
        if not isinstance(names_raw, list) or not names_raw:
            raise self.fail(f"place {pid!r} needs a non-empty 'names' list", raw, "names")
        names = tuple(self.name(n, raw) for n in names_raw)
        if extends:
            return Place(pid, "", names=names), True, raw.line
        kind = raw.get("kind")
        if not isinstance(kind, str) or kind not in self.kinds:
            raise self.fail(f"kind {kind!r} is not one of {', '.join(self.kinds)} "
                            "(data/kinds.yaml)", raw, "kind")
        country = raw.get("country")
        if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
            raise self.fail(f"country {country!r} must be an ISO 3166-1 alpha-2 code like 'AZ'",
                            raw, "country")
        parent = self.text(raw, "parent", required=False)
        lat, lon = raw.get("lat"), raw.get("lon")
        for key, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, (int, float))
                or not math.isfinite(value) or abs(value) > limit
            ):
                raise self.fail(f"'{key}' must be a number within ±{limit}, got {value!r}",
                                raw, key)
        if (lat is None) != (lon is None):
            raise self.fail("give both lat and lon, or neither", raw, "lat" if lat else "lon")
        geonames = raw.get("geonames")
        if geonames is not None and (not isinstance(geonames, int) or geonames <= 0):
            raise self.fail("geonames must be a positive integer GeoNames ID", raw, "geonames")
        population = raw.get("population")
        if population is not None and (isinstance(population, bool)
                                       or not isinstance(population, int) or population < 0):
            raise self.fail("population must be a whole number of inhabitants (0 or more)",
                            raw, "population")
        # where a population not read off the place's GeoNames record comes from (`derived:
        # <how>` or a source; the shipped data always says, tests/test_data.py): checked here,
        # not kept on the Place
        population_source = self.text(raw, "population_source", required=False)
        if population_source is not None and not _DERIVED.match(population_source):
            self.source(raw, "population_source")
        coords_source = self.text(raw, "coords_source", required=False)
        if coords_source is not None and not _DERIVED.match(coords_source):
            coords_source = self.source(raw, "coords_source")
        if lat is not None and geonames is None and coords_source is None:
            raise self.fail("coordinates need a geonames ID or a coords_source", raw, "lat")
        wikidata = raw.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and _WIKIDATA.match(wikidata)):
            raise self.fail(f"wikidata must be a Wikidata item id like Q1234, got {wikidata!r}",
                            raw, "wikidata")
        if coords_source is None and geonames is not None:
            coords_source = "dataset:GeoNames"
        place = Place(
            id=pid, kind=kind, country=country, parent=parent,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            geonames=geonames, names=names,
            start=self.year(raw, "start"), end=self.year(raw, "end"),
            coords_source=coords_source, population=population,
            parents=self.parents(raw, pid, parent), wikidata=wikidata,
        )
        return place, False, raw.line


def load_kinds(folder: Path | None = None) -> tuple[str, ...]:
    """The kinds of place, most prominent first (data/kinds.yaml)."""
    path = (folder or data_dir()) / "kinds.yaml"
    raw = read_yaml(path)
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        raise DataError("kinds.yaml must be a list of kind names", path=str(path))
    return tuple(raw)


def load_places(
    paths: Iterable[Path],
    *,
    tags: frozenset[str],
    kinds: Sequence[str],
    known: Mapping[str, Place] | None = None,
) -> list[Place]:
    """Load and validate place files; `extends: true` blocks add names to a place from any file.

    `known` holds places already loaded (the shipped data, when these are a user's files): the
    files may use them as parents and extend them. Returns the places of the files, then the
    known places they extend (as new objects with the added names at the end). Extensions are
    applied after every file is read, in file order, whatever the order of the files. Raises
    DataError for any problem in a file or between files (duplicate IDs, extensions of unknown
    places, missing parents, parent cycles).
    """
    known = known or {}
    places: dict[str, Place] = {}
    where: dict[str, str] = {}
    extended: dict[str, Place] = {}
    extensions: list[tuple[Place, str, int]] = []
    spell_where: dict[str, tuple[str, list[int]]] = {}  # place id -> file, parents entry lines
    for path in paths:
        raw = read_yaml(path)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise DataError("a place file is a YAML list of places ('- id: ...')", path=str(path))
        checker = _Checker(str(path), tags, kinds)
        for i, block in enumerate(raw):
            place, extends, line = checker.place(block, i)
            if extends:
                extensions.append((place, str(path), line))
                continue
            if place.id in places or place.id in known:
                also = where.get(place.id, "the shipped data")
                raise DataError(f"duplicate place id {place.id!r} (also at {also}); "
                                "rename one, or add 'extends: true' to add names to it",
                                path=str(path), line=line)
            places[place.id] = place
            where[place.id] = f"{path}:{line}"
        spell_where.update((pid, (str(path), lines)) for pid, lines in checker.spell_lines.items())
    for extra, path_, line in extensions:
        table = places if extra.id in places else extended
        old = table.get(extra.id) or known.get(extra.id)
        if old is None:
            raise DataError(f"'extends: true' but no place {extra.id!r} is loaded",
                            path=path_, line=line)
        table[extra.id] = replace(old, names=old.names + extra.names)
    _check_parents(places, where, known)
    _check_histories(places, spell_where, known)
    return [*places.values(), *extended.values()]


def _check_parents(
    places: dict[str, Place], where: dict[str, str], known: Mapping[str, Place]
) -> None:
    for place in places.values():
        if place.parent is not None and place.parent not in places and place.parent not in known:
            path, _, line = where[place.id].rpartition(":")
            raise DataError(f"place {place.id!r} has parent {place.parent!r}, which does not "
                            "exist; fix the id or add that place", path=path, line=int(line))
        seen = {place.id}
        parent = place.parent
        while parent is not None:
            if parent in seen:
                path, _, line = where[place.id].rpartition(":")
                raise DataError(f"parent cycle through {place.id!r}", path=path, line=int(line))
            seen.add(parent)
            parent = places[parent].parent if parent in places else None


def _check_histories(places: dict[str, Place], where: dict[str, tuple[str, list[int]]],
                     known: Mapping[str, Place]) -> None:
    """Every dated parent is a place, and no place is ever (in any year) above itself."""
    def ups(pid: str) -> list[str]:
        place = places.get(pid) or known.get(pid)
        if place is None:
            return []
        return [s.id for s in place.parents] + ([place.parent] if place.parent else [])

    for pid, (path, lines) in where.items():
        for spell, line in zip(places[pid].parents, lines, strict=True):
            if spell.id not in places and spell.id not in known:
                raise DataError(f"parents entry {spell.id!r} of {pid!r} is not a place; fix "
                                "the id or add that place", path=path, line=line)
            todo, seen = [spell.id], set()
            while todo:
                up = todo.pop()
                if up == pid:
                    raise DataError(f"parent cycle through {pid!r} (via its dated parent "
                                    f"{spell.id!r})", path=path, line=line)
                if up not in seen:
                    seen.add(up)
                    todo.extend(ups(up))


def yaml_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with a folder standing for the .yaml files in it."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files
