"""One cell of a table in, resolution columns out: shared by `toponyms batch` and the
DataFrame helpers, so a CSV file and a pandas column get the same columns and statuses."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from toponyms.model import Match
from toponyms.normalize import MAX_NAME_CHARS

_UNDECODED = re.compile("[\udc80-\udcff]")
#: Cell values that mean "no value" in exported tables (compared case-insensitively).
NULL_MARKERS = frozenset({"null", "none", "nan", "n/a", "na", "nil", "\\n", "#n/a"})
#: The columns added to every row, in order.
COLUMNS = ("toponym_id", "toponym_label", "toponym_score", "toponym_method", "toponym_status")
#: Values of the status column: resolved, ambiguous (resolved, but another place matched as
#: well), unresolved, empty (missing or blank), too-long, invalid-utf8, malformed-row.
STATUSES = ("resolved", "ambiguous", "unresolved", "empty", "too-long", "invalid-utf8",
            "malformed-row")


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
    if _UNDECODED.search(value):  # bytes that were not UTF-8 (read with surrogateescape)
        return ["", "", "", "", "invalid-utf8"], "invalid-utf8"
    if len(value.strip()) > MAX_NAME_CHARS:
        return ["", "", "", "", "too-long"], "too-long"
    match = resolve(value)
    if match is None:
        return ["", "", "", "", "unresolved"], "unresolved"
    return [match.place.id, match.place.label(label_lang), match.score, match.method,
            "ambiguous" if match.ambiguous else "resolved"], f"resolved:{match.method}"
