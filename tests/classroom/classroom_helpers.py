"""Shared helpers of the classroom tests: keys as a keyboard or clicker sends them, an active window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def activate(qtbot, window) -> None:
    """Shortcuts only fire in the active window; offscreen, activation must be asked for."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def press(qtbot, window, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press delivered like a real one: to the focused widget (shortcut override first), else the window."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    QApplication.processEvents()
