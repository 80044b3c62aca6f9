"""The Qt binding must not leak references to ``None``.

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to ``None`` on every call of a
void C++ method (``QWidget.update()``, every ``QPainter`` call): after some ten thousand
repaints the interpreter aborts with "none_dealloc" — for an unattended kiosk that is a crash
within hours. We pin a release without that bug; this test keeps the pin honest.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.update()
        label.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100
