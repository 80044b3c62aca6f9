"""One window or two: the presenter layout on one screen, audience view + console on two.

Decides from the screens there are *now*: in presenter layout with two screens the main
window becomes the audience view (full screen on the projector, nothing else on it) and
the presenter console opens on the teacher's screen; with one screen the single-window
presenter layout stays. It follows ``screenAdded``/``screenRemoved``: a projector unplugged
mid-lesson brings the audience view back to the laptop in single-window layout; plugged in
again, both windows return. Chapter, year, language and size live in ``AppState`` and
``Language`` and the timer in the controller, so moving windows loses nothing.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from zusammenleben.modes.classroom.cursor_hider import CursorHider
from zusammenleben.modes.classroom.screen_placement import ScreenPlacement

log = logging.getLogger(__name__)

VERIFY_MS = 300
MAX_RETRIES = 5


def place_on(widget: QWidget, screen: QScreen, *, fullscreen: bool) -> None:
    """Put a top-level widget on ``screen``: full screen, or maximised in its available area."""
    if widget.isFullScreen() or widget.isMaximized():
        widget.showNormal()
    widget.setScreen(screen)
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    area = screen.geometry() if fullscreen else screen.availableGeometry()
    widget.setGeometry(area)
    if fullscreen:
        widget.showFullScreen()
    else:
        widget.showMaximized()


class TwoScreens(QObject):
    """Arranges the audience window and the console; ``split`` says whether both are up."""

    splitChanged = Signal(bool)

    def __init__(self, classroom, console_factory) -> None:
        super().__init__(classroom)
        self.classroom = classroom
        self.window = classroom.window
        self.placement = ScreenPlacement(classroom.settings)
        self.console_factory = console_factory
        self.console = None
        self.split = False
        self.cursor = CursorHider(self.window)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.arrange)
        self._check = QTimer(self)  # a window manager (or Qt's own screen move) may place a window late
        self._check.setSingleShot(True)
        self._check.setInterval(VERIFY_MS)
        self._check.timeout.connect(self._verify)
        self._retries = 0
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._on_screens)
        app.screenRemoved.connect(self._on_screens)
        classroom.presenter.activeChanged.connect(lambda _on: self._pending.start())

    def schedule(self) -> None:
        """Arrange once the event loop runs (after the window is shown, after a screen settled)."""
        self._pending.start()

    def arrange(self) -> None:
        if not shiboken6.isValid(self.window) or not self.window.isVisible():
            return
        pair = self.placement.screens() if self.classroom.presenting else None
        if pair is None:
            self._join()
        else:
            self._split(*pair)

    def swap(self) -> None:
        self.placement.swap()
        self.arrange()

    # -- the two arrangements ---------------------------------------------------------------------------
    def _split(self, teacher: QScreen, projector: QScreen) -> None:
        if self.console is None:
            self.console = self.console_factory()
        self.classroom.close_audience_notes()
        place_on(self.window, projector, fullscreen=True)
        place_on(self.console, teacher, fullscreen=False)
        self.console.raise_()
        self.console.activateWindow()
        self.cursor.set_active(True)
        self._check.start()
        if not self.split:
            self.split = True
            log.info("presenter console on %s, audience view on %s", teacher.name(), projector.name())
            self.splitChanged.emit(True)

    def _join(self) -> None:
        self.cursor.set_active(False)
        if self.console is not None and self.console.isVisible():
            self.console.closing_by_controller = True
            self.console.close()
            self.console.closing_by_controller = False
        if not self.split:
            return
        self.split = False
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            place_on(self.window, screen, fullscreen=False)  # today's single-window presenter layout
        self.window.activateWindow()
        log.info("single-window presenter layout on %s", screen.name() if screen else "?")
        self.splitChanged.emit(False)

    def _on_screens(self, _screen: QScreen) -> None:
        self._retries = 0
        self._pending.start()

    def _verify(self) -> None:
        """Placed where asked? If not (the audience view still on the laptop), place again, a few times at most."""
        pair = self.placement.screens() if self.split else None
        if pair is None or not shiboken6.isValid(self.window):
            return
        _teacher, projector = pair
        if self.window.isFullScreen() and self.window.screen() is projector:
            self._retries = 0
            return
        if self._retries < MAX_RETRIES:
            self._retries += 1
            log.info("audience view not yet on %s; placing it again", projector.name())
            self._split(*pair)
