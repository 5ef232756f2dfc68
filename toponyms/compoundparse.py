"""Compound text split into parts: what data/languages/compound.yaml says (separators,
brackets, kind words, lead words) and how a text with separators ("Vanadzor / Kirovakan",
"Gyumri (Leninakan)", "Sisian (town)"), a kind word at an edge ("Gyumri город") or 2 to
`max_qualified_words` words ("Ağdamın Xıdırlı kəndi") splits into `Part`s. toponyms.compound
weighs the parts; toponyms.joined reads the compounds without a separator mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toponyms import joined
from toponyms.index import NameIndex
from toponyms.keys import UNSPACED, fold, script_of, strip_marks
from toponyms.kindwords import read_edge, read_kind_words
from toponyms.model import DataError, data_dir, loaded_once
from toponyms.translit import _read

_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class CompoundSpec:
    """What data/languages/compound.yaml says, compiled."""

    separators: tuple[str, ...]
    brackets: dict[str, str]
    closers: frozenset[str]
    marks: frozenset[str]  # every character that can begin a separator or a bracket
    max_parts: int
    max_qualified_words: int
    kind_words: dict[str, str]  # folded word(s) -> kind
    lead_words: tuple[tuple[str, ...], ...]
    function_words: frozenset[str] = frozenset()  # "de" of "provincia de Lori"
    articles: frozenset[str] = frozenset()  # "the" of "the city of Gyumri"
    max_phrase_words: int = 0  # the longest phrase toponyms.phrase reads
    cased_scripts: frozenset[str] = frozenset()  # scripts whose writers capitalize names
    describing: frozenset[str] = frozenset()  # folded words that describe: "الانفصالية"
    nisba: tuple[Nisba, ...] = ()  # how a demonym adjective is made from a country's name
    kind_heads: tuple[str, ...] = ()  # kind words a compound noun may end in: "region"
    postal_code: re.Pattern[str] | None = None  # a whole word that is a postal code

    def without_codes(self, text: str) -> str:
        """`text` without the words that are postal codes, spaces tidied (unchanged when it
        has none).

        >>> spec().without_codes("AZ1000 Baku"), spec().without_codes("Bakı 1014, Azerbaijan")
        ('Baku', 'Bakı, Azerbaijan')
        """
        if self.postal_code is None:
            return text
        bare = self.postal_code.sub("", text)
        if bare == text:
            return text
        bare = re.sub(r"\(\s*\)|\[\s*\]", "", bare)
        return re.sub(r"\s+([,;)\]])", r"\1", " ".join(bare.split())).strip(" ,;")


@dataclass(frozen=True, slots=True)
class Nisba:
    """One `nisba` rule of compound.yaml: a demonym adjective is a country's name without one
    of `stems` at its end, with one of `endings`, after one of `articles` or none (all
    folded), in `script`."""

    script: str
    articles: tuple[str, ...]
    endings: tuple[str, ...]  # longest first
    stems: tuple[str, ...]

    def countries(self, word: str) -> list[str]:
        """The names (folded) a country may bear when folded `word` is its adjective.

        >>> Nisba("ARABIC", ("ال",), ("يه", "ي"), ("", "يا")).countries("الارمينيه")
        ['ارمين', 'ارمينيا']
        """
        bare = next((word[len(a):] for a in self.articles if word.startswith(a)), word)
        for ending in self.endings:
            if bare.endswith(ending) and len(bare) > len(ending) + 1:
                stem = bare[: -len(ending)]
                return [stem + s for s in self.stems]
        return []


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a compound query: a name (kind None) or a kind word."""

    text: str
    kind: str | None = None


def load_spec(path: Path | None = None) -> CompoundSpec:
    """Read and check compound.yaml; a DataError names the file when it is malformed."""
    path = path or data_dir() / "languages" / "compound.yaml"
    raw: Any = _read(path)
    if not isinstance(raw, dict):
        raise DataError("compound.yaml is a mapping", path=str(path))
    try:
        separators = tuple(str(s) for s in raw["separators"])
        brackets = {str(k): str(v) for k, v in raw["brackets"].items()}
        max_parts = int(raw["max_parts"])
        max_qualified = int(raw.get("max_qualified_words", 0))
        kind_words = read_kind_words(raw["kind_words"], path)
        lead = tuple(tuple(fold(str(w)).split()) for w in raw["lead_words"])
        function = frozenset(strip_marks(fold(str(w))) for w in raw.get("function_words") or [])
        articles = frozenset(strip_marks(fold(str(w))) for w in raw.get("articles") or [])
        max_phrase = int(raw.get("max_phrase_words", 0))
        cased = frozenset(str(w).upper() for w in raw.get("cased_scripts") or [])
        describing = frozenset(strip_marks(fold(str(w))) for w in raw.get("describing_words")
                               or [])
        nisba = tuple(_nisba(rule) for rule in raw.get("nisba") or [])
        heads = tuple(strip_marks(fold(str(w))) for w in raw.get("kind_heads") or [])
        code = raw.get("postal_code")
        postal = None if code is None else re.compile(rf"(?<!\w){code}(?!\w)")
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise DataError(f"compound.yaml: missing or malformed key ({exc})",
                        path=str(path)) from None
    if any(h not in kind_words for h in heads):
        raise DataError("compound.yaml: a kind head is no kind word", path=str(path))
    if any(not s for s in separators) or max_parts < 2:
        raise DataError("compound.yaml: empty separator or max_parts below 2", path=str(path))
    marks = {s.strip()[:1] or s[:1] for s in separators} | set(brackets) | set(brackets.values())
    return CompoundSpec(separators, brackets, frozenset(brackets.values()), frozenset(marks),
                        max_parts, max_qualified, kind_words, tuple(w for w in lead if w),
                        function, articles, max_phrase, cased, describing, nisba, heads,
                        postal)


def _nisba(rule: Any) -> Nisba:
    """A `nisba` rule of compound.yaml (a KeyError or TypeError when malformed)."""
    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted((strip_marks(fold(str(w))) if w else "" for w in rule[key]),
                            key=lambda w: -len(w)))
    return Nisba(str(rule["script"]).upper(), words("articles"), words("endings"),
                 tuple(strip_marks(fold(str(w))) if w else "" for w in rule["stems"]))


def nisba_countries(index: NameIndex, word: str) -> tuple[str, ...]:
    """The countries `word` is a nisba adjective of (compound.yaml's `nisba`: Arabic
    "الأرمينية", the Armenian, of أرمينيا; German "armenischen", of Armenien): those whose
    name of the data a rule rebuilds from it."""
    script = script_of(word)
    folded = strip_marks(fold(word))
    found: list[str] = []
    for rule in spec().nisba:
        if rule.script != script:
            continue
        for name in rule.countries(folded):
            for pos, _, _ in index.entries(index.normalized, name):
                place = index.places[pos]
                if place.kind == "country" and place.id not in found:
                    found.append(place.id)
    return tuple(found)


def _shipped_spec() -> CompoundSpec:
    """The shipped compound.yaml, loaded once (thread-safe)."""
    return load_spec()


spec = loaded_once(_shipped_spec)


def has_separator(text: str) -> bool:
    """True when `text` has a character that may split it into parts (a cheap first test)."""
    return not spec().marks.isdisjoint(text)


def applies(text: str) -> bool:
    """True when `run` may find parts in `text`: a separator or bracket, 2 to
    `max_qualified_words` words, or a script written without spaces run into another
    (a cheap first test)."""
    s = spec()
    words = text.split()
    return not s.marks.isdisjoint(text) or 2 <= len(words) <= s.max_qualified_words or (
        joined.applies(text)) or scripts_apart(text) != text or _kind_of(words, s) or (
        kind_apart(text) != text)


def _kind_of(words: list[str], s: CompoundSpec) -> bool:
    """Whether a kind word and a function word follow each other between other words
    ("Talish village of the Tartar region", longer than a qualified split reads: joined.read
    reads it, up to `max_parts` words on each side)."""
    if len(words) > 2 * s.max_parts + 2:
        return False
    bare = [strip_marks(fold(w)).rstrip(".") for w in words]
    return any(bare[i - 1] in s.kind_words and bare[i] in s.function_words
               for i in range(2, len(bare) - 1))


def kind_apart(text: str) -> str:
    """`text` with a space for the hyphen that joins a kind word to the name before it, as
    German joins nouns ("Naxçıvan-Gebiet", "Lori-Bezirk"): the kind word is then read off the
    edge as it is after a space. Else `text` as it is.

    >>> kind_apart("Naxçıvan-Gebiet"), kind_apart("Nagorno-Karabakh"), kind_apart("Baku")
    ('Naxçıvan Gebiet', 'Nagorno-Karabakh', 'Baku')
    """
    head, hyphen, last = text.rpartition("-")
    if not hyphen or " " in last or not head[-1:].isalpha():
        return text
    return f"{head} {last}" if strip_marks(fold(last)).rstrip(".") in spec().kind_words else text


def scripts_apart(text: str) -> str:
    """`text` with a separator (" / ") where a letter of a script written without spaces
    (Han, kana) meets a letter of another script: "Yerevan埃里温" is two names run together,
    as a caption gives a name and its Chinese form, and they are read as the parts of
    "Yerevan / 埃里温" are. Katakana beside Han stays as it is (both are written without
    spaces: "ナゴルノ自治州").

    >>> scripts_apart("Yerevan埃里温"), scripts_apart("Baku"), scripts_apart("首都埃里温")
    ('Yerevan / 埃里温', 'Baku', '首都埃里温')
    """
    if text.isascii():
        return text
    out: list[str] = []
    last: bool | None = None  # whether the previous letter's script is written without spaces
    for ch in text:
        if ch.isalpha():
            unspaced = not UNSPACED.isdisjoint(
                re.split("[ -]", unicodedata.name(ch, "?"))[:2])  # "KATAKANA-HIRAGANA ..."
            if last is not None and unspaced != last and out and out[-1].isalpha():
                out.append(" / ")
            last = unspaced
        out.append(ch)
    return "".join(out)


def qualified_splits(text: str) -> list[list[Part]]:
    """The two-part splits at each space of a text without separators; a split with a part
    that is only a kind word is left out (the cascade reads a kind word inside a part)."""
    words = text.split()
    s = spec()
    if not 2 <= len(words) <= s.max_qualified_words:
        return []
    splits = [[_part(" ".join(words[:i]), s), _part(" ".join(words[i:]), s)]
              for i in range(1, len(words))]
    return [parts for parts in splits if all(p.kind is None and p.text for p in parts)]


def annotated(text: str, is_name: Callable[[str], bool] | None = None) -> list[Part] | None:
    """A name with a kind word at its start or end and no separator: [name, kind word]
    (toponyms.kindwords.read_edge); None when there is none, or nothing else (a rest that is a
    kind word too counts as a name when `is_name` says it is one).

    >>> annotated("Gyumri város")
    [Part(text='Gyumri', kind=None), Part(text='város', kind='city')]
    >>> annotated("regione della Lori")
    [Part(text='Lori', kind=None), Part(text='regione', kind='region')]
    >>> annotated("Baku") is None, annotated("город мечты")[0]
    (True, Part(text='мечты', kind=None))
    """
    s = spec()
    found = read_edge(text, s.kind_words, s.function_words, s.max_qualified_words, is_name)
    return None if found is None else [Part(found[0]), Part(found[1], found[2])]


def parse(text: str) -> list[Part] | None:
    """The parts of a compound query; None when it has only one part.

    An empty list means a compound with nothing to resolve: only kind words, or more than
    `max_parts` parts (a list of places, not a place). Unbalanced brackets count as separators.

    >>> parse("Gyumri (formerly Leninakan)")
    [Part(text='Gyumri', kind=None), Part(text='leninakan', kind=None)]
    >>> parse("Sisian (town)")
    [Part(text='Sisian', kind=None), Part(text='town', kind='town')]
    >>> parse("Nagorno-Karabakh") is None
    True
    """
    s = spec()
    main: list[str] = []
    segments: list[str] = []
    inner: list[str] = []
    closers: list[str] = []
    for ch in text:
        if ch in s.brackets:
            if closers:
                inner.append(_SEP)
            else:
                main.append(_SEP)
                inner = []
            closers.append(s.brackets[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
            if closers:
                inner.append(_SEP)
            else:
                segments.append("".join(inner))
        elif ch in s.closers:
            (inner if closers else main).append(_SEP)  # a closing bracket never opened
        else:
            (inner if closers else main).append(ch)
    if closers:
        segments.append("".join(inner))  # opened, never closed: still a part of its own
    pieces: list[str] = []
    for segment in ["".join(main), *segments]:
        for sep in s.separators:
            segment = segment.replace(sep, _SEP)
        pieces.extend(p.strip() for p in segment.split(_SEP))
    pieces = [p for p in pieces if fold(p)]
    if len(pieces) < 2:
        return None
    if len(pieces) > s.max_parts:
        return []
    parts = [_part(p, s) for p in pieces]
    parts = [p for p in parts if p.text]
    return parts if any(p.kind is None for p in parts) else []


def _part(piece: str, s: CompoundSpec) -> Part:
    folded = fold(piece)
    bare = strip_marks(folded).rstrip(".")
    if bare in s.kind_words:
        return Part(piece, s.kind_words[bare])
    words = folded.split()
    for lead in s.lead_words:
        if len(words) > len(lead) and tuple(words[: len(lead)]) == lead:
            return Part(" ".join(words[len(lead):]))
    return Part(piece)


__all__ = ["CompoundSpec", "Nisba", "Part", "annotated", "applies", "has_separator",
           "kind_apart", "load_spec", "nisba_countries", "parse", "qualified_splits",
           "scripts_apart", "spec"]
