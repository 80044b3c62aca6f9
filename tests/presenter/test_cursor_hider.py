"""The pointer over the audience view disappears after it rested, and comes back when it moves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from zusammenleben.modes.classroom.cursor_hider import CursorHider


def test_pointer_hidden_after_rest_and_back_on_move(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    hider = CursorHider(window, still_ms=50)
    assert window.cursor().shape() != Qt.CursorShape.BlankCursor
    hider.set_active(True)
    qtbot.waitUntil(lambda: window.cursor().shape() == Qt.CursorShape.BlankCursor, timeout=2000)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.windowHandle(), move)  # where the platform delivers it
    assert window.cursor().shape() != Qt.CursorShape.BlankCursor
    qtbot.waitUntil(lambda: window.cursor().shape() == Qt.CursorShape.BlankCursor, timeout=2000)
    hider.set_active(False)  # one screen again: the pointer stays
    assert window.cursor().shape() != Qt.CursorShape.BlankCursor
