"""The same two windows on a real X server (Xorg's dummy driver, two RandR outputs) under openbox.

Run by test_x11_two_monitors.py in a child process with ``DISPLAY`` set; a window manager
decides here where windows really go, so this checks what the offscreen cases cannot.
"""

from __future__ import annotations

import subprocess

from PySide6.QtGui import QGuiApplication


def xrandr(*args: str) -> None:
    subprocess.run(["xrandr", *args], check=True, capture_output=True, timeout=20)


def test_windows_placed_and_projector_unplugged_on_x11(build_app, qtbot):
    assert [screen.name() for screen in QGuiApplication.screens()] == ["DUMMY0", "DUMMY1"]
    parts = build_app(size=(1280, 800), classroom=True)
    two, window = parts.classroom.two_screens, parts.window
    qtbot.waitUntil(lambda: two.split, timeout=10000)
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry().getRect() == (1920, 0, 1024, 768),
                    timeout=10000)
    console = parts.classroom.console
    qtbot.waitUntil(lambda: console.isVisible() and console.screen().name() == "DUMMY0", timeout=10000)
    assert window.screen().name() == "DUMMY1"
    parts.context.state.set_chapter(2)

    xrandr("--output", "DUMMY1", "--off")  # the projector's cable is pulled
    qtbot.waitUntil(lambda: not two.split and not console.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.screen().name() == "DUMMY0" and not window.isFullScreen(), timeout=10000)
    assert parts.classroom.presenting and parts.context.state.chapter_index == 2

    xrandr("--output", "DUMMY1", "--mode", "1024x768", "--right-of", "DUMMY0")  # and plugged in again
    qtbot.waitUntil(lambda: two.split and window.isFullScreen() and window.screen().name() == "DUMMY1",
                    timeout=10000)
    assert parts.context.state.chapter_index == 2
