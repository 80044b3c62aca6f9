"""Screenshots of the reading levels for docs/screenshots/ (written only when they change).

One chapter at the standard and the easy level, and the kiosk's label, in German and Dutch. The
tests also hold what the pictures must show: the easy text in the text column, the label with its
figure beside it and "Mehr lesen / Meer lezen" in view.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_layout import save_screenshot


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_a_chapter_at_both_levels(build_app, qtbot, lang):
    parts = build_app(lang=lang, size=(1280, 720))
    state = parts.context.state
    state.set_chapter(4)
    story = parts.window.screens["story"]
    view = story.chapter_view
    qtbot.waitUntil(lambda: not story.fade.running, timeout=3000)
    for level in ("standard", "easy"):
        state.set_level(level)
        first = parts.context.language.content(state.chapter.text_at(level)[0]).split()[:4]
        qtbot.waitUntil(lambda words=first: " ".join(words) in view.body_views[0].toPlainText())
        qtbot.wait(50)  # one more layout pass for the figure beside the text
        path = save_screenshot(parts.window, f"level-{level}-{lang}-1280x720")
        assert path.stat().st_size > 10_000


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_the_kiosk_label(build_app, qtbot, lang):
    from dataclasses import replace

    from zusammenleben.modes.kiosk.config import KioskConfig

    config = replace(KioskConfig(), language=lang, attract=False, idle_timeout=600)
    parts = build_app(size=(1920, 1080), kiosk=True, kiosk_config=config, lang=None)
    try:
        story = parts.window.screens["story"]
        view = story.chapter_view
        parts.context.state.set_chapter(1)
        qtbot.waitUntil(lambda: view.short_label.isVisible() and view.more_button.isVisible())
        qtbot.waitUntil(lambda: story.plot_slot.isVisible() and story.plot_slot.parentWidget() is story)
        qtbot.waitUntil(lambda: not story.fade.running, timeout=3000)  # the chapter's fade-in is over
        qtbot.wait(100)
        assert view.more_button.visibleRegion().boundingRect().height() == view.more_button.height()
        save_screenshot(parts.window, f"kiosk-label-{lang}-1920x1080")
    finally:
        parts.kiosk.shutdown()
