"""`toponyms batch` under faults: the output is written whole or not at all, the input is never
the output, an interrupt or a write error ends with a summary and no traceback, and no row's
content is lost (malformed rows keep their raw text, JSON output is valid UTF-8)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toponyms.cli import main
from toponyms.gazetteer import Gazetteer


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in `folder` other than `keep`: temporary files a run should not leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_output_that_is_the_input_is_refused_before_anything_is_opened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    text = "id,place\n1,Baku\n"
    src.write_text(text, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(src)
    os.link(src, tmp_path / "hard.csv")
    for out in ("in.csv", "link.csv", "hard.csv", "./in.csv"):
        code, stdout, err = run(capsys, "batch", str(src), "-o", str(tmp_path / out),
                                "--column", "place")
        assert (code, stdout) == (2, "")
        assert "is the input" in err and "Traceback" not in err
        assert src.read_text(encoding="utf-8") == text
    assert leftovers(tmp_path, {"in.csv", "link.csv", "hard.csv"}) == []


def test_a_failed_run_leaves_an_existing_output_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("id,place\n1,Baku\n", encoding="utf-8")
    out.write_text("precious\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "nope")
    assert code == 2 and "no column 'nope'" in err
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert leftovers(tmp_path, {"in.csv", "out.csv"}) == []
    code, _, _ = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    assert code == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("1,Baku,az-baku")


def test_output_through_a_symlink_lands_in_the_linked_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src, real = tmp_path / "in.csv", tmp_path / "real.csv"
    src.write_text("place\nBaku\n", encoding="utf-8")
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(real)
    code, _, _ = run(capsys, "batch", str(src), "-o", str(tmp_path / "link.csv"),
                     "--column", "place")
    assert code == 0 and (tmp_path / "link.csv").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("place,toponym_id")


def test_a_write_error_mid_batch_leaves_no_output_and_says_what_was_done(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("place\n" + "Baku\nGanja\nŞuşa\n" * 10, encoding="utf-8")
    calls = 0
    real = Gazetteer.resolve

    def failing(self: Gazetteer, name: str, **kw: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        return real(self, name, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Gazetteer, "resolve", failing)
    code, _, err = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    assert code == 2 and "No space left on device" in err and "Traceback" not in err
    assert "2 rows" in err and "nothing written" in err
    assert leftovers(tmp_path, {"in.csv"}) == []


def test_a_full_device_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    src = tmp_path / "in.csv"
    src.write_text("place\n" + "Baku\n" * 5000, encoding="utf-8")
    code, _, err = run(capsys, "batch", str(src), "-o", "/dev/full", "--column", "place")
    assert code == 2 and "No space left on device" in err and "Traceback" not in err


def test_ctrl_c_mid_batch_exits_130_with_a_summary_and_no_output(tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    # distinct junk names: each goes through the fuzzy stage, so the run takes minutes
    src.write_text("place\n" + "".join(f"Qarabulaq{i}xz\n" for i in range(300_000)),
                   encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "toponyms", "batch", str(src), "-o", str(out),
         "--column", "place"], stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 30
    while not leftovers(tmp_path, {"in.csv"}) and time.monotonic() < deadline:
        time.sleep(0.02)  # the temporary output file appears once rows are being written
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    text = err.decode("utf-8")
    assert proc.returncode == 130, text
    assert "Traceback" not in text and "interrupted" in text and "nothing written" in text
    assert leftovers(tmp_path, {"in.csv"}) == []


def test_ctrl_c_while_the_data_loads_is_exit_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted() -> Gazetteer:
        raise KeyboardInterrupt

    monkeypatch.setattr(Gazetteer, "default", interrupted)
    code, out, err = run(capsys, "resolve", "Baku")
    assert (code, out, err) == (130, "", "")


def test_ctrl_c_in_a_running_command_is_exit_130_without_a_traceback() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "toponyms", "resolve", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"Baku\n")
    proc.stdin.flush()
    first = proc.stdout.readline()  # started: now waiting for the next name on stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert first.startswith(b"Baku\tBaku\taz-baku")
    assert (proc.returncode, err) == (130, b"")


def test_a_malformed_csv_row_keeps_its_raw_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text('id,place\n1,Baku\n2,"Gan"ja,x\n3,Ganja\n', encoding="utf-8")
    code, _, _ = run(capsys, "batch", str(src), "-o", str(out), "--column", "place")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert code == 1
    assert [r["toponym_status"] for r in rows] == ["resolved", "malformed-row", "resolved"]
    assert rows[1]["toponym_raw"] == '2,"Gan"ja,x'
    assert rows[0]["toponym_raw"] == rows[2]["toponym_raw"] == ""


def test_jsonl_output_is_valid_utf8_and_marks_the_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b'{"name": "Baku"}\n{"name": "Gan\xffja"}\n{"name": "Ganja", "n": "\xfe"}\n'
                    b'{"name": "Ganja", "n": "\\udcff"}\nnot json \xff\n')
    code, _, _ = run(capsys, "batch", str(src), "-o", str(out), "--column", "name")
    data = out.read_bytes()
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]  # strict UTF-8
    assert code == 1
    assert [r["toponym_status"] for r in rows] == [
        "resolved", "invalid-utf8", "invalid-utf8", "invalid-utf8", "malformed-row"]
    assert rows[1]["name"] == "Gan\ufffdja" and rows[2]["n"] == "\ufffd"
    assert rows[4]["toponym_raw"] == "not json \ufffd"


@pytest.mark.parametrize("to_stdout", [False, True])
def test_an_interrupt_in_process_says_where_the_rows_went(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    to_stdout: bool,
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("place\nBaku\nGanja\nŞuşa\nFüzuli\n", encoding="utf-8")
    out.write_text("old\n", encoding="utf-8")
    calls = 0
    real = Gazetteer.resolve

    def interrupted(self: Gazetteer, name: str, **kw: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real(self, name, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Gazetteer, "resolve", interrupted)
    target = "-" if to_stdout else str(out)
    code, stdout, err = run(capsys, "batch", str(src), "-o", target, "--column", "place")
    assert code == 130 and "interrupted; after 2 rows, 2 resolved" in err
    assert out.read_text(encoding="utf-8") == "old\n"
    if to_stdout:
        assert "went to stdout" in err and stdout.startswith("place,toponym_id")
    else:
        assert "nothing written to" in err and stdout == ""
    assert leftovers(tmp_path, {"in.csv", "out.csv"}) == []


def test_ctrl_c_while_the_command_imports_the_package_is_exit_130_without_a_traceback(
) -> None:
    # the installed script, as a user starts it; interrupted at several moments of its start,
    # after Python's own start-up (the first ~30 ms, the script wrapper's `import re`, which is
    # not ours) and while the package and the command import
    script = Path(sys.executable).with_name("toponyms")
    if not script.exists():
        pytest.skip("the toponyms script is not installed beside this Python")
    seen = set()
    for delay in (0.05, 0.08, 0.11, 0.14, 0.18, 0.25, 0.35):
        proc = subprocess.Popen([str(script), "resolve", "Baku"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        if b"Traceback" in err and b"/toponyms/" not in err.replace(b"\\", b"/"):
            continue  # on a busy machine the signal came before any of our code ran
        assert b"Traceback" not in err, (delay, err.decode(errors="replace")[-400:])
        assert proc.returncode in (0, 130), (delay, proc.returncode)
        seen.add(proc.returncode)
    assert 130 in seen  # at least one interrupt landed while the command was starting
