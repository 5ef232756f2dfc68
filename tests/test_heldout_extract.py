"""The held-out extraction set in tests/heldout/extract/ stays well-formed and held out.

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
HELDOUT = ROOT / "tests" / "heldout" / "extract"
PLACES = ROOT / "data" / "places"


PASSAGES = read_tsv(HELDOUT / "passages.tsv")
GOLD = read_tsv(HELDOUT / "gold.tsv")


def test_passages_file_is_well_formed() -> None:
    assert PASSAGES[0] == ["file", "lang", "date", "source"]
    rows = PASSAGES[1:]
    assert 12 <= len(rows) <= 20
    problems = [row for row in rows if len(row) != 4 or not LANG.fullmatch(row[1])
                or not DATE.fullmatch(row[2]) or not URL.fullmatch(row[3])]
    assert problems == []
    files = [row[0] for row in rows]
    assert len(files) == len(set(files))
    assert sorted(files) == sorted(p.name for p in HELDOUT.glob("*.txt"))
    assert {"en", "ru", "az", "tr", "de", "fr"} <= {row[1] for row in rows}


@pytest.mark.parametrize("row", PASSAGES[1:], ids=lambda row: row[0])
def test_passage_is_one_short_piece_of_text(row: list[str]) -> None:
    text = (HELDOUT / row[0]).read_text(encoding="utf-8")
    assert 50 <= len(text.split()) <= 200
    assert row[0].startswith(row[1] + "-")


def test_gold_offsets_slice_the_text_to_the_gold_text() -> None:
    assert gold_problems(HELDOUT, PASSAGES, GOLD) == []


def test_gold_ids_are_places_of_the_data_or_a_dash() -> None:
    assert unknown_ids(GOLD) == []
    assert sum(row[4] != "-" for row in GOLD[1:]) >= 150


def test_no_passage_page_is_cited_in_the_data() -> None:
    cited = {page_key(url) for path in PLACES.glob("*.yaml")
             for url in URL.findall(path.read_text(encoding="utf-8"))}
    cited_again = [row[3] for row in PASSAGES[1:] if page_key(row[3]) in cited]
    assert cited_again == []


def test_page_key_folds_spellings_of_one_page() -> None:
    assert page_key("https://www.Example.org/a/b/") == page_key("http://example.org/a/b")
    assert page_key("https://tass.com/world/1/amp") == page_key("https://tass.com/world/1")
    assert page_key("https://x.az/%C5%9Fu%C5%9Fa") == page_key("https://x.az/şuşa")
    assert page_key("https://x.az/a") != page_key("https://x.az/b")
