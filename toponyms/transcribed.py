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

Which scripts read so is data: `loose_vowels` in the script files of data/languages. Han
reads so only when made of the characters Chinese transcribes foreign names with alone
(han.yaml's table); Hangul not at all: a Chinese or Korean word's syllables are a Chinese
city's (measured). So are the sounds a script has no letter for and writes with another
(`loose_letters`: Arabic writes p with ب b and v with ف f), read as that letter on both sides.
"""

from __future__ import annotations

from collections.abc import Callable

from toponyms.index import NameIndex
from toponyms.keys import script_of
from toponyms.romanizers import HAN_MARK
from toponyms.similarity import VOWEL_COST, consonant_key, cost, limit, score_of
from toponyms.translit import languages, romanize

#: Scripts that write both their own words and transcriptions, read so only when their
#: romanizer marks the text a transcription: Han made of han.yaml's transcription characters
#: alone (other Han text is Chinese, whose syllables are a Chinese city's).
_TRANSCRIPTION_MARKS = {"CJK": HAN_MARK}
#: Fewest consonants (of `consonant_key`) a key must have to be read with loose vowels.
LOOSE_MIN_CONSONANTS = 5
#: Fewest distinct keys of a place's names that must meet the query so.
LOOSE_MIN_KEYS = 2
#: The trigram candidates weighed: keys at least this rapidfuzz ratio from the query's (the
#: vowels a script leaves out are indels: "xnkndi" and "xankandi" are 86).
LOOSE_RATIO = 70.0
#: Most trigram candidates weighed (best ratio first).
LOOSE_WEIGHED = 40


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
               letters: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, float]]:
    """The index keys with `key`'s consonants that score at least `min_score` with vowels at
    VOWEL_COST, with that score; none for a key of too few consonants. `letters` are the
    (letter, letter written for it) pairs of the query's script, read as one on both sides."""
    read = _reader(letters)
    consonants = consonant_key(read(key))
    if len(consonants) < LOOSE_MIN_CONSONANTS:
        return []
    near = sorted(index.fuzzy(key, LOOSE_RATIO), key=lambda hit: (-hit[1], hit[0]))
    out = []
    for found in dict.fromkeys([*index.same_class(key),
                                *(found for found, _ in near[:LOOSE_WEIGHED])]):
        if found == key or consonant_key(read(found)) != consonants:
            continue
        length = max(len(key), len(found))
        pair_cost = cost(read(key), read(found), limit(length, min_score), vowel=VOWEL_COST)
        score = score_of(pair_cost, length)
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


def loose_vowel_entries(index: NameIndex, folded: str, keys: tuple[str, ...],
                        min_score: float) -> list[tuple[int, int, str, float]]:
    """(place number, name number, generic kind, score) of the names in other scripts that a
    query (folded text and its transliteration keys) meets with loose vowels, at least
    `min_score`; empty unless its script reads so and the place's names agree."""
    if not reads_loose_vowels(folded):
        return []
    written = script_of(folded)
    letters = languages().loose_letters.get(written, ())
    met: dict[int, set[str]] = {}
    out: list[tuple[int, int, str, float]] = []
    for key in keys:
        for found, score in loose_keys(index, key, min_score, letters):
            for p, n, generic in index.entries(index.translit, found):
                if script_of(index.places[p].names[n].text) != written:
                    met.setdefault(p, set()).add(found)
                    out.append((p, n, generic, score))
    return [entry for entry in out if len(met[entry[0]]) >= LOOSE_MIN_KEYS]


__all__ = ["LOOSE_MIN_CONSONANTS", "LOOSE_MIN_KEYS", "LOOSE_RATIO", "loose_keys",
           "loose_vowel_entries", "reads_loose_vowels"]
