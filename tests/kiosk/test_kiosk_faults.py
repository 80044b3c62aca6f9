"""Issue 20, faults 8–11: the kiosk window comes back, a lost window ends the process, a hung loop stops
the watchdog's pings, and an open overlay is modal for keys and clicks."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import textwrap
import time

import pytest
from kiosk_helpers import tap
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from zusammenleben.modes.kiosk.watchdog import Watchdog, notify_address
from zusammenleben.modes.kiosk.window_guard import EXIT_WINDOW_LOST


# -- 8 and 10: iconified or un-fullscreened by the window manager: back at once -------------------------
@pytest.mark.parametrize("done_by_wm", ["iconify", "remove fullscreen", "hide"])
def test_the_window_manager_cannot_hide_or_frame_the_kiosk(qtbot, kiosk_app, done_by_wm):
    parts = kiosk_app()
    window, guard = parts.window, parts.kiosk.window_guard
    window.showFullScreen()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen), timeout=3000)
    qtbot.waitUntil(lambda: guard.armed, timeout=3000)
    if done_by_wm == "iconify":
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    elif done_by_wm == "remove fullscreen":
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowFullScreen)
    else:
        window.hide()
    qtbot.waitUntil(lambda: guard.restores >= 1, timeout=3000)
    qtbot.waitUntil(lambda: window.isVisible() and window.windowState() & Qt.WindowState.WindowFullScreen
                    and not window.windowState() & Qt.WindowState.WindowMinimized, timeout=3000)


def test_an_idle_reset_restores_a_window_the_guard_did_not_see_change(qtbot, kiosk_app):
    parts = kiosk_app()
    window, kiosk = parts.window, parts.kiosk
    window.showFullScreen()
    qtbot.waitUntil(lambda: kiosk.window_guard.armed, timeout=3000)
    window.removeEventFilter(kiosk.window_guard)  # a change that arrived without an event
    window.setWindowState(Qt.WindowState.WindowMinimized)
    kiosk.enter_idle_phase()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert not window.windowState() & Qt.WindowState.WindowMinimized


# -- 9: a destroyed window ends the process with a failure code -------------------------------------------
def test_a_deleted_kiosk_window_exits_with_a_failure_code(qtbot, kiosk_app):
    parts = kiosk_app()
    codes: list[int] = []
    parts.kiosk.exit_app = codes.append
    parts.kiosk.window_guard.destroyed_for_test = True
    parts.window.destroyed.emit()  # what Qt emits when the window object goes (without deleting the test's window)
    assert codes == [EXIT_WINDOW_LOST] and EXIT_WINDOW_LOST not in (0, 10)


def test_the_admins_quit_is_not_a_lost_window(qtbot, kiosk_app):
    parts = kiosk_app()
    codes: list[int] = []
    parts.kiosk.exit_app = codes.append
    parts.kiosk.quit_app()
    parts.window.destroyed.emit()
    assert codes == [10]


# -- 9: the systemd watchdog, from the event loop --------------------------------------------------------
def listen(tmp_path) -> tuple[socket.socket, str]:
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(0.05)
    return server, path


def received(server: socket.socket, seconds: float) -> list[tuple[float, str]]:
    messages, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            messages.append((time.monotonic(), server.recv(256).decode()))
        except TimeoutError:
            continue
    return messages


def test_watchdog_reads_systemds_environment():
    assert notify_address({}) is None
    assert notify_address({"NOTIFY_SOCKET": "@abstract"}) == "\0abstract"
    assert Watchdog.from_environment(environ={"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "4000000"}) \
        .timer.interval() == 2000
    assert Watchdog.from_environment(environ={"NOTIFY_SOCKET": "/run/x", "WATCHDOG_PID": "1"}) is None


def test_a_blocked_event_loop_stops_the_watchdog_pings(tmp_path):
    """The app in kiosk mode under a fake systemd socket; after 1.5 s a slot blocks the loop for 3 s."""
    server, path = listen(tmp_path)
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        sys.path.insert(0, {str(os.path.dirname(os.path.dirname(__file__)))!r})
        from conftest import make_options
        from zusammenleben.app import build_parts
        app = QApplication([])
        parts = build_parts(make_options(kiosk=True, lang="de"), settings_path=Path({str(tmp_path / "s.ini")!r}),
                            log_folder=Path({str(tmp_path / "logs")!r}), show_dialogs=False)
        parts.window.show()
        QTimer.singleShot(1500, lambda: time.sleep(3))   # the UI hangs
        QTimer.singleShot(6000, lambda: app.exit(0))  # quit() would ask the kiosk window, which refuses
        app.exec()
        parts.kiosk.shutdown()
    """)
    env = {**os.environ, "NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000", "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("WATCHDOG_PID", None)
    process = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        messages: list[tuple[float, str]] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not (messages and messages[-1][1] == "STOPPING=1"):
            messages += received(server, 0.5)
            if process.poll() is not None:
                messages += received(server, 0.5)
                break
    finally:
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        server.close()
    texts = [text for _at, text in messages]
    assert process.returncode == 0, process.stderr.read()[-2000:]
    assert texts[0] == "READY=1" and texts[-1] == "STOPPING=1", texts[:3]
    pings = [at for at, text in messages if text == "WATCHDOG=1"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(pings)]
    assert len(pings) >= 10, "pings every 0.1 s while the loop runs"
    assert max(gaps) >= 2.5, "no ping while the loop was blocked: systemd would restart the hung kiosk"
    assert sorted(gaps)[len(gaps) // 2] < 0.5, "the usual gap is half the watchdog interval"


# -- 11: overlays are modal for keys and clicks ----------------------------------------------------------
def test_the_pin_pad_holds_the_keyboard_and_the_clicks(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, window, state = parts.kiosk, parts.window, parts.context.state
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    behind = window.nav_buttons["glossary"]
    behind.setFocus()
    kiosk.open_pin_pad()
    pad = kiosk.pin_pad
    qtbot.waitUntil(lambda: pad.isVisible(), timeout=3000)
    focus = QApplication.focusWidget()
    assert focus is pad or pad.isAncestorOf(focus), "the focus stayed behind the pad"
    screen = state.screen
    for _ in range(12):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is pad or pad.isAncestorOf(now), f"Tab reached {now.objectName() or type(now).__name__}"
    QTest.keyClick(behind, Qt.Key.Key_Space)  # a key sent to a button behind the pad
    tap(qtbot, behind)  # and a click
    assert state.screen == screen, "a control behind the open pad was operated"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pad or pad.isAncestorOf(QApplication.focusWidget()),
                    timeout=2000)
    kiosk.close_admin()
    qtbot.waitUntil(lambda: not pad.isVisible(), timeout=3000)
    tap(qtbot, behind)  # with the pad closed the window works again
    assert state.screen in ("glossary", screen)
