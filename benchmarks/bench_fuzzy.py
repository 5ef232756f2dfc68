"""Benchmark of the fuzzy stage: precision on non-places, recall on romanization swaps, latency.

In one run, for the rule before (resolve.FUZZY_RULE = "ratio": rapidfuzz ratio x 0.95) and the
rule now ("romanization": toponyms.similarity), on the shipped data and the default min_score:

- non-places: the real words and first names of tests/fuzzy_non_places.txt (wordfreq's top
  words of en/ru/tr/de/fr and Faker's first names, 3-8 letters, none a key of the data; see
  tools/build_fuzzy_dev_list.py): the share that `resolve` answers (lower is better);
- swapped: Latin-script names of the region's places (Azerbaijan, Armenia, Georgia) with one
  romanization swap of data/languages/skeleton.yaml applied (Şuşa -> Schuscha-like spellings:
  ş -> sch, x -> ch, q -> k, c -> dsch, y- -> j-, ...), kept when no exact, normalized or
  transliteration key of the data has them: the share resolved to a place with the original
  name, by key length;
- typos: one plain edit (delete, insert, substitute, transpose) of the same names, kept the
  same way: the share resolved to the right place;
- latency: p50/p95 of `resolve` per query over the swapped and typo sets (each query timed
  once, resolve's cache cleared), i.e. queries that reach the fuzzy stage.

Sets are built with random.Random(0). Run from the project root:

    .venv/bin/python benchmarks/bench_fuzzy.py
"""

from __future__ import annotations

import importlib
import random
import statistics
import sys
import time
from pathlib import Path

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms

from toponyms.keys import fold, script_of, strip_marks, translit_keys
from toponyms.translit import languages

cascade = importlib.import_module("toponyms.cascade")  # the module, not the function
ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("AZ", "AM", "GE")
SAMPLE = 1500  # most queries per generated set
RULES = ("ratio", "romanization")
TARGET_NON_PLACES = 1 / 75
TARGET_P50_MS = 1.0


def non_places() -> list[str]:
    lines = (ROOT / "tests" / "fuzzy_non_places.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def _known(gaz: toponyms.Gazetteer, text: str) -> bool:
    """Whether an exact, normalized or transliteration key of the data has `text`."""
    index = gaz._index
    folded = fold(text)
    return text in index.exact or strip_marks(folded) in index.normalized or any(
        k in index.translit for k in translit_keys(folded))


def region_names(gaz: toponyms.Gazetteer) -> dict[str, set[str]]:
    """Latin-script names of the region's places -> ids of the places that have them."""
    out: dict[str, set[str]] = {}
    for place in gaz:
        if place.country in COUNTRIES:
            for name in place.names:
                if script_of(name.text) == "LATIN" and name.text.replace(" ", "").isalpha():
                    out.setdefault(name.text, set()).add(place.id)
    return out


def _recase(old: str, new: str) -> str:
    return new.capitalize() if old[:1].isupper() else new


def swapped(gaz: toponyms.Gazetteer, names: dict[str, set[str]],
            rng: random.Random) -> list[tuple[str, set[str]]]:
    """Names with one swap of the data's swap classes (written spellings) applied to one
    whole spelling: the longest spelling of any class read at each place ("sch", not its "c")."""
    classes = languages().swaps
    spellings = sorted({s.lstrip("^") for c in classes for s in c}, key=lambda s: (-len(s), s))
    out = []
    for text in sorted(names):
        lower = text.lower()
        options = []
        i = 0
        while i < len(lower):
            token = next((s for s in spellings if lower.startswith(s, i)), None)
            if token is None:
                i += 1
                continue
            for spelling_class in classes:
                for old in spelling_class:
                    anchored = old.startswith("^")
                    if old.lstrip("^") != token or (anchored and (
                            i != 0 or lower[len(token) : len(token) + 1] not in "aeiouəı")):
                        continue
                    options.extend((i, len(token), new.lstrip("^")) for new in spelling_class
                                   if new != old)
            i += len(token)
        if not options:
            continue
        at, size, new = rng.choice(options)
        variant = text[:at] + _recase(text[at : at + size], new) + text[at + size :]
        if not _known(gaz, variant):
            out.append((variant, names[text]))
    rng.shuffle(out)
    return out[:SAMPLE]


def typos(gaz: toponyms.Gazetteer, names: dict[str, set[str]],
          rng: random.Random) -> list[tuple[str, set[str]]]:
    """Names of 6+ letters with one plain edit."""
    out = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for text in sorted(names):
        if len(text) < 6:
            continue
        i = rng.randrange(1, len(text) - 1)
        op = rng.choice(["delete", "insert", "substitute", "transpose"])
        if op == "delete":
            variant = text[:i] + text[i + 1 :]
        elif op == "insert":
            variant = text[:i] + rng.choice(letters) + text[i:]
        elif op == "substitute":
            variant = text[:i] + rng.choice(letters) + text[i + 1 :]
        else:
            variant = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if variant != text and not _known(gaz, variant):
            out.append((variant, names[text]))
    rng.shuffle(out)
    return out[:SAMPLE]


def _bucket(text: str) -> str:
    n = max((len(k) for k in translit_keys(fold(text))), default=0)
    return "<=6" if n <= 6 else "7-10" if n <= 10 else "11+"


def recall(gaz: toponyms.Gazetteer, queries: list[tuple[str, set[str]]],
           times: list[float]) -> tuple[float, dict[str, tuple[int, int]]]:
    gaz.cache_clear()
    hits = 0
    by: dict[str, list[int]] = {}
    for text, want in queries:
        t0 = time.perf_counter()
        m = gaz.resolve(text)
        times.append(time.perf_counter() - t0)
        ok = m is not None and m.place.id in want
        hits += ok
        counts = by.setdefault(_bucket(text), [0, 0])
        counts[0] += ok
        counts[1] += 1
    return hits / max(len(queries), 1), {k: (v[0], v[1]) for k, v in sorted(by.items())}


def main() -> int:
    gaz = toponyms.Gazetteer.default()
    words = non_places()
    names = region_names(gaz)
    swaps = swapped(gaz, names, random.Random(0))
    edits = typos(gaz, names, random.Random(0))
    gaz.resolve("Stepanakertt")  # load the later tables before timing
    print(f"fuzzy benchmark: {len(words):,} non-places, {len(swaps):,} swapped names, "
          f"{len(edits):,} typos; min_score 85")
    rows = {}
    for rule in RULES:
        cascade.FUZZY_RULE = rule
        gaz.cache_clear()
        answered = sum(gaz.resolve(w) is not None for w in words)
        times: list[float] = []
        swap_recall, swap_by = recall(gaz, swaps, times)
        typo_recall, _ = recall(gaz, edits, times)
        ms = sorted(t * 1e3 for t in times)
        p50, p95 = statistics.median(ms), ms[int(0.95 * (len(ms) - 1))]
        rows[rule] = (answered / len(words), swap_recall, typo_recall, p50, p95)
        by = "  ".join(f"{k}: {h}/{n}" for k, (h, n) in swap_by.items())
        print(f"{rule:>13}: non-places answered {answered}/{len(words)} "
              f"({answered / len(words):.2%}), swapped recall {swap_recall:.1%} ({by}), "
              f"typo recall {typo_recall:.1%}, latency p50 {p50:.3f} ms p95 {p95:.3f} ms")
    cascade.FUZZY_RULE = "romanization"
    now = rows["romanization"]
    ok = now[0] <= TARGET_NON_PLACES and now[3] <= TARGET_P50_MS
    print(f"targets: non-places <= {TARGET_NON_PLACES:.2%}, p50 <= {TARGET_P50_MS} ms: "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
