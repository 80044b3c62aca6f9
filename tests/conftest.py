"""Shared fixtures: the real main window, offscreen, with settings and logs in a temporary folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PACK = REPO / "tests" / "data" / "example_pack"
ARTIFACTS = REPO / "test-artifacts"


def make_options(**overrides) -> argparse.Namespace:
    """The options the CLI would produce, with overrides."""
    values = dict(
        lang="de", classroom=False, kiosk=False, kiosk_config=None, content=None, screen=None,
        settings=None, self_test=False, command=None,
    )
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.fixture(scope="session")
def options_factory():
    """``make_options`` for module-scoped fixtures ("from conftest import" is ambiguous across folders)."""
    return make_options


@pytest.fixture(autouse=True, scope="session")
def _qt_test_paths():
    """Keep QStandardPaths (settings, logs) away from the developer's real folders."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield


@pytest.fixture
def build_app(qtbot, tmp_path):
    """Factory: build the real app parts with the given CLI options, show the window and wait for it."""
    from zusammenleben.app import build_parts

    built = []

    def factory(size: tuple[int, int] = (1280, 720), show: bool = True, **overrides):
        options = make_options(**overrides)
        parts = build_parts(
            options, settings_path=tmp_path / "settings.ini", log_folder=tmp_path / "logs", show_dialogs=False
        )
        qtbot.addWidget(parts.window)
        parts.window.resize(*size)
        if show:
            parts.window.show()
            qtbot.waitExposed(parts.window)
        built.append(parts)
        return parts

    yield factory
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for parts in built:
        if parts.kiosk is not None:
            parts.kiosk.shutdown()  # idempotent; its app-wide input filter and timers must not outlive the test
        parts.context.language.set_side_by_side(False)
        # Really delete the window, its state and language: a window left alive is restyled by every
        # later test's app style sheet, and each test would build slower than the one before.
        parts.window.close()
        parts.window.deleteLater()
        parts.context.state.deleteLater()
        parts.context.language.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def main_window(build_app):
    """The main window in German at 1280×720, shown offscreen."""
    return build_app().window


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
