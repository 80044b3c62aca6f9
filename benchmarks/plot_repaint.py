"""How long the visible plots take to follow the year cursor (moving InfiniteLines + repaint).

Builds the indicators screen over the built-in pack, offscreen, shows N plots as small
multiples, then moves the year through the pack's span and forces a synchronous repaint of
every visible plot after each step. Prints the median and 90th percentile per step.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/plot_repaint.py [--size 1920x1080] [--plots 4]

Not a test: the numbers depend on the machine (2 shared cores here).
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


def build_screen(size: tuple[int, int], count: int, scale: float):
    from zusammenleben.app import create_qapplication, load_content
    from zusammenleben.core import theme
    from zusammenleben.core.context import UiContext
    from zusammenleben.core.mode import Mode
    from zusammenleben.core.state import AppState
    from zusammenleben.i18n.language import Language
    from zusammenleben.settings import Settings
    from zusammenleben.ui.plots.screen import IndicatorsScreen

    app = create_qapplication()
    app.setStyleSheet(theme.stylesheet(theme.LIGHT, scale))
    pack, _problems = load_content(None)
    state = AppState(pack, Mode.WINDOW)
    state.set_font_scale(scale)
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    context = UiContext(pack=pack, state=state, language=Language("de"), settings=settings)
    screen = IndicatorsScreen(context)
    series = [i.id for i in pack.indicators if i.kind.value == "series"]
    screen.set_selected(series[:count])
    screen.resize(*size)
    screen.show()
    app.processEvents()
    return app, screen, state


def measure(app, screen, state, rounds: int) -> list[float]:
    plots = [p for p in screen.plots() if p.view.isVisible() and not p.view.visibleRegion().isEmpty()]
    years = list(range(state.first_year, state.last_year + 1))
    timings = []
    for _ in range(rounds):
        for year in years:
            start = time.perf_counter()
            state.set_year(year)
            for plot in plots:
                plot.view.viewport().repaint()
            timings.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    return timings, len(plots)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--plots", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    print(f"{'size':>10} {'scale':>5} {'plots':>5} {'visible':>7} {'steps':>5} {'median ms':>9} {'p90 ms':>7}")
    for scale in (1.0, 1.5):
        app, screen, state = build_screen((width, height), args.plots, scale)
        timings, visible = measure(app, screen, state, args.rounds)
        p90 = statistics.quantiles(timings, n=10)[-1]
        print(f"{args.size:>10} {scale:>5.1f} {args.plots:>5} {visible:>7} {len(timings):>5} "
              f"{statistics.median(timings):>9.2f} {p90:>7.2f}")
        screen.close()
        screen.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
