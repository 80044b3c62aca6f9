"""A short soak in the suite: a few hundred seeded random interactions, no exception, no Qt critical.

The long run (10,000 interactions, memory growth) is benchmarks/soak.py; this is the same
harness (``run_soak``) kept short enough for every ``make test``. A failure prints one
traceback per distinct exception; ``benchmarks/soak.py -n N --seed S --tracebacks`` replays it.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak.py"
# Judged on the process's CPU time: the machine's cores are shared, and under load the wall time of the
# same 200 interactions went from 10 s to 51 s while their CPU time stayed ~14 s. The wall limit only
# catches a hang.
CPU_LIMIT_S = 30.0
WALL_LIMIT_S = 300.0


def load_soak():
    """benchmarks/ is not a package: load soak.py (and its benchlib) from the folder."""
    if "zl_soak" in sys.modules:
        return sys.modules["zl_soak"]
    if str(SOAK.parent) not in sys.path:
        sys.path.insert(0, str(SOAK.parent))
    spec = importlib.util.spec_from_file_location("zl_soak", SOAK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["zl_soak"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def check(report, started: tuple[float, float]) -> None:
    assert report.interactions > 0
    assert not report.exceptions, report.summary() + "\n" + report.first_tracebacks()
    assert not report.criticals, report.summary()
    cpu_s, wall_s = time.process_time() - started[0], time.perf_counter() - started[1]
    assert cpu_s < CPU_LIMIT_S, f"{cpu_s:.1f} s CPU\n" + report.summary()
    assert wall_s < WALL_LIMIT_S, f"{wall_s:.1f} s wall\n" + report.summary()


@pytest.mark.slow
def test_window_mode_survives_random_interactions(build_app):
    soak = load_soak()
    started = (time.process_time(), time.perf_counter())
    parts = build_app(size=(1280, 720))
    report = soak.run_soak(parts, 200, seed=12, warmup=0, tour=False)
    check(report, started)
    assert len(report.kinds) >= 10  # the mix really reached chapters, years, languages, filters, map


@pytest.mark.slow
def test_kiosk_mode_survives_random_interactions_and_idle_resets(build_app):
    soak = load_soak()
    started = (time.process_time(), time.perf_counter())
    parts = build_app(size=(1280, 720), kiosk=True)
    report = soak.run_soak(parts, 100, seed=21, warmup=0, tour=False)
    check(report, started)
    assert report.kinds["idle reset"] > 0


def test_the_kiosk_hand_touches_the_attract_screen_before_it_works_the_widgets(build_app):
    """A visitor's first touch lands on the tour and starts a visit; a hand that clicked the widgets
    underneath while the tour played on measured something no visitor can do (and kept memory that way)."""
    import random

    from zusammenleben.modes.kiosk.controller import Phase

    soak = load_soak()
    parts = build_app(size=(1280, 720), kiosk=True)
    kiosk = parts.kiosk
    kiosk.enter_idle_phase()
    assert kiosk.phase is Phase.ATTRACT and kiosk.attract.playing
    hand = soak.Hand(parts, random.Random(3))
    name, action = hand.pick()
    while name == "idle reset":
        name, action = hand.pick()
    action()
    assert kiosk.phase is Phase.SESSION
    assert not kiosk.attract.playing


@pytest.mark.slow
def test_the_warm_up_tour_builds_every_screen_and_figure_and_leaves_the_app_as_it_was(build_app):
    """What is built on first use and kept (bounded by the pack) is built before the warm-up RSS is taken."""
    import random

    soak = load_soak()
    parts = build_app(size=(1280, 720), kiosk=True)
    state, language = parts.context.state, parts.context.language
    figures = parts.window.screens["indicators"]
    before = (language.code, state.font_scale, figures.selected_ids())
    assert len(figures.cards) < len(parts.context.pack.indicators)
    hand = soak.Hand(parts, random.Random(1))
    hand.tour()
    assert set(figures.cards) == {indicator.id for indicator in parts.context.pack.indicators}
    assert parts.window.pending_screens() == []
    assert (language.code, state.font_scale, figures.selected_ids()) == before
    assert state.screen == "story"


def test_the_summary_judges_a_run_by_the_goal_for_its_length():
    soak = load_soak()
    assert soak.SoakReport(interactions=10_000).goal_mb == 5.0
    month = soak.SoakReport(interactions=100_000)
    assert month.goal_mb == 20.0 and "goal ≤ 20 MB" in month.summary()
