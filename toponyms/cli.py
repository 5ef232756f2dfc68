"""The `toponyms` command: look-ups at the shell and batch jobs over CSV / JSON lines.

Exit codes: 0 every name resolved, 1 some did not, 2 usage or data error (message on stderr,
never a traceback). argparse keeps start-up fast; nothing heavy is imported before it is needed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import IO, Any

from toponyms.batch import COLUMNS, cell, csv_records
from toponyms.gazetteer import Gazetteer
from toponyms.model import DataError, Match, Place
from toponyms.normalize import fold, normalize, translit_keys

CACHE_SIZE = 100_000


class UsageError(Exception):
    """A problem with the command line or an input file: exit code 2."""


def run() -> None:
    """The `toponyms` command: `main`, then exit without tearing down the interpreter.

    Freeing the ~100,000 objects of a loaded gazetteer one by one takes longer than a lookup;
    the process is ending anyway, so the output is flushed and the process exits at once.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        code = code or 0
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (see module docstring)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return 0 if exc.code == 0 else 2
    _reconfigure_streams()
    try:
        return int(args.run(args))
    except (UsageError, DataError, KeyError, ValueError, TypeError, ImportError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"toponyms: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _reconfigure_streams() -> None:
    # Armenian, Cyrillic or Arabic output must not fail under a C/POSIX locale
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toponyms", description="Resolve place names in any language or script to IDs."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def filtered(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. AZ")
        p.add_argument("--kind", help="kind of place, e.g. district")
        p.add_argument("--parent", help="id of a containing place")
        p.add_argument("--lang", help="only names in this language (BCP 47), e.g. hy")
        p.add_argument("--at", type=int, help="a year: prefer names in use then")
        p.add_argument("--min-score", type=float, default=None, help="0-100")
        p.add_argument("--data", action="append", default=[], metavar="FILE",
                       help="a YAML place file to add on top of the shipped data (repeatable)")
        p.add_argument("--label-lang", default="en", help="language of displayed labels")
        world(p)
        return p

    def world(p: argparse.ArgumentParser) -> None:
        p.add_argument("--world", action="store_true",
                       help="add GeoNames' 235,000 cities (needs toponyms[world]; the first run "
                            "builds an index of ~20 s, cached after)")
        p.add_argument("--geonames", metavar="FILE",
                       help="a GeoNames dump file (allCountries.txt, AZ.txt, cities500.zip, ...) "
                            "added to the shipped data (with --world: to the world)")
        p.add_argument("--alternate-names", metavar="FILE",
                       help="GeoNames alternateNamesV2.txt (or .zip), with --geonames or --world")

    p = filtered("resolve", "Resolve each NAME (or '-' for names on stdin, one per line).")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--json", action="store_true", help="JSON lines")
    p.set_defaults(run=_cmd_resolve)

    p = filtered("search", "Ranked candidates for NAME.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="JSON lines")
    p.set_defaults(run=_cmd_search)

    p = filtered("extract", "Place mentions in running text (FILE, or '-' / nothing: stdin).")
    p.add_argument("input", nargs="?", default="-", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON lines")
    p.set_defaults(run=_cmd_extract)

    p = sub.add_parser("show", help="A place and every name, with sources.")
    p.add_argument("place_id", metavar="ID")
    p.add_argument("--data", action="append", default=[], metavar="FILE")
    p.add_argument("--json", action="store_true")
    world(p)
    p.set_defaults(run=_cmd_show)

    p = sub.add_parser("normalize", help="The match keys of TEXT, to debug why names meet.")
    p.add_argument("texts", nargs="+", metavar="TEXT")
    p.set_defaults(run=_cmd_normalize)

    p = filtered("batch", "Add resolution columns to every row of a CSV or JSON-lines file.")
    p.add_argument("input", metavar="IN", help="input file, or '-' for stdin")
    p.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    p.add_argument("--column", required=True, help="the column (CSV) or key (JSONL) to resolve")
    p.add_argument("--format", choices=("csv", "jsonl"), help="default: from the file name")
    p.set_defaults(run=_cmd_batch)

    p = sub.add_parser("validate", help="Check the shipped data or YAML overlay files.")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(run=_cmd_validate)
    return parser


# helpers --------------------------------------------------------------------------------------
def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    if args.world or args.geonames or args.alternate_names:
        if sys.stderr.isatty():
            logging.basicConfig(level=logging.INFO, format="toponyms: %(message)s")
        return Gazetteer.from_geonames(args.geonames, args.alternate_names, cities=args.world,
                                       files=args.data)
    return Gazetteer.from_files(*args.data) if args.data else Gazetteer.default()


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {
        "country": args.country, "kind": args.kind, "parent": args.parent, "lang": args.lang,
        "at": args.at,
    }
    if args.min_score is not None:
        out["min_score"] = args.min_score
    return out


def _record(query: str, match: Match | None, label_lang: str) -> dict[str, Any]:
    if match is None:
        return {"query": query, "id": None, "label": None, "kind": None, "country": None,
                "score": None, "method": None, "matched": None, "lang": None}
    place = match.place
    return {"query": query, "id": place.id, "label": place.label(label_lang), "kind": place.kind,
            "country": place.country, "score": match.score, "method": match.method,
            "matched": match.name.text, "lang": match.name.lang,
            **({"ambiguous": True} if match.ambiguous else {})}


def _line(rec: dict[str, Any]) -> str:
    if rec["id"] is None:
        return f"{rec['query']}\t-\tno match"
    return (f"{rec['query']}\t{rec['label']}\t{rec['id']}\t{rec['kind']}\t{rec['country'] or '-'}"
            f"\t{rec['score']:.1f}\t{rec['method']}\t{rec['matched']} [{rec['lang']}]"
            + ("\tambiguous: another place matches as well (toponyms search)"
               if rec.get("ambiguous") else ""))


def _width(text: str) -> int:
    """Terminal columns of `text`: wide (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(records: list[dict[str, Any]]) -> str:
    """Search results as an aligned table with a header."""
    head = ["#", "score", "method", "id", "label", "kind", "country", "matched"]
    rows = [[str(i), f"{r['score']:.1f}", r["method"], r["id"], r["label"], r["kind"],
             r["country"] or "-", f"{r['matched']} [{r['lang']}]"
             + (" (ambiguous)" if r.get("ambiguous") else "")]
            for i, r in enumerate(records, 1)]
    widths = [max(_width(row[c]) for row in [head, *rows]) for c in range(len(head))]
    return "\n".join("  ".join(cell + " " * (widths[c] - _width(cell))
                                for c, cell in enumerate(row)).rstrip()
                      for row in [head, *rows])


def _names(items: Iterable[str]) -> Iterator[str]:
    for item in items:
        if item == "-":
            for line in sys.stdin:
                if line.strip():
                    yield line.rstrip("\r\n")
        else:
            yield item


# commands -------------------------------------------------------------------------------------
def _cmd_resolve(args: argparse.Namespace) -> int:
    gaz, filters = _gazetteer(args), _filters(args)
    missing = 0
    for query in _names(args.names):
        match = gaz.resolve(query, **filters)
        missing += match is None
        rec = _record(query, match, args.label_lang)
        print(json.dumps(rec, ensure_ascii=False) if args.json else _line(rec), flush=True)
    return 1 if missing else 0


def _cmd_search(args: argparse.Namespace) -> int:
    gaz, filters = _gazetteer(args), _filters(args)
    found = gaz.search(args.name, limit=args.limit, **filters)
    records = [_record(args.name, match, args.label_lang) for match in found]
    if found and not args.json and sys.stdout.isatty():
        print(_table(records))  # aligned columns for a person; tab-separated lines for pipes
        return 0
    for rec in records:
        print(json.dumps(rec, ensure_ascii=False) if args.json else _line(rec))
    if not found and not args.json:
        print(f"{args.name}\t-\tno match")
    return 0 if found else 1


def _cmd_extract(args: argparse.Namespace) -> int:
    gaz, filters = _gazetteer(args), _filters(args)
    source = _open_in(args.input)
    try:
        text = source.read()
    finally:
        if source is not sys.stdin:
            source.close()
    mentions = gaz.extract(text, **filters)
    for m in mentions:
        rec = {"start": m.start, "end": m.end, **_record(m.text, m.match, args.label_lang)}
        rec["text"] = rec.pop("query")
        if args.json:
            print(json.dumps(rec, ensure_ascii=False))
        else:
            print(f"{m.start}\t{m.end}\t{m.text}\t{rec['label']}\t{rec['id']}\t{rec['kind']}"
                  f"\t{rec['score']:.1f}" + ("\tambiguous" if m.match.ambiguous else ""))
    return 0 if mentions else 1


def _cmd_show(args: argparse.Namespace) -> int:
    place: Place = _gazetteer(args).get(args.place_id)
    if args.json:
        names = [{"text": n.text, "lang": n.lang, "status": n.status, "start": n.start,
                  "end": n.end, "used_by": list(n.used_by), "source": n.source}
                 for n in place.names]
        print(json.dumps({"id": place.id, "label": place.label(), "kind": place.kind,
                          "country": place.country, "parent": place.parent, "lat": place.lat,
                          "lon": place.lon, "geonames": place.geonames, "names": names},
                         ensure_ascii=False))
        return 0
    print(f"{place.label()}  ({place.id})")
    print(f"  kind {place.kind}, country {place.country or '-'}, parent {place.parent or '-'}")
    if place.lat is not None:
        print(f"  {place.lat}, {place.lon}  GeoNames {place.geonames or '-'}")
    by_lang: dict[str, list[str]] = {}
    for n in place.names:
        years = f" {n.start or ''}–{n.end or ''}" if n.start or n.end else ""
        who = f" used by {', '.join(n.used_by)}" if n.used_by else ""
        by_lang.setdefault(n.lang, []).append(f"    {n.text}  [{n.status}{years}]{who}  {n.source}")
    for lang in by_lang:
        print(f"  {lang}:")
        print("\n".join(by_lang[lang]))
    return 0


def _cmd_normalize(args: argparse.Namespace) -> int:
    for text in args.texts:
        keys = ", ".join(translit_keys(fold(text)))
        print(f"{text}\tnormalized: {normalize(text)}\ttransliteration: {keys}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    gaz = Gazetteer.from_files(*args.files, base=True)
    names = sum(len(p.names) for p in gaz)
    print(f"ok: {len(gaz)} places, {names} names")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    gaz, filters = _gazetteer(args), _filters(args)
    fmt = args.format or ("jsonl" if args.input.endswith((".jsonl", ".ndjson")) else "csv")

    def resolve(text: str) -> Match | None:
        return gaz.resolve(text, **filters)

    @lru_cache(maxsize=CACHE_SIZE)
    def cached(value: str) -> tuple[list[Any], str]:
        return cell(value, resolve, args.label_lang)

    def cells_for(value: Any) -> tuple[list[Any], str]:
        # the whole row tail is cached per distinct string, label included: a country's
        # label is looked up among hundreds of names
        return cached(value) if isinstance(value, str) else cell(value, resolve, args.label_lang)

    counts: Counter[str] = Counter()
    source = _open_in(args.input)
    sink = _open_out(args.output)
    progress = _Progress(source) if sys.stderr.isatty() else None
    try:
        rows = _batch_csv if fmt == "csv" else _batch_jsonl
        for n, status in enumerate(rows(source, sink, args.column, cells_for), 1):
            counts[status] += 1
            if progress is not None and n % 20_000 == 0:
                progress.show(n)
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    total = sum(counts.values())
    resolved = sum(v for k, v in counts.items() if k.startswith("resolved"))
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    end = "\r\033[K" if progress is not None else ""
    print(f"{end}{total} rows, {resolved} resolved, {total - resolved} unresolved ({detail})",
          file=sys.stderr)
    return 0 if resolved == total else 1


def _open_in(path: str) -> IO[str]:
    if path == "-":
        sys.stdin.reconfigure(encoding="utf-8-sig", errors="surrogateescape")  # type: ignore[union-attr]
        return sys.stdin
    try:
        return open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _open_out(path: str) -> IO[str]:
    if path == "-":
        sys.stdout.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


class _Progress:
    """A one-line progress bar on a terminal's stderr: share of the input read, rows, rate."""

    def __init__(self, source: IO[str]) -> None:
        self.raw = getattr(source, "buffer", None)
        try:
            self.size = os.fstat(source.fileno()).st_size if source is not sys.stdin else 0
        except (OSError, ValueError):
            self.size = 0
        self.start = time.perf_counter()

    def show(self, rows: int) -> None:
        rate = rows / max(time.perf_counter() - self.start, 1e-9)
        text = f"{rows:,} rows  {rate:,.0f} rows/s"
        if self.size and self.raw is not None:
            try:
                share = min(self.raw.tell() / self.size, 1.0)
            except (OSError, ValueError):
                share = 0.0
            bar = "#" * int(share * 30)
            text = f"[{bar:<30}] {share:4.0%}  {text}"
        print(f"\r{text}", end="", file=sys.stderr, flush=True)


def _batch_csv(source: IO[str], sink: IO[str], column: str,
               cells_for: Callable[[Any], tuple[list[Any], str]]) -> Iterator[str]:
    import csv

    records = csv_records(source)
    writer = csv.writer(sink, lineterminator="\n")
    header = next(records, None)
    if header is None:
        raise UsageError("the input is empty or its first line is not a CSV header")
    if column not in header:
        raise UsageError(f"no column {column!r}; columns are: {', '.join(header)}")
    records = csv_records(source, width=len(header))
    at = header.index(column)
    writer.writerow([*header, *COLUMNS])
    for row in records:
        if row is None:
            writer.writerow([""] * len(header) + ["", "", "", "", "malformed-row"])
            yield "malformed-row"
            continue
        value = row[at] if at < len(row) else None
        cells, status = cells_for(value)
        writer.writerow([*row, *cells])
        yield status


def _batch_jsonl(source: IO[str], sink: IO[str], column: str,
                 cells_for: Callable[[Any], tuple[list[Any], str]]) -> Iterator[str]:
    for line in source:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError
        except ValueError:
            row, cells, status = {"_raw": line.rstrip("\n")}, ["", "", "", "", "malformed-row"], \
                "malformed-row"
        else:
            cells, status = cells_for(row.get(column))
        row.update(zip(COLUMNS, [c if c != "" else None for c in cells], strict=True))
        sink.write(json.dumps(row, ensure_ascii=False) + "\n")
        yield status
