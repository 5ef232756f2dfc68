"""Queries in scripts that do not write a name's vowels letter for letter, at the fuzzy stage.

An abjad (Arabic, Persian, Urdu, Hebrew) leaves short vowels out: "خنكندي" romanizes to
"xnkndi", Xankəndi to "xankandi", two plain edits apart, which the fuzzy rule
(toponyms.similarity) reads as two typos. An Indo-Aryan abugida writes an inherent vowel that
is spoken or not (schwa deletion); katakana and the characters Chinese transcribes a foreign
name with add vowels to consonant clusters and pick the nearest they have. Such a query is
also weighed against the names in other scripts with a vowel inserted, deleted or replaced at
VOWEL_COST, on three conditions that keep a common word out:

- its consonants and the name's agree: the same `consonant_key` (consonants only, each swap
  spelling as its group), so only vowels and romanization swaps differ;
- it has at least LOOSE_MIN_CONSONANTS consonants (a short word's consonants meet too many
  names);
- the place is met so through at least LOOSE_MIN_KEYS distinct keys of its names (its names in
  other scripts and romanizations agree), and the score is the usual one of the weighted cost.

An abjad's key of three or four consonants (`omits_vowels`: Arabic, Hebrew; "ארבקיר", Arabkir)
is read more strictly: a vowel of the name it leaves out costs OMITTED_VOWEL_COST, but at most
ABJAD_MAX_OMITTED of them, a vowel it writes otherwise and the name's first vowel cost in
full, and it meets only names that write their vowels, of places with no name in its script
(one that has is met as written there: "أثناء", during, is not Athens, أثينا).

Which scripts read so is data: `loose_vowels` in the script files of data/languages. Han
reads so only when made of the characters Chinese transcribes foreign names with alone
(han.yaml's table); Hangul not at all: a Chinese or Korean word's syllables are a Chinese
city's (measured). So are the sounds a script has no letter for and writes with another
(`loose_letters`: Arabic writes p with ب b and v with ف f), read as that letter on both sides;
those letters are read so at the plain fuzzy stage too, in every script that has them
(`letter_keys`: katakana writes l with r, "ディリジャン" dirijan is Dilijan).
"""

from __future__ import annotations

from collections.abc import Callable

from toponyms.index import NameIndex
from toponyms.keys import fold, script_of, translit_keys
from toponyms.romanizers import HAN_MARK
from toponyms.similarity import (
    OMITTED_VOWEL_COST,
    VOWEL_COST,
    consonant_key,
    cost,
    limit,
    score_of,
    swap_rules,
)
from toponyms.translit import languages, romanize

#: Scripts that write both their own words and transcriptions, read so only when their
#: romanizer marks the text a transcription: Han made of han.yaml's transcription characters
#: alone (other Han text is Chinese, whose syllables are a Chinese city's).
_TRANSCRIPTION_MARKS = {"CJK": HAN_MARK}
#: Fewest consonants (of `consonant_key`) a key must have to be read with loose vowels.
LOOSE_MIN_CONSONANTS = 5
#: Fewest consonants a key of a query in an abjad (`omits_vowels`) must have: its missing
#: vowels cost OMITTED_VOWEL_COST, so one of three consonants (qbala, Qabala) meets the names
#: that are spelt with them and differ in no written letter.
ABJAD_MIN_CONSONANTS = 3
#: Most vowels of a name such a short key may leave out: with three or four consonants, a
#: spelling that leaves out two vowels is too loose to tell a name from a word ("נכונה",
#: correct, has the consonants of Naxuana, an old name of Nakhchivan).
ABJAD_MAX_OMITTED = 1
#: Fewest distinct keys of a place's names that must meet the query so (for a short abjad
#: key: distinct names of the place in other scripts with its consonants).
LOOSE_MIN_KEYS = 2
#: The trigram candidates weighed: keys at least this rapidfuzz ratio from the query's (the
#: vowels a script leaves out are indels: "xnkndi" and "xankandi" are 86).
LOOSE_RATIO = 70.0
#: Most trigram candidates weighed (best ratio first).
LOOSE_WEIGHED = 40
#: Most readings of a key with its written letters read back (see `letter_keys`).
MAX_LETTER_VARIANTS = 16


def reads_loose_vowels(folded: str) -> bool:
    """Whether folded text is in a script read with loose vowels (see the module docstring).

    >>> reads_loose_vowels("خنكندي"), reads_loose_vowels("Xankəndi")
    (True, False)
    """
    written = script_of(folded)
    if written not in languages().loose_vowels:
        return False
    mark = _TRANSCRIPTION_MARKS.get(written)
    return mark is None or romanize(folded).endswith(mark)


def loose_keys(index: NameIndex, key: str, min_score: float,
               letters: tuple[tuple[str, str], ...] = (), *,
               abjad: bool = False) -> list[tuple[str, float]]:
    """The index keys with `key`'s consonants that score at least `min_score` with vowels at
    VOWEL_COST, with that score; none for a key of too few consonants. `letters` are the
    (letter, letter written for it) pairs of the query's script, read as one on both sides.
    A query in an abjad (`abjad`) of fewer consonants, down to ABJAD_MIN_CONSONANTS, is read
    more strictly: it may leave out ABJAD_MAX_OMITTED of a name's vowels (OMITTED_VOWEL_COST
    each) but not write one the name has not (a full edit)."""
    read = _reader(letters)
    consonants = consonant_key(read(key))
    vowel, omitted, vowels = VOWEL_COST, None, -1
    if len(consonants) < LOOSE_MIN_CONSONANTS:
        if not abjad or len(consonants) < ABJAD_MIN_CONSONANTS:
            return []
        vowel, omitted, vowels = 1.0, OMITTED_VOWEL_COST, _vowels(read(key))
    near = sorted(index.fuzzy(key, LOOSE_RATIO), key=lambda hit: (-hit[1], hit[0]))
    out = []
    for found in dict.fromkeys([*index.same_class(key),
                                *(found for found, _ in near[:LOOSE_WEIGHED])]):
        if found == key or consonant_key(read(found)) != consonants:
            continue
        if vowels >= 0 and _vowels(read(found)) - vowels > ABJAD_MAX_OMITTED:
            continue  # a short key that leaves out more vowels is too loose a spelling
        length = max(len(key), len(found))
        pair_cost = cost(read(key), read(found), limit(length, min_score), vowel=vowel,
                         omitted=omitted)
        score = score_of(pair_cost, length)
        if score >= min_score:
            out.append((found, score))
    return out


def letter_keys(index: NameIndex, key: str, min_score: float,
                script: str) -> list[tuple[str, float]]:
    """The index keys that a query's `key` in `script` meets at least `min_score` once both
    are read with the letters the script writes for sounds it has no letter for (its
    `loose_letters`: katakana writes l with r, Hangul f with p and z with j), with that score.
    Candidates are the keys of the query's swap class with any of its written letters read
    back (at most MAX_LETTER_VARIANTS readings), looked up exactly. A script that writes
    transcriptions only with a mark (Han) reads its letters so only with loose vowels, where
    the place's names must agree (`loose_vowel_entries`): "耶烈万" (Yerevan) is Aryavan's
    key with r read l."""
    letters = () if script in _TRANSCRIPTION_MARKS else languages().loose_letters.get(script, ())
    if not letters:
        return []
    variants = [key]
    for letter, written in letters:
        for i in range(len(key)):
            if len(variants) >= MAX_LETTER_VARIANTS:
                break
            variants += [v[:i] + letter + v[i + len(written):] for v in variants
                         if v.startswith(written, i)][:MAX_LETTER_VARIANTS - len(variants)]
    read = _reader(letters)
    mine = read(key)
    out = []
    for found in dict.fromkeys(f for v in variants for f in index.same_class(v)):
        if found == key:
            continue
        length = max(len(key), len(found))
        score = score_of(cost(mine, read(found), limit(length, min_score)), length)
        if score >= min_score:
            out.append((found, score))
    return out


def _reader(letters: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """A key with each letter of `letters` replaced by the letter the script writes for it."""
    def read(key: str) -> str:
        for letter, written in letters:
            key = key.replace(letter, written)
        return key
    return read


def _vowels(key: str) -> int:
    """How many of a key's letters are vowels."""
    vowels = swap_rules().vowels
    return sum(ch in vowels for ch in key)


def _with_vowel_letters(keys: tuple[str, ...], pairs: tuple[tuple[str, str], ...],
                        ) -> list[str]:
    """The keys, each followed by its reading with every letter of `pairs` after the first
    letter read as the pair's vowel (`vowel_letters`: "nvrabak", Arabic نوراباك, is also
    "nurabak", Norabak's consonants)."""
    out, vowel = list(keys), dict(pairs)
    for key in keys:
        read = key[:1] + "".join(vowel.get(ch, ch) for ch in key[1:])
        if read not in out:
            out.append(read)
    return out


def _written_in(index: NameIndex, place: int, script: str) -> bool:
    """Whether the place numbered `place` has a name in `script`."""
    return any(script_of(name.text) == script for name in index.places[place].names)


def loose_vowel_entries(index: NameIndex, folded: str, keys: tuple[str, ...],
                        min_score: float) -> list[tuple[int, int, str, float]]:
    """(place number, name number, generic kind, score) of the names in other scripts that a
    query (folded text and its transliteration keys) meets with loose vowels, at least
    `min_score`; empty unless its script reads so and the place's names agree."""
    if not reads_loose_vowels(folded):
        return []
    written = script_of(folded)
    data = languages()
    letters = data.loose_letters.get(written, ())
    abjad = written in data.omits_vowels
    met: dict[int, set[str]] = {}
    out: list[tuple[int, int, str, float]] = []
    for key in _with_vowel_letters(keys, data.vowel_letters.get(written, ())):
        # a short key read as an abjad's (see loose_keys) meets only places that have no name
        # in the query's script: one that has is met as written there, and a word of the
        # script with its consonants is another word ("أثناء", during, is not Athens, أثينا)
        read = _reader(letters)
        consonants = consonant_key(read(key))
        short = len(consonants) < LOOSE_MIN_CONSONANTS
        hits = loose_keys(index, key, min_score, letters, abjad=abjad)
        if key not in keys and key in index.translit:  # a vowel letter read as its vowel
            # gives a name's key as it is ("shahvmian" read "shahumian"): one vowel's cost
            exact = score_of(VOWEL_COST, len(key))
            if exact >= min_score:
                hits.append((key, exact))
        for found, score in hits:
            for p, n, generic in index.entries(index.translit, found):
                name_script = script_of(index.places[p].names[n].text)
                if short and (_written_in(index, p, written) or name_script in data.loose_vowels):
                    continue  # and only a name that writes its vowels tells which are left out
                if name_script != written:
                    if short and p not in met:  # its names agree on the consonants, at any
                        # score: Габала (gabala) with Qəbələ (qabala) for qbala
                        met[p] = _agreeing_names(index, p, consonants, read,
                                                 data.loose_vowels)
                    met.setdefault(p, set()).add(found)
                    out.append((p, n, generic, score))
    return [entry for entry in out if len(met[entry[0]]) >= LOOSE_MIN_KEYS]


def _agreeing_names(index: NameIndex, place: int, consonants: str,
                    read: Callable[[str], str], loose: frozenset[str]) -> set[str]:
    """The distinct names of a place (as folded), in scripts that write their vowels (not of
    `loose`), with a transliteration key of these consonants."""
    folded = [(fold(name.text), name.lang) for name in index.places[place].names
              if script_of(name.text) not in loose]
    return {text for text, lang in folded
            if any(consonant_key(read(key)) == consonants for key in translit_keys(text, lang))}


__all__ = ["ABJAD_MAX_OMITTED", "ABJAD_MIN_CONSONANTS", "LOOSE_MIN_CONSONANTS", "LOOSE_MIN_KEYS",
           "LOOSE_RATIO", "MAX_LETTER_VARIANTS", "letter_keys", "loose_keys", "loose_vowel_entries",
           "reads_loose_vowels"]
