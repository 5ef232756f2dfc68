"""The readings of a query that the cascade looks up: the text checked and folded, with its
generic term split off, and with a case ending, preposition or clitic taken off.

`prepare` checks and folds a query once per call; its `variants` are the folded text and the
text with a generic term ("rayonu", "район") split off as a kind hint. A query with an ending
left on ("Şuşada", "Тертерского района", "Lačin'de") is read as its base forms
(toponyms.inflection and toponyms.clitics read the endings off, from data/languages): the
functions below give the keys each of them is looked up by, stage by stage, and the cascade
(toponyms.cascade) scores a match through one ENDING_PENALTY lower than its stage. A short word
of a script whose words are a few syllables long (Hangul, kana, Han) is read only as written
(`read_loosely`). They live
apart from the cascade so that `run` reads as the stages and their order, and what a reading
is, here, as text in and keys out (no index, no scores).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from toponyms.clitics import apostrophe_base
from toponyms.inflection import MAX_SCRIPT_FORMS, base_forms, script_bases
from toponyms.keys import MAX_NAME_CHARS, fold, script_of, split_generic, strip_marks, translit_keys
from toponyms.romanizers import HAN_MARK
from toponyms.translit import languages, romanize

#: A base form with its generic term split off or not: (folded text, kind hint or "", the
#: languages of the ending read, None when only a preposition was read).
Inflected = tuple[str, str, frozenset[str] | None]
#: A base form read with an ending of the query's own script: (folded text, kind hint or "",
#: whether it is among the MAX_SCRIPT_FORMS likeliest, which are looked up fuzzily too).
Scripted = tuple[str, str, bool]


@dataclass(slots=True)
class Query:
    """A query as the cascade reads it: the text (stripped), folded, and its variants.

    The variants are read on first use: a query that the exact stage answers never needs
    its generic term split off."""

    text: str
    folded: str
    _variants: list[tuple[str, str]] | None = None

    @property
    def variants(self) -> list[tuple[str, str]]:
        """(folded text, kind hint or ""): the folded text, then each reading with a generic
        term split off as a kind hint (toponyms.keys.split_generic)."""
        if self._variants is None:
            self._variants = [(self.folded, ""), *split_generic(self.folded)]
        return self._variants


def prepare(query: str) -> Query | None:
    """Check and fold a query; None for blank text.

    A name longer than MAX_NAME_CHARS is a ValueError: no place name is that long, and the
    limit bounds the work of one call (running text goes to `extract`).

    >>> prepare("  Terter rayonu ").variants
    [('terter rayonu', ''), ('terter', 'district')]
    """
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
    return Query(text, folded)


def read_loosely(folded: str, stage: str) -> bool:
    """Whether folded text has letters enough to be looked up at a loose `stage`
    ("transliteration" or "fuzzy").

    A word of Korean, Japanese or Chinese is one to three syllables, each one letter (a Hangul
    block, a kana, a Han character), and its romanized key, a few letters, equals or is a swap
    away from some place's key in one of the data's scripts by chance: 재판 (a trial) reads
    "japan", 伤害 (harm) "shanghai", 대해 (about) is a swap from Doha's Hebrew "daxa". The
    `short_words` of a script's file (data/languages) give the fewest letters a query in that
    script needs at each loose stage; text that its romanizer marks a transcription (Han made
    of han.yaml's transcription characters alone, no kana) may have its own counts; text in
    several scripts needs the most any of them asks. Scripts without the key are read loosely
    at any length.

    >>> read_loosely(fold("대해"), "fuzzy"), read_loosely(fold("트빌리시"), "fuzzy")
    (False, True)
    """
    counts = _short_counts(folded)
    return counts is None or counts[0] >= counts[1][0 if stage == "transliteration" else 1]


def latin_only(folded: str) -> bool:
    """Whether folded text is short enough that a loose reading of it meets only names in the
    Latin script (`any_script` of the script's `short_words`).

    A Hebrew or Arabic name writes no short vowels and a Greek one folds its digraphs, so a key
    of two syllables meets one of them by chance (아니 "no" is Hanoi's Greek "Ανόι" read as
    "ani", 마크 "mark" Macau's "Μακάου"); a place's Latin names are its romanizations, which a
    transcription reads back (바쿠 "baku", Baku).

    >>> latin_only(fold("바쿠")), latin_only(fold("사마키")), latin_only("abc")
    (True, False, False)
    """
    counts = _short_counts(folded)
    return counts is not None and counts[0] < counts[1][2]


@functools.lru_cache(maxsize=4096)
def _short_counts(folded: str) -> tuple[int, tuple[int, int, int]] | None:
    """(letters, (transliteration, fuzzy, any_script) counts) of folded text, the strictest of
    the `short_words` of its letters' scripts (終わり, Han with hiragana, counts as hiragana);
    None when none of its scripts has them."""
    if folded.isascii():
        return None
    rules = languages().short_words
    scripts = set(map(_script, set(folded)))  # each distinct character once ("" for a space)
    found = [rules[script] for script in scripts if script in rules]
    if not found:
        return None
    # a transcription: Han of han.yaml's characters alone (not 安い, a Japanese word with kana)
    transcribed = len(scripts - {""}) == 1 and any(rule.transcribed for rule in found) and (
        romanize(folded).endswith(HAN_MARK))
    each = [(*(rule.transcribed if transcribed and rule.transcribed else
               (rule.transliteration, rule.fuzzy)), rule.any_script) for rule in found]
    return sum(map(str.isalpha, folded)), (max(c[0] for c in each), max(c[1] for c in each),
                                           max(c[2] for c in each))


@functools.lru_cache(maxsize=8192)
def _script(letter: str) -> str:
    """script_of one letter, remembered: `_short_counts` reads every letter of a query."""
    return script_of(letter)


def inflected(folded: str) -> list[Inflected]:
    """The base forms of a folded query (toponyms.inflection.base_forms), each also with its
    generic term split off."""
    return [(text, hint, langs) for base, langs in base_forms(folded)
            for text, hint in [(base, ""), *split_generic(base)]]


def normalized_lookups(query: Query, forms: list[Inflected],
                       ) -> Iterator[tuple[str, str, str, frozenset[str] | None]]:
    """(table, key, kind hint, languages) to look up at the normalized stage, in order; the
    table is "exact" (the index's text as written) or "normalized".

    First the name before an apostrophe ("Lačin'de"), then each base form in `forms`; a form
    that is the query's start with an ending cut off a word as written ("Qûbadlîya") is
    looked up as written first, as the bare name is met ("Qûbadlî", the district; "qubadli"
    is the town too).

    >>> query = prepare("Lačin'de")
    >>> [(table, key) for table, key, _, _ in normalized_lookups(query, [])]
    [('exact', 'Lačin'), ('normalized', 'lacin')]
    """
    cut = apostrophe_base(query.text)
    if cut is not None:
        yield "exact", cut, "", None
        for text, hint in [(fold(cut), ""), *split_generic(fold(cut))]:
            yield "normalized", strip_marks(text), hint, None
    written_as = query.text.strip()
    for text, hint, langs in forms:
        if not hint and query.folded.startswith(text) and fold(
                written_as[:len(text)]) == text:
            yield "exact", written_as[:len(text)], "", langs
        yield "normalized", strip_marks(text), hint, langs


def scripted(query: Query, written: str) -> list[Scripted]:
    """The base forms that the loose stages read in names of any language, likeliest first,
    each also with its generic term split off: the name before an apostrophe ("Erıvan’a":
    Turkish writes a proper noun's suffixes after one, so the rest is the name as the query
    spells it, typos and all), then the forms read with endings of the query's script
    `written` only (toponyms.inflection.script_bases)."""
    cut = apostrophe_base(query.text)
    bases = [fold(cut)] if cut is not None else []
    bases += [b for b in script_bases(query.folded, written) if b not in bases]
    return [(text, hint, i < MAX_SCRIPT_FORMS)
            for i, base in enumerate(bases)
            for text, hint in [(base, ""), *split_generic(base)]]


def translit_lookups(forms: list[Inflected], own: list[Scripted], *, shortest: int,
                     ) -> Iterator[tuple[str, str, frozenset[str] | None]]:
    """(key, kind hint, languages) to look up at the transliteration stage, keys of at least
    `shortest` letters: the base forms where a generic term vouches for the reading, then every
    form read with an ending of the query's own script (read in names of any language)."""
    for text, hint, langs in [*((t, h, ls) for t, h, ls in forms if h),
                              *((t, h, None) for t, h, _ in own)]:
        if not read_loosely(text, "transliteration"):
            continue
        for key in translit_keys(text):
            if len(key) >= shortest:
                yield key, hint, langs


def fuzzy_lookups(own: list[Scripted], *, shortest: int) -> Iterator[tuple[str, str]]:
    """(key, kind hint) to look up fuzzily: the keys of at least `shortest` letters of the
    likeliest forms read with an ending of the query's own script."""
    for text, hint, likeliest in own:
        if not likeliest or not read_loosely(text, "fuzzy"):
            continue
        for key in translit_keys(text):
            if len(key) >= shortest:
                yield key, hint


__all__ = ["Inflected", "Query", "Scripted", "fuzzy_lookups", "inflected", "latin_only",
           "normalized_lookups", "prepare", "read_loosely", "scripted", "translit_lookups"]
