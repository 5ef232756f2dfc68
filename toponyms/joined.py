"""Compounds with no separator mark between their parts: a possessive ("Azerbaijan's Lachin
district"; "조지아의 수도 트빌리시", Georgia's capital Tbilisi; "ギュムリの街", the town of Gyumri)
and text in a script written without spaces that runs a parent's name, a kind word or a state
title into the name ("伊朗德黑蘭", Iran Tehran; "首都埃里温", the capital Yerevan;
"ナゴルノ・カラバフ共和国", the Republic of Nagorno-Karabakh).

`read` turns such text into parts, (text, kind) pairs with kind None for a name, that
toponyms.compound weighs as it weighs the parts of a separated compound:

- a possessive (data/languages/compound.yaml `possessives`) splits the text into its owner and
  the rest (a particle written without spaces only after an owner that is a name of the
  data, or such a name with an owner suffix of `possessives`: "アルメニア領の", of Armenia's
  territory): when the rest is only a kind word the owner is the name ("ゴリスの街"); else both
  must name places and the owner contain the answer or name it too (the reading is `strict`),
  and a kind word at an edge of the rest is a kind part ("수도 트빌리시");
- a kind word and a function word between two names ("Abovyan community of Kotayk region",
  compound.yaml's `function_words`) say that the first is of that kind and in the second: a
  `strict` reading;
- in a script written without spaces (Han, kana), kind words of MIN_JOINED_KIND characters or
  more are read off either end of the text ("首都", "城市", "小镇", with a joiner such as "・"
  beside them), a state title off its end ("共和国": the name part keeps it after a space, so
  that the cascade reads it as a title), and when what is left is no name of the data, a
  leading name of a country or region is split off it ("伊朗" + "德黑蘭"). Such a split is a
  guess of ours: the reading is `strict`, so both parts must name places and one of them
  contain the other (a country prefix before a place of another country is no answer).

Only text with a possessive ending or whose first letter is Han or kana pays for this
(`applies`).

`descriptive_rest` reads a leading word that describes the place off a Latin text ("liberated
Lachin city", "schönes Gjumri"): a lower-case word that is no word of any name of the data;
toponyms.compound accepts the rest only where it is a name as written or normalized.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toponyms.index import NameIndex
from toponyms.keys import UNSPACED, fold, script_of, strip_marks
from toponyms.kindwords import read_edge
from toponyms.model import DataError, data_dir, loaded_once
from toponyms.translit import STATE_TITLE, _read, languages

#: The shortest kind word read off an end of text written without spaces: a one-character word
#: (市, 町, 区) is too often part of a name, and the cascade reads those itself (generic.yaml).
MIN_JOINED_KIND = 2
#: The longest kind word looked for at an end of such text, in characters.
MAX_JOINED_KIND = 4

#: A part: its text and the kind it names (None: a name).
PartText = tuple[str, "str | None"]


@dataclass(frozen=True, slots=True)
class Possessives:
    """compound.yaml's `possessives` and `joiners`, compiled."""

    endings: tuple[str, ...]  # closing the owner's last word: "'s", "의"
    particles: frozenset[str]  # between two words written without spaces: "の", "的"
    joiners: str  # marks joining a kind word to a name: "・"
    owner_suffixes: tuple[str, ...] = ()  # an owner's "territory of": "領"


@dataclass(frozen=True, slots=True)
class Reading:
    """The parts of a joined compound; `strict` when a split was guessed (no mark)."""

    parts: tuple[PartText, ...]
    strict: bool


def load_possessives(path: Path | None = None) -> Possessives:
    """Read the `possessives` and `joiners` of compound.yaml; a DataError names the file when
    they are malformed."""
    path = path or data_dir() / "languages" / "compound.yaml"
    raw: Any = _read(path)
    try:
        spec = raw.get("possessives") or {}
        endings = tuple(str(e) for e in spec.get("endings") or [])
        particles = frozenset(str(p) for p in spec.get("particles") or [])
        joiners = "".join(str(j) for j in raw.get("joiners") or [])
        owned = tuple(fold(str(o)) for o in spec.get("owner_suffixes") or [])
    except (AttributeError, TypeError) as exc:
        raise DataError(f"compound.yaml: malformed possessives or joiners ({exc})",
                        path=str(path)) from None
    if any(not e for e in endings) or any(len(p) != 1 for p in particles):
        raise DataError("compound.yaml: a possessive ending is empty or a particle is not one "
                        "character", path=str(path))
    if any(not o for o in owned):
        raise DataError("compound.yaml: an owner suffix is empty", path=str(path))
    return Possessives(endings, particles, joiners, owned)


def _shipped() -> Possessives:
    """The shipped possessives (read once, thread-safe)."""
    return load_possessives()


possessives = loaded_once(_shipped)


def _shipped_titles() -> tuple[str, ...]:
    """The one-word state titles written after a name in a script without spaces, longest
    first (read once)."""
    found = {g.words[0] for (position, _), terms in languages().generic_edges.items()
             if position == "suffix" for g in terms
             if g.kind == STATE_TITLE and len(g.words) == 1
             and script_of(g.words[0]) in UNSPACED | {"HANGUL"}}
    return tuple(sorted(found, key=lambda t: (-len(t), t)))


joined_titles = loaded_once(_shipped_titles)


def applies(text: str) -> bool:
    """True when `read` may find parts in `text` (a cheap first test).

    >>> applies("伊朗德黑蘭"), applies("Azerbaijan's Lachin district"), applies("Lachin")
    (True, True, False)
    """
    return script_of(text) in UNSPACED or any(
        f"{ending} " in text for ending in possessives().endings)


def read(text: str, kind_words: dict[str, str], function_words: frozenset[str],
         max_words: int, is_name: Callable[[str], bool],
         is_parent: Callable[[str], bool]) -> Reading | None:
    """The parts of a joined compound; None when `text` is none (see the module's rules).

    `is_name` says whether text is a name of the data, `is_parent` whether it is a name of a
    country or region.
    """
    p = possessives()
    words = text.split()
    for i in range(2, len(words) - 1):  # "Abovyan community of Kotayk region"
        kind = kind_words.get(_bare(words[i - 1]))
        if kind is not None and kind != STATE_TITLE and _bare(words[i]) in function_words:
            return Reading(((" ".join(words[: i - 1]), None), (words[i - 1], kind),
                            (" ".join(words[i + 1:]), None)), strict=True)
    for i, word in enumerate(words[:-1]):
        ending = next((e for e in p.endings if len(word) > len(e) and word.endswith(e)), None)
        if ending is not None:
            owner = " ".join([*words[:i], word[: -len(ending)]])
            return _owned(owner, " ".join(words[i + 1:]), kind_words, function_words,
                          max_words, is_name)
    if script_of(text) not in UNSPACED:
        return None
    folded = fold(text)
    # a particle is also a syllable of transcribed names (蒙得維的亞, Montevideo): it is read as
    # one only after an owner that is a name
    at = next((k for k, ch in enumerate(folded) if ch in p.particles
               and 0 < k < len(folded) - 1 and _owner(folded[:k], p, is_name)), None)
    if at is not None:
        return _owned(_owner(folded[:at], p, is_name) or "", folded[at + 1:], kind_words,
                      function_words, max_words, is_name)
    parts, strict = _unspaced(folded, kind_words, is_name, is_parent)
    if parts == [(folded, None)]:
        return None  # nothing read off
    return Reading(tuple(parts), strict)


def _owner(text: str, p: Possessives, is_name: Callable[[str], bool]) -> str | None:
    """The owner `text` names before a particle: itself when it is a name, or the name before
    an owner suffix ("アゼルバイジャン領", Azerbaijan's territory); None when neither."""
    if is_name(text):
        return text
    return next((text[: -len(o)] for o in p.owner_suffixes
                 if text.endswith(o) and len(text) > len(o) and is_name(text[: -len(o)])), None)


def _owned(owner: str, rest: str, kind_words: dict[str, str],
           function_words: frozenset[str], max_words: int,
           is_name: Callable[[str], bool]) -> Reading | None:
    """An owner and what it owns: a kind word alone makes the owner the name."""
    owner, rest = owner.strip(), rest.strip()
    if not owner or not rest:
        return None
    kind = kind_words.get(_bare(rest))
    if kind is not None:
        return Reading(((owner, None), (rest, kind)), strict=False)
    # the answer is what the owner owns: both must name places ("Yerevan's" alone is no
    # reading of "Yerevan's community of Kentron" when the rest names nothing)
    found = read_edge(rest, kind_words, function_words, max_words, is_name)
    if found is not None:
        name, word, kind = found
        return Reading(((owner, None), (name, None), (word, kind)), strict=True)
    if script_of(rest) in UNSPACED:
        parts, _ = _unspaced(rest, kind_words, is_name, lambda _: False)
        return Reading(((owner, None), *parts), strict=True)
    return Reading(((owner, None), (rest, None)), strict=True)


def _unspaced(text: str, kind_words: Mapping[str, str], is_name: Callable[[str], bool],
              is_parent: Callable[[str], bool]) -> tuple[list[PartText], bool]:
    """Kind words off both ends, a title off the end, a parent's name off the start."""
    kinds: list[PartText] = []
    text = _strip(text, kind_words, kinds, leading=True)
    text = _strip(text, kind_words, kinds, leading=False)
    title = next((t for t in joined_titles() if text.endswith(t) and len(text) > len(t)), "")
    core = text[: len(text) - len(title)] if title else text
    names = [core]
    strict = False
    if core and not is_name(core):
        for i in range(len(core) - 1, 1, -1):  # the longest parent's name first
            head = core[:i]
            if is_parent(head):
                rest = _strip(core[i:], kind_words, kinds, leading=True)
                if rest:
                    names, strict = [head, rest], True
                    break
    if title:
        names[-1] = f"{names[-1]} {title}"
    return [*((n, None) for n in names if n), *kinds], strict


def _strip(text: str, kind_words: Mapping[str, str], kinds: list[PartText], *,
           leading: bool) -> str:
    """`text` without the kind words (and joiners) at one end, each added to `kinds`."""
    joiners = possessives().joiners
    while True:
        text = (text.lstrip(joiners) if leading else text.rstrip(joiners)).strip()
        for n in range(min(MAX_JOINED_KIND, len(text) - 1), MIN_JOINED_KIND - 1, -1):
            word = text[:n] if leading else text[-n:]
            kind = kind_words.get(_bare(word))
            if kind is None or kind == STATE_TITLE:  # a title stays with its name
                continue
            rest = text[n:] if leading else text[:-n]
            if script_of(word) not in UNSPACED | {"HANGUL"} and (
                    rest[:1].isalnum() if leading else rest[-1:].isalnum()):
                continue  # a word of a spaced script is read off whole: "Georgetown" ≠ George
            kinds.append((word, kind))
            text = rest
            break
        else:
            return text


#: The most words of a text whose leading descriptive word is read off.
MAX_DESCRIBED_WORDS = 5
_NAME_WORDS: weakref.WeakKeyDictionary[NameIndex, frozenset[str]] = weakref.WeakKeyDictionary()


def name_words(index: NameIndex) -> frozenset[str]:
    """Every word of every normalized name key of `index`, built on first use and kept while
    the index lives (one set per index)."""
    words = _NAME_WORDS.get(index)
    if words is None:
        words = frozenset(w for key in index.normalized for w in key.split())
        _NAME_WORDS[index] = words
    return words


def descriptive_rest(text: str, words: frozenset[str],
                     articles: frozenset[str] = frozenset(),
                     kinds: Collection[str] = frozenset()) -> str | None:
    """`text` without its first word when that word is one of `articles` (compound.yaml's:
    "the city of Gyumri", "Il Marz di Tavush") or a lower-case Latin word and no word of any
    name (`words`, see name_words) or one before a word of `kinds`, and a later word begins
    with a capital (a proper
    name after a describing word, "restored city of Lachin": "gemenebes van", Afrikaans for
    "commonwealth of", is no description of Van), else None.

    >>> descriptive_rest("liberated Lachin city", frozenset({"lachin", "city"}))
    'Lachin city'
    >>> descriptive_rest("restored city of Lachin", frozenset({"lachin", "city", "of"}))
    'city of Lachin'
    >>> descriptive_rest("The Shirak region", frozenset({"the", "shirak"}), frozenset({"the"}))
    'Shirak region'
    >>> descriptive_rest("new Lachin", frozenset({"new"})) is None
    True
    >>> descriptive_rest("aserbaidschanische Stadt Gandscha", frozenset({"aserbaidschanische"}),
    ...                  kinds={"stadt"})
    'Stadt Gandscha'
    >>> descriptive_rest("gemenebes van", frozenset()) is None
    True
    """
    split = text.split()
    if not 2 <= len(split) <= MAX_DESCRIBED_WORDS:
        return None
    first = split[0]
    if not first.isalpha() or script_of(first) != "LATIN":
        return None
    if not any(word[:1].isupper() or _elided_capital(word) for word in split[1:]):
        return None  # (a name after an elided word begins after its apostrophe: d’Askeran)
    if _bare(first) in articles:  # "the city of Gyumri", "Il Marz di Tavush"
        return " ".join(split[1:])
    if first != first.lower():
        return None
    if _bare(first) in words and _bare(split[1]) not in kinds:
        return None  # a word of a name, unless a kind word follows it (a name's word before
        # a kind word describes the place the kind word heads: "aserbaidschanische Stadt")
    return " ".join(split[1:])


#: a word elided onto a name ("d’Askeran", "l'Arménie")
_ELIDED = re.compile(r"\w{1,3}['’ʼ]")


def _elided_capital(word: str) -> bool:
    """Whether `word` is a short word elided onto a name with a capital ("d’Askeran")."""
    found = _ELIDED.match(word)
    return found is not None and word[found.end():found.end() + 1].isupper()


def _bare(text: str) -> str:
    return strip_marks(fold(text)).rstrip(".")


__all__ = ["MAX_JOINED_KIND", "MIN_JOINED_KIND", "UNSPACED", "Possessives", "Reading",
           "applies", "descriptive_rest", "joined_titles", "load_possessives", "name_words",
           "possessives", "read"]
