"""The disk cache's form of an index and of the common-word prior: compact, and equal."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from toponyms.build import CommonWords
from toponyms.index import NameIndex
from toponyms.model import Name, Place
from toponyms.packed import PackedTable


def _index() -> NameIndex:
    places = [Place("p0", "city", names=(Name("Paris", "en", "official"),
                                         Name("paris", "fr", "official"))),
              Place("p1", "city", names=(Name("Shamakhi", "en", "official"),
                                         Name("Шемаха", "ru", "official"))),
              Place("p2", "city", names=(Name("Schamachi", "de", "official"),))]
    return NameIndex(places, ["city"], frozenset())


def test_later_tables_load_together_and_equal() -> None:
    built = _index()
    copy = pickle.loads(pickle.dumps(built))
    assert sorted(copy.__dict__["_blobs"]) == ["grams", "keys"]
    assert copy.translit == built.translit  # loads the three tables of its group
    assert "normalized" in copy.__dict__ and "classes" in copy.__dict__
    assert "grams" not in copy.__dict__  # its own blob, not loaded yet
    assert copy.normalized == built.normalized and copy.classes == built.classes
    assert copy.grams == built.grams
    assert list(copy.fuzzy_keys) == built.fuzzy_keys  # the same order: the grams' numbers
    again = pickle.loads(pickle.dumps(copy))  # a loaded index pickles as it was built
    assert again.translit == built.translit and again.grams == built.grams


def test_a_loaded_index_holds_packed_tables_and_unbuilt_places() -> None:
    built = _index()
    copy = pickle.loads(pickle.dumps(built))
    for table in ("exact", "position", "normalized", "translit", "classes"):
        assert isinstance(getattr(copy, table), PackedTable), table
        assert dict(getattr(copy, table)) == dict(getattr(built, table))
    assert copy.places._objects == [None, None, None]  # nothing built at load
    assert copy.places.population(1) is None and copy.places.parent(1) is None
    assert [p.names for p in copy.places] == [p.names for p in built.places]
    assert copy.places.name(1, 1).text == "Шемаха"


def test_places_added_after_loading_are_indexed_and_kept() -> None:
    copy = pickle.loads(pickle.dumps(_index()))
    copy.add([Place("p1", "city", names=(Name("Shamakhi", "en", "official"),
                                         Name("Шемаха", "ru", "official"),
                                         Name("Şamaxı", "az", "official"))),
              Place("p3", "town", names=(Name("Paris", "en", "official"),))])
    assert list(copy.entries(copy.exact, "Şamaxı")) == [(1, 2, "")]
    assert [p for p, _, _ in copy.entries(copy.exact, "Paris")] == [0, 3]
    assert copy.position["p3"] == 3 and len(copy.position) == 4
    keys = list(copy.fuzzy_keys)
    assert len(keys) == len(set(keys)) == len(copy.translit)
    assert copy.exact.__reduce__()[0] is not PackedTable  # packed at saving, not at loading
    again = pickle.loads(pickle.dumps(copy))
    assert dict(again.exact) == dict(copy.exact) and list(again.fuzzy_keys) == keys
    assert again.exact._extra == {} and again.translit._extra == {}  # packed when saved
    copy.pack()  # as the world build does, on top of the shipped data loaded from the cache
    assert copy.exact._extra == {} and copy.position._extra == {}
    assert dict(copy.exact) == dict(again.exact) and list(copy.fuzzy_keys) == keys
    assert [p.id for p in again.places] == ["p0", "p1", "p2", "p3"]
    assert again.places[1].names[2].text == "Şamaxı"


@given(st.dictionaries(st.text(min_size=1, max_size=8),
                       st.sampled_from([1.5, 2.25, 3.0, 4.75, 6.5]), max_size=40))
def test_common_words_round_trip(words: dict[str, float]) -> None:
    common = CommonWords(words)
    copy = pickle.loads(pickle.dumps(common, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(copy) is CommonWords
    assert copy == words and list(copy) == list(words)


def test_common_words_share_one_float_per_value() -> None:
    copy = pickle.loads(pickle.dumps(CommonWords({"the": 7.5, "of": 7.5, "and": 7.25})))
    assert copy["the"] is copy["of"] and copy["and"] == 7.25


def test_ancestors_of_a_loaded_index_equal_those_of_the_built_one() -> None:
    from toponyms.lineage import Ancestors
    from toponyms.model import ParentSpell

    def town(pid: str, parent: str | None, *spells: ParentSpell) -> Place:
        return Place(pid, "town", parent=parent, parents=spells,
                     names=(Name(pid.title(), "en", "official"),))

    places = [town("r", None), town("a", "r"), town("b", "r"),
              town("v", "b", ParentSpell("a", end=2023), ParentSpell("b", start=2023)),
              town("w", "v")]
    built = NameIndex(places, ["town"], frozenset())
    copy = pickle.loads(pickle.dumps(built))
    copy.places[4]  # one place built after loading, the others still packed
    old = Ancestors.of(built.places, built.position)
    new = Ancestors.of(copy.places, copy.position)
    assert sorted(new) == sorted(old) == ["a", "b", "v", "w"]
    for pid in ["r", "a", "b", "v", "w", "x"]:
        assert new.get(pid) == old.get(pid), pid
        for year in (2000, 2023, None):
            assert new.at(pid, year) == old.at(pid, year), (pid, year)
    assert new["w"] == {"v", "b", "r"} and new.at("w", 2000) == {"v", "a", "r"}
    assert "r" not in new and new.get("r") is None
