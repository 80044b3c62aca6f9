"""``live_app``: like ``build_app``, but the live reload replaces windows, so the fixture closes whichever
window is current at the end (pytest-qt would close the first window, which a reload already deleted)."""

from __future__ import annotations

import pytest


@pytest.fixture
def live_app(qtbot, tmp_path, options_factory):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from zusammenleben.app import build_parts

    built = []

    def factory(size: tuple[int, int] = (1280, 720), show: bool = True, **overrides):
        parts = build_parts(options_factory(**overrides), settings_path=tmp_path / "settings.ini",
                            log_folder=tmp_path / "logs", show_dialogs=False)
        parts.window.resize(*size)
        if show:
            parts.window.show()
            qtbot.waitExposed(parts.window)
        built.append(parts)
        return parts

    yield factory
    for parts in built:
        if parts.kiosk is not None:
            parts.kiosk.shutdown()  # its app-wide input filter must not outlive the test
        parts.context.language.set_side_by_side(False)
        parts.window.close()
        parts.window.deleteLater()
        parts.context.state.deleteLater()
        parts.context.language.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
