"""Words written onto a name: Arabic و ف ب ك ل and the article ال ("لباكو", to Baku), Hebrew
ו ה ב כ ל מ ש ("ובאקו", and Baku); and a Turkish or Azerbaijani suffix after an apostrophe
("Nahçıvan'ın", "Ağdam’a").

Both scripts write a one-letter conjunction or preposition joined to the next word, so a name
in running text carries it. `clitic_readings` reads them off a word's start, as the language
files list them (`clitics` in data/languages/ar.yaml and he.yaml), at most MAX_CLITICS of them
and only while MIN_REST letters are left; toponyms.inflection offers these readings beside the
case endings it reads, and a reading counts only where the rest is a name of the data in the
clitic's language. Turkish and Azerbaijani write every suffix of a proper noun after an
apostrophe: `apostrophe_base` cuts what follows one, whatever suffix it is. Azerbaijani writes
a suffix after an abbreviation with a hyphen ("Naxçıvan MR-da", `abbreviation_suffix` in
az.yaml): `apostrophe_base` cuts that too, where the suffix is one of the language's endings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toponyms.keys import UNSPACED, fold, script_of, strip_marks
from toponyms.model import DataError, data_dir, loaded_once
from toponyms.translit import _read, languages

#: Fewest letters left once the clitics are read off: "לקו" is not ל before a name "קו".
MIN_REST = 3
#: The same in a script written without spaces, where a character is a syllable: "在巴库"
#: is 在 (in) before 巴库, Baku.
MIN_REST_UNSPACED = 2
#: Most clitics read off one word ("ולבאקו": ו and ל).
MAX_CLITICS = 2
#: Longest suffix cut after an apostrophe ("Bakü'dekilerden": -dekilerden is 10 letters).
MAX_APOSTROPHE_TAIL = 10
#: A proper noun's suffix after an apostrophe: at least three letters of the word before it,
#: lower-case letters after it to the end of the word ("D'Artagnan", "Ta'izz" are no such).
_APOSTROPHE = re.compile(r"(?<=\w\w\w)['’ʼ]([^\W\d_]+)(?=\s|$)")
#: A word of two or more letters, a mark, and letters to the end of the word: an abbreviation
#: with a suffix written after the mark where the word is in capitals ("MR-da", "BMT-nin").
_MARKED = re.compile(r"(?<!\w)([^\W\d_]{2,})([^\w\s])([^\W\d_]+)(?=\s|$)")

Clitic = tuple[str, str, frozenset[str]]  # (written prefix, what it leaves, its languages)


def clitic_readings(word: str) -> list[tuple[str, frozenset[str]]]:
    """A folded word without the clitics written onto its start, fewest read off first, each
    with the languages of the clitics read (a reading meets only names of those languages).

    >>> clitic_readings("ובאקו")
    [('באקו', frozenset({'he'})), ('אקו', frozenset({'he'}))]
    >>> clitic_readings("للقدس")[0]
    ('القدس', frozenset({'ar'}))
    >>> clitic_readings("baku"), clitic_readings("לבא"), clitic_readings("在巴库")
    ([], [], [('巴库', frozenset({'zh'}))])
    """
    table = clitics()
    if not word or word[0] not in _first_letters():
        return []
    out: dict[str, frozenset[str]] = {}
    level = [(word, frozenset[str]())]
    for _ in range(MAX_CLITICS):
        below = []
        for text, langs in level:
            for written, left, their in table:
                if not text.startswith(written) or (langs and not langs & their):
                    continue
                rest = left + text[len(written):]
                least = MIN_REST_UNSPACED if script_of(rest) in UNSPACED else MIN_REST
                if len(rest) - len(left) < least or rest in out:
                    continue
                common = langs & their if langs else their
                out[rest] = common
                below.append((rest, common))
        level = below
    return list(out.items())


def apostrophe_base(text: str) -> str | None:
    """The query as written with every Latin suffix written after an apostrophe cut off
    ("Ağdam’a" -> "Ağdam"), or None when it has no such suffix. Turkish and Azerbaijani
    spelling writes any suffix of a proper noun after an apostrophe, so what follows one is no
    part of the name; the cascade resolves the rest as it resolves a query, a little lower.

    >>> apostrophe_base("Nahçıvan'ın"), apostrophe_base("Qarabağ’dakı kəndlər")
    ('Nahçıvan', 'Qarabağ kəndlər')
    >>> apostrophe_base("Şuşa"), apostrophe_base("D'Artagnan"), apostrophe_base("Ta'izz")
    (None, None, None)
    >>> apostrophe_base("Naxçıvan MR-da"), apostrophe_base("USA-based")
    ('Naxçıvan MR', None)
    """
    cut = text
    if "'" in text or "’" in text or "ʼ" in text:
        cut = _APOSTROPHE.sub(_cut_suffix, cut)
    if abbreviation_suffixes():
        cut = _MARKED.sub(_cut_abbreviation_suffix, cut)
    return cut if cut != text else None


def _cut_abbreviation_suffix(found: re.Match[str]) -> str:
    word, mark, tail = found.groups()
    langs = abbreviation_suffixes().get(mark)
    if langs and word.isupper() and tail.islower() and langs & languages().suffix_langs.get(
            fold(tail), frozenset()):
        return word  # "MR-da" is "MR" + -da, an ending of a language that writes it so
    return found.group(0)


def _cut_suffix(found: re.Match[str]) -> str:
    tail = found.group(1)
    if tail.islower() and len(tail) <= MAX_APOSTROPHE_TAIL and script_of(tail) == "LATIN":
        return ""
    return found.group(0)


def _shipped_abbreviation_suffixes() -> dict[str, frozenset[str]]:
    """Each language file's `abbreviation_suffix` (read once, thread-safe)."""
    return load_abbreviation_suffixes()


abbreviation_suffixes = loaded_once(_shipped_abbreviation_suffixes)


def load_abbreviation_suffixes(folder: Path | None = None) -> dict[str, frozenset[str]]:
    """The `abbreviation_suffix` of the language files in `folder`: the mark a language writes
    between an abbreviation and its suffix (Azerbaijani "-": "AMEA-dan", "MDB-nin") -> the
    languages that write it; DataError when it is not one character."""
    folder = folder or data_dir() / "languages"
    found: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw: Any = _read(path)
        mark = raw.get("abbreviation_suffix") if isinstance(raw, dict) else None
        if mark is None:
            continue
        if not isinstance(mark, str) or len(mark) != 1 or mark.isalnum() or mark.isspace():
            raise DataError(f"{path.name}: 'abbreviation_suffix' is the one mark written "
                            "between an abbreviation and its suffix", path=str(path))
        lang = str(raw.get("code", path.stem)).split("-", 1)[0]
        found.setdefault(mark, set()).add(lang)
    return {mark: frozenset(langs) for mark, langs in found.items()}


def _shipped_clitics() -> tuple[Clitic, ...]:
    """Every language file's clitics, longest first (read once, thread-safe)."""
    return load_clitics()


clitics = loaded_once(_shipped_clitics)


def _first_letters_of_shipped() -> frozenset[str]:
    return frozenset(written[0] for written, _, _ in clitics())


_first_letters = loaded_once(_first_letters_of_shipped)


def load_clitics(folder: Path | None = None) -> tuple[Clitic, ...]:
    """The `clitics` of the language files in `folder` (a mapping of a written prefix to what
    it leaves before the name, usually nothing), folded, longest first; DataError when
    malformed."""
    folder = folder or data_dir() / "languages"
    found: dict[tuple[str, str], set[str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw: Any = _read(path)
        table = raw.get("clitics") if isinstance(raw, dict) else None
        if table is None:
            continue
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise DataError(f"{path.name}: 'clitics' maps a written prefix to what it leaves "
                            "before the name (\"\" for nothing)", path=str(path))
        lang = str(raw.get("code", path.stem)).split("-", 1)[0]
        for written, left in table.items():
            key = strip_marks(fold(written))
            if not key or " " in key:
                raise DataError(f"{path.name}: clitic {written!r} is not one written prefix",
                                path=str(path))
            found.setdefault((key, strip_marks(fold(left))), set()).add(lang)
    return tuple(sorted(((w, left, frozenset(langs)) for (w, left), langs in found.items()),
                        key=lambda c: (-len(c[0]), c[0], c[1])))


__all__ = ["MAX_APOSTROPHE_TAIL", "MAX_CLITICS", "MIN_REST", "abbreviation_suffixes",
           "apostrophe_base", "clitic_readings", "clitics", "load_abbreviation_suffixes",
           "load_clitics"]
