"""Issue 20, faults 8–10 for real: the kiosk in the locked session of docs/kiosk.md (Xvfb + openbox).

The app runs with ``--kiosk`` under openbox with ``packaging/linux/openbox-kiosk-rc.xml`` (no key
or mouse bindings, no menus). Then the window manager is used against it the way the probe did:
the escape keys, ``wmctrl -b remove,fullscreen``, ``xdotool windowminimize``, and at last
``xdotool windowclose``, which must end the process with a failure status so that systemd's
``Restart=always`` starts it again. Skipped, with the reason, where the tools are missing
(Debian: xvfb, openbox, xdotool, wmctrl).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zusammenleben.modes.kiosk.window_guard import EXIT_WINDOW_LOST

REPO = Path(__file__).resolve().parents[2]
RC_XML = REPO / "packaging" / "linux" / "openbox-kiosk-rc.xml"
WIDTH, HEIGHT = 1280, 800

missing = next((tool for tool in ("Xvfb", "openbox", "xdotool", "wmctrl") if shutil.which(tool) is None), None)
pytestmark = pytest.mark.skipif(missing is not None or not sys.platform.startswith("linux"),
                                reason=f"{missing} is not installed (Debian: xvfb, openbox, xdotool, wmctrl)")


def free_display() -> int:
    for number in range(120, 250):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display")


def wait_for(check, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {what}")


@pytest.fixture
def session(tmp_path):
    """Xvfb and openbox with the kiosk configuration; yields the environment for X clients."""
    display = free_display()
    env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=f":{display}", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path), LANG="de_DE.UTF-8")
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = []
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{display}").exists(), 20, "Xvfb started")
        openbox = subprocess.Popen(["openbox", "--config-file", str(RC_XML)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(openbox)
        wait_for(lambda: subprocess.run(["wmctrl", "-m"], env=env, capture_output=True).returncode == 0, 20,
                 "openbox manages the display")
        yield env
    finally:
        for process in [*started, xvfb]:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def x(env, *args: str) -> str:
    return subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=20).stdout.strip()


def kiosk_window(env) -> str:
    ids = x(env, "xdotool", "search", "--onlyvisible", "--name", "Zusammenleben").split()
    return ids[-1] if ids else ""


def fullscreen(env, window: str) -> bool:
    state = x(env, "xprop", "-id", window, "_NET_WM_STATE") if shutil.which("xprop") else ""
    geometry = x(env, "xdotool", "getwindowgeometry", window)
    covers = f"Geometry: {WIDTH}x{HEIGHT}" in geometry
    return covers and ("FULLSCREEN" in state or not shutil.which("xprop"))


def test_the_kiosk_holds_in_the_locked_session(session, tmp_path):
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-m", "zusammenleben", "--kiosk", "--settings", str(tmp_path / "s.ini")],
                           env=session, stdout=log, stderr=subprocess.STDOUT)
    try:
        window = wait_for(lambda: kiosk_window(session), 60, "the kiosk window appears")
        wait_for(lambda: fullscreen(session, window), 20, "the kiosk is fullscreen")

        for keys in ("alt+Tab", "alt+space", "alt+F4", "ctrl+q", "Escape", "super"):  # bound to nothing
            x(session, "xdotool", "key", "--window", window, keys)
        time.sleep(1)
        assert app.poll() is None, "an escape key ended the kiosk"
        assert fullscreen(session, window)

        x(session, "wmctrl", "-i", "-r", window, "-b", "remove,fullscreen")  # fault 10
        wait_for(lambda: fullscreen(session, window), 10, "fullscreen restored after wmctrl removed it")

        x(session, "xdotool", "windowminimize", window)  # fault 8 (what the Alt+Space menu's "Iconify" does)
        wait_for(lambda: kiosk_window(session) == window and fullscreen(session, window), 10,
                 "shown and fullscreen again after iconify")
        assert app.poll() is None

        x(session, "xdotool", "windowclose", window)  # fault 9: XDestroyWindow
        code = app.wait(timeout=30)
        assert code == EXIT_WINDOW_LOST, (tmp_path / "app.log").read_text("utf-8", "replace")[-2000:]
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
        log.close()
