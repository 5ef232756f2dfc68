"""The `toponyms` command: look-ups at the shell and batch jobs over CSV / JSON lines.

Exit codes: 0 every name resolved, 1 some did not, 2 usage or data error (message on stderr,
never a traceback), 130 interrupted (Ctrl-C). A closed pipe (`toponyms ... | head -1`) ends the
command quietly with 0: the reader wanted no more. Tab-separated output escapes tabs, newlines,
backslashes and control characters (toponyms.output.field); JSON output is valid UTF-8.

argparse keeps start-up fast: a richer CLI library would add tens of milliseconds to each start.
"""

from __future__ import annotations

from toponyms import _quit_if_the_command_was_interrupted

try:  # Ctrl-C while the command imports: one line and exit 130, not a traceback
    import argparse
    import logging
    import os
    import sys
    from collections import Counter
    from collections.abc import Iterable, Iterator
    from functools import lru_cache
    from typing import IO, Any

    from toponyms import cliargs, output
    from toponyms.batch import cell, unfit, write_csv, write_jsonl
    from toponyms.gazetteer import Gazetteer
    from toponyms.geojson import features_or_none, write_geojson
    from toponyms.keys import fold, normalize, translit_keys
    from toponyms.load import yaml_files
    from toponyms.model import DataError, Match, Place, data_dir
    from toponyms.output import AtomicOutput, Progress, field, json_line, line, record, same_file
    from toponyms.provenance import copy_sources
except KeyboardInterrupt:
    _quit_if_the_command_was_interrupted()
    raise

CACHE_SIZE = 100_000


class UsageError(Exception):
    """A problem with the command line or an input file: exit code 2."""


def run() -> None:
    """The `toponyms` command: `main`, then exit without tearing down the interpreter.

    Freeing the ~100,000 objects of a loaded gazetteer one by one takes longer than a lookup;
    the process is ending anyway, so the output is flushed and the process exits at once.
    """
    code = 130
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except KeyboardInterrupt:
        code = 130
    except (BrokenPipeError, ValueError):  # the reader left: quiet, as while running
        code = 0 if code in (0, 1) else code
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (see module docstring)."""
    try:
        parser = _parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse already printed its message
            return 0 if exc.code == 0 else 2
        _reconfigure_streams()
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except (UsageError, DataError, KeyError, ValueError, TypeError, ImportError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"toponyms: {message}", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """After a closed pipe: send further output (the final flush too) to /dev/null, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a file (tests capture it)
        pass


def _reconfigure_streams() -> None:
    # Armenian, Cyrillic or Arabic output must not fail under a C/POSIX locale
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


def _parser() -> argparse.ArgumentParser:
    return cliargs.parser({
        "resolve": _cmd_resolve, "search": _cmd_search, "extract": _cmd_extract,
        "show": _cmd_show, "normalize": _cmd_normalize, "batch": _cmd_batch,
        "validate": _cmd_validate})


# helpers --------------------------------------------------------------------------------------
def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    if args.world or args.geonames or args.alternate_names:
        if sys.stderr.isatty():
            logging.basicConfig(level=logging.INFO, format="toponyms: %(message)s")
        return Gazetteer.from_geonames(args.geonames, args.alternate_names, cities=args.world,
                                       files=args.data)
    return Gazetteer.from_files(*args.data) if args.data else Gazetteer.default()


def _filters(args: argparse.Namespace, gaz: Gazetteer) -> dict[str, Any]:
    """The look-up filters, checked once against `gaz` before any name is looked up."""
    if args.country and not any(place.country == args.country for place in gaz):
        raise UsageError(f"no place in country {args.country!r} in the data "
                         "(an ISO 3166-1 alpha-2 code, e.g. AZ)")
    out: dict[str, Any] = {
        "country": args.country, "kind": args.kind, "parent": args.parent, "lang": args.lang,
        "at": args.at,
    }
    if args.min_score is not None:
        out["min_score"] = args.min_score
    gaz._filters(out["country"], out["kind"], out["parent"], out["lang"], out["at"],
                 out.get("min_score", 85.0))
    return out


def _stdin() -> IO[str]:
    """stdin as UTF-8 whatever the locale (a BOM skipped; bad bytes kept as surrogates)."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8-sig", errors="surrogateescape")
    return sys.stdin


def _names(items: Iterable[str]) -> Iterator[str]:
    for item in items:
        if item == "-":
            for text in _stdin():
                if text.strip():
                    yield text.rstrip("\r\n")
        else:
            yield item


def _open_in(path: str) -> IO[str]:
    if path == "-":
        return _stdin()
    try:
        return open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


# commands -------------------------------------------------------------------------------------
def _cmd_resolve(args: argparse.Namespace) -> int:
    gaz = _gazetteer(args)
    filters = _filters(args, gaz)
    missing = 0
    with features_or_none(args.format, sys.stdout) as features:
        for query in _names(args.names):
            reason = unfit(query)  # one bad name is marked, never the end of the run
            match = None if reason else gaz.resolve(query, demonyms=args.demonyms,
                                                    context=args.context, **filters)
            missing += match is None
            rec = record(query, match, args.label_lang, reason)
            if features is not None:
                features.add(match.place if match else None, rec)
            else:
                print(json_line(rec) if _json(args) else line(rec), flush=True)
    return 1 if missing else 0


def _json(args: argparse.Namespace) -> bool:
    return bool(args.json) or args.format == "json"


def _cmd_search(args: argparse.Namespace) -> int:
    gaz = _gazetteer(args)
    filters = _filters(args, gaz)
    found = gaz.search(args.name, limit=args.limit, context=args.context, **filters)
    records = [record(args.name, match, args.label_lang) for match in found]
    if found and not args.json and sys.stdout.isatty():
        print(output.table(records))  # aligned columns for a person; tab-separated lines for pipes
        return 0
    for rec in records:
        print(json_line(rec) if args.json else line(rec))
    if not found and not args.json:
        print(line(record(args.name, None, args.label_lang)))
    return 0 if found else 1


def _cmd_extract(args: argparse.Namespace) -> int:
    gaz = _gazetteer(args)
    filters = _filters(args, gaz)
    source = _open_in(args.input)
    try:
        text = source.read()
    finally:
        if source is not sys.stdin:
            source.close()
    mentions = gaz.extract(text, demonyms=args.demonyms, **filters)
    with features_or_none(args.format, sys.stdout) as features:
        for m in mentions:
            rec = {"start": m.start, "end": m.end, **record(m.text, m.match, args.label_lang)}
            rec["text"] = rec.pop("query")
            if features is not None:
                features.add(m.match.place, rec)
            elif _json(args):
                print(json_line(rec))
            else:
                print(f"{m.start}\t{m.end}\t{field(m.text)}\t{field(rec['label'])}"
                      f"\t{rec['id']}\t{rec['kind']}\t{rec['score']:.1f}"
                      + ("\tambiguous" if m.match.ambiguous else ""))
    return 0 if mentions else 1


def _cmd_show(args: argparse.Namespace) -> int:
    place: Place = _gazetteer(args).get(args.place_id)
    print(json_line(output.place_record(place)) if args.json else output.place_text(place))
    return 0


def _cmd_normalize(args: argparse.Namespace) -> int:
    for text in args.texts:
        keys = ", ".join(translit_keys(fold(text)))
        print(f"{field(text)}\tnormalized: {field(normalize(text))}\t"
              f"transliteration: {field(keys)}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    gaz = Gazetteer.from_files(*args.files, base=True)
    files = yaml_files(args.files) if args.files else sorted(
        (data_dir() / "places").glob("*.yaml"))
    copies = copy_sources(files)  # the schema is checked by loading; sources of record here
    for err in copies:
        print(f"toponyms: {err}", file=sys.stderr)
    if copies:
        print(f"toponyms: {len(copies)} source(s) on a copy host of data/sources.yaml",
              file=sys.stderr)
        return 2
    names = sum(len(p.names) for p in gaz)
    print(f"ok: {len(gaz)} places, {names} names")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    if (args.output != "-" and same_file(args.input, args.output)) or (
            args.output == "-" and args.input != "-" and same_file(args.input, "-")):
        raise UsageError(f"the output {args.output} is the input {args.input}: "
                         "choose another output file")
    source = _open_in(args.input)
    try:
        return _batch(args, source)
    finally:
        if source is not sys.stdin:
            source.close()


def _batch(args: argparse.Namespace, source: IO[str]) -> int:
    gaz = _gazetteer(args)
    filters = _filters(args, gaz)
    named = "jsonl" if args.input.endswith((".jsonl", ".ndjson")) else "csv"
    fmt = args.format or named

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
    progress = Progress(source) if sys.stderr.isatty() else None
    clear = "\r\033[K" if progress is not None else ""  # the progress line, if any
    try:
        out = AtomicOutput(args.output) if args.output != "-" else None
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
    if out is None:
        sys.stdout.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
    try:
        sink = out.file if out is not None else sys.stdout
        if fmt == "geojson":
            statuses = write_geojson(source, sink, args.column, cells_for, gaz.get,
                                     jsonl=named == "jsonl")
        else:
            statuses = (write_csv if fmt == "csv" else write_jsonl)(
                source, sink, args.column, cells_for)
        for n, status in enumerate(statuses, 1):
            counts[status] += 1
            if progress is not None and n % 20_000 == 0:
                progress.show(n)
        if out is not None:
            out.commit()
    except (KeyboardInterrupt, OSError) as exc:
        if out is not None:
            out.discard()
        if isinstance(exc, BrokenPipeError):
            raise
        stopped = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"stopped: {exc}"
        where = ("the rows before went to stdout" if out is None else
                 f"nothing written to {args.output}" if out.atomic else
                 f"{args.output} holds the rows before")
        print(f"{clear}toponyms: {stopped}; after {output.summary(counts)}: {where}",
              file=sys.stderr)
        return 130 if isinstance(exc, KeyboardInterrupt) else 2
    except BaseException:
        if out is not None:
            out.discard()
        raise
    print(f"{clear}{output.summary(counts)}", file=sys.stderr)
    return 0 if all(status.startswith("resolved") for status in counts) else 1
