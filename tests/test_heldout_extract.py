"""The held-out extraction set in tests/heldout/extract/ stays well-formed and held out.

(a) passages.tsv lists every passage file exactly once, each with a language tag, a date and an
http(s) address, and each passage is one short piece of text (50 to 200 words). (b) gold.tsv's
offsets slice each passage to exactly the gold text, and spans do not overlap. (c) Every id is a
place of the shipped data or `-`. (d) No passage's page is cited anywhere in data/places: a page
the data was built from would not be held out. There is no accuracy floor here on purpose:
benchmarks/bench_extract_heldout.py reports the figures.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

import toponyms

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout" / "extract"
PLACES = ROOT / "data" / "places"
DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
LANG = re.compile(r"[a-z]{2,3}")
URL = re.compile(r"https?://[^\s\"'<>)]+")


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def page_key(url: str) -> str:
    """An address without scheme, `www.`, AMP suffix and trailing slash, decoded and lowercased,
    so that two spellings of one page compare equal."""
    key = unquote(url).lower().split("://", 1)[-1]
    key = key.removeprefix("www.").rstrip("/")
    return key.removesuffix("/amp").replace("/amp/", "/")


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
    assert GOLD[0] == ["file", "start", "end", "text", "id"]
    texts = {row[0]: (HELDOUT / row[0]).read_text(encoding="utf-8") for row in PASSAGES[1:]}
    wrong = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for n, row in enumerate(GOLD[1:], start=2):
        assert len(row) == 5, f"line {n}: {row}"
        file, start, end, surface, _ = row
        a, b = int(start), int(end)
        if file not in texts or not 0 <= a < b <= len(texts[file]) or texts[file][a:b] != surface:
            wrong.append(f"line {n}: {row}")
        spans.setdefault(file, []).append((a, b))
    assert wrong == []
    overlapping = [(file, s, t) for file, ss in spans.items()
                   for s, t in zip(sorted(ss), sorted(ss)[1:], strict=False) if s[1] > t[0]]
    assert overlapping == []
    assert set(spans) == set(texts), "every passage has at least one gold mention"


def test_gold_ids_are_places_of_the_data_or_a_dash() -> None:
    unknown = []
    for row in GOLD[1:]:
        if row[4] == "-":
            continue
        try:
            toponyms.get(row[4])
        except KeyError:
            unknown.append(row)
    assert unknown == []
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
