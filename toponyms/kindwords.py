"""Kind words: the words that say what kind of place a name is ("town", "Stadt", "город",
"kəndi", "marz", "város"), in every language.

They are data/languages/compound.yaml's `kind_words` and the language files' generic terms
(toponyms.translit). toponyms.compound reads them beside a name: a part of their own ("Sisian
(town)") or, with `read_edge`, an edge of a text without separators ("Gyumri город"). The
cascade (toponyms.cascade) never matches a kind word alone loosely: "járás" is a word for a
district, not a typo of a town's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from toponyms.index import NameIndex
from toponyms.keys import fold, strip_marks
from toponyms.model import DataError, Name, Place, data_dir, loaded_once
from toponyms.translit import STATE_TITLE, _read, languages


def read_kind_words(raw: Any, path: Path) -> dict[str, str]:
    """Folded, unmarked kind word(s) -> kind, from compound.yaml's `kind_words` mapping (kind ->
    words) and the language files' generic terms; a DataError names `path` when malformed."""
    if not isinstance(raw, dict):
        raise DataError("compound.yaml: kind_words maps kinds to lists of words", path=str(path))
    out: dict[str, str] = {}
    for kind, words in raw.items():
        if not isinstance(words, list):
            raise DataError(f"compound.yaml: kind_words of {kind!r} is a list", path=str(path))
        for word in words:
            out.setdefault(strip_marks(fold(str(word))).rstrip("."), str(kind))
    # the language files' generic terms are kind words too ("rayonu", "район", "district")
    for edges in languages().generic_edges.values():
        for generic in edges:
            out.setdefault(" ".join(generic.words), generic.kind)
    return out


def _shipped_kind_words() -> dict[str, str]:
    """The shipped kind words (read once, thread-safe)."""
    path = data_dir() / "languages" / "compound.yaml"
    raw: Any = _read(path)
    return read_kind_words(raw.get("kind_words") if isinstance(raw, dict) else None, path)


kind_words = loaded_once(_shipped_kind_words)


def positional(folded: str) -> bool:
    """Whether folded text is made only of position words (the language files'
    `position_words`: "north", "central", "coast") and kind words, at least one of the first:
    "West", "North East", "Gulf Coast", "Central district" say where in something a part lies,
    not which place. Regions are named so (Cameroon's West, Papua New Guinea's Gulf, Tanzania's
    Coast), but a bare "West" in news is almost never one of them: the cascade answers such a
    query only with a filter (toponyms.cascade), so "West" with country="CM" is found, and
    a compound's part is resolved with its other part as the filter ("West, Cameroon").

    >>> positional("north east"), positional("central district"), positional("east timor")
    (True, True, False)
    """
    words = strip_marks(folded).split()
    position = languages().position_words
    if not words or not any(w in position for w in words):
        return False
    kinds = kind_words()
    return all(w in position or w.rstrip(".") in kinds for w in words)


def kind_of(folded: str) -> str | None:
    """The kind that folded text names when it is nothing but a kind word, else None.

    >>> kind_of("város"), kind_of("rayonu"), kind_of("baku")
    ('city', 'district', None)
    """
    return kind_words().get(strip_marks(folded).rstrip("."))


#: The class of a state title not listed in titles.yaml's `title_classes`.
STATE_CLASS = "state"
def _shipped_title_classes() -> tuple[tuple[str, str], ...]:
    """data/languages/titles.yaml's `title_classes`: (" folded title ", class) pairs, longest
    title first (read once, thread-safe)."""
    path = data_dir() / "languages" / "titles.yaml"
    raw: Any = _read(path)
    return read_title_classes(raw.get("title_classes") if isinstance(raw, dict) else None, path)


title_classes = loaded_once(_shipped_title_classes)


def read_title_classes(raw: Any, path: Path) -> tuple[tuple[str, str], ...]:
    """Compile a `title_classes` mapping (class -> titles); a DataError names `path` when it
    is malformed."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise DataError("titles.yaml: title_classes maps classes to lists of titles",
                        path=str(path))
    pairs = {f" {strip_marks(fold(str(title)))} ": str(cls)
             for cls, titles in raw.items() for title in titles}
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))


def title_class(folded: str) -> str:
    """The class of the state title in folded text ("khu tự trị nagorno karabakh": an
    autonomous region), STATE_CLASS when it has no title of a listed class.

    >>> title_class("khu tự trị nagorno karabakh"), title_class("republic of korea")
    ('autonomous-region', 'state')
    """
    padded = f" {strip_marks(folded)} "
    return next((cls for title, cls in title_classes() if title in padded), STATE_CLASS)


def titled_after(index: NameIndex, place: Place, title_kinds: frozenset[str],
                 asked: str) -> list[tuple[int, Name]]:
    """(number, titled name) of each other place of `title_kinds` with a name that is a state
    title around one of `place`'s names: "Republic of Nagorno-Karabakh" (the republic) around
    "Nagorno-Karabakh" (the region); a name whose title is of the class `asked` first. The
    cascade reads it only for a query with a state title."""
    out: dict[int, Name] = {}
    # the keys of the place's names that some titled name has as its core, each once, in the
    # order of its names (NameIndex.titled_cores: a repeated key finds the same entries, which
    # change nothing the second time, and a key with no titled entry adds nothing)
    for key in index.titled_cores(index.position[place.id]):
        for p, n, generic in index.entries(index.normalized, key):
            other = index.places[p]
            if generic != STATE_TITLE or other.id == place.id or other.kind not in title_kinds:
                continue
            if p not in out or (title_class(fold(out[p].text)) != asked
                                and title_class(fold(other.names[n].text)) == asked):
                out[p] = other.names[n]
    return list(out.items())


#: The longest kind word (in words) looked for at an edge of a text: "iqtisadi rayonu".
MAX_KIND_WORDS = 3


def read_edge(text: str, words_of_kinds: dict[str, str], function_words: frozenset[str],
              max_words: int, is_name: Callable[[str], bool] | None = None,
              ) -> tuple[str, str, str] | None:
    """(name, kind word as written, kind) for a text of 2 to `max_words` words with a kind word
    at its start or end ("Gyumri город", "provincia de Lori": function words after a leading
    kind word go with it); None when neither edge is one, or nothing but kind words is left
    (unless `is_name` says the rest is a place's name: "ASSR Ավան", Avan, whose name is also
    the Armenian word for a town). A kind word of one letter counts only with its dot ("г.
    Гюмри": "с" and "г" are words).

    >>> read_edge("Gyumri город", kind_words(), frozenset(), 5)
    ('Gyumri', 'город', 'city')
    """
    words = text.split()
    if not 2 <= len(words) <= max_words:
        return None
    bare = [strip_marks(fold(w)) for w in words]
    for n in range(min(MAX_KIND_WORDS, len(words) - 1), 0, -1):
        for leading in (True, False):
            head, rest = (words[:n], words[n:]) if leading else (words[-n:], words[:-n])
            key = " ".join(bare[:n] if leading else bare[-n:]).rstrip(".")
            kind = words_of_kinds.get(key)
            if kind is None or (len(key) < 2 and not head[-1].endswith(".")):
                continue
            while leading and len(rest) > 1 and strip_marks(fold(rest[0])) in function_words:
                rest = rest[1:]
            name = " ".join(rest)
            if strip_marks(fold(name)).rstrip(".") in words_of_kinds and (
                    is_name is None or not is_name(name)):
                return None  # "city district": kind words only
            return name, " ".join(head), kind
    return None


__all__ = ["MAX_KIND_WORDS", "STATE_CLASS", "kind_of", "kind_words", "read_edge",
           "read_kind_words", "read_title_classes", "title_class", "title_classes",
           "titled_after"]
