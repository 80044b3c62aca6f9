"""Hello world with PySide6 + pyqtgraph: the size baseline for the real bundle (make hello-bundle).

``--self-test`` draws one plot offscreen and exits 0, so the baseline is smoke-tested too.
"""

import sys

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


def main() -> int:
    app = QApplication(sys.argv)
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Hallo Mechelen"))
    plot = pg.PlotWidget()
    plot.plot(np.arange(2001, 2025), np.linspace(75_000, 87_000, 24))
    layout.addWidget(plot)
    window.resize(640, 480)
    window.show()
    if "--self-test" in sys.argv:
        app.processEvents()
        ok = not window.grab().toImage().isNull()
        print("hello self-test ok" if ok else "hello self-test FAILED")
        return 0 if ok else 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
