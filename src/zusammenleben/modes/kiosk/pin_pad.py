"""The PIN pad behind the hidden gesture: large digits for a finger, a lock after wrong PINs.

It shows dots, never digits (visitors may be watching), checks through ``PinGuard`` (which
remembers failures across openings) and says plainly how long it is locked. A kiosk set up
without a PIN still opens the pad, so staff learn why it will not let them in.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zusammenleben.modes.kiosk.overlays import Overlay
from zusammenleben.modes.kiosk.pin import MAX_DIGITS, PinGuard
from zusammenleben.ui import retranslate

ERROR_RED = "#B3261E"  # 6.5:1 on white


class PinPad(Overlay):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, window: QWidget, context, guard: PinGuard) -> None:
        super().__init__(window, context, veil=QColor(16, 16, 16, 170))
        self.setObjectName("kioskPinPad")
        self.guard = guard
        self.digits = ""
        self._message = ""
        t = self.scale
        self._key_size = 0
        self._apply_style(t.px(96))
        self.card = self.make_card("kioskPinCard")
        # the words on the left, the keys on the right: it fits a 720-pixel-high screen with 120-pixel keys
        layout = QHBoxLayout(self.card)
        layout.setContentsMargins(t.px(44), t.px(40), t.px(44), t.px(40))
        layout.setSpacing(t.px(40))
        info = QVBoxLayout()
        info.setSpacing(t.px(16))
        self.title = self.label(self.card, "pinTitle")
        self.dots = self.label(self.card, "pinDots")
        self.message = self.label(self.card, "pinMessage")
        self.info_width = t.px(340)
        for label in (self.title, self.dots, self.message):
            label.setFixedWidth(self.info_width)
            info.addWidget(label)
        info.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(t.px(14))
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit), index // 3, index % 3)
        grid.addWidget(self._key("back", "⌫"), 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self._key("ok", "OK"), 3, 2)
        self.keys["ok"].setObjectName("pinOk")
        self.cancel_button = QPushButton(self.card)
        self.cancel_button.setObjectName("pinCancel")
        self.cancel_button.clicked.connect(self.cancel)
        info.addWidget(self.cancel_button)
        layout.addLayout(info)
        layout.addLayout(grid)
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setInterval(250)
        self._unlock_timer.timeout.connect(self._refresh_lock)
        retranslate.bind(self, self.language)

    def _apply_style(self, key: int) -> bool:
        """Keys of ``key`` pixels (smaller on short screens, never under a finger's 64 px); True if changed."""
        if key == self._key_size:
            return False
        self._key_size = key
        t, c = self.scale, self.colours
        self.setStyleSheet(
            f"QFrame#kioskPinCard {{ background: {c.surface}; border-radius: {t.px(24)}px; }}"
            f" QLabel {{ background: transparent; color: {c.text}; }}"
            f" QLabel#pinTitle {{ font-size: {t.px(30)}px; font-weight: 700; }}"
            f" QLabel#pinDots {{ font-size: {t.px(36)}px; min-height: {t.px(48)}px; }}"
            f" QLabel#pinMessage {{ font-size: {t.px(22)}px; color: {ERROR_RED}; }}"
            f" QPushButton[pinKey=\"true\"] {{ font-size: {round(key * 0.38)}px; font-weight: 600;"
            f" min-width: {key}px; min-height: {key}px; max-height: {key}px; padding: 0px;"
            f" border-radius: {t.px(14)}px; }}"
            f" QPushButton#pinOk {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}"
            f" QPushButton#pinOk:disabled {{ background: {c.border}; color: {c.muted}; }}"
            f" QPushButton#pinCancel {{ font-size: {t.px(22)}px; min-height: {min(key, t.px(64))}px; }}"
        )
        return True

    def _key(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setProperty("pinKey", True)
        button.setObjectName(f"pinKey-{name}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if name == "back":
            button.clicked.connect(self.backspace)
        elif name == "ok":
            button.clicked.connect(self.submit)
        else:
            button.clicked.connect(lambda _checked=False, d=name: self.press(d))
        self.keys[name] = button
        return button

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ui = self.language.ui
        self.title.setText(ui("Admin PIN"))
        self.setAccessibleName(ui("Admin PIN"))
        self.cancel_button.setText(ui("Cancel"))
        self.cancel_button.setAccessibleName(ui("Cancel"))
        self.cancel_button.setAccessibleDescription(ui("Back to the exhibition"))
        self.keys["back"].setAccessibleName(ui("Delete the last digit"))
        self.keys["ok"].setAccessibleName(ui("Confirm the PIN"))
        for digit in "0123456789":
            self.keys[digit].setAccessibleName(digit)
        self._show_digits()
        self._refresh_lock()

    def _show_digits(self) -> None:
        self.dots.setText(" ".join("●" * len(self.digits)) if self.digits else "–")
        self.dots.setAccessibleName(self.language.ui("%(count)d digits entered") % {"count": len(self.digits)})

    def _refresh_lock(self) -> None:
        ui = self.language.ui
        locked = self.guard.seconds_locked()
        for name, button in self.keys.items():
            button.setEnabled(locked <= 0 and (name != "ok" or bool(self.digits)))
        if not self.guard.configured:
            self._message = ui("No admin PIN is set in kiosk.toml (see docs/kiosk.md).")
        elif locked > 0:
            seconds = math.ceil(locked)
            self._message = self.language.uin("Wrong PIN. Try again in %(seconds)d second.",
                                              "Wrong PIN. Try again in %(seconds)d seconds.", seconds) % {
                "seconds": seconds}
        elif self._message and self.guard.failures:
            self._message = ui("Wrong PIN. Try again.")
        if locked <= 0:
            self._unlock_timer.stop()
        self.message.setText(self._message)
        self.message.setVisible(bool(self._message))
        self._place()

    # -- typing -------------------------------------------------------------------------------------
    def open(self) -> None:
        self.digits = ""
        self._message = ""
        super().open()
        self.setFocus()
        self._show_digits()
        self._refresh_lock()
        if self.guard.seconds_locked() > 0:
            self._unlock_timer.start()

    def press(self, digit: str) -> None:
        if self.guard.seconds_locked() <= 0 and len(self.digits) < MAX_DIGITS:
            self.digits += digit
            self._show_digits()
            self._refresh_lock()

    def backspace(self) -> None:
        self.digits = self.digits[:-1]
        self._show_digits()
        self._refresh_lock()

    def submit(self) -> None:
        entered, self.digits = self.digits, ""
        self._show_digits()
        if self.guard.try_pin(entered):
            self._message = ""
            self.hide()
            self.accepted.emit()
            return
        self._message = self.language.ui("Wrong PIN. Try again.")
        self._refresh_lock()
        if self.guard.seconds_locked() > 0:
            self._unlock_timer.start()

    def cancel(self) -> None:
        self.digits = ""
        self.hide()
        self.cancelled.emit()

    # -- layout and keys ----------------------------------------------------------------------------
    def _place(self) -> None:
        t = self.scale
        room = self.height() - 2 * t.px(16) - 2 * t.px(40) - 3 * t.px(14)  # margins and the grid's spacing
        if self._apply_style(max(64, min(t.px(96), room // 4))):
            for button in self.card.findChildren(QPushButton):
                button.updateGeometry()
            self.card.layout().invalidate()
            self.card.layout().activate()
        self.card.adjustSize()
        size = self.card.sizeHint()
        width = min(size.width(), self.width())
        height = min(size.height(), self.height())
        self.card.setGeometry((self.width() - width) // 2, max(0, (self.height() - height) // 2), width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()  # the veil is not a way to the exhibition behind it

    def keyPressEvent(self, event) -> None:  # noqa: N802
        text = event.text()
        if len(text) == 1 and text in "0123456789":
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)
