"""How far the data's own names in non-Latin scripts get toward the same place's English name.

For every place of data/places with an English name, each of its names in one of the scripts
below is folded and romanized, and its transliteration keys are compared with the keys of the
place's English names (the same test as benchmarks/bench_scripts.py, on every place rather than
on countries alone, so the world cities' names in 30-odd scripts count too):

- equal: a key is identical (a transliteration-stage match, score 94);
- reach: not equal, but within the fuzzy stage's reach at the default `min_score` (rapidfuzz
  ratio >= 85 / 0.95 on keys of 4+ letters), so `resolve` can answer with method "fuzzy".

Candidates: toponyms (`keys.translit_keys` as shipped) and unidecode alone (unidecode's tables
on the folded text, then the same skeleton). The figures quoted in data/languages/brahmic.yaml,
thai.yaml, greek.yaml, hebrew.yaml and hangul.yaml come from this script.

    .venv/bin/python benchmarks/bench_script_names.py [--misses SCRIPT]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from rapidfuzz import fuzz
from unidecode import unidecode

if importlib.util.find_spec("toponyms") is None:  # not installed: use this source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toponyms.keys import fold, script_of, translit_keys
from toponyms.model import data_dir
from toponyms.translit import skeleton

SCRIPTS = ("THAI", "BENGALI", "GURMUKHI", "TAMIL", "DEVANAGARI", "GREEK", "HEBREW", "HANGUL",
           "CJK", "ARABIC", "KATAKANA")
REACH = 85.0 / 0.95  # resolve's default min_score over the old fuzzy factor, as bench_scripts
MIN_KEY = 4


def pairs() -> dict[str, list[tuple[str, list[str]]]]:
    """script -> [(a name in that script, the English names of the same place)]."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for path in sorted((data_dir() / "places").glob("*.yaml")):
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        places = raw if isinstance(raw, list) else raw.get("places", [])
        for place in places:
            english = [n["text"] for n in place.get("names", []) if n.get("lang") == "en"]
            if not english:
                continue
            for name in place.get("names", []):
                script = script_of(name["text"])
                if script in SCRIPTS:
                    out[script].append((name["text"], english))
    return out


def _toponyms(text: str) -> list[str]:
    return list(translit_keys(fold(text)))


def _unidecode(text: str) -> list[str]:
    return [skeleton(unidecode(fold(text)).lower())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", metavar="SCRIPT", help="list the names of SCRIPT that miss")
    args = parser.parse_args(argv)
    sample = pairs()
    candidates = {"toponyms": _toponyms, "unidecode": _unidecode}
    print(f"{'script':11} {'n':>5}" + "".join(f"{c:>26}" for c in candidates))
    totals = {c: [0, 0] for c in candidates}
    n_all = 0
    for script in SCRIPTS:
        rows = sample.get(script, [])
        if not rows:
            continue
        n_all += len(rows)
        line = f"{script:11} {len(rows):5}"
        for name, romanized in candidates.items():
            equal = reach = 0
            for text, english in rows:
                want = {k for e in english for k in translit_keys(fold(e))}
                got = romanized(text)
                if want & set(got):
                    equal += 1
                elif any(len(g) >= MIN_KEY and fuzz.ratio(g, w) >= REACH
                         for g in got for w in want):
                    reach += 1
                elif name == "toponyms" and args.misses == script:
                    print(f"    {text} {got} {sorted(want)[:2]}")
            totals[name][0] += equal
            totals[name][1] += reach
            line += f"  {equal / len(rows):6.1%} eq {(equal + reach) / len(rows):6.1%} ok"
        print(line)
    print()
    for name, (equal, reach) in totals.items():
        print(f"{name:10} equal {equal / n_all:6.1%}  equal or fuzzy reach "
              f"{(equal + reach) / n_all:6.1%}  ({n_all} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
