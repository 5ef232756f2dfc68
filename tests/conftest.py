"""Shared fixtures and hypothesis profiles.

CI runs the "ci" profile (moderate, fixed budget); `HYPOTHESIS_PROFILE=long pytest` runs the
large budget named in README.md.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import toponyms

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
