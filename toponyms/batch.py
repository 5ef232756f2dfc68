"""One cell of a table in, resolution columns out: shared by `toponyms batch` and the
DataFrame helpers, so a CSV file and a pandas column get the same columns and statuses; and
a CSV reader that survives broken lines."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from toponyms.keys import MAX_NAME_CHARS
from toponyms.model import Match

#: Longest CSV field read: a 10 MB cell is read (and reported too long), not an error. Set
#: around each parse and restored: the limit is process-wide state of the csv module.
CSV_FIELD_LIMIT = 1 << 26

_UNDECODED = re.compile("[\udc80-\udcff]")
#: Cell values that mean "no value" in exported tables (compared case-insensitively).
NULL_MARKERS = frozenset({"null", "none", "nan", "n/a", "na", "nil", "\\n", "#n/a"})
#: The columns added to every row, in order.
COLUMNS = ("toponym_id", "toponym_label", "toponym_score", "toponym_method", "toponym_status")
#: Values of the status column: resolved, ambiguous (resolved, but another place matched as
#: well), unresolved, empty (missing or blank), too-long, invalid-utf8, malformed-row.
STATUSES = ("resolved", "ambiguous", "unresolved", "empty", "too-long", "invalid-utf8",
            "malformed-row")
#: The column (CSV) or key (JSON lines) of `toponyms batch` holding a malformed row's raw
#: text, so that no row's content is lost; empty (absent) for rows that parsed.
RAW_COLUMN = "toponym_raw"
_MALFORMED = ["", "", "", "", "malformed-row"]
_SURROGATES = re.compile("[\ud800-\udfff]")

Cells = Callable[[Any], tuple[list[Any], str]]


def cell(value: Any, resolve: Callable[[str], Match | None],
         label_lang: str = "en") -> tuple[list[Any], str]:
    """The resolution columns for one cell, and the status for a summary ("resolved:exact").

    Never raises on the value: missing, blank or a null marker ("NULL", "N/A", "\\N", ...),
    non-str (numbers are read as text), over-long or undecodable values each get their own
    status.

    >>> from toponyms import Gazetteer
    >>> cell("Terter", Gazetteer.default().resolve)
    (['az-tartar', 'Tartar', 100.0, 'exact', 'resolved'], 'resolved:exact')
    >>> cell(None, Gazetteer.default().resolve)
    (['', '', '', '', 'empty'], 'empty')
    """
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ["", "", "", "", "empty"], "empty"
    if not isinstance(value, str):
        value = str(value)
    if not value.strip() or (len(value) < 8 and value.strip().lower() in NULL_MARKERS):
        return ["", "", "", "", "empty"], "empty"
    reason = unfit(value)
    if reason is not None:
        return ["", "", "", "", reason], reason
    match = resolve(value)
    if match is None:
        return ["", "", "", "", "unresolved"], "unresolved"
    return [match.place.id, match.place.label(label_lang), match.score, match.method,
            "ambiguous" if match.ambiguous else "resolved"], f"resolved:{match.method}"


def unfit(value: str) -> str | None:
    """Why `value` is not looked up ("invalid-utf8", "too-long"), or None when it can be.

    >>> unfit("Ganja"), unfit("Gan\\udcffja"), unfit("x" * 501)
    (None, 'invalid-utf8', 'too-long')
    """
    if _UNDECODED.search(value):  # bytes that were not UTF-8 (read with surrogateescape)
        return "invalid-utf8"
    if len(value.strip()) > MAX_NAME_CHARS:
        return "too-long"
    return None


#: Most physical lines one quoted CSV cell may span before its opening line counts as broken.
MAX_CELL_LINES = 20


def csv_records(lines: Iterable[str], width: int | None = None) -> Iterator[list[str] | str]:
    """CSV records from physical lines; a line that is not valid CSV comes as its raw text.

    A quoted cell may span lines, as CSV allows, but only when the joined lines parse cleanly
    (strict quoting) into `width` fields, within MAX_CELL_LINES lines. Otherwise the opening
    line alone is reported broken (given back as a str, line ending removed) and reading
    resumes at the next line: one stray quote costs one row, never the rest of the file.

    >>> list(csv_records(['a,b\\n', '1,"x\\n', '2,y\\n', '3,"multi\\n', 'line"\\n'], width=2))
    [['a', 'b'], '1,"x', ['2', 'y'], ['3', 'multi\\nline']]
    """
    source = iter(lines)
    ahead: list[str] = []  # lines read while trying a join, given back when it fails
    while True:
        line = ahead.pop(0) if ahead else next(source, None)
        if line is None:
            return
        row = _parse(line)
        if row is not None:
            yield row
            continue
        joined, taken = line, []
        for _ in range(MAX_CELL_LINES):
            more = ahead.pop(0) if ahead else next(source, None)
            if more is None:
                break
            taken.append(more)
            joined += more
            row = _parse(joined)
            if row is not None and (width is None or len(row) == width):
                break
            row = None
        if row is not None:
            yield row
        else:
            yield line.rstrip("\r\n")
            ahead[:0] = taken


def _parse(text: str) -> list[str] | None:
    """One CSV record, or None when `text` is not exactly one well-quoted record."""
    if '"' not in text:  # no quoting: plain comma-separated fields (the common, fast case)
        text = text.rstrip("\r\n")
        return text.split(",") if text else []
    before = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(before)
    return rows[0] if len(rows) == 1 else [] if not rows else None


def csv_header(source: Iterable[str], column: str) -> tuple[list[str], int]:
    """The CSV header read off `source` and the position of `column` in it; ValueError when
    there is no header or no such column (before anything is written)."""
    header = next(csv_records(source), None)
    if not isinstance(header, list) or not header:
        raise ValueError("the input is empty or its first line is not a CSV header")
    if column not in header:
        raise ValueError(f"no column {column!r}; columns are: {', '.join(header)}")
    return header, header.index(column)


def write_csv(source: Iterable[str], sink: IO[str], column: str, cells_for: Cells
              ) -> Iterator[str]:
    """Copy CSV `source` to `sink` with COLUMNS and RAW_COLUMN added; yield each row's status.

    Raises ValueError before writing anything when there is no header or no such column.
    """
    header, at = csv_header(source, column)
    records = csv_records(source, width=len(header))
    writer = csv.writer(sink, lineterminator="\n")
    writer.writerow([*header, *COLUMNS, RAW_COLUMN])
    for row in records:
        if isinstance(row, str):
            writer.writerow([""] * len(header) + [*_MALFORMED, row])
            yield "malformed-row"
            continue
        cells, status = cells_for(row[at] if at < len(row) else None)
        writer.writerow([*row, *cells, ""])
        yield status


#: The value `json_rows` gives for a line that is not a JSON object.
MALFORMED: Any = object()


def json_rows(source: Iterable[str], column: str) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each non-blank JSON line as (object, its value in `column`); a line that is not a JSON
    object as ({RAW_COLUMN: line}, MALFORMED): one bad line never stops a batch."""
    for line in source:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError
        except ValueError:
            yield {RAW_COLUMN: line.rstrip("\r\n")}, MALFORMED
            continue
        yield row, row.get(column)


def write_jsonl(source: Iterable[str], sink: IO[str], column: str, cells_for: Cells
                ) -> Iterator[str]:
    """Copy JSON lines `source` to `sink` with COLUMNS added; yield each row's status.

    The output is valid UTF-8: a line with bytes that were not UTF-8 (or an escaped lone
    surrogate) is written with U+FFFD in their place and status invalid-utf8. A line that is not
    a JSON object is written as {"toponym_raw": line, ...} with status malformed-row.
    """
    for row, value in json_rows(source, column):
        if value is MALFORMED:
            cells, status = _MALFORMED, "malformed-row"
        else:
            cells, status = cells_for(value)
        row.update(zip(COLUMNS, [c if c != "" else None for c in cells], strict=True))
        text = json.dumps(row, ensure_ascii=False)
        if _SURROGATES.search(text):
            if status != "malformed-row":
                status = "invalid-utf8"
                row.update(zip(COLUMNS, [None, None, None, None, status], strict=True))
                text = json.dumps(row, ensure_ascii=False)
            text = _SURROGATES.sub("\ufffd", text)
        sink.write(text + "\n")
        yield status
