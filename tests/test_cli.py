"""The `toponyms` command, in-process through main() and once as a real script."""

from __future__ import annotations

import csv
import io
import json
import os
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


OVERLAY = """\
- id: xx-testdistrict-a
  kind: district
  parent: az
  names: [{text: Testdistrict A, lang: en, status: official, source: 'https://example.org/a'}]
- id: xx-testvillage
  kind: village
  parent: az
  parents:
    - {id: xx-testdistrict-a, end: 2023, source: 'https://example.org/law'}
    - {id: az, start: 2023, source: 'https://example.org/law'}
  wikidata: Q4115189
  lat: 40.1
  lon: 46.5
  coords_source: "derived: the centre of the test district"
  names: [{text: Testvillage, lang: en, status: official, source: 'https://example.org/v'}]
"""


def test_show_json_carries_wikidata_parents_and_coords_source(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    code, out, _ = run(capsys, "show", "--json", "--data", str(overlay), "xx-testvillage")
    rec = json.loads(out)
    assert code == 0 and rec["wikidata"] == "Q4115189"
    assert rec["parents"] == [
        {"id": "xx-testdistrict-a", "start": None, "end": 2023,
         "source": "https://example.org/law"},
        {"id": "az", "start": 2023, "end": None, "source": "https://example.org/law"}]
    assert (rec["lat"], rec["lon"], rec["coords_source"]) == (
        40.1, 46.5, "derived: the centre of the test district")
    code, out, _ = run(capsys, "show", "--data", str(overlay), "xx-testvillage")
    assert code == 0 and "Wikidata Q4115189" in out and "parent xx-testdistrict-a –2023" in out
    code, out, _ = run(capsys, "resolve", "--json", "--data", str(overlay), "Testvillage")
    assert json.loads(out)["wikidata"] == "Q4115189"


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
    good = tmp_path / "good.yaml"
    good.write_text("- id: xx-a\n  kind: city\n  names:\n    - {text: A, lang: en,"
                    " status: official, source: 'https://example.org/a'}\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(good))
    assert code == 0 and out.startswith("ok:")
    # the shipped data: tests/test_provenance.py::test_no_copy_sources


def test_validate_reports_a_source_on_a_copy_host_with_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copied = tmp_path / "copied.yaml"
    copied.write_text("- id: xx-a\n  kind: city\n  names:\n    - {text: A, lang: en,"
                      " status: official, source: 'https://en.m.wikipedia.org/wiki/A'}\n",
                      encoding="utf-8")
    code, out, err = run(capsys, "validate", str(copied))
    assert code == 2 and out == ""
    assert "copied.yaml:4: source 'https://en.m.wikipedia.org/wiki/A' is a copy" in err
    assert "1 source(s) on a copy host" in err


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
    for name in ("TOPONYMS_CACHE_DIR", "HOME"):  # the session's index cache: no rebuild
        if name in os.environ:
            env[name] = os.environ[name]
    proc = subprocess.run(
        [sys.executable, "-m", "toponyms", "resolve", "--json", "Степанакерт"],
        capture_output=True, env=env, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["id"] == "az-khankendi"


def test_batch_bad_cells_each_get_a_status_and_the_job_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    big = "y" * 1_000_000
    src.write_bytes(
        b"id,place,note\n"
        b"1,NULL,a\n2,N/A,b\n3,\\N,c\n4,1994,d\n5,3.14,e\n"
        + f"6,{big},f\n".encode()
        + b'7,"bad"quote",g\n'
        + b"8,Baku\n"  # a short row: the column is there
        + b"9\n"  # a row without the column
        + "10,Şuşa,h\n".encode()
        + b'11,"unterminated\n'
    )
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    limit = csv.field_size_limit(2_000_000)  # the output keeps the 1 MB cell
    try:
        rows = list(csv.reader(out.open(encoding="utf-8")))
    finally:
        csv.field_size_limit(limit)
    assert code == 1
    assert rows[0] == ["id", "place", "note", "toponym_id", "toponym_label", "toponym_score",
                       "toponym_method", "toponym_status", "toponym_raw"]
    statuses = [r[-2] for r in rows[1:]]
    assert statuses == ["empty", "empty", "empty", "unresolved", "unresolved", "too-long",
                        "malformed-row", "resolved", "empty", "resolved", "malformed-row"]
    assert rows[8][0] == "8" and rows[8][-6] == "az-baku"
    assert rows[10][-6] == "az-shusha"
    assert rows[7][-1] == '7,"bad"quote",g' and rows[11][-1] == '11,"unterminated'
    assert "11 rows" in err and "malformed-row 2" in err


def test_batch_directory_or_unreadable_input_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "batch", str(tmp_path), "--column", "x")
    assert code == 2 and "cannot read" in err and "Traceback" not in err
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(empty), "--column", "x")
    assert code == 2 and "empty" in err


def test_batch_shows_a_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("place\n" + "Baku\n" * 40_000, encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    assert code == 0 and "rows/s" not in err  # piped: a summary only
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    assert code == 0 and "rows/s" in err and "%" in err and "40000 rows, 40000 resolved" in err


def test_search_table_aligns_wide_characters() -> None:
    from toponyms import search
    from toponyms.output import record as _record
    from toponyms.output import table as _table
    from toponyms.output import width as _width

    records = [_record("阿塞拜疆", m, "zh") for m in search("阿塞拜疆", limit=3)]
    assert any(_width(r["label"]) > len(r["label"]) for r in records)  # wide labels
    lines = _table(records).splitlines()
    assert lines[0].startswith("#  score") and len(lines) == len(records) + 1
    # the kind column starts at the same terminal column on every line, wide labels or not
    starts = {_width(line[: line.index(word)])
              for line, word in zip(lines, ["kind", *(r["kind"] for r in records)], strict=True)}
    assert len(starts) == 1


def test_batch_a_stray_quote_costs_one_row_and_a_bom_is_not_a_column_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes("\ufeffid,place\n1,\"Xankəndi\n2,Ganja\n3,\"Tər\ntər\"\n4,Baku\n".encode())
    out = tmp_path / "out.csv"
    code, _, _ = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert code == 1
    assert [r[-2] for r in rows[1:]] == ["malformed-row", "resolved", "resolved", "resolved"]
    assert rows[1][-1] == '1,"Xankəndi'  # the broken line's text is kept
    assert rows[2][:2] == ["2", "Ganja"] and rows[3][1] == "Tər\ntər"  # a quoted cell may span
    assert rows[4][-6] == "az-baku"


def test_a_closed_pipe_is_quiet_and_exit_0_under_pipefail(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Baku\nGanja\n" * 20_000, encoding="utf-8")  # far more than a pipe holds
    script = f"set -o pipefail; {sys.executable} -m toponyms resolve - < {names} | head -1"
    proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60, check=False)
    assert proc.stderr == b""
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8").startswith("Baku\tBaku\taz-baku")


def test_an_over_long_name_is_marked_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    long = "Ganja" * 200
    code, out, err = run(capsys, "resolve", "Baku", long, "Şuşa")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3 and err == ""
    assert lines[0].split("\t")[2] == "az-baku" and lines[2].split("\t")[2] == "az-shusha"
    assert lines[1] == f"{long}\t-\ttoo-long"
    code, out, _ = run(capsys, "resolve", "--json", "Baku", long, "Şuşa")
    records = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert [r["status"] for r in records] == ["resolved", "too-long", "resolved"]
    assert records[1]["id"] is None and records[1]["query"] == long


def test_resolve_many_gives_none_for_an_over_long_name() -> None:
    import toponyms

    got = toponyms.resolve_many(["Baku", "x" * 501, None, "Ganja"])
    assert [m and m.place.id for m in got] == ["az-baku", None, None, "az-ganja"]
    got = toponyms.resolve_many(["Baku", "x" * 501], country="AZ")
    assert [m and m.place.id for m in got] == ["az-baku", None]


def test_tab_separated_output_escapes_tabs_newlines_and_controls(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "resolve", "a\tb\nc\x1b[31md\\e\u2028f")
    assert code == 1
    assert out == "a\\tb\\nc\\x1b[31md\\\\e\\u2028f\t-\tno match\n"
    code, out, _ = run(capsys, "resolve", "Baku\t")
    assert code == 0 and out.split("\t")[0] == "Baku\\t"


def test_json_output_is_valid_utf8_for_undecodable_arguments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "Gan\udcffja")
    rec = json.loads(out)
    assert code == 1 and rec["query"] == "Gan\ufffdja" and rec["status"] == "invalid-utf8"
    out.encode("utf-8")  # no lone surrogate left


def test_resolve_stdin_is_utf8_whatever_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Füzuli\nДжебраил\n".encode()), encoding="latin-1")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "resolve", "--json", "-")
    assert code == 0
    assert [json.loads(x)["query"] for x in out.splitlines()] == ["Füzuli", "Джебраил"]


@pytest.mark.parametrize("argv, message", [
    (["--country", "ZZZ"], "two letters"),
    (["--country", "ZZ"], "no place in country 'ZZ'"),
    (["--lang", "!!"], "BCP 47"),
    (["--label-lang", "en us"], "BCP 47"),
])
def test_bad_country_or_language_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "resolve", *argv, "Baku")
    assert (code, out) == (2, "") and message in err and "Traceback" not in err


def test_good_country_and_language_codes_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolve", "--json", "--country", "az", "--lang", "ru",
                       "--label-lang", "az", "Гянджа")
    rec = json.loads(out)
    assert code == 0 and (rec["id"], rec["label"]) == ("az-ganja", "Gəncə")


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    import toponyms

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"toponyms {toponyms.__version__}"


def test_every_option_has_help_text() -> None:
    import argparse

    from toponyms.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [f"{name} {'/'.join(action.option_strings) or action.dest}"
               for name, p in sub.choices.items() for action in p._actions
               if not action.help]
    assert missing == []


def test_context_decides_between_same_named_places_in_resolve_and_search(
        capsys: pytest.CaptureFixture[str]) -> None:
    # two villages named Talish; the document's other place (a district, by id or by name)
    # decides, as resolve(context=...) does
    _, plain, _ = run(capsys, "resolve", "Talish")
    assert plain.split("\t")[2] == "az-tartar-talish"
    for where in ("az-agsu-district", "Agsu district"):
        code, out, _ = run(capsys, "resolve", "Talish", "--context", where)
        assert code == 0 and out.split("\t")[2] == "az-agsu-talish", (where, out)
        code, out, _ = run(capsys, "search", "Talish", "--context", where, "--limit", "2")
        assert code == 0 and out.splitlines()[0].split("\t")[2] == "az-agsu-talish"
    code, out, _ = run(capsys, "resolve", "Talish", "--context", "")
    assert code == 0 and out.split("\t")[2] == "az-tartar-talish"  # an empty name: no context
