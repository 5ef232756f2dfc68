"""Names made only of position words ("West", "North East", "Gulf Coast"): several countries'
regions are named so, but such a query says where in something a part lies, not which place.
It is answered with a filter or beside its country, never bare (toponyms.kindwords.positional,
the language files' `position_words`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import Gazetteer
from toponyms.kindwords import positional
from toponyms.translit import languages

_WORDS = sorted(languages().position_words)

_PLACES = """\
- id: xl
  kind: country
  country: XL
  names:
    - {text: Xland, lang: en, status: official, source: 'https://example.org/x'}
- id: xl-w
  kind: region
  country: XL
  parent: xl
  names:
    - {text: West, lang: und, status: official, source: 'https://example.org/w'}
    - {text: North East, lang: und, status: official, source: 'https://example.org/w'}
- id: xl-mid
  kind: region
  country: XL
  parent: xl
  names:
    - {text: Middle East, lang: en, status: official, source: 'https://example.org/m'}
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("positional") / "places.yaml"
    path.write_text(_PLACES, encoding="utf-8")
    return Gazetteer.from_files(path, base=False)


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
       st.sampled_from(["", " district", " region"]))
def test_position_words_alone_are_positional(words: list[str], kind: str) -> None:
    assert positional(" ".join(words) + kind)
    assert not positional(" ".join(words) + " xland")


@pytest.mark.parametrize("query", ["West", "west", "WEST", "North East", "north-east"])
def test_a_bare_position_name_is_no_answer_but_found_with_a_filter(gaz: Gazetteer,
                                                                   query: str) -> None:
    assert gaz.resolve(query) is None
    assert gaz.search(query) == []
    found = gaz.resolve(query, country="XL")
    assert found is not None and found.place.id == "xl-w"
    found = gaz.resolve(query, parent="xl")
    assert found is not None and found.place.id == "xl-w"


def test_beside_its_country_a_position_name_is_the_region(gaz: Gazetteer) -> None:
    for query in ("West, Xland", "West (Xland)", "North East / Xland"):
        found = gaz.resolve(query)
        assert found is not None and found.place.id == "xl-w", query
        assert found.method == "compound" and found.part is not None


def test_a_name_with_another_word_is_a_name(gaz: Gazetteer) -> None:
    found = gaz.resolve("Middle East")
    assert found is not None and found.place.id == "xl-mid"


def test_extract_reports_a_position_name_only_with_a_filter(gaz: Gazetteer) -> None:
    text = "Relations between Xland and the West worsened in the Middle East."
    assert [m.text for m in gaz.extract(text)] == ["Xland", "Middle East"]
    assert [m.text for m in gaz.extract(text, country="XL")] == ["Xland", "West", "Middle East"]
