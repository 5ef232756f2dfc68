"""YAML with line numbers: every mapping remembers the line of each key, so that a check can
name the file and line of a problem (toponyms.load for places, toponyms.provenance for sources).

Duplicate keys are an error, and only true/false are booleans (the language tag `no` and the
country `NO` stay text).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from toponyms.model import DataError

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that keeps line numbers, rejects duplicate keys and reads only true/false
    as booleans (so the language tag `no` and the country `NO` stay strings)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class LineMapping(dict[str, Any]):
    """A YAML mapping that remembers the line of each key."""

    line: int = 0
    lines: dict[str, int]


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineMapping:
    loader.flatten_mapping(node)
    out = LineMapping()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise DataError(f"keys must be text, got {key!r}", path=loader.name, line=line)
        if key in out:
            raise DataError(
                f"duplicate key '{key}' (first on line {out.lines[key]}); keep one of them",
                path=loader.name,
                line=line,
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with line numbers; DataError on any syntax problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text ({exc.reason})", path=str(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read the file ({exc.strerror})", path=str(path)) from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except DataError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(
            f"malformed YAML: {problem}; check indentation and quoting", path=str(path), line=line
        ) from None
    finally:
        loader.dispose()
