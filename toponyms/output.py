"""What the `toponyms` command writes: records, tab-separated lines, JSON lines, tables, and
output files that appear whole or not at all.

Kept apart from cli.py so that the command's options and its output formats can be read (and
changed) separately. Imports nothing heavy: the command starts fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import time
import unicodedata
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toponyms.model import Match, Place

# tab-separated fields --------------------------------------------------------------------------
#: Characters a tab-separated field cannot carry as they are: the backslash (the escape itself),
#: C0 and C1 controls (tab, newline, terminal escapes), line and paragraph separators (a line
#: break to some readers) and lone surrogates (bytes that were not UTF-8).
_UNSAFE = re.compile("[\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: Lone surrogates: undecodable input bytes (U+DC80-U+DCFF) or escaped halves in JSON.
SURROGATES = re.compile("[\ud800-\udfff]")


def _escape(found: re.Match[str]) -> str:
    ch = found.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, read with surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def field(text: str) -> str:
    """`text` safe for one tab-separated field: backslash escapes as in C and Python.

    >>> field("a\\tb\\x1b[0m")
    'a\\\\tb\\\\x1b[0m'
    """
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def tsv(*cells: object) -> str:
    """One tab-separated line of `cells`, each escaped by `field`."""
    return "\t".join(field(str(c)) for c in cells)


# records and JSON ------------------------------------------------------------------------------
def record(query: str, match: Match | None, label_lang: str,
           status: str | None = None) -> dict[str, Any]:
    """The fields printed for one query: a match's, or Nones and why (`status`)."""
    if match is None:
        return {"query": query, "id": None, "label": None, "kind": None, "country": None,
                "wikidata": None, "score": None, "method": None, "matched": None, "lang": None,
                "status": status or "unresolved"}
    place = match.place
    return {"query": query, "id": place.id, "label": place.label(label_lang), "kind": place.kind,
            "country": place.country, "wikidata": place.wikidata, "score": match.score,
            "method": match.method, "matched": match.name.text, "lang": match.name.lang,
            "status": "ambiguous" if match.ambiguous else "resolved",
            **({"ambiguous": True} if match.ambiguous else {}),
            **({"part": match.part} if match.part is not None else {})}


def json_line(obj: object) -> str:
    """`obj` as one line of JSON that is valid UTF-8: a lone surrogate becomes U+FFFD."""
    text = json.dumps(obj, ensure_ascii=False)
    return SURROGATES.sub("\ufffd", text) if SURROGATES.search(text) else text


def line(rec: dict[str, Any]) -> str:
    """A record as one tab-separated line (the default output of `resolve` and `search`)."""
    if rec["id"] is None:
        status = rec.get("status", "unresolved")
        return tsv(rec["query"], "-", "no match" if status == "unresolved" else status)
    return tsv(rec["query"], rec["label"], rec["id"], rec["kind"], rec["country"] or "-",
               f"{rec['score']:.1f}", rec["method"], f"{rec['matched']} [{rec['lang']}]",
               *(["ambiguous: another place matches as well (toponyms search)"]
                 if rec.get("ambiguous") else []))


def width(text: str) -> int:
    """Terminal columns of `text`: wide (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(records: list[dict[str, Any]]) -> str:
    """Search results as an aligned table with a header (control characters escaped)."""
    head = ["#", "score", "method", "id", "label", "kind", "country", "matched"]
    rows = [[str(i), f"{r['score']:.1f}", r["method"], r["id"], r["label"], r["kind"],
             r["country"] or "-", f"{r['matched']} [{r['lang']}]"
             + (" (ambiguous)" if r.get("ambiguous") else "")]
            for i, r in enumerate(records, 1)]
    rows = [[field(c) for c in row] for row in rows]
    widths = [max(width(row[c]) for row in [head, *rows]) for c in range(len(head))]
    return "\n".join("  ".join(cell + " " * (widths[c] - width(cell))
                                for c, cell in enumerate(row)).rstrip()
                      for row in [head, *rows])


def summary(counts: Mapping[str, int]) -> str:
    """A batch's statuses counted, for stderr.

    >>> summary({"resolved:exact": 10, "empty": 1, "unresolved": 1})
    '12 rows, 10 resolved, 2 unresolved (empty 1, resolved:exact 10, unresolved 1)'
    """
    total = sum(counts.values())
    resolved = sum(v for k, v in counts.items() if k.startswith("resolved"))
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    return f"{total} rows, {resolved} resolved, {total - resolved} unresolved ({detail})"


# files -----------------------------------------------------------------------------------------
def same_file(a: str, b: str) -> bool:
    """Whether paths `a` and `b` ('-': stdin / stdout) name one file, through any link."""
    try:
        first = os.fstat(sys.stdin.fileno()) if a == "-" else os.stat(a)
        second = os.fstat(sys.stdout.fileno()) if b == "-" else os.stat(b)
    except (OSError, ValueError, AttributeError):  # absent, or a stream without a file
        return False
    if not stat.S_ISREG(first.st_mode):  # a terminal or pipe on both sides is no clash
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


class AtomicOutput:
    """A text file written under a temporary name beside `path`, renamed over it by `commit`.

    Until `commit`, whatever was at `path` stays as it was; `discard` (on an error or Ctrl-C)
    removes the temporary file, so a failed run leaves no partial output. A symbolic link is
    followed (the file it points to is replaced); a path that is not a regular file (a device
    such as /dev/null, a named pipe) is written directly, since it cannot be replaced.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.target = os.path.realpath(path)
        try:
            mode: int | None = os.stat(self.target).st_mode
        except FileNotFoundError:
            mode = None
        self.temp: str | None = None
        #: Whether the output appears whole or not at all (False for a device or a pipe).
        self.atomic = mode is None or stat.S_ISREG(mode)
        if mode is not None and not stat.S_ISREG(mode):
            self.file: IO[str] = open(self.target, "w", encoding="utf-8",  # noqa: SIM115
                                      errors="surrogateescape", newline="")
            return
        folder, name = os.path.split(self.target)
        self.temp = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
        try:
            if mode is not None:
                os.chmod(fd, stat.S_IMODE(mode))  # replacing a file keeps its permissions
            self.file = open(fd, "w", encoding="utf-8", errors="surrogateescape",  # noqa: SIM115
                             newline="")
        except BaseException:
            os.close(fd)
            os.unlink(self.temp)
            raise

    def commit(self) -> None:
        """Flush, sync and rename into place: `path` now holds the whole output."""
        self.file.flush()
        if self.temp is not None:
            os.fsync(self.file.fileno())
        self.file.close()
        if self.temp is not None:
            os.replace(self.temp, self.target)
            self.temp = None

    def discard(self) -> None:
        """Close and remove the temporary file (never raises)."""
        with contextlib.suppress(OSError):
            self.file.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


class Progress:
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


# a place (`toponyms show`) ------------------------------------------------------------------
def place_record(place: Place) -> dict[str, Any]:
    """Everything the data says about a place, as JSON-ready values (`show --json`)."""
    names = [{"text": n.text, "lang": n.lang, "status": n.status, "start": n.start,
              "end": n.end, "used_by": list(n.used_by), "source": n.source,
              "dates_source": n.dates_source or None}
             for n in place.names]
    parents = [{"id": s.id, "start": s.start, "end": s.end, "source": s.source}
               for s in place.parents]
    return {"id": place.id, "label": place.label(), "kind": place.kind,
            "country": place.country, "parent": place.parent, "parents": parents,
            "lat": place.lat, "lon": place.lon,
            "coords_source": place.coords_source if place.lat is not None else None,
            "geonames": place.geonames, "wikidata": place.wikidata, "names": names}


def place_text(place: Place) -> str:
    """A place for reading (`show`): its facts, then its names by language with sources."""
    lines = [f"{place.label()}  ({place.id})",
             f"  kind {place.kind}, country {place.country or '-'}, parent {place.parent or '-'}"]
    lines += [f"    parent {s.id} {s.start or ''}–{s.end or ''}  {s.source}"
              for s in place.parents]
    if place.lat is not None:
        lines.append(f"  {place.lat}, {place.lon}  ({place.coords_source})")
    lines.append(f"  GeoNames {place.geonames or '-'}, Wikidata {place.wikidata or '-'}")
    by_lang: dict[str, list[str]] = {}
    for n in place.names:
        years = f" {n.start or ''}–{n.end or ''}" if n.start or n.end else ""
        if n.dates_source:
            years += f" (years: {n.dates_source})"
        who = f" used by {', '.join(n.used_by)}" if n.used_by else ""
        by_lang.setdefault(n.lang, []).append(f"    {n.text}  [{n.status}{years}]{who}  {n.source}")
    for lang, entries in by_lang.items():
        lines += [f"  {lang}:", *entries]
    return "\n".join(lines)
