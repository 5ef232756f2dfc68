"""No process-wide side effects a library user did not ask for: importing toponyms leaves the
csv module's limits alone, loading a gazetteer freezes nothing, a dropped gazetteer is freed."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from toponyms import Gazetteer, gazetteer, geonames
from toponyms.batch import csv_records


def test_importing_toponyms_leaves_the_csv_field_limit_alone() -> None:
    code = ("import csv; before = csv.field_size_limit(); import toponyms, toponyms.batch, "
            "toponyms.cli; print(before, csv.field_size_limit())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    before, after = done.stdout.split()
    assert after == before


def test_a_huge_quoted_cell_is_still_read_and_the_limit_restored() -> None:
    import csv

    limit = csv.field_size_limit()
    big = "x" * (limit + 10)
    rows = list(csv_records([f'1,"{big}"\n', "2,b\n"], width=2))
    assert rows == [["1", big], ["2", "b"]]
    assert csv.field_size_limit() == limit


def _table_line(gid: int, name: str) -> str:
    # the 19 columns of the GeoNames 'geoname' table
    cols = [str(gid), name, name, "", "40.5", "47.5", "P", "PPL", "XX", "", "01", "", "", "",
            "5000", "", "100", "Asia/Baku", "2024-01-01"]
    return "\t".join(cols) + "\n"


def test_a_gazetteer_from_geonames_freezes_nothing_and_is_freed_when_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    # a small common-word prior: wordfreq's would take seconds and ~300 MB to read
    monkeypatch.setattr(geonames, "common_words", lambda: {"the": 7.7})
    table = tmp_path / "XX.txt"
    table.write_text(_table_line(990000001, "Qarvel") + _table_line(990000002, "Zintak"),
                     encoding="utf-8")
    frozen = gc.get_freeze_count()
    for _ in range(2):  # built, then loaded from the disk cache
        world = Gazetteer.from_geonames(table, cities=False, base=False)
        assert world.resolve("Qarvel").place.id == "geonames-990000001"  # type: ignore[union-attr]
        world.extract("Qarvel and Zintak")
        assert gc.get_freeze_count() == frozen
        ref = weakref.ref(world)
        del world
        gc.collect()
        assert ref() is None


def test_a_dropped_gazetteer_of_files_is_freed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", "off")
    gaz = Gazetteer.from_files(base=False)
    gaz.resolve("Baku")
    ref = weakref.ref(gaz)
    del gaz
    gc.collect()
    assert ref() is None


def test_memos_are_bounded_and_cache_clear_empties_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "EXACT_MEMO_SIZE", 5)
    monkeypatch.setattr(gazetteer, "EXTRACTORS_KEPT", 2)
    gaz = Gazetteer.from_files()  # a fresh one: its memos start empty
    names = sorted({p.names[0].text for p in gaz})[:40]
    want = [Gazetteer.default().resolve(n) for n in names]
    assert [gaz.resolve(n) for n in names] == want  # bounded, still the same answers
    assert 0 < len(gaz._exact) <= 5
    assert [gaz.resolve(n) for n in names] == want
    gaz.cache_clear()  # a first sighting again: nothing remembered, the exact memo included
    assert gaz._exact == {} and gaz._cached.cache_info().currsize == 0
    empty = Gazetteer.from_files(base=False)
    for lang in ("de", "fr", "it", "es"):
        empty.extract("Berlin", lang=lang)
    assert list(empty._extractors) == ["it", "es"]  # the two most recent languages
