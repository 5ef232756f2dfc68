"""extract's names automaton (toponyms.automaton): what it finds, and its disk cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponyms import Gazetteer, cache
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
         "in", "shushakend", "xankendi", "степанакерт", "шуша", "x", "yerevan", "ab"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_keys_are_found_exactly_at_word_starts(
        shipped_automaton: tuple[NameAutomaton, dict[str, int]], words: list[str]) -> None:
    automaton, keys = shipped_automaton
    folded = " ".join(words)
    starts = [0] + [i + 1 for i, ch in enumerate(folded) if ch == " "]
    expected = {(i, j, keys[folded[i:j]]) for i in starts for j in range(i + 1, len(folded) + 1)
                if folded[i:j] in keys}
    found = list(automaton.find(folded))
    assert len(found) == len(set(found))
    assert set(found) == expected
    for start, end, number in found:
        assert automaton.entries_of(number), folded[start:end]  # every key names something


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
