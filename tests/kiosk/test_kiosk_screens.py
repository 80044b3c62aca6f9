"""Screenshots of the kiosk's own screens at 1920×1080 in German and Dutch, and their sizes.

The kiosk's UI strings reach the catalogs when the lead merges /tmp/ui-strings/kiosk.json;
until then the screenshots read the translations from that file (if it is there), so
they show what visitors will read.
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pytest
from kiosk_helpers import tap
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton

from zusammenleben.i18n.language import Language
from zusammenleben.modes.kiosk.controller import Phase

PENDING = Path("/tmp/ui-strings/kiosk.json")


class _Pending(gettext.NullTranslations):
    """The real catalog first; kiosk strings it does not know yet from the pending JSON."""

    def __init__(self, base, code: str, entries: list[dict]) -> None:
        super().__init__()
        self.base = base
        self.single = {e["msgid"]: e[code] for e in entries if "msgid_plural" not in e}
        self.plural = {e["msgid"]: e[code] for e in entries if "msgid_plural" in e}

    def gettext(self, message):
        text = self.base.gettext(message)
        return self.single.get(message, text) if text == message else text

    def ngettext(self, singular, plural, n):
        text = self.base.ngettext(singular, plural, n)
        if text in (singular, plural) and singular in self.plural:
            return self.plural[singular][0 if n == 1 else 1]
        return text


@pytest.fixture
def pending_strings(monkeypatch):
    if not PENDING.exists():
        return
    entries = json.loads(PENDING.read_text(encoding="utf-8"))
    original = Language._catalog

    def catalog(self, domain, code):
        base = original(self, domain, code)
        return _Pending(base, code, entries) if domain == "zusammenleben" and code in ("de", "nl") else base

    monkeypatch.setattr(Language, "_catalog", catalog)


def settle(qtbot, window) -> None:
    story = window.screens["story"]
    qtbot.waitUntil(lambda: not story.fade.running, timeout=3000)


@pytest.mark.parametrize("code", ["de", "nl"])
def test_screenshots_of_the_kiosk_overlays(qtbot, kiosk_app, artifacts_dir, pending_strings, code):
    parts = kiosk_app(size=(1920, 1080), language=code)
    window, kiosk, state, language = parts.window, parts.kiosk, parts.context.state, parts.context.language
    assert language.code == code
    kiosk.attract.stop()
    kiosk.attract_overlay.set_playing(True)  # as visitors see it: playing, with the pause button
    state.set_chapter(1, move_year=False)
    state.set_year(2009)
    settle(qtbot, window)
    overlay = kiosk.attract_overlay
    assert overlay.primary.text() == language.ui_in("Touch to start", code)
    assert overlay.card.geometry().bottom() < window.height() - 100  # above the time bar
    assert overlay.primary.fontInfo().pixelSize() >= 48
    window.grab().save(str(artifacts_dir / f"kiosk-attract-{code}-1920x1080.png"))

    tap(qtbot, overlay, QPoint(960, 300))
    kiosk.idle.set_seconds(0.05)
    kiosk.idle.restart()
    qtbot.waitUntil(lambda: kiosk.phase is Phase.COUNTDOWN, timeout=2000)
    kiosk.countdown.stop()  # freeze it for the picture
    kiosk.countdown_overlay.set_time(17, 0.85)
    card = kiosk.countdown_overlay.card
    assert kiosk.countdown_overlay.title.fontInfo().pixelSize() >= 64
    assert kiosk.countdown_overlay.button.height() >= 96
    assert card.geometry().left() > 0 and card.geometry().right() < window.width()
    window.grab().save(str(artifacts_dir / f"kiosk-countdown-{code}-1920x1080.png"))
    kiosk.continue_session()

    kiosk.open_pin_pad()
    for digit in "12":
        tap(qtbot, kiosk.pin_pad.keys[digit])
    keys = kiosk.pin_pad.findChildren(QPushButton)
    assert all(key.width() >= 96 and key.height() >= 64 for key in keys)
    window.grab().save(str(artifacts_dir / f"kiosk-pin-{code}-1920x1080.png"))
    for digit in "68":
        tap(qtbot, kiosk.pin_pad.keys[digit])
    tap(qtbot, kiosk.pin_pad.keys["ok"])
    assert not kiosk.admin_panel.isVisible()  # 1268 is wrong: the PIN is 2468
    kiosk.guard.failures, kiosk.guard._locked_until = 0, 0.0
    kiosk.pin_pad.hide()
    kiosk.close_admin()
    kiosk.open_pin_pad()
    for digit in "2468":
        tap(qtbot, kiosk.pin_pad.keys[digit])
    tap(qtbot, kiosk.pin_pad.keys["ok"])
    assert kiosk.admin_panel.isVisible()
    window.grab().save(str(artifacts_dir / f"kiosk-admin-{code}-1920x1080.png"))


def test_the_overlays_fit_at_1280x720(qtbot, kiosk_app, pending_strings):
    parts = kiosk_app(size=(1280, 720))
    window, kiosk = parts.window, parts.kiosk
    for overlay, card in ((kiosk.attract_overlay, kiosk.attract_overlay.card),
                          (kiosk.countdown_overlay, kiosk.countdown_overlay.card),
                          (kiosk.pin_pad, kiosk.pin_pad.card),
                          (kiosk.admin_panel, kiosk.admin_panel.card)):
        overlay.open()
        overlay._place()
        assert window.rect().contains(card.geometry()), type(overlay).__name__
        assert card.height() >= card.minimumSizeHint().height(), type(overlay).__name__
        overlay.hide()
    kiosk.pin_pad.open()
    assert all(key.height() >= 64 for key in kiosk.pin_pad.keys.values())


def test_the_letter_pad_at_1280x720(qtbot, kiosk_app, artifacts_dir, pending_strings):
    parts = kiosk_app(size=(1280, 720))
    window, kiosk = parts.window, parts.kiosk
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    parts.context.state.set_screen("partnerships")
    search = window.screens["partnerships"].filter_bar.search
    qtbot.waitUntil(search.isVisible)
    tap(qtbot, search)
    pad = kiosk.letters.pad
    qtbot.waitUntil(pad.isVisible)
    top_left = window.mapFromGlobal(pad.mapToGlobal(QPoint(0, 0)))
    assert top_left.x() >= 0 and top_left.y() >= 0
    assert top_left.x() + pad.width() <= window.width() and top_left.y() + pad.height() <= window.height()
    pad.grab().save(str(artifacts_dir / "kiosk-letters-de.png"))
