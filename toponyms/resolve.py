"""The matching cascade and its scores.

Stages run cheapest first and `resolve` stops at the first stage that yields a match above
`min_score`: 1 exact text, 2 normalized key, 3 transliteration key, 4 fuzzy (rapidfuzz over
candidates pulled from a trigram index, never a scan of every name). Scores mean the same in
every stage (see SCORES): 100 is the text as written in the data, a fuzzy score is the
similarity of transliteration keys scaled below the exact stages. Adjustments (same for all
stages) mark weaker evidence: a generic term that the query did not give, a kind hint the place
does not fit, a name not in use in the year asked about.
"""

from __future__ import annotations

import gc
import pickle
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from rapidfuzz import fuzz, process

from toponyms.model import Match, Name, Place, _lang_matches
from toponyms.normalize import MAX_NAME_CHARS, fold, script_of, split_generic, strip_marks
from toponyms.normalize import translit_keys as _translit_keys

#: The score of each stage's match before adjustments.
SCORES = {"exact": 100.0, "normalized": 98.0, "transliteration": 94.0}
#: A fuzzy match scores similarity (0-100) times this factor, so it stays below the exact stages.
FUZZY_FACTOR = 0.95
#: A fuzzy score never reaches the transliteration stage's.
FUZZY_MAX = 93.9
#: Shortest transliteration key the fuzzy stage will look at; shorter keys are too ambiguous.
FUZZY_MIN_KEY = 4
#: Most candidates the trigram index hands to rapidfuzz per query key.
FUZZY_CANDIDATES = 400
#: Score adjustments for weaker evidence.
PENALTY_UNASKED_GENERIC = 3.0  # "Terter" matched only through "Terter District"
PENALTY_KIND_MISMATCH = 6.0  # "Terter district" and a place that is not a district
PENALTY_NOT_IN_USE = 4.0  # `at=1990` and a name adopted in 1991

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
#: The language tag of a name given as a bare string in a raw place (a dataset's untagged
#: alternate names): "und", undetermined.
UNTAGGED = "und"


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of resolve/search, checked once per call."""

    country: str | None = None
    kind: str | None = None
    parent: str | None = None
    lang: str | None = None
    at: int | None = None


class PlaceTable:
    """The places of an index by number, built into `Place` objects on first use.

    Pickled (the disk cache) as plain tuples: loading ~90,000 `Name` objects would be most of
    the start-up time, and one run usually touches a handful of places. A raw place is
    (id, kind, country, parent, lat, lon, geonames, start, end, coords_source, population,
    names); a name is a tuple of Name's fields, or a bare string for an untagged name of the
    dataset named by coords_source (the world gazetteer's GeoNames names).
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
            pid, kind, country, parent, lat, lon, geonames, start, end, coords, pop, _ = raw
            names = tuple(Name(*n) if type(n) is tuple else Name(n, UNTAGGED, "variant",
                                                                 source=coords or "")
                          for n in raw[-1])
            place = self._objects[p] = Place(pid, kind, country, parent, lat, lon, geonames,
                                             names, start, end, coords, pop)
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

    def parent(self, p: int) -> str | None:
        """The parent id of place `p`, without building the place."""
        place, raw = self._objects[p], self._raw[p]
        return place.parent if place is not None else raw[3] if raw is not None else None

    def __getstate__(self) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for p, place in enumerate(self._objects):
            raw = self._raw[p]
            if place is not None:
                raw = (place.id, place.kind, place.country, place.parent, place.lat, place.lon,
                       place.geonames, place.start, place.end, place.coords_source,
                       place.population,
                       tuple((n.text, n.lang, n.status, n.start, n.end, n.used_by, n.source)
                             for n in place.names))
            assert raw is not None
            out.append(raw)
        return out

    def __setstate__(self, state: list[tuple[Any, ...]]) -> None:
        self._raw = list(state)
        self._objects = [None] * len(state)


_LOAD_LOCK = threading.Lock()


class NameIndex:
    """Lookup tables over every name of a set of places, one per cascade stage.

    Pickled (the disk cache) with the tables of the later stages as opaque blobs that are
    unpickled on first use: a lookup that the exact stage answers never pays for them.
    """

    _LATER = ("normalized", "translit", "grams")

    def __init__(
        self, places: Sequence[Place], kinds: Sequence[str], not_places: frozenset[str]
    ) -> None:
        self.places = PlaceTable()
        self.not_places = not_places
        self.kind_rank = {k: i for i, k in enumerate(kinds)}
        self.generic_kinds: list[str] = [""]  # the kind numbers of entries
        self.exact: dict[str, Entries] = {}
        self.normalized: dict[str, Entries] = {}
        self.translit: dict[str, Entries] = {}
        # key length -> trigram -> numbers (in fuzzy_keys) of the keys of that length with it
        self.grams: dict[int, dict[str, array[int]]] = {}
        self.position: dict[str, int] = {}  # place id -> number
        self.add(places)

    @property
    def fuzzy_keys(self) -> list[str]:
        """Every transliteration key, numbered in the order first seen (the grams' numbers).

        The translit table keeps that order, so the list is derived, not stored."""
        keys: list[str] | None = self.__dict__.get("_fuzzy_keys")
        if keys is None or len(keys) != len(self.translit):
            keys = self.__dict__["_fuzzy_keys"] = list(self.translit)
        return keys

    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_blobs", "_fuzzy_keys")}
        blobs = dict(self.__dict__.get("_blobs", {}))
        for name in self._LATER:
            if name in state:
                blobs[name] = pickle.dumps(state.pop(name), protocol=pickle.HIGHEST_PROTOCOL)
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
            enabled = gc.isenabled()
            gc.disable()  # many small objects: collection passes would triple the time
            try:
                value = pickle.loads(self.__dict__["_blobs"].pop(name))
            finally:
                if enabled:
                    gc.enable()
            setattr(self, name, value)
            return value

    def add(self, places: Sequence[Place]) -> None:
        """Index more places, or more names of indexed places (same id, names appended)."""
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

    def add_raw(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Index places given in PlaceTable's raw form, with ids not yet in the index.

        The world gazetteer adds ~235,000 places this way without building a Place or a Name
        object for any of them until a lookup needs it.
        """
        for raw in rows:
            if raw[0] in self.position:
                raise ValueError(f"place id {raw[0]!r} is already indexed")
            if len(raw[-1]) > MAX_NAMES:
                raise ValueError(f"place {raw[0]!r} has more than {MAX_NAMES} names")
            p = self.position[raw[0]] = len(self.places)
            self.places.append_raw(raw)
            for n, name in enumerate(raw[-1]):
                if type(name) is str:
                    self._add(p, n, name, UNTAGGED)
                else:
                    self._add(p, n, name[0], name[1])

    def _add(self, p: int, n: int, text: str, lang: str) -> None:
        base = p << _PLACE_SHIFT | n << _KIND_BITS
        _append(self.exact, text, base)
        folded = fold(text)
        variants = [(folded, ""), *split_generic(folded)]
        for core, generic in variants:
            entry = base | self._kind_number(generic)
            _append(self.normalized, strip_marks(core), entry)
            for key in _translit_keys(core, lang):
                if key and key not in self.translit:
                    number = len(self.translit)  # its place in fuzzy_keys
                    by_gram = self.grams.setdefault(len(key), {})
                    for gram in set(_trigrams(key)):
                        ids = by_gram.get(gram)
                        if ids is None:
                            by_gram[gram] = array("I", (number,))
                        else:
                            ids.append(number)
                _append(self.translit, key, entry)

    def _kind_number(self, kind: str) -> int:
        kinds = self.generic_kinds
        if kind not in kinds:
            if len(kinds) >= 1 << _KIND_BITS:
                raise ValueError(f"more than {1 << _KIND_BITS} generic kinds")
            kinds.append(kind)
        return kinds.index(kind)

    def entries(self, table: dict[str, Entries], key: str) -> Iterator[tuple[int, int, str]]:
        """The (place number, name number, generic kind or "") entries of `key` in `table`."""
        found = table.get(key)
        if found is None:
            return
        kinds = self.generic_kinds
        for entry in (found,) if type(found) is int else found:  # type: ignore[union-attr]
            yield (entry >> _PLACE_SHIFT, entry >> _KIND_BITS & (MAX_NAMES - 1),
                   kinds[entry & ((1 << _KIND_BITS) - 1)])

    def fuzzy(self, key: str, cutoff: float) -> list[tuple[str, float]]:
        """Keys similar to `key` (rapidfuzz ratio >= cutoff), from trigram candidates only.

        Length and prefix filtering keep it exact without counting every posting: a key within
        the cutoff is at most `dist` insertions/deletions away, so its length is within `dist`
        of the query's, and each edit breaks at most three of the query's trigrams, so it
        shares at least one of the query's `3 * dist + 1` rarest trigrams. Only the postings
        of those trigrams, among keys of a length in the window, are scored. When the cutoff is
        too low for that to prune (search with a low min_score), the FUZZY_CANDIDATES keys
        sharing the most trigrams are scored instead.
        """
        share = cutoff / 100
        most = 2 * len(key)  # the longest distance worth a thought
        dist = min(most, int(most * (1 - share) / share)) if share > 0.01 else most
        # a key more than `dist` characters longer or shorter is too far: only the postings
        # of keys whose length is in the window count
        buckets = [self.grams[n] for n in range(len(key) - dist, len(key) + dist + 1)
                   if n in self.grams]
        postings = sorted(([p for b in buckets if (p := b.get(g))] for g in set(_trigrams(key))),
                          key=lambda lists: sum(map(len, lists)))
        rare = 3 * dist + 1
        if rare < len(postings):
            numbers = set(chain.from_iterable(chain.from_iterable(postings[:rare])))
        else:
            counts = Counter(chain.from_iterable(chain.from_iterable(postings)))
            numbers = {k for k, _ in counts.most_common(FUZZY_CANDIDATES)}
        if not numbers:
            return []
        keys = self.fuzzy_keys
        choices = [keys[i] for i in numbers]
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        return [(choice, float(score)) for choice, score, _ in found]


def _append(table: dict[str, Entries], key: str, entry: int) -> None:
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


def _trigrams(key: str) -> list[str]:
    padded = f"  {key} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


@dataclass(slots=True)
class _Query:
    text: str
    folded: str
    variants: list[tuple[str, str]]  # (folded text, kind hint or "")


def prepare(query: str) -> _Query | None:
    """Check and fold a query; None for blank text.

    A name longer than MAX_NAME_CHARS is a ValueError: no place name is that long, and the
    limit bounds the work of one call (running text goes to `extract`)."""
    if not isinstance(query, str):
        raise TypeError(f"expected a str place name, got {type(query).__name__}")
    text = query.strip()
    if len(text) > MAX_NAME_CHARS:
        raise ValueError(f"a place name is at most {MAX_NAME_CHARS} characters, this one has "
                         f"{len(text):,}; use extract() for running text")
    if not text:
        return None
    folded = fold(text)
    if not folded:
        return None
    return _Query(text, folded, [(folded, ""), *split_generic(folded)])


def run(
    index: NameIndex,
    query: _Query,
    filters: Filters,
    *,
    min_score: float,
    stop_early: bool,
    ancestors: dict[str, frozenset[str]],
) -> list[Match]:
    """The cascade: matches at or above `min_score`, best first, one per place.

    With `stop_early` (resolve) it returns after the first stage that found a match.
    """
    best: dict[int, tuple[float, int, Match]] = {}

    def consider(entries: Iterator[tuple[int, int, str]], method: str, base: float, hint: str,
                 script: str | None = None) -> None:
        for p, n, generic in entries:
            place = index.places[p]
            name = place.names[n]
            if not _passes(place, name, filters, ancestors):
                continue
            if script is not None and script_of(name.text) != script:
                continue
            score = base
            if generic and generic != hint:
                score -= PENALTY_UNASKED_GENERIC
            if hint and place.kind != hint:
                score -= PENALTY_KIND_MISMATCH
            if filters.at is not None and not name.in_use(filters.at):
                score -= PENALTY_NOT_IN_USE
            if score < min_score:
                continue
            old = best.get(p)
            # equal scores: prefer a name in current use, then the one listed first
            if old is None or (score, name.current, -n) > (
                old[0], place.names[old[1]].current, -old[1]
            ):
                best[p] = (score, n, Match(place, name, round(score, 2), method, query.text))

    def settled(next_stage_best: float) -> bool:
        # stop once no later stage could score higher than what we have
        return stop_early and bool(best) and max(b[0] for b in best.values()) >= next_stage_best

    if filters.lang is None and strip_marks(query.folded) in index.not_places:
        # "Azerbaijani" is Swahili for Azerbaijan, and an English demonym: a word listed as
        # not a place resolves only when the caller names the language it is written in
        return []
    consider(index.entries(index.exact, query.text), "exact", SCORES["exact"], "")
    if settled(SCORES["normalized"]):
        return _rank(index, best, ancestors)
    for text, hint in query.variants:
        consider(index.entries(index.normalized, strip_marks(text)), "normalized",
                 SCORES["normalized"], hint)
    if settled(SCORES["transliteration"]):
        return _rank(index, best, ancestors)
    if strip_marks(query.folded) in index.not_places:
        return _rank(index, best, ancestors)  # a word that is not a place: no guessing
    keys_by_variant = [(_translit_keys(text), hint) for text, hint in query.variants]
    latin = query.folded.isascii()
    for keys, hint in keys_by_variant:
        for key in keys:
            if latin and len(key) < FUZZY_MIN_KEY:
                continue  # "and" is not India's "Ind": short Latin words meet too easily
            consider(index.entries(index.translit, key), "transliteration",
                     SCORES["transliteration"], hint)
    if settled(FUZZY_MAX):
        return _rank(index, best, ancestors)
    cutoff = min_score / FUZZY_FACTOR
    # a typo is matched against names in the query's own script: a Latin "garden" is not
    # one letter away from the Cyrillic "Ёрдан" (Jordan) once both are romanized
    script = script_of(query.text)
    if cutoff <= 100:
        for keys, hint in keys_by_variant:
            for key in keys:
                if len(key) < FUZZY_MIN_KEY:
                    continue
                for found, similarity in index.fuzzy(key, cutoff):
                    score = min(similarity * FUZZY_FACTOR, FUZZY_MAX)
                    consider(index.entries(index.translit, found), "fuzzy", score, hint,
                             script)
    return _rank(index, best, ancestors)


def _passes(place: Place, name: Name, f: Filters, ancestors: dict[str, frozenset[str]]) -> bool:
    if f.country is not None and place.country != f.country:
        return False
    if f.kind is not None and place.kind != f.kind:
        return False
    if f.parent is not None and f.parent not in ancestors.get(place.id, ()):
        return False
    return f.lang is None or _lang_matches(name.lang, f.lang)


def _rank(
    index: NameIndex,
    best: dict[int, tuple[float, int, Match]],
    ancestors: dict[str, frozenset[str]],
) -> list[Match]:
    """Best first: score, kind prominence (data/kinds.yaml), population (where a dataset gives
    it), how well documented the place is (its number of names: a stand-in for prominence
    where no population is known), id.

    The top match is flagged `ambiguous` when another place scores the same and is not its
    ancestor or descendant: the town of Fuzuli and the district named after it are one answer
    in two sizes, but China (Kabyle "Lacin") and the town of Laçın are two answers.
    """
    rank = index.kind_rank

    def order(item: tuple[float, int, Match]) -> tuple[float, int, int, int, str]:
        place = item[2].place
        return (-item[0], rank.get(place.kind, len(rank)), -(place.population or 0),
                -len(place.names), place.id)

    ordered = sorted(best.values(), key=order)
    matches = [m for _, _, m in ordered]
    top = matches[0].place if matches else None
    rivals = [
        i for i, item in enumerate(ordered[1:], 1)
        if item[0] == ordered[0][0] and top is not None
        and top.id not in ancestors.get(item[2].place.id, ())
        and item[2].place.id not in ancestors.get(top.id, ())
    ]
    for i in [0, *rivals] if rivals else []:
        matches[i] = _ambiguous(matches[i])
    return matches


def _ambiguous(m: Match) -> Match:
    return Match(m.place, m.name, m.score, m.method, m.query, ambiguous=True)


__all__ = ["SCORES", "Filters", "NameIndex", "prepare", "run"]
