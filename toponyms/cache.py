"""A versioned on-disk cache of what is built from the data, so that the second start is fast.

Building the indexes of the shipped data (about 100,000 names) takes seconds; loading them back
takes a fraction of one. A cache file is named by a hash of everything the build reads: the
data files, the package's own code and the Python version. Any change gives a new name, so a
stale file is never read. Files of other versions (another install or release sharing the
folder) are kept too, up to KEEP_PER_KIND per kind, the most recently used: two installs do not
delete each other's file at every start.

The folder is `$TOPONYMS_CACHE_DIR`, else `$XDG_CACHE_HOME/toponyms`, else
`~/.cache/toponyms`. `TOPONYMS_CACHE_DIR=off` turns the cache off; a relative path is refused
(a warning, then no cache: it would land wherever the command runs). A folder that cannot be
written, or a damaged file, only costs a rebuild: the cache never makes a call fail (a folder
that cannot be written is reported once, in one line on stderr). A write goes to a temporary
file renamed into place, removed on any failure; one left by a killed process is removed at
a later start once it is STALE_TMP_SECONDS old. The files are pickles, read only from the
user's own cache folder.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

_CODE = Path(__file__).resolve().parent

#: Cache files kept per kind (shipped, world, overlay, ...): the most recently used.
KEEP_PER_KIND = 3
#: A temporary file older than this (seconds) was left by a process that died mid-write.
STALE_TMP_SECONDS = 600
_TMP_PREFIX = ".tmp-"

_warned: set[str] = set()  # messages already given in this process (each once)
_swept: set[Path] = set()  # folders whose stale temporary files were removed this process
_state_lock = threading.Lock()


def _warn_once(message: str) -> None:
    with _state_lock:
        if message in _warned:
            return
        _warned.add(message)
    import logging  # here: most processes never warn, and the import costs a start ~10 ms

    logging.getLogger("toponyms").warning("toponyms: %s", message)


def cache_dir() -> Path | None:
    """The cache folder, or None when the user turned the cache off (or gave a relative
    path: refused with a warning, since it would depend on the current directory)."""
    chosen = os.environ.get("TOPONYMS_CACHE_DIR")
    if chosen is not None:
        if chosen.strip().lower() in ("", "off", "0", "none"):
            return None
        path = Path(chosen).expanduser()
        if not path.is_absolute():
            _warn_once(f"TOPONYMS_CACHE_DIR={chosen!r} is a relative path; working without "
                       "the index cache (give an absolute path, or off)")
            return None
        return path
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "toponyms"


@functools.cache
def _code_digest() -> Any:
    """The hash of what every cache file depends on (Python and the package's code), computed
    once per process: the code a process runs does not change under it."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest


def _digest() -> Any:
    """A hash seeded with what every cache file depends on: Python and the package's code."""
    return _code_digest().copy()


def key(kind: str, files: Iterable[Path], contents: Iterable[Path] = ()) -> str:
    """A file name for `kind` built from its inputs: changes whenever any input changes.

    The package's code is hashed by content; `files` by path, size and modification time
    (hashing 10 MB of shipped YAML at every start would cost more than the rest of the
    start-up); `contents` by their bytes (a user's overlay files: edited in place, copied,
    restored from version control, their times say little).
    """
    digest = _digest()
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for path in contents:
        digest.update(b"\0content\0" + hashlib.blake2b(path.read_bytes()).digest())
    return f"{kind}-{digest.hexdigest()}.pickle"


def derived(kind: str, parent: str, *parts: str) -> str:
    """A file name for `kind`, built from another cache file's name (`parent`, which already
    says which code and inputs it was built from) and `parts` (what else the build reads):
    an object derived from a cached one is as versioned as it is."""
    digest = hashlib.blake2b(digest_size=12)
    for part in (parent, *parts):
        digest.update(part.encode() + b"\0")
    return f"{kind}-{digest.hexdigest()}.pickle"


def key_or_none(kind: str, files: Iterable[Path], contents: Iterable[Path] = ()) -> str | None:
    """`key`, or None when an input cannot be read (the build then says what is wrong)."""
    try:
        return key(kind, files, contents)
    except OSError:
        return None


def building(what: str, seconds: float | None = None) -> None:
    """Tell a person at a terminal why the first call is slow (nothing for pipes and logs)."""
    stream = sys.stderr
    if stream is not None and stream.isatty():
        took = f", ~{seconds:.0f} s" if seconds else ""
        print(f"toponyms: building {what} (first use{took}; cached for later runs)",
              file=stream, flush=True)


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


def _sweep(folder: Path) -> None:
    """Remove temporary files that a killed process left (once per folder and process)."""
    with _state_lock:
        if folder in _swept:
            return
        _swept.add(folder)
    now = time.time()
    with suppress(OSError):
        for tmp in folder.glob(f"{_TMP_PREFIX}*"):
            with suppress(OSError):
                if now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
                    tmp.unlink()


def load(name: str) -> Any | None:
    """The object stored under `name`, or None when there is none or it cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    _sweep(folder)
    path = folder / name
    try:
        with collection_paused(), path.open("rb") as fh:
            found = pickle.load(fh)
    except Exception:  # missing, truncated, from another version: rebuild instead
        return None
    with suppress(OSError):
        os.utime(path)  # used now: the last to be dropped among its kind
    return found


def save(name: str, obj: Any) -> None:
    """Store `obj` under `name` atomically; keep the KEEP_PER_KIND files of its kind most
    recently used. A failure leaves no temporary file and never raises (but an interrupt)."""
    folder = cache_dir()
    if folder is None:
        return
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP_PREFIX, suffix=".pickle")
        with collection_paused(), os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
        tmp = None
    except Exception as exc:  # a full disk, a read-only folder, a folder that is a file
        _warn_once(f"cannot write the index cache in {folder} ({exc.__class__.__name__}: "
                   f"{getattr(exc, 'strerror', None) or exc}); every start will rebuild it. "
                   "Set TOPONYMS_CACHE_DIR to a writable folder, or to off")
        return
    finally:
        if tmp is not None:  # any failure, an interrupt too: no temporary file left behind
            with suppress(OSError):
                os.unlink(tmp)
    _prune(folder, name.rsplit("-", 1)[0])


def _prune(folder: Path, kind: str) -> None:
    """Keep the KEEP_PER_KIND most recently used files of `kind`; remove older ones."""
    with suppress(OSError):
        files = []
        for path in folder.glob(f"{kind}-*.pickle"):
            if path.name.rsplit("-", 1)[0] != kind:
                continue  # "world-only-..." is not of the kind "world"
            with suppress(OSError):
                files.append((path.stat().st_mtime, path.name, path))
        files.sort(reverse=True)
        for _, _, path in files[KEEP_PER_KIND:]:
            path.unlink(missing_ok=True)
