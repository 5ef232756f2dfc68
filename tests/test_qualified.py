"""Names that carry a bracketed qualifier ("Holy See (Vatican City State)") are found bare."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from toponyms import Gazetteer
from toponyms.index import _qualified_cores, unqualified
from toponyms.keys import normalize
from toponyms.translit import STATE_TITLE

_WORDS = st.text(st.characters(categories=["L"]), min_size=1, max_size=12)


@given(st.lists(_WORDS, min_size=1, max_size=4), st.lists(_WORDS, min_size=1, max_size=4),
       st.sampled_from(["()", "[]"]))
def test_the_bare_name_is_the_text_before_its_qualifier(
        name: list[str], qualifier: list[str], brackets: str) -> None:
    bare = " ".join(name)
    text = f"{bare} {brackets[0]}{' '.join(qualifier)}{brackets[1]}"
    assert unqualified(text) == bare


@given(st.text(max_size=40))
def test_a_name_without_a_closing_qualifier_has_no_bare_form(text: str) -> None:
    assume(not text.rstrip().endswith((")", "]")))
    assert unqualified(text) is None


def test_only_a_qualifier_or_an_empty_one_gives_nothing() -> None:
    assert unqualified("(Vatican City State)") is None
    assert unqualified("Holy See ( )") is None


def _titled(text: str) -> bool:
    return any(generic == STATE_TITLE for _, generic in _qualified_cores(text))


def test_a_state_title_in_brackets_reads_as_the_catalogue_form() -> None:
    # iso-codes: "Korea (Democratic People's Republic of)"; its bare "Korea" is not North
    # Korea's name more than South Korea's, so it is a core for titled queries only
    assert _titled("Korea (Democratic People's Republic of)")
    assert not _titled("Holy See (Vatican City State)")
    gaz = Gazetteer.default()
    match = gaz.resolve("Democratic People's Republic of Korea")
    assert match is not None and match.place.id == "kp"
    bare = gaz.resolve("Korea")
    assert bare is None or bare.place.id != "kp" or bare.ambiguous


def test_every_qualified_name_of_the_data_resolves_bare_to_a_place_that_has_it() -> None:
    gaz = Gazetteer.default()
    holders: dict[str, set[str]] = {}
    for place in gaz:
        for name in place.names:
            holders.setdefault(normalize(unqualified(name.text) or name.text), set()).add(place.id)
    checked = 0
    for place in gaz:
        for name in place.names:
            bare = unqualified(name.text)
            if bare is None or _titled(name.text):
                continue
            match = gaz.resolve(bare)
            assert match is not None, (place.id, name.text)
            assert match.place.id in holders[normalize(bare)], (bare, match.place.id)
            checked += 1
    assert checked > 50  # iso-codes writes many: "Holy See (Vatican City State)", ...
