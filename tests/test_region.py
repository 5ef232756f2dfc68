"""The curated region: coverage, renamings with their years, same-name places told apart."""

from __future__ import annotations

import pytest

from toponyms import Gazetteer
from toponyms.report import main as report_main
from toponyms.report import report, shared_names

KARABAKH_DISTRICTS = [
    "az-aghdam-district", "az-fuzuli-district", "az-jabrayil-district", "az-zangilan-district",
    "az-qubadli-district", "az-lachin-district", "az-kalbajar-district", "az-shusha-district",
    "az-khojaly-district", "az-khojavend-district", "az-aghdara-district",
]


def test_every_karabakh_district_exists_with_places_in_it(gaz: Gazetteer) -> None:
    for pid in KARABAKH_DISTRICTS:
        district = gaz.get(pid)
        assert district.kind == "district" and district.country == "AZ"
        children = [p for p in gaz if p.parent == pid]
        assert len(children) >= 3, (pid, len(children))


def test_at_least_150_places_in_the_former_nkao_and_the_seven_districts(gaz: Gazetteer) -> None:
    area = {*KARABAKH_DISTRICTS, "az-tartar-district", "az-khankendi", "az-hadrut-district",
            "nagorno-karabakh-autonomous-oblast", "republic-of-artsakh"}
    inside = [p for p in gaz if area & ({p.id} | set(_ancestors(gaz, p.id)))]
    assert len(inside) >= 150, len(inside)


def _ancestors(gaz: Gazetteer, pid: str) -> list[str]:
    out, parent = [], gaz.get(pid).parent
    while parent is not None:
        out.append(parent)
        parent = gaz.get(parent).parent
    return out


def test_armenian_provinces_and_azerbaijani_economic_regions(gaz: Gazetteer) -> None:
    provinces = [p for p in gaz if p.parent == "am" and p.kind == "region"]
    assert len(provinces) == 10
    regions = [p for p in gaz if p.id.endswith("-economic-region")]
    assert len(regions) == 14
    districts = [p for p in gaz if p.kind == "district" and p.country == "AZ"]
    assert len(districts) >= 60


@pytest.mark.parametrize(
    ("old", "place", "year"),
    [("Kirovabad", "az-ganja", 1950), ("Leninakan", "am-gyumri", 1950),
     ("Kirovakan", "am-vanadzor", 1950), ("Khanlar", "az-goygol", 1950),
     ("Helenendorf", "az-goygol", 1900), ("Zaire", "cd", 1980)],
)
def test_renamings_resolve_and_their_years_count(gaz: Gazetteer, old: str, place: str,
                                                 year: int) -> None:
    then = gaz.resolve(old, at=year)
    assert then is not None and then.place.id == place
    assert then.name.status == "historical" and then.name.in_use(year)
    later = gaz.resolve(old, at=2024)
    assert later is not None and later.place.id == place and later.score < then.score


def test_historical_states_have_their_years(gaz: Gazetteer) -> None:
    for pid in ("su", "nagorno-karabakh-autonomous-oblast", "republic-of-artsakh"):
        place = gaz.get(pid)
        assert place.kind.startswith("historical-")
    artsakh = gaz.get("republic-of-artsakh")
    assert artsakh.start is not None and artsakh.end is not None and artsakh.end >= 2023


@pytest.mark.parametrize(
    ("name", "filters", "expected"),
    [("Vang", {"parent": "az-kalbajar-district"}, "az-kalbajar-vang"),
     ("Vang", {"parent": "az-khojavend-district"}, "az-khojavend-chinarli"),
     ("Chinarli", {"country": "AM"}, "am-tavush-chinari"),
     ("Chinarli", {"country": "AZ"}, "az-khojavend-chinarli"),
     ("Lacin", {"country": "AZ"}, "az-lacin"),
     ("Kuba", {"country": "AZ"}, "az-quba"),
     ("Istisu", {"country": "AZ"}, "az-kalbajar-istisu")],
)
def test_filters_pick_among_places_sharing_a_name(gaz: Gazetteer, name: str,
                                                  filters: dict[str, str], expected: str) -> None:
    match = gaz.resolve(name, **filters)  # type: ignore[arg-type]
    assert match is not None and match.place.id == expected


def test_a_bare_name_shared_by_unrelated_places_is_flagged(gaz: Gazetteer) -> None:
    match = gaz.resolve("Vang")
    assert match is not None and match.ambiguous
    ids = {m.place.id for m in gaz.search("Vang")}
    assert {"az-kalbajar-vang", "az-khojavend-chinarli"} <= ids
    town = gaz.resolve("Fizuli")  # the town and the district named after it: one answer
    assert town is not None and town.place.id == "az-fuzuli" and not town.ambiguous


def test_report_counts_add_up(gaz: Gazetteer, capsys: pytest.CaptureFixture[str]) -> None:
    text = report(gaz, shared_limit=5)
    assert text.startswith(f"{len(gaz):,} places, {sum(len(p.names) for p in gaz):,} names")
    assert f"names shared by more than one place ({len(shared_names(gaz)):,})" in text
    assert report_main(["--shared", "3"]) == 0
    assert "places by kind" in capsys.readouterr().out


def test_report_piped_into_head_ends_quietly() -> None:
    import subprocess
    import sys

    done = subprocess.run(f"'{sys.executable}' -m toponyms.report --shared 0 | head -1",
                          shell=True, capture_output=True, text=True, check=True)
    assert done.stdout.endswith("names\n") and "Traceback" not in done.stderr


def test_cli_says_when_a_bare_name_is_ambiguous(capsys: pytest.CaptureFixture[str]) -> None:
    from toponyms.cli import main

    assert main(["resolve", "Vang", "Fizuli"]) == 0
    vang, fizuli = capsys.readouterr().out.splitlines()
    assert "ambiguous" in vang and "ambiguous" not in fizuli
