"""Shared fixtures and hypothesis profiles.

CI runs the "ci" profile (moderate, fixed budget); `HYPOTHESIS_PROFILE=long pytest` runs the
large budget named in README.md.
"""

from __future__ import annotations

import os
import shutil
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
