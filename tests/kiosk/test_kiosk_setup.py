"""What install_kiosk sets up besides the life cycle: cursor, monitor check, crash path, touch sizes."""

from __future__ import annotations

import sys

from kiosk_helpers import tap
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox, QPushButton, QStyleOptionViewItem

from zusammenleben.modes.kiosk.config import KioskMessage


def test_the_cursor_hides_and_comes_back(kiosk_app):
    parts = kiosk_app(hide_cursor=True)
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    parts.kiosk.shutdown()
    assert QApplication.overrideCursor() is None


def test_a_missing_monitor_is_a_problem_with_a_fallback(kiosk_app):
    kiosk = kiosk_app(screen=7).kiosk
    problem = kiosk.config.problems[-1]
    assert (problem.field, problem.message_id, problem.fallback) == ("display.screen", KioskMessage.NO_SUCH_SCREEN,
                                                                      KioskMessage.USING_PRIMARY)
    assert "screen 7 does not exist" in problem.format()


def test_an_uncaught_error_is_logged_and_never_shown(qtbot, kiosk_app, caplog):
    kiosk_app()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "boom in a slot" in caplog.text
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog | QMessageBox) and w.isVisible()]


def test_touch_targets_are_a_finger_high_on_every_screen(qtbot, kiosk_app):
    parts = kiosk_app(size=(1920, 1080))
    window, state = parts.window, parts.context.state
    tap(qtbot, parts.kiosk.attract_overlay, QPoint(900, 300))
    small: list[str] = []
    for key in window.screens:
        state.set_screen(key)
        qtbot.waitUntil(window.screens[key].isVisible)
        for widget in window.findChildren(QPushButton) + window.findChildren(QComboBox):
            if widget.isVisible() and widget.height() < 48:
                small.append(f"{key}: {widget.objectName() or type(widget).__name__} {widget.height()} px")
    assert small == []


def test_combo_box_lists_have_finger_high_rows(qtbot, kiosk_app):
    parts = kiosk_app()
    combo = parts.window.screens["partnerships"].filter_bar.country_box
    assert combo.count() > 1
    option = QStyleOptionViewItem()
    option.initFrom(combo.view())
    assert combo.itemDelegate().sizeHint(option, combo.model().index(1, 0)).height() >= 48
