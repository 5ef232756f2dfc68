"""The held-out sets in tests/heldout/ stay well-formed and held out.

(a) No held-out query appears exactly as the text of a name in the shipped data: the sets
measure how the library generalizes, so a string that is copied into data/ stops measuring
anything (the failure lists the strings). (b) Every expected id is a place of the data.
(c) The files are well-formed: the header, the column count, no empty field, no duplicate
query, a known kind, and a source that is an http(s) address or `wikipedia:<lang>:<Title>`.
(d) Set b (`variants-b.tsv`, `nonplaces-b.tsv`, collected to measure generalization afresh
after set a had guided the matcher work) keeps the rules it was collected under: its size,
no page that data/ cites or that set a used, and no query equal to a data name once case,
Turkic dotted/dotless i and stress or dot marks are folded. (e) Set c (`variants-c.tsv`,
`nonplaces-c.tsv`, the held-out set from 2026-11-30 on, when a and b became development
sets) keeps the same rules against data/ and both earlier sets. (f) Set d (`variants-d.tsv`,
`nonplaces-d.tsv`, the held-out set from 2026-11-30 14:40 on, when a, b and c became development
sets) keeps them against data/ and all three earlier sets. (g) Set e (`variants-e.tsv`,
`nonplaces-e.tsv`, the held-out set from 2026-12-01 22:00 on, when a to d became development
sets) keeps them against data/ and all four earlier sets.

There is no accuracy floor here on purpose: benchmarks/bench_variants.py reports the figures.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

import toponyms

HELDOUT = Path(__file__).resolve().parent / "heldout"
VARIANT_FILES = sorted(HELDOUT.glob("variants*.tsv"))
NON_PLACE_FILES = sorted(HELDOUT.glob("nonplaces*.tsv"))
VARIANT_HEADER = ["query", "expected_id", "kind", "lang", "source"]
NON_PLACE_HEADER = ["query", "lang", "source"]
KINDS = {"compound", "exonym", "script", "swap", "typo", "other"}
SOURCE = re.compile(r"(https?://[^\s/]+\.[^\s/]+\S*|wikipedia:[a-z-]+:\S.*)")
LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*|und-[A-Z][a-z]{3}")
SET_B = [HELDOUT / "variants-b.tsv", HELDOUT / "nonplaces-b.tsv"]
SET_A = [HELDOUT / "variants.tsv", HELDOUT / "set-aside.tsv", HELDOUT / "nonplaces.tsv"]
SET_C = [HELDOUT / "variants-c.tsv", HELDOUT / "nonplaces-c.tsv"]
SET_D = [HELDOUT / "variants-d.tsv", HELDOUT / "nonplaces-d.tsv"]
SET_E = [HELDOUT / "variants-e.tsv", HELDOUT / "nonplaces-e.tsv"]
SET_F = [HELDOUT / "variants-f.tsv", HELDOUT / "nonplaces-f.tsv"]
SET_G = [HELDOUT / "variants-g.tsv", HELDOUT / "nonplaces-g.tsv"]
#: each later set with the sets collected before it, whose pages and queries it may not reuse
LATER_SETS = {"b": (SET_B, SET_A), "c": (SET_C, SET_A + SET_B),
              "d": (SET_D, SET_A + SET_B + SET_C), "e": (SET_E, SET_A + SET_B + SET_C + SET_D),
              "f": (SET_F, SET_A + SET_B + SET_C + SET_D + SET_E),
              "g": (SET_G, SET_A + SET_B + SET_C + SET_D + SET_E + SET_F)}
#: combining acute, grave and dot above: the stress and dot marks folded away before comparing
MARKS = {"\u0301", "\u0300", "\u0307"}


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def queries(paths: list[Path]) -> list[str]:
    return [row[0] for path in paths for row in rows(path)[1:]]


def test_the_sets_exist() -> None:
    assert VARIANT_FILES and NON_PLACE_FILES
    assert len(queries(VARIANT_FILES)) >= 300
    assert len(queries(NON_PLACE_FILES)) >= 300


@pytest.mark.parametrize("path", VARIANT_FILES + NON_PLACE_FILES, ids=lambda p: p.name)
def test_file_is_well_formed(path: Path) -> None:
    table = rows(path)
    header = VARIANT_HEADER if path.name.startswith("variants") else NON_PLACE_HEADER
    assert table[0] == header
    problems = []
    for n, row in enumerate(table[1:], start=2):
        if len(row) != len(header) or any(not field.strip() for field in row):
            problems.append(f"line {n}: {len(row)} columns or an empty field: {row}")
            continue
        rec = dict(zip(header, row, strict=True))
        if rec["query"] != rec["query"].strip():
            problems.append(f"line {n}: spaces around the query {rec['query']!r}")
        if not SOURCE.fullmatch(rec["source"]):
            problems.append(f"line {n}: source is not an address: {rec['source']!r}")
        if not LANG.fullmatch(rec["lang"]):
            problems.append(f"line {n}: lang is not a BCP 47 tag: {rec['lang']!r}")
        if "kind" in rec and rec["kind"] not in KINDS:
            problems.append(f"line {n}: unknown kind {rec['kind']!r}")
    assert problems == []


@pytest.mark.parametrize("paths", [VARIANT_FILES, NON_PLACE_FILES], ids=["variants", "nonplaces"])
def test_no_duplicate_queries(paths: list[Path]) -> None:
    counts = Counter(queries(paths))
    assert [q for q, n in counts.items() if n > 1] == []


def test_a_string_is_not_both_a_variant_and_a_non_place() -> None:
    assert set(queries(VARIANT_FILES)) & set(queries(NON_PLACE_FILES)) == set()


def test_no_heldout_query_is_a_name_in_the_data(gaz: toponyms.Gazetteer) -> None:
    texts = {name.text for place in gaz for name in place.names}
    copied = sorted(q for q in queries(VARIANT_FILES + NON_PLACE_FILES) if q in texts)
    assert copied == [], f"held-out strings found in data/ (remove them from data/): {copied}"


def test_every_expected_id_is_a_place(gaz: toponyms.Gazetteer) -> None:
    ids = {place.id for place in gaz}
    unknown = sorted({row[1] for path in VARIANT_FILES for row in rows(path)[1:]} - ids)
    assert unknown == []


def fold(text: str) -> str:
    """`text` case-folded without stress or dot marks ("Гянджа́" and "Гянджа", "LERİK" and
    "lerik" fold alike)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if c not in MARKS)
    return unicodedata.normalize("NFC", bare.casefold())


def page(source: str) -> str:
    """A source address reduced to compare pages: percent-decoded, without scheme, `www.` or
    `m.`, mobile Wikipedia hosts and a trailing slash; `wikipedia:<lang>:<Title>` as its
    address."""
    text = unquote(source.strip())
    wiki = re.fullmatch(r"wikipedia:([a-z-]+):(.+)", text)
    if wiki:
        text = f"{wiki.group(1)}.wikipedia.org/wiki/{wiki.group(2)}"
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^(www|m)\.", "", text).replace(".m.wikipedia.org", ".wikipedia.org")
    return text.rstrip("/").replace(" ", "_").casefold()


@pytest.mark.parametrize(("paths", "minimum"),
                         [(SET_B, (200, 150)), (SET_C, (250, 150)), (SET_D, (200, 150)),
                          (SET_E, (300, 300)), (SET_F, (300, 300)), (SET_G, (300, 300))],
                         ids=["b", "c", "d", "e", "f", "g"])
def test_later_set_size(paths: list[Path], minimum: tuple[int, int]) -> None:
    variants, non_places = (rows(path)[1:] for path in paths)
    assert len(variants) >= minimum[0] and len(non_places) >= minimum[1]


@pytest.mark.parametrize("set_name", sorted(LATER_SETS))
def test_later_set_pages_are_fresh(gaz: toponyms.Gazetteer, set_name: str) -> None:
    paths, earlier = LATER_SETS[set_name]
    cited = {page(s) for place in gaz for s in (
        *(name.source for name in place.names), *(name.dates_source for name in place.names),
        *(spell.source for spell in place.parents), place.coords_source or "") if s}
    used = {page(row[-1]) for path in earlier for row in rows(path)[1:]}
    reused = sorted({row[-1] for path in paths for row in rows(path)[1:]
                     if page(row[-1]) in cited | used})
    assert reused == []


@pytest.mark.parametrize("set_name", sorted(LATER_SETS))
def test_later_set_queries_are_not_data_names_in_any_case(
        gaz: toponyms.Gazetteer, set_name: str) -> None:
    texts = {fold(name.text) for place in gaz for name in place.names}
    turkic = str.maketrans({"I": "ı", "İ": "i"})
    near = sorted(q for q in queries(LATER_SETS[set_name][0])
                  if fold(q) in texts or fold(q.translate(turkic)) in texts)
    assert near == []


@pytest.mark.parametrize("set_name", sorted(LATER_SETS))
def test_later_set_shares_no_query_with_earlier_sets(set_name: str) -> None:
    paths, earlier = LATER_SETS[set_name]
    assert set(queries(paths)) & set(queries(earlier)) == set()


@pytest.mark.parametrize("paths", [SET_F, SET_G], ids=["f", "g"])
def test_later_set_variants_do_not_share_a_match_key_with_a_data_name(
        gaz: toponyms.Gazetteer, paths: list[Path]) -> None:
    # sets f and g, collected 2026-12-02, hold the stricter rule: not even a name written with
    # other letter forms, dashes or marks ("خانکندي" and خانکندی share a key): met from memory
    keys = {toponyms.normalize(name.text) for place in gaz for name in place.names}
    assert sorted(q for q in queries(paths[:1]) if toponyms.normalize(q) in keys) == []
