"""Dump world `extract`'s output over a GeoWebNews-style corpus, and time it: a before/after
check that a speed change leaves every mention as it was.

    .venv/bin/python benchmarks/dump_extract.py CORPUS.xml OUT.jsonl [--passes N] [--profile]

OUT.jsonl gets one line per mention: article number, start, end, place id, score, method
(the first pass's; later passes must give the same, or the script says so and exits 1).
Prints, per pass, the article text's MB/s of wall and of CPU time after extract's first
call; `--profile` prints the top of a cProfile of one more pass. Compare two dumps with
`cmp` or `diff`.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_geoparse import read_corpus  # noqa: E402

import toponyms  # noqa: E402


def dump(found: list[list[toponyms.Mention]]) -> list[str]:
    """One JSON line per mention (see the module docstring)."""
    return [json.dumps([i, m.start, m.end, m.match.place.id, m.match.score, m.match.method])
            for i, mentions in enumerate(found) for m in mentions]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    texts = [a.text for a in read_corpus(args.corpus)[0]]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    gaz = toponyms.Gazetteer.from_geonames()
    print(f"load {time.perf_counter() - t0:.1f} s ({toponyms.__file__})")
    t0, c0 = time.perf_counter(), time.process_time()
    gaz.extract("Paris")
    print(f"first call {time.perf_counter() - t0:.1f} s, {time.process_time() - c0:.1f} s CPU")
    lines: list[str] | None = None
    for n in range(args.passes):
        t0, c0 = time.perf_counter(), time.process_time()
        found = [gaz.extract(t) for t in texts]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"pass {n + 1}: {size:.2f} MB, {size / wall:.2f} MB/s wall, "
              f"{size / cpu:.2f} MB/s CPU")
        now = dump(found)
        if lines is None:
            lines = now
        elif now != lines:
            print(f"pass {n + 1} differs from pass 1")
            return 1
    if lines is not None:
        args.out.write_text("".join(line + "\n" for line in lines))
        print(f"{len(lines)} mentions -> {args.out}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            gaz.extract(t)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
