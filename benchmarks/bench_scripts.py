"""How far names in scripts without a language table get toward their Latin-script equivalent.

For each language below, every country whose CLDR name in that language is in the shipped
countries.yaml is paired with the country's English names (CLDR and iso-codes). The name is
folded and romanized, and its transliteration skeleton is compared with the English names':

- equal: the skeletons are identical (a transliteration-stage match, score 94);
- reach: not equal, but within the fuzzy stage's reach at the default `min_score` (rapidfuzz
  ratio >= 85 / 0.95 on keys of 4+ letters), so `resolve` can answer with method "fuzzy".

Candidates, each run through the same `translit.skeleton`:

- toponyms: `normalize.translit_keys` as shipped (language tables, then unidecode for the rest);
- unidecode: unidecode's tables alone on the folded text (no language table);
- icu: ICU's "Any-Latin; Latin-ASCII" transform, when PyICU (or the pyicu-wheels build) is
  importable; skipped otherwise, as it is not a dependency.

The cost per call is the mean time of romanize + skeleton over the sample, per candidate.

    .venv/bin/python benchmarks/bench_scripts.py
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from rapidfuzz import fuzz
from unidecode import unidecode

if importlib.util.find_spec("toponyms") is None:  # not installed: use this source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toponyms.keys import fold, translit_keys
from toponyms.model import data_dir
from toponyms.translit import skeleton

LANGS = ("th", "ja", "ko", "bn", "hi", "el", "he", "ar", "fa", "ur", "ka", "hy", "ru", "zh")
CLDR = "dataset:CLDR"
REACH = 85.0 / 0.95  # resolve's default min_score over FUZZY_FACTOR
MIN_KEY = 4  # resolve.FUZZY_MIN_KEY


def _sample() -> dict[str, list[tuple[str, list[str]]]]:
    """lang -> [(CLDR name, English names of the same country)]."""
    path = data_dir() / "places" / "countries.yaml"
    with path.open(encoding="utf-8") as fh:
        places = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out: dict[str, list[tuple[str, list[str]]]] = {lang: [] for lang in LANGS}
    for place in places:
        english = [n["text"] for n in place["names"] if n["lang"] == "en"]
        for n in place["names"]:
            if n["lang"] in out and n["source"].startswith(CLDR) and english:
                out[n["lang"]].append((n["text"], english))
    return out


def _toponyms(folded: str) -> list[str]:
    return list(translit_keys(folded))


def _unidecode(folded: str) -> list[str]:
    return [skeleton(unidecode(folded).lower())]


def _candidates() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {"toponyms": _toponyms,
                                                    "unidecode": _unidecode}
    try:
        import icu  # type: ignore[import-not-found]
    except ImportError:
        print("icu: not importable (pip install pyicu-wheels to include it)")
        return found
    transform = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII; Lower")

    def _icu(folded: str) -> list[str]:
        return [skeleton(transform.transliterate(folded))]

    found[f"icu {icu.ICU_VERSION}"] = _icu
    return found


def _english_keys(names: list[str]) -> set[str]:
    return {k for name in names for k in translit_keys(fold(name))}


def main() -> None:
    sample = _sample()
    candidates = _candidates()
    print(f"{'lang':5} {'n':>4} " + " ".join(f"{c[:14]:>22}" for c in candidates))
    totals = {c: [0, 0, 0] for c in candidates}
    for lang, pairs in sample.items():
        if not pairs:
            continue
        row = f"{lang:5} {len(pairs):4} "
        for name, romanized in candidates.items():
            equal = reach = 0
            for text, english in pairs:
                want = _english_keys(english)
                got = romanized(fold(text))
                if want & set(got):
                    equal += 1
                elif any(len(g) >= MIN_KEY and fuzz.ratio(g, w) >= REACH
                         for g in got for w in want):
                    reach += 1
            totals[name][0] += equal
            totals[name][1] += reach
            totals[name][2] += len(pairs)
            row += f" {equal / len(pairs):6.1%} eq {(equal + reach) / len(pairs):6.1%} ok"
        print(row)
    texts = [fold(t) for pairs in sample.values() for t, _ in pairs]
    print()
    for name, romanized in candidates.items():
        equal, reach, n = totals[name]
        start = time.perf_counter()
        for _ in range(3):
            for text in texts:
                romanized(text)
        per_call = (time.perf_counter() - start) / (3 * len(texts)) * 1e6
        print(f"{name:16} equal {equal / n:6.1%}  equal or fuzzy reach {(equal + reach) / n:6.1%}"
              f"  ({n} names)  {per_call:6.1f} us/call")


if __name__ == "__main__":
    main()
