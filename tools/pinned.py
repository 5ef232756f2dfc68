"""What the build tools share about their inputs: the vendored tables in tools/inputs/ and the
pinned files they read from a downloaded package (checked by sha256, so another version is
refused rather than read)."""

from __future__ import annotations

import hashlib
from pathlib import Path

INPUTS = Path(__file__).resolve().parent / "inputs"


def tsv_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of tools/inputs/<name>, comment lines (#) and blank lines left out."""
    text = (INPUTS / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def pinned_file(argv: list[str], sha256: str, usage: str) -> Path | int:
    """The one file named on the command line when its sha256 is `sha256`; else an exit code,
    with the usage (no argument) or the mismatch printed."""
    if len(argv) != 1:
        print(usage)
        return 2
    path = Path(argv[0])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        print(f"{path}: sha256 {digest}, expected {sha256} (another file or version)")
        return 1
    return path
