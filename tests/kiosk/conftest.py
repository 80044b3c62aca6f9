"""Kiosk fixtures: the real app in kiosk mode with sub-second timeouts and statistics in a temporary folder."""

from __future__ import annotations

from dataclasses import replace

import pytest
from kiosk_helpers import PIN

from zusammenleben.modes.kiosk.config import KioskConfig
from zusammenleben.modes.kiosk.pin import hash_pin


@pytest.fixture(scope="session")
def pin_hash() -> str:
    return hash_pin(PIN, iterations=1000)  # few rounds: the tests check the PIN often


@pytest.fixture
def kiosk_config(tmp_path, pin_hash) -> KioskConfig:
    """Short timeouts; a slow loop (56 s per chapter) unless a test speeds it up."""
    return KioskConfig(idle_timeout=0.4, countdown=0.8, attract_speed=0.25, stats_folder=str(tmp_path / "stats"),
                       pin_hash=pin_hash, language="de")


@pytest.fixture
def kiosk_app(build_app, kiosk_config):
    """Factory: build the app in kiosk mode (``**changes`` adjust the config); shut the kiosk down after."""
    made = []

    def factory(size: tuple[int, int] = (1280, 720), **changes):
        config = replace(kiosk_config, **changes)
        parts = build_app(size=size, kiosk=True, kiosk_config=config, lang=None)
        made.append(parts)
        return parts

    yield factory
    for parts in made:
        parts.kiosk.shutdown()  # the app-wide filter goes, and the window may close again
