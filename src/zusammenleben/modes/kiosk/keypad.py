"""On-screen letters for the partnership search, so no system keyboard ever opens at a kiosk.

A text field at a kiosk is a door: the system's on-screen keyboard (with its settings and
its language switcher), paste from the clipboard, drag and drop, the field's own menu.
The search itself is worth keeping (a visitor looks for their home town), so in kiosk mode
every text field of the main window becomes read-only for the system (no input method, no
paste, no drop) and a tap on it opens these letters under it. The search ignores case and
accents, so A–Z, a space and a hyphen find every town.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QPushButton, QWidget

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate

ROWS = ("ABCDEFGHI", "JKLMNOPQR", "STUVWXYZ-")
MAX_LENGTH = 40


class LetterPad(QFrame):
    """A popup of letter keys that types into one line edit at a time (a tap outside closes it)."""

    def __init__(self, context, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.context = context
        self.language = context.language
        self.target: QLineEdit | None = None
        self.setObjectName("kioskLetterPad")
        colours = context.state.theme
        t = TypeScale(context.state.font_scale)
        key = max(t.touch_target, t.px(56))
        self.setStyleSheet(
            f"QFrame#kioskLetterPad {{ background: {colours.surface}; border: 2px solid {colours.accent}; }}"
            f" QPushButton {{ min-width: {key}px; min-height: {key}px; font-size: {t.px(24)}px;"
            f" font-weight: 600; padding: 0px; }}"
            f" QPushButton#letterPadDone {{ background: {colours.accent}; color: {colours.accent_text};"
            f" border-color: {colours.accent}; }}"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(t.px(12), t.px(12), t.px(12), t.px(12))
        grid.setSpacing(t.px(8))
        self.keys: dict[str, QPushButton] = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                button = self._button(letter, lambda _checked=False, text=letter: self.type_text(text))
                button.setAccessibleName(letter)
                grid.addWidget(button, row, column)
                self.keys[letter] = button
        self.space = self._button("", lambda _checked=False: self.type_text(" "))
        self.delete = self._button("⌫", lambda _checked=False: self.backspace())
        self.clear = self._button("", lambda _checked=False: self.clear_text())
        self.done = self._button("", lambda _checked=False: self.close())
        self.done.setObjectName("letterPadDone")
        grid.addWidget(self.space, 3, 0, 1, 3)
        grid.addWidget(self.delete, 3, 3, 1, 2)
        grid.addWidget(self.clear, 3, 5, 1, 2)
        grid.addWidget(self.done, 3, 7, 1, 2)
        retranslate.bind(self, self.language)

    def _button(self, text: str, action) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus while typing
        button.clicked.connect(action)
        return button

    def retranslate(self) -> None:
        ui = self.language.ui
        self.setAccessibleName(ui("On-screen letters"))
        self.setAccessibleDescription(ui("Type a town, partner or project without a keyboard"))
        self.space.setText(ui("Space"))
        self.space.setAccessibleName(ui("Space"))
        self.delete.setAccessibleName(ui("Delete the last letter"))
        self.clear.setText(ui("Clear"))
        self.clear.setAccessibleName(ui("Clear the search"))
        self.done.setText(ui("Done"))
        self.done.setAccessibleName(ui("Close the letters"))

    # -- typing -------------------------------------------------------------------------------------
    def open_for(self, line_edit: QLineEdit) -> None:
        """Show under ``line_edit`` (above it if there is no room), inside its window."""
        self.target = line_edit
        self.adjustSize()
        window = line_edit.window()
        below = line_edit.mapTo(window, QPoint(0, line_edit.height() + 6))
        if below.y() + self.height() > window.height():
            below = line_edit.mapTo(window, QPoint(0, -self.height() - 6))
        below.setX(max(0, min(below.x(), window.width() - self.width())))
        self.move(window.mapToGlobal(below))
        self.show()
        self.raise_()

    def type_text(self, text: str) -> None:
        if self.target is not None and len(self.target.text()) < MAX_LENGTH:
            self.target.setText(self.target.text() + text.lower())

    def backspace(self) -> None:
        if self.target is not None:
            self.target.setText(self.target.text()[:-1])

    def clear_text(self) -> None:
        if self.target is not None:
            self.target.clear()


class LetterPadField(QObject):
    """Makes text fields read-only for the system and opens the letter pad on a tap."""

    def __init__(self, context, window: QWidget) -> None:
        super().__init__(window)
        self.pad = LetterPad(context, window)
        self.fields: list[QLineEdit] = []

    def attach(self, line_edit: QLineEdit) -> None:
        if line_edit in self.fields or line_edit.window() is self.pad:
            return
        self.fields.append(line_edit)
        line_edit.setReadOnly(True)  # no input method, no paste, no drop: only the pad types
        line_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        line_edit.setDragEnabled(False)
        line_edit.setAccessibleDescription(
            line_edit.accessibleDescription() or self.pad.language.ui("Tap to type with the on-screen letters"))
        line_edit.installEventFilter(self)

    def close(self) -> None:
        self.pad.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched in self.fields and event.type() == QEvent.Type.MouseButtonRelease:
            self.pad.open_for(watched)  # type: ignore[arg-type]
        elif watched in self.fields and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.pad.open_for(watched)  # type: ignore[arg-type]
            return True
        return False
