"""The one save flow of the app: ask for a file, check the place, write safely, tell the user what went wrong.

Plots, the partnership table and the handout all save through ``save_with_dialog``, so they
agree: the dialog starts in the Documents folder; the extension is added when the name has
none; a folder that cannot be written to is refused with a message the user sees (not only
the log); the file is written to a temporary file and renamed (``safe_save``), so a failed save
never loses the file it would have replaced; a failed write is reported in a message box.
Nothing here opens in kiosk mode: the screens offer exports only where the mode allows them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from zusammenleben.safe_save import unwritable_reason, with_extension, write_atomically

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """Where the file went and what the writer returned (the handout's page count)."""

    path: Path
    result: T


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def ask_save_path(parent: QWidget | None, language, *, title: str, suggested_name: str, file_filter: str,
                  extension: str) -> Path | None:
    """The file dialog, the extension added, the place checked; None when cancelled or refused (after a message)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / suggested_name),
                                                  file_filter)
    if not chosen:
        return None
    path = with_extension(chosen, extension)
    reason = unwritable_reason(path)
    if reason is not None:
        log.warning("save refused: %s", reason)
        QMessageBox.warning(parent, title, language.ui(
            "The file cannot be saved in %(folder)s: the folder does not exist or may not be written to. "
            "Please choose another place.") % {"folder": str(path.parent)})
        return None
    return path


def save_with_dialog(parent: QWidget | None, language, *, title: str, suggested_name: str, file_filter: str,
                     extension: str, write: Callable[[Path], T], failure_title: str | None = None,
                     failure_message: str | None = None, busy: bool = False) -> Saved[T] | None:
    """Ask, then ``write(path)`` safely; None when cancelled, refused or failed (the user was told why).

    ``failure_message`` is a translated text with ``%(error)s`` (or ``%(reason)s``); by default the common
    "could not be saved". ``busy``: a wait cursor while writing (a handout takes seconds).
    """
    path = ask_save_path(parent, language, title=title, suggested_name=suggested_name, file_filter=file_filter,
                         extension=extension)
    if path is None:
        return None
    if busy:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = write_atomically(path, write)
    except OSError as error:
        log.warning("saving %s failed: %s", path, error)
        message = failure_message or language.ui("The file could not be saved: %(error)s")
        reason = error.strerror or str(error)
        QMessageBox.warning(parent, failure_title or title, message % {"error": reason, "reason": reason})
        return None
    finally:
        if busy:
            QGuiApplication.restoreOverrideCursor()
    log.info("saved %s", path)
    return Saved(path, result)
