"""Start-up: time to the first window with chapter text and plot painted, against a bare hello world.

Each round starts two fresh processes one after the other (order alternating), the bare
PySide6 + pyqtgraph hello world (packaging/hello/hello.py) and the app (``zusammenleben``
with fresh settings), both offscreen on a 1920×1080 screen; the ratio app ÷ hello is taken
per round, so a busy moment on the shared machine hits both. Also reports the peak memory
(VmHWM) of the app process at that moment — see peak_rss.py.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 7]

Goal: ratio ≤ 1.3.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import BENCH_DIR, emit_json, median, offscreen_env, read_json

GOAL_RATIO = 1.3
CHILD = BENCH_DIR / "startup_child.py"


def start_once(kind: str, folder: Path) -> dict:
    """One fresh process of ``kind`` ("app" or "hello"); its report (ms, vmhwm_kib, missing)."""
    env = offscreen_env(folder)
    # As installed (pip compiles the package at install, the bundle ships bytecode, a checkout writes
    # __pycache__ on its first run): without this, a shell with PYTHONDONTWRITEBYTECODE=1 made every start
    # compile the app's ~80 modules from source again (~75 ms of CPU), which no user pays (issue 19).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, str(CHILD), kind, repr(t0), str(folder / "settings.ini")],
                          env=env, capture_output=True, text=True, timeout=180)
    report = read_json(done.stdout)
    if "error" in report or done.returncode != 0:
        raise RuntimeError(f"{kind} start-up failed ({done.returncode}): {report}\n{done.stderr[-2000:]}")
    return report


def measure(runs: int = 7, warmup: int = 1) -> dict:
    """Median app and hello times, the median per-round ratio, the app's peak RSS per run."""
    apps, hellos, ratios, peaks, cpu_ratios, app_cpu, hello_cpu = [], [], [], [], [], [], []
    missing: set[str] = set()
    for index in range(warmup + runs):
        order = ("hello", "app") if index % 2 == 0 else ("app", "hello")
        reports = {}
        with tempfile.TemporaryDirectory(prefix="zl-start-") as folder:
            for kind in order:
                (Path(folder) / kind).mkdir()
                reports[kind] = start_once(kind, Path(folder) / kind)
        if index < warmup:  # the first start fills the page cache; a teacher's second start is the norm
            continue
        app, hello = reports["app"], reports["hello"]
        apps.append(app["ms"])
        hellos.append(hello["ms"])
        ratios.append(app["ms"] / hello["ms"])
        app_cpu.append(app["cpu_ms"])
        hello_cpu.append(hello["cpu_ms"])
        cpu_ratios.append(app["cpu_ms"] / hello["cpu_ms"])
        peaks.append(app["vmhwm_kib"] / 1024)
        missing.update(app["missing"])
    return {"app_ms": median(apps), "hello_ms": median(hellos), "ratio": median(ratios),
            "app_cpu_ms": median(app_cpu), "hello_cpu_ms": median(hello_cpu), "cpu_ratio": median(cpu_ratios),
            "peak_rss_mb": median(peaks), "runs": runs, "missing": sorted(missing),
            "all_app_ms": apps, "all_hello_ms": hellos, "all_peak_mb": peaks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        emit_json(result)
        return 0
    print(f"start-up over {result['runs']} runs (median): app {result['app_ms']:.0f} ms, "
          f"hello world {result['hello_ms']:.0f} ms, ratio {result['ratio']:.2f} (goal ≤ {GOAL_RATIO})")
    print(f"  CPU time to the first frame: app {result['app_cpu_ms']:.0f} ms, hello {result['hello_cpu_ms']:.0f} ms, "
          f"ratio {result['cpu_ratio']:.2f}")
    print("  app runs ms:  ", " ".join(f"{v:.0f}" for v in result["all_app_ms"]))
    print("  hello runs ms:", " ".join(f"{v:.0f}" for v in result["all_hello_ms"]))
    if result["missing"]:
        print("  not painted because not shown:", ", ".join(result["missing"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
