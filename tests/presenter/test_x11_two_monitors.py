"""Two monitors on a real X server: Xorg with the dummy video driver (two RandR outputs) and openbox.

Xvfb with two ``-screen`` options, Xvfb + ``xrandr --setmonitor`` and Xephyr (two ``-screen`` with
``+xinerama``, or ``--setmonitor``) all gave Qt one screen; Xorg's dummy driver has 16 RandR outputs,
and enabling a second one gives Qt two QScreens that can be switched off and on again.
Skipped with the reason when the binaries are missing or Xorg cannot start (it may need root).
Debian packages: xserver-xorg-core, xserver-xorg-video-dummy, x11-xserver-utils (xrandr), openbox,
libxcb-cursor0 (Qt's xcb plugin).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")
CONFIG = """Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0 - 1000.0
    VertRefresh 5.0 - 200.0
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 4096 2160
    EndSubSection
EndSection
"""


def _missing() -> str:
    for tool in ("Xorg", "xrandr", "openbox"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not DUMMY_DRIVER.exists():
        return "Xorg's dummy video driver (xserver-xorg-video-dummy) is not installed"
    return ""


@pytest.fixture(scope="module")
def x_display(tmp_path_factory):
    reason = _missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("xorg")
    (folder / "xorg.conf").write_text(CONFIG, encoding="utf-8")
    (folder / "conf.d").mkdir()
    display = f":{90 + os.getpid() % 400}"
    server = subprocess.Popen(["Xorg", display, "-config", str(folder / "xorg.conf"), "-configdir",
                               str(folder / "conf.d"), "-noreset", "-nolisten", "tcp", "-logfile",
                               str(folder / "xorg.log")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display)
    window_manager = None
    try:
        deadline = time.monotonic() + 20
        while subprocess.run(["xrandr"], env=env, capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"Xorg with the dummy driver did not start (see {folder / 'xorg.log'}; it may need root)")
            time.sleep(0.2)
        for args in (["--output", "DUMMY0", "--mode", "1920x1080", "--primary"], ["--addmode", "DUMMY1", "1024x768"],
                     ["--output", "DUMMY1", "--mode", "1024x768", "--right-of", "DUMMY0"]):
            subprocess.run(["xrandr", *args], env=env, check=True, capture_output=True, timeout=20)
        window_manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield env
    finally:
        for process in (window_manager, server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


def test_two_monitors_on_x11_with_a_window_manager(x_display):
    env = dict(x_display, QT_QPA_PLATFORM="xcb")
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", str(HERE / "x11_cases.py"), "-q", "-p", "no:cacheprovider", "-o", "addopts="],
        cwd=HERE.parent.parent, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-3000:]
