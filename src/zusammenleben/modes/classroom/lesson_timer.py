"""The lesson timer on the presenter console: start, pause, reset, and it survives a restart.

The time is kept as "seconds counted before the current run" plus "when the current run
began" (wall clock), and both are written to the settings at every start, pause and reset.
So a laptop that crashes or is restarted mid-lesson comes back with the clock still
counting from when the teacher pressed Start; nothing ticks in the settings file.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class LessonTimer(QObject):
    """Elapsed lesson time; ``changed`` fires on start, pause and reset (the console's clock ticks on its own)."""

    changed = Signal()

    def __init__(self, settings, clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self._elapsed, self._started = settings.lesson_timer()
        if self._started is not None and self._started > clock():  # the clock went back: count from now
            self._started = clock()

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        """Seconds counted so far (running or paused)."""
        if self._started is None:
            return self._elapsed
        return self._elapsed + max(0.0, self.clock() - self._started)

    def start(self) -> None:
        if self._started is None:
            self._started = self.clock()
            self._save()

    def pause(self) -> None:
        if self._started is not None:
            self._elapsed = self.elapsed()
            self._started = None
            self._save()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._elapsed = 0.0
        self._started = None
        self._save()

    def _save(self) -> None:
        self.settings.set_lesson_timer(self._elapsed, self._started)
        self.changed.emit()


def format_elapsed(seconds: float) -> str:
    """``0:07:05`` under ten hours; hours, minutes and seconds read the same in German and Dutch."""
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
