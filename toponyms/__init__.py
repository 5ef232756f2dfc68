"""toponyms: resolve place names in any language, script or transliteration to place IDs.

>>> import toponyms
>>> toponyms.resolve("Xankəndi").place.id == toponyms.resolve("Ստեփանակերտ").place.id
True
>>> toponyms.resolve("Nikol Pashinyan") is None
True

The module-level functions use the shipped data (`Gazetteer.default()`); build a `Gazetteer`
with `Gazetteer.from_files(...)` to add your own places and names.
"""

from __future__ import annotations

import os as _os
import sys as _sys
from collections.abc import Iterable


def _quit_if_the_command_was_interrupted() -> None:
    """Ctrl-C while the `toponyms` command is still importing the package: exit 130 with one
    line, as the command does once it runs, not with Python's traceback. Any other importer
    gets the KeyboardInterrupt back (the caller re-raises it)."""
    argv0 = _os.path.basename(_sys.argv[0]) if _sys.argv else ""
    orig = list(getattr(_sys, "orig_argv", []))
    as_module = "-m" in orig and orig[orig.index("-m") + 1:orig.index("-m") + 2] == ["toponyms"]
    if argv0 == "toponyms" or (argv0 in ("-m", "__main__.py") and as_module):
        _sys.stderr.write("toponyms: interrupted while starting\n")
        raise SystemExit(130)


try:
    from toponyms.gazetteer import Gazetteer
    from toponyms.keys import normalize
    from toponyms.model import DataError, Match, Mention, Name, ParentSpell, Place
except KeyboardInterrupt:
    _quit_if_the_command_was_interrupted()
    raise

__version__ = "0.1.0"


def resolve(
    name: str,
    *,
    country: str | None = None,
    kind: str | None = None,
    parent: str | None = None,
    lang: str | None = None,
    at: int | None = None,
    min_score: float = 85.0,
    context: Iterable[str | Place] | None = None,
    demonyms: bool = False,
) -> Match | None:
    """The best match for `name` in the shipped data, or None below `min_score`.

    `context`: other places of the same document (ids, names or Places), which decide between
    candidates within a few points of the best (toponyms.context). `demonyms=True`: a demonym
    that is no place's name gives its country (toponyms.demonyms).

    >>> resolve("Tərtər rayonu").place.id
    'az-tartar-district'
    """
    return Gazetteer.default().resolve(
        name, country=country, kind=kind, parent=parent, lang=lang, at=at, min_score=min_score,
        context=context, demonyms=demonyms,
    )


def resolve_many(
    names: Iterable[str | None],
    *,
    country: str | None = None,
    kind: str | None = None,
    parent: str | None = None,
    lang: str | None = None,
    at: int | None = None,
    min_score: float = 85.0,
) -> list[Match | None]:
    """`resolve` for each item, in order, each distinct string once.

    None for a missing item or a name over 500 characters: one bad item never stops the list.

    >>> [m.place.id for m in resolve_many(["Fizuli", "Füzuli", "Fizuli"])]
    ['az-fuzuli', 'az-fuzuli', 'az-fuzuli']
    """
    return Gazetteer.default().resolve_many(
        names, country=country, kind=kind, parent=parent, lang=lang, at=at, min_score=min_score
    )


def search(
    name: str,
    *,
    limit: int = 10,
    country: str | None = None,
    kind: str | None = None,
    parent: str | None = None,
    lang: str | None = None,
    at: int | None = None,
    min_score: float = 60.0,
    context: Iterable[str | Place] | None = None,
) -> list[Match]:
    """Ranked candidates for `name`, best first, one per place (`context` as in `resolve`).

    >>> search("Ganja", limit=1)[0].place.id
    'az-ganja'
    """
    return Gazetteer.default().search(
        name, limit=limit, country=country, kind=kind, parent=parent, lang=lang, at=at,
        min_score=min_score, context=context,
    )


def extract(
    text: str,
    *,
    country: str | None = None,
    kind: str | None = None,
    parent: str | None = None,
    lang: str | None = None,
    at: int | None = None,
    min_score: float = 85.0,
    demonyms: bool = False,
) -> list[Mention]:
    """Place mentions in running text, with offsets and resolved places (see toponyms.mentions);
    `demonyms=True` adds the demonyms no mention covers (toponyms.demonyms).

    >>> [(m.text, m.match.place.id) for m in extract("Fighting near Şuşa and in Terter district")]
    [('Şuşa', 'az-shusha'), ('Terter district', 'az-tartar-district')]
    """
    return Gazetteer.default().extract(
        text, country=country, kind=kind, parent=parent, lang=lang, at=at, min_score=min_score,
        demonyms=demonyms,
    )


def get(place_id: str) -> Place:
    """The place with this id; KeyError (with a suggestion) when there is none.

    >>> get("az-ganja").label("az")
    'Gəncə'
    """
    return Gazetteer.default().get(place_id)


__all__ = [
    "DataError",
    "Gazetteer",
    "Match",
    "Mention",
    "Name",
    "ParentSpell",
    "Place",
    "__version__",
    "extract",
    "get",
    "normalize",
    "resolve",
    "resolve_many",
    "search",
]
