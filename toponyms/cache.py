"""A versioned on-disk cache of what is built from the data, so that the second start is fast.

Building the indexes of the shipped data (about 100,000 names) takes seconds; loading them back
takes a fraction of one. A cache file is named by a hash of everything the build reads: the
data files, the package's own code and the Python version. Any change gives a new name, so a
stale file is never read; old files of the same kind are removed when a new one is written.

The folder is `$TOPONYMS_CACHE_DIR`, else `$XDG_CACHE_HOME/toponyms`, else
`~/.cache/toponyms`. `TOPONYMS_CACHE_DIR=off` turns the cache off. A folder that cannot be
written, or a damaged file, only costs a rebuild: the cache never makes a call fail. The files
are pickles, read only from the user's own cache folder.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_CODE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the user turned the cache off."""
    chosen = os.environ.get("TOPONYMS_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "toponyms"


def key(kind: str, files: Iterable[Path]) -> str:
    """A file name for `kind` built from `files`: changes whenever any input changes.

    The package's code is hashed by content; data files by path, size and modification time
    (hashing 10 MB of YAML at every start would cost more than the rest of the start-up).
    """
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return f"{kind}-{digest.hexdigest()}.pickle"


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage-collection passes inside the block (restored after, even on error).

    Loading, building or pickling millions of small objects would otherwise trigger passes
    that scan them all, again and again: they triple a cache load and add seconds to a build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(name: str) -> Any | None:
    """The object stored under `name`, or None when there is none or it cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with collection_paused(), (folder / name).open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated, from another version: rebuild instead
        return None


def save(name: str, obj: Any) -> None:
    """Store `obj` under `name` atomically and remove older files of the same kind."""
    folder = cache_dir()
    if folder is None:
        return
    kind = name.rsplit("-", 1)[0]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with collection_paused(), os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
        for old in folder.glob(f"{kind}-*.pickle"):
            if old.name != name:
                old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only home or a full disk: work without the cache
