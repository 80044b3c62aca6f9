"""Noticing that an author saved a pack file: ``QFileSystemWatcher``, debounced and rename-proof.

Why more than a bare watcher: editors save in bursts (several writes, or write a temporary file
and rename it over the original). A rename replaces the file the watcher was watching, so Qt drops
it from the watch list: every burst ends with a rescan that adds the pack's files again. Qt also
reports changes that change nothing (an editor's swap file appearing in the folder); the folder's
fingerprint (name, size, modification time of every pack file) decides whether ``changed`` fires.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", ".mo", ".zlpack", "~")


def pack_paths(folder: Path) -> tuple[list[str], list[str]]:
    """The folders and files of the pack that matter (hidden files and editor leftovers left out)."""
    folders, files = [str(folder)], []
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "__pycache__")
        folders += [os.path.join(directory, d) for d in subdirs]
        files += [os.path.join(directory, n) for n in sorted(names)
                  if not n.startswith((".", "#")) and not n.endswith(_IGNORED_SUFFIXES)]
    return folders, files


def fingerprint(files: list[str]) -> tuple:
    stamps = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps.append((path, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


class PackWatcher(QObject):
    """Emits ``changed`` once per burst of saves that really changed a pack file."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._settled)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._stamp = self.rescan()

    def rescan(self) -> tuple:
        """Watch every folder and file of the pack again (a renamed-over file is a new file to Qt)."""
        folders, files = pack_paths(self.folder)
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in folders + files if path not in watched]
        if missing:
            self._watcher.addPaths(missing)
        return fingerprint(files)

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def stop(self) -> None:
        self._timer.stop()
        paths = self.watched()
        if paths:
            self._watcher.removePaths(paths)

    def _poke(self, _path: str) -> None:
        self._timer.start()  # restarts: one reload after the last event of a burst

    def _settled(self) -> None:
        stamp = self.rescan()
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed.emit()
