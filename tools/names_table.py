"""Print the data README's table of names per place per language (issue 13's exonym languages).

Counts every name of the shipped data (all files, not only exonyms-*.yaml) by the primary
language subtag, for the region's places (Azerbaijan, Armenia, cross-border regions) that have
a name in at least one of the languages below, and a total row. Paste the output between
the markers in data/README.md:

    python tools/names_table.py > /tmp/table.md
"""

from __future__ import annotations

from collections import Counter

import toponyms

#: The region the exonym work covers: Azerbaijan, Armenia and places without a country.
REGION = ("AZ", "AM", None)
LANGS = ("de", "fr", "es", "it", "pt", "pl", "nl", "sv", "cs", "uk", "el", "he", "ar", "fa",
         "ka", "ja", "zh", "ko", "hi", "bn", "th")


def main() -> None:
    rows: list[tuple[str, Counter[str]]] = []
    for place in toponyms.Gazetteer.default():
        if place.kind in ("country", "historical-country") or place.country not in REGION:
            continue
        counts = Counter(n.lang.split("-")[0] for n in place.names)
        if any(counts[lang] for lang in LANGS):
            rows.append((place.id, counts))
    rows.sort()
    print("| place | " + " | ".join(LANGS) + " |")
    print("|---|" + "---|" * len(LANGS))
    total: Counter[str] = Counter()
    for place_id, counts in rows:
        total.update({lang: counts[lang] for lang in LANGS})
        print(f"| {place_id} | " + " | ".join(str(counts[lang] or "") for lang in LANGS) + " |")
    print(f"| **{len(rows)} places** | " + " | ".join(str(total[lang]) for lang in LANGS) + " |")


if __name__ == "__main__":
    main()
