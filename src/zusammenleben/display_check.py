"""Is there a display to open a window on? Asked before Qt, whose answer is an abort.

Without a display Qt's window system plugin prints "could not connect to display" and
aborts the process (a core dump, no message a teacher understands). On Linux the app
looks first: ``WAYLAND_DISPLAY`` names a socket in ``XDG_RUNTIME_DIR``, ``DISPLAY`` an X
server's socket (``/tmp/.X11-unix/X<n>``, or the abstract one) or a TCP port. If none
answers, the caller says so in the user's language and how to run the app instead.
No Qt here, standard library only.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")
_WINDOW_PLATFORMS = ("", "xcb", "wayland", "wayland-egl")


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """False only where Qt would surely abort: Linux, a window-system platform, and nothing listening."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return True  # Windows and macOS always have their one display
    if environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in _WINDOW_PLATFORMS:
        return True  # offscreen, vnc, eglfs, linuxfb …: the user chose a platform that needs no display
    return _wayland_answers(environ) or _x_answers(environ.get("DISPLAY", ""))


def _wayland_answers(environ: Mapping[str, str]) -> bool:
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return path.exists()


def _x_answers(display: str) -> bool:
    match = _X_DISPLAY.match(display)
    if match is None:
        return bool(display)  # a form we do not know (e.g. launchd's path): let Qt try
    host, number = match.group("host"), int(match.group("number"))
    if host in ("", "unix"):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return True
        return _connects(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}")  # the abstract socket
    return _connects(socket.AF_INET, (host, 6000 + number))


def _connects(family: int, address) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            probe.connect(address)
        return True
    except (OSError, ValueError):
        return False
