"""A short fade between chapters, or none when the user asked for reduced motion.

Motion helps the eye notice that the page changed; it must never delay reading, so it is
brief (≤ 250 ms), touches only opacity, and is skipped for reduced motion (the app
setting, or the platform's accessibility preference where Qt exposes one).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGraphicsOpacityEffect, QWidget

DURATION_MS = 220


def platform_prefers_reduced_motion() -> bool:
    """Qt 6.10+ reports the platform's motion preference on some systems; older Qt says nothing."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    try:
        preference = accessibility()
        reduced = getattr(preference, "motionPreference", None)
        if reduced is None:
            return False
        value = reduced()
        return "reduce" in str(value).lower()
    except (RuntimeError, TypeError, AttributeError):
        return False


def reduced_motion(settings) -> bool:
    return bool(getattr(settings, "reduced_motion", False)) or platform_prefers_reduced_motion()


class FadeIn:
    """Fades a widget in from 35 % opacity; removes the effect afterwards (effects slow painting).

    One animation, connected once, serves every fade: a new animation per chapter move made a new
    signal connection each time, and PySide 6.11 keeps ~0.1-0.2 KB of every connection after its
    sender is gone (benchmarks/pyside_connection_leak.py).
    """

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.animation: QPropertyAnimation | None = None  # while a fade runs
        self._animation = QPropertyAnimation(widget)
        self._animation.setPropertyName(b"opacity")
        self._animation.setDuration(DURATION_MS)
        self._animation.setStartValue(0.35)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.finished.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.animation is not None

    def start(self) -> None:
        self.stop()
        effect = QGraphicsOpacityEffect(self.widget)
        effect.setOpacity(0.35)
        self.widget.setGraphicsEffect(effect)
        self._animation.setTargetObject(effect)
        self.animation = self._animation
        self._animation.start()

    def stop(self) -> None:
        if self.animation is not None:
            self.animation = None
            self._animation.stop()
            self._animation.setTargetObject(None)
        self.widget.setGraphicsEffect(None)
