"""The names automaton of `extract`: every name key of an index in one Aho–Corasick trie.

At world scale (1.35 million names) what the automaton holds decides both the first call's
time and the process' memory, so:

- it is built from the index's raw names (toponyms.placetable): no Place or Name object is
  made for the ~240,000 places, only for those a text mentions;
- the trie stores one int per key (pyahocorasick's STORE_INTS), the key's number; the entries
  of each key (place, name, found through a word form) are packed ints in one flat array, cut
  by an offsets array, decoded only for a key found in a text. (A tuple of the key and a list
  of entry objects per key, over places all built for it, cost ~0.7 GB at world scale and
  ~40 s; this costs ~0.25-0.35 GB and ~11 s, on two shared cores);
- it is kept in the disk cache beside the index (toponyms.cache, `extract-` files keyed by the
  index's own cache key and the language asked for): a later process loads it instead of
  building it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

import ahocorasick

from toponyms import cache
from toponyms.index import NameIndex
from toponyms.model import _lang_matches
from toponyms.placetable import UNTAGGED
from toponyms.translit import languages

# an entry packs the place number, the name number within the place and a flag: found
# through a word form of the name (a Russian case form), not the name as written
_NAME_BITS = 16
_FORM_BIT = 1
#: An index of this many places or more says on a terminal that the first extract builds
#: the automaton (the world's: ~10 s on two cores), as the index build does.
ANNOUNCE_PLACES, BUILD_SECONDS = 100_000, 10


@dataclass(frozen=True, slots=True)
class Entry:
    """One name that a key of the automaton stands for."""

    place: int  # number in the index
    name: int  # number of the name in the place
    inflected: bool  # found through a Russian word form


class NameAutomaton:
    """The keys of the names of one index (those in the languages asked for), each with its
    entries.

    A key is stored with a space before it and searched for in the folded text with a space
    before it: so it is found only at the start of a word, and the names inside words that
    a plain search reports by the hundred thousand (and extract turns down) never come up.
    `find(folded)` yields (start, end, key number) of every key at the start of a word.
    """

    __slots__ = ("entries", "lengths", "offsets", "trie")

    def __init__(self, trie: Any, lengths: array[int], offsets: array[int],
                 entries: array[int]) -> None:
        self.trie = trie  # key -> its number
        self.lengths = lengths  # key number -> length of the key
        self.offsets = offsets  # key number -> its first entry in `entries` (and one more)
        self.entries = entries  # every key's packed entries, key after key

    @classmethod
    def build(cls, index: NameIndex, lang: str | None,
              key_of: Callable[[str], str]) -> NameAutomaton:
        """The automaton over the names of `index` in the package's languages (en, az, ru,
        hy, tr, fa, ka, ar), untagged ones, and those matching `lang` when given; `key_of`
        folds a name as the text is folded (toponyms.mentions)."""
        data = languages()
        wanted = data.codes
        table: dict[str, int | list[int]] = {}
        places = index.places
        for p in range(len(places)):
            for n, name in enumerate(places.names(p)):
                if type(name) is str:
                    text, tag = name, UNTAGGED
                elif type(name) is tuple:
                    text, tag = name[0], name[1]
                else:
                    text, tag = name.text, name.lang
                primary = tag.split("-")[0]
                if not (primary in wanted or primary == "und"
                        or (lang is not None and _lang_matches(tag, lang))):
                    continue
                entry = (p << _NAME_BITS | n) << _FORM_BIT
                key = key_of(text)
                if key:
                    _append(table, key, entry)
                rules = data.inflect.get(primary) or data.inflect.get(
                    data.inflect_tags.get(tag, ""), ())
                for form in word_forms(key, rules):
                    _append(table, form, entry | 1)
        trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        lengths, offsets, entries = array("I"), array("I", (0,)), array("Q")
        for number, (key, found) in enumerate(table.items()):
            trie.add_word(" " + key, number)  # found only at the start of a word
            lengths.append(len(key))
            if type(found) is int:
                entries.append(found)
            else:
                entries.extend(found)  # type: ignore[arg-type]
            offsets.append(len(entries))
        del table
        if lengths:
            trie.make_automaton()
        return cls(trie, lengths, offsets, entries)

    def __len__(self) -> int:
        return len(self.lengths)

    def find(self, folded: str) -> list[tuple[int, int, int]]:
        """(start, end, key number) of every key found at the start of a word of `folded`
        (a folded text: words separated by one space; end exclusive). A list, not a
        generator: extract reads them all, and a list is made faster."""
        lengths = self.lengths
        # `last` indexes " " + folded: the key ends at folded[last - 1]
        return [(last - lengths[number], last, number)
                for last, number in self.trie.iter(" " + folded)]

    def entries_of(self, number: int) -> list[Entry]:
        """The entries of key `number`, in the order the names were indexed."""
        out = []
        for packed in self.entries[self.offsets[number] : self.offsets[number + 1]]:
            out.append(Entry(packed >> (_NAME_BITS + _FORM_BIT),
                             packed >> _FORM_BIT & ((1 << _NAME_BITS) - 1),
                             bool(packed & 1)))
        return out

    def items(self) -> Iterator[tuple[str, int]]:
        """(key, key number) of every key (benchmarks list the keys)."""
        return ((key[1:], number) for key, number in self.trie.items())

    @classmethod
    def cached(cls, index: NameIndex, lang: str | None, key_of: Callable[[str], str],
               cache_name: str | None) -> NameAutomaton:
        """`build`, or its result from the disk cache. `cache_name` is the name of the cache
        file that holds `index` as it is (None when it is not exactly one, e.g. with a
        user's files added on top): the automaton's own file is keyed by it and `lang`, so
        it is as versioned as the index. Loading it takes a second where a world-scale
        build takes ten."""
        name = cache.derived("extract", cache_name, lang or "") if cache_name else None
        found = cache.load(name) if name else None
        if isinstance(found, cls):
            return found
        if len(index.places) >= ANNOUNCE_PLACES:
            cache.building("the names automaton of extract", BUILD_SECONDS)
        built = cls.build(index, lang, key_of)
        if name:
            cache.save(name, built)
        return built

    def __getstate__(self) -> tuple[Any, array[int], array[int], array[int]]:
        return self.trie, self.lengths, self.offsets, self.entries

    def __setstate__(self, state: tuple[Any, array[int], array[int], array[int]]) -> None:
        self.trie, self.lengths, self.offsets, self.entries = state


def word_forms(key: str, rules: Iterable[tuple[str, tuple[str, ...]]]) -> set[str]:
    """Other case forms of a folded name from word-ending rules (Нагорныи Карабах ->
    нагорном карабах, ...); the key itself is not included."""
    rules = list(rules)
    if not rules or not key:
        return set()
    choices = []
    for word in key.split(" "):
        forms = [word]
        for ending, others in rules:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                forms.extend(word[: -len(ending)] + o for o in others)
                break
        choices.append(forms)
    out = {" ".join(c) for c in product(*choices)} if len(choices) <= 4 else set()
    out.discard(key)
    return out


def _append(table: dict[str, int | list[int]], key: str, entry: int) -> None:
    old = table.get(key)
    if old is None:
        table[key] = entry
    elif type(old) is int:
        table[key] = [old, entry]
    else:
        old.append(entry)  # type: ignore[union-attr]
