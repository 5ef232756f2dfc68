"""What the held-out and the development extraction sets (tests/heldout/extract/,
tests/dev/extract/) share: reading their tables, comparing page addresses, and the checks that
keep a set's gold well-formed. Each set's own test module says what else it must keep."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import unquote

import toponyms

DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
LANG = re.compile(r"[a-z]{2,3}")
URL = re.compile(r"https?://[^\s\"'<>)]+")


def read_tsv(path: Path) -> list[list[str]]:
    """The rows of a tab-separated file, header included, without quoting."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def page_key(url: str) -> str:
    """An address without scheme, `www.`, AMP suffix and trailing slash, decoded and lowercased."""
    key = unquote(url).lower().split("://", 1)[-1]
    key = key.removeprefix("www.").rstrip("/")
    return key.removesuffix("/amp").replace("/amp/", "/")


def gold_problems(folder: Path, passages: list[list[str]], gold: list[list[str]]) -> list[str]:
    """What is wrong with a set's gold.tsv: a row whose offsets do not slice its passage to its
    text, spans that overlap, a passage with no gold mention (empty when all is well)."""
    texts = {row[0]: (folder / row[0]).read_text(encoding="utf-8") for row in passages[1:]}
    problems = [] if gold[0] == ["file", "start", "end", "text", "id"] else ["header"]
    spans: dict[str, list[tuple[int, int]]] = {}
    for n, row in enumerate(gold[1:], start=2):
        if len(row) != 5:
            problems.append(f"line {n}: {row}")
            continue
        file, start, end, surface, _ = row
        a, b = int(start), int(end)
        if file not in texts or not 0 <= a < b <= len(texts[file]) or texts[file][a:b] != surface:
            problems.append(f"line {n}: {row}")
        spans.setdefault(file, []).append((a, b))
    problems += [f"{file}: {s} overlaps {t}" for file, ss in spans.items()
                 for s, t in zip(sorted(ss), sorted(ss)[1:], strict=False) if s[1] > t[0]]
    problems += [f"{file}: no gold mention" for file in sorted(set(texts) - set(spans))]
    return problems


def unknown_ids(gold: list[list[str]]) -> list[list[str]]:
    """Gold rows whose id is neither `-` nor a place of the shipped data."""
    unknown = []
    for row in gold[1:]:
        if row[4] == "-":
            continue
        try:
            toponyms.get(row[4])
        except KeyError:
            unknown.append(row)
    return unknown
