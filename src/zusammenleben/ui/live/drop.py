"""Drag a ``.zlpack`` (or a pack folder) onto the window to open it.

Only the path is taken from the drop; loading and checking stay in the content layer
(``authoring.loading``). Kiosk mode never installs this: a visitor must not change the content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer


def dropped_pack(mime: QMimeData | None) -> Path | None:
    """The one local ``.zlpack`` file or pack folder being dragged, else None."""
    from zusammenleben.content.zlpack import is_zlpack  # the .zlpack reader (zipfile, the loader) on a drag only

    if mime is None or not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    if is_zlpack(path) and path.is_file():
        return path
    if path.is_dir() and (path / "pack.toml").is_file():
        return path
    return None


class DropTarget(QObject):
    """An event filter for the main window: accepts a pack being dragged, calls ``on_drop`` with its path."""

    def __init__(self, on_drop: Callable[[Path], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_drop = on_drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_pack(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            path = dropped_pack(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            # opened after the drop has returned: a good pack replaces the window this event is for
            QTimer.singleShot(0, self, lambda: self.on_drop(path))
            return True
        return False
