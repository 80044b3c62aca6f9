"""The mouse pointer disappears from the audience view after two seconds without moving.

On a projector a resting arrow sits in the middle of the picture for the whole lesson.
The hider watches the audience window's mouse moves on its QWindow (every move over any
child passes there first) and blanks the pointer over that window only (never
application-wide: the teacher's console keeps its pointer).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

STILL_MS = 2000


class CursorHider(QObject):
    """While ``active``, the pointer over ``window`` is hidden after ``STILL_MS`` without a move."""

    def __init__(self, window: QWidget, still_ms: int = STILL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.hidden = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(still_ms)
        self.timer.timeout.connect(self._hide)
        self._watched: QObject | None = None

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        if on:
            self._watched = self.window.windowHandle() or self.window
            self._watched.installEventFilter(self)
            self.timer.start()
        else:
            if self._watched is not None and shiboken6.isValid(self._watched):
                self._watched.removeEventFilter(self)
            self._watched = None
            self.timer.stop()
            self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.Enter):
            self._show()
            self.timer.start()
        return False

    def _hide(self) -> None:
        if self.active and not self.hidden:
            self.hidden = True
            self.window.setCursor(Qt.CursorShape.BlankCursor)

    def _show(self) -> None:
        if self.hidden:
            self.hidden = False
            self.window.unsetCursor()
