"""Common words of scripts without spaces (and others, for comparison) that resolve, and the
held-out recall in those scripts: the precision and recall sides of the short-key rule.

A frequent word of Korean, Japanese or Chinese is a string of one to four syllables; its
romanized key is short and often one or two swaps away from some place's key (그리스도,
Christ, is "geuriseudo", Greece's 그리스 "geuriseu"). What it prints, with the shipped data
(`Gazetteer.default()`, default options):

1. For each language: of the N commonest words of wordfreq (`wordfreq.top_n_list`, default
   3,000), how many `resolve` answers, per method (exact, normalized, transliteration, fuzzy,
   ...), and how many of those are false: the word is not a name of the answered place in
   that language in the data (its normalized key equals no name tagged with the language or
   untagged). A word may be a place's name (일본 Japan, 서울 Seoul): those count as answered,
   not as false.
2. The development variants (tests/heldout/variants.tsv, -b to -e; set f is held out
   and not read here) written in those languages' scripts: top-1 of `resolve` per script.

Run from the project root (a minute or two; wordfreq comes with the `world` extra):

    .venv/bin/python benchmarks/bench_common_words.py [--top 3000] [--start 0] [--show ko]
        [--langs fi,hu]

(`--start 3000 --top 10000` reads the words ranked 3,001 to 10,000, a band the thresholds of
`short_words` were not tuned on.)
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
try:
    import toponyms
    from toponyms.keys import script_of
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(ROOT))
    import toponyms
    from toponyms.keys import script_of

#: The languages measured: those of scripts without spaces first, then others for comparison
#: (Armenian, Georgian and Thai have no wordfreq list and are skipped with a note).
LANGUAGES = ("ja", "ko", "zh", "ru", "ar", "fa", "hy", "ka", "he", "el", "th", "hi")
#: The development sets (set f is held out: never read here).
DEV_SETS = ("variants.tsv", "variants-b.tsv", "variants-c.tsv", "variants-d.tsv",
            "variants-e.tsv")
#: The scripts of the held-out recall table (script_of of the query's first letter).
SCRIPTS = ("HANGUL", "CJK", "HIRAGANA", "KATAKANA", "CYRILLIC", "ARABIC", "ARMENIAN",
           "GEORGIAN", "HEBREW", "GREEK", "THAI", "DEVANAGARI")
LOOSE = ("transliteration", "fuzzy")


def _is_own_name(match: toponyms.Match, word: str, lang: str) -> bool:
    """Whether `word` is a name of the answered place in `lang` (or untagged) in the data."""
    key = toponyms.normalize(word)
    for name in match.place.names:
        tag = name.lang.split("-", 1)[0]
        if tag in (lang, "und", "mul") and toponyms.normalize(name.text) == key:
            return True
    return False


def common_words(gaz: toponyms.Gazetteer, top: int, show: set[str],
                 start: int = 0, langs: tuple[str, ...] = LANGUAGES,
                 ) -> dict[str, Counter[str]]:
    """Per language: answered words per method, and false answers per method ("false " +
    method), "words" (the number read) and "answered"/"false" totals."""
    import wordfreq

    available = wordfreq.available_languages()
    out: dict[str, Counter[str]] = {}
    for lang in langs:
        if lang not in available:
            continue
        counts: Counter[str] = Counter()
        for word in wordfreq.top_n_list(lang, top)[start:]:
            counts["words"] += 1
            match = gaz.resolve(word)
            if match is None:
                continue
            counts["answered"] += 1
            counts[match.method] += 1
            false = not _is_own_name(match, word, lang)
            if false:
                counts["false"] += 1
                counts["false " + match.method] += 1
            if lang in show:
                print(f"  {lang} {word!r} -> {match.place.id} {match.method} {match.score}"
                      f"{' FALSE' if false else ''}")
        out[lang] = counts
    return out


def dev_recall(gaz: toponyms.Gazetteer) -> tuple[Counter[str], Counter[str], int, int]:
    """(right per script, total per script, right overall, total overall) on sets a to d."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    all_right = all_total = 0
    for file in DEV_SETS:
        with (ROOT / "tests" / "heldout" / file).open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
                match = gaz.resolve(row["query"])
                ok = match is not None and match.place.id == row["expected_id"]
                all_total += 1
                all_right += ok
                script = script_of(row["query"])
                if script in SCRIPTS:
                    total[script] += 1
                    right[script] += ok
    return right, total, all_right, all_total


def main(argv: list[str] | None = None) -> int:
    """Print both tables; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--top", type=int, default=3000, help="words per language")
    parser.add_argument("--start", type=int, default=0,
                        help="skip the commonest words up to this rank (a band not tuned on)")
    parser.add_argument("--show", default="", help="languages whose answers to list (ko,ja)")
    parser.add_argument("--langs", default=",".join(LANGUAGES),
                        help="the languages measured, comma-separated (any of wordfreq's)")
    args = parser.parse_args(argv)
    langs = tuple(filter(None, args.langs.split(",")))
    gaz = toponyms.Gazetteer.default()
    gaz.resolve("Baku")  # build or load the index before timing
    started = time.perf_counter()
    table = common_words(gaz, args.top, set(filter(None, args.show.split(","))), args.start,
                         langs)
    print(f"Common words (wordfreq ranks {args.start + 1}-{args.top}) answered by resolve, "
          "shipped data:")
    print(f"{'lang':5} {'answered':>8} {'false':>6} {'exact':>6} {'norm':>6} {'translit':>8}"
          f" {'fuzzy':>6} {'other':>6} {'false loose':>11}")
    for lang in langs:
        counts = table.get(lang)
        if counts is None:
            print(f"{lang:5} (no wordfreq list)")
            continue
        named = counts["exact"] + counts["normalized"] + sum(counts[m] for m in LOOSE)
        other = counts["answered"] - named
        false_loose = sum(counts["false " + m] for m in LOOSE)
        print(f"{lang:5} {counts['answered']:8} {counts['false']:6} {counts['exact']:6}"
              f" {counts['normalized']:6} {counts['transliteration']:8} {counts['fuzzy']:6}"
              f" {other:6} {false_loose:11}")
    right, total, all_right, all_total = dev_recall(gaz)
    print("\nDevelopment variants (sets a to d) by the script of the query: top-1")
    for script in SCRIPTS:
        if total[script]:
            print(f"  {script:11} {right[script]:4}/{total[script]:<4}"
                  f" {100 * right[script] / total[script]:5.1f} %")
    print(f"  {'all':11} {all_right:4}/{all_total:<4} {100 * all_right / all_total:5.1f} %")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
