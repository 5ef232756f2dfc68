"""extract's names automaton (toponyms.automaton): what it finds, and its disk cache."""

from __future__ import annotations

import pickle
import shutil
from array import array
from pathlib import Path

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponyms import Gazetteer, cache
from toponyms import automaton as automaton_module
from toponyms.automaton import NameAutomaton
from toponyms.mentions import key_of

TEXT = ("Shelling hit Tərtər rayonu and Xankəndinə yaxın kəndlər. Степанакерт и Шуша; "
        "Ganja's mayor met Yerevan officials in Stepanakert, then flew to Baku.")


def _mentions(gaz: Gazetteer) -> list[tuple[int, int, str, float]]:
    return [(m.start, m.end, m.match.place.id, m.match.score) for m in gaz.extract(TEXT)]


@pytest.fixture(scope="module")
def shipped_automaton() -> tuple[NameAutomaton, dict[str, int]]:
    automaton = NameAutomaton.build(Gazetteer.default()._index, None, key_of)
    return automaton, dict(automaton.items())


WORDS = ["baku", "ganja", "shusha", "terter", "rayonu", "nagorno", "karabakh", "the", "a",
         "in", "shushakend", "xankendi", "степанакерт", "шуша", "x", "yerevan", "ab", "bakuda",
         "karabakhda", "yerevans", "shushada", "степанакерте"]
ENDINGS = {"da": False, "s": True, "e": False, "a": False, "dan": False}


def _reference(keys: dict[str, int], folded: str, endings: dict[str, object],
               longest: int) -> set[tuple[int, int, int, int]]:
    """What the former automaton found (an Aho–Corasick search, pyahocorasick, of every key
    at the start of a word) that ends at a word's end or before one of `endings`: what
    extract kept of its hits."""
    trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key, number in keys.items():
        trie.add_word(" " + key, number)
    if not keys:
        return set()
    trie.make_automaton()
    out = set()
    for last, number in trie.iter(" " + folded):
        start, end = last - len(keys_by_number(keys)[number]), last
        word_end = folded.find(" ", end)
        word_end = len(folded) if word_end < 0 else word_end
        if end == word_end or (word_end - end <= longest and folded[end:word_end] in endings):
            out.add((start, end, word_end, number))
    return out


def keys_by_number(keys: dict[str, int]) -> dict[int, str]:
    return {number: key for key, number in keys.items()}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_the_shipped_keys_are_found_as_the_former_automaton_kept_them(
        shipped_automaton: tuple[NameAutomaton, dict[str, int]], words: list[str]) -> None:
    automaton, keys = shipped_automaton
    folded = " ".join(words)
    found = automaton.find(folded, ENDINGS, 3)
    assert len(found) == len(set(found))
    assert set(found) == _reference(keys, folded, ENDINGS, 3)
    for start, end, word_end, number in found:
        assert automaton.entries_of(number), folded[start:end]  # every key names something
        assert folded[start:end] == keys_by_number(keys)[number]
        assert start == 0 or folded[start - 1] == " "
        assert word_end == len(folded) or folded[word_end] == " "


LETTERS = st.text(alphabet="abn", min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(keys=st.lists(st.lists(LETTERS, min_size=1, max_size=3).map(" ".join), max_size=12),
       words=st.lists(st.text(alphabet="abn", max_size=4), max_size=10),
       endings=st.sets(st.text(alphabet="abn", min_size=1, max_size=2), max_size=3),
       longest=st.integers(min_value=1, max_value=3))
def test_a_key_is_found_where_it_ends_a_word_or_before_an_ending_and_nowhere_else(
        keys: list[str], words: list[str], endings: set[str], longest: int) -> None:
    """Any keys, any text of words (empty ones too: two spaces in a row), any endings: the
    word automaton finds exactly what the former one found and extract kept."""
    numbered = {key: number for number, key in enumerate(dict.fromkeys(keys))}
    automaton = _automaton_of(numbered)
    folded = " ".join(words)
    table = dict.fromkeys(endings, False)
    found = automaton.find(folded, table, longest)
    assert len(found) == len(set(found))
    assert set(found) == _reference(numbered, folded, table, longest)
    again = automaton.find(folded, table, longest)  # from the words it remembered
    assert again == found


def _automaton_of(keys: dict[str, int]) -> NameAutomaton:
    """A NameAutomaton over `keys` (numbered as given), one entry each."""
    codes: dict[str, int] = {}
    for key, number in keys.items():
        codes[key] = number + 1 << 1
    for key in keys:
        words = key.split(" ")
        for i in range(1, len(words)):
            head = " ".join(words[:i])
            codes[head] = codes.get(head, 0) | 1
    offsets = array("I", range(len(keys) + 1))
    entries = array("Q", range(len(keys)))
    return NameAutomaton(codes, offsets, entries)


def test_words_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(automaton_module, "WORDS_KEPT", 4)
    automaton = _automaton_of({"ab": 0, "ab ba": 1})
    text = "ab ba " + " ".join(f"w{i}" for i in range(20))
    assert automaton.find(text, {}, 2) == [(0, 2, 2, 0), (0, 5, 5, 1)]
    assert len(automaton._young) <= 4 and len(automaton._old) <= 4
    assert automaton.find(text, {}, 2) == [(0, 2, 2, 0), (0, 5, 5, 1)]


def test_the_automaton_pickles_to_the_same_finds(
        shipped_automaton: tuple[NameAutomaton, dict[str, int]]) -> None:
    automaton, keys = shipped_automaton
    again = pickle.loads(pickle.dumps(automaton))
    assert dict(again.items()) == keys
    assert len(again) == len(automaton)
    text = "terter rayonu and nagorno karabakhda bakuda степанакерте"
    assert again.find(text, ENDINGS, 3) == automaton.find(text, ENDINGS, 3)
    assert again.find(text, ENDINGS, 3)


def test_entries_point_at_names_with_that_key(
        shipped_automaton: tuple[NameAutomaton, dict[str, int]]) -> None:
    automaton, keys = shipped_automaton
    table = Gazetteer.default()._index.places
    entries = automaton.entries_of(keys["xankendi"])
    assert entries
    for e in entries:
        assert key_of(table.name(e.place, e.name).text) == "xankendi" or e.inflected
    assert "az-khankendi" in {table[e.place].id for e in entries}


@pytest.fixture(scope="module")
def index_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the shipped data's index only (no automaton), built once: each
    test starts from a copy of it instead of building the index again."""
    folder = tmp_path_factory.mktemp("index-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOPONYMS_CACHE_DIR", str(folder))
        Gazetteer.from_files()
    for extra in folder.glob("extract-*.pickle"):
        extra.unlink()
    return folder


def _cache_copy(index_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    shutil.copytree(index_cache, folder)
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(folder))
    return folder


def test_the_automaton_is_cached_beside_its_index_and_answers_the_same(
        index_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = _mentions(Gazetteer.default())
    assert built
    tmp_path = _cache_copy(index_cache, tmp_path, monkeypatch)
    first = Gazetteer.from_files()  # its automaton is built into the folder
    assert first._cache_name is not None and (tmp_path / first._cache_name).exists()
    assert _mentions(first) == built
    files = sorted(tmp_path.glob("extract-*.pickle"))
    assert len(files) == 1
    assert files[0].name == cache.derived("extract", first._cache_name, "")
    # a new process (a new gazetteer from the cache) loads it instead of building it
    monkeypatch.setattr(NameAutomaton, "build", _no_build)
    second = Gazetteer.from_files()
    assert _mentions(second) == built


def _no_build(*args: object, **kwargs: object) -> NameAutomaton:
    raise AssertionError("built again: the cached automaton was not used")


def test_a_damaged_or_foreign_automaton_file_costs_a_rebuild_only(
        index_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = _mentions(Gazetteer.default())
    tmp_path = _cache_copy(index_cache, tmp_path, monkeypatch)
    gaz = Gazetteer.from_files()
    assert gaz._cache_name is not None
    path = tmp_path / cache.derived("extract", gaz._cache_name, "")
    path.write_bytes(b"not a pickle")
    assert _mentions(Gazetteer.from_files()) == built
    cache.save(path.name, {"not": "an automaton"})
    assert _mentions(Gazetteer.from_files()) == built


def test_a_gazetteer_with_files_on_top_has_an_automaton_of_its_own(
        index_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        overlay_town: str) -> None:
    _cache_copy(index_cache, tmp_path, monkeypatch)
    base = Gazetteer.from_files()
    assert base._cache_name is not None
    assert not [m for m in base.extract("They met in Qarvelistan and Baku.")
                if m.text == "Qarvelistan"]  # the shipped data's automaton is now cached
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(overlay_town, encoding="utf-8")
    mine = Gazetteer.from_files(overlay)
    assert mine._cache_name not in (None, base._cache_name)
    found = {m.text: m.match.place.id for m in mine.extract("They met in Qarvelistan and Baku.")}
    assert found == {"Qarvelistan": "zz-overlay-town", "Baku": "az-baku"}
    other = tmp_path / "other.yaml"
    other.write_text(overlay_town.replace("zz-overlay-town", "zz-other-town"), encoding="utf-8")
    mine._add_files([other])  # changed after loading: no longer what a cache file holds
    assert mine._cache_name is None
