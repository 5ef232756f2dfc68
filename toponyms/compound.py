"""Compound and annotated queries: "Vanadzor / Kirovakan", "Gyumri (Leninakan)", "Nakhchivan,
Azerbaijan", "Sisian (town)", "Dilijan (Stadt)", "Şəki (Nukha)".

Tables, captions and CSV cells write a place with another of its names, its parent, or a kind
word beside it. Such a query is split into parts at the separators and brackets listed in
data/languages/compound.yaml; a part that is only a kind word ("town", "Stadt", "город",
"kəndi") becomes a kind hint, and each other part is resolved on its own through the cascade
(a part that is no name alone, an adjective, also with the kind word: "Ширакская (Shirak)
область"). A place is the answer when every part agrees with it:

- the part names the same place ("Vanadzor / Kirovakan"): the part's own score, never below
  that of a part naming nothing (a weak agreement is still agreement), or
- the part names a place that contains it ("Talish, Tartar district"; a country contains its
  places): that score less ``PENALTY_CONTAINED``, or, more weakly, a region or country of the
  same ISO country with no recorded containment (``PENALTY_LOOSE_CONTEXT``), or
- the part resolves to nothing at all ("Baku, capital"): the answer's own score less
  ``PENALTY_UNKNOWN_PART``.

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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toponyms import cascade, joined, lineage
from toponyms.index import NameIndex
from toponyms.keys import fold, split_generic, strip_marks
from toponyms.kindwords import read_edge, read_kind_words
from toponyms.model import DataError, Match, Place, data_dir, loaded_once
from toponyms.rank import capitals
from toponyms.translit import STATE_TITLE, _read, languages

#: A part that resolves to nothing: the other parts carry the answer, with less certainty.
PENALTY_UNKNOWN_PART = 5.0
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
#: The kind of compound.yaml's capital words.
CAPITAL = "capital"
#: Kinds that may stand as loose context for a place of the same ISO country.
_CONTEXT_KINDS = frozenset({"country", "historical-country", "region", "historical-region"})
_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class CompoundSpec:
    """What data/languages/compound.yaml says, compiled."""

    separators: tuple[str, ...]
    brackets: dict[str, str]
    closers: frozenset[str]
    marks: frozenset[str]  # every character that can begin a separator or a bracket
    max_parts: int
    max_qualified_words: int
    kind_words: dict[str, str]  # folded word(s) -> kind
    lead_words: tuple[tuple[str, ...], ...]
    function_words: frozenset[str] = frozenset()  # "de" of "provincia de Lori"


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a compound query: a name (kind None) or a kind word."""

    text: str
    kind: str | None = None


def load_spec(path: Path | None = None) -> CompoundSpec:
    """Read and check compound.yaml; a DataError names the file when it is malformed."""
    path = path or data_dir() / "languages" / "compound.yaml"
    raw: Any = _read(path)
    if not isinstance(raw, dict):
        raise DataError("compound.yaml is a mapping", path=str(path))
    try:
        separators = tuple(str(s) for s in raw["separators"])
        brackets = {str(k): str(v) for k, v in raw["brackets"].items()}
        max_parts = int(raw["max_parts"])
        max_qualified = int(raw.get("max_qualified_words", 0))
        kind_words = read_kind_words(raw["kind_words"], path)
        lead = tuple(tuple(fold(str(w)).split()) for w in raw["lead_words"])
        function = frozenset(strip_marks(fold(str(w))) for w in raw.get("function_words") or [])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"compound.yaml: missing or malformed key ({exc})",
                        path=str(path)) from None
    if any(not s for s in separators) or max_parts < 2:
        raise DataError("compound.yaml: empty separator or max_parts below 2", path=str(path))
    marks = {s.strip()[:1] or s[:1] for s in separators} | set(brackets) | set(brackets.values())
    return CompoundSpec(separators, brackets, frozenset(brackets.values()), frozenset(marks),
                        max_parts, max_qualified, kind_words, tuple(w for w in lead if w),
                        function)


def _shipped_spec() -> CompoundSpec:
    """The shipped compound.yaml, loaded once (thread-safe)."""
    return load_spec()


spec = loaded_once(_shipped_spec)


def has_separator(text: str) -> bool:
    """True when `text` has a character that may split it into parts (a cheap first test)."""
    return not spec().marks.isdisjoint(text)


def applies(text: str) -> bool:
    """True when `run` may find parts in `text`: a separator or bracket, or 2 to
    `max_qualified_words` words (a cheap first test)."""
    s = spec()
    return not s.marks.isdisjoint(text) or 2 <= len(text.split()) <= s.max_qualified_words or (
        joined.applies(text))


def _qualified_splits(text: str) -> list[list[Part]]:
    """The two-part splits at each space of a text without separators; a split with a part
    that is only a kind word is left out (the cascade reads a kind word inside a part)."""
    words = text.split()
    s = spec()
    if not 2 <= len(words) <= s.max_qualified_words:
        return []
    splits = [[_part(" ".join(words[:i]), s), _part(" ".join(words[i:]), s)]
              for i in range(1, len(words))]
    return [parts for parts in splits if all(p.kind is None and p.text for p in parts)]


def annotated(text: str, is_name: Callable[[str], bool] | None = None) -> list[Part] | None:
    """A name with a kind word at its start or end and no separator: [name, kind word]
    (toponyms.kindwords.read_edge); None when there is none, or nothing else (a rest that is a
    kind word too counts as a name when `is_name` says it is one).

    >>> annotated("Gyumri város")
    [Part(text='Gyumri', kind=None), Part(text='város', kind='city')]
    >>> annotated("regione della Lori")
    [Part(text='Lori', kind=None), Part(text='regione', kind='region')]
    >>> annotated("Baku") is None, annotated("город мечты")[0]
    (True, Part(text='мечты', kind=None))
    """
    s = spec()
    found = read_edge(text, s.kind_words, s.function_words, s.max_qualified_words, is_name)
    return None if found is None else [Part(found[0]), Part(found[1], found[2])]


def parse(text: str) -> list[Part] | None:
    """The parts of a compound query; None when it has only one part.

    An empty list means a compound with nothing to resolve: only kind words, or more than
    `max_parts` parts (a list of places, not a place). Unbalanced brackets count as separators.

    >>> parse("Gyumri (formerly Leninakan)")
    [Part(text='Gyumri', kind=None), Part(text='leninakan', kind=None)]
    >>> parse("Sisian (town)")
    [Part(text='Sisian', kind=None), Part(text='town', kind='town')]
    >>> parse("Nagorno-Karabakh") is None
    True
    """
    s = spec()
    main: list[str] = []
    segments: list[str] = []
    inner: list[str] = []
    closers: list[str] = []
    for ch in text:
        if ch in s.brackets:
            if closers:
                inner.append(_SEP)
            else:
                main.append(_SEP)
                inner = []
            closers.append(s.brackets[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
            if closers:
                inner.append(_SEP)
            else:
                segments.append("".join(inner))
        elif ch in s.closers:
            (inner if closers else main).append(_SEP)  # a closing bracket never opened
        else:
            (inner if closers else main).append(ch)
    if closers:
        segments.append("".join(inner))  # opened, never closed: still a part of its own
    pieces: list[str] = []
    for segment in ["".join(main), *segments]:
        for sep in s.separators:
            segment = segment.replace(sep, _SEP)
        pieces.extend(p.strip() for p in segment.split(_SEP))
    pieces = [p for p in pieces if fold(p)]
    if len(pieces) < 2:
        return None
    if len(pieces) > s.max_parts:
        return []
    parts = [_part(p, s) for p in pieces]
    parts = [p for p in parts if p.text]
    return parts if any(p.kind is None for p in parts) else []


def _part(piece: str, s: CompoundSpec) -> Part:
    folded = fold(piece)
    bare = strip_marks(folded).rstrip(".")
    if bare in s.kind_words:
        return Part(piece, s.kind_words[bare])
    words = folded.split()
    for lead in s.lead_words:
        if len(words) > len(lead) and tuple(words[: len(lead)]) == lead:
            return Part(" ".join(words[len(lead):]))
    return Part(piece)


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
    parts = parse(text)
    if parts is None:
        def is_name(rest: str) -> bool:
            return next(index.entries(index.normalized, strip_marks(fold(rest))),
                        None) is not None

        reading = joined.read(text, spec().kind_words, spec().function_words,
                              spec().max_qualified_words, is_name,
                              lambda head: _names_context(index, head)) if (
            joined.applies(text)) else None
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
        splits = _qualified_splits(text)
        if not splits:  # a kind word beside nothing that is a place: no guessing at the whole
            return [] if unread else None
        best: dict[int, tuple[float, int, Match]] = {}
        for split in splits:  # the best split for each place
            for pos, entry in _best(index, text, split, filters, min_score, ancestors, common,
                                    strict=True).items():
                if pos not in best or entry[0] > best[pos][0]:
                    best[pos] = entry
        # no split agrees: not a qualified name after all, and the whole text's match stands
        return cascade.rank(index, best, ancestors) if best else [] if unread else None
    if not any(p.kind is None for p in parts):
        return []
    return cascade.rank(index, _best(index, text, parts, filters, min_score, ancestors, common,
                                     strict=False), ancestors)


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
        for written in [name_part.text, *(f"{a} {b}" for k in kinds
                                          for a, b in ((name_part.text, k), (k, name_part.text)))]:
            query = cascade.prepare(written)
            more = [] if query is None else cascade.run(
                index, query, loose, min_score=min(min_score, PART_FLOOR), stop_early=True,
                ancestors=ancestors, common=common)
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
        if strict and not found[-1]:
            return {}  # a qualified name needs both parts to name places
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
