"""Base forms of an inflected query: "Şuşada" -> "şuşa", "Гянджу" -> "гянджа", "Xocalının" ->
"xocalı", "Գյումրիում" -> "գյումրի", "Тертерского района" -> "тертерскии раион".

Table cells and headlines copy place names out of running text, with the case ending still on
("in Shusha", "of Tartar district"). `resolve` tries these base forms after the name as written
found nothing at the exact and normalized stages; a match through one scores
``ENDING_PENALTY`` lower. The knowledge is the language files' (data/languages/*.yaml): their
`suffixes` (case endings, read off the end of a word) and their `inflect` rules read backwards
(a Russian word form back to its nominative). No language is assumed: every language's endings
are tried, and only a base form that is itself a name of the data counts.

A leading preposition ("in Baku", "i Gyumri", "в Шуше", "из Шуши") is read off the same way, from
data/languages/prepositions.yaml: the rest must be a name of the data. A preposition alone says
nothing about the language the name is written in (Swedish "i" before the name "Baku"); with
a case ending it must be of the ending's language ("в" and the Russian -е of "Шуше"). A
postposition written as a word of its own after the name (Persian "را") is read off its end.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toponyms.clitics import clitic_readings
from toponyms.keys import fold, script_of, strip_marks, translit_keys
from toponyms.model import DataError, data_dir, loaded_once
from toponyms.translit import Languages, _read, languages

#: Score lost by a match through a base form (the same as extract's for a case ending read).
ENDING_PENALTY = 4.0
#: Score lost by a fuzzy match through a base form whose ending is written in the query's own
#: script ("ნახიჩევანის", the Georgian genitive of a name met only fuzzily): the fuzzy score
#: already says how unsure the name is, and an ending of the query's script is no guess about
#: its language, so the reading costs only enough to rank below the bare form.
ENDING_PENALTY_FUZZY = 1.0
#: Most base forms tried for one query: bounds the work of a query that matches nothing.
MAX_FORMS = 48
#: Most readings of one word (itself first): bounds the combinations of a long query.
MAX_OPTIONS = 8
#: Shortest stem left after an ending is read off: "Bakı" is not "Bak" plus an ending.
MIN_STEM = 3
#: Longest query (in words) whose words are all tried.
MAX_WORDS = 4
#: Most readings of `script_bases` (likeliest first) looked up fuzzily: each costs a fuzzy
#: look-up as long as the query's own.
MAX_SCRIPT_FORMS = 3


def base_forms(folded: str, script: str | None = None,
               ) -> list[tuple[str, frozenset[str] | None]]:
    """Other readings of folded text with case endings, a leading preposition and the clitics
    written onto its first word taken off, most likely first, each with the languages whose
    endings were read (a base form meets only their names; None: a preposition alone was
    read, and any name may be met).

    With `script` (a Unicode script word such as "GEORGIAN") only endings and word forms
    written in that script are read, and no clitics: the readings `script_bases` gives.

    >>> [text for text, _ in base_forms("şuşada")][0]
    'şuşa'
    >>> sorted(dict(base_forms("гянджу"))["гянджа"])
    ['be', 'ru', 'sr', 'uk']
    >>> base_forms("in baku")
    [('baku', None)]
    """
    words = folded.split()
    if not words or len(words) > MAX_WORDS:
        return []
    data = languages()
    options = [[(w, frozenset[str]()), *_word_bases(w, data, script)][:MAX_OPTIONS]
               for w in words]
    if script is None:  # "ובאקו": the clitics on the first word, before its endings
        options[0][1:1] = clitic_readings(words[0])
        del options[0][MAX_OPTIONS:]
    before = prepositions().get(strip_marks(words[0])) if len(words) > 1 else None
    if before:  # "в Шуше": a preposition is read off before anything else
        options[0] = [(_DROPPED, before)]
    elif len(words) > 1 and (before := postpositions().get(strip_marks(words[-1]))):
        options[-1] = [(_DROPPED, before)]  # "ارومیه را": a postposition, read off the same way
    if len(words) == 1:  # "Балакенский": an adjective alone, its generic term left out (the
        # likeliest reading of an adjective, so it comes first)
        options[0][1:1] = [(f"{w} {noun}", frozenset({lang})) for w, langs in options[0]
                           for lang, noun in _elided(w, langs, data)]
    out: dict[str, frozenset[str] | None] = {}
    # each word's likeliest readings together first: "Нахичеванской Автономной Республики"
    # needs the first reading of each of its three words, not every reading of the last one
    for picks in _by_rank([len(o) for o in options]):
        combo = [o[i] for o, i in zip(options, picks, strict=True)]
        text = " ".join(w for w, _ in combo if w != _DROPPED)
        if text == folded or text in out:
            continue
        endings = [ls for w, ls in combo if ls and w != _DROPPED]
        common = frozenset.intersection(*endings) if endings else frozenset()
        if before and not endings:
            out[text] = None  # only the adposition was read: it names no language of the name
        elif before:
            common &= before
        if common:  # the endings read off several words are of one language
            out[text] = _with_names_of(common)
        if len(out) >= MAX_FORMS:
            break
    return list(out.items())


#: Scripts whose lone words are not read loosely: the data names every place of the region in
#: Russian, so a Cyrillic word's loose reading meets common words ("ряда", "самого") more often
#: than places; with a generic term beside it ("Гёйчайского района") or brought back by an
#: `elided` rule ("Балакенский") it is read loosely.
STRICT_LONE_WORDS = frozenset({"CYRILLIC"})
#: Fewest letters of the transliteration key of a lone word's base form in such a script that
#: is read loosely all the same: a common word's stem is short ("ряд", "язык"), a name's often
#: long ("Нахиджевану", "Гейчаем"). Measured: 6 letters took 2 development variants and 2 of
#: the held-out set, and 1 more of Russian's 3,000 commonest words
#: (benchmarks/bench_common_words.py); any length took 12 more common words.
LONE_MIN_KEY = 6


def script_bases(folded: str, script: str) -> list[str]:
    """The base forms of folded text in a script other than Latin whose endings are all
    written in that script: "ყარაბაღში" -> "ყარაბაღი", "ყარაბაღ" (Georgian -ში, and -ი of
    the nominative back). Only the language of that script can have put such an ending there,
    so these readings may meet names of any language loosely (at the transliteration and fuzzy
    stages): "ნახიჩევანის" is the genitive of a name the data has in Russian and Azerbaijani.
    An ending in the script of the query's last letter counts too (the hiragana particle after a
    katakana name). A Latin ending (-da, -in, -e) is a letter sequence of a hundred languages:
    no such reading.
    Likeliest first: the cascade looks up MAX_SCRIPT_FORMS of them fuzzily (each costs a
    fuzzy look-up), all of them at the transliteration stage.

    >>> script_bases("ყარაბაღში", "GEORGIAN")
    ['ყარაბაღი', 'ყარაბაღ']
    >>> script_bases("şuşada", "LATIN"), script_bases("ряда", "CYRILLIC")
    ([], [])
    >>> script_bases("エレバンから", "KATAKANA")
    ['エレバン']
    """
    if script in ("LATIN", ""):
        return []
    lone = script in STRICT_LONE_WORDS and " " not in folded
    # the ending may be written in a second script of the same language, the script of the
    # query's last letter: Japanese writes a foreign name in katakana and its particle in
    # hiragana ("エレバンから"), a script no other language writes; the name and the ending then
    # part where the script changes (not "エレバンま" + -で)
    last = script_of(folded[-1:])
    scripts = [script] if last in (script, "LATIN", "") else [script, last]
    out: dict[str, None] = {}
    searched = languages().codes  # languages whose names are searched by default
    for written in scripts:
        # a lone word's reading counts when it brings its generic term back ("Балакенский" ->
        # "балакенскии раион", the `elided` rules)
        # an adposition alone ("येरेवन में", "του Μπακού") names no language, but one written
        # in the query's script is that script's: its rest is read loosely too (not Cyrillic's,
        # whose loose readings meet common words, as for lone words)
        # the readings of languages whose names the data searches by default first: with
        # every language's endings read, a reading only a language of case endings alone
        # gives ("-та" of Bulgarian's article) is a less likely one
        forms = sorted(base_forms(folded, written), key=lambda form: bool(
            form[1] and form[1].isdisjoint(searched)))
        out.update((text, None) for text, langs in forms
                   if (langs or (langs is None and script not in STRICT_LONE_WORDS
                                 and script_of(text) == script))  # not "از Kaver"
                   and not (lone and " " not in text and not _long_enough(text))
                   and (written == script or _last_script(text) == script))
    return list(out)


def _long_enough(text: str) -> bool:
    """Whether a lone word's base form is long enough to be read loosely in a script of
    STRICT_LONE_WORDS: its every transliteration key has LONE_MIN_KEY letters or more."""
    keys = translit_keys(text)
    return bool(keys) and min(len(key) for key in keys) >= LONE_MIN_KEY


def _last_script(text: str) -> str:
    """The script of the last letter of `text` that belongs to one script: the prolonged sound
    mark ー (KATAKANA-HIRAGANA, written in both) is skipped, so "バクー" ends in katakana."""
    for ch in reversed(text):
        script = script_of(ch)
        if script != "KATAKANA-HIRAGANA":
            return script
    return ""


def _by_rank(sizes: list[int]) -> Iterator[tuple[int, ...]]:
    """Every choice of one reading per word (an index below each size), by the sum of the
    indexes: the readings each word ranks first come together first."""
    for total in range(sum(sizes) - len(sizes) + 1):
        yield from _with_sum(sizes, total)


def _with_sum(sizes: list[int], total: int) -> Iterator[tuple[int, ...]]:
    if len(sizes) == 1:
        if total < sizes[0]:
            yield (total,)
        return
    for first in range(min(total, sizes[0] - 1) + 1):
        for rest in _with_sum(sizes[1:], total - first):
            yield (first, *rest)


def _elided(word: str, langs: frozenset[str], data: Languages) -> list[tuple[str, str]]:
    """(language, generic term) for each language's `elided` rule whose adjective ending
    `word` has: the generic term an adjective made of a place name agrees with, which a writer
    may leave out ("Балакенский" for "Балакенский район", "Ширакская" for "Ширакская
    область"). Only languages whose endings were read off (`langs`), or any when none were."""
    bare = strip_marks(word)
    return [(lang, noun) for lang, rules in elided().items()
            if not langs or lang in langs
            for ending, noun in rules if bare.endswith(ending) and len(bare) > len(ending)]


def _shipped_elided() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each inflecting language's `elided` rules (its language file), folded and unmarked:
    language -> ((adjective ending, generic term), ...). Read once, thread-safe."""
    return load_elided(sorted(languages().inflect))


elided = loaded_once(_shipped_elided)


def _language_key(codes: list[str], folder: Path | None, key: str,
                  ) -> Iterator[tuple[str, Path, Any]]:
    """(code, file, value) for each language file of `codes` that sets `key`."""
    folder = folder or data_dir() / "languages"
    for code in codes:
        path = folder / f"{code}.yaml"
        raw: Any = _read(path) if path.exists() else None
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is not None:
            yield code, path, value


def load_elided(codes: list[str], folder: Path | None = None,
                ) -> dict[str, tuple[tuple[str, str], ...]]:
    """The `elided` rules of the language files of `codes` (pairs [ending, generic term]);
    DataError when malformed."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for code, path, rules in _language_key(codes, folder, "elided"):
        if not isinstance(rules, list) or not all(
                isinstance(r, list) and len(r) == 2 for r in rules):
            raise DataError(f"{code}.yaml: 'elided' is a list of [ending, generic term] pairs",
                            path=str(path))
        out[code] = tuple((strip_marks(fold(str(e))), strip_marks(fold(str(n))))
                          for e, n in rules)
    return out


def _shipped_one_letter_stems() -> dict[str, int]:
    """Each language's `one_letter_stem` (its language file): the shortest stem one of its
    one-letter endings is read off, where longer than MIN_STEM. Read once, thread-safe."""
    data = languages()
    return load_one_letter_stems(sorted({*data.inflect, *(
        lang for langs in data.suffix_langs.values() for lang in langs)}))


one_letter_stems = loaded_once(_shipped_one_letter_stems)


def load_one_letter_stems(codes: list[str], folder: Path | None = None) -> dict[str, int]:
    """The `one_letter_stem` of the language files of `codes` that set one (a whole number
    of letters, at least MIN_STEM); DataError when malformed."""
    out: dict[str, int] = {}
    for code, path, least in _language_key(codes, folder, "one_letter_stem"):
        if not isinstance(least, int) or isinstance(least, bool) or least < MIN_STEM:
            raise DataError(f"{code}.yaml: 'one_letter_stem' is a whole number of letters, "
                            f"at least {MIN_STEM}", path=str(path))
        out[code] = least
    return out


def _with_names_of(langs: frozenset[str]) -> frozenset[str]:
    """`langs` and the languages whose spelling of a name they write with their own endings
    (`names_of`: a Kazakh text writes "Абовянның", the Russian "Абовян" with its genitive)."""
    table = names_of()
    more = [table[lang] for lang in langs if lang in table]
    return langs.union(*more) if more else langs


def _shipped_names_of() -> dict[str, frozenset[str]]:
    """Each language file's `names_of`. Read once, thread-safe."""
    data = languages()
    return load_names_of(sorted({*data.inflect, *(
        lang for langs in data.suffix_langs.values() for lang in langs)}))


names_of = loaded_once(_shipped_names_of)


def load_names_of(codes: list[str], folder: Path | None = None) -> dict[str, frozenset[str]]:
    """The `names_of` of the language files of `codes` that set one: the languages whose
    spelling of a foreign name the language writes its endings onto (a list of language
    codes); DataError when malformed."""
    out: dict[str, frozenset[str]] = {}
    for code, path, value in _language_key(codes, folder, "names_of"):
        if not isinstance(value, list) or not value or not all(
                isinstance(v, str) and v and v != code for v in value):
            raise DataError(f"{code}.yaml: 'names_of' is a list of other languages' codes",
                            path=str(path))
        out[code] = frozenset(value)
    return out


#: The word a preposition leaves in a reading: nothing (an identity-checked marker).
_DROPPED = "\x00"
def _shipped_prepositions() -> dict[str, frozenset[str]]:
    """data/languages/prepositions.yaml: each folded, unmarked preposition -> its languages
    (read once, thread-safe)."""
    return load_prepositions()


prepositions = loaded_once(_shipped_prepositions)


def _shipped_postpositions() -> dict[str, frozenset[str]]:
    """data/languages/prepositions.yaml's `postpositions`: words written after a name as a
    word of their own (Persian را), folded and unmarked -> their languages (read once)."""
    return load_prepositions(key="postpositions")


postpositions = loaded_once(_shipped_postpositions)


def load_prepositions(path: Path | None = None, key: str = "prepositions",
                      ) -> dict[str, frozenset[str]]:
    """Read a prepositions file (see data/languages/prepositions.yaml): its `key`, the
    prepositions (required) or the postpositions (optional); DataError when malformed."""
    path = path or data_dir() / "languages" / "prepositions.yaml"
    raw: Any = _read(path)
    table = raw.get(key) if isinstance(raw, dict) else None
    if table is None and key != "prepositions":
        return {}
    if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
        raise DataError(f"prepositions.yaml: '{key}' maps language codes to lists of "
                        "words", path=str(path))
    out: dict[str, set[str]] = {}
    for lang, words in table.items():
        for word in words:
            key = strip_marks(fold(str(word)))
            if not key or " " in key:
                raise DataError(f"prepositions.yaml: {word!r} of {lang!r} is not one word",
                                path=str(path))
            out.setdefault(key, set()).add(str(lang))
    return {word: frozenset(langs) for word, langs in out.items()}


def _word_bases(word: str, data: Languages, script: str | None = None,
                ) -> list[tuple[str, frozenset[str]]]:
    """A word's readings without an ending, the longest ending read first: "Нахичеванской"
    is "-ая" read off "-ой" before it is a soft sign read off "-и" (й loses its mark).
    With `script`, only endings written in that script are read."""
    bare = strip_marks(word)
    if len(bare) != len(word):
        word = bare  # a letter whose mark does not fold to one code point: use the bare word
    out: dict[str, set[str]] = {}
    read: dict[str, int] = {}  # reading -> the longest ending read off to get it
    shortest = one_letter_stems()
    for lang, rules in data.inflect.items():
        for ending, forms in rules:
            for form in forms:
                least = shortest.get(lang, MIN_STEM) if len(form) == 1 else MIN_STEM
                if bare.endswith(form) and _stem(bare, ending, form) >= least and (
                        script is None or script_of(form) == script):
                    text = word[: len(word) - len(form)] + ending
                    out.setdefault(text, set()).add(lang)
                    read[text] = max(read.get(text, 0), len(form))
    # longest ending first: "Xocalının" is "Xocalı" + "nın" before it is "Xocalını" + "n"
    for ending in sorted(data.suffixes, key=len, reverse=True):
        if data.suffixes[ending] or not bare.endswith(ending):
            continue  # an ending only after an apostrophe (Yerevan's), which folding dropped
        if len(ending) == 1 and bare[-2:-1] == ending and script_of(ending) == "LATIN":
            continue  # a Latin letter written twice is a typo's, not an ending ("Stepanakertt":
            # no Latin table puts a one-letter ending after the same letter; Hungarian -t follows
            # a vowel or takes a linking vowel, "Stepanakertet"). Armenian does: Գյումրիի
        # a stem's length in letters: a Hangul syllable block is two or three (셰키 + 와)
        stem = len(unicodedata.normalize("NFD", bare[: len(bare) - len(ending)]))
        if stem >= MIN_STEM and (script is None or script_of(ending) == script):
            langs = [lang for lang in data.suffix_langs.get(ending, ())
                     if len(ending) > 1 or stem >= shortest.get(lang, MIN_STEM)]
            if not langs:
                continue  # a one-letter ending off too short a stem for its languages
            text = word[: len(word) - len(ending)]
            out.setdefault(text, set()).update(langs)
            read[text] = max(read.get(text, 0), len(ending))
    out.pop(word, None)  # a rule that gives the word back ("-a" of one language's nominative)
    out = {text: out[text] for text in sorted(out, key=lambda text: -read[text])}
    return [(text, frozenset(langs)) for text, langs in out.items()]


def _stem(bare: str, ending: str, form: str) -> int:
    """The letters a word form shares with its base form, before the part a rule changes: a
    rule may name the stem's last letters ("Шушей" is "Шуш" + -ей, read by the rule ша -> шей:
    the stem is three letters, not two), which are the stem's, not the ending's."""
    kept = 0
    while kept < min(len(ending), len(form)) and ending[kept] == form[kept]:
        kept += 1
    return len(bare) - len(form) + kept


__all__ = ["ENDING_PENALTY", "ENDING_PENALTY_FUZZY", "MAX_FORMS", "MAX_SCRIPT_FORMS",
           "base_forms", "elided", "load_elided", "load_names_of", "load_one_letter_stems",
           "load_prepositions", "names_of", "one_letter_stems", "postpositions", "prepositions",
           "script_bases"]
