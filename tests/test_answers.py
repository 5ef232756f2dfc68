"""The answers of the data's own names, computed when the shipped index is built
(toponyms.gazetteer.Gazetteer._answer_names), and of the names written otherwise, by their
signature (`_answer_folded`): the same answers as the cascade's, and dropped when places are
added."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, cascade

_SHIPPED = Gazetteer.default()
_TEXTS = sorted(_SHIPPED._index.exact)


def _cascade(gaz: Gazetteer, text: str, min_score: float = 85.0) -> toponyms.Match | None:
    """What the cascade answers, no table or memo read."""
    return gaz._resolve(text, cascade.Filters(), min_score)


def test_the_shipped_index_answers_nearly_every_name() -> None:
    answers = _SHIPPED._index.answers
    assert answers is not None
    assert len(answers) >= 0.99 * len(_TEXTS)


@settings(max_examples=300)
@given(st.sampled_from(_TEXTS), st.sampled_from([0.0, 60.0, 85.0, 100.0]))
def test_an_answered_name_resolves_as_the_cascade_answers_it(text: str,
                                                             min_score: float) -> None:
    _SHIPPED.cache_clear()
    found = _SHIPPED.resolve(text, min_score=min_score)
    want = _cascade(_SHIPPED, text, min_score)
    assert found == want
    assert found is None or (found.ambiguous, found.name) == (want.ambiguous, want.name)  # type: ignore[union-attr]


def test_a_filter_or_context_is_never_answered_from_the_table() -> None:
    # "Talish" names two villages: the table holds the unfiltered answer only
    plain = _SHIPPED.resolve("Talish")
    assert plain is not None
    other = _SHIPPED.resolve("Talish", parent="az-agsu-district")
    assert other is not None and other.place.id == "az-agsu-talish" != plain.place.id
    near = _SHIPPED.resolve("Talish", context=["az-agsu-district"])
    assert near is not None and near.place.id == "az-agsu-talish"


def test_added_places_drop_the_answers(tmp_path: Path) -> None:
    # a city of 5 million named "Khankendi" outranks the town of the shipped data; an
    # overlay's gazetteer must not answer from the shipped table
    path = tmp_path / "big.yaml"
    path.write_text(
        "- id: xa-khankendi\n  kind: city\n  country: XA\n  population: 5000000\n"
        "  names:\n    - {text: Khankendi, lang: en, status: official, "
        "source: 'https://example.org/p'}\n", encoding="utf-8")
    gaz = Gazetteer.from_files(path)
    assert gaz._index.answers is None and gaz._index.folded_answers is None
    assert _SHIPPED.resolve("Khankendi").place.id == "az-khankendi"  # type: ignore[union-attr]
    found = gaz.resolve("Khankendi")
    assert found == _cascade(gaz, "Khankendi")
    assert found is not None and found.place.id == "xa-khankendi"


@pytest.mark.parametrize("query", ["", " Baku", "Baku ", "BAKU", "baku"])
def test_a_string_that_is_no_name_as_written_goes_through_the_cascade(query: str) -> None:
    answers = _SHIPPED._index.answers
    assert answers is not None and answers.get(query) is None
    _SHIPPED.cache_clear()
    assert _SHIPPED.resolve(query) == _cascade(_SHIPPED, query)


def _written_otherwise(text: str, how: int) -> str:
    """`text` in other case, dashes, apostrophes or spacing (what the normalized stage reads
    as the same name)."""
    forms = [text.upper(), text.lower(), text.swapcase(), text.title(),
             text.replace("-", " "), text.replace(" ", "-"), text.replace("'", "’"),
             f"  {text.upper()} ", text.lower().replace(" ", "  "), text.replace("-", "–")]
    return forms[how % len(forms)]


def test_the_shipped_index_answers_names_written_otherwise() -> None:
    folded = _SHIPPED._index.folded_answers
    assert folded is not None and len(folded) >= 0.5 * len(_TEXTS)


@settings(max_examples=500)
@given(st.sampled_from(_TEXTS), st.integers(0, 9), st.sampled_from([60.0, 85.0, 99.0]))
def test_a_name_written_otherwise_resolves_as_the_cascade_answers_it(
        text: str, how: int, min_score: float) -> None:
    query = _written_otherwise(text, how)
    _SHIPPED.cache_clear()
    found = _SHIPPED.resolve(query, min_score=min_score)
    want = _cascade(_SHIPPED, query, min_score)  # the cascade, no table or memo read
    assert found == want
    assert found is None or (found.ambiguous, found.name, found.method, found.query) == (
        want.ambiguous, want.name, want.method, want.query)  # type: ignore[union-attr]
    again = _SHIPPED.resolve(query, min_score=min_score)  # remembered: the same answer
    assert again == found


@given(st.text(max_size=30))
def test_any_string_resolves_as_the_cascade_answers_it(query: str) -> None:
    _SHIPPED.cache_clear()
    assert _SHIPPED.resolve(query) == _cascade(_SHIPPED, query)
