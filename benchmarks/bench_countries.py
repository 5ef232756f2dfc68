"""Benchmark: country names from a source the data is not built from.

Reads every tests/eval/countries-*.tsv (columns query, expected_id, lang, source; lines
starting with # are comments) and resolves each query against the shipped data, without filters
and with the default `min_score`. Prints top-1 accuracy (the answer's id is the expected
country) over all queries, over the queries the data does not hold as written (no name of the
data has that exact text: the part the matcher, not the data, must get right), per form of
name (a state title such as "Republic of" or "Республика" in it, a comma, an abbreviation of
capitals, other) and per language, and the first misses.

Run from the project root:  python benchmarks/bench_countries.py [--misses N]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path

import yaml

from toponyms import Gazetteer
from toponyms.keys import fold

ROOT = Path(__file__).resolve().parent.parent


def rows() -> list[tuple[str, str, str, str]]:
    """(query, expected_id, lang, file) of every held-out country set."""
    out = []
    for path in sorted((ROOT / "tests" / "eval").glob("countries-*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
        for row in list(csv.reader(lines, delimiter="\t"))[1:]:
            out.append((row[0], row[1], row[2], path.name))
    return out


def title_words() -> set[str]:
    """The folded words of the state titles in data/languages/titles.yaml (read as data, so
    that the same forms are counted before and after a change of the matcher)."""
    raw = yaml.safe_load((ROOT / "data" / "languages" / "titles.yaml").read_text("utf-8"))
    return {w for spec in raw["state_titles"].values() for position in ("prefix", "suffix")
            for term in spec.get(position) or [] for w in fold(term.replace("'", "")).split()}


def form(query: str, titled: set[str]) -> str:
    """The form of a name: title, comma, abbreviation or plain."""
    if "," in query:
        return "comma"
    if re.fullmatch(r"[^\W\d_a-z]{2,5}|(?:\w\.){2,4}", query.replace(" ", "")) and \
            query.upper() == query:
        return "abbreviation"
    if any(w in titled for w in fold(query).split()):
        return "title"
    return "plain"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--misses", type=int, default=25, help="misses to print")
    args = parser.parse_args()
    gaz = Gazetteer.default()
    titled = title_words()
    exact = {n.text for p in gaz for n in p.names}
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    misses = []
    start = time.perf_counter()
    queries = rows()
    for query, expected, lang, _ in queries:
        match = gaz.resolve(query)
        hit = match is not None and match.place.id == expected
        groups = ["all", f"form:{form(query, titled)}", f"lang:{lang}"]
        if query not in exact:
            groups.append("not in data")
        for g in groups:
            total[g] += 1
            good[g] += hit
        if not hit and query not in exact:
            misses.append((query, expected, lang, match.place.id if match else None))
    took = time.perf_counter() - start
    print(f"{len(queries):,} held-out country names, {took:.1f} s")
    for g in ["all", "not in data", *sorted(k for k in total if k.startswith("form:"))]:
        print(f"  {g:<20} top-1 {good[g] / total[g]:7.2%}  ({good[g]:,}/{total[g]:,})")
    langs = sorted((k for k in total if k.startswith("lang:")), key=lambda k: good[k] / total[k])
    print("  lowest languages: " + ", ".join(
        f"{k[5:]} {good[k] / total[k]:.0%}" for k in langs[:12]))
    for query, expected, lang, got in misses[: args.misses]:
        print(f"  miss [{lang}] {query!r}: expected {expected}, got {got}")


if __name__ == "__main__":
    main()
