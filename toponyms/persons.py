"""Whether a place name in running text is part of a person's name.

News names people constantly, and many surnames and given names are also places: "David
Paterson", "Marco Rubio", "Gov. Paterson", "Vladimir Putin", "George Washington", "Mayor
Virginia Raggi". `extract` drops a span (data/persons.yaml gives the words):

1. right after a title ("Gov.", "Mayor", "President"; a period after it allowed);
2. right after a given name that is no mention itself ("David Paterson": the place name is a
   surname; in "Austin Texas" both are mentions);
3. that is itself a given name right before a capitalized word that no mention begins
   ("Vladimir Putin"); "Austin Texas" keeps Austin, since "Texas" is a mention.

Once a span is part of a person's name, the same word is no mention anywhere else in that
text either ("Lily Chen ... Chen said"; toponyms.mentions), unless a preposition of
data/languages/prepositions.yaml stands before it ("David Paterson ... voters in Paterson")
or the word may name a continent, country or region ("Miss Germany" is a title, Germany
stays Germany). Measured (recognition F1 on exact spans, before -> after): GeoWebNews 0.710
-> 0.715, TR-News 0.761 -> 0.768, LGL sample (held out) 0.666 -> 0.673; end to end LGL 0.578
-> 0.590, the others unchanged or +0.001.

"Right after" and "right before" mean one plain space between the two words, both with a
capital; the rule holds only in a text that writes capitals. A longer name of the data wins
first (the span "Lake Charles" is one mention, whatever "Charles" is). What it costs: a place
named right after a given name ("Shelby Montana") or a given name that is a place before a
capitalized word that is not a mention ("Georgia National") is not found either.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import Any

from toponyms.keys import fold, strip_marks
from toponyms.model import DataError, data_dir, loaded_once
from toponyms.translit import _read

#: Characters of a word besides letters (O'Brien, Jean-Luc).
_INNER = "'’-"


@dataclass(frozen=True, slots=True)
class PersonWords:
    """The words of data/persons.yaml."""

    titles: frozenset[str]
    given_names: frozenset[str]


def _shipped_words() -> PersonWords:
    """The titles and given names of data/persons.yaml, read once."""
    path = data_dir() / "persons.yaml"
    if not path.exists():
        return PersonWords(frozenset(), frozenset())
    raw: Any = _read(path)  # malformed YAML: a DataError with its line
    try:
        return PersonWords(frozenset(str(t) for t in raw["titles"]),
                           frozenset(str(n) for n in raw["given_names"]))
    except (KeyError, TypeError) as err:
        raise DataError(f"cannot read the person words: {err!r}", path=str(path)) from None


words = loaded_once(_shipped_words)


def _shipped_folded_given() -> frozenset[str]:
    """The given names of data/persons.yaml, folded as the cascade folds a query."""
    return frozenset(strip_marks(fold(n)) for n in words().given_names)


_folded_given = loaded_once(_shipped_folded_given)


def is_given_name(folded: str) -> bool:
    """Whether folded query text is a given name of data/persons.yaml ("георгий", "sophia").
    `resolve` reads such a query only as written or normalized: romanized or fuzzy, a given
    name meets a place too easily ("Георгий" and Georgia, "Raven" and Yerevan, "Sophia" and
    Sofia), and a place that is named so is met as written."""
    return strip_marks(folded) in _folded_given()


def word_before(text: str, start: int) -> str | None:
    """The capitalized word right before text[start] (one space between; a period after the
    word is skipped: "Gov. "), or None.

    >>> word_before("Gov. Paterson", 5), word_before("in Paterson", 3)
    ('Gov', None)
    """
    i = start - 1
    if i < 1 or text[i] != " ":
        return None
    i -= 1
    if text[i] == ".":
        i -= 1
    end = i + 1
    while i >= 0 and (text[i].isalpha() or text[i] in _INNER):
        i -= 1
    word = text[i + 1 : end]
    return word if word[:1].isupper() else None


def word_after(text: str, end: int) -> str | None:
    """The capitalized word right after text[:end] (one space between), or None.

    >>> word_after("Vladimir Putin said", 8), word_after("Austin, Texas", 6)
    ('Putin', None)
    """
    if not text.startswith(" ", end):
        return None
    i = end + 1
    while i < len(text) and (text[i].isalpha() or text[i] in _INNER):
        i += 1
    word = text[end + 1 : i]
    return word if word[:1].isupper() else None


def in_person_name(text: str, start: int, end: int, starts: Container[int]) -> bool:
    """Whether the span text[start:end] is part of a person's name (rules 1-3 of the module
    docstring); `starts` holds where the text's mentions begin.

    >>> in_person_name("said Vladimir Putin", 5, 13, {5})
    True
    >>> in_person_name("Austin Texas", 0, 6, {0, 7}), in_person_name("Georgia. Tbilisi", 9, 16, {9})
    (False, False)
    """
    w = words()
    before = word_before(text, start)
    # a period after a title abbreviates it ("Gov. Paterson"); after a given name it ends a
    # sentence ("... Georgia. Tbilisi mayor ...")
    dotted = start >= 2 and text[start - 2] == "."
    if before is not None and (before in w.titles or (
            not dotted and before in w.given_names and start - len(before) - 1 not in starts)):
        return True
    if text[start:end] not in w.given_names:
        return False
    after = word_after(text, end)
    return after is not None and end + 1 not in starts and after not in w.titles


__all__ = ["PersonWords", "in_person_name", "word_after", "word_before", "words"]
