"""A string-keyed table packed into a few flat buffers: the disk cache's form of big indexes.

A dict of a million str keys is a million key objects, a million entries and as many value
objects: ~150 MB for the world's exact names, and most of a second to unpickle. A
`PackedTable` holds the same keys as one UTF-8 blob with an array of offsets, the values as
one array of 64-bit ints with an array of starts, and an open-addressing hash table (CRC-32 of
the key's bytes, linear probing) of key numbers: five objects whatever the size, loaded as fast
as the file is read, at a fifth of the memory. A look-up costs ~1 microsecond instead of ~50 ns.

Keys keep their order (a key's number is its place in that order: the fuzzy stage's key numbers
rely on it). The packed part is frozen; keys set later (a user's overlay files on top of a
cached index) go to a small dict that is consulted first, so the table still reads as one
mapping in insertion order.
"""

from __future__ import annotations

from array import array
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any, Generic, TypeVar, overload
from zlib import crc32

#: A key's value: one int, or a list of ints (a key shared by several entries).
Value = int | list[int]
V = TypeVar("V", int, Value)


def _encode(key: str) -> bytes:
    return key.encode("utf-8", "surrogatepass")  # any str, lone surrogates too


class PackedTable(Mapping[str, V], Generic[V]):
    """str -> int or list of ints, packed (see the module docstring); pickles as its buffers."""

    __slots__ = ("_added", "_blob", "_extra", "_mask", "_offsets", "_size", "_slots", "_starts",
                 "_values")

    def __init__(self, table: Mapping[str, V] | None = None) -> None:
        encoded = [_encode(k) for k in table or ()]
        size = 8
        while size < len(encoded) * 3 // 2 + 1:  # a load factor of 2/3 at most
            size *= 2
        slots = array("I", bytes(4 * size))
        mask = size - 1
        for number, h in enumerate(map(crc32, encoded), 1):
            h &= mask
            while slots[h]:
                h = (h + 1) & mask
            slots[h] = number
        starts, values = array("Q", [0]), array("q")
        for value in (table or {}).values():
            if type(value) is int:
                values.append(value)
            else:
                values.extend(value)  # type: ignore[arg-type]
            starts.append(len(values))
        self._blob = b"".join(encoded)
        self._offsets = numbers(accumulate(map(len, encoded), initial=0))
        self._slots, self._mask, self._size = slots, mask, len(encoded)
        if values and min(values) >= 0 and max(values) < 1 << 32:
            values = array("I", values)  # place numbers, palette codes: 4 bytes are enough
        self._starts, self._values = numbers(starts), values
        self._extra: dict[str, V] = {}  # keys set after packing
        self._added: list[str] = []  # the keys of _extra that are not packed, in order

    def _find(self, key: str) -> int:
        """The number of packed `key`, or -1."""
        data = _encode(key)
        length = len(data)
        blob, offsets, slots, mask = self._blob, self._offsets, self._slots, self._mask
        h = crc32(data) & mask
        while number := slots[h]:
            start = offsets[number - 1]
            if offsets[number] - start == length and blob.startswith(data, start):
                return number - 1
            h = (h + 1) & mask
        return -1

    def _value(self, number: int) -> Any:
        start, end = self._starts[number], self._starts[number + 1]
        return self._values[start] if end - start == 1 else self._values[start:end].tolist()

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get, faster
        if self._extra:
            found = self._extra.get(key)
            if found is not None:
                return found
        number = self._find(key) if self._size else -1
        return default if number < 0 else self._value(number)

    def __getitem__(self, key: str) -> V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return type(key) is str and ((key in self._extra) or self._find(key) >= 0)

    def __setitem__(self, key: str, value: V) -> None:
        """Set `key` (kept beside the packed part; a new key goes last in the order)."""
        if key not in self._extra and self._find(key) < 0:
            self._added.append(key)
        self._extra[key] = value

    def __len__(self) -> int:
        return self._size + len(self._added)

    def key(self, number: int) -> str:
        """The key numbered `number` in the table's order."""
        if number < self._size:
            offsets = self._offsets
            return self._blob[offsets[number] : offsets[number + 1]].decode(
                "utf-8", "surrogatepass")
        return self._added[number - self._size]

    def keys_at(self, numbers: Iterable[int]) -> list[str]:
        """The keys numbered `numbers`, in one pass (the fuzzy stage's candidates)."""
        if self._added:
            return [self.key(n) for n in numbers]
        blob, offsets = self._blob, self._offsets
        return [blob[offsets[n] : offsets[n + 1]].decode("utf-8", "surrogatepass")
                for n in numbers]

    def __iter__(self) -> Iterator[str]:
        return map(self.key, range(len(self)))

    def items(self) -> ItemsView[str, V]:
        """The (key, value) pairs in order, read in one pass over the buffers."""
        return _Items(self)

    def ordered_keys(self) -> KeySequence:
        """The keys as a sequence by number, decoded one at a time as they are asked for."""
        return KeySequence(self)

    def repacked(self) -> PackedTable[V]:
        """This table with the keys set after packing packed too (itself if there are none)."""
        return PackedTable(dict(self.items())) if self._extra else self

    def __reduce__(self) -> tuple[Any, ...]:
        if self._extra:  # pack the additions now, not at every load
            return self.repacked().__reduce__()
        return (_unpack, (self._blob, self._offsets, self._slots, self._starts, self._values,
                          self._size))


def numbers(values: Iterable[int]) -> array[int]:
    """Non-negative ints in an array of 4-byte items, or of 8-byte ones if they need it."""
    found = array("Q", values)
    return array("I", found) if not found or found[-1] < 1 << 32 else found


def _unpack(blob: bytes, offsets: array[int], slots: array[int], starts: array[int],
            values: array[int], size: int) -> PackedTable[Any]:
    table: PackedTable[Any] = PackedTable.__new__(PackedTable)
    table._blob, table._offsets, table._slots = blob, offsets, slots
    table._starts, table._values, table._size = starts, values, size
    table._mask = len(slots) - 1
    table._extra, table._added = {}, []
    return table


class KeySequence(Sequence[str]):
    """A packed table's keys by number (see `PackedTable.ordered_keys`)."""

    __slots__ = ("_table",)

    def __init__(self, table: PackedTable[Any]) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._table.key(n) for n in range(len(self))[i]]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._table.key(i)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)


class _Items(ItemsView[str, V]):
    """A packed table's items, iterated without a look-up per key."""

    _mapping: PackedTable[V]

    def __iter__(self) -> Iterator[tuple[str, V]]:
        table = self._mapping
        extra = table._extra
        for number in range(table._size):
            key = table.key(number)
            found = extra.get(key) if extra else None
            yield key, table._value(number) if found is None else found
        for key in table._added:
            yield key, extra[key]
