"""The matching cascade and its scores.

Stages run cheapest first and `resolve` stops at the first stage that yields a match above
`min_score`: 1 exact text, 2 normalized key, 3 transliteration key, 4 fuzzy (rapidfuzz over
candidates pulled from a trigram index, never a scan of every name). Scores mean the same in
every stage (see SCORES): 100 is the text as written in the data, a fuzzy score is the
similarity of transliteration keys scaled below the exact stages. Adjustments (same for all
stages) mark weaker evidence: a generic term that the query did not give, a kind hint the place
does not fit, a name not in use in the year asked about, a state title ("Republic of",
data/languages/titles.yaml) read off the query. A query with a state title names a place of the
title kinds (countries, republics inside a state) or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from toponyms.index import UNTAGGED, NameIndex
from toponyms.model import Match, Name, Place, _lang_matches
from toponyms.normalize import MAX_NAME_CHARS, fold, script_of, split_generic, strip_marks
from toponyms.normalize import translit_keys as _translit_keys
from toponyms.translit import STATE_TITLE, languages

#: The score of each stage's match before adjustments.
SCORES = {"exact": 100.0, "normalized": 98.0, "transliteration": 94.0}
#: A fuzzy match scores similarity (0-100) times this factor, so it stays below the exact stages.
FUZZY_FACTOR = 0.95
#: A fuzzy score never reaches the transliteration stage's.
FUZZY_MAX = 93.9
#: Shortest transliteration key the fuzzy stage will look at; shorter keys are too ambiguous.
FUZZY_MIN_KEY = 4
#: Score adjustments for weaker evidence.
PENALTY_UNASKED_GENERIC = 3.0  # "Terter" matched only through "Terter District"
PENALTY_KIND_MISMATCH = 6.0  # "Terter district" and a place that is not a district
PENALTY_NOT_IN_USE = 4.0  # `at=1990` and a name adopted in 1991
PENALTY_TITLE_DROPPED = 1.0  # "Republic of Korea" matched only through the name "Korea"


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of resolve/search, checked once per call."""

    country: str | None = None
    kind: str | None = None
    parent: str | None = None
    lang: str | None = None
    at: int | None = None



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
    common: Mapping[str, float] | None = None,
) -> list[Match]:
    """The cascade: matches at or above `min_score`, best first, one per place.

    With `stop_early` (resolve) it returns after the first stage that found a match.
    `common` maps frequent words to their Zipf frequency z: without filters, such a query
    matches only a whole name as written (the exact and normalized stages, no generic term
    split off) of a place without a known population or with at least 10 ** z inhabitants.
    """
    best: dict[int, tuple[float, int, Match]] = {}
    least = None
    if common and filters.country is None and filters.kind is None and (
            filters.parent is None and filters.lang is None):
        zipf = common.get(strip_marks(query.folded))
        least = 10 ** zipf if zipf is not None else None

    title_kinds = languages().title_kinds
    no_state: list[str] = []  # places a state title's name named that are not of title_kinds

    def consider(entries: Iterator[tuple[int, int, str]], method: str, base: float, hint: str,
                 script: str | None = None) -> None:
        for p, n, generic in entries:
            place = index.places[p]
            name = place.names[n]
            if not _passes(place, name, filters, ancestors):
                continue
            if least is not None and (generic or (place.population is not None
                                                  and place.population < least)):
                continue  # a common word, and too small a place to be what it means
            if script is not None and script_of(name.text) != script:
                continue
            score = base
            if generic and generic != hint:
                score -= PENALTY_UNASKED_GENERIC
            if hint == STATE_TITLE:
                if place.kind not in title_kinds:
                    no_state.append(place.id)
                    continue  # "Republic of Paris" is not Paris
                score -= PENALTY_TITLE_DROPPED
            elif hint and place.kind != hint:
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
    if no_state and not best:
        return []  # "Republic of Lachin": Lachin is a town, not a typo of a state's name
    if settled(SCORES["transliteration"]) or least is not None:
        return _rank(index, best, ancestors)  # a common word is not matched loosely
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
    # a Latin query's typo is matched against Latin names only: "garden" is not one letter
    # away from the Cyrillic "Ёрдан" (Jordan) once both are romanized. A query in another
    # script may meet names in any: romanized, "Пятницкое" is one letter from "Pyatnitskoye"
    written = script_of(query.text)
    script = written if written in ("LATIN", "") else None
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
    """Best first: score, kind prominence (data/kinds.yaml), whether the name matched is only
    an untagged alternate (a dataset's list, not the main name), population (where a dataset
    gives it), how well documented the place is (its number of names: a stand-in for
    prominence where no population is known), id. The alternate rule (a name tagged `und` or
    `und-<Script>` after the first) keeps Victoria, British Columbia, or Victoria, Seychelles,
    ahead of Hong Kong, which GeoNames also lists as "Victoria".

    The top match is flagged `ambiguous` when another place scores the same and is not its
    ancestor or descendant: the town of Fuzuli and the district named after it are one answer
    in two sizes, but China (Kabyle "Lacin") and the town of Laçın are two answers.
    """
    rank = index.kind_rank

    def order(item: tuple[float, int, Match]) -> tuple[float, int, bool, int, int, str]:
        return (-item[0], *prominence(item[2].place, item[2].name, rank))

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


def prominence(
    place: Place, name: Name, rank: Mapping[str, int]
) -> tuple[int, bool, int, int, str]:
    """How prominent a place named by `name` is, most prominent smallest: kind (data/kinds.yaml),
    whether `name` is only a dataset's untagged alternate (`und`, `und-<Script>`, not the
    first name), population, number of names, id. `resolve`, `search` and `extract` order
    same-scored places by it (see _rank)."""
    alternate = name.lang.split("-", 1)[0] == UNTAGGED and name != place.names[0]
    return (rank.get(place.kind, len(rank)), alternate, -(place.population or 0),
            -len(place.names), place.id)


def _ambiguous(m: Match) -> Match:
    return Match(m.place, m.name, m.score, m.method, m.query, ambiguous=True)


__all__ = ["SCORES", "Filters", "NameIndex", "prepare", "prominence", "run"]
