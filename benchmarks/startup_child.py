"""One start-up, in a fresh process: runs the real entry point and reports when the first frame is there.

    startup_child.py app|hello T0

``T0`` is ``time.monotonic()`` in the parent just before it started this process (the clock is
system-wide on Linux), so the figure includes the interpreter, the imports and everything a
user waits for. ``app`` runs ``zusammenleben.cli.main`` (the same path as the installed
command); ``hello`` runs packaging/hello/hello.py, the bare PySide6 + pyqtgraph baseline.
Both are unchanged: ``QApplication.exec`` is wrapped so that, once the event loop runs, an
event filter on the text and the plot (and the widgets inside them) waits for their paint, then
the child prints the time and its peak memory (VmHWM) and quits.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import REPO, emit_json, proc_status_kib

TIMEOUT_MS = 60_000


def targets_app(app) -> tuple[object, object]:
    """The story's chapter text and its plot canvas: the first frame a user reads."""
    from zusammenleben.ui.main_window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    story = window.screens["story"]
    plot = story.plot_slot.current_plot()
    return story.chapter_view, (plot.view if plot is not None else None)


def targets_hello(app) -> tuple[object, object]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QLabel

    window = next(w for w in app.topLevelWidgets() if w.isVisible())
    return window.findChild(QLabel), window.findChild(pg.PlotWidget)


def install_probe(kind: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec

    def measured_exec(self) -> int:
        text, plot = (targets_app if kind == "app" else targets_hello)(self)
        waiting = {"text": text, "plot": plot}
        waiting = {name: widget for name, widget in waiting.items() if widget is not None}
        report = {"kind": kind, "missing": [n for n in ("text", "plot") if n not in waiting]}

        def inside(obj, ancestor) -> bool:
            while obj is not None:
                if obj is ancestor:
                    return True
                obj = obj.parent()
            return False

        def finish() -> None:
            report["ms"] = (time.monotonic() - T0) * 1000
            report["cpu_ms"] = time.process_time() * 1000  # this process's CPU since it started
            report["vmhwm_kib"] = proc_status_kib("VmHWM")
            report["vmrss_kib"] = proc_status_kib("VmRSS")
            emit_json(report)
            self.quit()

        class PaintProbe(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint and waiting:
                    for name, widget in list(waiting.items()):
                        if inside(watched, widget):
                            del waiting[name]
                    if not waiting:
                        QTimer.singleShot(0, finish)  # after this paint has been drawn
                return False

        probe = PaintProbe()
        # on the two targets and what is inside them, not application-wide: an application filter in
        # Python is called for every event to every object (~1,400 in the app's first frame, ~400 in the
        # hello world's), and that cost (~17 ms of the app's CPU) was the probe's, not the start's
        from PySide6.QtWidgets import QWidget

        watched = [w for target in waiting.values() for w in (target, *target.findChildren(QWidget))]
        for widget in watched:
            widget.installEventFilter(probe)
        QTimer.singleShot(TIMEOUT_MS, lambda: (emit_json({"kind": kind, "error": "no paint"}), self.quit()))
        return original_exec()

    QApplication.exec = measured_exec


def main() -> int:
    kind, settings = sys.argv[1], sys.argv[3] if len(sys.argv) > 3 else None
    install_probe(kind)
    if kind == "hello":
        sys.argv = [str(REPO / "packaging" / "hello" / "hello.py")]
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as done:
            return int(done.code or 0)
        return 0
    from zusammenleben.cli import main as cli_main

    return cli_main(["--lang", "de", "--settings", settings])


if __name__ == "__main__":
    T0 = float(sys.argv[2])
    sys.exit(main())
