"""The development extraction set in tests/dev/extract/ stays well-formed and out of data/.

Unlike tests/heldout/extract/, this set may be read and tuned to: its misses are printed by
`benchmarks/bench_extract_heldout.py --set dev --misses`. What must not happen is its text
leaking into the data, which would turn a measure of reading running text into a measure of
memory. (a) passages.tsv lists every passage once, with a language tag, a date and an address,
and each passage is 50 to 130 words. (b) gold.tsv's offsets slice each passage to the gold
text, and spans do not overlap. (c) Every id is a place of the shipped data or `-`. (d) No
passage's page is cited in data/places, and no run of eight words of a passage occurs in any
file under data/. (e) No dev page is a held-out page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from extract_sets import DATE, LANG, URL, gold_problems, page_key, read_tsv, unknown_ids

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev" / "extract"
HELDOUT = ROOT / "tests" / "heldout" / "extract"
DATA = ROOT / "data"
WORD = re.compile(r"\w+")
WINDOW = 8


def windows(text: str, n: int = WINDOW) -> set[str]:
    """Every run of `n` consecutive words of `text`, casefolded and joined by one space."""
    words = [w.casefold() for w in WORD.findall(text)]
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


PASSAGES = read_tsv(DEV / "passages.tsv")
GOLD = read_tsv(DEV / "gold.tsv")


def test_passages_file_is_well_formed() -> None:
    assert PASSAGES[0] == ["file", "lang", "date", "source"]
    rows = PASSAGES[1:]
    assert 24 <= len(rows) <= 30
    problems = [row for row in rows if len(row) != 4 or not LANG.fullmatch(row[1])
                or not DATE.fullmatch(row[2]) or not URL.fullmatch(row[3])]
    assert problems == []
    files = [row[0] for row in rows]
    assert len(files) == len(set(files))
    assert sorted(files) == sorted(p.name for p in DEV.glob("*.txt"))
    assert {"en", "ru", "az", "tr", "de", "fr", "hy"} <= {row[1] for row in rows}


@pytest.mark.parametrize("row", PASSAGES[1:], ids=lambda row: row[0])
def test_passage_is_one_short_piece_of_text(row: list[str]) -> None:
    text = (DEV / row[0]).read_text(encoding="utf-8")
    assert 50 <= len(text.split()) <= 130
    assert text.endswith("\n")
    assert row[0].startswith(row[1] + "-")


def test_gold_offsets_slice_the_text_to_the_gold_text() -> None:
    assert gold_problems(DEV, PASSAGES, GOLD) == []


def test_gold_ids_are_places_of_the_data_or_a_dash() -> None:
    assert unknown_ids(GOLD) == []
    assert sum(row[4] != "-" for row in GOLD[1:]) >= 150


def test_no_passage_page_is_cited_in_the_data_or_held_out() -> None:
    cited = {page_key(url) for path in (DATA / "places").glob("*.yaml")
             for url in URL.findall(path.read_text(encoding="utf-8"))}
    held = {page_key(row[3]) for row in read_tsv(HELDOUT / "passages.tsv")[1:]}
    assert [row[3] for row in PASSAGES[1:] if page_key(row[3]) in cited] == []
    assert [row[3] for row in PASSAGES[1:] if page_key(row[3]) in held] == []


def test_no_passage_text_is_copied_into_data() -> None:
    dev = set().union(*(windows((DEV / row[0]).read_text(encoding="utf-8"))
                        for row in PASSAGES[1:]))
    copied = {str(path.relative_to(ROOT)): sorted(dev & windows(path.read_text(encoding="utf-8")))
              for path in sorted(DATA.rglob("*")) if path.suffix in {".yaml", ".tsv", ".md"}}
    assert {path: runs for path, runs in copied.items() if runs} == {}


def test_windows_finds_a_copied_run_and_not_a_short_one() -> None:
    text = "one two three four five six seven eight nine"
    assert "two three four five six seven eight nine" in windows(text)
    assert windows("One two three four five six seven eight") == {
        "one two three four five six seven eight"}
    assert windows("one two three") == set()
    assert page_key("https://www.Example.org/a/b/") == page_key("http://example.org/a/b")
