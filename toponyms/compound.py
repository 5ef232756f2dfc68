"""Compound and annotated queries: "Vanadzor / Kirovakan", "Gyumri (Leninakan)", "Nakhchivan,
Azerbaijan", "Sisian (town)", "Dilijan (Stadt)", "Şəki (Nukha)".

Tables, captions and CSV cells write a place with another of its names, its parent, or a kind
word beside it. Such a query is split into parts (toponyms.compoundparse) at the separators
and brackets listed in data/languages/compound.yaml; a part that is only a kind word ("town",
"Stadt", "город", "kəndi") becomes a kind hint, and each other part is resolved on its own
through the cascade (a part that is no name alone, an adjective, also with the kind word:
"Ширакская (Shirak) область"). A place is the answer when every part agrees with it:

- the part names the same place ("Vanadzor / Kirovakan"): the part's own score, never below
  that of a part naming nothing (a weak agreement is still agreement), or
- the part names a place that contains it ("Talish, Tartar district"; a country contains its
  places): that score less ``PENALTY_CONTAINED``, or, more weakly, a region or country of the
  same ISO country with no recorded containment (``PENALTY_LOOSE_CONTEXT``), or
- the part resolves to nothing at all ("Baku, capital"): the answer's own score less
  ``PENALTY_UNKNOWN_PART``; but when that part comes first and the answer is a region or
  country named by a later part ("Tatev, Syunik": a place the data lacks, in its region), less
  ``PENALTY_UNKNOWN_HEAD``, which takes it below the default `min_score`: the region is a
  candidate for `search`, not the answer.

A part that names an unrelated place is a disagreement ("Paris / Yerevan"): the answer's own
score less ``PENALTY_DISAGREE``, which takes even an exact match below the default `min_score`,
so `resolve` does not guess and `search` lists both. A compound is as certain as its weakest
part: the score is the lowest of the parts' support (less ``PENALTY_KIND_MISMATCH`` when a kind
word does not fit), the method ``compound`` and `Match.part` the part that named the place.

The gazetteer tries this only when the whole text did not match at the transliteration stage or
better, and only when the text has a separator or bracket, or 2 to `max_qualified_words` words.

Without a separator ("Ağdamın Xıdırlı kəndi", "Село Талыш Тертерского района": a name with
its district in the genitive) the text is split at each space into two parts, and a place is an
answer only when both parts name places and they agree strictly: one part names it and the
other names it too or a place containing it. A part that names nothing, or a same-country
region without a recorded containment, does not count here: "Karabakh war" is not Karabakh.
Such a split costs ``PENALTY_UNMARKED`` more than one at a separator.

A kind word of any language at either edge of such a text ("Gyumri város", "Лори аймаг",
"provincia de Lori", with compound.yaml's function words after a leading one) is read first:
the rest resolves with that kind as a hint, as in "Gyumri (város)", for ``PENALTY_UNMARKED``
less, and only a place that fits the kind is an answer. A kind word with a rest that names
nothing is no match; one that is also a place's name is read as a name.

Without a separator mark, a possessive or text in a script without spaces ("Azerbaijan's Lachin
district", "伊朗德黑蘭", "首都埃里温") is read into parts by toponyms.joined, and a capital word
("Hauptstadt", "首都") prefers a national capital (``PENALTY_NOT_CAPITAL``). When nothing else
reads a Latin text, a lower-case leading word that is no word of any name is dropped
("liberated Lachin city") where the rest is a name as written or normalized, for
``PENALTY_UNMARKED`` less.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from toponyms import cascade, joined, lineage
from toponyms.compoundparse import (
    CompoundSpec,
    Part,
    annotated,
    applies,
    has_separator,
    kind_apart,
    load_spec,
    nisba_countries,
    parse,
    qualified_splits,
    scripts_apart,
    spec,
)
from toponyms.index import NameIndex
from toponyms.keys import fold, script_of, split_generic, strip_marks
from toponyms.kindwords import positional
from toponyms.model import Match, Place
from toponyms.rank import capitals
from toponyms.translit import STATE_TITLE, languages

#: A part that resolves to nothing: the other parts carry the answer, with less certainty.
PENALTY_UNKNOWN_PART = 5.0
#: A first part that names nothing before a part naming a region or country ("Tatev, Syunik":
#: a place the data lacks, in a region it has): the region is no answer to the query, only a
#: candidate `search` lists; this takes 100 below the default `min_score`. (For any kind of
#: answer it cost 5 of the 841 development variants: a first part that is a describing word.)
PENALTY_UNKNOWN_HEAD = 20.0
#: A part that names a place containing the answer ("Talish, Tartar district").
PENALTY_CONTAINED = 2.0
#: A part that names a place that contained it in an earlier year of its dated parents, when
#: the query asks for no year (`at`): old addresses stay good, a little less surely.
PENALTY_FORMER_PARENT = 3.0
#: A region or country of the same ISO country, without a recorded containment.
PENALTY_LOOSE_CONTEXT = 3.0
#: A part that names another, unrelated place: enough to take 100 below the default 85.
PENALTY_DISAGREE = 20.0
#: A split at a space rather than at a separator the writer put there: a guess of ours.
PENALTY_UNMARKED = 2.0
#: Parts' candidates below this score are not evidence for or against a place.
PART_FLOOR = 75.0
#: Nor are those more than this below the part's best candidate ("Tartar district" is the
#: district; the fuzzy "Astara district" next to it is no evidence of anything).
EVIDENCE_MARGIN = 5.0
#: A capital word ("Hauptstadt", "首都") and a place that is not a national capital
#: (data/capitals.yaml): a same-named capital comes first.
PENALTY_NOT_CAPITAL = 0.5
#: The most places of the other parts a part of position words is read inside ("West,
#: Cameroon": one; each is one filtered cascade run).
MAX_WITHIN = 5
#: A postal code read off the text ("AZ1000 Baku", compound.yaml's `postal_code`): the rest
#: names the place, written in an address rather than as a name alone.
PENALTY_CODE = 2.0
#: The kind of compound.yaml's capital words.
CAPITAL = "capital"
#: Kinds that may stand as loose context for a place of the same ISO country.
_CONTEXT_KINDS = frozenset({"country", "historical-country", "region", "historical-region"})
def run(
    index: NameIndex,
    text: str,
    filters: cascade.Filters,
    *,
    min_score: float,
    ancestors: dict[str, frozenset[str]],
    common: Mapping[str, float] | None = None,
) -> list[Match] | None:
    """Matches for a compound query, best first; None when `text` is not a compound.

    Each name part runs through the whole cascade without the kind, parent and language
    filters (a context part may be a country or a district), and the filters then apply to the
    answer.
    """
    apart = scripts_apart(text)
    spaced = kind_apart(apart)
    if spaced != text:  # "Yerevan埃里温": two names run together, read as "Yerevan / 埃里温";
        # "Naxçıvan-Gebiet": a kind word joined by a hyphen, read as after a space
        if apart != text and not all(_names_something(index, piece, ancestors)
                                     for piece in apart.split(" / ")):
            return []  # a split we guessed: each side must name a place ("ГанджаԳանձակ東京")
        joined_up = run(index, spaced, filters, min_score=min_score, ancestors=ancestors,
                        common=common)
        return joined_up if joined_up is None else [replace(m, query=text) for m in joined_up]
    bare = spec().without_codes(text)
    if bare != text:  # "Bakı 1014, Azerbaijan": the address's postal code is no name
        return _without_code(index, text, bare, filters, min_score, ancestors, common)
    parts = parse(text)
    if parts is None:
        def is_name(rest: str) -> bool:
            return next(index.entries(index.normalized, strip_marks(fold(rest))),
                        None) is not None

        reading = joined.read(text, spec().kind_words, spec().function_words,
                              spec().max_qualified_words, is_name,
                              lambda head: _names_context(index, head))
        if reading is not None:  # "Azerbaijan's Lachin district", "伊朗德黑蘭", "首都埃里温"
            read = [Part(t, k) for t, k in reading.parts]
            found = _best(index, text, read, filters, min_score, ancestors, common,
                          strict=reading.strict, unmarked=any(p.kind for p in read))
            if found:
                return cascade.rank(index, found, ancestors)
        edge = annotated(text, is_name)
        # a kind word that is also a place's name ("Ավան", town, and a district of Yerevan) is
        # no evidence of a kind: the text may be two places' names
        if edge is not None and next(index.entries(
                index.normalized, strip_marks(fold(edge[1].text))), None) is not None:
            edge = None
        # a generic term the cascade reads itself ("Шекинский район"): its loose reading of
        # the whole stands when no part agrees; a kind word it does not read leaves no reading
        unread = edge is not None and not split_generic(fold(text))
        if edge is not None:
            found = _best(index, text, edge, filters, min_score, ancestors, common,
                          strict=False, unmarked=True)
            if found:
                return cascade.rank(index, found, ancestors)
        best: dict[int, tuple[float, int, Match]] = {}
        for split in qualified_splits(text):  # the best split for each place
            if not _may_qualify(index, split[-1].text, ancestors):
                continue  # its last part names nothing as written: no qualifier
            for pos, entry in _best(index, text, split, filters, min_score, ancestors, common,
                                    strict=True).items():
                if pos not in best or entry[0] > best[pos][0]:
                    best[pos] = entry
        best = best or _described(index, text, filters, min_score, ancestors, common)
        # no split agrees: not a qualified name after all, and the whole text's match stands
        # (a kind word beside nothing that is a place: no guessing at the whole)
        return cascade.rank(index, best, ancestors) if best else [] if unread else None
    if not any(p.kind is None for p in parts):
        return []
    return cascade.rank(index, _best(index, text, parts, filters, min_score, ancestors, common,
                                     strict=False), ancestors)


def _without_code(index: NameIndex, text: str, bare: str, filters: cascade.Filters,
                  min_score: float, ancestors: dict[str, frozenset[str]],
                  common: Mapping[str, float] | None) -> list[Match]:
    """The matches of `bare`, `text` without its postal codes, as a whole or as a compound,
    PENALTY_CODE lower, with method ``compound`` and the part that named the place."""
    query = cascade.prepare(bare)
    if query is None:
        return []
    floor = min_score + PENALTY_CODE
    found = cascade.run(index, query, filters, min_score=floor, stop_early=True,
                        ancestors=ancestors, common=common)
    if (not found or found[0].score < cascade.SCORES["transliteration"]) and applies(bare):
        found = run(index, bare, filters, min_score=floor, ancestors=ancestors,
                    common=common) or found
    return [replace(m, score=round(m.score - PENALTY_CODE, 2), method="compound", query=text,
                    part=m.part or bare, ambiguous=False) for m in found if m.score >= floor]


def _names_something(index: NameIndex, text: str,
                     ancestors: dict[str, frozenset[str]]) -> bool:
    """Whether `text` alone names some place at PART_FLOOR or better (any stage)."""
    query = cascade.prepare(text)
    return query is not None and bool(cascade.run(
        index, query, cascade.Filters(), min_score=PART_FLOOR, stop_early=True,
        ancestors=ancestors))


def _may_qualify(index: NameIndex, text: str, ancestors: dict[str, frozenset[str]]) -> bool:
    """Whether `text`, the last part of a split at a space ("Gyumri | Armenia"), may qualify
    the rest: in the Latin script, a name of the data as written or normalized (the cascade's
    first stages, with their case endings), or position words read inside the other part
    ("Cameroon | West"); in another script, any text (a name may meet the data only through
    its transliteration: Georgian "შირვანში"). A misspelled multi-word Latin name ("Santa
    Crstina de Valmadrigal") then costs its whole text's cascade and one look-up per split,
    not a fuzzy search per part (bench_world's fuzzy p99)."""
    query = cascade.prepare(text)
    return query is not None and (
        script_of(text) != "LATIN" or positional(fold(text)) or bool(cascade.run(
            index, query, cascade.Filters(), min_score=PART_FLOOR, stop_early=True,
            ancestors=ancestors, written_only=True)))


def _without_article(text: str) -> str:
    """`text` without a first word that is one of compound.yaml's `articles` ("the city of
    Yerevan" -> "city of Yerevan"), else `text` as it is."""
    first, _, rest = text.strip().partition(" ")
    return rest.strip() if rest.strip() and strip_marks(fold(first)) in spec().articles else text


def _best(index: NameIndex, text: str, parts: list[Part], filters: cascade.Filters,
          min_score: float, ancestors: dict[str, frozenset[str]],
          common: Mapping[str, float] | None, *, strict: bool, unmarked: bool = False,
          ) -> dict[int, tuple[float, int, Match]]:
    """The places the parts agree on, with their compound matches (see the module's rules).
    `strict`: a split at a space; `unmarked`: a kind word read off an edge of the text."""
    names = [p for p in parts if p.kind is None]
    hints = {p.kind for p in parts if p.kind is not None}
    data = languages()
    loose = cascade.Filters(country=None, at=filters.at)
    found: list[dict[int, Match]] = []
    # "Ширакская (Shirak) область": a part that is no name alone (an adjective) may be one
    # with the kind word of its compound, after it or before it as its language writes it (not
    # found loosely: that would be a guess on a guess; and not for an edge's kind word, which
    # gives back the whole text)
    kinds = [] if unmarked else [p.text for p in parts if p.kind is not None]
    for name_part in names:
        matches: list[Match] = []
        # "the city of Yerevan, Armenia": a part may open with an article, read off when the
        # part as written is no name ("La Paz" stays whole: it is tried first)
        bare = _without_article(name_part.text)
        for written in [name_part.text, *(f"{a} {b}" for k in kinds
                                          for a, b in ((name_part.text, k), (k, name_part.text))),
                        *([bare] if bare != name_part.text else [])]:
            query = cascade.prepare(written)
            more = [] if query is None else cascade.run(
                index, query, loose, min_score=min(min_score, PART_FLOOR), stop_early=True,
                ancestors=ancestors, common=common, given_names_written=True)
            if written != name_part.text:
                more = [m for m in more if m.method != "fuzzy"]
            if more and (not matches or more[0].score > matches[0].score):
                matches = more
            if matches and matches[0].score >= cascade.SCORES["transliteration"]:
                break
        top = matches[0].score if matches else 0.0
        floor = max(PART_FLOOR, top - EVIDENCE_MARGIN)
        found.append({index.position[m.place.id]: replace(m, part=name_part.text)
                      for m in matches if m.score >= floor})
        if strict and not found[-1] and not positional(fold(name_part.text)):
            return {}  # a qualified name needs both parts to name places
    _within_others(index, names, found, filters, min_score, ancestors)
    if strict and not all(found):
        return {}
    best: dict[int, tuple[float, int, Match]] = {}
    for pos in sorted(set().union(*found)):
        place = index.places[pos]
        own = max((f[pos] for f in found if pos in f), key=lambda m: m.score)
        if not cascade.passes(place, own.name, filters, ancestors):
            continue
        if STATE_TITLE in hints and place.kind not in data.title_kinds:
            continue  # "Paris, Republic of": a state title names a state or nothing
        chain = lineage.above(ancestors, place.id, filters.at)
        former = lineage.ever(ancestors, place.id) - chain if filters.at is None else chain
        supports = [_support(index, place, chain, former, part, own.score, strict)
                    for part in found]
        if len(found) > 1 and not found[0] and place.kind in _CONTEXT_KINDS:
            # "Tatev, Syunik": the name asked for is unknown, and its region is no answer
            supports[0] = own.score - PENALTY_UNKNOWN_HEAD
        if None in supports:
            continue
        score = min(s for s in supports if s is not None)
        if hints and not any(data.fits(hint, place.kind) for hint in hints):
            if unmarked:
                continue  # "China town" is not China: a kind word we read must fit
            score -= cascade.PENALTY_KIND_MISMATCH
        if strict or unmarked:
            score -= PENALTY_UNMARKED
        if CAPITAL in hints and place.geonames not in capitals():
            score -= PENALTY_NOT_CAPITAL
        if score >= min_score:
            n = place.names.index(own.name)
            best[pos] = (score, n, replace(own, score=round(score, 2), method="compound",
                                         query=text, ambiguous=False))
    return best


def _within_others(index: NameIndex, names: list[Part], found: list[dict[int, Match]],
                   filters: cascade.Filters, min_score: float,
                   ancestors: dict[str, frozenset[str]]) -> None:
    """A part made of position words that named nothing alone ("West" of "West, Cameroon";
    toponyms.kindwords.positional) is read again inside each place the other parts name, as
    with `parent=` that place; its matches are filled into `found` in place."""
    for i, part in enumerate(names):
        if found[i] or not positional(fold(part.text)):
            continue
        query = cascade.prepare(part.text)
        others = {pos for j, f in enumerate(found) if j != i for pos in f}
        for pos in sorted(others)[:MAX_WITHIN]:
            inside = cascade.Filters(parent=index.places[pos].id, at=filters.at)
            for m in [] if query is None else cascade.run(
                    index, query, inside, min_score=min(min_score, PART_FLOOR), stop_early=True,
                    ancestors=ancestors):
                found[i][index.position[m.place.id]] = replace(m, part=part.text)


def _described(index: NameIndex, text: str, filters: cascade.Filters, min_score: float,
               ancestors: dict[str, frozenset[str]], common: Mapping[str, float] | None,
               ) -> dict[int, tuple[float, int, Match]]:
    """"liberated Lachin city": the rest after a leading descriptive word (see
    toponyms.joined.descriptive_rest), when it is a name as written or normalized, or a
    compound of such (for PENALTY_UNMARKED less)."""
    rest = joined.descriptive_rest(text, joined.name_words(index), spec().articles,
                                   spec().kind_words)
    query = None if rest is None else cascade.prepare(rest)
    if rest is None or query is None:
        return {}
    # a country's adjective describes only a place in that country ("armenisches Jerewan";
    # "armenische Schweiz", an epithet of Dilijan, is not Switzerland)
    first = text.split()[0]
    people = frozenset(nisba_countries(index, first))
    floor = max(min_score, cascade.SCORES["normalized"] - PENALTY_UNMARKED) + PENALTY_UNMARKED
    # an article says nothing of the place ("the town of Gadzhigabul" is "town of
    # Gadzhigabul"): the rest is read as a query is, at every stage, and scores as it does,
    # at most as a name written otherwise (the whole is no name as written)
    article = strip_marks(fold(first)) in spec().articles
    if article:
        floor = min_score

    def score(m: Match) -> float:
        return min(m.score, cascade.SCORES["normalized"]) if article else (
            m.score - PENALTY_UNMARKED)
    found = [m for m in cascade.run(index, query, filters, min_score=floor, stop_early=True,
                                    ancestors=ancestors, common=common)
             if article or m.method in ("exact", "normalized")] or run(
        index, rest, filters, min_score=floor, ancestors=ancestors, common=common) or []
    return {index.position[m.place.id]: (
        score(m), m.place.names.index(m.name), replace(
            m, score=round(score(m), 2), method="compound", query=text,
            part=m.part or rest, ambiguous=False)) for m in found
        if not people or not people.isdisjoint(ancestors.get(m.place.id, frozenset())
                                               | {m.place.id})}


def _names_context(index: NameIndex, text: str) -> bool:
    """Whether `text` is a name of a country or region (a parent written before a name)."""
    return any(index.places[p].kind in _CONTEXT_KINDS
               for p, _, _ in index.entries(index.normalized, strip_marks(fold(text))))


def _support(index: NameIndex, place: Place, chain: frozenset[str], former: frozenset[str],
             part: dict[int, Match], own: float, strict: bool = False) -> float | None:
    """How well one part supports `place`: a compound is as certain as its weakest part.
    None when `strict` and the part neither names the place nor a place containing it."""
    p = index.position[place.id]
    if p in part:  # agreeing, however weakly, is never worse than naming nothing
        return max(part[p].score, own - PENALTY_UNKNOWN_PART)
    contains = [m.score for q, m in part.items() if index.places[q].id in chain]
    if contains:
        return max(contains) - PENALTY_CONTAINED
    contained = [m.score for q, m in part.items() if index.places[q].id in former]
    if contained:  # "Talish, Tartar district": its district until a 2023 law
        return max(contained) - PENALTY_FORMER_PARENT
    if strict:
        return None
    if not part:
        return own - PENALTY_UNKNOWN_PART
    loose = [m.score for q, m in part.items()
             if (o := index.places[q]).kind in _CONTEXT_KINDS and o.country is not None
             and o.country == place.country]
    if loose:
        return max(loose) - PENALTY_LOOSE_CONTEXT
    return own - PENALTY_DISAGREE


__all__ = ["CompoundSpec", "Part", "annotated", "applies", "has_separator", "load_spec", "parse",
           "run", "spec"]
