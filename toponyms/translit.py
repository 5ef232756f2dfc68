"""Romanization of any script to one Latin skeleton, driven by data/languages/*.yaml.

`romanize` turns folded text (see normalize.fold) into lower-case ASCII using the tables of the
language files: Armenian, Cyrillic (Russian and Azerbaijani letters), Georgian, Arabic script
(BGN/PCGN, arab.yaml), Greek (ELOT 743 read by sound, greek.yaml), Hebrew (UN 2007 read for
unpointed names, hebrew.yaml), katakana (Hepburn, kana.yaml), and per-language Latin letters
(Azerbaijani c -> j, x -> kh, ...). Scripts whose letters change value with their neighbours go to
toponyms.romanizers: the Brahmic abugidas (ISO 15919 / Hunterian with the inherent vowel,
brahmic.yaml), Thai (RTGS, thai.yaml) and the transcription characters of Chinese (han.yaml). What
none of them covers goes to unidecode's tables (Hangul, Ethiopic, Khmer, Han outside the
transcription characters, ...), so every script reaches the skeleton and the fuzzy stage. A
script's file may add a second key by rules (`extra_keys`: katakana without its added vowels,
Hangul without its added eu, Han as the transcription tables use it, and so on).

Measured by benchmarks/bench_scripts.py on 3,601 CLDR country names in 14 scripts against the
same countries' English names: our keys equal the English key for 16.9 % (equal or within fuzzy
reach: 26.9 %), unidecode alone 10.8 % (17.6 %); before the rule tables and the Greek, Hebrew,
Han and Hangul files, 12.9 % (21.1 %). ICU's "Any-Latin" transform measured 12.4 % (21.0 %)
earlier, costs more per call and needs PyICU, which builds only against a system ICU
(pyicu-wheels bundles one in an 18 MB wheel), so it is not a dependency.

`skeleton` then folds what competing romanization systems disagree on (e/ə/a, y/i, kh/x, ...),
so that Ստեփանակերտ, Степанакерт and Stepanakert meet on one key.
"""

from __future__ import annotations

import functools
import pickle
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unidecode import unidecode

from toponyms.model import DataError, data_dir, loaded_once
from toponyms.romanizers import romanize_scripts, strip_greek_marks

_SCRIPT_TABLES = ("cyrillic", "armenian", "georgian", "arabic", "kana", "greek", "hebrew")
#: Files in data/languages/ that are not about one language (read by their own modules).
_NOT_LANGUAGE_FILES = frozenset({"compound", "generic", "recognition"})
_MARKS = re.compile("[\u0300-\u036f]")
_NOT_ALNUM = re.compile(r"[^0-9a-z ]+")


#: The kind of a state title's generic term (data/languages/titles.yaml): a query with one names
#: a place of `Languages.title_kinds` or nothing.
STATE_TITLE = "state-title"
_APOSTROPHES = re.compile("['’ʼ]")


@dataclass(frozen=True, slots=True)
class Generic:
    """A generic term ("rayonu", "район", "district") and the kind of place it names."""

    words: tuple[str, ...]  # the term as folded words
    kind: str
    position: str  # "prefix" or "suffix"
    lang: str
    #: a prefix whose last word is elided onto the name ("région d’Askeran": written with a
    #: final apostrophe, which folding drops, so the word is the first letters of the name's)
    elided: bool = False


@dataclass(frozen=True, slots=True)
class ShortWords:
    """A script's `short_words`: the fewest letters a query in it needs to be looked up at the
    transliteration and at the fuzzy stage, and the same for text its romanizer marks a
    transcription of a foreign name (`transcribed`; Han made of han.yaml's characters alone);
    a shorter query than `any_script` meets there only names in the Latin script."""

    transliteration: int
    fuzzy: int
    transcribed: tuple[int, int] | None = None  # (transliteration, fuzzy)
    any_script: int = 1


@dataclass(frozen=True, slots=True)
class Languages:
    """Everything the language files say, compiled for fast use."""

    tags: frozenset[str]
    # the language files' own codes (en, az, ...; not the generated mul, nor a file of case
    # endings only, `inflection_only: true`): the languages whose names are searched by default
    codes: frozenset[str]
    latin_tables: dict[str, dict[int, str]]  # primary language subtag -> str.translate table
    base_table: dict[int, str]  # non-Latin scripts + base Latin letters
    multi: tuple[tuple[str, str], ...]  # multi-letter source sequences (Armenian ու)
    skeleton_rules: tuple[tuple[str, str], ...]
    vowels: str
    drop_initial_y: bool
    # generic terms by their outer word: ("suffix", last word) / ("prefix", first word)
    generic_edges: dict[tuple[str, str], tuple[Generic, ...]]
    # terms written onto the name with no space (Chinese 區, Japanese 市): position
    # "attached_suffix" or "attached_prefix", one "word"
    generic_attached: tuple[Generic, ...]
    # a generic term's kind -> the kinds of place it fits without a penalty (city: city, town)
    kind_fits: dict[str, frozenset[str]]
    stems: dict[str, tuple[tuple[str, str], ...]]  # lang -> adjective suffix rules
    title_kinds: frozenset[str]  # the kinds a query with a state title may name
    not_places: frozenset[str]  # folded words that are not place names (demonyms, ...)
    # folded words that say where in something a part lies ("north", "central", "coast"):
    # a query made of nothing else names no place by itself (toponyms.kindwords.positional)
    position_words: frozenset[str]
    # endings after a name in running text -> True when only valid after an apostrophe
    suffixes: dict[str, bool]
    suffix_langs: dict[str, frozenset[str]]  # ending -> the languages whose ending it is
    inflect: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # lang -> word-ending forms
    # script-only tags whose names take a language's word forms too (und-Cyrl -> ru)
    inflect_tags: dict[str, str]
    # letter forms folded away in every key (Arabic ك/ک, ي/ی/ى, harakat, tatweel ...)
    fold_table: dict[int, str]
    # romanization swap classes as written in skeleton.yaml (folded; see toponyms.similarity)
    swaps: tuple[tuple[str, ...], ...] = ()
    # Unicode script word (KATAKANA) -> rules that make a second key of a name in that script
    extra_keys: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = field(default_factory=dict)
    # Unicode script words (ARABIC, KATAKANA) that do not write a name's vowels letter for
    # letter (`loose_vowels` of a script's file; see toponyms.similarity.VOWEL_COST)
    loose_vowels: frozenset[str] = frozenset()
    # the abjads among them (`omits_vowels`): scripts that leave a name's short vowels out
    # rather than write other ones, so a vowel missing from a query costs less than one it
    # writes differently (see toponyms.similarity.OMITTED_VOWEL_COST)
    omits_vowels: frozenset[str] = frozenset()
    # script word -> (letter, the letter the script writes it with) pairs (`loose_letters`):
    # a sound the script has no letter for (Arabic p, v), read so with loose vowels
    loose_letters: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # script word -> (key letter, vowel) pairs (`vowel_letters`): a letter the script writes
    # for a vowel as well as a consonant (Arabic و, w/v or u/o), read as the vowel too, after
    # a key's first letter, with loose vowels
    vowel_letters: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # script word (HANGUL) -> the fewest letters a query in it needs to be read at a loose
    # stage (`short_words`; see toponyms.readings.read_loosely)
    short_words: dict[str, ShortWords] = field(default_factory=dict)

    def fits(self, hint: str, kind: str) -> bool:
        """Whether a place of `kind` fits a generic term or kind word of kind `hint`."""
        return kind == hint or kind in self.kind_fits.get(hint, ())

    @property
    def vowel_pairs(self) -> tuple[str, ...]:
        """Each vowel doubled ("aa", "ee", ...): what the skeleton collapses."""
        return _vowel_pairs(self.vowels)


#: (file, its modification time and size) -> the file's YAML, pickled: every table of the
#: language files (letters, clitics, endings, prepositions, ...) reads the same 30-odd files, and
#: unpickling a copy is many times quicker than parsing the YAML again. A copy, so that no
#: reader can change what another reads.
_PARSED: dict[tuple[str, int, int], bytes] = {}
_PARSED_LOCK = threading.Lock()


def _read(path: Path) -> Any:
    """The YAML of a data file, a fresh copy for each caller; DataError with the line when
    malformed."""
    try:
        stat = path.stat()
    except OSError:
        stat = None
    memo = (str(path), stat.st_mtime_ns, stat.st_size) if stat is not None else None
    kept = _PARSED.get(memo) if memo is not None else None
    if kept is not None:
        return pickle.loads(kept)
    # here: a start that finds the language tables in the disk cache reads no YAML. The
    # places' reader: duplicate keys are an error and only true/false are booleans (a YAML 1.1
    # reader made Hungarian -on and Latvian "no" the booleans true and false)
    from toponyms.yamlfile import read_yaml

    raw = read_yaml(path)
    if memo is not None:
        with _PARSED_LOCK:
            _PARSED[memo] = pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL)
    return raw


def _table(path: Path, raw: Any, key: str) -> dict[str, str]:
    value = raw.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise DataError(f"'{key}' must map letters to strings", path=str(path))
    return {k: v for k, v in value.items()}


def load_languages(folder: Path | None = None) -> Languages:
    """Read every data/languages/*.yaml file into one compiled `Languages`."""
    folder = folder or data_dir() / "languages"
    tags: set[str] = set()
    latin: dict[str, dict[str, str]] = {}
    base: dict[str, str] = {}
    generics: list[Generic] = []
    stems: dict[str, tuple[tuple[str, str], ...]] = {}
    skeleton: Any = {}
    not_places: set[str] = set()
    position_words: set[str] = set()
    suffixes: dict[str, bool] = {}
    suffix_langs: dict[str, set[str]] = {}
    inflect: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    inflect_tags: dict[str, str] = {}
    extra_keys: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {}
    loose_vowels: set[str] = set()
    omits_vowels: set[str] = set()
    loose_letters: dict[str, tuple[tuple[str, str], ...]] = {}
    vowel_letters: dict[str, tuple[tuple[str, str], ...]] = {}
    short_words: dict[str, ShortWords] = {}
    codes: set[str] = set()
    files: list[tuple[Path, dict[str, Any]]] = []
    title_stems: dict[str, list[tuple[str, str]]] = {}
    title_kinds: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        raw = _read(path)
        if path.stem == "skeleton":
            skeleton = raw
            continue
        if path.stem in _NOT_LANGUAGE_FILES:
            continue  # read by its own module
        if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
            raise DataError("a language file is a mapping with a 'code'", path=str(path))
        files.append((path, raw))
    folds = _fold_table(files)

    def _fold_word(word: str) -> str:
        return _fold_plain_word(word).translate(folds)

    for path, raw in files:
        code = raw["code"]
        if code != "mul" and not raw.get("inflection_only"):
            codes.add(code)  # a file of case endings only does not add its language's names
        tags.update(str(t) for t in raw.get("tags") or [code])
        own = _table(path, raw, "romanize")
        if code == "und":
            base.update(own)
        elif own:
            latin[code] = own
        for key in _SCRIPT_TABLES:
            for letter, value in _table(path, raw, key).items():
                base.setdefault(letter, value)
        generics.extend(_generics(path, raw.get("generic"), code, _fold_word))
        for lang, spec in (raw.get("state_titles") or {}).items():
            for position in ("prefix", "suffix"):
                for term in (spec or {}).get(position) or []:
                    words = tuple(_fold_word(w) for w in _APOSTROPHES.sub("", str(term)).split())
                    generics.append(Generic(words, STATE_TITLE, position, str(lang)))
            rules = (spec or {}).get("stems") or []
            title_stems.setdefault(str(lang), []).extend(
                (_fold_word(str(a)), _fold_word(str(b))) for a, b in rules)
        if raw.get("state_titles"):
            title_kinds.update(str(k) for k in raw.get("kinds") or [])
        not_places.update(_fold_word(str(w)) for w in raw.get("not_places") or [])
        position_words.update(_fold_word(str(w)) for w in raw.get("position_words") or [])
        rules = raw.get("adjective_suffixes") or []
        stems[code] = tuple((_fold_word(str(a)), _fold_word(str(b))) for a, b in rules)
        for ending in raw.get("suffixes") or []:
            ending = str(ending)
            after_apostrophe = ending[:1] in "'’ʼ"
            key = _fold_word(ending.lstrip("'’ʼ"))
            suffixes[key] = suffixes.get(key, True) and after_apostrophe
            suffix_langs.setdefault(key, set()).add(code)
        loose_vowels.update(str(s) for s in raw.get("loose_vowels") or [])
        omits_vowels.update(str(s) for s in raw.get("omits_vowels") or [])
        for script, pairs in (raw.get("loose_letters") or {}).items():
            loose_letters[str(script)] = tuple((str(a), str(b)) for a, b in pairs)
        for script, pairs in (raw.get("vowel_letters") or {}).items():
            vowel_letters[str(script)] = tuple((str(a), str(b)) for a, b in pairs)
        for script, spec in (raw.get("short_words") or {}).items():
            short_words[str(script)] = _short_words(path, spec)
        if raw.get("extra_keys"):
            script, compiled = _extra_keys(path, raw["extra_keys"])
            extra_keys[script] = compiled
        inflect[code] = tuple((_fold_word(str(a)), tuple(_fold_word(str(f)) for f in forms))
                              for a, forms in raw.get("inflect") or [])
        for tag in raw.get("inflect_untagged") or []:
            inflect_tags.setdefault(str(tag), code)
    fits: dict[str, frozenset[str]] = {}
    shared = folder / "generic.yaml"  # the generic terms of languages without a file
    if shared.is_file():
        raw_shared = _read(shared) or {}
        if not isinstance(raw_shared, dict):
            raise DataError("generic.yaml maps language codes to generic terms", path=str(shared))
        fits_raw = raw_shared.pop("fits", None) or {}
        for kind, kinds in fits_raw.items():
            fits[str(kind)] = frozenset(str(k) for k in kinds or [])
        for code, spec in raw_shared.items():
            generics.extend(_generics(shared, spec, str(code), _fold_word))
    attached = tuple(g for g in generics if g.position.startswith("attached"))
    generics = [g for g in generics if not g.position.startswith("attached")]
    for lang, rules in title_stems.items():
        stems[lang] = stems.get(lang, ()) + tuple(rules)
    multi = tuple((k, v) for k, v in base.items() if len(k) > 1)
    if any(k.isascii() for k, _ in multi):  # romanize skips the groups for ASCII text
        raise DataError("a letter group of a script table must not be plain ASCII: "
                        f"{[k for k, _ in multi if k.isascii()]}", path=str(folder))
    single = {k: v for k, v in base.items() if len(k) == 1}
    latin_tables = {
        code: str.maketrans({**single, **{k: v for k, v in t.items() if len(k) == 1}})
        for code, t in latin.items()
    }
    rules = tuple((str(a), str(b)) for a, b in skeleton.get("rules") or [])
    ordered = sorted(generics, key=lambda g: -len(g.words))  # "iqtisadi rayonu" before "rayonu"
    edges: dict[tuple[str, str], list[Generic]] = {}
    for g in ordered:
        edge = g.words[-1] if g.position == "suffix" else g.words[0]
        edges.setdefault((g.position, edge), []).append(g)
    return Languages(
        tags=frozenset(tags),
        codes=frozenset(codes),
        latin_tables=latin_tables,
        base_table=str.maketrans(single),
        multi=multi,
        skeleton_rules=rules,
        vowels=str(skeleton.get("vowels", "aeiouy")),
        drop_initial_y=bool(skeleton.get("drop_initial_y_before_vowel", False)),
        generic_edges={k: tuple(v) for k, v in edges.items()},
        generic_attached=attached,
        kind_fits=fits,
        stems=stems,
        title_kinds=frozenset(title_kinds),
        not_places=frozenset(not_places),
        position_words=frozenset(position_words),
        suffixes=suffixes,
        suffix_langs={k: frozenset(v) for k, v in suffix_langs.items()},
        inflect={k: v for k, v in inflect.items() if v},
        inflect_tags=inflect_tags,
        fold_table=folds,
        swaps=_swap_classes(folder / "skeleton.yaml", skeleton.get("swaps")),
        extra_keys=extra_keys,
        loose_vowels=frozenset(loose_vowels),
        omits_vowels=frozenset(omits_vowels) & frozenset(loose_vowels),
        loose_letters=loose_letters,
        vowel_letters=vowel_letters,
        short_words=short_words,
    )


def _short_words(path: Path, spec: Any) -> ShortWords:
    """`short_words: {SCRIPT: {transliteration: n, fuzzy: n, transcribed: {...}, any_script: n}}`,
    checked."""
    def counts(raw: Any) -> tuple[int, int]:
        if not isinstance(raw, dict) or not all(
                isinstance(raw.get(k), int) and raw[k] >= 1 for k in ("transliteration", "fuzzy")):
            raise DataError("short_words gives each script {transliteration: n, fuzzy: n} "
                            f"(whole numbers of letters, at least 1), not {raw!r}", path=str(path))
        return raw["transliteration"], raw["fuzzy"]

    translit, fuzzy = counts(spec)
    transcribed, any_script = spec.get("transcribed"), spec.get("any_script", 1)
    if not isinstance(any_script, int) or any_script < 1:
        raise DataError(f"short_words' any_script is a whole number of letters, not {any_script!r}",
                        path=str(path))
    return ShortWords(translit, fuzzy, None if transcribed is None else counts(transcribed),
                      any_script)


def _extra_keys(path: Path, raw: Any) -> tuple[str, tuple[tuple[re.Pattern[str], str], ...]]:
    """`extra_keys: {script: KATAKANA, rules: [[regex, replacement], ...]}`, checked."""
    try:
        script = str(raw["script"])
        rules = tuple((re.compile(str(a)), str(b)) for a, b in raw["rules"])
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataError(f"extra_keys needs a script and [regex, replacement] rules ({exc})",
                        path=str(path)) from None
    return script, rules


_GENERIC_POSITIONS = ("prefix", "suffix", "attached_prefix", "attached_suffix")


def _generics(path: Path, spec: Any, code: str,
              fold_word: Callable[[str], str]) -> list[Generic]:
    """The generic terms of one language: {kind: {prefix|suffix|attached_*: [terms]}}."""
    if spec is None:
        return []
    if not isinstance(spec, dict):
        raise DataError(f"generic terms of {code!r} must map kinds to positions", path=str(path))
    out: list[Generic] = []
    for kind, positions in spec.items():
        if not isinstance(positions, dict) or not set(positions) <= set(_GENERIC_POSITIONS):
            raise DataError(f"generic terms of {code!r}, kind {kind!r}: use the keys "
                            f"{', '.join(_GENERIC_POSITIONS)}", path=str(path))
        for position in _GENERIC_POSITIONS:
            for term in positions.get(position) or []:
                # "г." and "г" are one term: queries are compared without the final dot
                words = tuple(fold_word(_APOSTROPHES.sub("", w)).rstrip(".")
                              for w in str(term).split())
                if position.startswith("attached"):
                    words = ("".join(words),)
                elided = bool(_APOSTROPHES.fullmatch(str(term)[-1:]))
                if elided and (position != "prefix" or len(words) < 2):
                    raise DataError(f"generic term {term!r} of {code!r}: an elided word "
                                    "(a final apostrophe) ends a prefix of two or more words",
                                    path=str(path))
                out.append(Generic(words, str(kind), position, code, elided))
    return out


def _swap_classes(path: Path, raw: Any) -> tuple[tuple[str, ...], ...]:
    """Check the `swaps` list of skeleton.yaml: classes of two or more spellings, each a run
    of letters, optionally anchored to the start of a name by a leading ^."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DataError("'swaps' must be a list of classes ([a, b, ...])", path=str(path))
    classes = []
    for spellings in raw:
        if not isinstance(spellings, list) or len(spellings) < 2:
            raise DataError(f"a swap class lists two or more spellings, got {spellings!r}",
                            path=str(path))
        folded = []
        for spelling in spellings:
            text = _fold_plain_word(str(spelling))
            if not text.removeprefix("^").isalpha():
                raise DataError(f"a swap spelling is letters after an optional ^, got "
                                f"{spelling!r}", path=str(path))
            folded.append(text)
        if len({f.startswith("^") for f in folded}) > 1:
            raise DataError(f"a swap class is anchored (^) in all its spellings or in none, "
                            f"got {spellings!r}", path=str(path))
        classes.append(tuple(folded))
    return tuple(classes)


def _fold_plain_word(word: str) -> str:
    """Fold a word from a language file the way queries are folded (lower case, no marks)."""
    text = unicodedata.normalize("NFKC", word).casefold()
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))


def _fold_table(files: list[tuple[Path, dict[str, Any]]]) -> dict[int, str]:
    """The `fold` letters and `fold_drop` code-point ranges of the language files, as one
    str.translate table: letter forms that a lookup key should not tell apart."""
    table: dict[int, str] = {}
    for path, raw in files:
        for letter, value in _table(path, raw, "fold").items():
            if len(letter) != 1:
                raise DataError(f"'fold' maps single characters, not {letter!r}", path=str(path))
            table[ord(letter)] = value
        for spec in raw.get("fold_drop") or []:
            first, _, last = str(spec).partition("..")
            try:
                low = int(first.removeprefix("U+"), 16)
                high = int((last or first).removeprefix("U+"), 16)
            except ValueError:
                raise DataError(f"'fold_drop' takes U+XXXX or U+XXXX..U+YYYY, not {spec!r}",
                                path=str(path)) from None
            table.update(dict.fromkeys(range(low, high + 1), ""))
    return table


def _shipped_languages() -> Languages:
    """The shipped language data, loaded once (thread-safe): from the disk cache
    (toponyms.cache) when it holds them compiled, else read from the YAML files (~20 ms of a
    start, most of a first `resolve`) and cached."""
    from toponyms import cache  # here: the language tables are what this module needs it for

    files = sorted((data_dir() / "languages").glob("*.yaml"))
    name = cache.key_or_none("languages", files)
    found = cache.load(name) if name else None
    if isinstance(found, Languages):
        return found
    compiled = load_languages()
    if name:
        cache.save(name, compiled)
    return compiled


languages = loaded_once(_shipped_languages)


def romanize(folded: str, lang: str | None = None) -> str:
    """Romanize folded text to lower-case ASCII with the tables for `lang` (or the base ones).

    >>> romanize("cəbrayıl", "az"), romanize("ստեփանակերտ")
    ('jebrayil', 'stepanakert')
    """
    data = languages()
    if not folded.isascii():  # the letter groups are all of other scripts (see load_languages)
        folded = strip_greek_marks(folded)  # first: ού is the letter group ου
        for seq, value in data.multi:
            if seq in folded:
                folded = folded.replace(seq, value)
    primary = lang.split("-", 1)[0] if lang else ""
    table = data.latin_tables.get(primary, data.base_table)
    text = folded.translate(table)
    if not text.isascii():
        # letters with a mark the tables do not list (Greek ή, Cyrillic й) lose it and are
        # looked up again; NFC again before unidecode, which reads whole kana and Hangul
        # syllables (ジ, not シ plus a voicing mark)
        text = _MARKS.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", text).translate(data.base_table)
        if not text.isascii():  # scripts read by rules (toponyms.romanizers), then unidecode
            text = romanize_scripts(text)
            if not text.isascii():
                text = unidecode(text).lower()
    return text


def skeleton(latin: str) -> str:
    """Fold romanization differences out of a romanized key; the result has no spaces.

    >>> skeleton("tərtər".replace("ə", "e")), skeleton("tartar"), skeleton("yerevan")
    ('tartar', 'tartar', 'aravan')
    """
    data = languages()
    words = _NOT_ALNUM.sub(" ", latin).split()
    vowels = data.vowels
    if data.drop_initial_y:
        words = [w[1:] if len(w) > 1 and w[0] == "y" and w[1] in vowels else w for w in words]
    key = "".join(words)
    rules = data.skeleton_rules
    for _ in range(5):  # rules can meet across a former word boundary: run to a fixed point
        before = key
        for old, new in rules:
            if old in key:
                key = key.replace(old, new)
        for run in data.vowel_pairs:
            if run in key:  # checked first: most keys have no repeated vowel
                key = _collapse_vowels(key, vowels)
                break
        if key == before:
            break
    return key


_VOWEL_RUNS: dict[str, re.Pattern[str]] = {}


@functools.cache
def _vowel_pairs(vowels: str) -> tuple[str, ...]:
    return tuple(v + v for v in vowels)


def _collapse_vowels(word: str, vowels: str) -> str:
    """Collapse runs of one repeated vowel ("jabraiil" -> "jabrail")."""
    pattern = _VOWEL_RUNS.get(vowels)
    if pattern is None:
        pattern = _VOWEL_RUNS[vowels] = re.compile(f"([{re.escape(vowels)}])\\1+")
    return pattern.sub(r"\1", word)
