"""The `toponyms` command, in-process through main() and once as a real script."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from toponyms.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_resolve_prints_one_line_per_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "Xankəndi", "Terter district")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "az-khankendi" in lines[0] and "exact" in lines[0]
    assert "az-tartar-district" in lines[1]


def test_resolve_json_and_exit_code_1_when_some_do_not_resolve(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "Ստեփանակերտ", "Nikol Pashinyan")
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert (first["id"], first["method"], first["matched"], first["lang"]) == (
        "az-khankendi", "exact", "Ստեփանակերտ", "hy")
    assert second["id"] is None and second["query"] == "Nikol Pashinyan"


def test_resolve_reads_names_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Füzuli\n\nДжебраил\n"))
    code, out, _ = run(capsys, "resolve", "--json", "-")
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["az-fuzuli", "az-jabrayil"]


def test_filters_as_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "--kind", "district", "Terter")
    assert code == 0 and json.loads(out)["id"] == "az-tartar-district"
    code, out, _ = run(capsys, "resolve", "--json", "--country", "AM", "Ganja")
    assert code == 1 and json.loads(out)["id"] is None


def test_search_lists_ranked_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "--limit", "2", "Fizuli")
    ids = [json.loads(x)["id"] for x in out.splitlines()]
    assert code == 0 and ids == ["az-fuzuli", "az-fuzuli-district"]


def test_show_lists_names_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "az-khankendi")
    assert code == 0 and "Ստեփանակերտ" in out and "seed:karabakh" in out


def test_unknown_id_is_exit_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "az-nowhere")
    assert code == 2 and out == "" and "no place with id" in err and "Traceback" not in err


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "resolve")
    assert code == 2 and "required" in err
    code, _, err = run(capsys, "resolve", "--kind", "planet", "Ganja")
    assert code == 2 and "known kinds" in err


def test_normalize_shows_both_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "normalize", "Cəbrayıl")
    assert code == 0 and "cəbrayıl" in out and "jabrail" in out


def test_validate_reports_bad_overlay_with_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: xx-a\n  kind: city\n  names:\n    - {text: A, lang: en,"
                   " status: official}\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 2 and "bad.yaml:4" in err and "no source" in err
    code, out, _ = run(capsys, "validate")
    assert code == 0 and out.startswith("ok:")


def test_batch_csv_keeps_every_row_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(
        "id,place\n1,Xankəndi\n2,\n3,Nikol Pashinyan\n4,Xankəndi\n".encode()
        + b"5,Gan\xffja\n"
        + ("6," + "x" * 2000 + "\n").encode()
        + "7,Tərtər rayonu\n".encode()
    )
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    rows = list(csv.DictReader(out.open(encoding="utf-8", errors="surrogateescape")))
    assert code == 1
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [r["toponym_status"] for r in rows] == [
        "resolved", "empty", "unresolved", "resolved", "invalid-utf8", "too-long", "resolved"]
    assert rows[0]["toponym_id"] == rows[3]["toponym_id"] == "az-khankendi"
    assert rows[6]["toponym_id"] == "az-tartar-district"
    assert "7 rows, 3 resolved" in err


def test_batch_jsonl_marks_malformed_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "Füzuli"}\nnot json\n{"name": 42}\n{"other": 1}\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "batch", str(src), "-o", str(out), "--column", "name")
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert [r["toponym_status"] for r in rows] == [
        "resolved", "malformed-row", "unresolved", "empty"]
    assert rows[0]["toponym_id"] == "az-fuzuli"


def test_batch_file_level_errors_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "batch", str(tmp_path / "absent.csv"), "--column", "x")
    assert code == 2 and "cannot read" in err
    src = tmp_path / "in.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(src), "--column", "place")
    assert code == 2 and "no column 'place'" in err


def test_installed_script_runs_under_a_c_locale() -> None:
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C"}
    proc = subprocess.run(
        [sys.executable, "-m", "toponyms", "resolve", "--json", "Степанакерт"],
        capture_output=True, env=env, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["id"] == "az-khankendi"
