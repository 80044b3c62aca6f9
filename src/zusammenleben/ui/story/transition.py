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
    """Fades a widget in from 35 % opacity; removes the effect afterwards (effects slow painting)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.animation: QPropertyAnimation | None = None

    @property
    def running(self) -> bool:
        return self.animation is not None

    def start(self) -> None:
        self.stop()
        effect = QGraphicsOpacityEffect(self.widget)
        effect.setOpacity(0.35)
        self.widget.setGraphicsEffect(effect)
        animation = QPropertyAnimation(effect, b"opacity", self.widget)
        animation.setDuration(DURATION_MS)
        animation.setStartValue(0.35)
        animation.setEndValue(1.0)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        animation.finished.connect(self.stop)
        self.animation = animation
        animation.start()

    def stop(self) -> None:
        if self.animation is not None:
            animation, self.animation = self.animation, None
            animation.stop()
            animation.deleteLater()
        self.widget.setGraphicsEffect(None)
