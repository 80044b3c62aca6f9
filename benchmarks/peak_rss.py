"""Peak memory after start-up: VmHWM of a fresh app process once the first window is painted.

Uses the same child as startup.py (the real entry point, 1920×1080 offscreen screen, fresh
settings); the child reads /proc/self/status when the chapter text and the plot have been
painted. The bare hello world's figure is printed beside it for scale.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/peak_rss.py [--runs 3]

Goal: ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchlib import emit_json, median
from startup import start_once

GOAL_MB = 200.0


def measure(runs: int = 3) -> dict:
    app, hello = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="zl-rss-") as folder:
            for kind, values in (("app", app), ("hello", hello)):
                (Path(folder) / kind).mkdir()
                values.append(start_once(kind, Path(folder) / kind)["vmhwm_kib"] / 1024)
    return {"peak_rss_mb": median(app), "hello_peak_rss_mb": median(hello), "runs": runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        emit_json(result)
        return 0
    print(f"peak RSS after start-up (VmHWM, median of {args.runs}): app {result['peak_rss_mb']:.0f} MB, "
          f"hello world {result['hello_peak_rss_mb']:.0f} MB (goal ≤ {GOAL_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
