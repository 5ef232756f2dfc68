"""Running text folded for `extract`, with the way back from the folded text to the text.

`extract` searches the folded text (toponyms.mentions): each character folded as by
`normalize` (`fold_char`), apostrophes, marks and invisible characters dropped, any other
character a word break, and runs of breaks one space. A mention's span is then read off the
text through `offsets`: folded[i] comes from text[offsets[i]].

Folding one character at a time in Python was a quarter of extract's time at world scale. Here
a text is folded by one `str.translate` over a table of its distinct characters, and the
offsets are filled in by ranges between the few places where folded and text positions drift
apart (a dropped apostrophe, two breaks in a row such as ", "). A character that folds to
several (German ß -> ss, ligatures) stands as one placeholder until the end, where its letters
are put in, all with its offset. `fold_slowly`, the plain loop, is the reference the fast path
is tested against.
"""

from __future__ import annotations

import re
import unicodedata

from toponyms.keys import APOSTROPHES, fold, strip_marks


def fold_char(ch: str) -> str:
    """The folded form of one character: letters and digits folded as by `normalize`,
    apostrophes, marks and invisible characters dropped, anything else a word break."""
    if ch.isalnum():
        return strip_marks(fold(ch))
    if ch in APOSTROPHES or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
        return ""  # Cf covers ZWNJ/ZWJ and the bidi marks
    return " "


#: Characters kept by the memo of `fold_char`, in each of its two generations (a text uses a
#: few hundred distinct characters, a Chinese one a few thousand; all of Unicode would be
#: ~130 MB).
FOLD_MEMO_SIZE = 2048


class FoldMemo:
    """character -> fold_char(character), at most 2 * FOLD_MEMO_SIZE characters: the recently
    used ones. New entries go to `young`; when it is full it becomes `old` (the previous `old`
    is dropped) and a character found there moves back to `young`: a least-recently-used
    cache whose hits cost one dict lookup."""

    __slots__ = ("known", "old", "several", "table", "young")

    def __init__(self) -> None:
        self.young: dict[str, str] = {}
        self.old: dict[str, str] = {}
        # for `fold_with_offsets`: a str.translate table (each character to its one folded
        # character, to _DROPPED, or to _SEVERAL), the characters it holds, and those that
        # fold to several;
        # emptied when it holds 2 * FOLD_MEMO_SIZE characters
        self.table: dict[int, str] = {}
        self.known: set[str] = set()
        self.several: set[str] = set()

    def miss(self, ch: str) -> str:
        """The fold of a character not in `young` (callers look there first)."""
        folded = self.old.get(ch)
        if folded is None:
            folded = fold_char(ch)
        if len(self.young) >= FOLD_MEMO_SIZE:
            self.old, self.young = self.young, {}
        self.young[ch] = folded
        return folded

    def get(self, ch: str) -> str:
        """fold_char(ch), remembered."""
        folded = self.young.get(ch)
        return self.miss(ch) if folded is None else folded


MEMO = FoldMemo()


def key_of(text: str) -> str:
    """The key a name is indexed under: its characters folded one by one, spaces collapsed."""
    get = MEMO.get
    return " ".join("".join([get(ch) for ch in text]).split())


_DROPPED = "\x00"  # stands for a character that folds to nothing, until it is taken out
_SEVERAL = "\x01"  # stands for a character that folds to several, until they are put in
_DROPS = re.compile(_DROPPED)
_RUNS = re.compile("  +")  # two or more breaks in a row: one space in the folded text


def fold_with_offsets(text: str, memo: FoldMemo = MEMO) -> tuple[str, list[int]]:
    """The text folded (see the module docstring) and the offsets back into it: folded[i]
    comes from text[offsets[i]]; a space from the first break of its run."""
    chars = set(text)
    # this call's own references: another thread may start the memo afresh meanwhile
    table, known, several = memo.table, memo.known, memo.several
    new = chars - known
    if new:
        if len(known) + len(new) > 2 * FOLD_MEMO_SIZE:  # bounded: start afresh
            table, known, several, new = {}, set(), set(), chars
            memo.table, memo.known, memo.several = table, known, several
        get = memo.get
        for ch in new:
            folded = get(ch)
            if len(folded) == 1:
                table[ord(ch)] = folded
            elif not folded:
                table[ord(ch)] = _DROPPED
            else:
                table[ord(ch)] = _SEVERAL
                several.add(ch)
        known.update(new)
    wide = text.translate(table)  # one character for each of the text's
    # the k-th dropped character: the characters from its place in `wide` without the dropped
    # ones on come from k + 1 places further on in the text
    drops = [m.start() - k for k, m in enumerate(_DROPS.finditer(wide))]
    if drops:
        wide = wide.replace(_DROPPED, "")
    # the folded text in pieces that `wide` holds as they are: after the leading breaks, and
    # after each run of breaks but its first
    lead = len(wide) - len(wide.lstrip(" "))
    pieces, kept = [], lead
    for run in _RUNS.finditer(wide, lead):
        pieces.append((kept, run.start() + 1))
        kept = run.end()
    pieces.append((kept, len(wide)))
    offsets: list[int] = []
    k = 0
    for a, b in pieces:  # wide[a:b] is in the folded text; its offsets, drops counted in
        while a < b:
            while k < len(drops) and drops[k] <= a:
                k += 1
            c = min(b, drops[k]) if k < len(drops) else b
            offsets.extend(range(a + k, c + k))
            a = c
    folded = "".join([wide[a:b] for a, b in pieces])
    if several and not several.isdisjoint(chars):  # rare: put in what the placeholders fold to
        return _put_several(folded, offsets, text, memo)
    return folded, offsets


def _put_several(folded: str, offsets: list[int], text: str,
                 memo: FoldMemo) -> tuple[str, list[int]]:
    """`folded` with each _SEVERAL replaced by what its character of `text` folds to, every
    letter of it with that character's offset (as `fold_slowly` gives them)."""
    parts: list[str] = []
    spread: list[int] = []
    start = 0
    at = folded.find(_SEVERAL)
    while at >= 0:
        parts.append(folded[start:at])
        spread.extend(offsets[start:at])
        letters = memo.get(text[offsets[at]])
        parts.append(letters)
        spread.extend([offsets[at]] * len(letters))
        start = at + 1
        at = folded.find(_SEVERAL, start)
    parts.append(folded[start:])
    spread.extend(offsets[start:])
    return "".join(parts), spread


def fold_slowly(text: str, memo: FoldMemo = MEMO) -> tuple[str, list[int]]:
    """`fold_with_offsets` one character at a time, with every offset in a list."""
    out: list[str] = []
    offsets: list[int] = []
    space = True  # no leading space
    get = memo.get
    for i, ch in enumerate(text):
        folded = get(ch)
        if folded == " ":
            if not space:
                out.append(" ")
                offsets.append(i)
                space = True
            continue
        for part in folded:
            out.append(part)
            offsets.append(i)
            space = False
    return "".join(out), offsets


__all__ = ["FOLD_MEMO_SIZE", "MEMO", "FoldMemo", "fold_char", "fold_slowly",
           "fold_with_offsets", "key_of"]
