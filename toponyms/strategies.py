"""Hypothesis strategies for property-testing place-name handling (yours and ours).

Importing this module needs hypothesis (`pip install hypothesis`); the rest of toponyms does
not. Example of a user's own property test:

    from hypothesis import given
    from toponyms.strategies import place_names, spelling_variants
    import toponyms

    @given(place_names(lang="az").flatmap(lambda n: spelling_variants(n).map(lambda v: (n, v))))
    def test_my_pipeline_keeps_the_place(pair):
        name, variant = pair
        assert my_resolver(variant) == my_resolver(name)

- `place_names(lang=None, script=None)`: names drawn from the shipped data;
- `spelling_variants(name)`: realistic variants of one name: case, diacritics dropped,
  apostrophe and dash variants, the romanization swaps that data/languages/*.yaml describe
  (ə/e/a, x/kh, c/j, dzh/j, ...), one-edit typos, extra spaces, NFC/NFD;
- `noisy_text(places=None)`: (text, gold) with place names embedded in filler, and the gold
  spans `[(start, end, place_id)]`;
- `unicode_junk()`: control, bidi, zero-width, combining, lone-surrogate and very long strings.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hypothesis import strategies as st

from toponyms.gazetteer import Gazetteer
from toponyms.keys import script_of
from toponyms.model import _lang_matches
from toponyms.translit import languages

_APOSTROPHES = "'ʼʻ’"
_DASHES = "-‐–—"


@lru_cache(maxsize=1)
def _swaps() -> tuple[tuple[str, str], ...]:
    """Romanization swaps that competing systems make, read from data/languages: each
    letter of a Latin table (Azerbaijani c -> j, x -> kh, ə -> e, ...) and each skeleton rule
    (kh -> x, dzh -> j, e -> a, y -> i, ...), both ways."""
    data = languages()
    pairs = set()
    for table in data.latin_tables.values():
        for code, value in table.items():
            letter = chr(code)
            # Latin letters only: a variant keeps its script
            if script_of(letter) == "LATIN" and value.isascii() and value != letter:
                pairs.add((letter, value))
    for old, new in data.skeleton_rules:
        pairs.update({(old, new), (new, old)})
    return tuple(sorted(pairs))
_FILLER = ["the", "army", "said", "near", "shelling", "in", "and", "on", "Sunday", "forces",
           "reported", "villages", "Ministry", "road", "fighting", "officials"]


@lru_cache(maxsize=16)
def _names(lang: str | None, script: str | None) -> tuple[str, ...]:
    out = set()
    for place in Gazetteer.default():
        for name in place.names:
            if lang is not None and not _lang_matches(name.lang, lang):
                continue
            if script is not None and script_of(name.text) != script.upper():
                continue
            out.add(name.text)
    return tuple(sorted(out))


def place_names(lang: str | None = None, script: str | None = None) -> st.SearchStrategy[str]:
    """Names from the shipped data, optionally in one language (BCP 47 prefix: "az" covers
    "az-Cyrl") or one script ("LATIN", "CYRILLIC", "ARMENIAN", ...)."""
    names = _names(lang, script)
    if not names:
        raise ValueError(f"no shipped names with lang={lang!r} and script={script!r}")
    return st.sampled_from(names)


def _strip_marks(text: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c)))


@st.composite
def _variant(draw: st.DrawFn, name: str, typos: bool) -> str:
    text = name
    if draw(st.booleans()):
        text = draw(st.sampled_from([text.upper(), text.lower(), text.title()]))
    if draw(st.booleans()):
        text = _strip_marks(text)
    for ch in _APOSTROPHES:
        if ch in text:
            text = text.replace(ch, draw(st.sampled_from(_APOSTROPHES)))
    for ch in _DASHES:
        if ch in text:
            text = text.replace(ch, draw(st.sampled_from([*_DASHES, " "])))
    swaps = [s for s in _swaps() if s[0] in text.lower()]
    use_swap = draw(st.booleans())
    if swaps and use_swap:
        old, new = draw(st.sampled_from(swaps))
        text = text.replace(old, new).replace(old.upper(), new.capitalize())
    if typos and len(text) >= 8 and draw(st.booleans()):
        i = draw(st.integers(1, len(text) - 2))
        op = draw(st.sampled_from(["delete", "double", "transpose"]))
        if op == "delete":
            text = text[:i] + text[i + 1 :]
        elif op == "double":
            text = text[:i] + text[i] + text[i:]
        else:
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if draw(st.booleans()):
        text = draw(st.sampled_from([f" {text}", f"{text}  ", text.replace(" ", "  ")]))
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


def spelling_variants(name: str, *, typos: bool = True) -> st.SearchStrategy[str]:
    """Realistic spellings of `name` (see the module docstring); `typos=False` keeps to the
    variants a normalizer should treat as the same text, without one-edit typos."""
    return _variant(name, typos)


@st.composite
def noisy_text(draw: st.DrawFn,
               places: list[str] | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """Filler text with place names embedded: (text, [(start, end, place_id), ...]).

    Names are English names of the given place ids (default: countries and the places of the
    seed article), set off by spaces and full stops, so any extractor should find them.
    """
    gaz = Gazetteer.default()
    ids = places or ["az", "am", "tr", "ru", "az-baku", "az-ganja", "am-yerevan",
                     "az-khankendi", "az-tartar-district", "south-caucasus"]
    parts: list[str] = []
    gold: list[tuple[int, int, str]] = []
    size = 0
    for _ in range(draw(st.integers(1, 12))):
        for word in draw(st.lists(st.sampled_from(_FILLER), min_size=1, max_size=4)):
            parts.append(word + " ")
            size += len(word) + 1
        pid = draw(st.sampled_from(ids))
        name = gaz.get(pid).label("en")
        gold.append((size, size + len(name), pid))
        parts.append(name + ". ")
        size += len(name) + 2
    return "".join(parts), gold


def unicode_junk(max_size: int = 200) -> st.SearchStrategy[str]:
    """Strings that break careless code: controls, bidi and zero-width marks, combining
    characters, lone surrogates (as read with surrogateescape), and very long runs."""
    specials = st.sampled_from(["\u202e", "\u202d", "\u200f", "\u200e", "\u200b", "\u200c",
                                "\u200d", "\ufeff", "\u0301", "\u0308", "\x00", "\x1b", "\r",
                                "\n", "\t", "\udcff", "\ud800", "\u2028", "ə", "Ω", "𝔅"])
    pieces = st.one_of(specials, st.text(max_size=20))
    short = st.lists(pieces, max_size=max_size).map("".join)
    long = st.tuples(st.sampled_from(["a", "ə", "\u0301", " ", "Баку", "\u202e"]),
                     st.integers(1_000, 200_000)).map(lambda t: t[0] * t[1])
    return st.one_of(short, short, short, long)
