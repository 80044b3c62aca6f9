"""Year-cursor scrub with everything linked: milliseconds per step of the year, in the real window.

Every screen is built; the indicators screen shows four series (their cursor lines follow
the year), the partnership filter is set to "year on the time bar" (table and map follow
the year), the story's figure and the time bar follow it anyway. The cursor sweeps the
pack's years there and back, as a hand on the time bar does; one step is
``state.set_year`` plus the events it causes (the repaint of what changed on the visible
screen). Measured with the story, the indicators and the partnerships screen in front;
the headline is the worst of the three medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/year_scrub.py [--rounds 10]

Goal: ≤ 8 ms per step.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from benchlib import Timings, build_window, emit_json, link_everything, median, settle

GOAL_MS = 8.0
FRONT_SCREENS = ("story", "indicators", "partnerships")


def sweep_times(parts, rounds: int) -> Timings:
    state = parts.context.state
    years = list(range(state.first_year, state.last_year + 1))
    sweep = years + years[-2:0:-1]  # there and back
    timings = Timings()
    for _ in range(rounds):
        for year in sweep:
            timings.start()
            state.set_year(year)
            settle(rounds=1)
            timings.stop()
    return timings


def measure(rounds: int = 10, parts=None) -> dict:
    parts = parts or build_window()
    link_everything(parts)
    state = parts.context.state
    per_screen: dict[str, dict[str, float]] = {}
    for key in FRONT_SCREENS:
        if key not in parts.window.screens:
            continue
        state.set_screen(key)
        settle()
        sweep_times(parts, 1)  # first sweep warms caches (glyphs, label layouts); not counted
        timings = sweep_times(parts, rounds)
        per_screen[key] = {"median": median(timings.wall), "p90": statistics.quantiles(timings.wall, n=10)[-1],
                           "cpu": median(timings.cpu), "steps": len(timings.wall)}
    state.set_screen("story")
    settle()
    worst = max(per_screen, key=lambda k: per_screen[k]["cpu"])
    return {"worst_screen": worst, "worst_ms": per_screen[worst]["median"], "worst_cpu_ms": per_screen[worst]["cpu"],
            "per_screen": per_screen}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.rounds)
    if args.json:
        emit_json(result)
        return 0
    print(f"year scrub, ms per step (goal ≤ {GOAL_MS:.0f} ms), everything linked")
    print(f"  {'in front':<14} {'wall':>8} {'p90':>8} {'CPU':>8} {'steps':>6}")
    for key, row in result["per_screen"].items():
        print(f"  {key:<14} {row['median']:8.2f} {row['p90']:8.2f} {row['cpu']:8.2f} {row['steps']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
