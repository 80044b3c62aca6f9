"""Minimal reproducer: how much native memory does a pyqtgraph plot keep once built and deleted?

Only PySide6 and pyqtgraph, no app code. Each variant runs in a fresh process: it builds
and deletes ``--warmup`` plots (caches, pools and the allocator settle), then ``-n`` more,
and prints the RSS growth per plot after ``gc.collect()``, deferred deletes and
``malloc_trim(0)`` (so freed heap that glibc keeps does not count).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/pyqtgraph_plot_leak.py            # every variant
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/pyqtgraph_plot_leak.py plotwidget -n 400

Variants (``--list``): a bare QGraphicsView + scene (Qt's own share), a PlotWidget as built,
with the menus switched off, with its parentless menus deleted first, with plot items,
deleted at once or with deleteLater; and the ways the app can redraw one kept plot:
clearing and re-adding items, restyling the items in place (new pens: the scatter's symbol
atlas grows), and restyling with the atlas restarted (what ``plots.widget.restyle_scatter`` does).

``--live`` measures instead what one PlotWidget costs while it exists (10 kept).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()


def trimmed_kb() -> int:
    settle()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_kb()


# -- the variants: each returns a function that builds (and shows) one plot and deletes it ------------
def _items(plot_item) -> None:
    """What an indicator plot holds: a dashed line, markers, a cursor line, a text label."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    xs, ys = [1990.0, 2000.0, 2010.0, 2020.0], [3.0, 5.0, 4.0, 6.0]
    plot_item.addItem(pg.PlotDataItem(xs, ys, pen=pg.mkPen("b", width=2, style=Qt.PenStyle.DashLine)))
    plot_item.addItem(pg.ScatterPlotItem(x=xs, y=ys, size=12, symbol="o", brush=pg.mkBrush("b")))
    plot_item.addItem(pg.InfiniteLine(pos=2000, angle=90, label="{value:.0f}"), ignoreBounds=True)
    plot_item.addItem(pg.TextItem("4,0"), ignoreBounds=True)


def _show(widget) -> None:
    widget.resize(640, 400)
    widget.show()
    settle()


def bare_view() -> Callable[[], None]:
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    def once() -> None:
        view = QGraphicsView()
        scene = QGraphicsScene(view)
        view.setScene(scene)
        scene.addRect(0, 0, 100, 100)
        _show(view)
        view.close()
        del view, scene
    return once


def plotwidget(menus_off: bool = False, drop_menus: bool = False, items: bool = False,
               delete_later: bool = False, shown: bool = True) -> Callable[[], None]:
    import pyqtgraph as pg

    def once() -> None:
        widget = pg.PlotWidget()
        plot_item = widget.getPlotItem()
        if menus_off:  # what the app does (make_kiosk_safe)
            plot_item.setMenuEnabled(False, enableViewBoxMenu=False)
            plot_item.getViewBox().setMenuEnabled(False)
            plot_item.hideButtons()
        if items:
            _items(plot_item)
        if shown:
            _show(widget)
        if drop_menus:  # the parentless QMenus and the control form, deleted explicitly
            for menu in (plot_item.ctrlMenu, getattr(plot_item.getViewBox(), "menu", None)):
                if menu is not None:
                    menu.deleteLater()
            plot_item.ctrlMenu = None
            plot_item.getViewBox().menu = None
        widget.close()
        if delete_later:
            widget.deleteLater()
        del widget, plot_item
    return once


def kept_plot(restyle: bool, restart_atlas: bool = False) -> Callable[[], None]:
    """One PlotWidget kept; each "plot" is a redraw: clear + new items, or the same items restyled.

    A restyle makes new QPen/QBrush objects (as ``pg.mkPen`` does): the scatter's SymbolAtlas keys
    its rendered symbols by the pens' identity and keeps up to 1,000 of them. ``restart_atlas``
    sets the new style without updating, clears the atlas and renders once (what the app does).
    """
    import pyqtgraph as pg
    from PySide6.QtGui import QFont

    widget = pg.PlotWidget()
    plot_item = widget.getPlotItem()
    plot_item.setMenuEnabled(False, enableViewBoxMenu=False)
    _items(plot_item)
    _show(widget)
    state = {"size": 10}

    def once() -> None:
        state["size"] = 10 + (state["size"] - 9) % 10
        if restyle:
            for item in plot_item.items:
                if isinstance(item, pg.ScatterPlotItem) and restart_atlas:
                    item.setSize(state["size"], update=False)
                    item.setPen(pg.mkPen("k", width=state["size"] / 5), update=False)
                    item.fragmentAtlas.clear()
                    item.updateSpots()
                elif isinstance(item, pg.ScatterPlotItem):
                    item.setSize(state["size"])
                    item.setPen(pg.mkPen("k", width=state["size"] / 5))
                elif isinstance(item, pg.PlotDataItem):
                    item.setPen(pg.mkPen("b", width=state["size"] / 5))
                elif isinstance(item, pg.TextItem):
                    item.setFont(QFont("Sans", state["size"]))
            plot_item.getAxis("left").setStyle(tickFont=QFont("Sans", state["size"]))
        else:
            plot_item.clear()
            _items(plot_item)
        widget.viewport().update()
        settle()
    once.keep = widget  # type: ignore[attr-defined]
    return once


VARIANTS: dict[str, Callable[[], Callable[[], None]]] = {
    "bare-view": bare_view,
    "plotwidget": plotwidget,
    "plotwidget-hidden": lambda: plotwidget(shown=False),
    "plotwidget-stylesheet": plotwidget,
    "plotwidget-menus-off-stylesheet": lambda: plotwidget(menus_off=True),
    "plotwidget-menus-off": lambda: plotwidget(menus_off=True),
    "plotwidget-drop-menus": lambda: plotwidget(menus_off=True, drop_menus=True),
    "plotwidget-deletelater": lambda: plotwidget(menus_off=True, delete_later=True),
    "plotwidget-items": lambda: plotwidget(menus_off=True, items=True),
    "plotwidget-items-drop-menus": lambda: plotwidget(menus_off=True, items=True, drop_menus=True,
                                                      delete_later=True),
    "kept-plot-clear-and-redraw": lambda: kept_plot(restyle=False),
    "kept-plot-restyle": lambda: kept_plot(restyle=True),
    "kept-plot-restyle-atlas-restarted": lambda: kept_plot(restyle=True, restart_atlas=True),
}


def live_cost() -> None:
    """What a PlotWidget costs while it exists, as built and with the ViewBox menu dropped."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    keep = [pg.PlotWidget()]

    def menu_off():
        widget = pg.PlotWidget()
        widget.getPlotItem().getViewBox().setMenuEnabled(False)
        return widget
    for label, make in (("PlotWidget as built", pg.PlotWidget), ("PlotWidget, ViewBox menu off", menu_off)):
        before = trimmed_kb()
        keep.extend(make() for _ in range(10))
        print(f"live: {label:30s} {(trimmed_kb() - before) / 10:7.0f} KB each", flush=True)
    del app, keep


STYLE_SHEET = """QWidget { font-size: 18px; color: #1a1a1a; background: #f7f5f0; }
QPushButton, QSpinBox, QComboBox, QCheckBox { border: 2px solid #777; border-radius: 8px; padding: 6px; }
QGroupBox { border: 2px solid #777; margin-top: 12px; } QSlider::groove:horizontal { height: 8px; }"""


def run_variant(name: str, count: int, warmup: int) -> float:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if name.endswith("-stylesheet"):  # an application style sheet, as apps with a theme have
        app.setStyleSheet(STYLE_SHEET)
    once = VARIANTS[name]()
    for _ in range(warmup):
        once()
    before = trimmed_kb()
    for _ in range(count):
        once()
    after = trimmed_kb()
    per_plot = (after - before) / count
    print(f"{name:30s} {before / 1024:7.1f} → {after / 1024:7.1f} MB  {per_plot:+7.2f} KB per plot "
          f"(n={count}, warm-up {warmup})", flush=True)
    del app
    return per_plot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", nargs="?", help="one variant (default: each in its own process)")
    parser.add_argument("-n", "--count", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--live", action="store_true", help="the cost of a live PlotWidget instead")
    args = parser.parse_args()
    if args.live:
        live_cost()
        return 0
    if args.list:
        print("\n".join(VARIANTS))
        return 0
    if args.variant:
        if args.variant not in VARIANTS:
            print("variants:", ", ".join(VARIANTS))
            return 2
        run_variant(args.variant, args.count, args.warmup)
        return 0
    import pyqtgraph
    import PySide6

    print(f"PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}, Python {sys.version.split()[0]}")
    for name in VARIANTS:  # a fresh process each: one variant's caches do not count for the next
        subprocess.run([sys.executable, __file__, name, "-n", str(args.count), "--warmup", str(args.warmup)],
                       check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
