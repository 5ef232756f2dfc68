"""Resolution columns for pandas and Dask DataFrames (`pip install toponyms[pandas]` / `[dask]`).

pandas and Dask are optional: they are imported only when these functions run.

    >>> import pandas as pd
    >>> from toponyms.dataframe import resolve_column
    >>> df = pd.DataFrame({"place": ["Terter", "Ստեփանակերտ", None, "Nikol Pashinyan"]})
    >>> resolve_column(df, "place")[["toponym_id", "toponym_status"]].values.tolist()
    [['az-tartar', 'resolved'], ['az-khankendi', 'resolved'], [None, 'empty'], [None, 'unresolved']]

The added columns are those of `toponyms batch` (toponyms.batch.COLUMNS): id, label, score,
method and status, with the same statuses. Each distinct value is resolved once.

For data beyond one machine, `resolve_dask_column` maps `resolve_column` over the partitions
of a Dask DataFrame. Each worker process builds its gazetteer once (`Gazetteer.default()`, from
the disk cache after the first time) and keeps it for every partition it handles; only the
file paths of a user's own data travel to the workers, never the gazetteer itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from toponyms.batch import COLUMNS, cell
from toponyms.gazetteer import Gazetteer


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("toponyms.dataframe needs pandas: pip install 'toponyms[pandas]'"
                          ) from None
    return pandas


@lru_cache(maxsize=8)
def _gazetteer(paths: tuple[str, ...], world: bool = False) -> Gazetteer:
    """One gazetteer per process, set of data files and scale (the shipped data when empty)."""
    if world:
        return Gazetteer.from_geonames(files=paths)
    return Gazetteer.from_files(*paths) if paths else Gazetteer.default()


def resolve_column(
    df: Any,
    column: str,
    *,
    data: Sequence[str | Path] = (),
    world: bool = False,
    label_lang: str = "en",
    **filters: Any,
) -> Any:
    """A copy of pandas DataFrame `df` with the resolution columns for `df[column]` added.

    `data` names YAML files to use on top of the shipped data (as `--data` does on the command
    line); `world=True` resolves against the world gazetteer (`Gazetteer.from_geonames()`,
    as `--world` does); `filters` are those of `resolve` (country, kind, parent, lang, at,
    min_score). Missing values and blanks get status "empty"; numbers are read as text.
    """
    pd = _pandas()

    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns are: {', '.join(map(str, df.columns))}")
    gaz = _gazetteer(tuple(str(p) for p in data), bool(world))
    gaz._filters(filters.get("country"), filters.get("kind"), filters.get("parent"),
                 filters.get("lang"), filters.get("at"), filters.get("min_score", 85.0))

    def resolve(text: str) -> Any:
        return gaz.resolve(text, **filters)

    codes, uniques = pd.factorize(df[column], use_na_sentinel=True)
    rows = [cell(value, resolve, label_lang)[0] for value in uniques]
    missing = ["", "", "", "", "empty"]
    table = [rows[c] if c >= 0 else missing for c in codes]
    out = df.copy()
    for i, name in enumerate(COLUMNS):
        values = [row[i] if row[i] != "" else None for row in table]
        out[name] = pd.Series(values, index=df.index,
                              dtype="float64" if name == "toponym_score" else "object")
    return out


def resolve_dask_column(
    ddf: Any,
    column: str,
    *,
    data: Sequence[str | Path] = (),
    world: bool = False,
    label_lang: str = "en",
    **filters: Any,
) -> Any:
    """`resolve_column` over every partition of Dask DataFrame `ddf` (lazy, like Dask).

    With `world=True` every worker process loads the world gazetteer from the disk cache once
    (about a second and 0.5-0.9 GB each): build it once beforehand with
    `Gazetteer.from_geonames()` so that the workers do not all build it at the same time.
    """
    pd = _pandas()

    meta = ddf._meta.copy()
    for name in COLUMNS:
        meta[name] = pd.Series(dtype="float64" if name == "toponym_score" else "object")
    paths = tuple(str(Path(p).resolve()) for p in data)
    return ddf.map_partitions(resolve_column, column, data=paths, world=world,
                              label_lang=label_lang, meta=meta, **filters)
