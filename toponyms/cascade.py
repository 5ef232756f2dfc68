"""The matching cascade and its scores.

Stages run cheapest first and `resolve` stops at the first stage that yields a match above
`min_score`: 1 exact text, 2 normalized key, 3 transliteration key, 4 fuzzy (a
romanization-aware edit distance, toponyms.similarity, over candidates pulled from the index,
never a scan of every name). Scores mean the same in every stage (see SCORES): 100 is the text
as written in the data, a fuzzy score stays below the transliteration stage's. Adjustments
(same for all stages) mark weaker evidence: a generic term that the query did not give, a kind
hint the place does not fit, a name not in use in the year asked about, a state title
("Republic of", data/languages/titles.yaml) read off the query. A query with a state title
names a place of the title kinds (countries, republics inside a state) or nothing. What a
query is read as (folded, a generic term split off, an ending or clitic taken off) and the keys
each reading is looked up by are toponyms.readings'; this module runs the look-ups and scores.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass

from toponyms import readings
from toponyms.index import UNTAGGED, NameIndex
from toponyms.inflection import ENDING_PENALTY, ENDING_PENALTY_FUZZY, postpositions, prepositions
from toponyms.keys import fold, script_of, strip_marks
from toponyms.keys import translit_keys as _translit_keys
from toponyms.kindwords import kind_of, positional, title_class, titled_after
from toponyms.lineage import above
from toponyms.model import Match, Name, Place, _lang_matches
from toponyms.persons import is_given_name
from toponyms.rank import merge, prominence, rank
from toponyms.readings import Query, prepare
from toponyms.similarity import FUZZY_MAX, cost, limit, score_of
from toponyms.transcribed import letter_keys, loose_vowel_entries
from toponyms.translit import STATE_TITLE, languages

#: The score of each stage's match before adjustments.
SCORES = {"exact": 100.0, "normalized": 98.0, "transliteration": 94.0}
#: The source prefixes of names from bulk multilingual lists, CLDR's and iso-codes' (see `run`).
_BULK = ("dataset:CLDR", "dataset:iso-codes")
#: The fuzzy stage's rule: "romanization" (toponyms.similarity: romanization swaps cost
#: little, other edits in full) or "ratio" (the rule before it, kept for comparison: rapidfuzz
#: ratio times FUZZY_FACTOR). Benchmarks set it; library users have no reason to.
FUZZY_RULE = "romanization"
#: Under the "ratio" rule a fuzzy match scores similarity (0-100) times this factor.
FUZZY_FACTOR = 0.95
#: Most trigram candidates the "romanization" rule weighs (best rapidfuzz ratio first).
FUZZY_WEIGHED = 40
#: The scripts whose names a Latin-script query meets at the transliteration stage. A Cyrillic
#: name romanizes by a table that keeps every sound ("Пекин" is "Pékin"); a Hebrew or Arabic
#: name's Latin reading guesses its vowels and a Greek one folds its digraphs, so a Latin word
#: that equals such a reading is no evidence ("Fariz" is not פאריז, Paris). At the fuzzy stage
#: a Latin query meets Latin names only. A `lang` filter lifts the rule: the caller asks for
#: names of that language ("Stepanakert" with lang="hy" is Ստեփանակերտ).
LATIN_MEETS = frozenset({"LATIN", "CYRILLIC"})
#: What a short query of a script of syllables meets loosely (toponyms.readings.latin_only).
_LATIN_ONLY = frozenset({"LATIN"})
#: Shortest transliteration key the fuzzy stage will look at; shorter keys are too ambiguous.
FUZZY_MIN_KEY = 4
#: Shortest transliteration key looked up at all: one letter ("ה", a Hebrew article alone,
#: reads "a") is the key of a name only by chance.
TRANSLIT_MIN_KEY = 2
#: An abbreviation written in capitals ("IN", Indiana's postal code; "UK") matches only a query
#: in capitals: in lower case it is a word ("in", "us", "me", "or"). Likewise a word cut short
#: and closed with a dot ("Calif.", "Mass.", "Ill.": one dot, at the end) matches only a query
#: that keeps the dot: without it, "Mass", "ill" and "wash" are words. Initials with dots
#: inside ("U.S.", "N.Y.") stay distinct without their last one.
CAPITALS_ONLY = True
#: Score adjustments for weaker evidence.
PENALTY_UNASKED_GENERIC = 3.0  # "Terter" matched only through "Terter District"
PENALTY_KIND_MISMATCH = 6.0  # "Terter district" and a place that is not a district
#: "Ахсуинский район" (the district) met only through its centre, the town "Ахсу": a town whose
#: parent is of the kind the query names and shares a name with it (a district named after its
#: centre) gives that parent too, scored as a name met through an unasked generic term.
PENALTY_VIA_CENTRE = PENALTY_UNASKED_GENERIC
PENALTY_NOT_IN_USE = 4.0  # `at=1990` and a name adopted in 1991
PENALTY_TITLE_DROPPED = 1.0  # "Republic of Korea" matched only through the name "Korea"
#: ... and more when no name of the place carries a state title of its own around that core:
#: "Cộng hòa Artsakh" (Vietnamese) is the Republic of Artsakh, whose names include "Republic
#: of Artsakh", before the region that is called "Artsakh" and nothing with a title.
PENALTY_TITLE_UNMATCHED = 2.0
#: A state title around a name of a place that is not titled itself ("Республика Нагорный
#: Карабах", "Khu tự trị Nagorno-Karabakh"): the place of a title kind with a titled name whose
#: core is one of that place's names ("Republic of Nagorno-Karabakh", "Nagorno-Karabakh
#: Autonomous Oblast") is met too, for this much less than its own titled name, so it ranks
#: before the untitled place (which loses PENALTY_TITLE_UNMATCHED).
PENALTY_VIA_TITLED = 1.0
#: A titled name whose title is of another class than the query's (titles.yaml's
#: `title_classes`): "Khu tự trị Nagorno-Karabakh" (an autonomous region) meets the "Republic
#: of Nagorno-Karabakh" for this much less than the "Nagorno-Karabakh Autonomous Oblast".
PENALTY_TITLE_OTHER_CLASS = 1.5


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of resolve/search, checked once per call."""

    country: str | None = None
    kind: str | None = None
    parent: str | None = None
    lang: str | None = None
    at: int | None = None




def run(
    index: NameIndex,
    query: Query,
    filters: Filters,
    *,
    min_score: float,
    stop_early: bool,
    ancestors: dict[str, frozenset[str]],
    common: Mapping[str, float] | None = None,
    written_only: bool = False,
    given_names_written: bool = False,
) -> list[Match]:
    """The cascade: matches at or above `min_score`, best first, one per place.

    With `stop_early` (resolve) it returns after the first stage that found a match; with
    `written_only`, after the exact and normalized stages and their base forms of inflected
    words (no transliteration, no fuzzy: toponyms.phrase reads the words of a phrase so);
    with `given_names_written`, so when the query is a given name (toponyms.persons: romanized
    or fuzzy, "Sophia" meets Sofia), asked only when the cascade gets that far.
    `common` maps frequent words to their Zipf frequency z: without filters, such a query
    matches only a whole name as written (the exact and normalized stages, no generic term
    split off) of a place without a known population or with at least 10 ** z inhabitants.
    """
    best: dict[int, tuple[float, int, Match]] = {}
    least = None
    # no filter says what the caller looks for: the common-word and position-word rules apply
    bare = (filters.country is None and filters.kind is None and filters.parent is None
            and filters.lang is None)
    if common and bare:
        zipf = common.get(strip_marks(query.folded))
        least = 10 ** zipf if zipf is not None else None

    fits = languages().fits
    # The loose stages (transliteration, fuzzy) read the names of the languages with a file in
    # data/languages (and script-tagged `und` names) and the names of other languages in the
    # query's script, except, for a Latin query, CLDR's and iso-codes' Latin names of languages
    # with no file: their names of cities and countries in some 350 languages, romanized, meet
    # first names and words ("Emma" and a Malayalam Amman, "Andre" and a Japanese Andorra,
    # "Adam" and a Portuguese Aden). Every name meets a query written as it is at the exact and
    # normalized stages.
    romanized = _romanized(languages().codes)
    written = script_of(query.text)
    loose = False  # set once the cascade reaches the transliteration stage
    title_kinds = languages().title_kinds
    asked: list[str] = []  # the class of the query's state title, read once when needed
    no_state: list[str] = []  # places a state title's name named that are not of title_kinds
    # titled_after per place number, read once per call: a country's name in many languages
    # meets the query's core once per language ("Kongo" is one entry per language)
    titled: dict[int, list[tuple[int, Name]]] = {}
    # an abbreviation written in capitals matches only a query written in capitals
    capitals_only = CAPITALS_ONLY and not query.text.isupper()
    dotless = not query.text.rstrip().endswith(".")

    def consider(entries: Iterator[tuple[int, int, str]], method: str, base: float, hint: str,
                 scripts: Collection[str] | None = None,
                 langs: frozenset[str] | None = None, own: str | None = None) -> None:
        own = written if own is None else own  # the script of the text being read
        if langs is not None:  # a base form: it counts where it is a name of the ending's
            # language, and then means what that name means in it and in the languages read by
            # default ("Terterem", a Polish instrumental, is whatever "Terter" is)
            entries = iter(found := list(entries))
            if not any(_of(index.places[p].names[n].lang, langs) for p, n, _ in found):
                return
            langs = langs | romanized
        for p, n, generic in entries:
            old = best.get(p)
            if old is not None and old[0] >= base and old[2].name.current and n > old[1]:
                continue  # nothing here can beat it: "Paris" is one name in 100 languages
            place = index.places[p]
            name = place.names[n]
            if not passes(place, name, filters, ancestors):
                continue
            if capitals_only and name.status == "abbreviation" and name.text.isupper():
                continue  # "IN" (Indiana), "US" are not "in", "us": see CAPITALS_ONLY
            if dotless and name.status == "abbreviation" and name.text.find(".") == len(
                    name.text) - 1:
                continue  # "Mass." (Massachusetts) is not "mass": see CAPITALS_ONLY
            if langs is not None and not _of(name.lang, langs):
                continue  # a case ending of one language read off another language's name
            if least is not None and (generic or (place.population is not None
                                                  and place.population < least)):
                continue  # a common word, and too small a place to be what it means
            if scripts is not None and script_of(name.text) not in scripts:
                continue
            if loose and name.lang.split("-", 1)[0] not in romanized and (
                    script_of(name.text) != own
                    or (own in ("LATIN", "") and name.source.startswith(_BULK))):
                continue  # a name in another script, or a Latin bulk-list name, of a language
                # with no file
            score = base
            if generic == STATE_TITLE:
                if hint != STATE_TITLE:
                    continue  # "Korea" is met by the name "Korea", not by "Republic of Korea"
            elif generic and generic != hint:
                score -= PENALTY_UNASKED_GENERIC
            if hint == STATE_TITLE and not asked:
                asked.append(title_class(query.folded))
            if hint == STATE_TITLE and generic != STATE_TITLE:
                # "Республика Нагорный Карабах": the republic named after the place met
                vias = titled.get(p)
                if vias is None:
                    vias = titled[p] = titled_after(index, place, title_kinds, asked[0])
                for via, titled_name in vias:
                    via_score = score - PENALTY_TITLE_DROPPED - PENALTY_VIA_TITLED - (
                        _other_class(titled_name, asked[0]))
                    old = best.get(via)
                    if via_score >= min_score and (old is None or via_score > old[0]) and (
                            passes(index.places[via], titled_name, filters, ancestors)):
                        best[via] = (via_score, index.places[via].names.index(titled_name),
                                     Match(index.places[via], titled_name, round(via_score, 2),
                                           method, query.text))
            if hint == STATE_TITLE:
                if place.kind not in title_kinds:
                    no_state.append(place.id)
                    continue  # "Republic of Paris" is not Paris
                score -= PENALTY_TITLE_DROPPED
                if generic != STATE_TITLE:
                    score -= PENALTY_TITLE_UNMATCHED
                else:  # "Khu tự trị ..." (an autonomous region) and "Republic of ...";
                    # "Democratic People's Republic of Korea" and "Korea, Republic of"
                    score -= max(_other_class(name, asked[0]),
                                 _other_title(query.folded, name))
            elif hint and not fits(hint, place.kind):
                named_after = _named_after(index, place, hint, fits)
                if named_after is not None and passes(index.places[named_after[0]],
                                                      named_after[1], filters, ancestors):
                    via, shared = named_after
                    centre_score = score - PENALTY_VIA_CENTRE
                    old = best.get(via)
                    if centre_score >= min_score and (old is None or centre_score > old[0]):
                        best[via] = (centre_score, index.places[via].names.index(shared),
                                     Match(index.places[via], shared, round(centre_score, 2),
                                           method, query.text))
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
    if bare and positional(query.folded):
        return []  # "West", "Gulf Coast": where in something, not which place (kindwords)
    consider(index.entries(index.exact, query.text), "exact", SCORES["exact"], "")
    if settled(SCORES["normalized"]):
        return rank(index, best, ancestors)
    for text, hint in query.variants:
        consider(index.entries(index.normalized, strip_marks(text)), "normalized",
                 SCORES["normalized"], hint)
    if no_state and not best:
        return []  # "Republic of Lachin": Lachin is a town, not a typo of a state's name
    if settled(SCORES["transliteration"]) or least is not None:
        return rank(index, best, ancestors)  # a common word is not matched loosely
    if strip_marks(query.folded) in index.not_places or kind_of(query.folded) is not None:
        # a word that is not a place, or a kind word alone ("járás"): no guessing
        return rank(index, best, ancestors)
    # a case ending, preposition or clitic left on the name ("Şuşada", "Тертерского района",
    # "Lačin'de"): its base forms at the normalized stage, for a little less (toponyms.readings)
    inflected = readings.inflected(query.folded)
    tables = {"exact": index.exact, "normalized": index.normalized}
    for table, key, hint, langs in readings.normalized_lookups(query, inflected):
        consider(index.entries(tables[table], key), "normalized", SCORES[table] - ENDING_PENALTY,
                 hint, langs=langs)
    if written_only or (inflected and settled(SCORES["transliteration"])) or (
            given_names_written and any(is_given_name(text) for text, _ in query.variants)):
        return rank(index, best, ancestors)  # a base form decided: no looser guess ties it
    if min_score > SCORES["transliteration"]:
        return rank(index, best, ancestors)  # no later stage scores so high (search's margin)
    loose = True
    keys_by_variant = [(_translit_keys(text), hint) for text, hint in query.variants]
    # each variant's leading preposition and trailing postposition, read once
    edges_by_variant = [_adpositions(strip_marks(fold(text)).split())
                        for text, _ in query.variants]
    letters = [sum(ch.isalpha() for ch in text) for text, _ in query.variants]
    for (keys, hint), count, (text, _), edges in zip(keys_by_variant, letters, query.variants,
                                                     edges_by_variant, strict=True):
        # the variant's own script: a kind word in another script ("веска Aaron") leaves a
        # Latin word, which meets what a Latin query meets
        latin, own_script = text.isascii(), script_of(text)
        meets = LATIN_MEETS if own_script == "LATIN" and filters.lang is None else None
        if not readings.read_loosely(text, "transliteration"):
            continue  # a short word of a script of syllables ("재판", a trial, reads "japan")
        if filters.lang is None and readings.latin_only(text):
            meets = _LATIN_ONLY  # "아니" (no) is not Hanoi's Greek "Ανόι": see readings
        for key in keys:
            if (latin and len(key) < FUZZY_MIN_KEY) or len(key) < TRANSLIT_MIN_KEY:
                continue  # "and" is not India's "Ind": short Latin words meet too easily
            if 2 * len(key) < count:
                continue  # romanizing ate most of the letters: "ააა" (a a a) is not "Aea"
            consider(_own_adposition(index, index.entries(index.translit, key), edges),
                     "transliteration", SCORES["transliteration"], hint, meets, own=own_script)
    # then the base forms' transliteration keys, unless a match already scores what they could
    # (with `search`, always), before any fuzzy guess: where a generic term vouches for the
    # reading ("Джабраильского района"), or the ending is of the query's own non-Latin script
    # ("ნახიჩევანის"; toponyms.inflection.script_bases), read then in names of any language. A
    # lone Latin or Cyrillic word read loosely is too often another word ("Гранаты",
    # pomegranates, is not "Гранада")
    own: list[readings.Scripted] = []
    if not settled(SCORES["transliteration"] - ENDING_PENALTY):
        own = readings.scripted(query, written)
        for key, hint, langs in readings.translit_lookups(inflected, own, shortest=FUZZY_MIN_KEY):
            consider(index.entries(index.translit, key), "transliteration",
                     SCORES["transliteration"] - ENDING_PENALTY, hint, langs=langs)
    if settled(FUZZY_MAX):
        return rank(index, best, ancestors)
    # a Latin query's typo is matched against Latin names only: "garden" is not one letter
    # away from the Cyrillic "Ёрдан" (Jordan) once both are romanized. A query in another
    # script may meet names in any: romanized, "Пятницкое" is one letter from "Pyatnitskoye"
    script: Collection[str] | None = (written,) if written in ("LATIN", "") else None
    if filters.lang is None and readings.latin_only(query.folded):
        script = _LATIN_ONLY
    for (keys, hint), (text, _), edges in zip(keys_by_variant, query.variants, edges_by_variant,
                                              strict=True):
        if not readings.read_loosely(text, "fuzzy"):
            continue  # see readings.read_loosely
        text_script = script_of(text)
        for key in keys:
            if len(key) < FUZZY_MIN_KEY:
                continue
            for found, score in [*_fuzzy(index, key, min_score),
                                 *letter_keys(index, key, min_score, text_script)]:
                consider(_own_adposition(index, index.entries(index.translit, found), edges),
                         "fuzzy", score, hint, script)
        # a query of an abjad or a transcription ("خنكندي") also meets names in other scripts
        # with its vowels read loosely, where its consonants agree (toponyms.transcribed)
        for p, n, generic, score in loose_vowel_entries(index, text, keys, min_score):
            consider(iter(((p, n, generic),)), "fuzzy", score, hint)
        # "à Erevann", "в Степанакертт": a typo after a preposition; its rest is matched
        # fuzzily as a lone word would be, for a little less
        # (in the rest's own script: "краи Atananarivo" is a Latin typo after a Cyrillic word)
        rest = _adposition_rest(text, edges)
        if rest is None or not readings.read_loosely(rest, "fuzzy"):
            continue
        rest_script = script_of(rest)
        among: Collection[str] | None = (rest_script,) if rest_script in ("LATIN", "") else None
        if filters.lang is None and readings.latin_only(rest):
            among = _LATIN_ONLY
        for key in _translit_keys(rest):
            if len(key) < FUZZY_MIN_KEY:
                continue
            for found, score in _fuzzy(index, key, min_score):  # (consider drops those
                # the penalty takes below min_score; a higher bound would narrow the search)
                consider(index.entries(index.translit, found), "fuzzy", min(
                    score, SCORES["transliteration"] - ENDING_PENALTY) - ENDING_PENALTY_FUZZY,
                    hint, among, own=rest_script)
    for key, hint in readings.fuzzy_lookups(own if not best or not stop_early else [],
                                            shortest=FUZZY_MIN_KEY):  # met only fuzzily
        for found, score in [*_fuzzy(index, key, min_score + ENDING_PENALTY_FUZZY),
                             *letter_keys(index, key, min_score + ENDING_PENALTY_FUZZY,
                                          written)]:
            # never above the same reading met exactly at the transliteration stage
            consider(index.entries(index.translit, found), "fuzzy", min(
                score, SCORES["transliteration"] - ENDING_PENALTY) - ENDING_PENALTY_FUZZY, hint,
                script)
    return rank(index, best, ancestors)


def _adpositions(words: list[str]) -> tuple[str | None, str | None]:
    """The preposition that begins and the postposition that ends two or more words (folded,
    unmarked), each None when there is none (data/languages/prepositions.yaml)."""
    if len(words) < 2:
        return None, None
    return (words[0] if words[0] in prepositions() else None,
            words[-1] if words[-1] in postpositions() else None)


def _adposition_rest(text: str, edges: tuple[str | None, str | None]) -> str | None:
    """`text` without the preposition that begins it or the postposition that ends it
    (`edges`, of `_adpositions`), None when it has neither."""
    first, last = edges
    if first is None and last is None:
        return None
    words = fold(text).split()
    return " ".join(words[first is not None: len(words) - (last is not None)]) or None


def _own_adposition(index: NameIndex, entries: Iterator[tuple[int, int, str]],
                    edges: tuple[str | None, str | None]) -> Iterator[tuple[int, int, str]]:
    """The entries whose name keeps the text's adposition (`edges`, of `_adpositions`) as a
    word of its own.

    The transliteration key drops spaces, so "at Aliyə" (a preposition and a person's name)
    would meet "Atalia" (Antalya) whole. A text that begins with a preposition or ends with a
    postposition of data/languages/prepositions.yaml is read without it by toponyms.inflection
    (for a little less); read whole, loosely, it meets only a name that has the same word at the
    same end ("La Pas" and "La Paz", "De Ar" and "De Aar").
    """
    first, last = edges
    if first is None and last is None:
        yield from entries
        return
    for entry in entries:
        own = strip_marks(fold(index.places[entry[0]].names[entry[1]].text)).replace(
            "-", " ").split()
        if len(own) > 1 and (first is None or own[0] == first) and (
                last is None or own[-1] == last):
            yield entry


def _of(lang: str, langs: frozenset[str]) -> bool:
    """Whether a name tagged `lang` is of one of `langs` or untagged."""
    return lang.split("-", 1)[0] in langs or lang.startswith(UNTAGGED)


def _fuzzy(index: NameIndex, key: str, min_score: float) -> list[tuple[str, float]]:
    """Transliteration keys near `key` with their fuzzy score (at least `min_score`).

    The "romanization" rule weighs the keys a few swaps away (one exact look-up of the class
    key) and, where the budget allows a plain edit, the best trigram candidates."""
    if FUZZY_RULE == "ratio":
        cutoff = min_score / FUZZY_FACTOR
        if cutoff > 100:
            return []
        return [(found, min(similarity * FUZZY_FACTOR, FUZZY_MAX))
                for found, similarity in index.fuzzy(key, cutoff)]
    candidates = dict.fromkeys(index.same_class(key))
    size = len(key)
    most = limit(size + 2, min_score)
    if most >= 1.0:  # plain edits may fit: trigram candidates at most that many edits away
        near = index.fuzzy(key, max(0.0, 100 * (1 - int(most) / size)))
        near.sort(key=lambda hit: (-hit[1], hit[0]))
        candidates.update(dict.fromkeys(found for found, _ in near[:FUZZY_WEIGHED]))
    out = []
    for found in candidates:
        length = max(size, len(found))
        if found != key:
            score = score_of(cost(key, found, limit(length, min_score)), length)
            if score >= min_score:
                out.append((found, score))
    return out


@functools.lru_cache(maxsize=4)
def _romanized(codes: frozenset[str]) -> frozenset[str]:
    """The languages whose names take part in the loose stages (see `run`), built once."""
    return codes | {UNTAGGED, "mul"}


def _named_after(index: NameIndex, place: Place, hint: str,
                 fits: Callable[[str, str], bool]) -> tuple[int, Name] | None:
    """(number, shared name) of `place`'s parent when the parent is of kind `hint` and shares a
    name with it (a district named after its centre town), else None."""
    p = index.position.get(place.parent) if place.parent else None
    if p is None:
        return None
    parent = index.places[p]
    if not fits(hint, parent.kind):
        return None
    own = {fold(n.text) for n in place.names}
    shared = next((n for n in parent.names if fold(n.text) in own), None)
    return (p, shared) if shared is not None else None


def _other_title(folded: str, titled: Name) -> float:
    """PENALTY_TITLE_OTHER_CLASS when a titled name met through the core of a titled query
    has another title than the query's: their words differ beyond the core they share
    ("Democratic People's Republic of Korea" and "Korea, Republic of": South Korea is no
    answer as good as the North's own name). Word order and punctuation do not count
    ("Republic of Korea", "Korea, Republic of").

    >>> _other_title("republic of korea", Name("Korea, Republic of", "en", "official"))
    0.0
    >>> _other_title("democratic people's republic of korea",
    ...              Name("Korea, Republic of", "en", "official"))
    1.5
    """
    def words(text: str) -> set[str]:
        return {w.strip(",.'’") for w in strip_marks(text).split()} - {""}

    return 0.0 if words(folded) == words(fold(titled.text)) else PENALTY_TITLE_OTHER_CLASS


def _other_class(titled: Name, asked: str) -> float:
    """PENALTY_TITLE_OTHER_CLASS when the title of a titled name is of another class than the
    query's (`asked`), else 0."""
    return 0.0 if title_class(fold(titled.text)) == asked else PENALTY_TITLE_OTHER_CLASS


def passes(place: Place, name: Name, f: Filters, ancestors: dict[str, frozenset[str]]) -> bool:
    """Whether a place and the name that matched pass the filters (`parent`: in the year `at`
    when given, see toponyms.lineage)."""
    if f.country is not None and place.country != f.country:
        return False
    if f.kind is not None and place.kind != f.kind:
        return False
    if f.parent is not None and f.parent not in above(ancestors, place.id, f.at):
        return False
    return f.lang is None or _lang_matches(name.lang, f.lang)


__all__ = ["SCORES", "Filters", "NameIndex", "Query", "merge", "passes", "prepare", "prominence",
           "rank", "run"]
