"""How long a live language switch takes: DE → NL → DE, median in milliseconds.

Two windows are measured: a synthetic one with many bound labels (the cost of the
retranslate mechanism itself) and, if the composition root can build it, the real main
window with every screen (what a user waits for after tapping NL).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/language_switch.py [--labels 2000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget  # noqa: E402

from zusammenleben.i18n.language import Language  # noqa: E402
from zusammenleben.ui import retranslate  # noqa: E402

MSGIDS = ("German", "Dutch", "Source", "Value", "Year", "Note", "Sources disagree", "Open this screen")


class BoundLabel(QLabel):
    def __init__(self, language: Language, msgid: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.language = language
        self.msgid = msgid
        retranslate.bind(self, language)

    def retranslate(self) -> None:
        self.setText(self.language.ui(self.msgid))
        self.setToolTip(self.language.ui(self.msgid))


def synthetic_window(language: Language, count: int) -> QWidget:
    window = QWidget()
    grid = QGridLayout(window)
    for index in range(count):
        grid.addWidget(BoundLabel(language, MSGIDS[index % len(MSGIDS)], window), index // 20, index % 20)
    return window


def real_window():
    """The app's own main window through the composition root, or None if it cannot be built yet."""
    try:
        from zusammenleben.app import build_parts
    except ImportError:
        return None
    options = argparse.Namespace(lang="de", classroom=False, kiosk=False, kiosk_config=None, content=None,
                                 screen=None, settings=None, self_test=False, command=None)
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="zl-bench-"))
    try:
        parts = build_parts(options, settings_path=folder / "settings.ini", log_folder=folder, show_dialogs=False)
    except Exception as error:  # the benchmark reports, it does not crash
        print(f"real main window: not measured ({type(error).__name__}: {error})")
        return None
    return parts.window, parts.context.language


def measure(app: QApplication, language: Language, rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for code in ("nl", "de"):
            start = time.perf_counter()
            language.set_language(code)
            app.processEvents()  # include layout and repaint work the switch triggers
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def report(name: str, timings: list[float]) -> None:
    print(f"{name:<36} {statistics.median(timings):>9.2f} {min(timings):>9.2f} {max(timings):>9.2f} {len(timings):>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])

    print(f"{'window':<36} {'median ms':>9} {'min':>9} {'max':>9} {'n':>6}")
    language = Language("de", parent=app)
    window = synthetic_window(language, options.labels)
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    report(f"{options.labels} bound labels", measure(app, language, options.rounds))
    window.close()

    built = real_window()
    if built is not None:
        main_window, main_language = built
        main_window.resize(1600, 900)
        main_window.show()
        app.processEvents()
        report("real main window (all screens)", measure(app, main_language, options.rounds))
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
