"""The disk cache of the shipped data's indexes: same answers, never a failure."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from toponyms import Gazetteer, cache, load
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


def test_a_damaged_cache_file_costs_a_rebuild_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overlay_town: str) -> None:
    # a small gazetteer of one file, without the shipped data: the same cache, a cheap build
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(overlay_town, encoding="utf-8")
    Gazetteer.from_files(overlay, base=False)
    (stored,) = (tmp_path / "cache").glob("overlay-only-*.pickle")
    whole = stored.read_bytes()
    stored.write_bytes(whole[: len(whole) // 2])  # truncated
    gaz = Gazetteer.from_files(overlay, base=False)
    match = gaz.resolve("Qarvelistan")
    assert match is not None and match.place.id == "zz-overlay-town"
    assert stored.read_bytes() == whole  # rewritten


def test_cache_off_is_quiet_and_an_unwritable_folder_costs_nothing_but_a_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    cache.save("shipped-x.pickle", {"a": 1})
    assert cache.load("shipped-x.pickle") is None
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(blocker / "sub"))
    cache.save("shipped-x.pickle", {"a": 1})  # cannot create the folder: no error
    assert cache.load("shipped-x.pickle") is None


_SAVE_TWICE = """
import sys
from toponyms import cache
cache.save("shipped-x.pickle", {"a": 1})
cache.save("shipped-y.pickle", {"b": 2})
print(cache.load("shipped-y.pickle"))
"""


@pytest.mark.parametrize("problem", ["a file", "read-only", "relative"])
def test_an_unusable_cache_folder_is_reported_in_one_line(tmp_path: Path, problem: str) -> None:
    if problem == "a file":
        folder = tmp_path / "cache"
        folder.write_text("not a folder")
    elif problem == "read-only":
        folder = tmp_path / "cache"
        folder.mkdir()
        folder.chmod(0o500)
        if os.access(folder, os.W_OK):  # root writes anyway: a read-only folder stands in
            if not Path("/proc/self").is_dir():
                pytest.skip("running as root without /proc: no read-only folder to use")
            folder = Path("/proc/self")
    else:
        folder = Path("relative/cache")
    env = {**os.environ, "TOPONYMS_CACHE_DIR": str(folder)}
    done = subprocess.run([sys.executable, "-c", _SAVE_TWICE], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60, check=True)
    assert done.stdout == "None\n"  # no cache, no failure
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr  # once, not per call
    if problem == "relative":
        assert "relative path" in lines[0] and "relative/cache" in lines[0]
        assert not (tmp_path / "relative").exists()  # nothing written where the command ran
    else:
        assert lines[0].startswith("toponyms: cannot write the index cache in ")
        assert "TOPONYMS_CACHE_DIR" in lines[0]


def test_a_writable_folder_is_silent(tmp_path: Path) -> None:
    env = {**os.environ, "TOPONYMS_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _SAVE_TWICE], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    assert (done.stdout, done.stderr) == ("{'b': 2}\n", "")


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))

    def dump(obj: object, fh: Any, protocol: int) -> None:
        fh.write(b"half a pickle")
        raise failure

    monkeypatch.setattr(cache.pickle, "dump", dump)
    if isinstance(failure, KeyboardInterrupt):
        with pytest.raises(KeyboardInterrupt):  # an interrupt still interrupts
            cache.save("shipped-x.pickle", {"a": 1})
    else:
        cache.save("shipped-x.pickle", {"a": 1})  # a full disk: no error
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_stale_temporary_files_are_removed_at_the_next_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale, fresh = tmp_path / ".tmp-killed.pickle", tmp_path / ".tmp-writing.pickle"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - cache.STALE_TMP_SECONDS - 60
    os.utime(stale, (old, old))
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    assert cache.load("shipped-x.pickle") is None
    assert not stale.exists()
    assert fresh.exists()  # another process may be writing it now


def test_files_of_other_versions_are_kept_up_to_a_bound_least_recently_used_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    now = time.time()
    for age, version in enumerate("abc"):
        cache.save(f"shipped-{version}.pickle", version)
        os.utime(tmp_path / f"shipped-{version}.pickle", (now - 100 + age, now - 100 + age))
    cache.save("world-only-z.pickle", "z")  # another kind: not counted with "shipped"
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == [
        "shipped-a.pickle", "shipped-b.pickle", "shipped-c.pickle", "world-only-z.pickle"]
    assert cache.load("shipped-a.pickle") == "a"  # another install starts: a is used now
    cache.save("shipped-d.pickle", "d")
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == [
        "shipped-a.pickle", "shipped-c.pickle", "shipped-d.pickle", "world-only-z.pickle"]
    cache.save("world-z2.pickle", "w")  # "world" files do not prune "world-only" ones
    assert (tmp_path / "world-only-z.pickle").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_first_build_is_announced_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    cache.building("the index of the shipped data", 8)
    monkeypatch.setattr(sys, "stderr", pipe)
    cache.building("the index of the shipped data", 8)
    assert terminal.getvalue() == ("toponyms: building the index of the shipped data "
                                   "(first use, ~8 s; cached for later runs)\n")
    assert pipe.getvalue() == ""


def test_an_overlay_is_cached_by_the_content_of_its_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overlay_town: str) -> None:
    _shipped_cache_file()  # the shipped data's index is cached already (as at a second start)
    folder = tmp_path / "cache"
    folder.mkdir()
    source = _shipped_cache_file()
    shutil.copy(source, folder / source.name)
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(folder))
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(overlay_town, encoding="utf-8")
    first = Gazetteer.from_files(overlay)
    assert first.resolve("Qarvelistan").place.id == "zz-overlay-town"  # type: ignore[union-attr]
    assert len(list(folder.glob("overlay-*.pickle"))) == 1

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the overlay was loaded from YAML again")

    with monkeypatch.context() as patched:
        patched.setattr(load, "load_places", not_again)  # imported where a build needs it
        second = Gazetteer.from_files(overlay)  # from the cache
    assert second.resolve("Qarvelistan") == first.resolve("Qarvelistan")
    assert len(second) == len(first)
    # same size and time, other bytes: a new key (times are not trusted for a user's files)
    stat = overlay.stat()
    overlay.write_text(overlay_town.replace("Qarvelistan", "Qarvelistun"), encoding="utf-8")
    os.utime(overlay, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    third = Gazetteer.from_files(overlay)
    assert third.resolve("Qarvelistun") is not None
    assert third.resolve("Qarvelistan", min_score=100) is None
