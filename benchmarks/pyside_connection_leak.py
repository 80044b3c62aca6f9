"""Minimal reproducer: does a signal connection to a Python callable keep memory after its sender is gone?

Only PySide6, no app code. Each variant runs in a fresh process and builds a QPushButton,
connects its ``clicked`` (or not), and deletes the button (deleteLater, deferred deletes
sent); three rounds of ``-n`` after a warm-up, RSS after ``gc.collect()`` and
``malloc_trim(0)``. A figure that stays above zero round after round is kept for good.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/pyside_connection_leak.py

Found with PySide6 6.11.3 (benchmarks/RESULTS.md, issue 19): every connection keeps
~0.1-0.2 KB; one to a bound method of a plain Python object also keeps a weakref. The app
therefore reuses widgets that used to be rebuilt with new connections on every chapter move.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import ctypes
import gc
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
VARIANTS = ("no connection", "lambda", "plain object method", "QObject method")


def rss_kb() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_variant(variant: str, count: int) -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QPushButton

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class Plain:
        def stop(self) -> None: ...

    class Receiver(QObject):
        def stop(self) -> None: ...

    plain, receiver = Plain(), Receiver()

    def once() -> None:
        button = QPushButton()
        if variant == "lambda":
            button.clicked.connect(lambda _checked=False: plain.stop())
        elif variant == "plain object method":
            button.clicked.connect(plain.stop)
        elif variant == "QObject method":
            button.clicked.connect(receiver.stop)
        button.deleteLater()

    for _ in range(count // 10):
        once()
    per_round = []
    for _round in range(3):
        before, objects = rss_kb(), collections.Counter(type(o).__name__ for o in gc.get_objects())
        for _ in range(count):
            once()
        after = rss_kb()
        grown = collections.Counter(type(o).__name__ for o in gc.get_objects()) - objects
        per_round.append(f"{1024 * (after - before) / count:+5.0f} B")
        weakrefs = grown.get("ReferenceType", 0)
    print(f"{variant:22s} per connect + delete, 3 rounds of {count}: {', '.join(per_round)}; "
          f"weakrefs left per connection: {weakrefs / count:.2f}", flush=True)
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", nargs="?", choices=VARIANTS)
    parser.add_argument("-n", "--count", type=int, default=10_000)
    args = parser.parse_args()
    if args.variant:
        run_variant(args.variant, args.count)
        return 0
    import PySide6

    print(f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}")
    for variant in VARIANTS:
        subprocess.run([sys.executable, __file__, variant, "-n", str(args.count)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
