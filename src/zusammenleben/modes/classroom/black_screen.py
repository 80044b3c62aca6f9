"""The black screen: B (or a clicker's blank key) hides everything until any key or a click.

A teacher blanks the projector to get the class's attention. The overlay covers the
whole window, header and time bar included, and takes the keyboard: while it is up, no
shortcut fires, so the clicker's "next" only brings the picture back and does not also
turn the page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}


class BlackScreen(QWidget):
    """A black child of the window, kept at the window's size and on top while shown."""

    shownChanged = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("blackScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#blackScreen { background: #000000; }")  # over any theme
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._previous_focus: QWidget | None = None
        self.hide()
        window.place_overlay(self)  # the window keeps it at its size

    def black_out(self) -> None:
        if self.isVisible():
            return
        self._previous_focus = QApplication.focusWidget()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shownChanged.emit(True)

    def restore(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        previous = self._previous_focus
        self._previous_focus = None
        if previous is not None and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shownChanged.emit(False)

    # -- events ---------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # every key comes to keyPressEvent: no shortcut behind the black
            return True
        if event.type() == QEvent.Type.KeyPress:  # Tab too: it must not move the focus behind the black
            self.keyPressEvent(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if Qt.Key(event.key()) in MODIFIER_KEYS:
            return
        event.accept()
        self.restore()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()
        self.restore()
