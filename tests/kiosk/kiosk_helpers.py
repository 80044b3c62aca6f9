"""Shared by the kiosk tests: the test PIN and finger-like taps."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

PIN = "2468"


def tap(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos if pos is not None else widget.rect().center())


def enter_pin(qtbot, kiosk, digits: str) -> None:
    for digit in digits:
        tap(qtbot, kiosk.pin_pad.keys[digit])
    tap(qtbot, kiosk.pin_pad.keys["ok"])
