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
