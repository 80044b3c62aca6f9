"""How much memory does an ``IndicatorPlot`` keep once built and deleted (exports, handouts, mode changes)?

The app's window is built (style sheet, state, language as in use), then plots of the pack's
indicators are built and deleted: three rounds of ``-n`` after a warm-up, RSS after deferred
deletes, ``gc.collect()`` (twice: a deleted plot's Python cycles are garbage only after its C++
side is gone) and ``malloc_trim(0)``. ``--bare`` builds a plain ``pg.PlotWidget`` instead.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/plot_build_delete.py [-n 40] [--bare]
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import build_window, settle

from soak import measured_rss, trimmed_rss


def collected_rss() -> float:
    settle()
    gc.collect()
    measured_rss()
    gc.collect()
    return trimmed_rss()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--bare", action="store_true", help="a plain pg.PlotWidget, not the app's plot")
    args = parser.parse_args()
    parts = build_window((1280, 720))
    context = parts.context
    indicators = context.pack.indicators

    def once(number: int) -> None:
        if args.bare:
            import pyqtgraph as pg

            plot = pg.PlotWidget()
        else:
            from zusammenleben.ui.plots.widget import IndicatorPlot

            plot = IndicatorPlot(context, indicators[number % len(indicators)])
        plot.deleteLater()

    for number in range(args.warmup):
        once(number)
    label = "pg.PlotWidget" if args.bare else "IndicatorPlot"
    for round_ in range(3):
        before = collected_rss()
        for number in range(args.count):
            once(number)
        after = collected_rss()
        print(f"{label} round {round_}: {1024 * (after - before) / args.count:+.1f} KB kept per plot built and "
              f"deleted (n={args.count})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
