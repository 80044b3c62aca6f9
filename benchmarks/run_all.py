"""``make bench``: every figure, one table, appended to benchmarks/RESULTS.md.

Each in-process figure (language switch, year scrub) runs in its own fresh process several
times (one window per process: a second window would double the listeners) and the table
shows the median of the runs. Start-up and peak memory come from the same fresh-process
start-ups (startup.py: app and hello world per round, ratio per round, median).

Also the frozen start-up (frozen_startup.py: the bundle against the hello bundle under Xvfb, when
``make bundle hello-bundle`` built both) and the 10,000-interaction soak (soak.py; ~10 minutes).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--runs 3] [--startup-runs 7] [--soak 10000]
                                                                      [--no-record]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass

from benchlib import BENCH_DIR, RESULTS, machine, median, read_json
from chapter_move import GOAL_MS as MOVE_GOAL_MS
from frozen_startup import GOAL_RATIO as FROZEN_GOAL_RATIO
from language_switch import GOAL_MS as SWITCH_GOAL_MS
from pack_reload import GOAL_MS as RELOAD_GOAL_MS
from peak_rss import GOAL_MB as RSS_GOAL_MB
from startup import GOAL_RATIO
from year_scrub import GOAL_MS as SCRUB_GOAL_MS

RESULTS_HEADER = """# Benchmark results

Appended by `make bench` (benchmarks/run_all.py); one section per run, newest last. Medians over
fresh processes, offscreen. Wall time and the CPU time of the app's main thread (start-up: of the
whole process) are both given; "met" is judged on CPU time because the two cores are shared.

## Runs
"""


@dataclass
class Row:
    figure: str
    wall: str
    cpu: str
    goal: str
    met: bool
    detail: str = ""


def run_script(script: str, *args: str, timeout: int = 1800, check: bool = True) -> dict:
    done = subprocess.run([sys.executable, str(BENCH_DIR / script), "--json", *args],
                          capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise RuntimeError(f"{script} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return read_json(done.stdout)


def repeated(script: str, runs: int, *args: str) -> list[dict]:
    return [run_script(script, *args) for _ in range(runs)]


def frozen_row(startup_runs: int) -> Row:
    """The bundle against the hello bundle under Xvfb, when both are built (else a row that says so)."""
    figure = "frozen start-up (bundle ÷ hello bundle), to a visible window under Xvfb"
    frozen = run_script("frozen_startup.py", "--runs", str(startup_runs))
    if "skipped" in frozen:
        return Row(figure, "–", "–", f"≤ {FROZEN_GOAL_RATIO}×", False, f"not measured: {frozen['skipped']}")
    return Row(figure, f"{frozen['ratio']:.2f}×", f"{frozen['cpu_ratio']:.2f}×", f"≤ {FROZEN_GOAL_RATIO}×",
               frozen["cpu_ratio"] <= FROZEN_GOAL_RATIO,
               f"bundle {frozen['app_ms']:.0f} ms to the map, hello bundle {frozen['hello_ms']:.0f} ms; CPU at the "
               f"{frozen['cpu_at']}: bundle {frozen['app_cpu_ms']:.0f} ms, hello {frozen['hello_cpu_ms']:.0f} ms; "
               f"{startup_runs} rounds")


def soak_row(interactions: int) -> Row:
    """RSS growth after warm-up over ``interactions`` seeded random interactions (soak.py, seed 1, window mode)."""
    soak = run_script("soak.py", "-n", str(interactions), timeout=4 * 3600, check=False)
    return Row(f"RSS growth over {interactions:,} random interactions after warm-up", "",
               f"{soak['growth_after_warmup_mb']:+.1f} MB", f"≤ {soak['goal_mb']:.0f} MB",
               soak["growth_after_warmup_mb"] <= soak["goal_mb"] and not soak["exceptions"],
               f"after malloc_trim {soak['trimmed_growth_mb']:+.1f} MB; RSS {soak['rss_warm_mb']:.0f} → "
               f"{soak['rss_end_mb']:.0f} MB; {soak['exceptions']} exceptions, {soak['criticals']} Qt critical; "
               f"{1000 * soak['seconds'] / max(1, soak['interactions']):.0f} ms wall per interaction; seed 1")


def collect(runs: int, startup_runs: int, soak: int) -> list[Row]:
    start = run_script("startup.py", "--runs", str(startup_runs))
    switch = repeated("language_switch.py", runs, "--rounds", "8")
    scrub = repeated("year_scrub.py", runs, "--rounds", "6")
    move = repeated("chapter_move.py", runs, "--rounds", "3")
    reload = repeated("pack_reload.py", 1, "--rounds", "7")[0]

    def med(results: list[dict], key: str) -> float:
        return median([r[key] for r in results])

    switch_cpu = med(switch, "worst_cpu_ms")
    worst_switch = statistics.mode([r["worst_screen"] for r in switch])
    screens = switch[0]["per_screen_cpu"]
    switch_detail = ", ".join(f"{key} {median([r['per_screen_cpu'][key] for r in switch]):.0f}" for key in screens)
    catch_up_detail = ", ".join(
        f"{key} {median([r['screen_switch_after_language_cpu'][key] for r in switch]):.0f} "
        f"(plain {median([r['screen_switch_cpu'][key] for r in switch]):.0f})"
        for key in switch[0]["screen_switch_cpu"])
    scrub_cpu = med(scrub, "worst_cpu_ms")
    scrub_screens = {key: (median([r["per_screen"][key]["median"] for r in scrub]),
                           median([r["per_screen"][key]["cpu"] for r in scrub])) for key in scrub[0]["per_screen"]}
    worst_scrub = max(scrub_screens, key=lambda key: scrub_screens[key][1])
    missing = f"; not painted: {', '.join(start['missing'])}" if start["missing"] else ""
    rows = [
        Row("start-up to first painted window, app ÷ hello world", f"{start['ratio']:.2f}×",
            f"{start['cpu_ratio']:.2f}×", f"≤ {GOAL_RATIO}×", start["cpu_ratio"] <= GOAL_RATIO,
            f"app {start['app_ms']:.0f} ms (CPU {start['app_cpu_ms']:.0f}), hello {start['hello_ms']:.0f} ms "
            f"(CPU {start['hello_cpu_ms']:.0f}); {startup_runs} rounds{missing}"),
        Row("language switch DE→NL→DE, per switch, worst screen in front", f"{med(switch, 'worst_ms'):.1f} ms",
            f"{switch_cpu:.1f} ms", f"≤ {SWITCH_GOAL_MS:.0f} ms", switch_cpu <= SWITCH_GOAL_MS,
            f"worst {worst_switch}; CPU ms by screen in front: {switch_detail}; the first switch to another "
            f"screen afterwards (it catches up then), CPU ms: {catch_up_detail}; {runs} runs"),
        Row("year scrub per step, story+plots+map linked, worst screen in front", f"{med(scrub, 'worst_ms'):.2f} ms",
            f"{scrub_cpu:.2f} ms", f"≤ {SCRUB_GOAL_MS:.0f} ms", scrub_cpu <= SCRUB_GOAL_MS,
            "wall/CPU ms: " + ", ".join(f"{key} {wall:.1f}/{cpu:.1f}" for key, (wall, cpu) in scrub_screens.items())
            + f"; worst {worst_scrub}; {runs} runs"),
        Row("chapter move (clicker PageDown/PageUp) with its repaint, story in front",
            f"{med(move, 'median_ms'):.1f} ms", f"{med(move, 'median_cpu_ms'):.1f} ms", f"≤ {MOVE_GOAL_MS:.0f} ms",
            med(move, "median_cpu_ms") <= MOVE_GOAL_MS,
            f"later moves; first visit of a chapter (its plot built) {med(move, 'first_visit_cpu_ms'):.0f} ms CPU; "
            f"worst later move {med(move, 'worst_cpu_ms'):.0f} ms CPU; {runs} runs"),
        Row(f"pack reload (--watch, {reload['files']}-file pack): load + new window", f"{reload['reload_ms']:.0f} ms",
            f"{reload['reload_cpu_ms']:.0f} ms", f"< {RELOAD_GOAL_MS} ms", reload["reload_cpu_ms"] < RELOAD_GOAL_MS,
            f"the load alone {reload['load_cpu_ms']:.0f} ms CPU; 7 rounds, 1 run"),
        Row("peak RSS after start-up (VmHWM)", f"{start['peak_rss_mb']:.0f} MB", "", f"≤ {RSS_GOAL_MB:.0f} MB",
            start["peak_rss_mb"] <= RSS_GOAL_MB, f"median of {startup_runs} start-ups"),
        frozen_row(startup_runs),
    ]
    if soak:
        rows.append(soak_row(soak))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| figure | median wall | median CPU | goal | met | detail |", "|---|---:|---:|---|---|---|"]
    lines += [f"| {r.figure} | {r.wall} | {r.cpu} | {r.goal} | {'yes' if r.met else 'no'} | {r.detail} |"
              for r in rows]
    return "\n".join(lines)


def record(rows: list[Row]) -> None:
    info = machine()
    if not RESULTS.exists():
        RESULTS.write_text(RESULTS_HEADER)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    section = (f"\n### {info['date']} — {info['machine']}, {info['cores']} cores, Python {info['python']}, "
               f"PySide6 {info['pyside6']} (load average at the end: {load})\n\n{table(rows)}\n")
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(section)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per in-process figure")
    parser.add_argument("--startup-runs", type=int, default=7, help="start-up rounds (app + hello world each)")
    parser.add_argument("--soak", type=int, default=10_000, help="soak interactions (0: no soak row)")
    parser.add_argument("--no-record", action="store_true", help="print only, do not append to RESULTS.md")
    args = parser.parse_args()
    rows = collect(args.runs, args.startup_runs, args.soak)
    info = machine()
    print(f"{info['date']}  {info['machine']}, {info['cores']} cores, Python {info['python']}, "
          f"PySide6 {info['pyside6']}")
    print(f"load average: {', '.join(f'{value:.1f}' for value in os.getloadavg())} "
          "(goals are judged on CPU time: the cores are shared)")
    width = max(len(r.figure) for r in rows)
    print(f"{'figure':<{width}}  {'wall':>9}  {'CPU':>9}  {'goal':>9}  met")
    for r in rows:
        print(f"{r.figure:<{width}}  {r.wall:>9}  {r.cpu:>9}  {r.goal:>9}  {'yes' if r.met else 'NO '}  {r.detail}")
    if not args.no_record:
        record(rows)
        print(f"recorded in {RESULTS.relative_to(BENCH_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
