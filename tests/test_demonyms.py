"""toponyms.demonyms: demonyms name their country only when asked, never over a place's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import DataError, Gazetteer
from toponyms.demonyms import SCORE, STATUS, read, read_regions
from toponyms.model import data_dir

TABLE = read(data_dir() / "demonyms.yaml", Gazetteer.default().__contains__).table


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_every_demonym_names_countries_of_the_data(gaz: Gazetteer) -> None:
    assert len(TABLE) > 250
    assert all(gaz.get(i).kind == "country" for ids in TABLE.values() for i in ids)
    assert TABLE["Armenian"] == ("am",) and TABLE["Azerbaijani"] == ("az",)


@given(st.sampled_from(sorted(TABLE)))
def test_a_demonym_resolves_only_when_asked_and_never_over_a_place(demonym: str) -> None:
    gaz = Gazetteer.default()
    plain = gaz.resolve(demonym)
    asked = gaz.resolve(demonym, demonyms=True)
    assert asked is not None
    if plain is not None:  # a place's own name ("Niger", "Monaco") keeps its place
        assert asked == plain
    else:
        assert (asked.method, asked.score, asked.name.status) == ("demonym", SCORE, STATUS)
        assert asked.place.id == TABLE[demonym][0]
        assert asked.ambiguous == (len(TABLE[demonym]) > 1)


@given(st.sampled_from(["Armenian", "Russian", "New Zealander"]),
       st.sampled_from([str.lower, str.upper, lambda s: f"  {s} ", lambda s: f"{s}\u202e",
                        lambda s: f"\u200f{s}\u00ad"]))
def test_case_spaces_and_invisible_marks_do_not_matter_to_resolve(demonym: str,
                                                                  change: object) -> None:
    gaz = Gazetteer.default()
    assert callable(change)
    first, second = gaz.resolve(demonym, demonyms=True), gaz.resolve(change(demonym),
                                                                      demonyms=True)
    assert first is not None and second is not None and first.place == second.place


def test_filters_apply_to_demonyms(gaz: Gazetteer) -> None:
    assert gaz.resolve("Armenian", demonyms=True, country="AM").place.id == "am"  # type: ignore
    assert gaz.resolve("Armenian", demonyms=True, country="AZ") is None
    assert gaz.resolve("Armenian", demonyms=True, kind="city") is None
    assert gaz.resolve("Armenian", demonyms=True, min_score=95) is None


def test_extract_adds_capitalized_demonyms_no_mention_covers(gaz: Gazetteer) -> None:
    text = "Armenian forces near Tərtər; russian TV; the New Zealander and South African crews."
    assert all(m.match.method != "demonym" for m in gaz.extract(text))
    found = [(m.text, m.match.place.id, m.match.method)
             for m in gaz.extract(text, demonyms=True)]
    assert found == [("Armenian", "am", "demonym"), ("Tərtər", "az-tartar", "exact"),
                     ("New Zealander", "nz", "demonym"), ("South African", "za", "demonym")]
    assert all(text[m.start:m.end] == m.text for m in gaz.extract(text, demonyms=True))


_BAD = [
    (read, "source: 'dataset:x 1'\ndemonyms:\n  Fooish: [zz-nowhere]\n", "not a place", 3),
    (read, "source: 'dataset:x 1'\ndemonyms:\n  Fooish: am\n", "non-empty list", 3),
    (read, "source: 'https://example.org'\ndemonyms:\n  Fooish: [am]\n", "source must be", 1),
    (read, "demonyms:\n  Fooish: [am]\n", "exactly `source` and `demonyms`", 1),
    (read, "source: 'dataset:x 1'\ndemonyms:\n  Fooish: [am]\n  Fooish: [az]\n", "uplicate", 4),
    (read_regions, "demonyms:\n  - text: Fooish\n    ids: am\n    source: https://example.org\n",
     "non-empty list", 2),
    (read_regions, "demonyms:\n  - text: Fooish\n    ids: [am]\n    source: dataset:x\n",
     "source must", 2),
    (read_regions, "demonyms:\n  - text: Fooish\n    ids: [am]\n", "exactly", 2),
    (read_regions, "demonyms:\n  - text: Fooish\n    ids: [am]\n    source: https://a.org\n"
     "  - text: Fooish\n    ids: [az]\n    source: https://b.org\n", "duplicate", 5),
    (read_regions, "demonyms: {Fooish: [am]}\n", "a list of entries", 1),
]


@pytest.mark.parametrize(("reader", "body", "words", "line"), _BAD)
def test_a_bad_demonym_file_is_a_data_error(tmp_path: Path, gaz: Gazetteer, reader: Any,
                                            body: str, words: str, line: int) -> None:
    """Both tables (data/demonyms.yaml, data/region-demonyms.yaml): a DataError with the line."""
    path = tmp_path / "demonyms.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=words) as err:
        reader(path, gaz.__contains__)
    assert err.value.line == line


REGIONS = data_dir() / "region-demonyms.yaml"


@pytest.mark.slow
def test_region_adjectives_name_their_continent_or_region_in_the_world(world: Gazetteer) -> None:
    """"European" -> Europe with demonyms=True, each with the page it was read on; never
    without it, and never over a place's own name."""
    table, sources = read_regions(REGIONS, lambda _: True)
    assert len(table) >= 5 and set(table) == set(sources)
    for text, ids in table.items():
        assert all(world.get(i) is not None for i in ids), text
        asked = world.resolve(text, demonyms=True)
        plain = world.resolve(text)
        assert asked is not None
        if plain is not None:
            assert asked == plain
        else:
            assert (asked.method, asked.place.id, asked.name.source) == (
                "demonym", ids[0], sources[text])
            assert world.resolve(text, demonyms=True, kind="country") is None
    found = [(m.text, m.match.place.id) for m in world.extract(
        "European and African leaders met in Cairo.", demonyms=True)]
    assert ("European", "continent-eu") in found and ("African", "continent-af") in found


def test_region_adjectives_without_their_places_are_left_out(gaz: Gazetteer) -> None:
    """The shipped data has no continents: "European" stays no answer, and no error."""
    table, _ = read_regions(REGIONS, gaz.__contains__)
    assert "European" not in table
    assert gaz.resolve("European", demonyms=True) is None
    assert gaz.resolve("Armenian", demonyms=True).place.id == "am"  # type: ignore[union-attr]
