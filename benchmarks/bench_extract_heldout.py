"""Precision, recall and F1 of `toponyms.extract` on the passages in tests/heldout/extract/.

The passages are real news text that the data was not built from (see that folder's README).
The README's claim about the seed article is measured on the text the data grew from; this is
the same measure on text it did not see. Three ways of counting a found mention right:

- span + id: its (start, end) is a gold span and its place is that span's id. Recall counts
  over the gold mentions of places the data has (id not `-`). A gold mention with id `-` can
  only be missed, and a mention found there counts against precision.
- span only: its (start, end) is a gold span, whatever the id. Recall counts over every gold
  mention, `-` included.
- overlap + id: it overlaps a gold span with the same id. This shows how much of the span + id
  loss comes from where a span stops rather than from what is found.

Each measure is run twice. "default" is `extract(text)`, which searches the languages that
have a file in data/languages/. "lang" is `extract(text, lang=<the passage's language>)`,
which also searches that language's exonyms (German and French).

    .venv/bin/python benchmarks/bench_extract_heldout.py [--set heldout|heldout2|dev|DIR] [--misses]

`--set` picks the passages: `heldout` (the default, tests/heldout/extract/), `heldout2` (a
second held-out set in twelve other languages, tests/heldout/extract2/, from 2026-12-02), `dev` (the
development set, tests/dev/extract/, whose misses may be read and tuned to) or any directory
of the same layout. `--misses` lists every miss and every extra mention: use it on the dev set
only, never on the held-out set.

Figures at collection time (branch d16-misc, 2026-11-29, the first run on the set): 20 passages,
205 gold mentions (187 of places the data has, 18 `-`).

    extract (default): 167 mentions found
      span + id     precision  73.7%  recall  65.8%  F1  69.5%
      span only     precision  91.0%  recall  74.1%  F1  81.7%
      overlap + id  precision  80.2%  recall  71.7%  F1  75.7%
    extract (lang): 174 mentions found
      span + id     precision  77.0%  recall  71.7%  F1  74.2%
      span only     precision  92.0%  recall  78.0%  F1  84.4%
      overlap + id  precision  83.3%  recall  77.5%  F1  80.3%
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms

ROOT = Path(__file__).resolve().parent.parent
SETS = {"heldout": ROOT / "tests" / "heldout" / "extract",
        "heldout2": ROOT / "tests" / "heldout" / "extract2",
        "dev": ROOT / "tests" / "dev" / "extract"}
HELDOUT = SETS["heldout"]


class Span(NamedTuple):
    """One mention: a gold row or a found one, by file and offsets."""

    file: str
    start: int
    end: int
    text: str
    id: str


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def gold_spans(folder: Path = HELDOUT) -> list[Span]:
    return [Span(r["file"], int(r["start"]), int(r["end"]), r["text"], r["id"])
            for r in read_tsv(folder / "gold.tsv")]


def found_spans(passages: list[dict[str, str]], *, with_lang: bool,
                folder: Path = HELDOUT) -> list[Span]:
    found = []
    for row in passages:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        lang = row["lang"] if with_lang else None
        for m in toponyms.extract(text, lang=lang):
            found.append(Span(row["file"], m.start, m.end, m.text, m.match.place.id))
    return found


def prf(right_found: int, n_found: int, right_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = right_found / n_found if n_found else 0.0
    r = right_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scores(gold: list[Span], found: list[Span]) -> dict[str, tuple[float, float, float]]:
    """The three measures (precision, recall, F1) of `found` against `gold`."""
    by_span = {(g.file, g.start, g.end): g for g in gold}
    known = [g for g in gold if g.id != "-"]
    strict = [f for f in found if (g := by_span.get((f.file, f.start, f.end))) and g.id == f.id]
    span_hits = [f for f in found if (f.file, f.start, f.end) in by_span]

    def overlaps(f: Span, g: Span) -> bool:
        return f.file == g.file and f.start < g.end and g.start < f.end and f.id == g.id

    loose_found = [f for f in found if any(overlaps(f, g) for g in known)]
    loose_gold = [g for g in known if any(overlaps(f, g) for f in found)]
    return {
        "span + id": prf(len(strict), len(found), len(strict), len(known)),
        "span only": prf(len(span_hits), len(found), len(span_hits), len(gold)),
        "overlap + id": prf(len(loose_found), len(found), len(loose_gold), len(known)),
    }


def print_misses(gold: list[Span], found: list[Span]) -> None:
    by_span = {(g.file, g.start, g.end): g for g in gold}
    found_at = {(f.file, f.start, f.end): f for f in found}
    for g in gold:
        f = found_at.get((g.file, g.start, g.end))
        if f is None or f.id != g.id:
            got = f"{f.id}" if f else "-- not found at this span"
            print(f"  miss   {g.file:32} {g.text!r:32} want {g.id:28} got {got}")
    for f in found:
        if (f.file, f.start, f.end) not in by_span:
            print(f"  extra  {f.file:32} {f.text!r:32} got {f.id}")


def chosen_set(argv: list[str]) -> tuple[str, Path]:
    """The name and folder that `--set NAME|DIR` picks (the held-out set without the flag)."""
    if "--set" not in argv:
        return "held-out", HELDOUT
    i = argv.index("--set")
    if i + 1 >= len(argv):
        raise SystemExit("--set needs heldout, heldout2, dev or a directory")
    choice = argv[i + 1]
    if choice in SETS:
        return ("held-out" if choice == "heldout" else choice), SETS[choice]
    folder = Path(choice)
    if not (folder / "passages.tsv").is_file() or not (folder / "gold.tsv").is_file():
        raise SystemExit(f"--set {choice}: no passages.tsv and gold.tsv there")
    return str(folder), folder


def main(argv: list[str]) -> int:
    name, folder = chosen_set(argv)
    passages = read_tsv(folder / "passages.tsv")
    gold = gold_spans(folder)
    known = sum(1 for g in gold if g.id != "-")
    langs = sorted({p["lang"] for p in passages})
    print(f"{name} extraction set: {len(passages)} passages ({', '.join(langs)}), "
          f"{len(gold)} gold mentions ({known} of places the data has, {len(gold) - known} `-`)")
    for label, with_lang in (("default", False), ("lang", True)):
        found = found_spans(passages, with_lang=with_lang, folder=folder)
        print(f"\nextract ({label}): {len(found)} mentions found")
        for name, (p, r, f1) in scores(gold, found).items():
            print(f"  {name:13} precision {p:6.1%}  recall {r:6.1%}  F1 {f1:6.1%}")
        per_lang: dict[str, tuple[list[Span], list[Span]]] = defaultdict(lambda: ([], []))
        lang_of = {p["file"]: p["lang"] for p in passages}
        for g in gold:
            per_lang[lang_of[g.file]][0].append(g)
        for mention in found:
            per_lang[lang_of[mention.file]][1].append(mention)
        for lang in langs:
            g_l, f_l = per_lang[lang]
            by = scores(g_l, f_l)
            p, r, f1 = by["span + id"]
            _, _, f1_span = by["span only"]
            print(f"    {lang}  span + id  P {p:6.1%}  R {r:6.1%}  F1 {f1:6.1%}"
                  f"  span only F1 {f1_span:6.1%}  ({len(g_l)} gold, {len(f_l)} found)")
        if "--misses" in argv:
            print_misses(gold, found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
