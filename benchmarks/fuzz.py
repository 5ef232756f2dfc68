"""Fuzz run: a fixed number of generated inputs through normalize, resolve, search and extract.

Inputs come from `random.Random(SEED)`: shipped names with random edits, random code points
from every plane (controls, bidi marks, combining marks, lone surrogates, private use, CJK,
astral), names glued into junk, and now and then a long string (up to 100 kB). Each input goes
through `normalize` and `resolve`; every 10th also through `search` and `extract`.

Printed: inputs tried, crashes (any exception; must be 0), the slowest time per 10 kB over
inputs of 10 kB or more (target < 50 ms per 10 kB), and the slowest single call. Crashing
inputs are printed with repr(). The calls are timed in one process with the GC on.

    cd /work/main && /work/venv/bin/python benchmarks/fuzz.py [COUNT] [SEED]
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from pathlib import Path

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms
from toponyms.keys import MAX_NAME_CHARS

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 0
SPECIAL = ["\u202e", "\u200f", "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\x00", "\x1b",
           "\udcff", "\ud800", "\u2028", "'", "’", "-", "—", " ", "  ", "\n", "ə", "İ", "ß",
           "ﬁ", "𝔅", "\U000e0041", "\uf8ff", "Ⅻ", "㎞"]


def make_input(rng: random.Random, names: list[str]) -> str:
    kind = rng.random()
    if kind < 0.35:  # a name with edits
        text = list(rng.choice(names))
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(len(text) + 1)
            op = rng.random()
            if op < 0.4:
                text.insert(i, rng.choice(SPECIAL))
            elif op < 0.7 and text:
                del text[min(i, len(text) - 1)]
            else:
                text.insert(i, chr(rng.randrange(0x20, 0x2FFF)))
        return "".join(text)
    if kind < 0.65:  # random code points from every plane
        return "".join(chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0, 0x3000),
                                       rng.randrange(0, 0x110000)]))
                       for _ in range(rng.randint(0, 40)))
    if kind < 0.95:  # names glued into junk
        return rng.choice(SPECIAL).join(rng.choice(names) for _ in range(rng.randint(1, 6)))
    size = rng.choice([1_000, 10_000, 100_000])
    return (rng.choice(SPECIAL + names) * size)[:size]


def main() -> None:
    gaz = toponyms.Gazetteer.default()
    gaz.resolve("warm-up, not a place")  # loads the later stages' tables
    gaz.extract("Warm-up: builds the automaton.")
    names = sorted({n.text for p in gaz for n in p.names})
    rng = random.Random(SEED)
    crashes = 0
    slowest = (0.0, 0, "")  # seconds per 10 kB, over inputs of 10 kB or more
    longest_call = (0.0, 0, "")  # seconds, any input
    start = time.perf_counter()
    for i in range(COUNT):
        text = make_input(rng, names)
        t0 = time.perf_counter()
        try:
            toponyms.normalize(text)
            if len(text.strip()) <= MAX_NAME_CHARS:  # longer: a documented ValueError
                gaz.resolve(text)
            if i % 10 == 0 and len(text.strip()) <= MAX_NAME_CHARS:
                gaz.search(text, limit=5)
            if i % 10 == 0:
                for m in gaz.extract(text):
                    assert text[m.start : m.end] == m.text
        except Exception:
            crashes += 1
            print(f"CRASH on {text[:200]!r}:\n{traceback.format_exc()}")
        elapsed = time.perf_counter() - t0
        if len(text) >= 10_000 and elapsed / len(text) * 10_000 > slowest[0]:
            slowest = (elapsed / len(text) * 10_000, len(text), text[:60])
        if elapsed > longest_call[0]:
            longest_call = (elapsed, len(text), text[:60])
        if (i + 1) % 100_000 == 0:
            print(f"  {i + 1:,} inputs, {crashes} crashes, {time.perf_counter() - start:.0f} s",
                  flush=True)
    total = time.perf_counter() - start
    print(f"fuzz: {COUNT:,} inputs (seed {SEED}) in {total:.0f} s, {crashes} crashes")
    print(f"slowest per size: {slowest[0] * 1000:.1f} ms per 10 kB (inputs of 10 kB or more; "
          f"target < 50), input of {slowest[1]:,} chars starting {slowest[2]!r}")
    print(f"slowest call: {longest_call[0] * 1000:.1f} ms, input of {longest_call[1]:,} chars "
          f"starting {longest_call[2]!r}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
