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

from toponyms.keys import strip_marks
from toponyms.translit import Languages, languages

#: Score lost by a match through a base form (the same as extract's for a case ending read).
ENDING_PENALTY = 4.0
#: Most base forms tried for one query: bounds the work of a query that matches nothing.
MAX_FORMS = 16
#: Shortest stem left after an ending is read off: "Bakı" is not "Bak" plus an ending.
MIN_STEM = 3
#: Longest query (in words) whose words are all tried.
MAX_WORDS = 4


def base_forms(folded: str) -> list[tuple[str, frozenset[str]]]:
    """Other readings of folded text with case endings taken off, most likely first, each
    with the languages whose endings were read (a base form meets only their names).

    >>> [text for text, _ in base_forms("şuşada")][:3]
    ['şuşa', 'şuşad']
    >>> sorted(dict(base_forms("гянджу"))["гянджа"])
    ['ru']
    """
    words = folded.split()
    if not words or len(words) > MAX_WORDS:
        return []
    data = languages()
    options = [[(w, frozenset[str]()), *_word_bases(w, data)] for w in words]
    out: dict[str, frozenset[str]] = {}
    for combo in product(*options):
        text = " ".join(w for w, _ in combo)
        if text == folded or text in out:
            continue
        langs = [ls for _, ls in combo if ls]
        common = frozenset.intersection(*langs) if langs else frozenset()
        if common:  # the endings read off several words are of one language
            out[text] = common
            if len(out) >= MAX_FORMS:
                break
    return list(out.items())


def _word_bases(word: str, data: Languages) -> list[tuple[str, frozenset[str]]]:
    bare = strip_marks(word)
    if len(bare) != len(word):
        word = bare  # a letter whose mark does not fold to one code point: use the bare word
    out: dict[str, set[str]] = {}
    for lang, rules in data.inflect.items():
        for ending, forms in rules:
            for form in forms:
                if bare.endswith(form) and len(bare) - len(form) >= MIN_STEM:
                    out.setdefault(word[: len(word) - len(form)] + ending, set()).add(lang)
    # longest ending first: "Xocalının" is "Xocalı" + "nın" before it is "Xocalını" + "n"
    for ending in sorted(data.suffixes, key=len, reverse=True):
        if data.suffixes[ending]:
            continue  # only after an apostrophe (Yerevan's), which folding has dropped
        if bare.endswith(ending) and len(bare) - len(ending) >= MIN_STEM:
            out.setdefault(word[: len(word) - len(ending)], set()).update(
                data.suffix_langs.get(ending, ()))
    return [(text, frozenset(langs)) for text, langs in out.items()]


__all__ = ["ENDING_PENALTY", "MAX_FORMS", "base_forms"]
