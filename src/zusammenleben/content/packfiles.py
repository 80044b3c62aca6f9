"""Reading files of a pack without ever leaving it.

A pack may come from anyone (a museum's USB stick), so every path it names is checked
before it is opened: relative, ``/``-separated, no ``..``, and — after resolving symbolic
links — still inside the pack folder. Only regular files are read, up to a size limit,
as bytes; decoding reports the line of the first byte that is not UTF-8.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path, PurePosixPath

from zusammenleben.bounded_read import ReadRefusedError, read_bounded
from zusammenleben.content.errors import ContentMessage, ErrorList
from zusammenleben.content.limits import MAX_FILE_BYTES as MAX_BYTES

_DRIVE = re.compile(r"^[A-Za-z]:")


class PackFiles:
    def __init__(self, root: Path, errors: ErrorList) -> None:
        self.root = root.resolve()
        self.errors = errors

    def locate(self, rel: str, file: str, line: int, field: str) -> Path | None:
        """The real path of a file the pack names, or None after reporting why it cannot be used."""
        problem = self._path_problem(rel)
        if problem is None:
            try:
                resolved = (self.root / rel).resolve()
                if not resolved.is_relative_to(self.root):
                    problem = ContentMessage.PATH_OUTSIDE
                elif not resolved.exists():
                    problem = ContentMessage.PATH_MISSING
                elif not resolved.is_file():  # a folder, a FIFO, a device
                    problem = ContentMessage.PATH_NOT_FILE
            except RuntimeError:  # Python 3.11 and 3.12 report a symlink loop this way
                problem = ContentMessage.PATH_LOOP
            except OSError as error:
                problem = ContentMessage.PATH_LOOP if error.errno == errno.ELOOP else ContentMessage.PATH_MISSING
            except ValueError:  # a NUL byte in the path
                problem = ContentMessage.PATH_MISSING
        if problem is not None:
            self.errors.add(file, line, field, problem, path=rel)
            return None
        return resolved

    @staticmethod
    def _path_problem(rel: str) -> str | None:
        if not rel.strip():
            return ContentMessage.PATH_EMPTY
        if "\\" in rel:
            return ContentMessage.PATH_BACKSLASH
        if rel.startswith("/") or _DRIVE.match(rel):
            return ContentMessage.PATH_ABSOLUTE
        if ".." in PurePosixPath(rel).parts:
            return ContentMessage.PATH_PARENT
        return None

    def exists(self, name: str) -> bool:
        """Whether one of the pack's standard files is there (even if it is a broken link)."""
        path = self.root / name
        return path.exists() or path.is_symlink()

    def read_bytes(self, path: Path, file: str) -> bytes | None:
        """The file's bytes, read without blocking and never past ``MAX_BYTES`` (see ``bounded_read``)."""
        try:
            return read_bounded(path, MAX_BYTES)
        except ReadRefusedError as problem:
            if problem.kind == ReadRefusedError.TOO_LARGE:
                self.errors.add(file, 0, "", ContentMessage.FILE_TOO_LARGE, limit=MAX_BYTES // (1024 * 1024))
            elif problem.kind == ReadRefusedError.NOT_A_FILE:
                self.errors.add(file, 0, "", ContentMessage.NOT_A_FILE)
            elif problem.kind == ReadRefusedError.LINK_LOOP:
                self.errors.add(file, 0, "", ContentMessage.PATH_LOOP, path=file)
            elif problem.kind == ReadRefusedError.MISSING:
                self.errors.add(file, 0, "", ContentMessage.PATH_MISSING, path=file)
            else:
                self.errors.add(file, 0, "", ContentMessage.FILE_UNREADABLE, reason=problem.detail)
            return None

    def read_text(self, path: Path, file: str, field: str = "") -> str | None:
        """UTF-8 text (a leading byte-order mark is dropped), or None after reporting the first bad byte."""
        data = self.read_bytes(path, file)
        if data is None:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.errors.add(file, data[: error.start].count(b"\n") + 1, field, ContentMessage.FILE_NOT_UTF8)
            return None
        return text.removeprefix("\ufeff")

    def read_standard(self, name: str, required: bool) -> str | None:
        """One of the fixed files (``pack.toml`` …): missing is an error only if it is required."""
        if not self.exists(name):
            if required:
                self.errors.add(name, 0, "", ContentMessage.FILE_MISSING)
            return None
        path = self.locate(name, name, 0, "")
        return None if path is None else self.read_text(path, name)
