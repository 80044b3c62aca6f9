"""A cache of the validated built-in pack, so a start-up does not parse and check it again.

Reading and checking the pack (TOML with line maps, CSV, the GeoJSON outlines, the cross-file
checks) costs ~60 ms of CPU at every start; unpickling the checked ``Pack`` costs ~1 ms
(benchmarks/RESULTS.md, issue 19). The cache holds one pack, keyed on:

- the bytes of every file under the pack folder (any edit, even a broken one, misses the
  cache, so the full load with its error list runs: a cache never hides a broken pack);
- the pack folder's path (the model keeps it, e.g. for images);
- the source of the content layer itself and the Python version (a new app version or a
  developer's edit to the model or the checks makes the old pickle worthless).

Only a pack that loaded without a single problem is written, atomically (``safe_save``).
Anything wrong with the cache file — missing, truncated, another key, an unpicklable old
model — means a normal load, and the cache is written again. The folder comes from the
caller (the composition root asks Qt for the platform's cache folder; this layer has no Qt).
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
from pathlib import Path

from zusammenleben.bounded_read import ReadRefusedError, read_bounded
from zusammenleben.content.limits import MAX_FILE_BYTES
from zusammenleben.content.model import Pack
from zusammenleben.content.result import LoadResult

try:  # hashlib's own BLAKE2b, without hashlib loading OpenSSL (libssl + libcrypto: ~2.5 ms of every start)
    from _blake2 import blake2b
except ImportError:  # a Python built without the module: hashlib has the same constructor
    from hashlib import blake2b

log = logging.getLogger(__name__)

CACHE_NAME = "builtin-pack.pickle"
MAX_CACHE_BYTES = 64 * 1024 * 1024  # the built-in pack pickles to well under 1 MB
FORMAT = 1  # bump when the file layout below changes
_CODE_DIR = Path(__file__).resolve().parent


def load_pack_cached(root: str | os.PathLike[str], cache_dir: Path | None):
    """``load_pack(root)`` (a ``LoadResult``), answered from the cache in ``cache_dir`` when the key matches."""
    root = Path(root)
    key = None
    if cache_dir is not None:
        try:
            key = pack_key(root)
        except Exception as error:  # an unreadable file (the normal load names it), a missing hash module
            log.debug("pack cache: no key for %s: %s", root, error)
        if key is not None:
            pack = read_cached(cache_dir / CACHE_NAME, key)
            if pack is not None:
                return LoadResult(pack, [])
    from zusammenleben.content.load import load_pack

    result = load_pack(root)
    if key is not None and result.ok and not result.errors:
        write_cached(cache_dir / CACHE_NAME, key, result.pack)
    return result


def pack_key(root: Path) -> str:
    """A digest of the pack's files (names and bytes), its path, the content code and the Python version."""
    digest = blake2b(digest_size=32)  # built into every Python (the bundle leaves out OpenSSL's _hashlib)
    digest.update(f"{FORMAT}\0{sys.version}\0{root.resolve()}\0".encode())
    digest.update(_code_fingerprint())
    if not root.is_dir():
        raise OSError(f"{root} is not a folder")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        data = read_bounded(path, MAX_FILE_BYTES)  # a FIFO or a huge file: no key, the normal load names it
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _code_fingerprint() -> bytes:
    """The content layer's source; in a frozen bundle (no .py files) the program file's path, size and time."""
    sources = sorted(_CODE_DIR.glob("*.py"))
    if sources:
        return b"".join(path.name.encode() + b"\0" + path.read_bytes() + b"\0" for path in sources)
    program = Path(sys.executable)
    stat = program.stat()
    return f"{program}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()


def read_cached(path: Path, key: str) -> Pack | None:
    """The cached pack if ``path`` holds one under ``key``; None for anything else (logged, never raised)."""
    try:
        data = read_bounded(path, MAX_CACHE_BYTES)  # never blocks on a FIFO, never reads a huge file
    except ReadRefusedError:
        return None
    try:
        stored_key, pack = pickle.loads(data)
    except Exception as error:  # truncated, garbage, an old model's classes: load normally
        log.info("pack cache %s unusable (%s: %s); loading the pack", path, type(error).__name__, error)
        return None
    if stored_key != key or not isinstance(pack, Pack):
        return None
    return pack


def write_cached(path: Path, key: str, pack: Pack) -> None:
    """Store ``pack`` under ``key``, atomically; a cache that cannot be written is only logged."""
    from zusammenleben.safe_save import write_atomically

    try:
        data = pickle.dumps((key, pack), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda temporary: temporary.write_bytes(data))
    except Exception as error:  # a full disk or a read-only home must not stop the app
        log.info("pack cache %s not written (%s: %s)", path, type(error).__name__, error)
