"""The command line's arguments: the `toponyms` parser and the checks of its values (ISO
country codes, BCP 47 tags, counts), so that a bad value is a usage error (exit 2) before any
data loads. The commands themselves are in toponyms.cli."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Mapping

from toponyms import __version__

_COUNTRY = re.compile("[A-Za-z]{2}")
_LANG = re.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def _country(value: str) -> str:
    if not _COUNTRY.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{value!r}: expected an ISO 3166-1 alpha-2 code, two letters such as AZ")
    return value.upper()


def _language(value: str) -> str:
    if not _LANG.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{value!r}: expected a BCP 47 language tag such as hy, az-Cyrl or zh-Hant")
    return value


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: expected a whole number from 1")
    return int(value)


def parser(commands: Mapping[str, Callable[[argparse.Namespace], int]]) -> argparse.ArgumentParser:
    """The `toponyms` argument parser; `commands` maps each subcommand to the function that
    runs it (toponyms.cli)."""
    top = argparse.ArgumentParser(
        prog="toponyms", description="Resolve place names in any language or script to IDs.",
        epilog="Exit codes: 0 all resolved, 1 some not, 2 usage or data error, 130 interrupted.")
    top.add_argument("--version", action="version", version=f"toponyms {__version__}",
                        help="print the version and exit")
    sub = top.add_subparsers(dest="command", required=True)

    def filtered(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--country", type=_country, help="ISO 3166-1 alpha-2 code, e.g. AZ")
        p.add_argument("--kind", help="kind of place, e.g. district (see data/kinds.yaml)")
        p.add_argument("--parent", help="id of a containing place, e.g. az-karabakh")
        p.add_argument("--lang", type=_language,
                       help="only names in this language (BCP 47), e.g. hy")
        p.add_argument("--at", type=int, metavar="YEAR", help="a year: prefer names in use then")
        p.add_argument("--min-score", type=float, default=None,
                       help="lowest score to accept, 0-100 (default 85; search: 60)")
        data(p)
        p.add_argument("--label-lang", type=_language, default="en",
                       help="language of displayed labels (BCP 47, default en)")
        world(p)
        return p

    def data(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", action="append", default=[], metavar="FILE",
                       help="a YAML place file to add on top of the shipped data (repeatable)")

    def world(p: argparse.ArgumentParser) -> None:
        p.add_argument("--world", action="store_true",
                       help="add GeoNames' 235,000 cities (needs toponyms[world]; the first run "
                            "builds an index of ~20 s, cached after)")
        p.add_argument("--geonames", metavar="FILE",
                       help="a GeoNames dump file (allCountries.txt, AZ.txt, cities500.zip, ...) "
                            "added to the shipped data (with --world: to the world)")
        p.add_argument("--alternate-names", metavar="FILE",
                       help="GeoNames alternateNamesV2.txt (or .zip), with --geonames or --world")

    def as_json(p: argparse.ArgumentParser, geojson: bool = False) -> None:
        p.add_argument("--json", action="store_true", help="JSON lines instead of tab-separated")
        if geojson:
            p.add_argument("--format", choices=("tsv", "json", "geojson"), default=None,
                           help="tsv (default), json (= --json: JSON lines) or geojson (one "
                                "FeatureCollection; a Point where the place has coordinates)")

    def demonyms(p: argparse.ArgumentParser) -> None:
        p.add_argument("--demonyms", action="store_true",
                       help="a demonym (\"Armenian\") names its country, method demonym "
                            "(data/demonyms.yaml; off by default: a demonym is not a place)")

    def context(p: argparse.ArgumentParser) -> None:
        p.add_argument("--context", action="append", default=None, metavar="PLACE",
                       help="another place of the same document, a name or an id "
                            "(repeatable): among candidates within a few points of the best, "
                            "the one closest to them wins (toponyms.context)")

    p = filtered("resolve", "Resolve each NAME (or '-' for names on stdin, one per line).")
    p.add_argument("names", nargs="+", metavar="NAME", help="a place name, or '-' for stdin")
    as_json(p, geojson=True)
    demonyms(p)
    context(p)
    p.set_defaults(run=commands["resolve"])

    p = filtered("search", "Ranked candidates for NAME.")
    p.add_argument("name", metavar="NAME", help="a place name")
    p.add_argument("--limit", type=_positive, default=10, help="most candidates (default 10)")
    as_json(p)
    context(p)
    p.set_defaults(run=commands["search"])

    p = filtered("extract", "Place mentions in running text (FILE, or '-' / nothing: stdin).")
    p.add_argument("input", nargs="?", default="-", metavar="FILE",
                   help="a UTF-8 text file, or '-' for stdin (the default)")
    as_json(p, geojson=True)
    demonyms(p)
    p.set_defaults(run=commands["extract"])

    p = sub.add_parser("show", help="A place and every name, with sources.")
    p.add_argument("place_id", metavar="ID", help="a place id, e.g. az-khankendi")
    data(p)
    as_json(p)
    world(p)
    p.set_defaults(run=commands["show"])

    p = sub.add_parser("normalize", help="The match keys of TEXT, to debug why names meet.")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="a name to show the keys of")
    p.set_defaults(run=commands["normalize"])

    p = filtered("batch", "Add resolution columns to every row of a CSV or JSON-lines file.")
    p.add_argument("input", metavar="IN", help="input file, or '-' for stdin")
    p.add_argument("-o", "--output", default="-",
                   help="output file (default stdout), written whole or not at all")
    p.add_argument("--column", required=True, help="the column (CSV) or key (JSONL) to resolve")
    p.add_argument("--format", choices=("csv", "jsonl", "geojson"),
                   help="default: from the file name (geojson: one FeatureCollection, a "
                        "Feature per row; the input's format from its name)")
    p.set_defaults(run=commands["batch"])

    p = sub.add_parser("validate", help="Check the shipped data or YAML overlay files.")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="YAML overlay files (none: the shipped data)")
    p.set_defaults(run=commands["validate"])
    return top


__all__ = ["parser"]
