"""The cycle collector is held back while the app starts and gets its thresholds back after the first frame.

Issue 19 (third session): the collector's passes during a start find next to nothing and cost
40–70 ms of CPU before the first frame; ``cli.main`` raises the first threshold, the window's first
paint restores it.
"""

from __future__ import annotations

import gc

import pytest

from zusammenleben import startup_gc


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    yield saved
    startup_gc.release()
    gc.set_threshold(*saved)


def test_hold_raises_the_first_threshold_and_release_restores_all_three(thresholds):
    gc.set_threshold(700, 11, 12)
    startup_gc.hold()
    assert startup_gc.held()
    assert gc.get_threshold() == (startup_gc.START_THRESHOLD, 11, 12)
    startup_gc.hold()  # a second hold keeps the first one's saved thresholds
    startup_gc.release()
    assert gc.get_threshold() == (700, 11, 12) and not startup_gc.held()
    startup_gc.release()  # idempotent
    assert gc.get_threshold() == (700, 11, 12)


def test_hold_leaves_a_switched_off_collector_alone(thresholds):
    gc.set_threshold(0, 10, 10)
    startup_gc.hold()
    assert gc.get_threshold() == (0, 10, 10) and not startup_gc.held()


def test_the_first_paint_gives_the_collector_its_thresholds_back(qtbot, build_app, thresholds):
    from zusammenleben.app import release_collector_after_first_paint

    startup_gc.hold()
    parts = build_app(show=False)
    release_collector_after_first_paint(parts.window)
    assert startup_gc.held()  # built, not yet painted
    with qtbot.waitSignal(parts.window.firstPainted, timeout=10_000):
        parts.window.show()
    qtbot.waitUntil(lambda: not startup_gc.held(), timeout=10_000)  # with the idle work after the frame
    assert gc.get_threshold() == thresholds
