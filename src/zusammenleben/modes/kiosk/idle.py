"""Time without a visitor: the idle timer and the countdown's clock (no widgets).

The kiosk asks "Still there?" after ``idle_timeout`` seconds without a touch and starts
over after ``countdown`` more. Both are plain timers here so that the controller decides
what happens and the overlay only shows it; tests drive them with sub-second values.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal


class IdleTimer(QObject):
    """Fires ``idle`` once after ``seconds`` without ``restart()``; stopped until started."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_seconds(seconds)

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(max(1, round(seconds * 1000)))

    @property
    def seconds(self) -> float:
        return self._timer.interval() / 1000

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()


class Countdown(QObject):
    """Counts ``seconds`` down; ``tick(whole seconds left)`` 20 times a second (the ring), then ``expired``."""

    tick = Signal(int)
    expired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.total = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._update)

    def start(self, seconds: float) -> None:
        self.total = max(0.05, float(seconds))
        self._clock.start()
        self._timer.start()
        self._update()

    def stop(self) -> None:
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def remaining(self) -> float:
        """Seconds left (exact)."""
        if not self._clock.isValid():
            return self.total
        return max(0.0, self.total - self._clock.elapsed() / 1000)

    @property
    def fraction(self) -> float:
        """Share of the time left, 1 → 0 (the ring)."""
        return self.remaining / self.total if self.total else 0.0

    def _update(self) -> None:
        remaining = self.remaining
        if remaining <= 0:
            self._timer.stop()
            self.tick.emit(0)
            self.expired.emit()
            return
        self.tick.emit(math.ceil(remaining))
