"""The held-out extraction sets in tests/heldout/extract/ and extract2/ stay well-formed and
held out.

(a) passages.tsv lists every passage file exactly once, each with a language tag, a date and an
http(s) address, and each passage is one short piece of text (50 to 200 words). (b) gold.tsv's
offsets slice each passage to exactly the gold text, and spans do not overlap. (c) Every id is a
place of the shipped data or `-`. (d) No passage's page is cited anywhere in data/places: a page
the data was built from would not be held out. There is no accuracy floor here on purpose:
benchmarks/bench_extract_heldout.py reports the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_sets import DATE, LANG, URL, gold_problems, page_key, read_tsv, unknown_ids

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "data" / "places"
# each set: its folder, the fewest and most passages, the languages it must have at least
SETS = {
    "extract": (ROOT / "tests" / "heldout" / "extract", (12, 20), {"en", "ru", "az", "tr", "de",
                                                                  "fr"}),
    # collected 2026-12-02, languages the first set lacks (its README)
    "extract2": (ROOT / "tests" / "heldout" / "extract2", (20, 24), {"ar", "fa", "ka", "uk", "es",
                                                                    "it", "pl", "el", "uz"}),
}
ROWS = [(name, row) for name, (folder, _, _) in SETS.items()
        for row in read_tsv(folder / "passages.tsv")[1:]]


@pytest.mark.parametrize("name", sorted(SETS))
def test_passages_file_is_well_formed(name: str) -> None:
    folder, (least, most), langs = SETS[name]
    passages = read_tsv(folder / "passages.tsv")
    assert passages[0] == ["file", "lang", "date", "source"]
    rows = passages[1:]
    assert least <= len(rows) <= most
    problems = [row for row in rows if len(row) != 4 or not LANG.fullmatch(row[1])
                or not DATE.fullmatch(row[2]) or not URL.fullmatch(row[3])]
    assert problems == []
    files = [row[0] for row in rows]
    assert len(files) == len(set(files))
    assert sorted(files) == sorted(p.name for p in folder.glob("*.txt"))
    assert langs <= {row[1] for row in rows}


@pytest.mark.parametrize(("name", "row"), ROWS, ids=lambda x: x if isinstance(x, str) else x[0])
def test_passage_is_one_short_piece_of_text(name: str, row: list[str]) -> None:
    text = (SETS[name][0] / row[0]).read_text(encoding="utf-8")
    assert 50 <= len(text.split()) <= 200
    assert row[0].startswith(row[1] + "-")


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_offsets_slice_the_text_to_the_gold_text(name: str) -> None:
    folder = SETS[name][0]
    passages, gold = read_tsv(folder / "passages.tsv"), read_tsv(folder / "gold.tsv")
    assert gold_problems(folder, passages, gold) == []


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_ids_are_places_of_the_data_or_a_dash(name: str) -> None:
    gold = read_tsv(SETS[name][0] / "gold.tsv")
    assert unknown_ids(gold) == []
    assert sum(row[4] != "-" for row in gold[1:]) >= 150


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_passage_page_is_cited_in_the_data(name: str) -> None:
    cited = {page_key(url) for path in PLACES.glob("*.yaml")
             for url in URL.findall(path.read_text(encoding="utf-8"))}
    passages = read_tsv(SETS[name][0] / "passages.tsv")
    cited_again = [row[3] for row in passages[1:] if page_key(row[3]) in cited]
    assert cited_again == []


def test_the_sets_share_no_page() -> None:
    pages = [page_key(row[3]) for _, row in ROWS]
    assert len(pages) == len(set(pages))


def test_page_key_folds_spellings_of_one_page() -> None:
    assert page_key("https://www.Example.org/a/b/") == page_key("http://example.org/a/b")
    assert page_key("https://tass.com/world/1/amp") == page_key("https://tass.com/world/1")
    assert page_key("https://x.az/%C5%9Fu%C5%9Fa") == page_key("https://x.az/şuşa")
    assert page_key("https://x.az/a") != page_key("https://x.az/b")
