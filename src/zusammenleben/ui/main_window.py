"""The main window: a header (title, screens, language), the screen stack and the time bar.

The window only arranges; it builds no content views itself. The composition root
(``app.py``) hands it the screens and the time bar, so tests and modes can assemble the
same parts differently.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.ui import retranslate
from zusammenleben.ui.context import UiContext
from zusammenleben.ui.language_switch import LanguageSwitch
from zusammenleben.ui.screen import Screen

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.setObjectName("mainWindow")
        self.screens: dict[str, Screen] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self.close_guard = None  # kiosk mode sets a callable that may veto closing

        central = QWidget(self)
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.header = QWidget(central)
        self.header.setObjectName("header")
        header_layout = QHBoxLayout(self.header)
        header_layout.setContentsMargins(16, 8, 16, 8)
        header_layout.setSpacing(8)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("appTitle")
        header_layout.addWidget(self.title_label)
        header_layout.addSpacing(16)
        self.nav_layout = QHBoxLayout()
        self.nav_layout.setSpacing(6)
        header_layout.addLayout(self.nav_layout)
        header_layout.addStretch(1)
        self.header_extras = QHBoxLayout()
        header_layout.addLayout(self.header_extras)
        self.language_switch = LanguageSwitch(self.language, self.header)
        header_layout.addWidget(self.language_switch)
        outer.addWidget(self.header)

        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.footer = QVBoxLayout()
        self.footer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.footer)

        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.state.screenChanged.connect(self._show_screen)
        retranslate.bind(self, self.language)

    # -- assembly -----------------------------------------------------------------------------------
    def add_screen(self, screen: Screen) -> None:
        self.screens[screen.key] = screen
        self.stack.addWidget(screen)
        button = QPushButton(self.header)
        button.setCheckable(True)
        button.setObjectName(f"nav-{screen.key}")
        button.clicked.connect(lambda _checked=False, key=screen.key: self.state.set_screen(key))
        self.nav_group.addButton(button)
        self.nav_layout.addWidget(button)
        self.nav_buttons[screen.key] = button
        button.setText(screen.nav_label())
        if len(self.screens) == 1 or screen.key == self.state.screen:
            self._show_screen(self.state.screen if self.state.screen in self.screens else screen.key)

    def set_footer(self, widget: QWidget) -> None:
        """The time bar: always visible under every screen."""
        self.footer.addWidget(widget)

    def set_navigation_visible(self, key: str, visible: bool) -> None:
        if key in self.nav_buttons:
            self.nav_buttons[key].setVisible(visible)

    # -- behaviour ----------------------------------------------------------------------------------
    def _show_screen(self, key: str) -> None:
        screen = self.screens.get(key)
        if screen is None:
            log.warning("no screen %r", key)
            return
        self.stack.setCurrentWidget(screen)
        self.nav_buttons[key].setChecked(True)
        screen.activated()

    def current_screen(self) -> Screen:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def retranslate(self) -> None:
        ui = self.language.ui
        pack_title = self.language.content(self.context.pack.title)
        self.title_label.setText(pack_title)
        self.setWindowTitle(pack_title)
        self.title_label.setAccessibleName(ui("Application title"))
        for key, button in self.nav_buttons.items():
            screen = self.screens[key]
            button.setText(screen.nav_label())
            button.setAccessibleName(screen.nav_label())
            button.setAccessibleDescription(ui("Open this screen"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        super().keyPressEvent(event)


def focus_policy_for_touch(widget: QWidget) -> None:
    """Buttons take focus by tab and click so a clicker or keyboard can reach them."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
