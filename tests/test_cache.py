"""The disk cache of the shipped data's indexes: same answers, never a failure."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from toponyms import Gazetteer, cache
from toponyms.model import data_dir

QUERIES = ["Xankəndi", "Xankendy", "Stepanakertt", "Тертерский район", "Aserbaidschan",
           "Vang", "Kirovabad", "Nikol Pashinyan", "Füzuli rayonu", "阿塞拜疆"]


def _shipped_cache_file() -> Path:
    folder = data_dir()
    name = cache.key("shipped", sorted(folder.glob("*.yaml")) + sorted(folder.glob("*/*.yaml")))
    Gazetteer.from_files()  # makes sure the default cache folder holds it
    path = cache.cache_dir()
    assert path is not None
    return path / name


def test_a_gazetteer_loaded_from_the_cache_answers_as_the_built_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _shipped_cache_file()
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    shutil.copy(source, tmp_path / source.name)
    loaded = Gazetteer.from_files()
    built = Gazetteer.default()
    for q in QUERIES:
        assert loaded.resolve(q) == built.resolve(q), q
        assert loaded.search(q, limit=5) == built.search(q, limit=5), q
    assert len(loaded) == len(built)
    assert loaded.get("az-khankendi") == built.get("az-khankendi")


def test_threads_share_a_freshly_loaded_gazetteer(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = _shipped_cache_file()
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    shutil.copy(source, tmp_path / source.name)
    gaz = Gazetteer.from_files()  # the later stages' tables are still pickled
    expected = {q: Gazetteer.default().resolve(q) for q in QUERIES}
    found: list[tuple[str, object]] = []

    def work(q: str) -> None:
        found.append((q, gaz.resolve(q)))

    threads = [threading.Thread(target=work, args=(q,)) for q in QUERIES * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == len(QUERIES) * 3
    assert all(match == expected[q] for q, match in found)


def test_a_damaged_cache_file_costs_a_rebuild_only(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = _shipped_cache_file()
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    (tmp_path / source.name).write_bytes(source.read_bytes()[:1000])  # truncated
    gaz = Gazetteer.from_files()
    match = gaz.resolve("Xankəndi")
    assert match is not None and match.place.id == "az-khankendi"
    assert (tmp_path / source.name).read_bytes() != source.read_bytes()[:1000]  # rewritten


def test_cache_off_and_unwritable_folders_are_quiet(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    cache.save("shipped-x.pickle", {"a": 1})
    assert cache.load("shipped-x.pickle") is None
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(blocker / "sub"))
    cache.save("shipped-x.pickle", {"a": 1})  # cannot create the folder: no error
    assert cache.load("shipped-x.pickle") is None
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "ok"))
    cache.save("shipped-x.pickle", {"a": 1})
    cache.save("shipped-y.pickle", {"b": 2})  # a newer file of the kind replaces the old
    assert cache.load("shipped-y.pickle") == {"b": 2}
    assert not (tmp_path / "ok" / "shipped-x.pickle").exists()
