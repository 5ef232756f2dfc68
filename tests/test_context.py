"""Document context: other places of a text decide between same-named places (toponyms.context)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import Gazetteer, context

SRC = "source: 'https://example.org/p'"


def _place(pid: str, kind: str, name: str, *, parent: str | None = None, country: str = "XA",
           lat: float | None = None, lon: float | None = None,
           population: int | None = None) -> str:
    lines = [f"- id: {pid}", f"  kind: {kind}", f"  country: {country}"]
    if parent:
        lines.append(f"  parent: {parent}")
    if lat is not None:
        lines += [f"  lat: {lat}", f"  lon: {lon}", "  coords_source: 'https://example.org/c'"]
    if population is not None:
        lines.append(f"  population: {population}")
    lines += ["  names:", f"    - {{text: {name}, lang: en, status: official, {SRC}}}"]
    return "\n".join(lines)


def _gazetteer(factory: pytest.TempPathFactory, name: str, places: list[str]) -> Gazetteer:
    """A gazetteer of only these `_place` blocks, written to a file of its own."""
    path = factory.mktemp(name) / f"{name}.yaml"
    path.write_text("\n".join(places) + "\n", encoding="utf-8")
    return Gazetteer.from_files(path, base=False)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # two regions of one country, each with a town "Marlow"; a third "Marlow" abroad, near
    # nothing; towns "Ashby" and "Crale" to stand as context
    places = [
        _place("xa-north", "region", "Nordland", lat=60.0, lon=10.0),
        _place("xa-south", "region", "Sudland", lat=40.0, lon=10.0),
        _place("xa-north-marlow", "town", "Marlow", parent="xa-north", lat=60.1, lon=10.1),
        _place("xa-south-marlow", "town", "Marlow", parent="xa-south", lat=40.1, lon=10.1),
        _place("xa-north-ashby", "town", "Ashby", parent="xa-north", lat=60.3, lon=10.2),
        _place("xa-south-crale", "town", "Crale", parent="xa-south", lat=40.2, lon=10.3),
        _place("xb-marlow", "town", "Marlow", country="XB", lat=-30.0, lon=150.0),
        _place("xb-dunmore", "town", "Dunmore", country="XB", lat=-31.0, lon=150.5),
    ]
    return _gazetteer(tmp_path_factory, "ctx", places)


@pytest.mark.parametrize(("ctx", "want"), [
    (["Nordland"], "xa-north-marlow"),          # inside a context place
    (["xa-south"], "xa-south-marlow"),          # by id
    (["Ashby"], "xa-north-marlow"),             # a sibling under the same region
    (["Crale"], "xa-south-marlow"),
    (["Dunmore"], "xb-marlow"),                 # near (about 115 km)
])
def test_context_decides_between_same_named_places(gaz: Gazetteer, ctx: list[str],
                                                    want: str) -> None:
    match = gaz.resolve("Marlow", context=ctx)
    assert match is not None and match.place.id == want, (ctx, match)
    assert gaz.search("Marlow", context=ctx)[0].place.id == want
    assert match.score == 100.0  # context reorders, it never changes a score


@given(st.sampled_from(["MARLOW", "marlow", "Marlow", " Marlow "]), st.data())
def test_the_query_s_own_name_is_no_context(gaz: Gazetteer, own: str,
                                            data: st.DataObject) -> None:
    """A document's other writing of the name itself ("MARLOW" in a headline beside
    "Marlow") would vouch for the first answer; it is left out, and the rest decides."""
    bare = gaz.resolve("Marlow")
    assert bare is not None
    others = {"xa-north-marlow": ["Crale", "xa-south", "Sudland"],
              "xa-south-marlow": ["Ashby", "xa-north", "Nordland"]}
    other = next(pid for pid in others if pid != bare.place.id)
    ctx = data.draw(st.sampled_from(others[bare.place.id]))
    with_own = gaz.resolve("Marlow", context=[own, ctx])
    assert with_own is not None and with_own.place.id == other


def test_context_of_places_objects_and_unknown_names(gaz: Gazetteer) -> None:
    north = gaz.get("xa-north")
    assert gaz.resolve("Marlow", context=[north]).place.id == "xa-north-marlow"  # type: ignore[union-attr]
    plain = gaz.resolve("Marlow")
    # a context that names nothing changes nothing
    assert gaz.resolve("Marlow", context=["Zzyzx", ""]) == plain
    assert gaz.resolve("Marlow", context=[]) == plain


@given(st.lists(st.sampled_from(["Nordland", "xa-south", "Ashby", "Crale", "Dunmore",
                                 "Zzyzx"]), max_size=3), st.booleans())
def test_remembered_candidates_give_what_a_fresh_gazetteer_gives(
        gaz: Gazetteer, ctx: list[str], cleared: bool) -> None:
    """Resolve with `context` reorders a name's candidates, remembered by name and filters:
    asked again, with any context, or after cache_clear, the answer is the same."""
    before = gaz.resolve("Marlow", context=ctx)
    if cleared:
        gaz.cache_clear()
    again = gaz.resolve("Marlow", context=ctx)
    assert again == before
    assert gaz.search("Marlow", context=ctx)[0] == before
    # the filters are part of what is remembered
    south = gaz.resolve("Marlow", context=ctx, parent="xa-south")
    assert south is None or south.place.parent == "xa-south"


def test_context_never_makes_an_answer_of_a_non_answer(gaz: Gazetteer) -> None:
    assert gaz.resolve("Qwertyville", context=["Nordland"]) is None
    assert gaz.resolve("Marlo", context=["Nordland"], min_score=100) is None


@pytest.mark.parametrize("bad", [[3], [None], "Nordland"])
def test_bad_context_is_a_type_error(gaz: Gazetteer, bad: object) -> None:
    with pytest.raises(TypeError):
        gaz.resolve("Marlow", context=bad)  # type: ignore[arg-type]


def test_distance_is_great_circle_km(gaz: Gazetteer) -> None:
    a, b = gaz.get("xb-marlow"), gaz.get("xb-dunmore")
    d = context.km(a, b)
    assert d is not None and 100 < d < 130
    assert context.km(a, a) == 0.0
    assert context.km(a, gaz.get("xa-north")) == context.km(gaz.get("xa-north"), a)



_LATS = st.floats(min_value=-90.0, max_value=90.0, allow_nan=False)
_LONS = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)
_STEP = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)  # degrees: about NEAR_LAT


@settings(max_examples=2000)
@given(_LATS, _LONS, _STEP, _STEP)
def test_latitude_precheck_never_rejects_a_pair_the_formula_keeps(
        lat: float, lon: float, dlat: float, dlon: float) -> None:
    other = max(-90.0, min(90.0, lat + dlat))
    a = toponyms.Place("a", "town", lat=lat, lon=lon)
    b = toponyms.Place("b", "town", lat=other, lon=(lon + dlon + 180.0) % 360.0 - 180.0)
    d = context.km(a, b)
    assert d is not None
    assert context.near(a, b) == (d <= context.NEAR_KM)
    if d <= context.NEAR_KM:
        assert abs(a.lat - b.lat) <= context.NEAR_LAT  # type: ignore[operator]


def test_latitude_precheck_at_the_threshold() -> None:
    # due north by NEAR_KM (to the rounding of the formula) and a hair beyond it
    step = math.degrees(context.NEAR_KM / context.EARTH_KM)
    a = toponyms.Place("a", "town", lat=10.0, lon=20.0)
    on = toponyms.Place("on", "town", lat=10.0 + step, lon=20.0)
    beyond = toponyms.Place("beyond", "town", lat=10.0 + step + 2e-6, lon=20.0)
    assert context.near(a, on) == (context.km(a, on) <= context.NEAR_KM)  # type: ignore[operator]
    assert context.near(a, beyond) is False
    assert context.near(a, toponyms.Place("x", "town")) is False  # no coordinates


def _nearness(place: toponyms.Place, mentioned: list[toponyms.Place],
              exclude: str | None) -> int:
    """Mentioned.near by its definition: every distance computed."""
    best = 0
    for other in mentioned:
        if other.id in (exclude, place.id):
            continue
        d = context.km(place, other)
        if d is not None and d <= context.NEAR_KM:
            return 2
        if place.country is not None and place.country == other.country:
            best = 1
    return best


_SPOTS = st.builds(
    lambda i, country, located, lat, lon: toponyms.Place(
        f"p{i}", "town", country=country, lat=lat if located else None,
        lon=lon if located else None),
    st.integers(0, 7), st.sampled_from([None, "XA", "XB"]), st.booleans(),
    st.floats(min_value=40.0, max_value=44.0), st.floats(min_value=10.0, max_value=14.0))


@settings(max_examples=300)
@given(st.lists(_SPOTS, max_size=8, unique_by=lambda p: p.id), _SPOTS,
       st.sampled_from([None, "p0", "p1", "p2", "p9"]))
def test_mentioned_near_is_its_definition(mentioned: list[toponyms.Place],
                                          place: toponyms.Place, exclude: str | None) -> None:
    ctx = context.Mentioned({p.id for p in mentioned}, {}, mentioned)
    want = _nearness(place, mentioned, exclude)
    assert ctx.near(place, exclude) == want
    assert ctx.near(place, exclude) == want  # remembered


@settings(deadline=None, max_examples=40)
@given(st.lists(st.sampled_from(["Nordland", "Sudland", "Ashby", "Crale", "Dunmore", "xa-north",
                                 "Nowhere"]), max_size=4))
def test_context_only_reorders_candidates_close_to_the_best(gaz: Gazetteer,
                                                            ctx: list[str]) -> None:
    # a property over any context: the answer is one of the candidates without context, within
    # MARGIN of the best, with its own unchanged score; search lists the same places
    g = gaz
    plain = g.search("Marlow")
    with_ctx = g.search("Marlow", context=ctx)
    assert sorted(m.place.id for m in plain) == sorted(m.place.id for m in with_ctx)
    best = g.resolve("Marlow", context=ctx)
    assert best is not None and best.score >= plain[0].score - context.MARGIN
    assert best in plain


def test_shipped_data_context_picks_the_village_of_that_district() -> None:
    # in the shipped data, "Talish" names a village of Tartar (now Aghdara) district and one of
    # Agsu district: the context of the other district's centre picks the other village
    plain = toponyms.resolve("Talish")
    assert plain is not None
    other = [m for m in toponyms.search("Talish") if m.place.id != plain.place.id
             and m.score >= plain.score - context.MARGIN and m.place.parent]
    assert other, "the data has two villages named Talish"
    district = other[0].place.parent
    assert district is not None
    picked = toponyms.resolve("Talish", context=[district])
    assert picked is not None and picked.place.id == other[0].place.id


@pytest.fixture(scope="module")
def territories(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # a country "Zembla" (XC); in country Atlantis (XA) a region "Zembla" holding the town
    # "Ashby", and a town "Zembla" in the region Nordland
    places = [
        _place("xc", "country", "Zembla", country="XC", lat=10.0, lon=10.0),
        _place("xa", "country", "Atlantis", country="XA", lat=50.0, lon=10.0),
        _place("xa-north", "region", "Nordland", parent="xa", lat=60.0, lon=10.0),
        _place("xa-zembla", "region", "Zembla", parent="xa", lat=45.0, lon=12.0),
        _place("xa-ashby", "town", "Ashby", parent="xa-zembla", lat=45.1, lon=12.1),
        _place("xa-north-zembla", "town", "Zembla", parent="xa-north", lat=60.1, lon=10.1),
    ]
    return _gazetteer(tmp_path_factory, "terr", places)


@pytest.mark.parametrize("ctx", [["Nordland"], ["Atlantis"], ["Nordland", "Atlantis"]])
def test_a_territory_is_not_displaced_by_a_smaller_place(territories: Gazetteer,
                                                         ctx: list[str]) -> None:
    # the town lies inside every context place, yet the country of that name stays first
    plain = territories.resolve("Zembla")
    assert plain is not None and plain.place.id == "xc"
    match = territories.resolve("Zembla", context=ctx)
    assert match is not None and match.place.id == "xc", (ctx, match)


def test_a_territory_may_be_displaced_by_another_territory(territories: Gazetteer) -> None:
    # the region of that name contains a context place: strong evidence among territories
    match = territories.resolve("Zembla", context=["Ashby"])
    assert match is not None and match.place.id == "xa-zembla"


def test_weak_context_reorders_only_within_a_kind_rank(territories: Gazetteer) -> None:
    # "Atlantis" contains both the region and the town; the region outranks the town by kind
    found = territories.search("Zembla", context=["Atlantis"])
    ids = [m.place.id for m in found]
    assert ids.index("xa-zembla") < ids.index("xa-north-zembla")


# rerank on its own: a state "Ostmark" (XA) holding a town that has "Capitol" among its
# dataset's untagged alternates, and the capital "Capitol" (XA) named by its first name
_RANKS = {"country": 0, "region": 1, "city": 2, "town": 3, "village": 4}
_STATE = toponyms.Place("xa-ost", "region", "XA", "xa", names=(
    toponyms.Name("Ostmark", "en", "official"),))
_CAPITAL = toponyms.Place("xa-capitol", "city", "XA", "xa", names=(
    toponyms.Name("Capitol", "und", "variant"),), population=700_000)
_ALIASED = toponyms.Place("xa-ost-river", "town", "XA", "xa-ost", names=(
    toponyms.Name("South River", "und", "variant"), toponyms.Name("Capitol", "und", "variant")))
_VILLAGE = toponyms.Place("xa-ost-capitol", "village", "XA", "xa-ost", names=(
    toponyms.Name("Capitol", "und", "variant"),), population=90_000)
_UP = {"xa-ost": frozenset({"xa"}), "xa-capitol": frozenset({"xa"}),
       "xa-ost-river": frozenset({"xa", "xa-ost"}), "xa-ost-capitol": frozenset({"xa", "xa-ost"})}
_BY_ID = {p.id: p for p in (_STATE, _CAPITAL, _ALIASED, _VILLAGE)}


def _m(place: toponyms.Place, name_at: int) -> toponyms.Match:
    return toponyms.Match(place, place.names[name_at], 100.0, "exact", "Capitol")


def test_strong_context_never_moves_a_lesser_name_before_the_first() -> None:
    # the town lies inside the context state, but only an alternate of it is "Capitol"
    ranked = [_m(_CAPITAL, 0), _m(_ALIASED, 1)]
    out = context.rerank(ranked, [_STATE], _UP, _BY_ID.get, _RANKS)
    assert [m.place.id for m in out] == ["xa-capitol", "xa-ost-river"]
    # a place of that first name inside the state still comes first
    ranked = [_m(_CAPITAL, 0), _m(_ALIASED, 1), _m(_VILLAGE, 0)]
    out = context.rerank(ranked, [_STATE], _UP, _BY_ID.get, _RANKS)
    assert [m.place.id for m in out] == ["xa-ost-capitol", "xa-capitol", "xa-ost-river"]
    assert context.lesser(_ALIASED, _ALIASED.names[1])
    assert not context.lesser(_CAPITAL, _CAPITAL.names[0])


def test_a_country_named_by_a_variant_is_lesser() -> None:
    country = toponyms.Place("xa", "country", "XA", None, names=(
        toponyms.Name("Atlantis", "en", "official"), toponyms.Name("Capitol", "az", "variant")))
    assert context.lesser(country, country.names[1])
    assert not context.lesser(country, country.names[0])
    # a GeoNames place's first name is tagged "variant" too: it is its own name
    assert not context.lesser(_VILLAGE, _VILLAGE.names[0])


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from([_m(_CAPITAL, 0), _m(_ALIASED, 1), _m(_VILLAGE, 0)]),
                min_size=1, max_size=3, unique_by=lambda m: m.place.id),
       st.lists(st.sampled_from([_STATE, _CAPITAL, _VILLAGE, _ALIASED]), max_size=3))
def test_a_lesser_name_never_displaces_a_first_named_by_its_own_name(
        ranked: list[toponyms.Match], others: list[toponyms.Place]) -> None:
    # strong evidence never puts a lesser name first; weak evidence reorders by kind rank as
    # before (a town's alternate may still come before a village's first name)
    out = context.rerank(ranked, others, _UP, _BY_ID.get, _RANKS)
    assert sorted(m.place.id for m in out) == sorted(m.place.id for m in ranked)
    if not context.lesser(ranked[0].place, ranked[0].name) and \
            context.lesser(out[0].place, out[0].name):
        assert context.relation(out[0].place, others, _UP, _BY_ID.get) < context.SIBLING


@pytest.fixture(scope="module")
def aliased(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # the capital "Capitol" (XA, first name); in the region "Ostmark" a town whose first
    # name is "South River" and which has "Capitol" among its untagged alternates
    places = [
        _place("xa-capitol", "city", "Capitol", lat=50.0, lon=10.0),
        _place("xa-ost", "region", "Ostmark", lat=40.0, lon=20.0),
        "\n".join(["- id: xa-ost-river", "  kind: town", "  country: XA", "  parent: xa-ost",
                   "  names:", f"    - {{text: South River, lang: und, status: variant, {SRC}}}",
                   f"    - {{text: Capitol, lang: und, status: variant, {SRC}}}"]),
    ]
    return _gazetteer(tmp_path_factory, "alias", places)


def test_an_alternate_name_inside_a_context_place_does_not_displace_the_first(
        aliased: Gazetteer) -> None:
    assert aliased.resolve("Capitol").place.id == "xa-capitol"  # type: ignore[union-attr]
    assert aliased.resolve("Capitol", context=["Ostmark"]).place.id == "xa-capitol"  # type: ignore[union-attr]
    found = {m.text: m.match.place.id for m in aliased.extract("Capitol, in Ostmark.")}
    assert found == {"Capitol": "xa-capitol", "Ostmark": "xa-ost"}


def _picks(gaz: Gazetteer, name: str, *contexts: list[str]) -> list[str | None]:
    """The place `name` resolves to with each context (an empty one: none)."""
    found = [gaz.resolve(name, context=ctx or None) for ctx in contexts]
    return [m.place.id if m is not None else None for m in found]


@pytest.fixture(scope="module")
def unrelated_region(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # a region "Quill" of Atlantis (XA), and a town "Quill" in the region Westmark of
    # Borduria (XB)
    places = [
        _place("xa", "country", "Atlantis", country="XA", lat=50.0, lon=10.0),
        _place("xa-quill", "region", "Quill", parent="xa", lat=45.0, lon=12.0),
        _place("xb", "country", "Borduria", country="XB", lat=-30.0, lon=150.0),
        _place("xb-west", "region", "Westmark", parent="xb", country="XB", lat=-31.0,
               lon=151.0),
        _place("xb-quill", "town", "Quill", parent="xb-west", country="XB", lat=-31.1,
               lon=151.1),
    ]
    return _gazetteer(tmp_path_factory, "unrel", places)


def test_a_region_nothing_relates_to_yields_to_a_place_inside_a_context_place(
        unrelated_region: Gazetteer) -> None:
    """"Nelson" beside "BC": New Zealand's Nelson region, which nothing of the document
    relates to, yields to the town inside the context province; a country would not, nor
    does the region when the document names its country."""
    assert _picks(unrelated_region, "Quill", [], ["Westmark"], ["Westmark", "Atlantis"]) == [
        "xa-quill", "xb-quill", "xa-quill"]


@pytest.fixture(scope="module")
def far_city(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # a city "Kestrel" of two million in Atlantis (XA, no recorded parent); in Borduria (XB)
    # a town "Kestrel" 20 km from the town "Pollock", with no recorded parent in common
    places = [
        _place("xa", "country", "Atlantis", country="XA", lat=50.0, lon=10.0),
        _place("xa-kestrel", "city", "Kestrel", lat=50.5, lon=10.5, population=2_000_000),
        _place("xb-kestrel", "town", "Kestrel", country="XB", lat=-31.0, lon=151.0),
        _place("xb-pollock", "town", "Pollock", country="XB", lat=-31.1, lon=151.15),
    ]
    return _gazetteer(tmp_path_factory, "far", places)


def test_nearness_is_strong_against_a_first_place_nothing_relates_to(far_city: Gazetteer) -> None:
    # with the city's country named too, nearness is weak again and the city stays
    assert _picks(far_city, "Kestrel", [], ["Pollock"], ["Pollock", "Atlantis"]) == [
        "xa-kestrel", "xb-kestrel", "xa-kestrel"]


def _mention(text: str, place: toponyms.Place, score: float = 100.0) -> toponyms.Mention:
    match = toponyms.Match(place, place.names[0], score, "exact", text)
    return toponyms.Mention(0, len(text), text, match)


def test_settle_takes_what_resolve_with_context_answers() -> None:
    """contextual.settle, extract's last step: a shared name whose place relates to nothing
    else of the text takes the place resolve gives it with the text's other places as
    context, unless that place is inside the mention's (or contains it), scores less, or the
    name is no other place's."""
    name = toponyms.Name("Kestrel", "en", "official")
    city = toponyms.Place("xa-kestrel", "city", "XA", names=(name,))
    region = toponyms.Place("xa-kr", "region", "XA", names=(name,))
    town = toponyms.Place("xb-kestrel", "town", "XB", parent="xb-w", names=(name,))
    unit = toponyms.Place("xb-w", "region", "XB", names=(toponyms.Name("Westmark", "en",
                                                                       "official"),))
    state = toponyms.Place("xa-s", "region", "XA", names=(toponyms.Name("Ostmark", "en",
                                                                        "official"),))
    ups = {"xb-kestrel": frozenset({"xb-w"}), "xa-kestrel": frozenset({"xa-s"})}
    places = {p.id: p for p in (city, region, town, unit, state)}
    mentions = [_mention("Kestrel", city), _mention("Westmark", unit),
                _mention("Kestrel", city)]
    seen: list[tuple[str, list[str]]] = []

    def answer(place: toponyms.Place, score: float = 100.0):  # type: ignore[no-untyped-def]
        def resolve(text: str, others: list[toponyms.Place]) -> toponyms.Match | None:
            seen.append((text, [p.id for p in others]))
            return toponyms.Match(place, name, score, "exact", text) if text == "Kestrel" \
                else None
        return resolve

    def settle(found: list[toponyms.Mention], resolve, shared):  # type: ignore[no-untyped-def]
        return context.settle(found, resolve, shared, ups, places.get)

    settled = settle(mentions, answer(town), lambda t: t == "Kestrel")
    assert [m.match.place.id for m in settled] == ["xb-kestrel", "xb-w", "xb-kestrel"]
    assert seen == [("Kestrel", ["xb-w"])]  # once per text, the other texts' places
    # one inside the other: extract's reading stands; a lower score too; an unshared name too
    inside = [_mention("Kestrel", unit), _mention("Westmark", city)]
    assert settle(inside, answer(town), lambda t: True) == inside
    assert settle(mentions, answer(town, 98.0), lambda t: True) == mentions
    assert settle(mentions, answer(town), lambda t: False) == mentions
    assert settle(mentions[:1], answer(region), lambda t: True) == mentions[:1]
    # the document vouches for extract's choice (the city's state is mentioned): it stands
    vouched = [_mention("Kestrel", city), _mention("Ostmark", state), _mention("Westmark", unit)]
    assert settle(vouched, answer(town), lambda t: True) == vouched


_SHIPPED_SHARED = sorted({n.text for p in toponyms.Gazetteer.default() for n in p.names[:2]
                          if n.text.isascii() and n.text.isalpha() and n.text[:1].isupper()
                          and len(n.text) >= 5
                          and len(toponyms.Gazetteer.default().search(n.text, limit=3)) > 1})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_SHIPPED_SHARED), min_size=2, max_size=4, unique=True))
def test_extract_never_disagrees_with_resolve_with_context(names: list[str]) -> None:
    """Where nothing of the text vouches for extract's own choice of a shared name, it is
    what resolve(name, context=the text's other places) answers (contextual.settle)."""
    gaz = toponyms.Gazetteer.default()
    text = "Reports came from " + ", ".join(names) + "."
    mentions = gaz.extract(text)
    ups = gaz._ancestors
    for m in mentions:
        if not gaz._shared(m.text):
            continue
        others = list(dict.fromkeys(x.match.place for x in mentions
                                    if x.match.place.id != m.match.place.id))
        want = gaz.resolve(m.text, context=others)
        got = m.match.place.id
        vouched = context.relation(m.match.place, others, ups, gaz.get) != context.NONE
        assert want is None or want.place.id == got or want.score < m.match.score or (
            got in ups.get(want.place.id, ()) or want.place.id in ups.get(got, ())
        ) or vouched, (text, m)


#: The `sizes` gazetteer's towns and cities: id, kind, name, parent, latitude, population
#: (each at 0.1 degrees of longitude from its region's point, east of it).
_SIZES = [
    ("xa-west-porton", "city", "Porton", "xa-west", 50.1, 650_000),
    ("xa-west-brill", "city", "Brill", "xa-west", 50.2, 650_000),
    ("xa-west-quarry", "town", "Quarry", "xa-west", 50.3, 15_000),
    ("xa-west-kelby", "town", "Kelby", "xa-west", 50.4, 15_000),
    ("xa-east-porton", "town", "Porton", "xa-east", 50.1, 16_000),
    ("xa-east-brill", "town", "Brill", "xa-east", 49.9, 60_000),
    ("xa-east-marden", "town", "Marden", "xa-east", 49.8, 16_000),
    ("xa-east-quarry", "village", "Quarry", "xa-east", 49.7, 1_000),
    ("xb-marden", "city", "Marden", "xb", 10.1, 650_000),
]


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # in country Atlantis (XA), regions Westmark and Eastmark; in Eastmark the towns "Porton"
    # (16,000), "Brill" (60,000) and "Marden" (16,000); in Westmark the cities "Porton" and
    # "Brill" (650,000 each); in Bergia (XB) the city "Marden" (650,000): _SIZES
    lon = {"xa-west": 0.1, "xa-east": 20.1, "xb": 60.1}
    places = [
        _place("xa", "country", "Atlantis", country="XA", lat=50.0, lon=10.0),
        _place("xb", "country", "Bergia", country="XB", lat=10.0, lon=60.0),
        _place("xa-west", "region", "Westmark", parent="xa", lat=50.0, lon=0.0),
        _place("xa-east", "region", "Eastmark", parent="xa", lat=50.0, lon=20.0),
        *(_place(pid, kind, name, parent=parent, country=parent[:2].upper(), lat=lat,
                 lon=lon[parent], population=people)
          for pid, kind, name, parent, lat, people in _SIZES),
    ]
    return _gazetteer(tmp_path_factory, "sizes", places)


def _both(gaz: Gazetteer, name: str, ctx: str) -> tuple[str | None, str]:
    """What resolve(name, context=[ctx]) and extract of "<name> and <ctx>." choose."""
    match = gaz.resolve(name, context=[ctx])
    found = {m.text: m.match.place.id for m in gaz.extract(f"{name} and {ctx}.")}
    return (match.place.id if match is not None else None), found[name]


def test_a_far_bigger_place_the_text_relates_to_keeps_its_place(sizes: Gazetteer) -> None:
    # the town lies inside the context region, but the city of that name is 40 times bigger
    # and in the same country: a text about Atlantis that names Eastmark means the city
    plain = sizes.resolve("Porton")
    assert plain is not None and plain.place.id == "xa-west-porton"
    assert _both(sizes, "Porton", "Eastmark") == ("xa-west-porton", "xa-west-porton")
    assert context.outweighs(plain.place, sizes.get("xa-east-porton"))
    assert not context.outweighs(sizes.get("xa-east-porton"), plain.place)


@pytest.mark.parametrize("name", ["Brill", "Marden"])
def test_a_smaller_place_wins_against_a_bigger_one_unrelated_or_not_far_bigger(
        sizes: Gazetteer, name: str) -> None:
    # the city of Brill is only 11 times bigger than the town; the city of Marden is 40
    # times bigger, but the text relates to nothing of Bergia: the text's region decides
    plain = sizes.resolve(name)
    assert plain is not None and plain.place.kind == "city"
    small = f"xa-east-{name.lower()}"
    assert _both(sizes, name, "Eastmark") == (small, small)


def test_among_strong_evidence_the_stronger_relation_comes_before_the_kind(
        sizes: Gazetteer) -> None:
    # the village lies inside the context region; the town only shares its region with the
    # context town Kelby: the village, though a town outranks a village without context
    plain = sizes.resolve("Quarry")
    assert plain is not None and plain.place.id == "xa-west-quarry"
    match = sizes.resolve("Quarry", context=["Eastmark", "Kelby"])
    assert match is not None and match.place.id == "xa-east-quarry"
    # with only the sibling as evidence, the town
    match = sizes.resolve("Quarry", context=["Kelby"])
    assert match is not None and match.place.id == "xa-west-quarry"


def test_a_far_bigger_place_named_by_a_lesser_name_has_no_claim(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    # a city of 650,000 has "Dunmore" among its untagged alternates; a town of 16,000 in the
    # context region is called Dunmore: the town, though the city ranks first without context
    alias = "    - {text: Dunmore, lang: und, status: variant, source: 'https://example.org/p'}"
    places = [
        _place("xa", "country", "Atlantis", country="XA", lat=50.0, lon=10.0),
        _place("xa-west", "region", "Westmark", parent="xa", lat=50.0, lon=0.0),
        _place("xa-east", "region", "Eastmark", parent="xa", lat=50.0, lon=20.0),
        _place("xa-west-ashford", "city", "Ashford", parent="xa-west", lat=50.1, lon=0.1,
               population=650_000) + "\n" + alias,
        _place("xa-east-dunmore", "town", "Dunmore", parent="xa-east", lat=50.1, lon=20.1,
               population=16_000),
    ]
    gaz = _gazetteer(tmp_path_factory, "lesser", places)
    plain = gaz.resolve("Dunmore")
    assert plain is not None and plain.place.id == "xa-west-ashford"
    assert context.outweighs(plain.place, gaz.get("xa-east-dunmore"))
    assert _both(gaz, "Dunmore", "Eastmark") == ("xa-east-dunmore", "xa-east-dunmore")
