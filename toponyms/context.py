"""Document context: other places of the same text decide between same-named places.

"Paris" in an article about Illinois, "Columbia" next to "Tennessee", "Georgia" beside
"Atlanta": a pipeline that knows what else a document names passes it as
`resolve(name, context=[...])` (place ids, `Place` objects or names), and `extract` passes each
mention the other places of its text. Context never turns a non-answer into an answer and never
changes a score: it reorders the candidates whose score is within ``MARGIN`` of the best, by how
closely each relates to a context place (strongest first):

1. ``INSIDE``: the candidate lies inside a context place below the country (Paris, Illinois for
   "Illinois");
2. ``CONTAINS``: the candidate contains a context place, or is one (Georgia, the US state, for
   "Atlanta"; Tennessee for "Nashville");
3. ``SIBLING``: the candidate and a context place share their nearest parent below the country;
4. ``NEAR``: both have coordinates and lie within ``NEAR_KM`` of each other;
5. ``IN_COUNTRY``: the candidate lies in a context country ("Paris" beside "France");
6. ``SAME_COUNTRY``: the same ISO country as a context place.

The first three are strong evidence, the last three weak (a country holds thousands of places),
except that ``NEAR`` is strong too against a first candidate that nothing of the document
relates to, not even by its country ("Edmonton" beside "Enfield" and "Tottenham" is the
district of London, not the Canadian city; measured with the articles' other gold names as
context: GeoWebNews 4 answers more right, TR-News unchanged; counting IN_COUNTRY so as well
lost 8 on GeoWebNews).
Candidates with strong evidence come first, the strongest first, and among equally strong ones
the kind rank (toponyms.rank): a village inside a context state comes before a town that only
shares its parent with a context place ("Paris" beside "Missouri" and "Monroe County" is the
village of 1,200 in Missouri, not the Texan town of 25,000; measured with the articles' other
gold names as context: TR-News 3 answers more right, GeoWebNews unchanged, LGL sample 4 more).
Among the rest (weak evidence) the kind rank comes before the strength, so a town called
Russia or Mexico in a context country never displaces the country of that name; within one
kind rank the stronger relation wins (Paris, France beats Paris, Texas beside "France"). Ties
keep the order of the ranking without context (score, kind, population...). The state of
Florida, which contains a context place and ranks first without context, is not displaced by
a town called Florida inside another context state: a territory keeps its place (below).

Strong evidence is about the place, not the name: a candidate named by a lesser name (`lesser`:
only one of a dataset's untagged alternates, or a country's `variant`) never moves by it before
a first candidate named by its own name. "Washington" beside "New Jersey" stays the capital,
not South River, New Jersey, which has "Washington" among its GeoNames alternates; "England"
beside "London" stays England, not the United Kingdom (seven locales' "England"); "Tunis"
beside "Tunisia" stays the city. Measured on the development corpora (resolution with the
article's other gold names as context): GeoWebNews 8 answers more right, TR-News 2.

And a territory (a kind ranked before ``TERRITORY_BEFORE`` in data/kinds.yaml: a continent,
country or region) that ranks first without context is never displaced by a smaller place:
"China" beside "Texas" stays the country, not the village of China, Texas; "California" beside
"West Virginia" stays the state. Another territory may displace it ("Georgia" beside "Atlanta"
is the US state), and a city may be displaced ("Paris" beside "Illinois"). A territory below
the states (a region, sea or landform) that nothing of the document relates to, not even by
its country, is not kept so: it yields to a candidate with strong evidence ("Nelson" beside
"BC" is the town in British Columbia, not New Zealand's Nelson region; measured on
GeoWebNews, 8 answers more right, none less, TR-News and the LGL sample unchanged).

Last, size: a first candidate named by its own name, that the document relates to (by its
country at least) and that has ``OUTWEIGH`` times the population of the smaller place the
context prefers keeps its place (`outweighs`; a place named only by a lesser name, Columbus,
Ohio, for "Franklin", has no such claim). "Portland" beside "Texas" stays the city of 650,000
in Oregon, not the Texan town of 16,000; "Louisville" beside "Ohio" stays the city in
Kentucky. A city that nothing of the document relates to still yields ("Paris" beside
"Kentucky" is the town there), and so does one less than OUTWEIGH times bigger ("Portland"
beside "Maine" is the city of 67,000 there; "Buffalo" beside "Minnesota" the town of 16,000,
not the city of 258,000 in New York). Measured with the articles' other gold names as
context: GeoWebNews 15 answers more right, TR-News 7; `extract` follows the same rule. Only a
settlement claims so (`rank.populated_kinds`): "Adair County" beside "Kentucky" is the county there,
not Missouri's, whose towns hold more people (measured once counties had a population: the
size rule over counties lost TR-News 5 answers with context, GeoWebNews 2).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from toponyms.keys import fold
from toponyms.model import Match, Mention, Name, Place
from toponyms.rank import country_variant, is_alternate, kind_rank, populated_kinds

#: Candidates this close to the best score may be reordered by context.
MARGIN = 3.0
#: Two places this close (great-circle km) relate as NEAR.
NEAR_KM = 150.0
#: Relation strengths (higher is closer); SIBLING and above are strong evidence.
NONE, SAME_COUNTRY, IN_COUNTRY, NEAR, SIBLING, CONTAINS, INSIDE = range(7)
#: Kinds ranked before this one (data/kinds.yaml) are territories (see the module docstring).
TERRITORY_BEFORE = "city"
#: Territories ranked from this kind on (regions, seas, landforms) yield to a place inside a
#: context place when nothing of the document relates to them (see the module docstring).
REGION_FROM = "region"
#: A first candidate at least this many times as populous as the smaller place that context
#: prefers, and itself related to the document (its country at least), keeps its place (see
#: the module docstring).
OUTWEIGH = 20
#: The most context items read per call; more are ignored (a document is not a gazetteer).
MAX_CONTEXT = 200
#: Mean Earth radius, km (the great-circle formula of `km`).
EARTH_KM = 6371.0
#: Two places whose latitudes differ by more than this (degrees) are farther apart than
#: NEAR_KM: a great-circle distance is at least EARTH_KM times the latitude difference in
#: radians. The margin (a millionth of a degree, ~0.1 m) covers the rounding of the formula.
NEAR_LAT = math.degrees(NEAR_KM / EARTH_KM) + 1e-6


def km(a: Place, b: Place) -> float | None:
    """Great-circle distance in km between two places with coordinates, else None."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def near(a: Place, b: Place) -> bool:
    """Whether both places have coordinates and lie within NEAR_KM of each other: `km`, but
    a pair farther apart in latitude alone than NEAR_LAT is out without the formula (most
    pairs of a text's places are)."""
    if a.lat is None or b.lat is None or abs(a.lat - b.lat) > NEAR_LAT:
        return False
    d = km(a, b)
    return d is not None and d <= NEAR_KM


def relation(place: Place, others: Sequence[Place], ancestors: Mapping[str, frozenset[str]],
             get: Callable[[str], Place | None]) -> int:
    """How closely `place` relates to the closest of `others` (a strength above); `get` finds
    a place by id (to tell a shared district from a shared country)."""
    mine = ancestors.get(place.id, frozenset())
    best = NONE
    for other in others:
        if other.kind == "country" and other.id != place.id and (
                other.id in mine or (other.country is not None
                                     and other.country == place.country)):
            best = max(best, IN_COUNTRY)  # a country contains its places, recorded or not
            continue
        if other.id in mine:
            return INSIDE
        if other.id == place.id or place.id in ancestors.get(other.id, frozenset()):
            best = max(best, CONTAINS)
        elif place.parent is not None and place.parent == other.parent and (
                (parent := get(place.parent)) is not None and parent.kind != "country"):
            best = max(best, SIBLING)
        elif near(place, other):
            best = max(best, NEAR)
        elif place.country is not None and place.country == other.country:
            best = max(best, SAME_COUNTRY)
    return best


def rerank(matches: Sequence[Match], others: Sequence[Place],
           ancestors: Mapping[str, frozenset[str]],
           get: Callable[[str], Place | None],
           ranks: Mapping[str, int] | None = None) -> list[Match]:
    """`matches` (ranked without context, best first) with those within MARGIN of the best
    reordered by their relation to `others`; the rest keep their order behind them. With the
    kind `ranks` (toponyms.index.NameIndex.kind_rank), weak relations reorder only within a
    kind rank (module docstring)."""
    if not matches or not others:
        return list(matches)
    top = matches[0].score
    close = [m for m in matches if m.score >= top - MARGIN]
    rest = [m for m in matches if m.score < top - MARGIN]
    strength = [relation(m.place, others, ancestors, get) for m in close]
    # nearness is strong evidence against a first candidate that nothing of the document
    # relates to, not even by its country (module docstring)
    strong = NEAR if strength[0] == NONE else SIBLING
    # strong evidence for a candidate named by a lesser name never moves it before a first
    # named by its own name (module docstring)
    own = not lesser(close[0].place, close[0].name)
    guarded = [own and s >= strong and lesser(m.place, m.name)
               for m, s in zip(close, strength, strict=True)]

    def key(i: int) -> tuple[bool, bool, float, float, int]:
        tier = kind_rank(close[i].place, ranks) if ranks is not None else 0.0
        if strength[i] >= strong:  # strong evidence: the strongest first, then the kind
            return (guarded[i], False, -strength[i], tier, i)
        return (guarded[i], True, tier, -strength[i], i)

    order = sorted(range(len(close)), key=key)
    if ranks is not None and order[0] != 0 and territory(close[0].place, ranks) and \
            not territory(close[order[0]].place, ranks) and not (
                _below_states(close[0].place, ranks) and strength[0] == NONE
                and strength[order[0]] >= strong):
        order = [0, *(i for i in order if i != 0)]  # a territory stays before smaller places
    elif order[0] != 0 and own and strength[0] >= SAME_COUNTRY and outweighs(
            close[0].place, close[order[0]].place):
        order = [0, *(i for i in order if i != 0)]  # a far bigger place the text relates to
    return [*(close[i] for i in order), *rest]


def outweighs(big: Place, small: Place) -> bool:
    """Whether `big` has at least OUTWEIGH times the population of `small` (both known; a
    place of 0 people counts as one): "Portland", Oregon (652,000) against a town of 16,000
    in a state the text names. Only settlements claim so (`populated_kinds`, data/geonames.yaml):
    a county's population is derived (the sum of its towns', data/README.md), and a county is
    named where its state is."""
    if not big.population or small.population is None or big.kind not in populated_kinds():
        return False
    return big.population >= OUTWEIGH * max(small.population, 1)


def lesser(place: Place, name: Name) -> bool:
    """Whether `name` is a lesser name of `place` than its own: a dataset's untagged alternate
    (South River, New Jersey, for "Washington"; Dayton for "Venice") or a country's `variant`
    (the United Kingdom for "England", Tunisia for "Tunis": tools/build_countries.py)."""
    return is_alternate(place, name) or country_variant(place, name)


def territory(place: Place, ranks: Mapping[str, int]) -> bool:
    """Whether `place` is a territory: a kind ranked before TERRITORY_BEFORE (a continent,
    country, region, sea or landform)."""
    return ranks.get(place.kind, len(ranks)) < ranks.get(TERRITORY_BEFORE, len(ranks))


def _below_states(place: Place, ranks: Mapping[str, int]) -> bool:
    """A territory below the states (a region, sea or landform: ranked from REGION_FROM on)."""
    return ranks.get(place.kind, len(ranks)) >= ranks.get(REGION_FROM, len(ranks))


def context_places(items: Iterable[object], get: Callable[[str], Place | None],
                   resolve: Callable[[str], Match | None], query: str = "") -> list[Place]:
    """The places a context names: a `Place`, a place id, or a name (resolved without
    context; a name that resolves to nothing is no context). A name that is the `query`
    itself, written otherwise ("GLASGOW" beside "Glasgow", from a document's headline), is
    no context: it would vouch for the query's own first answer. TypeError for other items."""
    found: list[Place] = []
    own = fold(query) if query else None
    for i, item in enumerate(items):
        if i >= MAX_CONTEXT:
            break
        if isinstance(item, Place):
            found.append(item)
        elif isinstance(item, str):
            if own is not None and fold(item) == own:
                continue
            place = get(item)
            if place is None:
                match = resolve(item)
                place = match.place if match is not None else None
            if place is not None:
                found.append(place)
        else:
            raise TypeError(f"context items are place ids, names or Place objects, "
                            f"got {type(item).__name__}")
    return found


def settle(mentions: list[Mention],
           resolve: Callable[[str, list[Place]], Match | None],
           shared: Callable[[str], bool],
           ancestors: Mapping[str, frozenset[str]],
           get: Callable[[str], Place | None]) -> list[Mention]:
    """`extract`'s mentions with each name settled as `resolve(name, context=...)` settles it,
    the text's mentions of other names being the context, where nothing of the document
    vouches for extract's own choice.

    `resolve(text, context)` is the gazetteer's resolve with the extract call's filters;
    `shared(text)` says whether several places have the text as a name (only those are
    settled). A mention takes the place resolve gives its text when its own place relates to
    no other place of the text (`relation` NONE: toponyms.mentions picked it on prominence
    alone), resolve's place scores at least as well, and the two are not one inside the other
    (a town and the district named after it: the words around the name decide that). Each
    distinct text is resolved once per call, with at most MAX_CONTEXT distinct places of the
    text's other names as context. Measured against settling every shared name (the rule of
    resolve everywhere), end to end: TR-News 0.749 against 0.739, GeoWebNews 0.655 against
    0.657; and "Paris, in Ile-de-France" beside "Ontario" stays the French capital, which
    resolve alone puts in Ontario (it ranks Ontario, California, a city, before the province).
    """
    if len(mentions) < 2:
        return mentions
    by_text: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_text.setdefault(m.text, []).append(i)
    if len(by_text) < 2:
        return mentions
    # the places of each text's first mention, in text order, each once; a text's context is
    # the first MAX_CONTEXT of them that are not its own
    firsts: dict[str, Place] = {}
    for spots in by_text.values():
        place = mentions[spots[0]].match.place
        firsts.setdefault(place.id, place)
    out = list(mentions)
    for text, where in by_text.items():
        own = mentions[where[0]].match
        if own.method == "demonym" or not shared(text):
            continue
        picks = {mentions[i].match.place.id: mentions[i].match.place for i in where}
        others = [p for pid, p in firsts.items() if pid not in picks][:MAX_CONTEXT]
        # the picks the text vouches for stand; checked first, it spares most resolves
        vouched = {pid for pid, place in picks.items()
                   if relation(place, others, ancestors, get) != NONE}
        if len(vouched) == len(picks):
            continue
        top = resolve(text, others)
        if top is None:
            continue
        for i in where:
            m = mentions[i]
            old = m.match.place.id
            if old in vouched or top.place.id == old or top.score < m.match.score or (
                    old in ancestors.get(top.place.id, ()) or top.place.id in ancestors.get(
                        old, ())):
                continue
            out[i] = Mention(m.start, m.end, m.text, replace(top, query=m.text))
    return out


class Mentioned:
    """The places a text mentions (toponyms.mentions), indexed so that relatedness costs
    O(depth), not O(n), and nearness only the distances to the places within NEAR_LAT of
    latitude."""

    def __init__(self, ids: set[str], ancestors: Mapping[str, frozenset[str]],
                 mentioned: list[Place]) -> None:
        self.ids = ids
        self.ancestors = ancestors
        self.below: Counter[str] = Counter(a for pid in ids for a in ancestors.get(pid, ()))
        self.mentioned = mentioned
        # the places with coordinates by latitude, for `near`'s window; how many places of
        # each country and with each id are mentioned, for its fallback
        located = sorted((p for p in mentioned if p.lat is not None and p.lon is not None),
                         key=lambda p: p.lat or 0.0)
        self._lats = [p.lat or 0.0 for p in located]
        self._located = located
        self._countries = Counter(p.country for p in mentioned if p.country is not None)
        self._times = Counter(p.id for p in mentioned)
        self._country_of = {p.id: p.country for p in mentioned}
        # (place id, exclude) -> `near`, `related`: a text asks again for the places its
        # names share
        self._near: dict[tuple[str, str | None], int] = {}
        self._related: dict[tuple[str, str | None], int] = {}

    def near(self, place: Place, exclude: str | None) -> int:
        """2 when a mentioned place (but `exclude`) lies within context.NEAR_KM of this one,
        1 when one is in the same country, else 0: weaker than `related`, it decides only
        between candidates that tie on it ("Columbia" beside "Nashville")."""
        known = self._near.get((place.id, exclude))
        if known is None:
            known = self._near[place.id, exclude] = self._nearness(place, exclude)
        return known

    def _nearness(self, place: Place, exclude: str | None) -> int:
        lat = place.lat
        if lat is not None and place.lon is not None:
            lats = self._lats
            for other in self._located[bisect_left(lats, lat - NEAR_LAT):
                                       bisect_right(lats, lat + NEAR_LAT)]:
                if other.id != exclude and other.id != place.id and near(place, other):
                    return 2
        country = place.country
        if country is None:
            return 0
        # the mentioned places of this country, but `exclude` and this one
        count = self._countries[country]
        for skip in {exclude, place.id}:
            if skip is not None and self._country_of.get(skip, None) == country:
                count -= self._times[skip]
        return 1 if count > 0 else 0

    def related(self, place: Place, exclude: str | None) -> int:
        """How many mentioned places (but `exclude`) are this one's ancestor or descendant,
        or, for a village, inside its parent (Talish beside Madagiz, in Tartar district)."""
        known = self._related.get((place.id, exclude))
        if known is None:
            known = self._related[place.id, exclude] = self._relatives(place, exclude)
        return known

    def _relatives(self, place: Place, exclude: str | None) -> int:
        lost = self.ancestors.get(exclude, frozenset()) if exclude is not None else frozenset()
        mine = self.ancestors.get(place.id, frozenset())
        above = mine & self.ids  # the mentioned ancestors, `exclude` taken out below
        count = len(above) - (exclude in above)
        count += self.below[place.id] - (place.id in lost)
        parent = place.parent
        if place.kind == "village" and parent is not None:
            count += self.below[parent] - (parent in lost)
            count -= place.id in self.ids and place.id != exclude  # itself, not a sibling
        return count


__all__ = ["EARTH_KM", "MARGIN", "NEAR_KM", "NEAR_LAT", "TERRITORY_BEFORE", "Mentioned",
           "context_places", "km", "lesser", "near", "relation", "rerank", "settle", "territory"]
