"""The kiosk's reading levels: a chapter shows its label first (large, with its figure); "Mehr lesen /
Meer lezen" opens the easy text (or the full one, as kiosk.toml says); the attract loop shows labels;
another chapter and the idle reset return to the label."""

from __future__ import annotations

import pytest
from kiosk_helpers import tap
from PySide6.QtCore import QPoint

from zusammenleben.modes.kiosk.config import load_kiosk_config
from zusammenleben.modes.kiosk.controller import Phase


def story(parts):
    return parts.window.screens["story"]


def body(parts) -> str:
    return story(parts).chapter_view.body_views[0].toPlainText()


def press_more(qtbot, view) -> None:
    """Tap "Mehr lesen" once it is laid out (it appears with the label, sized by the next layout pass)."""
    qtbot.waitUntil(lambda: view.more_button.isVisible() and view.more_button.width() > 100
                    and view.more_button.visibleRegion().boundingRect().height() > 10)
    tap(qtbot, view.more_button)


def start_visit(qtbot, parts) -> None:
    tap(qtbot, parts.kiosk.attract_overlay, QPoint(640, 300))
    assert parts.kiosk.phase is Phase.SESSION


@pytest.mark.parametrize(("lang", "more"), [("de", "Mehr lesen"), ("nl", "Meer lezen")])
def test_label_then_more_then_reset(qtbot, kiosk_app, lang, more):
    parts = kiosk_app(size=(1920, 1080), language=lang)
    kiosk, state, language = parts.kiosk, parts.context.state, parts.context.language
    view = story(parts).chapter_view
    start_visit(qtbot, parts)
    kiosk.idle.set_seconds(60)
    kiosk.idle.restart()
    state.set_chapter(2)
    chapter = state.chapter
    qtbot.waitUntil(lambda: view.short_label.isVisible())
    assert view.short_label.text() == language.content(chapter.short)
    assert not any(v.isVisible() for v in view.body_views), "the label comes first, alone"
    assert story(parts).plot_slot.isVisible() and story(parts).plot_slot.parentWidget() is story(parts), \
        "the figure stands beside the label"
    assert view.short_label.font().pixelSize() > view.title_label.font().pixelSize() * 0.6
    assert view.more_button.text() == more and view.more_button.isVisible()

    press_more(qtbot, view)
    qtbot.waitUntil(lambda: view.body_views[0].isVisible())
    easy = language.content(chapter.easy[0]).split("](")[0][:30]
    assert easy.split("[")[0] in body(parts), "kiosk.toml's default opens the easy text"
    assert not view.short_label.isVisible()
    assert view.more_button.text() == language.ui("Back to the short text")

    state.set_chapter(3)  # another chapter starts from its label
    qtbot.waitUntil(lambda: view.short_label.isVisible())
    press_more(qtbot, view)
    qtbot.waitUntil(lambda: view.body_views[0].isVisible())

    kiosk.idle.set_seconds(0.3)
    kiosk.idle.restart()
    qtbot.waitUntil(lambda: kiosk.phase is Phase.ATTRACT, timeout=4000)  # idle, countdown, reset
    assert state.chapter_index == 0
    qtbot.waitUntil(lambda: view.short_label.isVisible())
    assert view.short_label.text() == language.content(parts.context.pack.chapters[0].short)
    assert not view.expanded


def test_the_attract_loop_shows_the_labels(qtbot, kiosk_app):
    parts = kiosk_app(size=(1920, 1080))
    kiosk = parts.kiosk
    view = story(parts).chapter_view
    kiosk.attract.seconds_per_chapter = 0.3
    seen: list[str] = []
    kiosk.attract.chapterStarted.connect(lambda _index: seen.append(view.short_label.text()
                                                                    if view.showing_label else ""))
    kiosk.attract.start(0)
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    pack = parts.context.pack
    assert seen[:3] == [pack.chapters[i].short for i in range(3)]


def test_kiosk_toml_can_open_the_full_text(qtbot, kiosk_app, tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[reading]\nmore = "standard"\n', "utf-8")
    assert load_kiosk_config(path).more_level == "standard"
    parts = kiosk_app(more_level="standard")
    view = story(parts).chapter_view
    start_visit(qtbot, parts)
    kiosk = parts.kiosk
    kiosk.idle.set_seconds(60)
    kiosk.idle.restart()
    press_more(qtbot, view)
    chapter = parts.context.state.chapter
    qtbot.waitUntil(lambda: view.body_views[0].isVisible())
    assert chapter.body[0][:40] in body(parts)


def test_a_bad_reading_value_falls_back_to_easy(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[reading]\nmore = "leicht"\n', "utf-8")
    config = load_kiosk_config(path)
    assert config.more_level == "easy"
    assert "kiosk.toml:2: reading.more: 'leicht' is not one of: easy, standard → using \"easy\"" in [
        p.format() for p in config.problems
    ]
