"""Coverage-guided fuzzing with atheris (`pip install atheris`): libFuzzer mutates byte
strings towards new code paths in toponyms; each is decoded (UTF-8 with surrogateescape, so
any bytes become a str) and sent through normalize, resolve, search and extract.

A crash is any exception but the documented ones (ValueError for a name over 500
characters); libFuzzer stops at the first crash and prints the input. Run a fixed count:

    cd /work/main && /work/venv/bin/python benchmarks/fuzz_atheris.py -runs=200000

benchmarks/fuzz.py is the plain random fuzz run, with timing, that needs no atheris.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import toponyms
    from toponyms.keys import MAX_NAME_CHARS

GAZ = toponyms.Gazetteer.default()


def one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="surrogateescape")
    toponyms.normalize(text)
    if len(text.strip()) <= MAX_NAME_CHARS:
        match = GAZ.resolve(text)
        assert match is None or 0 <= match.score <= 100
        GAZ.search(text, limit=5)
    for mention in GAZ.extract(text):
        assert text[mention.start : mention.end] == mention.text


if __name__ == "__main__":
    GAZ.resolve("warm-up, not a place")
    GAZ.extract("Warm-up.")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
