"""How alike two transliteration keys are, knowing which letters romanization systems swap.

The fuzzy stage's score. A weighted edit distance between two skeleton keys (see
translit.skeleton): replacing one spelling of a romanization swap class by another (the `swaps`
of data/languages/skeleton.yaml: q/k/g, x/h/ch, c/j/dj/dsch, ç/ch/tch/tsch/cz, ş/sh/sch/sz,
...) costs SWAP_COST, writing a letter twice DOUBLED_COST; any other insertion, deletion, substitution
or transposition of two neighbours costs 1. The score is

    FUZZY_MAX * (1 - cost / length of the longer key)

so a short name meets its other romanizations ("Schamachi" and "Shamakhi", one swap per ~2
letters at the default `min_score` of 85; a doubled letter from 6 letters) but not a word one
real edit away, while a long name also forgives a typo (one plain edit from 11 letters). The rule is symmetric.

Candidates come from the index (never a scan): keys with the same *class key* (every swap
spelling replaced by one symbol per group of classes that share a spelling, runs of one
symbol collapsed), looked up exactly, and for budgets that allow a plain edit, the trigram
candidates of `NameIndex.fuzzy`.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass

from toponyms.translit import languages, romanize, skeleton

#: The cost of replacing one spelling of a swap class by another.
SWAP_COST = 0.2
#: The cost of writing a letter twice (Masallı / Massaly), or once where it was doubled.
DOUBLED_COST = 0.5
#: A fuzzy score never reaches the transliteration stage's (94).
FUZZY_MAX = 93.9
# symbols standing for a group of swap spellings in class keys (keys are [a-z0-9])
_SYMBOLS = string.ascii_uppercase + "".join(chr(c) for c in range(0x100, 0x180))


@dataclass(frozen=True, slots=True)
class SwapRules:
    """The swap classes of the language files, compiled to skeleton forms."""

    classes: tuple[tuple[str, ...], ...]  # distinct skeleton forms per class (2 or more)
    by_last: dict[str, tuple[tuple[str, str], ...]]  # last letter -> (form, other form)
    anchored: tuple[tuple[str, str], ...]  # (form, other form) at the start, before a vowel
    tokens: dict[str, tuple[tuple[str, str], ...]]  # first letter -> (form, symbol), longest 1st
    vowels: str


def _compile(spelling: str) -> str:
    """A written spelling's skeleton form; an anchored one (^y) as it is before a vowel."""
    if spelling.startswith("^"):
        return skeleton(romanize(spelling[1:] + "a"))[:-1]
    return skeleton(romanize(spelling))


@functools.cache
def swap_rules() -> SwapRules:
    """The shipped swap classes, compiled once."""
    data = languages()
    classes: list[tuple[str, ...]] = []
    anchored: list[tuple[str, str]] = []
    pairs: dict[str, list[tuple[str, str]]] = {}
    parent: dict[str, str] = {}  # union-find over forms: classes sharing a form form a group

    def root(form: str) -> str:
        while parent.setdefault(form, form) != form:
            form = parent[form]
        return form

    for spellings in data.swaps:
        forms = tuple(dict.fromkeys(_compile(s) for s in spellings))
        if len(forms) < 2:
            continue  # the skeleton folds these already
        classes.append(forms)
        if spellings[0].startswith("^"):
            anchored.extend((a, b) for a in forms for b in forms if a != b)
            continue
        for a in forms:
            parent[root(a)] = root(forms[0])
            for b in forms:
                if a != b:
                    pairs.setdefault(a[-1], []).append((a, b))
    groups = sorted({root(f) for f in parent})
    if len(groups) > len(_SYMBOLS):
        raise ValueError(f"more than {len(_SYMBOLS)} groups of swap classes")
    symbol = {g: _SYMBOLS[i] for i, g in enumerate(groups)}
    tokens: dict[str, list[tuple[str, str]]] = {}
    for form in sorted(parent, key=lambda f: (-len(f), f)):
        tokens.setdefault(form[0], []).append((form, symbol[root(form)]))
    return SwapRules(
        classes=tuple(classes),
        by_last={k: tuple(v) for k, v in pairs.items()},
        anchored=tuple(anchored),
        tokens={k: tuple(v) for k, v in tokens.items()},
        vowels=data.vowels,
    )


def class_key(key: str) -> str:
    """`key` with every swap spelling replaced by its group's symbol and runs collapsed: two
    keys one or more swaps apart share it, so the index can look them up exactly.

    >>> class_key("shamaxi") == class_key("schamachi"), class_key("guba") == class_key("kuba")
    (True, True)
    """
    rules = swap_rules()
    for form, _ in rules.anchored:
        if form and key.startswith(form) and key[len(form) : len(form) + 1] in (
                rules.vowels or "a"):
            if len(key) > len(form):
                key = key[len(form) :]
                break
    out: list[str] = []
    tokens = rules.tokens
    i, n = 0, len(key)
    while i < n:
        piece = key[i]
        for form, sym in tokens.get(piece, ()):
            if key.startswith(form, i):
                piece, i = sym, i + len(form)
                break
        else:
            i += 1
        if not out or out[-1] != piece:
            out.append(piece)
    return "".join(out)


def cost(a: str, b: str) -> float:
    """The weighted edit distance between two keys (see the module docstring); symmetric.

    >>> cost("guba", "kuba"), cost("shamaxi", "schamachi"), cost("avlax", "javlach")
    (0.2, 0.4, 0.4)
    """
    rules = swap_rules()
    best = _distance(a, b, rules)
    vowels = rules.vowels
    for form, other in rules.anchored:  # a spelling at the start, before a vowel
        lf, lo = len(form), len(other)
        if (a.startswith(form) and b.startswith(other) and lf < len(a) and lo < len(b)
                and a[lf] in vowels and b[lo] in vowels):
            best = min(best, SWAP_COST + _distance(a[lf:], b[lo:], rules))
    return best


def _distance(a: str, b: str, rules: SwapRules) -> float:
    """The dynamic programme of `cost`, without the anchored swaps."""
    by_last, swap, doubled = rules.by_last, SWAP_COST, DOUBLED_COST
    m, n = len(a), len(b)
    d = [[0.0] * (n + 1) for _ in range(m + 1)]
    row0 = d[0]
    for j in range(1, n + 1):
        row0[j] = row0[j - 1] + (doubled if j > 1 and b[j - 1] == b[j - 2] else 1.0)
    for i in range(1, m + 1):
        ai = a[i - 1]
        row, up = d[i], d[i - 1]
        delete = doubled if i > 1 and ai == a[i - 2] else 1.0
        row[0] = up[0] + delete
        rules_here = by_last.get(ai, ())
        for j in range(1, n + 1):
            bj = b[j - 1]
            if ai == bj:
                best = up[j - 1]
            else:
                best = up[j - 1] + 1.0
                if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj:
                    best = min(best, d[i - 2][j - 2] + 1.0)
            for form, other in rules_here:  # sh/sch end on the same letter: check them too
                lf, lo = len(form), len(other)
                if lf <= i and lo <= j and b.endswith(other, 0, j) and a.endswith(form, 0, i):
                    best = min(best, d[i - lf][j - lo] + swap)
            insert = doubled if j > 1 and bj == b[j - 2] else 1.0
            row[j] = min(best, up[j] + delete, row[j - 1] + insert)
    return d[m][n]


def score(a: str, b: str) -> float:
    """The fuzzy score of two keys: FUZZY_MAX * (1 - cost / longer length), at least 0.

    >>> round(score("shamaxi", "schamachi"), 2), round(score("tartar", "tartal"), 2)
    (89.73, 78.25)
    """
    longer = max(len(a), len(b))
    if not longer:
        return FUZZY_MAX
    return max(0.0, FUZZY_MAX * (1.0 - cost(a, b) / longer))


def max_cost(length: int, min_score: float) -> float:
    """The most a key pair may cost and still reach `min_score`, when the longer key has
    `length` letters."""
    return max(0.0, (1.0 - min_score / FUZZY_MAX) * length)


__all__ = ["DOUBLED_COST", "FUZZY_MAX", "SWAP_COST", "SwapRules", "class_key", "cost", "max_cost", "score",
           "swap_rules"]
