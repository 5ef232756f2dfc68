"""Sources of record: which hosts serve copies of other sites (data/sources.yaml), which names
of a place file cite one, and how sources group by host, dataset and Wikipedia language.

A source of record is the original: the wikipedia.org article rather than a mirror, proxy or
Kiwix snapshot of it, the publisher's page rather than an archive or a shortened link. The
denylist is data, so an editor who meets a new copy host adds a line there, not code.
`toponyms validate` reports every name whose source is on it (`copy_sources`), with file and
line; `python -m toponyms.report` counts names by `source_group`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from toponyms.model import DataError, data_dir
from toponyms.yamlfile import LineMapping, read_yaml

#: The `host` value that stands for any bare IPv4 or IPv6 address.
IP_ADDRESS = "<ip-address>"
_HOST = re.compile(r"^[a-z0-9*?](?:[a-z0-9*?.-]*[a-z0-9*?])?(?:/\S*)?$")
_WIKIPEDIA = re.compile(r"^([a-z]{2,3}(?:-[a-z]+)*|simple)\.wikipedia\.org$")


@dataclass(frozen=True, slots=True)
class CopyHost:
    """One denylist entry: a host (or pattern) that serves copies, and what it copies. A host
    followed by a path (`reference.com/browse/`) covers only the addresses under that path, for
    a site whose other pages are its own."""

    host: str
    copies: str
    line: int = 0

    def covers(self, host: str, path: str = "/") -> bool:
        """True when `host` (lower case, no port) is this entry's host, a subdomain of it, or
        matches its pattern, and `path` lies under the entry's path, if it has one."""
        name, slash, under = self.host.partition("/")
        if slash and not path.startswith("/" + under):
            return False
        if name == IP_ADDRESS:
            return _is_ip(host)
        if "*" in name or "?" in name:
            return fnmatchcase(host, name)
        return host == name or host.endswith("." + name)


class Denylist:
    """The copy hosts of data/sources.yaml.

    >>> deny = Denylist([CopyHost("*.m.wikipedia.org", "Wikipedia, mobile view")])
    >>> deny.match("https://en.m.wikipedia.org/wiki/Tartar").copies
    'Wikipedia, mobile view'
    >>> deny.match("https://en.wikipedia.org/wiki/Tartar") is None
    True
    """

    def __init__(self, entries: Iterable[CopyHost]) -> None:
        self.entries = tuple(entries)

    def match(self, source: str) -> CopyHost | None:
        """The entry that covers the host of `source` (a URL), or None (an original, or a
        source that is not a page address: `wikipedia:`, `dataset:`, `seed:`)."""
        host = host_of(source)
        if host is None:
            return None
        path = _path_of(source)
        return next((e for e in self.entries if e.covers(host, path)), None)


def host_of(source: str) -> str | None:
    """The host of a page address, lower case, without port or final dot; None otherwise.

    >>> host_of("http://the-uncensored-wiki.com:20151/A/Berd.html"), host_of("wikipedia:en:X")
    ('the-uncensored-wiki.com', None)
    """
    if not source.startswith(("http://", "https://")):
        return None
    try:
        host = urlsplit(source).hostname
    except ValueError:  # a malformed address (an unclosed IPv6 bracket)
        return None
    return host.rstrip(".").lower() if host else None


def _path_of(source: str) -> str:
    try:
        return urlsplit(source).path or "/"
    except ValueError:
        return "/"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def read_denylist(path: Path) -> Denylist:
    """Read a denylist file; DataError with file and line for a malformed entry."""
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise DataError("the denylist is a YAML list of {host, copies}", path=str(path))
    entries: dict[str, CopyHost] = {}
    for i, block in enumerate(raw):
        if not isinstance(block, LineMapping):
            raise DataError(f"entry {i + 1} is not a mapping {{host, copies}}", path=str(path))
        line = block.line
        if set(block) != {"host", "copies"}:
            raise DataError(f"an entry has exactly the fields host and copies, got "
                            f"{sorted(block)}", path=str(path), line=line)
        host, copies = block["host"], block["copies"]
        if not isinstance(copies, str) or not copies.strip():
            raise DataError("copies must say what the host copies", path=str(path), line=line)
        if not isinstance(host, str) or not (host == IP_ADDRESS or _HOST.match(host)):
            raise DataError(f"host {host!r} must be a lower-case host name, a pattern with *, "
                            f"or {IP_ADDRESS} (then optionally /path)", path=str(path),
                            line=line)
        if host in entries:
            raise DataError(f"host {host!r} is listed twice (also line {entries[host].line})",
                            path=str(path), line=line)
        entries[host] = CopyHost(host, copies.strip(), line)
    return Denylist(entries.values())


@lru_cache(maxsize=1)
def denylist() -> Denylist:
    """The shipped denylist (data/sources.yaml), read once."""
    return read_denylist(data_dir() / "sources.yaml")


def _sources(block: Any) -> Iterator[tuple[str, int]]:
    """(source, line) of every name (its source and dates_source), dated parent and
    coords_source of one place block."""
    if not isinstance(block, LineMapping):
        return
    if isinstance(block.get("coords_source"), str):
        yield block["coords_source"], block.lines["coords_source"]
    for key in ("names", "parents"):
        for item in block.get(key) or []:
            if not isinstance(item, LineMapping):
                continue
            for field in ("source", "dates_source"):
                if isinstance(item.get(field), str):
                    yield item[field], item.lines[field]


def copy_sources(paths: Iterable[Path], deny: Denylist | None = None) -> list[DataError]:
    """A DataError (file, line, host, what it copies) for every source on the denylist.

    The files are assumed to load (see toponyms.load); anything else in them is skipped.
    """
    deny = deny or denylist()
    found: list[DataError] = []
    for path in paths:
        try:
            if "://" not in path.read_text(encoding="utf-8"):
                continue  # no page address, no copy: the generated files are skipped quickly
        except (OSError, UnicodeDecodeError):
            pass  # read_yaml says what is wrong
        raw = read_yaml(path)
        for block in raw if isinstance(raw, list) else []:
            for source, line in _sources(block):
                entry = deny.match(source)
                if entry is not None:
                    found.append(DataError(
                        f"source {source!r} is a copy ({entry.host}: {entry.copies}); cite the "
                        "original it was copied from, or leave the name out (data/README.md, "
                        "Sources)", path=str(path), line=line))
    return found


def source_group(source: str) -> tuple[str, str]:
    """What a source is, for counting: ("wikipedia", lang) for a Wikipedia article (as a
    wikipedia.org address or `wikipedia:<lang>:`), ("dataset", name) for a dataset,
    ("seed", ...) for the seed article, else ("host", the page's host).

    >>> source_group("wikipedia:de:Tərtər"), source_group("https://de.wikipedia.org/wiki/X")
    (('wikipedia', 'de'), ('wikipedia', 'de'))
    >>> source_group("dataset:CLDR 47 via babel 2.18.0")
    ('dataset', 'CLDR 47')
    """
    if source.startswith("wikipedia:"):
        return "wikipedia", source.split(":", 2)[1]
    if source.startswith("dataset:"):
        return "dataset", source[len("dataset:"):].split(" via ", 1)[0].split(",", 1)[0]
    if source.startswith("seed:"):
        return "seed", source[len("seed:"):]
    host = host_of(source) or "(not a page address)"
    wiki = _WIKIPEDIA.match(host)
    return ("wikipedia", wiki.group(1)) if wiki else ("host", unquote(host))
