"""Shared pieces of the benchmark scripts: the real window offscreen, memory figures, the machine.

Every figure is measured against the window the user gets (``app.build_parts``), never a
mock-up, so a slow screen shows up here the day it lands. Nothing in here is a test; the
scripts print figures and ``run_all.py`` records them in RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"
SCREEN_SIZE = (1920, 1080)  # the offscreen screen the start-up children get (a common projector / monitor)
WINDOW_SIZE = (1600, 960)  # what show_window gives a window on such a screen

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))


# -- memory ----------------------------------------------------------------------------------------
def proc_status_kib(field: str, pid: str = "self") -> int:
    """A ``/proc/<pid>/status`` figure in KiB (VmRSS: now, VmHWM: peak); 0 where /proc is missing."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def rss_mb() -> float:
    return proc_status_kib("VmRSS") / 1024


def peak_rss_mb() -> float:
    return proc_status_kib("VmHWM") / 1024


# -- the real window -------------------------------------------------------------------------------
def app_options(**overrides) -> argparse.Namespace:
    """What the command line would give (same defaults as tests/conftest.py)."""
    values = dict(lang="de", classroom=False, kiosk=False, kiosk_config=None, content=None, screen=None,
                  settings=None, self_test=False, command=None)
    values.update(overrides)
    return argparse.Namespace(**values)


def build_window(size: tuple[int, int] = WINDOW_SIZE, **overrides):
    """The user's window (all screens, time bar), shown offscreen with fresh settings; returns AppParts."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from zusammenleben.app import build_parts, create_qapplication

    app = create_qapplication()
    folder = Path(tempfile.mkdtemp(prefix="zl-bench-"))
    parts = build_parts(app_options(**overrides), settings_path=folder / "settings.ini",
                        log_folder=folder / "logs", show_dialogs=False)
    parts.window.resize(*size)
    parts.window.show()
    settle(app)
    # the screens not in front are built in idle time after the first paint (issue 19): a user's window
    # has them all within a second, so every figure here is taken with all of them built
    parts.window.build_all_screens()
    settle(app)
    return parts


def settle(app=None, rounds: int = 3) -> None:
    """Deliver posted events (layout requests, deferred deletes, update requests → paints)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = app or QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def link_everything(parts) -> None:
    """Make every view follow the year: indicator plots selected, partnership filter on the cursor year."""
    screens = parts.window.screens
    indicators = screens.get("indicators")
    if indicators is not None and not indicators.selected_ids():
        series = [i.id for i in parts.context.pack.indicators if i.kind.value == "series"]
        indicators.set_selected(series[:4])
    partners = screens.get("partnerships")
    if partners is not None:
        partners.filter_bar.select_year("cursor")


# -- reporting -------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    try:
        pyside = importlib.metadata.version("PySide6-Essentials")
    except importlib.metadata.PackageNotFoundError:
        import PySide6

        pyside = PySide6.__version__
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": platform.machine(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "pyside6": pyside,
    }


class Timings:
    """Wall-clock and main-thread CPU milliseconds of repeated steps.

    The machine's two cores are shared with other work; the CPU time of the main thread (where
    Qt lays out and paints offscreen) is what the app itself costs, the wall time what a user
    on a busy machine would wait. Both are reported.
    """

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self._start = (0.0, 0.0)

    def start(self) -> None:
        self._start = (time.perf_counter(), time.thread_time())

    def stop(self) -> None:
        wall, cpu = self._start
        self.wall.append((time.perf_counter() - wall) * 1000)
        self.cpu.append((time.thread_time() - cpu) * 1000)

    def extend(self, other: Timings) -> None:
        self.wall += other.wall
        self.cpu += other.cpu


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def emit_json(payload: dict) -> None:
    """Children report on one line, prefixed, so stray Qt output on stdout cannot confuse the parent."""
    print("BENCH-JSON " + json.dumps(payload), flush=True)


def read_json(stdout: str) -> dict:
    for line in stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line[len("BENCH-JSON "):])
    raise RuntimeError("the child reported nothing:\n" + stdout[-2000:])


def offscreen_env(folder: Path) -> dict[str, str]:
    """Environment for a child: offscreen 1920×1080 screen, settings and logs in ``folder``."""
    config = folder / "offscreen.json"
    width, height = SCREEN_SIZE
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
        {"name": "bench", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):  # the cache stays (fontconfig)
        env[variable] = str(folder / variable.lower())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH", "")]))
    return env
