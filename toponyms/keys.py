"""Text -> match keys: the folding every stage of the cascade relies on.

`fold` makes two writings of one name equal when the difference should not matter (Unicode
form, case, apostrophe and dash variants, spacing, control and bidi characters, ǝ/ә for ə) but
keeps diacritics, which transliteration still needs (ş -> sh, not s). It also folds the letter
forms listed in the language files' `fold` tables (data/languages/arab.yaml): Arabic, Persian and
Urdu kaf, yeh and heh forms, hamza on alef, waw and yeh, tatweel and harakat, which Arabic-script
writers vary freely, so كاراباخ and کاراباخ meet on the normalized key; ZWNJ goes with the other
invisible characters. `normalize` also drops the
combining diacritics of Latin, Greek and Cyrillic letters: it is the key of the "normalized"
stage. `translit_keys` gives the transliteration-stage keys; `split_generic` reads generic terms
("rayonu", "район", "district") off a name, using data/languages/*.yaml.
"""

from __future__ import annotations

import re
import unicodedata

from toponyms import translit

#: Longest text (after stripping) that resolve looks at; no place name comes near this.
MAX_NAME_CHARS = 500

APOSTROPHES = "'ʼʻ’‘`´′ʹʾʿ‛ˈ"
_DASHES = "-‐‑‒–—―−﹣－_"
_TABLE = str.maketrans(
    {
        **{ch: None for ch in APOSTROPHES},
        **{ch: " " for ch in _DASHES},
        "ǝ": "ə",
        "ә": "ə",
        "Ə": "ə",
        "Ә": "ə",
        "Ǝ": "ə",
    }
)
_full: dict[int, str | None] | None = None  # _TABLE plus the language files' letter folds


def _full_table() -> dict[int, str | None]:
    """_TABLE with the letter folds of data/languages added (built once, on first use)."""
    global _full
    if _full is None:
        _full = {**translit.languages().fold_table, **_TABLE}
    return _full


def fold_letters(text: str) -> str:
    """Fold the letter forms of data/languages' `fold` tables alone; other text is unchanged.

    >>> fold_letters("أذربيجان") == fold_letters("اذربیجان")  # hamza on alef, Persian yeh
    True
    """
    return text.translate(translit.languages().fold_table)


_EDGE_PUNCT = " \"'.,;:!?()[]{}«»„“”‹›<>*#|/\\"
_MARKS = re.compile("[\u0300-\u036f]")
_LATIN = re.compile("[a-z\u00c0-\u02af]")
_SPACING_ACCENT = re.compile("(?:^|\\s)[\u0300-\u036f]+")


def _clean_unprintable(text: str) -> str:
    """Drop control, format (bidi, zero-width), surrogate and unassigned characters."""
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
            out.append(" ")
    return "".join(out)


def _fold_once(text: str) -> str:
    if text.isascii():
        if not text.isprintable():
            text = _clean_unprintable(text)
        text = text.lower().translate(_TABLE)
        return " ".join(text.split()).strip(_EDGE_PUNCT)
    if not text.isprintable():
        text = _clean_unprintable(text)
    table = _full or _full_table()
    # translate before NFKC too: NFKC turns ´ into a space plus a combining accent
    text = unicodedata.normalize("NFKC", text.translate(table)).casefold().translate(table)
    # a spacing accent (´ ¨ ˘ ¸ ...) is NFKC space + combining mark: drop it like an apostrophe
    text = unicodedata.normalize("NFC", _SPACING_ACCENT.sub("", text))
    return " ".join(text.split()).strip(_EDGE_PUNCT)


def fold(text: str) -> str:
    """Fold form, case, apostrophes, dashes, spacing and invisible characters; keep marks.

    >>> fold("  XANKƏNDI ") == fold("Xankəndi"), fold("Nagorno–Karabakh"), fold("Stepʻanakert")
    (True, 'nagorno karabakh', 'stepanakert')
    """
    folded = _fold_once(text)
    if folded.isascii():
        return folded  # one pass is a fixed point for ASCII
    # casefold and NFKC do not commute for a few characters; iterate to a fixed point
    for _ in range(3):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def strip_marks(folded: str) -> str:
    """Drop combining diacritics (U+0300-U+036F): ü -> u, ş -> s, й -> и. Idempotent."""
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    if not _MARKS.search(decomposed):
        return folded
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def normalize(text: str) -> str:
    """The key of the normalized stage: `fold` plus diacritics dropped. Idempotent, total.

    >>> normalize("Füzuli"), normalize("TƏRTƏR"), normalize("Cəbrayıl")
    ('fuzuli', 'tərtər', 'cəbrayıl')
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects a str, got {type(text).__name__}")
    key = strip_marks(fold(text))
    # dropping a mark can expose a new casefold/NFKC change; settle it
    for _ in range(3):
        again = strip_marks(fold(key))
        if again == key:
            break
        key = again
    return key


#: The scripts written without spaces between words (the first word of a letter's Unicode name).
UNSPACED = frozenset({"CJK", "HIRAGANA", "KATAKANA"})


def script_of(text: str) -> str:
    """The script of the first letter of `text` ("LATIN", "CYRILLIC", "ARMENIAN", ...), or "".

    >>> script_of("Xankəndi"), script_of("Ստեփանակերտ"), script_of("1990")
    ('LATIN', 'ARMENIAN', '')
    """
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split(" ", 1)[0]
    return ""


def translit_keys(folded: str, lang: str | None = None) -> tuple[str, ...]:
    """The transliteration-stage keys of folded text, one per romanization that applies.

    With `lang` the keys are the language's own romanization and the base one (an index
    entry); without it, every Latin-script language table is tried (a query of unknown
    language).

    >>> translit_keys(fold("Ստեփանակերտ")) == translit_keys(fold("Степанакерт"))
    True
    """
    tables = translit.languages().latin_tables
    if lang is None:
        # the Latin-script tables differ only in Latin letters: text without any (Cyrillic,
        # kana) needs the base table alone, and a language table would re-read the Latin
        # output of a multi-letter sequence (kana チェ "che" is not Azerbaijani c -> j)
        langs = [None, *tables] if _LATIN.search(folded) else [None]
    else:  # a language without its own table romanizes with the base one: compute it once
        langs = [lang, None] if lang.split("-", 1)[0] in tables else [None]
    keys: list[str] = []
    for code in langs:
        key = translit.skeleton(translit.romanize(folded, code))
        if key and key not in keys:
            keys.append(key)
    extra = translit.languages().extra_keys
    if extra and not folded.isascii():
        rules = extra.get(script_of(folded))
        if rules:  # a second key of a script's own rules (katakana without its added vowels)
            latin = translit.romanize(folded)
            for pattern, replacement in rules:
                latin = pattern.sub(replacement, latin)
            key = translit.skeleton(latin)
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


def split_generic(folded: str) -> list[tuple[str, str]]:
    """Read a generic term off folded text: [(core, kind), ...], most specific first.

    A state title (data/languages/titles.yaml) gives the kind `state-title`; a catalogue form
    with the title after a comma also gives the text in title-first order, with kind "".

    Russian and Armenian adjectival forms give extra stems ("тертерскии раион" -> "тертер").
    Empty when the text has no generic term or is nothing but one.

    >>> split_generic(fold("Tərtər rayonu"))
    [('tərtər', 'district')]
    >>> split_generic(fold("Korea, Republic of"))
    [('republic of korea', ''), ('korea', 'state-title')]
    """
    data = translit.languages()
    attached = _split_attached(folded, data.generic_attached) if data.generic_attached else []
    words = folded.split()
    if len(words) < 2:
        return attached
    out = _split_words(folded, words, data)
    return out + [a for a in attached if a not in out]


_edges: tuple[tuple[translit.Generic, ...], tuple[tuple[str, ...], tuple[str, ...]]] | None = None


def _attached_edges(terms: tuple[translit.Generic, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The attached suffix and prefix terms, for one quick test before the loop: kept for the
    last `terms` asked about (the shipped ones), found by identity, since hashing a tuple of
    terms on every query cost more than the test it serves."""
    global _edges
    kept = _edges
    if kept is None or kept[0] is not terms:
        kept = _edges = (terms, (
            tuple(g.words[0] for g in terms if g.position == "attached_suffix"),
            tuple(g.words[0] for g in terms if g.position == "attached_prefix")))
    return kept[1]


def _split_attached(folded: str, terms: tuple[translit.Generic, ...]) -> list[tuple[str, str]]:
    """Terms written onto the name with no space: "拉欽區" -> ("拉欽", "district")."""
    if folded.isascii():
        return []
    ends, starts = _attached_edges(terms)
    if not folded.endswith(ends) and not folded.startswith(starts):
        return []  # the common case, decided in two calls
    bare = strip_marks(folded)
    out: list[tuple[str, str]] = []
    for g in terms:
        term = g.words[0]
        if len(bare) <= len(term) or len(bare) != len(folded):
            continue
        if g.position == "attached_suffix" and bare.endswith(term):
            core = folded[: -len(term)].strip()
        elif g.position == "attached_prefix" and bare.startswith(term):
            core = folded[len(term):].strip()
        else:
            continue
        if core and (core, g.kind) not in out:
            out.append((core, g.kind))
    return out


def _elided_onto(word: str, elided: str, vowels: str) -> bool:
    """Whether `word` may be an elided word (`elided`, "d") written onto a name that begins
    with one of `vowels` or a (mute) h, as elision is written (d’Askeran, d’Hadrut)."""
    return (len(word) > len(elided) + 2 and word.startswith(elided)
            and (word[len(elided)] in vowels or word[len(elided)] == "h"))


def _split_words(folded: str, words: list[str],
                 data: translit.Languages) -> list[tuple[str, str]]:
    head, comma, tail = folded.rpartition(",")
    if comma and head.strip() and tail.strip():
        # a catalogue form, "Korea, Republic of": the state title after the comma goes first,
        # and the reordered text is a key of its own ("Republic of Korea" is that country)
        reordered = f"{tail.strip()} {head.strip()}"
        titled = [(core, kind) for core, kind in split_generic(reordered)
                  if kind == translit.STATE_TITLE]
        return [(reordered, ""), *titled] if titled else []
    edges = data.generic_edges
    candidates = (edges.get(("suffix", strip_marks(words[-1]).rstrip(".")), ())
                  + edges.get(("prefix", strip_marks(words[0]).rstrip(".")), ()))
    if not candidates:
        return []  # the common case: no generic term at either edge
    bare = [strip_marks(w).rstrip(".") for w in words]  # "г." is the term "г"
    out: list[tuple[str, str]] = []
    for generic in candidates:
        n = len(generic.words)
        if n - generic.elided >= len(words):
            continue
        if generic.position == "suffix" and tuple(bare[-n:]) == generic.words:
            core_words = words[:-n]
        elif (generic.position == "prefix" and not generic.elided
              and tuple(bare[:n]) == generic.words):
            core_words = words[n:]
        elif generic.elided and _elided_onto(bare[n - 1], generic.words[-1], data.vowels) and tuple(
                bare[:n - 1]) == generic.words[:-1]:
            # "région d’Askeran", folded "région daskeran": the elided word is the name's start
            core_words = [words[n - 1][len(generic.words[-1]):], *words[n:]]
        else:
            continue
        core = " ".join(core_words)
        if (core, generic.kind) not in out:
            out.append((core, generic.kind))
        last = strip_marks(core_words[-1])
        for suffix, replacement in data.stems.get(generic.lang, ()):
            if len(last) > len(suffix) + 1 and last.endswith(suffix):
                stem = " ".join([*core_words[:-1], last[: -len(suffix)] + replacement])
                if (stem, generic.kind) not in out:
                    out.append((stem, generic.kind))
    return out
