"""Benchmark of `toponyms batch` on 1,000,000 CSV rows, and of the command's cold start.

What it measures, in one run:

1. A CSV of ROWS rows (id, place) generated with `random.Random(0)` from the shipped names:
   70 % names drawn from a pool of 3,000 (so strings repeat, as in real event data), 15 %
   one-edit misspellings drawn from a pool of 3,000, 10 % junk (numbers, blanks, people's
   names, common words), 5 % unique random strings (never repeated: the worst case for any
   cache), plus a few malformed CSV lines.
2. `toponyms batch IN -o OUT --column place` in a fresh process: rows per second (wall time of
   the whole command, start-up included), peak resident memory (ru_maxrss), and the status
   summary it prints.
3. The naive baseline in a fresh process over the same file: `csv.reader`, one
   `toponyms.resolve` call per row, `csv.writer` (the library's own resolve cache still helps
   it); and the same loop with every cache bypassed (`Gazetteer._resolve`), on the first
   50,000 rows, to show what caching repeated strings is worth.
4. Cold start of `toponyms resolve Khankendi` (the installed command, with the disk cache
   warm), median of 5, beside `python -c pass` in the same run.

Target: batch >= 100,000 rows/s; cold start within ~250 ms. Takes about two minutes.

    cd /work/main && /work/venv/bin/python benchmarks/bench_batch.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import toponyms

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
TARGET_ROWS_PER_S = 100_000
TARGET_COLD_MS = 250.0
UNCACHED_ROWS = 50_000
JUNK = ["", "   ", "1994", "3.14", "NULL", "N/A", "Ilham Aliyev", "Nikol Pashinyan", "AFP",
        "Defense Ministry", "Sunday", "the front line", "-", "?", "Press TV", "shelling"]

NAIVE = r'''
import csv, sys, time, resource
import toponyms
gaz = toponyms.Gazetteer.default()
uncached = sys.argv[3] == "uncached"
resolve = (lambda t: gaz._resolve(t, toponyms.gazetteer.cascade.Filters(), 85.0)) \
    if uncached else gaz.resolve
limit = int(sys.argv[4])
csv.field_size_limit(1 << 26)
start = time.perf_counter()
n = 0
with open(sys.argv[1], newline="", encoding="utf-8", errors="surrogateescape") as src, \
        open(sys.argv[2], "w", newline="", encoding="utf-8", errors="surrogateescape") as dst:
    reader, writer = csv.reader(src), csv.writer(dst)
    writer.writerow(next(reader) + ["toponym_id"])
    while n < limit:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            continue
        n += 1
        value = row[1] if len(row) > 1 else ""
        m = resolve(value) if value.strip() else None
        writer.writerow(row + [m.place.id if m else ""])
print(n, time.perf_counter() - start,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
'''


def typo(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text))
    op = rng.choice(("delete", "insert", "substitute", "transpose"))
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "insert":
        return text[:i] + rng.choice("aeiouklmnrst") + text[i:]
    if op == "substitute":
        return text[:i] + rng.choice("aeiouklmnrst") + text[i + 1 :]
    j = min(i + 1, len(text) - 1)
    return text[:i] + text[j] + text[i] + text[j + 1 :] if j > i else text


def generate(path: Path, rows: int) -> None:
    rng = random.Random(0)
    gaz = toponyms.Gazetteer.default()
    texts = sorted({n.text for p in gaz for n in p.names})
    names = rng.sample(texts, 3_000)
    typos = [typo(t, rng) for t in rng.sample([t for t in texts if len(t) >= 6], 3_000)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "place"])
        for i in range(rows):
            r = rng.random()
            if r < 0.70:
                value = rng.choice(names)
            elif r < 0.85:
                value = rng.choice(typos)
            elif r < 0.95:
                value = rng.choice(JUNK)
            else:
                value = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(12))
            writer.writerow([i, value])
            if i % 200_000 == 199_999:
                fh.write('999,"unterminated\n')  # a malformed line now and then


def run(cmd: list[str]) -> tuple[float, int, str, str]:
    """Wall seconds, peak RSS (kB) of the child, stdout and stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed:\n{done.stderr}")
    return wall, max(after, before), done.stdout, done.stderr


def cold_start() -> tuple[float, float]:
    exe = shutil.which("toponyms") or str(Path(sys.executable).with_name("toponyms"))
    run([exe, "resolve", "Khankendi"])  # warm: disk cache of the indexes, OS file cache
    run([sys.executable, "-c", "pass"])
    cli, bare = [], []
    for _ in range(5):
        bare.append(run([sys.executable, "-c", "pass"])[0])
        cli.append(run([exe, "resolve", "Khankendi"])[0])
    return statistics.median(cli) * 1000, statistics.median(bare) * 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="toponyms-bench-"))
    source, out = folder / "in.csv", folder / "out.csv"
    print("toponyms batch benchmark")
    print(f"  toponyms {toponyms.__version__}, Python {sys.version.split()[0]}; {ROWS:,} rows "
          f"from random.Random(0); target >= {TARGET_ROWS_PER_S:,} rows/s")
    start = time.perf_counter()
    generate(source, ROWS)
    print(f"  generated {source.stat().st_size / 2**20:.1f} MiB in "
          f"{time.perf_counter() - start:.1f} s\n")

    wall, rss, _, summary = run([sys.executable, "-m", "toponyms", "batch", str(source), "-o",
                                 str(out), "--column", "place"])
    batch_rate = ROWS / wall
    with out.open(encoding="utf-8", errors="replace") as fh:
        written = sum(1 for _ in csv.reader(fh)) - 1
    print("1. toponyms batch (fresh process, start-up included)")
    print(f"  {ROWS:,} rows in {wall:.1f} s = {batch_rate:,.0f} rows/s   "
          f"{'PASS' if batch_rate >= TARGET_ROWS_PER_S else 'MISS'}")
    print(f"  peak RSS {rss / 1024:.0f} MiB; rows written {written:,}")
    print("  " + summary.strip().replace("\n", "\n  "))

    naive_wall, naive_rss, naive_out, _ = run([sys.executable, "-c", NAIVE, str(source),
                                               str(folder / "naive.csv"), "cached", str(ROWS)])
    n, loop_s, _ = naive_out.split()
    print("\n2. naive loop: csv.reader + toponyms.resolve per row + csv.writer (fresh process)")
    print(f"  {int(n):,} rows: loop {float(loop_s):.1f} s, wall {naive_wall:.1f} s = "
          f"{int(n) / naive_wall:,.0f} rows/s; peak RSS {naive_rss / 1024:.0f} MiB")
    print(f"  batch / naive: {batch_rate / (int(n) / naive_wall):.2f}x")

    _, _, u_out, _ = run([sys.executable, "-c", NAIVE, str(source),
                               str(folder / "uncached.csv"), "uncached", str(UNCACHED_ROWS)])
    un, uloop, _ = u_out.split()
    print(f"  same loop with every cache bypassed, first {int(un):,} rows: "
          f"{int(un) / float(uloop):,.0f} rows/s (loop only)")

    cli_ms, bare_ms = cold_start()
    print("\n3. cold start, median of 5 (disk cache warm)")
    print(f"  toponyms resolve Khankendi   {cli_ms:7.1f} ms   "
          f"{'PASS' if cli_ms <= TARGET_COLD_MS else 'MISS'} (~{TARGET_COLD_MS:.0f} ms)")
    print(f"  python -c pass               {bare_ms:7.1f} ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
