"""Whether a span of running text that spells a name of the data is a place mention.

`extract` finds every name of the data in a text; most of the world's names are also words
("The", "March", "Police"), figures ("10"), codes ("TTC") or word stems ("Stat" in "State").
The rules here, with their parameters in data/languages/recognition.yaml, say which of those
spans are mentions. They hold for any text in a cased script and any gazetteer:

- **Common words** (the prior `resolve` applies, from wordfreq's lists; see data/geonames.yaml):
  a span that is a frequent word of Zipf frequency z names only a place without a known
  population or with at least 10 ** z inhabitants, and only as written (not through a word
  form): "Paris" is still Paris, "March" is not March, Cambridgeshire. Like in `resolve`, a
  filter (country, kind, parent, lang) lifts the rule: the caller has said what to look for.
- **Case:** in a text that writes capitals, a name written in lower case is a common word, not
  a mention (extract checks it); a capital at the start of a sentence says nothing, so a
  frequent word there needs a place ten times more populous (`sentence_start_zipf`).
- **Never inside a word:** an ending is read off a word only in the language it belongs to
  (`suffixes` of the name's language file), after an apostrophe, or, for an untagged name, when
  it has at least `untagged_ending_letters` letters; and a word that is itself frequent is not a
  name plus an ending ("State" is not "Stat" + e).
- **Short forms:** keys under `min_letters` letters, digits only, or short capitals are mentions
  only when the data writes the name exactly so with a language tag or as an abbreviation.
- **Demonyms** are not mentions (the `not_places` words of the language files, checked by
  extract). No dataset at hand maps the world's demonyms to places (CLDR has none), so none
  is mapped.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from toponyms.keys import APOSTROPHES
from toponyms.model import DataError, Name, data_dir
from toponyms.translit import languages

_LOCK = threading.Lock()
#: Invisible format characters (Unicode Cf) seen inside words of real text, as a regex class:
#: soft hyphen, Arabic letter mark, zero-width space and joiners, bidi marks, embeddings,
#: overrides and isolates, word joiner, BOM. textfold drops every Cf character.
FORMAT_MARKS = "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"


@dataclass(frozen=True, slots=True)
class Rules:
    """The parameters of data/languages/recognition.yaml (see there for their meaning)."""

    sentence_start_zipf: float
    sentence_end: str
    sentence_open: str
    min_letters: int
    acronym_letters: int
    untagged_ending_letters: int
    untagged_stem_letters: int
    span_kinds: tuple[str, ...]
    narrow_kinds: tuple[str, ...]
    min_stem_letters: int
    proclitics: Mapping[str, frozenset[str]]
    elisions: Mapping[str, frozenset[str]]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The recognition rules, read once."""
    import yaml  # here: PyYAML is imported by the first table read, not by every start

    path = data_dir() / "languages" / "recognition.yaml"
    with _LOCK:
        try:
            with path.open(encoding="utf-8") as fh:
                raw: Any = yaml.safe_load(fh)
            return Rules(
                sentence_start_zipf=float(raw["sentence_start_zipf"]),
                sentence_end=str(raw["sentence_end"]),
                sentence_open=str(raw["sentence_open"]),
                min_letters=int(raw["min_letters"]),
                acronym_letters=int(raw["acronym_letters"]),
                untagged_ending_letters=int(raw["untagged_ending_letters"]),
                untagged_stem_letters=int(raw["untagged_stem_letters"]),
                span_kinds=tuple(str(k) for k in raw["span_kinds"]),
                narrow_kinds=tuple(str(k) for k in raw.get("narrow_kinds") or ()),
                min_stem_letters=int(raw["min_stem_letters"]),
                proclitics={str(lang): frozenset(str(c) for c in letters)
                            for lang, letters in raw["proclitics"].items()},
                elisions={str(lang): frozenset(str(w) for w in words)
                          for lang, words in (raw.get("elisions") or {}).items()},
            )
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as err:
            raise DataError(f"cannot read the recognition rules: {err!r}",
                            path=str(path)) from None


def untagged(name: Name) -> bool:
    """A name with no language (GeoNames' cities500 alternate names)."""
    return name.lang.startswith("und")


def attested_short(name: Name, surface: str, dot: bool = False) -> bool:
    """Whether `name` makes a short or numeric `surface` a mention: the data writes it exactly
    so, with a language tag or as an abbreviation; `dot`: a period follows the surface in the
    text, so an abbreviation written with its period ("Ky." in "Frankfort, Ky.") counts too.

    >>> attested_short(Name("Ky.", "en", "abbreviation"), "Ky", dot=True)
    True
    >>> attested_short(Name("Ky.", "en", "abbreviation"), "Ky")
    False
    """
    written = name.text == surface or (dot and name.text == surface + ".")
    return written and (name.status == "abbreviation" or not untagged(name))


def short_form(key: str) -> bool:
    """Whether a span is so short, or only digits, that only an attested name makes it a
    mention."""
    return len(key) < rules().min_letters or key.replace(" ", "").isdigit()


def capitals_fit(name: Name, surface: str, dot: bool = True) -> bool:
    """Whether `name` makes `surface` a mention as far as capitals (and periods) go: a short
    name in capitals is an acronym, a mention only when the data attests it (an abbreviation,
    or a tagged name: "U.S."), not through GeoNames' untagged codes ("TTC", "JAE", however the
    text writes them); a short word in capitals in the text is an acronym too, a mention only
    through such a name or a proper name written in capitals ("BAKU" in a headline is Baku).
    An abbreviation written with its period needs it after the surface (`dot`): "Mass." is
    Massachusetts, "Mass" in "Easter Mass" is not. A surface that begins with a capital but
    writes in lower case a later word that the name capitalizes is not that name: "The city's
    murals" is not GeoNames' "The City" (an all lower-case surface, in a text without
    capitals, is left to the caller).

    >>> capitals_fit(Name("Mass.", "en", "abbreviation"), "Mass", dot=False)
    False
    >>> capitals_fit(Name("The City", "und", "variant"), "The city")
    False
    >>> capitals_fit(Name("Nagorno-Karabakh", "en", "official"), "Nagorno-Karabakh")
    True
    """
    most = rules().acronym_letters
    text = name.text
    if not dot and name.status == "abbreviation" and text.endswith(".") and (
            not surface.endswith(".")):
        return False
    if surface[:1].isupper() and " " in text:
        for mine, theirs in zip(text.split(), surface.split(), strict=False):
            if mine[:1].isupper() and theirs[:1].islower():
                return False
    if text.isupper() and sum(ch.isalpha() for ch in text) <= most:
        # an acronym of the data ("U.S." of the United States, GeoNames' code "JAE"), in
        # capitals or not in the text ("Jae" is not JAE): attested, or not a mention
        return name.status == "abbreviation" or not untagged(name)
    if not surface.isupper() or sum(ch.isalpha() for ch in surface) > most:
        return True
    return text[:1].isupper()


def ending_fits(ending: str, name: Name, apostrophe: bool, langs: frozenset[str]) -> bool:
    """Whether a case ending read after `name` is one (not the rest of a longer word).

    `langs` are the languages whose ending it is; `apostrophe`: the text separates it with one.
    """
    if apostrophe:
        return True
    if untagged(name):  # a script-tagged name of a script a language inflects untagged names
        # of (ru.yaml's inflect_untagged: und-Cyrl) takes that language's endings ("в
        # Вашингтоне") when it is no short word ("Ком" + у is "кому"); a Latin one only longer
        # endings ("State" is not "Stat" + e)
        r = rules()
        return ((languages().inflect_tags.get(name.lang) in langs
                 and len(name.text) >= r.untagged_stem_letters)
                or len(ending) >= r.untagged_ending_letters)
    return name.lang.split("-", 1)[0] in langs


def sentence_start(text: str, start: int) -> bool:
    """Whether text[start] begins a sentence: nothing but quotes, brackets and spaces between
    it and the text's start, a line break or a sentence's end."""
    r = rules()
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n" or ch in r.sentence_end:
            return True
        if not (ch.isspace() or ch in r.sentence_open):
            return False
        i -= 1
    return True


def capital_says_nothing(text: str, start: int, surface: str) -> bool:
    """Whether the capital of a span at text[start] is due to its place only: it begins a
    sentence and is not written all in capitals (a dateline's "WASHINGTON" stands out)."""
    return not surface.isupper() and sentence_start(text, start)


def population_floor(common: Mapping[str, float], key: str, at_start: bool) -> float | None:
    """The fewest inhabitants a place named by the frequent word `key` must have (None: `key`
    is not a frequent word, any place will do)."""
    zipf = common.get(key)
    if zipf is None:
        return None
    return 10 ** (zipf + (rules().sentence_start_zipf if at_start else 0.0))


def stem_length(form: str, name: str) -> int | None:
    """How many letters of the folded span `form` (a word form of the folded name `name`, with
    as many words) the mention keeps: the words before the last stay whole, as written, and
    the last stops where it parts from the name's (Армени|и of Армения); None when the last
    words agree, or when too little of the word would be left (`min_stem_letters`).

    >>> stem_length("армении", "армения")
    6
    >>> stem_length("сюникской области", "сюникская область")
    16
    >>> stem_length("нагорного карабах", "нагорный карабах") is None
    True
    >>> stem_length("баку", "баку") is None
    True
    """
    words, names = form.split(" "), name.split(" ")
    if len(words) != len(names) or words[-1] == names[-1]:
        return None
    last, own = words[-1], names[-1]
    common = 0
    while common < min(len(last), len(own)) and last[common] == own[common]:
        common += 1
    if common < rules().min_stem_letters or common == len(last):
        return None
    return len(form) - len(last) + common


def unit_word_end(folded: str, end: int, words: Mapping[str, frozenset[str]],
                  endings: Mapping[str, object], longest: int,
                  heads: frozenset[str] | None = None) -> tuple[int, frozenset[str]] | None:
    """Where a kind word that joins the span ends, and its kinds: the folded word right after
    folded[end] (the end of a name) when it is one of `words` (kind word -> kinds), alone or
    followed by one of `endings` of at most `longest` letters ("rayon|un"); else None.
    `heads`: the first two letters of each of `words`, worked out once by a caller that reads
    many mentions (most words after a name begin no kind word: one look-up says so).

    >>> unit_word_end("agdam rayonun xidirli", 5, {"rayon": frozenset({"district"})},
    ...               {"un": True}, 6)
    (11, frozenset({'district'}))
    >>> unit_word_end("agdam rayonlar", 5, {"rayon": frozenset({"district"})}, {"un": True}, 6)
    """
    if heads is None:
        heads = frozenset(w[:2] for w in words)
    if end >= len(folded) or folded[end] != " " or folded[end + 1 : end + 3] not in heads:
        return None
    stop = folded.find(" ", end + 1)
    word = folded[end + 1 : stop if stop >= 0 else len(folded)]
    for cut in range(min(longest, len(word) - 1) + 1):
        stem, ending = word[: len(word) - cut], word[len(word) - cut :]
        kinds = words.get(stem)
        if kinds is not None and (not cut or ending in endings):
            return end + 1 + len(stem), kinds
    return None


class _Generic(Protocol):
    """A generic term of a language file (toponyms.translit.Generic), as read here."""

    @property
    def kind(self) -> str: ...

    @property
    def words(self) -> tuple[str, ...]: ...


def unit_words(edges: Mapping[tuple[str, str], tuple[_Generic, ...]],
               kinds: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
    """The kind words that join a span when they follow a name, with their kinds: the one-word
    suffix terms of the language files' `generic` whose kind is one of `kinds` (by default
    `span_kinds`; the settlement words of `narrow_kinds` are read the same way)."""
    wanted = set(rules().span_kinds if kinds is None else kinds)
    out: dict[str, set[str]] = {}
    for (side, word), gens in edges.items():
        for g in gens:
            if side == "suffix" and g.kind in wanted and g.words == (word,):
                out.setdefault(word, set()).add(g.kind)
    return {w: frozenset(k) for w, k in out.items()}


def proclitic_pattern(letters: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds a one-letter proclitic of `letters` beginning a longer word of a
    folded text (words separated by one space): its match ends where a name may begin.

    >>> [m.end() for m in proclitic_pattern(frozenset("و")).finditer("في باكو ويريفان و")]
    [9]
    """
    return re.compile(f"(?<![^ ])[{re.escape(''.join(sorted(letters)))}](?=[^ ])")


def elision_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds an elided article or preposition of `words` ("l", "dell") with its
    apostrophe (any of keys.APOSTROPHES) before a letter, in the text as written: its match
    ends where a name may begin. Lower-case, or "L" at a sentence's start; a capital "D'" or
    "O'" begins a surname ("D'Alema"). Invisible format characters after the apostrophe (a
    bidi mark, a zero-width joiner: FORMAT_MARKS) belong to the match, as the rest of extract
    ignores them.

    >>> [m.end() for m in elision_pattern(frozenset({"l", "dell"})).finditer(
    ...     "L'Arménie et dell’Azerbaigian, D'Alema, l'")]
    [2, 18]
    >>> [m.end() for m in elision_pattern(frozenset({"l"})).finditer("l’\u200fArménie")]
    [3]
    """
    written = sorted(words | ({"L"} if "l" in words else set()), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in written)
    marks = re.escape(APOSTROPHES)
    return re.compile(f"(?<![^\\W\\d_])(?:{alternatives})[{marks}]{FORMAT_MARKS}*(?=[^\\W\\d_])")


def generic_near(folded: str, start: int, word_end: int, words: frozenset[str]) -> bool:
    """A word of `words` (for "village") right after the name at folded[start:word_end], or
    among the three words before it ("village of Madagiz").

    Only those words are read (find/rfind from the name, never a slice of the rest of the
    text): a word is next to at most four mentions, so the work over a text is linear.

    >>> generic_near("village of madagiz", 11, 18, frozenset({"village"}))
    True
    >>> generic_near("talish is near", 0, 6, frozenset({"village"}))
    False
    """
    if word_end < len(folded):
        stop = folded.find(" ", word_end + 1)
        if folded[word_end + 1 : stop if stop >= 0 else len(folded)] in words:
            return True
    end = start - 1  # the space before the name (folded text has one between words)
    for _ in range(3):
        if end <= 0:
            break
        space = folded.rfind(" ", 0, end)
        if folded[space + 1 : end] in words:
            return True
        end = space
    return False
