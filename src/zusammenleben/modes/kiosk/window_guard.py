"""The kiosk window stays fullscreen, on top and alive, whatever the window manager does to it.

A window manager can iconify the kiosk (its window menu), take fullscreen away (``wmctrl -b
remove,fullscreen``) or destroy the window outright (``xdotool windowclose``). The first two
left a hidden or framed kiosk that believed it was fine; the last left a process without a
window, which systemd's ``Restart=always`` never restarts. ``WindowGuard`` watches the
window's state (every change, and once a second for what a window manager does silently)
and puts it back at once; a window that is gone ends the process with ``EXIT_WINDOW_LOST``
so the service restarts it. On X11 "gone" is asked of the X server itself (``xcb`` through
ctypes, no extra dependency), because Qt does not notice a foreign ``XDestroyWindow``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

EXIT_WINDOW_LOST = 3  # not 0 (a clean end) and not 10 (the admin's "Quit", which must not restart)
CHECK_MS = 1000


class X11Windows:
    """Asks the X server whether a window still exists (``xcb_get_window_attributes``)."""

    class _Cookie(ctypes.Structure):
        _fields_ = [("sequence", ctypes.c_uint)]

    def __init__(self) -> None:
        name = ctypes.util.find_library("xcb")
        if not name:
            raise OSError("libxcb not found")
        self.lib = ctypes.CDLL(name)
        self.lib.xcb_connect.restype = ctypes.c_void_p
        self.lib.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        self.lib.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        self.lib.xcb_get_window_attributes.restype = self._Cookie
        self.lib.xcb_get_window_attributes.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        self.lib.xcb_get_window_attributes_reply.restype = ctypes.c_void_p
        self.lib.xcb_get_window_attributes_reply.argtypes = [ctypes.c_void_p, self._Cookie,
                                                             ctypes.POINTER(ctypes.c_void_p)]
        self.lib.xcb_disconnect.argtypes = [ctypes.c_void_p]
        self.libc = ctypes.CDLL(ctypes.util.find_library("c"))
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.connection = self.lib.xcb_connect(None, None)
        if not self.connection or self.lib.xcb_connection_has_error(self.connection):
            raise OSError("cannot connect to the X server")

    def exists(self, window_id: int) -> bool:
        error = ctypes.c_void_p()
        cookie = self.lib.xcb_get_window_attributes(self.connection, window_id)
        reply = self.lib.xcb_get_window_attributes_reply(self.connection, cookie, ctypes.byref(error))
        if reply:
            self.libc.free(reply)
            return True
        if error.value:
            self.libc.free(error.value)
            return False
        return not self.lib.xcb_connection_has_error(self.connection)  # the server went away: not our verdict

    def close(self) -> None:
        if self.connection:
            self.lib.xcb_disconnect(self.connection)
            self.connection = None


class WindowGuard(QObject):
    """Keeps ``window`` fullscreen, shown and active; calls ``exit_app(EXIT_WINDOW_LOST)`` when it is gone."""

    def __init__(self, window: QWidget, exit_app: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.exit_app = exit_app
        self.restores = 0
        self.active = False
        #: set once the window has been fullscreen (``show_window`` makes it so): from then on it stays so
        self.armed = False
        #: set once the window has been shown: only a window a visitor could see can be "lost" (a window
        #: built and dropped without being shown, as in tests, must not end the process)
        self.shown = False
        self._x11: X11Windows | None = None
        self._window_id = 0
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        window.destroyed.connect(lambda _obj=None: self._lost("the window was deleted"))

    def start(self) -> None:
        self.active = True
        self.armed = bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)
        self.shown = self.window.isVisible()
        self.window.installEventFilter(self)
        self.timer.start()
        if QGuiApplication.platformName() == "xcb":
            try:
                self._x11 = X11Windows()
                self._window_id = int(self.window.winId())
            except (OSError, AttributeError) as error:
                log.warning("kiosk: cannot watch the X11 window (%s); relying on Qt's window state", error)

    def stop(self) -> None:
        self.active = False
        self.timer.stop()
        self.window.removeEventFilter(self)
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None

    def wrong_state(self) -> str | None:
        """Why the window is not as a kiosk must be (None: fullscreen, shown, not minimised)."""
        state = self.window.windowState()
        if state & Qt.WindowState.WindowMinimized:
            return "minimised"
        if not state & Qt.WindowState.WindowFullScreen:
            return "not fullscreen"
        if not self.window.isVisible():
            return "hidden"
        return None

    def check(self) -> None:
        if not self.active:
            return
        try:
            self.window.windowState()
        except RuntimeError:  # the window object is gone (its destroyed signal said so already)
            self.timer.stop()
            return
        if self._x11 is not None and self._window_id and not self._x11.exists(self._window_id):
            self._lost("the window manager destroyed the window")
            return
        if not self.armed and self.window.windowState() & Qt.WindowState.WindowFullScreen:
            self.armed = True
        reason = self.wrong_state() if self.armed else None
        if reason is not None:
            self.restore(reason)

    def restore(self, reason: str) -> None:
        """Fullscreen, raised and active again, at once."""
        self.restores += 1
        log.warning("kiosk: the window was %s; restoring fullscreen", reason)
        self.window.setWindowState((self.window.windowState() & ~Qt.WindowState.WindowMinimized)
                                   | Qt.WindowState.WindowFullScreen)
        self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.shown = True
        if self.active and watched is self.window and event.type() in (
                QEvent.Type.WindowStateChange, QEvent.Type.Hide):
            QTimer.singleShot(0, self.check)  # after Qt has finished applying the change
        return False

    def _lost(self, reason: str) -> None:
        if not self.active or not self.shown:
            return
        self.active = False
        log.error("kiosk: %s; exiting with status %d so the service starts the kiosk again", reason,
                  EXIT_WINDOW_LOST)
        self.exit_app(EXIT_WINDOW_LOST)
