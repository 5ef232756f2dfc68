"""A place named inside a phrase: "мэрия Кутаиси" (the mayor's office of Kutaisi), "Masallı
ərazisində" (in the territory of Masallı), "post-war Stepanakert", "городе Абовян Котайкской
области Армении" (in the town of Abovyan of Armenia's Kotayk province).

Captions, table cells and copied headlines write a place with words around it that describe
it. When nothing else reads such a text (the whole is no name at any stage, and no compound or
qualified reading of toponyms.compound stands), `read` looks for names among its words:

- at each word, the longest run of words that is a name as written or normalized (in a script
  of `cased_scripts`, a run with a word that begins with a capital) (the exact
  and normalized stages, with the base forms of inflected words: "Еревана", "qəsəbəsində",
  "Котайкской области"), leftmost first, as `extract` covers text; no transliteration or fuzzy
  reading of a run, which would turn describing words into places;
- every word no run covers must be one that may describe a place: a kind word (that is no
  place's name: "Ավան" is a town and a district), a function word or an article of
  data/languages/compound.yaml (in any script), a describing word or phrase of its
  `describing_words` (in any script: Arabic "الانفصالية", separatist; Georgian
  "თვითმმართველი", self-governing; Persian "خود مختار", autonomous), a capitalized word of a
  cased script that ends in one of its `kind_heads` ("Grenzregion", a border region: a German
  compound noun says its kind at its end; with at least MIN_HEAD_REST letters before it, no
  word of a name, and no name before the head), or, in a script whose writers
  begin names with a capital (compound.yaml's `cased_scripts`), a word all in lower case that
  is no word of any name of the data ("new Gyumri" may be a New Gyumri we lack), and such a
  word written with a capital as the text's first word before a name in a case form
  ("Мэрия Еревана": a caption's capital, and a genitive says what the word is of), for
  PENALTY_SENTENCE_CAPITAL more. A
  capitalized word in such a script ("Hotel Qala", "Kloster Dadivank", "Nizami Ganjavi") is a
  name of something else, and a word of another script that is no kind word may be one too: no
  answer;
- a demonym (data/demonyms.yaml, as `resolve(..., demonyms=True)` reads them: "the Armenian
  town of Goris", or an Arabic nisba adjective that compound.yaml's `nisba` rule rebuilds
  into a country's name of the data: "الأرمينية", the Armenian, of أرمينيا) describes too,
  when its country contains the answer; a demonym of another country leaves the text unread;
- a word of a script written without spaces (Han, kana, Hangul) is split where a describing
  word begins or ends it, so that its rest is read as a run of its own;
- with no such word, the runs are names of places inside one another written one after the
  other ("Абовян Котайкской области Армении"), as compound reads two; in any case
  the places the runs name must lie on one chain (each contains the next): the answer is the
  innermost ("Xəzər rayonunun Buzovna qəsəbəsində" is the settlement of Buzovna).

The answer scores as its weakest run, less compound's PENALTY_UNMARKED (our reading, not the
writer's separator), less PENALTY_UNKNOWN_PART when a word is no kind, function or article
word (a describing word of compound.yaml too: it says more than where), less compound's
PENALTY_CONTAINED for a run that names a place containing the answer or for a demonym. A kind
word or state title among the words must fit the answer ("Republic of Paris", "Gyumri
village" are no answers). The method is
`compound` and `Match.part` the run that named the place.

Only text of 2 to `max_phrase_words` words gets here, and at most that many words squared runs
are looked up, each at the two cheap stages: the 500-character limit and the word limit bound
the work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from toponyms import cascade, compound, joined
from toponyms.compoundparse import CompoundSpec, nisba_countries, spec
from toponyms.index import NameIndex
from toponyms.inflection import postpositions, prepositions
from toponyms.keys import fold, script_of, strip_marks
from toponyms.kindwords import kind_of, positional
from toponyms.model import Match
from toponyms.translit import languages

#: A word that is no kind, function or article word: the phrase says more than where.
PENALTY_UNKNOWN_PART = compound.PENALTY_UNKNOWN_PART
#: The first word of the text written with a capital and the rest of it in lower case, that is
#: no word of a name, before a name in a case form ("Мэрия Еревана", the mayor's office of
#: Yerevan: a caption begins with a capital, and the genitive says the word is of the place):
#: read as a describing word, for this much more. Before a name as written it may be a name
#: of something else ("Radisson Baku"): no answer.
PENALTY_SENTENCE_CAPITAL = 2.0
#: Fewest letters of a lower-case word of some name that may describe a name in a case form
#: after it (for PENALTY_SENTENCE_CAPITAL, as a capital first word): "территории Агдамского
#: района"; a shorter one ("new", "san", "old") is too often a name's own first word
MIN_NAME_WORD = 5
#: The most words of a describing phrase of compound.yaml ("خود مختار").
MAX_DESCRIBING_WORDS = 3
#: The fewest letters before the kind word a compound noun ends in ("Grenz|region").
MIN_HEAD_REST = 4
#: Punctuation a word may carry at its edges ("Kutaisi,", "«Шуша»", "post-war").
EDGE_MARKS = ".,;:!?\"'«»“”„‘’()[]{}-–—"


def read(index: NameIndex, text: str, filters: cascade.Filters, *, min_score: float,
         ancestors: dict[str, frozenset[str]], common: Mapping[str, float] | None = None,
         demonym: Callable[[str], Sequence[str]] | None = None) -> list[Match]:
    """The place a phrase names among describing words (see the module's rules), as a
    one-item list; [] when the text is no such phrase. `demonym` gives the ids of the
    countries a word is a demonym of (none when it is no demonym)."""
    s = spec()
    words = _words(text, s.describing)
    if not 2 <= len(words) <= s.max_phrase_words:
        return []
    loose = cascade.Filters(at=filters.at)
    runs: list[Match] = []
    rest: list[tuple[int, str]] = []  # (position, word)
    i = 0
    while i < len(words):
        # a run that begins with a demonym counts only as a name as written, not read with a
        # case ending ("Armenian town" is Finnish for Armenia's town: in "the Armenian town of
        # Goris" the demonym describes)
        people = demonym is not None and bool(words[i]) and bool(demonym(words[i]))
        for j in range(len(words), i, -1):
            if (i, j) == (0, len(words)) or not words[i]:
                continue  # the whole text was read already
            if not _may_name(words[i:j], s.cased_scripts):
                continue
            found = _name(index, " ".join(words[i:j]), loose, ancestors, common)
            if found is not None and people and not _written_name(index, " ".join(words[i:j])):
                continue
            if found is not None:
                runs.append(found)
                i = j
                break
        else:
            if words[i]:
                rest.append((i, words[i]))
            i += 1
    if not runs or (not rest and len(runs) < 2):
        return []  # no name, or one name that is the whole text: read already
    kinds: set[str] = set()
    unknown = capital = False
    peoples: list[Sequence[str]] = []
    k = 0
    while k < len(rest):
        n = _describing(rest, k, s.describing)
        if n:  # "الانفصالية", "თვითმმართველი", "خود مختار": it describes, in any script
            unknown = True
            k += n
            continue
        word = rest[k][1]
        k += 1
        countries = (demonym(word) if demonym is not None else ()) or nisba_countries(index, word)
        if countries:
            peoples.append(countries)  # "the Armenian town of Goris": checked on the answer
            continue
        folded = strip_marks(fold(word))
        lower = script_of(word) in s.cased_scripts and word == word.lower() != word.upper()
        kind = s.kind_words.get(folded) or kind_of(folded) or _headed(word, folded, s, index)
        if kind is not None and next(index.entries(index.normalized, folded), None) is not None:
            return []  # a kind word that is a place's name too ("Ավան", town, and a district)
        if kind is not None:
            kinds.add(kind)
        elif folded in s.function_words or folded in s.articles or (
                word == word.lower() and (folded in prepositions() or folded in postpositions())):
            continue  # "of", "the", "в", "на" (data/languages/prepositions.yaml): no evidence
        elif lower and (folded not in joined.name_words(index) or positional(folded)):
            unknown = True  # a describing word: "мэрия", "ərazisində", "post-war"; or a
            # position word in lower case, though names have it ("northern Baku": North Korea)
        elif lower and len(folded) >= MIN_NAME_WORD:
            # a word of some name in lower case ("территории", of Палестинские территории):
            # describing only before a name in a case form (below; "new Lachin" may be another
            # place, "территории Агдамского района" is the district's territory)
            unknown = capital = True
        elif (rest[k - 1][0] == 0 and script_of(word) in s.cased_scripts
              and word[:1].isupper() and word[1:].islower()
              and folded not in joined.name_words(index)):
            unknown = capital = True  # the same at the start of a caption: "Мэрия Еревана"
        else:
            return []  # a name of something else, or a word we cannot tell from one
    if capital and not kinds and all(_written_name(index, m.query) for m in runs):
        return []  # "Radisson Baku": only a name in a case form or a kind word ("Азербайджанский
        # город Гянджа") says the word is of it; so for a lower-case word of a name
    inner = [m for m in runs
             if all(o.place.id == m.place.id or o.place.id in ancestors.get(m.place.id, ())
                    for o in runs)]
    if not inner:
        return []  # "Paris hotel Yerevan": two places, neither inside the other
    answer = inner[0]
    if not cascade.passes(answer.place, answer.name, filters, ancestors):
        return []
    chain = ancestors.get(answer.place.id, frozenset()) | {answer.place.id}
    if any(chain.isdisjoint(countries) for countries in peoples):
        return []  # "the Georgian town of Goris": another country's people
    # a name of a place containing the answer supports it, however weakly: never worse than
    # a word that names nothing ("Азербайджанский город Гянджа", the adjective read as the
    # country's name for 88)
    score = min(m.score if m.place.id == answer.place.id else max(
        m.score - compound.PENALTY_CONTAINED, answer.score - PENALTY_UNKNOWN_PART)
        for m in runs) - compound.PENALTY_UNMARKED
    if unknown:
        score -= PENALTY_UNKNOWN_PART
    if capital:
        score -= PENALTY_SENTENCE_CAPITAL
    if peoples:
        score -= compound.PENALTY_CONTAINED  # as a part that names a country containing it
    if kinds and not any(languages().fits(k, answer.place.kind) for k in kinds):
        return []  # "Republic of Paris", "Gyumri village": a kind word we read must fit
    if score < min_score:
        return []
    return [replace(answer, score=round(score, 2), method="compound", query=text,
                    part=answer.query, ambiguous=False)]


def _words(text: str, describing: frozenset[str]) -> list[str]:
    """The words of `text` without their edge marks; a word of a script written without
    spaces (Han, kana, Hangul) is split where a describing word begins or ends it ("古都シュシャ":
    "古都", "シュシャ")."""
    words: list[str] = []
    for raw in text.split():
        word = raw.strip(EDGE_MARKS)
        if script_of(word) in joined.UNSPACED | {"HANGUL"}:
            head, word, tail = _peel(word, describing)
            words.extend(w for w in (*head, word, *tail) if w)
        else:
            words.append(word)
    return words


def _peel(word: str, describing: frozenset[str]) -> tuple[list[str], str, list[str]]:
    """The describing words at the start and at the end of `word`, and what is between."""
    head: list[str] = []
    tail: list[str] = []
    marks = joined.possessives().joiners
    for d in sorted(describing, key=len, reverse=True):
        bare = strip_marks(fold(word))
        if len(bare) > len(d) and bare.startswith(d):
            head.append(word[: len(d)])
            word = word[len(d):].lstrip(marks)
        elif len(bare) > len(d) and bare.endswith(d):
            tail.insert(0, word[-len(d):])
            word = word[: -len(d)].rstrip(marks)
    return head, word, tail


def _describing(rest: list[tuple[int, str]], k: int, describing: frozenset[str]) -> int:
    """How many words from `rest[k]` on, next to each other in the text, make a describing
    word or phrase of compound.yaml (0: none)."""
    for n in range(min(MAX_DESCRIBING_WORDS, len(rest) - k), 0, -1):
        span = rest[k:k + n]
        if span[-1][0] - span[0][0] == n - 1 and strip_marks(
                fold(" ".join(w for _, w in span))) in describing:
            return n
    return 0


def _headed(word: str, folded: str, s: CompoundSpec, index: NameIndex) -> str | None:
    """The kind a compound noun ends in ("Grenzregion", a border region): a
    capitalized word of a cased script that is no word of a name and ends in one of
    compound.yaml's `kind_heads`, with at least MIN_HEAD_REST letters before it."""
    if script_of(word) not in s.cased_scripts or not word[:1].isupper():
        return None
    head = next((h for h in s.kind_heads
                 if folded.endswith(h) and len(folded) - len(h) >= MIN_HEAD_REST), None)
    if head is None or folded in joined.name_words(index) or next(
            index.entries(index.normalized, folded[: -len(head)]), None) is not None:
        return None  # "Gyumriregion": the region of a place, not a word that describes
    return kind_of(head)


def _may_name(words: list[str], cased: frozenset[str]) -> bool:
    """Whether a run of words may be a name: in a script of `cased`, one of them begins with a
    capital ("городе Абовян"; "muxtar respublikası" is two words of a title)."""
    return any(script_of(w) not in cased or w[:1].isupper() for w in words)


def _written_name(index: NameIndex, text: str) -> bool:
    """Whether `text` is a name of the data as written or normalized (no ending read off)."""
    return next(index.entries(index.normalized, strip_marks(fold(text))), None) is not None


def _name(index: NameIndex, run: str, filters: cascade.Filters,
          ancestors: dict[str, frozenset[str]], common: Mapping[str, float] | None,
          ) -> Match | None:
    """The best place `run` names as written or normalized, or None."""
    query = cascade.prepare(run)
    if query is None or kind_of(query.folded) is not None:
        return None  # a kind word alone describes; it names nothing
    found = cascade.run(index, query, filters, min_score=compound.PART_FLOOR, stop_early=True,
                        ancestors=ancestors, common=common, written_only=True)
    return found[0] if found else None


__all__ = ["PENALTY_UNKNOWN_PART", "read"]
