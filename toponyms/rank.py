"""Prominence: the one rule that orders same-scored places in resolve, search and extract.

Among places that a query matches equally well, the most prominent comes first:

1. kind, in the order of data/kinds.yaml (continent, country, ..., region, city, town, ...), except
   that a national capital (data/capitals.yaml) named by a main name ranks just before the kind
   CAPITAL_BEFORE ("Washington" is the capital before the state, "Victoria" Seychelles'
   capital before the Australian state), and so does, after the capitals, a city at least as
   populous as data/geonames.yaml's city tier (100,000), counting a city named by an
   alternate as ALTERNATE_DISCOUNT times smaller (rule 2): "Portland" is the city in Oregon,
   not the parish of Jamaica, "Manchester" the English city, not another parish, "New York"
   the city of 8.8 million (an alternate name of it) before the state; a region that shares
   its name with a small town still comes first. A GeoNames place whose kind comes from its
   population (city, town, village: data/geonames.yaml) and that is named by an alternate name
   takes the kind of a place ALTERNATE_DISCOUNT times smaller, as in rule 2: Dayton (135,000
   people, "Venice" one of its alternates) ranks as a town, and Venice (51,000, main name)
   comes first.
   It never falls past a kind of another sort (a district between town and village);
2. weight: the population (where a dataset gives it), divided by ALTERNATE_DISCOUNT when the name
   that matched is only a dataset's untagged alternate (`und`, `und-<Script>`, not the place's
   first name). A main name beats an alternate one unless the alternate's place is more than
   ALTERNATE_DISCOUNT times bigger: St. Petersburg, Florida (260,000 people, main name) yields
   to Saint Petersburg, Russia (5 million, "St. Petersburg" an alternate), while Hong Kong's
   alternate "Victoria" yields to Seychelles' capital by rule 1;
3. a main name before an alternate one (places without population);
4. how well documented the place is (its number of names: a stand-in where no population is
   known), then its id, so the order is total and stable.

And two exceptions, in `rank`, for a country named weakly (`yields_to`):
- a country named by a `variant` name (tools/build_countries.py marks so a name that some
  locales give the whole country but that is the name of one of its parts, in no official
  language of it: Walser "England", seven locales' "Tunis") yields to its part named by that
  part's first name, at the same score: "England" is England, "Tunis" the city. Spanish
  "México" names the country and stays official;
- a country named only in little-read languages (`little_read`: each of its names with that
  text is in a language that fewer than WIDELY_READ_MILLIONS million people speak,
  data/speakers.yaml, and that has no file in data/languages) yields to a city named by its
  own first name that is at least as populous as data/geonames.yaml's city tier: "Poole" is
  the English town of 151,000, not Poland (Swiss German), "Granada" the Spanish city, not
  Grenada (Asturian), "Columbia" the city in South Carolina, not Colombia (Interlingue).
  "Holland" stays the Netherlands (Bavarian): the Holland in Michigan has 34,000 people.
  Measured with the development corpora's gold names: TR-News 4 answers more right.

`order_key` is that rule as a sort key; `rank` sorts a cascade's hits by score, then by it, and
flags a tie that stays a tie. Tests: tests/test_rank.py, tests/test_geonames.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from toponyms.index import UNTAGGED, NameIndex
from toponyms.model import DataError, Match, Name, Place, data_dir, loaded_once

if TYPE_CHECKING:
    from toponyms.geonames import Rules

#: An alternate name counts as a place this many times smaller (see rule 2).
ALTERNATE_DISCOUNT = 10
#: A national capital ranks just before places of this kind (see rule 1).
CAPITAL_BEFORE = "region"


@cache
def capitals() -> frozenset[int]:
    """The GeoNames IDs of the national capitals (data/capitals.yaml), read once."""
    import yaml  # here: PyYAML is imported by the first table read, not by every start

    path = data_dir() / "capitals.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return frozenset(int(g) for g in raw["capitals"])
    except FileNotFoundError:
        return frozenset()
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as err:
        raise DataError(f"cannot read the capitals: {err}", path=str(path)) from None


def rules() -> Rules:
    """data/geonames.yaml's rules (toponyms.geonames, imported on first use: a start whose
    first answers need no ranking by population does not load the GeoNames reader)."""
    from toponyms.geonames import rules as geonames_rules

    return geonames_rules()


@cache
def populated_kinds() -> frozenset[str]:
    """The kinds a GeoNames place takes by its population (data/geonames.yaml): settlements
    (city, town, village), whose population counts their people."""
    return frozenset(kind for _, kind in rules().populated)


@cache
def _big_city() -> int:
    """The population from which a GeoNames place is a city (data/geonames.yaml)."""
    return min((least for least, kind in rules().populated if kind == "city"), default=10**9)


def kind_rank(place: Place, ranks: Mapping[str, int], alternate: bool = False) -> float:
    """The place's rank by kind (rule 1), smaller first. A capital named by an `alternate`
    name ranks as its kind: Hong Kong is no capital of "Victoria"; a city named by an
    `alternate` name ranks as the kind of a place ALTERNATE_DISCOUNT times smaller.

    >>> kind_rank(Place("x", "city", None, None), {"country": 0, "region": 1, "city": 2})
    2
    """
    own: float = ranks.get(place.kind, len(ranks))
    populated = populated_kinds()
    size = weight(place, alternate)
    if alternate and place.population and place.kind in populated:
        smaller = rules().kind(int(size)) or place.kind
        demoted = ranks.get(smaller, own)
        # never past a kind of another sort (a district): a town stays before the districts
        between = [r for k, r in ranks.items() if own < r < demoted and k not in populated]
        own = min(between) - 0.5 if between else demoted
    if not alternate and place.geonames is not None and place.geonames in capitals():
        return min(own, ranks.get(CAPITAL_BEFORE, len(ranks)) - 0.5)
    if place.kind in populated and size >= _big_city():
        return min(own, ranks.get(CAPITAL_BEFORE, len(ranks)) - 0.25)
    return own


def weight(place: Place, alternate: bool) -> float:
    """The place's population (0 unknown), ALTERNATE_DISCOUNT times smaller when it was named
    by an `alternate` name (rule 2)."""
    return (place.population or 0) / (ALTERNATE_DISCOUNT if alternate else 1)


def is_alternate(place: Place, name: Name) -> bool:
    """Whether `name` is only a dataset's untagged alternate of `place` (not its first name)."""
    return name.lang.split("-", 1)[0] == UNTAGGED and name != place.names[0]


#: Languages spoken by fewer million people than this (data/speakers.yaml), without a file in
#: data/languages, name a country too weakly to rank it before a big city (module docstring).
WIDELY_READ_MILLIONS = 30.0


def _widely_read() -> frozenset[str]:
    """The language codes whose names of a country rank it before a city of the same name:
    those of data/speakers.yaml with WIDELY_READ_MILLIONS million speakers or more, those with
    a file in data/languages, and untagged names (a dataset's). Empty without the table."""
    from toponyms.translit import _read, languages

    path = data_dir() / "speakers.yaml"
    if not path.is_file():
        return frozenset()  # no table: every language counts as widely read
    raw = _read(path)  # malformed YAML: a DataError with its line
    table = raw.get("millions") if isinstance(raw, dict) else None
    if not isinstance(table, dict) or not all(
            isinstance(n, (int, float)) and not isinstance(n, bool) for n in table.values()):
        raise DataError("speakers.yaml's `millions` maps language codes to numbers",
                        path=str(path))
    many = {str(lang) for lang, n in table.items() if n >= WIDELY_READ_MILLIONS}
    return frozenset(many | set(languages().codes) | {UNTAGGED})


#: `_widely_read`, read once (extract's first call reads it with the other tables).
widely_read = loaded_once(_widely_read)


def little_read(place: Place, name: Name) -> bool:
    """Whether `name` names the country `place` only in little-read languages: every name of
    it with that text (case aside) is in a language outside `widely_read` (Swiss German
    "Poole" for Poland). False without a speakers table."""
    if place.kind != "country":
        return False
    read = widely_read()
    if not read or name.lang.split("-", 1)[0] in read:
        return False  # the common case, told without reading the country's other names
    text = name.text.casefold()
    return all(n.lang.split("-", 1)[0] not in read
               for n in place.names if n.text.casefold() == text)


def yields_to(country: Place, name: Name, place: Place, its_name: Name,
              ancestors: Mapping[str, frozenset[str]]) -> bool:
    """Whether `country`, named by `name`, yields to `place` named by `its_name` at the same
    score (the module docstring's two exceptions): its part named by the part's first name
    when `name` is a `variant`; a city named by its first name, of the city tier's
    population at least, when `name` is `little_read`."""
    if country_variant(country, name):
        return names_part(country, place, its_name, ancestors)
    return (country.kind == "country" and its_name == place.names[0]
            and place.kind in populated_kinds()
            and (place.population or 0) >= _big_city() and little_read(country, name))


def weakly_named(place: Place, name: Name) -> bool:
    """Whether `place` is a country that may yield to a place of the same name (`yields_to`):
    named by a `variant`, or in little-read languages only."""
    return country_variant(place, name) or little_read(place, name)


def country_variant(place: Place, name: Name) -> bool:
    """Whether `name` names the country `place` only as a `variant`: a part's name that some
    locales give the whole country (tools/build_countries.py: Walser "England")."""
    return place.kind == "country" and name.status == "variant"


def order_key(place: Place, name: Name, ranks: Mapping[str, int],
              ) -> tuple[float, float, bool, int, str]:
    """How prominent `place` named by `name` is, most prominent smallest (rules 1-4)."""
    alternate = is_alternate(place, name)
    return (kind_rank(place, ranks, alternate), -weight(place, alternate), alternate,
            -len(place.names), place.id)


def rank(
    index: NameIndex,
    best: dict[int, tuple[float, int, Match]],
    ancestors: dict[str, frozenset[str]],
) -> list[Match]:
    """The cascade's hits (place number -> (score, name number, match)), best first: score,
    then prominence (`order_key`).

    The top match is flagged `ambiguous` when another place scores the same and is not its
    ancestor or descendant: the town of Fuzuli and the district named after it are one answer
    in two sizes, but China (Kabyle "Lacin") and the town of Laçın are two answers.
    """
    ranks = index.kind_rank
    ordered = list(best.values())
    if len(ordered) > 1:  # one hit, the common case, needs no order
        ordered.sort(key=lambda item: (-item[0], *order_key(item[2].place, item[2].name, ranks)))
    part = _named_part(ordered, ancestors)
    if part:
        ordered.insert(0, ordered.pop(part))
    matches = [m for _, _, m in ordered]
    top = matches[0].place if matches else None
    rivals = [
        i for i, item in enumerate(ordered[1:], 1)
        if item[0] == ordered[0][0] and top is not None
        and top.id not in ancestors.get(item[2].place.id, ())
        and item[2].place.id not in ancestors.get(top.id, ())
    ]
    for i in [0, *rivals] if rivals else []:
        matches[i] = replace(matches[i], ambiguous=True)
    return matches


def names_part(country: Place, place: Place, name: Name,
               ancestors: Mapping[str, frozenset[str]]) -> bool:
    """Whether `place` lies in `country` and `name` is its own first name: the part before
    which a country named by a `variant` yields (see the module docstring; `extract` asks
    too, toponyms.mentions)."""
    return country.id in ancestors.get(place.id, ()) and name == place.names[0]


def _named_part(ordered: list[tuple[float, int, Match]],
                ancestors: dict[str, frozenset[str]]) -> int:
    """The position of the place that comes before a country named weakly (`yields_to`, see
    the module docstring), or 0 when the first stays first."""
    if not ordered:
        return 0
    score, _, top = ordered[0]
    if top.place.kind != "country" or not weakly_named(top.place, top.name):
        return 0
    for i, (other, _, m) in enumerate(ordered[1:], 1):
        if other < score:
            break
        if yields_to(top.place, top.name, m.place, m.name, ancestors):
            return i
    return 0


def merge(index: NameIndex, matches: list[Match],
          ancestors: dict[str, frozenset[str]]) -> list[Match]:
    """One ranked list from several: one match per place (its best score), ordered by `rank`."""
    best: dict[int, tuple[float, int, Match]] = {}
    for m in matches:
        p = index.position[m.place.id]
        old = best.get(p)
        if old is None or m.score > old[0]:
            best[p] = (m.score, m.place.names.index(m.name), replace(m, ambiguous=False))
    return rank(index, best, ancestors)


#: The name extract imports (toponyms.mentions sorts its candidates with it).
prominence = order_key

__all__ = ["ALTERNATE_DISCOUNT", "CAPITAL_BEFORE", "capitals", "country_variant", "is_alternate",
           "kind_rank", "merge", "names_part", "order_key", "prominence", "rank", "weight"]
