"""The value types of toponyms: Place, Name, Match, Mention.

All are frozen dataclasses with slots: cheap to create, safe to share between threads and to
use as dict keys (a Place hashes by its id).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Status values a Name may carry (see data/README.md for their meaning).
STATUSES = ("official", "variant", "historical", "colloquial", "abbreviation", "exonym")


@dataclass(frozen=True, slots=True)
class Name:
    """One attested name of a place, with who uses it and where it was found.

    >>> Name("Xankəndi", lang="az", status="official", source="https://example.org").text
    'Xankəndi'
    """

    text: str
    lang: str
    status: str
    start: int | None = None
    end: int | None = None
    used_by: tuple[str, ...] = ()
    source: str = ""
    #: The page that states `start`/`end` when it is not `source` (a name found in one place and
    #: dated by another, e.g. a Spanish spelling of a city's former name dated by the city's
    #: article); empty when `source` states the years or there are none.
    dates_source: str = ""

    def in_use(self, year: int) -> bool:
        """True when the name is known to be in use in `year`.

        Open ends count as in use, except the end of a historical name: it is no longer in use,
        and without an end year nothing says it still was in `year`.
        """
        if self.end is None and self.status == "historical":
            return False
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def current(self) -> bool:
        """True for a name not marked historical and without an end year."""
        return self.status != "historical" and self.end is None

    def __reduce__(self) -> tuple[type[Name], tuple[object, ...]]:
        # pickled as constructor arguments: the cached index of ~100,000 names loads in a
        # third of the time the default slots state takes
        return (Name, (self.text, self.lang, self.status, self.start, self.end, self.used_by,
                       self.source))


@dataclass(frozen=True, slots=True)
class ParentSpell:
    """One entry of a place's dated parent history: under `id` from `start` (inclusive) to
    `end` (exclusive: the year of a move belongs to the new parent); an open end is unbounded.

    >>> ParentSpell("az-tartar-district", end=2023, source="https://example.org").holds(2022)
    True
    """

    id: str
    start: int | None = None
    end: int | None = None
    source: str = ""

    def holds(self, year: int) -> bool:
        """True when the place was under this parent in `year`."""
        return (self.start is None or self.start <= year) and (self.end is None or year < self.end)


@dataclass(frozen=True, slots=True)
class Place:
    """A place with a stable ID and every attested name as an equal alias.

    `kind` is one of the kinds in data/kinds.yaml; `country` is ISO 3166-1 alpha-2;
    `parent` is the id of the containing place today; `parents` its dated history where the
    data gives one (`resolve(..., parent=X, at=YEAR)` reads it). Coordinates come with
    `coords_source` (a dataset, a page, or `derived: <how>`); `population` ranks same-named
    places of one kind (the world gazetteer, see toponyms.geonames; a US county's is derived,
    the sum of its GeoNames places', data/README.md); `wikidata` is the place's
    Wikidata item (`Q<digits>`), for joining with other gazetteers.
    """

    id: str
    kind: str
    country: str | None = None
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    names: tuple[Name, ...] = ()
    start: int | None = None
    end: int | None = None
    coords_source: str | None = field(default=None, compare=False)
    population: int | None = field(default=None, compare=False)
    parents: tuple[ParentSpell, ...] = ()
    wikidata: str | None = None

    def parent_in(self, year: int) -> str | None:
        """The id of the parent in `year`: from `parents` when given (None in a year no entry
        covers), else today's `parent`.

        >>> p = Place("v", "village", parent="b", parents=(ParentSpell("a", end=2023),
        ...                                                ParentSpell("b", start=2023)))
        >>> p.parent_in(2020), p.parent_in(2023), p.parent_in(2024)
        ('a', 'b', 'b')
        """
        if not self.parents:
            return self.parent
        return next((s.id for s in self.parents if s.holds(year)), None)

    def __hash__(self) -> int:
        return hash(self.id)

    def label(self, lang: str = "en") -> str:
        """The display label in `lang`: the first current name listed in that language.

        Falls back to historical names in `lang`, then to the English label, then to the first
        name. An abbreviation ("Calif.", "BC") is never a label unless it is the first name: it
        names the place in addresses, not on a map. The rule is documented in data/README.md
        ("Labels").

        >>> p = Place("x", "city", names=(Name("Ganja", "en", "official"),
        ...                               Name("Gəncə", "az", "official")))
        >>> p.label("az"), p.label("hy")
        ('Gəncə', 'Ganja')
        """
        for wanted in (lang, "en"):
            first: Name | None = None
            for name in self.names:  # a loop without calls: countries have ~400 names
                tag = name.lang
                if (tag == wanted or _lang_matches(tag, wanted)) and \
                        name.status != "abbreviation":
                    if name.status != "historical" and name.end is None:
                        return name.text
                    first = first or name
            if first is not None:
                return first.text
        return self.names[0].text if self.names else self.id


def _lang_matches(tag: str, wanted: str) -> bool:
    """True when BCP 47 `tag` falls under `wanted` ("az" covers "az-Cyrl", not the reverse)."""
    if tag[: len(wanted)].lower() != wanted.lower():
        return False  # the common case, decided without splitting
    if "-" in wanted:
        return len(tag) == len(wanted)
    return len(tag) == len(wanted) or tag[len(wanted)] == "-"


@dataclass(frozen=True, slots=True)
class Match:
    """A resolved place: which name matched, how (`method`) and how well (`score`, 0-100).

    `ambiguous` is True when another place matched exactly as well and no filter, kind hint or
    prominence rule could separate them: `search` then lists both.
    """

    place: Place
    name: Name
    score: float
    method: str
    query: str
    ambiguous: bool = False
    #: the part of a compound query that matched ("Kirovakan" in "Vanadzor / Kirovakan"),
    #: None for a query matched whole
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention in running text: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    match: Match


class DataError(ValueError):
    """Bad data in a YAML file: says which file and line, what is wrong and how to fix it."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)


def data_dir() -> Path:
    """The shipped data folder: inside the installed package, or data/ beside the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "places").is_dir():
            return candidate
    raise DataError("the shipped data folder (data/places) is missing; reinstall toponyms")


#: Every table `loaded_once` keeps, in the order they were declared: `load_all` reads them.
_LOADERS: list[Callable[[], object]] = []


def load_all() -> None:
    """Read every shipped table `loaded_once` keeps, now: extract's first call does, so the
    texts after it never pay for reading language files that one of them happens to need first
    (a Turkish clitic, a Russian preposition)."""
    for get in tuple(_LOADERS):
        get()


def loaded_once(load: Callable[[], T]) -> Callable[[], T]:
    """`load` run at the first call only, under a lock, its result kept: the shipped tables
    (language files, romanizers, kind words) are read once per process even when threads ask
    for them together, and never twice. `load_all` runs every one.

    >>> calls = []
    >>> table = loaded_once(lambda: calls.append(1) or "table")
    >>> table(), table(), len(calls)
    ('table', 'table', 1)
    """
    lock = threading.Lock()
    kept: list[T] = []

    def get() -> T:
        if not kept:
            with lock:
                if not kept:
                    kept.append(load())
        return kept[0]

    get.__doc__ = load.__doc__
    _LOADERS.append(get)
    return get
