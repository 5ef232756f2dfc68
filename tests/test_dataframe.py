"""pandas and Dask: resolution columns added in order, the gazetteer built once per worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from toponyms.batch import COLUMNS

pd = pytest.importorskip("pandas")


def test_resolve_column_keeps_rows_in_order_with_a_status_each() -> None:
    from toponyms.dataframe import resolve_column

    values = ["Xankəndi", "Terter district", None, float("nan"), "", "   ", 1994,
              "x" * 1_000_000, "bad \udcff byte", "Nikol Pashinyan", "Xankəndi", "Vang"]
    df = pd.DataFrame({"place": values, "n": range(len(values))}, index=range(100, 112))
    out = resolve_column(df, "place")
    assert list(out.index) == list(df.index) and list(out["n"]) == list(df["n"])
    assert list(out.columns) == ["place", "n", *COLUMNS]
    assert list(out["toponym_status"]) == [
        "resolved", "resolved", "empty", "empty", "empty", "empty", "unresolved", "too-long",
        "invalid-utf8", "unresolved", "resolved", "ambiguous"]
    assert out["toponym_id"].iloc[0] == out["toponym_id"].iloc[10] == "az-khankendi"
    assert out["toponym_id"].iloc[1] == "az-tartar-district"
    assert out["toponym_score"].dtype == "float64" and out["toponym_score"].iloc[0] == 100.0
    assert out["toponym_id"].iloc[2] is None
    assert "toponym_id" not in df.columns  # the input is not changed


def test_resolve_column_filters_data_and_errors(tmp_path: Path) -> None:
    from toponyms.dataframe import resolve_column

    df = pd.DataFrame({"place": ["Chinarli", "Ganja"]})
    assert list(resolve_column(df, "place", country="AM")["toponym_id"]) == \
        ["am-tavush-chinari", None]
    assert list(resolve_column(df, "place", label_lang="az")["toponym_label"])[1] == "Gəncə"
    overlay = tmp_path / "mine.yaml"
    overlay.write_text("- id: xx-chinarli-farm\n  kind: village\n  country: AZ\n"
                       "  parent: az-khojavend-district\n  names:\n"
                       "    - {text: Chinarli Farm, lang: en, status: official,"
                       " source: 'https://example.org'}\n", encoding="utf-8")
    mine = resolve_column(pd.DataFrame({"place": ["Chinarli Farm"]}), "place", data=[overlay])
    assert list(mine["toponym_id"]) == ["xx-chinarli-farm"]
    with pytest.raises(KeyError, match="no column 'where'"):
        resolve_column(df, "where")
    with pytest.raises(ValueError, match="unknown kind"):
        resolve_column(df, "place", kind="planet")


def test_dask_over_a_multi_file_csv_on_a_local_cluster(tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    from toponyms.dataframe import _gazetteer, resolve_column, resolve_dask_column

    names = ["Xankəndi", "Ստեփանակերտ", "Tartar", "Fizuli", "", "Ilham Aliyev", "Kirovabad"]
    for part in range(6):
        rows = [names[(part + i) % len(names)] for i in range(40)]
        pd.DataFrame({"id": range(part * 40, part * 40 + 40), "place": rows}).to_csv(
            tmp_path / f"part-{part}.csv", index=False)
    expected = resolve_column(
        pd.concat([pd.read_csv(tmp_path / f"part-{p}.csv", keep_default_na=False,
                               dtype={"place": str}) for p in range(6)]), "place")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        ddf = dd.read_csv(str(tmp_path / "part-*.csv"), keep_default_na=False,
                          dtype={"place": str})
        assert ddf.npartitions == 6
        out = resolve_dask_column(ddf, "place").compute().sort_values("id")
        builds = client.run(lambda: _gazetteer.cache_info().misses)
    assert list(out["toponym_id"]) == list(expected["toponym_id"])
    assert list(out["toponym_status"]) == list(expected["toponym_status"])
    assert sorted(builds.values()) <= [1, 1] and sum(builds.values()) >= 1  # once per worker
