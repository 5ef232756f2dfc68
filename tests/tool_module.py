"""A data builder of tools/ loaded as a module, for the tests that check a generated file is
what its builder writes (test_seas, test_macroregions)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_tool(name: str, *needs: str) -> ModuleType:
    """tools/<name>.py as a module (it imports its sibling tools, so tools/ goes on the path);
    the test is skipped when one of the packages it `needs` (its pinned inputs) is missing."""
    for package in needs:
        pytest.importorskip(package)
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
