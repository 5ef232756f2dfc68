"""How alike two transliteration keys are, knowing which letters romanization systems swap.

The fuzzy stage's score. `cost` is a weighted edit distance between two skeleton keys (see
translit.skeleton): replacing one spelling of a romanization swap class by another (the `swaps`
of data/languages/skeleton.yaml: q/k/g, x/h/ch, c/j/dj/dsch, ç/ch/tch/tsch/cz, ş/sh/sch/sz,
...) costs SWAP_COST, writing a letter twice DOUBLED_COST, any other insertion, deletion,
substitution or transposition of two neighbours 1. How much cost a pair may have depends on
its length (the longer key's, L): `budget(L)` is one swap under 7 letters and L / 8 from 7
letters, so one plain edit from 8 letters and two from 16. The score maps cost 0 to FUZZY_MAX
and the budget to BUDGET_SCORE (resolve's default `min_score`, 85):

    score = FUZZY_MAX - (FUZZY_MAX - BUDGET_SCORE) * cost / budget(L)

so a short name meets its other romanizations ("Guba" and "Kuba", "Şuşa" and "Schuscha") but
not a word one real edit away, and a longer name also forgives a typo. A lower `min_score`
(search) widens every budget in proportion. The rule is symmetric.

Candidates come from the index (never a scan): keys with the same *class key* (every swap
spelling replaced by one symbol per group of classes that share a spelling, runs of one
symbol collapsed), looked up exactly, and where the budget allows a plain edit, the trigram
candidates of `NameIndex.fuzzy`.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

from toponyms.translit import languages, romanize, skeleton

#: The cost of replacing one spelling of a swap class by another.
SWAP_COST = 0.2
#: The cost of writing a letter twice (Masallı / Massaly), or once where it was doubled.
DOUBLED_COST = 0.5
#: What a vowel inserted, deleted or replaced by another costs when the query is in a script
#: that does not write a name's vowels letter for letter (`loose_vowels` in data/languages:
#: an abjad leaves short vowels out, "خنكندي" xnkndi is Xankəndi; an Indo-Aryan abugida's
#: inherent vowel is spoken or not; katakana adds vowels to consonant clusters): about a third
#: of an edit, so three such vowels cost what one real typo does.
VOWEL_COST = 0.3
#: What a vowel of a name costs that a query in an abjad leaves out (`omits_vowels` in
#: data/languages: Arabic, Hebrew), where the query's consonants agree with the name's: the
#: script does not write short vowels, so "ארבקיר" (arbkir) spells Arabkir as written. A
#: quarter of a swap; a vowel the query does write and the name has not, or has another,
#: costs what `cost`'s `vowel` says (in full for toponyms.transcribed's short keys), and so
#: does a name's first vowel (an abjad writes a word's first vowel with alef or aleph:
#: "ستاره", star, is not Astara).
OMITTED_VOWEL_COST = 0.05
#: A fuzzy score never reaches the transliteration stage's (94).
FUZZY_MAX = 93.9
#: The score of a pair that spends exactly its budget: resolve's default min_score.
BUDGET_SCORE = 85.0
# symbols standing for a group of swap spellings in class keys (keys are [a-z0-9])
_SYMBOLS = string.ascii_uppercase + "".join(chr(c) for c in range(0x100, 0x180))
_RUNS = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class SwapRules:
    """The swap classes of the language files, compiled to skeleton forms."""

    classes: tuple[tuple[str, ...], ...]  # distinct skeleton forms per class (not anchored)
    # last letter of a form -> last letter of another form of its class -> the (form, other)
    # pairs (nested: the dynamic programme's inner loop makes no tuple per cell)
    by_letters: dict[str, dict[str, tuple[tuple[str, str], ...]]]
    anchored: tuple[tuple[str, str], ...]  # (form, other form) at the start, before a vowel
    multi: tuple[tuple[str, str], ...]  # forms of two or more letters, longest first: symbol
    single: dict[int, str]  # str.translate table: one-letter forms -> their group's symbol
    vowels: str
    longest: int  # letters in the longest form (how many rows one swap may span)
    droppable: frozenset[str]  # class-key symbols of anchored forms (dropped at the start)
    vowel_symbols: frozenset[str]  # vowels and the symbols of groups of vowels


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
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    parent: dict[str, str] = {}  # union-find over forms: classes sharing a form form a group

    def root(form: str) -> str:
        while parent.setdefault(form, form) != form:
            form = parent[form]
        return form

    for spellings in data.swaps:
        anchor = spellings[0].startswith("^")  # the loader checked: all or none
        forms = tuple(dict.fromkeys(f for s in spellings if (f := _compile(s)) or anchor))
        if len(forms) < 2:
            continue  # the skeleton folds these already
        if anchor:
            anchored.extend((a, b) for a in forms for b in forms if a != b)
            continue
        classes.append(forms)
        for a in forms:
            parent[root(a)] = root(forms[0])
            for b in forms:
                if a != b:
                    pairs.setdefault((a[-1], b[-1]), []).append((a, b))
    groups = sorted({root(f) for f in parent})
    if len(groups) > len(_SYMBOLS):
        raise ValueError(f"more than {len(_SYMBOLS)} groups of swap classes")
    symbol = {g: _SYMBOLS[i] for i, g in enumerate(groups)}
    symbols = {form: symbol[root(form)] for form in parent}
    multi = sorted((f for f in symbols if len(f) > 1), key=lambda f: (-len(f), f))
    return SwapRules(
        classes=tuple(classes),
        by_letters={a: {b: tuple(v) for (x, b), v in pairs.items() if x == a}
                    for a in sorted({x for x, _ in pairs})},
        anchored=tuple(anchored),
        multi=tuple((f, symbols[f]) for f in multi),
        single=str.maketrans({f: s for f, s in symbols.items() if len(f) == 1}),
        vowels=data.vowels,
        longest=max((len(f) for forms in classes for f in forms), default=1),
        droppable=frozenset(symbol[root(f)] if f in parent else f
                            for pair in anchored for f in pair if f),
        vowel_symbols=frozenset(data.vowels) | {symbol[root(f)] for f in parent
                                                if f[0] in data.vowels},
    )


def _classes(key: str, rules: SwapRules) -> str:
    """`key` with every swap spelling replaced by its group's symbol, runs collapsed."""
    for form, symbol in rules.multi:
        if form in key:
            key = key.replace(form, symbol)
    return _RUNS.sub(r"\1", key.translate(rules.single))


def class_key(key: str) -> str:
    """`key` with every swap spelling replaced by its group's symbol and runs collapsed: two
    keys one or more swaps apart share it, so the index can look them up exactly. A first
    symbol that an anchored swap may drop (the group of j, for ^y/^j) is dropped before a
    vowel.

    >>> class_key("shamaxi") == class_key("schamachi"), class_key("guba") == class_key("kuba")
    (True, True)
    """
    rules = swap_rules()
    out = _classes(key, rules)
    if len(out) > 1 and out[0] in rules.droppable and out[1] in rules.vowel_symbols:
        return out[1:]
    return out


def cost(a: str, b: str, limit: float = float("inf"), *, vowel: float = 1.0,
         omitted: float | None = None) -> float:
    """The weighted edit distance between two keys (see the module docstring); symmetric
    unless `omitted` is given. Above `limit` the work may stop early and the answer is only
    some cost above it. With `vowel` below 1 a vowel inserted, deleted or replaced by another
    costs that much (the rule of a query in a script that does not write a name's vowels
    letter for letter: see VOWEL_COST); `omitted`, when given, is what a vowel of `b` that `a`
    leaves out costs (a query `a` in an abjad: see OMITTED_VOWEL_COST).

    >>> cost("guba", "kuba"), cost("shamaxi", "schamachi"), cost("avlax", "javlach")
    (0.2, 0.4, 0.4)
    """
    rules = swap_rules()
    best = _distance(a, b, rules, limit, vowel, omitted)
    vowels = rules.vowels
    for form, other in rules.anchored:  # a spelling at the start, before a vowel
        lf, lo = len(form), len(other)
        if (a.startswith(form) and b.startswith(other) and lf < len(a) and lo < len(b)
                and a[lf] in vowels and b[lo] in vowels):
            best = min(best, SWAP_COST + _distance(a[lf:], b[lo:], rules, limit - SWAP_COST,
                                                   vowel, omitted))
    return best


def _distance(a: str, b: str, rules: SwapRules, limit: float, vowel: float = 1.0,
              omitted: float | None = None) -> float:
    """The dynamic programme of `cost`, without the anchored swaps.

    A common start and end are cut off first, all but the `longest` letters next to the
    first and last difference (which a swap or a doubled letter may still need). `vowel` is
    what a vowel's insertion, deletion or replacement by another vowel costs (1: any edit);
    `omitted` what inserting a vowel of b costs (default: `vowel`)."""
    by_letters, swap, doubled, reach = rules.by_letters, SWAP_COST, DOUBLED_COST, rules.longest
    if a == b:
        return 0.0
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    cut, tail = max(0, start - reach), max(0, end - reach)
    a, b = a[cut : len(a) - tail], b[cut : len(b) - tail]
    m, n = len(a), len(b)
    vowels = rules.vowels if vowel < 1.0 else ""
    # what inserting each letter of b costs (a doubled one less, a vowel less when asked)
    added, left_out = (vowel, vowels) if omitted is None else (min(vowel, omitted), rules.vowels)
    insert = [min(doubled if j and b[j] == b[j - 1] else 1.0,
                  added if b[j] in left_out else 1.0) for j in range(n)]
    if omitted is not None and not cut and n and b[0] in left_out:
        insert[0] = min(vowel, 1.0)  # an abjad writes a word's first vowel (alef, aleph)
    d = [[0.0] * (n + 1) for _ in range(m + 1)]
    row0 = d[0]
    for j in range(1, n + 1):
        row0[j] = row0[j - 1] + insert[j - 1]
    lows = [0.0]  # each row's least cost: a path crosses at least one of any `reach` rows
    for i in range(1, m + 1):
        ai = a[i - 1]
        row, up = d[i], d[i - 1]
        delete = doubled if i > 1 and ai == a[i - 2] else 1.0
        replace = 1.0  # what replacing ai costs: less for a vowel by a vowel when asked
        if ai in vowels:
            delete = min(delete, vowel)
            replace = vowel
        row[0] = left = up[0] + delete
        before = b[0] if n else ""  # b[j - 2] in the loop
        swaps = by_letters.get(ai)  # the swap pairs whose form ends in ai
        for j in range(1, n + 1):
            bj = b[j - 1]
            if ai == bj:
                best = up[j - 1]
            else:
                best = up[j - 1] + (replace if bj in vowels else 1.0)
                if j > 1 and i > 1 and ai == before and a[i - 2] == bj:
                    best = min(best, d[i - 2][j - 2] + 1.0)
            pairs = swaps.get(bj) if swaps is not None else None
            if pairs is not None:  # checked on equal letters too: sh / sch both end in h
                for form, other in pairs:
                    lf, lo = len(form), len(other)
                    if lf <= i and lo <= j and b.endswith(other, 0, j) and a.endswith(
                            form, 0, i):
                        best = min(best, d[i - lf][j - lo] + swap)
            step = up[j] + delete
            if step < best:
                best = step
            step = left + insert[j - 1]
            if step < best:
                best = step
            row[j] = left = best
            before = bj
        lows.append(min(row))
        if i >= reach and min(lows[-reach:]) > limit:
            return min(lows[-reach:])
    return d[m][n]


def consonant_key(key: str) -> str:
    """`key`'s class key (see `class_key`, no symbol dropped at the start) without its
    vowels: the consonants a name is written with, each swap spelling as its group, runs
    collapsed. Two keys with the same consonant key differ only in vowels and swaps.

    >>> consonant_key("xnkndi") == consonant_key("xankandi"), len(consonant_key("qbla"))
    (True, 3)
    """
    rules = swap_rules()  # no first symbol dropped: a vowel the query leaves out decides it
    vowels = rules.vowel_symbols
    return _RUNS.sub(r"\1", "".join(ch for ch in _classes(key, rules) if ch not in vowels))


def budget(length: int) -> float:
    """The cost a pair of keys may have at the default `min_score` (BUDGET_SCORE), when the
    longer has `length` letters: one swap under 7 letters, length / 8 from 7."""
    return SWAP_COST if length < 7 else length / 8


def limit(length: int, min_score: float) -> float:
    """The most a pair may cost and still score `min_score` (the budget, scaled)."""
    return max(0.0, budget(length) * (FUZZY_MAX - min_score) / (FUZZY_MAX - BUDGET_SCORE))


def score(a: str, b: str) -> float:
    """The fuzzy score of two keys (see the module docstring), 0 to FUZZY_MAX.

    >>> score("guba", "kuba"), score("tartar", "tartal"), round(score("shamaxi", "schamachi"), 2)
    (85.0, 49.4, 90.74)
    """
    return score_of(cost(a, b), max(len(a), len(b)))


def score_of(pair_cost: float, length: int) -> float:
    """The score of a pair with this cost, whose longer key has `length` letters."""
    # rounded: a pair that spends exactly its budget must not miss it by a float's last bit
    return round(max(0.0, FUZZY_MAX - (FUZZY_MAX - BUDGET_SCORE) * pair_cost / budget(length)),
                 9)


__all__ = ["BUDGET_SCORE", "DOUBLED_COST", "FUZZY_MAX", "OMITTED_VOWEL_COST", "SWAP_COST",
           "VOWEL_COST", "SwapRules", "budget", "class_key", "consonant_key", "cost", "limit",
           "score", "score_of", "swap_rules"]
