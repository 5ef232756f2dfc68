"""Benchmark of `toponyms` resolution speed, cold start and build memory.

What it measures, in one run, on the shipped data:

1. Throughput (queries per second) and per-call latency p50/p95/p99 (microseconds) of
   `Gazetteer.resolve(q)` for query sets built deterministically (`random.Random(0)`) from the
   shipped names:
   - exact: every distinct name as written in the data;
   - normalized: the names upper-cased and with apostrophe / dash / space variants, kept only
     when `resolve` really answers with method "normalized";
   - transliteration: Azerbaijani names with the news-style romanization applied
     (ə->e, ı->i, ş->sh, ç->ch, x->kh, c->j, ğ->gh), kept only when the method is
     "transliteration";
   - fuzzy: one-edit typos (delete, insert, substitute, transpose) of names of 6+ characters,
     kept only when the method is "fuzzy";
   - non-place: people's names and common words; how many of them resolve is reported
     (it should be about zero).
2. The floor: a plain `dict.get` over the exact query strings, and for each set the ratio of
   the time per `resolve` call to the time per `dict.get` call.
3. Cold start: `import toponyms` plus the first `resolve` in a fresh `python -c` subprocess
   (timed inside the child with `time.perf_counter`, and as wall time of the whole
   subprocess), median of 5 runs, beside the wall time of `python -c pass`.
4. Peak traced memory (`tracemalloc`) and time of one `Gazetteer.from_files()` build from the
   YAML files (disk cache off) and of one load from the disk cache; the times again without
   tracing (tracing slows a build several times over).
First-sight figures clear every cache of the gazetteer (`cache_clear`: the LRU of results and
the exact-hit memo) before each pass, and before each call for their latency percentiles.

Throughput is measured by looping over a set until at least 0.5 s have passed; latency in a
separate pass that times every call with `time.perf_counter_ns`. The garbage collector stays
on, as in real use. The whole run takes about two minutes.

Run it from the project root with the venv that has `toponyms` installed:

    cd /work/main && /work/venv/bin/python benchmarks/bench_resolve.py
"""

from __future__ import annotations

import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms

#: Targets printed in the header and checked at the end.
TARGET_QPS = 300_000  # exact and normalized sets
TARGET_COLD_MS = 250.0  # import toponyms + first resolve from the disk cache, in the child
#: Least time spent on each timed measurement.
MIN_SECONDS = 0.5
#: Calls per query set timed one by one with every cache cleared first.
FIRST_SIGHT_CALLS = 2_000
#: Most distinct names each query set is generated from (a seeded sample of the data).
SAMPLE = 5_000
#: Cold-start subprocess runs (the median is reported), after one discarded warm-up run.
COLD_RUNS = 5
#: Least length of a name that gets a typo for the fuzzy set.
FUZZY_MIN_LEN = 6
#: Typos tried per name for the fuzzy set.
TYPOS_PER_NAME = 2

#: Where the child processes start, so that `import toponyms` there finds the same package.
PACKAGE_HOME = Path(toponyms.__file__).resolve().parent.parent
COLD_QUERY = "Xankəndi"
COLD_CODE = (
    "import time\n"
    "t0 = time.perf_counter()\n"
    "import toponyms\n"
    "t1 = time.perf_counter()\n"
    f"m = toponyms.resolve({COLD_QUERY!r})\n"
    "t2 = time.perf_counter()\n"
    "assert m is not None\n"
    "print(t1 - t0, t2 - t1)\n"
)

APOSTROPHES = "'ʼʻ’‘`"
DASHES = "-–—‐"
AZ_ROMANIZATION = str.maketrans(
    {
        "ə": "e", "Ə": "E", "ı": "i", "İ": "I", "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch",
        "x": "kh", "X": "Kh", "c": "j", "C": "J", "ğ": "gh", "Ğ": "Gh",
    }
)
NON_PLACES = (
    # people
    "Nikol Pashinyan", "Ilham Aliyev", "Heydar Aliyev", "Mehriban Aliyeva", "Serzh Sargsyan",
    "Robert Kocharyan", "Vladimir Putin", "Recep Tayyip Erdoğan", "Angela Merkel",
    "Emmanuel Macron", "Joe Biden", "John Smith", "Albert Einstein", "Marie Curie",
    "William Shakespeare", "Лев Толстой", "Ильхам Алиев", "Նիկոլ Փաշինյան", "İlham Əliyev",
    "Aram Khachaturian",
    # common words
    "the", "and", "house", "water", "government", "president", "yesterday", "election",
    "computer", "coffee", "beautiful", "because", "morning", "question", "international",
    "economy", "weather", "football", "bread", "music", "window", "table", "garden",
    "хлеб", "вода", "правительство", "kitab", "məktəb", "çay", "hökumət", "ջուր", "գիրք",
)


@dataclass(frozen=True, slots=True)
class QuerySet:
    """Queries of one kind, and how many candidates were generated before filtering."""

    label: str
    queries: list[str]
    generated: int


@dataclass(frozen=True, slots=True)
class Timing:
    """Throughput and latency of one function over one query set."""

    qps: float
    p50_us: float
    p95_us: float
    p99_us: float
    calls: int


# query sets --------------------------------------------------------------------------------------
def unique(items: Sequence[str]) -> list[str]:
    """Distinct items in first-seen order (deterministic, unlike a set)."""
    return list(dict.fromkeys(items))


def keep(gaz: toponyms.Gazetteer, label: str, candidates: Sequence[str], method: str,
         rng: random.Random) -> QuerySet:
    """The candidates that resolve with `method`, shuffled."""
    generated = unique(candidates)
    kept = []
    for query in generated:
        match = gaz.resolve(query)
        if match is not None and match.method == method:
            kept.append(query)
    rng.shuffle(kept)
    return QuerySet(label, kept, len(generated))


def normalized_variants(text: str, rng: random.Random) -> list[str]:
    """Spellings of `text` that only case, apostrophes, dashes and spacing set apart."""
    out = [text.upper(), text.lower()]
    quotes = [ch for ch in APOSTROPHES if ch in text]
    for ch in quotes:
        other = rng.choice([a for a in APOSTROPHES if a != ch])
        out.append(text.replace(ch, other))
    dashes = [ch for ch in DASHES if ch in text]
    for ch in dashes:
        out.append(text.replace(ch, rng.choice([d for d in DASHES if d != ch])))
        out.append(text.replace(ch, " "))
    if " " in text:
        out.append(text.replace(" ", rng.choice(DASHES)))
        out.append(text.upper().replace(" ", "  "))
    return [v for v in out if v != text]


def typo(text: str, rng: random.Random) -> str:
    """`text` with one random edit: delete, insert, substitute or transpose a character."""
    letters = [ch for ch in text.lower() if ch.isalpha()] or list("aeiou")
    i = rng.randrange(len(text))
    op = rng.choice(("delete", "insert", "substitute", "transpose"))
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "insert":
        return text[:i] + rng.choice(letters) + text[i:]
    if op == "substitute":
        choices = [ch for ch in letters if ch != text[i].lower()] or ["x"]
        return text[:i] + rng.choice(choices) + text[i + 1 :]
    j = min(i + 1, len(text) - 1)
    if j == i:
        i, j = i - 1, i
    return text[:i] + text[j] + text[i] + text[j + 1 :]


def build_sets(gaz: toponyms.Gazetteer) -> tuple[list[QuerySet], QuerySet]:
    """The four place-name query sets and the non-place set."""
    rng = random.Random(0)
    names = [name for place in gaz for name in place.names]
    texts = unique([name.text for name in names])
    if len(texts) > SAMPLE:  # ~60,000 distinct names: a fixed sample keeps the run short
        texts = rng.sample(texts, SAMPLE)

    exact = keep(gaz, "exact", texts, "exact", rng)
    normalized = keep(
        gaz, "normalized", [v for t in texts for v in normalized_variants(t, rng)],
        "normalized", rng,
    )
    az_texts = unique([name.text for name in names if name.lang.split("-")[0] == "az"])[:SAMPLE]
    romanized = [t.translate(AZ_ROMANIZATION) for t in az_texts]
    translit = keep(
        gaz, "transliteration", [r for r, t in zip(romanized, az_texts, strict=True) if r != t],
        "transliteration", rng,
    )
    long_texts = [t for t in texts if len(t) >= FUZZY_MIN_LEN]
    typos = [typo(t, rng) for t in long_texts for _ in range(TYPOS_PER_NAME)]
    fuzzy = keep(gaz, "fuzzy", [q for q in typos if q not in texts], "fuzzy", rng)

    non_places = list(NON_PLACES)
    rng.shuffle(non_places)
    return [exact, normalized, translit, fuzzy], QuerySet("non-place", non_places,
                                                           len(non_places))


# timing ----------------------------------------------------------------------------------------
def throughput(fn: Callable[[str], object], queries: Sequence[str]) -> tuple[float, int]:
    """Calls per second of `fn` looping over `queries` for at least MIN_SECONDS."""
    calls = 0
    perf = time.perf_counter
    start = perf()
    elapsed = 0.0
    while elapsed < MIN_SECONDS:
        for query in queries:
            fn(query)
        calls += len(queries)
        elapsed = perf() - start
    return calls / elapsed, calls


def first_sight(gaz: toponyms.Gazetteer, queries: Sequence[str]) -> float:
    """Calls per second with the resolve cache cleared before every pass over the (distinct)
    queries, so that no call is answered from the LRU cache of repeated strings."""
    calls = 0
    elapsed = 0.0
    while elapsed < MIN_SECONDS:
        gaz.cache_clear()
        start = time.perf_counter()
        for query in queries:
            gaz.resolve(query)
        elapsed += time.perf_counter() - start
        calls += len(queries)
    return calls / elapsed


def first_sight_latencies(gaz: toponyms.Gazetteer,
                          queries: Sequence[str]) -> tuple[float, float, float]:
    """p50, p95, p99 in microseconds of calls that find nothing remembered: every cache of
    the gazetteer (the LRU of results and the exact-hit memo) cleared before each call."""
    samples: list[int] = []
    clock = time.perf_counter_ns
    for query in queries[:FIRST_SIGHT_CALLS]:
        gaz.cache_clear()
        t0 = clock()
        gaz.resolve(query)
        samples.append(clock() - t0)
    samples.sort()
    return tuple(percentile(samples, p) / 1000 for p in (50, 95, 99))  # type: ignore[return-value]


def latencies(fn: Callable[[str], object], queries: Sequence[str]) -> list[int]:
    """Nanoseconds of each call of `fn`, looping over `queries` for at least MIN_SECONDS."""
    samples: list[int] = []
    clock = time.perf_counter_ns
    budget = int(MIN_SECONDS * 1e9)
    spent = 0
    while spent < budget:
        for query in queries:
            t0 = clock()
            fn(query)
            dt = clock() - t0
            samples.append(dt)
            spent += dt
    return samples


def percentile(ordered: Sequence[int], pct: float) -> float:
    """Nearest-rank percentile of already sorted samples."""
    rank = max(1, round(pct / 100 * len(ordered)))
    return float(ordered[min(rank, len(ordered)) - 1])


def measure(fn: Callable[[str], object], queries: Sequence[str]) -> Timing:
    """Throughput and latency percentiles of `fn` over `queries`."""
    for query in queries:  # warm up
        fn(query)
    gc.collect()
    qps, calls = throughput(fn, queries)
    gc.collect()
    ordered = sorted(latencies(fn, queries))
    return Timing(
        qps,
        percentile(ordered, 50) / 1000,
        percentile(ordered, 95) / 1000,
        percentile(ordered, 99) / 1000,
        calls,
    )


# cold start and memory --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ColdStart:
    """Medians over COLD_RUNS fresh subprocesses, in milliseconds."""

    import_ms: float
    first_resolve_ms: float
    child_ms: float  # import + first resolve, timed in the child
    wall_ms: float  # whole `python -c <import + resolve>` subprocess
    pass_wall_ms: float  # whole `python -c pass` subprocess


def run_child(code: str) -> tuple[float, str]:
    """Wall seconds of `python -c code` and its stdout."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PACKAGE_HOME, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stdout


def cold_start() -> ColdStart:
    """Median cold-start figures; runs of `pass` and of toponyms alternate."""
    run_child("pass")  # warm-up: OS file cache and bytecode caches, not counted
    run_child(COLD_CODE)
    imports: list[float] = []
    firsts: list[float] = []
    walls: list[float] = []
    pass_walls: list[float] = []
    for _ in range(COLD_RUNS):
        pass_walls.append(run_child("pass")[0])
        wall, out = run_child(COLD_CODE)
        import_s, first_s = (float(x) for x in out.split())
        imports.append(import_s)
        firsts.append(first_s)
        walls.append(wall)
    child = [a + b for a, b in zip(imports, firsts, strict=True)]
    return ColdStart(
        statistics.median(imports) * 1000,
        statistics.median(firsts) * 1000,
        statistics.median(child) * 1000,
        statistics.median(walls) * 1000,
        statistics.median(pass_walls) * 1000,
    )


def build_seconds() -> float:
    """Seconds of one untraced from_files build from the YAML files (disk cache off)."""
    gc.collect()
    old = os.environ.get("TOPONYMS_CACHE_DIR")
    os.environ["TOPONYMS_CACHE_DIR"] = "off"
    try:
        start = time.perf_counter()
        toponyms.Gazetteer.from_files()
        return time.perf_counter() - start
    finally:
        if old is None:
            os.environ.pop("TOPONYMS_CACHE_DIR", None)
        else:
            os.environ["TOPONYMS_CACHE_DIR"] = old


def build_memory(cached: bool) -> tuple[int, int, float]:
    """Peak and retained traced bytes, and seconds (under tracing), of one from_files build:
    from the YAML files (disk cache off) or loaded from the disk cache."""
    gc.collect()
    old = os.environ.get("TOPONYMS_CACHE_DIR")
    if not cached:
        os.environ["TOPONYMS_CACHE_DIR"] = "off"
    try:
        tracemalloc.start()
        start = time.perf_counter()
        gaz = toponyms.Gazetteer.from_files()
        seconds = time.perf_counter() - start
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        if old is None:
            os.environ.pop("TOPONYMS_CACHE_DIR", None)
        else:
            os.environ["TOPONYMS_CACHE_DIR"] = old
    del gaz
    return peak, current, seconds


def load_seconds() -> float:
    """Seconds to load the shipped gazetteer from the disk cache (untraced, median of 3)."""
    toponyms.Gazetteer.from_files()  # makes sure the cache file exists
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        toponyms.Gazetteer.from_files()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


# report ------------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> None:
    run_start = time.perf_counter()
    # first, before anything else builds a gazetteer or loads the language tables
    peak, retained, traced_s = build_memory(cached=False)
    cpeak, cretained, ctraced_s = build_memory(cached=True)
    cached_s = load_seconds()
    built_s = build_seconds()

    gaz = toponyms.Gazetteer.default()
    n_names = sum(len(place.names) for place in gaz)
    print("toponyms resolve benchmark")
    print(f"  toponyms {toponyms.__version__}, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}")
    print(f"  data: {len(gaz)} places, {n_names} names; query sets from random.Random(0)")
    print(f"  targets: exact and normalized >= {TARGET_QPS:,} queries/s; "
          f"import + first resolve <= {TARGET_COLD_MS:.0f} ms")
    print(f"  each set: >= {MIN_SECONDS} s of calls for queries/s, then >= {MIN_SECONDS} s")
    print("  of individually timed calls (perf_counter_ns) for latency; GC on")
    print()

    sets, non_place = build_sets(gaz)

    lookup = {text: place.id for place in gaz for text in unique([n.text for n in place.names])}
    floor = measure(lookup.get, sets[0].queries)

    resolve = gaz.resolve
    print("1-2. gaz.resolve(q) per query set, against the dict.get floor")
    header = (f"  {'set':<16}{'queries':>8}{'of gen.':>9}{'queries/s':>12}{'p50 us':>9}"
              f"{'p95 us':>9}{'p99 us':>9}{'x dict':>9}{'1st-sight/s':>13}"
              f"{'1st p50':>9}{'1st p95':>9}{'1st p99':>9}  target")
    print(header)
    print("  " + "-" * (len(header) - 2))
    results: dict[str, Timing] = {}
    for qset in [*sets, non_place]:
        timing = measure(resolve, qset.queries)
        cold_qps = first_sight(gaz, qset.queries)
        first_p50, first_p95, first_p99 = first_sight_latencies(gaz, qset.queries)
        results[qset.label] = timing
        ratio = floor.qps / timing.qps
        target = ""
        if qset.label in ("exact", "normalized"):
            target = f"{verdict(timing.qps >= TARGET_QPS)} (>= {TARGET_QPS:,}/s)"
        print(f"  {qset.label:<16}{len(qset.queries):>8}{qset.generated:>9}{timing.qps:>12,.0f}"
              f"{timing.p50_us:>9.1f}{timing.p95_us:>9.1f}{timing.p99_us:>9.1f}"
              f"{ratio:>9.0f}{cold_qps:>13,.0f}{first_p50:>9.1f}{first_p95:>9.1f}"
              f"{first_p99:>9.1f}  {target}")
    print(f"  {'dict.get floor':<16}{len(sets[0].queries):>8}{'':>9}{floor.qps:>12,.0f}"
          f"{floor.p50_us:>9.2f}{floor.p95_us:>9.2f}{floor.p99_us:>9.2f}{1:>9}")
    print("  queries = kept (method as named); of gen. = distinct candidates generated;")
    print("  x dict = time per resolve / time per dict.get over the exact strings")
    print("  (latency of dict.get is dominated by the perf_counter_ns call around it)")
    print("  queries/s and latencies include the bounded LRU cache of repeated strings;")
    print("  1st-sight/s clears every cache (LRU and exact-hit memo) before each pass, and")
    print("  1st p50/p95/p99 (us) before each call: every call runs the cascade")

    resolved = [(q, m) for q in non_place.queries if (m := resolve(q)) is not None]
    print(f"  non-place strings that resolve: {len(resolved)} of {len(non_place.queries)}")
    for query, match in resolved:
        print(f"    {query!r} -> {match.place.id} ({match.method}, {match.score})")
    print()

    cold = cold_start()
    print(f"3. Cold start, fresh `python -c` subprocess, median of {COLD_RUNS} "
          f"(first resolve: {COLD_QUERY!r})")
    print(f"  import toponyms (in child)             {cold.import_ms:8.1f} ms")
    print(f"  first resolve, builds default (child)  {cold.first_resolve_ms:8.1f} ms")
    print(f"  import + first resolve (in child)      {cold.child_ms:8.1f} ms   "
          f"{verdict(cold.child_ms <= TARGET_COLD_MS)} (<= {TARGET_COLD_MS:.0f} ms)")
    print(f"  subprocess wall, import + resolve      {cold.wall_ms:8.1f} ms")
    print(f"  subprocess wall, `python -c pass`      {cold.pass_wall_ms:8.1f} ms")
    print(f"  wall difference                        {cold.wall_ms - cold.pass_wall_ms:8.1f} ms")
    print()

    print("4. Gazetteer.from_files() of the shipped data (tracemalloc)")
    print(f"  {'':18}{'built from YAML':>16}{'from disk cache':>17}")
    print(f"  {'peak traced':18}{peak / 2**20:>12.1f} MiB{cpeak / 2**20:>13.1f} MiB")
    print(f"  {'retained at end':18}{retained / 2**20:>12.1f} MiB{cretained / 2**20:>13.1f} MiB")
    print(f"  {'time, traced':18}{traced_s * 1000:>13.0f} ms{ctraced_s * 1000:>14.0f} ms")
    print(f"  {'time, untraced':18}{built_s * 1000:>13.0f} ms{cached_s * 1000:>14.0f} ms")
    print()

    print("Summary")
    for label in ("exact", "normalized"):
        qps = results[label].qps
        print(f"  {label:<11} {qps:>10,.0f} queries/s  target >= {TARGET_QPS:,}  "
              f"{verdict(qps >= TARGET_QPS)}")
    print(f"  cold start  {cold.child_ms:>10.1f} ms         target <= {TARGET_COLD_MS:.0f} ms    "
          f"{verdict(cold.child_ms <= TARGET_COLD_MS)}")
    print(f"  (benchmark run took {time.perf_counter() - run_start:.1f} s)")


if __name__ == "__main__":
    main()
