"""Frozen start-up: the PyInstaller bundle against the frozen hello world, to a visible window under Xvfb.

The bundle is what users run, so its start-up is measured too, when both exist (``make bundle``
and ``make hello-bundle`` put them in ``dist/``). A frozen program cannot be probed from the
inside the way startup_child.py probes the source tree, so this watches from the outside: an
Xvfb server of its own, Xlib (through ctypes: no extra dependency) told about every window
mapped on the root, and the child's CPU time read from ``/proc/<pid>/stat``:

- **wall**: from the spawn to the map of the first normal (not override-redirect) top-level
  window — what a user sees as "the window is there";
- **CPU**: the child's user + system time when its first frame reaches that window (the X
  DAMAGE extension reports the first drawing into it); without libXdamage, once the child
  first goes idle after the map (no CPU used for ``IDLE_MS``).

Each round starts both (order alternating, fresh settings); the ratio is taken per round.

    .venv/bin/python benchmarks/frozen_startup.py [--runs 7] [--json]

Goal: ratio ≤ 1.3 (CPU), as for the source tree (startup.py).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import REPO, emit_json, median

GOAL_RATIO = 1.3
IDLE_MS = 150  # no CPU used for this long after the map: the first frame is painted
TIMEOUT_S = 60.0
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
X_DAMAGE_NOTIFY = 0  # offset of DamageNotify from the extension's first event
X_DAMAGE_REPORT_NON_EMPTY = 3  # one event when the window goes from undrawn to drawn
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def bundles(dist: Path) -> dict[str, Path]:
    """The two frozen programs, by kind, if both are built."""
    found = {"app": dist / "zusammenleben" / "zusammenleben",
             "hello": dist / "zusammenleben-hello" / "zusammenleben-hello"}
    return {kind: path for kind, path in found.items() if path.is_file() and os.access(path, os.X_OK)}


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


class MapWatcher:
    """Tells when a normal top-level window is mapped on a display (Xlib SubstructureNotify on the root),
    and when something is first drawn into it (X DAMAGE)."""

    def __init__(self, display_name: str) -> None:
        path = ctypes.util.find_library("X11")
        if path is None:
            raise RuntimeError("libX11 is not installed")
        self.xlib = xlib = ctypes.CDLL(path)
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        xlib.XPending.argtypes = [ctypes.c_void_p]
        xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = xlib.XOpenDisplay(display_name.encode())
        if not self.display:
            raise RuntimeError(f"cannot open X display {display_name}")
        xlib.XSelectInput(self.display, xlib.XDefaultRootWindow(self.display), SUBSTRUCTURE_NOTIFY_MASK)
        xlib.XSync(self.display, 1)  # drop what happened before
        self.window = 0
        self.damage_event = self._damage_extension()

    def _damage_extension(self) -> int | None:
        """The DamageNotify event number, or None without libXdamage / the extension."""
        path = ctypes.util.find_library("Xdamage")
        if path is None:
            return None
        self.damage = damage = ctypes.CDLL(path)
        damage.XDamageQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                 ctypes.POINTER(ctypes.c_int)]
        damage.XDamageCreate.restype = ctypes.c_ulong
        damage.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not damage.XDamageQueryExtension(self.display, ctypes.byref(event_base), ctypes.byref(error_base)):
            return None
        return event_base.value + X_DAMAGE_NOTIFY

    def wait_for(self, deadline: float, wanted) -> bool:
        event = XEvent()
        while time.monotonic() < deadline:
            while self.xlib.XPending(self.display):
                self.xlib.XNextEvent(self.display, ctypes.byref(event))
                if wanted(event):
                    return True
            time.sleep(0.001)
        return False

    def wait_for_map(self, deadline: float) -> bool:
        def mapped(event: XEvent) -> bool:
            if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                self.window = event.xmap.window
                if self.damage_event is not None:  # watch the drawing from now on
                    self.damage.XDamageCreate(self.display, self.window, X_DAMAGE_REPORT_NON_EMPTY)
                    self.xlib.XSync(self.display, 0)
                return True
            return False

        return self.wait_for(deadline, mapped)

    def wait_for_first_drawing(self, deadline: float) -> bool:
        return self.wait_for(deadline, lambda event: event.type == self.damage_event)

    def close(self) -> None:
        self.xlib.XCloseDisplay(self.display)


def cpu_ms(pid: int) -> float:
    """User + system CPU of ``pid`` (all its threads) in ms, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / CLOCK_TICKS


def wait_idle(pid: int, deadline: float) -> float:
    """The child's CPU ms once it used none for IDLE_MS (its first frame is painted)."""
    last, since = cpu_ms(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.01)
        now = cpu_ms(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif (time.monotonic() - since) * 1000 >= IDLE_MS:
            return last
    return last


class Xvfb:
    """A private X server (its own display number, chosen by the server)."""

    def __init__(self) -> None:
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def start_once(kind: str, program: Path, display: str, folder: Path) -> dict[str, float]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(folder / variable.lower())
    args = [str(program)]
    if kind == "app":
        args += ["--lang", "de", "--settings", str(folder / "settings.ini")]
    watcher = MapWatcher(display)
    try:
        started = time.monotonic()
        child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = started + TIMEOUT_S
            if not watcher.wait_for_map(deadline):
                raise RuntimeError(f"{kind}: no window within {TIMEOUT_S:.0f} s")
            mapped_ms = (time.monotonic() - started) * 1000
            if watcher.damage_event is not None and watcher.wait_for_first_drawing(deadline):
                cpu, measured = cpu_ms(child.pid), "first drawing"
            else:
                cpu, measured = wait_idle(child.pid, deadline), "idle after the map"
        finally:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    finally:
        watcher.close()
    return {"ms": mapped_ms, "cpu_ms": cpu, "cpu_at": measured}


def measure(runs: int = 7, warmup: int = 1, dist: Path = REPO / "dist") -> dict:
    programs = bundles(dist)
    if len(programs) < 2:
        missing = [name for name in ("app", "hello") if name not in programs]
        return {"skipped": f"not built: {', '.join(missing)} (make bundle hello-bundle)"}
    if shutil.which("Xvfb") is None:
        return {"skipped": "Xvfb is not installed"}
    server = Xvfb()
    try:
        times: dict[str, list[float]] = {"app": [], "hello": [], "app_cpu": [], "hello_cpu": []}
        ratios, cpu_ratios, cpu_at = [], [], set()
        for index in range(warmup + runs):
            order = ("hello", "app") if index % 2 == 0 else ("app", "hello")
            reports = {}
            with tempfile.TemporaryDirectory(prefix="zl-frozen-") as folder:
                for kind in order:
                    (Path(folder) / kind).mkdir()
                    reports[kind] = start_once(kind, programs[kind], server.display, Path(folder) / kind)
            if index < warmup:  # the first start fills the page cache
                continue
            for kind in ("app", "hello"):
                times[kind].append(reports[kind]["ms"])
                times[f"{kind}_cpu"].append(reports[kind]["cpu_ms"])
            cpu_at.update(report["cpu_at"] for report in reports.values())
            ratios.append(reports["app"]["ms"] / reports["hello"]["ms"])
            cpu_ratios.append(reports["app"]["cpu_ms"] / reports["hello"]["cpu_ms"])
    finally:
        server.stop()
    return {"app_ms": median(times["app"]), "hello_ms": median(times["hello"]), "ratio": median(ratios),
            "app_cpu_ms": median(times["app_cpu"]), "hello_cpu_ms": median(times["hello_cpu"]),
            "cpu_ratio": median(cpu_ratios), "runs": runs,
            "cpu_at": " / ".join(sorted(cpu_at))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        emit_json(result)
        return 0
    if "skipped" in result:
        print(f"frozen start-up not measured: {result['skipped']}")
        return 0
    print(f"frozen start-up over {result['runs']} runs (median), to a mapped window under Xvfb: "
          f"bundle {result['app_ms']:.0f} ms, hello bundle {result['hello_ms']:.0f} ms, ratio {result['ratio']:.2f}")
    print(f"  CPU at the {result['cpu_at']}: bundle {result['app_cpu_ms']:.0f} ms, "
          f"hello {result['hello_cpu_ms']:.0f} ms, ratio {result['cpu_ratio']:.2f} (goal ≤ {GOAL_RATIO})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
