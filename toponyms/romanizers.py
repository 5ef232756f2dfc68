"""Romanization of the scripts a letter-for-letter table cannot read, driven by data files.

`translit.romanize` maps most scripts one letter at a time (data/languages/*.yaml tables). Some
scripts spell a syllable with letters whose sound depends on their neighbours, and unidecode,
the fallback, reads them letter by letter, far from the Latin names of the same places:

- abugidas (data/languages/brahmic.yaml: Devanagari, Bengali, Gurmukhi, Tamil, ...): a
  consonant carries an inherent vowel unless a vowel sign or the virama follows; the northern
  languages do not speak it at the end of a word or between VC and CV (कानपुर Kanpur), and
  Tamil voices its stops between vowels and after nasals. unidecode drops the inherent vowel
  in Gurmukhi (ਪਰਥ, Perth, "prth") and doubles long vowels (ਢਾਕਾ, Dhaka, "ddhaakaa");
- Thai (data/languages/thai.yaml, RTGS): vowels written before their consonant are read
  after it, a letter under the thanthakhat is silent, ห before a sonorant only marks a tone,
  tone marks are not written;
- the characters Chinese writes foreign names with (data/languages/han.yaml): read by their
  table, and a name made of them alone is marked with a final "~" (which the skeleton drops),
  so that han.yaml's second key applies to transcriptions and not to a Chinese town's name.

Each data file names its `romanizer` (abugida, thai) and its tables; `romanize_scripts`
replaces the letters of every covered script and leaves any other text as it is.
`strip_greek_marks` serves the Greek letter-group table of translit (greek.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toponyms.model import DataError, data_dir, loaded_once

#: The mark a name made of transcription characters alone gets (see han.yaml's extra_keys).
HAN_MARK = " ~"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: The code points the abugida tables are looked up in (Devanagari to Sinhala).
_BRAHMIC_RANGE = range(0x0900, 0x0E00)
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_MARKED = re.compile("([\u0370-\u03ff])[\u0300-\u036f]+")
#: (decomposed) a vowel with an accent before an unmarked ι or υ: the two are read apart, as
#: a dialytika on the second letter says (Κουτάισι ku-ta-i-si, not the group αι "e")
_GREEK_APART = re.compile("([αεηιοωυ][\u0300-\u0307\u0309-\u036f]+)([ιυ])(?![\u0300-\u036f])")
#: (decomposed) ι or υ with a dialytika, kept through the stripping of marks (ϊ, ϋ)
_GREEK_DIALYTIKA = re.compile("([ιυ])[\u0300-\u036f]*\u0308[\u0300-\u036f]*")
#: Thai letters that form a cluster after another consonant (เปล "ple", กวาง "kwang").
_CLUSTER_SECONDS = "รลว"
# kinds of letter in an abugida
_CONSONANT, _VOWEL, _SIGN_VOWEL, _SIGN, _NUKTA = "C", "V", "M", "S", "N"


@dataclass(frozen=True, slots=True)
class _Letter:
    kind: str
    value: str
    silent_final: bool  # the script deletes its schwa (see _delete_schwa)
    voices: bool = False  # the script writes voiced stops with the voiceless letters (Tamil)


@dataclass(frozen=True, slots=True)
class _Thai:
    initial: dict[str, str]  # consonant -> value at the start of a syllable
    final: dict[str, str]  # consonant -> value closing a syllable
    vowels: dict[str, str]  # vowel letters and signs written after (or over) the consonant
    leading: dict[str, str]  # vowels written before the consonant they follow in speech
    sequences: dict[str, dict[str, str]]  # leading vowel -> what follows the consonant -> vowel
    silent_mark: str  # the thanthakhat: the letter under it is not pronounced
    final_values: bool  # whether a consonant closing a syllable takes its final value
    implicit: str  # the vowel of a silent carrier (อ) that has no vowel of its own
    silent_before: dict[str, str]  # letter -> the letters before which it is not spoken
    dropped: frozenset[str]  # tone marks and other signs with no sound


@dataclass(frozen=True, slots=True)
class Romanizers:
    """The compiled romanizers: letter -> what it is, per script family."""

    abugida: dict[str, _Letter]
    nukta: dict[str, str]
    voicing: dict[str, str]  # voiceless -> voiced, where `_Letter.voices`
    nasals: frozenset[str]  # consonant values after which a stop is voiced
    inherent: str
    thai: _Thai | None
    covered: frozenset[str]  # every character some romanizer reads
    han: dict[str, str]  # transcription character -> its reading (with a trailing space)


def _read(path: Path) -> Any:
    """A table file, read as the places and language files are (toponyms.yamlfile: duplicate
    keys and malformed YAML a DataError with the line; only true/false are booleans)."""
    from toponyms.yamlfile import read_yaml  # here: PyYAML is imported by the first table read

    return read_yaml(path)


def _strings(path: Path, raw: Any, key: str, *, latin: bool = True) -> dict[str, str]:
    """The mapping `key` of a data file, checked: letters to (ASCII, when `latin`) strings."""
    value = raw.get(key) or {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and (v.isascii() or not latin)
            for k, v in value.items()):
        raise DataError(f"'{key}' must map letters to {'ASCII ' if latin else ''}strings",
                        path=str(path))
    return dict(value)


def _abugida(path: Path, raw: Any) -> tuple[dict[str, _Letter], dict[str, str], str]:
    """Letter -> (kind, value) for every code point of the listed scripts, found by its
    Unicode name ("BENGALI VOWEL SIGN II" is the vowel sign of the vowel II)."""
    scripts = {str(s) for s in raw.get("scripts") or []}
    silent = {str(s) for s in raw.get("schwa_deletion") or []}
    voicing = {str(s) for s in (raw.get("voicing") or {}).get("scripts") or []}
    consonants = _strings(path, raw, "consonants")
    vowels = _strings(path, raw, "vowels")
    signs = _strings(path, raw, "signs")
    letters: dict[str, _Letter] = {}
    for code in _BRAHMIC_RANGE:
        ch = chr(code)
        script, _, rest = unicodedata.name(ch, "").partition(" ")
        if script not in scripts:
            continue
        quiet = script in silent
        if rest.startswith("LETTER "):
            name = rest.removeprefix("LETTER ")
            if name in consonants:
                letters[ch] = _Letter(_CONSONANT, consonants[name], quiet, script in voicing)
            elif name in vowels:
                letters[ch] = _Letter(_VOWEL, vowels[name], quiet)
        elif rest.startswith("VOWEL SIGN ") and rest.removeprefix("VOWEL SIGN ") in vowels:
            letters[ch] = _Letter(_SIGN_VOWEL, vowels[rest.removeprefix("VOWEL SIGN ")], quiet)
        elif rest in vowels:  # AU LENGTH MARK
            letters[ch] = _Letter(_SIGN_VOWEL, vowels[rest], quiet)
        elif rest == "SIGN NUKTA":
            letters[ch] = _Letter(_NUKTA, "", quiet)
        elif unicodedata.category(ch) in ("Mn", "Mc"):  # any other sign: its value or nothing
            name = rest.removeprefix("SIGN ")
            letters[ch] = _Letter(_SIGN, signs.get(name, ""), quiet)
    return letters, _strings(path, raw, "nukta"), str(raw.get("inherent", "a"))


def _thai(path: Path, raw: Any) -> _Thai:
    consonants = raw.get("consonants") or {}
    if not isinstance(consonants, dict) or not all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) and x.isascii()
                                                         for x in v)
            for v in consonants.values()):
        raise DataError("Thai 'consonants' map a letter to [initial, final] ASCII values",
                        path=str(path))
    return _Thai(
        initial={str(k): v[0] for k, v in consonants.items()},
        final={str(k): v[1] for k, v in consonants.items()},
        vowels=_strings(path, raw, "vowels"),
        leading=_strings(path, raw, "leading_vowels"),
        sequences={str(k): _strings(path, {"x": v}, "x")
                   for k, v in (raw.get("leading_sequences") or {}).items()},
        silent_mark=str(raw.get("silent_mark", "")),
        final_values=bool(raw.get("final_values", True)),
        implicit=str(raw.get("implicit_vowel", "")),
        silent_before=_strings(path, raw, "silent_before", latin=False),
        dropped=frozenset(str(c) for c in raw.get("dropped") or []),
    )


def load_romanizers(folder: Path | None = None) -> Romanizers:
    """Read the data/languages files that name a `romanizer` into one `Romanizers`."""
    folder = folder or data_dir() / "languages"
    abugida: dict[str, _Letter] = {}
    nukta: dict[str, str] = {}
    voicing: dict[str, str] = {}
    nasals: frozenset[str] = frozenset()
    inherent = "a"
    thai = None
    han: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw = _read(path)
        kind = raw.get("romanizer") if isinstance(raw, dict) else None
        if kind is None:
            continue
        if kind == "abugida":
            letters, more, inherent = _abugida(path, raw)
            abugida.update(letters)
            nukta.update(more)
            spec = raw.get("voicing") or {}
            voicing = _strings(path, spec, "stops")
            nasals = frozenset(str(n) for n in spec.get("after") or [])
        elif kind == "thai":
            thai = _thai(path, raw)
        elif kind == "han":
            han = _strings(path, raw, "han")
        else:
            raise DataError(f"unknown romanizer {kind!r} (abugida, thai, han)", path=str(path))
    covered = set(abugida) | set(han)
    if thai is not None:
        covered.update(thai.initial, thai.vowels, thai.leading, thai.dropped, thai.silent_mark)
        covered.discard("")
    return Romanizers(abugida, nukta, voicing, nasals, inherent, thai, frozenset(covered), han)


def _shipped_romanizers() -> Romanizers:
    """The shipped romanizers, loaded once (thread-safe)."""
    return load_romanizers()


romanizers = loaded_once(_shipped_romanizers)


def strip_greek_marks(text: str) -> str:
    """Drop the accents and breathings of Greek letters, so that a letter group with a mark
    inside (ού) is the group of data/languages/greek.yaml (ου); other marks stay (ş). A
    dialytika stays (ϊ, ϋ: the letters are read apart, not as a group), and an accent on the
    first of two vowels says the same (the accent of a group is on its second letter: αί is
    one vowel, άι two; https://www.lawlessgreek.com/pronunciation/accents/).

    >>> strip_greek_marks("Ἀρούμπα şəhər"), strip_greek_marks("Κουτάισι Χαϊδάρι")
    ('Αρουμπα şəhər', 'Κουταϊσι Χαϊδαρι')
    """
    if not _GREEK.search(text):
        return text
    decomposed = _GREEK_APART.sub("\\1\\2\u0308", unicodedata.normalize("NFD", text))
    kept = _GREEK_DIALYTIKA.sub("\\1\u0308", decomposed)
    stripped = _GREEK_MARKED.sub(lambda m: m.group(0) if m.group(0)[1:] == "\u0308"
                                 and m.group(1) in "ιυ" else m.group(1), kept)
    return unicodedata.normalize("NFC", stripped)


def romanize_scripts(text: str, data: Romanizers | None = None) -> str:
    """Romanize the letters of the covered scripts in `text`; other characters stay as they are.
    `data` defaults to the shipped romanizers.

    >>> romanize_scripts("कानपुर"), romanize_scripts("ਦੁਬਈ x")
    ('kanpur', 'dubai x')
    """
    data = data or romanizers()
    covered = data.covered
    if not any(ch in covered for ch in text):
        return text
    if data.abugida and any(ch in data.abugida for ch in text):
        text = _read_abugida(text, data)
    if data.thai is not None and any(ch in covered for ch in text):
        text = _read_thai(text, data.thai)
    if data.han and _HAN.search(text):
        text = _read_han(text, data.han)
    return text


def _read_han(text: str, table: dict[str, str]) -> str:
    """Read the transcription characters by their table; mark a name made of them alone."""
    alone = all(ch in table for ch in text if _HAN.match(ch))
    text = "".join(table.get(ch, ch) for ch in text)
    return text + HAN_MARK if alone else text


def _read_abugida(text: str, data: Romanizers) -> str:
    """Spell each consonant with its inherent vowel unless a vowel sign or the virama follows.

    Where the script's schwa is deleted (`schwa_deletion` scripts) the inherent vowel is
    dropped at the end of a word and between a vowel and consonant before it and a consonant
    and vowel after it (VC_CV: कानपुर kā-n(a)-pur, Kanpur)."""
    # tokens: (kind, text, voices) with kind C consonant, V vowel, A inherent vowel, O other
    tokens: list[tuple[str, str, bool]] = []
    pending: _Letter | None = None  # a consonant whose vowel is not decided yet
    deleting = voicing = False
    for ch in text:
        letter = data.abugida.get(ch)
        if letter is None or letter.kind in (_CONSONANT, _VOWEL):
            if pending is not None:
                tokens.append(("A", data.inherent, False))
            pending = None
            if letter is None:
                tokens.append(("O", ch, False))
            else:
                consonant = letter.kind == _CONSONANT
                tokens.append(("C" if consonant else "V", letter.value, letter.voices))
                pending = letter if consonant else None
                deleting = deleting or letter.silent_final
                voicing = voicing or letter.voices
        elif letter.kind == _NUKTA:
            if pending is not None and tokens:
                kind, value, voices = tokens[-1]
                tokens[-1] = (kind, data.nukta.get(value, value), voices)
        elif letter.kind == _SIGN_VOWEL:
            tokens.append(("V", letter.value, False))
            pending = None
        else:  # a sign: the virama ends the consonant's vowel, a nasal sign follows the vowel
            if pending is not None and letter.value:
                tokens.append(("A", data.inherent, False))
            pending = None
            if letter.value:
                tokens.append(("C", letter.value, False))
    if pending is not None:
        tokens.append(("A", data.inherent, False))
    if deleting:
        tokens = _delete_schwa(tokens)
    if voicing:
        tokens = _voice(tokens, data)
    return "".join(t for _, t, _ in tokens)


def _voice(tokens: list[tuple[str, str, bool]], data: Romanizers) -> list[tuple[str, str, bool]]:
    """Voice the stops of a script that writes one letter for both (Tamil க k/g): between
    vowels and after a nasal, not when doubled (க்க kk)."""
    out = list(tokens)
    for i, (kind, value, voices) in enumerate(tokens):
        if kind != "C" or not voices or value not in data.voicing or i == 0:
            continue
        before = tokens[i - 1]
        after = tokens[i + 1] if i + 1 < len(tokens) else ("O", "", False)
        between_vowels = before[0] in "VA" and after[0] in "VA"
        if (between_vowels or (before[0] == "C" and before[1] in data.nasals)) and (
                before[1] != value):
            out[i] = (kind, data.voicing[value], voices)
    return out


def _delete_schwa(tokens: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Drop the inherent vowels that the northern languages do not pronounce (see above)."""
    kinds = "".join(k for k, _, _ in tokens)
    keep = []
    for i, token in enumerate(tokens):
        if token[0] == "A":
            after = kinds[i + 1:i + 3]
            word_end = i + 1 == len(kinds) or kinds[i + 1] == "O"
            vc_cv = (i >= 2 and kinds[i - 2] in "VA" and kinds[i - 1] == "C"
                     and len(after) == 2 and after[0] == "C" and after[1] in "V")
            if (word_end and i >= 2) or vc_cv:
                continue
        keep.append(token)
    return keep


def _read_thai(text: str, thai: _Thai) -> str:
    """RTGS reading: a leading vowel moves after its consonant (and a second consonant of a
    cluster), a consonant after a vowel and before none of its own closes the syllable (its
    final value), a letter under the thanthakhat is dropped, tone marks go."""
    chars = [ch for ch in text if ch not in thai.dropped]
    out: list[str] = []
    after_vowel = False  # the last sound was a vowel: a consonant here may close the syllable
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch in thai.leading and i + 1 < n and chars[i + 1] in thai.initial:
            i += 1
            onset = [thai.initial[chars[i]]]
            i += 1
            if onset[0] and i < n and chars[i] in _CLUSTER_SECONDS and (
                    i + 1 == n or chars[i + 1] not in thai.vowels
                    or _sequence(chars, i + 1, thai.sequences.get(ch))):
                # a cluster (เปล "ple", เตรีย "tria") unless the second letter has a vowel of
                # its own (เมรีดา "me-ri-da")
                onset.append(thai.initial[chars[i]])
                i += 1
            found = _sequence(chars, i, thai.sequences.get(ch))
            if found:
                vowel, length = found
                i += length
            else:
                vowel = thai.leading[ch]
            out.append("".join(onset) + vowel)
            after_vowel = True
            continue
        if ch in thai.initial:
            if i + 1 < n and (chars[i + 1] == thai.silent_mark
                              or chars[i + 1] in thai.silent_before.get(ch, "")):
                i += 2 if chars[i + 1] == thai.silent_mark else 1  # a silent letter
                continue
            found = _sequence(chars, i + 1, thai.vowels)
            if found:
                out.append(thai.initial[ch] + found[0])
                i += 1 + found[1]
                after_vowel = True
                continue
            closes = after_vowel and thai.final_values
            value = thai.final[ch] if closes else thai.initial[ch]
            out.append(value or ("" if after_vowel else thai.implicit))
            after_vowel = False
        elif ch in thai.vowels:
            out.append(thai.vowels[ch])
            after_vowel = True
        elif ch in thai.leading:
            out.append(thai.leading[ch])
            after_vowel = True
        elif ch != thai.silent_mark:
            out.append(ch)
            after_vowel = False
        i += 1
    return "".join(out)


def _sequence(chars: list[str], start: int,
              table: dict[str, str] | None) -> tuple[str, int] | None:
    """(value, length) of the longest key of `table` that `chars` spell from `start`."""
    if not table or start >= len(chars):
        return None
    for length in (3, 2, 1):
        key = "".join(chars[start:start + length])
        if len(key) == length and key in table:
            return table[key], length
    return None
