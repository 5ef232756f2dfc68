"""Base forms of an inflected query: "Şuşada" -> "şuşa", "Гянджу" -> "гянджа", "Xocalının" ->
"xocalı", "Գյումրիում" -> "գյումրի", "Тертерского района" -> "тертерскии раион".

Table cells and headlines copy place names out of running text, with the case ending still on
("in Shusha", "of Tartar district"). `resolve` tries these base forms after the name as written
found nothing at the exact and normalized stages; a match through one scores
``ENDING_PENALTY`` lower. The knowledge is the language files' (data/languages/*.yaml): their
`suffixes` (case endings, read off the end of a word) and their `inflect` rules read backwards
(a Russian word form back to its nominative). No language is assumed: every language's endings
are tried, and only a base form that is itself a name of the data counts.
"""

from __future__ import annotations

from itertools import product

from toponyms.normalize import strip_marks
from toponyms.translit import Languages, languages

#: Score lost by a match through a base form (the same as extract's for a case ending read).
ENDING_PENALTY = 4.0
#: Most base forms tried for one query: bounds the work of a query that matches nothing.
MAX_FORMS = 16
#: Shortest stem left after an ending is read off: "Bakı" is not "Bak" plus an ending.
MIN_STEM = 3
#: Longest query (in words) whose words are all tried.
MAX_WORDS = 4


def base_forms(folded: str) -> list[str]:
    """Other readings of folded text with case endings taken off, most likely first.

    >>> "şuşa" in base_forms("şuşada"), "гянджа" in base_forms("гянджу")
    (True, True)
    """
    words = folded.split()
    if not words or len(words) > MAX_WORDS:
        return []
    data = languages()
    options = [[w, *_word_bases(w, data)] for w in words]
    out: list[str] = []
    for combo in product(*options):
        text = " ".join(combo)
        if text != folded and text not in out:
            out.append(text)
            if len(out) >= MAX_FORMS:
                break
    return out


def _word_bases(word: str, data: Languages) -> list[str]:
    bare = strip_marks(word)
    if len(bare) != len(word):
        word = bare  # a letter whose mark does not fold to one code point: use the bare word
    out: list[str] = []
    for rules in data.inflect.values():
        for ending, forms in rules:
            for form in forms:
                if bare.endswith(form) and len(bare) - len(form) >= MIN_STEM:
                    base = word[: len(word) - len(form)] + ending
                    if base not in out:
                        out.append(base)
    # longest ending first: "Xocalının" is "Xocalı" + "nın" before it is "Xocalını" + "n"
    for ending in sorted(data.suffixes, key=len, reverse=True):
        if data.suffixes[ending]:
            continue  # only after an apostrophe (Yerevan's), which folding has dropped
        if bare.endswith(ending) and len(bare) - len(ending) >= MIN_STEM:
            base = word[: len(word) - len(ending)]
            if base not in out:
                out.append(base)
    return out


__all__ = ["ENDING_PENALTY", "MAX_FORMS", "base_forms"]
