"""Remove from curated place files every name whose text is a held-out query (tests/heldout/).

The held-out sets measure how well the matcher generalizes; a held-out string that is also a
name in data/ measures nothing (tests/test_heldout.py fails on it). When a page that the data
cites also attests a held-out string, the data gives that one name up. This tool does it for
the files named on the command line, keeping their layout: a name block is the
`  - text: ...` line and the more-indented lines after it; a place left without names goes too.

    python tools/drop_heldout_names.py data/places/exonyms-*.yaml
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def heldout_queries() -> set[str]:
    out: set[str] = set()
    folder = ROOT / "tests" / "heldout"
    for path in sorted([*folder.glob("variants*.tsv"), *folder.glob("nonplaces*.tsv")]):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                out.add(row["query"])
    return out


def _text(line: str) -> str:
    value = line.split("text:", 1)[1].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def drop(path: Path, queries: set[str]) -> list[str]:
    """Rewrite `path` without the held-out names; the dropped texts."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    places: list[list[str]] = [[]]  # a header, then one block per place
    for line in lines:
        if line.startswith("- id:"):
            places.append([])
        places[-1].append(line)
    dropped: list[str] = []
    out: list[str] = list(places[0])
    for block in places[1:]:
        kept: list[str] = []
        names = 0
        skipping = False
        for line in block:
            if line.startswith("  - text:"):
                skipping = _text(line) in queries
                if skipping:
                    dropped.append(_text(line))
                else:
                    names += 1
            elif not line.startswith("    "):
                skipping = False
            if not skipping:
                kept.append(line)
        if names:
            out.extend(kept)
    path.write_text("".join(out), encoding="utf-8")
    return dropped


def main(argv: list[str]) -> int:
    queries = heldout_queries()
    for name in argv:
        for text in drop(Path(name), queries):
            print(f"{name}: dropped {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
