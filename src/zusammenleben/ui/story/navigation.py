"""How a teacher or visitor moves through the chapters: keys, clickers and swipes.

Keys are window shortcuts owned by the story screen, so they work wherever the focus is
while the story is shown (a presentation clicker sends PageUp/PageDown) but never while
another screen is, and a widget that needs the key itself (a text field, the time bar)
claims it through Qt's ShortcutOverride and keeps it. Swipes are read from the window's
raw touch events without consuming them, so taps still reach the buttons under the finger.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTouchEvent
from PySide6.QtWidgets import QWidget

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


def install_chapter_keys(screen: QWidget, state) -> list[QShortcut]:
    """Left/Right, PageUp/PageDown, Home/End on the story screen."""
    actions: list[tuple[Qt.Key, Callable[[], None]]] = [
        *((key, state.next_chapter) for key in NEXT_KEYS),
        *((key, state.previous_chapter) for key in PREVIOUS_KEYS),
        (Qt.Key.Key_Home, lambda: state.set_chapter(0)),
        (Qt.Key.Key_End, lambda: state.set_chapter(state.chapter_count - 1)),
    ]
    shortcuts = []
    for key, action in actions:
        shortcut = QShortcut(QKeySequence(key), screen)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(action)
        shortcuts.append(shortcut)
    return shortcuts


class SwipeWatcher(QObject):
    """Watches a window's touch events; a horizontal one-finger swipe over ``area`` calls back.

    Installed on the QWindow, because touch arrives there before Qt turns unhandled touch
    into mouse clicks for the widgets: the watcher only looks, it never accepts.
    """

    def __init__(self, area: QWidget, on_next: Callable[[], None], on_previous: Callable[[], None],
                 threshold: Callable[[], float]) -> None:
        super().__init__(area)
        self.area = area
        self.on_next = on_next
        self.on_previous = on_previous
        self.threshold = threshold
        self._start: QPointF | None = None
        self._last: QPointF | None = None
        self._window = None

    def attach(self) -> None:
        """(Re)install on the area's current window; call when the area is shown.

        PySide can invalidate an old ``windowHandle()`` wrapper while its QWindow lives on (a
        known PySide quirk; found by benchmarks/soak.py, where the RuntimeError raised here
        inside showEvent crashed shiboken), so the old wrapper is only used while still valid.
        """
        handle = self.area.window().windowHandle()
        if handle is None or handle is self._window:
            return
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = handle
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            return False
        if not isinstance(event, QTouchEvent) or not event.points():
            return False
        position = event.points()[0].position()  # window coordinates
        if kind == QEvent.Type.TouchBegin:
            self._start = None
            if len(event.points()) == 1 and self.area.isVisible():
                local = self.area.mapFrom(self.area.window(), position.toPoint())
                if self.area.rect().contains(local):
                    self._start = QPointF(position)
            self._last = QPointF(position)
        elif kind == QEvent.Type.TouchUpdate:
            if len(event.points()) > 1:
                self._start = None
            self._last = QPointF(position)
        else:
            self._last = QPointF(position)
            self._finish()
        return False

    def _finish(self) -> None:
        start, end = self._start, self._last
        self._start = None
        if start is None or end is None:
            return
        dx = end.x() - start.x()
        dy = end.y() - start.y()
        if abs(dx) >= self.threshold() and abs(dx) > 2 * abs(dy):
            if dx < 0:
                self.on_next()
            else:
                self.on_previous()
