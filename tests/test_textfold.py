"""Extract's folded text: the fast fold (one translate, offsets kept as drifts) against the
plain loop, character by character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import textfold
from toponyms.textfold import fold_slowly, fold_with_offsets, key_of

# letters, breaks, runs of breaks, dropped characters (apostrophes, a combining acute, ZWNJ),
# characters that fold to several (ß, the ligature ﬁ), Cyrillic and Armenian letters, and the
# characters extract uses inside as placeholders
_PIECES = st.sampled_from(["a", "B", "z", "7", " ", "  ", ",", ". ", "\n", "'", "’", "\u0301",
                           "\u200c", "ß", "ﬁ", "Ş", "ə", "И", "ջ", "\x00", "\x01", "-", "İ",
                           "\ufdfd"])
_TEXTS = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=40))


@given(_TEXTS)
def test_the_fast_fold_equals_the_plain_loop(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    plain, plain_offsets = fold_slowly(text)
    assert folded == plain
    assert [offsets[i] for i in range(len(folded))] == plain_offsets


@given(_TEXTS)
def test_a_name_key_is_the_folded_text_without_its_ends(text: str) -> None:
    assert key_of(text) == fold_slowly(text)[0].strip()


def test_offsets_point_back_into_the_text() -> None:
    text = "  In Yerevan's  centre, “Şuşa”  and ‘Xankəndi’."
    folded, offsets = fold_with_offsets(text)
    assert folded == "in yerevans centre susa and xankəndi "
    start = folded.index("susa")
    assert text[offsets[start] : offsets[start + 3] + 1] == "Şuşa"
    start = folded.index("xankəndi")
    assert text[offsets[start] : offsets[start + 7] + 1] == "Xankəndi"


def test_the_translate_table_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfold, "FOLD_MEMO_SIZE", 8)
    memo = textfold.FoldMemo()
    for first in range(0x4E00, 0x4E00 + 400, 20):  # 20 new CJK characters a text
        text = " ".join(chr(c) for c in range(first, first + 20)) + ", Şuşa'da"
        assert fold_with_offsets(text, memo) == fold_slowly(text, textfold.FoldMemo())
        assert len(memo.known) <= 2 * 8 + 30 and len(memo.table) <= len(memo.known)
