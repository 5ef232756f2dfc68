"""The names automaton of `extract`: every name key of an index, looked up a word at a time.

A name is found in the folded text (toponyms.textfold: words between single spaces) as a run
of whole words, the last of which may go on with a case ending (Bakıdan, Karabakhda). So the
text is read a word at a time, each word looked up in one dict that holds every key and,
marked, the first words of every key of several words (a trie over words): a word, then the
word without each case ending it ends with, then, only where some key goes on, the word with
the next ones. A key is never reported where it ends inside a word without an ending after
it: an Aho–Corasick search over the characters (pyahocorasick, before) reported every key at
the start of a word, ~168,000 hits on GeoWebNews' 82,000 words, 70 % of them the start of a
longer word, that extract then turned down one by one; this reports the ~47,700 it kept.
The look-ups are Python's, so reading the words costs about what the C search did: the gain
is in the hits never made (extract ~20-25 % faster on GeoWebNews) and in memory (a process
that extracts over the world peaks ~100 MB lower), but the automaton loads from the cache in
~1 s of CPU where the trie took ~0.5 (1.2 million keys inserted into a dict, however they
are stored).

At world scale (1.35 million names, a million keys) what the automaton holds decides both the
first call's time and the process' memory, so:

- it is built from the index's raw names (toponyms.placetable): no Place or Name object is
  made for the ~240,000 places, only for those a text mentions;
- each key stands for one int, the key's number; the entries of each key (place, name, found
  through a word form) are packed ints in one flat array, cut by an offsets array, decoded
  only for a key found in a text;
- it is kept in the disk cache beside the index (toponyms.cache, `extract-` files keyed by the
  index's own cache key and the language asked for): a later process loads it instead of
  building it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, compress, product
from typing import Protocol, TypeVar

from toponyms import cache
from toponyms.index import NameIndex
from toponyms.model import _lang_matches
from toponyms.placetable import UNTAGGED
from toponyms.translit import languages

# an entry packs the place number, the name number within the place and a flag: found
# through a word form of the name (a Russian case form), not the name as written
_NAME_BITS = 16
_FORM_BIT = 1
# a code of the words dict: (key number + 1) << 1 | _LONGER; 0 >> 1 for words that only begin
# longer keys
_LONGER = 1
#: An index of this many places or more says on a terminal that the first extract builds
#: the automaton (the world's: ~10 s on two cores), as the index build does.
ANNOUNCE_PLACES, BUILD_SECONDS = 100_000, 10
#: Words whose hits on their own are remembered per automaton, in each of two generations
#: (a text's words repeat: "the", "of", the names it is about).
WORDS_KEPT = 8192

#: What a word on its own finds: (letters cut off its end, key number) of each key it is or
#: is before a case ending; whether longer keys begin with it; the lengths of the case
#: endings it ends with (and has letters before).
_Alone = tuple[tuple[tuple[int, int], ...], bool, tuple[int, ...]]
_NOTHING: _Alone = ((), False, ())  # a word that is no key, begins none, has no ending
#: A key found: (start, end, word end, key number) in the folded text (ends exclusive; the
#: word end is after the case ending, if any).
Hit = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """One name that a key of the automaton stands for."""

    place: int  # number in the index
    name: int  # number of the name in the place
    inflected: bool  # found through a Russian word form


class NameAutomaton:
    """The keys of the names of one index (those in the languages asked for), each with its
    entries; `find(folded, endings)` yields the keys in a folded text (module docstring)."""

    __slots__ = ("_endings", "_lasts", "_longest", "_old", "_young", "codes", "entries",
                 "offsets")

    def __init__(self, codes: dict[str, int], offsets: array[int], entries: array[int]) -> None:
        self.codes = codes  # key, or first words of a longer key -> code (see _LONGER)
        self.offsets = offsets  # key number -> its first entry in `entries` (and one more)
        self.entries = entries  # every key's packed entries, key after key
        # word -> what it finds on its own, the recently used (see `_recall`), and the
        # endings they were worked out with
        self._young: dict[str, _Alone] = {}
        self._old: dict[str, _Alone] = {}
        self._endings: Mapping[str, object] | None = None
        self._longest = 0
        self._lasts: dict[str, tuple[int, ...]] = {}  # last letter -> lengths of endings

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
        codes: dict[str, int] = {}
        offsets, entries = array("I", (0,)), array("Q")
        for number, (key, found) in enumerate(table.items()):
            codes[key] = number + 1 << 1
            if type(found) is int:
                entries.append(found)
            else:
                entries.extend(found)  # type: ignore[arg-type]
            offsets.append(len(entries))
        del table
        for key in [key for key in codes if " " in key]:  # a list: `codes` grows
            space = key.find(" ")
            while space > 0:  # the key's first words: longer keys begin with them
                head = key[:space]
                codes[head] = codes.get(head, 0) | _LONGER
                space = key.find(" ", space + 1)
        return cls(codes, offsets, entries)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def find(self, folded: str, endings: Mapping[str, object], longest: int) -> list[Hit]:
        """(start, end, word end, key number) of every key in `folded` (a folded text: words
        separated by one space) that begins a word and ends at the word's end, or before one
        of `endings` (case endings, at most `longest` letters) that ends it; the hits of one
        word come together. A list, not a generator: extract reads them all."""
        if endings is not self._endings or longest != self._longest:  # start afresh
            self._young, self._old, self._endings = {}, {}, endings
            self._longest, self._lasts = longest, _by_last_letter(endings, longest)
        words = folded.split(" ")
        # what each distinct word finds on its own; most find nothing, and the loop below
        # visits only those that find something (a text repeats its words: "the", "of")
        memo = self._young
        found: dict[str, _Alone] = {}
        for word in set(words):
            alone = memo.get(word)
            if alone is None:
                alone = self._recall(word)
                memo = self._young
            if alone is not _NOTHING:
                found[word] = alone
        if not found:
            return []
        before = list(accumulate(map(len, words), initial=0))  # letters before each word
        codes = self.codes
        out: list[Hit] = []
        size = len(words)
        for i in compress(range(size), map(found.__contains__, words)):
            word = words[i]
            start = before[i] + i  # and a space after each word before
            end = start + len(word)
            hits, longer, _ = found[word]
            for cut, number in hits:
                out.append((start, end - cut, end, number))
            if not longer:
                continue
            # keys of several words: the run of words grows while longer keys begin with it
            run, j = word, i + 1
            while j < size:
                last = words[j]
                run = f"{run} {last}"
                end += 1 + len(last)
                code = codes.get(run, 0)
                if code > _LONGER:
                    out.append((start, end, end, (code >> 1) - 1))
                after = found.get(last)
                if after is not None:  # a word that finds nothing ends with no ending
                    for cut in after[2]:
                        key = codes.get(run[:-cut], 0)
                        if key > _LONGER:
                            out.append((start, end - cut, end, (key >> 1) - 1))
                if not code & _LONGER:
                    break
                j += 1
        return out

    def _recall(self, word: str) -> _Alone:
        """What `word` finds on its own (see _Alone), from the words remembered or worked
        out, and remembered (in `_young`; when it is full it becomes `_old`, the previous
        `_old` is dropped, and a word found there moves back to `_young`: the words a text
        uses often stay)."""
        alone = self._old.get(word)
        if alone is None:
            alone = self._alone(word)
        if len(self._young) >= WORDS_KEPT:
            self._old, self._young = self._young, {}
        self._young[word] = alone
        return alone

    def _alone(self, word: str) -> _Alone:
        """What `word` finds on its own (see _Alone), with the endings of the last `find`."""
        codes = self.codes
        code = codes.get(word, 0)
        lengths = self._lasts.get(word[-1:])
        if lengths is None:  # no ending ends with its last letter: most words
            if not code:
                return _NOTHING
            cuts: tuple[int, ...] = ()
        else:
            endings = self._endings
            assert endings is not None
            size = len(word)
            cuts = tuple([cut for cut in lengths if cut < size and word[-cut:] in endings])
            if not code and not cuts:
                return _NOTHING
        hits = [(0, (code >> 1) - 1)] if code > _LONGER else []
        for cut in cuts:
            found = codes.get(word[:-cut], 0)
            if found > _LONGER:
                hits.append((cut, (found >> 1) - 1))
        return tuple(hits), bool(code & _LONGER), cuts

    def entries_of(self, number: int) -> list[Entry]:
        """The entries of key `number`, in the order the names were indexed."""
        out = []
        for packed in self.entries[self.offsets[number] : self.offsets[number + 1]]:
            out.append(Entry(packed >> (_NAME_BITS + _FORM_BIT),
                             packed >> _FORM_BIT & ((1 << _NAME_BITS) - 1),
                             bool(packed & 1)))
        return out

    def items(self) -> Iterator[tuple[str, int]]:
        """(key, key number) of every key (benchmarks and tests list the keys)."""
        return ((key, (code >> 1) - 1) for key, code in self.codes.items() if code >> 1)

    @classmethod
    def cached(cls, index: NameIndex, lang: str | None, key_of: Callable[[str], str],
               cache_name: str | None) -> NameAutomaton:
        """`build`, or its result from the disk cache. `cache_name` is the name of the cache
        file that holds `index` as it is (None when it is not exactly one, e.g. with a
        user's files added on top): the automaton's own file is keyed by it and `lang`, so
        it is as versioned as the index. Loading it takes under a second where a world-scale
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

    def __getstate__(self) -> tuple[str, array[int], array[int], array[int]]:
        # the words as one string and their codes as one array: a dict of a million keys
        # pickled as it is loads ~2x slower (keys never hold a newline: they are folded)
        return "\n".join(self.codes), array("Q", self.codes.values()), self.offsets, self.entries

    def __setstate__(self, state: tuple[str, array[int], array[int], array[int]]) -> None:
        words, codes, self.offsets, self.entries = state
        self.codes = dict(zip(words.split("\n"), codes, strict=True)) if words else {}
        self._young, self._old, self._endings = {}, {}, None
        self._longest, self._lasts = 0, {}
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


def _by_last_letter(endings: Iterable[str], longest: int) -> dict[str, tuple[int, ...]]:
    """Last letter -> the lengths of the endings (at most `longest` letters) with it."""
    table: dict[str, set[int]] = {}
    for ending in endings:
        if 0 < len(ending) <= longest:
            table.setdefault(ending[-1], set()).add(len(ending))
    return {letter: tuple(sorted(lengths)) for letter, lengths in table.items()}


def _append(table: dict[str, int | list[int]], key: str, entry: int) -> None:
    old = table.get(key)
    if old is None:
        table[key] = entry
    elif type(old) is int:
        table[key] = [old, entry]
    else:
        old.append(entry)  # type: ignore[union-attr]


class _Span(Protocol):
    start: int
    end: int
    word_end: int


_S = TypeVar("_S", bound=_Span)


def leftmost_longest(found: list[_S]) -> list[_S]:
    """Non-overlapping candidates, leftmost first, the longest name at each start (a name and
    the ending read after it, up to `word_end`, are one)."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_S] = []
    last = -1
    for f in found:
        if f.start >= last:
            out.append(f)
            last = f.word_end
    return out
