"""Minimal reproducer: does emptying a layout with ``QLayout.takeAt`` keep memory?

Only PySide6, no app code. Each variant runs in a fresh process: a widget with 30 labels in a
QVBoxLayout (and a stretch); one cycle adds them all and empties the layout again, by
``takeAt`` alone (the item dropped in Python), by ``removeWidget``, or by ``takeAt`` and
``shiboken6.delete`` of the taken item. Three rounds of ``-n`` cycles after a warm-up, RSS
after ``malloc_trim(0)``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/pyside_takeat_leak.py

Found with PySide6 6.11.3 (benchmarks/RESULTS.md, issue 19, third session): ``takeAt`` alone
keeps ~90 bytes per item for good. Qt leaves a taken item to the caller, and PySide does not take
ownership of the returned wrapper, so the C++ item outlives it. The app empties layouts through
``ui/layout_items.take_all``, which deletes each taken item.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
VARIANTS = ("takeAt", "removeWidget", "takeAt + delete")
LABELS = 30


def rss_kb() -> int:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_variant(variant: str, count: int) -> None:
    import shiboken6
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    page = QWidget()
    layout = QVBoxLayout(page)
    labels = [QLabel(str(number), page) for number in range(LABELS)]

    def once() -> None:
        for label in labels:
            layout.addWidget(label)
        layout.addStretch(1)
        if variant == "removeWidget":
            for label in labels:
                layout.removeWidget(label)
        while layout.count():
            item = layout.takeAt(0)
            if variant == "takeAt + delete":
                shiboken6.delete(item)

    for _ in range(count // 10):
        once()
    per_round = []
    for _round in range(3):
        before = rss_kb()
        for _ in range(count):
            once()
        per_round.append(f"{1024 * (rss_kb() - before) / count / (LABELS + 1):+4.0f} B")
    print(f"{variant:16s} per item, 3 rounds of {count} cycles of {LABELS + 1} items: {', '.join(per_round)}",
          flush=True)
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", nargs="?", choices=VARIANTS)
    parser.add_argument("-n", "--count", type=int, default=2_000)
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
