"""The app is offline by design: ``--self-test`` (every screen, both languages) opens no network connection.

Main check: the self-test runs in a fresh interpreter whose ``socket`` module refuses and
records every IP connection and name lookup (``connect``, ``connect_ex``,
``create_connection``, ``getaddrinfo``). A control run proves the guard catches attempts.
If ``strace`` is installed, a second check watches the real system calls (``connect`` with
AF_INET/AF_INET6, including Qt's C++ side, which the Python guard cannot see).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Runs before the app in the child: every IP connection or lookup is logged to $ZL_NET_LOG and refused.
GUARD = r"""
import json, os, socket, sys

_log = os.environ["ZL_NET_LOG"]
_real_connect, _real_connect_ex = socket.socket.connect, socket.socket.connect_ex

def _record(what, detail):
    with open(_log, "a", encoding="utf-8") as log:
        log.write(json.dumps({"call": what, "detail": repr(detail)}) + "\n")

def _is_ip(sock):
    return sock.family in (socket.AF_INET, socket.AF_INET6)

def _connect(self, address):
    if _is_ip(self):
        _record("connect", address)
        raise OSError("network disabled by test_offline")
    return _real_connect(self, address)

def _connect_ex(self, address):
    if _is_ip(self):
        _record("connect_ex", address)
        raise OSError("network disabled by test_offline")
    return _real_connect_ex(self, address)

def _create_connection(address, *args, **kwargs):
    _record("create_connection", address)
    raise OSError("network disabled by test_offline")

def _getaddrinfo(host, *args, **kwargs):
    _record("getaddrinfo", host)
    raise socket.gaierror("name lookup disabled by test_offline")

socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.create_connection = _create_connection
socket.getaddrinfo = _getaddrinfo
"""

RUN_SELF_TEST = r"""
import runpy
sys.argv = ["zusammenleben", "--self-test"]
runpy.run_module("zusammenleben", run_name="__main__", alter_sys=True)
"""

TRY_THE_NETWORK = r"""
import urllib.request
for attempt in (lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
                lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect(("::1", 9)),
                lambda: urllib.request.urlopen("http://example.invalid/", timeout=1)):
    try:
        attempt()
    except OSError:
        pass
"""


def child_env(tmp_path: Path) -> dict[str, str]:
    """Offscreen, settings and logs under tmp_path, the source tree importable."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("http_", "https_", "HTTP"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               ZL_NET_LOG=str(tmp_path / "net.log"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    return env


def attempts(tmp_path: Path) -> list[dict]:
    log = tmp_path / "net.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_guard_catches_connection_attempts(tmp_path):
    """Control: without it a silent guard would make the real test pass trivially."""
    done = subprocess.run([sys.executable, "-c", GUARD + TRY_THE_NETWORK], env=child_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    calls = [a["call"] for a in attempts(tmp_path)]
    assert "create_connection" in calls
    assert "connect" in calls
    assert "getaddrinfo" in calls or "create_connection" in calls[1:]  # urllib resolves or connects


def test_self_test_opens_no_network_connection(tmp_path):
    done = subprocess.run([sys.executable, "-c", GUARD + RUN_SELF_TEST], env=child_env(tmp_path),
                          capture_output=True, text=True, timeout=180)
    assert "self-test ok" in done.stdout, done.stdout + done.stderr  # the whole app really ran
    assert done.returncode == 0
    assert attempts(tmp_path) == []


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-o", os.devnull, "true"], capture_output=True, timeout=30)
    return probe.returncode == 0  # fails where ptrace is not allowed (some containers)


@pytest.mark.skipif(not strace_works(), reason="strace is not installed or may not trace here")
def test_self_test_makes_no_ip_connect_system_call(tmp_path):
    trace = tmp_path / "connect.trace"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), sys.executable, "-m", "zusammenleben",
         "--self-test"],
        env=child_env(tmp_path), capture_output=True, text=True, timeout=300,
    )
    assert "self-test ok" in done.stdout, done.stdout + done.stderr
    lines = trace.read_text().splitlines()
    ip = [line for line in lines if re.search(r"sa_family=AF_INET6?\b", line)]
    assert ip == [], "\n".join(ip)
