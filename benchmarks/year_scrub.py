"""How long one step of the year cursor takes in the real window (time bar, story, plots).

Builds the same window the user gets, offscreen, moves the year across every year of the
pack many times (as a teacher dragging the cursor), processes the events each step
causes (repaints included), and prints a small table. Not a test: a figure to watch.

    .venv/bin/python benchmarks/year_scrub.py [--rounds 20] [--size 1920x1080] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--content", default=None, help="a content pack folder (default: the built-in pack)")
    args = parser.parse_args()

    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from zusammenleben.app import build_parts, create_qapplication

    app = create_qapplication()
    folder = Path(tempfile.mkdtemp(prefix="zl-bench-"))
    options = argparse.Namespace(lang="de", classroom=False, kiosk=False, kiosk_config=None, content=args.content,
                                 screen=None, settings=None, self_test=False, command=None)
    parts = build_parts(options, settings_path=folder / "settings.ini", log_folder=folder / "logs",
                        show_dialogs=False)
    width, height = (int(v) for v in args.size.split("x"))
    window, state = parts.window, parts.context.state
    state.set_font_scale(args.scale)
    window.resize(width, height)
    window.show()
    for _ in range(10):
        app.processEvents()

    years = list(range(state.first_year, state.last_year + 1))
    sweep = years + years[-2:0:-1]  # there and back, like a hand on the cursor
    timings: list[float] = []
    for _round in range(args.rounds):
        for year in sweep:
            start = time.perf_counter()
            state.set_year(year)
            app.processEvents()
            window.repaint()  # paint now, as a visible window would before the next step
            timings.append((time.perf_counter() - start) * 1000)

    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"year scrub, {args.size}, font scale {args.scale}, {len(years)} years, {len(timings)} steps")
    print(f"{'median ms/step':>16} {'p95 ms':>8} {'max ms':>8}")
    print(f"{statistics.median(timings):16.2f} {p95:8.2f} {timings[-1]:8.2f}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
