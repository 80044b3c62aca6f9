"""Saving without losing anything: the extension, a writable place, a temporary file, then a rename (no Qt).

A save that fails half-way must not leave half a file, and must never destroy the file it
was meant to replace (last week's handout, yesterday's export). So every export is written
to a temporary file in the same folder and renamed over the target only when it is complete;
``os.replace`` is atomic on one file system. The Qt part (file dialog, messages) is
``export.save_flow``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def with_extension(path: Path | str, extension: str) -> Path:
    """``path`` ending in ``.extension`` (added when the user typed a name without it; case kept)."""
    path = Path(path)
    suffix = "." + extension.lstrip(".")
    return path if path.name.lower().endswith(suffix.lower()) else path.with_name(path.name + suffix)


def unwritable_reason(path: Path | str) -> str | None:
    """Why ``path`` cannot be saved (for the log), or None when it can."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if path.is_dir():
        return f"{path} is a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} may not be written to"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is write-protected"
    return None


def write_atomically(path: Path | str, write: Callable[[Path], T]) -> T:
    """Call ``write(temporary_path)``, then rename the temporary file to ``path``; return what ``write`` returned.

    On any error the temporary file is removed and ``path`` is left as it was. The new file gets
    the replaced file's permissions, or the usual ones for a new file (not ``mkstemp``'s 0600).
    """
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix + ".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        result = write(temporary)
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return result


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
