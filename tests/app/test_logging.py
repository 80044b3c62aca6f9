"""Crash path: uncaught exceptions are logged; the reporter gets a summary, never a traceback."""

from __future__ import annotations

import logging
import sys

from zusammenleben.logging_setup import install_excepthook, setup_logging


def test_uncaught_exception_is_logged_and_reported(tmp_path):
    path = setup_logging(tmp_path)
    reported: list[str] = []
    old = sys.excepthook
    try:
        install_excepthook(reported.append)
        try:
            raise ValueError("broken widget")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "ValueError: broken widget" in text and "Traceback" in text
    assert reported == ["ValueError: broken widget"]


def test_kiosk_hook_reports_nothing_on_screen(tmp_path):
    setup_logging(tmp_path)
    old = sys.excepthook
    try:
        install_excepthook(None)
        sys.excepthook(RuntimeError, RuntimeError("x"), None)  # must not raise, must not show anything
    finally:
        sys.excepthook = old
    assert (tmp_path / "zusammenleben.log").read_text(encoding="utf-8").count("RuntimeError") >= 1


def test_unwritable_log_folder_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    setup_logging(blocker / "logs")  # must not raise


def test_a_full_disk_gives_one_quiet_line_not_tracebacks(tmp_path):
    """Issue 20, fault 7: ``--- Logging error ---`` and a traceback per record reached stderr."""
    import os
    import subprocess

    if not os.path.exists("/dev/full"):
        import pytest

        pytest.skip("/dev/full (a device that is always full) exists on Linux only")
    folder = tmp_path / "logs"
    folder.mkdir()
    os.symlink("/dev/full", folder / "zusammenleben.log")
    script = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from zusammenleben.logging_setup import setup_logging\n"
        f"setup_logging(Path({str(folder)!r}))\n"
        "for i in range(50):\n"
        "    logging.getLogger('zusammenleben.test').info('record %d', i)\n"
        "logging.shutdown()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Logging error" not in result.stderr and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot write the log file" in lines[0], result.stderr
