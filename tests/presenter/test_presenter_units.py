"""Lesson timer (start, pause, reset, kept over a restart) and the projector choice, without two screens."""

from __future__ import annotations

from zusammenleben.modes.classroom.lesson_timer import LessonTimer, format_elapsed
from zusammenleben.modes.classroom.screen_placement import choose_projector, choose_teacher
from zusammenleben.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_timer_counts_pauses_resets_and_survives_a_restart(tmp_path, qapp):
    clock = Clock()
    settings = Settings(tmp_path / "settings.ini")
    timer = LessonTimer(settings, clock)
    assert not timer.running and timer.elapsed() == 0
    timer.start()
    clock.now += 65
    assert timer.elapsed() == 65
    timer.pause()
    clock.now += 100
    assert timer.elapsed() == 65 and not timer.running
    timer.start()
    clock.now += 10
    restarted = LessonTimer(Settings(tmp_path / "settings.ini"), clock)  # the laptop restarted mid-lesson
    assert restarted.running and restarted.elapsed() == 75
    clock.now += 5
    assert restarted.elapsed() == 80
    restarted.reset()
    assert LessonTimer(Settings(tmp_path / "settings.ini"), clock).elapsed() == 0


def test_elapsed_format():
    assert format_elapsed(0) == "0:00:00"
    assert format_elapsed(3725.9) == "1:02:05"


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_projector_is_the_non_primary_screen_unless_asked_or_remembered():
    laptop, beamer = FakeScreen("laptop"), FakeScreen("beamer")
    assert choose_projector([laptop], laptop) is None
    assert choose_projector([laptop, beamer], laptop) is beamer
    assert choose_projector([beamer, laptop], laptop) is beamer
    assert choose_projector([laptop, beamer], laptop, remembered="laptop") is laptop
    assert choose_projector([laptop, beamer], laptop, remembered="gone") is beamer
    assert choose_projector([laptop, beamer], laptop, requested=0) is laptop
    assert choose_teacher([laptop, beamer], beamer, laptop) is laptop
    assert choose_teacher([laptop, beamer], laptop, laptop) is beamer
