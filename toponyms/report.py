"""A report on the loaded data: `python -m toponyms.report [--data FILE]... [--shared N]`.

Prints counts of places by kind and country, of names by language, status and kind of source,
of names by source (the host of the page, the Wikipedia language, the dataset; and those on a
copy host of data/sources.yaml, which `toponyms validate` rejects), and the names that several
places share, with the place a bare `resolve` picks and the others
(which `search` lists, and a filter such as `country=` or `parent=` selects). Editors run it
after changing data; the numbers in the data README come from it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from toponyms.gazetteer import Gazetteer
from toponyms.model import DataError, Place
from toponyms.provenance import denylist, source_group


def source_kind(source: str) -> str:
    """'dataset:CLDR 47 via babel 2.18.0' -> 'dataset:CLDR 47'; a page -> 'page'."""
    if source.startswith("dataset:"):
        return source.split(" via ", 1)[0].split(",", 1)[0]
    if source.startswith("seed:"):
        return "seed article"
    return "page"


def shared_names(places: Iterable[Place]) -> dict[str, list[str]]:
    """Name text -> ids of the places that carry it, for texts carried by more than one place."""
    owners: dict[str, set[str]] = defaultdict(set)
    for place in places:
        for name in place.names:
            owners[name.text].add(place.id)
    return {text: sorted(ids) for text, ids in sorted(owners.items()) if len(ids) > 1}


def _table(title: str, counts: Counter[str], limit: int | None = None) -> list[str]:
    lines = [f"\n{title} ({len(counts)})"]
    items = counts.most_common(limit)
    width = max((len(k) for k, _ in items), default=0)
    lines += [f"  {key:<{width}}  {value:>7,}" for key, value in items]
    if limit is not None and len(counts) > limit:
        rest = sum(v for _, v in counts.most_common()[limit:])
        lines.append(f"  {'(others)':<{width}}  {rest:>7,}")
    return lines


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def report(gaz: Gazetteer, *, shared_limit: int | None = None) -> str:
    """The report as text (see the module docstring)."""
    places = list(gaz)
    names = [n for p in places for n in p.names]
    lines = [f"{len(places):,} places, {len(names):,} names"]
    lines += _table("places by kind", Counter(p.kind for p in places))
    lines += _table("places by country", Counter(p.country or "(none)" for p in places
                                                 if p.kind != "country"))
    lines += _table("names by language (primary subtag)",
                    Counter(n.lang.split("-")[0] for n in names), limit=25)
    lines += _table("names by status", Counter(n.status for n in names))
    historical = [n for n in names if n.status == "historical"]
    dated = [n for n in historical if n.start is not None or n.end is not None]
    placed = [p for p in places if p.lat is not None]
    lines += ["", f"historical names dated: {len(dated):,} of {len(historical):,} "
              f"({_share(len(dated), len(historical))}), "
              f"{sum(1 for n in dated if n.dates_source):,} by a second page (dates_source)",
              f"places with coordinates: {len(placed):,} of {len(places):,} "
              f"({_share(len(placed), len(places))})"]
    lines += _table("names by source", Counter(source_kind(n.source) for n in names))
    groups = Counter(source_group(n.source) for n in names)
    for group, title, limit in (
            ("host", "names by host of the source page (Wikipedia articles apart)", 40),
            ("wikipedia", "names by Wikipedia language (wikipedia.org pages and "
                          "wikipedia:<lang>:)", 25),
            ("dataset", "names by dataset", None)):
        lines += _table(title, Counter({k: v for (g, k), v in groups.items() if g == group}),
                        limit=limit)
    deny = denylist()
    copies = Counter(e.host for n in names if (e := deny.match(n.source)) is not None)
    lines += _table("names whose source is on a copy host (data/sources.yaml)", copies)
    curated = [p for p in places if p.kind != "country"]
    lines += _table("names of places other than countries, by language",
                    Counter(n.lang for p in curated for n in p.names), limit=25)
    shared = shared_names(places)
    lines.append(f"\nnames shared by more than one place ({len(shared):,})")
    for text, ids in list(shared.items())[:shared_limit]:
        match = gaz.resolve(text)
        picked = match.place.id if match else "-"
        others = ", ".join(i for i in ids if i != picked)
        flag = " (ambiguous)" if match is not None and match.ambiguous else ""
        lines.append(f"  {text}: resolve -> {picked}{flag}; also {others}")
    if shared_limit is not None and len(shared) > shared_limit:
        lines.append(f"  ... {len(shared) - shared_limit:,} more (--shared 0 lists all)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toponyms.report", description=__doc__)
    parser.add_argument("--data", action="append", default=[], metavar="FILE",
                        help="a YAML place file (or folder) on top of the shipped data")
    parser.add_argument("--shared", type=int, default=100, metavar="N",
                        help="list at most N shared names (0: all; default 100)")
    args = parser.parse_args(argv)
    try:
        gaz = Gazetteer.from_files(*args.data) if args.data else Gazetteer.default()
    except DataError as exc:
        print(f"toponyms.report: {exc}", file=sys.stderr)
        return 2
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        print(report(gaz, shared_limit=args.shared or None), flush=True)
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stdout = None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
