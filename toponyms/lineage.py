"""Which places lie above a place, today or in a given year: the `parent=` and `at=` filters.

A place's parent today is `Place.parent`; where the data gives a dated history
(`Place.parents`, e.g. a village moved from one district to another by a 2023 law), the parent
in a year is the entry that covers it, and the chain upwards is followed year by year too (a
village under a district under a region). A place without a history keeps its parent in every
year. Built once per gazetteer from its index, without building Place objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from toponyms.model import ParentSpell
from toponyms.placetable import PlaceTable


class Ancestors(dict[str, frozenset[str]]):
    """Place id -> the ids of every place above it today (only places with a parent).

    `at(place_id, year)` gives the same for a year, read from the dated parent histories.

    >>> from toponyms.model import ParentSpell
    >>> up = Ancestors({"v": "b", "a": "r", "b": "r"},
    ...                {"v": (ParentSpell("a", end=2023), ParentSpell("b", start=2023))})
    >>> sorted(up["v"]), sorted(up.at("v", 2020))
    (['b', 'r'], ['a', 'r'])
    """

    def __init__(self, parent: Mapping[str, str],
                 spells: Mapping[str, tuple[ParentSpell, ...]] | None = None) -> None:
        super().__init__()
        self._parent = parent
        self._spells = spells or {}

    # a place's chain is worked out when first asked for, then kept: a start of the world
    # gazetteer would otherwise walk 240,000 chains it mostly never reads
    def get(self, place_id: str, default: Any = None) -> Any:
        """The ids above `place_id` today, or `default` when it has no parent."""
        chain = dict.get(self, place_id)
        if chain is None:
            if self._parent.get(place_id) is None:
                return default
            chain = self[place_id] = self._chain(place_id, None)
        return chain

    def __getitem__(self, place_id: str) -> frozenset[str]:
        chain: frozenset[str] | None = self.get(place_id)
        if chain is None:
            raise KeyError(place_id)
        return chain

    def __contains__(self, place_id: object) -> bool:
        return type(place_id) is str and self._parent.get(place_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (pid for pid, up in self._parent.items() if up is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @classmethod
    def of(cls, table: PlaceTable, position: Mapping[str, int]) -> Ancestors:
        """The ancestors of the places of an index (`position`: place id -> number)."""
        parent, spells = table.links(position)
        return cls(parent, spells)

    def parent_in(self, place_id: str, year: int | None) -> str | None:
        """The parent of `place_id` in `year` (today's when `year` is None)."""
        history = self._spells.get(place_id)
        if year is None or not history:
            return self._parent.get(place_id)
        return next((s.id for s in history if s.holds(year)), None)

    def _chain(self, place_id: str, year: int | None) -> frozenset[str]:
        seen: list[str] = []
        up = self.parent_in(place_id, year)
        while up is not None and up != place_id and up not in seen:
            seen.append(up)
            up = self.parent_in(up, year)
        return frozenset(seen)

    def ever(self, place_id: str) -> frozenset[str]:
        """Every place above `place_id` in some year of its dated history, today's included."""
        chains = [self.get(place_id, frozenset())]
        for spell in self._spells.get(place_id, ()):
            year = spell.start if spell.start is not None else (
                spell.end - 1 if spell.end is not None else None)
            chains.append(self._chain(place_id, year))
        return frozenset().union(*chains)

    def at(self, place_id: str, year: int | None) -> frozenset[str]:
        """The ids of every place above `place_id` in `year` (today's chain when None)."""
        if year is None or not self._spells:
            chain: frozenset[str] = self.get(place_id, frozenset())
            return chain
        return self._chain(place_id, year)


def above(ancestors: Mapping[str, frozenset[str]], place_id: str,
          year: int | None) -> frozenset[str]:
    """The ids above `place_id` in `year` (today when None): read from the dated parents when
    `ancestors` is an `Ancestors`, else today's chain, whatever the year."""
    if isinstance(ancestors, Ancestors):
        return ancestors.at(place_id, year)
    return ancestors.get(place_id, frozenset())


def ever(ancestors: Mapping[str, frozenset[str]], place_id: str) -> frozenset[str]:
    """The ids above `place_id` in any year of its dated history (today's chain when
    `ancestors` is not an `Ancestors`)."""
    if isinstance(ancestors, Ancestors):
        return ancestors.ever(place_id)
    return ancestors.get(place_id, frozenset())
