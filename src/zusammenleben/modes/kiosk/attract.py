"""The attract loop: with nobody at the screen, the tour plays itself.

Chapter by chapter, the year cursor walks through each chapter's years, so the figure
beside the text and the time bar move: motion is what makes a passer-by look. The loop
only drives ``AppState`` (chapter, year, screen), exactly as a visitor's taps would, so
every view follows without knowing about the kiosk. One single-shot timer walks a short
plan per chapter: hold on the first year, step through the years, hold on the last.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

HOLD_SHARE = 0.2  # of a chapter's time: at its first year, and again at its last
MIN_STEP_MS = 120


class AttractLoop(QObject):
    """``start()`` plays from chapter 1, ``pause()``/``resume()`` for the visitors' button, ``stop()``."""

    chapterStarted = Signal(int)
    runningChanged = Signal(bool)

    def __init__(self, state, seconds_per_chapter: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.seconds_per_chapter = seconds_per_chapter
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._plan: list[tuple[int, int | None]] = []  # (wait ms, then this year | None = next chapter)
        self._position = 0
        self._active = False
        self._paused = False

    # -- control ------------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Started and not stopped (it may be paused)."""
        return self._active

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def playing(self) -> bool:
        return self._active and not self._paused

    def start(self, chapter: int = 0) -> None:
        self._active = True
        self._paused = False
        self._enter(chapter)
        self.runningChanged.emit(True)

    def stop(self) -> None:
        was_playing = self.playing
        self._timer.stop()
        self._active = False
        self._paused = False
        if was_playing:
            self.runningChanged.emit(False)

    def pause(self) -> None:
        if self.playing:
            self._paused = True
            self._timer.stop()
            self.runningChanged.emit(False)

    def resume(self) -> None:
        if self._active and self._paused:
            self._paused = False
            self._schedule()
            self.runningChanged.emit(True)

    def toggle(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    # -- the plan -----------------------------------------------------------------------------------
    def chapter_years(self, index: int) -> list[int]:
        """The years the cursor walks through in chapter ``index`` (inside the pack's years)."""
        chapter = self.state.pack.chapters[index]
        first = max(chapter.years.first_year, self.state.first_year)
        last = min(chapter.years.last_year, self.state.last_year)
        return list(range(first, max(first, last) + 1))

    def plan_for(self, index: int) -> list[tuple[int, int | None]]:
        total_ms = max(1.0, self.seconds_per_chapter * 1000)
        years = self.chapter_years(index)
        if len(years) == 1:
            return [(round(total_ms), None)]
        hold = total_ms * HOLD_SHARE
        step = max(MIN_STEP_MS, total_ms * (1 - 2 * HOLD_SHARE) / (len(years) - 1))
        plan: list[tuple[int, int | None]] = [(round(hold), years[1])]
        plan += [(round(step), year) for year in years[2:]]
        plan.append((round(hold), None))
        return plan

    def _enter(self, index: int) -> None:
        count = self.state.chapter_count
        if count == 0:
            self._active = False
            return
        index %= count
        self.state.set_screen("story")
        self.state.set_chapter(index, move_year=False)
        self.state.set_year(self.chapter_years(index)[0])
        self._plan = self.plan_for(index)
        self._position = 0
        self.chapterStarted.emit(index)
        self._schedule()

    def _schedule(self) -> None:
        if self._position < len(self._plan):
            self._timer.start(self._plan[self._position][0])

    def _step(self) -> None:
        if not self.playing:
            return
        _wait, year = self._plan[self._position]
        self._position += 1
        if year is None:
            self._enter(self.state.chapter_index + 1)
            return
        self.state.set_year(year)
        self._schedule()
