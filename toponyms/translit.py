"""Romanization of any script to one Latin skeleton, driven by data/languages/*.yaml.

`romanize` turns folded text (see normalize.fold) into lower-case ASCII using the tables of the
language files: Armenian, Cyrillic (Russian and Azerbaijani letters), Georgian, and per-language
Latin letters (Azerbaijani c -> j, x -> kh, ...). What no table covers goes to unidecode.
`skeleton` then folds what competing romanization systems disagree on (e/ə/a, y/i, kh/x, ...),
so that Ստեփանակերտ, Степанакерт and Stepanakert meet on one key.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from unidecode import unidecode

from toponyms.model import DataError, data_dir

_SCRIPT_TABLES = ("cyrillic", "armenian", "georgian")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


@dataclass(frozen=True, slots=True)
class Languages:
    """Everything the language files say, compiled for fast use."""

    tags: frozenset[str]
    codes: frozenset[str]  # the language files' own codes (en, az, ...; not the generated mul)
    latin_tables: dict[str, dict[int, str]]  # primary language subtag -> str.translate table
    base_table: dict[int, str]  # non-Latin scripts + base Latin letters
    multi: tuple[tuple[str, str], ...]  # multi-letter source sequences (Armenian ու)
    skeleton_rules: tuple[tuple[str, str], ...]
    vowels: str
    drop_initial_y: bool
    # generic terms by their outer word: ("suffix", last word) / ("prefix", first word)
    generic_edges: dict[tuple[str, str], tuple[Generic, ...]]
    stems: dict[str, tuple[tuple[str, str], ...]]  # lang -> adjective suffix rules
    title_kinds: frozenset[str]  # the kinds a query with a state title may name
    not_places: frozenset[str]  # folded words that are not place names (demonyms, ...)
    # endings after a name in running text -> True when only valid after an apostrophe
    suffixes: dict[str, bool]
    inflect: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # lang -> word-ending forms

    @property
    def vowel_pairs(self) -> tuple[str, ...]:
        """Each vowel doubled ("aa", "ee", ...): what the skeleton collapses."""
        return _vowel_pairs(self.vowels)


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)  # a safe loader (C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataError(f"malformed YAML: {exc}", path=str(path), line=line) from None


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
    suffixes: dict[str, bool] = {}
    inflect: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    codes: set[str] = set()
    title_stems: dict[str, list[tuple[str, str]]] = {}
    title_kinds: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        raw = _read(path)
        if path.stem == "skeleton":
            skeleton = raw
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
            raise DataError("a language file is a mapping with a 'code'", path=str(path))
        code = raw["code"]
        if code != "mul":
            codes.add(code)
        tags.update(str(t) for t in raw.get("tags") or [code])
        own = _table(path, raw, "romanize")
        if code == "und":
            base.update(own)
        elif own:
            latin[code] = own
        for key in _SCRIPT_TABLES:
            for letter, value in _table(path, raw, key).items():
                base.setdefault(letter, value)
        for kind, spec in (raw.get("generic") or {}).items():
            for position in ("prefix", "suffix"):
                for term in (spec or {}).get(position) or []:
                    words = tuple(_fold_word(w) for w in str(term).split())
                    generics.append(Generic(words, str(kind), position, code))
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
        rules = raw.get("adjective_suffixes") or []
        stems[code] = tuple((_fold_word(str(a)), _fold_word(str(b))) for a, b in rules)
        for ending in raw.get("suffixes") or []:
            ending = str(ending)
            after_apostrophe = ending[:1] in "'’ʼ"
            key = _fold_word(ending.lstrip("'’ʼ"))
            suffixes[key] = suffixes.get(key, True) and after_apostrophe
        inflect[code] = tuple((_fold_word(str(a)), tuple(_fold_word(str(f)) for f in forms))
                              for a, forms in raw.get("inflect") or [])
    for lang, rules in title_stems.items():
        stems[lang] = stems.get(lang, ()) + tuple(rules)
    multi = tuple((k, v) for k, v in base.items() if len(k) > 1)
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
        stems=stems,
        title_kinds=frozenset(title_kinds),
        not_places=frozenset(not_places),
        suffixes=suffixes,
        inflect={k: v for k, v in inflect.items() if v},
    )


def _fold_word(word: str) -> str:
    """Fold a word from a language file the way queries are folded (lower case, no marks)."""
    text = unicodedata.normalize("NFKC", word).casefold()
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))


_lock = threading.Lock()
_cache: dict[str, Languages] = {}


def languages() -> Languages:
    """The shipped language data, loaded once (thread-safe)."""
    cached = _cache.get("default")
    if cached is None:
        with _lock:
            cached = _cache.get("default")
            if cached is None:
                cached = _cache["default"] = load_languages()
    return cached


def romanize(folded: str, lang: str | None = None) -> str:
    """Romanize folded text to lower-case ASCII with the tables for `lang` (or the base ones).

    >>> romanize("cəbrayıl", "az"), romanize("ստեփանակերտ")
    ('jebrayil', 'stepanakert')
    """
    data = languages()
    for seq, value in data.multi:
        if seq in folded:
            folded = folded.replace(seq, value)
    primary = lang.split("-", 1)[0] if lang else ""
    table = data.latin_tables.get(primary, data.base_table)
    text = folded.translate(table)
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFD", text))
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
