"""The name index: every name of a set of places, keyed for each stage of the cascade.

Three tables map a key to the names that have it (exact text, normalized key,
transliteration key), and a trigram index over the transliteration keys hands the fuzzy stage
its candidates (filtered by toponyms.trigrams). Entries are packed ints and places stay raw
tuples until used, so that the world gazetteer (1.2 million names) fits in memory and loads
from the disk cache in a second.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any, ClassVar

from toponyms import trigrams
from toponyms.cache import collection_paused
from toponyms.keys import fold, split_generic, strip_marks
from toponyms.keys import translit_keys as _translit_keys
from toponyms.model import Place
from toponyms.packed import PackedTable
from toponyms.placetable import UNTAGGED as UNTAGGED  # re-exported: resolve reads it here
from toponyms.placetable import PlaceTable
from toponyms.similarity import class_key
from toponyms.translit import STATE_TITLE

# An index entry packs three numbers into one int (a tuple per entry would triple the memory
# of a world-scale index): the place, the name within the place, and the kind named by a
# generic term stripped off the name (0 when the whole name was indexed). A table maps a key
# to one entry, or to a list of entries when several names share the key.
_KIND_BITS = 6
_NAME_BITS = 15
_PLACE_SHIFT = _KIND_BITS + _NAME_BITS
#: Most names one place may have (the entry layout's limit; the largest place has ~1,500).
MAX_NAMES = 1 << _NAME_BITS
Entries = int | list[int]
#: A key -> entries table: a dict while building, a PackedTable once loaded from the disk cache.
Table = dict[str, Entries] | PackedTable[Entries]
_LOAD_LOCK = threading.Lock()


class NameIndex:
    """Lookup tables over every name of a set of places, one per cascade stage.

    Pickled (the disk cache) with its key tables packed (toponyms.packed: a few flat buffers
    each, not a Python object per key and entry), and those of the later stages as opaque
    blobs that are unpickled on first use: a lookup that the exact stage answers never pays
    for them. A loaded index reads its packed tables as mappings; keys added later (overlay
    files) are kept beside them.
    """

    #: The key tables stored packed in the disk cache.
    _PACKED: ClassVar[tuple[str, ...]] = ("exact", "position", "normalized", "translit",
                                          "classes")

    _GROUPS: ClassVar[dict[str, tuple[str, ...]]] = {
        "keys": ("normalized", "translit", "classes"), "grams": ("grams",)}
    _LATER: ClassVar[dict[str, str]] = {
        table: group for group, tables in _GROUPS.items() for table in tables}

    def __init__(
        self, places: Sequence[Place], kinds: Sequence[str], not_places: frozenset[str]
    ) -> None:
        self.places = PlaceTable()
        self.not_places = not_places
        self.kind_rank = {k: i for i, k in enumerate(kinds)}
        self.generic_kinds: list[str] = [""]  # the kind numbers of entries
        self.exact: Table = {}
        self.normalized: Table = {}
        self.translit: Table = {}
        # key length -> trigram -> numbers (in fuzzy_keys) of the keys of that length with it
        self.grams: dict[int, dict[str, array[int]]] = {}
        # class key (similarity.class_key) -> numbers (in fuzzy_keys) of the keys that have it
        self.classes: Table = {}
        self.position: dict[str, int] | PackedTable[int] = {}  # place id -> number
        # the normalized keys under which a state-titled name's core is indexed ("korea" of
        # "Republic of Korea"), each once (a dict keeps them in order): see `titled_cores`
        self.titled: dict[str, None] = {}
        # exact text of a name -> resolve's unfiltered answer to it, encoded (see
        # toponyms.gazetteer.Gazetteer._answer_names): set for the shipped data's index once
        # built, dropped whenever places are added
        self.answers: PackedTable[int] | None = None
        # a query's signature (toponyms.gazetteer.signature: its folded text and what the
        # cascade reads of its writing) -> resolve's unfiltered answer at the normalized stage,
        # encoded (Gazetteer._answer_folded): set and dropped as `answers` is
        self.folded_answers: PackedTable[int] | None = None
        self.add(places)

    @property
    def fuzzy_keys(self) -> Sequence[str]:
        """Every transliteration key, numbered in the order first seen (the grams' numbers).

        The translit table keeps that order, so the list is derived, not stored (a packed
        table's keys are decoded as they are asked for)."""
        if isinstance(self.translit, PackedTable):
            return self.translit.ordered_keys()
        keys: list[str] | None = self.__dict__.get("_fuzzy_keys")
        if keys is None or len(keys) != len(self.translit):
            keys = self.__dict__["_fuzzy_keys"] = list(self.translit)
        return keys

    def unpack(self) -> None:
        """Turn the packed key tables into dicts, in their order (a key's number stays), for
        a build that adds many places: a dict's look-up and insertion cost a fraction of a
        packed table's, which checks its packed part on each. `pack` packs them again."""
        for table in self._PACKED:
            found = getattr(self, table)  # loads a later stage's tables if need be
            if isinstance(found, PackedTable):
                setattr(self, table, dict(found.items()))
                del found
        self.__dict__.pop("_fuzzy_keys", None)

    def pack(self) -> None:
        """Turn the key tables and the places into their packed forms now (the world build
        does, once done: the process that built it then holds what later ones load)."""
        for table in self._PACKED:
            found = self.__dict__.get(table)
            if found is not None:  # a dict, or a packed table with keys added since loaded
                setattr(self, table, found.repacked() if isinstance(found, PackedTable)
                        else PackedTable(found))
                del found  # the dict goes before the next table is packed
        self.__dict__.pop("_fuzzy_keys", None)
        self.places.pack()

    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items()
                 if k not in ("_blobs", "_fuzzy_keys", "_titled_cores")}
        for table in self._PACKED:
            if table in state and not isinstance(state[table], PackedTable):
                state[table] = PackedTable(state[table])
        blobs = dict(self.__dict__.get("_blobs", {}))
        for group, tables in self._GROUPS.items():
            if tables[0] in state:  # a group's tables are loaded together
                blobs[group] = pickle.dumps(tuple(state.pop(t) for t in tables),
                                            protocol=pickle.HIGHEST_PROTOCOL)
        state["_blobs"] = blobs
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        # only called for attributes not set: the later stages' tables, still pickled
        if name not in self._LATER or "_blobs" not in self.__dict__:
            raise AttributeError(name)
        with _LOAD_LOCK:  # two threads may ask at once: one loads, the other waits
            if name in self.__dict__:
                return self.__dict__[name]
            group = self._LATER[name]
            with collection_paused():
                values = pickle.loads(self.__dict__["_blobs"].pop(group))
            for table, value in zip(self._GROUPS[group], values, strict=True):
                setattr(self, table, value)
            return self.__dict__[name]

    def add(self, places: Sequence[Place]) -> None:
        """Index more places, or more names of indexed places (same id, names appended)."""
        self.__dict__.pop("_titled_cores", None)  # derived from every name: read anew
        self.answers = self.folded_answers = None  # the answers of the names as they were
        for place in places:
            p = self.position.get(place.id)
            if p is None:
                p = self.position[place.id] = len(self.places)
                self.places.append(place)
                start = 0
            else:
                start = len(self.places[p].names)
                self.places[p] = place
            if len(place.names) > MAX_NAMES:
                raise ValueError(f"place {place.id!r} has more than {MAX_NAMES} names")
            for n in range(start, len(place.names)):
                self._add(p, n, place.names[n].text, place.names[n].lang)

    def add_raw(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Index places given in PlaceTable's raw form, with ids not yet in the index.

        The world gazetteer adds ~235,000 places this way without building a Place or a Name
        object for any of them until a lookup needs it. The names' keys are computed in
        worker processes where that pays (see `_keyed`).
        """
        self.__dict__.pop("_titled_cores", None)  # derived from every name: read anew
        self.answers = self.folded_answers = None  # the answers of the names as they were
        seen = set(self.position)
        for raw in rows:
            if raw[0] in seen:
                raise ValueError(f"place id {raw[0]!r} is already indexed")
            seen.add(raw[0])
            if len(raw[-1]) > MAX_NAMES:
                raise ValueError(f"place {raw[0]!r} has more than {MAX_NAMES} names")
        with collection_paused():  # millions of new objects
            for raw, keys in zip(rows, _keyed(rows), strict=True):
                p = self.position[raw[0]] = len(self.places)
                self.places.append_raw(raw)
                for n, name in enumerate(raw[-1]):
                    self._insert(p, n, name if type(name) is str else name[0], keys[n])

    def _add(self, p: int, n: int, text: str, lang: str) -> None:
        self._insert(p, n, text, _name_keys(text, lang))

    def _insert(self, p: int, n: int, text: str, keys: _NameKeys) -> None:
        base = p << _PLACE_SHIFT | n << _KIND_BITS
        _append(self.exact, text, base)
        for normalized, generic, translit_keys in keys:
            entry = base | self._kind_number(generic)
            _append(self.normalized, normalized, entry)
            if generic == STATE_TITLE and normalized:
                self.titled[normalized] = None
            for key in translit_keys:
                if key == normalized:
                    key = normalized  # one string for both tables (and the disk cache)
                if key and key not in self.translit:
                    number = len(self.translit)  # its place in fuzzy_keys
                    by_gram = self.grams.setdefault(len(key), {})
                    for gram in set(trigrams.trigrams(key)):
                        ids = by_gram.get(gram)
                        if ids is None:
                            by_gram[gram] = array("I", (number,))
                        else:
                            ids.append(number)
                    group = class_key(key)
                    _append(self.classes, key if group == key else group, number)
                _append(self.translit, key, entry)

    def _kind_number(self, kind: str) -> int:
        kinds = self.generic_kinds
        if kind not in kinds:
            if len(kinds) >= 1 << _KIND_BITS:
                raise ValueError(f"more than {1 << _KIND_BITS} generic kinds")
            kinds.append(kind)
        return kinds.index(kind)

    def entries(self, table: Table, key: str) -> Iterator[tuple[int, int, str]]:
        """The (place number, name number, generic kind or "") entries of `key` in `table`."""
        found = table.get(key)
        if found is None:
            return
        kinds = self.generic_kinds
        for entry in (found,) if type(found) is int else found:  # type: ignore[union-attr]
            yield (entry >> _PLACE_SHIFT, entry >> _KIND_BITS & (MAX_NAMES - 1),
                   kinds[entry & ((1 << _KIND_BITS) - 1)])

    def titled_cores(self, p: int) -> list[str]:
        """The keys of place number `p`'s names (each name's whole normalized key) that are
        the core of some state-titled name, in the order of the place's names.

        toponyms.kindwords.titled_after reads them for a query with a state title: the
        answer is the same as folding each of a country's ~1,800 names and looking each key
        up, but that cost milliseconds per query. The table is built on first use, from the
        few titled keys (`titled`): the places whose own name is such a key."""
        cores: dict[int, list[str]] | None = self.__dict__.get("_titled_cores")
        if cores is None:
            first: dict[int, dict[str, int]] = {}  # place -> core key -> first name with it
            for key in self.titled:
                for q, m, generic in self.entries(self.normalized, key):
                    if generic or strip_marks(fold(self.places[q].names[m].text)) != key:
                        continue  # a core of another name of q, not a name of its own
                    seen = first.setdefault(q, {})
                    if m < seen.get(key, MAX_NAMES):
                        seen[key] = m
            cores = {q: sorted(keys, key=keys.__getitem__) for q, keys in first.items()}
            self.__dict__["_titled_cores"] = cores
        return cores.get(p, [])

    def fuzzy(self, key: str, cutoff: float) -> list[tuple[str, float]]:
        """Keys similar to `key` (rapidfuzz ratio >= cutoff), from trigram candidates only.

        Exact without scoring every key: for each key length within reach, only the keys in
        j of the needed - 1 + j rarest postings of the query's trigrams are scored (see
        toponyms.trigrams). When the cutoff is too low for that to prune (search with a low
        min_score, a compound query's parts), the FUZZY_CANDIDATES keys sharing the most
        trigrams are scored instead.
        """
        share = cutoff / 100
        most = 2 * len(key)  # the longest distance worth a thought
        dist = min(most, int(most * (1 - share) / share)) if share > 0.01 else most
        grams = sorted(set(trigrams.trigrams(key)))  # sorted: no choice may follow the hash seed
        chosen: list[Iterable[int]] = []
        heads: list[tuple[Sequence[array[int]], int]] = []
        window = [(n, b) for n in range(len(key) - dist, len(key) + dist + 1)
                  if (b := self.grams.get(n)) is not None]
        for n, bucket in window:
            reach = trigrams.reach(len(key), n, cutoff)
            if reach < 0:
                continue  # no key of this length is near enough
            # a query trigram no key of this length has is a free pick among the rarest
            postings = sorted((p for g in grams if (p := bucket.get(g)) is not None), key=len)
            needed = (5 * reach + len(key) - n) // 2 + 1 - (len(grams) - len(postings))
            if needed > len(postings):
                return self._fuzzy_by_count(key, cutoff, grams, [b for _, b in window])
            if needed > 0:
                heads.append(trigrams.head(postings, needed))
        size = sum(len(p) for h, _ in heads for p in h)
        np = trigrams.numpy_or_none() if size >= trigrams.NUMPY_MIN_POSTINGS else None
        if np is not None:
            chosen.append(trigrams.shortlists_numpy(np, heads))
        else:
            chosen.extend(trigrams.shortlist(h, len(h) - j + 1) if j > 1 else set().union(*h)
                          for h, j in heads)
        numbers = sorted(set().union(*chosen))
        return trigrams.scored(key, self._keys_at(numbers), cutoff) if numbers else []

    def _keys_at(self, numbers: Sequence[int]) -> Sequence[str]:
        """The transliteration keys numbered `numbers` (see fuzzy_keys)."""
        if isinstance(self.translit, PackedTable):
            return self.translit.keys_at(numbers)
        keys = self.fuzzy_keys
        return [keys[i] for i in numbers] if len(numbers) < 2 else itemgetter(*numbers)(keys)

    def same_class(self, key: str) -> list[str]:
        """The keys one or more romanization swaps from `key` (and `key` itself, if indexed):
        those with its class key (see toponyms.similarity), found by one exact look-up."""
        found = self.classes.get(class_key(key))
        if found is None:
            return []
        return list(self._keys_at((found,) if type(found) is int else found))  # type: ignore[arg-type]

    def _fuzzy_by_count(self, key: str, cutoff: float, grams: list[str],
                        buckets: list[dict[str, array[int]]]) -> list[tuple[str, float]]:
        postings = [p for b in buckets for g in grams if (p := b.get(g)) is not None]
        best = trigrams.most_shared(postings, trigrams.FUZZY_CANDIDATES)
        return trigrams.scored(key, self._keys_at(best), cutoff)


def _append(table: Table, key: str, entry: int) -> None:
    if not key:
        return
    old = table.get(key)
    if old is None:
        table[key] = entry
    elif type(old) is int:
        if old != entry:
            table[key] = [old, entry]
    elif old[-1] != entry:  # type: ignore[index]
        # one name's entries are added together, so a repeat can only be the last one
        old.append(entry)  # type: ignore[union-attr]
        if type(table) is not dict:
            table[key] = old  # a packed table hands out copies


class PlaceMap(Mapping[str, Place]):
    """Place id -> Place over an index, building each place only when it is asked for."""

    def __init__(self, index: NameIndex) -> None:
        self._table, self._position = index.places, index.position

    def __getitem__(self, place_id: str) -> Place:
        return self._table[self._position[place_id]]

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)


# the keys of one name: (normalized key, generic kind or "", transliteration keys) for the
# whole name and for each core left when a generic term is split off
_NameKeys = tuple[tuple[str, str, tuple[str, ...]], ...]


#: a name that ends in one bracketed qualifier: "Holy See (Vatican City State)"
_QUALIFIED = re.compile(r"^(.*\w.*?)\s*[(\[]([^()\[\]]*\w[^()\[\]]*)[)\]]$", re.S)


def _split_qualifier(text: str) -> tuple[str, str] | None:
    """(name, qualifier) of a name that ends in one bracketed qualifier, else None."""
    found = _QUALIFIED.match(text.strip())
    return (found.group(1).strip(), found.group(2).strip()) if found else None


def unqualified(text: str) -> str | None:
    """The name without its trailing bracketed qualifier, or None when it has none.

    Datasets write a qualifier into the name itself (iso-codes' "Holy See (Vatican City
    State)", "Virgin Islands (British)"); people write the name without it. The bare name is
    indexed as one more key of the same place: where two places share it ("Virgin Islands"),
    the ranking flags the tie instead of picking one silently.

    >>> unqualified("Holy See (Vatican City State)"), unqualified("Kapan"), unqualified("(x)")
    ('Holy See', None, None)
    """
    split = _split_qualifier(text)
    return split[0] if split else None


def _qualified_cores(text: str) -> list[tuple[str, str]]:
    """The extra cores of a name with a bracketed qualifier: the bare name, or, when the
    qualifier is a state title ("Korea (Democratic People's Republic of)"), what the comma
    catalogue form gives: the title-first name and the bare name for titled queries only, so
    that "Korea" alone is not one of the two Koreas."""
    split = _split_qualifier(text)
    if split is None:
        return []
    bare, qualifier = split
    catalogue = split_generic(fold(f"{bare}, {qualifier}"))
    if any(generic == STATE_TITLE for _, generic in catalogue):
        return catalogue
    return [(fold(bare), "")]


def _name_keys(text: str, lang: str) -> _NameKeys:
    # a name's state title is split off for queries that carry a title of their own (the
    # resolver reads such a core only for them) and never at the loose stages: "Dán Királyság"
    # (Hungarian, "Danish Kingdom") without its title is an adjective, not the country's name
    folded = fold(text)
    cores = [(folded, ""), *split_generic(folded)]
    cores += [core for core in _qualified_cores(text) if core not in cores]
    return tuple((strip_marks(core), generic,
                  () if generic == STATE_TITLE else _translit_keys(core, lang))
                 for core, generic in cores)


#: A build of fewer names than this computes keys in one process (workers would cost more).
PARALLEL_MIN_NAMES = 200_000
_CHUNK = 10_000  # places per work unit
_ROWS: Sequence[tuple[Any, ...]] = ()  # what forked workers read: set just before the fork


def _row_keys(raw: tuple[Any, ...]) -> list[_NameKeys]:
    return [_name_keys(n, UNTAGGED) if type(n) is str else _name_keys(n[0], n[1])
            for n in raw[-1]]


def _chunk_keys(bounds: tuple[int, int]) -> list[list[_NameKeys]]:
    return [_row_keys(raw) for raw in _ROWS[bounds[0] : bounds[1]]]


def _workers(names: int) -> int:
    """How many worker processes compute keys: none below PARALLEL_MIN_NAMES, on one CPU, where
    fork is missing, or when other threads run (forking them is unsafe).
    $TOPONYMS_BUILD_WORKERS overrides the count (0 = none)."""
    import multiprocessing  # here: only a build imports it

    chosen = os.environ.get("TOPONYMS_BUILD_WORKERS", "").strip()
    if chosen.isdigit():
        count = int(chosen)
    elif names < PARALLEL_MIN_NAMES:
        return 0
    else:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
        count = min(4, cpus - 1)
    if count < 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return count if threading.active_count() == 1 else 0


def _keyed(rows: Sequence[tuple[Any, ...]]) -> Iterator[list[_NameKeys]]:
    """The keys of each row's names, in row order: computed by forked workers while this
    process fills the tables, where that pays; otherwise here, one row at a time."""
    global _ROWS
    workers = _workers(sum(len(raw[-1]) for raw in rows))
    if not workers:
        yield from map(_row_keys, rows)
        return
    _ROWS = rows
    import multiprocessing

    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            bounds = [(i, min(i + _CHUNK, len(rows))) for i in range(0, len(rows), _CHUNK)]
            for chunk in pool.imap(_chunk_keys, bounds):
                yield from chunk
    finally:
        _ROWS = ()
