"""Reading a file only if it is a regular file of a sane size, and never more than that size.

Every file the app reads (a content pack, ``kiosk.toml``, the settings file, the app's own
texts and catalogs) may be something else than it claims: a 2 GB file, ``/dev/zero``, a FIFO
that never delivers, a loop of symbolic links. ``read_bounded`` opens without blocking,
checks the type and size on the open descriptor (no race between check and read) and reads
at most ``limit + 1`` bytes, so memory and time are bounded whatever the path names.
No Qt here: the content layer uses it too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


class ReadRefusedError(Exception):
    """Why a file was not read: ``kind`` is one of the class constants, ``detail`` the system's words."""

    MISSING = "missing"
    NOT_A_FILE = "not-a-file"
    TOO_LARGE = "too-large"
    LINK_LOOP = "link-loop"
    UNREADABLE = "unreadable"

    def __init__(self, kind: str, path: Path, detail: str = "", limit: int = 0) -> None:
        super().__init__(f"{path}: {kind}{': ' + detail if detail else ''}")
        self.kind = kind
        self.path = path
        self.detail = detail
        self.limit = limit


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ``ReadRefusedError`` (never blocks)."""
    path = Path(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as error:
        raise _problem(error, path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadRefusedError(ReadRefusedError.NOT_A_FILE, path)
        if info.st_size > limit:
            raise ReadRefusedError(ReadRefusedError.TOO_LARGE, path, limit=limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow after fstat: read one byte past the limit at most
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise ReadRefusedError(ReadRefusedError.TOO_LARGE, path, limit=limit)
        return b"".join(chunks)
    except OSError as error:
        raise _problem(error, path) from None
    finally:
        os.close(fd)


def read_text_bounded(path: str | os.PathLike[str], limit: int, encoding: str = "utf-8") -> str:
    """``read_bounded`` decoded; a decoding error is ``UnicodeDecodeError`` as with ``Path.read_text``."""
    return read_bounded(path, limit).decode(encoding)


def check_regular_file(path: str | os.PathLike[str], limit: int) -> None:
    """Raise ``ReadRefusedError`` unless ``path`` is a regular file of at most ``limit`` bytes (for files
    another library opens, such as QSettings or SQLite); an absent file passes."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise ReadRefusedError(ReadRefusedError.MISSING, path) from None
        return
    except OSError as error:
        raise _problem(error, path) from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadRefusedError(ReadRefusedError.NOT_A_FILE, path)
    if info.st_size > limit:
        raise ReadRefusedError(ReadRefusedError.TOO_LARGE, path, limit=limit)


def _problem(error: OSError, path: Path) -> ReadRefusedError:
    if error.errno == errno.ELOOP:
        return ReadRefusedError(ReadRefusedError.LINK_LOOP, path, error.strerror or "")
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return ReadRefusedError(ReadRefusedError.MISSING, path, error.strerror or "")
    if error.errno in (errno.EISDIR, errno.ENXIO):
        return ReadRefusedError(ReadRefusedError.NOT_A_FILE, path, error.strerror or "")
    return ReadRefusedError(ReadRefusedError.UNREADABLE, path, error.strerror or type(error).__name__)
