"""The places of a name index, by number: kept as raw tuples until a lookup needs one.

The world gazetteer holds ~235,000 places; building a `Place` and its `Name`s for each would be
most of the start-up time, and one run usually touches a handful. toponyms.index numbers the
places; toponyms.lineage reads their parents from here without building them.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any

from toponyms.model import Name, ParentSpell, Place
from toponyms.packed import numbers

#: The language tag of a name given as a bare string in a raw place (a dataset's untagged
#: alternate names): "und", undetermined.
UNTAGGED = "und"


class PlaceTable:
    """The places of an index by number, built into `Place` objects on first use.

    Pickled (the disk cache) as one blob of marshalled raw places and an array of their
    offsets, with the parent ids beside them (every start reads them: toponyms.lineage): a
    loaded table holds no Python object per place until a call reads one (the world's 240,000
    places as tuples were ~240 MB and most of a second to load), and one run usually touches a
    handful of places. A raw place is
    (id, kind, country, parent, lat, lon, geonames, start, end, coords_source, population,
    parents, wikidata, names); a parent entry is a tuple of ParentSpell's fields; a name is a
    tuple of Name's fields, or a bare string for an untagged name of the dataset named by
    coords_source (the world gazetteer's GeoNames names).
    """

    def __init__(self) -> None:
        self._objects: list[Place | None] = []
        self._raw: list[tuple[Any, ...] | None] = []
        # the packed places of a loaded table (numbers below len(offsets) - 1): raw places
        # marshalled into one blob, decoded into _raw on first use; their parents and dated
        # parent histories (raw fields 3 and 11) kept apart, for links()
        self._blob = b""
        self._offsets: array[int] = array("Q", [0])
        self._up: list[str | None] = []
        self._history: dict[int, tuple[Any, ...]] = {}

    def _row(self, p: int) -> tuple[Any, ...]:
        """The raw form of place `p`, which is not built: decoded from the blob if need be."""
        raw = self._raw[p]
        if raw is None:
            raw = self._raw[p] = marshal.loads(
                self._blob[self._offsets[p] : self._offsets[p + 1]])
        return raw

    def __len__(self) -> int:
        return len(self._objects)

    def __getitem__(self, p: int) -> Place:
        place = self._objects[p]
        if place is None:
            raw = self._row(p)
            (pid, kind, country, parent, lat, lon, geonames, start, end, coords, pop, parents,
             wikidata, rows) = raw
            source = coords or ""  # positional arguments and lists: a place of a loaded world
            # table is built whenever extract first meets it, often thousands per text corpus
            names = tuple([Name(*n) if type(n) is tuple else
                           Name(n, UNTAGGED, "variant", None, None, (), source) for n in rows])
            place = self._objects[p] = Place(
                pid, kind, country, parent, lat, lon, geonames, names, start, end, coords, pop,
                tuple([ParentSpell(*s) for s in parents]) if parents else (), wikidata)
            self._raw[p] = None
        return place

    def __setitem__(self, p: int, place: Place) -> None:
        self._objects[p], self._raw[p] = place, None

    def __iter__(self) -> Iterator[Place]:
        return (self[p] for p in range(len(self)))

    def append(self, place: Place) -> None:
        self._objects.append(place)
        self._raw.append(None)

    def append_raw(self, raw: tuple[Any, ...]) -> None:
        """Add a place in its raw form (see the class docstring), built on first use."""
        self._objects.append(None)
        self._raw.append(raw)

    def names(self, p: int) -> Sequence[Any]:
        """The names of place `p`: Name objects, or raw tuples and strings if not built."""
        place = self._objects[p]
        return place.names if place is not None else self._row(p)[-1]

    def name(self, p: int, n: int) -> Name:
        """Name `n` of place `p`, without building the place (extract reads a few names of
        many places, most of which it then turns down)."""
        place = self._objects[p]
        if place is not None:
            return place.names[n]
        raw = self._row(p)
        found = raw[-1][n]
        return Name(*found) if type(found) is tuple else Name(found, UNTAGGED, "variant",
                                                                source=raw[9] or "")

    def population(self, p: int) -> int | None:
        """The population of place `p`, without building the place."""
        place = self._objects[p]
        return place.population if place is not None else self._row(p)[10]

    def parent(self, p: int) -> str | None:
        """The parent id of place `p`, without building the place."""
        place = self._objects[p]
        if place is not None:
            return place.parent
        raw = self._raw[p]
        return raw[3] if raw is not None else self._up[p]

    def parents(self, p: int) -> tuple[ParentSpell, ...]:
        """The dated parent history of place `p` (often empty), without building the place."""
        place = self._objects[p]
        if place is not None:
            return place.parents
        return tuple(ParentSpell(*s) for s in self._row(p)[11])

    def links(self, position: Mapping[str, int]
              ) -> tuple[Mapping[str, str], dict[str, tuple[ParentSpell, ...]]]:
        """Place id -> parent id (read when asked, see `Parents`), and place id -> dated parent
        history for the places that have one: toponyms.lineage's input. `position` maps the
        ids to their numbers. Every start of the world gazetteer asks: nothing here reads all
        240,000 places of a loaded table."""
        spells: dict[str, tuple[ParentSpell, ...]] = {}
        objects, raws = self._objects, self._raw
        for p, history in self._history.items():  # packed places: their histories
            if objects[p] is None:
                spells[self._row(p)[0]] = tuple(ParentSpell(*s) for s in history)
        for p in range(len(self._offsets) - 1, len(objects)):  # raw places, not packed
            raw = raws[p]
            if objects[p] is None and raw is not None and raw[11]:
                spells[raw[0]] = tuple(ParentSpell(*s) for s in raw[11])
        for place in objects:
            if place is not None and place.parents:
                spells[place.id] = place.parents
        return Parents(self, position), spells

    def _raw_of(self, p: int) -> tuple[Any, ...]:
        """Place `p` in raw form, built or not (what the disk cache stores)."""
        place = self._objects[p]
        if place is None:
            return self._row(p)
        return (place.id, place.kind, place.country, place.parent, place.lat, place.lon,
                place.geonames, place.start, place.end, place.coords_source, place.population,
                tuple((s.id, s.start, s.end, s.source) for s in place.parents),
                place.wikidata,
                tuple((n.text, n.lang, n.status, n.start, n.end, n.used_by, n.source,
                       n.dates_source) for n in place.names))

    def pack(self) -> None:
        """Pack the places not yet packed (those built stay built)."""
        objects = self._objects
        self.__setstate__(self.__getstate__())
        self._objects = objects

    def __getstate__(self) -> tuple[Any, ...]:
        rows: list[bytes] = []
        up: list[str | None] = []
        history: dict[int, tuple[Any, ...]] = {}
        blob, offsets, packed = self._blob, self._offsets, len(self._offsets) - 1
        for p in range(len(self._objects)):
            if p < packed and self._objects[p] is None and self._raw[p] is None:
                rows.append(blob[offsets[p] : offsets[p + 1]])  # still packed: as it is
                up.append(self._up[p])
                if p in self._history:
                    history[p] = self._history[p]
                continue
            raw = self._raw_of(p)
            rows.append(marshal.dumps(raw))
            up.append(raw[3])
            if raw[11]:
                history[p] = raw[11]
        return (b"".join(rows), numbers(accumulate(map(len, rows), initial=0)), up, history)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self._blob, self._offsets, self._up, self._history = state
        count = len(self._offsets) - 1
        self._raw = [None] * count
        self._objects = [None] * count


class Parents(Mapping[str, str]):
    """Place id -> parent id over a table, read when asked (a dict of the world's 240,000
    places would be built at every start); places without a parent are not keys."""

    def __init__(self, table: PlaceTable, position: Mapping[str, int]) -> None:
        self._table, self._position = table, position

    def get(self, place_id: str, default: Any = None) -> Any:  # Mapping.get, faster
        p = self._position.get(place_id)
        up = self._table.parent(p) if p is not None else None
        return default if up is None else up

    def __getitem__(self, place_id: str) -> str:
        up: str | None = self.get(place_id)
        if up is None:
            raise KeyError(place_id)
        return up

    def __iter__(self) -> Iterator[str]:
        parent = self._table.parent
        return (pid for pid, p in self._position.items() if parent(p) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)
