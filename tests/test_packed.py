"""The packed table (toponyms.packed): the same mapping as the dict it is packed from."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from toponyms.packed import PackedTable

_VALUES = st.one_of(st.integers(-(2**62), 2**62),
                    st.lists(st.integers(0, 2**40), min_size=2, max_size=4))
_TABLES = st.dictionaries(st.text(max_size=12), _VALUES, max_size=60)


@given(_TABLES, st.lists(st.text(max_size=12), max_size=10))
def test_a_packed_table_reads_as_its_dict(table: dict[str, int | list[int]],
                                          others: list[str]) -> None:
    packed = pickle.loads(pickle.dumps(PackedTable(table)))
    assert list(packed) == list(table)  # the same keys in the same order
    assert len(packed) == len(table)
    for key, value in table.items():
        assert key in packed
        assert packed.get(key) == value and packed[key] == value
    for key in others:
        assert (key in packed) == (key in table)
        assert packed.get(key) == table.get(key)
    keys = packed.ordered_keys()
    assert list(keys) == list(table) and [keys[i] for i in range(len(keys))] == list(table)


@given(_TABLES, st.dictionaries(st.text(max_size=12), _VALUES, max_size=20))
def test_keys_set_after_packing_read_first_and_go_last(
        table: dict[str, int | list[int]], later: dict[str, int | list[int]]) -> None:
    packed = pickle.loads(pickle.dumps(PackedTable(table)))
    expected = dict(table)
    for key, value in later.items():
        packed[key] = value
        expected[key] = value
    assert dict(packed) == expected
    assert list(packed) == list(expected)  # a new key goes last, an old one keeps its place
    again = pickle.loads(pickle.dumps(packed))
    assert list(again.items()) == list(expected.items())


def test_lone_surrogates_and_missing_keys() -> None:
    packed = PackedTable({"a\ud800": 1, "": 2, "Şuşa": [3, 4]})
    assert packed["a\ud800"] == 1 and packed[""] == 2 and packed["Şuşa"] == [3, 4]
    assert packed.get("Susa") is None and "a" not in packed and 5 not in packed
