"""What the console's live miniature of the audience view costs (``AudienceMirror.refresh``).

One refresh is ``grab()`` of the whole audience window plus a smooth scale-down to the
miniature's size. Builds the real app in presenter layout (150 %), opens the console on a
second offscreen screen, then turns the chapter and refreshes the mirror synchronously,
N times. Prints median and 90th percentile of CPU time (``time.process_time``, less
disturbed by the other jobs on a shared machine than wall time) and wall time, per
audience size, side by side in one run.

    .venv/bin/python benchmarks/mirror_update.py [--rounds 30]

The throttle (``audience_mirror.THROTTLE_MS``) bounds how often this runs: at most every
150 ms while keys come fast, plus one refresh after the chapter fade. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SIZES = ((1024, 768), (1280, 800), (1920, 1080))


def child(width: int, height: int, rounds: int) -> dict:
    sys.path.insert(0, str(BENCH_DIR.parent / "src"))
    sys.path.insert(0, str(BENCH_DIR.parent / "tests"))
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    from conftest import make_options
    from zusammenleben.app import build_parts, create_qapplication

    app = create_qapplication()
    QStandardPaths.setTestModeEnabled(True)
    folder = Path(tempfile.mkdtemp())
    parts = build_parts(make_options(classroom=True), settings_path=folder / "settings.ini",
                        log_folder=folder / "logs", show_dialogs=False)
    parts.window.show()
    two = parts.classroom.two_screens
    deadline = time.monotonic() + 20
    while not (two.split and parts.window.isFullScreen()) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    mirror = parts.classroom.console.mirror
    state = parts.context.state
    cpu, wall = [], []
    for index in range(rounds):
        state.set_chapter(index % state.chapter_count)
        QApplication.processEvents()
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        mirror.refresh()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    return {"size": f"{width}x{height}", "window": list(parts.window.size().toTuple()),
            "mirror": list(mirror.contentsRect().size().toTuple()), "cpu": cpu, "wall": wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--child", default="")
    args = parser.parse_args(argv)
    if args.child:
        width, height = (int(v) for v in args.child.split("x"))
        print(json.dumps(child(width, height, args.rounds)))
        return 0
    print(f"{'audience':>10} {'miniature':>10} {'cpu median ms':>13} {'cpu p90':>8} {'wall median ms':>14}")
    for width, height in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "screens.json"
            config.write_text(json.dumps({"screens": [
                {"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080},
                {"name": "projector", "x": 1920, "y": 0, "width": width, "height": height}]}), encoding="utf-8")
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
            out = subprocess.run([sys.executable, __file__, "--child", f"{width}x{height}", "--rounds",
                                  str(args.rounds)], env=env, capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
        cpu = result["cpu"]
        print(f"{result['size']:>10} {'x'.join(map(str, result['mirror'])):>10} {statistics.median(cpu):>13.1f} "
              f"{statistics.quantiles(cpu, n=10)[-1]:>8.1f} {statistics.median(result['wall']):>14.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
