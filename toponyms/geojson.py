"""GeoJSON output (RFC 7946) for `toponyms resolve | extract | batch --format geojson`.

One FeatureCollection per run, written as it goes (a batch of a million rows is never held in
memory) and valid JSON whatever happens: no features, no coordinates, lone surrogates in the
input (written as U+FFFD). Each Feature's geometry is a Point ``[lon, lat]`` when the place has
coordinates, else ``null`` (a valid GeoJSON Feature: a map shows what it can, a table keeps
every row). Properties: the fields of a JSON line (id, label, kind, country, score, method,
matched, lang, status, and query, or text, start and end for `extract`); a batch row's own
fields come first, under their column names.

>>> import io, json
>>> out = io.StringIO()
>>> with FeatureWriter(out) as w:
...     w.add(None, {"query": "Atlantis", "id": None})
>>> json.loads(out.getvalue())["features"][0]["geometry"] is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from toponyms.batch import (
    COLUMNS,
    MALFORMED,
    RAW_COLUMN,
    Cells,
    csv_header,
    csv_records,
    json_rows,
)
from toponyms.output import json_line

if TYPE_CHECKING:
    from toponyms.model import Place


def geometry(place: Place | None) -> dict[str, Any] | None:
    """A Point at the place's coordinates ([lon, lat], as GeoJSON orders them), or None."""
    if place is None or place.lat is None or place.lon is None:
        return None
    return {"type": "Point", "coordinates": [place.lon, place.lat]}


def feature(place: Place | None, properties: Mapping[str, Any]) -> dict[str, Any]:
    """One GeoJSON Feature: `place`'s point (or a null geometry) and `properties`."""
    return {"type": "Feature", "geometry": geometry(place), "properties": dict(properties)}


class FeatureWriter:
    """A FeatureCollection streamed to `sink`: the opening on entry, one feature per `add`,
    the closing on exit (also after an error, so what was written stays valid JSON)."""

    def __init__(self, sink: IO[str]) -> None:
        self.sink = sink
        self.count = 0

    def __enter__(self) -> FeatureWriter:
        self.sink.write('{"type": "FeatureCollection", "features": [')
        return self

    def add(self, place: Place | None, properties: Mapping[str, Any]) -> None:
        """Write one feature (see `feature`)."""
        self.sink.write((",\n" if self.count else "\n") + json_line(feature(place, properties)))
        self.count += 1

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.sink.write("\n]}\n")


@contextmanager
def features_or_none(fmt: str | None, sink: IO[str]) -> Iterator[FeatureWriter | None]:
    """A FeatureWriter on `sink` when `fmt` is "geojson", else None (the command's other
    formats)."""
    if fmt != "geojson":
        yield None
        return
    with FeatureWriter(sink) as writer:
        yield writer


def write_geojson(source: Iterable[str], sink: IO[str], column: str, cells_for: Cells,
                  place_of: Callable[[str], Place | None], *, jsonl: bool) -> Iterator[str]:
    """`toponyms batch --format geojson`: every row of CSV or JSON-lines `source` as a Feature
    (the row's fields, `query` and the resolution fields id, label, kind, score, method,
    status); yield each row's status, as write_csv does.

    `place_of` maps a resolved id to its place (coordinates and kind). Raises ValueError
    before writing anything when a CSV input has no header or no such column.
    """
    rows = json_rows(source, column) if jsonl else _csv_rows(source, column)
    first = next(rows, None)  # a CSV input without the column fails here, before any output
    with FeatureWriter(sink) as out:
        for row, value in chain([first] if first is not None else [], rows):
            if value is MALFORMED:
                cells, status = ["", "", "", "", "malformed-row"], "malformed-row"
            else:
                cells, status = cells_for(value)
            found = dict(zip(COLUMNS, cells, strict=True))
            pid = found["toponym_id"] or None
            place = place_of(pid) if pid else None
            out.add(place, {
                **row, "query": None if value is MALFORMED else value, "id": pid,
                "label": found["toponym_label"] or None,
                "kind": place.kind if place is not None else None,
                "score": found["toponym_score"] if pid else None,
                "method": found["toponym_method"] or None, "status": found["toponym_status"]})
            yield status


def _csv_rows(source: Iterable[str], column: str) -> Iterator[tuple[dict[str, Any], Any]]:
    header, at = csv_header(source, column)
    for row in csv_records(source, width=len(header)):
        if isinstance(row, str):
            yield {RAW_COLUMN: row}, MALFORMED
            continue
        yield dict(zip(header, row, strict=False)), row[at] if at < len(row) else None
