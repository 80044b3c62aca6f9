"""Chapter move in the story, as a presentation clicker makes it: PageDown/PageUp with its repaint.

The window is the user's (1600×960 offscreen, story in front). One move is a PageDown (or PageUp)
key event sent to the window — the story's window shortcut takes it, as a clicker's key — plus the
event processing it causes: the new chapter's text, its plot, the rail, the time bar, and the
repaint. First visits (a chapter's plot built) are reported apart from later moves (plots kept).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chapter_move.py [--rounds 3] [--json]

Goal: ≤ 50 ms per move (CPU time of the main thread, median of later moves).
"""

from __future__ import annotations

import argparse
import sys

from benchlib import Timings, build_window, emit_json, median, settle

GOAL_MS = 50.0


def press(window, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(window, key)
    settle(rounds=2)


def sweep(parts, timings: Timings) -> None:
    """Forward to the last chapter and back to the first, one clicker press per move."""
    from PySide6.QtCore import Qt

    state, window = parts.context.state, parts.window
    count = len(parts.context.pack.chapters)
    for key, steps in ((Qt.Key.Key_PageDown, count - 1), (Qt.Key.Key_PageUp, count - 1)):
        for _ in range(steps):
            before = state.chapter_index
            timings.start()
            press(window, key)
            timings.stop()
            assert state.chapter_index != before, "the press did not move the chapter"


def measure(rounds: int = 3, parts=None) -> dict:
    parts = parts or build_window()
    parts.context.state.set_screen("story")
    settle()
    first = Timings()
    sweep(parts, first)
    later = Timings()
    for _ in range(rounds):
        sweep(parts, later)
    return {"median_ms": median(later.wall), "median_cpu_ms": median(later.cpu),
            "first_visit_ms": median(first.wall), "first_visit_cpu_ms": median(first.cpu),
            "worst_cpu_ms": max(later.cpu), "moves": len(later.cpu), "chapters": len(parts.context.pack.chapters)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="sweeps (first to last and back) after the first")
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.rounds)
    if args.json:
        emit_json(result)
        return 0
    print(f"chapter move (clicker PageDown/PageUp + repaint), {result['chapters']} chapters, "
          f"{result['moves']} moves (goal ≤ {GOAL_MS:.0f} ms CPU)")
    print(f"  later moves: median {result['median_ms']:.1f} ms wall, {result['median_cpu_ms']:.1f} ms CPU "
          f"(worst {result['worst_cpu_ms']:.1f})")
    print(f"  first visits: median {result['first_visit_ms']:.1f} ms wall, {result['first_visit_cpu_ms']:.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
