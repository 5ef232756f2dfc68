"""Held-out benchmark: real variant spellings and real non-place strings, from pages.

The sets live in tests/heldout/ (how they were collected: tests/heldout/README.md). They were
gathered from pages the data is not built from, before any tuning, and their strings are never
copied into data/ (tests/test_heldout.py checks it), so the figures measure how the library
generalizes rather than how well it remembers.

What it prints, with the shipped data (`Gazetteer.default()`, default `min_score`):

1. Held-out variants (every `variants*.tsv`): top-1 accuracy of `resolve` (right when the
   place is the expected one), and the share whose expected place is within the first 3 of
   `search`; overall, per kind (compound, exonym, script, swap, typo, other), per script and
   per file.
2. Non-places (every `nonplaces*.tsv`): the share that `resolve` answers (any answer is a false
   positive); target at most 1 in 75.
3. The comparison figure: every name of every non-country place in data/places, resolved back.
   Strict: right when the answer is the place the name belongs to. Shared: right when the
   answer is any place carrying that exact name text (a name several places share cannot pick
   one place without context, so it counts as right when any of them comes back).
4. With --misses: every missed variant (query, expected, got, method, score) and every answered
   non-place of the development sets, and the ten most common kinds of their misses.

The held-out sets (HELD_OUT: set f, `variants-f.tsv`, `nonplaces-f.tsv`, collected on
2026-12-02 at the end of a session for the next; set g, `variants-g.tsv`, `nonplaces-g.tsv`,
collected on 2026-12-02 at 15:00 in the middle of one) are reported each on its own, per kind
and per script, and their misses and answered non-places are never listed: whoever tunes the
matcher reads only their figures. Every other set is a development set (set e, held out from
2026-12-01, became one on 2026-12-02 14:30, before any tuning on it).

Run from the project root (well under a minute once the index cache is built):

    .venv/bin/python benchmarks/bench_variants.py [--misses]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(ROOT))
    import toponyms

HELDOUT = ROOT / "tests" / "heldout"
NON_PLACE_TARGET = 1 / 75


@dataclass(frozen=True)
class Row:
    """One held-out query; `expected` is empty for a non-place."""

    query: str
    expected: str
    kind: str
    lang: str
    source: str
    file: str


#: the held-out sets' names: their files are variants-<name>.tsv and nonplaces-<name>.tsv
HELD_OUT = ("f", "g")


def held_out(row: Row) -> bool:
    """Whether the row is of a held-out set, whose misses are never listed."""
    return any(row.file.endswith(f"-{name}.tsv") for name in HELD_OUT)


def read_rows(pattern: str) -> list[Row]:
    """Every row of the tsv files in tests/heldout/ whose name matches `pattern`."""
    rows: list[Row] = []
    for path in sorted(HELDOUT.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append(Row(rec["query"], rec.get("expected_id", ""), rec.get("kind", ""),
                                rec["lang"], rec["source"], path.name))
    return rows


def script_label(text: str) -> str:
    """The script of the letters of `text` (unicodedata names), or MIXED when there are several.

    Japanese kana count as one script (KANA), CJK ideographs as CJK.
    """
    scripts = set()
    for ch in text:
        if ch.isalpha():
            word = unicodedata.name(ch, "?").split(" ", 1)[0].split("-", 1)[0]
            scripts.add({"HIRAGANA": "KANA", "KATAKANA": "KANA"}.get(word, word))
    if not scripts:
        return "NONE"
    return scripts.pop() if len(scripts) == 1 else "MIXED"


@dataclass
class Tally:
    """Counts of a group of variant queries."""

    n: int = 0
    top1: int = 0
    top3: int = 0

    def add(self, top1: bool, top3: bool) -> None:
        self.n += 1
        self.top1 += top1
        self.top3 += top3

    def line(self, label: str) -> str:
        return (f"  {label:<22} {self.n:>5}  top-1 {pct(self.top1, self.n):>6}"
                f"  top-3 {pct(self.top3, self.n):>6}")


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.1f}%" if n else "-"


def show(title: str, groups: dict[str, Tally]) -> None:
    print(title)
    for label, tally in sorted(groups.items(), key=lambda kv: (-kv[1].n, kv[0])):
        print(tally.line(label))


def own_names(gaz: toponyms.Gazetteer) -> tuple[int, int, int]:
    """(names, right strictly, right counting shared names) over every non-country place."""
    holders: dict[str, set[str]] = defaultdict(set)
    pairs: list[tuple[str, str]] = []
    for place in gaz:
        for name in place.names:
            holders[name.text].add(place.id)
            if place.kind != "country":
                pairs.append((name.text, place.id))
    strict = shared = 0
    for text, pid in pairs:
        m = gaz.resolve(text)
        got = m.place.id if m is not None else None
        strict += got == pid
        shared += got in holders[text]
    return len(pairs), strict, shared


def kind_of_miss(row: Row, got: str | None) -> str:
    """A short label for a miss: the variant kind, and whether nothing or another place came."""
    return f"{row.kind}/{'none' if got is None else 'wrong place'}/{script_label(row.query)}"


def variants_report(gaz: toponyms.Gazetteer, rows: Iterable[Row],
                    misses: list[tuple[Row, toponyms.Match | None]],
                    title: str = "held-out variants") -> None:
    overall = Tally()
    by_kind: defaultdict[str, Tally] = defaultdict(Tally)
    by_script: defaultdict[str, Tally] = defaultdict(Tally)
    by_file: defaultdict[str, Tally] = defaultdict(Tally)
    near = 0  # the answer is the expected place's parent or child (a town for its district)
    # a query that is a name of the data once case is folded ("LƏNKƏRAN") measures case folding
    # more than matching: the headline is given without them too
    # a query whose match key is a name's (case, marks, dashes, Arabic and Persian letter
    # forms folded: "ايروان" and ایروان) is met from memory, not by matching
    texts = {toponyms.normalize(name.text) for place in gaz for name in place.names}
    unseen = Tally()
    for row in rows:
        m = gaz.resolve(row.query)
        top1 = m is not None and m.place.id == row.expected
        near += m is not None and (top1 or m.place.parent == row.expected
                                   or gaz.get(row.expected).parent == m.place.id)
        top3 = any(c.place.id == row.expected for c in gaz.search(row.query, limit=3))
        for tally in (overall, by_kind[row.kind], by_script[script_label(row.query)],
                      by_file[row.file]):
            tally.add(top1, top3)
        if toponyms.normalize(row.query) not in texts:
            unseen.add(top1, top3)
        if not top1:
            misses.append((row, m))
    print(overall.line(title)
          + f"  (top-1 or its town/district: {pct(near, overall.n)})")
    print(unseen.line("  not a data name once folded")
          + f"  ({overall.n - unseen.n} queries have the match key of a name of the data)")
    show("per kind:", by_kind)
    show("per script:", by_script)
    if len(by_file) > 1:
        show("per file:", by_file)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--misses", action="store_true", help="list every miss and false positive")
    args = ap.parse_args()
    t0 = time.perf_counter()
    gaz = toponyms.Gazetteer.default()
    print(f"shipped data: {len(gaz)} places, loaded in {time.perf_counter() - t0:.1f} s\n")

    misses: list[tuple[Row, toponyms.Match | None]] = []
    rows = read_rows("variants*.tsv")
    variants_report(gaz, [r for r in rows if not held_out(r)], misses, "development variants")
    for name in HELD_OUT:
        held = [r for r in rows if r.file.endswith(f"-{name}.tsv")]
        if held:
            print()
            variants_report(gaz, held, [], f"HELD-OUT set {name} variants")

    non_places = read_rows("nonplaces*.tsv")
    answered = [(r, m) for r in non_places if (m := gaz.resolve(r.query)) is not None]
    rate = len(answered) / len(non_places) if non_places else 0.0
    verdict = "ok" if rate <= NON_PLACE_TARGET else "over target"
    print(f"\nnon-places answered     {len(answered):>3} / {len(non_places)}  = {100 * rate:.2f}%"
          f"  (target <= {100 * NON_PLACE_TARGET:.2f}%: {verdict})")
    by_file: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in non_places:
        by_file[r.file][1] += 1
    for r, _ in answered:
        by_file[r.file][0] += 1
    dev = [r for r in non_places if not held_out(r)]
    dev_answered = sum(not held_out(r) for r, _ in answered)
    print(f"  development              {dev_answered:>3} / {len(dev)}  = "
          f"{pct(dev_answered, len(dev))}")
    if len(by_file) > 1:
        for name, (k, n) in sorted(by_file.items()):
            print(f"  {name:<22} {k:>3} / {n}  = {pct(k, n)}")

    n, strict, shared = own_names(gaz)
    print(f"\ndata's own names        {n:>5}  top-1 strict {pct(strict, n)}"
          f"  counting shared names {pct(shared, n)}")

    if args.misses:
        print("\nmisses (query | expected | got | method | score):")
        for row, m in misses:
            got = f"{m.place.id} | {m.method} | {m.score:.1f}" if m else "- | - | -"
            print(f"  {row.query} | {row.expected} | {got}")
        print("\nnon-places answered (query | got | method | score):")
        for row, m in answered:
            if not held_out(row):
                print(f"  {row.query} | {m.place.id} | {m.method} | {m.score:.1f}")
        print("\nmost common kinds of misses (kind/outcome/script):")
        counts = Counter(kind_of_miss(row, m.place.id if m else None) for row, m in misses)
        for label, k in counts.most_common(10):
            print(f"  {k:>4}  {label}")
    print(f"\n{time.perf_counter() - t0:.1f} s in all")


if __name__ == "__main__":
    main()
