"""Benchmark of `toponyms.extract` on ~1 MB of real-looking text, beside a naive baseline.

The text (built with `random.Random(0)`): paragraphs of the seed article, and sentences of the
shipped names (English, Azerbaijani, Russian, Armenian, Turkish) inside filler words, some with
case endings, repeated to ~1 MB.

Measured in one run:
1. extract: MB/s (median of 3 passes over the whole text, automaton already built), mentions
   found, time to build the automaton once, and peak traced memory of one pass;
2. naive baseline: for every name key of the same names, `str.find` over the folded text,
   every occurrence (no word boundaries, no endings, no resolution: a lower bound on what a
   per-name loop costs), timed on a 100 kB slice and reported as MB/s;
3. the speed-up of extract over the baseline;
4. linearity: text dense with names that several places share (Ağdam, Qaradağlı, Talish, ...:
   every mention needs the context rule), at 1, 2, 4 and 8 MB, MB/s of one pass each; the
   rate should hold as the text grows.

Target: >= 1 MB/s on the default data.

    cd /work/main && /work/venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms
from toponyms.mentions import key_of

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "karabakh-clashes-2020-10-04.txt"
TARGET_MB_S = 1.0
SIZE = 1_000_000
FILLER = ["the", "army", "said", "near", "shelling", "in", "and", "village", "road", "və",
          "yaxın", "kənd", "в", "около", "и", "село", "մոտ", "և", "ile", "köy", "yakın",
          "Sunday", "Ministry", "reported", "forces", "Aliyev", "Pashinyan", "AFP"]
ENDINGS = ["", "", "", "'s", "da", "dan", "ə", "е", "ում", "'de"]


def build_text(gaz: toponyms.Gazetteer) -> str:
    rng = random.Random(0)
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
    names = sorted({n.text for p in gaz for n in p.names
                    if n.lang.split("-")[0] in ("en", "az", "ru", "hy", "tr")})
    parts: list[str] = []
    size = 0
    while size < SIZE:
        if seed and rng.random() < 0.2:
            chunk = seed
        else:
            words = []
            for _ in range(rng.randint(8, 20)):
                if rng.random() < 0.25:
                    words.append(rng.choice(names) + rng.choice(ENDINGS))
                else:
                    words.append(rng.choice(FILLER))
            chunk = " ".join(words) + ". "
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(parts)


DENSE_SIZES_MB = (1, 2, 4, 8)


def build_dense_text(gaz: toponyms.Gazetteer, size: int) -> str:
    """`size` bytes of names that two or more places share, a few with "village" after them,
    joined by commas, "and" and full stops (random.Random(1))."""
    owners: dict[str, set[str]] = {}
    for place in gaz:
        for name in place.names:
            owners.setdefault(name.text, set()).add(place.id)
    shared = sorted(text for text, ids in owners.items() if len(ids) > 1)
    rng = random.Random(1)
    parts: list[str] = []
    length = 0
    while length < size:
        part = (rng.choice(shared) + (" village" if rng.random() < 0.1 else "")
                + rng.choice([", ", " and ", ". "]))
        parts.append(part)
        length += len(part.encode("utf-8"))
    return "".join(parts)


def main() -> None:
    gaz = toponyms.Gazetteer.default()
    text = build_text(gaz)
    megabytes = len(text.encode("utf-8")) / 1e6
    print("toponyms extract benchmark")
    print(f"  toponyms {toponyms.__version__}, Python {sys.version.split()[0]}; "
          f"{megabytes:.2f} MB of text from random.Random(0); target >= {TARGET_MB_S} MB/s")

    start = time.perf_counter()
    gaz.extract("warm-up: builds the automaton")
    build_s = time.perf_counter() - start
    runs, cpu = [], []
    for _ in range(3):
        start, clock = time.perf_counter(), time.process_time()
        mentions = gaz.extract(text)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - clock)
    seconds = statistics.median(runs)
    tracemalloc.start()
    gaz.extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate = megabytes / seconds
    print("\n1. gaz.extract(text)")
    print(f"  {len(mentions):,} mentions in {seconds:.2f} s = {rate:.2f} MB/s   "
          f"{'PASS' if rate >= TARGET_MB_S else 'MISS'}; "
          f"{megabytes / statistics.median(cpu):.2f} MB/s of CPU time (the machine may be shared)")
    print(f"  automaton built once in {build_s:.2f} s; peak traced memory of a pass "
          f"{peak / 2**20:.0f} MiB")

    extractor = gaz._extractor(None)
    keys = [key for key, _ in extractor.automaton.items()]
    piece = text[:100_000]
    folded = key_of(piece)
    start = time.perf_counter()
    hits = 0
    for key in keys:
        at = folded.find(key)
        while at >= 0:
            hits += 1
            at = folded.find(key, at + 1)
    naive_s = time.perf_counter() - start
    naive_rate = len(piece.encode("utf-8")) / 1e6 / naive_s
    print("\n2. naive: str.find of every name key over the folded text (100 kB slice)")
    print(f"  {len(keys):,} keys, {hits:,} raw hits in {naive_s:.2f} s = {naive_rate:.3f} MB/s")
    print(f"\n3. extract / naive: {rate / naive_rate:,.0f}x")

    print("\n4. name-dense text (names several places share), one pass each")
    for size_mb in DENSE_SIZES_MB:
        dense = build_dense_text(gaz, size_mb * 1_000_000)
        start = time.perf_counter()
        found = gaz.extract(dense)
        seconds = time.perf_counter() - start
        print(f"  {size_mb} MB: {len(found):,} mentions in {seconds:.2f} s = "
              f"{size_mb / seconds:.2f} MB/s", flush=True)


if __name__ == "__main__":
    main()
