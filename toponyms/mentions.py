"""Place mentions in running text, in one pass over its words (toponyms.automaton).

What a mention is (the contract of `Gazetteer.extract`):

- The longest name of the data that the text contains at word boundaries, compared after the
  same folding as the normalized stage (case, marks, apostrophes, dashes, spacing): "Terter
  district" is one mention of the district, "South Caucasus" one mention, not "Caucasus".
- A name may be followed by a case ending of the region's languages (data/languages/*.yaml,
  `suffixes`: Bakıdan, Şuşada, Cebrail'in, Ստեփանակերտում, в Степанакерте) or an English
  possessive (Yerevan's, Azerbaijan’s); Russian word forms come from the `inflect` rules
  (Нагорном Карабахе, Тертерского района). The span covers the name only, never the ending;
  a word form that changes the last letters of the name stops where the two part (Армени|и
  of Армения, Тертерского район|а). A kind word after the name that tells the unit from the
  town is part of it ("Aghdam region", "Ağdam rayon|un"): recognition.yaml, span_kinds.
- Not a mention: a word listed in `not_places` (Azerbaijani, Armenians: demonyms), a name
  made only of position words when no filter is given ("the West", "Gulf Coast":
  toponyms.kindwords.positional), a name
  written in lower case in a text that uses capitals (a common word), a short form or figure
  the data does not attest, a frequent word naming too small a place, the stem of a longer
  word: see toponyms.recognition; a place name that is part of a person's name ("David
  Paterson", "Gov. Paterson", "Vladimir Putin"): see toponyms.persons.
- A name several places share is narrowed first by what the text says of it: a settlement
  word after it ("Şuşa şəhərində" is the town; recognition.yaml `narrow_kinds`), a unit word
  (`span_kinds`, which joins the span), the same name narrowed so elsewhere in the text (one
  place per name: the bare "Şuşa" of that text is the town too), and a name in the text's own
  language (toponyms.textlang: "Kalbajar" in Spanish text is the place Spanish names so).
- What is left is resolved with the text's other mentions in view: the place
  whose ancestor, descendant or sibling is also mentioned wins ("Talish" next to "Terter
  district" is the Talish of Tartar district); between candidates still tied, one within 150 km
  of another mentioned place, then one in the same country as another (toponyms.context). As
  in `resolve(context=...)`, the relations of a place named only by a lesser name (an untagged
  alternate, a country's variant) do not count when the place ranked first without them is
  named by its own: "Washington" beside "New Jersey" is the capital, not South River. And a
  place the text relates to by its country at least, 20 times as populous as the one its
  other mentions pull, keeps its place ("Portland" stays Oregon's city: context.outweighs).
  Then `Gazetteer.extract` settles a name several places share whose pick relates to no
  other place of the text by `resolve(name, context=...)`'s rule (toponyms.context.settle),
  keeping this module's choice where the two places are one inside the other (a town and its
  district: the words around it decide).
- A village needs evidence: another mention of its district or a neighbour, or a generic word
  next to it ("village of Madagiz", "Talish village"). Without it the mention scores
  EVIDENCE_PENALTY lower and drops below the default `min_score`: that is the precision /
  recall knob (a lower `min_score` finds bare village names too, and more false hits).
- Scores: 100 when the text has the name exactly as the data writes it, 98 when only folding
  sets them apart, 2 less when an ending or a Russian word form was read.

Names in the languages the package has language files for (en, az, ru, hy, tr, fa, ka, ar)
and the script-tagged GeoNames names are matched; pass `lang=` to match names of another
language (CLDR gives every country's name in ~350 languages, many of which are common words
in English: they are not searched by default). Without `lang=`, `Gazetteer.extract` adds the
names of the language a text is plainly written in (toponyms.textlang).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from toponyms.automaton import Entry, NameAutomaton, leftmost_longest
from toponyms.cascade import Filters, NameIndex, passes
from toponyms.context import Mentioned, lesser, outweighs, territory
from toponyms.inflection import prepositions
from toponyms.keys import APOSTROPHES
from toponyms.kindwords import positional
from toponyms.model import Match, Mention, Name, Place
from toponyms.persons import in_person_name
from toponyms.rank import prominence, weakly_named, yields_to
from toponyms.recognition import (
    attested_short,
    capital_says_nothing,
    capitals_fit,
    elision_pattern,
    ending_fits,
    generic_near,
    population_floor,
    proclitic_pattern,
    rules,
    short_form,
    stem_length,
    unit_word_end,
    unit_words,
)
from toponyms.textfold import fold_with_offsets
from toponyms.textfold import key_of as key_of  # the key names are indexed under (re-exported)
from toponyms.translit import languages

#: Score lost by a village mention with no evidence in the text (see the module docstring).
EVIDENCE_PENALTY = 20.0
#: Score lost when a case ending or a Russian word form was read off the name.
ENDING_PENALTY = 2.0
#: Longest case ending read after a name.
MAX_SUFFIX = 6


#: The ancestors of a place without a parent.
_NONE_ABOVE: frozenset[str] = frozenset()


#: Readings of spans remembered per extractor (their entries kept, and the places they may
#: name under a call's filters), each table emptied when full.
READINGS_KEPT = 4096
#: How a span was read: (key number, ending, apostrophe before it, surface, population floor).
_Reading = tuple[int, str, bool, str, float | None, bool]
#: The places a reading may name: place number -> (score, name, written exactly so, read
#: through a word form of the `inflect` rules).
_Options = dict[int, tuple[float, Name, bool, bool]]
#: A mention's place: (score, related mentions, place, name, written exactly so, ambiguous,
#: read through a word form of the `inflect` rules).
_Pick = tuple[float, int, Place, Name, bool, bool, bool]


@dataclass(slots=True)
class _Found:
    start: int  # in the folded text
    end: int  # exclusive, end of the name
    word_end: int  # exclusive, end of the name plus any ending
    entries: list[Entry]
    ending: bool
    reading: _Reading  # what decides `entries` and their scores


def after_preposition(folded: str, start: int) -> bool:
    """Whether the word before folded[start] is a preposition of
    data/languages/prepositions.yaml ("in", "à", "в").

    >>> after_preposition("met him in paterson", 11), after_preposition("chen said", 0)
    (True, False)
    """
    if start < 2 or folded[start - 1] != " ":
        return False
    return folded[folded.rfind(" ", 0, start - 1) + 1 : start - 1] in prepositions()


class Extractor:
    """The mentions of the names of one index in texts (module docstring), over its names
    automaton (toponyms.automaton)."""

    def __init__(self, index: NameIndex, lang: str | None,
                 common: Mapping[str, float] | None = None,
                 cache_name: str | None = None) -> None:
        self.index = index
        # folded frequent word -> Zipf frequency (the world's common-word prior; see
        # toponyms.recognition): empty for the shipped data
        self.common: Mapping[str, float] = common or {}
        data = languages()
        # from the disk cache when the index is the one stored under `cache_name`
        self.automaton = NameAutomaton.cached(index, lang, key_of, cache_name)
        self.empty = not len(self.automaton)
        self.suffixes = data.suffixes
        self.suffix_langs = data.suffix_langs
        # the endings read off a kind word after a name: those of the languages searched by
        # default, whose generic terms the kind words are ("Ağdam rayonun" is rayon|un, not
        # rayonu plus a Finnish or Hungarian -n)
        self.unit_endings = {e: v for e, v in data.suffixes.items()
                             if not data.suffix_langs.get(e, frozenset()).isdisjoint(data.codes)}
        self.not_places = data.not_places
        self._positional: dict[str, bool] = {}  # key -> toponyms.kindwords.positional(key)
        self.village_words = frozenset(
            w for (_, _), gens in data.generic_edges.items() for g in gens
            if g.kind == "village" for w in g.words)
        # kind words that join a span when they follow a name (recognition.yaml, span_kinds)
        self.unit_words = unit_words(data.generic_edges)
        self.unit_heads = frozenset(w[:2] for w in self.unit_words)
        # settlement words after a name, which narrow it without joining it (narrow_kinds),
        # each with the kinds of place it fits (generic.yaml's `fits`)
        self.settle_words = {
            w: frozenset(k for kind in kinds for k in (kind, *data.kind_fits.get(kind, ())))
            for w, kinds in unit_words(data.generic_edges, rules().narrow_kinds).items()}
        self.settle_heads = frozenset(w[:2] for w in self.settle_words)
        # one-letter proclitics written onto a name (recognition.yaml, proclitics)
        letters = frozenset[str]().union(*rules().proclitics.values())
        self.proclitics = proclitic_pattern(letters) if letters else None
        # elided articles and prepositions before a name (recognition.yaml, elisions)
        elided = frozenset[str]().union(*rules().elisions.values())
        self.elisions = elision_pattern(elided) if elided else None
        # what a reading of a span keeps of its key's entries, and the places it may name under
        # the filters of a call: pure functions of the reading, remembered across calls (a
        # stream of news names the same places again and again); see READINGS_KEPT
        self._fitted: dict[_Reading, list[Entry] | None] = {}
        self._options: dict[tuple[_Reading, Filters, str | None], _Options] = {}

    def find(self, text: str, filters: Filters, min_score: float,
             ancestors: dict[str, frozenset[str]], rank: dict[str, int],
             prefer: str | None = None) -> list[Mention]:
        """The mentions in `text`, in text order (see the module docstring). `prefer`: the
        language the text is written in (toponyms.textlang), whose names, where a span is one,
        decide among the places it may name."""
        if self.empty or not text:
            return []
        folded, offsets = fold_with_offsets(text)
        cased = any(ch.isupper() for ch in text)
        # the common-word rule, as in resolve: a filter says what the caller looks for
        bare = (filters.country is None and filters.kind is None and filters.parent is None
                and filters.lang is None)
        common = self.common if bare else {}
        found = self._candidates(text, folded, offsets, cased, common, bare)
        # a name written onto a word before it: after a proclitic (وأذربيجان, "and
        # Azerbaijan") or an elided article ("l'Arménie", whose apostrophe folding drops)
        inner = [hit.end() for hit in self.proclitics.finditer(folded)] if self.proclitics else []
        if self.elisions is not None:
            for hit in self.elisions.finditer(text):
                at = bisect_left(offsets, hit.end())
                if at < len(offsets) and offsets[at] == hit.end():
                    inner.append(at)
        for at in inner:  # the name may run over the next words: read up to five
            stop = at
            for _ in range(5):
                stop = folded.find(" ", stop + 1)
                if stop < 0:
                    stop = len(folded)
                    break
            for f in self._candidates(text, folded[at:stop], offsets[at:stop], cased, common,
                                      bare):
                if f.start == 0:
                    f.start, f.end, f.word_end = at, f.end + at, f.word_end + at
                    found.append(f)
        chosen = leftmost_longest(found)
        if cased:  # a place name that is part of a person's name is no mention, and then
            # neither is the same word elsewhere in the text ("Lily Chen ... Chen said"),
            # unless a preposition says it is a place there ("David Paterson ... in Paterson")
            starts = {offsets[f.start] for f in chosen}
            personal = [in_person_name(text, offsets[f.start], offsets[f.end - 1] + 1, starts)
                        for f in chosen]
            # (not a territory's name: "Miss Germany" is a title, and Germany stays Germany)
            people = {folded[f.start:f.end] for f, p in zip(chosen, personal, strict=True)
                      if p and not self._names_territory(f)}
            chosen = [f for f, p in zip(chosen, personal, strict=True)
                      if not p and (folded[f.start:f.end] not in people
                                    or after_preposition(folded, f.start))]
        return self._resolve(text, folded, offsets, chosen, filters, min_score, ancestors, rank,
                             prefer)

    def _names_territory(self, f: _Found) -> bool:
        """Whether a span may name a territory (toponyms.context.territory)."""
        places, ranks = self.index.places, self.index.kind_rank
        return any(territory(places[e.place], ranks) for e in f.entries)

    def _candidates(self, text: str, folded: str, offsets: list[int], cased: bool,
                    common: Mapping[str, float], bare: bool = True) -> list[_Found]:
        """The names the automaton finds, less what is no mention (see the module docstring);
        `bare`: no filter was given, so a name of position words only ("West") is none."""
        out: list[_Found] = []
        positions = self._positional
        kept = self._fitted
        automaton = self.automaton
        suffixes = self.suffixes
        not_places = self.not_places
        last = -1
        lower = False
        # each key found begins a word and ends at its end or before a case ending; the hits
        # of a word come together, and most are lower-case words: that is checked first, once
        for start, end, word_end, number in automaton.find(folded, suffixes, MAX_SUFFIX):
            if start != last:
                last, at = start, offsets[start]
                first = text[at]
                lower = cased and first.lower() != first.upper() and not first.isupper()
            if lower:
                continue  # a lower-case word in a text that writes names with capitals
            apostrophe = False
            if end < word_end:
                ending = folded[end:word_end]
                key, word = folded[start:end], folded[start:word_end]
                between = text[offsets[end - 1] + 1 : offsets[end]]
                apostrophe = any(ch in APOSTROPHES for ch in between)
                if suffixes[ending] and not apostrophe:
                    continue  # an ending written only after an apostrophe ("'s")
                if not apostrophe and (word in common or word[word.rfind(" ") + 1:] in common):
                    continue  # a frequent word is not a name plus an ending ("State", "The
                    # main": GeoNames' "The Ma" plus "in")
            else:
                ending = ""
                key = word = folded[start:end]
            if word in not_places or key in not_places:
                continue
            if bare:
                says_where = positions.get(key)
                if says_where is None:
                    says_where = positions[key] = positional(key)
                if says_where:
                    continue  # "the West": where, not which place (toponyms.kindwords)
            surface = text[at : offsets[end - 1] + 1]
            floor = population_floor(common, key, capital_says_nothing(
                text, at, surface)) if key in common else None
            # what decides the entries kept: worked out once, remembered
            # a span followed by a period may be an abbreviation written with it ("Ky.",
            # "Mass."); one without it is no such abbreviation (recognition.capitals_fit)
            dot = not ending and text.startswith(".", offsets[end - 1] + 1)
            reading = (number, ending, apostrophe, surface, floor, dot)
            if reading in kept:
                entries = kept[reading]
            else:
                if len(kept) >= READINGS_KEPT:
                    kept.clear()  # bounded: start a new generation
                entries = kept[reading] = self._fitting(number, key, ending, apostrophe,
                                                        surface, floor, dot)
            if entries is not None:
                out.append(_Found(start, end, word_end, entries, bool(ending), reading))
        return out

    def _fitting(self, number: int, key: str, ending: str, apostrophe: bool, surface: str,
                 floor: float | None, dot: bool = False) -> list[Entry] | None:
        """The entries of key `number` that the span can mean, or None (see `_candidates`)."""
        places = self.index.places
        entries = self.automaton.entries_of(number)
        if ending:
            langs = self.suffix_langs.get(ending, frozenset())
            entries = [e for e in entries if ending_fits(
                ending, places.name(e.place, e.name), apostrophe, langs)]
            if not entries:
                return None  # the rest of a longer word, not a case ending
        short = short_form(key)
        entries = [e for e in entries if (
            attested_short(places.name(e.place, e.name), surface, dot) if short
            else capitals_fit(places.name(e.place, e.name), surface, dot))]
        if not entries:
            return None  # a short word, a figure or an acronym no dataset calls a place
        if floor is not None:
            entries = [e for e in entries if not e.inflected and (
                (pop := places.population(e.place)) is None or pop >= floor)]
            if not entries:
                return None  # a frequent word, and too small a place to be what it means
        return entries

    def _resolve(self, text: str, folded: str, offsets: list[int], chosen: list[_Found],
                 filters: Filters, min_score: float, ancestors: dict[str, frozenset[str]],
                 rank: dict[str, int], prefer: str | None = None) -> list[Mention]:
        places = self.index.places
        options: list[_Options] = []
        done = self._options
        for f in chosen:
            known = done.get((f.reading, filters, prefer))
            if known is not None:  # the same span read the same way: the same places
                options.append(known)
                continue
            surface, dotted = f.reading[3], f.reading[3] + "." if f.reading[5] else None
            best: _Options = {}
            if len(done) >= READINGS_KEPT:
                done.clear()  # bounded: start a new generation
            done[f.reading, filters, prefer] = best
            for e in f.entries:
                place, name = places[e.place], places[e.place].names[e.name]
                if not passes(place, name, filters, ancestors):
                    continue
                exact = name.text in (surface, dotted) and not e.inflected
                score = (100.0 if exact else 98.0) - (
                    ENDING_PENALTY if f.ending or e.inflected else 0.0)
                if filters.at is not None and not name.in_use(filters.at):
                    score -= 4.0
                old = best.get(e.place)
                if old is None or score > old[0]:
                    best[e.place] = (score, name, exact, e.inflected)
            # the span is a name of the text's own language: the places it names that way
            # ("Kalbajar" in Spanish text, the district's Spanish name, not the town's English)
            native = {p: o for p, o in best.items() if o[1].lang.split("-", 1)[0] == prefer}
            if native and len(native) < len(best):
                best.clear()
                best.update(native)
            options.append(best)
        narrowed: list[int] = []
        units = self._unit_words_read(text, folded, offsets, chosen, options, narrowed)
        if narrowed:
            self._same_sense(folded, chosen, options, narrowed)
        # the ancestors of every place in play, looked up once per call (a look-up in the
        # packed tables walks them); every id the context reads below is one of these
        ups: dict[str, frozenset[str]] = {}
        for best in options:
            for p in best:
                pid = places[p].id
                if pid not in ups:
                    ups[pid] = ancestors.get(pid, _NONE_ABOVE)
        # context: first the mentions with one candidate place, then the other mentions'
        # first choices (never a mention's own choice: it would only confirm itself)
        sure = [places[next(iter(o))].id if len(o) == 1 else None for o in options]
        firsts: list[str | None] = sure
        for _ in range(2):
            counts = Counter(pid for pid in firsts if pid is not None)
            context = Mentioned(set(counts), ups,
                               [places[self.index.position[pid]] for pid in counts])
            picks: list[_Pick | None] = []
            # a span read the same way again (the same `best`), with the same place left out,
            # is picked the same way, unless a village's generic word next to it was read
            again: dict[tuple[int, str | None], _Pick] = {}
            for own, f, best in zip(firsts, chosen, options, strict=True):
                if not best:
                    picks.append(None)
                    continue
                # never count a mention's own choice: it would only confirm itself
                exclude = own if own is not None and counts[own] == 1 else None
                pick = again.get((id(best), exclude))
                if pick is None:
                    pick, where = self._pick(folded, f, best, context, exclude, ups, rank)
                    if not where:
                        again[id(best), exclude] = pick
                picks.append(pick)
            firsts = [pick[2].id if pick is not None else None for pick in picks]
        mentions: list[Mention] = []
        for f, pick in zip(chosen, picks, strict=True):
            if pick is None or pick[0] < min_score:
                continue
            score, place, name, exact, ambiguous = pick[0], pick[2], pick[3], pick[4], pick[5]
            start, end = offsets[f.start], offsets[f.end - 1] + 1
            unit = units.get(f.start)
            if unit is not None:  # a kind word joins the span ("Aghdam region")
                end = offsets[unit - 1] + 1
            elif pick[6]:  # a word form: the span stops where it parts from the name
                kept = stem_length(folded[f.start : f.end], key_of(name.text))
                if kept is not None:
                    end = offsets[f.start + kept - 1] + 1
            if name.text.endswith(".") and text.startswith(".", end):
                end += 1  # the attested name ends in its period ("U.S.", "Calif."): keep it
            surface = text[start:end]
            match = Match(place, name, round(score, 2), "exact" if exact else "normalized",
                          surface, ambiguous=ambiguous)
            mentions.append(Mention(start, end, surface, match))
        return mentions

    def _pick(self, folded: str, f: _Found, best: _Options,
              context: Mentioned, exclude: str | None, ancestors: Mapping[str, frozenset[str]],
              rank: dict[str, int]) -> tuple[_Pick, bool]:
        """The place a mention names, given the other places mentioned; and whether the words
        next to the mention were read (else the pick holds wherever the span is read so)."""
        places = self.index.places
        scored = []
        where = False
        # as in toponyms.context: the relations of a place named by a lesser name do not count
        # when the place that ranks first without them is named by its own
        own = False
        top_p = -1
        if len(best) > 1:
            top_p, (top_score, top_name, _, _) = min(best.items(), key=lambda item: (
                -item[1][0], *prominence(places[item[0]], item[1][1], rank)))
            if weakly_named(places[top_p], top_name):
                # as in toponyms.rank: a country named by a part's name in some locale
                # ("Tunis"), or only in little-read languages, yields to that part, or to a
                # big city, named by its own first name
                country = places[top_p]
                top_p, top_name = next((
                    (p, o[1]) for p, o in best.items() if o[0] == top_score
                    and yields_to(country, top_name, places[p], o[1], ancestors)),
                    (top_p, top_name))
            own = not lesser(places[top_p], top_name)
        for p, (score, name, exact, inflected) in best.items():
            place = places[p]
            related = 0 if own and lesser(place, name) else context.related(place, exclude)
            if place.kind == "village" and not related:
                where = True
                if not generic_near(folded, f.start, f.word_end, self.village_words):
                    score -= EVIDENCE_PENALTY
            scored.append((score, related, place, name, exact, inflected))
        # the best score, then the most related; among those still tied, the nearest to the
        # other places mentioned, then prominence (distances only for those: they are many)
        top = max((s[0], s[1]) for s in scored)
        tied = [s for s in scored if (s[0], s[1]) == top]
        first = tied[0] if len(tied) == 1 else min(tied, key=lambda s: (
            -context.near(s[2], exclude), *prominence(s[2], s[3], rank)))
        if top_p >= 0 and weakly_named(first[2], first[3]):
            first = next((s for s in tied if s[2] is places[top_p]), first)  # as above
        if own and first[2] is not places[top_p] and first[1]:
            # as in toponyms.context: a far bigger place that the text relates to (by its
            # country at least) keeps its place before a small one the text's others pull
            big = next(s for s in scored if s[2] is places[top_p])
            if big[0] == first[0] and outweighs(big[2], first[2]) and (
                    big[1] or context.near(big[2], exclude)):
                first = big
        score, related, place, name, exact, inflected = first
        ambiguous = any(
            s is not first and s[2].id not in ancestors.get(place.id, ())
            and place.id not in ancestors.get(s[2].id, ()) for s in tied)
        return (score, related, place, name, exact, ambiguous, inflected), where

    def _same_sense(self, folded: str, chosen: list[_Found], options: list[_Options],
                    narrowed: list[int]) -> None:
        """One place per name in a text: where a kind word narrowed some mentions of a name to
        the same places ("Şuşa şəhərində", the town), the text's other mentions of that name
        ("Şuşa və Ağdam") are narrowed to them too, in place. Names whose narrowed mentions
        disagree are left as they are."""
        by_name: dict[str, set[frozenset[int]]] = {}
        done = set(narrowed)
        for i in done:
            f = chosen[i]
            by_name.setdefault(folded[f.start:f.end], set()).add(frozenset(options[i]))
        for i, f in enumerate(chosen):
            kept = by_name.get(folded[f.start:f.end])
            if kept is None or len(kept) != 1 or i in done:
                continue
            (places,) = kept
            best = options[i]
            if places < best.keys():
                options[i] = {p: v for p, v in best.items() if p in places}

    def _unit_words_read(self, text: str, folded: str, offsets: list[int],
                         chosen: list[_Found], options: list[_Options],
                         narrowed: list[int] | None = None) -> dict[int, int]:
        """The kind words that join a span ("Aghdam region", "Ağdam rayon|un"): for each
        mention followed by one (only spaces between them in the text, no ending read off the
        name, not the start of the next mention) whose name may mean a place of that kind and
        places of other kinds (the town and the district), the end of the word in the folded
        text by the mention's start; its options are narrowed, in place, to the places of that
        kind. A name that means only places of that kind keeps its span ("the Karabakh
        region" is Karabakh, as the seed article's gold reads it), and so does one whose kind
        word begins a longer name ("the Lagos State Governor", "the Missouri State Highway
        Patrol": `_name_goes_on`; narrowed all the same). The indexes of the mentions
        narrowed go into `narrowed`."""
        places = self.index.places
        out: dict[int, int] = {}
        for i, (f, best) in enumerate(zip(chosen, options, strict=True)):
            if not best or f.word_end != f.end:
                continue
            unit = unit_word_end(folded, f.end, self.unit_words, self.unit_endings, MAX_SUFFIX,
                                 self.unit_heads)
            joins = unit is not None
            if unit is None:  # a settlement word narrows the mention without joining it
                unit = unit_word_end(folded, f.end, self.settle_words, self.unit_endings,
                                     MAX_SUFFIX, self.settle_heads)
            if unit is None:
                continue
            end, kinds = unit
            if i + 1 < len(chosen) and chosen[i + 1].start < end:
                continue  # the word begins another mention
            if not text[offsets[f.end - 1] + 1 : offsets[f.end + 1]].isspace():
                continue  # punctuation between them: "Aghdam. Region ..."
            fitting = {p: v for p, v in best.items() if places[p].kind in kinds}
            if fitting and len(fitting) < len(best):  # the word tells the unit from the town
                options[i] = fitting
                if narrowed is not None:
                    narrowed.append(i)
                if joins and not _name_goes_on(text, offsets[end - 1] + 1):
                    out[f.start] = end
        return out


def _name_goes_on(text: str, at: int) -> bool:
    """Whether a capitalized word follows position `at` of `text` after spaces on the same
    line: the kind word before `at` then begins a longer proper name ("Lagos State Governor",
    "Arizona State University"), which the mention does not take in. Measured on the
    development corpora, whose gold spans stop before such a word: GeoWebNews 1 span more
    exact, TR-News 1."""
    n = len(text)
    while at < n and text[at] in " \t\u00a0":
        at += 1
    return at < n and text[at].isupper()
