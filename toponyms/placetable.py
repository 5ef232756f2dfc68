"""The places of a name index, by number: kept as raw tuples until a lookup needs one.

The world gazetteer holds ~235,000 places; building a `Place` and its `Name`s for each would be
most of the start-up time, and one run usually touches a handful. toponyms.index numbers the
places; toponyms.lineage reads their parents from here without building them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from toponyms.model import Name, ParentSpell, Place

#: The language tag of a name given as a bare string in a raw place (a dataset's untagged
#: alternate names): "und", undetermined.
UNTAGGED = "und"


class PlaceTable:
    """The places of an index by number, built into `Place` objects on first use.

    Pickled (the disk cache) as plain tuples: loading ~90,000 `Name` objects would be most of
    the start-up time, and one run usually touches a handful of places. A raw place is
    (id, kind, country, parent, lat, lon, geonames, start, end, coords_source, population,
    parents, wikidata, names); a parent entry is a tuple of ParentSpell's fields; a name is a
    tuple of Name's fields, or a bare string for an untagged name of the dataset named by
    coords_source (the world gazetteer's GeoNames names).
    """

    def __init__(self) -> None:
        self._objects: list[Place | None] = []
        self._raw: list[tuple[Any, ...] | None] = []

    def __len__(self) -> int:
        return len(self._objects)

    def __getitem__(self, p: int) -> Place:
        place = self._objects[p]
        if place is None:
            raw = self._raw[p]
            assert raw is not None
            (pid, kind, country, parent, lat, lon, geonames, start, end, coords, pop, parents,
             wikidata, _) = raw
            names = tuple(Name(*n) if type(n) is tuple else Name(n, UNTAGGED, "variant",
                                                                 source=coords or "")
                          for n in raw[-1])
            place = self._objects[p] = Place(pid, kind, country, parent, lat, lon, geonames,
                                             names, start, end, coords, pop,
                                             tuple(ParentSpell(*s) for s in parents), wikidata)
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
        place, raw = self._objects[p], self._raw[p]
        return place.names if place is not None else raw[-1] if raw is not None else ()

    def name(self, p: int, n: int) -> Name:
        """Name `n` of place `p`, without building the place (extract reads a few names of
        many places, most of which it then turns down)."""
        place, raw = self._objects[p], self._raw[p]
        if place is not None:
            return place.names[n]
        assert raw is not None
        found = raw[-1][n]
        return Name(*found) if type(found) is tuple else Name(found, UNTAGGED, "variant",
                                                                source=raw[9] or "")

    def population(self, p: int) -> int | None:
        """The population of place `p`, without building the place."""
        place, raw = self._objects[p], self._raw[p]
        return place.population if place is not None else raw[10] if raw is not None else None

    def parent(self, p: int) -> str | None:
        """The parent id of place `p`, without building the place."""
        place, raw = self._objects[p], self._raw[p]
        return place.parent if place is not None else raw[3] if raw is not None else None

    def parents(self, p: int) -> tuple[ParentSpell, ...]:
        """The dated parent history of place `p` (often empty), without building the place."""
        place, raw = self._objects[p], self._raw[p]
        if place is not None:
            return place.parents
        return tuple(ParentSpell(*s) for s in raw[11]) if raw is not None else ()

    def links(self, positions: Iterable[tuple[str, int]]
              ) -> tuple[dict[str, str], dict[str, tuple[ParentSpell, ...]]]:
        """Place id -> parent id, and place id -> dated parent history (where there is one),
        for the places at `positions` (id, number): toponyms.lineage's input, read in one pass
        over the raw tuples (every start of the world gazetteer reads all 240,000)."""
        parent: dict[str, str] = {}
        spells: dict[str, tuple[ParentSpell, ...]] = {}
        objects, raws = self._objects, self._raw
        for pid, p in positions:
            raw = raws[p]
            if raw is not None:
                up, history = raw[3], raw[11]
                if history:
                    spells[pid] = tuple(ParentSpell(*s) for s in history)
            else:
                place = objects[p]
                assert place is not None
                up, history = place.parent, place.parents
                if history:
                    spells[pid] = history
            if up is not None:
                parent[pid] = up
        return parent, spells

    def __getstate__(self) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for p, place in enumerate(self._objects):
            raw = self._raw[p]
            if place is not None:
                raw = (place.id, place.kind, place.country, place.parent, place.lat, place.lon,
                       place.geonames, place.start, place.end, place.coords_source,
                       place.population,
                       tuple((s.id, s.start, s.end, s.source) for s in place.parents),
                       place.wikidata,
                       tuple((n.text, n.lang, n.status, n.start, n.end, n.used_by, n.source,
                              n.dates_source)
                             for n in place.names))
            assert raw is not None
            out.append(raw)
        return out

    def __setstate__(self, state: list[tuple[Any, ...]]) -> None:
        self._raw = list(state)
        self._objects = [None] * len(state)
